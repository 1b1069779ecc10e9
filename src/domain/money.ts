import { err, ok } from './result.js';
import type { Result } from './result.js';

/**
 * Why a typed amount was refused. Codes, not sentences: the message
 * catalogue words them in the user's language.
 */
export type MoneyError =
  | 'empty'
  | 'not_a_number'
  | 'negative'
  | 'zero'
  | 'ambiguous'
  | 'too_large'
  | 'fraction';

/**
 * The largest amount one report may carry: Rp1.000 T (10^15). Far above any
 * real transaction, low enough that a slip of the thumb (an extra group of
 * zeros) is caught instead of wrecking a mission's headline figure.
 */
export const MAX_RUPIAH = 10n ** 15n;

/**
 * An amount found at the start of a longer text (the `/lapor` one-liner).
 * `marked` says the amount carried a currency (`Rp`, `IDR`, `rupiah`) or a
 * unit (`rb`, `jt`, `M`…), i.e. it is unmistakably money and not, say, a
 * quantity.
 */
export interface RupiahPrefix {
  amount: bigint;
  /** The text after the amount, trimmed. */
  rest: string;
  marked: boolean;
}

/**
 * A marked amount found somewhere inside a text, with the text on either side
 * (both trimmed), so a caller can keep the words around it.
 */
export interface RupiahFound {
  amount: bigint;
  before: string;
  after: string;
}

/** Unit words after a number, longest alternatives first. `m` is miliar, as in Indonesian reports. */
const UNIT_EXPONENT: Readonly<Record<string, number>> = {
  rb: 3,
  ribu: 3,
  k: 3,
  jt: 6,
  juta: 6,
  m: 9,
  miliar: 9,
  milyar: 9,
  t: 12,
  triliun: 12,
};

// A minus sign counts only when attached ("-5000"): "kopi - 5 jt" uses the dash as punctuation.
const SIGN_RE = /^(?:([-\u2212])(?=\S)|(minus)\s*|\+)/i;
const CURRENCY_RE = /^(?:rp\.?|idr)\s*/i;
const NUMBER_RE = /^\d+(?:[.,]\d+)*/;
// The unit must end the word: "2 M" is miliar, "2 mangga" is not.
const UNIT_RE = /^\s*(triliun|miliar|milyar|ribu|juta|rb|jt|k|m|t)(?!\p{L})/iu;
const COMPOUND_RE = /^\s*(\d+(?:[.,]\d+)*)\s*(triliun|miliar|milyar|ribu|juta|rb|jt|k|m|t)(?!\p{L})/iu;
// ",-" and ".-" are the written way of saying "no cents": Rp15.000,-
const NO_CENTS_RE = /^[.,]-/;
const RUPIAH_WORD_RE = /^\s*rupiah(?![\p{L}\p{N}])/iu;
// Digits beyond this cannot be a valid amount whatever the grouping; stops
// absurd inputs before they reach BigInt.
const MAX_DIGITS = 40;

type Scan =
  | { found: false }
  | { found: true; length: number; marked: boolean; result: Result<bigint, MoneyError> };

/**
 * Reads the numeral `digits` (digits with `.`/`,` separators) times
 * 10^exponent. Indonesian writes `.` for thousands and `,` for decimals, many
 * phones and English habits do the opposite; the rules below accept every
 * reading that has only one sensible meaning and refuse the rest:
 *
 * - two or more separators: the groups after the first must be exactly three
 *   digits (thousands), optionally closed by the *other* separator with one or
 *   two decimals (`1.500.000,00`, `1,500,000.00`);
 * - one separator followed by one or two digits is a decimal (`1,5 jt`,
 *   `1.5jt`, `1500,00`);
 * - one separator followed by exactly three digits is thousands without a
 *   unit (`1.500`, `15,000`: a decimal reading would be a fraction of a
 *   rupiah, which nobody means), but ambiguous with a unit (`1.500 jt` may be
 *   Rp1,5 jt or Rp1,5 M);
 * - anything else (`1.5.5`, `1.50.000`, `15.0000`) is ambiguous.
 */
function interpretNumeral(digits: string, exponent: number): Result<bigint, 'ambiguous' | 'fraction' | 'too_large'> {
  const groups = digits.split(/[.,]/);
  const seps = digits.match(/[.,]/g) ?? [];
  let integer: string;
  let fraction = '';

  const isLeadGroup = (g: string): boolean => g.length >= 1 && g.length <= 3 && (g === '0' || !g.startsWith('0'));
  const isDecimal = (g: string): boolean => g.length >= 1 && g.length <= 2;

  if (seps.length === 0) {
    integer = digits;
  } else if (seps.length === 1) {
    const [head = '', tail = ''] = groups;
    if (tail.length === 3) {
      if (exponent > 0 || !isLeadGroup(head)) return err('ambiguous');
      integer = head + tail;
    } else if (isDecimal(tail)) {
      integer = head;
      fraction = tail;
    } else {
      return err('ambiguous');
    }
  } else {
    const first = seps[0];
    const last = seps[seps.length - 1];
    const [head = ''] = groups;
    if (!isLeadGroup(head)) return err('ambiguous');
    const innerSeps = last === first ? seps : seps.slice(0, -1);
    if (innerSeps.some((s) => s !== first)) return err('ambiguous');
    const thousands = last === first ? groups.slice(1) : groups.slice(1, -1);
    if (thousands.some((g) => g.length !== 3)) return err('ambiguous');
    integer = head + thousands.join('');
    if (last !== first) {
      const tail = groups[groups.length - 1] ?? '';
      if (!isDecimal(tail)) return err('ambiguous');
      fraction = tail;
    }
  }

  if (integer.length + fraction.length > MAX_DIGITS) return err('too_large');
  const scaled = BigInt(integer + fraction) * 10n ** BigInt(exponent);
  const divisor = 10n ** BigInt(fraction.length);
  if (scaled % divisor !== 0n) return err('fraction');
  return ok(scaled / divisor);
}

function unitExponent(word: string): number {
  const exponent = UNIT_EXPONENT[word.toLowerCase()];
  if (exponent === undefined) throw new Error(`unit regex and table disagree on "${word}"`);
  return exponent;
}

/** Reads an amount at the very start of `text` (no leading spaces). */
function scan(text: string): Scan {
  let pos = 0;
  let negative = false;
  let marked = false;

  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(text.slice(pos));
    if (m) pos += m[0].length;
    return m;
  };

  const sign = take(SIGN_RE);
  if (sign && (sign[1] !== undefined || sign[2] !== undefined)) negative = true;
  if (take(CURRENCY_RE)) {
    marked = true;
    if (!sign) {
      const inner = take(SIGN_RE);
      if (inner && (inner[1] !== undefined || inner[2] !== undefined)) negative = true;
    }
  }
  const numeral = take(NUMBER_RE);
  if (!numeral) return { found: false };

  let amount: Result<bigint, MoneyError>;
  const unit = take(UNIT_RE);
  if (unit) {
    marked = true;
    let exponent = unitExponent(unit[1] ?? '');
    amount = interpretNumeral(numeral[0], exponent);
    // "1 jt 500 rb": each further part must use a smaller unit.
    while (amount.ok) {
      const next = COMPOUND_RE.exec(text.slice(pos));
      if (!next) break;
      const nextExponent = unitExponent(next[2] ?? '');
      if (nextExponent >= exponent) break;
      const part = interpretNumeral(next[1] ?? '', nextExponent);
      if (!part.ok) break;
      amount = ok(amount.value + part.value);
      exponent = nextExponent;
      pos += next[0].length;
    }
  } else {
    amount = interpretNumeral(numeral[0], 0);
    take(NO_CENTS_RE);
  }
  if (take(RUPIAH_WORD_RE)) marked = true;

  let result: Result<bigint, MoneyError> = amount;
  if (amount.ok) {
    if (amount.value === 0n) result = err('zero');
    else if (negative) result = err('negative');
    else if (amount.value > MAX_RUPIAH) result = err('too_large');
  }
  return { found: true, length: pos, marked, result };
}

/**
 * Parses an amount typed the way people type it (`1.500.000`, `Rp 1.500.000,00`,
 * `1,5 jt`, `750rb`, `2 M`, `3 triliun`, `1 jt 500 rb`…) into whole rupiah.
 * The whole input must be the amount; see {@link parseRupiahPrefix} for an
 * amount followed by words.
 */
export function parseRupiah(input: string): Result<bigint, MoneyError> {
  const text = input.trim();
  if (text === '') return err('empty');
  const s = scan(text);
  if (!s.found) return err('not_a_number');
  if (!s.result.ok) return s.result;
  const rest = text.slice(s.length).trim();
  // A closing full stop is punctuation, not part of the number.
  if (rest === '' || /^[.;!]+$/.test(rest)) return s.result;
  // "1 500 000" or "1 jt 500": digits we could not attach to the amount.
  if (/^\d/.test(rest)) return err('ambiguous');
  return err('not_a_number');
}

/**
 * Parses the amount at the start of a longer text and returns the rest, for
 * the `/lapor` one-liner: `1,5 jt keripik tempe` gives 1500000 and
 * `keripik tempe`. A lone `k`/`m`/`t` right after the number is the unit
 * (`2 M` is Rp2 M); a word that merely starts with one (`2 mangga`) is not.
 * `not_a_number` means the text does not start with an amount at all; the
 * other reasons mean it does, but the amount is wrong.
 */
export function parseRupiahPrefix(text: string): Result<RupiahPrefix, MoneyError> {
  const trimmed = text.trim();
  if (trimmed === '') return err('empty');
  const s = scan(trimmed);
  if (!s.found) return err('not_a_number');
  if (!s.result.ok) return s.result;
  return ok({ amount: s.result.value, rest: trimmed.slice(s.length).trim(), marked: s.marked });
}

/**
 * Finds the first *marked* amount (with `Rp`/`IDR`/`rupiah` or a unit)
 * starting at a word boundary anywhere in `text`, for one-liners that do not
 * start with the amount (`kontrak kopi 2 M`). Bare numbers are skipped: in
 * the middle of a sentence they are more likely quantities or sizes.
 * Returns `undefined` when there is none, or the reason when a marked amount
 * is there but wrong (`kopi Rp 1.50.000` is ambiguous, not missing).
 */
export function findMarkedRupiah(text: string): Result<RupiahFound, MoneyError> | undefined {
  // Every position that starts a word.
  for (let at = 0; at < text.length; at++) {
    if (/\s/.test(text.charAt(at)) || (at > 0 && !/\s/.test(text.charAt(at - 1)))) continue;
    const s = scan(text.slice(at));
    if (!s.found || !s.marked) continue;
    if (!s.result.ok) return s.result;
    return ok({
      amount: s.result.value,
      before: text.slice(0, at).trim(),
      after: text.slice(at + s.length).trim(),
    });
  }
  return undefined;
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Formats whole rupiah the Indonesian way (`Rp1.500.000`, `-Rp5.000`), the one written form used in every message. */
export function formatRupiah(amount: bigint): string {
  const sign = amount < 0n ? '-' : '';
  const abs = amount < 0n ? -amount : amount;
  return `${sign}Rp${groupThousands(abs.toString(), '.')}`;
}

const COMPACT_UNITS: ReadonlyArray<readonly [bigint, string]> = [
  [10n ** 12n, 'T'],
  [10n ** 9n, 'M'],
  [10n ** 6n, 'jt'],
  [10n ** 3n, 'rb'],
];

/**
 * Formats an amount short enough for a digest line or a chart label
 * (`Rp750 rb`, `Rp1,5 jt`, `Rp2,25 M`, `Rp1,2 T`, `Rp950`): at most two
 * decimals, trailing zeros dropped, rounded half up, in integer arithmetic.
 */
export function formatRupiahCompact(amount: bigint): string {
  const sign = amount < 0n ? '-' : '';
  const abs = amount < 0n ? -amount : amount;
  const index = COMPACT_UNITS.findIndex(([size]) => abs >= size);
  if (index < 0) return `${sign}Rp${abs.toString()}`;
  let chosen = index;
  let [size, label] = COMPACT_UNITS[chosen] ?? [1n, ''];
  let hundredths = (abs * 100n + size / 2n) / size;
  // 999.995 rb rounds to 1.000 rb: say 1 jt instead.
  if (hundredths >= 100_000n && chosen > 0) {
    chosen -= 1;
    [size, label] = COMPACT_UNITS[chosen] ?? [1n, ''];
    hundredths = (abs * 100n + size / 2n) / size;
  }
  const whole = groupThousands((hundredths / 100n).toString(), '.');
  const decimals = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${sign}Rp${whole}${decimals === '' ? '' : `,${decimals}`} ${label}`;
}
