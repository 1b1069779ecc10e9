/**
 * GET /metrics as Prometheus scrapes it, and the backlog in /healthz: after a
 * few updates, a 429 and a 500 that the reply rode out, and a 400 that failed
 * a handler, the counters say exactly that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PROVIDERS } from '../support/databases.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { enqueueMessage } from '../../src/db/outbox-enqueue.js';
import { outboxDrained } from '../support/push-fixtures.js';

/** The value of one sample line, `name{labels} value`; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean);
    if (wanted.length === have.length && wanted.every((pair) => have.includes(pair))) return Number(match[3]);
  }
  return undefined;
}

describe.each(TEST_PROVIDERS)('/metrics and /healthz on %s', (provider) => {
  let bot: TestBot;
  const scrape = async (path: string) => fetch(`http://127.0.0.1:${bot.app.http.port}${path}`);

  beforeAll(async () => {
    bot = await startTestBot(provider, { app: { calls: { attemptTimeoutMs: 2_000 } } });
  });
  afterAll(async () => bot?.stop());

  it('counts updates by type and outcome, handler latency, and Bot API errors by method and code', async () => {
    const { sim } = bot;
    const user = sim.user({ id: 9301, firstName: 'Metri' });
    await user.send('/bantuan');
    await user.send('/bantuan');
    // Ridden out by the call guard: the user gets the reply, the errors are counted.
    sim.failWith429('sendMessage', 1, { chatId: user.id });
    sim.fail('sendMessage', { error_code: 500, description: 'Internal Server Error' }, { chatId: user.id });
    await user.send('/bantuan');
    expect(user.messages()).toHaveLength(3);
    // Not retried: the handler fails and the user gets the polite error reply.
    sim.fail('sendMessage', { error_code: 400, description: 'Bad Request: something odd' }, { chatId: user.id });
    await user.send('/bantuan');
    expect(user.lastText()).toMatch(/gangguan/i);

    const response = await scrape('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(sample(text, 'bot_updates_handled_total', { type: 'message', outcome: 'ok' })).toBe(3);
    expect(sample(text, 'bot_updates_handled_total', { type: 'message', outcome: 'error' })).toBe(1);
    expect(sample(text, 'bot_update_handler_seconds_count', { type: 'message' })).toBe(4);
    // The 429 reply waited retry_after (1 s): the slowest handler took at least that.
    expect(sample(text, 'bot_update_handler_seconds_bucket', { type: 'message', le: '0.5' })).toBeLessThanOrEqual(3);
    expect(sample(text, 'bot_update_handler_seconds_sum', { type: 'message' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'bot_api_errors_total', { method: 'sendMessage', code: '429' })).toBe(1);
    expect(sample(text, 'bot_api_errors_total', { method: 'sendMessage', code: '500' })).toBe(1);
    expect(sample(text, 'bot_api_errors_total', { method: 'sendMessage', code: '400' })).toBe(1);
    expect(sample(text, 'bot_inbox_backlog')).toBe(0);
    // Process metrics come along (memory, CPU, event loop lag).
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it("counts the outbox sender's failed sends in bot_api_errors_total", async () => {
    const user = bot.sim.user({ id: 9311, firstName: 'Antre', startedBot: true });
    bot.sim.fail('sendMessage', { error_code: 502, description: 'Bad Gateway' }, { chatId: user.id });
    await enqueueMessage(bot.db.prisma, { chatId: BigInt(user.id), purpose: 'announcement', method: 'sendMessage', payload: { text: 'setelah gangguan' }, dedupeKey: 'metrics:502' });
    await outboxDrained(bot.db.prisma);
    expect(user.messages().map((m) => m.plain)).toEqual(['setelah gangguan']);
    const text = await (await scrape('/metrics')).text();
    expect(sample(text, 'bot_api_errors_total', { method: 'sendMessage', code: '502' })).toBe(1);
  });

  it('reports the outbox backlog (due, unsent messages) in /metrics and /healthz', async () => {
    // The sender stopped, so the queued messages stay queued while we look.
    await bot.app.jobs.stop();
    const past = new Date(Date.now() - 60_000);
    const later = new Date(Date.now() + 3_600_000);
    await bot.db.prisma.outboxMessage.createMany({
      data: [
        { chatId: 9301n, purpose: 'announcement', method: 'sendMessage', payload: '{"text":"a"}', notBefore: past },
        { chatId: 9302n, purpose: 'announcement', method: 'sendMessage', payload: '{"text":"b"}', notBefore: past },
        // Not due yet: not backlog.
        { chatId: 9303n, purpose: 'reminder', method: 'sendMessage', payload: '{"text":"c"}', notBefore: later },
        { chatId: 9304n, purpose: 'announcement', method: 'sendMessage', payload: '{"text":"d"}', notBefore: past, status: 'SENT', sentAt: past },
      ],
    });
    const text = await (await scrape('/metrics')).text();
    expect(sample(text, 'bot_outbox_backlog')).toBe(2);
    expect(sample(text, 'bot_inbox_backlog')).toBe(0);
    const health = (await (await scrape('/healthz')).json()) as { status: string; backlog: unknown };
    expect(health).toMatchObject({ status: 'ok', backlog: { inbox: 0, outbox: 2 } });
  });
});
