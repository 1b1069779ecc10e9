import { meetingFiguresView, provinceName, realisationView } from '../views/presenters.js';
import type { RealisationSummary } from '../domain/follow-ups.js';
import type { MeetingFigures } from '../domain/matching.js';
import type { Repositories } from '../db/repositories/index.js';
import type { Category } from '../domain/categories.js';
import { buildDigest, cumulativeSplit, MAX_CAPTION_LENGTH, splitMessage, type Digest, type KindSplit } from '../domain/digest.js';
import type { Lang, Mission } from '../domain/entities.js';
import { formatRupiahCompact } from '../domain/money.js';
import { formatPercent, progressBar } from '../domain/progress.js';
import { formatShare } from '../domain/share.js';
import { daysBetween, formatDateId, localDate } from '../domain/time.js';
import { catalogue, type Catalogue, type SafeHtml } from '../i18n/index.js';
import type { DigestView } from '../i18n/messages/digest.js';
import type { Logger } from '../logger.js';
import { describeError } from '../telegram/errors.js';
import type { OutboxMessageInput, OutboxPurpose } from '../db/outbox-enqueue.js';

/** A digest ready to send: its text, a short caption for the chart, and the chart (null if it could not be drawn). */
export interface DigestContent {
  localDate: string;
  text: SafeHtml;
  caption: SafeHtml;
  chart: Buffer | null;
}

type DigestRepos = Pick<Repositories, 'sales' | 'digests' | 'followUps' | 'matching'>;

/** Gathers a mission's figures for its local day at `now` and computes the digest. */
export async function gatherDigest(
  repos: DigestRepos,
  mission: Mission,
  now: Date,
): Promise<{ today: string; digest: Digest; realisation: RealisationSummary; meetings: MeetingFigures | undefined; split: ({ date: string } & KindSplit)[] }> {
  const today = localDate(now, mission.timeZone);
  const [totals, exhibitorsToday, exhibitors, dailyAmounts, previous, yearToDate, realisation, meetings] = await Promise.all([
    repos.sales.totals(mission.id, today),
    repos.digests.exhibitorsReporting(mission.id, today),
    repos.digests.sumsByExhibitor(mission.id),
    repos.digests.sumsByDay(mission.id),
    repos.digests.previousMission(mission),
    repos.digests.yearToDate(mission.originProvince, today),
    repos.followUps.summary(mission.id),
    // Undefined unless the mission runs business matching.
    repos.matching.figures(mission.id),
  ]);
  const digest = buildDigest({
    target: mission.targetAmount,
    startDate: mission.startDate,
    endDate: mission.endDate,
    today,
    totals,
    exhibitorsToday,
    exhibitors,
    dailyAmounts,
    previous,
    yearToDate,
  });
  return { today, digest, realisation, meetings, split: cumulativeSplit(dailyAmounts, mission.startDate, mission.endDate, today) };
}

function categoryLabel(t: Catalogue, category: string): string {
  return (t.categories as Record<string, string>)[category as Category] ?? category;
}

/** The digest's figures formatted for the catalogue. */
export function digestView(mission: Mission, digest: Digest, today: string, lang: Lang, realisation?: RealisationSummary, meetings?: MeetingFigures): DigestView {
  const t = catalogue(lang);
  const money = (amount: bigint) => formatRupiahCompact(amount, lang);
  const p = digest.progress;
  const phase = today < mission.startDate ? 'before' : today > mission.endDate ? 'after' : 'during';
  return {
    mission: mission.name,
    place: `${mission.city}, ${provinceName(mission.hostProvince)}`,
    date: formatDateId(today, lang),
    phase,
    dayNumber: digest.dayNumber,
    totalDays: p.totalDays,
    startsIn: phase === 'before' ? daysBetween(today, mission.startDate) : 0,
    today: money(digest.todayTotal),
    todayCount: digest.todayCount,
    exhibitorsToday: digest.exhibitorsToday,
    total: money(p.total),
    target: mission.targetAmount > 0n ? money(mission.targetAmount) : null,
    bar: progressBar(p.percentBasis),
    percent: formatShare(p.total, mission.targetAmount, lang),
    realised: money(p.realised),
    committed: money(p.committed),
    realisation: realisationView(realisation, lang),
    meetings: meetingFiguresView(meetings, lang),
    investment: money(p.investment),
    sell: money(p.sell),
    buy: money(p.buy),
    reportCount: p.reportCount,
    daysLeft: p.daysLeft,
    reached: p.reached,
    neededPerDay: money(p.requiredDailyRate),
    projected: p.projectedTotal > 0n ? money(p.projectedTotal) : null,
    topCategories: digest.topCategories.map((c) => ({ label: categoryLabel(t, c.category), amount: money(c.amount) })),
    topExhibitors: digest.topExhibitors.map((e) => ({ name: e.name, amount: money(e.amount) })),
    previous: digest.previous
      ? {
          name: digest.previous.name,
          host: provinceName(digest.previous.hostProvince),
          total: money(digest.previous.total),
          ratio: formatPercent(digest.previous.ratioBasis, lang),
        }
      : null,
    yearToDate: {
      year: digest.yearToDate.year,
      province: provinceName(mission.originProvince),
      total: money(digest.yearToDate.total),
      missionCount: digest.yearToDate.missionCount,
    },
  };
}

/**
 * The whole digest of a mission at `now` in one language: text, caption and
 * chart. A chart that fails to render is logged and left out; the figures
 * still go out.
 */
export async function composeDigest(repos: DigestRepos, mission: Mission, now: Date, lang: Lang, logger: Logger): Promise<DigestContent> {
  const t = catalogue(lang);
  const { today, digest, realisation, meetings, split } = await gatherDigest(repos, mission, now);
  const text = t.digest.message(digestView(mission, digest, today, lang, realisation, meetings));
  let chart: Buffer | null = null;
  try {
    // vega and resvg cost about 100 MiB and a second at start: loaded with the first digest.
    const { renderDigestChart } = await import('../charts/digest-chart.js');
    chart = await renderDigestChart({
      title: t.digest.chartTitle(mission.name),
      lang,
      target: mission.targetAmount,
      startDate: mission.startDate,
      endDate: mission.endDate,
      date: today,
      days: split,
      categories: digest.categories.map((c) => ({ label: categoryLabel(t, c.category), amount: c.amount })),
    });
  } catch (error) {
    logger.error({ err: describeError(error), missionId: mission.id }, 'digest chart failed; sending the text only');
  }
  return { localDate: today, text, caption: t.digest.caption(mission.name, formatDateId(today, lang)), chart };
}

/**
 * The Telegram messages of a digest, in order: the chart with the whole text
 * as its caption when that fits in a caption (1,024 characters), else the
 * chart with a short caption followed by the text, split at line boundaries
 * into messages of at most 4,096 characters. The first message carries
 * `dedupeKey`, the others `dedupeKey:<n>`. An optional URL button (the live
 * board) goes under the last one.
 */
export function digestMessages(
  content: DigestContent,
  chatId: bigint,
  purpose: OutboxPurpose,
  dedupeKey?: string,
  button?: { text: string; url: string },
): OutboxMessageInput[] {
  const key = (index: number) => (dedupeKey === undefined ? {} : { dedupeKey: index === 0 ? dedupeKey : `${dedupeKey}:${index}` });
  const html = { parse_mode: 'HTML' };
  const messages: Omit<OutboxMessageInput, 'dedupeKey'>[] = [];
  const fitsCaption = content.text.value.length <= MAX_CAPTION_LENGTH;
  if (content.chart) {
    messages.push({
      chatId,
      purpose,
      method: 'sendPhoto',
      payload: {
        photo: { base64: content.chart.toString('base64'), filename: `ringkasan-${content.localDate}.png` },
        caption: fitsCaption ? content.text.value : content.caption.value,
        ...html,
      },
    });
  }
  if (!content.chart || !fitsCaption) {
    for (const part of splitMessage(content.text.value)) {
      messages.push({ chatId, purpose, method: 'sendMessage', payload: { text: part, ...html, link_preview_options: { is_disabled: true } } });
    }
  }
  // The board's URL button goes under the last message, where the reader ends up.
  const last = messages[messages.length - 1];
  if (button && last) last.payload = { ...last.payload, reply_markup: { inline_keyboard: [[button]] } };
  return messages.map((message, index) => ({ ...message, ...key(index) }));
}
