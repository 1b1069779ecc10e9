import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  CATEGORY_ALIASES,
  CATEGORY_EMOJI,
  isCategory,
  matchCategory,
} from '../../src/domain/categories.js';
import type { Category } from '../../src/domain/categories.js';

describe('CATEGORIES', () => {
  it('are the six of the design, in keyboard order', () => {
    expect(CATEGORIES).toEqual(['makanan', 'minuman', 'fashion', 'tembakau', 'kerajinan', 'lainnya']);
  });

  it.each(CATEGORIES)('%s has an emoji and aliases', (category) => {
    expect(CATEGORY_EMOJI[category]).not.toBe('');
    expect(CATEGORY_ALIASES[category].length).toBeGreaterThan(0);
  });

  it('no alias points to two categories', () => {
    const seen = new Map<string, Category>();
    for (const category of CATEGORIES) {
      for (const alias of [category, ...CATEGORY_ALIASES[category]]) {
        expect(matchCategory(alias), alias).toBe(category);
        expect(seen.get(alias), alias).toBeUndefined();
        seen.set(alias, category);
      }
    }
  });

  it('emojis are distinct', () => {
    expect(new Set(Object.values(CATEGORY_EMOJI)).size).toBe(CATEGORIES.length);
  });
});

describe('matchCategory', () => {
  it.each<{ input: string; expected: Category | undefined }>([
    { input: 'makanan', expected: 'makanan' },
    { input: 'Makanan', expected: 'makanan' },
    { input: '  MINUMAN ', expected: 'minuman' },
    { input: 'fashion', expected: 'fashion' },
    { input: 'tembakau', expected: 'tembakau' },
    { input: 'kerajinan', expected: 'kerajinan' },
    { input: 'lainnya', expected: 'lainnya' },
    { input: 'food', expected: 'makanan' },
    { input: 'Drinks', expected: 'minuman' },
    { input: 'tobacco', expected: 'tembakau' },
    { input: 'crafts', expected: 'kerajinan' },
    { input: 'other', expected: 'lainnya' },
    { input: 'rokok', expected: 'tembakau' },
    { input: 'Rokok!', expected: 'tembakau' },
    { input: 'kuliner', expected: 'makanan' },
    { input: 'minum', expected: 'minuman' },
    { input: 'kopi', expected: 'minuman' },
    { input: 'batik', expected: 'fashion' },
    { input: 'pakaian', expected: 'fashion' },
    { input: 'fesyen', expected: 'fashion' },
    { input: 'handicraft', expected: 'kerajinan' },
    { input: 'cendera mata', expected: 'kerajinan' },
    { input: 'Lain-lain', expected: 'lainnya' },
    { input: 'lain lain', expected: 'lainnya' },
    { input: '🚬', expected: 'tembakau' },
    { input: '🍱', expected: 'makanan' },
    { input: '', expected: undefined },
    { input: '   ', expected: undefined },
    { input: 'elektronik', expected: undefined },
    { input: 'makanan minuman', expected: undefined },
    { input: 'mak', expected: undefined },
  ])('$input → $expected', ({ input, expected }) => {
    expect(matchCategory(input)).toBe(expected);
  });
});

describe('isCategory', () => {
  it.each<{ value: string; expected: boolean }>([
    { value: 'makanan', expected: true },
    { value: 'lainnya', expected: true },
    { value: 'Makanan', expected: false },
    { value: 'food', expected: false },
    { value: '', expected: false },
  ])('$value → $expected', ({ value, expected }) => {
    expect(isCategory(value)).toBe(expected);
  });
});
