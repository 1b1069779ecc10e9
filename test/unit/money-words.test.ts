import { describe, expect, it } from 'vitest';
import { MAX_RUPIAH, findMarkedRupiah, parseRupiah, parseRupiahPrefix, readRupiah } from '../../src/domain/money.js';
import type { MoneyError } from '../../src/domain/money.js';

// Issue 9, part 1: amounts in Indonesian number words, alone and mixed with digits.
describe('readRupiah reads number words', () => {
  it.each<{ input: string; expected: bigint }>([
    { input: 'sejuta', expected: 1_000_000n },
    { input: 'Sejuta', expected: 1_000_000n },
    { input: 'seribu', expected: 1_000n },
    { input: 'seratus', expected: 100n },
    { input: 'sepuluh ribu', expected: 10_000n },
    { input: 'sebelas juta', expected: 11_000_000n },
    { input: 'dua belas juta', expected: 12_000_000n },
    { input: 'sembilan belas ribu', expected: 19_000n },
    { input: 'satu juta', expected: 1_000_000n },
    { input: 'lima ratus ribu', expected: 500_000n },
    { input: 'seratus juta', expected: 100_000_000n },
    { input: 'seratus lima puluh ribu', expected: 150_000n },
    { input: 'dua ratus lima puluh ribu', expected: 250_000n },
    { input: 'tiga ratus dua puluh lima juta', expected: 325_000_000n },
    { input: 'sembilan ratus sembilan puluh sembilan ribu', expected: 999_000n },
    { input: 'satu miliar', expected: 1_000_000_000n },
    { input: 'satu milyar', expected: 1_000_000_000n },
    { input: 'semiliar', expected: 1_000_000_000n },
    { input: 'dua triliun', expected: 2_000_000_000_000n },
    { input: 'setengah juta', expected: 500_000n },
    { input: 'seperempat juta', expected: 250_000n },
    { input: 'satu setengah juta', expected: 1_500_000n },
    { input: 'dua setengah miliar', expected: 2_500_000_000n },
    { input: 'setengah M', expected: 500_000_000n },
    { input: 'dua juta lima ratus ribu', expected: 2_500_000n },
    { input: 'satu miliar dua ratus juta', expected: 1_200_000_000n },
    { input: 'lima puluh', expected: 50n },
    { input: 'seribu satu', expected: 1_001n },
    { input: 'dua juta lima ratus', expected: 2_000_500n },
    { input: 'dua belas ribu tiga ratus empat puluh lima rupiah', expected: 12_345n },
    { input: 'Rp sejuta', expected: 1_000_000n },
    { input: 'sejuta rupiah', expected: 1_000_000n },
    // Mixes with digits.
    { input: '2 juta 500 ribu', expected: 2_500_000n },
    { input: '1,5 juta', expected: 1_500_000n },
    { input: '2 ratus ribu', expected: 200_000n },
    { input: '1 M dua ratus juta', expected: 1_200_000_000n },
    { input: 'dua juta 500 rb', expected: 2_500_000n },
  ])('$input → $expected', ({ input, expected }) => {
    expect(readRupiah(input)).toEqual({ ok: true, value: { amount: expected, alternative: undefined } });
    expect(parseRupiah(input)).toEqual({ ok: true, value: expected });
  });

  it.each<{ input: string; reason: MoneyError }>([
    { input: 'nol', reason: 'zero' },
    { input: 'nol rupiah', reason: 'zero' },
    { input: 'nol juta', reason: 'zero' },
    { input: 'minus sejuta', reason: 'negative' },
    { input: 'setengah', reason: 'fraction' },
    { input: 'seperempat', reason: 'fraction' },
    { input: 'juta', reason: 'not_a_number' },
    { input: 'dua dua juta', reason: 'not_a_number' },
    { input: 'sejuta sejuta', reason: 'not_a_number' },
    { input: 'seribu triliun triliun', reason: 'not_a_number' },
    { input: 'dua ribu juta', reason: 'not_a_number' },
  ])('$input → $reason', ({ input, reason }) => {
    expect(readRupiah(input)).toEqual({ ok: false, reason });
  });

  it('large amounts in words read', () => {
    expect(parseRupiah('seratus triliun')).toEqual({ ok: true, value: MAX_RUPIAH / 10n });
    expect(parseRupiah('sembilan ratus sembilan puluh sembilan triliun')).toEqual({ ok: true, value: 999n * 10n ** 12n });
  });
});

// Issue 9, part 2: dot groups thousands, comma marks decimals, unless only the other reading is possible.
describe('readRupiah separators', () => {
  it.each<{ input: string; amount: bigint; alternative?: bigint; why: string }>([
    { input: '1.200 rb', amount: 1_200_000n, why: 'Indonesian thousands; 1,2 rb written with a padded zero is not plausible' },
    { input: '1,053 triliun', amount: 1_053_000_000_000n, why: 'Indonesian decimal; 1.053 T is above the maximum' },
    { input: '1,053 T', amount: 1_053_000_000_000n, why: 'as above' },
    { input: '1.500 jt', amount: 1_500_000_000n, why: 'Indonesian thousands' },
    { input: '1.5jt', amount: 1_500_000n, why: 'only the English reading is possible' },
    { input: '2.25M', amount: 2_250_000_000n, why: 'only the English reading is possible' },
    { input: '1,500,000.00', amount: 1_500_000n, why: 'only the English reading is possible' },
    { input: '15,000', amount: 15_000n, why: 'three decimals of a rupiah are not a way to write cents' },
    { input: '1.500', amount: 1_500n, why: 'a decimal reading would be a fraction of a rupiah' },
    { input: '1,053 jt', amount: 1_053_000n, alternative: 1_053_000_000n, why: 'both plausible: ask' },
    { input: '1.053 jt', amount: 1_053_000_000n, alternative: 1_053_000n, why: 'both plausible: ask' },
    { input: '1,500 jt', amount: 1_500_000n, alternative: 1_500_000_000n, why: 'Indonesian first, English second' },
    { input: '1,200 rb', amount: 1_200n, alternative: 1_200_000n, why: 'both plausible: ask' },
    { input: 'Rp 1,250 M', amount: 1_250_000_000n, alternative: 1_250_000_000_000n, why: 'both plausible: ask' },
    { input: '2 jt 1,500 rb', amount: 2_001_500n, alternative: 3_500_000n, why: 'one uncertain part in a compound' },
  ])('$input → $amount ($why)', ({ input, amount, alternative }) => {
    expect(readRupiah(input)).toEqual({ ok: true, value: { amount, alternative } });
  });

  it('a two-reading amount is ambiguous where only one reading can be used', () => {
    expect(parseRupiah('1,053 jt')).toEqual({ ok: false, reason: 'ambiguous' });
  });

  it('two uncertain parts in one amount are refused rather than offering four readings', () => {
    expect(readRupiah('1,500 M 1,500 jt')).toEqual({ ok: false, reason: 'ambiguous' });
  });
});

// Issue 9, part 3: what cannot be an amount.
describe('readRupiah refuses what cannot be an amount', () => {
  it.each<{ input: string; reason: MoneyError }>([
    { input: '1e309', reason: 'scientific' },
    { input: '1E6', reason: 'scientific' },
    { input: '2e+5', reason: 'scientific' },
    { input: '0', reason: 'zero' },
    { input: '1001 T', reason: 'too_large' },
    { input: '1' + '0'.repeat(16), reason: 'too_large' },
    { input: '9'.repeat(400), reason: 'too_large' },
  ])('$input → $reason', ({ input, reason }) => {
    expect(readRupiah(input)).toEqual({ ok: false, reason });
  });
});

describe('parseRupiahPrefix with words', () => {
  it.each<{ input: string; amount: bigint; rest: string; marked: boolean }>([
    { input: 'sejuta keripik', amount: 1_000_000n, rest: 'keripik', marked: true },
    { input: 'setengah juta kopi 2 kg', amount: 500_000n, rest: 'kopi 2 kg', marked: true },
    { input: 'dua ratus lima puluh ribu batik', amount: 250_000n, rest: 'batik', marked: true },
    { input: '50rb lima bungkus', amount: 50_000n, rest: 'lima bungkus', marked: true },
    { input: '1 jt lima', amount: 1_000_000n, rest: 'lima', marked: true },
    { input: 'sejuta lima bungkus', amount: 1_000_000n, rest: 'lima bungkus', marked: true },
    { input: 'lima kopi', amount: 5n, rest: 'kopi', marked: false },
    { input: 'satu set meja', amount: 1n, rest: 'set meja', marked: false },
  ])('$input', ({ input, amount, rest, marked }) => {
    expect(parseRupiahPrefix(input)).toEqual({ ok: true, value: { amount, rest, marked } });
  });

  it('refuses "1e309 kopi" instead of reading Rp1 and product "e309 kopi"', () => {
    expect(parseRupiahPrefix('1e309 kopi')).toEqual({ ok: false, reason: 'scientific' });
  });

  it('does not take a product word for an amount', () => {
    expect(parseRupiahPrefix('kue seribu lapis')).toMatchObject({ ok: false, reason: 'not_a_number' });
    expect(parseRupiahPrefix('sate ayam')).toMatchObject({ ok: false, reason: 'not_a_number' });
  });
});

describe('findMarkedRupiah prefers digits to words', () => {
  it.each<{ input: string; amount: bigint; before: string; after: string }>([
    { input: 'kue seribu lapis 50rb', amount: 50_000n, before: 'kue seribu lapis', after: '' },
    { input: 'kopi sejuta', amount: 1_000_000n, before: 'kopi', after: '' },
    { input: 'kontrak mebel dua miliar', amount: 2_000_000_000n, before: 'kontrak mebel', after: '' },
  ])('$input', ({ input, amount, before, after }) => {
    expect(findMarkedRupiah(input)).toEqual({ ok: true, value: { amount, before, after } });
  });
});
