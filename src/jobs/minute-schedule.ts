import cron, { type ScheduledTask } from 'node-cron';
import { describeError } from '../telegram/errors.js';
import type { Logger } from '../logger.js';

export interface MinuteSchedule {
  /** Starts ticking; the first tick runs at once, so what came due while the bot was down is caught up. */
  start(): Promise<void>;
  /** Stops the cron and waits for a tick in progress (call it before the database closes). */
  stop(): Promise<void>;
}

/**
 * A node-cron job that runs `tick` every minute (or on `cronExpression`),
 * never two ticks at once, logging a failed tick instead of stopping. The
 * digest, reminder and follow-up jobs all run this way.
 */
export function scheduleTicks(options: { name: string; log: Logger; tick: () => Promise<unknown>; cronExpression?: string }): MinuteSchedule {
  const { log } = options;
  let task: ScheduledTask | undefined;
  let stopped = false;
  let running: Promise<void> | undefined;

  const safeTick = async (): Promise<void> => {
    if (stopped || running) return;
    running = options
      .tick()
      .then(
        () => undefined,
        (error: unknown) => log.error({ err: describeError(error), job: options.name }, 'scheduled tick failed'),
      )
      .finally(() => (running = undefined));
    await running;
  };

  return {
    async start() {
      if (task || stopped) return;
      task = cron.schedule(options.cronExpression ?? '* * * * *', safeTick, {
        name: options.name,
        noOverlap: true,
        // node-cron's own chatter goes to debug; its errors stay errors.
        logger: {
          info: (message) => log.debug({ cron: true }, message),
          warn: (message) => log.debug({ cron: true }, message),
          error: (message) => log.error({ cron: true }, String(message)),
          debug: (message) => log.trace({ cron: true }, String(message)),
        },
      });
      await safeTick();
    },
    async stop() {
      stopped = true;
      if (task) await task.destroy();
      task = undefined;
      await running;
    },
  };
}
