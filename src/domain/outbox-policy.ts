/**
 * What the outbox sender does with a message whose send failed. The Telegram
 * error is classified once (bot/telegram-errors.ts); this decides retries and
 * backoff from that classification, the attempt count and the clock, so the
 * policy is a table that unit tests can read.
 */

/** How a Bot API call failed, as bot/telegram-errors.ts classifies Telegram's answers. */
export type SendFailure =
  | { action: 'retry_after'; seconds: number }
  | { action: 'chat_migrated'; newChatId: number }
  | { action: 'chat_unreachable' }
  | { action: 'not_modified' }
  | { action: 'retry_later' }
  | { action: 'give_up'; description: string };

export interface RetryPolicy {
  /** Transient failures (5xx, network) are retried until this many attempts in all, then the message fails. */
  maxAttempts: number;
  /** First backoff; doubled for every further attempt. */
  baseDelayMs: number;
  /** Backoff never exceeds this. */
  maxDelayMs: number;
}

/**
 * Ten attempts with waits doubling from 1 s (1, 2, 4 … 256 s): a Telegram or network outage of
 * about eight minutes is ridden out, a longer one gives the message up instead of piling up pushes.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

/** What the sender does next with the row (and the chat). */
export type FailureOutcome =
  /** Send again, not before `notBefore` (ms). */
  | { kind: 'retry'; notBefore: number; reason: string }
  /** Give up on this message; the reason goes to lastError. */
  | { kind: 'failed'; reason: string }
  /** The chat blocked or removed the bot: deactivate it, fail the message, never retry. */
  | { kind: 'chat_unreachable'; reason: string }
  /** The group became a supergroup: move the chat and resend there at once. */
  | { kind: 'chat_migrated'; newChatId: bigint; reason: string };

/** Exponential backoff after `attempts` failed tries (1 → base, 2 → 2·base, …), capped. */
export function backoffDelayMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

/**
 * Decides what follows a failed send. `attempts` counts this one. A 429 is
 * Telegram telling us when to come back: it is obeyed and does not use up
 * attempts' patience (the flood wait is not the message's fault), but it is
 * still bounded by a generous multiple of maxAttempts so a message cannot
 * loop forever.
 */
export function onSendFailure(failure: SendFailure, attempts: number, now: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): FailureOutcome {
  switch (failure.action) {
    case 'retry_after':
      if (attempts >= policy.maxAttempts * 4) return { kind: 'failed', reason: `429 too often (${attempts} attempts)` };
      return { kind: 'retry', notBefore: now + Math.max(1, failure.seconds) * 1_000, reason: `429 retry after ${failure.seconds} s` };
    case 'chat_migrated':
      return { kind: 'chat_migrated', newChatId: BigInt(failure.newChatId), reason: `migrated to ${failure.newChatId}` };
    case 'chat_unreachable':
      return { kind: 'chat_unreachable', reason: 'chat unreachable (blocked, kicked or not found)' };
    case 'retry_later':
      if (attempts >= policy.maxAttempts) return { kind: 'failed', reason: `transient error, gave up after ${attempts} attempts` };
      return { kind: 'retry', notBefore: now + backoffDelayMs(attempts, policy), reason: 'transient error (5xx or network)' };
    case 'not_modified':
      return { kind: 'failed', reason: 'message is not modified' };
    case 'give_up':
      return { kind: 'failed', reason: failure.description };
  }
}
