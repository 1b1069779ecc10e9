import { describe, expect, it } from 'vitest';
import {
  changedFields,
  largestPhoto,
  pageOf,
  validateCategory,
  validateDescription,
  validateMinOrder,
  validateProductField,
  validateProductName,
  validateProductPrice,
  validateUnit,
  type ProductInput,
  type TextField,
} from '../../src/domain/product.js';

describe('validateProductName', () => {
  it.each<{ input: string; expected: string }>([
    { input: 'Keripik Tempe', expected: 'Keripik Tempe' },
    { input: '  Kopi   Ijen  ', expected: 'Kopi Ijen' },
    { input: 'Batik\nTulis', expected: 'Batik Tulis' },
    { input: 'Es', expected: 'Es' },
    { input: 'K'.repeat(80), expected: 'K'.repeat(80) },
    // 80 emoji are 160 UTF-16 units but 80 characters.
    { input: '☕'.repeat(80), expected: '☕'.repeat(80) },
    { input: '🍵'.repeat(80), expected: '🍵'.repeat(80) },
  ])('accepts "$input"', ({ input, expected }) => {
    expect(validateProductName(input)).toEqual({ ok: true, value: expected });
  });

  it.each<{ input: string; reason: string }>([
    { input: '', reason: 'too_short' },
    { input: '   ', reason: 'too_short' },
    { input: 'A', reason: 'too_short' },
    { input: ' A ', reason: 'too_short' },
    { input: 'K'.repeat(81), reason: 'too_long' },
    { input: '🍵'.repeat(81), reason: 'too_long' },
  ])('refuses "$input" as $reason', ({ input, reason }) => {
    expect(validateProductName(input)).toEqual({ ok: false, reason });
  });
});

describe('validateCategory', () => {
  it.each<{ input: string; expected: string }>([
    { input: 'makanan', expected: 'makanan' },
    { input: 'Food', expected: 'makanan' },
    { input: 'kopi', expected: 'minuman' },
    { input: 'Rokok', expected: 'tembakau' },
    { input: 'batik', expected: 'fashion' },
    { input: 'Lain-lain', expected: 'lainnya' },
    { input: '🧺', expected: 'kerajinan' },
  ])('"$input" → $expected', ({ input, expected }) => {
    expect(validateCategory(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['', 'xyz', 'elektronik', 'spaceships'])('refuses "%s"', (input) => {
    expect(validateCategory(input)).toEqual({ ok: false, reason: 'unknown_category' });
  });
});

describe('validateProductPrice uses the full rupiah grammar', () => {
  it.each<{ input: string; expected: bigint }>([
    { input: '15000', expected: 15_000n },
    { input: '15.000', expected: 15_000n },
    { input: 'Rp 15.000,00', expected: 15_000n },
    { input: 'Rp15.000,-', expected: 15_000n },
    { input: '15rb', expected: 15_000n },
    { input: '15 ribu', expected: 15_000n },
    { input: '15k', expected: 15_000n },
    { input: '1,5 jt', expected: 1_500_000n },
    { input: '1.5jt', expected: 1_500_000n },
    { input: '2 M', expected: 2_000_000_000n },
    // Issue 9: prices in words read too (this one was refused before).
    { input: 'lima ribu', expected: 5_000n },
  ])('$input → $expected', ({ input, expected }) => {
    expect(validateProductPrice(input)).toEqual({ ok: true, value: expected });
  });

  it.each<{ input: string; reason: string }>([
    { input: '', reason: 'empty' },
    { input: 'murah', reason: 'not_a_number' },
    { input: '-5000', reason: 'negative' },
    { input: '0', reason: 'zero' },
    { input: 'Rp 0', reason: 'zero' },
    { input: '1.50.000', reason: 'ambiguous' },
    { input: '1 500 000', reason: 'ambiguous' },
    { input: '1,5', reason: 'fraction' },
    { input: '5000 T', reason: 'too_large' },
  ])('refuses "$input" as $reason', ({ input, reason }) => {
    expect(validateProductPrice(input)).toEqual({ ok: false, reason });
  });
});

describe('validateUnit', () => {
  it.each<{ input: string; expected: string }>([
    { input: 'pcs', expected: 'pcs' },
    { input: 'PCS', expected: 'pcs' },
    { input: ' Botol ', expected: 'botol' },
    { input: '250 gr', expected: '250 gr' },
    { input: 'pack  isi 10', expected: 'pack isi 10' },
    { input: 'u'.repeat(20), expected: 'u'.repeat(20) },
  ])('"$input" → "$expected"', ({ input, expected }) => {
    expect(validateUnit(input)).toEqual({ ok: true, value: expected });
  });

  it.each<{ input: string; reason: string }>([
    { input: '', reason: 'empty' },
    { input: '   ', reason: 'empty' },
    { input: 'u'.repeat(21), reason: 'too_long' },
    { input: '5', reason: 'no_letters' },
    { input: '10.000', reason: 'no_letters' },
    { input: '🍵', reason: 'no_letters' },
  ])('refuses "$input" as $reason', ({ input, reason }) => {
    expect(validateUnit(input)).toEqual({ ok: false, reason });
  });
});

describe('validateMinOrder', () => {
  it.each<{ input: string; expected: number }>([
    { input: '1', expected: 1 },
    { input: ' 10 ', expected: 10 },
    { input: '007', expected: 7 },
    { input: '1.000', expected: 1000 },
    { input: '1,000', expected: 1000 },
    { input: '1000000', expected: 1_000_000 },
    { input: '1.000.000', expected: 1_000_000 },
  ])('"$input" → $expected', ({ input, expected }) => {
    expect(validateMinOrder(input)).toEqual({ ok: true, value: expected });
  });

  it.each<{ input: string; reason: string }>([
    { input: '', reason: 'not_a_number' },
    { input: 'abc', reason: 'not_a_number' },
    { input: 'sepuluh', reason: 'not_a_number' },
    { input: '10 pcs', reason: 'not_a_number' },
    { input: '1.5.0', reason: 'not_whole' },
    { input: '1,5', reason: 'not_whole' },
    { input: '2.5', reason: 'not_whole' },
    { input: '0', reason: 'not_positive' },
    { input: '000', reason: 'not_positive' },
    { input: '-3', reason: 'not_positive' },
    { input: '− 3', reason: 'not_positive' },
    { input: '1000001', reason: 'too_large' },
    { input: '99999999999999999999', reason: 'too_large' },
  ])('refuses "$input" as $reason', ({ input, reason }) => {
    expect(validateMinOrder(input)).toEqual({ ok: false, reason });
  });
});

describe('validateDescription', () => {
  it.each<{ input: string; expected: string }>([
    { input: 'Renyah, tanpa pengawet.', expected: 'Renyah, tanpa pengawet.' },
    { input: '  Pedas\nmanis  ', expected: 'Pedas\nmanis' },
    { input: 'd'.repeat(500), expected: 'd'.repeat(500) },
  ])('accepts "$input"', ({ input, expected }) => {
    expect(validateDescription(input)).toEqual({ ok: true, value: expected });
  });

  it.each<{ input: string; reason: string }>([
    { input: '', reason: 'empty' },
    { input: ' \n ', reason: 'empty' },
    { input: 'd'.repeat(501), reason: 'too_long' },
  ])('refuses "$input" as $reason', ({ input, reason }) => {
    expect(validateDescription(input)).toEqual({ ok: false, reason });
  });
});

describe('validateProductField: one validation for the wizard and every edit', () => {
  it.each<{ field: TextField; input: string; patch: object }>([
    { field: 'name', input: ' Kopi  Ijen ', patch: { name: 'Kopi Ijen' } },
    { field: 'category', input: 'rokok', patch: { category: 'tembakau' } },
    { field: 'price', input: '1,5 jt', patch: { price: 1_500_000n } },
    { field: 'unit', input: 'Kodi', patch: { unit: 'kodi' } },
    { field: 'minOrder', input: '12', patch: { minOrder: 12 } },
    { field: 'description', input: 'Enak', patch: { description: 'Enak' } },
  ])('$field "$input" → $patch', ({ field, input, patch }) => {
    expect(validateProductField(field, input)).toEqual({ ok: true, patch });
  });

  it.each<{ field: TextField; input: string; reason: string }>([
    { field: 'name', input: 'X', reason: 'too_short' },
    { field: 'name', input: 'X'.repeat(81), reason: 'too_long' },
    { field: 'category', input: 'mobil', reason: 'unknown_category' },
    { field: 'price', input: 'abc', reason: 'not_a_number' },
    { field: 'price', input: '-1000', reason: 'negative' },
    { field: 'price', input: '0', reason: 'zero' },
    { field: 'price', input: '1.50.000', reason: 'ambiguous' },
    { field: 'unit', input: '12', reason: 'no_letters' },
    { field: 'minOrder', input: '0', reason: 'not_positive' },
    { field: 'minOrder', input: 'abc', reason: 'not_a_number' },
    { field: 'description', input: 'x'.repeat(501), reason: 'too_long' },
  ])('$field "$input" is refused as $reason, naming the field', ({ field, input, reason }) => {
    expect(validateProductField(field, input)).toEqual({ ok: false, failure: { field, reason } });
  });
});

describe('largestPhoto', () => {
  const size = (file_id: string, width: number, height: number, file_size?: number) => ({ file_id, width, height, ...(file_size === undefined ? {} : { file_size }) });
  it.each<{ name: string; sizes: ReturnType<typeof size>[]; expected: string | undefined }>([
    { name: 'Telegram order, smallest first', sizes: [size('s', 90, 68), size('m', 320, 240), size('x', 1280, 960)], expected: 'x' },
    { name: 'any order', sizes: [size('x', 1280, 960), size('s', 90, 68), size('m', 320, 240)], expected: 'x' },
    { name: 'portrait', sizes: [size('s', 68, 90), size('x', 960, 1280)], expected: 'x' },
    { name: 'same area: the bigger file', sizes: [size('a', 100, 100, 10), size('b', 100, 100, 20)], expected: 'b' },
    { name: 'one size', sizes: [size('only', 50, 50)], expected: 'only' },
    { name: 'no sizes', sizes: [], expected: undefined },
  ])('$name → $expected', ({ sizes, expected }) => {
    expect(largestPhoto(sizes)).toBe(expected);
  });
});

describe('changedFields', () => {
  const before: ProductInput = {
    name: 'Kopi',
    category: 'minuman',
    price: 50_000n,
    unit: 'pcs',
    minOrder: 1,
    description: null,
    photoFileId: 'AgAC1',
  };
  it.each<{ name: string; patch: Partial<ProductInput>; expected: string[] }>([
    { name: 'a new price', patch: { price: 55_000n }, expected: ['price'] },
    { name: 'the same price (bigint compared by value)', patch: { price: 50_000n }, expected: [] },
    { name: 'the same name', patch: { name: 'Kopi' }, expected: [] },
    { name: 'a description where there was none', patch: { description: 'Arabika' }, expected: ['description'] },
    { name: 'the photo removed', patch: { photoFileId: null }, expected: ['photoFileId'] },
    { name: 'no description removed again', patch: { description: null }, expected: [] },
    { name: 'two fields', patch: { unit: 'kg', minOrder: 5 }, expected: ['unit', 'minOrder'] },
  ])('$name → $expected', ({ patch, expected }) => {
    expect(changedFields(before, patch)).toEqual(expected);
  });
});

describe('pageOf', () => {
  it.each<{ total: number; requested: number; size: number; expected: ReturnType<typeof pageOf> }>([
    { total: 0, requested: 0, size: 8, expected: { page: 0, pages: 1, start: 0, end: 0 } },
    { total: 3, requested: 0, size: 8, expected: { page: 0, pages: 1, start: 0, end: 3 } },
    { total: 8, requested: 0, size: 8, expected: { page: 0, pages: 1, start: 0, end: 8 } },
    { total: 9, requested: 1, size: 8, expected: { page: 1, pages: 2, start: 8, end: 9 } },
    { total: 20, requested: 1, size: 8, expected: { page: 1, pages: 3, start: 8, end: 16 } },
    // An old button asking for a page that no longer exists shows the last one.
    { total: 9, requested: 5, size: 8, expected: { page: 1, pages: 2, start: 8, end: 9 } },
    { total: 9, requested: -1, size: 8, expected: { page: 0, pages: 2, start: 0, end: 8 } },
    { total: 9, requested: Number.NaN, size: 8, expected: { page: 0, pages: 2, start: 0, end: 8 } },
  ])('$total items, page $requested of $size → $expected', ({ total, requested, size, expected }) => {
    expect(pageOf(total, requested, size)).toEqual(expected);
  });
});
