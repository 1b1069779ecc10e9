const english = new Intl.PluralRules('en');
const englishNumber = new Intl.NumberFormat('en');

/**
 * A count with its noun for the English catalogue: `1 product`, `2 products`,
 * `1,200 reports`. Indonesian nouns do not change with the number, so the
 * Indonesian catalogue writes the count as it is.
 */
export function plural(count: number, one: string, other: string): string {
  return `${englishNumber.format(count)} ${english.select(count) === 'one' ? one : other}`;
}
