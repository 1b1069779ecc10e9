import { describe, expect, it } from 'vitest';
import { matchProduct, productKey, type ListedProduct } from '../../src/domain/product-match.js';

describe('productKey', () => {
  it.each<{ input: string; expected: string }>([
    { input: 'Keripik Tempe', expected: 'keripik tempe' },
    { input: '  KERIPIK   tempe  ', expected: 'keripik tempe' },
    { input: 'Kopi Gayo-Arabika!', expected: 'kopi gayo arabika' },
    { input: 'Batik Tulis (Madura)', expected: 'batik tulis madura' },
    { input: 'Café Luwak', expected: 'cafe luwak' },
    { input: 'Sambal 200 gr', expected: 'sambal 200 gr' },
    { input: '', expected: '' },
    { input: '—', expected: '' },
  ])('$input → "$expected"', ({ input, expected }) => {
    expect(productKey(input)).toBe(expected);
  });
});

describe('matchProduct', () => {
  const listings: ListedProduct[] = [
    { id: 1, name: 'Keripik Tempe' },
    { id: 2, name: 'Keripik Tempe Pedas' },
    { id: 3, name: 'Kopi Arabika Gayo' },
    { id: 4, name: 'Kopi Robusta' },
    { id: 5, name: 'Batik Tulis Madura' },
    { id: 6, name: 'Sambal Bu Sri' },
    { id: 7, name: 'Teh' },
  ];

  it.each<{ typed: string; expected: number | undefined; why: string }>([
    { typed: 'keripik tempe', expected: 1, why: 'same name, other case' },
    { typed: 'KERIPIK   TEMPE', expected: 1, why: 'case and spacing ignored' },
    { typed: 'keripiktempe', expected: 1, why: 'spaces ignored altogether' },
    { typed: 'Keripik-Tempe.', expected: 1, why: 'punctuation ignored' },
    { typed: 'keripik tempe pedas', expected: 2, why: 'the exact longer listing, not its prefix' },
    { typed: 'keripik tempe pedas level 5', expected: 2, why: 'the listing with the most words contained in the text wins' },
    { typed: 'keripik tempe original', expected: 1, why: 'text contains the whole listing name plus a detail' },
    { typed: 'tempe pedas', expected: 2, why: 'text words all in exactly one listing' },
    { typed: 'robusta', expected: 4, why: 'one word naming exactly one listing' },
    { typed: 'gayo', expected: 3, why: 'one distinctive word' },
    { typed: 'arabika gayo kopi', expected: 3, why: 'word order does not matter' },
    { typed: 'batik', expected: 5, why: 'only one batik' },
    { typed: 'teh manis', expected: 7, why: 'listing name inside the text' },
    { typed: 'kopi', expected: undefined, why: 'two coffees: ambiguous, no guess' },
    { typed: 'keripik', expected: undefined, why: 'two keripik listings: ambiguous' },
    { typed: 'rendang', expected: undefined, why: 'no listing at all' },
    { typed: 'kopi teh', expected: 7, why: '"Teh" is wholly in the text; no coffee is' },
    { typed: 'tempe kopi', expected: undefined, why: 'words from two different listings' },
    { typed: '', expected: undefined, why: 'empty text' },
    { typed: '!!!', expected: undefined, why: 'punctuation only' },
  ])('"$typed" → $expected ($why)', ({ typed, expected }) => {
    expect(matchProduct(typed, listings)?.id).toBe(expected);
  });

  it('returns nothing without listings', () => {
    expect(matchProduct('keripik tempe', [])).toBeUndefined();
  });

  it('does not pick a listing by a word shorter than three letters', () => {
    expect(matchProduct('bu', listings)).toBeUndefined();
    expect(matchProduct('sri', listings)?.id).toBe(6);
  });

  it('gives up when two listings contain the text equally well', () => {
    const twins: ListedProduct[] = [
      { id: 1, name: 'Kopi' },
      { id: 2, name: 'Teh' },
    ];
    expect(matchProduct('kopi teh', twins)).toBeUndefined();
  });

  it('returns the listing object itself, with its other fields', () => {
    const products = [{ id: 9, name: 'Tas Anyaman', unit: 'buah' }];
    expect(matchProduct('tas anyaman', products)).toBe(products[0]);
  });
});
