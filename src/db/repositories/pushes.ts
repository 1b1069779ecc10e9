import type { Mission, User } from '../../domain/entities.js';
import type { OutboxState } from '../../domain/announcement.js';
import type { ReminderCandidate } from '../../domain/reminders.js';
import { enqueueMessage, notifyEnqueued, type OutboxMessageInput } from '../outbox-enqueue.js';
import type { DbClient } from '../database.js';
import { exhibitorsOnDay } from '../totals.js';
import { writeAudit, type AuditEntry } from './audit.js';
import { isUniqueViolation, toMission, toUser } from './mappers.js';

/** An exhibitor's owner as a push recipient: who, in which language, for which business. */
export interface PushRecipient {
  user: User;
  exhibitorId: number;
  exhibitorName: string;
}

/**
 * The queries behind the pushes to exhibitors (reminders, announcements,
 * verification notices) and the outbox writes for them. The sender, not
 * this, delivers; here messages are only enqueued.
 */
export function createPushRepository(prisma: DbClient) {
  return {
    /** Enqueues one message; false when its dedupe key was already used. */
    async enqueue(message: OutboxMessageInput): Promise<boolean> {
      return enqueueMessage(prisma, message);
    },

    /**
     * Enqueues a batch in one transaction, with its audit entry, so an
     * announcement is queued for everyone or for no one. Returns how many were new.
     */
    async enqueueAll(messages: readonly OutboxMessageInput[], audit?: AuditEntry): Promise<number> {
      if (messages.length === 0) return 0;
      const keys = messages.map((message) => message.dedupeKey).filter((key): key is string => key !== undefined);
      let count: number;
      try {
        count = await prisma.$transaction(async (tx) => {
          const taken = new Set(
            keys.length === 0
              ? []
              : (await tx.outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((row) => row.dedupeKey),
          );
          let added = 0;
          for (const message of messages) {
            if (message.dedupeKey !== undefined && taken.has(message.dedupeKey)) continue;
            if (await enqueueMessage(tx, message)) added++;
          }
          if (audit && added > 0) await writeAudit(tx, audit);
          return added;
        });
      } catch (error) {
        // A concurrent transaction queued the same keys between our check and our insert (a double tap
        // on PostgreSQL, where the violation also aborts the transaction): it won, we add nothing.
        const raced = keys.length > 0 && (await prisma.outboxMessage.count({ where: { dedupeKey: { in: keys } } })) === keys.length;
        if (isUniqueViolation(error) || raced) return 0;
        throw error;
      }
      // Committed now: wake the sender of this process.
      if (count > 0) notifyEnqueued();
      return count;
    },

    /** How the outbox rows whose dedupe key starts with `prefix` stand, by state. */
    async deliveryOf(prefix: string): Promise<{ status: OutboxState; count: number }[]> {
      const groups = await prisma.outboxMessage.groupBy({ by: ['status'], where: { dedupeKey: { startsWith: prefix } }, _count: { _all: true } });
      return groups.map((group) => ({ status: group.status, count: group._count._all }));
    },

    /** Dedupe keys already used with a prefix (and suffix): a job skips those instead of failing inserts every minute. */
    async usedKeys(prefix: string, suffix = ''): Promise<Set<string>> {
      const rows = await prisma.outboxMessage.findMany({
        where: { dedupeKey: { startsWith: prefix, ...(suffix ? { endsWith: suffix } : {}) } },
        select: { dedupeKey: true },
      });
      return new Set(rows.flatMap((row) => (row.dedupeKey ? [row.dedupeKey] : [])));
    },

    /** Active missions that have a reminder hour. */
    async missionsWithReminders(): Promise<Mission[]> {
      const rows = await prisma.mission.findMany({ where: { status: 'ACTIVE', reminderTime: { not: null } } });
      return rows.map(toMission);
    },

    /** Every exhibitor owner of the mission, with what decides whether they are reminded today. */
    async reminderCandidates(missionId: number, today: string): Promise<(ReminderCandidate & PushRecipient)[]> {
      const [exhibitors, reported] = await Promise.all([
        prisma.exhibitor.findMany({ where: { missionId }, include: { owner: true }, orderBy: { id: 'asc' } }),
        exhibitorsOnDay(prisma, missionId, today),
      ]);
      const reportedIds = new Set(reported);
      const chats = await prisma.chat.findMany({ where: { id: { in: exhibitors.map((e) => e.ownerId) } }, select: { id: true, active: true } });
      const inactive = new Set(chats.filter((chat) => !chat.active).map((chat) => chat.id));
      return exhibitors.map((exhibitor) => ({
        userId: exhibitor.ownerId,
        exhibitorId: exhibitor.id,
        exhibitorName: exhibitor.name,
        user: toUser(exhibitor.owner),
        remindersOff: exhibitor.owner.remindersOff,
        reportedToday: reportedIds.has(exhibitor.id),
        reachable: !inactive.has(exhibitor.ownerId),
      }));
    },

    /** The owners of the mission's exhibitors, for an announcement. */
    async exhibitorOwners(missionId: number): Promise<PushRecipient[]> {
      const rows = await prisma.exhibitor.findMany({ where: { missionId }, include: { owner: true }, orderBy: { id: 'asc' } });
      return rows.map((row) => ({ user: toUser(row.owner), exhibitorId: row.id, exhibitorName: row.name }));
    },

    async remindersOff(userId: bigint): Promise<boolean> {
      const row = await prisma.telegramUser.findUnique({ where: { id: userId }, select: { remindersOff: true } });
      return row?.remindersOff ?? false;
    },

    /** Turns a user's daily reminders off or on; audited, and a no-op (false) when it already was so. */
    async setRemindersOff(userId: bigint, off: boolean): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const updated = await tx.telegramUser.updateMany({ where: { id: userId, remindersOff: !off }, data: { remindersOff: off } });
        if (updated.count === 0) return false;
        await writeAudit(tx, { actorId: userId, action: 'user.reminders', entity: 'TelegramUser', entityId: userId.toString(), before: { remindersOff: !off }, after: { remindersOff: off } });
        return true;
      });
    },
  };
}
export type PushRepository = ReturnType<typeof createPushRepository>;
