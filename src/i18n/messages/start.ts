import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';

/** /start, /bantuan and /bahasa. */
export const start = bilingual({
  id: {
    welcome: (name: string, mission: string | undefined) =>
      lines([
        html`Halo, <b>${name}</b>! 👋`,
        html`Saya bot <b>Misi Dagang</b>: peserta UMKM mencatat penjualan, pembeli melihat katalog, petugas memantau capaian.`,
        mission ? html`Misi yang berjalan: <b>${mission}</b>.` : html`Belum ada misi yang berjalan.`,
        '',
        html`Ketik /bantuan untuk melihat apa yang bisa Anda lakukan.`,
      ]),
  },
  en: {
    welcome: (name, mission) =>
      lines([
        html`Hello, <b>${name}</b>! 👋`,
        html`I am the <b>Trade Mission</b> bot: exhibitors record their sales, buyers browse the catalog, officials follow the progress.`,
        mission ? html`Current mission: <b>${mission}</b>.` : html`No mission is running yet.`,
        '',
        html`Type /help to see what you can do.`,
      ]),
  },
});

export const help = bilingual({
  id: {
    title: html`<b>Perintah yang bisa Anda pakai</b>`,
    line: (command: string, alias: string, description: string) =>
      alias === command ? html`/${command} — ${description}` : html`/${command} (/${alias}) — ${description}`,
    saleTip: html`Tips: laporkan penjualan dalam satu pesan, misalnya <code>/lapor 1,5jt keripik tempe 30 pcs</code>.`,
    roleOfficial: html`Anda terdaftar sebagai <b>petugas</b>.`,
    roleExhibitor: (business: string) => html`Anda terdaftar sebagai peserta: <b>${business}</b>.`,
  },
  en: {
    title: html`<b>Commands you can use</b>`,
    line: (command, alias, description) =>
      alias === command ? html`/${alias} — ${description}` : html`/${alias} (/${command}) — ${description}`,
    saleTip: html`Tip: report a sale in one message, for example <code>/sale 1,5jt keripik tempe 30 pcs</code>.`,
    roleOfficial: html`You are registered as an <b>official</b>.`,
    roleExhibitor: (business) => html`You are registered as an exhibitor: <b>${business}</b>.`,
  },
});

export const languagePick = bilingual({
  id: {
    ask: html`Pilih bahasa / Choose your language:`,
    changed: html`Baik, saya akan memakai Bahasa Indonesia.`,
  },
  en: {
    ask: html`Pilih bahasa / Choose your language:`,
    changed: html`OK, I will use English.`,
  },
});
