import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Markup, Telegraf, TelegramError } from 'telegraf';
import { BotApiSimulator } from '../../src/simulator/index.js';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A simulator, a Telegraf bot in webhook mode behind a local HTTP server, and the headers it received. */
async function webhookSetup(options: { webhookReply: boolean }) {
  const sim = new BotApiSimulator({ settleTimeoutMs: 5_000 });
  const apiRoot = await sim.start();
  cleanups.push(() => sim.stop());
  const bot = new Telegraf(sim.token, { telegram: { apiRoot, webhookReply: options.webhookReply } });
  bot.command('lapor', (ctx) => ctx.reply('Simpan?', Markup.inlineKeyboard([Markup.button.callback('Simpan', 'save')])));
  bot.action('save', async (ctx) => {
    await ctx.answerCbQuery('Tersimpan');
    await ctx.editMessageText('✅ Tersimpan');
  });
  const secrets: (string | undefined)[] = [];
  const callback = bot.webhookCallback('/hook', { secretToken: 'rahasia_123' });
  const server = http.createServer((req, res) => {
    secrets.push(req.headers['x-telegram-bot-api-secret-token'] as string | undefined);
    void callback(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { sim, bot, url, secrets };
}

describe('BotApiSimulator webhook mode', () => {
  it('POSTs updates to the webhook with the secret header, in order, and blocks getUpdates', async () => {
    const { sim, bot, url, secrets } = await webhookSetup({ webhookReply: false });
    await bot.telegram.setWebhook(url, { secret_token: 'rahasia_123' });
    const sri = sim.user({ firstName: 'Sri' });

    await sri.send('/lapor');
    const tap = await sri.tap('Simpan');

    expect(secrets).toEqual(['rahasia_123', 'rahasia_123']);
    expect(sim.webhookDeliveries.map((d) => d.status)).toEqual([200, 200]);
    expect(tap.answer?.text).toBe('Tersimpan');
    expect(sri.lastText()).toBe('✅ Tersimpan');
    const info = await bot.telegram.getWebhookInfo();
    expect(info).toMatchObject({ url, pending_update_count: 0 });
    const conflict = await bot.telegram.getUpdates(0, 100, 0, undefined).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(TelegramError);
    expect((conflict as TelegramError).code).toBe(409);
    expect((conflict as TelegramError).description).toMatch(/^Conflict: can't use getUpdates method while webhook is active/);
  });

  it("executes the method a bot returns in its webhook answer (telegraf's webhookReply)", async () => {
    const { sim, bot, url } = await webhookSetup({ webhookReply: true });
    await bot.telegram.setWebhook(url, { secret_token: 'rahasia_123' });
    const sri = sim.user({ firstName: 'Sri' });
    await sri.send('/lapor');

    const tap = await sri.tap('Simpan');
    // The webhook answer ended early with answerCallbackQuery; the edit follows over HTTP.
    await sim.waitFor((c) => c.method === 'editMessageText', 2_000);

    expect(tap.answer?.text).toBe('Tersimpan');
    expect(sim.callsOf('answerCallbackQuery')[0]?.ok).toBe(true);
    expect(sri.lastText()).toBe('✅ Tersimpan');
  });

  it('retries a failing webhook, rejects a wrong secret and non-loopback URLs', async () => {
    const { sim, bot, url } = await webhookSetup({ webhookReply: false });
    const badSecret = await bot.telegram.setWebhook('https://bot.example.com/hook').catch((error: unknown) => error);
    expect((badSecret as TelegramError).description).toMatch(/^Bad Request: bad webhook: the simulator delivers only to loopback hosts/);

    await bot.telegram.setWebhook(url, { secret_token: 'salah' }); // telegraf answers 403 to a wrong secret
    const sri = sim.user({ firstName: 'Sri' });
    const pending = sri.send('/lapor');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sim.webhookDeliveries.length).toBeGreaterThanOrEqual(2);
    expect(sim.webhookDeliveries.every((d) => d.status === 403)).toBe(true);
    expect((await bot.telegram.getWebhookInfo()).last_error_message).toBe('Wrong response from the webhook: 403');

    await bot.telegram.setWebhook(url, { secret_token: 'rahasia_123' });
    await pending;
    expect(sri.lastText()).toBe('Simpan?');
    expect(sim.webhookDeliveries.at(-1)?.status).toBe(200);
  });
});
