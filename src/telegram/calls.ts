import { TelegramError, type Telegram } from 'telegraf';
import { INTERACTIVE_BUDGET, onCallFailure, type CallBudget } from '../domain/call-policy.js';
import { deadline } from '../deadline.js';
import { TELEGRAM_LIMITS, clipText } from '../domain/text.js';
import type { Logger } from '../logger.js';
import { apiErrorCode, classifyTelegramError, describeError } from './errors.js';

/** How the Bot API calls a handler makes are bounded and retried. */
export interface CallGuardOptions {
  /** Retries and waits of one call end within this budget (default 30 s). */
  budget?: CallBudget;
  /** One attempt that has not been answered by then is cut off and counts as a network error. */
  attemptTimeoutMs?: number;
  /** The same for uploads (photos, documents), which take longer on a slow link. */
  uploadTimeoutMs?: number;
  /** Aborted when the bot stops: waits end and calls fail at once, so handlers finish quickly. */
  stopSignal?: AbortSignal;
  /** Every failed attempt, for metrics (code 0: network error or timeout). */
  onApiError?: (method: string, code: number) => void;
}

export const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;
export const DEFAULT_UPLOAD_TIMEOUT_MS = 60_000;

const UPLOAD_METHODS = new Set(['sendPhoto', 'sendDocument', 'sendMediaGroup', 'sendVideo', 'sendAudio', 'sendVoice', 'sendAnimation']);

/**
 * Answering a button only stops the spinner on the user's phone. When it
 * cannot be done (the query is older than Telegram keeps it, say after a
 * redelivery), the user must not hear about it: it is logged, not thrown.
 */
const COSMETIC_METHODS = new Set(['answerCallbackQuery', 'sendChatAction']);

type CallApi = Telegram['callApi'];

/**
 * Puts a deadline and the one retry policy on every call of this Telegram
 * client, the way grammY's auto-retry transformer does (telegraf has no
 * transformers, so `callApi` is wrapped once per client): a 429 waits
 * `retry_after`, a 5xx or network error backs off, a hung call ends at its
 * deadline, all within a budget fit for a person waiting. A call that is
 * retried after a timeout may reach the user twice: Telegram has no
 * idempotency key, and a second message beats none.
 */
export function guardCalls(telegram: Telegram, log: Logger, options: CallGuardOptions = {}): Telegram {
  const budget = options.budget ?? INTERACTIVE_BUDGET;
  const original: CallApi = telegram.callApi.bind(telegram);
  const guarded = async (method: string, rawPayload: unknown, extra: { signal?: AbortSignal } = {}): Promise<unknown> => {
    const payload = fitPayload(method, rawPayload);
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const timeout = UPLOAD_METHODS.has(method) ? (options.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS) : (options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS);
      const limit = deadline(timeout, extra.signal, options.stopSignal);
      try {
        return await (original as (m: string, p: unknown, e: { signal: AbortSignal }) => Promise<unknown>)(method, payload, { signal: limit.signal });
      } catch (error) {
        options.onApiError?.(method, apiErrorCode(error));
        const stopping = options.stopSignal?.aborted === true || extra.signal?.aborted === true;
        const decision = stopping ? { kind: 'fail' as const } : onCallFailure(classifyTelegramError(error), attempt, Date.now() - started, budget);
        if (decision.kind === 'retry') {
          log.debug({ method, attempt, waitMs: decision.waitMs, err: describeError(error) }, 'Bot API call failed, retrying');
          if (await wait(decision.waitMs, options.stopSignal)) continue;
        }
        if (COSMETIC_METHODS.has(method)) {
          log.info({ method, attempt, err: describeError(error) }, 'cosmetic Bot API call dropped');
          return true;
        }
        throw error;
      } finally {
        limit.dispose();
      }
    }
  };
  telegram.callApi = guarded as CallApi;
  return telegram;
}

/**
 * A callback answer is plain text that Telegram refuses over 200 characters
 * (a toast naming a long business name, say): cut to fit, never refused.
 */
function fitPayload(method: string, payload: unknown): unknown {
  if (method !== 'answerCallbackQuery' || typeof payload !== 'object' || payload === null) return payload;
  const { text } = payload as { text?: unknown };
  return typeof text === 'string' ? { ...payload, text: clipText(text, TELEGRAM_LIMITS.callbackAnswer) } : payload;
}

/** Waits, unless the signal fires first; true when the full wait passed. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
