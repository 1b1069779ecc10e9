import type { InviteArgsError, InviteRole } from '../../domain/invites.js';
import { bilingual } from '../bilingual.js';
import { html, lines, type SafeHtml } from '../html.js';
import { missionName } from '../mission-name.js';
import { plural } from '../plural.js';

/** A created invite, formatted. */
export interface InviteView {
  mission: string;
  role: InviteRole;
  link: string;
  /** Local date and time with the zone label: 3 Des 2026 10:00 WIB. */
  expires: string;
  maxUses: number;
}

const ROLE_ID: Record<InviteRole, string> = { EXHIBITOR: 'peserta', OFFICIAL: 'petugas' };
const ROLE_EN: Record<InviteRole, string> = { EXHIBITOR: 'exhibitor', OFFICIAL: 'official' };

/** /undang and /start join_<code>. */
export const invites = bilingual({
  id: {
    askRole: (mission: string) => html`🔗 Buat tautan undangan untuk ${missionName(mission, 'id')} sebagai apa?`,
    exhibitorButton: '🏪 Peserta (UMKM)',
    officialButton: '🧑‍💼 Petugas',
    usage: lines([
      html`Format: <code>/undang [peserta|petugas] [batas pakai] [hari berlaku]</code>`,
      html`Contoh: <code>/undang peserta 100 14</code> — dipakai paling banyak 100 kali, berlaku 14 hari.`,
      html`Tanpa angka: peserta 50 kali, petugas 1 kali, berlaku 7 hari. Tanpa apa pun: pilih dengan tombol.`,
    ]),
    errors: {
      unknown_role: 'Perannya tidak saya kenal: tulis peserta atau petugas.',
      bad_uses: 'Batas pakai harus angka bulat 1–1000.',
      bad_days: 'Masa berlaku harus angka bulat 1–90 hari.',
      too_many_args: 'Terlalu banyak isian.',
    } satisfies Record<InviteArgsError, string>,
    bad: (reason: string, usage: SafeHtml) => lines([html`${reason}`, '', usage]),
    created: (v: InviteView) =>
      lines([
        html`🔗 Tautan undangan <b>${ROLE_ID[v.role]}</b> untuk <b>${v.mission}</b>:`,
        html`<code>${v.link}</code>`,
        html`Berlaku sampai ${v.expires} · paling banyak ${v.maxUses} kali dipakai.`,
        v.role === 'OFFICIAL'
          ? html`⚠️ Siapa pun yang membuka tautan ini menjadi <b>petugas</b>. Kirim hanya ke rekan yang Anda percaya.`
          : html`Bagikan ke UMKM peserta; setelah membukanya mereka bisa langsung /daftar, juga saat pendaftaran ditutup.`,
      ]),
    joinedExhibitor: (mission: string) =>
      html`🎉 Selamat datang di <b>${mission}</b> sebagai peserta!\nDaftarkan usaha Anda sekarang: /daftar`,
    joinedExhibitorLater: (mission: string) =>
      html`🎉 Anda tergabung di <b>${mission}</b> sebagai peserta. Pendaftaran usaha (/daftar) bisa dilakukan saat misi ini aktif.`,
    joinedOfficial: (mission: string) => html`🎉 Anda sekarang <b>petugas</b> ${missionName(mission, 'id')}. Ketik /bantuan untuk melihat perintah petugas.`,
    alreadyExhibitor: (mission: string) => html`Anda sudah tergabung di <b>${mission}</b> sebagai peserta. Belum mendaftarkan usaha? Ketik /daftar.`,
    alreadyRegistered: (mission: string, business: string) => html`Anda sudah terdaftar di <b>${mission}</b> dengan usaha <b>${business}</b>. Laporkan penjualan dengan /lapor.`,
    alreadyOfficial: (mission: string) => html`Anda sudah menjadi petugas ${missionName(mission, 'id')}. Ketik /bantuan untuk perintah petugas.`,
    unknown: html`Kode undangan ini tidak saya kenal. Periksa tautannya, atau minta tautan baru dari petugas.`,
    expired: (until: string) => html`Tautan undangan ini sudah kedaluwarsa (berlaku sampai ${until}). Minta tautan baru dari petugas.`,
    usedUp: (uses: number) => html`Tautan undangan ini sudah habis dipakai (${uses} kali). Minta tautan baru dari petugas.`,
    missionClosed: (mission: string) => html`${missionName(mission, 'id', true)} sudah ditutup, jadi undangannya tidak berlaku lagi.`,
  },
  en: {
    askRole: (mission) => html`🔗 Create an invite link for ${missionName(mission, 'en')} as what?`,
    exhibitorButton: '🏪 Exhibitor (UMKM)',
    officialButton: '🧑‍💼 Official',
    usage: lines([
      html`Format: <code>/invite [exhibitor|official] [use limit] [days valid]</code>`,
      html`Example: <code>/invite exhibitor 100 14</code> — usable at most 100 times, valid for 14 days.`,
      html`Without numbers: exhibitor 50 uses, official 1 use, valid 7 days. Without anything: choose with buttons.`,
    ]),
    errors: {
      unknown_role: 'I do not know that role: write exhibitor or official.',
      bad_uses: 'The use limit must be a whole number from 1 to 1000.',
      bad_days: 'The validity must be a whole number of days from 1 to 90.',
      too_many_args: 'Too many values.',
    },
    bad: (reason, usage) => lines([html`${reason}`, '', usage]),
    created: (v) =>
      lines([
        html`🔗 <b>${ROLE_EN[v.role]}</b> invite link for <b>${v.mission}</b>:`,
        html`<code>${v.link}</code>`,
        html`Valid until ${v.expires} · usable at most ${plural(v.maxUses, 'time', 'times')}.`,
        v.role === 'OFFICIAL'
          ? html`⚠️ Anyone who opens this link becomes an <b>official</b>. Send it only to colleagues you trust.`
          : html`Share it with the UMKM exhibitors; after opening it they can /register at once, even while registration is closed.`,
      ]),
    joinedExhibitor: (mission) => html`🎉 Welcome to <b>${mission}</b> as an exhibitor!\nRegister your business now: /register`,
    joinedExhibitorLater: (mission) =>
      html`🎉 You joined <b>${mission}</b> as an exhibitor. You can register your business (/register) once this mission is active.`,
    joinedOfficial: (mission) => html`🎉 You are now an <b>official</b> of <b>${mission}</b>. Type /help to see the officials' commands.`,
    alreadyExhibitor: (mission) => html`You already joined <b>${mission}</b> as an exhibitor. Not registered your business yet? Type /register.`,
    alreadyRegistered: (mission, business) => html`You are already registered in <b>${mission}</b> with <b>${business}</b>. Report sales with /sale.`,
    alreadyOfficial: (mission) => html`You already are an official of <b>${mission}</b>. Type /help for the officials' commands.`,
    unknown: html`I do not know this invite code. Check the link, or ask the officials for a new one.`,
    expired: (until) => html`This invite link has expired (valid until ${until}). Ask the officials for a new one.`,
    usedUp: (uses) => html`This invite link has been used up (${plural(uses, 'time', 'times')}). Ask the officials for a new one.`,
    missionClosed: (mission) => html`${missionName(mission, 'en', true)} is closed, so its invite no longer works.`,
  },
});
