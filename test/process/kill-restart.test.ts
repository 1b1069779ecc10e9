/**
 * kill -9 in the middle of the closing-hour rush: exhibitors tap Save while
 * the bot process dies without a chance to clean up, and a new process takes
 * over the same SQLite file. Nothing the dead process acknowledged is lost,
 * nothing is saved twice, and nobody is told that something went wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createMissionByChat, registerByChat } from '../../src/demo/flows.js';
import { BotApiSimulator, type SimUser } from '../../src/simulator/index.js';
import { JATIM_BANTEN } from '../support/fixtures.js';
import { PROCESS_TOKEN, followInbox, killIfRunning, launchBot, tempDir, waitForLog, type BotProcess } from './process-helpers.js';

const OFFICIAL_ID = 7301;
const GANGGUAN = /gangguan|something went wrong/i;

describe('kill -9 of the bot in the middle of a burst of reports (SQLite)', () => {
  let sim: BotApiSimulator;
  let bot: BotProcess;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let db: Database;
  let unfollow = (): void => undefined;
  const exhibitors: SimUser[] = [];

  const launch = async (): Promise<void> => {
    bot = launchBot({
      BOT_TOKEN: PROCESS_TOKEN,
      TELEGRAM_API_ROOT: sim.apiRoot,
      DATABASE_URL: dir.databaseUrl,
      PORT: '0',
      ADMIN_TELEGRAM_IDS: String(OFFICIAL_ID),
      LOG_LEVEL: 'info',
    });
    unfollow = await followInbox(sim, bot);
  };

  beforeAll(async () => {
    sim = new BotApiSimulator({ token: PROCESS_TOKEN, settleTimeoutMs: 30_000 });
    await sim.start();
    dir = await tempDir();
    await launch();
    const official = sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, JATIM_BANTEN);
    for (let i = 0; i < 6; i++) {
      const user = sim.user({ id: 7310 + i, firstName: `UMKM ${i}` });
      await registerByChat(user, { name: `Usaha ${i}`, category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: `08120007310${i}` });
      exhibitors.push(user);
    }
    db = await openDatabase(dir.databaseUrl);
  }, 120_000);

  afterAll(async () => {
    unfollow();
    await killIfRunning(bot);
    await db?.close();
    await sim?.stop();
    await dir?.remove();
  }, 30_000);

  it('loses no acknowledged update, saves each report once and shows no error after a restart', async () => {
    await Promise.all(exhibitors.map((user, i) => user.send(`/lapor ${i + 1} jt kopi robusta`)));
    expect(exhibitors.every((user) => /Simpan/.test(JSON.stringify(user.lastMessage()?.replyMarkup ?? {})))).toBe(true);

    // Slow confirmations widen the window in which the process dies.
    sim.delay('editMessageText', 400, { times: 6 });
    const taps = Promise.all(exhibitors.map((user) => user.tap('✅ Simpan')));
    await sim.waitFor((call) => call.method === 'editMessageText' && call.ok, 20_000);
    unfollow();
    bot.child.kill('SIGKILL');
    await bot.exited;
    const savedAtKill = await db.prisma.saleReport.count();

    await launch();
    await waitForLog(bot, (line) => line.msg === 'bot started', 30_000);
    await taps;
    await sim.settled();

    const reports = await db.prisma.saleReport.findMany();
    expect(reports).toHaveLength(6);
    expect(new Set(reports.map((r) => r.sourceUpdateId)).size).toBe(6);
    expect(savedAtKill).toBeLessThanOrEqual(6);
    for (const user of exhibitors) {
      const texts = user.messages().map((m) => m.plain);
      expect(texts.some((text) => /Tersimpan \(laporan #\d+\)/.test(text))).toBe(true);
      expect(texts.some((text) => GANGGUAN.test(text))).toBe(false);
    }
    const answers = sim.callsOf('answerCallbackQuery').map((call) => String(call.params.text ?? ''));
    expect(answers.some((text) => GANGGUAN.test(text))).toBe(false);
    expect(await db.prisma.inboxUpdate.count({ where: { status: 'PENDING' } })).toBe(0);
  }, 120_000);
});
