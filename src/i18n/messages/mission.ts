import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';
import type { MissionView } from '../views.js';

/** /misi: creating a mission. */
export const mission = bilingual({
  id: {
    intro: html`🗂 <b>Misi dagang baru</b>\nSaya akan menanyakan 8 hal. Ketik /batal kapan saja untuk berhenti.`,
    askName: html`1/8 · <b>Nama misi?</b>\nContoh: <i>Misi Dagang Jawa Timur – Banten</i>`,
    askOrigin: html`2/8 · <b>Provinsi asal</b> (yang berkunjung)? Ketik namanya, sebagian pun boleh, misalnya <i>Jatim</i>.`,
    askHost: html`3/8 · <b>Provinsi tuan rumah</b>?`,
    askCity: html`4/8 · <b>Kota</b> tempat pameran?`,
    askStart: html`5/8 · <b>Tanggal mulai</b>? Contoh: <i>26-11-2026</i>, <i>26 Nov</i>, <i>besok</i>.`,
    askEnd: html`6/8 · <b>Tanggal selesai</b>?`,
    askTimeZone: (suggested: string) => html`7/8 · <b>Zona waktu</b> misi? Untuk tuan rumah ini biasanya <b>${suggested}</b>.`,
    askTarget: html`8/8 · <b>Target transaksi</b>? Contoh: <i>3 M</i> atau <i>Rp3.000.000.000</i>.`,
    sameProvince: html`Provinsi tuan rumah harus berbeda dari provinsi asal.`,
    badDate: html`Tanggalnya tidak terbaca. Contoh: <i>26-11-2026</i>, <i>26/11</i>, <i>26 November 2026</i>.`,
    endBeforeStart: (start: string) => html`Tanggal selesai tidak boleh sebelum tanggal mulai (${start}).`,
    tooLongMission: html`Misi paling lama 60 hari. Periksa lagi tanggalnya.`,
    badTimeZone: html`Pilih WIB, WITA atau WIT dengan tombol di atas.`,
    badTarget: (reason: string) => html`${reason} Contoh: <i>3 M</i>, <i>500 jt</i>.`,
    summary: (m: MissionView) =>
      lines([
        html`🗂 <b>Periksa data misi</b>`,
        html`Nama: <b>${m.name}</b>`,
        html`Dari: ${m.origin} → ${m.host}`,
        html`Kota: ${m.city}`,
        html`Tanggal: ${m.dates} (${m.timeZone})`,
        html`Target: <b>${m.target}</b>`,
        '',
        html`Simpan dan jadikan misi aktif?`,
      ]),
    created: (name: string) =>
      html`✅ Misi <b>${name}</b> tersimpan dan sekarang aktif. Peserta bisa mendaftar dengan /daftar dan melapor dengan /lapor.`,
  },
  en: {
    intro: html`🗂 <b>New trade mission</b>\nI will ask 8 questions. Type /cancel at any time to stop.`,
    askName: html`1/8 · <b>Mission name?</b>\nExample: <i>Misi Dagang Jawa Timur – Banten</i>`,
    askOrigin: html`2/8 · <b>Origin province</b> (the visiting one)? Type its name, or part of it, e.g. <i>Jatim</i>.`,
    askHost: html`3/8 · <b>Host province</b>?`,
    askCity: html`4/8 · <b>City</b> of the exhibition?`,
    askStart: html`5/8 · <b>Start date</b>? Examples: <i>26-11-2026</i>, <i>26 Nov</i>, <i>tomorrow</i>.`,
    askEnd: html`6/8 · <b>End date</b>?`,
    askTimeZone: (suggested) => html`7/8 · <b>Time zone</b> of the mission? For this host it is usually <b>${suggested}</b>.`,
    askTarget: html`8/8 · <b>Transaction target</b>? Example: <i>3 M</i> or <i>Rp3.000.000.000</i>.`,
    sameProvince: html`The host province must differ from the origin province.`,
    badDate: html`I cannot read that date. Examples: <i>26-11-2026</i>, <i>26/11</i>, <i>26 November 2026</i>.`,
    endBeforeStart: (start) => html`The end date cannot be before the start date (${start}).`,
    tooLongMission: html`A mission lasts at most 60 days. Please check the dates.`,
    badTimeZone: html`Choose WIB, WITA or WIT with the buttons above.`,
    badTarget: (reason) => html`${reason} Examples: <i>3 M</i>, <i>500 jt</i>.`,
    summary: (m) =>
      lines([
        html`🗂 <b>Check the mission</b>`,
        html`Name: <b>${m.name}</b>`,
        html`From: ${m.origin} → ${m.host}`,
        html`City: ${m.city}`,
        html`Dates: ${m.dates} (${m.timeZone})`,
        html`Target: <b>${m.target}</b>`,
        '',
        html`Save it and make it the active mission?`,
      ]),
    created: (name) =>
      html`✅ Mission <b>${name}</b> is saved and active. Exhibitors can register with /register and report with /sale.`,
  },
});
