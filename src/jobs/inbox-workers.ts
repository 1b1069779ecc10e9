import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Update } from 'telegraf/types';
import { describeError } from '../telegram/errors.js';
import type { InboxRepository, InboxRow } from '../db/repositories/inbox.js';
import { updateTypeOf } from '../domain/update-order.js';
import type { Logger } from '../logger.js';

/** How an update's handling ended: interrupted when a stop cut it short (it is handled again after the restart). */
export type HandledOutcome = 'ok' | 'error' | 'interrupted';

export interface InboxWorkersOptions {
  inbox: InboxRepository;
  /**
   * Handles one update; the bot's own error handler has already answered the
   * user when it fails, and then this resolves to 'error' (for the metrics).
   */
  handle(update: Update): Promise<void | 'error'>;
  logger: Logger;
  /** How many updates (of different chats) are handled at once. */
  concurrency?: number;
  /** How long a claimed row stays ours without a renewal; a crashed process's rows are free again after it. */
  leaseMs?: number;
  /** How often the table is looked at when nothing woke the workers (rows of other processes, expired leases). */
  pollIntervalMs?: number;
  /** A row taken this many times without being finished (the process died each time) is given up. */
  maxAttempts?: number;
  /** Handled rows are kept this long to drop redeliveries, then deleted. */
  keepHandledMs?: number;
  clock?: () => number;
  id?: string;
  /** Called after each update, for metrics. */
  onHandled?(type: string, outcome: HandledOutcome, seconds: number): void;
}

export interface InboxWorkers {
  readonly id: string;
  start(): void;
  /** New rows were recorded: look now instead of at the next poll. */
  wake(): void;
  /**
   * Stops taking rows and waits up to `graceMs` for the handlers running;
   * then calls `interrupt` (which makes their Bot API calls fail at once),
   * waits for them to end, and hands their rows back to be taken again.
   */
  stop(options?: { graceMs?: number; interrupt?: () => void }): Promise<void>;
  /** True when nothing is being handled and the last look found nothing to take. */
  readonly idle: boolean;
  /** Called whenever `idle` may have changed (the simulator's settled() listens). */
  onChange(listener: () => void): () => void;
}

const DAY_MS = 86_400_000;

/**
 * The workers that take updates from the inbox and hand them to the bot:
 * updates of one chat strictly in order, different chats in parallel up to
 * `concurrency`. One slow chat (a hung Bot API call) holds one worker, never
 * the others. A row is finished after its handler returns; a crash leaves it
 * held until its lease runs out, and then it is handled again (handlers are
 * idempotent where it matters: a sale is unique on its source update).
 */
export function createInboxWorkers(options: InboxWorkersOptions): InboxWorkers {
  const { inbox, logger } = options;
  const id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const concurrency = options.concurrency ?? 16;
  const leaseMs = options.leaseMs ?? 20_000;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const maxAttempts = options.maxAttempts ?? 5;
  const keepHandledMs = options.keepHandledMs ?? 2 * DAY_MS;
  const clock = options.clock ?? Date.now;
  const log = logger.child({ component: 'inbox', worker: id });

  const active = new Map<bigint, Promise<void>>();
  // Handled rows waiting to be marked done by the next pass, in the transaction of its take.
  let finished: bigint[] = [];
  const listeners = new Set<() => void>();
  let running = false;
  let stopping = false;
  let interrupted = false;
  let pumping = false;
  let dirty = false;
  let again = false;
  let lastLook = -Infinity;
  let timers: ReturnType<typeof setInterval>[] = [];

  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };

  async function pump(): Promise<void> {
    if (!running || stopping) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    try {
      do {
        again = false;
        dirty = false;
        const free = Math.max(0, concurrency - active.size);
        if (free === 0 && finished.length === 0) break;
        const now = clock();
        lastLook = performance.now();
        // Finished and taken in one transaction: one commit per pass instead of one per row.
        const done = finished;
        finished = [];
        let taken: InboxRow[];
        try {
          taken = await inbox.finishAndClaim(done, id, now, now + leaseMs, free);
        } catch (error) {
          finished = [...done, ...finished];
          throw error;
        }
        for (const row of taken) {
          if (stopping) {
            await inbox.release(row.updateId, id);
            continue;
          }
          if (row.attempts + 1 > maxAttempts) {
            // The process died every time it handled this one: give it up rather than die forever.
            log.error({ update_id: Number(row.updateId), attempts: row.attempts }, 'update given up after repeated crashes');
            await inbox.finish(row.updateId, id, clock(), 'FAILED');
            continue;
          }
          run(row);
        }
      } while (again && !stopping);
    } catch (error) {
      // The database is away; the poll timer tries again.
      log.error({ err: describeError(error) }, 'inbox pass failed');
    } finally {
      pumping = false;
      changed();
    }
  }

  function run(row: InboxRow): void {
    const task = (async () => {
      const started = performance.now();
      let update: Update;
      try {
        update = JSON.parse(row.payload) as Update;
      } catch {
        log.error({ update_id: Number(row.updateId) }, 'inbox row is not JSON; given up');
        await inbox.finish(row.updateId, id, clock(), 'FAILED');
        return;
      }
      let outcome: 'ok' | 'error' = 'ok';
      try {
        if ((await options.handle(update)) === 'error') outcome = 'error';
      } catch (error) {
        outcome = 'error';
        log.error({ update_id: update.update_id, err: describeError(error) }, 'update handler failed');
      }
      // Cut short by a stop, it is neither done nor failed: it runs again after the restart.
      options.onHandled?.(updateTypeOf(update as unknown as Record<string, unknown>), interrupted ? 'interrupted' : outcome, (performance.now() - started) / 1_000);
      // Cut short by a stop: taken again after the restart instead of counted as done.
      if (interrupted) await inbox.release(row.updateId, id);
      else finished.push(row.updateId);
    })()
      .catch((error: unknown) => log.error({ update_id: Number(row.updateId), err: describeError(error) }, 'could not record the update as handled'))
      .finally(() => {
        active.delete(row.updateId);
        wake();
      });
    active.set(row.updateId, task);
  }

  function wake(): void {
    dirty = true;
    changed();
    void pump();
  }

  return {
    id,
    get idle() {
      return !pumping && !dirty && active.size === 0 && finished.length === 0;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    wake,
    start() {
      if (running) return;
      running = true;
      timers = [
        // Busy workers look at every wake; the timer only fills the quiet gaps (rows of other processes, expired leases).
        setInterval(() => {
          if (performance.now() - lastLook >= pollIntervalMs) void pump();
        }, pollIntervalMs),
        setInterval(() => {
          if (active.size > 0) void inbox.renew(id, clock() + leaseMs).catch((error: unknown) => log.warn({ err: describeError(error) }, 'inbox lease renewal failed'));
        }, Math.max(50, Math.floor(leaseMs / 3))),
        setInterval(() => void prune(), 10 * 60_000),
      ];
      for (const timer of timers) timer.unref();
      void prune();
      wake();
    },
    async stop({ graceMs = 5_000, interrupt } = {}) {
      if (!running) return;
      stopping = true;
      for (const timer of timers) clearInterval(timer);
      const all = (): Promise<unknown> => Promise.allSettled([...active.values()]);
      if (active.size > 0) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = await Promise.race([all().then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))]);
        clearTimeout(timer);
        if (late) {
          log.warn({ running: active.size }, 'handlers still running at stop: interrupting, their updates will be handled again');
          interrupted = true;
          interrupt?.();
          await all();
        }
      }
      // A pass in progress may still be claiming; let it end before the database closes.
      while (pumping) await new Promise((resolve) => setTimeout(resolve, 5));
      // Rows handled since the last pass are marked done now.
      for (const updateId of finished.splice(0)) {
        await inbox.finish(updateId, id, clock()).catch((error: unknown) => log.error({ update_id: Number(updateId), err: describeError(error) }, 'could not record the update as handled'));
      }
      running = false;
      changed();
    },
  };

  async function prune(): Promise<void> {
    try {
      const removed = await inbox.prune(clock() - keepHandledMs);
      if (removed > 0) log.debug({ removed }, 'old handled updates pruned');
    } catch (error) {
      log.warn({ err: describeError(error) }, 'inbox prune failed');
    }
  }
}
