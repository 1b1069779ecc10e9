/**
 * /pengumuman (/announce): an official's text goes to every exhibitor of the
 * active mission through the outbox, after one confirming tap; the official
 * then gets the count delivered and failed — or, when the sender is not
 * running, how many are still queued. Refused to other roles everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat } from '../../src/demo/flows.js';
import { inlineButtons, type SimCall, type SimChat, type SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { outboxDrained } from '../support/push-fixtures.js';

const TEXT = 'Besok pameran dibuka jam 08.00 <b>tepat</b> & mohon hadir 30 menit lebih awal.';

/** The bot's sendMessage to a chat whose text matches, past or future. */
const reportTo = (bot: TestBot, chatId: number, pattern: RegExp, timeoutMs = 15_000) =>
  bot.sim.waitFor((call: SimCall) => call.method === 'sendMessage' && Number(call.params.chat_id) === chatId && pattern.test(String(call.params.text)), timeoutMs);

async function setUp(bot: TestBot) {
  const official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
  await createMissionByChat(official, { name: 'Misi Dagang Jatim – Banten', origin: 'jatim', host: 'banten', city: 'Serang', start: '26-11-2026', end: '28-11-2026', timeZone: 'WIB', target: '3 M' });
  const exhibitors: SimUser[] = [];
  for (const [id, name, languageCode] of [
    [8701, 'Sri', 'id'],
    [8702, 'Budi', 'id'],
    [8703, 'Emma', 'en'],
    [8704, 'Dodi', 'id'],
  ] as const) {
    const user = bot.sim.user({ id, firstName: name, languageCode });
    await registerByChat(user, { name: `Usaha ${name}`, category: languageCode === 'en' ? 'Food' : 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: `0812000${id}` });
    exhibitors.push(user);
  }
  return { official, exhibitors };
}

describe.each(TEST_PROVIDERS)('announcements (%s)', (provider) => {
  let bot: TestBot;
  let now = new Date('2026-11-26T03:00:00Z');
  let official: SimUser;
  let sri: SimUser;
  let emma: SimUser;
  let dodi: SimUser;
  let buyer: SimUser;
  let group: SimChat;

  const prisma = () => bot.db.prisma;
  const announcementRows = () => prisma().outboxMessage.findMany({ where: { purpose: 'announcement' }, orderBy: { id: 'asc' } });
  const buttonsOf = (user: SimUser, chat?: SimChat) => {
    const message = user.lastMessage(chat);
    return message ? inlineButtons(message).map((b) => b.text) : [];
  };

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => now });
    let exhibitors: SimUser[];
    ({ official, exhibitors } = await setUp(bot));
    [sri, , emma, dodi] = exhibitors as [SimUser, SimUser, SimUser, SimUser];
    buyer = bot.sim.user({ id: 8705, firstName: 'Pembeli' });
    await buyer.send('/start');
    group = bot.sim.group({ title: 'Misi Jatim – Banten' });
  });
  afterAll(async () => bot?.stop());

  it('without text, or with too much, explains and queues nothing', async () => {
    await official.send('/pengumuman');
    expect(official.lastText()).toMatch(/Tulis pengumumannya setelah perintah/);
    await official.send(`/pengumuman ${'x'.repeat(3501)}`);
    expect(official.lastText()).toMatch(/Pengumuman terlalu panjang — paling banyak 3500 karakter/);
    expect(await announcementRows()).toEqual([]);
  });

  it('shows the text back with the number of recipients, and queues nothing before the tap', async () => {
    await official.send(`/pengumuman ${TEXT}`);
    expect(official.lastText()).toContain('Kirim pengumuman ini ke 4 peserta Misi Dagang Jatim – Banten?');
    // The official's markup-looking text is shown literally, not as markup.
    expect(official.lastText()).toContain(TEXT);
    expect(buttonsOf(official)).toEqual(['📤 Kirim', '✖️ Batal']);
    expect(await announcementRows()).toEqual([]);
  });

  it('one tap queues it for every exhibitor, audited; the official learns how many were delivered and failed', async () => {
    // Dodi blocked the bot: Telegram answers 403 for him.
    dodi.block();
    const tap = await official.tap('📤 Kirim');
    const updateId = tap.data.replace('an:ok:', '');
    expect(official.lastText()).toMatch(/Pengumuman diantrekan untuk 4 peserta/);
    const rows = await announcementRows();
    expect(rows.map((row) => row.dedupeKey)).toEqual([8701, 8702, 8703, 8704].map((id) => `announce:${updateId}:${id}`));
    expect(rows.map((row) => row.chatId)).toEqual([8701n, 8702n, 8703n, 8704n]);
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: 'announcement.send' } });
    expect(audit.actorId).toBe(BigInt(OFFICIAL_ID));
    expect(JSON.parse(audit.after!)).toEqual({ announcementId: updateId, text: TEXT, recipients: 4 });

    await reportTo(bot, OFFICIAL_ID, /Pengumuman selesai/);
    expect(official.lastText()).toBe('📢 Pengumuman selesai: ✅ 3 terkirim, ❌ 1 gagal (dari 4 peserta).');
    expect(sri.lastText()).toBe(`📢 Pengumuman petugas — Misi Dagang Jatim – Banten\n\n${TEXT}`);
    expect(emma.lastText()).toBe(`📢 Announcement from the officials — Misi Dagang Jatim – Banten\n\n${TEXT}`);
    expect((await announcementRows()).map((row) => row.status)).toEqual(['SENT', 'SENT', 'SENT', 'FAILED']);

    // A second tap on the same announcement sends nothing more.
    const again = await official.tapData(`an:ok:${updateId}`, { messageId: tap.message.messageId });
    expect(again.answer?.text).toBe('Pengumuman ini sudah dikirim.');
    expect(await announcementRows()).toHaveLength(4);
    // Dodi unblocks the bot and writes to it: his chat is reachable again.
    dodi.unblock();
    await dodi.send('/bantuan');
  });

  it('✖️ Batal sends nothing, and its stale 📤 Kirim afterwards sends nothing either', async () => {
    const before = (await announcementRows()).length;
    await official.send('/pengumuman Pengumuman yang tidak jadi');
    const preview = official.lastMessage()!;
    const sendData = inlineButtons(preview).find((b) => b.text === '📤 Kirim')?.callback_data;
    expect(sendData).toMatch(/^an:ok:\d+$/);
    await official.tap('✖️ Batal');
    expect(official.lastText()).toMatch(/Pengumuman dibatalkan\. Tidak ada yang dikirim\./);
    const stale = await official.tapData(sendData!, { messageId: preview.messageId });
    expect(stale.answer?.text).toBe('Draf pengumuman ini sudah tidak berlaku.');
    expect(await announcementRows()).toHaveLength(before);
  });

  it('an official may announce from a group; the confirm button checks whoever taps it', async () => {
    const before = (await announcementRows()).length;
    await official.send('/announce Stan ditutup jam 21.00.', { chat: group });
    expect(group.lastText()).toContain('Kirim pengumuman ini ke 4 peserta');
    const refused = await buyer.tap('📤 Kirim', { chat: group });
    expect(refused.answer).toMatchObject({ text: 'Tombol ini khusus petugas misi.', show_alert: true });
    expect(await announcementRows()).toHaveLength(before);
    await official.tap('📤 Kirim', { chat: group });
    expect(await announcementRows()).toHaveLength(before + 4);
    await reportTo(bot, group.id, /Pengumuman selesai/);
    expect(group.lastText()).toMatch(/Pengumuman selesai: ✅ 4 terkirim, ❌ 0 gagal/);
    expect(sri.lastText()).toContain('Stan ditutup jam 21.00.');
  });

  it('refuses exhibitors and buyers, in private and in a group, and queues nothing', async () => {
    const before = (await announcementRows()).length;
    for (const user of [sri, buyer]) {
      await user.send('/pengumuman Diskon besar!');
      expect(user.lastText()).toMatch(/Perintah ini khusus petugas misi/);
      await user.send('/announce Diskon besar!', { chat: group });
      expect(group.lastText()).toMatch(/Perintah ini khusus petugas misi/);
      const tap = await user.tapData('an:ok:123');
      expect(tap.answer).toMatchObject({ text: 'Tombol ini khusus petugas misi.', show_alert: true });
    }
    expect(await announcementRows()).toHaveLength(before);
    expect(await prisma().auditLog.count({ where: { action: 'announcement.send', actorId: { not: BigInt(OFFICIAL_ID) } } })).toBe(0);
  });

  it('when the sender does not deliver, reports after three minutes how many are still queued', async () => {
    await bot.app.jobs.sender.stop();
    await outboxDrained(prisma()).catch(() => undefined);
    await official.send('/pengumuman Harap isi daftar hadir.');
    await official.tap('📤 Kirim');
    const queuedRows = (await announcementRows()).filter((row) => row.status === 'PENDING');
    expect(queuedRows).toHaveLength(4);
    // Three minutes pass on the bot's clock; the watch reports what it sees.
    now = new Date(now.getTime() + 3 * 60_000);
    await reportTo(bot, OFFICIAL_ID, /Status pengumuman/);
    expect(official.lastText()).toMatch(/Status pengumuman setelah 3 menit: ✅ 0 terkirim, ❌ 0 gagal, ⏳ 4 masih antre \(dari 4\)/);
    expect(official.lastText()).toMatch(/Pengirim pesan tampaknya belum berjalan/);
  });
});
