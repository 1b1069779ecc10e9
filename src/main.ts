/**
 * Composition root: read the configuration, start the bot, stop it cleanly on
 * SIGINT/SIGTERM. Everything else is built in app.ts.
 */
import { loadDotEnv, parseConfig } from './config.js';
import { startApp, type App } from './app.js';
import { DatabaseStartError } from './db/database-errors.js';
import { createLogger } from './logger.js';

loadDotEnv();
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(`Configuration error — ${parsed.message}. See .env.example.`);
  process.exit(1);
}
const config = parsed.config;
if (!config.BOT_TOKEN) {
  console.error(
    'BOT_TOKEN is not set. Create a bot with @BotFather in Telegram (/newbot), then run: BOT_TOKEN=<token> npm start\n' +
      'To see the bot work without a token or network, run: npm run demo',
  );
  process.exit(1);
}
const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.BOT_TOKEN, config.BOT_MODE === 'webhook' ? config.WEBHOOK_SECRET : undefined] });

// Handlers go in before anything starts: a signal during start-up (or right after
// "bot started") would otherwise kill the process the default way, mid-write.
// `on`, not `once`: a signal to the process group reaches node twice (directly
// and forwarded by npm), and the second must not cut the graceful stop short.
let app: App | undefined;
let signalled: NodeJS.Signals | undefined;
const startAborted = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = signal;
    if (app) void app.stop(signal);
    else startAborted.abort(signal);
  });
}

try {
  app = await startApp({
    config: { ...config, BOT_TOKEN: config.BOT_TOKEN },
    logger,
    onFatal: () => (process.exitCode = 1),
    startSignal: startAborted.signal,
  });
  if (signalled) void app.stop(signalled);
  await app.stopped;
  // Everything is closed; should a library still hold a handle (a socket), end anyway within the 10 s promised.
  setTimeout(() => process.exit(), 2_000).unref();
} catch (error) {
  if (error instanceof DatabaseStartError) {
    // One line for the operator, like a configuration error: the variable and the cause.
    console.error(error.message);
  } else if (signalled) {
    logger.info({ reason: signalled }, 'stopped before start-up finished');
  } else {
    logger.fatal({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'could not start');
  }
  process.exitCode = signalled && !(error instanceof DatabaseStartError) ? 0 : 1;
}
