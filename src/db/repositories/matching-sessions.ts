import { meetingReminderKeys, type SessionSpec } from '../../domain/matching.js';
import { EDITABLE_STATUSES, canMarkAttendance, meetingsNoLongerFitting, meetingsOfDeletedSession, type AttendanceMark, type BookedMeeting } from '../../domain/matching-sessions.js';
import { enqueueMessage, notifyEnqueued, withdrawQueued, type OutboxMessageInput } from '../outbox-enqueue.js';
import type { DbClient } from '../database.js';
import { writeAudit } from './audit.js';
import { lockSession } from './matching.js';
import { bumpBoardRevision } from './board.js';

/** A change an official makes to a session: a new shape, or deletion. */
export type SessionChange = { kind: 'edit'; spec: SessionSpec } | { kind: 'delete' };

export type SessionChangeResult =
  | { ok: true; cancelled: number[] }
  /** The session is gone (deleted meanwhile) or not in this mission. */
  | { ok: false; reason: 'gone' }
  /** The meetings it would cancel are no longer the ones the notices were written for: look again. */
  | { ok: false; reason: 'changed' };

export type MarkResult =
  | { ok: true; changed: boolean; day: string }
  | { ok: false; reason: 'not_found' | 'wrong_state' };

/** Rolls the transaction back when the meetings to cancel moved under us. */
class MeetingsMoved extends Error {}

/**
 * Session edits and deletion, and the officials' attendance marks. An edit
 * cancels exactly the meetings whose notices the caller wrote: the set is
 * decided again inside the transaction, and a difference (a booking or a
 * cancellation in between) rolls everything back for the caller to look again.
 */
export function createSessionEditRepository(prisma: DbClient) {
  return {
    /**
     * Applies the change and cancels the live meetings it leaves out, in one
     * transaction: their claims are freed, their pending reminders dropped,
     * and `notices` (by meeting id) enqueued to both sides.
     */
    async change(
      sessionId: number,
      missionId: number,
      change: SessionChange,
      notices: ReadonlyMap<number, OutboxMessageInput[]>,
      who: { actorId: bigint; at: Date; timeZone: string },
    ): Promise<SessionChangeResult> {
      try {
        const result = await prisma.$transaction(async (tx) => {
          // First the session's row: bookings wait for this edit, and the meetings read next are all there are.
          const session = await lockSession(tx, sessionId);
          if (!session || session.missionId !== missionId) return { ok: false as const, reason: 'gone' as const };
          const rows: BookedMeeting[] = await tx.meeting.findMany({
            where: { sessionId, status: { in: [...EDITABLE_STATUSES] } },
            select: { id: true, status: true, day: true, slotStart: true, tableNo: true },
          });
          const ids = change.kind === 'edit' ? meetingsNoLongerFitting(change.spec, rows, who.timeZone, who.at).map((m) => m.id) : meetingsOfDeletedSession(rows, who.at);
          if (ids.length !== notices.size || ids.some((id) => !notices.has(id))) throw new MeetingsMoved();
          if (change.kind === 'edit') {
            const { spec } = change;
            await tx.matchingSession.update({
              where: { id: sessionId },
              data: { days: spec.days.join(','), startTime: spec.startTime, endTime: spec.endTime, slotMinutes: spec.slotMinutes, tableCount: spec.tableCount },
            });
          } else {
            await tx.matchingSession.update({ where: { id: sessionId }, data: { deletedAt: who.at } });
          }
          if (ids.length > 0) {
            const cancelled = await tx.meeting.updateMany({ where: { id: { in: ids }, status: { in: [...EDITABLE_STATUSES] } }, data: { status: 'CANCELLED', answeredAt: who.at } });
            if (cancelled.count !== ids.length) throw new MeetingsMoved();
            await tx.meetingSlotClaim.deleteMany({ where: { meetingId: { in: ids } } });
            // A cancelled meeting must not remind anyone 15 minutes before a slot it no longer has.
            await withdrawQueued(tx, meetingReminderKeys(ids), 'meeting cancelled: session changed');
          }
          const before = { days: session.days, startTime: session.startTime, endTime: session.endTime, slotMinutes: session.slotMinutes, tableCount: session.tableCount };
          await writeAudit(tx, {
            actorId: who.actorId,
            action: change.kind === 'edit' ? 'matching.session.edit' : 'matching.session.delete',
            entity: 'MatchingSession',
            entityId: sessionId,
            before,
            after: { ...(change.kind === 'edit' ? { ...change.spec, days: change.spec.days.join(',') } : { deletedAt: who.at }), cancelledMeetings: ids },
          });
          await bumpBoardRevision(tx, missionId, who.at);
          for (const id of ids) for (const message of notices.get(id) ?? []) await enqueueMessage(tx, message);
          return { ok: true as const, cancelled: ids };
        });
        if (result.ok && result.cancelled.length > 0) notifyEnqueued();
        return result;
      } catch (error) {
        if (error instanceof MeetingsMoved) return { ok: false, reason: 'changed' };
        throw error;
      }
    },

    /**
     * Marks an agreed meeting of the mission whose slot has begun held or
     * no-show. Idempotent (the same mark again changes nothing) and
     * correctable; the claims stay, both marks keep the slot taken.
     */
    async markAttendance(meetingId: number, missionId: number, mark: AttendanceMark, actorId: bigint, at: Date): Promise<MarkResult> {
      const meeting = await prisma.meeting.findFirst({ where: { id: meetingId, missionId } });
      if (!meeting) return { ok: false, reason: 'not_found' };
      if (!canMarkAttendance(meeting.status, meeting.slotStart, at)) return { ok: false, reason: 'wrong_state' };
      if (meeting.status === mark) return { ok: true, changed: false, day: meeting.day };
      const changed = await prisma.$transaction(async (tx) => {
        const updated = await tx.meeting.updateMany({ where: { id: meetingId, status: meeting.status }, data: { status: mark } });
        if (updated.count === 0) return false;
        await writeAudit(tx, { actorId, action: `meeting.mark.${mark.toLowerCase()}`, entity: 'Meeting', entityId: meetingId, before: { status: meeting.status }, after: { status: mark } });
        // Open boards show meetings held.
        await bumpBoardRevision(tx, missionId, at);
        return true;
      });
      if (!changed) {
        // Another official marked it between the read and the write: the mark is whatever they chose, look again.
        const now = await prisma.meeting.findUnique({ where: { id: meetingId }, select: { status: true } });
        return now?.status === mark ? { ok: true, changed: false, day: meeting.day } : { ok: false, reason: 'wrong_state' };
      }
      return { ok: true, changed: true, day: meeting.day };
    },
  };
}
export type SessionEditRepository = ReturnType<typeof createSessionEditRepository>;
