import type { MissionTotals } from './entities.js';
import { progress, type Progress } from './progress.js';
import { addDays, daysBetween } from './time.js';

/** One exhibitor's live sum in a mission, for the top-5 list and the category totals. */
export interface ExhibitorSum {
  name: string;
  category: string;
  amount: bigint;
}

/** The mission of the same origin province before this one, with its final figure. */
export interface PreviousMission {
  name: string;
  hostProvince: string;
  total: bigint;
}

/** The origin province's missions of one calendar year, up to today. */
export interface YearToDate {
  year: number;
  total: bigint;
  missionCount: number;
}

/**
 * What the repositories gather for a digest; everything a digest says comes
 * from here, with "today" passed in. Dates are local `YYYY-MM-DD`.
 */
export interface DigestInput {
  target: bigint;
  startDate: string;
  endDate: string;
  today: string;
  totals: MissionTotals;
  /** Distinct exhibitors with at least one live report today. */
  exhibitorsToday: number;
  exhibitors: readonly ExhibitorSum[];
  /** Live sums per local day (any order, days without reports may be missing). */
  dailyAmounts: readonly { date: string; amount: bigint }[];
  previous: PreviousMission | null;
  yearToDate: YearToDate;
}

/** The digest's figures, ready to be formatted in either language. */
export interface Digest {
  progress: Progress;
  todayTotal: bigint;
  todayCount: number;
  exhibitorsToday: number;
  /** Day of the mission (1-based) that `today` is; 0 before it starts. */
  dayNumber: number;
  topCategories: { category: string; amount: bigint }[];
  topExhibitors: ExhibitorSum[];
  /** Every category with a sum, largest first: the chart's bars. */
  categories: { category: string; amount: bigint }[];
  /** From the first day through today (or the last day): the chart's line. The last value is the total. */
  cumulativeByDay: { date: string; cumulative: bigint }[];
  previous: (PreviousMission & { ratioBasis: number }) | null;
  yearToDate: YearToDate;
}

/** Short enough for a phone screen: the top 3 categories and the top 5 exhibitors. */
export const TOP_CATEGORIES = 3;
export const TOP_EXHIBITORS = 5;

function byAmountThenName<T extends { amount: bigint }>(key: (item: T) => string) {
  return (a: T, b: T): number => (a.amount === b.amount ? key(a).localeCompare(key(b)) : a.amount > b.amount ? -1 : 1);
}

/**
 * The daily digest's figures: progress, today, top lists, the running total
 * per day and the comparisons. Integer arithmetic only; formatting is the
 * caller's. Ties in the top lists are broken by name so two processes (and
 * two runs) say the same.
 */
export function buildDigest(input: DigestInput): Digest {
  const figures = progress({
    target: input.target,
    totals: input.totals.byKind,
    sell: input.totals.byDirection.SELL,
    buy: input.totals.byDirection.BUY,
    reportCount: input.totals.reportCount,
    verifiedTotal: input.totals.verifiedTotal,
    todayTotal: input.totals.todayTotal,
    today: input.today,
    startDate: input.startDate,
    endDate: input.endDate,
  });

  const perCategory = new Map<string, bigint>();
  for (const exhibitor of input.exhibitors) {
    if (exhibitor.amount <= 0n) continue;
    perCategory.set(exhibitor.category, (perCategory.get(exhibitor.category) ?? 0n) + exhibitor.amount);
  }
  const categories = [...perCategory].map(([category, amount]) => ({ category, amount })).sort(byAmountThenName((c) => c.category));
  const topExhibitors = input.exhibitors
    .filter((exhibitor) => exhibitor.amount > 0n)
    .slice()
    .sort(byAmountThenName((e) => e.name))
    .slice(0, TOP_EXHIBITORS);

  return {
    progress: figures,
    todayTotal: input.totals.todayTotal,
    todayCount: input.totals.todayCount,
    exhibitorsToday: input.exhibitorsToday,
    dayNumber: figures.daysElapsed,
    topCategories: categories.slice(0, TOP_CATEGORIES),
    topExhibitors,
    categories,
    cumulativeByDay: cumulativeByDay(input.dailyAmounts, input.startDate, input.endDate, input.today),
    previous: input.previous
      ? { ...input.previous, ratioBasis: input.previous.total > 0n ? Number((figures.total * 10_000n) / input.previous.total) : 0 }
      : null,
    yearToDate: input.yearToDate,
  };
}

/**
 * The running total on each mission day from the first through today (or
 * the last day, after the end). Reports dated before the first day count
 * from the first day on, and the last point holds everything, so the line
 * ends at the headline total. Empty before the mission starts.
 */
export function cumulativeByDay(
  dailyAmounts: readonly { date: string; amount: bigint }[],
  startDate: string,
  endDate: string,
  today: string,
): { date: string; cumulative: bigint }[] {
  const last = today < endDate ? today : endDate;
  const days = daysBetween(startDate, last) + 1;
  if (days < 1) return [];
  const out: { date: string; cumulative: bigint }[] = [];
  for (let index = 0; index < days; index++) {
    const date = addDays(startDate, index);
    const cumulative = dailyAmounts.reduce((sum, day) => (index === days - 1 || day.date <= date ? sum + day.amount : sum), 0n);
    out.push({ date, cumulative });
  }
  return out;
}

/** The headline total split the way the digest splits it. */
export interface KindSplit {
  /** RETAIL: paid on the spot. */
  realised: bigint;
  /** ORDER and LOI. */
  committed: bigint;
  investment: bigint;
}

/**
 * The running totals by part on each mission day from the first through
 * today (or the last day), for the chart's stacked areas; the same days and
 * rules as {@link cumulativeByDay}, so the stack's top is that line. Empty
 * before the mission starts.
 */
export function cumulativeSplit(
  daily: readonly ({ date: string } & KindSplit)[],
  startDate: string,
  endDate: string,
  today: string,
): ({ date: string } & KindSplit)[] {
  const last = today < endDate ? today : endDate;
  const days = daysBetween(startDate, last) + 1;
  if (days < 1) return [];
  const sorted = [...daily].sort((a, b) => a.date.localeCompare(b.date));
  const running: KindSplit = { realised: 0n, committed: 0n, investment: 0n };
  const out: ({ date: string } & KindSplit)[] = [];
  let next = 0;
  for (let index = 0; index < days; index++) {
    const date = addDays(startDate, index);
    // The last point takes everything, also what is dated after it.
    while (next < sorted.length && (index === days - 1 || (sorted[next]?.date ?? '') <= date)) {
      const day = sorted[next++] as { date: string } & KindSplit;
      running.realised += day.realised;
      running.committed += day.committed;
      running.investment += day.investment;
    }
    out.push({ date, ...running });
  }
  return out;
}

/** Telegram's limit for one message's text. */
export const MAX_MESSAGE_LENGTH = 4096;
/** Telegram's limit for a photo caption. */
export const MAX_CAPTION_LENGTH = 1024;

/**
 * Splits a message that is too long for one Telegram message into parts of
 * at most `limit` characters (UTF-16 units, as Telegram counts), at line
 * boundaries so no line (and no HTML tag, which never spans lines in our
 * messages) is cut. Blank lines at the cut are dropped. A single line longer
 * than the limit is cut at its last space before the limit, or hard at the
 * limit without splitting a surrogate pair.
 */
export function splitMessage(text: string, limit = MAX_MESSAGE_LENGTH): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new Error(`split limit must be an integer of at least 2, got ${limit}`);
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    const trimmed = current.replace(/^\n+|\n+$/g, '');
    if (trimmed !== '') parts.push(trimmed);
    current = '';
  };
  for (const line of text.split('\n')) {
    for (const piece of cutLine(line, limit)) {
      if (current === '') current = piece;
      else if (current.length + 1 + piece.length <= limit) current += `\n${piece}`;
      else {
        flush();
        current = piece;
      }
    }
  }
  flush();
  return parts;
}

function cutLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf(' ', limit);
    if (cut <= 0) {
      cut = limit;
      // Do not split a surrogate pair (an emoji).
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, '');
  }
  pieces.push(rest);
  return pieces;
}
