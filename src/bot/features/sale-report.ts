import { Composer, Markup } from 'telegraf';
import { formatShare } from '../../domain/share.js';
import { RECENT_REPORTS, unusualAmount } from '../../domain/amount-check.js';
import { rupiahInWords } from '../../domain/amount-words.js';
import { formatRupiah, formatRupiahCompact } from '../../domain/money.js';
import { matchProduct } from '../../domain/product-match.js';
import { defaultDirection } from '../../domain/sale.js';
import { parseSaleLine, type SaleLineError } from '../../domain/sale-line.js';
import type { Exhibitor, Mission } from '../../domain/entities.js';
import { ok, type Result } from '../../domain/result.js';
import { productLabel } from '../../domain/sale-records.js';
import { duplicateWindowStart, findDuplicate } from '../../domain/sale-rules.js';
import { lines, type SafeHtml } from '../../i18n/index.js';
import { standingOf } from '../access.js';
import { CB, SCENE, onButton } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext, SaleDraftState } from '../context.js';
import { missionProgress } from '../../domain/progress.js';
import { editTapped, say } from '../reply.js';
import { exactAmount, saleCardView } from '../sale-presenters.js';
import { optional } from '../../telegram/errors.js';
import { missionTotalsNow } from './progress.js';
import type { SaleWizardState } from './sale-wizard.js';

/**
 * /lapor: a sale report, typed in one line (`/lapor 1,5jt keripik tempe 30
 * pcs`) or, without text, answered step by step in the sale wizard. Both end
 * in the same draft → confirm → save path below: the draft waits in the
 * session, keyed by the update it came from; that update id is the report's
 * unique source, so saving twice is impossible even when two taps race.
 */
export function createSaleReportFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('lapor'), async (ctx) => {
    const standing = await standingOf(ctx);
    if (!standing.mission) return say(ctx, ctx.t.common.noActiveMission);
    if (!standing.exhibitor) return say(ctx, ctx.t.common.exhibitorOnly);
    const text = ctx.payload.trim();
    // The full set of examples only on request: a refusal shows one.
    if (/^(?:\?|bantuan|help|contoh)$/i.test(text)) return say(ctx, ctx.t.sale.usage);
    if (text === '') {
      // A conversation belongs in the private chat; in a group the one-liner is the way.
      if (ctx.chat.type !== 'private') return say(ctx, lines([ctx.t.sale.groupUsage, '', ctx.t.sale.usage]));
      const state: SaleWizardState = {
        missionId: standing.mission.id,
        exhibitorId: standing.exhibitor.id,
        direction: defaultDirection(standing.exhibitor.province, standing.mission.originProvince),
      };
      return ctx.scene.enter(SCENE.saleWizard, state);
    }

    const draft = await draftFromLine(ctx, { mission: standing.mission, exhibitor: standing.exhibitor }, text);
    if (!draft.ok) {
      const reason = draft.reason in ctx.t.money.errors
        ? ctx.t.money.errors[draft.reason as keyof typeof ctx.t.money.errors]
        : ctx.t.sale.errors[draft.reason as keyof typeof ctx.t.sale.errors];
      return say(ctx, ctx.t.sale.parseError(reason));
    }
    return offerSaleDraft(ctx, draft.value);
  });

  feature.action(onButton(CB.saleSave, 'n'), (ctx) => saveDraft(ctx, Number(ctx.match[1]), false));
  feature.action(onButton(CB.saleForce, 'n'), (ctx) => saveDraft(ctx, Number(ctx.match[1]), true));

  // One of two readings of the amount tapped: the draft goes on to the confirmation card.
  feature.action(onButton(CB.saleAmount, 'n', ['0', '1']), async (ctx) => {
    const sourceUpdateId = Number(ctx.match[1]);
    const draft = ctx.session.saleDraft;
    const picked = draft?.sourceUpdateId === sourceUpdateId ? draft.amountChoices?.[Number(ctx.match[2])] : undefined;
    if (!draft || picked === undefined) {
      const saved = await ctx.deps.repos.sales.findBySourceUpdate(BigInt(sourceUpdateId));
      return ctx.answerCbQuery(saved ? ctx.t.sale.alreadySaved : ctx.t.sale.expired);
    }
    draft.amount = picked;
    delete draft.amountChoices;
    await ctx.answerCbQuery();
    return editTapped(ctx, ctx.t.sale.confirm(saleCardView(draft, ctx.t, ctx.lang)), confirmKeyboard(ctx, sourceUpdateId));
  });

  // The second, explicit confirmation of an unusual amount.
  feature.action(onButton(CB.saleUnusual, 'n'), async (ctx) => {
    const sourceUpdateId = Number(ctx.match[1]);
    const draft = ctx.session.saleDraft;
    if (draft?.sourceUpdateId === sourceUpdateId) draft.unusualConfirmed = true;
    return saveDraft(ctx, sourceUpdateId, false);
  });

  feature.action(onButton(CB.saleCancel, 'n'), async (ctx) => {
    const sourceUpdateId = Number(ctx.match[1]);
    if (ctx.session.saleDraft?.sourceUpdateId === sourceUpdateId) delete ctx.session.saleDraft;
    await ctx.answerCbQuery();
    const saved = await ctx.deps.repos.sales.findBySourceUpdate(BigInt(sourceUpdateId));
    if (saved) return; // Cancel tapped after save: the report stands; the message already says so.
    return editTapped(ctx, ctx.t.sale.cancelled);
  });

  return feature;
}

/**
 * A one-line report (`1,5jt keripik tempe 30 pcs`) as a draft of this
 * update, its product matched to the exhibitor's listings. /lapor and a
 * sale-like line typed without a command both start here.
 */
export async function draftFromLine(
  ctx: BotContext,
  standing: { mission: Mission; exhibitor: Exhibitor },
  text: string,
): Promise<Result<SaleDraftState, SaleLineError>> {
  const parsed = parseSaleLine(text);
  if (!parsed.ok) return parsed;
  const line = parsed.value;
  const productText = line.productText ?? null;
  const listing = productText === null ? undefined : matchProduct(productText, await ctx.deps.repos.sales.activeProducts(standing.exhibitor.id));
  const quantity = line.quantity ?? null;
  return ok({
    sourceUpdateId: ctx.update.update_id,
    missionId: standing.mission.id,
    exhibitorId: standing.exhibitor.id,
    amount: line.amount.toString(),
    ...(line.alternativeAmount === undefined ? {} : { amountChoices: [line.amount.toString(), line.alternativeAmount.toString()] }),
    kind: line.kind,
    direction: line.direction ?? defaultDirection(standing.exhibitor.province, standing.mission.originProvince),
    productText,
    productId: listing?.id ?? null,
    productName: listing?.name ?? null,
    quantity,
    // `x30` of a listed product is counted in the listing's unit.
    unit: line.unit ?? (quantity !== null && listing ? listing.unit : null),
    buyerName: line.buyerName ?? null,
    buyerOrigin: null,
  });
}

/**
 * Shows a draft back for one confirming tap and keeps it in the session
 * until then. The one-liner and the wizard both end here.
 */
export async function offerSaleDraft(ctx: BotContext, draft: SaleDraftState, intro?: SafeHtml): Promise<void> {
  ctx.session.saleDraft = draft;
  const [first, second] = draft.amountChoices ?? [];
  if (first !== undefined && second !== undefined) {
    // Two plausible readings: ask, with both amounts written out, instead of refusing.
    const a = formatRupiah(BigInt(first), ctx.lang);
    const b = formatRupiah(BigInt(second), ctx.lang);
    await say(
      ctx,
      intro ? lines([intro, '', ctx.t.sale.amountChoice(a, b)]) : ctx.t.sale.amountChoice(a, b),
      Markup.inlineKeyboard([
        [Markup.button.callback(a, `${CB.saleAmount}${draft.sourceUpdateId}:0`), Markup.button.callback(b, `${CB.saleAmount}${draft.sourceUpdateId}:1`)],
        [Markup.button.callback(ctx.t.common.cancelButton, CB.saleCancel + draft.sourceUpdateId)],
      ]),
    );
    return;
  }
  const card = ctx.t.sale.confirm(saleCardView(draft, ctx.t, ctx.lang));
  await say(ctx, intro ? lines([intro, '', card]) : card, confirmKeyboard(ctx, draft.sourceUpdateId));
}

function confirmKeyboard(ctx: BotContext, sourceUpdateId: number) {
  return Markup.inlineKeyboard([
    Markup.button.callback(ctx.t.common.saveButton, CB.saleSave + sourceUpdateId),
    Markup.button.callback(ctx.t.common.cancelButton, CB.saleCancel + sourceUpdateId),
  ]);
}

/**
 * The save tap. Without `force`, a report that repeats one of the last ten
 * minutes (same amount and product) is asked about first. A tap whose own
 * report is already saved (a double tap, a late tap) is told so, whichever
 * of the two checks sees it first: the duplicate check recognises its own
 * report by the source update, and the unique source catches a race.
 */
async function saveDraft(ctx: BotContext, sourceUpdateId: number, force: boolean): Promise<unknown> {
  const { repos } = ctx.deps;
  const draft = ctx.session.saleDraft;
  if (!draft || draft.sourceUpdateId !== sourceUpdateId) {
    // Saved by an earlier tap, or replaced by a newer draft.
    const saved = await repos.sales.findBySourceUpdate(BigInt(sourceUpdateId));
    return ctx.answerCbQuery(saved ? ctx.t.sale.alreadySaved : ctx.t.sale.expired);
  }
  if (draft.amountChoices) return ctx.answerCbQuery(ctx.t.sale.expired);
  const now = ctx.deps.now();
  const amount = BigInt(draft.amount);
  const productId = draft.productId ?? null;
  // Read once: the unusual-amount check and the confirmation both need it.
  const mission = await repos.missions.findById(draft.missionId);

  const since = duplicateWindowStart(now);
  const recent = force ? [] : await repos.sales.recentLive(draft.exhibitorId, RECENT_REPORTS, since);

  // An amount far outside what the mission has seen is saved (and counted in milestones) only after a second tap.
  if (!force && !draft.unusualConfirmed) {
    const recentAmounts = recent.slice(0, RECENT_REPORTS).map((report) => report.amount);
    const unusual = unusualAmount(amount, { target: mission?.targetAmount ?? 0n, recentAmounts });
    if (unusual) {
      await ctx.answerCbQuery(ctx.t.sale.unusualToast);
      return editTapped(
        ctx,
        lines([
          ctx.t.sale.confirm(saleCardView(draft, ctx.t, ctx.lang)),
          '',
          ctx.t.sale.unusual(rupiahInWords(amount, ctx.lang), exactAmount(amount, ctx.lang), unusual, formatRupiahCompact(mission?.targetAmount ?? 0n, ctx.lang)),
        ]),
        Markup.inlineKeyboard([
          [Markup.button.callback(ctx.t.sale.unusualButton(exactAmount(amount, ctx.lang)), CB.saleUnusual + sourceUpdateId)],
          [Markup.button.callback(ctx.t.common.cancelButton, CB.saleCancel + sourceUpdateId)],
        ]),
      );
    }
  }

  if (!force) {
    const earlier = recent.filter((report) => report.createdAt >= since);
    if (earlier.some((report) => report.sourceUpdateId === BigInt(sourceUpdateId))) {
      delete ctx.session.saleDraft;
      return ctx.answerCbQuery(ctx.t.sale.alreadySaved);
    }
    const duplicate = findDuplicate({ amount, productId, productText: draft.productText }, earlier, now);
    if (duplicate) {
      await ctx.answerCbQuery(ctx.t.sale.duplicateToast);
      const minutesAgo = Math.max(0, Math.floor((now.getTime() - duplicate.createdAt.getTime()) / 60_000));
      const named = (await repos.sales.findRecord(duplicate.id)) ?? { ...duplicate, productName: null };
      return editTapped(
        ctx,
        lines([ctx.t.sale.confirm(saleCardView(draft, ctx.t, ctx.lang)), '', ctx.t.sale.duplicate(duplicate.id, exactAmount(duplicate.amount, ctx.lang), productLabel(named), minutesAgo)]),
        Markup.inlineKeyboard([
          Markup.button.callback(ctx.t.sale.saveAnywayButton, CB.saleForce + sourceUpdateId),
          Markup.button.callback(ctx.t.common.cancelButton, CB.saleCancel + sourceUpdateId),
        ]),
      );
    }
  }

  const result = await repos.sales.record({
    missionId: draft.missionId,
    exhibitorId: draft.exhibitorId,
    productId,
    productText: draft.productText,
    amount,
    kind: draft.kind,
    direction: draft.direction,
    quantity: draft.quantity,
    unit: draft.unit,
    buyerName: draft.buyerName,
    buyerOrigin: draft.buyerOrigin ?? null,
    reportedById: ctx.user.id,
    sourceUpdateId: BigInt(sourceUpdateId),
    createdAt: now,
  });
  delete ctx.session.saleDraft;
  if (!result.ok) return ctx.answerCbQuery(ctx.t.sale.alreadySaved);
  await ctx.answerCbQuery(ctx.t.sale.savedToast);
  ctx.log.info({ reportId: result.report.id, amount: result.report.amount.toString(), forced: force }, 'sale saved');
  await optional(ctx.log, 'saleRecorded listeners', () => ctx.deps.events.saleRecorded(result.report));
  const { meetingId } = draft;
  if (meetingId !== undefined) await optional(ctx.log, 'link meeting', () => repos.matching.linkReport(meetingId, result.report.id));

  if (!mission) return;
  const { today, totals } = await missionTotalsNow(repos, mission, ctx.deps.now());
  const figures = missionProgress(mission, totals, today);
  return editTapped(
    ctx,
    ctx.t.sale.saved(saleCardView(draft, ctx.t, ctx.lang), result.report.id, formatRupiahCompact(figures.total, ctx.lang), formatShare(figures.total, mission.targetAmount, ctx.lang)),
  );
}
