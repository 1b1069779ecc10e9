import { Composer, Markup } from 'telegraf';
import type { Mission } from '../../domain/entities.js';
import { canMarkAttendance } from '../../domain/matching-sessions.js';
import { formatDateId } from '../../domain/time.js';
import { lines } from '../../i18n/index.js';
import { meetingView } from '../../views/meeting-views.js';
import { CB, onButton } from '../../views/callback-data.js';
import { requireOfficialTap } from '../official-guard.js';
import type { BotContext } from '../context.js';
import { editTapped, say } from '../reply.js';

/** Meetings given mark buttons in one plan: the latest begun ones (Telegram keyboards stay usable up to a few dozen rows). */
const MARK_ROWS = 24;

/**
 * The officials' plan of a day: live meetings grouped by table, in slot
 * order; an agreed meeting whose slot has begun gets buttons to mark it
 * held ✅ or no-show 🚫 (the mark shows in its line, and can be corrected).
 */
export async function showPlan(ctx: BotContext, mission: Mission, day: string, how: 'new' | 'replace' = 'new'): Promise<unknown> {
  const plan = await ctx.deps.repos.matching.dayPlan(mission.id, day);
  const dayText = formatDateId(day, ctx.lang);
  if (plan.length === 0) return say(ctx, lines([ctx.t.matching.planNone(dayText), ctx.t.matching.planHint]));
  const now = ctx.deps.now();
  const tables = [...new Set(plan.map((m) => m.tableNo))].sort((a, b) => a - b);
  const markable = plan.filter((m) => canMarkAttendance(m.status, m.slotStart, now)).slice(-MARK_ROWS);
  const t = ctx.t.matchingAdmin;
  const text = lines([
    ctx.t.matching.planTitle(dayText, plan.length),
    ...tables.flatMap((table) => ['', ctx.t.matching.planTable(table), ...plan.filter((m) => m.tableNo === table).map((m) => ctx.t.matching.planLine(meetingView(m, mission.timeZone, ctx.lang)))]),
    '',
    markable.length > 0 && t.markHint,
    ctx.t.matching.planHint,
  ]);
  const keyboard = Markup.inlineKeyboard(
    markable.map((m) => [
      Markup.button.callback(t.markHeldButton(m.id, m.status === 'HELD'), `${CB.meetingMark}h:${m.id}`),
      Markup.button.callback(t.markNoShowButton(m.id, m.status === 'NO_SHOW'), `${CB.meetingMark}n:${m.id}`),
    ]),
  );
  return how === 'replace' ? editTapped(ctx, text, keyboard) : say(ctx, text, keyboard);
}

/** Officials mark a meeting held or no-show from the plan; the plan is drawn again with the mark. */
export function createMatchingPlanFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.action(onButton(CB.meetingMark, ['h', 'n'], 'n'), requireOfficialTap, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return ctx.answerCbQuery(ctx.t.common.staleButton);
    const mark = ctx.match[1] === 'h' ? 'HELD' : 'NO_SHOW';
    const result = await ctx.deps.repos.sessionEdits.markAttendance(Number(ctx.match[2]), mission.id, mark, ctx.user.id, ctx.deps.now());
    if (!result.ok) return ctx.answerCbQuery(result.reason === 'not_found' ? ctx.t.matching.notFound : ctx.t.matchingAdmin.markNotAllowed, { show_alert: result.reason === 'wrong_state' });
    if (!result.changed) return ctx.answerCbQuery(ctx.t.matchingAdmin.markSame);
    ctx.log.info({ meetingId: Number(ctx.match[2]), mark }, 'meeting marked');
    await ctx.answerCbQuery(mark === 'HELD' ? ctx.t.matchingAdmin.markedHeld : ctx.t.matchingAdmin.markedNoShow);
    return showPlan(ctx, mission, result.day, 'replace');
  });

  return feature;
}
