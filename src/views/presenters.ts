import type { Mission, MissionTotals } from '../domain/entities.js';
import { formatRupiah, formatRupiahCompact } from '../domain/money.js';
import { provinceByCode } from '../domain/provinces.js';
import { formatPercent, missionProgress, progressBar } from '../domain/progress.js';
import { formatShare } from '../domain/share.js';
import { daysBetween, formatDateId, timeZoneLabel } from '../domain/time.js';
import type { RealisationSummary } from '../domain/follow-ups.js';
import type { MeetingFigures } from '../domain/matching.js';
import type { Lang } from '../domain/entities.js';
import type { Catalogue } from '../i18n/index.js';
import type { MeetingFiguresView, MissionView, ProgressView, RealisationView } from '../i18n/views.js';

/** Domain records to the view models the catalogue words: formatting lives here, once. */

export function provinceName(code: string): string {
  return provinceByCode(code)?.name ?? code;
}

export function missionDates(mission: Pick<Mission, 'startDate' | 'endDate'>, lang: Lang): string {
  return mission.startDate === mission.endDate
    ? formatDateId(mission.startDate, lang)
    : `${formatDateId(mission.startDate, lang)} – ${formatDateId(mission.endDate, lang)}`;
}

export function missionView(mission: Omit<Mission, 'id' | 'status' | 'digestTime' | 'reminderTime' | 'registrationOpen'>, lang: Lang): MissionView {
  return {
    name: mission.name,
    origin: provinceName(mission.originProvince),
    host: provinceName(mission.hostProvince),
    city: mission.city,
    dates: missionDates(mission, lang),
    timeZone: timeZoneLabel(mission.timeZone) ?? mission.timeZone,
    target: formatRupiah(mission.targetAmount, lang),
  };
}


export function progressView(mission: Mission, totals: MissionTotals, today: string, lang: Lang, realisation?: RealisationSummary, meetings?: MeetingFigures): ProgressView {
  const progress = missionProgress(mission, totals, today);
  const money = (amount: bigint) => formatRupiahCompact(amount, lang);
  const phase = today < mission.startDate ? 'before' : today > mission.endDate ? 'after' : 'during';
  return {
    mission: mission.name,
    place: `${mission.city}, ${provinceName(mission.hostProvince)}`,
    dates: `${missionDates(mission, lang)} (${timeZoneLabel(mission.timeZone) ?? mission.timeZone})`,
    total: money(progress.total),
    target: money(mission.targetAmount),
    bar: progressBar(progress.percentBasis),
    percent: formatShare(progress.total, mission.targetAmount, lang),
    today: money(totals.todayTotal),
    todayCount: totals.todayCount,
    realised: money(progress.realised),
    committed: money(progress.committed),
    investment: money(progress.investment),
    sell: money(totals.byDirection.SELL),
    buy: money(totals.byDirection.BUY),
    verified: money(totals.verifiedTotal),
    verifiedShare: formatShare(totals.verifiedTotal, progress.total, lang),
    realisation: realisationView(realisation, lang),
    meetings: meetingFiguresView(meetings, lang),
    reportCount: totals.reportCount,
    exhibitorCount: totals.exhibitorCount,
    phase,
    startsIn: phase === 'before' ? daysBetween(today, mission.startDate) : 0,
    daysLeft: progress.daysLeft,
    reached: progress.reached,
    neededPerDay: money(progress.requiredDailyRate),
    projected: progress.projectedTotal > 0n ? money(progress.projectedTotal) : null,
  };
}

/**
 * Realised over committed of the answered follow-ups, for /progres and the
 * digest; nothing to show before the first answer.
 */
export function realisationView(realisation: RealisationSummary | undefined, lang: Lang): RealisationView | null {
  if (!realisation || realisation.answered === 0) return null;
  return {
    answered: realisation.answered,
    realised: formatRupiahCompact(realisation.realised, lang),
    committed: formatRupiahCompact(realisation.committed, lang),
    percent: formatPercent(realisation.rateBasis, lang),
  };
}

/** Business matching's line in /progres and the digest; nothing without a matching session. */
export function meetingFiguresView(figures: MeetingFigures | undefined, lang: Lang): MeetingFiguresView | null {
  if (!figures) return null;
  return { booked: figures.booked, held: figures.held, deals: figures.deals, dealAmount: formatRupiahCompact(figures.dealAmount, lang) };
}
