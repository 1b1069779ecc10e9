/**
 * Retries of a Bot API call made while a person waits (a reply, an edit, an
 * answer to a button). The failure is classified once, the same way the
 * outbox classifies it (bot/telegram-errors.ts); this decides, from the
 * attempt number and the time already spent, whether to try again and when.
 * A person will wait some seconds for a reply, not minutes: everything fits
 * in one budget.
 */
import type { SendFailure } from './outbox-policy.js';

export interface CallBudget {
  /** All attempts and waits of one call end within this many milliseconds. */
  budgetMs: number;
  /** First wait after a 5xx or network error; doubled for each further attempt. */
  baseDelayMs: number;
  /** No single backoff wait is longer. */
  maxDelayMs: number;
}

/** 30 s in all: long enough to ride out a 429 with a short retry_after or a blip, short enough for a person. */
export const INTERACTIVE_BUDGET: CallBudget = { budgetMs: 30_000, baseDelayMs: 500, maxDelayMs: 4_000 };

export type CallDecision = { kind: 'retry'; waitMs: number } | { kind: 'fail' };

/**
 * Whether a failed call is tried again. `attempt` counts the one that just
 * failed; `elapsedMs` is the time since the first attempt started. A wait
 * that would end past the budget is not started: the caller fails now
 * rather than later.
 */
export function onCallFailure(failure: SendFailure, attempt: number, elapsedMs: number, budget: CallBudget = INTERACTIVE_BUDGET): CallDecision {
  let waitMs: number;
  switch (failure.action) {
    case 'retry_after':
      waitMs = Math.max(1, failure.seconds) * 1_000;
      break;
    case 'retry_later':
      waitMs = Math.min(budget.maxDelayMs, budget.baseDelayMs * 2 ** Math.min(Math.max(attempt - 1, 0), 20));
      break;
    default:
      // 4xx answers (bad request, blocked, migrated) do not change on a retry.
      return { kind: 'fail' };
  }
  return elapsedMs + waitMs < budget.budgetMs ? { kind: 'retry', waitMs } : { kind: 'fail' };
}
