/**
 * Webhook ingest: reports per second through the bot's webhook (a `/lapor`
 * message and its Save tap), at 1, 8 and 32 reports in flight, against peers
 * measured in the same run on the same Bot API simulator: a bare telegraf bot
 * that replies the same way (a card, then an answered tap and an edit), and
 * the same bare bot with one insert per update (better-sqlite3, or pg on
 * PostgreSQL). A report is complete when the bot has edited the card to say it
 * is saved (the inbox answers the webhook as soon as the update is stored, so
 * webhook answers say nothing). It also counts the SQL statements the bot runs
 * per report, at the driver, in this process only.
 *
 *   npx tsx scripts/bench/ingest.ts [--seconds 3] [--runs 3] [--in-flight 1,8,32] [--sql] [--mission-reports N] [--profile FILE]
 *     [--sqlite-synchronous NORMAL]
 *
 * With `--mission-reports N`, a fourth subject runs in the same rotation: the
 * same bot on a database whose active mission already holds N reports
 * (seedMission from figures.ts, totals rebuilt), and its rate is compared
 * with the bot's on a fresh mission.
 *
 * PostgreSQL is measured too when BENCH_POSTGRES_URL (or TEST_POSTGRES_URL)
 * names a server the bench may create and drop databases on.
 */
import http from 'node:http';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Markup, Telegraf } from 'telegraf';
import { startApp, type App } from '../../src/app.js';
import { configSchema } from '../../src/config.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import type { Provider } from '../../src/db/schema-files.js';
import { createLogger } from '../../src/logger.js';
import { BotApiSimulator, type SimCall, type SimUser } from '../../src/simulator/index.js';
import { seedMission } from './figures.js';
import { scratchDatabase, type Scratch } from './scratch.js';

export interface IngestOptions {
  providers: readonly Provider[];
  /** An admin URL of a PostgreSQL server, when 'postgresql' is among the providers. */
  postgresUrl?: string;
  inFlight: readonly number[];
  runs: number;
  /** How long each measurement sends reports. */
  seconds: number;
  /** Reports sent one at a time while SQL statements are counted. */
  countReports: number;
  /** Print every statement the bot ran during the count, most frequent first. */
  showSql?: boolean;
  /** PRAGMA synchronous for the bot's and the peer's SQLite connection (the bot's default is SQLite's: FULL). */
  sqliteSynchronous?: string;
  /** Write a CPU profile of the bot's ingest (after the warm-up) to `<profile>.<provider>.cpuprofile`. */
  profile?: string;
  /** Also measure the bot on a mission that already holds this many reports. */
  missionReports?: number;
  log?: (line: string) => void;
}

export interface Figure {
  min: number;
  median: number;
  runs: number[];
}

export interface IngestResult {
  provider: Provider;
  /** Reports per second by in-flight count and subject. */
  rates: { inFlight: number; bot: Figure; bare: Figure; bareInsert: Figure; botSeeded?: Figure }[];
  statementsPerReport: number;
  preparesPerReport: number;
}

const TOKEN = '123456789:AAH-simulated-token-for-bench';
const SECRET = 'bench-webhook-secret_0123456789';
const OFFICIAL_ID = 7001;
const FIRST_USER_ID = 900_001;

/** One bot under measurement: where its webhook is, and the simulator it talks to. */
interface Subject {
  name: 'bot' | 'bare' | 'bareInsert' | 'botSeeded';
  sim: BotApiSimulator;
  webhookUrl: string;
  users: SimUser[];
  stop(): Promise<void>;
}

// ------------------------------------------------------------ SQL counting

/** Statements run at the driver while `on`; patched once into better-sqlite3 and pg, in this process only. */
const sqlCount = { on: false, statements: 0, prepares: 0, bySql: new Map<string, number>() };

function countStatement(sql: string): void {
  if (!sqlCount.on) return;
  sqlCount.statements++;
  const key = sql.replace(/\s+/g, ' ').slice(0, 160);
  sqlCount.bySql.set(key, (sqlCount.bySql.get(key) ?? 0) + 1);
}

let patched = false;
function patchDrivers(): void {
  if (patched) return;
  patched = true;
  const probe = new BetterSqlite3(':memory:');
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  probe.close();
  for (const method of ['run', 'all', 'get', 'iterate'] as const) {
    const original = statementProto[method]!;
    statementProto[method] = function (this: { source: string }, ...args: unknown[]) {
      countStatement(this.source);
      return original.apply(this, args);
    };
  }
  const dbProto = BetterSqlite3.prototype as unknown as { prepare: (...args: unknown[]) => unknown };
  const prepare = dbProto.prepare;
  dbProto.prepare = function (this: unknown, ...args: unknown[]) {
    if (sqlCount.on) sqlCount.prepares++;
    return prepare.apply(this, args);
  };
  const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = clientProto.query;
  clientProto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string; name?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    countStatement(text);
    // An unnamed statement is parsed and planned again on every run; a named one once per connection.
    if (sqlCount.on && (typeof first === 'string' || !first?.name)) sqlCount.prepares++;
    return query.apply(this, args);
  };
}

// -------------------------------------------------------------- databases

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function simUsers(sim: BotApiSimulator, count: number): SimUser[] {
  return Array.from({ length: count }, (_, i) => sim.user({ id: FIRST_USER_ID + i, firstName: `UMKM ${i + 1}`, languageCode: 'id', startedBot: true }));
}

// --------------------------------------------------------------- subjects

/** The bot as `npm start` runs it in webhook mode, logging at info (to nowhere), with a mission and `users` exhibitors. */
async function startBotSubject(provider: Provider, adminUrl: string | undefined, users: number, seedReports = 0, log?: (line: string) => void, synchronous?: string): Promise<Subject & { app: App }> {
  const sim = new BotApiSimulator({ token: TOKEN });
  const apiRoot = await sim.start();
  const database = await scratchDatabase(provider, adminUrl, 'bot', { migrate: false });
  const port = await freePort();
  const webhookUrl = `http://127.0.0.1:${port}/telegram/hook`;
  const config = configSchema.parse({
    BOT_MODE: 'webhook',
    WEBHOOK_URL: webhookUrl,
    WEBHOOK_SECRET: SECRET,
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_URL: database.url,
    PORT: String(port),
    ADMIN_TELEGRAM_IDS: String(OFFICIAL_ID),
    LOG_LEVEL: 'info',
  });
  const nowhere = new Writable({ write: (_chunk, _encoding, callback) => callback() });
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [TOKEN], destination: nowhere });
  const app = await startApp({ config: { ...config, BOT_TOKEN: TOKEN }, logger });
  // One connection serves Prisma and the fast path: the pragma holds for both.
  if (provider === 'sqlite' && synchronous) await app.db.prisma.$queryRawUnsafe(`PRAGMA synchronous = ${synchronous}`);
  const list = simUsers(sim, users);
  // The stage, straight through the repositories: the conversations that build it are not what is measured.
  const repos = createRepositories(app.db);
  await repos.users.upsert({ id: OFFICIAL_ID, first_name: 'Pak Budi' });
  if (seedReports > 0) {
    // The seeded mission (ACTIVE, exhibitors owned by 900,000…900,199, so by every bench user) is the one reported into.
    const seeded = await seedMission(app.db, seedReports);
    log?.(`${provider}: seeded ${seedReports.toLocaleString('en')} reports in ${(seeded.insertMs / 1000).toFixed(1)} s, totals rebuilt in ${(seeded.rebuildMs / 1000).toFixed(1)} s`);
    return {
      name: 'botSeeded',
      sim,
      webhookUrl,
      users: list,
      app,
      async stop() {
        await app.stop('bench done');
        await sim.stop();
        await database.drop();
      },
    };
  }
  const mission = await repos.missions.create(
    {
      name: 'Misi Dagang Bench',
      originProvince: 'JATIM',
      hostProvince: 'BANTEN',
      city: 'Serang',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      timeZone: 'Asia/Jakarta',
      targetAmount: 1_000_000_000_000n,
    },
    BigInt(OFFICIAL_ID),
  );
  for (const user of list) {
    await repos.users.upsert({ id: user.id, first_name: user.firstName, language_code: user.languageCode });
    await repos.exhibitors.register({
      missionId: mission.id,
      ownerId: BigInt(user.id),
      name: `Usaha ${user.firstName}`,
      category: 'makanan',
      province: 'JATIM',
      city: 'Malang',
      phone: null,
      booth: null,
    });
  }
  return {
    name: 'bot',
    sim,
    webhookUrl,
    users: list,
    app,
    async stop() {
      await app.stop('bench done');
      await sim.stop();
      await database.drop();
    },
  };
}

/**
 * A bare telegraf bot in webhook mode doing what the bot does at Telegram
 * (a card with a button; an answered tap and an edit), optionally with one
 * insert per update into a table of its own.
 */
async function startBareSubject(provider: Provider, adminUrl: string | undefined, users: number, insert: boolean, synchronous?: string): Promise<Subject> {
  const sim = new BotApiSimulator({ token: TOKEN });
  const apiRoot = await sim.start();
  let record: ((updateId: number, payload: string) => Promise<unknown>) | undefined;
  let closeDb = async (): Promise<void> => undefined;
  if (insert) {
    const database = await scratchDatabase(provider, adminUrl, 'peer', { migrate: false });
    const create = 'CREATE TABLE seen (update_id BIGINT PRIMARY KEY, payload TEXT NOT NULL)';
    if (provider === 'sqlite') {
      const db = new BetterSqlite3(database.url.replace(/^file:/, ''));
      db.pragma('journal_mode = WAL');
      if (synchronous) db.pragma(`synchronous = ${synchronous}`);
      db.exec(create);
      const statement = db.prepare('INSERT INTO seen (update_id, payload) VALUES (?, ?)');
      record = async (updateId, payload) => statement.run(updateId, payload);
      closeDb = async () => (db.close(), await database.drop());
    } else {
      const pool = new pg.Pool({ connectionString: database.url });
      await pool.query(create);
      record = (updateId, payload) => pool.query('INSERT INTO seen (update_id, payload) VALUES ($1, $2)', [updateId, payload]);
      closeDb = async () => (await pool.end(), await database.drop());
    }
  }
  const bot = new Telegraf(TOKEN, { telegram: { apiRoot, webhookReply: false } });
  bot.botInfo = await bot.telegram.getMe();
  bot.on('message', async (ctx) => {
    await record?.(ctx.update.update_id, JSON.stringify(ctx.update));
    await ctx.reply('Simpan laporan ini?', Markup.inlineKeyboard([Markup.button.callback('Simpan', `save:${ctx.update.update_id}`)]));
  });
  bot.on('callback_query', async (ctx) => {
    await record?.(ctx.update.update_id, JSON.stringify(ctx.update));
    await ctx.answerCbQuery('Tersimpan');
    await ctx.editMessageText('Laporan tersimpan.');
  });
  const path = '/telegram/hook';
  const server = http.createServer(bot.webhookCallback(path, { secretToken: SECRET }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    name: insert ? 'bareInsert' : 'bare',
    sim,
    webhookUrl: `http://127.0.0.1:${port}${path}`,
    users: simUsers(sim, users),
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await sim.stop();
      await closeDb();
    },
  };
}

// ----------------------------------------------------------------- driver

let nextUpdateId = 1;
let nextMessageId = 1_000_000;
let nextAmount = 1_000;

/** Resolves with the next successful call of `method` to `chatId` (one waiter per chat and method at a time). */
function callWaiter(sim: BotApiSimulator) {
  const waiting = new Map<string, (call: SimCall) => void>();
  const off = sim.onCall((call) => {
    if (!call.ok) return;
    const key = `${call.method.toLowerCase()}:${String(call.params.chat_id)}`;
    const resolve = waiting.get(key);
    if (!resolve) return;
    waiting.delete(key);
    resolve(call);
  });
  return {
    next(method: string, chatId: number, timeoutMs = 30_000): Promise<SimCall> {
      const key = `${method.toLowerCase()}:${chatId}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(key);
          reject(new Error(`no ${method} to chat ${chatId} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(key, (call) => {
          clearTimeout(timer);
          resolve(call);
        });
      });
    },
    off,
  };
}

async function post(url: string, update: object): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
}

/** One report: the `/lapor` message, the card it gets, the Save tap, and the card edited to "saved". */
async function report(subject: Subject, waiter: ReturnType<typeof callWaiter>, user: SimUser): Promise<void> {
  const chat = { id: user.id, type: 'private', first_name: user.firstName };
  const date = Math.floor(Date.now() / 1000);
  // A new amount each time: the same amount and product within ten minutes is asked about as a duplicate.
  const text = `/lapor ${nextAmount++} rb kopi`;
  const card = waiter.next('sendMessage', user.id);
  await post(subject.webhookUrl, {
    update_id: nextUpdateId++,
    message: { message_id: nextMessageId++, from: user.raw, chat, date, text, entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
  });
  const sent = await card;
  const markup = sent.params.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  const data = markup?.inline_keyboard?.[0]?.[0]?.callback_data;
  if (!data) throw new Error(`${subject.name} answered without a Save button: ${String(sent.params.text).slice(0, 200)}`);
  const messageId = (sent.response as { result: { message_id: number } }).result.message_id;
  const saved = waiter.next('editMessageText', user.id);
  await post(subject.webhookUrl, {
    update_id: nextUpdateId++,
    callback_query: {
      id: subject.sim.openCallbackQuery(user),
      from: user.raw,
      message: { message_id: messageId, from: { id: subject.sim.botId, is_bot: true, first_name: subject.sim.botFirstName }, chat, date, text: 'card' },
      chat_instance: String(user.id),
      data,
    },
  });
  const edit = await saved;
  if (subject.name === 'bot' && !/tersimpan|saved/i.test(String(edit.params.text))) {
    throw new Error(`the bot did not confirm the report: ${String(edit.params.text).slice(0, 200)}`);
  }
}

/** Reports per second with `inFlight` users reporting at once for `seconds` (or `count` reports when given). */
async function drive(subject: Subject, inFlight: number, limit: { seconds?: number; count?: number }): Promise<number> {
  const waiter = callWaiter(subject.sim);
  const started = performance.now();
  const deadline = started + (limit.seconds ?? Infinity) * 1_000;
  let done = 0;
  let left = limit.count ?? Infinity;
  try {
    await Promise.all(
      subject.users.slice(0, inFlight).map(async (user) => {
        while (performance.now() < deadline && left-- > 0) {
          await report(subject, waiter, user);
          done++;
        }
      }),
    );
  } finally {
    waiter.off();
  }
  // The simulator keeps every call; a long bench must not grow it without end.
  subject.sim.calls.length = 0;
  return done / ((performance.now() - started) / 1_000);
}

/** A CPU profile of the bot alone (this process also runs the simulator and the client that posts), over `seconds` at `inFlight`. */
async function profileBot(bot: Subject, inFlight: number, seconds: number, file: string, log: (line: string) => void): Promise<void> {
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const rate = await drive(bot, inFlight, { seconds });
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  writeFileSync(file, JSON.stringify(profile));
  log(`profile of the bot at ${inFlight} in flight (${rate.toFixed(0)} reports/s while profiled): ${file}`);
}

function figure(values: number[]): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? 0, median: sorted[Math.floor((sorted.length - 1) / 2)] ?? 0, runs: values };
}

// -------------------------------------------------------------------- run

export async function runIngestBench(options: IngestOptions): Promise<IngestResult[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  patchDrivers();
  const users = Math.max(...options.inFlight);
  const results: IngestResult[] = [];
  for (const provider of options.providers) {
    const subjects: Subject[] = [];
    try {
      const sync = options.sqliteSynchronous;
      const bot = await startBotSubject(provider, options.postgresUrl, users, 0, log, sync);
      subjects.push(bot, await startBareSubject(provider, options.postgresUrl, users, false), await startBareSubject(provider, options.postgresUrl, users, true, sync));
      if (options.missionReports) subjects.push(await startBotSubject(provider, options.postgresUrl, users, options.missionReports, log, sync));
      // Warm up every path (JIT, pools, the users' rows and sessions) before anything is measured.
      for (const subject of subjects) await drive(subject, users, { count: users * 2 });

      // Statements per report, one report at a time, with the bot otherwise idle.
      sqlCount.on = true;
      await drive(bot, 1, { count: options.countReports });
      sqlCount.on = false;
      const statementsPerReport = sqlCount.statements / options.countReports;
      const preparesPerReport = sqlCount.prepares / options.countReports;
      if (options.showSql) {
        log(`\n${provider}: statements in ${options.countReports} reports (count, SQL):`);
        for (const [sql, n] of [...sqlCount.bySql].sort((a, b) => b[1] - a[1])) log(`${String(n).padStart(6)}  ${sql}`);
      }
      sqlCount.statements = 0;
      sqlCount.prepares = 0;
      sqlCount.bySql.clear();
      if (options.profile) await profileBot(bot, Math.min(8, users), options.seconds, `${options.profile}.${provider}.cpuprofile`, log);

      const samples = new Map<string, number[]>();
      for (let run = 0; run < options.runs; run++) {
        for (const inFlight of options.inFlight) {
          // Each run starts with a different subject, so drift on a shared machine spreads over all three.
          for (let i = 0; i < subjects.length; i++) {
            const subject = subjects[(i + run) % subjects.length]!;
            const rate = await drive(subject, inFlight, { seconds: options.seconds });
            const key = `${subject.name}:${inFlight}`;
            samples.set(key, [...(samples.get(key) ?? []), rate]);
          }
        }
      }
      const rates = options.inFlight.map((inFlight) => ({
        inFlight,
        bot: figure(samples.get(`bot:${inFlight}`) ?? []),
        bare: figure(samples.get(`bare:${inFlight}`) ?? []),
        bareInsert: figure(samples.get(`bareInsert:${inFlight}`) ?? []),
        ...(options.missionReports ? { botSeeded: figure(samples.get(`botSeeded:${inFlight}`) ?? []) } : {}),
      }));
      const result = { provider, rates, statementsPerReport, preparesPerReport };
      printIngest(result, options, log);
      results.push(result);
    } finally {
      for (const subject of subjects) await subject.stop().catch((error: unknown) => log(`could not stop ${subject.name}: ${String(error)}`));
    }
  }
  return results;
}

export function printIngest(result: IngestResult, options: Pick<IngestOptions, 'runs' | 'seconds' | 'missionReports' | 'sqliteSynchronous'>, log: (line: string) => void): void {
  const insert = result.provider === 'sqlite' ? 'better-sqlite3' : 'pg';
  const f = (value: Figure) => `${value.min.toFixed(0)} / ${value.median.toFixed(0)}`;
  log(`\nWebhook ingest, ${result.provider}${result.provider === 'sqlite' && options.sqliteSynchronous ? ` (PRAGMA synchronous = ${options.sqliteSynchronous} for the bot and the peer)` : ''}: reports/s (message + Save tap), min / median of ${options.runs} runs of ${options.seconds} s`);
  log(`| in flight | bot | bare telegraf | bare telegraf + one ${insert} insert | bot ÷ bare + insert (median) | bot ÷ bare (median) |`);
  log('| --- | --- | --- | --- | --- | --- |');
  for (const row of result.rates) {
    log(
      `| ${row.inFlight} | ${f(row.bot)} | ${f(row.bare)} | ${f(row.bareInsert)} | ${(row.bot.median / row.bareInsert.median).toFixed(2)} | ${(row.bot.median / row.bare.median).toFixed(2)} |`,
    );
  }
  for (const row of result.rates) {
    if (!row.botSeeded) continue;
    log(
      `| ${row.inFlight} in flight | bot, mission with ${(options.missionReports ?? 0).toLocaleString('en')} reports: ${f(row.botSeeded)} | bot, fresh mission: ${f(row.bot)} | ratio (median) ${(row.botSeeded.median / row.bot.median).toFixed(2)} |`,
    );
  }
  log(`SQL statements per report (message + tap, inbox included): ${result.statementsPerReport.toFixed(1)}; prepared anew: ${result.preparesPerReport.toFixed(1)}`);
}

/** `--name value` from the command line. */
function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** The options from the command line and the environment, as `npm run bench` and the CLI entry use them. */
export function ingestOptionsFromArgs(): IngestOptions {
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  return {
    providers: postgresUrl ? ['sqlite', 'postgresql'] : ['sqlite'],
    ...(postgresUrl ? { postgresUrl } : {}),
    inFlight: (arg('in-flight') ?? '1,8,32').split(',').map(Number),
    runs: Number(arg('runs') ?? 3),
    seconds: Number(arg('seconds') ?? 3),
    countReports: Number(arg('count') ?? 40),
    showSql: process.argv.includes('--sql'),
    ...(arg('sqlite-synchronous') ? { sqliteSynchronous: arg('sqlite-synchronous')! } : {}),
    ...(arg('profile') ? { profile: arg('profile')! } : {}),
    ...(arg('mission-reports') ? { missionReports: Number(arg('mission-reports')) } : {}),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = ingestOptionsFromArgs();
  console.log(`bench ingest: ${new Date().toISOString()}, node ${process.version}, ${(await import('node:os')).cpus().length} CPUs`);
  if (options.providers.length === 1) console.log('PostgreSQL skipped: set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to an admin connection URL.');
  await runIngestBench(options);
}
