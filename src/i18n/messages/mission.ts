import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';
import type { MissionView } from '../views.js';
import { missionName } from '../mission-name.js';

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
      html`✅ ${missionName(name, 'id', true)} tersimpan dan sekarang aktif. Peserta bisa mendaftar dengan /daftar dan melapor dengan /lapor.`,
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
      html`✅ ${missionName(name, 'en', true)} is saved and active. Exhibitors can register with /register and report with /sale.`,
  },
});

/** One mission in the /misi list, already formatted. */
export interface MissionListItemView {
  status: 'ACTIVE' | 'DRAFT' | 'CLOSED';
  name: string;
  place: string;
  dates: string;
  target: string;
}

/** The active mission's editable fields, formatted, for the edit menu. */
export interface MissionFieldsView {
  name: string;
  city: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  digestTime: string;
  reminderTime: string | null;
  registrationOpen: boolean;
}

const STATUS_ICON = { ACTIVE: '🟢', DRAFT: '📝', CLOSED: '🔒' } as const;
const STATUS_WORD = {
  id: { ACTIVE: 'aktif', DRAFT: 'draf', CLOSED: 'ditutup' },
  en: { ACTIVE: 'active', DRAFT: 'draft', CLOSED: 'closed' },
} as const;

/** /misi for officials: the menu, the list, editing the active mission, switching it and closing it. */
export const missionAdmin = bilingual({
  id: {
    menu: (active: string | undefined) =>
      lines([
        html`🗂 <b>Misi dagang</b>`,
        active ? html`Misi aktif: <b>${active}</b>` : html`Belum ada misi aktif.`,
        '',
        html`Pilih yang ingin dilakukan:`,
      ]),
    newButton: '➕ Buat misi baru',
    listButton: '📋 Daftar misi',
    editButton: '✏️ Ubah misi aktif',
    switchButton: '🔁 Ganti misi aktif',
    closeButton: '🔒 Tutup misi aktif',
    officialOnlyTap: 'Tombol ini khusus petugas misi.',
    statusLabel: STATUS_WORD.id as Record<'ACTIVE' | 'DRAFT' | 'CLOSED', string>,
    listTitle: (count: number) => html`📋 <b>Semua misi (${count})</b>`,
    listLine: (m: MissionListItemView) =>
      html`${STATUS_ICON[m.status]} <b>${m.name}</b> — ${m.place}, ${m.dates} · target ${m.target} · ${STATUS_WORD.id[m.status]}`,
    listMore: (count: number) => html`… dan ${count} misi lainnya.`,
    noMissions: html`Belum ada misi. Buat dengan /misi → ➕ Buat misi baru.`,
    editMenu: (f: MissionFieldsView) =>
      lines([
        html`✏️ <b>Ubah misi aktif</b>`,
        html`Nama: <b>${f.name}</b>`,
        html`Kota: ${f.city}`,
        html`Tanggal: ${f.startDate} – ${f.endDate} (${f.timeZone})`,
        html`Ringkasan harian: jam ${f.digestTime}`,
        html`Pengingat peserta: ${f.reminderTime === null ? 'mati' : `jam ${f.reminderTime}`}`,
        html`Pendaftaran: ${f.registrationOpen ? 'dibuka' : 'ditutup (hanya lewat undangan)'}`,
        '',
        html`Pilih yang ingin diubah:`,
      ]),
    fields: {
      name: 'Nama',
      city: 'Kota',
      startDate: 'Tanggal mulai',
      endDate: 'Tanggal selesai',
      timeZone: 'Zona waktu',
      digestTime: 'Jam ringkasan',
      reminderTime: 'Jam pengingat',
      registrationOpen: 'Pendaftaran',
    },
    ask: {
      name: (current: string) => html`Nama misi sekarang: <b>${current}</b>\nKetik nama baru (3–100 karakter).`,
      city: (current: string) => html`Kota sekarang: <b>${current}</b>\nKetik kota baru.`,
      startDate: (current: string) => html`Tanggal mulai sekarang: <b>${current}</b>\nKetik tanggal baru, misalnya <i>26-11-2026</i> atau <i>26 Nov</i>.`,
      endDate: (current: string) => html`Tanggal selesai sekarang: <b>${current}</b>\nKetik tanggal baru, misalnya <i>28-11-2026</i>.`,
      timeZone: (current: string) => html`Zona waktu sekarang: <b>${current}</b>\nPilih zona waktu baru.`,
      digestTime: (current: string) => html`Ringkasan harian sekarang jam <b>${current}</b> (waktu misi).\nKetik jam baru, misalnya <i>20:00</i> atau <i>8 malam</i>.`,
      reminderTime: (current: string | null) =>
        html`Pengingat peserta sekarang: <b>${current === null ? 'mati' : `jam ${current}`}</b>.\nKetik jam pengingat, misalnya <i>17:00</i>, atau tekan tombol untuk mematikannya.`,
      registrationOpen: (open: boolean) =>
        html`Pendaftaran sekarang <b>${open ? 'dibuka' : 'ditutup'}</b>. Saat ditutup, hanya yang diundang (/undang) yang bisa mendaftar.`,
    },
    openButton: '🔓 Buka',
    closedButton: '🔒 Tutup',
    reminderOffButton: '🔕 Matikan pengingat',
    badTime: html`Jamnya tidak terbaca. Contoh: <i>20:00</i>, <i>20.30</i>, <i>8 malam</i>.`,
    badReminder: html`Jamnya tidak terbaca. Contoh: <i>17:00</i> atau <i>5 sore</i>; ketik <i>mati</i> untuk mematikan pengingat.`,
    badRegistration: html`Pilih 🔓 Buka atau 🔒 Tutup dengan tombol di atas.`,
    startAfterEnd: (end: string) => html`Tanggal mulai tidak boleh sesudah tanggal selesai (${end}). Ubah tanggal selesai dulu bila perlu.`,
    values: { off: 'mati', open: 'dibuka', closed: 'ditutup' },
    updated: (field: string, before: string, after: string) => html`✅ ${field} diubah: ${before} → <b>${after}</b>.\nUbah yang lain lewat /misi.`,
    unchanged: html`Nilainya sama seperti sebelumnya; tidak ada yang diubah.`,
    notActive: html`Misi ini sudah bukan misi aktif, jadi tidak ada yang diubah. Buka /misi lagi.`,
    switchPick: (active: string | undefined) =>
      lines([
        html`🔁 <b>Pilih misi yang dijadikan misi aktif.</b>`,
        active && html`Misi aktif sekarang, <b>${active}</b>, menjadi draf.`,
      ]),
    switchNone: html`Tidak ada misi lain untuk diaktifkan. Buat misi baru lewat /misi → ➕ Buat misi baru.`,
    activated: (name: string) => html`✅ <b>${name}</b> sekarang misi aktif. Laporan, progres, undangan dan pengumuman memakai misi ini.`,
    alreadyActive: (name: string) => html`<b>${name}</b> sudah menjadi misi aktif.`,
    notFound: html`Misi itu tidak ditemukan.`,
    closeConfirm: (name: string) =>
      html`🔒 Tutup ${missionName(name, 'id')}?\nPeserta tidak bisa melapor atau mendaftar lagi. Datanya tetap tersimpan, dan misi bisa diaktifkan lagi lewat /misi → 🔁 Ganti misi aktif.`,
    closeYes: '🔒 Ya, tutup',
    closeNo: '↩️ Jangan',
    closed: (name: string) => html`🔒 ${missionName(name, 'id', true)} ditutup. Sekarang tidak ada misi aktif; aktifkan misi lain atau buat yang baru lewat /misi.`,
    closeKept: html`Baik, misi tetap aktif.`,
  },
  en: {
    menu: (active) =>
      lines([
        html`🗂 <b>Trade missions</b>`,
        active ? html`Active mission: <b>${active}</b>` : html`No mission is active.`,
        '',
        html`What would you like to do?`,
      ]),
    newButton: '➕ New mission',
    listButton: '📋 All missions',
    editButton: '✏️ Edit active mission',
    switchButton: '🔁 Switch active mission',
    closeButton: '🔒 Close active mission',
    officialOnlyTap: 'This button is for mission officials.',
    statusLabel: STATUS_WORD.en,
    listTitle: (count) => html`📋 <b>All missions (${count})</b>`,
    listLine: (m) =>
      html`${STATUS_ICON[m.status]} <b>${m.name}</b> — ${m.place}, ${m.dates} · target ${m.target} · ${STATUS_WORD.en[m.status]}`,
    listMore: (count) => html`… and ${count} more.`,
    noMissions: html`No missions yet. Create one with /mission → ➕ New mission.`,
    editMenu: (f) =>
      lines([
        html`✏️ <b>Edit the active mission</b>`,
        html`Name: <b>${f.name}</b>`,
        html`City: ${f.city}`,
        html`Dates: ${f.startDate} – ${f.endDate} (${f.timeZone})`,
        html`Daily digest: at ${f.digestTime}`,
        html`Exhibitor reminder: ${f.reminderTime === null ? 'off' : `at ${f.reminderTime}`}`,
        html`Registration: ${f.registrationOpen ? 'open' : 'closed (invite only)'}`,
        '',
        html`Choose what to change:`,
      ]),
    fields: {
      name: 'Name',
      city: 'City',
      startDate: 'Start date',
      endDate: 'End date',
      timeZone: 'Time zone',
      digestTime: 'Digest time',
      reminderTime: 'Reminder time',
      registrationOpen: 'Registration',
    },
    ask: {
      name: (current) => html`Current mission name: <b>${current}</b>\nType the new name (3–100 characters).`,
      city: (current) => html`Current city: <b>${current}</b>\nType the new city.`,
      startDate: (current) => html`Current start date: <b>${current}</b>\nType the new date, e.g. <i>26-11-2026</i> or <i>26 Nov</i>.`,
      endDate: (current) => html`Current end date: <b>${current}</b>\nType the new date, e.g. <i>28-11-2026</i>.`,
      timeZone: (current) => html`Current time zone: <b>${current}</b>\nChoose the new time zone.`,
      digestTime: (current) => html`The daily digest goes out at <b>${current}</b> (mission time).\nType the new time, e.g. <i>20:00</i> or <i>8pm</i>.`,
      reminderTime: (current) =>
        html`Exhibitor reminder now: <b>${current === null ? 'off' : `at ${current}`}</b>.\nType the reminder time, e.g. <i>17:00</i>, or tap the button to switch it off.`,
      registrationOpen: (open) =>
        html`Registration is <b>${open ? 'open' : 'closed'}</b>. While closed, only invited people (/invite) can register.`,
    },
    openButton: '🔓 Open',
    closedButton: '🔒 Close',
    reminderOffButton: '🔕 Switch reminder off',
    badTime: html`I cannot read that time. Examples: <i>20:00</i>, <i>20.30</i>, <i>8pm</i>.`,
    badReminder: html`I cannot read that time. Examples: <i>17:00</i> or <i>5pm</i>; type <i>off</i> to switch the reminder off.`,
    badRegistration: html`Choose 🔓 Open or 🔒 Close with the buttons above.`,
    startAfterEnd: (end) => html`The start date cannot be after the end date (${end}). Change the end date first if needed.`,
    values: { off: 'off', open: 'open', closed: 'closed' },
    updated: (field, before, after) => html`✅ ${field} changed: ${before} → <b>${after}</b>.\nChange something else with /mission.`,
    unchanged: html`That is the same as before; nothing changed.`,
    notActive: html`This mission is no longer the active one, so nothing changed. Open /mission again.`,
    switchPick: (active) =>
      lines([
        html`🔁 <b>Choose the mission to make active.</b>`,
        active && html`The current active mission, <b>${active}</b>, becomes a draft.`,
      ]),
    switchNone: html`There is no other mission to activate. Create one with /mission → ➕ New mission.`,
    activated: (name) => html`✅ <b>${name}</b> is now the active mission. Reports, progress, invites and announcements use it.`,
    alreadyActive: (name) => html`<b>${name}</b> is already the active mission.`,
    notFound: html`That mission was not found.`,
    closeConfirm: (name) =>
      html`🔒 Close ${missionName(name, 'en')}?\nExhibitors can no longer report or register. Its data stays, and it can be made active again with /mission → 🔁 Switch active mission.`,
    closeYes: '🔒 Yes, close it',
    closeNo: '↩️ Keep it',
    closed: (name) => html`🔒 ${missionName(name, 'en', true)} is closed. No mission is active now; activate another or create a new one with /mission.`,
    closeKept: html`OK, the mission stays active.`,
  },
});
