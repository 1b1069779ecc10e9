import type { Telegram } from 'telegraf';
import type { DbClient } from '../db/database.js';
import type { Repositories } from '../db/repositories/index.js';
import type { Logger } from '../logger.js';
import { createDigestScheduler, type DigestScheduler } from './digest-scheduler.js';
import { createOutboxSender, type OutboxSender, type OutboxSenderOptions } from './outbox-sender.js';
import { meetingOutcomeTick } from './meeting-outcomes.js';
import { scheduleTicks } from './minute-schedule.js';

/** Tuning of the background jobs; the defaults are for production, tests shorten them. */
export type JobsOptions = Partial<Pick<OutboxSenderOptions, 'pollIntervalMs' | 'staleLockMs' | 'sendTimeoutMs' | 'retry' | 'limits' | 'clock' | 'onApiError'>>;

/** What runs besides the bot's update handling: the outbox sender and the digest schedule. */
export interface Jobs {
  sender: OutboxSender;
  scheduler: DigestScheduler;
  /** Starts the sender, then the schedule (whose catch-up tick it awaits). */
  start(): Promise<void>;
  /** Stops the schedule, then the sender (finishing a send in flight); before the database closes. */
  stop(): Promise<void>;
}

/** Builds the jobs of one bot process; main.ts, the demo and the tests get them through startApp. */
export function createJobs(input: {
  prisma: DbClient;
  repos: Repositories;
  telegram: Telegram;
  logger: Logger;
  now: () => Date;
  options?: JobsOptions;
  /** PUBLIC_URL, for the board's button under the daily digest. */
  publicUrl?: string;
}): Jobs {
  const sender = createOutboxSender({ prisma: input.prisma, telegram: input.telegram, logger: input.logger, ...input.options });
  const scheduler = createDigestScheduler({ repos: input.repos, logger: input.logger, now: input.now, ...(input.publicUrl ? { publicUrl: input.publicUrl } : {}) });
  // After a business meeting's slot, both sides are asked for its outcome.
  const outcomes = scheduleTicks({ name: 'meeting-outcomes', log: input.logger, tick: () => meetingOutcomeTick(input, input.now()) });
  let stopping: Promise<void> | undefined;
  return {
    sender,
    scheduler,
    async start() {
      sender.start();
      await scheduler.start();
      await outcomes.start();
    },
    stop: () =>
      (stopping ??= (async () => {
        await outcomes.stop();
        await scheduler.stop();
        await sender.stop();
      })()),
  };
}
