import type { LeaderboardEntry } from '../../domain/leaderboard.js';
import type { DbClient } from '../database.js';

/** The figures /peringkat ranks; the ranking itself is domain/leaderboard.ts. */
export function createLeaderboardRepository(prisma: DbClient) {
  return {
    /**
     * Every exhibitor of the mission with the sums of their live reports:
     * total and RETAIL (realised). Grouped in the database, so the bot
     * reads one row per exhibitor and kind, not every report.
     */
    async entries(missionId: number): Promise<LeaderboardEntry[]> {
      const [exhibitors, groups] = await Promise.all([
        prisma.exhibitor.findMany({ where: { missionId }, select: { id: true, name: true, category: true } }),
        prisma.saleReport.groupBy({
          by: ['exhibitorId', 'kind'],
          where: { missionId, voidedAt: null },
          _sum: { amount: true },
          _count: { _all: true },
        }),
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
      return exhibitors.map((exhibitor) => ({
        exhibitorId: exhibitor.id,
        name: exhibitor.name,
        category: exhibitor.category,
        ...(sums.get(exhibitor.id) ?? { realised: 0n, total: 0n, reportCount: 0 }),
      }));
    },
  };
}
export type LeaderboardRepository = ReturnType<typeof createLeaderboardRepository>;
