import type { ExhibitorSum, KindSplit, PreviousMission, YearToDate } from '../../domain/digest.js';
import { localDate } from '../../domain/time.js';
import { enqueueMessage, type OutboxMessageInput } from '../../jobs/outbox.js';
import type { DbClient } from '../database.js';
import { isUniqueViolation } from './mappers.js';

/** Live (not voided) reports only: a voided report counts nowhere. */
const live = (missionId: number) => ({ missionId, voidedAt: null });

/**
 * The sums a digest needs beyond the progress totals, and the database
 * claims that make the daily digest and the milestone alerts exactly-once.
 */
export function createDigestRepository(prisma: DbClient) {
  return {
    /** Every exhibitor of the mission with a live report, with its sum; the domain ranks and groups them. */
    async sumsByExhibitor(missionId: number): Promise<ExhibitorSum[]> {
      const groups = await prisma.saleReport.groupBy({ by: ['exhibitorId'], where: live(missionId), _sum: { amount: true } });
      if (groups.length === 0) return [];
      const exhibitors = await prisma.exhibitor.findMany({
        where: { id: { in: groups.map((group) => group.exhibitorId) } },
        select: { id: true, name: true, category: true },
      });
      const byId = new Map(exhibitors.map((exhibitor) => [exhibitor.id, exhibitor]));
      return groups.flatMap((group) => {
        const exhibitor = byId.get(group.exhibitorId);
        return exhibitor ? [{ name: exhibitor.name, category: exhibitor.category, amount: group._sum.amount ?? 0n }] : [];
      });
    },

    /**
     * Live sums per local calendar day in the mission's zone, in all and by part. Bucketed here
     * rather than in SQL: SQLite and PostgreSQL have no common way to shift
     * a timestamp into an IANA zone, and a mission has thousands of reports,
     * not millions.
     */
    async sumsByDay(missionId: number, timeZone: string): Promise<({ date: string; amount: bigint } & KindSplit)[]> {
      const rows = await prisma.saleReport.findMany({ where: live(missionId), select: { createdAt: true, amount: true, kind: true } });
      const byDay = new Map<string, { date: string; amount: bigint } & KindSplit>();
      for (const row of rows) {
        const date = localDate(row.createdAt, timeZone);
        let day = byDay.get(date);
        if (!day) byDay.set(date, (day = { date, amount: 0n, realised: 0n, committed: 0n, investment: 0n }));
        day.amount += row.amount;
        if (row.kind === 'RETAIL') day.realised += row.amount;
        else if (row.kind === 'INVESTMENT') day.investment += row.amount;
        else day.committed += row.amount;
      }
      return [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
    },

    /** How many distinct exhibitors reported (live) within [start, end). */
    async exhibitorsReporting(missionId: number, bounds: { start: Date; end: Date }): Promise<number> {
      const groups = await prisma.saleReport.groupBy({
        by: ['exhibitorId'],
        where: { ...live(missionId), createdAt: { gte: bounds.start, lt: bounds.end } },
      });
      return groups.length;
    },

    /**
     * The mission of the same origin province that started before this one
     * (a draft does not count), with its final live total.
     */
    async previousMission(mission: { id: number; originProvince: string; startDate: string }): Promise<PreviousMission | null> {
      const row = await prisma.mission.findFirst({
        where: {
          originProvince: mission.originProvince,
          status: { not: 'DRAFT' },
          id: { not: mission.id },
          OR: [{ startDate: { lt: mission.startDate } }, { startDate: mission.startDate, id: { lt: mission.id } }],
        },
        orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
      });
      if (!row) return null;
      const sum = await prisma.saleReport.aggregate({ where: live(row.id), _sum: { amount: true } });
      return { name: row.name, hostProvince: row.hostProvince, total: sum._sum.amount ?? 0n };
    },

    /**
     * The origin province's missions that started in `today`'s calendar year
     * up to today (this one included), and their live total.
     */
    async yearToDate(originProvince: string, today: string): Promise<YearToDate> {
      const year = Number(today.slice(0, 4));
      const missions = await prisma.mission.findMany({
        where: { originProvince, status: { not: 'DRAFT' }, startDate: { gte: `${today.slice(0, 4)}-01-01`, lte: today } },
        select: { id: true },
      });
      if (missions.length === 0) return { year, total: 0n, missionCount: 0 };
      const sum = await prisma.saleReport.aggregate({
        where: { missionId: { in: missions.map((m) => m.id) }, voidedAt: null },
        _sum: { amount: true },
      });
      return { year, total: sum._sum.amount ?? 0n, missionCount: missions.length };
    },

    /** The mission's live total, read after a report was committed (milestones). */
    async missionTotal(missionId: number): Promise<bigint> {
      const sum = await prisma.saleReport.aggregate({ where: live(missionId), _sum: { amount: true } });
      return sum._sum.amount ?? 0n;
    },

    /** Whether a chat's digest of a local day was already claimed (a cheap check before rendering one). */
    async runExists(missionId: number, chatId: bigint, date: string): Promise<boolean> {
      const row = await prisma.digestRun.findUnique({ where: { missionId_chatId_localDate: { missionId, chatId, localDate: date } } });
      return row !== null;
    },

    /**
     * Claims a chat's digest of a local day and queues its messages, in one
     * transaction: the unique (missionId, chatId, localDate) key lets exactly
     * one process (or one tick) win; the loser gets false and sends nothing.
     * A crash cannot leave a claim without its messages, or the reverse.
     */
    async claimRun(
      run: { missionId: number; chatId: bigint; localDate: string; claimedBy: string; claimedAt: Date },
      messages: readonly OutboxMessageInput[],
    ): Promise<boolean> {
      const key = { missionId_chatId_localDate: { missionId: run.missionId, chatId: run.chatId, localDate: run.localDate } };
      try {
        return await prisma.$transaction(async (tx) => {
          // Checked inside the transaction first, so the usual loser commits a no-op instead of rolling
          // back: on SQLite the process's other statements share the one connection (and its rollback).
          if (await tx.digestRun.findUnique({ where: key })) return false;
          const created = await tx.digestRun.create({ data: run });
          let firstId: number | undefined;
          for (const message of messages) {
            if (!(await enqueueMessage(tx, message))) throw new Error(`digest message ${message.dedupeKey ?? ''} already queued`);
            if (firstId === undefined) {
              const row = message.dedupeKey ? await tx.outboxMessage.findUnique({ where: { dedupeKey: message.dedupeKey } }) : null;
              firstId = row?.id;
            }
          }
          if (firstId !== undefined) await tx.digestRun.update({ where: { id: created.id }, data: { outboxId: firstId } });
          return true;
        });
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** The highest milestone (percent) already alerted for a mission; 0 for none. */
    async highestMilestone(missionId: number): Promise<number> {
      const row = await prisma.milestoneAlert.findFirst({ where: { missionId }, orderBy: { percent: 'desc' } });
      return row?.percent ?? 0;
    },

    /**
     * Claims a milestone of a mission and queues its alerts in one
     * transaction; the unique (missionId, percent) key means two reports
     * crossing the same mark at the same moment alert once.
     */
    async claimMilestone(claim: { missionId: number; percent: number; createdAt: Date }, messages: readonly OutboxMessageInput[]): Promise<boolean> {
      try {
        return await prisma.$transaction(async (tx) => {
          // As in claimRun: the usual loser finds the claim and commits a no-op.
          if (await tx.milestoneAlert.findUnique({ where: { missionId_percent: { missionId: claim.missionId, percent: claim.percent } } })) return false;
          await tx.milestoneAlert.create({ data: claim });
          for (const message of messages) await enqueueMessage(tx, message);
          return true;
        });
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}
export type DigestRepository = ReturnType<typeof createDigestRepository>;
