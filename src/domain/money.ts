import type { Lang } from './entities.js';
import { err, ok } from './result.js';
import type { Result } from './result.js';
import { DIGIT_WORDS, FRACTION_QUARTERS, SCALE_EXPONENT, SE_SCALE_EXPONENT } from './number-words.js';

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
  | 'fraction'
  | 'scientific';

/**
 * The largest amount one report may carry: Rp1.000 T (10^15). Far above any
 * real transaction (a province's whole mission is a few hundred miliar), low
 * enough that a slip of the thumb (an extra group of zeros) is caught instead
 * of wrecking a mission's headline figure. Amounts below it but far above what
 * the mission has seen get a second confirmation instead (amount-check.ts).
 */
export const MAX_RUPIAH = 10n ** 15n;

/**
 * What a typed amount says. `alternative` is set when the digits allow two
 * plausible readings that differ (`1,053 jt`: Rp1.053.000 the Indonesian
 * way, Rp1.053.000.000 the English way); `amount` is then the Indonesian
 * one and the caller asks which was meant.
 */
export interface RupiahReading {
  amount: bigint;
  alternative?: bigint | undefined;
}

/**
 * An amount found at the start of a longer text (the `/lapor` one-liner).
 * `marked` says the amount carried a currency (`Rp`, `IDR`, `rupiah`) or a
 * unit (`rb`, `jt`, `M`, `juta`, `sejuta`…), i.e. it is unmistakably money
 * and not, say, a quantity.
 */
export interface RupiahPrefix extends RupiahReading {
  /** The text after the amount, trimmed. */
  rest: string;
  marked: boolean;
}

/**
 * A marked amount found somewhere inside a text, with the text on either side
 * (both trimmed), so a caller can keep the words around it.
 */
export interface RupiahFound extends RupiahReading {
  before: string;
  after: string;
}

// A minus sign counts only when attached ("-5000"): "kopi - 5 jt" uses the dash as punctuation.
const SIGN_RE = /^(?:([-\u2212])(?=\S)|(minus)\s*|\+)/i;
const CURRENCY_RE = /^(?:rp\.?|idr)\s*/i;
const NUMERAL_RE = /^\d+(?:[.,]\d+)*/;
const WORD_RE = /^\p{L}+/u;
// "1e309": a calculator's way of writing, never a price.
const SCIENTIFIC_RE = /^[eE][+-]?\d/;
// ",-" and ".-" are the written way of saying "no cents": Rp15.000,-
const NO_CENTS_RE = /^[.,]-/;
const RUPIAH_WORD_RE = /^\s*rupiah(?![\p{L}\p{N}])/iu;
// Digits beyond this cannot be a valid amount whatever the grouping; stops
// absurd inputs before they reach BigInt.
const MAX_DIGITS = 40;

type NumeralError = 'ambiguous' | 'fraction' | 'too_large';

/**
 * One way to read a numeral: `thousands` groups, `decimal` marks decimals.
 * Returns undefined when the digits do not fit that convention.
 */
function readAs(digits: string, exponent: number, thousands: string, decimal: string): Result<bigint, NumeralError> | undefined {
  const t = thousands === '.' ? '\\.' : ',';
  const d = decimal === '.' ? '\\.' : ',';
  const m = new RegExp(`^(\\d+)((?:${t}\\d{3})*)(?:${d}(\\d+))?$`).exec(digits);
  if (!m) return undefined;
  const head = m[1] ?? '';
  const groups = (m[2] ?? '').replace(/[.,]/g, '');
  const fraction = m[3] ?? '';
  // "1500.000" and "01.500" are not thousands groupings.
  if (groups !== '' && (head.length > 3 || (head.length > 1 && head.startsWith('0')))) return undefined;
  // Without a unit a decimal is cents: more than two digits is not a way to write rupiah.
  if (exponent === 0 && fraction.length > 2) return undefined;
  const integer = head + groups;
  if (integer.length + fraction.length > MAX_DIGITS) return err('too_large');
  const scaled = BigInt(integer + fraction) * 10n ** BigInt(exponent);
  const divisor = 10n ** BigInt(fraction.length);
  if (scaled % divisor !== 0n) return err('fraction');
  const value = scaled / divisor;
  if (value > MAX_RUPIAH) return err('too_large');
  return ok(value);
}

/**
 * Reads the numeral `digits` (digits with `.`/`,` separators) times
 * 10^exponent. Indonesian writes `.` for thousands and `,` for decimals; many
 * phones and English habits do the opposite. The Indonesian reading wins
 * whenever the digits allow it; the English one is taken when the Indonesian
 * one is impossible (`1.5jt`, `1,500,000.00`) or out of range (`1,053 T`
 * would be 1.053 T the English way, above {@link MAX_RUPIAH}). Both are
 * returned when both are plausible and differ (`1,053 jt`, `1.053 jt`): a
 * decimal padded with a zero (`1.200 rb` read as 1,2 rb) is not plausible,
 * nobody writes it that way, so `1.200 rb` is simply Rp1.200.000.
 */
function interpretNumeral(digits: string, exponent: number): Result<RupiahReading, NumeralError> {
  const indonesian = readAs(digits, exponent, '.', ',');
  const english = readAs(digits, exponent, ',', '.');
  if (indonesian?.ok) {
    const other = english?.ok ? english.value : undefined;
    const padded = /[.]\d*0$/.test(digits) && !/,/.test(digits);
    const alternative = other !== undefined && other !== indonesian.value && !padded ? other : undefined;
    return ok({ amount: indonesian.value, alternative });
  }
  if (english?.ok) return ok({ amount: english.value });
  const failure = indonesian ?? english;
  if (failure && !failure.ok) return failure;
  return err('ambiguous');
}

interface WordGroup {
  /** In quarters of a unit, so `setengah` and `seperempat` stay integers. */
  quarters: bigint;
  pending: number | undefined;
  /** The smallest place filled so far (100 after `ratus`…): digits fill only smaller places. */
  place: number;
  /** `setengah`/`seperempat` closes the group: only a unit may follow. */
  closed: boolean;
}

type Group = { kind: 'none' } | { kind: 'numeral'; raw: string } | ({ kind: 'words' } & WordGroup);

interface Scan {
  found: boolean;
  length: number;
  marked: boolean;
  /** The amount had digits (`5 jt`), not only words (`lima juta`). */
  digits: boolean;
  result: Result<RupiahReading, MoneyError>;
}

function wordsValue(group: WordGroup): bigint {
  return group.quarters + (group.pending === undefined ? 0n : BigInt(group.pending) * 4n);
}

/**
 * Reads an amount at the very start of `text` (no leading spaces): digits
 * with separators, Indonesian number words (`dua ratus lima puluh ribu`,
 * `satu setengah juta`, `sejuta`) and units (`rb`, `jt`, `M`, `T`, `juta`…),
 * in parts of falling units (`2 juta 500 ribu`, `1 M 200 jt`). A part
 * without a unit after one with a unit (`1 jt 500`) is left unread: it might
 * be the amount's tail or a quantity.
 */
function scan(text: string): Scan {
  let pos = 0;
  let negative = false;
  let marked = false;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(text.slice(pos));
    if (m) pos += m[0].length;
    return m;
  };
  const failed = (reason: MoneyError): Scan => ({ found: true, length: pos, marked, digits: hasDigits, result: err(reason) });

  const sign = take(SIGN_RE);
  if (sign && (sign[1] !== undefined || sign[2] !== undefined)) negative = true;
  if (take(CURRENCY_RE)) {
    marked = true;
    if (!sign) {
      const inner = take(SIGN_RE);
      if (inner && (inner[1] !== undefined || inner[2] !== undefined)) negative = true;
    }
  }

  let total = 0n;
  let alternativeDelta: bigint | undefined;
  let lastExponent = Number.POSITIVE_INFINITY;
  let group: Group = { kind: 'none' };
  let committed = -1; // where the amount read so far ends
  let hasDigits = false;
  let sawScale = false;
  let cursor = pos;

  const addPart = (reading: RupiahReading): MoneyError | undefined => {
    total += reading.amount;
    if (reading.alternative !== undefined) {
      // Two uncertain parts would make four readings: ask for a clearer amount instead.
      if (alternativeDelta !== undefined) return 'ambiguous';
      alternativeDelta = reading.alternative - reading.amount;
    }
    return undefined;
  };

  for (;;) {
    const at = cursor;
    const gap = /^\s*/.exec(text.slice(at))?.[0].length ?? 0;
    const here = text.slice(at + gap);
    // Tokens may touch ("1jt500rb") or be spaced ("1 jt 500 rb").
    const numeral = NUMERAL_RE.exec(here);
    const word = numeral ? null : WORD_RE.exec(here);
    if (numeral) {
      if (SCIENTIFIC_RE.test(here.slice(numeral[0].length))) {
        pos = at + gap + numeral[0].length;
        return failed('scientific');
      }
      if (group.kind !== 'none') break;
      group = { kind: 'numeral', raw: numeral[0] };
      hasDigits = true;
      cursor = at + gap + numeral[0].length;
      if (!sawScale) committed = cursor;
      continue;
    }
    if (!word) break;
    const w = word[0].toLowerCase();
    const end = at + gap + word[0].length;
    const scale = SCALE_EXPONENT[w];
    const seScale = SE_SCALE_EXPONENT[w];
    if (scale !== undefined || seScale !== undefined) {
      const exponent = (scale ?? seScale) as number;
      if (exponent >= lastExponent) break;
      if (seScale === undefined && group.kind === 'none') break;
      marked = true;
      let part: Result<RupiahReading, MoneyError>;
      if (seScale !== undefined) {
        if (group.kind !== 'none') break;
        part = ok({ amount: 10n ** BigInt(exponent) });
      } else if (group.kind === 'numeral') {
        part = interpretNumeral(group.raw, exponent);
      } else if (group.kind === 'words') {
        const scaled = wordsValue(group) * 10n ** BigInt(exponent);
        part = scaled % 4n === 0n ? ok({ amount: scaled / 4n }) : err('fraction');
      } else {
        break;
      }
      if (!part.ok) {
        pos = end;
        return failed(part.reason);
      }
      const problem = addPart(part.value);
      if (problem) {
        pos = end;
        return failed(problem);
      }
      lastExponent = exponent;
      sawScale = true;
      marked = true;
      group = { kind: 'none' };
      cursor = end;
      committed = end;
      continue;
    }
    // Number words build the group before a unit: "dua ratus lima puluh", "satu setengah".
    if (group.kind === 'numeral') {
      // "2 ratus ribu": a single digit written as a numeral works like the word.
      if (!/^[1-9]$/.test(group.raw) || !['ratus', 'puluh', 'belas'].includes(w)) break;
      group = { kind: 'words', quarters: 0n, pending: Number(group.raw), place: Number.POSITIVE_INFINITY, closed: false };
    }
    if (group.kind === 'none') group = { kind: 'words', quarters: 0n, pending: undefined, place: Number.POSITIVE_INFINITY, closed: false };
    const g = group;
    if (g.closed) break;
    const digit = DIGIT_WORDS[w];
    const fraction = FRACTION_QUARTERS[w];
    if (digit !== undefined) {
      if (g.pending !== undefined || g.place <= 1) break;
      if (digit === 0 && (g.quarters !== 0n || g.place !== Number.POSITIVE_INFINITY)) break;
      g.pending = digit;
    } else if (w === 'belas' || w === 'puluh' || w === 'ratus') {
      const place = w === 'ratus' ? 100 : w === 'puluh' ? 10 : 1;
      if (g.pending === undefined || g.pending === 0 || g.place <= place || (w === 'belas' && g.place <= 10)) break;
      g.quarters += BigInt(w === 'belas' ? 10 + g.pending : g.pending * place) * 4n;
      g.pending = undefined;
      g.place = place;
    } else if (w === 'sepuluh' || w === 'sebelas' || w === 'seratus') {
      const place = w === 'seratus' ? 100 : w === 'sepuluh' ? 10 : 1;
      if (g.pending !== undefined || g.place <= (w === 'sebelas' ? 10 : place)) break;
      g.quarters += BigInt(w === 'seratus' ? 100 : w === 'sepuluh' ? 10 : 11) * 4n;
      g.place = place;
    } else if (fraction !== undefined) {
      g.quarters = wordsValue(g) + BigInt(fraction);
      g.pending = undefined;
      g.closed = true;
    } else {
      if (group.kind === 'words' && wordsValue(group) === 0n && group.pending === undefined) group = { kind: 'none' };
      break;
    }
    cursor = end;
    if (!sawScale) committed = end;
  }

  // A trailing group without a unit counts only when no part had a unit.
  if (!sawScale) {
    if (group.kind === 'none') return { found: false, length: 0, marked, digits: false, result: err('not_a_number') };
    if (group.kind === 'numeral') {
      const part = interpretNumeral(group.raw, 0);
      pos = committed;
      if (!part.ok) return failed(part.reason);
      addPart(part.value);
      take(NO_CENTS_RE);
    } else {
      pos = committed;
      const quarters = wordsValue(group);
      if (quarters % 4n !== 0n) return failed('fraction');
      total = quarters / 4n;
    }
  } else {
    pos = committed;
    // "seribu satu", "dua juta lima ratus": a tail in words after units counts when the
    // amount is all words and nothing but "rupiah" follows; "50rb lima bungkus" keeps its "lima".
    if (group.kind === 'words' && !hasDigits && /^\s*(?:rupiah)?[\s.;!]*$/iu.test(text.slice(cursor))) {
      const quarters = wordsValue(group);
      if (quarters % 4n === 0n && quarters > 0n) {
        total += quarters / 4n;
        pos = cursor;
      }
    }
  }
  if (take(RUPIAH_WORD_RE)) marked = true;

  let result: Result<RupiahReading, MoneyError>;
  if (total === 0n) result = err('zero');
  else if (negative) result = err('negative');
  else if (total > MAX_RUPIAH) result = err('too_large');
  else {
    const alternative = alternativeDelta === undefined ? undefined : total + alternativeDelta;
    result = ok({ amount: total, alternative: alternative !== undefined && alternative > 0n && alternative <= MAX_RUPIAH ? alternative : undefined });
  }
  return { found: true, length: pos, marked, digits: hasDigits, result };
}

/** The rest of an input after an amount must be nothing but a closing full stop. */
function wholeInput(text: string): Result<RupiahReading, MoneyError> {
  const trimmed = text.trim();
  if (trimmed === '') return err('empty');
  const s = scan(trimmed);
  if (!s.found) return err('not_a_number');
  if (!s.result.ok) return s.result;
  const rest = trimmed.slice(s.length).trim();
  // A closing full stop is punctuation, not part of the number.
  if (rest === '' || /^[.;!]+$/.test(rest)) return s.result;
  // "1 500 000" or "1 jt 500": digits we could not attach to the amount.
  if (/^\d/.test(rest)) return err('ambiguous');
  return err('not_a_number');
}

/**
 * Reads an amount typed the way people type it, in digits or words, and
 * keeps both readings when the separators allow two (see
 * {@link RupiahReading}); the sale flows ask which one was meant.
 */
export function readRupiah(input: string): Result<RupiahReading, MoneyError> {
  return wholeInput(input);
}

/**
 * Parses an amount typed the way people type it (`1.500.000`, `Rp 1.500.000,00`,
 * `1,5 jt`, `750rb`, `2 M`, `3 triliun`, `1 jt 500 rb`, `sejuta`,
 * `dua ratus lima puluh ribu`…) into whole rupiah. The whole input must be
 * the amount; see {@link parseRupiahPrefix} for an amount followed by words.
 * Two plausible readings are `ambiguous` here; {@link readRupiah} returns both.
 */
export function parseRupiah(input: string): Result<bigint, MoneyError> {
  const read = wholeInput(input);
  if (!read.ok) return read;
  if (read.value.alternative !== undefined) return err('ambiguous');
  return ok(read.value.amount);
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
  return ok({ ...s.result.value, rest: trimmed.slice(s.length).trim(), marked: s.marked });
}

/**
 * Finds the first *marked* amount (with `Rp`/`IDR`/`rupiah` or a unit)
 * starting at a word boundary anywhere in `text`, for one-liners that do not
 * start with the amount (`kontrak kopi 2 M`). Bare numbers are skipped: in
 * the middle of a sentence they are more likely quantities or sizes. An
 * amount in digits is preferred to one in words (`kue seribu lapis 50rb` is
 * Rp50.000, not Rp1.000). Returns `undefined` when there is none, or the
 * reason when a marked amount is there but wrong (`kopi Rp 1.50.000` is
 * ambiguous, not missing).
 */
export function findMarkedRupiah(text: string): Result<RupiahFound, MoneyError> | undefined {
  let inWords: Result<RupiahFound, MoneyError> | undefined;
  // Every position that starts a word.
  for (let at = 0; at < text.length; at++) {
    if (/\s/.test(text.charAt(at)) || (at > 0 && !/\s/.test(text.charAt(at - 1)))) continue;
    const s = scan(text.slice(at));
    if (!s.found) continue;
    if (!s.result.ok) {
      if (s.result.reason === 'scientific') return s.result;
      if (!s.marked) continue;
    }
    if (!s.marked) continue;
    const found: Result<RupiahFound, MoneyError> = s.result.ok
      ? ok({ ...s.result.value, before: text.slice(0, at).trim(), after: text.slice(at + s.length).trim() })
      : s.result;
    if (s.digits) return found;
    inWords ??= found;
  }
  return inWords;
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Thousands separator and decimal mark of each language: one message never mixes them. */
const MARKS: Readonly<Record<Lang, { thousands: string; decimal: string }>> = {
  id: { thousands: '.', decimal: ',' },
  en: { thousands: ',', decimal: '.' },
};

/**
 * Formats whole rupiah (`Rp1.500.000`, `-Rp5.000`; in English `Rp1,500,000`),
 * with the separators of the message's language.
 */
export function formatRupiah(amount: bigint, lang: Lang = 'id'): string {
  const sign = amount < 0n ? '-' : '';
  const abs = amount < 0n ? -amount : amount;
  return `${sign}Rp${groupThousands(abs.toString(), MARKS[lang].thousands)}`;
}

// "M" (miliar) reads as million to an English reader: English says bn and m.
const COMPACT_UNITS: Readonly<Record<Lang, ReadonlyArray<readonly [bigint, string]>>> = {
  id: [
    [10n ** 12n, 'T'],
    [10n ** 9n, 'M'],
    [10n ** 6n, 'jt'],
    [10n ** 3n, 'rb'],
  ],
  en: [
    [10n ** 12n, 'tn'],
    [10n ** 9n, 'bn'],
    [10n ** 6n, 'm'],
    [10n ** 3n, 'k'],
  ],
};

/**
 * Formats an amount short enough for a digest line or a chart label
 * (`Rp750 rb`, `Rp1,5 jt`, `Rp2,25 M`, `Rp1,2 T`, `Rp950`; in English
 * `Rp750 k`, `Rp1.5 m`, `Rp2.25 bn`): at most two decimals, trailing zeros
 * dropped, rounded half up, in integer arithmetic.
 */
export function formatRupiahCompact(amount: bigint, lang: Lang = 'id'): string {
  const units = COMPACT_UNITS[lang];
  const sign = amount < 0n ? '-' : '';
  const abs = amount < 0n ? -amount : amount;
  const index = units.findIndex(([size]) => abs >= size);
  if (index < 0) return `${sign}Rp${abs.toString()}`;
  let chosen = index;
  let [size, label] = units[chosen] ?? [1n, ''];
  let hundredths = (abs * 100n + size / 2n) / size;
  // 999.995 rb rounds to 1.000 rb: say 1 jt instead.
  if (hundredths >= 100_000n && chosen > 0) {
    chosen -= 1;
    [size, label] = units[chosen] ?? [1n, ''];
    hundredths = (abs * 100n + size / 2n) / size;
  }
  const { thousands, decimal } = MARKS[lang];
  const whole = groupThousands((hundredths / 100n).toString(), thousands);
  const decimals = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${sign}Rp${whole}${decimals === '' ? '' : `${decimal}${decimals}`} ${label}`;
}
