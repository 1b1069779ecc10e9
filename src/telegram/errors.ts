import { TelegramError } from 'telegraf';
import type { SendFailure } from '../domain/outbox-policy.js';
import type { Logger } from '../logger.js';

/**
 * What to do about a failed Bot API call. One policy for every caller
 * (handlers, the outbox sender): Telegram's error codes mean the same everywhere.
 */
export type TelegramErrorAction = SendFailure;

export function classifyTelegramError(error: unknown): TelegramErrorAction {
  if (!(error instanceof TelegramError)) return { action: 'retry_later' }; // network error, timeout
  const { code, description, parameters } = error;
  if (code === 429) return { action: 'retry_after', seconds: parameters?.retry_after ?? 5 };
  if (parameters?.migrate_to_chat_id) return { action: 'chat_migrated', newChatId: parameters.migrate_to_chat_id };
  // 403: blocked by the user, kicked from the group, or the user deleted their account.
  if (code === 403) return { action: 'chat_unreachable' };
  if (code === 400 && /chat not found/i.test(description)) return { action: 'chat_unreachable' };
  // Editing a message to what it already says; harmless (a double tap, a retried edit).
  if (code === 400 && /message is not modified/i.test(description)) return { action: 'not_modified' };
  if (code >= 500) return { action: 'retry_later' };
  return { action: 'give_up', description };
}

/**
 * An edit Telegram refuses because its message is gone or frozen: deleted,
 * older than 48 hours, or not the bot's. The caller sends a new message.
 */
export function isEditTargetGone(error: unknown): boolean {
  return (
    error instanceof TelegramError &&
    error.code === 400 &&
    /message to edit not found|message can't be edited|message to be edited not found|MESSAGE_ID_INVALID/i.test(error.description)
  );
}

/**
 * Runs a call that is nice to have (setMyCommands, a chat action, answering a
 * callback query): a failure is logged and never stops the caller.
 */
export async function optional<T>(log: Logger, what: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    log.warn({ err: describeError(error), call: what }, 'optional call failed');
    return undefined;
  }
}

/** An error as loggable fields, without request URLs (they contain the token). */
/** The Bot API's error code of a failed call; 0 for a network error or a deadline (for the metrics). */
export function apiErrorCode(error: unknown): number {
  return error instanceof TelegramError ? error.code : 0;
}

export function describeError(error: unknown): { name: string; message: string; code?: number } {
  if (error instanceof TelegramError) return { name: 'TelegramError', message: error.description, code: error.code };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Unknown', message: String(error) };
}
