import { Composer, Markup } from 'telegraf';
import type { Mission } from '../../domain/entities.js';
import { canVerify, parseReportNumber, type VerifyRefusal } from '../../domain/sale-rules.js';
import { lines, type SafeHtml } from '../../i18n/index.js';
import { requireOfficial, standingOf } from '../access.js';
import { CB, onButton } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { editTapped, say } from '../reply.js';
import { compactAmount, exactAmount, reportTime, shortProduct } from '../sale-presenters.js';

/** How many unverified reports one list shows; the newest first, since those are the ones being asked about. */
const LIST_SIZE = 10;

type VerifyOutcome = { ok: true; reportId: number; amount: bigint; exhibitor: string } | { ok: false; reason: VerifyRefusal; reportId: number };

/**
 * /verifikasi (/verify), officials only: the newest unverified reports with
 * a ✔️ button each, or `/verifikasi 12` for one. Verified reports make up
 * the "verified" share /progres shows; a voided report cannot be verified.
 */
export function createSaleVerifyFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('verifikasi'), requireOfficial, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const argument = ctx.payload.trim();
    if (argument === '') {
      const [text, keyboard] = await unverifiedList(ctx, mission);
      return say(ctx, text, keyboard ?? {});
    }
    const reportId = parseReportNumber(argument);
    if (reportId === undefined) return say(ctx, ctx.t.saleVerify.usage);
    const outcome = await verify(ctx, mission, reportId);
    return say(ctx, outcome.ok ? ctx.t.saleVerify.done(outcome.reportId, exactAmount(outcome.amount, ctx.lang), outcome.exhibitor) : refusalText(ctx, outcome));
  });

  feature.action(onButton(CB.saleVerify, 'n'), async (ctx) => {
    // A button forwarded or left in a chat is no authority: the role is checked on every tap.
    const standing = await standingOf(ctx);
    if (!standing.official) return ctx.answerCbQuery(ctx.t.saleVerify.officialOnlyToast, { show_alert: true });
    if (!standing.mission) return ctx.answerCbQuery(ctx.t.common.staleButton);
    const outcome = await verify(ctx, standing.mission, Number(ctx.match[1]));
    await ctx.answerCbQuery(outcome.ok ? ctx.t.saleVerify.toast(outcome.reportId) : refusalToast(ctx, outcome));
    const [text, keyboard] = await unverifiedList(ctx, standing.mission);
    return editTapped(ctx, text, keyboard ?? {});
  });

  return feature;
}

async function verify(ctx: BotContext, mission: Mission, reportId: number): Promise<VerifyOutcome> {
  const report = await ctx.deps.repos.sales.findRecord(reportId);
  if (!report) return { ok: false, reason: 'not_found', reportId };
  const allowed = canVerify(report, mission.id);
  if (!allowed.ok) return { ok: false, reason: allowed.reason, reportId };
  // The repository decides again atomically: two officials may tap at once.
  const result = await ctx.deps.repos.sales.verifyReport({ id: reportId, actorId: ctx.user.id, at: ctx.deps.now() });
  if (!result.ok) return { ok: false, reason: result.reason, reportId };
  ctx.log.info({ reportId }, 'sale verified');
  return { ok: true, reportId, amount: result.report.amount, exhibitor: result.report.exhibitorName };
}

function refusalText(ctx: BotContext, outcome: Extract<VerifyOutcome, { ok: false }>): SafeHtml {
  switch (outcome.reason) {
    case 'not_found':
      return ctx.t.saleVerify.notFound(outcome.reportId);
    case 'voided':
      return ctx.t.saleVerify.voided(outcome.reportId);
    case 'already_verified':
      return ctx.t.saleVerify.alreadyVerified(outcome.reportId);
  }
}

function refusalToast(ctx: BotContext, outcome: Extract<VerifyOutcome, { ok: false }>): string {
  switch (outcome.reason) {
    case 'not_found':
      return ctx.t.saleVerify.notFoundToast(outcome.reportId);
    case 'voided':
      return ctx.t.saleVerify.voidedToast(outcome.reportId);
    case 'already_verified':
      return ctx.t.saleVerify.alreadyVerifiedToast(outcome.reportId);
  }
}

/** The list message: one line and one ✔️ button per unverified report. */
async function unverifiedList(ctx: BotContext, mission: Mission): Promise<[SafeHtml, ReturnType<typeof Markup.inlineKeyboard> | undefined]> {
  const { reports, total } = await ctx.deps.repos.sales.unverified(mission.id, LIST_SIZE);
  if (reports.length === 0) return [ctx.t.saleVerify.none, undefined];
  const now = ctx.deps.now();
  const text = lines([
    ctx.t.saleVerify.listTitle(reports.length, total),
    '',
    ...reports.map((report) =>
      ctx.t.saleVerify.listLine(report.id, exactAmount(report.amount, ctx.lang), shortProduct(report, 40), report.exhibitorName, reportTime(report.createdAt, mission.timeZone, now, ctx.lang)),
    ),
  ]);
  const buttons = reports.map((report) => Markup.button.callback(ctx.t.saleVerify.button(report.id, compactAmount(report.amount, ctx.lang)), CB.saleVerify + report.id));
  const rows = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return [text, Markup.inlineKeyboard(rows)];
}
