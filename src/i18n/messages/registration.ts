import { bilingual } from '../bilingual.js';
import { html, lines } from '../html.js';

/** /daftar: registering a business. */
export const register = bilingual({
  id: {
    intro: (mission: string) => html`🏪 <b>Pendaftaran peserta — ${mission}</b>\nAda 6 pertanyaan singkat. Ketik /batal untuk berhenti.`,
    closed: html`Pendaftaran untuk misi ini ditutup. Minta tautan undangan dari petugas.`,
    already: (name: string) => html`Anda sudah terdaftar sebagai <b>${name}</b>. Laporkan penjualan dengan /lapor.`,
    askName: html`1/6 · <b>Nama usaha</b> Anda?`,
    askCategory: html`2/6 · <b>Kategori</b> produk utama?`,
    askProvince: html`3/6 · <b>Asal provinsi</b> usaha? Ketik namanya.`,
    askCity: html`4/6 · <b>Kota/kabupaten</b>?`,
    askContact: html`5/6 · <b>Nomor HP/WhatsApp</b>? Tekan tombol "Kirim kontak" atau ketik nomornya. Nomor hanya diberikan ke pembeli yang Anda terima.`,
    shareContactButton: '📱 Kirim kontak',
    askBooth: html`6/6 · <b>Nomor stan</b>? (boleh dilewati)`,
    boothHint: html`Ketik nomor stan, atau tekan <b>Lewati</b> kalau belum tahu.`,
    badCategory: html`Pilih kategori dengan tombol di atas.`,
    badPhone: html`Nomor HP tidak valid. Contoh: <i>0812 3456 7890</i> atau <i>+62 812 3456 7890</i>.`,
    notOwnContact: html`Kirim kontak Anda sendiri, ya — atau ketik nomornya.`,
    summary: (v: { name: string; category: string; province: string; city: string; phone: string; booth: string | null }) =>
      lines([
        html`🏪 <b>Periksa data usaha</b>`,
        html`Nama: <b>${v.name}</b>`,
        html`Kategori: ${v.category}`,
        html`Asal: ${v.city}, ${v.province}`,
        html`HP: ${v.phone}`,
        html`Stan: ${v.booth ?? '—'}`,
      ]),
    done: (name: string) =>
      lines([
        html`✅ <b>${name}</b> terdaftar. Selamat berpameran!`,
        html`Laporkan setiap penjualan dalam satu pesan, misalnya:`,
        html`<code>/lapor 1,5jt keripik tempe 30 pcs</code>`,
      ]),
  },
  en: {
    intro: (mission) => html`🏪 <b>Exhibitor registration — ${mission}</b>\n6 short questions. Type /cancel to stop.`,
    closed: html`Registration for this mission is closed. Ask the officials for an invite link.`,
    already: (name) => html`You are already registered as <b>${name}</b>. Report sales with /sale.`,
    askName: html`1/6 · <b>Business name</b>?`,
    askCategory: html`2/6 · Main product <b>category</b>?`,
    askProvince: html`3/6 · <b>Province</b> the business comes from? Type its name.`,
    askCity: html`4/6 · <b>City/regency</b>?`,
    askContact: html`5/6 · <b>Mobile/WhatsApp number</b>? Tap "Share contact" or type the number. It is only given to buyers you accept.`,
    shareContactButton: '📱 Share contact',
    askBooth: html`6/6 · <b>Booth number</b>? (you may skip)`,
    boothHint: html`Type the booth number, or tap <b>Skip</b> if you do not know it yet.`,
    badCategory: html`Please choose a category with the buttons above.`,
    badPhone: html`That phone number is not valid. Examples: <i>0812 3456 7890</i> or <i>+62 812 3456 7890</i>.`,
    notOwnContact: html`Please share your own contact — or type the number.`,
    summary: (v) =>
      lines([
        html`🏪 <b>Check your business</b>`,
        html`Name: <b>${v.name}</b>`,
        html`Category: ${v.category}`,
        html`From: ${v.city}, ${v.province}`,
        html`Phone: ${v.phone}`,
        html`Booth: ${v.booth ?? '—'}`,
      ]),
    done: (name) =>
      lines([
        html`✅ <b>${name}</b> is registered. Enjoy the exhibition!`,
        html`Report each sale in one message, for example:`,
        html`<code>/sale 1,5jt keripik tempe 30 pcs</code>`,
      ]),
  },
});
