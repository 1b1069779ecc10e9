import { describe, expect, it } from 'vitest';
import {
  MAX_RUPIAH,
  findMarkedRupiah,
  formatRupiah,
  formatRupiahCompact,
  parseRupiah,
  parseRupiahPrefix,
} from '../../src/domain/money.js';
import type { MoneyError } from '../../src/domain/money.js';

describe('parseRupiah accepts', () => {
  it.each<{ input: string; expected: bigint }>([
    { input: '1500000', expected: 1_500_000n },
    { input: '1.500.000', expected: 1_500_000n },
    { input: '1,500,000', expected: 1_500_000n },
    { input: '1,500,000.00', expected: 1_500_000n },
    { input: '1.500', expected: 1_500n },
    { input: '15,000', expected: 15_000n },
    { input: '999', expected: 999n },
    { input: '007', expected: 7n },
    { input: '1500,00', expected: 1_500n },
    { input: '1500,0', expected: 1_500n },
    { input: 'Rp 1.500.000,00', expected: 1_500_000n },
    { input: 'Rp1.500.000', expected: 1_500_000n },
    { input: 'RP 1.500.000', expected: 1_500_000n },
    { input: 'rp. 1.500.000,-', expected: 1_500_000n },
    { input: 'Rp15.000,-', expected: 15_000n },
    { input: 'Rp 15.000.-', expected: 15_000n },
    { input: 'IDR 1500000', expected: 1_500_000n },
    { input: 'idr1.500.000', expected: 1_500_000n },
    { input: '5000 rupiah', expected: 5_000n },
    { input: '1,5 juta rupiah', expected: 1_500_000n },
    { input: '1,5 jt', expected: 1_500_000n },
    { input: '1,5jt', expected: 1_500_000n },
    { input: '1.5jt', expected: 1_500_000n },
    { input: '1,5 juta', expected: 1_500_000n },
    { input: '1,5 JUTA', expected: 1_500_000n },
    { input: '0,5 jt', expected: 500_000n },
    { input: '1,25 jt', expected: 1_250_000n },
    { input: '750rb', expected: 750_000n },
    { input: '750 ribu', expected: 750_000n },
    { input: '750 RB', expected: 750_000n },
    { input: '750k', expected: 750_000n },
    { input: '750 K', expected: 750_000n },
    { input: '2,5k', expected: 2_500n },
    { input: '2 M', expected: 2_000_000_000n },
    { input: '2m', expected: 2_000_000_000n },
    { input: '2 miliar', expected: 2_000_000_000n },
    { input: '2 milyar', expected: 2_000_000_000n },
    { input: '2 Milyar', expected: 2_000_000_000n },
    { input: '2,25 M', expected: 2_250_000_000n },
    { input: '2.25M', expected: 2_250_000_000n },
    { input: '3 T', expected: 3_000_000_000_000n },
    { input: '3 triliun', expected: 3_000_000_000_000n },
    { input: '1,2 T', expected: 1_200_000_000_000n },
    { input: '1000 T', expected: MAX_RUPIAH },
    { input: 'Rp 1,5 jt', expected: 1_500_000n },
    { input: 'Rp2 M', expected: 2_000_000_000n },
    { input: '1 jt 500 rb', expected: 1_500_000n },
    { input: '1jt500rb', expected: 1_500_000n },
    { input: '2 M 250 jt', expected: 2_250_000_000n },
    { input: '1 M 200 jt 50 rb', expected: 1_200_050_000n },
    { input: '  1.500.000  ', expected: 1_500_000n },
    { input: 'Rp   1.500.000', expected: 1_500_000n },
    { input: '1.500.000.', expected: 1_500_000n },
    { input: '1,5 jt.', expected: 1_500_000n },
    { input: '+5000', expected: 5_000n },
    { input: '1.000.000.000.000.000', expected: MAX_RUPIAH },
    // Issue 9: the Indonesian reading wins where the digits allow it (these were refused as ambiguous).
    { input: '1.500 jt', expected: 1_500_000_000n },
    { input: '1,2345 jt', expected: 1_234_500n },
  ])('$input → $expected', ({ input, expected }) => {
    expect(parseRupiah(input)).toEqual({ ok: true, value: expected });
  });
});

describe('parseRupiah rejects', () => {
  it.each<{ input: string; reason: MoneyError }>([
    { input: '', reason: 'empty' },
    { input: '   ', reason: 'empty' },
    { input: 'abc', reason: 'not_a_number' },
    { input: 'Rp', reason: 'not_a_number' },
    { input: 'Rp abc', reason: 'not_a_number' },
    { input: 'jt', reason: 'not_a_number' },
    { input: '1500 apel', reason: 'not_a_number' },
    { input: '5 jt lebih', reason: 'not_a_number' },
    { input: '-5000', reason: 'negative' },
    { input: '-Rp5.000', reason: 'negative' },
    { input: 'Rp -5.000', reason: 'negative' },
    { input: '−5000', reason: 'negative' },
    { input: 'minus 5000', reason: 'negative' },
    { input: 'MINUS 1,5 jt', reason: 'negative' },
    { input: '0', reason: 'zero' },
    { input: '0,00', reason: 'zero' },
    { input: 'Rp 0', reason: 'zero' },
    { input: '0 jt', reason: 'zero' },
    { input: '-0', reason: 'zero' },
    { input: '1,5', reason: 'fraction' },
    { input: '1.5', reason: 'fraction' },
    { input: '1.500,50', reason: 'fraction' },
    { input: '1,500,000.50', reason: 'fraction' },
    { input: '1.5.5', reason: 'ambiguous' },
    { input: '1.50.000', reason: 'ambiguous' },
    { input: '15.0000', reason: 'ambiguous' },
    { input: '1500.000', reason: 'ambiguous' },
    { input: '1.500,000', reason: 'ambiguous' },
    { input: '1,500.000,00', reason: 'ambiguous' },
    { input: '1.500.000,000', reason: 'ambiguous' },
    { input: '1,500 jt', reason: 'ambiguous' },
    { input: '1 500 000', reason: 'ambiguous' },
    { input: '1 jt 500', reason: 'ambiguous' },
    { input: '1000000000000001', reason: 'too_large' },
    { input: '1001 T', reason: 'too_large' },
    { input: '2 triliun triliun', reason: 'not_a_number' },
    { input: '9'.repeat(60), reason: 'too_large' },
  ])('$input → $reason', ({ input, reason }) => {
    expect(parseRupiah(input)).toEqual({ ok: false, reason });
  });
});

describe('parseRupiahPrefix', () => {
  it.each<{ input: string; amount: bigint; rest: string; marked: boolean }>([
    { input: '1,5 jt keripik tempe', amount: 1_500_000n, rest: 'keripik tempe', marked: true },
    { input: 'Rp 1.500.000 keripik', amount: 1_500_000n, rest: 'keripik', marked: true },
    { input: '750 rb', amount: 750_000n, rest: '', marked: true },
    { input: '2 M', amount: 2_000_000_000n, rest: '', marked: true },
    { input: '2 M mangga', amount: 2_000_000_000n, rest: 'mangga', marked: true },
    { input: '2 mangga', amount: 2n, rest: 'mangga', marked: false },
    { input: '3 tas batik', amount: 3n, rest: 'tas batik', marked: false },
    { input: '3 t tas batik', amount: 3_000_000_000_000n, rest: 'tas batik', marked: true },
    { input: '750 kg beras', amount: 750n, rest: 'kg beras', marked: false },
    { input: '1500000 kopi', amount: 1_500_000n, rest: 'kopi', marked: false },
    { input: '1.5jt, kopi', amount: 1_500_000n, rest: ', kopi', marked: true },
    { input: '1 jt 500 rb keripik', amount: 1_500_000n, rest: 'keripik', marked: true },
    { input: '1 jt 2 M', amount: 1_000_000n, rest: '2 M', marked: true },
    { input: 'rp. 15.000,- kopi', amount: 15_000n, rest: 'kopi', marked: true },
  ])('$input', ({ input, amount, rest, marked }) => {
    expect(parseRupiahPrefix(input)).toEqual({ ok: true, value: { amount, rest, marked } });
  });

  it.each<{ input: string; reason: MoneyError }>([
    { input: '', reason: 'empty' },
    { input: 'keripik 1,5 jt', reason: 'not_a_number' },
    { input: '-1,5 jt keripik', reason: 'negative' },
    { input: '1.50.000 kopi', reason: 'ambiguous' },
    { input: '0 kopi', reason: 'zero' },
  ])('$input → $reason', ({ input, reason }) => {
    expect(parseRupiahPrefix(input)).toEqual({ ok: false, reason });
  });
});

describe('findMarkedRupiah', () => {
  it.each<{ input: string; expected: ReturnType<typeof findMarkedRupiah> }>([
    { input: 'keripik 1,5jt', expected: { ok: true, value: { amount: 1_500_000n, before: 'keripik', after: '' } } },
    { input: 'kopi Rp 20.000 x3', expected: { ok: true, value: { amount: 20_000n, before: 'kopi', after: 'x3' } } },
    { input: '30 pcs keripik 1 jt', expected: { ok: true, value: { amount: 1_000_000n, before: '30 pcs keripik', after: '' } } },
    { input: 'kopi - 5 jt', expected: { ok: true, value: { amount: 5_000_000n, before: 'kopi -', after: '' } } },
    { input: 'keripik 30 pcs', expected: undefined },
    { input: 'abc1jt', expected: undefined },
    { input: '', expected: undefined },
    { input: 'kopi Rp 1.50.000', expected: { ok: false, reason: 'ambiguous' } },
    { input: 'kopi -5jt', expected: { ok: false, reason: 'negative' } },
  ])('$input', ({ input, expected }) => {
    expect(findMarkedRupiah(input)).toEqual(expected);
  });
});

describe('formatRupiah', () => {
  it.each<{ amount: bigint; expected: string }>([
    { amount: 0n, expected: 'Rp0' },
    { amount: 950n, expected: 'Rp950' },
    { amount: 1_000n, expected: 'Rp1.000' },
    { amount: 1_500_000n, expected: 'Rp1.500.000' },
    { amount: 270_000_000_000n, expected: 'Rp270.000.000.000' },
    { amount: -1_500_000n, expected: '-Rp1.500.000' },
    { amount: MAX_RUPIAH, expected: 'Rp1.000.000.000.000.000' },
  ])('$amount → $expected', ({ amount, expected }) => {
    expect(formatRupiah(amount)).toBe(expected);
  });
});

describe('formatRupiahCompact', () => {
  it.each<{ amount: bigint; expected: string }>([
    { amount: 0n, expected: 'Rp0' },
    { amount: 950n, expected: 'Rp950' },
    { amount: 999n, expected: 'Rp999' },
    { amount: 1_000n, expected: 'Rp1 rb' },
    { amount: 1_500n, expected: 'Rp1,5 rb' },
    { amount: 750_000n, expected: 'Rp750 rb' },
    { amount: 1_500_000n, expected: 'Rp1,5 jt' },
    { amount: 1_234_567n, expected: 'Rp1,23 jt' },
    { amount: 1_235_000n, expected: 'Rp1,24 jt' },
    { amount: 1_234_999n, expected: 'Rp1,23 jt' },
    { amount: 1_005_000n, expected: 'Rp1,01 jt' },
    { amount: 1_004_999n, expected: 'Rp1 jt' },
    { amount: 999_995n, expected: 'Rp1 jt' },
    { amount: 999_994n, expected: 'Rp999,99 rb' },
    { amount: 3_000_000_000n, expected: 'Rp3 M' },
    { amount: 2_250_000_000n, expected: 'Rp2,25 M' },
    { amount: 270_000_000_000n, expected: 'Rp270 M' },
    { amount: 999_999_999_999n, expected: 'Rp1 T' },
    { amount: 1_200_000_000_000n, expected: 'Rp1,2 T' },
    { amount: MAX_RUPIAH, expected: 'Rp1.000 T' },
    { amount: -1_500_000n, expected: '-Rp1,5 jt' },
    { amount: -950n, expected: '-Rp950' },
  ])('$amount → $expected', ({ amount, expected }) => {
    expect(formatRupiahCompact(amount)).toBe(expected);
  });

  it.each([750_000n, 1_500_000n, 2_250_000_000n, 3_000_000_000_000n])('%s survives format → parse', (amount) => {
    const compact = formatRupiahCompact(amount).replace(/^Rp/, '');
    expect(parseRupiah(compact)).toEqual({ ok: true, value: amount });
    expect(parseRupiah(formatRupiah(amount))).toEqual({ ok: true, value: amount });
  });
});
