import { setMaxListeners } from 'node:events';
import type { Telegraf } from 'telegraf';
import type { Config } from './config.js';
import { createBot, publishCommands, startupTelegram } from './bot/create-bot.js';
import type { BotContext, BotDeps } from './bot/context.js';
import { describeError } from './telegram/errors.js';
import { openDatabase, type Database } from './db/database.js';
import { applyMigrations, hasPendingMigrations } from './db/migrations.js';
import { explainingDatabaseErrors, waitForDatabase } from './db/database-errors.js';
import { createRepositories } from './db/repositories/index.js';
import { createOutboxRepository } from './db/repositories/outbox.js';
import { createMetrics } from './server/metrics.js';
import { createJobs, type Jobs, type JobsOptions } from './jobs/index.js';
import { createMilestoneWatcher } from './jobs/milestones.js';
import { createPushJobs } from './jobs/reminders.js';
import type { Logger } from './logger.js';
import { startHttpServer, type RunningServer } from './server/http-server.js';
import { createWebhookIngest } from './server/webhook.js';
import { BoardHub, type BoardHubOptions } from './server/board-hub.js';
import { createBoardRoutes } from './server/board-routes.js';
import { createInboxWorkers, type InboxWorkers, type InboxWorkersOptions } from './jobs/inbox-workers.js';
import { createUpdatePoller, toInboxRows } from './jobs/update-poller.js';
import type { CallGuardOptions } from './telegram/calls.js';
import type { ExportLimits } from './export/run-export.js';

export interface App {
  bot: Telegraf<BotContext>;
  db: Database;
  http: RunningServer;
  /** The outbox sender and the digest schedule (tests tick the schedule with their own clock). */
  jobs: Jobs;
  /** The workers that handle updates from the inbox (tests wait for them to be idle). */
  workers: InboxWorkers;
  /** The live board's pollers and open streams (the load check reads its stats). */
  board: BoardHub;
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
  /** Tuning of the inbox workers (tests shorten the lease and poll interval). */
  inbox?: Partial<Pick<InboxWorkersOptions, 'concurrency' | 'leaseMs' | 'pollIntervalMs' | 'maxAttempts'>>;
  /** Aborted by a stop signal that arrives during start-up (ends a wait for the database). */
  startSignal?: AbortSignal;
  /** Deadlines and retry budget of the Bot API calls handlers make (tests shorten them). */
  calls?: Omit<CallGuardOptions, 'stopSignal'>;
  /** Tuning of the live board's poller (tests and the load check). */
  board?: Partial<Pick<BoardHubOptions, 'intervalMs' | 'idleMs' | 'heartbeatMs' | 'minGapMs'>>;
  /** How /ekspor sizes its files (tests set a small file limit and their own temporary folder). */
  exportLimits?: Partial<ExportLimits>;
}

/**
 * Starts the whole bot: migrates the database, builds the bot, serves
 * health (and the webhook) over HTTP, and starts polling or sets the webhook.
 * main.ts, the demo and the end-to-end tests all start it this way.
 */
export async function startApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  // A database container started with the bot may still be coming up: wait for it, within bounds.
  let db = await waitForDatabase(config.DATABASE_URL, {
    onWait: ({ problem, waitedMs, retryInMs }) => logger.warn({ problem, waitedMs, retryInMs }, 'waiting for the database'),
    ...(options.startSignal ? { signal: options.startSignal } : {}),
  });
  // The probe's connection is the bot's: one Prisma client (each compiles its
  // own query compiler and keeps some MiB of it). Migrating needs it closed
  // (SQLite's schema engine wants the file to itself), then opens anew.
  if (await explainingDatabaseErrors(config.DATABASE_URL, () => hasPendingMigrations(db))) {
    await db.close();
    const applied = await explainingDatabaseErrors(config.DATABASE_URL, () => applyMigrations(config.DATABASE_URL));
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
    db = await explainingDatabaseErrors(config.DATABASE_URL, () => openDatabase(config.DATABASE_URL));
  }
  const outbox = createOutboxRepository(db.prisma);
  const backlog = async () => ({ inbox: await deps.repos.inbox.backlog(), outbox: await outbox.backlog(new Date()) });
  const metrics = createMetrics({ backlog });
  // Updates whose handler failed (bot.catch told the user): the workers count them as errors.
  const failedUpdates = new Set<number>();
  // Aborted at stop: a handler's Bot API calls then fail at once instead of waiting out their retries.
  const interrupt = new AbortController();
  // Every call of every handler listens to it: not a leak.
  setMaxListeners(0, interrupt.signal);
  const deps: BotDeps = {
    repos: createRepositories(db),
    logger,
    adminIds: config.ADMIN_TELEGRAM_IDS,
    defaultTimeZone: config.DEFAULT_TIMEZONE,
    now: options.now ?? (() => new Date()),
    events: {
      saleRecorded: async (report) => {
        boardHub.changed(report.missionId);
        await milestones(report);
      },
      updateFailed: (updateId) => failedUpdates.add(updateId),
    },
    calls: {
      ...options.calls,
      stopSignal: interrupt.signal,
      onApiError: (method, code) => {
        options.calls?.onApiError?.(method, code);
        metrics.apiError(method, code);
      },
    },
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    ...(options.exportLimits ? { exportLimits: options.exportLimits } : {}),
  };
  const milestones = createMilestoneWatcher({ repos: deps.repos, logger, now: deps.now });
  const bot = createBot({ token: config.BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT }, deps);
  const jobs = createJobs({
    prisma: db.prisma,
    repos: deps.repos,
    telegram: bot.telegram,
    logger,
    now: deps.now,
    options: {
      ...options.jobs,
      // The outbox sender's failed sends count in bot_api_errors_total as the handlers' do.
      onApiError: (method, code) => {
        options.jobs?.onApiError?.(method, code);
        metrics.apiError(method, code);
      },
    },
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
  });
  // Reminders and follow-ups to exhibitors, every minute on the bot's clock (src/jobs/reminders.ts).
  const pushJobs = createPushJobs({ repos: deps.repos, logger, now: deps.now });
  const { inbox } = deps.repos;
  const workers = createInboxWorkers({
    inbox,
    logger,
    handle: async (update) => {
      await bot.handleUpdate(update);
      return failedUpdates.delete(update.update_id) ? 'error' : undefined;
    },
    onHandled: (type, outcome, seconds) => metrics.updateHandled(type, outcome, seconds),
    ...options.inbox,
  });

  // The live board: one poller per watched mission, however many screens watch it (src/server/board-hub.ts).
  const boardHub = new BoardHub({ board: deps.repos.board, now: deps.now, logger, ...options.board });
  let stopping: Promise<void> | undefined;
  const webhookPath = config.BOT_MODE === 'webhook' ? new URL(config.WEBHOOK_URL).pathname : undefined;
  const http = await startHttpServer({
    port: config.PORT,
    routes: createBoardRoutes({ hub: boardHub, board: deps.repos.board, missions: deps.repos.missions, logger }),
    health: async () => {
      // The backlogs answer "is the bot keeping up?" (and let an outside test wait for updates to be handled).
      return { ok: true, detail: { mode: config.BOT_MODE, database: db.provider, backlog: await backlog(), board: boardHub.stats() } };
    },
    metrics: () => metrics.render(),
    ...(config.BOT_MODE === 'webhook' && webhookPath
      ? {
          webhook: {
            path: webhookPath,
            handler: createWebhookIngest({
              secretToken: config.WEBHOOK_SECRET,
              stopping: () => stopping !== undefined,
              record: async (update) => {
                await inbox.record(toInboxRows([update as never]), Date.now());
                workers.wake();
              },
              onError: (error) => logger.error({ err: describeError(error) }, 'webhook update could not be stored; Telegram will retry'),
            }),
          },
        }
      : {}),
  });
  const poller =
    config.BOT_MODE === 'polling'
      ? createUpdatePoller({
          telegram: bot.telegram,
          inbox,
          logger,
          onRecorded: () => workers.wake(),
          onFatal: (error) => {
            options.onFatal?.(error);
            void stop('fatal');
          },
        })
      : undefined;

  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  /**
   * The order matters: stop receiving, let the handlers finish (or interrupt
   * them and hand their updates back), let the outbox record its send in
   * flight, and only then close the database they all write to.
   */
  const stop = (reason = 'stop') =>
    (stopping ??= (async () => {
      logger.info({ reason }, 'stopping');
      await poller?.stop();
      await workers.stop({ graceMs: 4_000, interrupt: () => interrupt.abort() });
      interrupt.abort();
      await pushJobs.stop();
      await jobs.stop();
      await boardHub.stop();
      await http.close();
      await db.close();
      logger.info({ reason }, 'stopped');
      resolveStopped();
    })());

  try {
    const telegram = startupTelegram(bot, deps);
    bot.botInfo = await telegram.getMe();
    await publishCommands(telegram, deps);
    // One process owns an SQLite file: rows still held were held by a process that died.
    if (db.provider === 'sqlite') await inbox.releaseAll();
    if (config.BOT_MODE === 'webhook') {
      await telegram.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: [] });
    } else {
      // A webhook left from another deployment would make every getUpdates answer 409.
      await telegram.deleteWebhook({ drop_pending_updates: false });
    }
    workers.start();
    poller?.start();
    logger.info({ username: bot.botInfo.username, port: http.port, mode: config.BOT_MODE }, 'bot started');
    await jobs.start();
    pushJobs.start();
  } catch (error) {
    // A bad token (401) or an unreachable Bot API: close what was opened, so the process can exit.
    await stop('start failed');
    throw error;
  }
  return { bot, db, http, jobs, workers, board: boardHub, stop, stopped };
}
