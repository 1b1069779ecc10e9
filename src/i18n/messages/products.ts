import type { DescriptionError, MinOrderError, NameError, ProductField, UnitError } from '../../domain/product.js';
import { DESCRIPTION_MAX, MIN_ORDER_MAX, PRODUCT_NAME_MAX, PRODUCT_NAME_MIN, UNIT_MAX } from '../../domain/product.js';
import { bilingual } from '../bilingual.js';
import { html, lines, type SafeHtml } from '../html.js';

/** A product ready to print: amounts formatted, category labelled, in the user's language. */
export interface ProductView {
  name: string;
  /** Emoji and label, e.g. "🍱 Makanan". */
  category: string;
  /** `Rp15.000`. */
  price: string;
  unit: string;
  minOrder: number;
  description: string | null;
  hasPhoto: boolean;
  active: boolean;
}

const fieldsId: Record<ProductField, string> = {
  name: 'Nama',
  price: 'Harga',
  category: 'Kategori',
  unit: 'Satuan',
  minOrder: 'Minimal order',
  description: 'Deskripsi',
  photo: 'Foto',
};

const fieldsEn: Record<ProductField, string> = {
  name: 'Name',
  price: 'Price',
  category: 'Category',
  unit: 'Unit',
  minOrder: 'Minimum order',
  description: 'Description',
  photo: 'Photo',
};

function detailsId(p: ProductView): SafeHtml {
  return lines([
    html`Kategori: ${p.category}`,
    html`Harga: <b>${p.price}</b> / ${p.unit}`,
    html`Minimal order: ${p.minOrder} ${p.unit}`,
    html`Deskripsi: ${p.description ?? '—'}`,
    html`Foto: ${p.hasPhoto ? 'ada' : 'tidak ada'}`,
  ]);
}

function detailsEn(p: ProductView): SafeHtml {
  return lines([
    html`Category: ${p.category}`,
    html`Price: <b>${p.price}</b> / ${p.unit}`,
    html`Minimum order: ${p.minOrder} ${p.unit}`,
    html`Description: ${p.description ?? '—'}`,
    html`Photo: ${p.hasPhoto ? 'yes' : 'none'}`,
  ]);
}

/** /produk_baru and /produkku: an exhibitor's product listings. */
export const products = bilingual({
  id: {
    intro: (exhibitor: string) => html`📦 <b>Produk baru — ${exhibitor}</b>\nAda 7 pertanyaan singkat. Ketik /batal untuk berhenti.`,
    askName: html`1/7 · <b>Nama produk</b>?`,
    askCategory: (suggested: string) =>
      html`2/7 · <b>Kategori</b> produk? Usaha Anda terdaftar di <b>${suggested}</b> (✅). Tekan tombol atau ketik nama kategorinya.`,
    askPrice: html`3/7 · <b>Harga</b> per satuan?`,
    askUnit: html`4/7 · <b>Satuan</b> jualnya? Tekan tombol, atau ketik sendiri (mis. <i>pack</i>, <i>250 gr</i>).`,
    askMinOrder: (unit: string) => html`5/7 · <b>Minimal order</b> berapa ${unit}? Ketik angkanya, atau tekan tombol di bawah.`,
    minOrderOne: (unit: string) => `1 ${unit}`,
    askDescription: html`6/7 · <b>Deskripsi</b> singkat (paling banyak ${DESCRIPTION_MAX} karakter)? Boleh dilewati.`,
    askPhoto: html`7/7 · Kirim <b>foto</b> produknya (sebagai foto). Boleh dilewati.`,
    photoExpected: html`Saya menunggu <b>foto</b> produk. Kirim sebagai foto (bukan file), atau tekan <b>Lewati</b>.`,
    badCategory: html`Kategori itu tidak saya kenal. Pilih dengan tombol di atas, atau ketik misalnya <i>makanan</i>, <i>minuman</i>, <i>kerajinan</i>.`,
    badPrice: (reason: string) => html`Harga belum bisa saya baca: ${reason}`,
    errors: {
      name: {
        too_short: html`Nama produk terlalu pendek — paling sedikit ${PRODUCT_NAME_MIN} karakter.`,
        too_long: html`Nama produk terlalu panjang — paling banyak ${PRODUCT_NAME_MAX} karakter.`,
      } satisfies Record<NameError, SafeHtml>,
      unit: {
        empty: html`Satuannya belum diisi.`,
        too_long: html`Satuan terlalu panjang — paling banyak ${UNIT_MAX} karakter.`,
        no_letters: html`Satuan harus berupa kata, mis. <i>pcs</i>, <i>kg</i>, <i>botol</i>. Jumlahnya ditanyakan berikutnya.`,
      } satisfies Record<UnitError, SafeHtml>,
      minOrder: {
        not_a_number: html`Minimal order harus berupa angka, mis. <i>1</i> atau <i>10</i>.`,
        not_whole: html`Minimal order harus bilangan bulat, mis. <i>2</i>, bukan <i>1,5</i>.`,
        not_positive: html`Minimal order paling sedikit 1.`,
        too_large: html`Minimal order terlalu besar — paling banyak ${MIN_ORDER_MAX.toLocaleString('id-ID')}.`,
      } satisfies Record<MinOrderError, SafeHtml>,
      description: {
        empty: html`Deskripsinya kosong. Ketik deskripsi, atau tekan <b>Lewati</b>.`,
        too_long: html`Deskripsi terlalu panjang — paling banyak ${DESCRIPTION_MAX} karakter.`,
      } satisfies Record<DescriptionError, SafeHtml>,
    },
    summary: (p: ProductView) => lines([html`📦 <b>Periksa produk</b>`, html`Nama: <b>${p.name}</b>`, detailsId(p), '', html`Sudah benar? Tekan <b>Simpan</b>.`]),
    saved: (name: string) =>
      lines([html`✅ Produk <b>${name}</b> tersimpan dan tampil di katalog.`, html`Lihat dan ubah produk Anda dengan /produkku.`]),
    savedToast: 'Tersimpan ✅',

    listTitle: (exhibitor: string, count: number) => html`📦 <b>Produk ${exhibitor}</b> (${count})`,
    listLine: (index: number, p: ProductView) =>
      html`${index}. <b>${p.name}</b> — ${p.price} / ${p.unit} · ${p.active ? '✅ aktif' : '⏸ nonaktif'}`,
    listHint: html`Tekan nama produk untuk melihat, mengubah, atau menonaktifkannya.`,
    listEmpty: html`Anda belum punya produk. Tambahkan dengan /produk_baru.`,
    page: (page: number, pages: number) => html`Halaman ${page}/${pages}`,
    prevButton: '⬅️ Sebelumnya',
    nextButton: 'Berikutnya ➡️',

    card: (p: ProductView) =>
      lines([
        html`📦 <b>${p.name}</b>`,
        detailsId(p),
        p.active ? html`Status: ✅ aktif — tampil di katalog` : html`Status: ⏸ nonaktif — tidak tampil di katalog`,
      ]),
    fields: fieldsId,
    editButtons: {
      name: '✏️ Nama',
      price: '💰 Harga',
      category: '🏷 Kategori',
      unit: '📏 Satuan',
      minOrder: '🔢 Min. order',
      description: '📝 Deskripsi',
      photo: '📷 Foto',
    } satisfies Record<ProductField, string>,
    deactivateButton: '⏸ Nonaktifkan',
    reactivateButton: '▶️ Aktifkan lagi',
    backButton: '⬅️ Daftar produk',
    deactivated: 'Produk dinonaktifkan — tidak tampil lagi di katalog.',
    reactivated: 'Produk aktif lagi dan tampil di katalog.',
    alreadyInactive: 'Produk ini memang sudah nonaktif.',
    alreadyActive: 'Produk ini memang sudah aktif.',
    notYours: 'Produk ini bukan milik usaha Anda. Tidak ada yang diubah.',
    notFound: 'Produk itu tidak ditemukan.',

    editAsk: {
      name: (current: string) => html`✏️ Nama sekarang: <b>${current}</b>\nKetik <b>nama baru</b>.`,
      price: (current: string) => html`💰 Harga sekarang: <b>${current}</b>\nKetik <b>harga baru</b>.`,
      category: (current: string) => html`🏷 Kategori sekarang: <b>${current}</b>\nPilih <b>kategori baru</b>.`,
      unit: (current: string) => html`📏 Satuan sekarang: <b>${current}</b>\nPilih atau ketik <b>satuan baru</b>.`,
      minOrder: (current: string) => html`🔢 Minimal order sekarang: <b>${current}</b>\nKetik <b>angka baru</b>.`,
      description: (current: string) =>
        html`📝 Deskripsi sekarang: ${current}\nKetik <b>deskripsi baru</b> (paling banyak ${DESCRIPTION_MAX} karakter).`,
      photo: (hasPhoto: boolean) => (hasPhoto ? html`📷 Kirim <b>foto baru</b> untuk mengganti foto sekarang.` : html`📷 Kirim <b>foto</b> produknya.`),
    },
    editPhotoExpected: html`Saya menunggu <b>foto</b> produk. Kirim sebagai foto (bukan file), atau ketik /batal.`,
    clearDescriptionButton: '🗑 Hapus deskripsi',
    clearPhotoButton: '🗑 Hapus foto',
    updated: (field: string) => html`✅ ${field} diperbarui.`,
    unchanged: html`Tidak ada yang berubah — nilainya sama dengan sebelumnya.`,
    goneWhileEditing: html`Produk ini tidak bisa diubah lagi. Tidak ada yang disimpan.`,
  },
  en: {
    intro: (exhibitor) => html`📦 <b>New product — ${exhibitor}</b>\n7 short questions. Type /cancel to stop.`,
    askName: html`1/7 · <b>Product name</b>?`,
    askCategory: (suggested) =>
      html`2/7 · Product <b>category</b>? Your business is registered under <b>${suggested}</b> (✅). Tap a button or type the category.`,
    askPrice: html`3/7 · <b>Price</b> per unit?`,
    askUnit: html`4/7 · <b>Unit</b> you sell by? Tap a button, or type your own (e.g. <i>pack</i>, <i>250 gr</i>).`,
    askMinOrder: (unit) => html`5/7 · <b>Minimum order</b> in ${unit}? Type the number, or tap the button below.`,
    minOrderOne: (unit) => `1 ${unit}`,
    askDescription: html`6/7 · Short <b>description</b> (at most ${DESCRIPTION_MAX} characters)? You may skip.`,
    askPhoto: html`7/7 · Send a <b>photo</b> of the product (as a photo). You may skip.`,
    photoExpected: html`I am waiting for a <b>photo</b> of the product. Send it as a photo (not a file), or tap <b>Skip</b>.`,
    badCategory: html`I do not know that category. Choose one with the buttons above, or type e.g. <i>food</i>, <i>drinks</i>, <i>crafts</i>.`,
    badPrice: (reason) => html`I could not read that price: ${reason}`,
    errors: {
      name: {
        too_short: html`The product name is too short — at least ${PRODUCT_NAME_MIN} characters.`,
        too_long: html`The product name is too long — at most ${PRODUCT_NAME_MAX} characters.`,
      },
      unit: {
        empty: html`The unit is missing.`,
        too_long: html`The unit is too long — at most ${UNIT_MAX} characters.`,
        no_letters: html`The unit must be a word, e.g. <i>pcs</i>, <i>kg</i>, <i>bottle</i>. The quantity comes next.`,
      },
      minOrder: {
        not_a_number: html`The minimum order must be a number, e.g. <i>1</i> or <i>10</i>.`,
        not_whole: html`The minimum order must be a whole number, e.g. <i>2</i>, not <i>1.5</i>.`,
        not_positive: html`The minimum order must be at least 1.`,
        too_large: html`The minimum order is too large — at most ${MIN_ORDER_MAX.toLocaleString('en-US')}.`,
      },
      description: {
        empty: html`The description is empty. Type one, or tap <b>Skip</b>.`,
        too_long: html`The description is too long — at most ${DESCRIPTION_MAX} characters.`,
      },
    },
    summary: (p) => lines([html`📦 <b>Check the product</b>`, html`Name: <b>${p.name}</b>`, detailsEn(p), '', html`All correct? Tap <b>Save</b>.`]),
    saved: (name) => lines([html`✅ Product <b>${name}</b> is saved and listed in the catalog.`, html`See and edit your products with /myproducts.`]),
    savedToast: 'Saved ✅',

    listTitle: (exhibitor, count) => html`📦 <b>Products of ${exhibitor}</b> (${count})`,
    listLine: (index, p) => html`${index}. <b>${p.name}</b> — ${p.price} / ${p.unit} · ${p.active ? '✅ active' : '⏸ inactive'}`,
    listHint: html`Tap a product to see, edit or deactivate it.`,
    listEmpty: html`You have no products yet. Add one with /newproduct.`,
    page: (page, pages) => html`Page ${page}/${pages}`,
    prevButton: '⬅️ Previous',
    nextButton: 'Next ➡️',

    card: (p) =>
      lines([
        html`📦 <b>${p.name}</b>`,
        detailsEn(p),
        p.active ? html`Status: ✅ active — listed in the catalog` : html`Status: ⏸ inactive — not listed in the catalog`,
      ]),
    fields: fieldsEn,
    editButtons: {
      name: '✏️ Name',
      price: '💰 Price',
      category: '🏷 Category',
      unit: '📏 Unit',
      minOrder: '🔢 Min. order',
      description: '📝 Description',
      photo: '📷 Photo',
    },
    deactivateButton: '⏸ Deactivate',
    reactivateButton: '▶️ Reactivate',
    backButton: '⬅️ Product list',
    deactivated: 'Product deactivated — no longer listed in the catalog.',
    reactivated: 'Product active again and listed in the catalog.',
    alreadyInactive: 'This product is already inactive.',
    alreadyActive: 'This product is already active.',
    notYours: 'This product does not belong to your business. Nothing was changed.',
    notFound: 'That product was not found.',

    editAsk: {
      name: (current) => html`✏️ Current name: <b>${current}</b>\nType the <b>new name</b>.`,
      price: (current) => html`💰 Current price: <b>${current}</b>\nType the <b>new price</b>.`,
      category: (current) => html`🏷 Current category: <b>${current}</b>\nChoose the <b>new category</b>.`,
      unit: (current) => html`📏 Current unit: <b>${current}</b>\nChoose or type the <b>new unit</b>.`,
      minOrder: (current) => html`🔢 Current minimum order: <b>${current}</b>\nType the <b>new number</b>.`,
      description: (current) => html`📝 Current description: ${current}\nType the <b>new description</b> (at most ${DESCRIPTION_MAX} characters).`,
      photo: (hasPhoto) => (hasPhoto ? html`📷 Send a <b>new photo</b> to replace the current one.` : html`📷 Send a <b>photo</b> of the product.`),
    },
    editPhotoExpected: html`I am waiting for a <b>photo</b> of the product. Send it as a photo (not a file), or type /cancel.`,
    clearDescriptionButton: '🗑 Remove description',
    clearPhotoButton: '🗑 Remove photo',
    updated: (field) => html`✅ ${field} updated.`,
    unchanged: html`Nothing changed — the value is the same as before.`,
    goneWhileEditing: html`This product can no longer be edited. Nothing was saved.`,
  },
});
