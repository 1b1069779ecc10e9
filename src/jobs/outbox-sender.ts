import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Telegram } from 'telegraf';
import { apiErrorCode, describeError, classifyTelegramError } from '../telegram/errors.js';
import type { DbClient } from '../db/database.js';
import { createChatRepository } from '../db/repositories/chats.js';
import { createOutboxRepository, type OutboxRow } from '../db/repositories/outbox.js';
import { DEFAULT_RETRY_POLICY, onSendFailure, type RetryPolicy } from '../domain/outbox-policy.js';
import { nextSendAt, pruneHistory, TELEGRAM_LIMITS, type RateLimits, type SendRecord } from '../domain/rate-limit.js';
import { deadline } from '../deadline.js';
import type { Logger } from '../logger.js';
import { onEnqueued } from '../db/outbox-enqueue.js';

/** What the sender is built from; everything but the first three has a production default. */
export interface OutboxSenderOptions {
  prisma: DbClient;
  telegram: Telegram;
  logger: Logger;
  /** Milliseconds since the epoch; defaults to Date.now. */
  clock?: () => number;
  /** How often the table is polled when idle (an enqueue in this process wakes it earlier). */
  pollIntervalMs?: number;
  /** A SENDING row older than this belongs to a dead sender and is retried. */
  staleLockMs?: number;
  /** A send that takes longer is aborted and retried like a network error. */
  sendTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  limits?: RateLimits;
  /** How many rows one pass looks at. */
  batchSize?: number;
  /** Names this sender in lockedBy; unique per process by default. */
  id?: string;
  /** Called on each failed send attempt (code 0: network error or timeout), for the metrics. */
  onApiError?: (method: string, code: number) => void;
}

export interface OutboxSender {
  readonly id: string;
  start(): void;
  /** Starts a pass now instead of at the next poll. */
  wake(): void;
  /** Finishes the send in flight, then stops; safe to call more than once. */
  stop(): Promise<void>;
  /** Runs one pass (for tests); returns how long the loop would wait next, in ms. */
  runOnce(): Promise<number>;
}

type Params = Record<string, unknown>;

/** A stored file parameter: `{ base64, filename }` for an upload, or a file_id / URL string. */
function fileParam(value: unknown): unknown {
  if (value && typeof value === 'object' && typeof (value as { base64?: unknown }).base64 === 'string') {
    const file = value as { base64: string; filename?: unknown };
    return { source: Buffer.from(file.base64, 'base64'), filename: typeof file.filename === 'string' ? file.filename : 'file' };
  }
  return value;
}

/**
 * A stored message's Bot API parameters, ready for callApi: chat_id added
 * and an uploaded file turned back into bytes (telegraf sends those as
 * multipart). /ringkasan uses it to send a digest's messages directly.
 */
export function toApiParams(method: string, params: Params, chatId: bigint | number): Params {
  const payload: Params = { ...params, chat_id: Number(chatId) };
  if (method === 'sendPhoto') payload.photo = fileParam(params.photo);
  if (method === 'sendDocument') payload.document = fileParam(params.document);
  return payload;
}

/** How long a stop waits for a send in flight before cutting it off. */
const STOP_GRACE_MS = 3_000;

const METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);

/**
 * The one sender of pushed messages (digests, alerts, reminders,
 * announcements): one loop per process over the OutboxMessage table.
 *
 * Delivery guarantee. A row is claimed with a conditional UPDATE (PENDING →
 * SENDING, lockedBy = this sender) before the call to Telegram, and marked
 * SENT right after Telegram answers, so a second process never sends a row
 * this one holds, and a SENT row is never sent again. On a graceful stop the
 * loop finishes the send in flight and records it before the database
 * closes. The one window left is a crash (or a network timeout) between
 * Telegram accepting a message and the SENT update: that row stays SENDING,
 * and after `staleLockMs` it is released and sent again. We chose that
 * at-least-once corner over at-most-once (failing stale rows) because a
 * digest that arrives twice after a crash is better than one that silently
 * never arrives; the window is one HTTP round trip.
 *
 * Clock. The sender waits real time (Telegram's rate limits, retry_after,
 * backoff), so it uses the wall clock, never the bot's (test-controlled)
 * mission clock.
 */
export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const outbox = createOutboxRepository(options.prisma);
  const chats = createChatRepository(options.prisma);
  const log = options.logger.child({ job: 'outbox' });
  const clock = options.clock ?? Date.now;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const staleLockMs = options.staleLockMs ?? 5 * 60_000;
  const sendTimeoutMs = options.sendTimeoutMs ?? 60_000;
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const limits = options.limits ?? TELEGRAM_LIMITS;
  const batchSize = options.batchSize ?? 200;
  const id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  // Our own attempts (failed calls count at Telegram too); other processes' sends come from the table.
  let ownSends: SendRecord[] = [];
  let lastStaleCheck = 0;
  let running: Promise<void> | undefined;
  let stopping = false;
  let woken = false;
  let interrupt: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;
  // Cuts a send still hanging a few seconds into a stop: the bot must exit within 10 s. The row is retried later.
  const cutOff = new AbortController();

  function wake(): void {
    woken = true;
    interrupt?.();
  }

  function idle(ms: number): Promise<void> {
    if (woken || stopping) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        interrupt = undefined;
        woken = false;
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      interrupt = done;
    });
  }

  async function call(row: OutboxRow): Promise<number | null> {
    const payload = toApiParams(row.method, JSON.parse(row.payload) as Params, row.chatId);
    const limit = deadline(sendTimeoutMs, cutOff.signal);
    const result = (await options.telegram
      .callApi(row.method as 'sendMessage', payload as never, { signal: limit.signal as never })
      .finally(() => limit.dispose())) as { message_id?: number };
    return typeof result?.message_id === 'number' ? result.message_id : null;
  }

  /** Sends one claimed row and records the outcome. */
  async function deliver(row: OutboxRow): Promise<void> {
    const rowLog = log.child({ outboxId: row.id, chatId: row.chatId.toString(), purpose: row.purpose });
    if (!METHODS.has(row.method)) {
      await outbox.markFailed(row.id, id, `unsupported method ${row.method}`);
      rowLog.error({ method: row.method }, 'outbox message failed: unsupported method');
      return;
    }
    const attempts = row.attempts + 1; // the claim counted this attempt
    // Counted when Telegram's answer is in, not when the request left: a slow request must not let
    // the next one reach Telegram less than the limit's interval after it.
    const counted = () => ownSends.push({ chatId: row.chatId.toString(), at: clock() });
    try {
      const messageId = await call(row).finally(counted);
      if (!(await outbox.markSent(row.id, id, new Date(clock()), messageId))) {
        rowLog.warn('sent, but the lock had expired: another sender may send it again');
      } else {
        rowLog.debug('outbox message sent');
      }
    } catch (error) {
      if (!(error instanceof SyntaxError)) options.onApiError?.(row.method, apiErrorCode(error));
      const failure = error instanceof SyntaxError ? { action: 'give_up' as const, description: `bad payload: ${error.message}` } : classifyTelegramError(error);
      const outcome = onSendFailure(failure, attempts, clock(), retry);
      const detail = describeError(error).message;
      switch (outcome.kind) {
        case 'retry':
          await outbox.reschedule(row.id, id, new Date(outcome.notBefore), `${outcome.reason}: ${detail}`);
          rowLog.warn({ attempts, notBefore: new Date(outcome.notBefore).toISOString(), err: describeError(error) }, 'outbox send failed, will retry');
          break;
        case 'failed':
          await outbox.markFailed(row.id, id, `${outcome.reason}${outcome.reason === detail ? '' : `: ${detail}`}`);
          rowLog.error({ attempts, err: describeError(error) }, 'outbox message failed');
          break;
        case 'chat_unreachable':
          // The chat first, then the row: whoever sees the row settled sees the chat inactive.
          await chats.deactivate(row.chatId, `chat inactive: ${detail}`);
          await outbox.markFailed(row.id, id, `${outcome.reason}: ${detail}`);
          rowLog.warn({ err: describeError(error) }, 'chat unreachable: deactivated');
          break;
        case 'chat_migrated':
          await chats.migrate(row.chatId, outcome.newChatId);
          await outbox.reschedule(row.id, id, new Date(clock()), outcome.reason, outcome.newChatId);
          rowLog.info({ newChatId: outcome.newChatId.toString() }, 'group migrated to a supergroup: resending there');
          break;
      }
    }
  }

  /** One look at the queue: sends what may go now; returns how long to wait before the next look. */
  async function pass(): Promise<number> {
    let now = clock();
    if (now - lastStaleCheck >= Math.min(30_000, staleLockMs)) {
      lastStaleCheck = now;
      const released = await outbox.releaseStale(new Date(now - staleLockMs));
      if (released > 0) log.warn({ released }, 'released stale outbox locks');
    }
    const rows = await outbox.candidates(new Date(now), batchSize);
    if (rows.length === 0) return pollIntervalMs;

    const chatStates = new Map((await chats.findMany([...new Set(rows.map((row) => row.chatId))])).map((chat) => [chat.id, chat]));
    ownSends = pruneHistory(ownSends, now, limits);
    const others = await outbox.recentSendsByOthers(new Date(now - limits.groupWindowMs), id);
    const history = (): SendRecord[] => [...others.map((send) => ({ chatId: send.chatId.toString(), at: send.sentAt.getTime() })), ...ownSends];

    let wait = pollIntervalMs;
    let progressed = false;
    // One message per chat per pass, the oldest: a chat's messages go out in order (photo before its text).
    const seen = new Set<bigint>();
    for (const row of rows) {
      if (stopping) break;
      if (seen.has(row.chatId)) continue;
      seen.add(row.chatId);
      if (row.status === 'SENDING') continue; // another sender (or a dead one) holds the chat's oldest message
      if (row.notBefore.getTime() > now) {
        wait = Math.min(wait, row.notBefore.getTime() - now);
        continue;
      }
      const chat = chatStates.get(row.chatId);
      if (chat && !chat.active) {
        if (chat.migratedTo !== null) await outbox.redirectPending(row.id, chat.migratedTo);
        else await outbox.failPending(row.id, 'chat inactive (blocked, kicked or not found)');
        progressed = true;
        continue;
      }
      const at = nextSendAt(history(), row.chatId.toString(), now, limits);
      if (at > now) {
        wait = Math.min(wait, at - now);
        continue;
      }
      if (!(await outbox.claim(row.id, id, new Date(now)))) continue;
      await deliver(row);
      progressed = true;
      now = clock();
    }
    return progressed ? 0 : Math.max(1, wait);
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let wait = pollIntervalMs;
      try {
        wait = await pass();
      } catch (error) {
        if (stopping) break;
        log.error({ err: describeError(error) }, 'outbox pass failed');
      }
      if (wait > 0) await idle(Math.min(wait, pollIntervalMs));
    }
  }

  return {
    id,
    start() {
      if (running || stopping) return;
      unsubscribe = onEnqueued(wake);
      running = loop();
    },
    wake,
    async stop() {
      stopping = true;
      unsubscribe?.();
      interrupt?.();
      const timer = setTimeout(() => cutOff.abort(), STOP_GRACE_MS);
      await running;
      clearTimeout(timer);
    },
    runOnce: pass,
  };
}
