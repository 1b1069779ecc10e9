import { describe, expect, it } from 'vitest';
import { MIN_HISTORY, medianAmount, unusualAmount, type AmountHistory, type UnusualAmount } from '../../src/domain/amount-check.js';
import { numberInWords, rupiahInWords } from '../../src/domain/amount-words.js';
import { MAX_RUPIAH, parseRupiah } from '../../src/domain/money.js';

const jt = (n: number) => BigInt(n) * 1_000_000n;
const TARGET = 3_000_000_000n;

// Issue 9, part 3: the second confirmation's decision rule.
describe('unusualAmount', () => {
  it.each<{ name: string; amount: bigint; history: AmountHistory; expected: UnusualAmount | undefined }>([
    { name: 'an ordinary first report', amount: jt(5), history: { target: TARGET, recentAmounts: [] }, expected: undefined },
    { name: 'exactly the target', amount: TARGET, history: { target: TARGET, recentAmounts: [] }, expected: undefined },
    { name: 'one rupiah above the target', amount: TARGET + 1n, history: { target: TARGET, recentAmounts: [] }, expected: 'above_target' },
    { name: '1000 T against Rp3 M', amount: MAX_RUPIAH, history: { target: TARGET, recentAmounts: [] }, expected: 'above_target' },
    { name: 'no target set', amount: jt(5000), history: { target: 0n, recentAmounts: [] }, expected: undefined },
    { name: '20× the median is still usual', amount: jt(20), history: { target: TARGET, recentAmounts: [jt(1), jt(1), jt(1)] }, expected: undefined },
    { name: 'above 20× the median', amount: jt(20) + 1n, history: { target: TARGET, recentAmounts: [jt(1), jt(1), jt(1)] }, expected: 'far_above_usual' },
    { name: 'too little history for a median', amount: jt(500), history: { target: TARGET, recentAmounts: [jt(1), jt(1)] }, expected: undefined },
    { name: 'one big earlier report does not move the median', amount: jt(100), history: { target: TARGET, recentAmounts: [jt(1), jt(2), jt(900)] }, expected: 'far_above_usual' },
    { name: 'above the target wins over usual', amount: jt(4000), history: { target: TARGET, recentAmounts: [jt(1), jt(1), jt(1)] }, expected: 'above_target' },
  ])('$name', ({ amount, history, expected }) => {
    expect(unusualAmount(amount, history)).toBe(expected);
  });

  it(`needs at least ${MIN_HISTORY} reports for a median`, () => {
    expect(MIN_HISTORY).toBe(3);
  });
});

describe('medianAmount', () => {
  it.each<{ values: bigint[]; expected: bigint | undefined }>([
    { values: [], expected: undefined },
    { values: [5n], expected: 5n },
    { values: [9n, 1n, 5n], expected: 5n },
    { values: [1n, 2n, 3n, 10n], expected: 2n },
    { values: [1n, 2n], expected: 1n },
  ])('$values → $expected', ({ values, expected }) => {
    expect(medianAmount(values)).toBe(expected);
  });
});

describe('amounts in words', () => {
  it.each<{ amount: bigint; id: string; en: string }>([
    { amount: 0n, id: 'nol', en: 'zero' },
    { amount: 7n, id: 'tujuh', en: 'seven' },
    { amount: 10n, id: 'sepuluh', en: 'ten' },
    { amount: 11n, id: 'sebelas', en: 'eleven' },
    { amount: 15n, id: 'lima belas', en: 'fifteen' },
    { amount: 21n, id: 'dua puluh satu', en: 'twenty-one' },
    { amount: 100n, id: 'seratus', en: 'one hundred' },
    { amount: 250n, id: 'dua ratus lima puluh', en: 'two hundred fifty' },
    { amount: 1_000n, id: 'seribu', en: 'one thousand' },
    { amount: 1_500_000n, id: 'satu juta lima ratus ribu', en: 'one million five hundred thousand' },
    { amount: 3_000_000_000n, id: 'tiga miliar', en: 'three billion' },
    { amount: 1_053_000_000_000n, id: 'satu triliun lima puluh tiga miliar', en: 'one trillion fifty-three billion' },
    { amount: MAX_RUPIAH, id: 'satu kuadriliun', en: 'one quadrillion' },
  ])('$amount', ({ amount, id, en }) => {
    expect(numberInWords(amount, 'id')).toBe(id);
    expect(numberInWords(amount, 'en')).toBe(en);
  });

  it('says rupiah', () => {
    expect(rupiahInWords(MAX_RUPIAH, 'id')).toBe('satu kuadriliun rupiah');
    expect(rupiahInWords(MAX_RUPIAH, 'en')).toBe('one quadrillion rupiah');
  });

  it.each([1n, 19n, 101n, 1_001n, 12_345n, 250_000n, 1_500_000n, 999_999_999n, 2_500_000_000n, 123_456_789_012n])(
    'the words the bot spells read back to the same amount: %s',
    (amount) => {
      expect(parseRupiah(numberInWords(amount, 'id'))).toEqual({ ok: true, value: amount });
    },
  );
});
