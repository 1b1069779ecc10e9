import type { Convenience } from 'telegraf/types';
import type { SafeHtml } from '../i18n/index.js';
import type { BotContext } from './context.js';
import { classifyTelegramError, describeError, isEditTargetGone } from '../telegram/errors.js';

type ReplyExtra = Convenience.ExtraReplyMessage;
type EditExtra = Convenience.ExtraEditMessageText;

/** Replies in Telegram HTML; catalogue messages are SafeHtml, so user text in them is already escaped. */
export function say(ctx: BotContext, message: SafeHtml, extra: ReplyExtra = {}) {
  return ctx.reply(message.value, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...extra });
}

/**
 * Replaces the text of the message a button was tapped on. An edit to the
 * same text (a double tap) is not an error for the user; a message that can
 * no longer be edited (deleted, or older than Telegram's 48 hours) gets the
 * text as a new message instead.
 */
export async function editTapped(ctx: BotContext, message: SafeHtml, extra: EditExtra = {}): Promise<void> {
  await editOrSend(
    ctx,
    () => ctx.editMessageText(message.value, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...extra }),
    () => say(ctx, message, extra as ReplyExtra),
  );
}

/**
 * Runs an edit of a message the bot sent; when Telegram no longer lets it be
 * edited, runs `send` (a new message) instead. The one place every feature's
 * edits go through, so a stale message never ends in an error.
 */
export async function editOrSend(ctx: BotContext, edit: () => Promise<unknown>, send: () => Promise<unknown>): Promise<void> {
  try {
    await edit();
  } catch (error) {
    const { action } = classifyTelegramError(error);
    if (action === 'not_modified') return;
    if (!isEditTargetGone(error)) throw error;
    ctx.log.info({ err: describeError(error) }, 'edit target gone: sent anew');
    await send();
  }
}
