import { afterEach, describe, expect, it } from 'vitest';
import { Markup, TelegramError } from 'telegraf';
import type { Telegraf } from 'telegraf';
import { startHarness, PNG_BYTES } from './helpers.js';
import type { Harness } from './helpers.js';

let harness: Harness | undefined;

async function start(setup: (bot: Telegraf) => void, options = {}): Promise<Harness> {
  harness = await startHarness(setup, options);
  return harness;
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Runs `fn`, returning the TelegramError it throws (or failing the test). */
async function telegramError(fn: () => Promise<unknown>): Promise<TelegramError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof TelegramError) return error;
    throw error;
  }
  throw new Error('expected a TelegramError');
}

describe('BotApiSimulator with a Telegraf bot', () => {
  it('round-trips a command: reply text, plain text, recorded call, transcript', async () => {
    const { sim } = await start((bot) => {
      bot.command('start', (ctx) => ctx.reply(`<b>Halo</b> ${ctx.from.first_name} &amp; selamat datang`, { parse_mode: 'HTML' }));
    });
    const sri = sim.user({ firstName: 'Bu', lastName: 'Sri', username: 'busri' });
    const live: string[] = [];
    sim.onEvent((event) => live.push(`${event.kind}: ${event.line}`));

    const sent = await sri.send('/start');

    expect(sent.messageId).toBe(1);
    expect(sri.lastText()).toBe('Halo Bu & selamat datang');
    const reply = sri.lastMessage();
    expect(reply?.text).toBe('<b>Halo</b> Bu &amp; selamat datang');
    expect(reply?.parseMode).toBe('HTML');
    expect(reply?.messageId).toBe(2);
    expect(reply?.entities).toEqual([{ type: 'bold', offset: 0, length: 4 }]);
    const [call] = sim.callsOf('sendMessage');
    expect(call?.ok).toBe(true);
    expect(call?.params.chat_id).toBe(sri.id);
    expect(sim.chat(sri).userMessages.map((m) => m.text)).toEqual(['/start']);
    expect(sim.transcript()).toBe('[Bu Sri → bot] /start\n[bot → Bu Sri] Halo Bu & selamat datang');
    expect(live).toEqual(['user-message: [Bu Sri → bot] /start', 'bot-message: [bot → Bu Sri] Halo Bu & selamat datang']);
  });

  it('delivers group commands addressed to the bot and hides other group chatter (privacy mode)', async () => {
    const seen: string[] = [];
    const { sim } = await start((bot) => {
      bot.command('progres', (ctx) => ctx.reply(`Progres untuk ${ctx.chat.type}`));
      bot.on('message', (ctx) => {
        if ('text' in ctx.message) seen.push(ctx.message.text);
      });
    });
    const sri = sim.user({ firstName: 'Sri' });
    const group = sim.group({ title: 'Misi Dagang Jatim–Kalbar' });

    await sri.send('/progres@misi_dagang_bot', { chat: group });
    await sri.send('halo semua', { chat: group });
    await sri.send('/progres@other_bot', { chat: group });
    await sri.send('@misi_dagang_bot tolong', { chat: group });
    const adminGroup = sim.group({ title: 'Panitia', type: 'supergroup', botIsAdmin: true });
    await sri.send('rapat jam 9', { chat: adminGroup });

    expect(group.id).toBeLessThan(0);
    expect(group.lastText()).toBe('Progres untuk group');
    expect(seen).toEqual(['@misi_dagang_bot tolong', 'rapat jam 9']);
    expect(adminGroup.id).toBeLessThan(-1_000_000_000_000);
    expect(sim.transcript({ chat: group })).toContain('[Sri → Misi Dagang Jatim–Kalbar] halo semua  (not delivered to the bot: group privacy mode)');
  });

  it('releases every settled() waiter at the same quiet moment, so concurrent users are not served in turn', async () => {
    const { sim } = await start((bot) => {
      bot.command('kartu', (ctx) => ctx.reply('Kartu', Markup.inlineKeyboard([Markup.button.callback('Simpan', 'save')])));
      bot.action('save', async (ctx) => {
        await ctx.answerCbQuery('ok');
        // Slow enough that taps served one at a time would show in the polls.
        await new Promise((resolve) => setTimeout(resolve, 100));
      });
    });
    const users = Array.from({ length: 5 }, (_, i) => sim.user({ firstName: `U${i}` }));
    await Promise.all(
      users.map(async (user) => {
        await user.send('/kartu');
        await user.tap('Simpan');
      }),
    );
    const tapsPerPoll = sim
      .callsOf('getUpdates')
      .map((call) => (call.response.ok && Array.isArray(call.response.result) ? (call.response.result as { callback_query?: unknown }[]) : []))
      .map((updates) => updates.filter((update) => update.callback_query).length)
      .filter((taps) => taps > 0);
    // The first tap may wake the poll already waiting; the rest come together.
    // Released in turn, they would come one per poll: [1, 1, 1, 1, 1].
    expect(tapsPerPoll.reduce((a, b) => a + b, 0)).toBe(5);
    expect(tapsPerPoll.length).toBeLessThanOrEqual(2);
  });

  it('taps an inline button: callback data, answerCallbackQuery, editMessageText', async () => {
    const { sim } = await start((bot) => {
      bot.command('lapor', (ctx) =>
        ctx.reply('Simpan Rp1.500.000 keripik?', Markup.inlineKeyboard([Markup.button.callback('Simpan', 'sale:save:42'), Markup.button.callback('Batal', 'sale:cancel:42')])),
      );
      bot.action(/^sale:save:(\d+)$/, async (ctx) => {
        await ctx.answerCbQuery(`Tersimpan #${ctx.match[1]}`);
        await ctx.editMessageText('✅ Tercatat Rp1.500.000');
      });
    });
    const sri = sim.user({ firstName: 'Bu Sri' });
    await sri.send('/lapor 1,5jt keripik');
    expect(sri.lastMessage()?.replyMarkup).toEqual({
      inline_keyboard: [[{ text: 'Simpan', callback_data: 'sale:save:42', hide: false }, { text: 'Batal', callback_data: 'sale:cancel:42', hide: false }]],
    });

    const tap = await sri.tap('Simpan');

    expect(tap.data).toBe('sale:save:42');
    expect(tap.answer).toEqual({ text: 'Tersimpan #42' });
    const edited = sri.lastMessage();
    expect(edited?.plain).toBe('✅ Tercatat Rp1.500.000');
    expect(edited?.edited).toBe(1);
    expect(edited?.replyMarkup).toBeUndefined(); // edit without reply_markup drops the keyboard
    expect(edited?.raw.edit_date).toEqual(expect.any(Number));
    const callback = sim.callsOf('answerCallbackQuery')[0];
    expect(callback?.params.text).toBe('Tersimpan #42');
    expect(sim.transcript()).toBe(
      [
        '[Bu Sri → bot] /lapor 1,5jt keripik',
        '[bot → Bu Sri] Simpan Rp1.500.000 keripik?',
        '  [ Simpan ] [ Batal ]',
        '[Bu Sri taps «Simpan»]',
        '[bot answers Bu Sri: «Tersimpan #42»]',
        '[bot edits #2 → Bu Sri] ✅ Tercatat Rp1.500.000',
        '  (buttons removed)',
      ].join('\n'),
    );

    await expect(sri.tap(/simpan/i)).rejects.toThrow(/no inline button matching \/simpan\/i.*no inline keyboard/s);
  });

  it('lists the available buttons when a tap matches none, and sends forged data with tapData', async () => {
    const data: string[] = [];
    const { sim } = await start((bot) => {
      bot.command('menu', (ctx) => ctx.reply('Menu', Markup.inlineKeyboard([[Markup.button.callback('Katalog', 'cat')], [Markup.button.url('Situs', 'https://jatimprov.go.id')]])));
      bot.on('callback_query', async (ctx) => {
        if ('data' in ctx.callbackQuery) data.push(ctx.callbackQuery.data);
        await ctx.answerCbQuery('Tombol kedaluwarsa', { show_alert: true });
      });
    });
    const sri = sim.user({ firstName: 'Sri' });
    await sri.send('/menu');

    await expect(sri.tap('Simpan')).rejects.toThrow('Buttons available (newest first):\n  message 2: «Katalog» «Situs»');
    await expect(sri.tap('Situs')).rejects.toThrow(/not a callback button \(url\)/);
    const forged = await sri.tapData('sale:save:999');

    expect(data).toEqual(['sale:save:999']);
    expect(forged.answer).toEqual({ text: 'Tombol kedaluwarsa', show_alert: true });
    expect(sim.transcript()).toContain('  [ Katalog ]\n  [ Situs ↗ ]');
  });

  it('rejects invalid HTML with 400 and records the failed call', async () => {
    const errors: TelegramError[] = [];
    const { sim } = await start((bot) => {
      bot.command('target', async (ctx) => {
        try {
          await ctx.reply('<b>Rp1 M < target', { parse_mode: 'HTML' });
        } catch (error) {
          if (error instanceof TelegramError) errors.push(error);
          await ctx.reply('Maaf, ada kesalahan.');
        }
      });
    });
    const sri = sim.user({ firstName: 'Sri' });
    await sri.send('/target');

    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe(400);
    expect(errors[0]?.description).toBe(`Bad Request: can't parse entities: Unsupported start tag "" at byte offset 9`);
    const [failed, fallback] = sim.callsOf('sendMessage');
    expect(failed?.ok).toBe(false);
    expect(failed?.response).toMatchObject({ ok: false, error_code: 400 });
    expect(fallback?.ok).toBe(true);
    expect(sri.messages().map((m) => m.plain)).toEqual(['Maaf, ada kesalahan.']);
    expect(sim.transcript()).toContain(`[bot ✗ sendMessage → Sri: 400 Bad Request: can't parse entities`);
  });

  it('enforces the 4096-character limit after entity parsing, and non-empty text', async () => {
    const { sim, bot } = await start(() => {});
    const sri = sim.user({ firstName: 'Sri', startedBot: true });

    const atLimit = await bot.telegram.sendMessage(sri.id, `<b>${'a'.repeat(4096)}</b>`, { parse_mode: 'HTML' });
    const tooLong = await telegramError(() => bot.telegram.sendMessage(sri.id, 'a'.repeat(4097)));
    const empty = await telegramError(() => bot.telegram.sendMessage(sri.id, ' \n '));
    const caption = await telegramError(() => bot.telegram.sendPhoto(sri.id, { source: PNG_BYTES }, { caption: 'x'.repeat(1025) }));

    expect(atLimit.message_id).toBe(1);
    expect(sri.lastText()).toHaveLength(4096);
    expect([tooLong.code, tooLong.description]).toEqual([400, 'Bad Request: message is too long']);
    expect(empty.description).toBe('Bad Request: message text is empty');
    expect(caption.description).toBe('Bad Request: message caption is too long');
  });

  it('answers "message is not modified", "not found" and BUTTON_DATA_INVALID like Telegram', async () => {
    const { sim, bot } = await start(() => {});
    const sri = sim.user({ firstName: 'Sri', startedBot: true });
    const keyboard = Markup.inlineKeyboard([Markup.button.callback('OK', 'ok')]);
    const sent = await bot.telegram.sendMessage(sri.id, '<i>Rekap</i>', { parse_mode: 'HTML', ...keyboard });

    const same = await telegramError(() => bot.telegram.editMessageText(sri.id, sent.message_id, undefined, '<em>Rekap</em>', { parse_mode: 'HTML', ...keyboard }));
    const changed = await bot.telegram.editMessageText(sri.id, sent.message_id, undefined, '<em>Rekap</em>', { parse_mode: 'HTML' });
    const missingEdit = await telegramError(() => bot.telegram.editMessageText(sri.id, 999, undefined, 'x'));
    const missingDelete = await telegramError(() => bot.telegram.deleteMessage(sri.id, 999));
    const longData = await telegramError(() => bot.telegram.sendMessage(sri.id, 'x', Markup.inlineKeyboard([Markup.button.callback('Pilih', 'p'.repeat(65))])));
    await bot.telegram.deleteMessage(sri.id, sent.message_id);

    expect(same.description).toMatch(/^Bad Request: message is not modified: /);
    expect(changed).toMatchObject({ message_id: sent.message_id, text: 'Rekap' });
    expect(missingEdit.description).toBe('Bad Request: message to edit not found');
    expect(missingDelete.description).toBe('Bad Request: message to delete not found');
    expect(longData.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    const state = sim.chat(sri.id).botMessages;
    expect(state).toHaveLength(1);
    expect(state[0]).toMatchObject({ edited: 1, deleted: true, plain: 'Rekap' });
    expect(sri.messages()).toEqual([]);
  });

  it('injects 429 flood control, seen by the bot as TelegramError with retry_after', async () => {
    const { sim, bot } = await start(() => {});
    const sri = sim.user({ firstName: 'Sri', startedBot: true });
    sim.failWith429('sendMessage', 7, { chatId: sri.id });

    const error = await telegramError(() => bot.telegram.sendMessage(sri.id, 'Ringkasan harian'));
    const retried = await bot.telegram.sendMessage(sri.id, 'Ringkasan harian');

    expect(error.code).toBe(429);
    expect(error.description).toBe('Too Many Requests: retry after 7');
    expect(error.parameters?.retry_after).toBe(7);
    expect(retried.text).toBe('Ringkasan harian');
    expect(sim.callsOf('sendMessage').map((c) => c.ok)).toEqual([false, true]);
  });

  it('answers 403 after the user blocks the bot, and before the user ever wrote', async () => {
    const { sim, bot } = await start((b) => {
      b.start((ctx) => ctx.reply('Selamat datang'));
    });
    const sri = sim.user({ firstName: 'Sri' });
    const budi = sim.user({ firstName: 'Budi' });
    await sri.send('/start');
    sri.block();

    const blocked = await telegramError(() => bot.telegram.sendMessage(sri.id, 'Ringkasan'));
    const neverStarted = await telegramError(() => bot.telegram.sendMessage(budi.id, 'Halo'));
    const unknown = await telegramError(() => bot.telegram.sendMessage(424242, 'Halo'));

    expect([blocked.code, blocked.description]).toEqual([403, 'Forbidden: bot was blocked by the user']);
    expect([neverStarted.code, neverStarted.description]).toEqual([403, "Forbidden: bot can't initiate conversation with a user"]);
    expect([unknown.code, unknown.description]).toEqual([400, 'Bad Request: chat not found']);
    expect(sri.messages().map((m) => m.plain)).toEqual(['Selamat datang']);
  });

  it('answers group migration with parameters.migrate_to_chat_id', async () => {
    const { sim, bot } = await start(() => {});
    const group = sim.group({ title: 'Pameran Pontianak' });
    await bot.telegram.sendMessage(group.id, 'Ringkasan hari 1');

    const supergroup = sim.migrateGroup(group);
    const error = await telegramError(() => bot.telegram.sendMessage(group.id, 'Ringkasan hari 2'));
    await bot.telegram.sendMessage(error.parameters?.migrate_to_chat_id ?? 0, 'Ringkasan hari 2');

    expect(supergroup.id).toBe(Number(`-100${Math.abs(group.id)}`));
    expect(supergroup.type).toBe('supergroup');
    expect(error.code).toBe(400);
    expect(error.description).toBe('Bad Request: group chat was upgraded to a supergroup chat');
    expect(error.parameters).toEqual({ migrate_to_chat_id: supergroup.id });
    expect(group.lastText()).toBe('Ringkasan hari 1');
    expect(supergroup.lastText()).toBe('Ringkasan hari 2');
  });

  it('accepts a multipart document upload whose bytes are readable back, and serves it via getFile', async () => {
    const csv = Buffer.from('tanggal,jumlah\n2025-05-01,1500000\n');
    const { sim, bot } = await start((b) => {
      b.command('ekspor', (ctx) =>
        ctx.replyWithDocument({ source: csv, filename: 'laporan.csv' }, { caption: 'Laporan <b>hari ini</b>', parse_mode: 'HTML' }),
      );
    });
    const sri = sim.user({ firstName: 'Sri' });
    await sri.send('/ekspor');

    const message = sri.lastMessage();
    expect(message?.document?.filename).toBe('laporan.csv');
    expect(message?.document?.bytes?.equals(csv)).toBe(true);
    expect(message?.plain).toBe('Laporan hari ini');
    expect(message?.raw.document).toMatchObject({ file_name: 'laporan.csv', file_size: csv.length });
    const call = sim.callsOf('sendDocument')[0];
    expect(call?.params.chat_id).toBe(sri.id); // multipart strings restored to numbers

    const link = await bot.telegram.getFileLink(message?.document?.fileId ?? '');
    const download = await fetch(link);
    expect(Buffer.from(await download.arrayBuffer()).equals(csv)).toBe(true);
    expect(sim.transcript()).toContain(`[bot → Sri] [document laporan.csv, ${csv.length} B] Laporan hari ini`);
  });

  it('checks uploaded photos and reuses file ids of photos users sent', async () => {
    const { sim, bot } = await start((b) => {
      b.on('photo', (ctx) => ctx.replyWithPhoto(ctx.message.photo.at(-1)?.file_id ?? '', { caption: 'Foto produk disimpan' }));
    });
    const sri = sim.user({ firstName: 'Sri' });
    const sent = await sri.sendPhoto({ caption: 'keripik tempe' });
    const notImage = await telegramError(() => bot.telegram.sendPhoto(sri.id, { source: Buffer.from('<svg/>'), filename: 'chart.svg' }));
    const chart = await bot.telegram.sendPhoto(sri.id, { source: PNG_BYTES, filename: 'chart.png' });

    expect(sent.photo?.fileId).toMatch(/^AgAC/);
    expect(sent.raw.photo).toHaveLength(3);
    const reply = sri.messages()[0];
    expect(reply?.photo?.fileId).toBe(sent.photo?.fileId);
    expect(reply?.plain).toBe('Foto produk disimpan');
    expect(notImage.description).toBe('Bad Request: IMAGE_PROCESS_FAILED');
    expect(sri.lastMessage()?.photo?.bytes?.equals(PNG_BYTES)).toBe(true);
    expect(chart.photo).toHaveLength(3);
  });

  it('answers an inline query and rejects duplicate result ids', async () => {
    const { sim } = await start((bot) => {
      bot.on('inline_query', async (ctx) => {
        const article = (id: string, title: string) => ({
          type: 'article' as const,
          id,
          title,
          input_message_content: { message_text: `<b>${title}</b>`, parse_mode: 'HTML' as const },
        });
        if (ctx.inlineQuery.query === 'rusak') {
          await ctx.answerInlineQuery([article('1', 'A'), article('1', 'B')]).catch(() => undefined);
          return;
        }
        await ctx.answerInlineQuery([article('k1', 'Kopi Gayo'), article('k2', 'Kopi Luwak')], { next_offset: '2', cache_time: 0 });
      });
    });
    const sri = sim.user({ firstName: 'Sri' });

    const answer = await sri.inlineQuery('kopi');
    const broken = await sri.inlineQuery('rusak');

    expect(answer?.results.map((r) => r.title)).toEqual(['Kopi Gayo', 'Kopi Luwak']);
    expect(answer?.next_offset).toBe('2');
    expect(broken).toBeUndefined();
    expect(sim.callsOf('answerInlineQuery')[1]?.response).toMatchObject({ error_code: 400, description: 'Bad Request: RESULT_ID_DUPLICATE' });
    expect(sim.transcript()).toContain('[bot offers 2 result(s) to Sri: Kopi Gayo · Kopi Luwak]');
  });

  it('shares a contact and waits for pushes the bot sends on its own', async () => {
    const { sim, bot } = await start((b) => {
      b.on('contact', (ctx) => ctx.reply(`Nomor ${ctx.message.contact.phone_number} tersimpan`));
    });
    const sri = sim.user({ firstName: 'Sri' });
    await sri.sendContact('+6281234567890');
    const group = sim.group({ title: 'Grup Misi' });

    const pushed = sim.waitFor((c) => c.method === 'sendMessage' && c.params.chat_id === group.id, 2_000);
    setTimeout(() => void bot.telegram.sendMessage(group.id, 'Ringkasan 18:00'), 20);

    expect((await pushed).params.text).toBe('Ringkasan 18:00');
    expect(sri.lastText()).toBe('Nomor +6281234567890 tersimpan');
    expect(sim.transcript()).toContain('[Sri → bot] [contact +6281234567890 (Sri)]');
  });
});
