import { bilingual } from '../bilingual.js';
import { html, lines, type SafeHtml } from '../html.js';

/** An exhibitor's booth as a visitor who scanned its QR reads it. */
export interface BoothView {
  name: string;
  /** Emoji and name, `🍱 Makanan`. */
  category: string;
  place: string;
  booth: string | null;
  products: number;
}

/** One lead as the exhibitor reads it (the phone only ever goes to its own booth). */
export interface LeadView {
  id: number;
  name: string;
  phone: string;
  /** `★★★★☆`. */
  stars: string;
  note: string | null;
  /** `26 Nov 10.15 WIB`. */
  time: string;
}

/** One share as the visitor reads it in /privasi. */
export interface SharedView {
  number: number;
  exhibitor: string;
  time: string;
}

function leadLines(v: LeadView): SafeHtml {
  return lines([html`#${v.id} · <b>${v.name}</b> · ${v.stars}`, html`    📱 ${v.phone} · ${v.time}`, v.note !== null && html`    📝 ${v.note}`]);
}

/** /qr, the booth deep link, the contact share, /prospek and /privasi. */
export const leads = bilingual({
  id: {
    notExhibitor: html`Kode QR stan hanya untuk peserta pameran misi yang aktif. Daftarkan usaha Anda dulu dengan /daftar.`,
    qrSubtitle: (booth: string | null) => (booth ? `Stan ${booth} · Pindai untuk melihat produk kami` : 'Pindai untuk melihat produk kami'),
    qrCaption: (name: string, link: string) =>
      lines([
        html`🔳 <b>QR stan ${name}</b>`,
        html`Cetak dan pasang di stan Anda. Pengunjung yang memindainya melihat produk Anda dan bisa membagikan kontaknya kepada Anda.`,
        html`Tautan: ${link}`,
        html`Prospek yang masuk ada di /prospek.`,
      ]),
    boothUnknown: html`Maaf, kode stan ini tidak dikenal atau sudah tidak berlaku. Lihat semua produk peserta di /katalog.`,
    boothCard: (v: BoothView) =>
      lines([
        html`🏪 <b>${v.name}</b>`,
        html`🏷 ${v.category}`,
        html`📍 ${v.place}${v.booth ? html` · Stan ${v.booth}` : ''}`,
        v.products === 0 ? html`<i>Belum ada produk yang ditampilkan.</i>` : html`${v.products} produk — ketuk untuk melihat:`,
      ]),
    ownBooth: html`Ini stan Anda sendiri — begini tampilannya bagi pengunjung.`,
    shareInvite: (name: string) =>
      lines([
        html`📱 Ingin dihubungi <b>${name}</b>? Tekan <b>Bagikan kontak</b> di bawah.`,
        html`Nama dan nomor Anda hanya diberikan kepada usaha ini, dan bisa Anda tarik kembali kapan saja dengan /privasi.`,
      ]),
    shareButton: '📱 Bagikan kontak',
    notNowButton: '✖️ Tidak sekarang',
    notNow: html`Baik, kontak Anda tidak dibagikan.`,
    shared: (name: string) => html`✅ Kontak Anda sudah dibagikan kepada <b>${name}</b>. Lihat atau tarik kembali dengan /privasi.`,
    sharedAgain: (name: string) => html`Kontak Anda sudah tercatat di <b>${name}</b>; nama dan nomornya diperbarui.`,
    notOwnContact: html`Bagikan kontak Anda sendiri dengan tombol <b>Bagikan kontak</b>, bukan kontak orang lain.`,
    boothClosed: html`Misi dagang stan ini sudah selesai, jadi kontak tidak bisa dibagikan lagi.`,
    notice: (exhibitor: string, v: LeadView) =>
      lines([
        html`🧲 <b>Prospek baru di stan ${exhibitor}</b>`,
        html`#${v.id} · <b>${v.name}</b>`,
        html`📱 ${v.phone}`,
        html`🕒 ${v.time}`,
        html`⭐ ${v.stars}`,
        v.note !== null && html`📝 ${v.note}`,
        '',
        html`Beri nilai 1–5 ★ atau tambahkan catatan:`,
      ]),
    noteButton: '📝 Catatan',
    scored: (score: number) => `Nilai ${score} ★ disimpan.`,
    askNote: (name: string) => html`📝 Tulis catatan untuk prospek <b>${name}</b> (paling banyak 300 karakter), misalnya minat dan jumlah.`,
    noteEmpty: html`Catatannya kosong. Tulis beberapa kata, atau ketik /batal.`,
    noteTooLong: html`Catatannya terlalu panjang — paling banyak 300 karakter.`,
    noted: (name: string) => html`📝 Catatan untuk <b>${name}</b> disimpan. Semua prospek ada di /prospek.`,
    leadGone: 'Prospek ini sudah ditarik oleh pengunjung.',
    leadGoneText: html`Prospek ini sudah ditarik oleh pengunjung, jadi tidak bisa diubah lagi.`,
    notOwner: 'Hanya pemilik stan ini yang bisa menilai prospeknya.',
    listTitle: (exhibitor: string, shown: number, total: number) => html`🧲 <b>Prospek ${exhibitor}</b> — ${shown} dari ${total}`,
    filterLine: (minScore: number | null, day: string | null) =>
      html`<i>Saringan: ${minScore === null ? 'semua nilai' : `${minScore}★ ke atas`} · ${day ?? 'semua hari'}</i>`,
    listLine: leadLines,
    listMore: (more: number) => html`<i>…dan ${more} lagi — semuanya ada di file ekspor.</i>`,
    none: html`Belum ada prospek. Cetak QR stan Anda dengan /qr supaya pengunjung bisa membagikan kontaknya.`,
    noneFiltered: html`Tidak ada prospek yang cocok dengan saringan ini.`,
    filterHint: html`<i>Saring: <code>/prospek 4</code> (4★ ke atas), <code>/prospek hari ini</code>, <code>/prospek 4 26/11</code>.</i>`,
    badFilter: html`Saringan tidak terbaca. Contoh: <code>/prospek 4</code>, <code>/prospek hari ini</code>, <code>/prospek 3 26/11</code>.`,
    exportXlsxButton: '📊 Excel',
    exportCsvButton: '📄 CSV',
    sheet: 'Prospek',
    columns: { number: 'No.', time: (zone: string) => `Waktu (${zone})`, name: 'Nama', phone: 'Telepon', score: 'Nilai', note: 'Catatan' },
    exportCaption: (exhibitor: string, count: number) => html`🧲 Prospek ${exhibitor}: ${count} kontak.`,
    privacyTitle: html`🔐 <b>Kontak yang Anda bagikan</b>`,
    privacyLine: (v: SharedView) => html`${v.number}. <b>${v.exhibitor}</b> · ${v.time}`,
    privacyNone: html`Anda belum membagikan kontak kepada stan mana pun. Kontak hanya dibagikan kalau Anda menekan <b>Bagikan kontak</b> setelah memindai QR stan.`,
    privacyHint: html`<i>Tekan tombol untuk menarik kembali; usaha itu tidak akan melihat kontak Anda lagi.</i>`,
    withdrawButton: (number: number, exhibitor: string) => `🗑 ${number}. ${exhibitor}`,
    withdrawn: (exhibitor: string) => html`🗑 Kontak Anda sudah ditarik dari <b>${exhibitor}</b>.`,
    withdrawGone: 'Kontak ini sudah ditarik.',
  },
  en: {
    notExhibitor: html`Booth QR codes are for exhibitors of the active mission. Register your business first with /register.`,
    qrSubtitle: (booth) => (booth ? `Booth ${booth} · Scan to see our products` : 'Scan to see our products'),
    qrCaption: (name, link) =>
      lines([
        html`🔳 <b>Booth QR of ${name}</b>`,
        html`Print it and put it up at your booth. Visitors who scan it see your products and can share their contact with you.`,
        html`Link: ${link}`,
        html`Leads arrive in /leads.`,
      ]),
    boothUnknown: html`Sorry, this booth code is unknown or no longer valid. See all exhibitors' products with /catalog.`,
    boothCard: (v) =>
      lines([
        html`🏪 <b>${v.name}</b>`,
        html`🏷 ${v.category}`,
        html`📍 ${v.place}${v.booth ? html` · Booth ${v.booth}` : ''}`,
        v.products === 0 ? html`<i>No products listed yet.</i>` : html`${v.products} products — tap one to see it:`,
      ]),
    ownBooth: html`This is your own booth — this is how visitors see it.`,
    shareInvite: (name) =>
      lines([
        html`📱 Would you like <b>${name}</b> to contact you? Tap <b>Share contact</b> below.`,
        html`Your name and number go to this business only, and you can withdraw them at any time with /privacy.`,
      ]),
    shareButton: '📱 Share contact',
    notNowButton: '✖️ Not now',
    notNow: html`All right, your contact was not shared.`,
    shared: (name) => html`✅ Your contact was shared with <b>${name}</b>. See or withdraw it with /privacy.`,
    sharedAgain: (name) => html`Your contact is already with <b>${name}</b>; name and number were updated.`,
    notOwnContact: html`Share your own contact with the <b>Share contact</b> button, not someone else's.`,
    boothClosed: html`This booth's trade mission has ended, so contacts can no longer be shared.`,
    notice: (exhibitor, v) =>
      lines([html`🧲 <b>New lead at ${exhibitor}</b>`, html`#${v.id} · <b>${v.name}</b>`, html`📱 ${v.phone}`, html`🕒 ${v.time}`, html`⭐ ${v.stars}`, v.note !== null && html`📝 ${v.note}`, '', html`Score it 1–5 ★ or add a note:`]),
    noteButton: '📝 Note',
    scored: (score) => `Score ${score} ★ saved.`,
    askNote: (name) => html`📝 Write a note for the lead <b>${name}</b> (at most 300 characters), for example interest and volume.`,
    noteEmpty: html`The note is empty. Write a few words, or type /cancel.`,
    noteTooLong: html`The note is too long — at most 300 characters.`,
    noted: (name) => html`📝 Note for <b>${name}</b> saved. All leads are in /leads.`,
    leadGone: 'The visitor has withdrawn this lead.',
    leadGoneText: html`The visitor has withdrawn this lead, so it can no longer be changed.`,
    notOwner: "Only this booth's owner can score its leads.",
    listTitle: (exhibitor, shown, total) => html`🧲 <b>Leads of ${exhibitor}</b> — ${shown} of ${total}`,
    filterLine: (minScore, day) => html`<i>Filter: ${minScore === null ? 'any score' : `${minScore}★ and up`} · ${day ?? 'all days'}</i>`,
    listLine: leadLines,
    listMore: (more) => html`<i>…and ${more} more — all of them are in the export file.</i>`,
    none: html`No leads yet. Print your booth QR with /qr so visitors can share their contact.`,
    noneFiltered: html`No leads match this filter.`,
    filterHint: html`<i>Filter: <code>/leads 4</code> (4★ and up), <code>/leads today</code>, <code>/leads 4 26/11</code>.</i>`,
    badFilter: html`The filter could not be read. Examples: <code>/leads 4</code>, <code>/leads today</code>, <code>/leads 3 26/11</code>.`,
    exportXlsxButton: '📊 Excel',
    exportCsvButton: '📄 CSV',
    sheet: 'Leads',
    columns: { number: 'No.', time: (zone) => `Time (${zone})`, name: 'Name', phone: 'Phone', score: 'Score', note: 'Note' },
    exportCaption: (exhibitor, count) => html`🧲 Leads of ${exhibitor}: ${count} contacts.`,
    privacyTitle: html`🔐 <b>Contacts you shared</b>`,
    privacyLine: (v) => html`${v.number}. <b>${v.exhibitor}</b> · ${v.time}`,
    privacyNone: html`You have not shared your contact with any booth. A contact is only shared when you tap <b>Share contact</b> after scanning a booth QR.`,
    privacyHint: html`<i>Tap a button to withdraw; that business will no longer see your contact.</i>`,
    withdrawButton: (number, exhibitor) => `🗑 ${number}. ${exhibitor}`,
    withdrawn: (exhibitor) => html`🗑 Your contact was withdrawn from <b>${exhibitor}</b>.`,
    withdrawGone: 'This contact was already withdrawn.',
  },
});
