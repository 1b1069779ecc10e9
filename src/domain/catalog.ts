import type { Category } from './categories.js';
import type { MissionStatus } from './entities.js';
import type { SearchDocument } from './search.js';
import { clipText } from './text.js';

/**
 * The buyer's view of a product: the listing with the exhibitor it belongs
 * to, everything a catalog line, a product card or an inline result shows.
 */
export interface CatalogProduct extends SearchDocument {
  price: bigint;
  unit: string;
  minOrder: number;
  photoFileId: string | null;
  active: boolean;
  exhibitorId: number;
  /** Telegram id of the exhibitor's owner: who answers inquiries. */
  ownerId: bigint;
  booth: string | null;
  city: string | null;
  missionId: number;
  missionStatus: MissionStatus;
}

/** One shelf of the catalog with how many active products it holds. */
export interface CategoryCount {
  category: Category;
  count: number;
}

/** Lines on one catalog page: eight product buttons still fit a phone screen with the navigation row. */
export const CATALOG_PAGE_SIZE = 8;
/** Telegram shows at most 50 inline results per answer. */
export const INLINE_PAGE_SIZE = 50;
/** Search results listed in the chat; the rest are worth a more precise query. */
export const SEARCH_RESULT_LIMIT = 10;
/**
 * Matches a search counts exactly; past this it says "more than 50": counting
 * every product a broad word matches would cost a pass over all of them.
 * A search reports at most SEARCH_COUNT_CAP + 1, meaning more than the cap.
 */
export const SEARCH_COUNT_CAP = 50;

/** A page number made safe: where a list of `total` items has no such page, the nearest page that exists. */
export interface PageSpec {
  /** 1-based. */
  page: number;
  pages: number;
  /** True when the asked page did not exist (a stale button after products were removed, or forged data). */
  clamped: boolean;
}

export function pageOf(requested: number, total: number, size: number = CATALOG_PAGE_SIZE): PageSpec {
  const pages = Math.max(1, Math.ceil(total / size));
  const wanted = Number.isSafeInteger(requested) ? requested : 1;
  const page = Math.min(Math.max(wanted, 1), pages);
  return { page, pages, clamped: page !== requested };
}

/** Whether a product may be shown to buyers and asked about: listed, and its mission running. */
export function isAvailable(product: Pick<CatalogProduct, 'active' | 'missionStatus'>): boolean {
  return product.active && product.missionStatus === 'ACTIVE';
}

/**
 * The position an inline query's `offset` names. Telegram echoes back the
 * `next_offset` we gave; anything else (a client sending garbage) starts over.
 */
export function parseInlineOffset(offset: string): number {
  if (!/^\d{1,6}$/.test(offset)) return 0;
  return Number(offset);
}

/** The `next_offset` after a page: empty when the last page has been given (`more` false), which tells Telegram to stop. */
export function nextInlineOffset(offset: number, shown: number, more: boolean): string {
  return shown > 0 && more ? String(offset + shown) : '';
}

/** Deep-link payload that opens a product card (`t.me/<bot>?start=p_12`). */
export const PRODUCT_START_PREFIX = 'p_';

export function productStartPayload(productId: number): string {
  return `${PRODUCT_START_PREFIX}${productId}`;
}

/** The product id of a deep-link payload's rest (`12` of `p_12`); undefined for anything that is not a plain id. */
export function parseProductId(text: string): number | undefined {
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const id = Number(text);
  return id > 0 ? id : undefined;
}

/** Telegram allows 1024 characters in a caption; a long description is cut at a word boundary to fit. */
export function truncateText(text: string, max: number): string {
  const clipped = clipText(text, max);
  if (clipped === text) return text;
  const cut = clipped.slice(0, -1);
  // A cut that ends where a word ends needs no backing off to the previous space.
  if (/\s/.test(text.charAt(cut.length))) return `${cut.trimEnd()}…`;
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
