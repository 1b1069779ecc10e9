import { Composer, Scenes } from 'telegraf';
import { checkRealisedAmount, realisedAmountOf, type FollowUpReport } from '../../domain/follow-ups.js';
import { formatRupiah, parseRupiah } from '../../domain/money.js';
import { CB, SCENE, onButton } from '../../views/callback-data.js';
import { amountReason } from '../amount-reason.js';
import type { BotContext } from '../context.js';
import { say } from '../reply.js';
import { optional } from '../../telegram/errors.js';
import { cancelKeyboard, expectText, readInput } from '../wizard.js';

/** The report whose partly realised amount is asked; a number, so the session keeps it as JSON. */
interface AmountState {
  reportId?: number;
}

const stateOf = (ctx: BotContext) => ctx.wizard.state as AmountState;

/**
 * The exhibitor's answer to a 30/90-day follow-up (sent by followUpTick):
 * fully, not at all, or partly (then the realised amount is asked, at most
 * the committed one). Only the business's owner may answer; each answer is
 * audited by the repository.
 */
export function createFollowUpsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.action(onButton(CB.followUp, ['full', 'part', 'none'], 'n'), async (ctx) => {
    const answer = ctx.match[1] as 'full' | 'part' | 'none';
    const report = await ownReport(ctx, Number(ctx.match[2]));
    if (!report) return;
    if (answer === 'part') {
      await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
      await optional(ctx.log, 'remove follow-up buttons', () => ctx.editMessageReplyMarkup(undefined));
      return ctx.scene.enter(SCENE.followUpAmount, { reportId: report.id } satisfies AmountState);
    }
    const realisation = answer === 'full' ? 'FULL' : 'NONE';
    const result = await ctx.deps.repos.followUps.answer(report.id, ctx.user.id, realisation, realisedAmountOf(realisation, report.amount));
    if (!result.ok) return ctx.answerCbQuery(ctx.t.followUps.voided, { show_alert: true });
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(ctx.t.followUps.answeredToast));
    await optional(ctx.log, 'remove follow-up buttons', () => ctx.editMessageReplyMarkup(undefined));
    ctx.log.info({ reportId: report.id, realisation }, 'follow-up answered');
    return say(ctx, realisation === 'FULL' ? ctx.t.followUps.recordedFull(formatRupiah(report.amount, ctx.lang)) : ctx.t.followUps.recordedNone);
  });
  return feature;
}

/** The report, when it exists, is live and belongs to the tapper's business; otherwise the tap is answered and undefined returned. */
async function ownReport(ctx: BotContext, reportId: number): Promise<FollowUpReport | undefined> {
  const report = await ctx.deps.repos.followUps.find(reportId);
  if (!report) {
    await ctx.answerCbQuery(ctx.t.followUps.notFound, { show_alert: true });
    return undefined;
  }
  if (report.ownerId !== ctx.user.id) {
    await ctx.answerCbQuery(ctx.t.followUps.notYours, { show_alert: true });
    return undefined;
  }
  if (report.voided) {
    await ctx.answerCbQuery(ctx.t.followUps.voided, { show_alert: true });
    return undefined;
  }
  return report;
}

/** "Partly": asks how much was realised, in the full rupiah grammar, at most the commitment. */
export function createFollowUpAmountScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.followUpAmount,
    async (ctx) => {
      const report = await reportOf(ctx);
      if (!report) return ctx.scene.leave();
      await say(ctx, ctx.t.followUps.askAmount(formatRupiah(report.amount, ctx.lang)), cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const report = await reportOf(ctx);
      if (!report) return ctx.scene.leave();
      const text = await expectText(ctx, await readInput(ctx));
      if (text === undefined) return;
      const amount = parseRupiah(text);
      if (!amount.ok) {
        await say(ctx, ctx.t.followUps.badAmount(amountReason(ctx, text, amount.reason)));
        return;
      }
      const checked = checkRealisedAmount(amount.value, report.amount);
      if (!checked.ok) {
        await say(ctx, ctx.t.followUps.tooMuch(formatRupiah(report.amount, ctx.lang)));
        return;
      }
      await ctx.scene.leave();
      const result = await ctx.deps.repos.followUps.answer(report.id, ctx.user.id, checked.value.realisation, checked.value.amount);
      if (!result.ok) return say(ctx, ctx.t.followUps.voidedNote);
      ctx.log.info({ reportId: report.id, realisation: checked.value.realisation }, 'follow-up answered');
      return say(
        ctx,
        checked.value.realisation === 'FULL'
          ? ctx.t.followUps.recordedFull(formatRupiah(report.amount, ctx.lang))
          : ctx.t.followUps.recordedPartial(formatRupiah(checked.value.amount, ctx.lang), formatRupiah(report.amount, ctx.lang)),
      );
    },
  );
}

/** The scene's report, still live and the user's own; otherwise said and undefined. */
async function reportOf(ctx: BotContext): Promise<FollowUpReport | undefined> {
  const id = stateOf(ctx).reportId;
  const report = id === undefined ? undefined : await ctx.deps.repos.followUps.find(id);
  if (!report || report.ownerId !== ctx.user.id || report.voided) {
    await say(ctx, ctx.t.followUps.voidedNote);
    return undefined;
  }
  return report;
}
