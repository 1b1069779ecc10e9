import type { DbClient } from './database.js';
import { recountMission } from './totals.js';

/** The migration that created the totals tables: applying it fills them from the reports already there. */
export const TOTALS_MIGRATION_SUFFIX = '_running_totals';

// A mission of a million reports takes seconds to recount; the default 5 s would cut it off.
const REBUILD_TIMEOUT_MS = 10 * 60_000;

/**
 * Recomputes the running totals of every mission (or of the ones given) from
 * their reports, one transaction per mission, and returns how many it did.
 * Safe while the bot runs: each mission's recount holds the mission's totals
 * row, so reports saved meanwhile are counted once.
 */
export async function rebuildTotals(prisma: DbClient, missionIds?: readonly number[]): Promise<number> {
  const ids = missionIds ?? (await prisma.mission.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((m) => m.id);
  for (const id of ids) {
    await prisma.$transaction((tx) => recountMission(tx, id), { timeout: REBUILD_TIMEOUT_MS, maxWait: REBUILD_TIMEOUT_MS });
  }
  return ids.length;
}
