import { Composer } from 'telegraf';
import type { Mission } from '../../domain/entities.js';
import { formatRupiah, formatRupiahCompact, parseRupiah } from '../../domain/money.js';
import type { TargetView } from '../../i18n/messages/target.js';
import { requireOfficial } from '../access.js';
import { names } from '../commands.js';
import { amountReason } from '../amount-reason.js';
import type { BotContext } from '../context.js';
import { missionProgress } from '../../domain/progress.js';
import { say } from '../reply.js';
import { formatShare } from '../../domain/share.js';
import { missionTotalsNow } from './progress.js';

/**
 * /target: officials see the active mission's target and how much of it is
 * reached; `/target 5 M` changes it (any amount the rupiah grammar reads),
 * audited with before and after. Works in a group too: the sender's own
 * role decides.
 */
export function createTargetFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('target'), requireOfficial, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const typed = ctx.payload.trim();
    if (typed === '') return say(ctx, ctx.t.target.show(await targetView(ctx, mission)));

    const amount = parseRupiah(typed);
    if (!amount.ok) return say(ctx, ctx.t.target.bad(amountReason(ctx, typed, amount.reason)));
    const result = await ctx.deps.repos.missionAdmin.setTarget(mission.id, amount.value, ctx.user.id);
    if (!result.ok) {
      return say(ctx, result.reason === 'unchanged' ? ctx.t.target.unchanged(formatRupiah(mission.targetAmount, ctx.lang)) : ctx.t.missionAdmin.notActive);
    }
    ctx.log.info({ missionId: mission.id, target: amount.value.toString() }, 'target changed');
    return say(ctx, ctx.t.target.changed(formatRupiah(result.before.targetAmount, ctx.lang), await targetView(ctx, result.mission)));
  });
  return feature;
}

async function targetView(ctx: BotContext, mission: Mission): Promise<TargetView> {
  const { today, totals } = await missionTotalsNow(ctx.deps.repos, mission, ctx.deps.now());
  const figures = missionProgress(mission, totals, today);
  return {
    mission: mission.name,
    target: formatRupiah(mission.targetAmount, ctx.lang),
    targetCompact: formatRupiahCompact(mission.targetAmount, ctx.lang),
    total: formatRupiahCompact(figures.total, ctx.lang),
    percent: formatShare(figures.total, mission.targetAmount, ctx.lang),
  };
}
