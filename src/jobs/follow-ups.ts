import { followUpDedupeKey, followUpsDue, FOLLOW_UP_DAYS, type FollowUpReport } from '../domain/follow-ups.js';
import { formatRupiah } from '../domain/money.js';
import { formatDateId, localDate } from '../domain/time.js';
import type { Lang } from '../domain/entities.js';
import { catalogueFor } from '../views/admin-presenters.js';
import { CB } from '../views/callback-data.js';
import { resolveLang } from '../i18n/index.js';
import { notifyEnqueued, type OutboxMessageInput } from '../db/outbox-enqueue.js';
import type { PushJobDeps } from './reminders.js';

/**
 * One look at every open commitment at `now`: each ORDER or LOI that reached
 * 30 (then 90) days in its mission's local dates gets its question queued,
 * once (the report's followUpsSent and the dedupe key both guard it).
 * The scheduler calls it every minute; tests call it with their own clock.
 * Returns how many questions were queued.
 */
export async function followUpTick(deps: PushJobDeps, now: Date): Promise<number> {
  const candidates = await deps.repos.followUps.candidates(now);
  const due = followUpsDue(
    candidates.map((report) => ({ ...report, reportId: report.id })),
    now,
  );
  const byId = new Map(candidates.map((report) => [report.id, report]));
  let queued = 0;
  for (const { reportId, stage } of due) {
    const report = byId.get(reportId);
    if (!report) continue;
    const lang = resolveLang(report.owner.language, report.owner.languageCode);
    if (await deps.repos.followUps.markAsked(reportId, stage, followUpMessage(report, stage, lang))) queued++;
  }
  if (queued > 0) {
    notifyEnqueued();
    deps.logger.info({ queued }, 'follow-ups queued');
  }
  return queued;
}

/** The question with its three answer buttons, in the owner's language. */
export function followUpMessage(report: FollowUpReport & { owner: { language: Lang | null; languageCode: string | null } }, stage: number, lang: Lang): OutboxMessageInput {
  const t = catalogueFor({ language: lang, languageCode: report.owner.languageCode });
  const button = (text: string, answer: string) => ({ text, callback_data: `${CB.followUp}${answer}:${report.id}` });
  return {
    chatId: report.ownerId,
    purpose: 'followup',
    method: 'sendMessage',
    payload: {
      text: t.followUps.question({
        days: FOLLOW_UP_DAYS[stage - 1] ?? FOLLOW_UP_DAYS[0],
        kind: report.kind === 'LOI' ? 'LOI' : 'ORDER',
        amount: formatRupiah(report.amount, lang),
        date: formatDateId(localDate(report.createdAt, report.timeZone), lang),
        mission: report.missionName,
        product: report.product,
        buyer: report.buyerName,
      }).value,
      parse_mode: 'HTML',
      reply_markup: {
        inline_keyboard: [[button(t.followUps.fullButton, 'full'), button(t.followUps.partButton, 'part')], [button(t.followUps.noneButton, 'none')]],
      },
    },
    dedupeKey: followUpDedupeKey(report.id, stage),
  };
}
