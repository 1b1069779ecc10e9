import { cumulativeByDay } from './digest.js';
import type { MissionTotals, SaleKindName } from './entities.js';
import { missionProgress, type Progress } from './progress.js';
import { shareBasis } from './sale-rules.js';
import { textKey } from './text.js';
import { daysBetween, localDate, localTime } from './time.js';

/** How many reports the board lists under "latest". */
export const BOARD_LATEST = 10;

/**
 * One report as the board may show it: who sold what, how much, when. The
 * type has no buyer and no phone field on purpose: what is not here cannot
 * leak onto a public screen.
 */
export interface BoardReport {
  exhibitorName: string;
  productName: string | null;
  amount: bigint;
  kind: SaleKindName;
  createdAt: Date;
}

/**
 * What the board's repository gathers for one mission; `now` is passed in
 * (no clock here). Category sums may come in any order.
 */
export interface BoardFigures {
  mission: { name: string; city: string; hostProvince: string; startDate: string; endDate: string; timeZone: string; targetAmount: bigint };
  totals: MissionTotals;
  dailyAmounts: readonly { date: string; amount: bigint }[];
  categories: readonly { category: string; amount: bigint }[];
  latest: readonly BoardReport[];
  /** Business matching, once the mission has a matching session: meetings booked (accepted), held, and ending in a deal. */
  meetings?: BoardMeetings;
  now: Date;
}

export interface BoardMeetings {
  booked: number;
  held: number;
  deals: number;
}

/** The chart's drawing box in SVG user units; the page scales it. */
export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 400;

/** The cumulative line against the pace line, as SVG polyline points in a {@link CHART_WIDTH}×{@link CHART_HEIGHT} box. */
export interface BoardChart {
  /** `x,y x,y …` of the running total at the end of each day so far, from (0, bottom). */
  actual: string;
  /** The straight line from nothing on the first morning to the target on the last evening; empty without a target. */
  pace: string;
  /** Height of the target line (y); null without a target. */
  targetY: number | null;
  /** The rupiah the top of the box stands for. */
  top: bigint;
}

/** The board's figures, ready for either language: integers and dates, formatting is the caller's. */
export interface Board {
  progress: Progress;
  today: string;
  phase: 'before' | 'during' | 'after';
  /** Days until the first day, before the mission starts; 0 once it has. */
  startsIn: number;
  todayCount: number;
  /** Width of the progress bar in percent, 0–100 (at least 1 once anything is recorded). */
  barPercent: number;
  categories: { category: string; amount: bigint; shareBasis: number }[];
  latest: (BoardReport & { localDate: string; localTime: string; isToday: boolean })[];
  chart: BoardChart;
  /** Only when the mission runs business matching. */
  meetings?: BoardMeetings;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** y of an amount in a box whose top stands for `top` (integer maths until the last step). */
function yOf(amount: bigint, top: bigint): number {
  const scaled = top > 0n ? Number((amount * 100_000n) / top) / 100_000 : 0;
  return round1(CHART_HEIGHT - CHART_HEIGHT * Math.min(1, Math.max(0, scaled)));
}

/**
 * The chart of the board: one point per mission day so far on the running
 * total, and the pace the target asks for. The top of the box is the larger
 * of the target and the total (plus a tenth of headroom), so an overshoot
 * stays on the chart.
 */
export function boardChart(
  dailyAmounts: readonly { date: string; amount: bigint }[],
  mission: { startDate: string; endDate: string; targetAmount: bigint },
  today: string,
  totalDays: number,
  total: bigint,
): BoardChart {
  const peak = total > mission.targetAmount ? total : mission.targetAmount;
  const top = peak > 0n ? peak + peak / 10n : 1n;
  const x = (days: number) => round1((CHART_WIDTH * days) / totalDays);
  const days = cumulativeByDay(dailyAmounts, mission.startDate, mission.endDate, today);
  const actual = days.length === 0 ? '' : [`0,${CHART_HEIGHT}`, ...days.map((day, index) => `${x(index + 1)},${yOf(day.cumulative, top)}`)].join(' ');
  const hasTarget = mission.targetAmount > 0n;
  return {
    actual,
    pace: hasTarget ? `0,${CHART_HEIGHT} ${CHART_WIDTH},${yOf(mission.targetAmount, top)}` : '',
    targetY: hasTarget ? yOf(mission.targetAmount, top) : null,
    top,
  };
}

/**
 * Everything the live board shows, computed from the gathered figures:
 * progress as in /progres, categories largest first (ties by name, so two
 * processes agree), the latest reports newest first with their local time,
 * and the chart.
 */
export function boardView(figures: BoardFigures): Board {
  const { mission, totals, now } = figures;
  const today = localDate(now, mission.timeZone);
  const figuresNow = missionProgress(mission, totals, today);
  const phase = today < mission.startDate ? 'before' : today > mission.endDate ? 'after' : 'during';
  // At least 1 % as soon as anything is recorded, so a first small sale shows on the bar.
  const barPercent = figuresNow.total > 0n && mission.targetAmount > 0n ? Math.max(1, Math.min(100, Math.floor(figuresNow.percentBasis / 100))) : 0;
  const categories = [...figures.categories]
    .filter((entry) => entry.amount !== 0n)
    .sort((a, b) => (a.amount === b.amount ? a.category.localeCompare(b.category) : a.amount > b.amount ? -1 : 1))
    .map((entry) => ({ ...entry, shareBasis: shareBasis(entry.amount, figuresNow.total) }));
  const latest = [...figures.latest]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, BOARD_LATEST)
    .map((report) => {
      const date = localDate(report.createdAt, mission.timeZone);
      return { ...report, localDate: date, localTime: localTime(report.createdAt, mission.timeZone), isToday: date === today };
    });
  return {
    progress: figuresNow,
    today,
    phase,
    startsIn: phase === 'before' ? daysBetween(today, mission.startDate) : 0,
    todayCount: totals.todayCount,
    barPercent,
    categories,
    latest,
    chart: boardChart(figures.dailyAmounts, mission, today, figuresNow.totalDays, figuresNow.total),
    ...(figures.meetings ? { meetings: figures.meetings } : {}),
  };
}

/** Sums exhibitors' totals per category (the digest repository gives them per exhibitor). */
export function sumByCategory(exhibitors: readonly { category: string; amount: bigint }[]): { category: string; amount: bigint }[] {
  const sums = new Map<string, bigint>();
  for (const entry of exhibitors) sums.set(entry.category, (sums.get(entry.category) ?? 0n) + entry.amount);
  return [...sums].map(([category, amount]) => ({ category, amount }));
}

const SLUG_LIMIT = 48;

/**
 * The board's address part for a mission name: lower case letters and
 * digits joined by dashes, accents dropped (`Misi Dagang Jatim – Banten` →
 * `misi-dagang-jatim-banten`); `misi` when nothing is left. Never contains
 * `_`, which the board's own files use (`/papan/_/board.js`).
 */
export function boardSlug(name: string): string {
  const slug = textKey(name)
    .replace(/[^a-z0-9 ]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, SLUG_LIMIT)
    .replace(/-+$/, '');
  return slug === '' ? 'misi' : slug;
}

/** The board's link: the key as `?key=` unless the board is public. */
export function boardUrl(base: string, slug: string, key: string | null): string {
  const root = base.replace(/\/+$/, '');
  return `${root}/papan/${encodeURIComponent(slug)}${key ? `?key=${encodeURIComponent(key)}` : ''}`;
}
