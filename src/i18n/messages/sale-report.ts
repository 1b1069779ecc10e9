import type { MoneyError } from '../../domain/money.js';
import type { SaleLineError } from '../../domain/sale-line.js';
import type { UnusualAmount } from '../../domain/amount-check.js';
import { bilingual } from '../bilingual.js';
import { html, lines, raw } from '../html.js';
import type { SaleView } from '../views.js';

/** One-liner errors that are not amount errors (those are worded in `money.errors`). */
type SaleLineOwnError = Exclude<SaleLineError, MoneyError>;

/** The confirmation card: a {@link SaleView} plus what the wizard and product matching add. */
export interface SaleCardView extends SaleView {
  /** True when the product is one of the exhibitor's listings (matched or picked). */
  listed?: boolean;
  buyerOrigin?: string | null;
}

/** /lapor: the one-line sale report. */
export const sale = bilingual({
  id: {
    usage: lines([
      html`🧾 <b>Laporkan penjualan dalam satu pesan</b>`,
      html`<code>/lapor 1,5jt keripik tempe 30 pcs</code>`,
      html`<code>/lapor 750rb kopi 10 bungkus @Toko Makmur</code>`,
      html`<code>/lapor 2 M kontrak furnitur</code> (pesanan/kontrak)`,
      html`<code>/lapor 500 jt mou</code> (LoI/MoU) · <code>/lapor 1 M investasi</code>`,
      html`<code>/lapor satu setengah juta kopi 2 kg dengan PT Banten Niaga</code> (nilai dalam kata; pembeli setelah <i>dengan</i>, <i>kepada</i>, <i>sama</i>, <i>@</i>)`,
    ]),
    parseError: (reason: string) =>
      lines([
        html`Maaf, laporan belum bisa saya baca. ${reason}`,
        html`Contoh: <code>/lapor 1,5jt keripik tempe 30 pcs</code> · contoh lain: /lapor ?`,
      ]),
    errors: {
      missing_amount: 'Nilai transaksinya tidak saya temukan — tulis di awal, mis. 1,5jt atau sejuta.',
      quantity_invalid: 'Jumlah barangnya tidak masuk akal (harus bulat, 1 sampai 10 juta).',
      quantity_negative: 'Jumlah barang tidak boleh negatif.',
      product_too_long: 'Nama produknya terlalu panjang (paling banyak 120 karakter).',
      buyer_too_long: 'Nama pembelinya terlalu panjang (paling banyak 120 karakter).',
      kind_conflict: 'Ada dua jenis transaksi sekaligus (mis. "kontrak" dan "mou") — pilih satu.',
      direction_conflict: 'Ada "jual" dan "beli" sekaligus — pilih satu.',
      buyer_conflict: 'Pembelinya ditulis dua kali — cukup satu.',
    } satisfies Record<SaleLineOwnError, string>,
    confirm: (s: SaleCardView) =>
      lines([
        html`🧾 <b>Periksa laporan</b>`,
        html`Nilai: <b>${s.amount}</b>`,
        html`Jenis: ${s.kind}`,
        html`Arah: ${s.direction}`,
        s.product && html`Produk: ${s.product}${s.listed ? raw(' <i>(dari daftar produk Anda)</i>') : ''}`,
        s.quantity && html`Jumlah: ${s.quantity}`,
        s.buyer && html`Pembeli: ${s.buyer}`,
        s.buyerOrigin && html`Asal pembeli: ${s.buyerOrigin}`,
        '',
        html`Sudah benar? Tekan <b>Simpan</b>.`,
      ]),
    duplicate: (reportId: number, amount: string, product: string | null, minutesAgo: number) =>
      lines([
        html`⚠️ <b>Sepertinya laporan ganda</b>`,
        html`Laporan #${reportId} (${amount}${product ? raw(' — ') : ''}${product ?? ''}) sudah tersimpan ${minutesAgo < 1 ? 'baru saja' : `${minutesAgo} menit lalu`}.`,
        '',
        html`Tetap simpan laporan ini sebagai transaksi baru?`,
      ]),
    duplicateToast: 'Mungkin laporan ganda — periksa dulu.',
    saveAnywayButton: '✅ Tetap simpan',
    saved: (s: SaleView, reportId: number, total: string, percent: string) =>
      lines([
        html`✅ <b>Tersimpan</b> (laporan #${reportId}): ${s.amount}${s.product ? raw(' — ') : ''}${s.product ?? ''}${s.quantity ? raw(', ') : ''}${s.quantity ?? ''}.`,
        html`Total misi sekarang <b>${total}</b> (${percent} dari target). Terima kasih!`,
      ]),
    alreadySaved: 'Laporan ini sudah tersimpan.',
    savedToast: 'Tersimpan ✅',
    amountChoice: (first: string, second: string) =>
      html`🤔 Nilainya <b>${first}</b> atau <b>${second}</b>? Tekan yang benar.`,
    amountChosen: (amount: string) => html`Nilai: <b>${amount}</b>`,
    unusual: (words: string, amount: string, reason: UnusualAmount, target: string) =>
      lines([
        reason === 'above_target'
          ? html`⚠️ <b>Nilai ini melebihi target misi</b> (${target}).`
          : html`⚠️ <b>Nilai ini jauh di atas laporan Anda biasanya.</b>`,
        html`<b>${words}</b> (${amount}) — benar?`,
        '',
        html`Kalau salah ketik, tekan Batal dan kirim lagi.`,
      ]),
    unusualToast: 'Mohon pastikan nilainya dulu.',
    unusualButton: (amount: string) => `✅ Ya, ${amount} benar`,
    expired: 'Konfirmasi ini sudah kedaluwarsa. Kirim /lapor lagi, ya.',
    cancelled: html`Laporan dibatalkan, tidak ada yang disimpan.`,
    groupUsage: html`Untuk mengisi laporan langkah demi langkah, kirim /lapor di chat pribadi dengan bot. Di grup, tulis laporannya dalam satu pesan, misalnya <code>/lapor 1,5jt keripik tempe 30 pcs</code>.`,
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
      html`<code>/sale satu setengah juta kopi 2 kg dengan PT Banten Niaga</code> (amount in words; buyer after <i>dengan</i>, <i>kepada</i>, <i>sama</i>, <i>@</i>)`,
    ]),
    parseError: (reason) =>
      lines([
        html`Sorry, I could not read that report. ${reason}`,
        html`Example: <code>/sale 1,5jt keripik tempe 30 pcs</code> · more examples: /sale ?`,
      ]),
    errors: {
      missing_amount: 'I could not find the amount — put it first, e.g. 1,5jt or sejuta.',
      quantity_invalid: 'The quantity does not make sense (a whole number, 1 to 10 million).',
      quantity_negative: 'The quantity cannot be negative.',
      product_too_long: 'The product name is too long (at most 120 characters).',
      buyer_too_long: 'The buyer name is too long (at most 120 characters).',
      kind_conflict: 'Two kinds at once (e.g. "kontrak" and "mou") — pick one.',
      direction_conflict: '"jual" and "beli" at once — pick one.',
      buyer_conflict: 'The buyer is given twice — once is enough.',
    },
    confirm: (s) =>
      lines([
        html`🧾 <b>Check the report</b>`,
        html`Amount: <b>${s.amount}</b>`,
        html`Kind: ${s.kind}`,
        html`Direction: ${s.direction}`,
        s.product && html`Product: ${s.product}${s.listed ? raw(' <i>(from your product list)</i>') : ''}`,
        s.quantity && html`Quantity: ${s.quantity}`,
        s.buyer && html`Buyer: ${s.buyer}`,
        s.buyerOrigin && html`Buyer from: ${s.buyerOrigin}`,
        '',
        html`All correct? Tap <b>Save</b>.`,
      ]),
    duplicate: (reportId, amount, product, minutesAgo) =>
      lines([
        html`⚠️ <b>This looks like a duplicate</b>`,
        html`Report #${reportId} (${amount}${product ? raw(' — ') : ''}${product ?? ''}) was saved ${minutesAgo < 1 ? 'just now' : `${minutesAgo} min ago`}.`,
        '',
        html`Save this one anyway, as a new transaction?`,
      ]),
    duplicateToast: 'Possibly a duplicate — please check.',
    saveAnywayButton: '✅ Save anyway',
    saved: (s, reportId, total, percent) =>
      lines([
        html`✅ <b>Saved</b> (report #${reportId}): ${s.amount}${s.product ? raw(' — ') : ''}${s.product ?? ''}${s.quantity ? raw(', ') : ''}${s.quantity ?? ''}.`,
        html`The mission total is now <b>${total}</b> (${percent} of the target). Thank you!`,
      ]),
    alreadySaved: 'This report is already saved.',
    savedToast: 'Saved ✅',
    amountChoice: (first, second) => html`🤔 Did you mean <b>${first}</b> or <b>${second}</b>? Tap the right one.`,
    amountChosen: (amount) => html`Amount: <b>${amount}</b>`,
    unusual: (words, amount, reason, target) =>
      lines([
        reason === 'above_target'
          ? html`⚠️ <b>This is more than the mission's whole target</b> (${target}).`
          : html`⚠️ <b>This is far above what you usually report.</b>`,
        html`<b>${words}</b> (${amount}) — correct?`,
        '',
        html`If it is a typo, tap Cancel and send it again.`,
      ]),
    unusualToast: 'Please check the amount first.',
    unusualButton: (amount) => `✅ Yes, ${amount} is right`,
    expired: 'This confirmation has expired. Please send /sale again.',
    cancelled: html`Report cancelled, nothing was saved.`,
    groupUsage: html`To fill in a report step by step, send /sale in a private chat with the bot. In a group, write it in one message, e.g. <code>/sale 1,5jt keripik tempe 30 pcs</code>.`,
    kinds: { RETAIL: 'Retail (paid on the spot)', ORDER: 'Order/contract', LOI: 'LoI/MoU', INVESTMENT: 'Investment' },
    directions: { SELL: 'Sell', BUY: 'Buy' },
  },
});

/** /lapor without text: the sale wizard, six short questions. */
export const saleWizard = bilingual({
  id: {
    intro: lines([
      html`🧾 <b>Laporan penjualan baru</b> — 6 pertanyaan singkat. Ketik /batal kapan saja untuk berhenti.`,
      html`<i>Laporkan penjualan dalam satu pesan juga bisa: <code>/lapor 1,5jt keripik tempe 30 pcs</code></i>`,
      '',
      html`1/6 · <b>Berapa nilai transaksinya?</b> Contoh: <i>1,5 jt</i>, <i>750rb</i>, <i>Rp 1.500.000</i>.`,
    ]),
    badAmount: (reason: string) => html`${reason} Contoh: <i>1,5 jt</i>, <i>750rb</i>, <i>Rp 1.500.000</i>.`,
    askKind: html`2/6 · <b>Jenis transaksinya?</b>`,
    kindChosen: (kind: string) => html`2/6 · Jenis transaksi: <b>${kind}</b>`,
    badKind: html`Pilih jenisnya dengan tombol di atas (tunai, pesanan, LoI/MoU atau investasi).`,
    askProduct: (hasListings: boolean) =>
      hasListings
        ? html`3/6 · <b>Produk apa?</b> Pilih dari daftar produk Anda, ketik namanya, atau tekan Lewati.`
        : html`3/6 · <b>Produk apa?</b> Ketik namanya, atau tekan Lewati.`,
    productChosen: (name: string) => html`3/6 · Produk: <b>${name}</b>`,
    badProduct: html`Produk itu tidak ada lagi di daftar aktif Anda. Pilih yang lain, ketik namanya, atau tekan Lewati.`,
    askQuantity: html`4/6 · <b>Berapa banyak?</b> Angka bulat, boleh dengan satuan: <i>30</i>, <i>30 pcs</i>, <i>2 kodi</i>. Atau tekan Lewati.`,
    badQuantity: html`Jumlahnya harus angka bulat lebih dari nol, boleh dengan satuan, misalnya <i>30 pcs</i> atau <i>2 kodi</i>. Atau tekan Lewati.`,
    askBuyer: html`5/6 · <b>Nama pembeli?</b> Boleh dilewati.`,
    askOrigin: html`6/6 · <b>Asal pembeli?</b> Ketik provinsinya (mis. <i>Banten</i>), kota atau negara, atau tekan Lewati.`,
    originChoose: (typed: string) => html`Provinsi yang mana? Atau simpan "${typed}" apa adanya.`,
    originAsTypedButton: (typed: string) => `Simpan "${typed}"`,
    skipped: html`<i>Dilewati.</i>`,
  },
  en: {
    intro: lines([
      html`🧾 <b>New sale report</b> — 6 short questions. Type /cancel at any time to stop.`,
      html`<i>You can also report a sale in one message: <code>/sale 1,5jt keripik tempe 30 pcs</code></i>`,
      '',
      html`1/6 · <b>How much was the transaction?</b> E.g. <i>1,5 jt</i>, <i>750rb</i>, <i>Rp 1.500.000</i>.`,
    ]),
    badAmount: (reason) => html`${reason} E.g. <i>1,5 jt</i>, <i>750rb</i>, <i>Rp 1.500.000</i>.`,
    askKind: html`2/6 · <b>What kind of transaction?</b>`,
    kindChosen: (kind) => html`2/6 · Kind: <b>${kind}</b>`,
    badKind: html`Pick the kind with the buttons above (retail, order, LoI/MoU or investment).`,
    askProduct: (hasListings) =>
      hasListings
        ? html`3/6 · <b>Which product?</b> Pick one of your listings, type its name, or tap Skip.`
        : html`3/6 · <b>Which product?</b> Type its name, or tap Skip.`,
    productChosen: (name) => html`3/6 · Product: <b>${name}</b>`,
    badProduct: html`That product is no longer among your active listings. Pick another, type a name, or tap Skip.`,
    askQuantity: html`4/6 · <b>How many?</b> A whole number, with a unit if you like: <i>30</i>, <i>30 pcs</i>, <i>2 kodi</i>. Or tap Skip.`,
    badQuantity: html`The quantity must be a whole number above zero, optionally with a unit, e.g. <i>30 pcs</i> or <i>2 kodi</i>. Or tap Skip.`,
    askBuyer: html`5/6 · <b>Buyer's name?</b> You may skip this.`,
    askOrigin: html`6/6 · <b>Where is the buyer from?</b> Type the province (e.g. <i>Banten</i>), a city or a country, or tap Skip.`,
    originChoose: (typed) => html`Which province? Or keep "${typed}" as typed.`,
    originAsTypedButton: (typed) => `Keep "${typed}"`,
    skipped: html`<i>Skipped.</i>`,
  },
});
