import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';
import type { MeetingFiguresView, RealisationView } from '../views.js';
import { plural } from '../plural.js';
import { matching } from './matching.js';

/**
 * A digest with every figure already formatted (amounts, percentages, dates,
 * translated category labels), so both languages say the same facts.
 */
export interface DigestView {
  mission: string;
  place: string;
  /** The local day the digest is about, e.g. `26 Nov 2026`. */
  date: string;
  phase: 'before' | 'during' | 'after';
  dayNumber: number;
  totalDays: number;
  startsIn: number;
  today: string;
  todayCount: number;
  exhibitorsToday: number;
  total: string;
  /** Null when the mission has no target. */
  target: string | null;
  bar: string;
  percent: string;
  realised: string;
  committed: string;
  /** Follow-ups answered so far: realised of committed; null before the first answer. */
  realisation: RealisationView | null;
  /** Business matching's figures; absent or null when the mission has no matching session. */
  meetings?: MeetingFiguresView | null;
  investment: string;
  sell: string;
  buy: string;
  reportCount: number;
  daysLeft: number;
  reached: boolean;
  neededPerDay: string;
  projected: string | null;
  topCategories: { label: string; amount: string }[];
  topExhibitors: { name: string; amount: string }[];
  previous: { name: string; host: string; total: string; ratio: string } | null;
  yearToDate: { year: number; province: string; total: string; missionCount: number };
}

export interface MilestoneView {
  mission: string;
  percent: number;
  total: string;
  target: string;
}

/** The daily digest (also /ringkasan) and the milestone alert. */
export const digest = bilingual({
  id: {
    message: (d: DigestView) =>
      lines([
        html`📊 <b>Ringkasan harian · ${d.mission}</b>`,
        d.phase === 'during'
          ? html`${d.date} · hari ke-${d.dayNumber} dari ${d.totalDays} · ${d.place}`
          : html`${d.date} · ${d.place}`,
        '',
        html`Hari ini: <b>${d.today}</b> · ${d.todayCount} transaksi · ${d.exhibitorsToday} peserta melapor`,
        d.target === null ? html`Kumulatif: <b>${d.total}</b> (target belum ditetapkan)` : html`Kumulatif: <b>${d.total}</b> dari target ${d.target}`,
        d.target !== null && html`<code>${d.bar}</code> ${d.percent}`,
        '',
        html`💵 Terealisasi (tunai): ${d.realised}`,
        html`📝 Komitmen (pesanan + LoI): ${d.committed}`,
        d.realisation && html`🔁 Realisasi komitmen (${d.realisation.answered} ditindaklanjuti): ${d.realisation.realised} dari ${d.realisation.committed} (${d.realisation.percent})`,
        d.meetings && matching.id.figures(d.meetings),
        html`🏗 Investasi: ${d.investment}`,
        html`↔️ Jual ${d.sell} · Beli ${d.buy}`,
        '',
        d.phase === 'before'
          ? html`⏳ Misi dimulai ${d.startsIn} hari lagi.`
          : d.phase === 'after'
            ? html`🏁 Misi sudah selesai. Angka akhir: <b>${d.total}</b>.`
            : d.reached
              ? html`🎉 Target tercapai! Sisa ${d.daysLeft} hari.`
              : d.target === null
                ? html`⏳ Sisa ${d.daysLeft} hari.`
                : html`⏳ Sisa ${d.daysLeft} hari · perlu ${d.neededPerDay}/hari`,
        d.phase === 'during' && d.projected && html`📈 Proyeksi akhir dengan laju sekarang: ${d.projected}`,
        d.topCategories.length > 0 && '',
        d.topCategories.length > 0 && html`🏷 <b>Kategori teratas</b>`,
        ...d.topCategories.map((c, i) => html`${i + 1}. ${c.label} — ${c.amount}`),
        d.topExhibitors.length > 0 && '',
        d.topExhibitors.length > 0 && html`🏆 <b>Peserta teratas</b>`,
        ...d.topExhibitors.map((e, i) => html`${i + 1}. ${e.name} — ${e.amount}`),
        '',
        d.previous
          ? html`🔁 Misi sebelumnya (${d.previous.name}, ke ${d.previous.host}): ${d.previous.total} — sekarang ${d.previous.ratio} dari angka itu`
          : html`🔁 Belum ada misi sebelumnya dari ${d.yearToDate.province}.`,
        html`🗓 Total ${d.yearToDate.province} tahun ${d.yearToDate.year} s.d. hari ini: ${d.yearToDate.total} (${d.yearToDate.missionCount} misi)`,
      ]),
    caption: (mission: string, date: string) => html`📊 <b>Ringkasan ${mission}</b> · ${date}`,
    chartTitle: (mission: string) => `Ringkasan ${mission}`,
    milestone: (m: MilestoneView) =>
      m.percent >= 100
        ? html`🎉 <b>${m.mission}</b> mencapai <b>${m.percent}%</b> target! Total sekarang ${m.total} (target ${m.target}).`
        : html`🚩 <b>${m.mission}</b> melewati <b>${m.percent}%</b> target: ${m.total} dari ${m.target}.`,
  },
  en: {
    message: (d) =>
      lines([
        html`📊 <b>Daily digest · ${d.mission}</b>`,
        d.phase === 'during' ? html`${d.date} · day ${d.dayNumber} of ${d.totalDays} · ${d.place}` : html`${d.date} · ${d.place}`,
        '',
        html`Today: <b>${d.today}</b> · ${plural(d.todayCount, 'transaction', 'transactions')} · ${plural(d.exhibitorsToday, 'exhibitor', 'exhibitors')} reporting`,
        d.target === null ? html`Cumulative: <b>${d.total}</b> (no target set yet)` : html`Cumulative: <b>${d.total}</b> of the ${d.target} target`,
        d.target !== null && html`<code>${d.bar}</code> ${d.percent}`,
        '',
        html`💵 Realised (retail): ${d.realised}`,
        html`📝 Committed (orders + LoI): ${d.committed}`,
        d.realisation && html`🔁 Commitments realised (${d.realisation.answered} followed up): ${d.realisation.realised} of ${d.realisation.committed} (${d.realisation.percent})`,
        d.meetings && matching.en.figures(d.meetings),
        html`🏗 Investment: ${d.investment}`,
        html`↔️ Sell ${d.sell} · Buy ${d.buy}`,
        '',
        d.phase === 'before'
          ? html`⏳ The mission starts in ${plural(d.startsIn, 'day', 'days')}.`
          : d.phase === 'after'
            ? html`🏁 The mission has ended. Final figure: <b>${d.total}</b>.`
            : d.reached
              ? html`🎉 Target reached! ${plural(d.daysLeft, 'day', 'days')} left.`
              : d.target === null
                ? html`⏳ ${plural(d.daysLeft, 'day', 'days')} left.`
                : html`⏳ ${plural(d.daysLeft, 'day', 'days')} left · ${d.neededPerDay}/day needed`,
        d.phase === 'during' && d.projected && html`📈 Projected final figure at the current rate: ${d.projected}`,
        d.topCategories.length > 0 && '',
        d.topCategories.length > 0 && html`🏷 <b>Top categories</b>`,
        ...d.topCategories.map((c, i) => html`${i + 1}. ${c.label} — ${c.amount}`),
        d.topExhibitors.length > 0 && '',
        d.topExhibitors.length > 0 && html`🏆 <b>Top exhibitors</b>`,
        ...d.topExhibitors.map((e, i) => html`${i + 1}. ${e.name} — ${e.amount}`),
        '',
        d.previous
          ? html`🔁 Previous mission (${d.previous.name}, to ${d.previous.host}): ${d.previous.total} — now at ${d.previous.ratio} of that`
          : html`🔁 No earlier mission from ${d.yearToDate.province} yet.`,
        html`🗓 ${d.yearToDate.province} total for ${d.yearToDate.year} so far: ${d.yearToDate.total} (${plural(d.yearToDate.missionCount, 'mission', 'missions')})`,
      ]),
    caption: (mission, date) => html`📊 <b>Digest of ${mission}</b> · ${date}`,
    chartTitle: (mission) => `Digest of ${mission}`,
    milestone: (m) =>
      m.percent >= 100
        ? html`🎉 <b>${m.mission}</b> has reached <b>${m.percent}%</b> of its target! The total is now ${m.total} (target ${m.target}).`
        : html`🚩 <b>${m.mission}</b> has passed <b>${m.percent}%</b> of its target: ${m.total} of ${m.target}.`,
  },
});
