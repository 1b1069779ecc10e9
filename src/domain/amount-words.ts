import { DIGIT_WORDS } from './number-words.js';
import type { Lang } from './entities.js';

/**
 * Amounts spelled out in words, for the second confirmation of an amount far
 * outside what a mission has seen: "satu kuadriliun rupiah — benar?" reads
 * differently from a row of zeros, so a slip of the thumb shows.
 */

const ID_DIGITS = Object.entries(DIGIT_WORDS)
  .sort(([, a], [, b]) => a - b)
  .map(([word]) => word);
const ID_SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun', 'kuadriliun', 'kuintiliun'];

const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion', 'quintillion'];

function belowThousandId(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(`${ID_DIGITS[hundreds]} ratus`);
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(`${ID_DIGITS[rest - 10]} belas`);
  else if (rest >= 20) {
    words.push(`${ID_DIGITS[Math.floor(rest / 10)]} puluh`);
    if (rest % 10 > 0) words.push(ID_DIGITS[rest % 10] ?? '');
  } else if (rest > 0) words.push(ID_DIGITS[rest] ?? '');
  return words.join(' ');
}

function belowThousandEn(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(`${EN_ONES[hundreds]} hundred`);
  if (rest >= 20) words.push(`${EN_TENS[Math.floor(rest / 10)]}${rest % 10 > 0 ? `-${EN_ONES[rest % 10]}` : ''}`);
  else if (rest > 0) words.push(EN_ONES[rest] ?? '');
  return words.join(' ');
}

/** Groups of three digits, most significant first. */
function groupsOf(amount: bigint): number[] {
  const groups: number[] = [];
  let rest = amount;
  while (rest > 0n) {
    groups.unshift(Number(rest % 1000n));
    rest /= 1000n;
  }
  return groups;
}

/** A non-negative whole number in words: `1500000` → "satu juta lima ratus ribu" / "one million five hundred thousand". */
export function numberInWords(amount: bigint, lang: Lang): string {
  if (amount < 0n) return `minus ${numberInWords(-amount, lang)}`;
  if (amount === 0n) return lang === 'id' ? 'nol' : 'zero';
  const groups = groupsOf(amount);
  const scales = lang === 'id' ? ID_SCALES : EN_SCALES;
  if (groups.length > scales.length) return amount.toString();
  const words: string[] = [];
  groups.forEach((group, i) => {
    if (group === 0) return;
    const scale = scales[groups.length - 1 - i] ?? '';
    // Indonesian fuses one thousand into "seribu"; one million stays "satu juta".
    if (lang === 'id' && scale === 'ribu' && group === 1) words.push('seribu');
    else words.push(scale === '' ? (lang === 'id' ? belowThousandId(group) : belowThousandEn(group)) : `${lang === 'id' ? belowThousandId(group) : belowThousandEn(group)} ${scale}`);
  });
  return words.join(' ');
}

/** Whole rupiah in words: "satu kuadriliun rupiah", "one quadrillion rupiah". */
export function rupiahInWords(amount: bigint, lang: Lang): string {
  return `${numberInWords(amount, lang)} rupiah`;
}
