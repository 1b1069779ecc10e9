import { describe, expect, it } from 'vitest';
import { MAX_PRODUCT_TEXT, QUANTITY_UNITS, parseSaleLine } from '../../src/domain/sale-line.js';
import type { SaleDraft, SaleLineError } from '../../src/domain/sale-line.js';

const draft = (fields: Partial<SaleDraft> & { amount: bigint }): SaleDraft => ({
  kind: 'RETAIL',
  direction: undefined,
  productText: undefined,
  quantity: undefined,
  unit: undefined,
  buyerName: undefined,
  ...fields,
});

describe('parseSaleLine accepts', () => {
  it.each<{ line: string; expected: SaleDraft }>([
    // the documented example
    {
      line: '1,5jt keripik tempe 30 pcs',
      expected: draft({ amount: 1_500_000n, productText: 'keripik tempe', quantity: 30, unit: 'pcs' }),
    },
    // every amount form of the design
    { line: '1500000 kopi', expected: draft({ amount: 1_500_000n, productText: 'kopi' }) },
    { line: '1.500.000 kopi', expected: draft({ amount: 1_500_000n, productText: 'kopi' }) },
    { line: 'Rp 1.500.000,00 kopi', expected: draft({ amount: 1_500_000n, productText: 'kopi' }) },
    { line: 'Rp 1.500.000 keripik', expected: draft({ amount: 1_500_000n, productText: 'keripik' }) },
    { line: '1,5 jt keripik tempe', expected: draft({ amount: 1_500_000n, productText: 'keripik tempe' }) },
    { line: '1.5jt kopi', expected: draft({ amount: 1_500_000n, productText: 'kopi' }) },
    { line: '1,5 juta kopi', expected: draft({ amount: 1_500_000n, productText: 'kopi' }) },
    { line: '750rb batik', expected: draft({ amount: 750_000n, productText: 'batik' }) },
    { line: '750 ribu batik', expected: draft({ amount: 750_000n, productText: 'batik' }) },
    { line: '750k batik', expected: draft({ amount: 750_000n, productText: 'batik' }) },
    { line: '750 rb', expected: draft({ amount: 750_000n }) },
    { line: '2 M mebel jati', expected: draft({ amount: 2_000_000_000n, productText: 'mebel jati' }) },
    { line: '2 miliar mebel', expected: draft({ amount: 2_000_000_000n, productText: 'mebel' }) },
    { line: '2 milyar mebel', expected: draft({ amount: 2_000_000_000n, productText: 'mebel' }) },
    { line: '3 T', expected: draft({ amount: 3_000_000_000_000n }) },
    { line: '1 jt 500 rb kopi', expected: draft({ amount: 1_500_000n, productText: 'kopi' }) },
    // a product starting with m right after a bare number is not miliar
    { line: '2000000 mangga', expected: draft({ amount: 2_000_000n, productText: 'mangga' }) },
    // kind words anywhere, removed from the product
    { line: '5 jt kontrak kopi', expected: draft({ amount: 5_000_000n, kind: 'ORDER', productText: 'kopi' }) },
    { line: '5 jt kopi pesanan', expected: draft({ amount: 5_000_000n, kind: 'ORDER', productText: 'kopi' }) },
    { line: '5 jt ORDER kopi', expected: draft({ amount: 5_000_000n, kind: 'ORDER', productText: 'kopi' }) },
    { line: '5 jt contract kopi', expected: draft({ amount: 5_000_000n, kind: 'ORDER', productText: 'kopi' }) },
    { line: '2 M mou kopi', expected: draft({ amount: 2_000_000_000n, kind: 'LOI', productText: 'kopi' }) },
    { line: '2 M LoI kopi', expected: draft({ amount: 2_000_000_000n, kind: 'LOI', productText: 'kopi' }) },
    { line: '10 M investasi pabrik', expected: draft({ amount: 10_000_000_000n, kind: 'INVESTMENT', productText: 'pabrik' }) },
    { line: '10 M investment', expected: draft({ amount: 10_000_000_000n, kind: 'INVESTMENT' }) },
    { line: '50rb tunai kopi', expected: draft({ amount: 50_000n, kind: 'RETAIL', productText: 'kopi' }) },
    { line: '50rb eceran kopi', expected: draft({ amount: 50_000n, kind: 'RETAIL', productText: 'kopi' }) },
    { line: '50rb retail kopi', expected: draft({ amount: 50_000n, kind: 'RETAIL', productText: 'kopi' }) },
    { line: '5 jt kontrak, kopi', expected: draft({ amount: 5_000_000n, kind: 'ORDER', productText: 'kopi' }) },
    { line: '5 jt kontrak kontrak', expected: draft({ amount: 5_000_000n, kind: 'ORDER' }) },
    // direction words
    { line: '5 jt beli beras', expected: draft({ amount: 5_000_000n, direction: 'BUY', productText: 'beras' }) },
    { line: '5 jt buy beras', expected: draft({ amount: 5_000_000n, direction: 'BUY', productText: 'beras' }) },
    { line: '5 jt jual kopi', expected: draft({ amount: 5_000_000n, direction: 'SELL', productText: 'kopi' }) },
    { line: '5 jt sell kopi', expected: draft({ amount: 5_000_000n, direction: 'SELL', productText: 'kopi' }) },
    {
      line: '1 M kontrak beli beras',
      expected: draft({ amount: 1_000_000_000n, kind: 'ORDER', direction: 'BUY', productText: 'beras' }),
    },
    // kind or direction words before the amount
    { line: 'kontrak 5 jt kopi', expected: draft({ amount: 5_000_000n, kind: 'ORDER', productText: 'kopi' }) },
    { line: 'kontrak 5000000 kopi', expected: draft({ amount: 5_000_000n, kind: 'ORDER', productText: 'kopi' }) },
    {
      line: 'beli mou 2 M kopi',
      expected: draft({ amount: 2_000_000_000n, kind: 'LOI', direction: 'BUY', productText: 'kopi' }),
    },
    // the amount after the product, when marked
    { line: 'keripik tempe 1,5jt', expected: draft({ amount: 1_500_000n, productText: 'keripik tempe' }) },
    { line: 'keripik tempe Rp 1.500.000', expected: draft({ amount: 1_500_000n, productText: 'keripik tempe' }) },
    {
      line: 'keripik 1,5jt 30 pcs',
      expected: draft({ amount: 1_500_000n, productText: 'keripik', quantity: 30, unit: 'pcs' }),
    },
    // a leading number with a quantity unit is the quantity
    {
      line: '30 pcs keripik 1,5jt',
      expected: draft({ amount: 1_500_000n, productText: 'keripik', quantity: 30, unit: 'pcs' }),
    },
    { line: 'x30 keripik 1,5jt', expected: draft({ amount: 1_500_000n, productText: 'keripik', quantity: 30 }) },
    // quantity forms
    { line: '1jt keripik 30pcs', expected: draft({ amount: 1_000_000n, productText: 'keripik', quantity: 30, unit: 'pcs' }) },
    { line: '1jt keripik 30 PCS', expected: draft({ amount: 1_000_000n, productText: 'keripik', quantity: 30, unit: 'pcs' }) },
    { line: '1jt keripik 1 pc', expected: draft({ amount: 1_000_000n, productText: 'keripik', quantity: 1, unit: 'pcs' }) },
    { line: '1jt batik 2 kodi', expected: draft({ amount: 1_000_000n, productText: 'batik', quantity: 2, unit: 'kodi' }) },
    { line: '1jt air 5 dus', expected: draft({ amount: 1_000_000n, productText: 'air', quantity: 5, unit: 'dus' }) },
    { line: '1jt kopi x30', expected: draft({ amount: 1_000_000n, productText: 'kopi', quantity: 30 }) },
    { line: '1jt kopi 30x', expected: draft({ amount: 1_000_000n, productText: 'kopi', quantity: 30 }) },
    { line: '1jt 30 pcs kopi', expected: draft({ amount: 1_000_000n, productText: 'kopi', quantity: 30, unit: 'pcs' }) },
    { line: '1jt kopi 3 lusin', expected: draft({ amount: 1_000_000n, productText: 'kopi', quantity: 3, unit: 'lusin' }) },
    { line: '1jt gula 10 kg', expected: draft({ amount: 1_000_000n, productText: 'gula', quantity: 10, unit: 'kg' }) },
    { line: '1jt sirup 12 btl', expected: draft({ amount: 1_000_000n, productText: 'sirup', quantity: 12, unit: 'botol' }) },
    { line: '1jt kain 20 meter', expected: draft({ amount: 1_000_000n, productText: 'kain', quantity: 20, unit: 'meter' }) },
    { line: '1jt rokok 10 slop', expected: draft({ amount: 1_000_000n, productText: 'rokok', quantity: 10, unit: 'slop' }) },
    { line: '1jt keripik 1.000 pcs', expected: draft({ amount: 1_000_000n, productText: 'keripik', quantity: 1000, unit: 'pcs' }) },
    // with two quantities the last one counts; the first stays in the product
    {
      line: '1jt keripik 200 gram 30 pcs',
      expected: draft({ amount: 1_000_000n, productText: 'keripik 200 gram', quantity: 30, unit: 'pcs' }),
    },
    // a bare number is not a quantity
    { line: '1jt kopi 3 in 1', expected: draft({ amount: 1_000_000n, productText: 'kopi 3 in 1' }) },
    { line: '1jt Kopi Luwak 250', expected: draft({ amount: 1_000_000n, productText: 'Kopi Luwak 250' }) },
    // buyer
    {
      line: '1,5jt keripik tempe 30 pcs @Toko Makmur',
      expected: draft({ amount: 1_500_000n, productText: 'keripik tempe', quantity: 30, unit: 'pcs', buyerName: 'Toko Makmur' }),
    },
    { line: '1jt kopi pembeli: PT Maju Jaya', expected: draft({ amount: 1_000_000n, productText: 'kopi', buyerName: 'PT Maju Jaya' }) },
    { line: '1jt kopi Pembeli : PT Maju Jaya', expected: draft({ amount: 1_000_000n, productText: 'kopi', buyerName: 'PT Maju Jaya' }) },
    { line: '1jt kopi buyer: Acme', expected: draft({ amount: 1_000_000n, productText: 'kopi', buyerName: 'Acme' }) },
    // words of the buyer's name are not keywords
    { line: '5 jt kopi @PT Order Beli Jaya', expected: draft({ amount: 5_000_000n, productText: 'kopi', buyerName: 'PT Order Beli Jaya' }) },
    { line: '1jt kopi @', expected: draft({ amount: 1_000_000n, productText: 'kopi' }) },
    { line: '1jt kopi @Toko pembeli:', expected: draft({ amount: 1_000_000n, productText: 'kopi', buyerName: 'Toko' }) },
    // an e-mail address is not a buyer marker
    { line: '1jt kopi a@b.id', expected: draft({ amount: 1_000_000n, productText: 'kopi a@b.id' }) },
    // spacing, newlines, separators
    { line: '  1,5jt   keripik\n tempe  ', expected: draft({ amount: 1_500_000n, productText: 'keripik tempe' }) },
    { line: '1,5jt - keripik tempe', expected: draft({ amount: 1_500_000n, productText: 'keripik tempe' }) },
    { line: '1,5jt, keripik tempe.', expected: draft({ amount: 1_500_000n, productText: 'keripik tempe.' }) },
    { line: 'keripik - 5 jt', expected: draft({ amount: 5_000_000n, productText: 'keripik' }) },
    { line: '1jt ' + 'a'.repeat(MAX_PRODUCT_TEXT), expected: draft({ amount: 1_000_000n, productText: 'a'.repeat(MAX_PRODUCT_TEXT) }) },
  ])('$line', ({ line, expected }) => {
    expect(parseSaleLine(line)).toEqual({ ok: true, value: expected });
  });
});

describe('parseSaleLine rejects', () => {
  it.each<{ line: string; reason: SaleLineError }>([
    { line: '', reason: 'missing_amount' },
    { line: '   ', reason: 'missing_amount' },
    { line: 'keripik tempe', reason: 'missing_amount' },
    { line: 'keripik tempe 30 pcs', reason: 'missing_amount' },
    { line: 'keripik 1500000', reason: 'missing_amount' },
    { line: '30 pcs keripik', reason: 'missing_amount' },
    { line: 'kontrak', reason: 'missing_amount' },
    { line: '@Toko Makmur 5 jt', reason: 'missing_amount' },
    { line: '-5000 kopi', reason: 'negative' },
    { line: 'minus 5 jt kopi', reason: 'negative' },
    { line: 'kopi -5jt', reason: 'negative' },
    { line: '0 kopi', reason: 'zero' },
    { line: '0 jt kopi', reason: 'zero' },
    { line: '1.50.000 kopi', reason: 'ambiguous' },
    { line: '1.5.5 kopi', reason: 'ambiguous' },
    { line: '1,500 M 1,500 jt kopi', reason: 'ambiguous' },
    { line: 'kopi Rp 1.50.000', reason: 'ambiguous' },
    { line: '1,5 kopi', reason: 'fraction' },
    { line: '2000 T kopi', reason: 'too_large' },
    { line: '1jt kopi 0 pcs', reason: 'quantity_invalid' },
    { line: '1jt kopi 20000000 pcs', reason: 'quantity_invalid' },
    { line: '1jt gula 1,5 kg', reason: 'quantity_invalid' },
    { line: '1jt kopi x0', reason: 'quantity_invalid' },
    { line: '1jt ' + 'a'.repeat(MAX_PRODUCT_TEXT + 1), reason: 'product_too_long' },
    { line: '1jt kopi @' + 'b'.repeat(121), reason: 'buyer_too_long' },
    { line: '5 jt kontrak mou kopi', reason: 'kind_conflict' },
    { line: '5 jt investasi tunai', reason: 'kind_conflict' },
    { line: '5 jt jual beli kopi', reason: 'direction_conflict' },
    { line: '1jt kopi @Toko Makmur pembeli: PT Maju', reason: 'buyer_conflict' },
  ])('$line → $reason', ({ line, reason }) => {
    expect(parseSaleLine(line)).toEqual({ ok: false, reason });
  });
});

describe('QUANTITY_UNITS', () => {
  it.each(Object.keys(QUANTITY_UNITS))('%s is a quantity unit', (word) => {
    const result = parseSaleLine(`1jt barang 3 ${word}`);
    expect(result).toEqual({
      ok: true,
      value: draft({ amount: 1_000_000n, productText: 'barang', quantity: 3, unit: QUANTITY_UNITS[word] }),
    });
  });

  it('never uses a rupiah unit letter', () => {
    for (const money of ['k', 'm', 't', 'rb', 'jt', 'ribu', 'juta']) expect(QUANTITY_UNITS[money]).toBeUndefined();
  });
});
