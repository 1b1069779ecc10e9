import type { LeaderboardEntry } from '../../domain/leaderboard.js';
import { kindTotal } from '../../domain/running-totals.js';
import type { DbClient } from '../database.js';
import { exhibitorSums } from '../totals.js';

/** The figures /peringkat ranks; the ranking itself is domain/leaderboard.ts. */
export function createLeaderboardRepository(prisma: DbClient) {
  return {
    /** Every exhibitor of the mission with the sums of their live reports: total and RETAIL (realised), from the running totals. */
    async entries(missionId: number): Promise<LeaderboardEntry[]> {
      const [exhibitors, rows] = await Promise.all([
        prisma.exhibitor.findMany({ where: { missionId }, select: { id: true, name: true, category: true } }),
        exhibitorSums(prisma, missionId),
      ]);
      const sums = new Map(rows.map((row) => [row.exhibitorId, { realised: row.amountRetail, total: kindTotal(row), reportCount: row.reportCount }]));
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
