import type { MiddlewareFn } from 'telegraf';
import type { Exhibitor, Mission } from '../domain/entities.js';
import type { BotContext } from './context.js';

/** What the current user is in the active mission; the one place role checks are made. */
export interface Standing {
  mission: Mission | undefined;
  official: boolean;
  exhibitor: Exhibitor | undefined;
}

/**
 * An official of any mission is an official: one province's team runs mission
 * after mission, and must still be able to open or switch to the next one
 * when the mission they were invited to is closed.
 */
export function standingOf(ctx: BotContext): Promise<Standing> {
  // Looked up once per update: a guard and the handler after it both ask.
  let standing = standings.get(ctx);
  if (!standing) {
    standing = lookUpStanding(ctx);
    standings.set(ctx, standing);
    // A failed lookup is not remembered: the error handler's own questions look again.
    standing.catch(() => standings.delete(ctx));
  }
  return standing;
}

const standings = new WeakMap<BotContext, Promise<Standing>>();

async function lookUpStanding(ctx: BotContext): Promise<Standing> {
  const mission = await ctx.activeMission();
  const admin = ctx.deps.adminIds.includes(ctx.user.id);
  const [official, exhibitor] = await Promise.all([
    admin ? Promise.resolve(true) : ctx.deps.repos.missions.isOfficialOfAnyMission(ctx.user.id),
    mission ? ctx.deps.repos.exhibitors.findByOwner(mission.id, ctx.user.id) : Promise.resolve(undefined),
  ]);
  return { mission, official, exhibitor };
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
