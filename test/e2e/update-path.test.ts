/**
 * The update path under the faults of a real exhibition day (DESIGN.md, "How
 * an update travels"): updates are stored in the inbox before they are
 * acknowledged, one chat's slow call never holds another chat, replies ride
 * out 429s, 5xx and hung calls, and an update delivered twice is handled
 * once, with no error shown to anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { startSaleStage, type SaleStage } from '../support/sale-stage.js';

const GANGGUAN = /gangguan|something went wrong/i;

/** Every text the bot showed this user (messages and button answers), for "no error was shown". */
function everythingShown(stage: SaleStage, user: SimUser): string[] {
  const answers = stage.bot.sim
    .callsOf('answerCallbackQuery')
    .map((call) => String(call.params.text ?? ''));
  return [...user.messages().map((m) => m.plain), ...answers];
}

/** Confirmation cards (messages with a Save button) the bot sent this user. */
function cardsSentTo(stage: SaleStage, user: SimUser, amount: string): number {
  return stage.bot.sim
    .callsOf('sendMessage')
    .filter((call) => call.ok && call.params.chat_id === user.id && String(call.params.text).includes(amount) && JSON.stringify(call.params.reply_markup ?? {}).includes('Simpan')).length;
}

async function reportOne(user: SimUser, line: string): Promise<void> {
  await user.send(`/lapor ${line}`);
  await user.tap('✅ Simpan');
}

describe.each(TEST_PROVIDERS)('the update path on %s (polling)', (provider) => {
  let stage: SaleStage;

  beforeAll(async () => {
    // Short deadlines, so a hung call costs the test seconds, not the production 10 s.
    stage = await startSaleStage(provider, 9100, { app: { calls: { attemptTimeoutMs: 1_500 } } });
  });
  afterAll(async () => stage?.stop());

  it("one chat's hung reply does not delay another chat, and the hung reply is retried after its deadline", async () => {
    const { sim } = stage.bot;
    const slow = sim.user({ id: 9001, firstName: 'Lambat' });
    const quick = sim.user({ id: 9002, firstName: 'Cepat' });
    sim.delay('sendMessage', 60_000, { chatId: slow.id });
    const slowDone = slow.send('/bantuan');
    const started = Date.now();
    const quickDone = quick.send('/bantuan');
    const quickReply = await sim.waitFor((call) => call.method === 'sendMessage' && call.params.chat_id === quick.id && call.ok, 2_000);
    expect(quickReply.at.getTime() - started).toBeLessThan(2_000);
    await Promise.all([slowDone, quickDone]);
    // The hung attempt was cut off at its deadline and never executed; the retry was: one help message.
    expect(slow.messages()).toHaveLength(1);
    expect(slow.lastText()).toMatch(/\/bantuan|\/start|perintah/i);
    expect(everythingShown(stage, slow).some((text) => GANGGUAN.test(text))).toBe(false);
  });

  it('a report survives 429 and 5xx on its card and on its confirmation: saved once, confirmed, no error shown', async () => {
    const { sim } = stage.bot;
    const { user } = await stage.exhibitor();
    const before = await stage.bot.db.prisma.saleReport.count();
    sim.failWith429('sendMessage', 1, { chatId: user.id, times: 2 });
    sim.fail('sendMessage', { error_code: 502, description: 'Bad Gateway' }, { chatId: user.id });
    await user.send('/lapor 1,5jt keripik tempe 30 pcs');
    expect(user.lastText()).toContain('Rp1.500.000');
    sim.fail('editMessageText', { error_code: 500, description: 'Internal Server Error' }, { times: 2 });
    sim.failWith429('answerCallbackQuery', 1);
    await user.tap('✅ Simpan');
    expect(await stage.bot.db.prisma.saleReport.count()).toBe(before + 1);
    expect(user.messages().map((m) => m.plain).join('\n')).toMatch(/Tersimpan \(laporan #\d+\)/);
    expect(everythingShown(stage, user).some((text) => GANGGUAN.test(text))).toBe(false);
  });

  it('a Save tap too old to answer ("query is too old") saves and confirms without an error', async () => {
    const { sim } = stage.bot;
    const { user } = await stage.exhibitor();
    const before = await stage.bot.db.prisma.saleReport.count();
    await user.send('/lapor 2 jt kopi bubuk');
    sim.fail('answerCallbackQuery', { error_code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' });
    await user.tap('✅ Simpan');
    expect(await stage.bot.db.prisma.saleReport.count()).toBe(before + 1);
    expect(user.lastText()).toMatch(/Tersimpan \(laporan #\d+\)/);
    expect(everythingShown(stage, user).some((text) => GANGGUAN.test(text))).toBe(false);
  });

  it('every update delivered twice gives one report, one card, one answer per tap and no error', async () => {
    const { sim } = stage.bot;
    const { user } = await stage.exhibitor();
    const before = await stage.bot.db.prisma.saleReport.count();
    const answersBefore = sim.callsOf('answerCallbackQuery').length;
    sim.redeliverAll(true);
    try {
      await user.send('/lapor 750rb sambal roa 10 botol');
      await user.tap('✅ Simpan');
    } finally {
      sim.redeliverAll(false);
    }
    expect(cardsSentTo(stage, user, 'Rp750.000')).toBe(1);
    expect(user.messages().filter((m) => m.plain.includes('Rp750.000'))).toHaveLength(1);
    expect(await stage.bot.db.prisma.saleReport.count()).toBe(before + 1);
    expect(sim.callsOf('answerCallbackQuery').length - answersBefore).toBe(1);
    expect(everythingShown(stage, user).some((text) => GANGGUAN.test(text))).toBe(false);
  });

  it('a burst of reports under 429s, 5xx and hung calls is saved and confirmed in full', async () => {
    const { sim } = stage.bot;
    const exhibitors: SimUser[] = [];
    for (let i = 0; i < 8; i++) exhibitors.push((await stage.exhibitor()).user);
    const before = await stage.bot.db.prisma.saleReport.count();
    sim.faultMix({ rate429: 0.2, retryAfterSeconds: 1, rate5xx: 0.15, rateHang: 0.02, hangMs: 60_000, seed: 20261202 });
    try {
      await Promise.all(exhibitors.map((user, i) => reportOne(user, `${i + 1} jt kopi robusta ${i + 1} kg`)));
    } finally {
      sim.clearFaults();
    }
    expect(await stage.bot.db.prisma.saleReport.count()).toBe(before + exhibitors.length);
    for (const user of exhibitors) {
      expect(user.messages().some((m) => /Tersimpan \(laporan #\d+\)/.test(m.plain))).toBe(true);
      expect(everythingShown(stage, user).some((text) => GANGGUAN.test(text))).toBe(false);
    }
    // The faults did happen: this is not a quiet run.
    expect(sim.calls.filter((call) => !call.ok).length).toBeGreaterThan(0);
  }, 90_000);
});

describe.each(TEST_PROVIDERS)('the update path on %s (webhook)', (provider) => {
  let stage: SaleStage;
  let hook: string;

  beforeAll(async () => {
    stage = await startSaleStage(provider, 9300, { mode: 'webhook' });
    hook = stage.bot.sim.webhookUrl ?? '';
  });
  afterAll(async () => stage?.stop());

  const inboxRows = () => stage.bot.db.prisma.inboxUpdate.count();

  it('answers 400 to bodies that are not an update, 403 to a wrong secret, and stores nothing', async () => {
    const { TEST_WEBHOOK_SECRET } = await import('../support/bot-harness.js');
    const before = await inboxRows();
    const post = (body: string, secret = TEST_WEBHOOK_SECRET) =>
      fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body }).then((r) => r.status);
    for (const body of ['null', '[]', '"update"', '42', '{}', '{"update_id":-1}', '{"update_id":"7"}', '{"update_id":1.5}', 'not json', '']) {
      expect(await post(body), body).toBe(400);
    }
    expect(await post('x'.repeat(2 * 1024 * 1024))).toBe(413);
    expect(await post('{"update_id":123}', 'wrong')).toBe(403);
    expect(await inboxRows()).toBe(before);
    // Still alive and handling real updates.
    const { user } = await stage.exhibitor();
    await user.send('/bantuan');
    expect(user.lastText()).toBeTruthy();
  });

  it('every update delivered twice gives one report, one card and no error', async () => {
    const { sim } = stage.bot;
    const { user } = await stage.exhibitor();
    const before = await stage.bot.db.prisma.saleReport.count();
    sim.redeliverAll(true);
    try {
      await user.send('/lapor 3 jt batik tulis 2 lembar');
      await user.tap('✅ Simpan');
    } finally {
      sim.redeliverAll(false);
    }
    // Each update really was POSTed twice (and answered 200 both times).
    const lastId = sim.webhookDeliveries.at(-1)?.updateId;
    expect(sim.webhookDeliveries.filter((d) => d.updateId === lastId && d.status === 200)).toHaveLength(2);
    expect(cardsSentTo(stage, user, 'Rp3.000.000')).toBe(1);
    expect(user.messages().filter((m) => m.plain.includes('Rp3.000.000'))).toHaveLength(1);
    expect(await stage.bot.db.prisma.saleReport.count()).toBe(before + 1);
    expect(everythingShown(stage, user).some((text) => GANGGUAN.test(text))).toBe(false);
  });
});
