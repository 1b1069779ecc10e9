import type { Telegraf } from 'telegraf';
import type { Config } from './config.js';
import { createBot, publishCommands } from './bot/create-bot.js';
import type { BotContext, BotDeps } from './bot/context.js';
import { describeError } from './bot/telegram-errors.js';
import { openDatabase, type Database } from './db/database.js';
import { applyMigrations } from './db/migrations.js';
import { createRepositories } from './db/repositories/index.js';
import { createJobs, type Jobs, type JobsOptions } from './jobs/index.js';
import { createMilestoneWatcher } from './jobs/milestones.js';
import { createPushJobs } from './jobs/reminders.js';
import type { Logger } from './logger.js';
import { startHttpServer, type RunningServer } from './server/http-server.js';

export interface App {
  bot: Telegraf<BotContext>;
  db: Database;
  http: RunningServer;
  /** The outbox sender and the digest schedule (tests tick the schedule with their own clock). */
  jobs: Jobs;
  /** Stops polling or the webhook, the HTTP server and the database; safe to call more than once. */
  stop(reason?: string): Promise<void>;
  /** Settles when the bot stops on its own (a fatal polling error) or is stopped. */
  stopped: Promise<void>;
}

export interface AppOptions {
  config: Config & { BOT_TOKEN: string };
  logger: Logger;
  now?: () => Date;
  /** Called when polling dies of a fatal error (401 bad token, 409 another instance polling). */
  onFatal?: (error: unknown) => void;
  /** Tuning of the outbox sender (tests shorten its poll interval and backoff). */
  jobs?: JobsOptions;
}

/**
 * Starts the whole bot: migrates the database, builds the bot, serves
 * health (and the webhook) over HTTP, and starts polling or sets the webhook.
 * main.ts, the demo and the end-to-end tests all start it this way.
 */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const applied = await applyMigrations(config.DATABASE_URL);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const db = await openDatabase(config.DATABASE_URL);
  const deps: BotDeps = {
    repos: createRepositories(db),
    logger,
    adminIds: config.ADMIN_TELEGRAM_IDS,
    defaultTimeZone: config.DEFAULT_TIMEZONE,
    now: options.now ?? (() => new Date()),
    events: { saleRecorded: async (report) => void (await milestones(report)) },
  };
  const milestones = createMilestoneWatcher({ repos: deps.repos, logger, now: deps.now });
  const bot = createBot({ token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT }, deps);
  const jobs = createJobs({ prisma: db.prisma, repos: deps.repos, telegram: bot.telegram, logger, now: deps.now, ...(options.jobs ? { options: options.jobs } : {}) });
  // Reminders and follow-ups to exhibitors, every minute on the bot's clock (src/jobs/reminders.ts).
  const pushJobs = createPushJobs({ repos: deps.repos, logger, now: deps.now });

  const webhookPath = config.BOT_MODE === 'webhook' ? new URL(config.WEBHOOK_URL).pathname : undefined;
  const http = await startHttpServer({
    port: config.PORT,
    health: async () => {
      await db.prisma.$queryRawUnsafe('SELECT 1');
      return { ok: true, detail: { mode: config.BOT_MODE, database: db.provider } };
    },
    ...(config.BOT_MODE === 'webhook' && webhookPath
      ? { webhook: { path: webhookPath, handler: bot.webhookCallback(webhookPath, { secretToken: config.WEBHOOK_SECRET }) } }
      : {}),
  });

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stop') =>
    (stopping ??= (async () => {
      logger.info({ reason }, 'stopping');
      if (config.BOT_MODE === 'polling') {
        try {
          bot.stop(reason);
        } catch {
          // Not running (yet): nothing to stop.
        }
      }
      // Before the database closes: the sender records the send in flight.
      await pushJobs.stop();
      await jobs.stop();
      await http.close();
      await db.close();
      resolveStopped();
    })());

  try {
    bot.botInfo = await bot.telegram.getMe();
    await publishCommands(bot, deps);
    if (config.BOT_MODE === 'webhook') {
      await bot.telegram.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: [] });
      logger.info({ username: bot.botInfo.username, port: http.port, mode: 'webhook' }, 'bot started');
    } else {
      // launch() settles only when polling ends; a rejection is a fatal polling error.
      bot.launch({ dropPendingUpdates: false }).catch((error: unknown) => {
        logger.fatal({ err: describeError(error) }, 'polling stopped');
        options.onFatal?.(error);
        void stop('fatal');
      });
      logger.info({ username: bot.botInfo.username, port: http.port, mode: 'polling' }, 'bot started');
    }
    await jobs.start();
    pushJobs.start();
  } catch (error) {
    // A bad token (401) or an unreachable Bot API: close what was opened, so the process can exit.
    await stop('start failed');
    throw error;
  }
  return { bot, db, http, jobs, stop, stopped };
}
