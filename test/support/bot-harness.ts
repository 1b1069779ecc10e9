import { createServer } from 'node:net';
import { startApp, type App, type AppOptions } from '../../src/app.js';
import { configSchema } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import type { Provider } from '../../src/db/schema-files.js';
import { BotApiSimulator } from '../../src/simulator/index.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export const OFFICIAL_ID = 7001;
// Shaped like a real token, so the config schema accepts it.
export const TEST_TOKEN = '123456789:AAH-simulated-token-for-tests';

export interface TestBot {
  sim: BotApiSimulator;
  app: App;
  /** A second connection to the bot's database, for assertions on what was saved. */
  db: Database;
  /** Stops the bot process and starts a new one on the same database and simulator. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The bot as `npm start` runs it (migrations, polling, HTTP), pointed at a
 * Bot API simulator on 127.0.0.1 and a fresh database of its own.
 */
export interface TestBotOptions {
  now?: () => Date;
  adminIds?: number[];
  /** `webhook`: the simulator POSTs updates to the bot's HTTP server on 127.0.0.1. */
  mode?: 'polling' | 'webhook';
  /** Tuning of the inbox workers and of the handlers' Bot API calls. */
  app?: Pick<AppOptions, 'inbox' | 'calls' | 'jobs' | 'board' | 'exportLimits'>;
  /** Where the bot's log lines go, at which level (default: TEST_LOG_LEVEL or silent, to stdout). */
  log?: { level: string; destination: NodeJS.WritableStream };
  /** PUBLIC_URL: the board's links and buttons. */
  publicUrl?: string;
  /** How long a step may wait for the bot to settle (default 10 s): an export of many reports on a loaded machine takes longer. */
  settleTimeoutMs?: number;
}

export const TEST_WEBHOOK_SECRET = 'test-webhook-secret_0123456789';

export async function startTestBot(provider: Provider, options: TestBotOptions = {}): Promise<TestBot> {
  const sim = new BotApiSimulator({ token: TEST_TOKEN, ...(options.settleTimeoutMs ? { settleTimeoutMs: options.settleTimeoutMs } : {}) });
  const apiRoot = await sim.start();
  const database: TestDatabase = await createTestDatabase(provider);
  const port = options.mode === 'webhook' ? await freePort() : 0;
  const config = configSchema.parse({
    BOT_MODE: options.mode ?? 'polling',
    ...(options.mode === 'webhook' ? { WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`, WEBHOOK_SECRET: TEST_WEBHOOK_SECRET } : {}),
    BOT_TOKEN: sim.token,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_URL: database.url,
    PORT: String(port),
    ADMIN_TELEGRAM_IDS: [OFFICIAL_ID, ...(options.adminIds ?? [])].join(','),
    LOG_LEVEL: options.log?.level ?? process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(options.publicUrl ? { PUBLIC_URL: options.publicUrl } : {}),
  });
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [sim.token], ...(options.log ? { destination: options.log.destination } : {}) });
  let unprobe = (): void => undefined;
  const launch = async () => {
    const started = await startApp({ config: { ...config, BOT_TOKEN: sim.token }, logger, ...(options.now ? { now: options.now } : {}), ...options.app });
    // The bot acknowledges updates once they are in its inbox: settled() also waits for its workers.
    unprobe();
    const offState = sim.settleWhen(() => !started.workers.idle);
    const offChange = started.workers.onChange(() => sim.poke());
    unprobe = () => {
      offState();
      offChange();
    };
    return started;
  };
  let app = await launch();
  const db = await openDatabase(database.url);
  const harness: TestBot = {
    sim,
    get app() {
      return app;
    },
    db,
    async restart() {
      await app.stop('restart');
      app = await launch();
    },
    async stop() {
      await app.stop('test done');
      unprobe();
      await db.close();
      await sim.stop();
      await database.drop();
    },
  };
  return harness;
}

/** A port free on 127.0.0.1 right now (the webhook URL must be known before the bot listens). */
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
