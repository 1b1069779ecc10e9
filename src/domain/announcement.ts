import { err, ok, type Result } from './result.js';

/**
 * `/pengumuman <text>`: an official's message to every exhibitor of the
 * mission, through the outbox. Pure: the text's limits, the outbox keys of
 * one announcement and how its delivery is counted.
 */

/** Telegram allows 4,096 characters; the header and escaping need some of them. */
export const MAX_ANNOUNCEMENT_LENGTH = 3_500;

/** Checks the typed text: something to say, and not more than fits one message. */
export function checkAnnouncementText(text: string): Result<string, 'empty' | 'too_long'> {
  const trimmed = text.trim();
  if (trimmed === '') return err('empty');
  if (trimmed.length > MAX_ANNOUNCEMENT_LENGTH) return err('too_long');
  return ok(trimmed);
}

/** All outbox rows of one announcement start with this; the id is unique per announcement. */
export function announcementKeyPrefix(announcementId: string): string {
  return `announce:${announcementId}:`;
}

/** One recipient's message of an announcement: the outbox takes it once. */
export function announcementDedupeKey(announcementId: string, userId: bigint): string {
  return `${announcementKeyPrefix(announcementId)}${userId}`;
}

export type OutboxState = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';

export interface DeliveryCount {
  total: number;
  sent: number;
  failed: number;
  /** Not yet sent or failed: waiting in the outbox or being sent. */
  queued: number;
  /** Nothing left to wait for. */
  done: boolean;
}

/** Counts an announcement's outbox rows by state. */
export function deliveryCount(rows: readonly { status: OutboxState; count: number }[]): DeliveryCount {
  let sent = 0;
  let failed = 0;
  let queued = 0;
  for (const row of rows) {
    if (row.status === 'SENT') sent += row.count;
    else if (row.status === 'FAILED') failed += row.count;
    else queued += row.count;
  }
  return { total: sent + failed + queued, sent, failed, queued, done: queued === 0 };
}
