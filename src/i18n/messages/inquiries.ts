import { truncateText } from '../../domain/catalog.js';
import type { InquiryStatusName, QuantityError } from '../../domain/inquiry.js';
import { bilingual } from '../bilingual.js';
import { html, lines, type SafeHtml } from '../html.js';

/** An inquiry as both sides read it; the contact fields are filled only where they may be shown. */
export interface InquiryView {
  id: number;
  product: string;
  exhibitor: string;
  /** `50 pcs`, or null when the buyer only asked. */
  quantity: string | null;
  message: string;
  buyer: string;
  status: InquiryStatusName;
}

/** How to reach someone: a name with @username, or a link Telegram opens as their profile. */
export interface ContactView {
  name: string;
  username: string | null;
  /** Telegram id, for the tg://user link when there is no username. */
  userId: string;
  phone: string | null;
  booth?: string | null;
}

function person(c: ContactView): SafeHtml {
  return c.username ? html`${c.name} (@${c.username})` : html`<a href="tg://user?id=${c.userId}">${c.name}</a>`;
}

function quote(text: string): SafeHtml {
  return html`<blockquote>${text}</blockquote>`;
}

const STATUS_ID: Record<InquiryStatusName, string> = { OPEN: '⏳ menunggu jawaban', ACCEPTED: '✅ diterima', DECLINED: '❌ ditolak' };
const STATUS_EN: Record<InquiryStatusName, string> = { OPEN: '⏳ waiting for an answer', ACCEPTED: '✅ accepted', DECLINED: '❌ declined' };

/** "Tanya / pesan" on a product card, the exhibitor's answer, and /pesanan. */
export const inquiries = bilingual({
  id: {
    askMessage: (product: string, exhibitor: string) =>
      lines([
        html`💬 <b>Tanya / pesan: ${product}</b> (${exhibitor})`,
        html`1/2 · Tulis <b>pesan</b> untuk penjual (3–500 karakter): pertanyaan, jumlah, waktu kirim, dan sebagainya.`,
        html`<i>Ketik /batal untuk berhenti.</i>`,
      ]),
    askQuantity: (unit: string, minOrder: number) =>
      html`2/2 · <b>Berapa ${unit}</b> yang ingin dipesan? Minimal ${minOrder} ${unit}. Tekan <b>Lewati</b> kalau hanya bertanya.`,
    messageTooShort: html`Pesannya terlalu pendek — paling sedikit 3 karakter.`,
    messageTooLong: html`Pesannya terlalu panjang — paling banyak 500 karakter. Persingkat, ya.`,
    quantityErrors: {
      not_a_number: 'Jumlahnya tidak terbaca sebagai angka. Ketik angka bulat, misalnya 50.',
      not_whole: 'Jumlahnya harus angka bulat, misalnya 50.',
      not_positive: 'Jumlahnya harus lebih dari 0.',
      too_large: 'Jumlahnya terlalu besar (paling banyak 1.000.000).',
      below_min_order: 'Jumlahnya di bawah minimal pesan produk ini.',
    } satisfies Record<QuantityError, string>,
    quantityHint: (minOrder: number, unit: string) => html`Minimal ${minOrder} ${unit}. Atau tekan <b>Lewati</b>.`,
    summary: (v: InquiryView) =>
      lines([
        html`📨 <b>Periksa pertanyaan Anda</b>`,
        html`Produk: <b>${v.product}</b> (${v.exhibitor})`,
        html`Jumlah: ${v.quantity ?? '—'}`,
        html`Pesan:`,
        quote(v.message),
        html`Kirim ke penjual?`,
      ]),
    sendButton: '📨 Kirim',
    sent: (exhibitor: string, id: number) =>
      html`📨 Pertanyaan #${id} terkirim ke <b>${exhibitor}</b>. Saya kabari begitu penjual menjawab. Semua pertanyaan Anda ada di /pesanan.`,
    unreachable: (exhibitor: string, id: number) =>
      lines([
        html`📨 Pertanyaan #${id} tersimpan, tetapi <b>${exhibitor}</b> belum bisa dihubungi lewat bot saat ini.`,
        html`Penjual akan melihatnya di /pesanan, dan saya kabari Anda begitu dijawab. Mohon maaf atas kendalanya.`,
      ]),
    alreadySent: 'Pertanyaan ini sudah terkirim.',
    ownProduct: html`Ini produk Anda sendiri — pembeli yang akan bertanya di sini 🙂`,
    toExhibitor: (v: InquiryView) =>
      lines([
        html`📨 <b>Pertanyaan baru #${v.id}</b> untuk ${v.exhibitor}`,
        html`Produk: <b>${v.product}</b>`,
        html`Dari: ${v.buyer}`,
        html`Jumlah: ${v.quantity ?? '—'}`,
        quote(v.message),
        html`Terima untuk bertukar kontak dengan pembeli (nomor HP Anda baru diberikan setelah Anda menerima), atau tolak.`,
      ]),
    acceptButton: '✅ Terima',
    declineButton: '❌ Tolak',
    acceptedForExhibitor: (v: InquiryView, buyer: ContactView) =>
      lines([
        html`✅ Anda <b>menerima</b> pertanyaan #${v.id} tentang <b>${v.product}</b>.`,
        html`Kontak pembeli: ${person(buyer)}`,
        buyer.phone && html`📱 ${buyer.phone}`,
        html`Nomor HP Anda sudah dikirim ke pembeli.`,
      ]),
    acceptedForBuyer: (v: InquiryView, seller: ContactView) =>
      lines([
        html`✅ <b>${v.exhibitor}</b> menerima pertanyaan #${v.id} Anda tentang <b>${v.product}</b>.`,
        html`Kontak penjual:`,
        seller.phone && html`📱 ${seller.phone}`,
        html`👤 ${person(seller)}`,
        seller.booth && html`📍 Stan ${seller.booth}`,
      ]),
    declinedForExhibitor: (v: InquiryView) => html`❌ Anda menolak pertanyaan #${v.id} tentang <b>${v.product}</b>. Pembeli sudah diberi tahu.`,
    declinedForBuyer: (v: InquiryView) =>
      html`Mohon maaf, <b>${v.exhibitor}</b> belum dapat melayani pertanyaan #${v.id} Anda tentang <b>${v.product}</b>. Silakan lihat produk lain di /katalog.`,
    buyerUnreachable: html`Pembeli tidak bisa dihubungi lewat bot saat ini. Silakan hubungi langsung lewat kontak di atas.`,
    buyerUnreachableDeclined: html`Pembeli tidak bisa dihubungi lewat bot saat ini; ia akan melihat jawabannya di /pesanan.`,
    acceptedToast: 'Diterima — kontak sudah dikirim.',
    declinedToast: 'Ditolak.',
    notOwner: 'Hanya pemilik usaha ini yang bisa menjawab pertanyaan ini.',
    alreadyAnswered: (status: InquiryStatusName) => `Pertanyaan ini sudah dijawab: ${STATUS_ID[status]}.`,
    notFound: 'Pertanyaan ini tidak ditemukan.',
    status: (status: InquiryStatusName) => STATUS_ID[status],
    listTitle: html`📨 <b>Pertanyaan &amp; pesanan</b>`,
    asBuyer: html`<b>Yang Anda tanyakan</b>`,
    asExhibitor: (exhibitor: string) => html`<b>Masuk ke ${exhibitor}</b>`,
    noneAsBuyer: html`<i>Belum ada. Buka /katalog dan tekan «Tanya / pesan» pada produk.</i>`,
    noneAsExhibitor: html`<i>Belum ada pertanyaan masuk.</i>`,
    buyerLine: (v: InquiryView, sellerPhone: string | null) =>
      lines([
        html`#${v.id} <b>${v.product}</b> — ${v.exhibitor}${v.quantity ? html` · ${v.quantity}` : ''}`,
        html`    ${STATUS_ID[v.status]}${sellerPhone ? html` · 📱 ${sellerPhone}` : ''}`,
      ]),
    exhibitorLine: (v: InquiryView, buyer: SafeHtml | null) =>
      lines([
        html`#${v.id} <b>${v.product}</b> — dari ${buyer ?? v.buyer}${v.quantity ? html` · ${v.quantity}` : ''}`,
        html`    «${truncateText(v.message.replace(/\s+/g, ' '), 80)}»`,
        html`    ${STATUS_ID[v.status]}`,
      ]),
    answerHint: html`<i>Jawab pertanyaan yang menunggu dengan tombol di bawah.</i>`,
    acceptNumbered: (id: number) => `✅ Terima #${id}`,
    declineNumbered: (id: number) => `❌ Tolak #${id}`,
    contactLink: (c: ContactView) => person(c),
  },
  en: {
    askMessage: (product, exhibitor) =>
      lines([
        html`💬 <b>Ask / order: ${product}</b> (${exhibitor})`,
        html`1/2 · Write your <b>message</b> to the seller (3–500 characters): a question, the quantity, delivery time, and so on.`,
        html`<i>Type /cancel to stop.</i>`,
      ]),
    askQuantity: (unit, minOrder) =>
      html`2/2 · <b>How many ${unit}</b> would you like to order? At least ${minOrder} ${unit}. Tap <b>Skip</b> if you are only asking.`,
    messageTooShort: html`The message is too short — at least 3 characters.`,
    messageTooLong: html`The message is too long — at most 500 characters. Please shorten it.`,
    quantityErrors: {
      not_a_number: 'That quantity is not a number I can read. Type a whole number, e.g. 50.',
      not_whole: 'The quantity must be a whole number, e.g. 50.',
      not_positive: 'The quantity must be more than 0.',
      too_large: 'The quantity is too large (at most 1,000,000).',
      below_min_order: 'The quantity is below the minimum order of this product.',
    },
    quantityHint: (minOrder, unit) => html`At least ${minOrder} ${unit}. Or tap <b>Skip</b>.`,
    summary: (v) =>
      lines([
        html`📨 <b>Check your inquiry</b>`,
        html`Product: <b>${v.product}</b> (${v.exhibitor})`,
        html`Quantity: ${v.quantity ?? '—'}`,
        html`Message:`,
        quote(v.message),
        html`Send it to the seller?`,
      ]),
    sendButton: '📨 Send',
    sent: (exhibitor, id) =>
      html`📨 Inquiry #${id} was sent to <b>${exhibitor}</b>. I will tell you as soon as the seller answers. All your inquiries are in /inquiries.`,
    unreachable: (exhibitor, id) =>
      lines([
        html`📨 Inquiry #${id} is saved, but <b>${exhibitor}</b> cannot be reached through the bot right now.`,
        html`The seller will see it in /inquiries, and I will tell you once it is answered. Sorry for the trouble.`,
      ]),
    alreadySent: 'This inquiry has already been sent.',
    ownProduct: html`This is your own product — buyers ask about it here 🙂`,
    toExhibitor: (v) =>
      lines([
        html`📨 <b>New inquiry #${v.id}</b> for ${v.exhibitor}`,
        html`Product: <b>${v.product}</b>`,
        html`From: ${v.buyer}`,
        html`Quantity: ${v.quantity ?? '—'}`,
        quote(v.message),
        html`Accept to exchange contacts with the buyer (your phone number is only shared once you accept), or decline.`,
      ]),
    acceptButton: '✅ Accept',
    declineButton: '❌ Decline',
    acceptedForExhibitor: (v, buyer) =>
      lines([
        html`✅ You <b>accepted</b> inquiry #${v.id} about <b>${v.product}</b>.`,
        html`Buyer's contact: ${person(buyer)}`,
        buyer.phone && html`📱 ${buyer.phone}`,
        html`Your phone number has been sent to the buyer.`,
      ]),
    acceptedForBuyer: (v, seller) =>
      lines([
        html`✅ <b>${v.exhibitor}</b> accepted your inquiry #${v.id} about <b>${v.product}</b>.`,
        html`Seller's contact:`,
        seller.phone && html`📱 ${seller.phone}`,
        html`👤 ${person(seller)}`,
        seller.booth && html`📍 Booth ${seller.booth}`,
      ]),
    declinedForExhibitor: (v) => html`❌ You declined inquiry #${v.id} about <b>${v.product}</b>. The buyer has been told.`,
    declinedForBuyer: (v) =>
      html`We are sorry, <b>${v.exhibitor}</b> cannot take up your inquiry #${v.id} about <b>${v.product}</b>. Please see other products in /catalog.`,
    buyerUnreachable: html`The buyer cannot be reached through the bot right now. Please contact them directly with the details above.`,
    buyerUnreachableDeclined: html`The buyer cannot be reached through the bot right now; they will see the answer in /inquiries.`,
    acceptedToast: 'Accepted — contacts sent.',
    declinedToast: 'Declined.',
    notOwner: 'Only the owner of this business can answer this inquiry.',
    alreadyAnswered: (status) => `This inquiry has already been answered: ${STATUS_EN[status]}.`,
    notFound: 'This inquiry was not found.',
    status: (status) => STATUS_EN[status],
    listTitle: html`📨 <b>Inquiries &amp; orders</b>`,
    asBuyer: html`<b>You asked</b>`,
    asExhibitor: (exhibitor) => html`<b>Received by ${exhibitor}</b>`,
    noneAsBuyer: html`<i>None yet. Open /catalog and tap «Ask / order» on a product.</i>`,
    noneAsExhibitor: html`<i>No inquiries received yet.</i>`,
    buyerLine: (v, sellerPhone) =>
      lines([
        html`#${v.id} <b>${v.product}</b> — ${v.exhibitor}${v.quantity ? html` · ${v.quantity}` : ''}`,
        html`    ${STATUS_EN[v.status]}${sellerPhone ? html` · 📱 ${sellerPhone}` : ''}`,
      ]),
    exhibitorLine: (v, buyer) =>
      lines([
        html`#${v.id} <b>${v.product}</b> — from ${buyer ?? v.buyer}${v.quantity ? html` · ${v.quantity}` : ''}`,
        html`    «${truncateText(v.message.replace(/\s+/g, ' '), 80)}»`,
        html`    ${STATUS_EN[v.status]}`,
      ]),
    answerHint: html`<i>Answer the waiting inquiries with the buttons below.</i>`,
    acceptNumbered: (id) => `✅ Accept #${id}`,
    declineNumbered: (id) => `❌ Decline #${id}`,
    contactLink: (c) => person(c),
  },
});
