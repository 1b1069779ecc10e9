/**
 * `npm run demo`: the bot, end to end, with no token and no network. Starts
 * the Bot API simulator on 127.0.0.1 and the real bot (migrations, polling)
 * on a fresh SQLite file in a temporary folder, plays a scripted opening day
 * (then business matching: a meeting booked, accepted and turned into a
 * report; a visitor scanning a booth QR) and prints the conversation as it
 * happens. It ends by printing the live
 * board's link; with `--keep` (`npm run demo -- --keep`) the simulator, the
 * bot and the board keep running, the demo's exhibitors keep reporting, and
 * Ctrl-C stops everything.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApp } from '../app.js';
import { configSchema } from '../config.js';
import { createLogger } from '../logger.js';
import { BotApiSimulator } from '../simulator/index.js';
import { createRepositories } from '../db/repositories/index.js';
import { meetingOutcomeTick } from '../jobs/meeting-outcomes.js';
import { playBusinessMatching } from './business-matching.js';
import { DEMO_OFFICIAL_ID, playOpeningDay } from './opening-day.js';
import { keepReporting } from './keep-reporting.js';

/** A port free on 127.0.0.1 now: the board's links need it before the bot listens. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const keep = process.argv.includes('--keep');
const port = await freePort();

const DEMO_TOKEN = '123456789:AAH-demo-token-for-the-simulator';
const folder = mkdtempSync(join(tmpdir(), 'misi-dagang-demo-'));
const sim = new BotApiSimulator({ token: DEMO_TOKEN, botUsername: 'misi_dagang_bot', botFirstName: 'Misi Dagang' });
const apiRoot = await sim.start();
const config = configSchema.parse({
  BOT_MODE: 'polling',
  BOT_TOKEN: DEMO_TOKEN,
  TELEGRAM_API_ROOT: apiRoot,
  DATABASE_URL: `file:${join(folder, 'bot.db')}`,
  PORT: String(port),
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  ADMIN_TELEGRAM_IDS: String(DEMO_OFFICIAL_ID),
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
const logger = createLogger({ level: config.LOG_LEVEL, secrets: [DEMO_TOKEN], destination: process.stderr });

const started = Date.now();
console.log(`Misi Dagang bot — demo\nBot API simulator: ${apiRoot}\nDatabase: ${config.DATABASE_URL}\n`);
const app = await startApp({ config: { ...config, BOT_TOKEN: DEMO_TOKEN }, logger });
// The bot acknowledges an update once it is in its inbox: the simulator's "settled" also waits for the workers.
sim.settleWhen(() => !app.workers.idle);
app.workers.onChange(() => sim.poke());
const unsubscribe = sim.onEvent((event) => console.log(`${event.line}\n`));
let failed = false;
try {
  const day = await playOpeningDay(sim);
  // The outcome question goes out once a meeting's slot is over: the bot's minute job, played at that time.
  const repos = createRepositories(app.db);
  const matching = await playBusinessMatching(sim, day, async (at) => {
    await meetingOutcomeTick({ repos, logger }, at);
  });
  // The files the people in the chats received, where a reader can open them (the last export has the meetings sheet).
  const output = resolve('demo-output');
  mkdirSync(output, { recursive: true });
  const exported = matching.exports.length > 0 ? matching.exports : day.exports;
  const files = [day.chart?.photo, matching.qr?.document, ...exported.map((message) => message.document)].filter((file) => file?.bytes);
  console.log('Files sent in the chats, saved for you:');
  for (const [index, file] of files.entries()) {
    const name = file?.filename ?? (index === 0 ? 'digest-chart.png' : `file-${index}`);
    const path = join(output, name);
    writeFileSync(path, file?.bytes ?? Buffer.alloc(0));
    console.log(`  ${path}`);
  }
  console.log('');
  // The official asks for the live board's link, as an official would.
  await day.official.send('/papan');
  const access = await app.db.prisma.mission.findFirstOrThrow({ where: { status: 'ACTIVE' }, select: { boardSlug: true, boardKey: true } });
  console.log(`Live board (open it in a browser): http://127.0.0.1:${port}/papan/${access.boardSlug ?? ''}?key=${access.boardKey ?? ''}\n`);
  if (keep) {
    unsubscribe();
    console.log('--keep: the exhibitors keep reporting every few seconds; watch the board. Ctrl-C stops.\n');
    const stopReporting = keepReporting(day, (line) => console.log(line));
    await new Promise<void>((resolveStop) => {
      process.once('SIGINT', () => resolveStop());
      process.once('SIGTERM', () => resolveStop());
    });
    await stopReporting();
  }
} catch (error) {
  failed = true;
  console.error('The demo stopped:', error);
} finally {
  unsubscribe();
  await app.stop('demo done');
  await sim.stop();
  rmSync(folder, { recursive: true, force: true });
}
console.log(`— demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s —`);
process.exit(failed ? 1 : 0);
