import { findMarkedRupiah, parseRupiahPrefix } from './money.js';
import type { MoneyError } from './money.js';
import { err, ok } from './result.js';
import type { Result } from './result.js';
import type { SaleDirection, SaleKind } from './sale.js';

/**
 * A sale read from the `/lapor` one-liner, not yet saved: the bot shows it
 * for one confirmation tap. `direction` is `undefined` unless the line said
 * `beli`/`jual`; the caller then applies `defaultDirection` (sale.ts) from the
 * exhibitor's province. `kind` defaults to `RETAIL`.
 */
export interface SaleDraft {
  amount: bigint;
  /**
   * The other reading of the amount when its separators allow two that are
   * both plausible (`1,053 jt`); the bot asks which one was meant.
   */
  alternativeAmount?: bigint | undefined;
  kind: SaleKind;
  direction: SaleDirection | undefined;
  productText: string | undefined;
  /** Whole units: the database column is an integer. */
  quantity: number | undefined;
  /** Canonical unit (`pcs`, `kodi`, `kg`…), `undefined` for `x30`. */
  unit: string | undefined;
  buyerName: string | undefined;
}

/**
 * Why a one-liner was refused. The amount reasons are those of
 * `parseRupiah` (money.ts); `missing_amount` covers an empty line and a line with
 * no recognisable amount.
 */
export type SaleLineError =
  | 'missing_amount'
  | Exclude<MoneyError, 'empty' | 'not_a_number'>
  | 'quantity_invalid'
  | 'quantity_negative'
  | 'product_too_long'
  | 'buyer_too_long'
  | 'kind_conflict'
  | 'direction_conflict'
  | 'buyer_conflict';

/** Longest product text kept from a one-liner: fits a digest line and a button label. */
export const MAX_PRODUCT_TEXT = 120;
/** Longest buyer name, for the same reason. */
export const MAX_BUYER_NAME = 120;
/** Above ten million pieces a quantity is a typo (often the amount typed twice). */
export const MAX_QUANTITY = 10_000_000;

/** Words that set the kind, anywhere in the line. */
export const KIND_WORDS: Readonly<Record<string, SaleKind>> = {
  tunai: 'RETAIL',
  cash: 'RETAIL',
  retail: 'RETAIL',
  ritel: 'RETAIL',
  eceran: 'RETAIL',
  kontrak: 'ORDER',
  contract: 'ORDER',
  pesanan: 'ORDER',
  order: 'ORDER',
  mou: 'LOI',
  loi: 'LOI',
  investasi: 'INVESTMENT',
  investment: 'INVESTMENT',
  invest: 'INVESTMENT',
};

/** Words that set the direction, anywhere in the line. */
export const DIRECTION_WORDS: Readonly<Record<string, SaleDirection>> = {
  jual: 'SELL',
  sell: 'SELL',
  penjualan: 'SELL',
  beli: 'BUY',
  buy: 'BUY',
  pembelian: 'BUY',
};

/**
 * Unit words a quantity may carry, to the canonical unit stored. No `m`,
 * `k` or `t`: after a number those are rupiah units (miliar, ribu, triliun).
 */
export const QUANTITY_UNITS: Readonly<Record<string, string>> = {
  pcs: 'pcs', pc: 'pcs', piece: 'pcs', pieces: 'pcs',
  buah: 'buah', bh: 'buah',
  biji: 'biji',
  kodi: 'kodi',
  lusin: 'lusin', dozen: 'lusin',
  dus: 'dus', dos: 'dus', kardus: 'dus',
  box: 'box', boks: 'box', kotak: 'box',
  karton: 'karton',
  pak: 'pak', pack: 'pak', pax: 'pak',
  paket: 'paket',
  kg: 'kg', kilo: 'kg', kilogram: 'kg',
  gram: 'gram', gr: 'gram', g: 'gram',
  ons: 'ons',
  ton: 'ton',
  liter: 'liter', litre: 'liter', ltr: 'liter', lt: 'liter',
  ml: 'ml',
  botol: 'botol', btl: 'botol', bottle: 'botol', bottles: 'botol',
  bungkus: 'bungkus', bks: 'bungkus',
  sachet: 'sachet', saset: 'sachet',
  kaleng: 'kaleng',
  toples: 'toples',
  cup: 'cup', gelas: 'gelas',
  porsi: 'porsi',
  unit: 'unit', units: 'unit',
  set: 'set', sets: 'set',
  lembar: 'lembar', lbr: 'lembar', helai: 'helai',
  meter: 'meter', mtr: 'meter',
  roll: 'roll', rol: 'roll',
  pasang: 'pasang', psg: 'pasang', pair: 'pasang', pairs: 'pasang',
  karung: 'karung', sak: 'karung',
  batang: 'batang', btg: 'batang',
  slop: 'slop',
  ekor: 'ekor',
};

const UNIT_ALTERNATION = Object.keys(QUANTITY_UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
// "30 pcs", "30pcs", "x30", "30x"; never inside a word or another number.
const QUANTITY_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:(${NUMBER}) ?(${UNIT_ALTERNATION})|x(${NUMBER})|(${NUMBER})x)(?![\p{L}\p{N}])`,
  'giu',
);
const UNIT_AHEAD_RE = new RegExp(String.raw`^(?:x|${UNIT_ALTERNATION})(?![\p{L}\p{N}])`, 'iu');
const BUYER_MARK_RE = /(?<=^|\s)(?:@|(?:pembeli|buyer)\s*:)/giu;
// "-3 pcs": a minus attached to a quantity.
const NEGATIVE_QUANTITY_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])[-\u2212](?:${NUMBER} ?(?:${UNIT_ALTERNATION})|x${NUMBER}|${NUMBER}x)(?![\p{L}\p{N}])`,
  'iu',
);

/**
 * Words that introduce the buyer: `dengan PT Banten Niaga`, `sama Bu Ani`.
 * `dengan`, `kepada` and `sama` need a capitalised name or a title after
 * them; `ke` and `untuk` are common inside product phrases (`kopi untuk
 * oleh-oleh`, `kirim ke Jakarta`), so they introduce a buyer only before a
 * title (`untuk PT Maju`, `ke Toko Sinar`).
 */
export const BUYER_WORDS: Readonly<Record<string, 'name' | 'title'>> = {
  dengan: 'name',
  kepada: 'name',
  sama: 'name',
  ke: 'title',
  untuk: 'title',
};

/** Titles that start a buyer's name: a company form, a shop, a way to address a person. */
export const BUYER_TITLES: ReadonlySet<string> = new Set([
  'pt', 'cv', 'ud', 'pd', 'fa', 'koperasi', 'kop', 'toko', 'tk', 'warung', 'hotel', 'restoran', 'resto', 'rm', 'yayasan',
  'perum', 'pak', 'bu', 'bapak', 'ibu', 'mas', 'mbak', 'kak', 'sdr', 'haji', 'hj', 'mr', 'mrs', 'ms',
]);

/** Where the first buyer word with a fitting name after it starts, and where the name starts. */
function findBuyerWord(line: string): { at: number; nameAt: number } | undefined {
  const words = [...line.matchAll(/\S+/g)];
  for (let i = 0; i + 1 < words.length; i++) {
    const word = words[i];
    const next = words[i + 1];
    if (!word || !next) continue;
    const need = Object.hasOwn(BUYER_WORDS, word[0].toLowerCase()) ? BUYER_WORDS[word[0].toLowerCase()] : undefined;
    if (need === undefined) continue;
    const title = BUYER_TITLES.has(next[0].toLowerCase().replace(/\.$/, ''));
    if (title || (need === 'name' && /^\p{Lu}/u.test(next[0]))) return { at: word.index ?? 0, nameAt: next.index ?? 0 };
  }
  return undefined;
}

/** A token without surrounding punctuation, lower case: `Kontrak,` is the word `kontrak`. */
function bare(token: string): string {
  return token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function isKeyword(token: string): boolean {
  const word = bare(token);
  return Object.hasOwn(KIND_WORDS, word) || Object.hasOwn(DIRECTION_WORDS, word);
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s\-–—,;:.|/]+|[\s\-–—,;:|/]+$/g, '');
}

function codePoints(text: string): number {
  return [...text].length;
}

/** Whole pieces only (the column is an integer); `1.000` is a thousand, `1,5` is refused. */
function parseQuantity(numeral: string): number | undefined {
  if (!/^\d+$/.test(numeral) && !/^\d{1,3}(?:\.\d{3})+$/.test(numeral)) return undefined;
  const n = Number(numeral.replace(/\./g, ''));
  return n >= 1 && n <= MAX_QUANTITY ? n : undefined;
}

/**
 * Reads the body of the `/lapor` one-liner (what follows the command), e.g.
 * `1,5jt keripik tempe 30 pcs @Toko Makmur`.
 *
 * - **Amount.** The documented form puts it first, after any kind/direction
 *   words (`kontrak 5 jt kopi`). When the line does not start with one, the
 *   first *marked* amount anywhere is taken (`keripik 1,5jt`: marked means it
 *   has `Rp` or a unit), because a bare number mid-line is more likely a
 *   quantity or a size. A leading bare number followed by a quantity unit
 *   (`30 pcs …`) is a quantity, not the amount.
 * - **Kind and direction** words (`kontrak`, `mou`, `investasi`, `beli`…)
 *   count anywhere and are removed from the product text; two different
 *   kinds or directions are a conflict, not a guess.
 * - **Quantity** is a number with a unit word (`30 pcs`, `2 kodi`) or `x30`;
 *   a bare number stays in the product text. With several, the last one is
 *   the quantity (`keripik 200 gram 30 pcs`) and the others stay in the text.
 * - **Buyer** is `@name`, `pembeli: name`, or a buyer word with a name
 *   after it (`dengan PT Banten Niaga`, see {@link BUYER_WORDS}), and runs
 *   to the end of the line or to the next `@`/`pembeli:`.
 * - A **negative quantity** (`-3 pcs`) is refused, not read as 3.
 */
export function parseSaleLine(text: string): Result<SaleDraft, SaleLineError> {
  const line = text.replace(/\s+/g, ' ').trim();

  // Buyer first: words in a buyer's name ("@PT Order Jaya") are not keywords.
  const marks = [...line.matchAll(BUYER_MARK_RE)].map((m) => ({ at: m.index ?? 0, nameAt: (m.index ?? 0) + m[0].length }));
  const word = findBuyerWord(line);
  // A buyer word counts when it comes before any @/pembeli: mark; after one it is part of that name.
  if (word && (marks.length === 0 || word.at < (marks[0]?.at ?? 0))) marks.unshift(word);
  const body = marks.length > 0 ? line.slice(0, marks[0]?.at ?? 0).trim() : line;
  const buyers = marks
    .map((m, i) => line.slice(m.nameAt, marks[i + 1]?.at ?? line.length).trim())
    .filter((name) => name !== '');

  // Amount.
  const tokens = body === '' ? [] : body.split(' ');
  let lead = 0;
  while (lead < tokens.length && isKeyword(tokens[lead] ?? '')) lead++;
  const afterKeywords = tokens.slice(lead).join(' ');
  let amount: bigint;
  let alternativeAmount: bigint | undefined;
  let remaining: string;
  const first = parseRupiahPrefix(afterKeywords);
  if (first.ok && (first.value.marked || !UNIT_AHEAD_RE.test(first.value.rest))) {
    amount = first.value.amount;
    alternativeAmount = first.value.alternative;
    remaining = `${tokens.slice(0, lead).join(' ')} ${first.value.rest}`;
  } else if (!first.ok && first.reason !== 'not_a_number' && first.reason !== 'empty') {
    return err(first.reason);
  } else {
    const found = findMarkedRupiah(body);
    if (found === undefined) return err('missing_amount');
    if (!found.ok) {
      if (found.reason === 'empty' || found.reason === 'not_a_number') return err('missing_amount');
      return err(found.reason);
    }
    amount = found.value.amount;
    alternativeAmount = found.value.alternative;
    remaining = `${found.value.before} ${found.value.after}`;
  }

  // Kind and direction words.
  const kinds = new Set<SaleKind>();
  const directions = new Set<SaleDirection>();
  const words: string[] = [];
  for (const token of remaining.split(' ')) {
    const word = bare(token);
    const kind = Object.hasOwn(KIND_WORDS, word) ? KIND_WORDS[word] : undefined;
    const direction = Object.hasOwn(DIRECTION_WORDS, word) ? DIRECTION_WORDS[word] : undefined;
    if (kind) kinds.add(kind);
    else if (direction) directions.add(direction);
    else words.push(token);
  }
  if (kinds.size > 1) return err('kind_conflict');
  if (directions.size > 1) return err('direction_conflict');

  // Quantity: the last number with a unit.
  let product = words.join(' ');
  if (NEGATIVE_QUANTITY_RE.test(product)) return err('quantity_negative');
  let quantity: number | undefined;
  let unit: string | undefined;
  const quantities = [...product.matchAll(QUANTITY_RE)];
  const last = quantities[quantities.length - 1];
  if (last) {
    const numeral = last[1] ?? last[3] ?? last[4] ?? '';
    const parsed = parseQuantity(numeral);
    if (parsed === undefined) return err('quantity_invalid');
    quantity = parsed;
    const unitWord = last[2];
    unit = unitWord === undefined ? undefined : QUANTITY_UNITS[unitWord.toLowerCase()];
    const at = last.index ?? 0;
    product = `${product.slice(0, at)} ${product.slice(at + last[0].length)}`;
  }

  product = tidy(product);
  if (codePoints(product) > MAX_PRODUCT_TEXT) return err('product_too_long');
  if (buyers.length > 1) return err('buyer_conflict');
  const buyerName = buyers[0] === undefined ? undefined : tidy(buyers[0]);
  if (buyerName !== undefined && codePoints(buyerName) > MAX_BUYER_NAME) return err('buyer_too_long');

  return ok({
    amount,
    alternativeAmount,
    kind: [...kinds][0] ?? 'RETAIL',
    direction: [...directions][0],
    productText: product === '' ? undefined : product,
    quantity,
    unit,
    buyerName: buyerName === '' ? undefined : buyerName,
  });
}
