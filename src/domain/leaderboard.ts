import { CATEGORIES } from './categories.js';

/** One exhibitor's live figures in a mission, the input of the rankings. */
export interface LeaderboardEntry {
  exhibitorId: number;
  name: string;
  category: string;
  /** Sum of live RETAIL reports (paid on the spot). */
  realised: bigint;
  /** Sum of all live reports, every kind and direction. */
  total: bigint;
  reportCount: number;
}

/** An entry with its place (1 = first); places are distinct because ties are broken. */
export interface RankedEntry extends LeaderboardEntry {
  rank: number;
}

export interface Leaderboard {
  byRealised: RankedEntry[];
  byTotal: RankedEntry[];
  /** Categories in the catalogue's order (unknown keys last), only those with a live report. */
  byCategory: { category: string; entries: RankedEntry[] }[];
}

export type RankMetric = 'realised' | 'total';

export const LEADERBOARD_LIMIT = 5;
export const CATEGORY_LIMIT = 3;

function compareBigDesc(a: bigint, b: bigint): number {
  return a === b ? 0 : a > b ? -1 : 1;
}

/**
 * The order of a ranking: the metric, then the other metric, then more
 * reports, then the name (case-insensitively), then the exhibitor id. The
 * last key is unique, so the same figures always give the same order — a
 * leaderboard that reshuffles between two requests looks broken.
 */
export function compareEntries(metric: RankMetric): (a: LeaderboardEntry, b: LeaderboardEntry) => number {
  const other: RankMetric = metric === 'realised' ? 'total' : 'realised';
  return (a, b) => {
    const byMetric = compareBigDesc(a[metric], b[metric]);
    if (byMetric !== 0) return byMetric;
    const byOther = compareBigDesc(a[other], b[other]);
    if (byOther !== 0) return byOther;
    if (a.reportCount !== b.reportCount) return b.reportCount - a.reportCount;
    const an = a.name.toLocaleLowerCase('id');
    const bn = b.name.toLocaleLowerCase('id');
    if (an !== bn) return an < bn ? -1 : 1;
    return a.exhibitorId - b.exhibitorId;
  };
}

/** The top `limit` entries by a metric; an exhibitor with nothing in that metric is not ranked. */
export function rankBy(entries: readonly LeaderboardEntry[], metric: RankMetric, limit: number): RankedEntry[] {
  return entries
    .filter((entry) => entry[metric] > 0n)
    .sort(compareEntries(metric))
    .slice(0, Math.max(0, limit))
    .map((entry, index) => ({ ...entry, rank: index + 1 }));
}

/** Top exhibitors by realised and by total, and the top of each category by total. */
export function leaderboard(
  entries: readonly LeaderboardEntry[],
  limits: { overall: number; perCategory: number } = { overall: LEADERBOARD_LIMIT, perCategory: CATEGORY_LIMIT },
): Leaderboard {
  const categoryOrder = (key: string): number => {
    const index = (CATEGORIES as readonly string[]).indexOf(key);
    return index < 0 ? CATEGORIES.length : index;
  };
  const categories = [...new Set(entries.filter((entry) => entry.total > 0n).map((entry) => entry.category))].sort(
    (a, b) => categoryOrder(a) - categoryOrder(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return {
    byRealised: rankBy(entries, 'realised', limits.overall),
    byTotal: rankBy(entries, 'total', limits.overall),
    byCategory: categories.map((category) => ({
      category,
      entries: rankBy(
        entries.filter((entry) => entry.category === category),
        'total',
        limits.perCategory,
      ),
    })),
  };
}

/** One exhibitor's business meetings: held, and how many of those ended in a deal. */
export interface MeetingLeaderEntry {
  exhibitorId: number;
  name: string;
  held: number;
  deals: number;
}

export interface RankedMeetingEntry extends MeetingLeaderEntry {
  rank: number;
}

/**
 * Exhibitors by business meetings: most deals first, then most meetings
 * held, then the name and the id (a stable order, as in the other
 * rankings). Only exhibitors with a held meeting are ranked.
 */
export function rankMeetings(entries: readonly MeetingLeaderEntry[], limit: number = LEADERBOARD_LIMIT): RankedMeetingEntry[] {
  return entries
    .filter((entry) => entry.held > 0)
    .sort((a, b) => {
      if (a.deals !== b.deals) return b.deals - a.deals;
      if (a.held !== b.held) return b.held - a.held;
      const an = a.name.toLocaleLowerCase('id');
      const bn = b.name.toLocaleLowerCase('id');
      if (an !== bn) return an < bn ? -1 : 1;
      return a.exhibitorId - b.exhibitorId;
    })
    .slice(0, Math.max(0, limit))
    .map((entry, index) => ({ ...entry, rank: index + 1 }));
}
