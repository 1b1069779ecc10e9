import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/index.js';
import { plural } from '../../src/i18n/plural.js';

describe('English plurals', () => {
  it.each([
    [0, '0 products'],
    [1, '1 product'],
    [2, '2 products'],
    [1200, '1,200 products'],
  ])('%i', (count, expected) => {
    expect(plural(count, 'product', 'products')).toBe(expected);
  });

  it('words the catalogue with them: "1 product", "1 day left", "1 transaction"', () => {
    const t = catalogue('en');
    expect(t.catalog.categories('Misi Dagang', 1).value).toContain('1 product. Choose a category');
    expect(t.exports.captionXlsx({ mission: 'M', reports: 1, voided: 0, exhibitors: 1, products: 1, timeZone: 'WIB', textAmounts: 0 }).value).toContain(
      '1 report (0 voided), 1 exhibitor, 1 product.',
    );
  });
});
