import { startApp, type App } from '../../src/app.js';
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
export async function startTestBot(provider: Provider, options: { now?: () => Date; adminIds?: number[] } = {}): Promise<TestBot> {
  const sim = new BotApiSimulator({ token: TEST_TOKEN });
  const apiRoot = await sim.start();
  const database: TestDatabase = await createTestDatabase(provider);
  const config = configSchema.parse({
    BOT_MODE: 'polling',
    BOT_TOKEN: sim.token,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_URL: database.url,
    PORT: '0',
    ADMIN_TELEGRAM_IDS: [OFFICIAL_ID, ...(options.adminIds ?? [])].join(','),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [sim.token] });
  const launch = () => startApp({ config: { ...config, BOT_TOKEN: sim.token }, logger, ...(options.now ? { now: options.now } : {}) });
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
      await db.close();
      await sim.stop();
      await database.drop();
    },
  };
  return harness;
}
