import type { MissionTotals, SaleDirectionName, SaleKindName } from './entities.js';
import { FOLLOWED_KINDS, type Realisation, type RealisationSummary, realisationRate } from './follow-ups.js';

/**
 * Running totals: what one report adds to (or, voided, takes from) the
 * summary tables, and how the tables read back as the figures progress, the
 * digest and the leaderboard use. Pure: the database applies the deltas with
 * atomic increments (src/db/totals.ts).
 */

/** Live report count and sums by kind: the columns every totals table has. */
export interface KindSums {
  reportCount: number;
  amountRetail: bigint;
  amountOrder: bigint;
  amountLoi: bigint;
  amountInvestment: bigint;
}

/** The mission row adds direction, verification and the answered commitments. */
export interface MissionSums extends KindSums {
  amountSell: bigint;
  amountBuy: bigint;
  verifiedAmount: bigint;
  answeredCount: number;
  answeredCommitted: bigint;
  answeredRealised: bigint;
  /** Voided reports: counted apart, never summed. */
  voidedCount: number;
}

/** What of a report the totals depend on. */
export interface CountedReport {
  kind: SaleKindName;
  direction: SaleDirectionName;
  amount: bigint;
  verified: boolean;
  realisation: Realisation;
  realisedAmount: bigint | null;
}

const KIND_COLUMN: Record<SaleKindName, keyof Omit<KindSums, 'reportCount'>> = {
  RETAIL: 'amountRetail',
  ORDER: 'amountOrder',
  LOI: 'amountLoi',
  INVESTMENT: 'amountInvestment',
};

export function emptyKindSums(): KindSums {
  return { reportCount: 0, amountRetail: 0n, amountOrder: 0n, amountLoi: 0n, amountInvestment: 0n };
}

export function emptyMissionSums(): MissionSums {
  return { ...emptyKindSums(), amountSell: 0n, amountBuy: 0n, verifiedAmount: 0n, answeredCount: 0, answeredCommitted: 0n, answeredRealised: 0n, voidedCount: 0 };
}

/** Whether the realisation answer of a report counts in the realisation rate. */
function answered(report: Pick<CountedReport, 'kind' | 'realisation'>): boolean {
  return FOLLOWED_KINDS.includes(report.kind) && report.realisation !== 'PENDING';
}

/** The answered-commitment part of a report, signed. */
function answeredPart(report: CountedReport, sign: 1 | -1): Pick<MissionSums, 'answeredCount' | 'answeredCommitted' | 'answeredRealised'> {
  if (!answered(report)) return { answeredCount: 0, answeredCommitted: 0n, answeredRealised: 0n };
  const s = BigInt(sign);
  return { answeredCount: sign, answeredCommitted: s * report.amount, answeredRealised: s * (report.realisedAmount ?? 0n) };
}

/** What a live report adds to its mission's row (sign 1, saved) or takes away (sign -1, voided). */
export function reportDelta(report: CountedReport, sign: 1 | -1): MissionSums {
  const s = BigInt(sign);
  const delta = emptyMissionSums();
  delta.reportCount = sign;
  delta[KIND_COLUMN[report.kind]] = s * report.amount;
  if (report.direction === 'SELL') delta.amountSell = s * report.amount;
  else delta.amountBuy = s * report.amount;
  if (report.verified) delta.verifiedAmount = s * report.amount;
  return { ...delta, ...answeredPart(report, sign) };
}

/** A live report was voided: it leaves every sum and counts as voided. */
export function voidDelta(report: CountedReport): MissionSums {
  return { ...reportDelta(report, -1), voidedCount: 1 };
}

/** A live report was verified: only the verified sum moves. */
export function verifyDelta(amount: bigint): MissionSums {
  return { ...emptyMissionSums(), verifiedAmount: amount };
}

/** A live commitment's realisation answer changed from `before` to `after`. */
export function realisationDelta(before: CountedReport, after: CountedReport): MissionSums {
  const out = answeredPart(before, -1);
  const into = answeredPart(after, 1);
  return {
    ...emptyMissionSums(),
    answeredCount: out.answeredCount + into.answeredCount,
    answeredCommitted: out.answeredCommitted + into.answeredCommitted,
    answeredRealised: out.answeredRealised + into.answeredRealised,
  };
}

/** Whether a delta moves the per-day and per-exhibitor tables (a verification or an answer does not). */
export function movesKindSums(delta: KindSums): boolean {
  return delta.reportCount !== 0 || delta.amountRetail !== 0n || delta.amountOrder !== 0n || delta.amountLoi !== 0n || delta.amountInvestment !== 0n;
}

/** Adds a delta's kind sums into an accumulator, in place (a recount sums a million of them). */
export function addKindSums(into: KindSums, delta: KindSums): void {
  into.reportCount += delta.reportCount;
  into.amountRetail += delta.amountRetail;
  into.amountOrder += delta.amountOrder;
  into.amountLoi += delta.amountLoi;
  into.amountInvestment += delta.amountInvestment;
}

/** Adds a delta into the mission accumulator, in place. */
export function addMissionSums(into: MissionSums, delta: MissionSums): void {
  addKindSums(into, delta);
  into.amountSell += delta.amountSell;
  into.amountBuy += delta.amountBuy;
  into.verifiedAmount += delta.verifiedAmount;
  into.answeredCount += delta.answeredCount;
  into.answeredCommitted += delta.answeredCommitted;
  into.answeredRealised += delta.answeredRealised;
  into.voidedCount += delta.voidedCount;
}

export function kindTotal(sums: KindSums): bigint {
  return sums.amountRetail + sums.amountOrder + sums.amountLoi + sums.amountInvestment;
}

export function byKind(sums: KindSums): Record<SaleKindName, bigint> {
  return { RETAIL: sums.amountRetail, ORDER: sums.amountOrder, LOI: sums.amountLoi, INVESTMENT: sums.amountInvestment };
}

/** The figures of progress and the digest from the mission's row, today's row and the count of exhibitors with a live report. */
export function missionTotalsOf(mission: MissionSums, today: KindSums, exhibitorCount: number): MissionTotals {
  return {
    byKind: byKind(mission),
    byDirection: { SELL: mission.amountSell, BUY: mission.amountBuy },
    total: mission.amountSell + mission.amountBuy,
    reportCount: mission.reportCount,
    exhibitorCount,
    verifiedTotal: mission.verifiedAmount,
    todayTotal: kindTotal(today),
    todayCount: today.reportCount,
  };
}

/** Realised over committed from the mission's row. */
export function realisationOf(mission: MissionSums): RealisationSummary {
  return realisationRate(mission.answeredCount, mission.answeredCommitted, mission.answeredRealised);
}
