/**
 * The figures recounted from every report, the way the bot read them before
 * the running totals: the randomized test's oracle and the benchmark's
 * baseline. Same signatures as the repositories that now read the totals.
 */
import type { DbClient } from '../../src/db/database.js';
import { createDigestRepository } from '../../src/db/repositories/digests.js';
import { localDayBounds } from '../../src/domain/day-bounds.js';
import type { ExhibitorSum, PreviousMission, YearToDate } from '../../src/domain/digest.js';
import type { MissionTotals, SaleDirectionName, SaleKindName } from '../../src/domain/entities.js';
import { FOLLOWED_KINDS, realisationSummary, type RealisationSummary } from '../../src/domain/follow-ups.js';
import type { LeaderboardEntry } from '../../src/domain/leaderboard.js';
import { localDate } from '../../src/domain/time.js';

const KINDS: readonly SaleKindName[] = ['RETAIL', 'ORDER', 'LOI', 'INVESTMENT'];
const live = (missionId: number) => ({ missionId, voidedAt: null });

export function createFullRecount(prisma: DbClient) {
  const zoneOf = async (missionId: number) => (await prisma.mission.findUniqueOrThrow({ where: { id: missionId }, select: { timeZone: true } })).timeZone;
  const missions = createDigestRepository(prisma);
  const bounds = async (missionId: number, day: string) => localDayBounds(day, await zoneOf(missionId));

  return {
    async totals(missionId: number, today: string): Promise<MissionTotals> {
      const day = await bounds(missionId, today);
      const [byKindDirection, verified, todays, exhibitors] = await Promise.all([
        prisma.saleReport.groupBy({ by: ['kind', 'direction'], where: live(missionId), _sum: { amount: true }, _count: { _all: true } }),
        prisma.saleReport.aggregate({ where: { ...live(missionId), verifiedAt: { not: null } }, _sum: { amount: true } }),
        prisma.saleReport.aggregate({ where: { ...live(missionId), createdAt: { gte: day.start, lt: day.end } }, _sum: { amount: true }, _count: { _all: true } }),
        prisma.saleReport.groupBy({ by: ['exhibitorId'], where: live(missionId) }),
      ]);
      const byKind = Object.fromEntries(KINDS.map((kind) => [kind, 0n])) as Record<SaleKindName, bigint>;
      const byDirection: Record<SaleDirectionName, bigint> = { SELL: 0n, BUY: 0n };
      let reportCount = 0;
      for (const group of byKindDirection) {
        const sum = group._sum.amount ?? 0n;
        byKind[group.kind] += sum;
        byDirection[group.direction] += sum;
        reportCount += group._count._all;
      }
      return {
        byKind,
        byDirection,
        total: byDirection.SELL + byDirection.BUY,
        reportCount,
        exhibitorCount: exhibitors.length,
        verifiedTotal: verified._sum.amount ?? 0n,
        todayTotal: todays._sum.amount ?? 0n,
        todayCount: todays._count._all,
      };
    },

    async summary(missionId: number): Promise<RealisationSummary> {
      const rows = await prisma.saleReport.findMany({
        where: { ...live(missionId), kind: { in: [...FOLLOWED_KINDS] }, realisation: { not: 'PENDING' } },
        select: { amount: true, realisedAmount: true },
      });
      return realisationSummary(rows);
    },

    async sumsByExhibitor(missionId: number): Promise<ExhibitorSum[]> {
      const groups = await prisma.saleReport.groupBy({ by: ['exhibitorId'], where: live(missionId), _sum: { amount: true } });
      const exhibitors = await prisma.exhibitor.findMany({ where: { id: { in: groups.map((g) => g.exhibitorId) } }, select: { id: true, name: true, category: true } });
      const byId = new Map(exhibitors.map((e) => [e.id, e]));
      return groups.flatMap((g) => {
        const e = byId.get(g.exhibitorId);
        return e ? [{ name: e.name, category: e.category, amount: g._sum.amount ?? 0n }] : [];
      });
    },

    async sumsByDay(missionId: number): Promise<{ date: string; amount: bigint; realised: bigint; committed: bigint; investment: bigint }[]> {
      const timeZone = await zoneOf(missionId);
      const rows = await prisma.saleReport.findMany({ where: live(missionId), select: { createdAt: true, amount: true, kind: true } });
      const byDay = new Map<string, { date: string; amount: bigint; realised: bigint; committed: bigint; investment: bigint }>();
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

    async exhibitorsReporting(missionId: number, day: string): Promise<number> {
      const { start, end } = await bounds(missionId, day);
      const groups = await prisma.saleReport.groupBy({ by: ['exhibitorId'], where: { ...live(missionId), createdAt: { gte: start, lt: end } } });
      return groups.length;
    },

    async missionTotal(missionId: number): Promise<bigint> {
      return (await prisma.saleReport.aggregate({ where: live(missionId), _sum: { amount: true } }))._sum.amount ?? 0n;
    },

    // Which missions count is the repository's; their totals are recounted here.
    async previousMission(mission: { id: number; originProvince: string; startDate: string }): Promise<PreviousMission | null> {
      const row = await missions.previousMissionRow(mission);
      if (!row) return null;
      return { name: row.name, hostProvince: row.hostProvince, total: await this.missionTotal(row.id) };
    },

    async yearToDate(originProvince: string, today: string): Promise<YearToDate> {
      const year = Number(today.slice(0, 4));
      const ids = await missions.yearMissionIds(originProvince, today);
      if (ids.length === 0) return { year, total: 0n, missionCount: 0 };
      const sum = await prisma.saleReport.aggregate({ where: { missionId: { in: ids }, voidedAt: null }, _sum: { amount: true } });
      return { year, total: sum._sum.amount ?? 0n, missionCount: ids.length };
    },

    async leaderboard(missionId: number): Promise<LeaderboardEntry[]> {
      const [exhibitors, groups] = await Promise.all([
        prisma.exhibitor.findMany({ where: { missionId }, select: { id: true, name: true, category: true } }),
        prisma.saleReport.groupBy({ by: ['exhibitorId', 'kind'], where: live(missionId), _sum: { amount: true }, _count: { _all: true } }),
      ]);
      const sums = new Map<number, { realised: bigint; total: bigint; reportCount: number }>();
      for (const group of groups) {
        const sum = group._sum.amount ?? 0n;
        const own = sums.get(group.exhibitorId) ?? { realised: 0n, total: 0n, reportCount: 0 };
        own.total += sum;
        if (group.kind === 'RETAIL') own.realised += sum;
        own.reportCount += group._count._all;
        sums.set(group.exhibitorId, own);
      }
      return exhibitors.map((e) => ({ exhibitorId: e.id, name: e.name, category: e.category, ...(sums.get(e.id) ?? { realised: 0n, total: 0n, reportCount: 0 }) }));
    },
  };
}
export type FullRecount = ReturnType<typeof createFullRecount>;
