import type { Convenience } from 'telegraf/types';
import type { SafeHtml } from '../i18n/index.js';
import type { BotContext } from './context.js';
import { classifyTelegramError } from './telegram-errors.js';

type ReplyExtra = Convenience.ExtraReplyMessage;
type EditExtra = Convenience.ExtraEditMessageText;

/** Replies in Telegram HTML; catalogue messages are SafeHtml, so user text in them is already escaped. */
export function say(ctx: BotContext, message: SafeHtml, extra: ReplyExtra = {}) {
  return ctx.reply(message.value, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...extra });
}

/**
 * Replaces the text of the message a button was tapped on. An edit to the
 * same text (a double tap) is not an error for the user.
 */
export async function editTapped(ctx: BotContext, message: SafeHtml, extra: EditExtra = {}): Promise<void> {
  try {
    await ctx.editMessageText(message.value, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...extra });
  } catch (error) {
    if (classifyTelegramError(error).action !== 'not_modified') throw error;
  }
}
