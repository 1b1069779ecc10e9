import { catalogue, resolveLang } from '../i18n/index.js';
import { CB } from '../views/callback-data.js';
import { meetingView } from '../views/meeting-views.js';
import type { Lang } from '../domain/entities.js';
import type { MeetingRecord } from '../db/repositories/matching.js';
import { notifyEnqueued, type OutboxMessageInput } from '../db/outbox-enqueue.js';
import type { PushJobDeps } from './reminders.js';

/**
 * One look at the accepted meetings at `now` (and those an official marked
 * held before anyone answered): each whose slot is over gets
 * the outcome question sent to both sides, once (outcomeAskedAt, set in the
 * same transaction as the enqueue, decides between ticks and processes).
 * Returns how many meetings were asked about.
 */
export async function meetingOutcomeTick(deps: PushJobDeps, now: Date): Promise<number> {
  const due = await deps.repos.matching.outcomeDue(now);
  let asked = 0;
  for (const meeting of due) {
    const mission = await deps.repos.missions.findById(meeting.missionId);
    if (!mission) continue;
    const [buyer, owner] = await Promise.all([deps.repos.users.findById(meeting.buyerId), deps.repos.users.findById(meeting.ownerId)]);
    const messages = [
      question(meeting, mission.timeZone, meeting.buyerId, resolveLang(buyer?.language ?? null, buyer?.languageCode), `${meeting.exhibitorName}`, 'b'),
      question(meeting, mission.timeZone, meeting.ownerId, resolveLang(owner?.language ?? null, owner?.languageCode), meeting.buyerName, 'x'),
    ];
    if (await deps.repos.matching.markOutcomeAsked(meeting.id, now, messages)) asked++;
  }
  if (asked > 0) {
    notifyEnqueued();
    deps.logger.info({ asked }, 'meeting outcomes asked');
  }
  return asked;
}

function question(meeting: MeetingRecord, timeZone: string, chatId: bigint, lang: Lang, other: string, side: 'b' | 'x'): OutboxMessageInput {
  const t = catalogue(lang);
  const button = (outcome: 'NOT_INTERESTED' | 'FOLLOW_UP' | 'DEAL', code: string) => ({ text: t.matching.outcomeButtons[outcome], callback_data: `${CB.meetOutcome}${meeting.id}:${code}` });
  return {
    chatId,
    purpose: 'notice',
    method: 'sendMessage',
    payload: {
      text: t.matching.outcomeQuestion(meetingView(meeting, timeZone, lang), other).value,
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: [[button('DEAL', 'd'), button('FOLLOW_UP', 'f')], [button('NOT_INTERESTED', 'n')]] },
    },
    dedupeKey: `meet:${meeting.id}:outcome:${side}`,
  };
}
