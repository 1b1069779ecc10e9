import { bilingual } from '../bilingual.js';
import { html, raw } from '../html.js';
import { plural } from '../plural.js';

/** /rekapku (/mysales): an exhibitor's own figures. Voided reports are left out. */
export const mySales = bilingual({
  id: {
    title: (exhibitor: string, mission: string) => html`📒 <b>Rekap penjualan ${exhibitor}</b>\n${mission}`,
    today: (date: string, total: string, count: number) => html`<b>Hari ini</b> (${date}): <b>${total}</b> · ${count} laporan`,
    mission: (total: string, count: number) => html`<b>Selama misi</b>: <b>${total}</b> · ${count} laporan`,
    kindLine: (kind: string, amount: string) => html`  • ${kind}: ${amount}`,
    latestTitle: (count: number) => html`<b>${count} laporan terakhir</b>:`,
    latestLine: (reportId: number, time: string, amount: string, product: string, kind: string, verified: boolean) =>
      html`#${reportId} · ${time} · ${amount}${product ? raw(' · ') : ''}${product} · ${kind}${verified ? ' ✔️' : ''}`,
    none: html`Belum ada laporan. Laporkan penjualan dengan /lapor, misalnya <code>/lapor 1,5jt keripik tempe 30 pcs</code>.`,
    verifiedHint: html`<i>✔️ = sudah diverifikasi petugas. Salah lapor? Batalkan dengan /batal.</i>`,
  },
  en: {
    title: (exhibitor, mission) => html`📒 <b>Sales summary of ${exhibitor}</b>\n${mission}`,
    today: (date, total, count) => html`<b>Today</b> (${date}): <b>${total}</b> · ${count} ${count === 1 ? 'report' : 'reports'}`,
    mission: (total, count) => html`<b>Whole mission</b>: <b>${total}</b> · ${count} ${count === 1 ? 'report' : 'reports'}`,
    kindLine: (kind, amount) => html`  • ${kind}: ${amount}`,
    latestTitle: (count) => html`<b>Latest ${plural(count, 'report', 'reports')}</b>:`,
    latestLine: (reportId, time, amount, product, kind, verified) =>
      html`#${reportId} · ${time} · ${amount}${product ? raw(' · ') : ''}${product} · ${kind}${verified ? ' ✔️' : ''}`,
    none: html`No reports yet. Report a sale with /sale, e.g. <code>/sale 1,5jt keripik tempe 30 pcs</code>.`,
    verifiedHint: html`<i>✔️ = verified by an official. Reported something wrong? Void it with /undo.</i>`,
  },
});
