import { afterEach, describe, expect, it } from 'vitest';
import { BotApiSimulator } from '../../src/simulator/index.js';

let sim: BotApiSimulator | undefined;

async function startSim(settleTimeoutMs = 2_000): Promise<{ sim: BotApiSimulator; api: (method: string, init?: RequestInit) => Promise<{ status: number; body: Record<string, unknown> }> }> {
  sim = new BotApiSimulator({ settleTimeoutMs });
  const root = await sim.start();
  const token = sim.token;
  return {
    sim,
    api: async (method, init) => {
      const response = await fetch(`${root}/bot${token}/${method}`, init);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

function json(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe('BotApiSimulator HTTP protocol', () => {
  it('lets a driver open a callback query itself, and tells listeners of every call as it is answered', async () => {
    const { sim, api } = await startSim();
    const user = sim.user({ id: 42, firstName: 'Sri' });
    const seen: string[] = [];
    const off = sim.onCall((call) => seen.push(`${call.method}:${call.ok}`));
    const id = sim.openCallbackQuery(user);
    expect((await api('answerCallbackQuery', json({ callback_query_id: id, text: 'Tersimpan' }))).body.ok).toBe(true);
    // Answered once: a second answer is refused, as Telegram refuses it.
    expect((await api('answerCallbackQuery', json({ callback_query_id: id }))).body.ok).toBe(false);
    off();
    await api('getMe');
    expect(seen).toEqual(['answerCallbackQuery:true', 'answerCallbackQuery:false']);
  });

  it('answers getMe, 401 for a wrong token, 404 for an unknown method, with HTTP status = error_code', async () => {
    const { sim, api } = await startSim();
    const me = await api('getMe');
    const wrong = await fetch(`${sim.apiRoot}/bot999:WRONG/getMe`);
    const unknown = await api('sendTelepathy', json({}));
    const generic = await api('setChatTitle', json({ chat_id: 1, title: 'x' }));

    expect(me).toEqual({
      status: 200,
      body: {
        ok: true,
        result: expect.objectContaining({ id: 123456, is_bot: true, username: 'misi_dagang_bot', supports_inline_queries: true }),
      },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
    expect(unknown).toEqual({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found: method not found' } });
    expect(generic.body).toEqual({ ok: true, result: true });
    expect(sim.calls.map((c) => [c.method, c.ok])).toEqual([
      ['getMe', true],
      // The wrong token's getMe is recorded too, so a test can see a bot being turned away.
      ['getMe', false],
      ['sendTelepathy', false],
      ['setChatTitle', true],
    ]);
  });

  it('decodes query-string, urlencoded and JSON parameters alike (numbers, booleans, JSON fields)', async () => {
    const { sim, api } = await startSim();
    const sri = sim.user({ firstName: 'Sri', startedBot: true });
    const markup = JSON.stringify({ inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] });

    const viaQuery = await api(`sendMessage?chat_id=${sri.id}&text=${encodeURIComponent('lewat query')}`);
    const viaForm = await api('sendMessage', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: String(sri.id), text: '<i>form</i>', parse_mode: 'HTML', reply_markup: markup, disable_notification: 'true' }).toString(),
    });
    const viaJson = await api('sendmessage', json({ chat_id: String(sri.id), text: 'json', reply_parameters: { message_id: 2 } }));

    expect([viaQuery.status, viaForm.status, viaJson.status]).toEqual([200, 200, 200]);
    expect(viaForm.body.result).toMatchObject({ text: 'form', entities: [{ type: 'italic', offset: 0, length: 4 }], reply_markup: JSON.parse(markup) });
    expect(viaJson.body.result).toMatchObject({ message_id: 3, reply_to_message: { message_id: 2, text: 'form' } });
    const formCall = sim.callsOf('sendMessage')[1];
    expect(formCall?.params).toMatchObject({ chat_id: sri.id, disable_notification: true, reply_markup: JSON.parse(markup) });
    expect(sri.messages().map((m) => m.plain)).toEqual(['lewat query', 'form', 'json']);
  });

  it('holds a long poll until an update arrives, drops confirmed updates, and releases polls on stop', async () => {
    const { sim, api } = await startSim();
    const sri = sim.user({ firstName: 'Sri' });

    const started = Date.now();
    const poll = api('getUpdates', json({ timeout: 30 }));
    setTimeout(() => sim.pushUpdate({ message: { message_id: 1, chat: { id: sri.id, type: 'private' }, date: 0, text: 'halo' } }), 30);
    const first = await poll;
    const updates = first.body.result as { update_id: number }[];
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(updates).toHaveLength(1);
    const id = updates[0]?.update_id ?? 0;

    const again = await api('getUpdates', json({ offset: id, timeout: 0 }));
    expect(again.body.result).toHaveLength(1); // not confirmed yet: Telegram sends it again
    await expect(sim.settled(50)).rejects.toThrow(/1 update\(s\) not handled: #\d+ message "halo"/);

    const hanging = api('getUpdates', json({ offset: id + 1, timeout: 30 }));
    await sim.settled(500); // the offset beyond the update confirms it
    await sim.stop();
    expect((await hanging).body).toEqual({ ok: true, result: [] });
  });

  it('ends an older long poll with 409 when a second getUpdates arrives (two bot instances)', async () => {
    const { api } = await startSim();
    const first = api('getUpdates', json({ timeout: 30 }));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = await api('getUpdates', json({ timeout: 0 }));

    expect(second.body).toEqual({ ok: true, result: [] });
    expect(await first).toEqual({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      },
    });
  });

  it('injects delays, dropped connections and errors in order, per chat', async () => {
    const { sim, api } = await startSim();
    const sri = sim.user({ firstName: 'Sri', startedBot: true });
    const budi = sim.user({ firstName: 'Budi', startedBot: true });
    sim.fail('sendMessage', { error_code: 500, description: 'Internal Server Error' }, { chatId: budi.id });
    sim.delay('sendMessage', 150);
    sim.dropConnection('sendMessage');

    const toSri = Date.now();
    const delayed = await api('sendMessage', json({ chat_id: sri.id, text: 'a' }));
    const elapsed = Date.now() - toSri;
    const dropped = await api('sendMessage', json({ chat_id: sri.id, text: 'b' })).catch((error: unknown) => error);
    const failed = await api('sendMessage', json({ chat_id: budi.id, text: 'c' }));
    const normal = await api('sendMessage', json({ chat_id: sri.id, text: 'd' }));

    expect(delayed.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(dropped).toBeInstanceOf(TypeError); // fetch failed: socket destroyed
    expect(failed).toEqual({ status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } });
    expect(normal.status).toBe(200);
    expect(sri.messages().map((m) => m.plain)).toEqual(['a', 'd']);
  });

  it('rejects settled() with a clear error when no bot polls', async () => {
    const { sim } = await startSim(300);
    const sri = sim.user({ firstName: 'Bu', lastName: 'Sri' });

    const started = Date.now();
    await expect(sri.send('/start')).rejects.toThrow(
      /^settled\(\) timed out after 300 ms\. 1 update\(s\) not handled: #\d+ message "\/start" from Bu Sri\. The bot never called getUpdates: is it running with apiRoot http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    await expect(sim.settled(100)).rejects.toThrow('timed out after 100 ms');
  });

  it('records setMyCommands and validates command names', async () => {
    const { sim, api } = await startSim();
    const ok = await api('setMyCommands', json({ commands: [{ command: 'lapor', description: 'Laporkan transaksi' }], language_code: 'id' }));
    const bad = await api('setMyCommands', json({ commands: [{ command: 'Lapor', description: 'x' }] }));
    const listed = await api('getMyCommands', json({ language_code: 'id' }));

    expect(ok.body).toEqual({ ok: true, result: true });
    expect(bad.body).toEqual({ ok: false, error_code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' });
    expect(listed.body.result).toEqual([{ command: 'lapor', description: 'Laporkan transaksi' }]);
    expect(sim.myCommands({ languageCode: 'id' })).toEqual([{ command: 'lapor', description: 'Laporkan transaksi' }]);
  });
});
