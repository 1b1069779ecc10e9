import { bilingual } from '../bilingual.js';
import { html, lines, raw } from '../html.js';

/** /batal (/undo): voiding a sale report. Nothing is deleted; the report stays, marked void. */
export const saleVoid = bilingual({
  id: {
    pickTitle: lines([
      html`↩️ <b>Laporan mana yang mau dibatalkan?</b>`,
      html`<i>Laporan yang lebih dari 24 jam hanya bisa dibatalkan petugas.</i>`,
    ]),
    /** Button label: plain text, not HTML. */
    pickButton: (reportId: number, amount: string, product: string, time: string) =>
      `#${reportId} · ${amount}${product ? ` · ${product}` : ''} · ${time}`,
    none: html`Belum ada laporan Anda yang bisa dibatalkan.`,
    officialUsage: html`Ketik <code>/batal &lt;nomor laporan&gt;</code>, misalnya <code>/batal 12</code>. Nomornya ada di pesan "Tersimpan (laporan #12)" dan di /verifikasi.`,
    draftDiscarded: html`Laporan yang belum disimpan sudah saya batalkan. Untuk membatalkan laporan yang sudah tersimpan, kirim /batal lagi.`,
    notFound: (reportId: number) => html`Laporan #${reportId} tidak ada di misi ini.`,
    alreadyVoided: (reportId: number) => html`Laporan #${reportId} sudah dibatalkan sebelumnya. Tidak ada yang berubah.`,
    notYours: html`Laporan itu bukan milik usaha Anda — Anda hanya bisa membatalkan laporan sendiri. Tidak ada yang berubah.`,
    tooOld: (reportId: number) =>
      html`Laporan #${reportId} sudah lebih dari 24 jam, jadi hanya petugas misi yang bisa membatalkannya. Hubungi petugas dan sebutkan nomor laporan #${reportId}. Tidak ada yang berubah.`,
    askReason: (reportId: number, amount: string, product: string, exhibitor: string) =>
      lines([
        html`↩️ Membatalkan laporan <b>#${reportId}</b>: ${amount}${product ? raw(' — ') : ''}${product} (${exhibitor}).`,
        html`<b>Apa alasannya?</b> Tulis 3–200 karakter, misalnya <i>salah ketik nilai</i>.`,
      ]),
    reasonTooShort: html`Alasannya terlalu pendek — paling sedikit 3 karakter.`,
    reasonTooLong: html`Alasannya terlalu panjang — paling banyak 200 karakter.`,
    confirm: (reportId: number, amount: string, reason: string) =>
      lines([
        html`Batalkan laporan <b>#${reportId}</b> (${amount})?`,
        html`Alasan: <i>${reason}</i>`,
        html`<i>Laporan tetap tersimpan dengan tanda batal dan tidak dihitung lagi.</i>`,
      ]),
    confirmButton: '↩️ Ya, batalkan laporan ini',
    keepButton: '✖️ Tidak, biarkan tersimpan',
    kept: (reportId: number) => html`Baik, laporan <b>#${reportId}</b> tetap tersimpan dan tetap dihitung.`,
    done: (reportId: number, amount: string, total: string, percent: string) =>
      lines([
        html`↩️ Laporan <b>#${reportId}</b> (${amount}) dibatalkan dan tidak dihitung lagi.`,
        html`Total misi sekarang <b>${total}</b> (${percent} dari target).`,
      ]),
  },
  en: {
    pickTitle: lines([
      html`↩️ <b>Which report do you want to void?</b>`,
      html`<i>Reports older than 24 hours can only be voided by an official.</i>`,
    ]),
    pickButton: (reportId, amount, product, time) => `#${reportId} · ${amount}${product ? ` · ${product}` : ''} · ${time}`,
    none: html`You have no reports that could be voided.`,
    officialUsage: html`Type <code>/undo &lt;report number&gt;</code>, e.g. <code>/undo 12</code>. The number is in the "Saved (report #12)" message and in /verify.`,
    draftDiscarded: html`I cancelled the report that was not saved yet. To void a saved report, send /undo again.`,
    notFound: (reportId) => html`There is no report #${reportId} in this mission.`,
    alreadyVoided: (reportId) => html`Report #${reportId} was already voided. Nothing changed.`,
    notYours: html`That report is not your business's — you can only void your own reports. Nothing changed.`,
    tooOld: (reportId) =>
      html`Report #${reportId} is more than 24 hours old, so only a mission official can void it. Please contact an official and give the report number #${reportId}. Nothing changed.`,
    askReason: (reportId, amount, product, exhibitor) =>
      lines([
        html`↩️ Voiding report <b>#${reportId}</b>: ${amount}${product ? raw(' — ') : ''}${product} (${exhibitor}).`,
        html`<b>What is the reason?</b> Write 3–200 characters, e.g. <i>wrong amount typed</i>.`,
      ]),
    reasonTooShort: html`The reason is too short — at least 3 characters.`,
    reasonTooLong: html`The reason is too long — at most 200 characters.`,
    confirm: (reportId, amount, reason) =>
      lines([
        html`Void report <b>#${reportId}</b> (${amount})?`,
        html`Reason: <i>${reason}</i>`,
        html`<i>The report stays on record, marked void, and no longer counts.</i>`,
      ]),
    confirmButton: '↩️ Yes, void this report',
    keepButton: '✖️ No, keep it',
    kept: (reportId) => html`OK, report <b>#${reportId}</b> stays on record and still counts.`,
    done: (reportId, amount, total, percent) =>
      lines([
        html`↩️ Report <b>#${reportId}</b> (${amount}) is void and no longer counts.`,
        html`The mission total is now <b>${total}</b> (${percent} of the target).`,
      ]),
  },
});

/** /verifikasi (/verify): officials mark reports as checked. */
export const saleVerify = bilingual({
  id: {
    listTitle: (shown: number, total: number) =>
      html`✔️ <b>Laporan belum terverifikasi</b> (${shown} terbaru dari ${total}). Tekan ✔️ untuk memverifikasi, atau ketik <code>/verifikasi &lt;nomor&gt;</code>.`,
    listLine: (reportId: number, amount: string, product: string, exhibitor: string, time: string) =>
      html`#${reportId} · ${time} · <b>${amount}</b>${product ? raw(' · ') : ''}${product} · ${exhibitor}`,
    /** Button label: plain text. */
    button: (reportId: number, amount: string) => `✔️ #${reportId} ${amount}`,
    none: html`Semua laporan sudah terverifikasi. 👍`,
    usage: html`Ketik /verifikasi untuk daftar laporan yang belum terverifikasi, atau <code>/verifikasi 12</code> untuk laporan #12.`,
    done: (reportId: number, amount: string, exhibitor: string) => html`✔️ Laporan <b>#${reportId}</b> (${amount}, ${exhibitor}) terverifikasi.`,
    toast: (reportId: number) => `Laporan #${reportId} terverifikasi ✔️`,
    alreadyVerified: (reportId: number) => html`Laporan #${reportId} sudah terverifikasi sebelumnya. Tidak ada yang berubah.`,
    alreadyVerifiedToast: (reportId: number) => `Laporan #${reportId} sudah terverifikasi.`,
    voided: (reportId: number) => html`Laporan #${reportId} sudah dibatalkan, jadi tidak bisa diverifikasi.`,
    voidedToast: (reportId: number) => `Laporan #${reportId} sudah dibatalkan.`,
    notFound: (reportId: number) => html`Laporan #${reportId} tidak ada di misi ini.`,
    notFoundToast: (reportId: number) => `Laporan #${reportId} tidak ada di misi ini.`,
    officialOnlyToast: 'Khusus petugas misi.',
  },
  en: {
    listTitle: (shown, total) =>
      html`✔️ <b>Unverified reports</b> (newest ${shown} of ${total}). Tap ✔️ to verify one, or type <code>/verify &lt;number&gt;</code>.`,
    listLine: (reportId, amount, product, exhibitor, time) =>
      html`#${reportId} · ${time} · <b>${amount}</b>${product ? raw(' · ') : ''}${product} · ${exhibitor}`,
    button: (reportId, amount) => `✔️ #${reportId} ${amount}`,
    none: html`Every report is verified. 👍`,
    usage: html`Type /verify for the list of unverified reports, or <code>/verify 12</code> for report #12.`,
    done: (reportId, amount, exhibitor) => html`✔️ Report <b>#${reportId}</b> (${amount}, ${exhibitor}) is verified.`,
    toast: (reportId) => `Report #${reportId} verified ✔️`,
    alreadyVerified: (reportId) => html`Report #${reportId} was already verified. Nothing changed.`,
    alreadyVerifiedToast: (reportId) => `Report #${reportId} is already verified.`,
    voided: (reportId) => html`Report #${reportId} is void, so it cannot be verified.`,
    voidedToast: (reportId) => `Report #${reportId} is void.`,
    notFound: (reportId) => html`There is no report #${reportId} in this mission.`,
    notFoundToast: (reportId) => `There is no report #${reportId} in this mission.`,
    officialOnlyToast: 'For mission officials only.',
  },
});
