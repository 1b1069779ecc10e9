import type { DbClient } from './database.js';
import { toJson } from './repositories/mappers.js';

/** Why a message is pushed; digests, alerts and the rest share one queue and one sender. */
export type OutboxPurpose = 'digest' | 'milestone' | 'reminder' | 'announcement' | 'followup' | 'notice';

export interface OutboxMessageInput {
  chatId: bigint;
  purpose: OutboxPurpose;
  /** Bot API method: sendMessage, sendPhoto (payload.photo = { base64, filename } for an upload) or sendDocument. */
  method: 'sendMessage' | 'sendPhoto' | 'sendDocument';
  /** The method's parameters without chat_id, as JSON (bigints become strings). */
  payload: Record<string, unknown>;
  /** Same key, same message: a second enqueue with it is a no-op, so a retried job cannot push twice. */
  dedupeKey?: string;
  /** Not before this instant of the sender's clock, which is the wall clock (real time), never the bot's test-controlled deps.now(). */
  notBefore?: Date;
}

type OutboxDb = Pick<DbClient, 'outboxMessage'>;

/**
 * Writes a message to the outbox; the sender delivers it within Telegram's
 * limits and survives restarts. Returns false when the dedupe key was taken.
 */
export async function enqueueMessage(db: OutboxDb, message: OutboxMessageInput): Promise<boolean> {
  try {
    await db.outboxMessage.create({
      data: {
        chatId: message.chatId,
        purpose: message.purpose,
        method: message.method,
        payload: toJson(message.payload),
        dedupeKey: message.dedupeKey ?? null,
        ...(message.notBefore ? { notBefore: message.notBefore } : {}),
      },
    });
    notifyEnqueued();
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2002') return false;
    throw error;
  }
}

/**
 * Takes back messages queued for later that no longer apply (a cancelled
 * meeting's reminder): those still waiting are marked FAILED with the
 * reason; one already being sent or sent is left alone.
 */
export async function withdrawQueued(db: OutboxDb, dedupeKeys: readonly string[], reason: string): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  const { count } = await db.outboxMessage.updateMany({ where: { dedupeKey: { in: [...dedupeKeys] }, status: 'PENDING' }, data: { status: 'FAILED', lastError: `withdrawn: ${reason}` } });
  return count;
}

const enqueueListeners = new Set<() => void>();

/**
 * Lets a sender in this process start at once after an enqueue instead of
 * at its next poll. Only a hint: a message enqueued inside a transaction is
 * announced before the commit, and one enqueued by another process is not
 * announced at all; the sender's polling finds both. Returns the unsubscribe.
 */
export function onEnqueued(listener: () => void): () => void {
  enqueueListeners.add(listener);
  return () => enqueueListeners.delete(listener);
}

/** Wakes the senders of this process (after a transaction that enqueued has committed). */
export function notifyEnqueued(): void {
  for (const listener of enqueueListeners) listener();
}
