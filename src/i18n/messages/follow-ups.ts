import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';

/** A followed-up commitment, formatted for the question. */
export interface FollowUpView {
  days: number;
  kind: 'ORDER' | 'LOI';
  amount: string;
  date: string;
  mission: string;
  product: string | null;
  buyer: string | null;
}


const KIND_ID = { ORDER: 'Pesanan/kontrak', LOI: 'LoI/MoU' } as const;
const KIND_EN = { ORDER: 'Order/contract', LOI: 'LoI/MoU' } as const;

/** The 30- and 90-day follow-up of orders and LoIs. */
export const followUps = bilingual({
  id: {
    question: (v: FollowUpView) =>
      lines([
        html`📝 <b>Tindak lanjut ${v.days} hari</b> — ${v.mission}`,
        html`${KIND_ID[v.kind]} <b>${v.amount}</b> tanggal ${v.date}${v.product ? ` — ${v.product}` : ''}${v.buyer ? ` (pembeli: ${v.buyer})` : ''}.`,
        '',
        html`Apakah sudah terealisasi?`,
      ]),
    fullButton: '✅ Seluruhnya',
    partButton: '🔸 Sebagian',
    noneButton: '❌ Tidak sama sekali',
    askAmount: (committed: string) => html`Berapa yang sudah terealisasi? Paling banyak <b>${committed}</b>. Contoh: <i>250 jt</i>.`,
    badAmount: (reason: string) => html`${reason} Contoh: <i>250 jt</i>, <i>1,2 M</i>.`,
    tooMuch: (committed: string) => html`Itu lebih besar dari komitmennya. Ketik paling banyak ${committed}.`,
    recordedFull: (amount: string) => html`✅ Tercatat: terealisasi seluruhnya (${amount}). Terima kasih!`,
    recordedPartial: (realised: string, committed: string) => html`🔸 Tercatat: terealisasi ${realised} dari ${committed}. Terima kasih!`,
    recordedNone: html`Tercatat: belum/tidak terealisasi. Terima kasih atas kabarnya.`,
    answeredToast: 'Tercatat ✅',
    notYours: 'Ini bukan laporan usaha Anda.',
    voided: 'Laporan ini sudah dibatalkan.',
    notFound: 'Laporan ini tidak ditemukan.',
    voidedNote: html`Laporan ini tidak bisa ditindaklanjuti lagi (dibatalkan atau bukan milik usaha Anda). Tidak ada yang disimpan.`,
  },
  en: {
    question: (v) =>
      lines([
        html`📝 <b>${v.days}-day follow-up</b> — ${v.mission}`,
        html`${KIND_EN[v.kind]} <b>${v.amount}</b> of ${v.date}${v.product ? ` — ${v.product}` : ''}${v.buyer ? ` (buyer: ${v.buyer})` : ''}.`,
        '',
        html`Has it been realised?`,
      ]),
    fullButton: '✅ Fully',
    partButton: '🔸 Partly',
    noneButton: '❌ Not at all',
    askAmount: (committed) => html`How much has been realised? At most <b>${committed}</b>. Example: <i>250 jt</i>.`,
    badAmount: (reason) => html`${reason} Examples: <i>250 jt</i>, <i>1,2 M</i>.`,
    tooMuch: (committed) => html`That is more than the commitment. Type at most ${committed}.`,
    recordedFull: (amount) => html`✅ Recorded: fully realised (${amount}). Thank you!`,
    recordedPartial: (realised, committed) => html`🔸 Recorded: ${realised} of ${committed} realised. Thank you!`,
    recordedNone: html`Recorded: not realised. Thank you for letting us know.`,
    answeredToast: 'Recorded ✅',
    notYours: 'This is not a report of your business.',
    voided: 'This report has been voided.',
    notFound: 'This report was not found.',
    voidedNote: html`This report can no longer be followed up (voided, or not your business's). Nothing was saved.`,
  },
});
