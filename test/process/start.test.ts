/**
 * The bot as another Bot API server sees it: a separate process started with
 * node on the compiled dist/main.js (what `npm start` runs), pointed at the simulator
 * through TELEGRAM_API_ROOT, on a fresh SQLite file. One conversation from
 * /start to a saved sale and /progres, then a graceful SIGTERM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat } from '../../src/demo/flows.js';
import { BotApiSimulator, type SimUser } from '../../src/simulator/index.js';
import { PROCESS_TOKEN, allOutput, killIfRunning, launchBot, terminate, tempDir, waitForLog, followInbox, type BotProcess } from './process-helpers.js';

const OFFICIAL_ID = 7101;

describe('npm start against the Bot API simulator (polling, SQLite)', () => {
  let sim: BotApiSimulator;
  let bot: BotProcess;
  let unfollow = (): void => undefined;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let official: SimUser;
  let sri: SimUser;

  beforeAll(async () => {
    sim = new BotApiSimulator({ token: PROCESS_TOKEN, settleTimeoutMs: 15_000 });
    const apiRoot = await sim.start();
    dir = await tempDir();
    bot = launchBot({
      BOT_TOKEN: PROCESS_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_URL: dir.databaseUrl,
      PORT: '0',
      ADMIN_TELEGRAM_IDS: String(OFFICIAL_ID),
      LOG_LEVEL: 'info',
    });
    // The simulator records a long poll only once it is answered, so "up" is the bot's own log line.
    await waitForLog(bot, (line) => line.msg === 'bot started', 30_000);
    // The bot acknowledges updates once stored in its inbox: settled() also waits for them to be handled.
    unfollow = await followInbox(sim, bot);
    official = sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    sri = sim.user({ id: 7102, firstName: 'Sri', lastName: 'Wahyuni' });
  }, 60_000);

  afterAll(async () => {
    unfollow();
    await killIfRunning(bot);
    await sim?.stop();
    await dir?.remove();
  }, 30_000);

  it('answers /start', async () => {
    await sri.send('/start');
    expect(sri.lastText()).toMatch(/^Halo, Sri!/);
    expect(sri.lastText()).toMatch(/Belum ada misi yang berjalan/);
  });

  it('published its command menu (setMyCommands) at startup', () => {
    const calls = sim.callsOf('setMyCommands');
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.every((call) => call.ok)).toBe(true);
    const names = sim.myCommands().map((command) => command.command);
    expect(names).toEqual(expect.arrayContaining(['bantuan', 'lapor', 'progres']));
  });

  it('lets an admin from ADMIN_TELEGRAM_IDS create a mission by chat', async () => {
    await createMissionByChat(official, {
      name: 'Misi Dagang Jawa Timur – Banten',
      origin: 'jatim',
      host: 'banten',
      city: 'Serang',
      start: 'hari ini',
      end: 'besok',
      timeZone: 'WIB',
      target: '3 M',
    });
    expect(official.lastText()).toMatch(/Misi Dagang Jawa Timur – Banten tersimpan dan sekarang aktif/);
  }, 60_000);

  it('registers an exhibitor by chat', async () => {
    await registerByChat(sri, {
      name: 'Keripik Sri',
      category: 'Makanan',
      province: 'jatim',
      city: 'Malang',
      phone: '6281234567890',
    });
    expect(sri.lastText()).toMatch(/Keripik Sri terdaftar/);
  }, 60_000);

  it('saves `/lapor 1,5jt keripik tempe 30 pcs` after one tap on Simpan', async () => {
    await sri.send('/lapor 1,5jt keripik tempe 30 pcs');
    expect(sri.lastText()).toMatch(/Periksa laporan/);
    expect(sri.lastText()).toContain('Rp1.500.000');
    await sri.tap(/Simpan/);
    const saved = sri.lastText() ?? '';
    expect(saved).toContain('Tersimpan');
    expect(saved).toContain('Rp1.500.000');
    expect(saved).toMatch(/keripik tempe/);
  }, 30_000);

  it('shows the saved sale in /progres', async () => {
    await sri.send('/progres');
    expect(sri.lastText()).toMatch(/Progres Misi Dagang Jawa Timur – Banten/);
    expect(sri.lastText()).toContain('Rp1,5 jt');
  });

  // The tests below need the process gone; they run last, in this order.
  it('stops on SIGTERM with exit code 0 and logs that it is stopping', async () => {
    const outcome = await terminate(bot, 10_000);
    expect(outcome, `output:\n${allOutput(bot)}`).toEqual({ code: 0, signal: null });
    const stopping = bot.logLines().find((line) => line.msg === 'stopping');
    expect(stopping, `stdout:\n${bot.stdout()}`).toBeDefined();
    expect(stopping?.reason).toBe('SIGTERM');
  }, 30_000);

  it('wrote JSON log lines, a "bot started" one among them, and never the token', () => {
    const output = allOutput(bot);
    expect(output).not.toContain(PROCESS_TOKEN);
    // Not even the secret half of it on its own.
    expect(output).not.toContain(PROCESS_TOKEN.split(':')[1]);
    const lines = bot.logLines();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((line) => line.msg === 'bot started' && line.mode === 'polling')).toBe(true);
    // Every non-empty stdout line is one pino JSON object.
    const stdoutLines = bot.stdout().split('\n').filter((line) => line.trim() !== '');
    expect(stdoutLines).toHaveLength(lines.length);
  });
});
