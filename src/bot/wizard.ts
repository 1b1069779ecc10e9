import { Markup, type MiddlewareFn } from 'telegraf';
import type { BotContext } from './context.js';
import { CB, parseCallback, type CallbackArg } from '../views/callback-data.js';
import { say } from './reply.js';
import { optional } from '../telegram/errors.js';

const CANCEL_COMMANDS = new Set(['batal', 'cancel']);

/** The command a message starts with (`/lapor@misi_bot 5jt` → `lapor`), if any. */
export function commandOf(ctx: BotContext): string | undefined {
  const message = ctx.message;
  if (!message || !('text' in message)) return undefined;
  const match = /^\/([A-Za-z0-9_]+)(@\w+)?/.exec(message.text);
  return match?.[1]?.toLowerCase();
}

/**
 * Runs before the scenes, for every wizard at once: /batal (or the cancel
 * button) leaves the wizard and says nothing was saved; any other command
 * closes the wizard with a note and then runs, so a command is never silently
 * swallowed as an answer.
 */
export const wizardGuard: MiddlewareFn<BotContext> = async (ctx, next) => {
  const scenes = ctx.session?.__scenes;
  if (!scenes?.current) return next();
  const command = commandOf(ctx);
  const cancelTapped = ctx.callbackQuery && 'data' in ctx.callbackQuery && ctx.callbackQuery.data === CB.wizardCancel;
  if (cancelTapped) {
    delete ctx.session.__scenes;
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    await optional(ctx.log, 'remove keyboard', () => ctx.editMessageReplyMarkup(undefined));
    await say(ctx, ctx.t.common.cancelled, Markup.removeKeyboard());
    return;
  }
  if (command === undefined) return next();
  delete ctx.session.__scenes;
  if (CANCEL_COMMANDS.has(command)) {
    await say(ctx, ctx.t.common.cancelled, Markup.removeKeyboard());
    return;
  }
  await say(ctx, ctx.t.common.wizardLeft, Markup.removeKeyboard());
  return next();
};

/** What the user answered a wizard step with. */
export type StepInput =
  | { type: 'text'; text: string }
  | { type: 'button'; data: string }
  | { type: 'contact'; phone: string; userId: number | undefined }
  | { type: 'other' };

/** Reads a step's answer; a tapped button is acknowledged at once so the phone stops spinning. */
export async function readInput(ctx: BotContext): Promise<StepInput> {
  if (ctx.callbackQuery) {
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    return 'data' in ctx.callbackQuery ? { type: 'button', data: ctx.callbackQuery.data } : { type: 'other' };
  }
  const message = ctx.message;
  if (message && 'text' in message) return { type: 'text', text: message.text.trim() };
  if (message && 'contact' in message) return { type: 'contact', phone: message.contact.phone_number, userId: message.contact.user_id };
  return { type: 'other' };
}

/** The args of a tapped button (parseCallback), or null when the answer is not that button or does not parse. */
export function tappedArgs(input: { type: string; data?: string }, prefix: string, ...args: CallbackArg[]): RegExpExecArray | null {
  return input.type === 'button' ? parseCallback(input.data, prefix, ...args) : null;
}

/** A one-row inline keyboard with the wizard's cancel button, for steps that ask for text. */
export function cancelKeyboard(ctx: BotContext) {
  return Markup.inlineKeyboard([Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel)]);
}

/** The text of a step's answer; anything else (a photo, an old button) is answered with "please type". */
export async function expectText(ctx: BotContext, input: StepInput): Promise<string | undefined> {
  if (input.type === 'text') return input.text;
  await say(ctx, ctx.t.common.textExpected);
  return undefined;
}

/** Checks a free-text answer's length; answers the user and returns undefined when it does not fit. */
export async function boundedText(ctx: BotContext, input: StepInput, min: number, max: number): Promise<string | undefined> {
  const typed = await expectText(ctx, input);
  if (typed === undefined) return undefined;
  const text = typed.replace(/\s+/g, ' ');
  if (text.length < min) {
    await say(ctx, ctx.t.common.tooShort(min));
    return undefined;
  }
  if (text.length > max) {
    await say(ctx, ctx.t.common.tooLong(max));
    return undefined;
  }
  return text;
}
