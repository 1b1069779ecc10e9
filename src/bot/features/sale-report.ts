import { Composer, Markup } from 'telegraf';
import { formatPercent } from '../../domain/progress.js';
import { formatRupiahCompact } from '../../domain/money.js';
import { defaultDirection } from '../../domain/sale.js';
import { parseSaleLine } from '../../domain/sale-line.js';
import { lines } from '../../i18n/index.js';
import { standingOf } from '../access.js';
import { CB } from '../callback-data.js';
import { names } from '../commands.js';
import type { BotContext, SaleDraftState } from '../context.js';
import { missionProgress, saleView } from '../presenters.js';
import { editTapped, say } from '../reply.js';
import { optional } from '../telegram-errors.js';
import { missionTotalsNow } from './progress.js';

/**
 * /lapor: the one-line sale report. The line is parsed, shown back, and saved
 * with one tap. The draft waits in the session, keyed by the update it was
 * typed in; that update id is the report's unique source, so saving twice is
 * impossible even when two taps race.
 */
export function createSaleReportFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('lapor'), async (ctx) => {
    const standing = await standingOf(ctx);
    if (!standing.mission) return say(ctx, ctx.t.common.noActiveMission);
    if (!standing.exhibitor) return say(ctx, ctx.t.common.exhibitorOnly);
    const text = ctx.payload.trim();
    if (text === '') return say(ctx, ctx.t.sale.usage);

    const parsed = parseSaleLine(text);
    if (!parsed.ok) {
      const reason = parsed.reason in ctx.t.money.errors
        ? ctx.t.money.errors[parsed.reason as keyof typeof ctx.t.money.errors]
        : ctx.t.sale.errors[parsed.reason as keyof typeof ctx.t.sale.errors];
      return say(ctx, lines([ctx.t.sale.parseError(reason), '', ctx.t.sale.usage]));
    }
    const line = parsed.value;
    const draft: SaleDraftState = {
      sourceUpdateId: ctx.update.update_id,
      missionId: standing.mission.id,
      exhibitorId: standing.exhibitor.id,
      amount: line.amount.toString(),
      kind: line.kind,
      direction: line.direction ?? defaultDirection(standing.exhibitor.province, standing.mission.originProvince),
      productText: line.productText ?? null,
      quantity: line.quantity ?? null,
      unit: line.unit ?? null,
      buyerName: line.buyerName ?? null,
    };
    ctx.session.saleDraft = draft;
    return say(
      ctx,
      ctx.t.sale.confirm(saleView(draft, ctx.t)),
      Markup.inlineKeyboard([
        Markup.button.callback(ctx.t.common.saveButton, CB.saleSave + draft.sourceUpdateId),
        Markup.button.callback(ctx.t.common.cancelButton, CB.saleCancel + draft.sourceUpdateId),
      ]),
    );
  });

  feature.action(new RegExp(`^${CB.saleSave}(\\d+)$`), async (ctx) => {
    const sourceUpdateId = Number(ctx.match[1]);
    const draft = ctx.session.saleDraft;
    if (!draft || draft.sourceUpdateId !== sourceUpdateId) {
      // Saved by an earlier tap, or replaced by a newer draft.
      const saved = await ctx.deps.repos.sales.findBySourceUpdate(BigInt(sourceUpdateId));
      return ctx.answerCbQuery(saved ? ctx.t.sale.alreadySaved : ctx.t.sale.expired);
    }
    const result = await ctx.deps.repos.sales.record({
      missionId: draft.missionId,
      exhibitorId: draft.exhibitorId,
      productId: null,
      productText: draft.productText,
      amount: BigInt(draft.amount),
      kind: draft.kind,
      direction: draft.direction,
      quantity: draft.quantity,
      unit: draft.unit,
      buyerName: draft.buyerName,
      buyerOrigin: null,
      reportedById: ctx.user.id,
      sourceUpdateId: BigInt(sourceUpdateId),
      createdAt: ctx.deps.now(),
    });
    delete ctx.session.saleDraft;
    if (!result.ok) return ctx.answerCbQuery(ctx.t.sale.alreadySaved);
    await ctx.answerCbQuery(ctx.t.sale.savedToast);
    ctx.log.info({ reportId: result.report.id, amount: result.report.amount.toString() }, 'sale saved');
    await optional(ctx.log, 'saleRecorded listeners', () => ctx.deps.events.saleRecorded(result.report));

    const mission = await ctx.deps.repos.missions.findById(draft.missionId);
    if (!mission) return;
    const { today, totals } = await missionTotalsNow(ctx.deps.repos, mission, ctx.deps.now());
    const figures = missionProgress(mission, totals, today);
    return editTapped(
      ctx,
      ctx.t.sale.saved(saleView(draft, ctx.t), result.report.id, formatRupiahCompact(figures.total), formatPercent(figures.percentBasis, ctx.lang)),
    );
  });

  feature.action(new RegExp(`^${CB.saleCancel}(\\d+)$`), async (ctx) => {
    const sourceUpdateId = Number(ctx.match[1]);
    if (ctx.session.saleDraft?.sourceUpdateId === sourceUpdateId) delete ctx.session.saleDraft;
    await ctx.answerCbQuery();
    const saved = await ctx.deps.repos.sales.findBySourceUpdate(BigInt(sourceUpdateId));
    if (saved) return; // Cancel tapped after save: the report stands; the message already says so.
    return editTapped(ctx, ctx.t.sale.cancelled);
  });

  return feature;
}
