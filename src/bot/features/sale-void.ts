import { Composer, Markup, Scenes } from 'telegraf';
import { formatShare } from '../../domain/share.js';
import { canVoid, parseReportNumber, parseVoidReason, type VoidRefusal } from '../../domain/sale-rules.js';
import type { SafeHtml } from '../../i18n/index.js';
import { requirePrivateChat, standingOf, type Standing } from '../access.js';
import { CB, SCENE, onButton } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { missionProgress } from '../../domain/progress.js';
import { say } from '../reply.js';
import { compactAmount, exactAmount, reportTime, shortProduct } from '../sale-presenters.js';
import { optional } from '../../telegram/errors.js';
import { expectText, cancelKeyboard, readInput } from '../wizard.js';
import { missionTotalsNow } from './progress.js';

/** How many of their latest reports an exhibitor is offered to void. */
const VOID_CHOICES = 10;

interface VoidState {
  reportId: number;
  reason?: string;
}

const stateOf = (ctx: BotContext) => ctx.wizard.state as VoidState;

/**
 * /batal (/undo) outside a wizard (inside one, wizard.ts reads it as
 * "cancel"): an exhibitor picks one of their last reports, an official
 * names any report of the mission by number; both then give a reason and
 * confirm. The report is never deleted: it is marked void, leaves every
 * total, and the audit log keeps it before and after.
 */
export function createSaleVoidFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('batal'), requirePrivateChat, async (ctx) => {
    const standing = await standingOf(ctx);
    if (!standing.mission) return say(ctx, ctx.t.common.noActiveMission);
    if (!standing.official && !standing.exhibitor) return say(ctx, ctx.t.common.exhibitorOnly);
    // A report shown for confirmation but not saved yet: /batal most likely means "not that one".
    if (ctx.session.saleDraft) {
      delete ctx.session.saleDraft;
      return say(ctx, ctx.t.saleVoid.draftDiscarded);
    }
    const argument = ctx.payload.trim();
    if (argument !== '') {
      const reportId = parseReportNumber(argument);
      if (reportId === undefined) return say(ctx, ctx.t.saleVoid.officialUsage);
      return startVoid(ctx, standing, reportId);
    }
    if (!standing.exhibitor) return say(ctx, ctx.t.saleVoid.officialUsage);

    const reports = await ctx.deps.repos.sales.latestLive(standing.exhibitor.id, VOID_CHOICES);
    if (reports.length === 0) return say(ctx, ctx.t.saleVoid.none);
    const now = ctx.deps.now();
    const { timeZone } = standing.mission;
    return say(
      ctx,
      ctx.t.saleVoid.pickTitle,
      Markup.inlineKeyboard(
        reports.map((report) => [
          Markup.button.callback(
            ctx.t.saleVoid.pickButton(report.id, compactAmount(report.amount, ctx.lang), shortProduct(report), reportTime(report.createdAt, timeZone, now, ctx.lang)),
            CB.saleVoidPick + report.id,
          ),
        ]),
      ),
    );
  });

  feature.action(onButton(CB.saleVoidPick, 'n'), async (ctx) => {
    await ctx.answerCbQuery();
    const standing = await standingOf(ctx);
    if (!standing.mission) return say(ctx, ctx.t.common.noActiveMission);
    if (!standing.official && !standing.exhibitor) return say(ctx, ctx.t.common.exhibitorOnly);
    return startVoid(ctx, standing, Number(ctx.match[1]));
  });

  return feature;
}

/** Checks the rule before asking for a reason, so nobody types a reason for a void they may not make. */
async function startVoid(ctx: BotContext, standing: Standing, reportId: number): Promise<unknown> {
  const refusal = await voidRefusal(ctx, standing, reportId);
  if (refusal) return say(ctx, refusal);
  return ctx.scene.enter(SCENE.saleVoid, { reportId } satisfies VoidState);
}

/** Why this user may not void this report now, worded; undefined when they may. */
async function voidRefusal(ctx: BotContext, standing: Standing, reportId: number): Promise<SafeHtml | undefined> {
  if (!standing.mission) return ctx.t.common.noActiveMission;
  const report = await ctx.deps.repos.sales.findRecord(reportId);
  if (!report) return ctx.t.saleVoid.notFound(reportId);
  const allowed = canVoid(report, { missionId: standing.mission.id, official: standing.official, exhibitorId: standing.exhibitor?.id }, ctx.deps.now());
  return allowed.ok ? undefined : refusalText(ctx, allowed.reason, reportId);
}

function refusalText(ctx: BotContext, reason: VoidRefusal, reportId: number): SafeHtml {
  switch (reason) {
    case 'not_found':
      return ctx.t.saleVoid.notFound(reportId);
    case 'already_voided':
      return ctx.t.saleVoid.alreadyVoided(reportId);
    case 'not_yours':
      return ctx.t.saleVoid.notYours;
    case 'too_old':
      return ctx.t.saleVoid.tooOld(reportId);
  }
}

/** Reason, confirm, void: a wizard, so /batal and ✖️ cancel it and a restart does not lose it. */
export function createSaleVoidScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.saleVoid,
    async (ctx) => {
      const { reportId } = stateOf(ctx);
      const report = await ctx.deps.repos.sales.findRecord(reportId);
      if (!report) {
        await ctx.scene.leave();
        return say(ctx, ctx.t.saleVoid.notFound(reportId));
      }
      await say(ctx, ctx.t.saleVoid.askReason(report.id, exactAmount(report.amount, ctx.lang), shortProduct(report, 60), report.exhibitorName), cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const text = await expectText(ctx, await readInput(ctx));
      if (text === undefined) return;
      const reason = parseVoidReason(text);
      if (!reason.ok) {
        await say(ctx, reason.reason === 'too_short' ? ctx.t.saleVoid.reasonTooShort : ctx.t.saleVoid.reasonTooLong);
        return;
      }
      const state = stateOf(ctx);
      state.reason = reason.value;
      const report = await ctx.deps.repos.sales.findRecord(state.reportId);
      await say(
        ctx,
        ctx.t.saleVoid.confirm(state.reportId, report ? exactAmount(report.amount, ctx.lang) : '', reason.value),
        // One choice per row, each saying what happens: "Batal" (cancel) next to "batalkan" (void) read as the same thing.
        Markup.inlineKeyboard([
          [Markup.button.callback(ctx.t.saleVoid.confirmButton, CB.saleVoidConfirm)],
          [Markup.button.callback(ctx.t.saleVoid.keepButton, CB.saleVoidKeep)],
        ]),
      );
      return ctx.wizard.next();
    },
    async (ctx) => {
      const input = await readInput(ctx);
      if (input.type === 'button' && input.data === CB.saleVoidKeep) {
        await ctx.scene.leave();
        await optional(ctx.log, 'remove buttons', () => ctx.editMessageReplyMarkup(undefined));
        return say(ctx, ctx.t.saleVoid.kept(stateOf(ctx).reportId));
      }
      if (input.type !== 'button' || input.data !== CB.saleVoidConfirm) {
        await say(ctx, ctx.t.common.staleButtonHint);
        return;
      }
      const { reportId, reason } = stateOf(ctx);
      await ctx.scene.leave();
      await optional(ctx.log, 'remove buttons', () => ctx.editMessageReplyMarkup(undefined));
      if (reason === undefined) return;
      // Checked again: a day may have passed, or someone else voided it meanwhile.
      const standing = await standingOf(ctx);
      const refusal = await voidRefusal(ctx, standing, reportId);
      if (refusal || !standing.mission) return say(ctx, refusal ?? ctx.t.common.noActiveMission);
      const result = await ctx.deps.repos.sales.voidReport({ id: reportId, reason, actorId: ctx.user.id, at: ctx.deps.now() });
      if (!result.ok) return say(ctx, result.reason === 'not_found' ? ctx.t.saleVoid.notFound(reportId) : ctx.t.saleVoid.alreadyVoided(reportId));
      ctx.log.info({ reportId, official: standing.official }, 'sale voided');
      const { today, totals } = await missionTotalsNow(ctx.deps.repos, standing.mission, ctx.deps.now());
      const figures = missionProgress(standing.mission, totals, today);
      return say(
        ctx,
        ctx.t.saleVoid.done(reportId, exactAmount(result.report.amount, ctx.lang), compactAmount(figures.total, ctx.lang), formatShare(figures.total, standing.mission.targetAmount, ctx.lang)),
      );
    },
  );
}
