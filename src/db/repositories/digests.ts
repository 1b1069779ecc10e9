import type { ExhibitorSum, KindSplit, PreviousMission, YearToDate } from '../../domain/digest.js';
import { kindTotal } from '../../domain/running-totals.js';
import { enqueueMessage, type OutboxMessageInput } from '../outbox-enqueue.js';
import { num, registeredFastSql } from '../fast-sql.js';
import type { DbClient } from '../database.js';
import { exhibitorSums, exhibitorsOnDay, missionDays, missionSums } from '../totals.js';
import { isUniqueViolation } from './mappers.js';

/**
 * The sums a digest needs beyond the progress totals (read from the running
 * totals, so they cost the same at any number of reports), and the database
 * claims that make the daily digest and the milestone alerts exactly-once.
 */
export function createDigestRepository(prisma: DbClient) {
  /** The mission of the same origin province that started before this one (a draft does not count). */
  async function previousMissionRow(mission: { id: number; originProvince: string; startDate: string }) {
    return prisma.mission.findFirst({
      where: {
        originProvince: mission.originProvince,
        status: { not: 'DRAFT' },
        id: { not: mission.id },
        OR: [{ startDate: { lt: mission.startDate } }, { startDate: mission.startDate, id: { lt: mission.id } }],
      },
      orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
      select: { id: true, name: true, hostProvince: true },
    });
  }

  /** Ids of the origin province's missions (not drafts) that started in `today`'s calendar year up to today. */
  async function yearMissionIds(originProvince: string, today: string): Promise<number[]> {
    const rows = await prisma.mission.findMany({
      where: { originProvince, status: { not: 'DRAFT' }, startDate: { gte: `${today.slice(0, 4)}-01-01`, lte: today } },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  return {
    /** Every exhibitor of the mission with a live report, with its sum; the domain ranks and groups them. */
    async sumsByExhibitor(missionId: number): Promise<ExhibitorSum[]> {
      const sums = await exhibitorSums(prisma, missionId);
      if (sums.length === 0) return [];
      const exhibitors = await prisma.exhibitor.findMany({
        where: { id: { in: sums.map((row) => row.exhibitorId) } },
        select: { id: true, name: true, category: true },
      });
      const byId = new Map(exhibitors.map((exhibitor) => [exhibitor.id, exhibitor]));
      return sums.flatMap((row) => {
        const exhibitor = byId.get(row.exhibitorId);
        return exhibitor ? [{ name: exhibitor.name, category: exhibitor.category, amount: kindTotal(row) }] : [];
      });
    },

    /** Live sums per local calendar day in the mission's zone, in all and by part, oldest first. */
    async sumsByDay(missionId: number): Promise<({ date: string; amount: bigint } & KindSplit)[]> {
      const days = await missionDays(prisma, missionId);
      return days.map((row) => ({
        date: row.day,
        amount: kindTotal(row),
        realised: row.amountRetail,
        committed: row.amountOrder + row.amountLoi,
        investment: row.amountInvestment,
      }));
    },

    /** How many distinct exhibitors reported (live) on a local day (YYYY-MM-DD). */
    async exhibitorsReporting(missionId: number, day: string): Promise<number> {
      return (await exhibitorsOnDay(prisma, missionId, day)).length;
    },

    previousMissionRow,

    /** The previous mission (see previousMissionRow) with its final live total. */
    async previousMission(mission: { id: number; originProvince: string; startDate: string }): Promise<PreviousMission | null> {
      const row = await previousMissionRow(mission);
      if (!row) return null;
      return { name: row.name, hostProvince: row.hostProvince, total: kindTotal(await missionSums(prisma, row.id)) };
    },

    yearMissionIds,

    /** Those missions (this one included) and their live total. */
    async yearToDate(originProvince: string, today: string): Promise<YearToDate> {
      const year = Number(today.slice(0, 4));
      const ids = await yearMissionIds(originProvince, today);
      if (ids.length === 0) return { year, total: 0n, missionCount: 0 };
      const rows = await prisma.missionTotal.findMany({ where: { missionId: { in: ids } } });
      return { year, total: rows.reduce((sum, row) => sum + kindTotal(row), 0n), missionCount: ids.length };
    },

    /** The mission's live total, read after a report was committed (milestones). */
    async missionTotal(missionId: number): Promise<bigint> {
      return kindTotal(await missionSums(prisma, missionId));
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
      const fast = registeredFastSql(prisma);
      if (fast) return num((await fast.all<{ p: unknown }>(`SELECT MAX("percent") AS "p" FROM "MilestoneAlert" WHERE "missionId" = ?`, [missionId]))[0]?.p);
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
