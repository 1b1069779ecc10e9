/**
 * Composition root: read the configuration, start the bot, stop it cleanly on
 * SIGINT/SIGTERM. Everything else is built in app.ts.
 */
import { loadDotEnv, parseConfig } from './config.js';
import { startApp } from './app.js';
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

try {
  const app = await startApp({ config: { ...config, BOT_TOKEN: config.BOT_TOKEN }, logger, onFatal: () => (process.exitCode = 1) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.stop(signal));
  await app.stopped;
} catch (error) {
  logger.fatal({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'could not start');
  process.exitCode = 1;
}
