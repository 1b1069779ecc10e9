import type { LeaderboardEntry, MeetingLeaderEntry } from '../../domain/leaderboard.js';
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

    /**
     * Meetings held and ending in a deal, per exhibitor with at least one
     * held; undefined when the mission has no matching session (the
     * leaderboard then says nothing about meetings). One grouped query on
     * the (missionId, status) index, and the names of those exhibitors.
     */
    async meetingEntries(missionId: number): Promise<MeetingLeaderEntry[] | undefined> {
      const [sessions, groups] = await Promise.all([
        prisma.matchingSession.count({ where: { missionId } }),
        prisma.meeting.groupBy({ by: ['exhibitorId', 'outcome'], where: { missionId, status: 'HELD' }, _count: { _all: true } }),
      ]);
      if (sessions === 0) return undefined;
      const byExhibitor = new Map<number, { held: number; deals: number }>();
      for (const group of groups) {
        const sums = byExhibitor.get(group.exhibitorId) ?? { held: 0, deals: 0 };
        sums.held += group._count._all;
        if (group.outcome === 'DEAL') sums.deals += group._count._all;
        byExhibitor.set(group.exhibitorId, sums);
      }
      if (byExhibitor.size === 0) return [];
      const exhibitors = await prisma.exhibitor.findMany({ where: { id: { in: [...byExhibitor.keys()] }, missionId }, select: { id: true, name: true } });
      return exhibitors.map((exhibitor) => ({ exhibitorId: exhibitor.id, name: exhibitor.name, ...(byExhibitor.get(exhibitor.id) ?? { held: 0, deals: 0 }) }));
    },
  };
}
export type LeaderboardRepository = ReturnType<typeof createLeaderboardRepository>;
