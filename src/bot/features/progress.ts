import { Composer, Markup } from 'telegraf';
import { standingOf } from '../access.js';
import { boardButton } from './board.js';
import { localDate } from '../../domain/time.js';
import type { Mission } from '../../domain/entities.js';
import type { Repositories } from '../../db/repositories/index.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { progressView } from '../../views/presenters.js';
import { say } from '../reply.js';

/** The mission's sums for "now": today is the mission's local day, in its own time zone. */
export async function missionTotalsNow(repos: Repositories, mission: Mission, now: Date) {
  const today = localDate(now, mission.timeZone);
  const [totals, realisation] = await Promise.all([
    repos.sales.totals(mission.id, today),
    // Realised over committed of the followed-up orders and LoIs.
    repos.followUps.summary(mission.id),
  ]);
  return { today, totals, realisation };
}

/** /progres: where the active mission stands; anyone may ask, in private or in a group. */
export function createProgressFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('progres'), async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const [{ today, totals, realisation }, meetings] = await Promise.all([
      missionTotalsNow(ctx.deps.repos, mission, ctx.deps.now()),
      // Only for a mission running business matching (undefined otherwise).
      ctx.deps.repos.matching.figures(mission.id),
    ]);
    // Officials get the live board's button; the link carries its key, so nobody else does.
    const button = ctx.deps.publicUrl && (await standingOf(ctx)).official ? await boardButton(ctx.deps.repos, mission, ctx.deps.publicUrl, ctx.t) : undefined;
    return say(ctx, ctx.t.progress.message(progressView(mission, totals, today, ctx.lang, realisation, meetings)), button ? Markup.inlineKeyboard([button]) : {});
  });
  return feature;
}
