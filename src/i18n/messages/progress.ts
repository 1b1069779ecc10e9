import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';
import type { ProgressView } from '../views.js';
import { plural } from '../plural.js';
import { matching } from './matching.js';

/** /progres. */
export const progress = bilingual({
  id: {
    message: (p: ProgressView) =>
      lines([
        html`📊 <b>Progres ${p.mission}</b>`,
        html`${p.place} · ${p.dates}`,
        '',
        html`Total: <b>${p.total}</b> dari target ${p.target}`,
        html`<code>${p.bar}</code> ${p.percent}`,
        html`Hari ini: ${p.today} (${p.todayCount} transaksi)`,
        '',
        html`💵 Terealisasi (tunai): ${p.realised}`,
        html`📝 Komitmen (pesanan + LoI): ${p.committed}`,
        html`🏗 Investasi: ${p.investment}`,
        html`↔️ Jual ${p.sell} · Beli ${p.buy}`,
        html`✔️ Terverifikasi: ${p.verified}${p.verifiedShare ? html` (${p.verifiedShare} dari total)` : ''}`,
        p.realisation && html`🔁 Realisasi komitmen (${p.realisation.answered} ditindaklanjuti): ${p.realisation.realised} dari ${p.realisation.committed} (${p.realisation.percent})`,
        p.meetings && matching.id.figures(p.meetings),
        '',
        html`${p.reportCount} laporan dari ${p.exhibitorCount} peserta`,
        p.phase === 'before'
          ? html`⏳ Misi dimulai ${p.startsIn} hari lagi.`
          : p.phase === 'after'
            ? html`🏁 Misi sudah selesai.`
            : p.reached
              ? html`🎉 Target tercapai! Sisa ${p.daysLeft} hari.`
              : html`⏳ Sisa ${p.daysLeft} hari · perlu ${p.neededPerDay}/hari untuk mencapai target`,
        p.projected && p.phase === 'during' && html`📈 Proyeksi akhir dengan laju sekarang: ${p.projected}`,
      ]),
  },
  en: {
    message: (p) =>
      lines([
        html`📊 <b>Progress of ${p.mission}</b>`,
        html`${p.place} · ${p.dates}`,
        '',
        html`Total: <b>${p.total}</b> of the ${p.target} target`,
        html`<code>${p.bar}</code> ${p.percent}`,
        html`Today: ${p.today} (${plural(p.todayCount, 'transaction', 'transactions')})`,
        '',
        html`💵 Realised (retail): ${p.realised}`,
        html`📝 Committed (orders + LoI): ${p.committed}`,
        html`🏗 Investment: ${p.investment}`,
        html`↔️ Sell ${p.sell} · Buy ${p.buy}`,
        html`✔️ Verified: ${p.verified}${p.verifiedShare ? html` (${p.verifiedShare} of the total)` : ''}`,
        p.realisation && html`🔁 Commitments realised (${p.realisation.answered} followed up): ${p.realisation.realised} of ${p.realisation.committed} (${p.realisation.percent})`,
        p.meetings && matching.en.figures(p.meetings),
        '',
        html`${plural(p.reportCount, 'report', 'reports')} from ${plural(p.exhibitorCount, 'exhibitor', 'exhibitors')}`,
        p.phase === 'before'
          ? html`⏳ The mission starts in ${plural(p.startsIn, 'day', 'days')}.`
          : p.phase === 'after'
            ? html`🏁 The mission has ended.`
            : p.reached
              ? html`🎉 Target reached! ${plural(p.daysLeft, 'day', 'days')} left.`
              : html`⏳ ${plural(p.daysLeft, 'day', 'days')} left · ${p.neededPerDay}/day needed to reach the target`,
        p.projected && p.phase === 'during' && html`📈 Projected final figure at the current rate: ${p.projected}`,
      ]),
  },
});
