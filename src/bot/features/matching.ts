import { Composer, Markup, Scenes } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Lang, Mission } from '../../domain/entities.js';
import {
  canAnswer,
  canCancel,
  canConfirmProposal,
  freeSlots,
  matchExhibitorNames,
  meetingIcs,
  meetingReminderKey,
  proposalDays,
  REMINDER_MINUTES,
  sessionSlotDay,
  slotTime,
  upcomingDays,
  validateMeetingNote,
} from '../../domain/matching.js';
import { foldText } from '../../domain/text.js';
import { parseRupiah } from '../../domain/money.js';
import { defaultDirection } from '../../domain/sale.js';
import { offerSaleDraft } from './sale-report.js';
import { showPlan } from './matching-plan.js';
import { optional } from '../../telegram/errors.js';
import { formatDateId, localDate, parseLocalDate } from '../../domain/time.js';
import { localDayBounds } from '../../domain/day-bounds.js';
import type { MeetingRecord } from '../../db/repositories/matching.js';
import type { OutboxMessageInput } from '../../db/outbox-enqueue.js';
import { catalogue, lines, resolveLang, type Catalogue, type SafeHtml } from '../../i18n/index.js';
import { requirePrivateChat, standingOf } from '../access.js';
import { zoneLabel } from '../../views/admin-presenters.js';
import { meetingView } from '../../views/meeting-views.js';
import { CB, SCENE } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { editTapped, say } from '../reply.js';
import { cancelKeyboard, expectText, readInput } from '../wizard.js';

/** Exhibitors offered as buttons for one /temu search. */
const PICK_LIMIT = 8;
const SLOT_BUTTONS_PER_ROW = 4;

async function langOf(ctx: BotContext, userId: bigint): Promise<Lang> {
  const user = await ctx.deps.repos.users.findById(userId);
  return resolveLang(user?.language ?? null, user?.languageCode);
}

const text = (chatId: bigint, value: string, dedupeKey: string, extra: Record<string, unknown> = {}, notBefore?: Date): OutboxMessageInput => ({
  chatId,
  purpose: 'notice',
  method: 'sendMessage',
  payload: { text: value, parse_mode: 'HTML', ...extra },
  dedupeKey,
  ...(notBefore ? { notBefore } : {}),
});

/** `26 Nov 2026, 13:30 WIB`: where a slot starts, for the messages that name the slot asked for. */
function slotText(at: Date, mission: Mission, lang: Lang): string {
  return `${formatDateId(localDate(at, mission.timeZone), lang)}, ${slotTime(at, mission.timeZone)} ${zoneLabel(mission.timeZone)}`;
}

/** The buttons under a request the exhibitor reads: accept, decline, or propose another slot. */
function requestKeyboard(t: Catalogue, id: number): InlineKeyboardButton[][] {
  return [
    [
      { text: t.matching.acceptButton, callback_data: `${CB.meetAccept}${id}` },
      { text: t.matching.declineButton, callback_data: `${CB.meetDecline}${id}` },
    ],
    [{ text: t.matching.proposeButton, callback_data: `${CB.meetPropose}${id}` }],
  ];
}

/**
 * What an accepted meeting sends each side: the confirmation, the .ics
 * file and the reminder 15 minutes before the slot (the outbox holds it
 * until then; its clock is the wall clock, as the slot's is).
 */
function confirmation(m: MeetingRecord, mission: Mission, who: { chatId: bigint; lang: Lang; other: string; side: 'b' | 'x' }): OutboxMessageInput[] {
  const t = catalogue(who.lang);
  const view = meetingView(m, mission.timeZone, who.lang);
  const ics = meetingIcs({
    uid: `meeting-${m.id}@misi-dagang-bot`,
    start: m.slotStart,
    minutes: m.slotMinutes,
    summary: `🤝 ${m.exhibitorName} – ${m.buyerName}`,
    location: `${who.lang === 'id' ? 'Meja' : 'Table'} ${m.tableNo}, ${mission.city}`,
    description: m.note ?? '',
    stamp: m.slotStart,
  });
  return [
    text(who.chatId, t.matching.confirmed(view, who.other).value, `meet:${m.id}:ok:${who.side}`),
    {
      chatId: who.chatId,
      purpose: 'notice',
      method: 'sendDocument',
      payload: { document: { base64: Buffer.from(ics, 'utf8').toString('base64'), filename: `temu-${m.id}.ics` }, caption: t.matching.icsCaption(m.id).value, parse_mode: 'HTML' },
      dedupeKey: `meet:${m.id}:ics:${who.side}`,
    },
    text(who.chatId, t.matching.reminder(view, who.other).value, meetingReminderKey(m.id, who.side), {}, new Date(m.slotStart.getTime() - REMINDER_MINUTES * 60_000)),
  ];
}

/**
 * Business matching (sessions: matching-sessions.ts; the officials' plan:
 * matching-plan.ts): a buyer asks
 * an exhibitor for a meeting (/temu, or 🤝 on a product or booth card),
 * picks a day and a slot where both and a table are free, and adds a note;
 * the exhibitor accepts, declines or proposes another free slot, which the
 * buyer confirms or declines; either side can cancel; /jadwal lists
 * meetings, and for officials the day's plan by table.
 */
export function createMatchingFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('temu'), requirePrivateChat, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const query = ctx.payload.trim();
    if (query === '') return say(ctx, ctx.t.matching.usage);
    const found = matchExhibitorNames(await ctx.deps.repos.matching.exhibitors(mission.id), query, foldText).filter((e) => e.ownerId !== ctx.user.id);
    if (found.length === 0) return say(ctx, ctx.t.matching.noExhibitor(query));
    if (found.length === 1) return showDays(ctx, mission, found[0]!.id, 'new');
    return say(
      ctx,
      ctx.t.matching.pickExhibitor,
      Markup.inlineKeyboard(found.slice(0, PICK_LIMIT).map((e) => [Markup.button.callback(e.name, `${CB.meetExhibitor}${e.id}`)])),
    );
  });

  feature.action(new RegExp(`^${CB.meetExhibitor}(\\d{1,9})$`), async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return ctx.answerCbQuery(ctx.t.common.staleButton);
    await ctx.answerCbQuery();
    if (ctx.chat?.type !== 'private') return say(ctx, ctx.t.common.privateOnly);
    return showDays(ctx, mission, Number(ctx.match[1]), 'new');
  });

  feature.action(new RegExp(`^${CB.meetDay}(\\d{1,9}):(\\d{1,9}):(\\d{4}-\\d{2}-\\d{2})$`), async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return ctx.answerCbQuery(ctx.t.common.staleButton);
    await ctx.answerCbQuery();
    return showSlots(ctx, mission, Number(ctx.match[1]), Number(ctx.match[2]), ctx.match[3] ?? '', 'replace');
  });

  feature.action(new RegExp(`^${CB.meetSlot}(\\d{1,9}):(\\d{1,9}):(\\d{1,12})$`), async (ctx) => {
    const mission = await ctx.activeMission();
    const exhibitor = await ctx.deps.repos.exhibitors.findById(Number(ctx.match[1]));
    const session = await ctx.deps.repos.matching.findSession(Number(ctx.match[2]));
    if (!mission || !exhibitor || !session || session.missionId !== mission.id || exhibitor.missionId !== mission.id) return ctx.answerCbQuery(ctx.t.common.staleButton);
    await ctx.answerCbQuery();
    const slotStart = new Date(Number(ctx.match[3]) * 60_000);
    const day = localDate(slotStart, mission.timeZone);
    return ctx.scene.enter(SCENE.meetingNote, { exhibitorId: exhibitor.id, sessionId: session.id, slotStart: slotStart.getTime(), day, exhibitorName: exhibitor.name });
  });

  feature.action(new RegExp(`^(${CB.meetAccept}|${CB.meetDecline})(\\d{1,9})$`), async (ctx) => {
    const accept = ctx.match[1] === CB.meetAccept;
    const id = Number(ctx.match[2]);
    const before = await ctx.deps.repos.matching.find(id);
    const mission = before ? await ctx.deps.repos.missions.findById(before.missionId) : undefined;
    if (!before || !mission) return ctx.answerCbQuery(ctx.t.matching.notFound);
    const buyerLang = await langOf(ctx, before.buyerId);
    const at = ctx.deps.now();
    const result = accept
      ? await ctx.deps.repos.matching.accept(id, ctx.user.id, at, (m) => [
          ...confirmation(m, mission, { chatId: m.buyerId, lang: buyerLang, other: `${m.exhibitorName} (${m.ownerName})`, side: 'b' }),
          ...confirmation(m, mission, { chatId: m.ownerId, lang: ctx.lang, other: m.buyerName, side: 'x' }),
        ])
      : await ctx.deps.repos.matching.decline(id, ctx.user.id, at, (m) => [
          text(m.buyerId, catalogue(buyerLang).matching.declinedForBuyer(meetingView(m, mission.timeZone, buyerLang)).value, `meet:${m.id}:no`),
        ]);
    if (!result.ok) {
      if (result.reason === 'wrong_state') return ctx.answerCbQuery(ctx.t.matching.alreadyAnswered(result.meeting.status));
      if (result.reason === 'not_found') return ctx.answerCbQuery(ctx.t.matching.notFound);
      return ctx.answerCbQuery(ctx.t.matching.notParty, { show_alert: true });
    }
    ctx.log.info({ meetingId: id, status: result.meeting.status }, 'meeting answered');
    await ctx.answerCbQuery(accept ? ctx.t.matching.acceptedToast : ctx.t.matching.declinedToast);
    const view = meetingView(result.meeting, mission.timeZone, ctx.lang);
    return editTapped(ctx, accept ? ctx.t.matching.toExhibitor(view) : ctx.t.matching.declinedForExhibitor(view));
  });

  // The exhibitor's third answer: another free slot of the session, day then time, on the request's own message.
  feature.action(new RegExp(`^${CB.meetPropose}(\\d{1,9})$`), async (ctx) => {
    const found = await ownedRequest(ctx, Number(ctx.match[1]));
    if (!found) return;
    await ctx.answerCbQuery();
    return showProposal(ctx, found.mission, found.meeting, undefined, false);
  });

  feature.action(new RegExp(`^${CB.meetProposeDay}(\\d{1,9}):(\\d{4}-\\d{2}-\\d{2})$`), async (ctx) => {
    const found = await ownedRequest(ctx, Number(ctx.match[1]));
    if (!found) return;
    await ctx.answerCbQuery();
    return showProposal(ctx, found.mission, found.meeting, ctx.match[2], false);
  });

  feature.action(new RegExp(`^${CB.meetProposeBack}(\\d{1,9})$`), async (ctx) => {
    const found = await ownedRequest(ctx, Number(ctx.match[1]));
    if (!found) return;
    await ctx.answerCbQuery();
    const { meeting, mission } = found;
    return editTapped(ctx, ctx.t.matching.toExhibitor(meetingView(meeting, mission.timeZone, ctx.lang)), Markup.inlineKeyboard(requestKeyboard(ctx.t, meeting.id)));
  });

  feature.action(new RegExp(`^${CB.meetProposeSlot}(\\d{1,9}):(\\d{1,12})$`), async (ctx) => {
    const found = await ownedRequest(ctx, Number(ctx.match[1]));
    if (!found) return;
    const { meeting, mission } = found;
    const now = ctx.deps.now();
    const session = await ctx.deps.repos.matching.findSession(meeting.sessionId);
    const slotStart = new Date(Number(ctx.match[2]) * 60_000);
    const day = session ? sessionSlotDay(session, slotStart, mission.timeZone) : undefined;
    if (!session || day === undefined || slotStart.getTime() <= now.getTime()) return ctx.answerCbQuery(ctx.t.common.staleButton);
    const buyerLang = await langOf(ctx, meeting.buyerId);
    const buyerT = catalogue(buyerLang);
    const result = await ctx.deps.repos.matching.propose(meeting.id, ctx.user.id, { slotStart, day }, session.tableCount, now, (m) => [
      text(
        m.buyerId,
        buyerT.matching.proposalForBuyer(meetingView(m, mission.timeZone, buyerLang), slotText(meeting.slotStart, mission, buyerLang), `${m.exhibitorName} (${m.ownerName})`).value,
        `meet:${m.id}:propose`,
        {
          reply_markup: {
            inline_keyboard: [
              [
                { text: buyerT.matching.confirmProposalButton, callback_data: `${CB.meetProposalConfirm}${m.id}` },
                { text: buyerT.matching.rejectProposalButton, callback_data: `${CB.meetProposalDecline}${m.id}` },
              ],
            ],
          },
        },
      ),
    ]);
    if (!result.ok) {
      if (result.reason === 'taken') {
        // Booked by someone else since the list was drawn: the slots still free, on the same message.
        await ctx.answerCbQuery(ctx.t.matching.proposeTakenToast);
        return showProposal(ctx, mission, meeting, day, true);
      }
      if (result.reason === 'wrong_state') return ctx.answerCbQuery(ctx.t.matching.alreadyAnswered(result.meeting.status));
      if (result.reason === 'not_found') return ctx.answerCbQuery(ctx.t.matching.notFound);
      return ctx.answerCbQuery(ctx.t.matching.notParty, { show_alert: true });
    }
    ctx.log.info({ meetingId: meeting.id, slotStart: slotStart.toISOString() }, 'meeting slot proposed');
    await ctx.answerCbQuery(ctx.t.matching.proposedToast);
    return editTapped(ctx, ctx.t.matching.proposedByYou(meetingView(result.meeting, mission.timeZone, ctx.lang), slotText(meeting.slotStart, mission, ctx.lang)));
  });

  // The buyer answers a proposed slot, on its notice or from /jadwal (`:l`): confirm → accepted there, decline → declined and freed.
  feature.action(new RegExp(`^(${CB.meetProposalConfirm}|${CB.meetProposalDecline})(\\d{1,9})(:l)?$`), async (ctx) => {
    const confirm = ctx.match[1] === CB.meetProposalConfirm;
    const fromList = ctx.match[3] !== undefined;
    const id = Number(ctx.match[2]);
    const before = await ctx.deps.repos.matching.find(id);
    const mission = before ? await ctx.deps.repos.missions.findById(before.missionId) : undefined;
    if (!before || !mission) return ctx.answerCbQuery(ctx.t.matching.notFound);
    const ownerLang = await langOf(ctx, before.ownerId);
    const at = ctx.deps.now();
    const result = confirm
      ? await ctx.deps.repos.matching.confirmProposal(id, ctx.user.id, at, (m) => [
          ...confirmation(m, mission, { chatId: m.buyerId, lang: ctx.lang, other: `${m.exhibitorName} (${m.ownerName})`, side: 'b' }),
          ...confirmation(m, mission, { chatId: m.ownerId, lang: ownerLang, other: m.buyerName, side: 'x' }),
        ])
      : await ctx.deps.repos.matching.declineProposal(id, ctx.user.id, at, (m) => [
          text(m.ownerId, catalogue(ownerLang).matching.proposalDeclinedForExhibitor(meetingView(m, mission.timeZone, ownerLang)).value, `meet:${m.id}:propose:no`),
        ]);
    if (!result.ok) {
      if (result.reason === 'wrong_state') return ctx.answerCbQuery(ctx.t.matching.alreadyAnswered(result.meeting.status));
      if (result.reason === 'not_found') return ctx.answerCbQuery(ctx.t.matching.notFound);
      return ctx.answerCbQuery(ctx.t.matching.notParty, { show_alert: true });
    }
    ctx.log.info({ meetingId: id, status: result.meeting.status }, 'meeting proposal answered');
    await ctx.answerCbQuery(confirm ? ctx.t.matching.acceptedToast : ctx.t.matching.proposalDeclinedToast);
    const view = meetingView(result.meeting, mission.timeZone, ctx.lang);
    const answer = confirm ? ctx.t.matching.proposalConfirmedByYou(view) : ctx.t.matching.proposalDeclinedByYou(view);
    return fromList ? say(ctx, answer) : editTapped(ctx, answer);
  });

  feature.action(new RegExp(`^${CB.meetCancel}(\\d{1,9})$`), async (ctx) => {
    const id = Number(ctx.match[1]);
    const before = await ctx.deps.repos.matching.find(id);
    const mission = before ? await ctx.deps.repos.missions.findById(before.missionId) : undefined;
    if (!before || !mission) return ctx.answerCbQuery(ctx.t.matching.notFound);
    if (!canCancel(before.status, before.slotStart, ctx.deps.now()) && (before.buyerId === ctx.user.id || before.ownerId === ctx.user.id)) {
      return ctx.answerCbQuery(ctx.t.matching.alreadyAnswered(before.status));
    }
    const byBuyer = before.buyerId === ctx.user.id;
    const otherId = byBuyer ? before.ownerId : before.buyerId;
    const otherLang = await langOf(ctx, otherId);
    const result = await ctx.deps.repos.matching.cancel(id, ctx.user.id, ctx.deps.now(), (m) => [
      text(otherId, catalogue(otherLang).matching.cancelledByOther(meetingView(m, mission.timeZone, otherLang), byBuyer ? m.buyerName : m.exhibitorName).value, `meet:${m.id}:cancel`),
    ]);
    if (!result.ok) {
      if (result.reason === 'wrong_state') return ctx.answerCbQuery(ctx.t.matching.alreadyAnswered(result.meeting.status));
      if (result.reason === 'not_found') return ctx.answerCbQuery(ctx.t.matching.notFound);
      return ctx.answerCbQuery(ctx.t.matching.notParty, { show_alert: true });
    }
    ctx.log.info({ meetingId: id }, 'meeting cancelled');
    await ctx.answerCbQuery(ctx.t.matching.cancelledToast);
    return say(ctx, ctx.t.matching.cancelledByYou(meetingView(result.meeting, mission.timeZone, ctx.lang)));
  });

  feature.action(new RegExp(`^${CB.meetOutcome}(\\d{1,9}):([nfd])$`), async (ctx) => {
    const outcome = ({ n: 'NOT_INTERESTED', f: 'FOLLOW_UP', d: 'DEAL' } as const)[ctx.match[2] as 'n' | 'f' | 'd'];
    const result = await ctx.deps.repos.matching.setOutcome(Number(ctx.match[1]), ctx.user.id, outcome);
    if (!result.ok) {
      if (result.reason === 'wrong_state') return ctx.answerCbQuery(ctx.t.matching.alreadyAnswered(result.meeting.status));
      if (result.reason === 'not_found') return ctx.answerCbQuery(ctx.t.matching.notFound);
      return ctx.answerCbQuery(ctx.t.matching.notParty, { show_alert: true });
    }
    const meeting = result.meeting;
    ctx.log.info({ meetingId: meeting.id, outcome }, 'meeting outcome');
    await ctx.answerCbQuery(ctx.t.matching.outcomeSaved);
    await optional(ctx.log, 'remove buttons', () => ctx.editMessageReplyMarkup(undefined));
    if (outcome !== 'DEAL') return;
    if (meeting.ownerId !== ctx.user.id) return say(ctx, ctx.t.matching.dealBuyerThanks);
    const mission = await ctx.deps.repos.missions.findById(meeting.missionId);
    if (!mission) return;
    // The exhibitor reports the deal: its kind here, the amount next, then the usual one-tap confirmation.
    return say(
      ctx,
      ctx.t.matching.dealAskKind(meetingView(meeting, mission.timeZone, ctx.lang)),
      Markup.inlineKeyboard([
        Markup.button.callback(ctx.t.matching.dealKindButtons.ORDER, `${CB.meetDealKind}${meeting.id}:ORDER`),
        Markup.button.callback(ctx.t.matching.dealKindButtons.LOI, `${CB.meetDealKind}${meeting.id}:LOI`),
      ]),
    );
  });

  feature.action(new RegExp(`^${CB.meetDealKind}(\\d{1,9}):(ORDER|LOI)$`), async (ctx) => {
    const meeting = await ctx.deps.repos.matching.find(Number(ctx.match[1]));
    if (!meeting || meeting.ownerId !== ctx.user.id) return ctx.answerCbQuery(ctx.t.matching.notParty, { show_alert: true });
    await ctx.answerCbQuery();
    await optional(ctx.log, 'remove buttons', () => ctx.editMessageReplyMarkup(undefined));
    return ctx.scene.enter(SCENE.meetingDeal, { meetingId: meeting.id, kind: ctx.match[2], buyer: meeting.buyerName });
  });

  feature.command(names('jadwal'), requirePrivateChat, async (ctx) => {
    const standing = await standingOf(ctx);
    const mission = standing.mission;
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const now = ctx.deps.now();
    if (standing.official && ctx.payload.trim() !== '') {
      const day = parseLocalDate(ctx.payload, localDate(now, mission.timeZone));
      if (day.ok) return showPlan(ctx, mission, day.value);
    }
    const mine = await ctx.deps.repos.matching.mine(ctx.user.id, mission.id);
    // Upcoming first (soonest on top), then the ones already past (latest on top).
    const upcoming = mine.filter((m) => m.slotStart.getTime() > now.getTime());
    const past = mine.filter((m) => m.slotStart.getTime() <= now.getTime()).reverse();
    const ordered = [...upcoming, ...past];
    if (ordered.length > 0) {
      const rows: InlineKeyboardButton[][] = ordered
        .filter((m) => canCancel(m.status, m.slotStart, now))
        .map((m) => [
          // A proposed slot waits for the buyer: they can confirm it here too.
          ...(canConfirmProposal(m.status) && m.buyerId === ctx.user.id ? [Markup.button.callback(ctx.t.matching.confirmProposalFromSchedule(m.id), `${CB.meetProposalConfirm}${m.id}:l`)] : []),
          Markup.button.callback(ctx.t.matching.cancelButton(m.id), `${CB.meetCancel}${m.id}`),
        ]);
      await say(
        ctx,
        lines([
          ctx.t.matching.scheduleTitle,
          '',
          ...ordered.map((m) => ctx.t.matching.scheduleLine(meetingView(m, mission.timeZone, ctx.lang), m.buyerId === ctx.user.id ? `${m.exhibitorName} (${m.ownerName})` : m.buyerName)),
        ]),
        Markup.inlineKeyboard(rows),
      );
    } else if (!standing.official) {
      return say(ctx, ctx.t.matching.scheduleNone);
    }
    if (standing.official) return showPlan(ctx, mission, localDate(now, mission.timeZone));
  });

  return feature;
}

/** The days a buyer can still meet an exhibitor, one button per session day. */
export async function showDays(ctx: BotContext, mission: Mission, exhibitorId: number, how: 'new' | 'replace'): Promise<unknown> {
  const exhibitor = await ctx.deps.repos.exhibitors.findById(exhibitorId);
  if (!exhibitor || exhibitor.missionId !== mission.id) return say(ctx, ctx.t.matching.exhibitorGone);
  if (exhibitor.ownerId === ctx.user.id) return say(ctx, ctx.t.matching.ownBusiness);
  const sessions = await ctx.deps.repos.matching.sessions(mission.id);
  const now = ctx.deps.now();
  const buttons = sessions.flatMap((s) =>
    upcomingDays(s, now, mission.timeZone).map((day) => Markup.button.callback(formatDateId(day, ctx.lang), `${CB.meetDay}${exhibitor.id}:${s.id}:${day}`)),
  );
  if (buttons.length === 0) return say(ctx, ctx.t.matching.noSession);
  const text = ctx.t.matching.pickDay(exhibitor.name);
  const keyboard = Markup.inlineKeyboard(buttons.map((b) => [b]));
  return how === 'replace' ? editTapped(ctx, text, keyboard) : say(ctx, text, keyboard);
}

/** The free slots of a day: the exhibitor, the buyer and a table all free. */
async function showSlots(ctx: BotContext, mission: Mission, exhibitorId: number, sessionId: number, day: string, how: 'new' | 'replace'): Promise<unknown> {
  const [exhibitor, session] = await Promise.all([ctx.deps.repos.exhibitors.findById(exhibitorId), ctx.deps.repos.matching.findSession(sessionId)]);
  if (!exhibitor || !session || session.missionId !== mission.id || exhibitor.missionId !== mission.id) return say(ctx, ctx.t.matching.exhibitorGone);
  const claims = await ctx.deps.repos.matching.claims(session.id, localDayBounds(day, mission.timeZone));
  const free = freeSlots(session, day, mission.timeZone, { exhibitorId: exhibitor.id, buyerId: ctx.user.id }, claims, ctx.deps.now());
  const dayText = formatDateId(day, ctx.lang);
  if (free.length === 0) {
    const text = ctx.t.matching.noSlot(exhibitor.name, dayText);
    return how === 'replace' ? editTapped(ctx, text) : say(ctx, text);
  }
  const buttons = free.map((slot) => Markup.button.callback(slot.time, `${CB.meetSlot}${exhibitor.id}:${session.id}:${slot.slotStart.getTime() / 60_000}`));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += SLOT_BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + SLOT_BUTTONS_PER_ROW));
  const text = ctx.t.matching.pickSlot(exhibitor.name, dayText);
  return how === 'replace' ? editTapped(ctx, text, Markup.inlineKeyboard(rows)) : say(ctx, text, Markup.inlineKeyboard(rows));
}

/**
 * The meeting and its mission when the tapping user owns its exhibitor and
 * the request is still unanswered; otherwise the tap is answered (not
 * found, not a party, already answered) and undefined returned.
 */
async function ownedRequest(ctx: BotContext, id: number): Promise<{ meeting: MeetingRecord; mission: Mission } | undefined> {
  const meeting = await ctx.deps.repos.matching.find(id);
  const mission = meeting ? await ctx.deps.repos.missions.findById(meeting.missionId) : undefined;
  if (!meeting || !mission) {
    await ctx.answerCbQuery(ctx.t.matching.notFound);
    return undefined;
  }
  if (meeting.ownerId !== ctx.user.id) {
    await ctx.answerCbQuery(ctx.t.matching.notParty, { show_alert: true });
    return undefined;
  }
  if (!canAnswer(meeting.status)) {
    await ctx.answerCbQuery(ctx.t.matching.alreadyAnswered(meeting.status));
    return undefined;
  }
  return { meeting, mission };
}

/**
 * The exhibitor's choice of another slot, drawn on the tapped request: the
 * session's upcoming days that still have a slot where the exhibitor, the
 * buyer and a table are free (one day goes straight to its times), then a
 * day's times. `taken` says the slot just tapped was booked meanwhile.
 */
async function showProposal(ctx: BotContext, mission: Mission, meeting: MeetingRecord, day: string | undefined, taken: boolean): Promise<unknown> {
  const view = meetingView(meeting, mission.timeZone, ctx.lang);
  const back = Markup.button.callback(ctx.t.matching.backButton, `${CB.meetProposeBack}${meeting.id}`);
  const lead: (SafeHtml | string)[] = taken ? [ctx.t.matching.proposeTaken, ''] : [];
  const session = await ctx.deps.repos.matching.findSession(meeting.sessionId);
  const now = ctx.deps.now();
  const upcoming = session ? upcomingDays(session, now, mission.timeZone) : [];
  const first = upcoming[0];
  const last = upcoming.at(-1);
  let days: ReturnType<typeof proposalDays> = [];
  if (session && first !== undefined && last !== undefined) {
    const claims = await ctx.deps.repos.matching.claims(session.id, { start: localDayBounds(first, mission.timeZone).start, end: localDayBounds(last, mission.timeZone).end });
    days = proposalDays(session, mission.timeZone, meeting, claims, now);
  }
  if (days.length === 0) return editTapped(ctx, lines([...lead, ctx.t.matching.proposeNoSlot(view)]), Markup.inlineKeyboard([[back]]));
  const chosen = days.find((d) => d.day === day) ?? (days.length === 1 ? days[0] : undefined);
  if (!chosen) {
    const rows = days.map((d) => [Markup.button.callback(ctx.t.matching.proposeDayButton(formatDateId(d.day, ctx.lang), d.slots.length), `${CB.meetProposeDay}${meeting.id}:${d.day}`)]);
    return editTapped(ctx, lines([...lead, ctx.t.matching.proposePickDay(view)]), Markup.inlineKeyboard([...rows, [back]]));
  }
  const buttons = chosen.slots.map((slot) => Markup.button.callback(slot.time, `${CB.meetProposeSlot}${meeting.id}:${slot.slotStart.getTime() / 60_000}`));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += SLOT_BUTTONS_PER_ROW) rows.push(buttons.slice(i, i + SLOT_BUTTONS_PER_ROW));
  const nav = days.length > 1 ? [Markup.button.callback(ctx.t.matching.otherDayButton, `${CB.meetPropose}${meeting.id}`), back] : [back];
  return editTapped(ctx, lines([...lead, ctx.t.matching.proposePickSlot(view, formatDateId(chosen.day, ctx.lang))]), Markup.inlineKeyboard([...rows, nav]));
}

/** The deal's amount; then the report is offered as the usual draft, buyer and kind filled in, for one tap. */
export function createMeetingDealScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.meetingDeal,
    async (ctx) => {
      const state = ctx.wizard.state as { buyer?: string };
      await say(ctx, ctx.t.matching.dealAskAmount(state.buyer ?? ''), cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const state = ctx.wizard.state as { meetingId?: number; kind?: 'ORDER' | 'LOI' };
      const typed = await expectText(ctx, await readInput(ctx));
      if (typed === undefined) return;
      const amount = parseRupiah(typed);
      if (!amount.ok) return say(ctx, ctx.t.matching.dealBadAmount);
      await ctx.scene.leave();
      const meeting = state.meetingId === undefined ? undefined : await ctx.deps.repos.matching.find(state.meetingId);
      const mission = meeting ? await ctx.deps.repos.missions.findById(meeting.missionId) : undefined;
      const exhibitor = meeting ? await ctx.deps.repos.exhibitors.findById(meeting.exhibitorId) : undefined;
      if (!meeting || !mission || !exhibitor || meeting.ownerId !== ctx.user.id) return say(ctx, ctx.t.matching.exhibitorGone);
      return offerSaleDraft(ctx, {
        sourceUpdateId: ctx.update.update_id,
        missionId: mission.id,
        exhibitorId: exhibitor.id,
        amount: amount.value.toString(),
        kind: state.kind ?? 'ORDER',
        direction: defaultDirection(exhibitor.province, mission.originProvince),
        productText: null,
        quantity: null,
        unit: null,
        buyerName: meeting.buyerName,
        meetingId: meeting.id,
      });
    },
  );
}

interface NoteState {
  exhibitorId?: number;
  sessionId?: number;
  slotStart?: number;
  day?: string;
  exhibitorName?: string;
}

/** The buyer's note for the meeting, then the request itself. */
export function createMeetingNoteScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.meetingNote,
    async (ctx) => {
      const state = ctx.wizard.state as NoteState;
      const mission = await ctx.activeMission();
      if (!mission || state.slotStart === undefined) return ctx.scene.leave();
      const time = `${slotTime(new Date(state.slotStart), mission.timeZone)} ${zoneLabel(mission.timeZone)}`;
      await say(ctx, ctx.t.matching.askNote(state.exhibitorName ?? '', formatDateId(state.day ?? '', ctx.lang), time), cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const state = ctx.wizard.state as NoteState;
      const typed = await expectText(ctx, await readInput(ctx));
      if (typed === undefined) return;
      const note = validateMeetingNote(typed);
      if (!note.ok) return say(ctx, note.reason === 'too_short' ? ctx.t.matching.noteTooShort : ctx.t.matching.noteTooLong);
      await ctx.scene.leave();
      const mission = await ctx.activeMission();
      const session = state.sessionId === undefined ? undefined : await ctx.deps.repos.matching.findSession(state.sessionId);
      const exhibitor = state.exhibitorId === undefined ? undefined : await ctx.deps.repos.exhibitors.findById(state.exhibitorId);
      if (!mission || !session || !exhibitor || state.slotStart === undefined || state.day === undefined) return say(ctx, ctx.t.matching.exhibitorGone);
      const ownerLang = await langOf(ctx, exhibitor.ownerId);
      const ownerT: Catalogue = catalogue(ownerLang);
      const result = await ctx.deps.repos.matching.request(
        { sessionId: session.id, missionId: mission.id, day: state.day, slotStart: new Date(state.slotStart), buyerId: ctx.user.id, exhibitorId: exhibitor.id, note: note.value, at: ctx.deps.now() },
        session.tableCount,
        (m) => [
          text(m.ownerId, ownerT.matching.toExhibitor(meetingView(m, mission.timeZone, ownerLang)).value, `meet:${m.id}:req`, {
            reply_markup: { inline_keyboard: requestKeyboard(ownerT, m.id) },
          }),
        ],
      );
      if (!result.ok) {
        // Someone else took it while the note was typed: the slots still free, at once.
        await say(ctx, ctx.t.matching.slotTaken);
        return showSlots(ctx, mission, exhibitor.id, session.id, state.day, 'new');
      }
      ctx.log.info({ meetingId: result.meeting.id }, 'meeting requested');
      return say(ctx, ctx.t.matching.requested(meetingView(result.meeting, mission.timeZone, ctx.lang)));
    },
  );
}
