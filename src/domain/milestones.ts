import { milestonesCrossed } from './progress.js';

export interface MilestoneCheckInput {
  /** The mission's total (live reports) right after the report was saved. */
  totalAfter: bigint;
  /** The report's amount: the total before it is `totalAfter − amount`. */
  amount: bigint;
  target: bigint;
  /** The highest mark (percent) already alerted for the mission; 0 for none. */
  highestClaimed: number;
}

/**
 * The milestone marks a saved report should try to claim, ascending.
 *
 * The base is {@link milestonesCrossed} from the total before this report
 * (total − amount) to the total after it. Two reports saved at the same moment
 * both read a total that includes the other one, so each sees only the last
 * part of the climb and a mark in between would be crossed by nobody; the
 * lower bound is therefore pulled down to the highest mark already alerted.
 * Marks above that one and at or below the new total are candidates; the
 * MilestoneAlert unique key decides which report sends each, so every mark
 * is alerted exactly once.
 */
export function milestonesToClaim(input: MilestoneCheckInput): number[] {
  const { totalAfter, amount, target, highestClaimed } = input;
  if (target <= 0n) return [];
  const before = totalAfter - amount;
  // The amount at the highest alerted mark, floored: a mark is "crossed" when before·100 < mark·target.
  const claimedAmount = (BigInt(highestClaimed) * target) / 100n;
  const from = claimedAmount < before ? claimedAmount : before;
  return milestonesCrossed(from, totalAfter, target).filter((mark) => mark > highestClaimed);
}

/** One mark to claim, and whether its claim carries the alert. */
export interface MilestoneStep {
  percent: number;
  announce: boolean;
}

/**
 * How to claim the marks one report crossed (ascending, from
 * {@link milestonesToClaim}): every mark is claimed, so none is alerted
 * later, but only the highest is announced. A report that jumps from 20 % to
 * 80 % sends one "75 %" message, not three in a row.
 */
export function milestoneSteps(marks: readonly number[]): MilestoneStep[] {
  const highest = Math.max(...marks);
  return [...marks].sort((a, b) => a - b).map((percent) => ({ percent, announce: percent === highest }));
}
