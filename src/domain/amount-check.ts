/**
 * When a typed amount needs a second, explicit confirmation before it is
 * saved: a report above the mission's whole target, or far above what this
 * exhibitor usually reports, is more often an extra group of zeros than a
 * real deal, and once saved it moves the headline figure and the milestones.
 */

/** "Far above usual" is more than this many times the exhibitor's median. */
export const USUAL_FACTOR = 20n;
/** A median of fewer reports says nothing about what is usual. */
export const MIN_HISTORY = 3;
/** How many of the exhibitor's newest live reports make their "usual". */
export const RECENT_REPORTS = 20;

export type UnusualAmount = 'above_target' | 'far_above_usual';

/** What the decision needs to know, passed in by the caller. */
export interface AmountHistory {
  /** The mission's target; 0 or less means none set. */
  target: bigint;
  /** The exhibitor's newest live report amounts, at most {@link RECENT_REPORTS}. */
  recentAmounts: readonly bigint[];
}

/** The median of whole amounts (the lower middle for an even count, so no fraction); undefined for none. */
export function medianAmount(values: readonly bigint[]): bigint | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid];
  return ((sorted[mid - 1] ?? 0n) + (sorted[mid] ?? 0n)) / 2n;
}

/**
 * Why `amount` needs a second confirmation, or undefined when one tap is
 * enough. Above the target comes first: it is the stronger reason to stop.
 */
export function unusualAmount(amount: bigint, history: AmountHistory): UnusualAmount | undefined {
  if (history.target > 0n && amount > history.target) return 'above_target';
  if (history.recentAmounts.length >= MIN_HISTORY) {
    const median = medianAmount(history.recentAmounts.slice(0, RECENT_REPORTS));
    if (median !== undefined && median > 0n && amount > median * USUAL_FACTOR) return 'far_above_usual';
  }
  return undefined;
}
