import type { MoneyError } from '../../domain/money.js';
import type { SaleLineError } from '../../domain/sale-line.js';
import { bilingual } from '../bilingual.js';
import { html, lines, raw } from '../html.js';
import type { SaleView } from '../views.js';

/** One-liner errors that are not amount errors (those are worded in `money.errors`). */
type SaleLineOwnError = Exclude<SaleLineError, MoneyError>;

/** /lapor: the one-line sale report. */
export const sale = bilingual({
  id: {
    usage: lines([
      html`🧾 <b>Laporkan penjualan dalam satu pesan</b>`,
      html`<code>/lapor 1,5jt keripik tempe 30 pcs</code>`,
      html`<code>/lapor 750rb kopi 10 bungkus @Toko Makmur</code>`,
      html`<code>/lapor 2 M kontrak furnitur</code> (pesanan/kontrak)`,
      html`<code>/lapor 500 jt mou</code> (LoI/MoU) · <code>/lapor 1 M investasi</code>`,
    ]),
    parseError: (reason: string) => html`Maaf, laporan belum bisa saya baca: ${reason}`,
    errors: {
      missing_amount: 'nilainya tidak ada di awal pesan.',
      quantity_invalid: 'jumlah barangnya tidak masuk akal.',
      product_too_long: 'nama produknya terlalu panjang (paling banyak 120 karakter).',
      buyer_too_long: 'nama pembelinya terlalu panjang (paling banyak 120 karakter).',
      kind_conflict: 'ada dua jenis transaksi sekaligus (mis. "kontrak" dan "mou") — pilih satu.',
      direction_conflict: 'ada "jual" dan "beli" sekaligus — pilih satu.',
      buyer_conflict: 'pembelinya ditulis dua kali — cukup satu.',
    } satisfies Record<SaleLineOwnError, string>,
    confirm: (s: SaleView) =>
      lines([
        html`🧾 <b>Periksa laporan</b>`,
        html`Nilai: <b>${s.amount}</b>`,
        html`Jenis: ${s.kind}`,
        html`Arah: ${s.direction}`,
        s.product && html`Produk: ${s.product}`,
        s.quantity && html`Jumlah: ${s.quantity}`,
        s.buyer && html`Pembeli: ${s.buyer}`,
        '',
        html`Sudah benar? Tekan <b>Simpan</b>.`,
      ]),
    saved: (s: SaleView, reportId: number, total: string, percent: string) =>
      lines([
        html`✅ <b>Tersimpan</b> (laporan #${reportId}): ${s.amount}${s.product ? raw(' — ') : ''}${s.product ?? ''}${s.quantity ? raw(', ') : ''}${s.quantity ?? ''}.`,
        html`Total misi sekarang <b>${total}</b> (${percent} dari target). Terima kasih!`,
      ]),
    alreadySaved: 'Laporan ini sudah tersimpan.',
    savedToast: 'Tersimpan ✅',
    expired: 'Konfirmasi ini sudah kedaluwarsa. Kirim /lapor lagi, ya.',
    cancelled: html`Laporan dibatalkan, tidak ada yang disimpan.`,
    kinds: { RETAIL: 'Tunai (retail)', ORDER: 'Pesanan/kontrak', LOI: 'LoI/MoU', INVESTMENT: 'Investasi' },
    directions: { SELL: 'Jual', BUY: 'Beli' },
  },
  en: {
    usage: lines([
      html`🧾 <b>Report a sale in one message</b>`,
      html`<code>/sale 1,5jt keripik tempe 30 pcs</code>`,
      html`<code>/sale 750rb kopi 10 bungkus @Toko Makmur</code>`,
      html`<code>/sale 2 M kontrak furnitur</code> (order/contract)`,
      html`<code>/sale 500 jt mou</code> (LoI/MoU) · <code>/sale 1 M investasi</code>`,
    ]),
    parseError: (reason) => html`Sorry, I could not read that report: ${reason}`,
    errors: {
      missing_amount: 'the amount is not at the start of the message.',
      quantity_invalid: 'the quantity does not make sense.',
      product_too_long: 'the product name is too long (at most 120 characters).',
      buyer_too_long: 'the buyer name is too long (at most 120 characters).',
      kind_conflict: 'two kinds at once (e.g. "kontrak" and "mou") — pick one.',
      direction_conflict: '"jual" and "beli" at once — pick one.',
      buyer_conflict: 'the buyer is given twice — once is enough.',
    },
    confirm: (s) =>
      lines([
        html`🧾 <b>Check the report</b>`,
        html`Amount: <b>${s.amount}</b>`,
        html`Kind: ${s.kind}`,
        html`Direction: ${s.direction}`,
        s.product && html`Product: ${s.product}`,
        s.quantity && html`Quantity: ${s.quantity}`,
        s.buyer && html`Buyer: ${s.buyer}`,
        '',
        html`All correct? Tap <b>Save</b>.`,
      ]),
    saved: (s, reportId, total, percent) =>
      lines([
        html`✅ <b>Saved</b> (report #${reportId}): ${s.amount}${s.product ? raw(' — ') : ''}${s.product ?? ''}${s.quantity ? raw(', ') : ''}${s.quantity ?? ''}.`,
        html`The mission total is now <b>${total}</b> (${percent} of the target). Thank you!`,
      ]),
    alreadySaved: 'This report is already saved.',
    savedToast: 'Saved ✅',
    expired: 'This confirmation has expired. Please send /sale again.',
    cancelled: html`Report cancelled, nothing was saved.`,
    kinds: { RETAIL: 'Retail (paid on the spot)', ORDER: 'Order/contract', LOI: 'LoI/MoU', INVESTMENT: 'Investment' },
    directions: { SELL: 'Sell', BUY: 'Buy' },
  },
});
