import type { MiddlewareFn } from 'telegraf';
import { standingOf } from './access.js';
import type { BotContext } from './context.js';

/**
 * requireOfficial for a tapped button: in a group anyone can tap the
 * buttons under an official's message, so every official action checks the
 * tapper's own role (never the chat's) and refuses with an alert.
 */
export const requireOfficialTap: MiddlewareFn<BotContext> = async (ctx, next) => {
  const standing = await standingOf(ctx);
  if (!standing.official) {
    await ctx.answerCbQuery(ctx.t.missionAdmin.officialOnlyTap, { show_alert: true });
    return;
  }
  return next();
};
