import type { Mission, MissionTotals } from './entities.js';
import type { SaleKind } from './sale.js';
import { daysBetween } from './time.js';

/**
 * What the repositories sum for one mission, plus the calendar: everything a
 * progress view or digest needs, with "today" passed in (no clock here).
 * Dates are local `YYYY-MM-DD` in the mission's time zone.
 */
export interface ProgressInput {
  /** Target in whole rupiah; 0 (or less) means no target set yet. */
  target: bigint;
  totals: Readonly<Record<SaleKind, bigint>>;
  sell: bigint;
  buy: bigint;
  reportCount: number;
  verifiedTotal: bigint;
  today: string;
  startDate: string;
  endDate: string;
  todayTotal: bigint;
}

/** The derived figures of {@link progress}: integers only, formatting is the caller's. */
export interface Progress {
  /** All kinds together: the headline figure (LoI included, as in the governor's reports). */
  total: bigint;
  /** total / target in basis points, floored (1234 = 12.34 %), so 100 % shows only once reached; 0 without a target. */
  percentBasis: number;
  /** RETAIL: paid on the spot. */
  realised: bigint;
  /** ORDER + LOI: promised, followed up after the event. */
  committed: bigint;
  investment: bigint;
  sell: bigint;
  buy: bigint;
  todayTotal: bigint;
  reportCount: number;
  verifiedTotal: bigint;
  /** What is still missing to the target; 0 once reached or without a target. */
  remaining: bigint;
  /** Mission length in days, both ends included. */
  totalDays: number;
  /** Days left including today while the mission runs; the whole length before it starts; 0 after it ends. */
  daysLeft: number;
  /** Days from the start through today; 0 before the start, the whole length after the end. */
  daysElapsed: number;
  /** Rupiah per remaining day (rounded up) to reach the target; 0 when reached, without a target, or after the end. */
  requiredDailyRate: bigint;
  /** The total extrapolated linearly to the whole mission (total / daysElapsed × totalDays); the total itself before the start. */
  projectedTotal: bigint;
  reached: boolean;
}

const BASIS = 10_000n;

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function clampToNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/**
 * Computes the figures of a progress view or digest from summed totals, in
 * integer arithmetic. "Today" counts both as elapsed (its sales are in the
 * total) and as left (there is still time to report). Throws on malformed
 * dates or an end before the start (a bug in the mission row, not a user
 * mistake: the mission wizard validates dates).
 */
export function progress(input: ProgressInput): Progress {
  const { target, totals, today, startDate, endDate } = input;
  const totalDays = daysBetween(startDate, endDate) + 1;
  if (totalDays < 1) throw new Error(`mission ends (${endDate}) before it starts (${startDate})`);

  const total = totals.RETAIL + totals.ORDER + totals.LOI + totals.INVESTMENT;
  const hasTarget = target > 0n;
  const reached = hasTarget && total >= target;
  const remaining = hasTarget && !reached ? target - total : 0n;
  const percentBasis = hasTarget && total > 0n ? clampToNumber((total * BASIS) / target) : 0;

  const sinceStart = daysBetween(startDate, today);
  let daysLeft: number;
  let daysElapsed: number;
  if (sinceStart < 0) {
    daysLeft = totalDays;
    daysElapsed = 0;
  } else if (sinceStart >= totalDays) {
    daysLeft = 0;
    daysElapsed = totalDays;
  } else {
    daysElapsed = sinceStart + 1;
    daysLeft = totalDays - sinceStart;
  }

  const requiredDailyRate = remaining > 0n && daysLeft > 0 ? ceilDiv(remaining, BigInt(daysLeft)) : 0n;
  const projectedTotal = daysElapsed > 0 ? (total * BigInt(totalDays)) / BigInt(daysElapsed) : total;

  return {
    total,
    percentBasis,
    realised: totals.RETAIL,
    committed: totals.ORDER + totals.LOI,
    investment: totals.INVESTMENT,
    sell: input.sell,
    buy: input.buy,
    todayTotal: input.todayTotal,
    reportCount: input.reportCount,
    verifiedTotal: input.verifiedTotal,
    remaining,
    totalDays,
    daysLeft,
    daysElapsed,
    requiredDailyRate,
    projectedTotal,
    reached,
  };
}

/**
 * Writes basis points as a percentage with one decimal, floored and without
 * a trailing `,0`: `12,3%` in Indonesian, `12.3%` in English, `1.234,5%` for
 * a target overshot many times. Floored so 99,99 % never reads as 100 %.
 */
export function formatPercent(percentBasis: number, lang: 'id' | 'en'): string {
  if (!Number.isInteger(percentBasis)) throw new Error(`basis points must be an integer, got ${percentBasis}`);
  const sign = percentBasis < 0 ? '-' : '';
  const tenths = Math.floor(Math.abs(percentBasis) / 10);
  const whole = Math.floor(tenths / 10);
  const decimal = tenths % 10;
  const [thousands, point] = lang === 'id' ? ['.', ','] : [',', '.'];
  const wholeText = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return `${sign}${wholeText}${decimal === 0 ? '' : `${point}${decimal}`}%`;
}

/**
 * A text progress bar for a chat message (`▓▓▓░░░░░░░`): full only at 100 %
 * or more, and at least one block as soon as anything is recorded, so a
 * first small sale is visible.
 */
export function progressBar(percentBasis: number, width = 10): string {
  if (!Number.isInteger(width) || width < 1) throw new Error(`bar width must be a positive integer, got ${width}`);
  let filled = Math.min(width, Math.floor((Math.max(0, percentBasis) * width) / 10_000));
  if (percentBasis > 0 && filled === 0) filled = 1;
  return '▓'.repeat(filled) + '░'.repeat(width - filled);
}

/** The marks below 100 % that get an alert; above it, every further 100 %. */
export const MILESTONES = [25, 50, 75, 100] as const;

/**
 * At most this many marks above 100 % are returned by one call (the highest
 * ones): a mistyped tiny target must not make one sale announce a million
 * milestones.
 */
export const MAX_EXTRA_MILESTONES = 10;

/**
 * The percentage marks (25, 50, 75, 100, then 200, 300…) that going from
 * `before` to `after` crosses, ascending: the milestone alerts to send after
 * a report. A mark is crossed when `before` is below it and `after` is at or
 * above it; a void (after < before) crosses nothing, and without a target
 * there are no milestones.
 */
export function milestonesCrossed(before: bigint, after: bigint, target: bigint): number[] {
  if (target <= 0n || after <= before) return [];
  // mark m % is crossed when before·100 < m·target ≤ after·100
  const crossed = (mark: bigint): boolean => before * 100n < mark * target && mark * target <= after * 100n;
  const marks: number[] = MILESTONES.filter((m) => crossed(BigInt(m)));
  const highest = after / target; // whole multiples of the target reached
  if (highest >= 2n) {
    const lowest = before / target + 1n > 2n ? before / target + 1n : 2n;
    const capped = highest - BigInt(MAX_EXTRA_MILESTONES) + 1n;
    for (let k = lowest > capped ? lowest : capped; k <= highest; k++) {
      if (crossed(k * 100n)) marks.push(clampToNumber(k * 100n));
    }
  }
  return marks;
}

/** The progress figures of a mission from its running sums, on its local day `today`. */
export function missionProgress(mission: Pick<Mission, 'targetAmount' | 'startDate' | 'endDate'>, totals: MissionTotals, today: string): Progress {
  return progress({
    target: mission.targetAmount,
    totals: totals.byKind,
    sell: totals.byDirection.SELL,
    buy: totals.byDirection.BUY,
    reportCount: totals.reportCount,
    verifiedTotal: totals.verifiedTotal,
    todayTotal: totals.todayTotal,
    today,
    startDate: mission.startDate,
    endDate: mission.endDate,
  });
}
