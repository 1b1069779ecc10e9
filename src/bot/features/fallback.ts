import { Composer, type MiddlewareFn } from 'telegraf';
import { ECHO_MAX, clipText } from '../../domain/text.js';
import { standingOf } from '../access.js';
import { COMMANDS } from '../commands.js';
import type { BotContext } from '../context.js';
import { say } from '../reply.js';
import { optional } from '../../telegram/errors.js';
import { commandOf } from '../wizard.js';
import { draftFromLine, offerSaleDraft } from './sale-report.js';

const KNOWN_COMMANDS = new Set(COMMANDS.flatMap((command) => [command.id, command.en]));

/**
 * Drops NUL characters from what a user typed, before any feature reads it:
 * PostgreSQL refuses them in text columns (SQLite keeps them), so a product
 * name or a sale line with one would fail to save on one database only.
 */
export const dropNulCharacters: MiddlewareFn<BotContext> = (ctx, next) => {
  const message = ctx.message as { text?: string; caption?: string } | undefined;
  if (message?.text?.includes('\u0000')) message.text = message.text.replaceAll('\u0000', '');
  if (message?.caption?.includes('\u0000')) message.caption = message.caption.replaceAll('\u0000', '');
  return next();
};

/**
 * A button on an inline message (`@bot kopi` shared in another chat) has no
 * chat of the bot's to answer in: the bot's own inline results carry only a
 * link, so such a tap is forged or stale. Declined politely before anything
 * reads the session, which such an update does not have.
 */
export const declineInlineButtons: MiddlewareFn<BotContext> = async (ctx, next) => {
  const query = ctx.callbackQuery;
  if (query && !query.message) {
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(ctx.t.fallback.inlineButton));
    return;
  }
  return next();
};

/**
 * Runs after every feature: what none of them claimed gets a short answer,
 * so nobody talks to a wall. A button nobody handles is "no longer valid";
 * /cancel outside a wizard has nothing to cancel; an unknown command points
 * to /bantuan; loose text in a private chat gets a hint, and an exhibitor's
 * line that reads as a sale is offered as a /lapor draft. Groups stay quiet
 * unless a command names this bot.
 */
export function createFallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  // From a finished wizard, an old message or forged data. Answered, or the phone spins; nothing changes.
  feature.on('callback_query', (ctx) => optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(ctx.t.common.staleButton)));

  feature.on('message', async (ctx) => {
    // A wizard reads its own answers; whatever it let through is not loose text.
    if (ctx.session?.__scenes?.current) return;
    const command = commandOf(ctx);
    if (command !== undefined) {
      if (ctx.chat.type !== 'private' && !addressedToMe(ctx)) return;
      if (command === 'cancel') return say(ctx, ctx.t.fallback.nothingToCancel);
      if (KNOWN_COMMANDS.has(command)) return;
      return say(ctx, ctx.t.fallback.unknownCommand(clipText(command, ECHO_MAX)));
    }
    if (ctx.chat.type !== 'private' || !('text' in ctx.message)) return;
    const standing = await standingOf(ctx);
    if (!standing.mission || !standing.exhibitor) return say(ctx, ctx.t.fallback.textHint);
    const draft = await draftFromLine(ctx, { mission: standing.mission, exhibitor: standing.exhibitor }, ctx.message.text.trim());
    if (!draft.ok) return say(ctx, ctx.t.fallback.exhibitorTextHint);
    return offerSaleDraft(ctx, draft.value, ctx.t.fallback.saleLineOffer);
  });

  return feature;
}

/** `/foo@this_bot` in a group: meant for this bot, so worth an answer. */
function addressedToMe(ctx: BotContext): boolean {
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : '';
  const mention = /^\/[A-Za-z0-9_]+@(\w+)/.exec(text)?.[1];
  return mention !== undefined && mention.toLowerCase() === ctx.botInfo.username.toLowerCase();
}
