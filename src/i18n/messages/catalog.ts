import { bilingual } from '../bilingual.js';
import { html, lines, type SafeHtml } from '../html.js';
import { plural } from '../plural.js';
import { SEARCH_COUNT_CAP } from '../../domain/catalog.js';

/** A product as a buyer reads it; amounts and names already formatted by the bot. */
export interface ProductView {
  name: string;
  /** `Rp15.000`. */
  price: string;
  unit: string;
  minOrder: number;
  /** Emoji and name, `🍱 Makanan`. */
  category: string;
  description: string | null;
  exhibitor: string;
  province: string;
  city: string | null;
  booth: string | null;
}

/** One line of a catalog page or of search results. */
export interface ProductLineView {
  number: number;
  name: string;
  price: string;
  unit: string;
  exhibitor: string;
  province: string;
}

function place(v: Pick<ProductView, 'city' | 'province'>): string {
  return v.city ? `${v.city}, ${v.province}` : v.province;
}

function productLines(items: readonly ProductLineView[]): SafeHtml[] {
  return items.map((item) =>
    lines([html`${item.number}. <b>${item.name}</b> — ${item.price} / ${item.unit}`, html`    ${item.exhibitor} · ${item.province}`]),
  );
}

/** /katalog: categories, pages of products, the product card. */
export const catalog = bilingual({
  id: {
    categories: (mission: string, products: number) =>
      lines([html`🛍 <b>Katalog — ${mission}</b>`, html`${products} produk. Pilih kategori:`, html`<i>Atau cari langsung: /cari kopi</i>`]),
    categoryButton: (label: string, count: number) => `${label} (${count})`,
    empty: (mission: string) => html`🛍 <b>Katalog — ${mission}</b>\nBelum ada produk yang dipajang. Coba lagi nanti, ya.`,
    page: (category: string, page: number, pages: number, total: number, items: readonly ProductLineView[]) =>
      lines([
        html`${category} — halaman ${page}/${pages} · ${total} produk`,
        '',
        ...productLines(items),
        '',
        html`<i>Tekan nama produk untuk melihat detail.</i>`,
      ]),
    prevButton: '⬅️ Sebelumnya',
    nextButton: 'Berikutnya ➡️',
    categoriesButton: '🗂 Kategori',
    backButton: '⬅️ Kembali',
    askButton: '💬 Tanya / pesan',
    card: (v: ProductView) =>
      lines([
        html`<b>${v.name}</b>`,
        html`💰 ${v.price} / ${v.unit}`,
        html`📦 Minimal pesan: ${v.minOrder} ${v.unit}`,
        html`🏷 ${v.category}`,
        v.description !== null && '',
        v.description !== null && html`${v.description}`,
        '',
        html`🏪 ${v.exhibitor}`,
        html`📍 ${place(v)}${v.booth ? html` · Stan ${v.booth}` : ''}`,
      ]),
    productGone: 'Produk ini sudah tidak tersedia.',
    productGoneText: html`Maaf, produk ini sudah tidak tersedia. Lihat produk lain di /katalog.`,
    categoryEmpty: 'Kategori ini sudah kosong.',
    pageGone: (asked: number, shown: number) => `Halaman ${asked} sudah tidak ada — ini halaman ${shown}.`,
  },
  en: {
    categories: (mission, products) =>
      lines([html`🛍 <b>Catalog — ${mission}</b>`, html`${plural(products, 'product', 'products')}. Choose a category:`, html`<i>Or search right away: /search coffee</i>`]),
    categoryButton: (label, count) => `${label} (${count})`,
    empty: (mission) => html`🛍 <b>Catalog — ${mission}</b>\nNo products are listed yet. Please try again later.`,
    page: (category, page, pages, total, items) =>
      lines([
        html`${category} — page ${page}/${pages} · ${plural(total, 'product', 'products')}`,
        '',
        ...productLines(items),
        '',
        html`<i>Tap a product name for the details.</i>`,
      ]),
    prevButton: '⬅️ Previous',
    nextButton: 'Next ➡️',
    categoriesButton: '🗂 Categories',
    backButton: '⬅️ Back',
    askButton: '💬 Ask / order',
    card: (v) =>
      lines([
        html`<b>${v.name}</b>`,
        html`💰 ${v.price} / ${v.unit}`,
        html`📦 Minimum order: ${v.minOrder} ${v.unit}`,
        html`🏷 ${v.category}`,
        v.description !== null && '',
        v.description !== null && html`${v.description}`,
        '',
        html`🏪 ${v.exhibitor}`,
        html`📍 ${place(v)}${v.booth ? html` · Booth ${v.booth}` : ''}`,
      ]),
    productGone: 'This product is no longer available.',
    productGoneText: html`Sorry, this product is no longer available. See other products with /catalog.`,
    categoryEmpty: 'This category is empty now.',
    pageGone: (asked, shown) => `Page ${asked} no longer exists — this is page ${shown}.`,
  },
});

/** /cari and inline mode. */
export const search = bilingual({
  id: {
    usage: lines([
      html`🔎 <b>Cari produk</b>: ketik kata yang dicari setelah perintah, misalnya`,
      html`<code>/cari keripik</code> · <code>/cari kopi jawa timur</code>`,
      html`Yang dicari: nama produk, deskripsi, nama usaha, kategori, dan provinsi.`,
    ]),
    tooShort: html`Kata pencariannya terlalu pendek — paling sedikit 3 huruf. Contoh: <code>/cari kopi</code>.`,
    none: (query: string) => html`Tidak ada produk yang cocok dengan «${query}». Coba kata lain, atau lihat semua produk di /katalog.`,
    noMission: html`Belum ada misi dagang yang aktif, jadi belum ada produk untuk dicari.`,
    results: (query: string, shown: number, total: number, items: readonly ProductLineView[]) =>
      lines([
        total > SEARCH_COUNT_CAP ? html`🔎 <b>Hasil untuk «${query}»</b> — lebih dari ${SEARCH_COUNT_CAP} produk` : html`🔎 <b>Hasil untuk «${query}»</b> — ${total} produk`,
        '',
        ...productLines(items),
        shown < total && '',
        shown < total && html`<i>Menampilkan ${shown} teratas. Tambahkan kata supaya hasilnya lebih tepat.</i>`,
      ]),
    inlineDescription: (price: string, unit: string, exhibitor: string, province: string) => `${price} / ${unit} · ${exhibitor} · ${province}`,
    openInBotButton: '🛒 Buka di bot',
    inlineNothingButton: 'Tidak ketemu? Buka katalog',
  },
  en: {
    usage: lines([
      html`🔎 <b>Search products</b>: type the words after the command, for example`,
      html`<code>/search keripik</code> · <code>/search kopi jawa timur</code>`,
      html`Searched: product name, description, business name, category and province.`,
    ]),
    tooShort: html`The search words are too short — at least 3 letters. Example: <code>/search kopi</code>.`,
    none: (query) => html`No product matches «${query}». Try other words, or see every product with /catalog.`,
    noMission: html`No trade mission is active yet, so there are no products to search.`,
    results: (query, shown, total, items) =>
      lines([
        total > SEARCH_COUNT_CAP
          ? html`🔎 <b>Results for «${query}»</b> — more than ${SEARCH_COUNT_CAP} products`
          : html`🔎 <b>Results for «${query}»</b> — ${plural(total, 'product', 'products')}`,
        '',
        ...productLines(items),
        shown < total && '',
        shown < total && html`<i>Showing the top ${shown}. Add words for more precise results.</i>`,
      ]),
    inlineDescription: (price, unit, exhibitor, province) => `${price} / ${unit} · ${exhibitor} · ${province}`,
    openInBotButton: '🛒 Open in the bot',
    inlineNothingButton: 'Nothing found? Open the catalog',
  },
});
