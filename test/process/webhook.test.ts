/**
 * Webhook mode as a server runs it: the process sets its webhook with the
 * secret, the Bot API server POSTs updates to WEBHOOK_URL's path on PORT,
 * /healthz answers on the same port, a POST without the right secret header
 * is refused and never reaches a handler, and SIGTERM stops it cleanly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiSimulator } from '../../src/simulator/index.js';
import {
  PROCESS_TOKEN,
  allOutput,
  freePort,
  killIfRunning,
  launchBot,
  terminate,
  tempDir,
  waitForLog,
  type BotProcess,
  followInbox,
} from './process-helpers.js';

const SECRET = 's3cret';
const FORGED_CHAT_ID = 7399;

describe('BOT_MODE=webhook against the Bot API simulator', () => {
  let sim: BotApiSimulator;
  let bot: BotProcess;
  let unfollow = (): void => undefined;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let port: number;
  let hookUrl: string;

  beforeAll(async () => {
    sim = new BotApiSimulator({ token: PROCESS_TOKEN, settleTimeoutMs: 15_000 });
    const apiRoot = await sim.start();
    dir = await tempDir();
    port = await freePort();
    hookUrl = `http://127.0.0.1:${port}/telegram/hook`;
    bot = launchBot({
      BOT_TOKEN: PROCESS_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_URL: dir.databaseUrl,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: hookUrl,
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      ADMIN_TELEGRAM_IDS: '7301',
      LOG_LEVEL: 'info',
    });
    try {
      await sim.waitFor((call) => call.method.toLowerCase() === 'setwebhook' && call.ok, 30_000);
    } catch (error) {
      throw new Error(`the bot did not set its webhook: ${String(error)}\n--- output ---\n${allOutput(bot)}`);
    }
    await waitForLog(bot, (line) => line.msg === 'bot started', 10_000);
    // The bot acknowledges updates once stored in its inbox: settled() also waits for them to be handled.
    unfollow = await followInbox(sim, bot);
  }, 60_000);

  afterAll(async () => {
    unfollow();
    await killIfRunning(bot);
    await sim?.stop();
    await dir?.remove();
  }, 30_000);

  it('set the webhook to WEBHOOK_URL with the secret token, and does not poll', () => {
    const [call] = sim.callsOf('setWebhook');
    expect(call?.params.url).toBe(hookUrl);
    expect(call?.params.secret_token).toBe(SECRET);
    expect(sim.webhookUrl).toBe(hookUrl);
    expect(sim.callsOf('getUpdates')).toHaveLength(0);
    expect(bot.logLines().find((line) => line.msg === 'bot started')).toMatchObject({ mode: 'webhook', port });
  });

  it('answers /start delivered through the webhook', async () => {
    const rina = sim.user({ id: 7302, firstName: 'Rina' });
    await rina.send('/start');
    expect(rina.lastText()).toMatch(/^Halo, Rina!/);
    expect(sim.webhookDeliveries.at(-1)?.status).toBe(200);
  });

  it('answers GET /healthz with 200 and status ok', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', mode: 'webhook' });
  });

  it.each<{ name: string; headers: Record<string, string> }>([
    { name: 'a wrong secret header', headers: { 'x-telegram-bot-api-secret-token': 'wrong' } },
    { name: 'no secret header', headers: {} },
  ])('refuses a POST to the hook with $name and does not handle it', async ({ headers }) => {
    const update = {
      update_id: 999_000_001 + Object.keys(headers).length,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: FORGED_CHAT_ID, type: 'private', first_name: 'Mallory' },
        from: { id: FORGED_CHAT_ID, is_bot: false, first_name: 'Mallory', language_code: 'id' },
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    };
    const response = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(update),
    });
    await response.arrayBuffer();
    expect(response.status).not.toBe(200);
    expect(response.status).toBeGreaterThanOrEqual(400);
    // Give a handler that wrongly ran the time to call the Bot API.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sim.calls.filter((call) => call.params.chat_id === FORGED_CHAT_ID)).toEqual([]);
    expect(bot.logLines().some((line) => line.update_id === update.update_id)).toBe(false);
  });

  it('stops on SIGTERM with exit code 0, and /healthz is gone', async () => {
    const outcome = await terminate(bot, 10_000);
    expect(outcome, `output:\n${allOutput(bot)}`).toEqual({ code: 0, signal: null });
    expect(bot.logLines().some((line) => line.msg === 'stopping')).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    expect(allOutput(bot)).not.toContain(PROCESS_TOKEN);
    expect(allOutput(bot)).not.toContain(PROCESS_TOKEN.split(':')[1]);
  }, 30_000);
});
