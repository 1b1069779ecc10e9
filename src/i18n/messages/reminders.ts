import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';

/** The daily reminder to exhibitors and /pengingat. */
export const reminders = bilingual({
  id: {
    reminder: (name: string, business: string, mission: string) =>
      lines([
        html`⏰ Halo <b>${name}</b>, hari ini belum ada laporan penjualan dari <b>${business}</b> di ${mission}.`,
        html`Ada transaksi? Laporkan dalam satu pesan, misalnya <code>/lapor 1,5jt keripik tempe 30 pcs</code>.`,
        '',
        html`<i>Pengingat ini datang sekali sehari bila belum ada laporan. Tidak perlu? Tekan tombol di bawah; nyalakan lagi kapan saja dengan /pengingat on.</i>`,
      ]),
    stopButton: '🔕 Hentikan pengingat',
    startButton: '🔔 Nyalakan pengingat',
    turnedOff: html`🔕 Pengingat harian dimatikan. Nyalakan lagi kapan saja dengan /pengingat on.`,
    turnedOn: html`🔔 Pengingat harian dinyalakan: bila sampai jam pengingat misi belum ada laporan hari itu, saya ingatkan. Matikan dengan /pengingat off.`,
    offToast: 'Pengingat dimatikan 🔕',
    onToast: 'Pengingat dinyalakan 🔔',
    status: (on: boolean, time: string | null) =>
      lines([
        html`${on ? '🔔' : '🔕'} Pengingat harian Anda: <b>${on ? 'nyala' : 'mati'}</b>.`,
        time === null ? html`Petugas belum mengatur jam pengingat untuk misi ini.` : html`Jam pengingat misi: ${time}.`,
        html`Ubah dengan /pengingat on atau /pengingat off.`,
      ]),
    usage: html`Ketik <code>/pengingat on</code> untuk menyalakan atau <code>/pengingat off</code> untuk mematikan pengingat harian.`,
  },
  en: {
    reminder: (name, business, mission) =>
      lines([
        html`⏰ Hello <b>${name}</b>, there is no sale report from <b>${business}</b> at ${mission} today yet.`,
        html`Made a sale? Report it in one message, e.g. <code>/sale 1,5jt keripik tempe 30 pcs</code>.`,
        '',
        html`<i>This reminder comes once a day when nothing was reported. Not needed? Tap the button below; switch it on again any time with /reminders on.</i>`,
      ]),
    stopButton: '🔕 Stop reminders',
    startButton: '🔔 Switch reminders on',
    turnedOff: html`🔕 Daily reminders are off. Switch them on again any time with /reminders on.`,
    turnedOn: html`🔔 Daily reminders are on: if nothing was reported by the mission's reminder time, I will remind you. Switch them off with /reminders off.`,
    offToast: 'Reminders off 🔕',
    onToast: 'Reminders on 🔔',
    status: (on, time) =>
      lines([
        html`${on ? '🔔' : '🔕'} Your daily reminder: <b>${on ? 'on' : 'off'}</b>.`,
        time === null ? html`The officials have not set a reminder time for this mission.` : html`Mission reminder time: ${time}.`,
        html`Change it with /reminders on or /reminders off.`,
      ]),
    usage: html`Type <code>/reminders on</code> to switch the daily reminder on or <code>/reminders off</code> to switch it off.`,
  },
});
