import { CANCELLABLE_STATUSES, LIVE_STATUSES, buyerParty, exhibitorParty, freeTable, meetingFigures, meetingReminderKeys, sessionSlotDay, tableParty, type ExportMeeting, type ExportMeetings, type MatchingSessionRecord, type MeetingFigures, type MeetingOutcomeName, type MeetingStatusName, type SessionSpec } from '../../domain/matching.js';
import { enqueueMessage, notifyEnqueued, withdrawQueued, type OutboxMessageInput } from '../outbox-enqueue.js';
import type { DbClient } from '../database.js';
import type * as Db from '../generated/sqlite/client.js';
import { writeAudit } from './audit.js';
import { bumpBoardRevision } from './board.js';
import { isUniqueViolation, toExhibitor } from './mappers.js';
import type { Exhibitor } from '../../domain/entities.js';

export interface MeetingRecord {
  id: number;
  sessionId: number;
  missionId: number;
  slotStart: Date;
  day: string;
  tableNo: number;
  slotMinutes: number;
  buyerId: bigint;
  buyerName: string;
  buyerUsername: string | null;
  exhibitorId: number;
  exhibitorName: string;
  exhibitorBooth: string | null;
  ownerId: bigint;
  ownerName: string;
  status: MeetingStatusName;
  note: string | null;
  outcome: MeetingOutcomeName | null;
  /** The slot the buyer asked for, once the exhibitor proposed another (slotStart is then the proposed one). */
  requestedSlotStart: Date | null;
}

export interface MeetingRequest {
  sessionId: number;
  missionId: number;
  day: string;
  slotStart: Date;
  buyerId: bigint;
  exhibitorId: number;
  note: string;
  at: Date;
}

export type BookResult = { ok: true; meeting: MeetingRecord } | { ok: false; reason: 'taken' };
export type ProposeResult = MeetingChange | { ok: false; reason: 'taken' };

/** The slot an exhibitor proposes: its start and local day, in the meeting's session. */
export interface ProposedSlot {
  slotStart: Date;
  day: string;
}
export type MeetingChange =
  | { ok: true; meeting: MeetingRecord }
  | { ok: false; reason: 'not_found' | 'not_party' }
  | { ok: false; reason: 'wrong_state'; meeting: MeetingRecord };

const WITH_PARTIES = {
  session: { select: { slotMinutes: true } },
} as const;

type Person = { firstName: string; lastName: string | null; username: string | null };
const fullName = (p: Person) => (p.lastName ? `${p.firstName} ${p.lastName}` : p.firstName);

function toSession(row: Db.MatchingSession): MatchingSessionRecord {
  return {
    id: row.id,
    missionId: row.missionId,
    days: row.days.split(',').filter(Boolean),
    startTime: row.startTime,
    endTime: row.endTime,
    slotMinutes: row.slotMinutes,
    tableCount: row.tableCount,
  };
}

/**
 * Every meeting of a mission (declined and cancelled ones too: the sheet
 * shows their status) with names and the live amount of the report a deal
 * became, and the figures /progres shows, counted from the same rows;
 * undefined when the mission has no matching session. For /ekspor.
 */
export async function exportMeetings(prisma: DbClient, missionId: number): Promise<ExportMeetings | undefined> {
  if ((await prisma.matchingSession.count({ where: { missionId } })) === 0) return undefined;
  const meetings = await prisma.meeting.findMany({ where: { missionId }, orderBy: [{ slotStart: 'asc' }, { tableNo: 'asc' }, { id: 'asc' }] });
  const reportIds = [...new Set(meetings.flatMap((row) => (row.saleReportId === null ? [] : [row.saleReportId])))];
  const [exhibitors, buyers, reports] = await Promise.all([
    prisma.exhibitor.findMany({ where: { missionId }, select: { id: true, name: true } }),
    prisma.telegramUser.findMany({ where: { id: { in: [...new Set(meetings.map((row) => row.buyerId))] } }, select: { id: true, firstName: true, lastName: true, username: true } }),
    reportIds.length === 0 ? Promise.resolve([]) : prisma.saleReport.findMany({ where: { id: { in: reportIds }, missionId }, select: { id: true, amount: true, voidedAt: true } }),
  ]);
  const exhibitorName = new Map(exhibitors.map((row) => [row.id, row.name]));
  const buyerName = new Map(buyers.map((row) => [row.id, fullName(row)]));
  // Only live reports carry an amount: a voided deal report counts for nothing.
  const liveAmount = new Map(reports.flatMap((row) => (row.voidedAt === null ? [[row.id, row.amount] as const] : [])));
  const rows: ExportMeeting[] = meetings.map((row) => ({
    id: row.id,
    slotStart: row.slotStart,
    day: row.day,
    tableNo: row.tableNo,
    exhibitorName: exhibitorName.get(row.exhibitorId) ?? String(row.exhibitorId),
    buyerName: buyerName.get(row.buyerId) ?? String(row.buyerId),
    status: row.status,
    outcome: row.outcome,
    note: row.note,
    saleReportId: row.saleReportId,
    reportAmount: row.saleReportId === null ? null : (liveAmount.get(row.saleReportId) ?? null),
  }));
  const counts = new Map<string, { status: ExportMeeting['status']; outcome: ExportMeeting['outcome']; count: number }>();
  for (const row of rows) {
    const key = `${row.status}/${row.outcome ?? ''}`;
    const group = counts.get(key) ?? { status: row.status, outcome: row.outcome, count: 0 };
    group.count += 1;
    counts.set(key, group);
  }
  return { figures: meetingFigures([...counts.values()], [...liveAmount.values()]), rows };
}

/**
 * Takes the session's row for the rest of the transaction and returns its
 * shape as it is now (undefined when deleted). Bookings, proposals and
 * session edits take it first, so on PostgreSQL a booking cannot land in a
 * slot that an edit is removing: either the edit's recheck sees the
 * booking, or the booking sees the new shape. A no-op UPDATE is the
 * portable row lock (SQLite has no SELECT … FOR UPDATE, and runs one
 * writer at a time anyway).
 */
export async function lockSession(tx: Pick<DbClient, 'matchingSession'>, sessionId: number): Promise<MatchingSessionRecord | undefined> {
  const locked = await tx.matchingSession.updateMany({ where: { id: sessionId, deletedAt: null }, data: { tableCount: { increment: 0 } } });
  if (locked.count === 0) return undefined;
  const row = await tx.matchingSession.findUnique({ where: { id: sessionId } });
  return row ? toSession(row) : undefined;
}

/** Rolls a booking back: its slot or table left the session while it was being made. */
class SlotLeftSession extends Error {}

/** Whether a slot and table still belong to the session's current shape. */
async function slotStillInSession(tx: Pick<DbClient, 'matchingSession' | 'mission'>, sessionId: number, slotStart: Date, table: number): Promise<boolean> {
  const session = await lockSession(tx, sessionId);
  if (!session || table > session.tableCount) return false;
  const mission = await tx.mission.findUnique({ where: { id: session.missionId }, select: { timeZone: true } });
  return mission !== null && sessionSlotDay(session, slotStart, mission.timeZone) !== undefined;
}

/** A table race can repeat only as often as there are tables; the buyer's and exhibitor's claims end it sooner. */
const MAX_TABLE_RETRIES = 5;

/**
 * Matching sessions and meetings. Double booking is refused by the
 * database: a live meeting holds MeetingSlotClaim rows for its exhibitor,
 * buyer and table, inserted in the meeting's transaction under a unique key,
 * so of two racing requests (two processes on PostgreSQL too) one fails.
 */
export function createMatchingRepository(prisma: DbClient) {
  async function meetingsWhere(where: Db.Prisma.MeetingWhereInput, orderBy: Db.Prisma.MeetingOrderByWithRelationInput[] = [{ slotStart: 'asc' }, { tableNo: 'asc' }]): Promise<MeetingRecord[]> {
    const rows = await prisma.meeting.findMany({ where, include: WITH_PARTIES, orderBy });
    return withNames(rows);
  }

  /** Joins names: meetings carry ids only (no relations, so the migration stays additive to other tables). */
  async function withNames(rows: (Db.Meeting & { session: { slotMinutes: number } })[]): Promise<MeetingRecord[]> {
    if (rows.length === 0) return [];
    const exhibitors = await prisma.exhibitor.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.exhibitorId))] } }, include: { owner: true } });
    const buyers = await prisma.telegramUser.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.buyerId))] } } });
    const exhibitorById = new Map(exhibitors.map((e) => [e.id, e]));
    const buyerById = new Map(buyers.map((b) => [b.id, b]));
    return rows.map((row) => {
      const exhibitor = exhibitorById.get(row.exhibitorId);
      const buyer = buyerById.get(row.buyerId);
      return {
        id: row.id,
        sessionId: row.sessionId,
        missionId: row.missionId,
        slotStart: row.slotStart,
        day: row.day,
        tableNo: row.tableNo,
        slotMinutes: row.session.slotMinutes,
        buyerId: row.buyerId,
        buyerName: buyer ? fullName(buyer) : String(row.buyerId),
        buyerUsername: buyer?.username ?? null,
        exhibitorId: row.exhibitorId,
        exhibitorName: exhibitor?.name ?? '',
        exhibitorBooth: exhibitor?.booth ?? null,
        ownerId: exhibitor?.ownerId ?? 0n,
        ownerName: exhibitor ? fullName(exhibitor.owner) : '',
        status: row.status,
        note: row.note,
        outcome: row.outcome,
        requestedSlotStart: row.requestedSlotStart,
      };
    });
  }

  async function one(id: number): Promise<MeetingRecord | undefined> {
    return (await meetingsWhere({ id }))[0];
  }

  /** Changes the status of a meeting `actor` is a party of, from one of `from`; frees the slot when the new status does not hold it. */
  async function transition(id: number, actorId: bigint, side: 'exhibitor' | 'buyer' | 'either', from: readonly MeetingStatusName[], to: MeetingStatusName, at: Date, messages: (m: MeetingRecord) => OutboxMessageInput[]): Promise<MeetingChange> {
    const meeting = await one(id);
    if (!meeting) return { ok: false, reason: 'not_found' };
    const isBuyer = meeting.buyerId === actorId;
    const isOwner = meeting.ownerId === actorId;
    if ((side === 'buyer' && !isBuyer) || (side === 'exhibitor' && !isOwner) || (side === 'either' && !isBuyer && !isOwner)) return { ok: false, reason: 'not_party' };
    const changed = await prisma.$transaction(async (tx) => {
      const updated = await tx.meeting.updateMany({ where: { id, status: { in: [...from] } }, data: { status: to, answeredAt: at } });
      if (updated.count === 0) return false;
      if (!LIVE_STATUSES.includes(to)) {
        await tx.meetingSlotClaim.deleteMany({ where: { meetingId: id } });
        // A cancelled meeting must not remind anyone 15 minutes before a slot it no longer has.
        await withdrawQueued(tx, meetingReminderKeys([id]), `meeting ${to.toLowerCase()}`);
      }
      await writeAudit(tx, { actorId, action: `meeting.${to.toLowerCase()}`, entity: 'Meeting', entityId: id, before: { status: meeting.status }, after: { status: to } });
      // Open boards show meetings booked and held.
      await bumpBoardRevision(tx, meeting.missionId, at);
      for (const message of messages({ ...meeting, status: to })) await enqueueMessage(tx, message);
      return true;
    });
    const now = (await one(id))!;
    if (!changed) return { ok: false, reason: 'wrong_state', meeting: now };
    notifyEnqueued();
    return { ok: true, meeting: now };
  }

  return {
    async createSession(missionId: number, spec: SessionSpec, actorId: bigint): Promise<MatchingSessionRecord> {
      return prisma.$transaction(async (tx) => {
        const row = await tx.matchingSession.create({
          data: { missionId, days: spec.days.join(','), startTime: spec.startTime, endTime: spec.endTime, slotMinutes: spec.slotMinutes, tableCount: spec.tableCount, createdById: actorId },
        });
        await writeAudit(tx, { actorId, action: 'matching.session', entity: 'MatchingSession', entityId: row.id, after: spec });
        // Open boards gain the meetings tile.
        await bumpBoardRevision(tx, missionId, row.createdAt);
        return toSession(row);
      });
    },

    async sessions(missionId: number): Promise<MatchingSessionRecord[]> {
      // A deleted session keeps its row for its meetings' history; nobody books into it.
      const rows = await prisma.matchingSession.findMany({ where: { missionId, deletedAt: null }, orderBy: { id: 'asc' } });
      return rows.map(toSession);
    },

    async hasSession(missionId: number): Promise<boolean> {
      return (await prisma.matchingSession.count({ where: { missionId, deletedAt: null } })) > 0;
    },

    /**
     * Meetings booked, held and ending in a deal, and the amount of the live
     * reports linked from meetings; undefined when the mission has no
     * matching session (then nothing about meetings is shown anywhere).
     */
    async figures(missionId: number): Promise<MeetingFigures | undefined> {
      if ((await prisma.matchingSession.count({ where: { missionId } })) === 0) return undefined;
      const [groups, linked] = await Promise.all([
        prisma.meeting.groupBy({ by: ['status', 'outcome'], where: { missionId }, _count: { _all: true } }),
        prisma.meeting.findMany({ where: { missionId, saleReportId: { not: null } }, select: { saleReportId: true } }),
      ]);
      // Each report once, even if two meetings ever pointed at it.
      const ids = [...new Set(linked.flatMap((row) => (row.saleReportId === null ? [] : [row.saleReportId])))];
      const reports = ids.length === 0 ? [] : await prisma.saleReport.findMany({ where: { id: { in: ids }, missionId, voidedAt: null }, select: { amount: true } });
      return meetingFigures(
        groups.map((group) => ({ status: group.status, outcome: group.outcome, count: group._count._all })),
        reports.map((report) => report.amount),
      );
    },

    /** The mission's exhibitors, for /temu's name search. */
    async exhibitors(missionId: number): Promise<Exhibitor[]> {
      const rows = await prisma.exhibitor.findMany({ where: { missionId }, orderBy: { name: 'asc' } });
      return rows.map(toExhibitor);
    },

    async findSession(id: number): Promise<MatchingSessionRecord | undefined> {
      const row = await prisma.matchingSession.findFirst({ where: { id, deletedAt: null } });
      return row ? toSession(row) : undefined;
    },

    /** The taken parties of a session's slots on a day, by slot start (ms). */
    async claims(sessionId: number, day: { start: Date; end: Date }): Promise<Map<number, Set<string>>> {
      const rows = await prisma.meetingSlotClaim.findMany({ where: { sessionId, slotStart: { gte: day.start, lt: day.end } }, select: { slotStart: true, party: true } });
      const map = new Map<number, Set<string>>();
      for (const row of rows) {
        const key = row.slotStart.getTime();
        const set = map.get(key) ?? new Set<string>();
        set.add(row.party);
        map.set(key, set);
      }
      return map;
    },

    /**
     * Books a slot: the meeting and its three claims in one transaction.
     * The table is the lowest free one; when another request took that
     * table in between, the next is tried. 'taken' when the exhibitor, the
     * buyer or every table is held.
     */
    async request(input: MeetingRequest, tableCount: number, notice: (m: MeetingRecord) => OutboxMessageInput[]): Promise<BookResult> {
      for (let attempt = 0; attempt < MAX_TABLE_RETRIES; attempt++) {
        const taken = new Set(
          (await prisma.meetingSlotClaim.findMany({ where: { sessionId: input.sessionId, slotStart: input.slotStart }, select: { party: true } })).map((c) => c.party),
        );
        if (taken.has(exhibitorParty(input.exhibitorId)) || taken.has(buyerParty(input.buyerId))) return { ok: false, reason: 'taken' };
        const table = freeTable(tableCount, taken);
        if (table === undefined) return { ok: false, reason: 'taken' };
        try {
          const id = await prisma.$transaction(async (tx) => {
            if (!(await slotStillInSession(tx, input.sessionId, input.slotStart, table))) throw new SlotLeftSession();
            const row = await tx.meeting.create({
              data: { sessionId: input.sessionId, missionId: input.missionId, slotStart: input.slotStart, day: input.day, tableNo: table, buyerId: input.buyerId, exhibitorId: input.exhibitorId, note: input.note, createdAt: input.at },
            });
            for (const party of [exhibitorParty(input.exhibitorId), buyerParty(input.buyerId), tableParty(table)]) {
              await tx.meetingSlotClaim.create({ data: { sessionId: input.sessionId, slotStart: input.slotStart, party, meetingId: row.id } });
            }
            await writeAudit(tx, { actorId: input.buyerId, action: 'meeting.request', entity: 'Meeting', entityId: row.id, after: { slotStart: input.slotStart, table, exhibitorId: input.exhibitorId } });
            return row.id;
          });
          const meeting = (await one(id))!;
          const messages = notice(meeting);
          if (messages.length > 0) {
            for (const message of messages) await enqueueMessage(prisma, message);
          }
          return { ok: true, meeting };
        } catch (error) {
          if (error instanceof SlotLeftSession) return { ok: false, reason: 'taken' };
          // Another request claimed a party first (the unique key); look again at what is left.
          if (!isUniqueViolation(error)) throw error;
        }
      }
      return { ok: false, reason: 'taken' };
    },

    find: one,

    accept(id: number, actorId: bigint, at: Date, messages: (m: MeetingRecord) => OutboxMessageInput[]) {
      return transition(id, actorId, 'exhibitor', ['REQUESTED'], 'ACCEPTED', at, messages);
    },
    decline(id: number, actorId: bigint, at: Date, messages: (m: MeetingRecord) => OutboxMessageInput[]) {
      return transition(id, actorId, 'exhibitor', ['REQUESTED'], 'DECLINED', at, messages);
    },
    cancel(id: number, actorId: bigint, at: Date, messages: (m: MeetingRecord) => OutboxMessageInput[]) {
      return transition(id, actorId, 'either', CANCELLABLE_STATUSES, 'CANCELLED', at, messages);
    },

    /**
     * The exhibitor's owner answers a request with another slot of the same
     * session: in one transaction the meeting moves there (PROPOSED, the
     * asked-for slot kept in requestedSlotStart) and its claims move with it,
     * so the unique key refuses the move when the exhibitor, the buyer or
     * every table was taken meanwhile, by another process too ('taken').
     * The table is the lowest free one; a table lost to a racing booking
     * makes it try the next. `messages` (the buyer's notice) are queued in
     * the same transaction.
     */
    async propose(id: number, actorId: bigint, slot: ProposedSlot, tableCount: number, at: Date, messages: (m: MeetingRecord) => OutboxMessageInput[]): Promise<ProposeResult> {
      const meeting = await one(id);
      if (!meeting) return { ok: false, reason: 'not_found' };
      if (meeting.ownerId !== actorId) return { ok: false, reason: 'not_party' };
      if (meeting.status !== 'REQUESTED') return { ok: false, reason: 'wrong_state', meeting };
      if (slot.slotStart.getTime() === meeting.slotStart.getTime()) return { ok: false, reason: 'taken' };
      for (let attempt = 0; attempt < MAX_TABLE_RETRIES; attempt++) {
        const taken = new Set(
          (await prisma.meetingSlotClaim.findMany({ where: { sessionId: meeting.sessionId, slotStart: slot.slotStart }, select: { party: true } })).map((c) => c.party),
        );
        if (taken.has(exhibitorParty(meeting.exhibitorId)) || taken.has(buyerParty(meeting.buyerId))) return { ok: false, reason: 'taken' };
        const table = freeTable(tableCount, taken);
        if (table === undefined) return { ok: false, reason: 'taken' };
        const moved: MeetingRecord = { ...meeting, status: 'PROPOSED', slotStart: slot.slotStart, day: slot.day, tableNo: table, requestedSlotStart: meeting.slotStart };
        try {
          const changed = await prisma.$transaction(async (tx) => {
            if (!(await slotStillInSession(tx, meeting.sessionId, slot.slotStart, table))) throw new SlotLeftSession();
            const updated = await tx.meeting.updateMany({
              where: { id, status: 'REQUESTED' },
              data: { status: 'PROPOSED', slotStart: slot.slotStart, day: slot.day, tableNo: table, requestedSlotStart: meeting.slotStart, answeredAt: at },
            });
            if (updated.count === 0) return false;
            await tx.meetingSlotClaim.deleteMany({ where: { meetingId: id } });
            for (const party of [exhibitorParty(meeting.exhibitorId), buyerParty(meeting.buyerId), tableParty(table)]) {
              await tx.meetingSlotClaim.create({ data: { sessionId: meeting.sessionId, slotStart: slot.slotStart, party, meetingId: id } });
            }
            await writeAudit(tx, {
              actorId,
              action: 'meeting.proposed',
              entity: 'Meeting',
              entityId: id,
              before: { status: meeting.status, slotStart: meeting.slotStart, table: meeting.tableNo },
              after: { status: 'PROPOSED', slotStart: slot.slotStart, table },
            });
            for (const message of messages(moved)) await enqueueMessage(tx, message);
            return true;
          });
          if (!changed) return { ok: false, reason: 'wrong_state', meeting: (await one(id))! };
          notifyEnqueued();
          return { ok: true, meeting: (await one(id))! };
        } catch (error) {
          if (error instanceof SlotLeftSession) return { ok: false, reason: 'taken' };
          // A racing booking claimed a party of that slot first (the unique key): look again at what is left.
          if (!isUniqueViolation(error)) throw error;
        }
      }
      return { ok: false, reason: 'taken' };
    },

    /** The buyer confirms the proposed slot: the meeting is accepted there. */
    confirmProposal(id: number, actorId: bigint, at: Date, messages: (m: MeetingRecord) => OutboxMessageInput[]) {
      return transition(id, actorId, 'buyer', ['PROPOSED'], 'ACCEPTED', at, messages);
    },
    /** The buyer declines the proposed slot: the meeting is declined and its slot freed. */
    declineProposal(id: number, actorId: bigint, at: Date, messages: (m: MeetingRecord) => OutboxMessageInput[]) {
      return transition(id, actorId, 'buyer', ['PROPOSED'], 'DECLINED', at, messages);
    },

    /**
     * Accepted meetings whose slot ended by `now` and whose sides were not yet
     * asked for the outcome; also those an official already marked held
     * without an outcome (a no-show has none to ask for).
     */
    async outcomeDue(now: Date): Promise<MeetingRecord[]> {
      const rows = await prisma.meeting.findMany({
        where: { OR: [{ status: 'ACCEPTED' }, { status: 'HELD', outcome: null }], outcomeAskedAt: null, slotStart: { lte: now } },
        include: WITH_PARTIES,
        orderBy: { id: 'asc' },
        take: 200,
      });
      const over = rows.filter((row) => row.slotStart.getTime() + row.session.slotMinutes * 60_000 <= now.getTime());
      return withNames(over);
    },

    /** Marks the question asked and queues it, together; false when another tick or process asked first. */
    async markOutcomeAsked(id: number, at: Date, messages: OutboxMessageInput[]): Promise<boolean> {
      const asked = await prisma.$transaction(async (tx) => {
        const updated = await tx.meeting.updateMany({ where: { id, outcomeAskedAt: null }, data: { outcomeAskedAt: at } });
        if (updated.count === 0) return false;
        for (const message of messages) await enqueueMessage(tx, message);
        return true;
      });
      return asked;
    },

    /** Records a side's outcome; the meeting counts as held. Only its buyer or exhibitor may, and only once it was accepted. */
    async setOutcome(id: number, actorId: bigint, outcome: MeetingOutcomeName): Promise<MeetingChange> {
      const meeting = await one(id);
      if (!meeting) return { ok: false, reason: 'not_found' };
      if (meeting.buyerId !== actorId && meeting.ownerId !== actorId) return { ok: false, reason: 'not_party' };
      const recorded = await prisma.$transaction(async (tx) => {
        const updated = await tx.meeting.updateMany({ where: { id, status: { in: ['ACCEPTED', 'HELD'] } }, data: { status: 'HELD', outcome } });
        if (updated.count === 0) return false;
        await writeAudit(tx, { actorId, action: 'meeting.outcome', entity: 'Meeting', entityId: id, before: { outcome: meeting.outcome }, after: { outcome } });
        await bumpBoardRevision(tx, meeting.missionId, new Date());
        return true;
      });
      if (!recorded) return { ok: false, reason: 'wrong_state', meeting };
      return { ok: true, meeting: (await one(id))! };
    },

    /** The report a deal became: the meeting remembers it. */
    async linkReport(id: number, saleReportId: number): Promise<void> {
      await prisma.meeting.updateMany({ where: { id, saleReportId: null }, data: { saleReportId } });
    },

    /** A user's meetings as buyer or as owner of an exhibitor, live ones, by slot. */
    async mine(userId: bigint, missionId: number): Promise<MeetingRecord[]> {
      const owned = await prisma.exhibitor.findMany({ where: { ownerId: userId, missionId }, select: { id: true } });
      return meetingsWhere({
        missionId,
        status: { in: [...LIVE_STATUSES] },
        OR: [{ buyerId: userId }, { exhibitorId: { in: owned.map((e) => e.id) } }],
      });
    },

    /** A mission's live meetings on one day, by slot and table: the officials' plan. */
    async dayPlan(missionId: number, day: string): Promise<MeetingRecord[]> {
      return meetingsWhere({ missionId, day, status: { in: [...LIVE_STATUSES] } });
    },

    /** A session's meetings in these statuses, by slot: what an edit or deletion of it would touch. */
    async sessionMeetings(sessionId: number, statuses: readonly MeetingStatusName[]): Promise<MeetingRecord[]> {
      return meetingsWhere({ sessionId, status: { in: [...statuses] } });
    },
  };
}
export type MatchingRepository = ReturnType<typeof createMatchingRepository>;
