import type { DbClient } from '../database.js';

/** A queued message as the sender sees it. */
export interface OutboxRow {
  id: number;
  chatId: bigint;
  purpose: string;
  method: string;
  /** JSON parameters without chat_id. */
  payload: string;
  status: 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';
  attempts: number;
  notBefore: Date;
  lockedBy: string | null;
}

/**
 * The outbox sender's queries. Every state change is a conditional
 * UPDATE … WHERE status = … (and lockedBy = me), so two sender processes on
 * one database never both own a row: the affected-row count says who won.
 */
export function createOutboxRepository(prisma: DbClient) {
  return {
    /**
     * Rows that decide what may be sent now, oldest first: due pending rows,
     * pending rows waiting for a retry (they hold back later messages to the
     * same chat, to keep a chat's messages in order), and rows being sent.
     * Rows scheduled for later that never failed do not hold anything back.
     */
    async candidates(now: Date, limit: number): Promise<OutboxRow[]> {
      return prisma.outboxMessage.findMany({
        where: {
          OR: [{ status: 'SENDING' }, { status: 'PENDING', OR: [{ notBefore: { lte: now } }, { attempts: { gt: 0 } }] }],
        },
        orderBy: { id: 'asc' },
        take: limit,
        select: { id: true, chatId: true, purpose: true, method: true, payload: true, status: true, attempts: true, notBefore: true, lockedBy: true },
      });
    },

    /** Messages due and not yet sent (waiting, retrying or being sent): is the sender keeping up? */
    async backlog(now: Date): Promise<number> {
      return prisma.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] }, notBefore: { lte: now } } });
    },

    /** Sends by other processes since `since` (theirs count against the same bot's limits). */
    async recentSendsByOthers(since: Date, me: string): Promise<{ chatId: bigint; sentAt: Date }[]> {
      const rows = await prisma.outboxMessage.findMany({
        where: { status: 'SENT', sentAt: { gte: since }, NOT: { lockedBy: me } },
        select: { chatId: true, sentAt: true },
      });
      return rows.flatMap((row) => (row.sentAt ? [{ chatId: row.chatId, sentAt: row.sentAt }] : []));
    },

    /** Takes a pending row for this sender; false when another sender was first. */
    async claim(id: number, me: string, now: Date): Promise<boolean> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { id, status: 'PENDING' },
        data: { status: 'SENDING', lockedBy: me, lockedAt: now, attempts: { increment: 1 } },
      });
      return count === 1;
    },

    /**
     * Telegram accepted it. lockedBy stays, so other processes can count
     * this send against the rate limits. False when the lock was lost
     * (it went stale and another sender took the row).
     */
    async markSent(id: number, me: string, sentAt: Date, messageId: number | null): Promise<boolean> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { id, status: 'SENDING', lockedBy: me },
        data: { status: 'SENT', sentAt, sentMessageId: messageId, lastError: null },
      });
      return count === 1;
    },

    /** Back to the queue, not before `notBefore`, optionally to another chat (a migrated group). */
    async reschedule(id: number, me: string, notBefore: Date, lastError: string, chatId?: bigint): Promise<void> {
      await prisma.outboxMessage.updateMany({
        where: { id, status: 'SENDING', lockedBy: me },
        data: { status: 'PENDING', notBefore, lastError, lockedBy: null, lockedAt: null, ...(chatId !== undefined ? { chatId } : {}) },
      });
    },

    async markFailed(id: number, me: string, lastError: string): Promise<void> {
      await prisma.outboxMessage.updateMany({
        where: { id, status: 'SENDING', lockedBy: me },
        data: { status: 'FAILED', lastError, lockedBy: null, lockedAt: null },
      });
    },

    /** A pending row the sender will not send (its chat is inactive): failed without a call to Telegram. */
    async failPending(id: number, lastError: string): Promise<void> {
      await prisma.outboxMessage.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'FAILED', lastError } });
    },

    /** A pending row addressed to a chat that has since migrated: it follows the chat. */
    async redirectPending(id: number, chatId: bigint): Promise<void> {
      await prisma.outboxMessage.updateMany({ where: { id, status: 'PENDING' }, data: { chatId } });
    },

    /**
     * Rows locked longer than a send can take belong to a sender that died
     * mid-send: they go back to the queue. That is the at-least-once corner
     * of the design (see outbox-sender.ts).
     */
    async releaseStale(olderThan: Date): Promise<number> {
      const { count } = await prisma.outboxMessage.updateMany({
        where: { status: 'SENDING', lockedAt: { lt: olderThan } },
        data: { status: 'PENDING', lockedBy: null, lockedAt: null, lastError: 'lock expired: the sender stopped mid-send' },
      });
      return count;
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
