import { matchCategory, type Category } from './categories.js';
import { parseRupiah, type MoneyError } from './money.js';
import { err, ok, type Result } from './result.js';

/**
 * A listing of an exhibitor, in domain words. Deactivated listings stay (a
 * sale report may point at them); `active` says whether buyers see it.
 */
export interface Product {
  id: number;
  exhibitorId: number;
  name: string;
  category: Category;
  price: bigint;
  unit: string;
  minOrder: number;
  description: string | null;
  /** Telegram file_id of the largest photo size; the bytes stay at Telegram. */
  photoFileId: string | null;
  active: boolean;
  createdAt: Date;
}

/** What the new-product wizard collects; everything but the id and the flags. */
export type ProductInput = Pick<Product, 'name' | 'category' | 'price' | 'unit' | 'minOrder' | 'description' | 'photoFileId'>;

/** Some fields of a product, as one edit from /produkku changes them. */
export type ProductPatch = Partial<ProductInput>;

export const PRODUCT_NAME_MIN = 2;
export const PRODUCT_NAME_MAX = 80;
export const UNIT_MAX = 20;
export const DESCRIPTION_MAX = 500;
/** Far above any real minimum order; keeps the number inside a 32-bit column and catches a slip of the thumb. */
export const MIN_ORDER_MAX = 1_000_000;

/**
 * The units offered as buttons, the ones UMKM sell by at an exhibition
 * (`kodi` = 20 pieces of cloth, `lusin` = a dozen). Anything else may be typed.
 */
export const COMMON_UNITS = ['pcs', 'kg', 'botol', 'bungkus', 'dus', 'kodi', 'lusin', 'paket'] as const;

export type NameError = 'too_short' | 'too_long';
export type CategoryError = 'unknown_category';
export type UnitError = 'empty' | 'too_long' | 'no_letters';
export type MinOrderError = 'not_a_number' | 'not_whole' | 'not_positive' | 'too_large';
export type DescriptionError = 'empty' | 'too_long';

/** Each typed field and the reasons it can be refused for; price reasons are the money grammar's. */
export interface ProductFieldErrors {
  name: NameError;
  category: CategoryError;
  price: MoneyError;
  unit: UnitError;
  minOrder: MinOrderError;
  description: DescriptionError;
}

/** A field answered by typing (the photo is answered with a photo). */
export type TextField = keyof ProductFieldErrors;

/** Every field an owner may edit from /produkku. */
export type ProductField = TextField | 'photo';

export const PRODUCT_FIELDS: readonly ProductField[] = ['name', 'price', 'category', 'unit', 'minOrder', 'description', 'photo'];

/** Why a typed field was refused, with the field, so the catalogue can word it. */
export type FieldFailure = { [F in TextField]: { field: F; reason: ProductFieldErrors[F] } }[TextField];

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
function charCount(text: string): number {
  return Array.from(text).length;
}

/** Spaces and line breaks collapsed, as in a one-line field. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A product name: 2–80 characters, on one line. */
export function validateProductName(input: string): Result<string, NameError> {
  const name = oneLine(input);
  if (charCount(name) < PRODUCT_NAME_MIN) return err('too_short');
  if (charCount(name) > PRODUCT_NAME_MAX) return err('too_long');
  return ok(name);
}

/** One of the six categories, by key, name in either language, alias or emoji. */
export function validateCategory(input: string): Result<Category, CategoryError> {
  const category = matchCategory(input);
  return category ? ok(category) : err('unknown_category');
}

/** A price in the full rupiah grammar (`15000`, `15.000`, `15rb`, `1,5 jt`). */
export function validateProductPrice(input: string): Result<bigint, MoneyError> {
  return parseRupiah(input);
}

/**
 * A unit of sale: a short word with at least one letter (`pcs`, `250 gr`,
 * `pack`), lower-cased so `PCS` and `pcs` are one unit in listings and reports.
 */
export function validateUnit(input: string): Result<string, UnitError> {
  const unit = oneLine(input).toLowerCase();
  if (unit === '') return err('empty');
  if (charCount(unit) > UNIT_MAX) return err('too_long');
  if (!/\p{L}/u.test(unit)) return err('no_letters');
  return ok(unit);
}

/**
 * A minimum order: a positive whole number. `1.000` (and `1,000`) is a
 * thousand, as in the money grammar; `1,5` is refused as not whole rather
 * than guessed.
 */
export function validateMinOrder(input: string): Result<number, MinOrderError> {
  return parseWholeNumber(input, MIN_ORDER_MAX);
}

/**
 * A positive whole number as people type it: `30`, `1.000` or `1,000` (a
 * thousand, as in the money grammar); `1,5` is refused as not whole rather
 * than guessed. Minimum orders and inquiry quantities share it.
 */
export function parseWholeNumber(input: string, max: number): Result<number, MinOrderError> {
  const text = input.trim();
  if (/^[-\u2212]\s*\d/.test(text)) return err('not_positive');
  let digits: string;
  if (/^\d+$/.test(text)) digits = text;
  else if (/^\d{1,3}(\.\d{3})+$/.test(text) || /^\d{1,3}(,\d{3})+$/.test(text)) digits = text.replace(/[.,]/g, '');
  else if (/^\d+([.,]\d+)+$/.test(text)) return err('not_whole');
  else return err('not_a_number');
  // Compared as text length first: BigInt-free and safe for absurdly long input.
  const value = digits.length > 9 ? Number.POSITIVE_INFINITY : Number(digits);
  if (value === 0) return err('not_positive');
  if (value > max) return err('too_large');
  return ok(value);
}

/** A free description, up to 500 characters; line breaks are kept, outer spaces trimmed. */
export function validateDescription(input: string): Result<string, DescriptionError> {
  const text = input.trim();
  if (text === '') return err('empty');
  if (charCount(text) > DESCRIPTION_MAX) return err('too_long');
  return ok(text);
}

/**
 * Validates one typed field into the patch that saves it. The new-product
 * wizard and every /produkku edit go through here, so a value refused in one
 * is refused in the other.
 */
export function validateProductField(
  field: TextField,
  input: string,
): { ok: true; patch: ProductPatch } | { ok: false; failure: FieldFailure } {
  switch (field) {
    case 'name': {
      const r = validateProductName(input);
      return r.ok ? { ok: true, patch: { name: r.value } } : { ok: false, failure: { field, reason: r.reason } };
    }
    case 'category': {
      const r = validateCategory(input);
      return r.ok ? { ok: true, patch: { category: r.value } } : { ok: false, failure: { field, reason: r.reason } };
    }
    case 'price': {
      const r = validateProductPrice(input);
      return r.ok ? { ok: true, patch: { price: r.value } } : { ok: false, failure: { field, reason: r.reason } };
    }
    case 'unit': {
      const r = validateUnit(input);
      return r.ok ? { ok: true, patch: { unit: r.value } } : { ok: false, failure: { field, reason: r.reason } };
    }
    case 'minOrder': {
      const r = validateMinOrder(input);
      return r.ok ? { ok: true, patch: { minOrder: r.value } } : { ok: false, failure: { field, reason: r.reason } };
    }
    case 'description': {
      const r = validateDescription(input);
      return r.ok ? { ok: true, patch: { description: r.value } } : { ok: false, failure: { field, reason: r.reason } };
    }
  }
}

/** One size of a photo as Telegram sends it (smallest first, but we do not rely on it). */
export interface PhotoSizeLike {
  file_id: string;
  width: number;
  height: number;
  file_size?: number;
}

/**
 * The file_id of the largest size of a photo, the one worth showing on a
 * product card; undefined for an empty list.
 */
export function largestPhoto(sizes: readonly PhotoSizeLike[]): string | undefined {
  let best: PhotoSizeLike | undefined;
  for (const size of sizes) {
    if (!best) best = size;
    else {
      const area = size.width * size.height;
      const bestArea = best.width * best.height;
      if (area > bestArea || (area === bestArea && (size.file_size ?? 0) > (best.file_size ?? 0))) best = size;
    }
  }
  return best?.file_id;
}

/**
 * The fields whose values differ between two versions of a product, for an
 * edit that changed nothing (same price typed again) to save nothing.
 */
export function changedFields(before: ProductInput, patch: ProductPatch): (keyof ProductInput)[] {
  return (Object.keys(patch) as (keyof ProductInput)[]).filter((key) => patch[key] !== undefined && patch[key] !== before[key]);
}

/** A page of a list: which items it shows, and how many pages there are. */
export interface Page {
  /** Zero-based page number, clamped into range. */
  page: number;
  pages: number;
  start: number;
  end: number;
}

/**
 * Clamps a requested page (from an old button, say) into range, so a list that
 * shrank never shows an empty page.
 */
export function pageOf(total: number, requested: number, size: number): Page {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(0, Number.isFinite(requested) ? Math.trunc(requested) : 0), pages - 1);
  return { page, pages, start: page * size, end: Math.min(total, (page + 1) * size) };
}
