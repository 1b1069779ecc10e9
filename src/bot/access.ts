import type { MiddlewareFn } from 'telegraf';
import type { Exhibitor, Mission } from '../domain/entities.js';
import type { BotContext } from './context.js';

/** What the current user is in the active mission; the one place role checks are made. */
export interface Standing {
  mission: Mission | undefined;
  official: boolean;
  exhibitor: Exhibitor | undefined;
}

export async function standingOf(ctx: BotContext): Promise<Standing> {
  const mission = await ctx.activeMission();
  const admin = ctx.deps.adminIds.includes(ctx.user.id);
  if (!mission) return { mission, official: admin, exhibitor: undefined };
  const [roles, exhibitor] = await Promise.all([
    ctx.deps.repos.missions.rolesOf(mission.id, ctx.user.id),
    ctx.deps.repos.exhibitors.findByOwner(mission.id, ctx.user.id),
  ]);
  return { mission, official: admin || roles.includes('OFFICIAL'), exhibitor };
}

/** Lets officials through; anyone else gets a polite refusal and nothing changes. */
export const requireOfficial: MiddlewareFn<BotContext> = async (ctx, next) => {
  const standing = await standingOf(ctx);
  if (!standing.official) {
    await ctx.reply(ctx.t.common.officialOnly.value, { parse_mode: 'HTML' });
    return;
  }
  return next();
};

/** Commands that hold a conversation (wizards, personal data) run only in a private chat. */
export const requirePrivateChat: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (ctx.chat?.type !== 'private') {
    await ctx.reply(ctx.t.common.privateOnly.value, { parse_mode: 'HTML' });
    return;
  }
  return next();
};
