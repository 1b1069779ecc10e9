import type { SaleKindName } from './entities.js';
import { err, ok, type Result } from './result.js';
import { daysBetween, localDate, localTime } from './time.js';

/**
 * Follow-up of commitments: 30 and 90 days after an ORDER or LOI report
 * (counted in the mission's local dates) the exhibitor is asked whether it
 * was realised. Pure: which reports are due, what an answer may be, and the
 * realisation rate `/progres` shows.
 */

export type Realisation = 'PENDING' | 'FULL' | 'PARTIAL' | 'NONE';

/** Days after the report's local date at which each follow-up is asked; stage n is FOLLOW_UP_DAYS[n - 1]. */
export const FOLLOW_UP_DAYS = [30, 90] as const;

/** Nobody wants a business question at midnight: on the due day, ask from this local hour on. */
export const FOLLOW_UP_SEND_FROM = '09:00';

/** Kinds that are promises rather than money paid on the spot. */
export const FOLLOWED_KINDS: readonly SaleKindName[] = ['ORDER', 'LOI'];

export interface FollowUpCandidate {
  reportId: number;
  kind: SaleKindName;
  createdAt: Date;
  /** The mission's zone: the report's "day" and today are its local dates. */
  timeZone: string;
  realisation: Realisation;
  followUpsSent: number;
  voided: boolean;
}

/**
 * The follow-up stage to send now (1 = 30 days, 2 = 90 days), or 0. A fully
 * realised or voided commitment is not asked again; a partial or "not at
 * all" answer is asked once more at 90 days, since commitments often land
 * late. When the bot was down past both dates only the latest stage is sent.
 */
export function followUpStageDue(candidate: FollowUpCandidate, now: Date): number {
  if (candidate.voided || !FOLLOWED_KINDS.includes(candidate.kind) || candidate.realisation === 'FULL') return 0;
  const reported = localDate(candidate.createdAt, candidate.timeZone);
  const today = localDate(now, candidate.timeZone);
  const elapsed = daysBetween(reported, today);
  const early = localTime(now, candidate.timeZone) < FOLLOW_UP_SEND_FROM;
  let stage = 0;
  FOLLOW_UP_DAYS.forEach((days, index) => {
    if (elapsed > days || (elapsed === days && !early)) stage = index + 1;
  });
  return stage > candidate.followUpsSent ? stage : 0;
}

/** Every candidate's due stage, for the job to enqueue. */
export function followUpsDue(candidates: readonly FollowUpCandidate[], now: Date): { reportId: number; stage: number }[] {
  return candidates.flatMap((candidate) => {
    const stage = followUpStageDue(candidate, now);
    return stage > 0 ? [{ reportId: candidate.reportId, stage }] : [];
  });
}

/** Same report and stage, same question: the outbox refuses a second one. */
export function followUpDedupeKey(reportId: number, stage: number): string {
  return `followup:${reportId}:${stage}`;
}

export type RealisedAmountError = 'more_than_committed';

/**
 * A "partly realised" amount against the committed one: at most the
 * commitment. The whole commitment typed as "partly" is simply FULL.
 */
export function checkRealisedAmount(amount: bigint, committed: bigint): Result<{ realisation: 'FULL' | 'PARTIAL'; amount: bigint }, RealisedAmountError> {
  if (amount > committed) return err('more_than_committed');
  return ok({ realisation: amount === committed ? 'FULL' : 'PARTIAL', amount });
}

/** The realised amount an answer stands for: all, the typed part, or nothing. */
export function realisedAmountOf(realisation: Exclude<Realisation, 'PENDING'>, committed: bigint, partial?: bigint): bigint {
  if (realisation === 'FULL') return committed;
  if (realisation === 'NONE') return 0n;
  return partial ?? 0n;
}

export interface RealisationSummary {
  /** Followed-up commitments that were answered. */
  answered: number;
  /** What the answered ones promised, and how much of it came true. */
  committed: bigint;
  realised: bigint;
  /** realised / committed in basis points (floored), 0 when nothing was answered. */
  rateBasis: number;
}

/** Sums the answered commitments: the realisation rate is realised over committed, in money, not in count. */
export function realisationSummary(answered: readonly { amount: bigint; realisedAmount: bigint | null }[]): RealisationSummary {
  let committed = 0n;
  let realised = 0n;
  for (const report of answered) {
    committed += report.amount;
    realised += report.realisedAmount ?? 0n;
  }
  return realisationRate(answered.length, committed, realised);
}

/** The summary of `answered` commitments worth `committed`, of which `realised` came true. */
export function realisationRate(answered: number, committed: bigint, realised: bigint): RealisationSummary {
  const rateBasis = committed > 0n ? Number((realised * 10_000n) / committed) : 0;
  return { answered, committed, realised, rateBasis };
}

/** A followed-up commitment with what the question and its answer need. */
export interface FollowUpReport {
  id: number;
  missionId: number;
  exhibitorId: number;
  kind: SaleKindName;
  amount: bigint;
  createdAt: Date;
  voided: boolean;
  realisation: Realisation;
  realisedAmount: bigint | null;
  followUpsSent: number;
  /** The listing's name or what was typed; null when the report named no product. */
  product: string | null;
  buyerName: string | null;
  /** The exhibitor's owner: who is asked and who may answer. */
  ownerId: bigint;
  exhibitorName: string;
  missionName: string;
  timeZone: string;
}
