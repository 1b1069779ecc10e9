import { describe, expect, it } from 'vitest';
import { parseSaleLine } from '../../src/domain/sale-line.js';
import type { SaleDraft, SaleLineError } from '../../src/domain/sale-line.js';

const draft = (fields: Partial<SaleDraft> & { amount: bigint }): SaleDraft => ({
  kind: 'RETAIL',
  direction: undefined,
  productText: undefined,
  quantity: undefined,
  unit: undefined,
  buyerName: undefined,
  alternativeAmount: undefined,
  ...fields,
});

// Issue 9, part 4: buyer phrases.
describe('parseSaleLine reads the buyer after a buyer word', () => {
  it.each<{ line: string; expected: SaleDraft }>([
    {
      line: '120 jt mou kopi 2 ton dengan PT Banten Niaga',
      expected: draft({ amount: 120_000_000n, kind: 'LOI', productText: 'kopi', quantity: 2, unit: 'ton', buyerName: 'PT Banten Niaga' }),
    },
    { line: '5 jt kopi dengan Budi Santoso', expected: draft({ amount: 5_000_000n, productText: 'kopi', buyerName: 'Budi Santoso' }) },
    { line: '5 jt kopi kepada CV Maju', expected: draft({ amount: 5_000_000n, productText: 'kopi', buyerName: 'CV Maju' }) },
    { line: '5 jt kopi sama bu Ani', expected: draft({ amount: 5_000_000n, productText: 'kopi', buyerName: 'bu Ani' }) },
    { line: '5 jt kopi ke Toko Sinar', expected: draft({ amount: 5_000_000n, productText: 'kopi', buyerName: 'Toko Sinar' }) },
    { line: '5 jt kopi untuk PT Maju Jaya', expected: draft({ amount: 5_000_000n, productText: 'kopi', buyerName: 'PT Maju Jaya' }) },
    { line: '5 jt kopi pembeli: Hotel Serang', expected: draft({ amount: 5_000_000n, productText: 'kopi', buyerName: 'Hotel Serang' }) },
    { line: '5 jt kopi @Toko Makmur', expected: draft({ amount: 5_000_000n, productText: 'kopi', buyerName: 'Toko Makmur' }) },
    // The words in a name after @ are the name: "dengan" inside it does not start another buyer.
    { line: '5 jt kopi @Toko Maju dengan Jaya', expected: draft({ amount: 5_000_000n, productText: 'kopi', buyerName: 'Toko Maju dengan Jaya' }) },
    { line: '2 M kontrak mebel dengan PT. Sinar', expected: draft({ amount: 2_000_000_000n, kind: 'ORDER', productText: 'mebel', buyerName: 'PT. Sinar' }) },
  ])('$line', ({ line, expected }) => {
    expect(parseSaleLine(line)).toEqual({ ok: true, value: expected });
  });

  // The rule, explicit: "ke" and "untuk" introduce a buyer only before a title (PT, CV, Toko, Pak, Bu…);
  // "dengan", "kepada" and "sama" before a title or a capitalised name. Otherwise the words stay in the product.
  it.each<{ line: string; product: string }>([
    { line: '500rb kopi untuk oleh-oleh', product: 'kopi untuk oleh-oleh' },
    { line: '500rb paket kirim ke Jakarta', product: 'paket kirim ke Jakarta' },
    { line: '500rb kopi untuk Jakarta', product: 'kopi untuk Jakarta' },
    { line: '500rb nasi dengan lauk', product: 'nasi dengan lauk' },
    { line: '500rb kain sama warna', product: 'kain sama warna' },
    { line: '500rb ke', product: 'ke' },
  ])('$line keeps "$product" as the product', ({ line, product }) => {
    const result = parseSaleLine(line);
    expect(result).toMatchObject({ ok: true, value: { productText: product, buyerName: undefined } });
  });

  it('two buyers (a buyer word and an @ after it) are a conflict', () => {
    expect(parseSaleLine('5 jt kopi dengan PT Maju @Toko Sinar')).toEqual({ ok: false, reason: 'buyer_conflict' });
  });
});

// Issue 9, parts 1 and 2 through the one-liner.
describe('parseSaleLine amounts in words and with two readings', () => {
  it.each<{ line: string; expected: SaleDraft }>([
    { line: 'sejuta keripik', expected: draft({ amount: 1_000_000n, productText: 'keripik' }) },
    { line: 'setengah juta kopi 2 kg', expected: draft({ amount: 500_000n, productText: 'kopi', quantity: 2, unit: 'kg' }) },
    { line: 'satu setengah juta batik', expected: draft({ amount: 1_500_000n, productText: 'batik' }) },
    { line: 'dua ratus lima puluh ribu sambal', expected: draft({ amount: 250_000n, productText: 'sambal' }) },
    { line: 'kontrak seratus juta mebel', expected: draft({ amount: 100_000_000n, kind: 'ORDER', productText: 'mebel' }) },
    { line: 'satu miliar investasi pabrik', expected: draft({ amount: 1_000_000_000n, kind: 'INVESTMENT', productText: 'pabrik' }) },
    { line: '2 juta 500 ribu kopi', expected: draft({ amount: 2_500_000n, productText: 'kopi' }) },
    { line: '1.200 rb kopi', expected: draft({ amount: 1_200_000n, productText: 'kopi' }) },
    { line: '1,053 triliun investasi', expected: draft({ amount: 1_053_000_000_000n, kind: 'INVESTMENT' }) },
    { line: '1,053 jt kopi', expected: draft({ amount: 1_053_000n, alternativeAmount: 1_053_000_000n, productText: 'kopi' }) },
    { line: 'kopi 1.053 jt', expected: draft({ amount: 1_053_000_000n, alternativeAmount: 1_053_000n, productText: 'kopi' }) },
    { line: 'kue seribu lapis 50rb', expected: draft({ amount: 50_000n, productText: 'kue seribu lapis' }) },
  ])('$line', ({ line, expected }) => {
    expect(parseSaleLine(line)).toEqual({ ok: true, value: expected });
  });
});

// Issue 9, part 3: what cannot be an amount or a quantity.
describe('parseSaleLine refuses', () => {
  it.each<{ line: string; reason: SaleLineError }>([
    { line: '1e309 kopi', reason: 'scientific' },
    { line: 'kopi 1e309', reason: 'scientific' },
    { line: '5 jt kopi -3 pcs', reason: 'quantity_negative' },
    { line: '5 jt kopi −3 pcs', reason: 'quantity_negative' },
    { line: '5 jt kopi -3pcs', reason: 'quantity_negative' },
    { line: 'nol kopi', reason: 'zero' },
    { line: '1001 T kopi', reason: 'too_large' },
    { line: '99999999999999999999 kopi', reason: 'too_large' },
  ])('$line → $reason', ({ line, reason }) => {
    expect(parseSaleLine(line)).toEqual({ ok: false, reason });
  });

  it('a dash between words is not a minus', () => {
    expect(parseSaleLine('5 jt kopi - 3 pcs')).toMatchObject({ ok: true, value: { quantity: 3, unit: 'pcs' } });
  });
});
