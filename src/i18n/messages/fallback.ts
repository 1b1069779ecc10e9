import { bilingual } from '../bilingual.js';
import { html } from '../html.js';

/** Answers to what no feature claimed: a stray /cancel, an unknown command, loose text, a button on an inline message. */
export const fallback = bilingual({
  id: {
    nothingToCancel: html`Tidak ada isian yang sedang berjalan, jadi tidak ada yang perlu dibatalkan. Untuk membatalkan laporan penjualan, ketik /batal.`,
    unknownCommand: (command: string) => html`Perintah /${command} tidak saya kenal. Ketik /bantuan untuk melihat daftar perintah.`,
    textHint: html`Saya belum paham pesan ini. Ketik /bantuan untuk melihat apa yang bisa saya bantu.`,
    exhibitorTextHint: html`Saya belum paham pesan ini. Untuk melapor penjualan, tulis misalnya <code>/lapor 1,5jt keripik tempe</code>; daftar perintah ada di /bantuan.`,
    saleLineOffer: html`💡 Sepertinya ini laporan penjualan. Simpan sebagai laporan?`,
    inlineButton: 'Buka chat dengan bot untuk memakai tombol ini.',
  },
  en: {
    nothingToCancel: html`Nothing is in progress, so there is nothing to cancel. To void a sale report, type /undo.`,
    unknownCommand: (command: string) => html`I don't know the command /${command}. Type /help to see the list of commands.`,
    textHint: html`I didn't understand this message. Type /help to see what I can do.`,
    exhibitorTextHint: html`I didn't understand this message. To report a sale, write for example <code>/sale 1,5jt keripik tempe</code>; all commands are in /help.`,
    saleLineOffer: html`💡 This looks like a sale. Save it as a report?`,
    inlineButton: 'Open the chat with the bot to use this button.',
  },
});
