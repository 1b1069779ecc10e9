import { TelegramError, type Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { describeError } from '../telegram/errors.js';
import type { InboxRepository } from '../db/repositories/inbox.js';
import { orderKeyOf } from '../domain/update-order.js';
import { deadline } from '../deadline.js';
import type { Logger } from '../logger.js';

export interface UpdatePollerOptions {
  telegram: Telegram;
  inbox: InboxRepository;
  logger: Logger;
  /** New rows are in the inbox. */
  onRecorded(): void;
  /** The poll cannot go on: 401 (the token was revoked) or 409 (another instance polls, or a webhook is set). */
  onFatal(error: unknown): void;
  /** Long-poll timeout asked of Telegram, in seconds. */
  timeoutSeconds?: number;
  /** Longest wait after repeated failures. */
  maxBackoffMs?: number;
  clock?: () => number;
}

export interface UpdatePoller {
  start(): void;
  /** Ends the long poll in flight at once; updates it would have returned stay with Telegram. */
  stop(): Promise<void>;
}

/** Rows of the inbox from what getUpdates returned. */
export function toInboxRows(updates: readonly Update[]) {
  return updates.map((update) => ({
    updateId: update.update_id,
    orderKey: orderKeyOf(update as unknown as Record<string, unknown>),
    payload: JSON.stringify(update),
  }));
}

/**
 * Long polling that only receives: each batch is written to the inbox, and
 * only then acknowledged by asking for the next offset, so an update
 * Telegram was told we have is never lost, whatever happens to the process
 * afterwards. Handling is the inbox workers' job; a slow handler never holds
 * the next poll (telegraf's own loop waits for a whole batch's handlers).
 * One policy per error: 401 and 409 are fatal, 429 waits retry_after, the
 * rest (5xx, network, the database away) back off and try again.
 */
export function createUpdatePoller(options: UpdatePollerOptions): UpdatePoller {
  const { telegram, inbox, logger } = options;
  const timeoutSeconds = options.timeoutSeconds ?? 30;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const clock = options.clock ?? Date.now;
  const log = logger.child({ component: 'poller' });
  const controller = new AbortController();
  let loop: Promise<void> | undefined;

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (controller.signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        controller.signal.removeEventListener('abort', done);
        resolve();
      }
      controller.signal.addEventListener('abort', done, { once: true });
    });

  async function run(): Promise<void> {
    let offset: number | undefined;
    let failures = 0;
    while (!controller.signal.aborted) {
      try {
        // A poll that Telegram does not answer within its own timeout plus a margin is hung: cut it and poll again.
        const limit = deadline((timeoutSeconds + 15) * 1_000, controller.signal);
        const updates = (await telegram
          .callApi('getUpdates', { timeout: timeoutSeconds, ...(offset !== undefined ? { offset } : {}) }, { signal: limit.signal as never })
          .finally(() => limit.dispose())) as Update[];
        if (updates.length > 0) {
          await inbox.record(toInboxRows(updates), clock());
          options.onRecorded();
          offset = (updates[updates.length - 1]?.update_id ?? 0) + 1;
        }
        failures = 0;
      } catch (error) {
        if (controller.signal.aborted) break;
        if (error instanceof TelegramError && (error.code === 401 || error.code === 409)) {
          log.fatal({ err: describeError(error) }, 'polling stopped');
          options.onFatal(error);
          return;
        }
        failures++;
        const waitMs =
          error instanceof TelegramError && error.code === 429
            ? (error.parameters?.retry_after ?? 5) * 1_000
            : Math.min(maxBackoffMs, 500 * 2 ** Math.min(failures - 1, 10));
        log.warn({ err: describeError(error), waitMs, failures }, 'getUpdates failed, polling again after a pause');
        await pause(waitMs);
      }
    }
  }

  return {
    start() {
      loop ??= run();
    },
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
