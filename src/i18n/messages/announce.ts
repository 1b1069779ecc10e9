import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';
import { plural } from '../plural.js';

/** Delivery figures of one announcement. */
export interface DeliveryView {
  total: number;
  sent: number;
  failed: number;
  queued: number;
  minutes: number;
}

/** /pengumuman: an official's message to every exhibitor, and the delivery report. */
export const announce = bilingual({
  id: {
    usage: html`Tulis pengumumannya setelah perintah, misalnya:\n<code>/pengumuman Besok pameran dibuka jam 08.00, mohon hadir 30 menit lebih awal.</code>`,
    tooLong: (max: number) => html`Pengumuman terlalu panjang — paling banyak ${max} karakter.`,
    noExhibitors: (mission: string) => html`Belum ada peserta terdaftar di <b>${mission}</b>, jadi belum ada yang bisa menerima pengumuman.`,
    preview: (mission: string, count: number, text: string) =>
      lines([html`📢 <b>Kirim pengumuman ini ke ${count} peserta ${mission}?</b>`, '', html`${text}`]),
    sendButton: '📤 Kirim',
    queued: (count: number) => html`📤 Pengumuman diantrekan untuk ${count} peserta. Saya kabari jumlah yang terkirim dan gagal setelah selesai.`,
    cancelled: html`Pengumuman dibatalkan. Tidak ada yang dikirim.`,
    expired: 'Draf pengumuman ini sudah tidak berlaku.',
    alreadySent: 'Pengumuman ini sudah dikirim.',
    message: (mission: string, text: string) => lines([html`📢 <b>Pengumuman petugas — ${mission}</b>`, '', html`${text}`]),
    done: (v: DeliveryView) => html`📢 Pengumuman selesai: ✅ ${v.sent} terkirim, ❌ ${v.failed} gagal (dari ${v.total} peserta).`,
    stillQueued: (v: DeliveryView) =>
      lines([
        html`📢 Status pengumuman setelah ${v.minutes} menit: ✅ ${v.sent} terkirim, ❌ ${v.failed} gagal, ⏳ ${v.queued} masih antre (dari ${v.total}).`,
        html`Pengirim pesan tampaknya belum berjalan atau sedang sibuk; sisanya terkirim begitu ia berjalan.`,
      ]),
  },
  en: {
    usage: html`Write the announcement after the command, for example:\n<code>/announce The exhibition opens at 08:00 tomorrow, please come 30 minutes early.</code>`,
    tooLong: (max) => html`The announcement is too long — at most ${max} characters.`,
    noExhibitors: (mission) => html`No exhibitors have registered in <b>${mission}</b> yet, so nobody can receive an announcement.`,
    preview: (mission, count, text) => lines([html`📢 <b>Send this announcement to ${plural(count, 'exhibitor', 'exhibitors')} of ${mission}?</b>`, '', html`${text}`]),
    sendButton: '📤 Send',
    queued: (count) => html`📤 The announcement is queued for ${plural(count, 'exhibitor', 'exhibitors')}. I will report how many were delivered and how many failed once done.`,
    cancelled: html`Announcement cancelled. Nothing was sent.`,
    expired: 'This announcement draft is no longer valid.',
    alreadySent: 'This announcement has already been sent.',
    message: (mission, text) => lines([html`📢 <b>Announcement from the officials — ${mission}</b>`, '', html`${text}`]),
    done: (v) => html`📢 Announcement done: ✅ ${v.sent} delivered, ❌ ${v.failed} failed (of ${plural(v.total, 'exhibitor', 'exhibitors')}).`,
    stillQueued: (v) =>
      lines([
        html`📢 Announcement status after ${plural(v.minutes, 'minute', 'minutes')}: ✅ ${v.sent} delivered, ❌ ${v.failed} failed, ⏳ ${v.queued} still queued (of ${v.total}).`,
        html`The message sender does not seem to be running, or is busy; the rest goes out as soon as it runs.`,
      ]),
  },
});
