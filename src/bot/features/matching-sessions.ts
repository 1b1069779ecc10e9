import { Composer, Markup, Scenes } from 'telegraf';
import type { Lang, Mission } from '../../domain/entities.js';
import { parseSessionSpec, slotTimes, type MatchingSessionRecord, type SessionSpec } from '../../domain/matching.js';
import { EDITABLE_STATUSES, decodeSpec, encodeSpec, meetingSetKey, meetingsNoLongerFitting, meetingsOfDeletedSession, sameSpec } from '../../domain/matching-sessions.js';
import { formatDateId, localDate } from '../../domain/time.js';
import type { MeetingRecord } from '../../db/repositories/matching.js';
import type { SessionChange } from '../../db/repositories/matching-sessions.js';
import type { OutboxMessageInput } from '../../db/outbox-enqueue.js';
import { catalogue, lines, resolveLang } from '../../i18n/index.js';
import type { SessionView } from '../../i18n/messages/matching.js';
import type { CancelCause } from '../../i18n/messages/matching-sessions.js';
import { meetingView } from '../../views/meeting-views.js';
import { CB, SCENE, onButton } from '../../views/callback-data.js';
import { requireOfficial, requirePrivateChat } from '../access.js';
import { requireOfficialTap } from '../official-guard.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { editTapped, say } from '../reply.js';
import { cancelKeyboard, expectText, readInput } from '../wizard.js';

/** Meetings listed in a preview; the rest are counted (a Telegram message holds 4096 characters). */
const PREVIEW_LINES = 25;

export function sessionView(s: Pick<MatchingSessionRecord, keyof SessionSpec>, lang: Lang): SessionView {
  const first = s.days[0] ?? '';
  const last = s.days.at(-1) ?? first;
  return {
    days: first === last ? formatDateId(first, lang) : `${formatDateId(first, lang)} – ${formatDateId(last, lang)}`,
    hours: `${s.startTime}–${s.endTime}`,
    slotMinutes: s.slotMinutes,
    tableCount: s.tableCount,
    slots: slotTimes(s).length,
  };
}

async function langOf(ctx: BotContext, userId: bigint): Promise<Lang> {
  const user = await ctx.deps.repos.users.findById(userId);
  return resolveLang(user?.language ?? null, user?.languageCode);
}

/**
 * Matching sessions, for officials: `/misi temu <spec>` opens one; `/misi
 * temu` lists them with buttons to edit (the same spec typed again) or
 * delete. Neither ever drops a booked meeting silently: the official sees
 * which meetings would be cancelled and why, confirms, and both sides of
 * each are told through the outbox, in the same transaction as the change.
 */
export function createMatchingSessionsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  // `/misi temu …` belongs here; any other /misi goes on to the mission feature.
  feature.command(names('misi'), async (ctx, next) => {
    if (!/^(temu|meet)\b/i.test(ctx.payload.trim())) return next();
    const payload = ctx.payload;
    await requireOfficial(ctx, async () => {
      await requirePrivateChat(ctx, async () => {
        await setUpSession(ctx, payload);
      });
    });
  });

  feature.action(onButton(CB.sessionEdit, 'n'), requireOfficialTap, async (ctx) => {
    const found = await sessionOfMission(ctx, Number(ctx.match[1]));
    if (!found) return ctx.answerCbQuery(ctx.t.matchingAdmin.gone);
    await ctx.answerCbQuery();
    if (ctx.chat?.type !== 'private') return say(ctx, ctx.t.common.privateOnly);
    return ctx.scene.enter(SCENE.sessionEdit, { sessionId: found.session.id });
  });

  feature.action(onButton(CB.sessionDelete, 'n'), requireOfficialTap, async (ctx) => {
    const found = await sessionOfMission(ctx, Number(ctx.match[1]));
    if (!found) return ctx.answerCbQuery(ctx.t.matchingAdmin.gone);
    await ctx.answerCbQuery();
    return previewDelete(ctx, found.mission, found.session, 'replace');
  });

  feature.action(onButton(CB.sessionSave, 'n', 'w', 'w'), requireOfficialTap, async (ctx) => {
    const found = await sessionOfMission(ctx, Number(ctx.match[1]));
    if (!found) return ctx.answerCbQuery(ctx.t.matchingAdmin.gone);
    const { mission, session } = found;
    const spec = decodeSpec(ctx.match[2] ?? '', mission);
    if (!spec.ok) return ctx.answerCbQuery(ctx.t.common.staleButton);
    await ctx.answerCbQuery();
    return apply(ctx, mission, session, { kind: 'edit', spec: spec.value }, ctx.match[3] ?? '');
  });

  feature.action(onButton(CB.sessionDeleteOk, 'n', 'w'), requireOfficialTap, async (ctx) => {
    const found = await sessionOfMission(ctx, Number(ctx.match[1]));
    if (!found) return ctx.answerCbQuery(ctx.t.matchingAdmin.gone);
    await ctx.answerCbQuery();
    return apply(ctx, found.mission, found.session, { kind: 'delete' }, ctx.match[2] ?? '');
  });

  feature.action(CB.sessionBack, requireOfficialTap, async (ctx) => {
    await ctx.answerCbQuery();
    return editTapped(ctx, ctx.t.matchingAdmin.nothingChanged);
  });

  return feature;
}

/** A session of the active mission, not deleted. */
async function sessionOfMission(ctx: BotContext, sessionId: number): Promise<{ mission: Mission; session: MatchingSessionRecord } | undefined> {
  const mission = await ctx.activeMission();
  const session = await ctx.deps.repos.matching.findSession(sessionId);
  if (!mission || !session || session.missionId !== mission.id) return undefined;
  return { mission, session };
}

async function setUpSession(ctx: BotContext, payload: string): Promise<unknown> {
  const mission = await ctx.activeMission();
  if (!mission) return say(ctx, ctx.t.common.noActiveMission);
  const spec = payload.trim().replace(/^(temu|meet)\s*/i, '');
  if (spec === '') return listSessions(ctx, mission);
  const parsed = parseSessionSpec(spec, mission, localDate(ctx.deps.now(), mission.timeZone));
  if (!parsed.ok) return say(ctx, lines([ctx.t.matching.sessionErrors[parsed.reason], ctx.t.matching.sessionUsage]));
  const session = await ctx.deps.repos.matching.createSession(mission.id, parsed.value, ctx.user.id);
  ctx.log.info({ sessionId: session.id }, 'matching session created');
  return say(ctx, ctx.t.matching.sessionCreated(sessionView(session, ctx.lang)));
}

/** The mission's sessions, each with an edit and a delete button, and how to open another. */
async function listSessions(ctx: BotContext, mission: Mission): Promise<unknown> {
  const sessions = await ctx.deps.repos.matching.sessions(mission.id);
  if (sessions.length === 0) return say(ctx, ctx.t.matching.sessionUsage);
  const t = ctx.t.matchingAdmin;
  return say(
    ctx,
    lines([t.listTitle, ...sessions.map((s) => t.listLine(s.id, sessionView(s, ctx.lang))), '', ctx.t.matching.sessionUsage]),
    Markup.inlineKeyboard(sessions.map((s) => [Markup.button.callback(t.editButton(s.id), `${CB.sessionEdit}${s.id}`), Markup.button.callback(t.deleteButton(s.id), `${CB.sessionDelete}${s.id}`)])),
  );
}

const send = (ctx: BotContext, how: 'new' | 'replace', text: Parameters<typeof say>[1], keyboard: ReturnType<typeof Markup.inlineKeyboard>) =>
  how === 'replace' ? editTapped(ctx, text, keyboard) : say(ctx, text, keyboard);

/** The meetings an edit would cancel, shown before anything is saved, with Confirm and Back. */
async function previewEdit(ctx: BotContext, mission: Mission, session: MatchingSessionRecord, spec: SessionSpec, how: 'new' | 'replace', note = false): Promise<unknown> {
  const live = await ctx.deps.repos.matching.sessionMeetings(session.id, EDITABLE_STATUSES);
  const misfits = meetingsNoLongerFitting(spec, live, mission.timeZone, ctx.deps.now());
  const byId = new Map(live.map((m) => [m.id, m]));
  const shown = misfits.slice(0, PREVIEW_LINES).map((f) => ({ meeting: meetingView(byId.get(f.id)!, mission.timeZone, ctx.lang), reason: f.reason }));
  const t = ctx.t.matchingAdmin;
  const text = lines([
    note && t.movedMeanwhile,
    t.previewEdit(session.id, sessionView(session, ctx.lang), sessionView(spec, ctx.lang), shown, misfits.length),
  ]);
  const keyboard = Markup.inlineKeyboard([
    [Markup.button.callback(t.confirmEditButton, `${CB.sessionSave}${session.id}:${encodeSpec(spec)}:${meetingSetKey(misfits.map((f) => f.id))}`)],
    [Markup.button.callback(t.backButton, CB.sessionBack)],
  ]);
  return send(ctx, how, text, keyboard);
}

async function previewDelete(ctx: BotContext, mission: Mission, session: MatchingSessionRecord, how: 'new' | 'replace', note = false): Promise<unknown> {
  const live = await ctx.deps.repos.matching.sessionMeetings(session.id, EDITABLE_STATUSES);
  const ids = new Set(meetingsOfDeletedSession(live, ctx.deps.now()));
  const cancelled = live.filter((m) => ids.has(m.id));
  const t = ctx.t.matchingAdmin;
  const text = lines([
    note && t.movedMeanwhile,
    t.previewDelete(
      session.id,
      sessionView(session, ctx.lang),
      cancelled.slice(0, PREVIEW_LINES).map((m) => meetingView(m, mission.timeZone, ctx.lang)),
      cancelled.length,
    ),
  ]);
  const keyboard = Markup.inlineKeyboard([
    [Markup.button.callback(t.confirmDeleteButton, `${CB.sessionDeleteOk}${session.id}:${meetingSetKey([...ids])}`)],
    [Markup.button.callback(t.backButton, CB.sessionBack)],
  ]);
  return send(ctx, how, text, keyboard);
}

/** What one side of a meeting cancelled by a session change is told, in their language. */
function cancelNotice(m: MeetingRecord, timeZone: string, who: { chatId: bigint; lang: Lang; other: string; side: 'b' | 'x' }, cause: CancelCause): OutboxMessageInput {
  const t = catalogue(who.lang);
  return {
    chatId: who.chatId,
    purpose: 'notice',
    method: 'sendMessage',
    payload: { text: t.matchingAdmin.cancelledBySession(meetingView(m, timeZone, who.lang), who.other, cause).value, parse_mode: 'HTML' },
    dedupeKey: `meet:${m.id}:session-cancel:${who.side}`,
  };
}

/**
 * Saves the edit or deletion the official confirmed. When the meetings it
 * would cancel are not those of the preview (a booking or a cancellation in
 * between), nothing is saved and the preview is shown again.
 */
async function apply(ctx: BotContext, mission: Mission, session: MatchingSessionRecord, change: SessionChange, seenKey: string): Promise<unknown> {
  const now = ctx.deps.now();
  const again = () => (change.kind === 'edit' ? previewEdit(ctx, mission, session, change.spec, 'replace', true) : previewDelete(ctx, mission, session, 'replace', true));
  const live = await ctx.deps.repos.matching.sessionMeetings(session.id, EDITABLE_STATUSES);
  const ids = change.kind === 'edit' ? meetingsNoLongerFitting(change.spec, live, mission.timeZone, now).map((f) => f.id) : meetingsOfDeletedSession(live, now);
  if (meetingSetKey(ids) !== seenKey) return again();
  const cause: CancelCause = change.kind === 'edit' ? 'edit' : 'delete';
  const notices = new Map<number, OutboxMessageInput[]>();
  const langs = new Map<bigint, Lang>();
  const lang = async (id: bigint) => {
    if (!langs.has(id)) langs.set(id, await langOf(ctx, id));
    return langs.get(id)!;
  };
  for (const m of live.filter((meeting) => ids.includes(meeting.id))) {
    notices.set(m.id, [
      cancelNotice(m, mission.timeZone, { chatId: m.buyerId, lang: await lang(m.buyerId), other: `${m.exhibitorName} (${m.ownerName})`, side: 'b' }, cause),
      cancelNotice(m, mission.timeZone, { chatId: m.ownerId, lang: await lang(m.ownerId), other: m.buyerName, side: 'x' }, cause),
    ]);
  }
  const result = await ctx.deps.repos.sessionEdits.change(session.id, mission.id, change, notices, { actorId: ctx.user.id, at: now, timeZone: mission.timeZone });
  if (!result.ok) return result.reason === 'gone' ? editTapped(ctx, lines([ctx.t.matchingAdmin.gone])) : again();
  const people = new Set([...notices.values()].flat().map((n) => n.chatId)).size;
  ctx.log.info({ sessionId: session.id, change: change.kind, cancelled: result.cancelled.length }, 'matching session changed');
  if (change.kind === 'delete') return editTapped(ctx, ctx.t.matchingAdmin.deleted(session.id, result.cancelled.length, people));
  return editTapped(ctx, ctx.t.matchingAdmin.edited(session.id, sessionView(change.spec, ctx.lang), result.cancelled.length, people));
}

/** The official types the session's new shape; the preview follows. */
export function createSessionEditScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.sessionEdit,
    async (ctx) => {
      const state = ctx.wizard.state as { sessionId?: number };
      const found = state.sessionId === undefined ? undefined : await sessionOfMission(ctx, state.sessionId);
      if (!found) {
        await ctx.scene.leave();
        return say(ctx, lines([ctx.t.matchingAdmin.gone]));
      }
      await say(ctx, ctx.t.matchingAdmin.askSpec(found.session.id, sessionView(found.session, ctx.lang)), cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const state = ctx.wizard.state as { sessionId?: number };
      const typed = await expectText(ctx, await readInput(ctx));
      if (typed === undefined) return;
      const found = state.sessionId === undefined ? undefined : await sessionOfMission(ctx, state.sessionId);
      if (!found) {
        await ctx.scene.leave();
        return say(ctx, lines([ctx.t.matchingAdmin.gone]));
      }
      const { mission, session } = found;
      const parsed = parseSessionSpec(typed.replace(/^(temu|meet)\s+/i, ''), mission, localDate(ctx.deps.now(), mission.timeZone));
      if (!parsed.ok) return say(ctx, lines([ctx.t.matching.sessionErrors[parsed.reason], ctx.t.matchingAdmin.askSpec(session.id, sessionView(session, ctx.lang))]), cancelKeyboard(ctx));
      await ctx.scene.leave();
      if (sameSpec(parsed.value, session)) return say(ctx, ctx.t.matchingAdmin.unchanged);
      return previewEdit(ctx, mission, session, parsed.value, 'new');
    },
  );
}
