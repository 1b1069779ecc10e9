/**
 * Telegram's broadcast limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 * about 30 messages per second overall, one per second in one chat, and 20
 * per minute in one group. Going over earns 429s and, when repeated, a longer
 * ban, so the outbox sender asks {@link nextSendAt} before every send.
 */
export interface RateLimits {
  /** Sends allowed overall within any {@link RateLimits.globalWindowMs}. */
  globalMax: number;
  globalWindowMs: number;
  /** Minimum gap between two sends to the same chat. */
  perChatGapMs: number;
  /** Sends allowed to one group within any {@link RateLimits.groupWindowMs}. */
  groupMax: number;
  groupWindowMs: number;
}

/** Telegram's published limits for one bot. */
export const TELEGRAM_LIMITS: RateLimits = {
  globalMax: 30,
  globalWindowMs: 1_000,
  perChatGapMs: 1_000,
  groupMax: 20,
  groupWindowMs: 60_000,
};

/** One send (or attempt: Telegram counts failed calls too), as milliseconds since the epoch. */
export interface SendRecord {
  chatId: string;
  at: number;
}

/** Groups and supergroups have negative ids in the Bot API; users positive. */
export function isGroupChatId(chatId: string | bigint | number): boolean {
  return BigInt(chatId) < 0n;
}

/**
 * The earliest instant (ms) at which one more message may go to `chatId`,
 * given the recent sends: `now` when it may go at once. Pure: the sender
 * passes in its clock and its history, so the rules are testable without
 * waiting. Sends older than the longest window do not matter and may be
 * dropped by the caller.
 */
export function nextSendAt(history: readonly SendRecord[], chatId: string, now: number, limits: RateLimits = TELEGRAM_LIMITS): number {
  let earliest = now;

  // Overall: among the sends within the window, the (max)-th newest must leave it first.
  const recent = history.filter((send) => send.at > now - limits.globalWindowMs).map((send) => send.at);
  if (recent.length >= limits.globalMax) {
    recent.sort((a, b) => b - a);
    earliest = Math.max(earliest, (recent[limits.globalMax - 1] ?? now) + limits.globalWindowMs);
  }

  const toChat = history.filter((send) => send.chatId === chatId).map((send) => send.at);
  if (toChat.length > 0) earliest = Math.max(earliest, Math.max(...toChat) + limits.perChatGapMs);

  if (isGroupChatId(chatId)) {
    const inWindow = toChat.filter((at) => at > now - limits.groupWindowMs).sort((a, b) => b - a);
    if (inWindow.length >= limits.groupMax) {
      earliest = Math.max(earliest, (inWindow[limits.groupMax - 1] ?? now) + limits.groupWindowMs);
    }
  }
  return earliest;
}

/** The part of a history that can still matter for {@link nextSendAt}. */
export function pruneHistory(history: readonly SendRecord[], now: number, limits: RateLimits = TELEGRAM_LIMITS): SendRecord[] {
  const horizon = now - Math.max(limits.globalWindowMs, limits.perChatGapMs, limits.groupWindowMs);
  return history.filter((send) => send.at > horizon);
}
