import { textKey } from './text.js';
/**
 * Matching what an exhibitor typed in a sale report (`keripik tempe`) against
 * their own product listings (`Keripik Tempe Original`), so the report is
 * linked to the listing and the catalogue, digest and exports can count it
 * per product. Pure: the listings are passed in.
 */

/** The part of a listing the matcher needs. */
export interface ListedProduct {
  id: number;
  name: string;
}

/**
 * A comparable form of a product name: lower case, accents and punctuation
 * removed, words separated by one space (`Kopi  Gayo-Arabika!` → `kopi gayo arabika`).
 */
export function productKey(text: string): string {
  return textKey(text);
}

function words(text: string): string[] {
  const key = productKey(text);
  return key === '' ? [] : key.split(' ');
}

// A single short word ("ok", "1") is too little to pick a listing by.
const MIN_PARTIAL_WORD = 3;

/**
 * The listing the text most likely names, or `undefined` when none does or
 * the text fits several equally well (a wrong link is worse than none: the
 * report then simply keeps its text). In order of strength:
 *
 * 1. the same name ignoring case, spaces and punctuation (`keripiktempe`);
 * 2. every word of the listing's name appears in the text (`keripik tempe
 *    pedas` names `Keripik Tempe`); the listing with the most words wins;
 * 3. every word of the text appears in the listing's name (`tempe` for
 *    `Keripik Tempe`), only when exactly one listing fits.
 */
export function matchProduct<T extends ListedProduct>(text: string, products: readonly T[]): T | undefined {
  const typed = words(text);
  if (typed.length === 0) return undefined;
  const compact = typed.join('');
  const typedSet = new Set(typed);

  const exact = products.find((product) => words(product.name).join('') === compact);
  if (exact) return exact;

  let bestContained: T[] = [];
  let bestSize = 0;
  const containing: T[] = [];
  for (const product of products) {
    const listed = words(product.name);
    if (listed.length === 0) continue;
    if (listed.every((word) => typedSet.has(word))) {
      if (listed.length > bestSize) {
        bestContained = [product];
        bestSize = listed.length;
      } else if (listed.length === bestSize) {
        bestContained.push(product);
      }
    } else if (typed.every((word) => listed.includes(word))) {
      containing.push(product);
    }
  }
  if (bestContained.length > 0) return bestContained.length === 1 ? bestContained[0] : undefined;
  if (!typed.some((word) => [...word].length >= MIN_PARTIAL_WORD)) return undefined;
  return containing.length === 1 ? containing[0] : undefined;
}
