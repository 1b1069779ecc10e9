import { isCategory, type Category, CATEGORIES } from './categories.js';
import { PROVINCES, provinceByCode } from './provinces.js';
import { err, ok, type Result } from './result.js';
import { textKey } from './text.js';

/**
 * Product search, the pure half: what a query means and how well a product
 * answers it. The database ranks (src/db/search-index.ts): it keeps every
 * product's normalised words (from {@link searchEntry}), finds the indexed
 * words sharing a trigram with a query word (SQLite FTS5 trigrams,
 * PostgreSQL pg_trgm), and this module judges those few words
 * ({@link planSearch}); the database then adds up the points per product and
 * orders and pages the products. Words are normalised here, not by each
 * database, so SQLite and PostgreSQL answer the same.
 *
 * {@link rankSearch} states the same ranking over products in memory: it is
 * the reference the database's ranking is tested against.
 */

/** Shorter words have no trigram, so no index can find them; they are left out of the query. */
export const SEARCH_MIN_WORD = 3;
/** Enough for "keripik tempe pedas jawa timur"; more words only slow the query down. */
export const SEARCH_MAX_WORDS = 8;
/** A longer query is cut here: no product name is longer. */
export const SEARCH_MAX_QUERY = 100;

// Joining words that would match half of every description.
const STOP_WORDS: ReadonlySet<string> = new Set(['dan', 'yang', 'dari', 'untuk', 'dengan', 'atau', 'the', 'and', 'for', 'with']);

/**
 * Words a category is found by: its key and its name in both languages, not
 * the looser aliases of {@link matchCategory} (`kopi` would otherwise bring
 * every drink).
 */
export const CATEGORY_SEARCH_WORDS: Readonly<Record<Category, readonly string[]>> = {
  makanan: ['makanan', 'food'],
  minuman: ['minuman', 'drinks', 'drink', 'beverage'],
  fashion: ['fashion', 'fesyen', 'busana'],
  tembakau: ['tembakau', 'rokok', 'tobacco'],
  kerajinan: ['kerajinan', 'kriya', 'crafts', 'craft'],
  lainnya: ['lainnya', 'other'],
};

/** Lower case, accents removed (`Kopí` → `kopi`), anything but letters and digits a space. */
export function normalizeSearchText(text: string): string {
  return textKey(text);
}

/** The words of a text, normalised; empty for a blank text. */
export function searchWords(text: string | null | undefined): string[] {
  if (!text) return [];
  const normalized = normalizeSearchText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/** The distinct three-letter pieces of a word (`kopi` → `kop`, `opi`), what both databases index. */
export function trigrams(word: string): string[] {
  const chars = Array.from(word);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return [...out];
}

/** A query, normalised: its words and what the database should look for. */
export interface SearchQuery {
  words: string[];
  /** Every trigram of every word: the full-text candidates. */
  trigrams: string[];
  /** Province codes some word matches (the database stores codes, people type names). */
  provinces: string[];
  /** Category keys some word matches. */
  categories: Category[];
}

export type SearchQueryError = 'empty' | 'too_short';

/**
 * Reads what a buyer typed. `empty` when there is nothing; `too_short` when
 * only one- and two-letter words or joining words are left.
 */
export function parseSearchQuery(text: string): Result<SearchQuery, SearchQueryError> {
  const all = searchWords(Array.from(text).slice(0, SEARCH_MAX_QUERY).join(''));
  if (all.length === 0) return err('empty');
  const words = [...new Set(all.filter((word) => Array.from(word).length >= SEARCH_MIN_WORD && !STOP_WORDS.has(word)))].slice(
    0,
    SEARCH_MAX_WORDS,
  );
  if (words.length === 0) return err('too_short');
  return ok({
    words,
    trigrams: [...new Set(words.flatMap(trigrams))],
    provinces: PROVINCES.filter((province) => matchesAny(words, provinceWords(province.code))).map((province) => province.code),
    categories: CATEGORIES.filter((category) => matchesAny(words, categoryWords(category))),
  });
}

/** How well one query word matches one document word, best first. */
export const MATCH_QUALITY = { exact: 1, prefix: 0.8, infix: 0.6, typo1: 0.5, typo2: 0.35 } as const;

/** Longest edit distance a word of this length may be misspelt by: none below 5 letters, 2 from 8. */
export function typoAllowance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** A query word this long or longer also matches inside a word (`tempe` in `keripiktempe`); a shorter one only starts it. */
export const INFIX_MIN = 4;

/**
 * Pieces of a word one of which any word within `allowance` edits of it
 * contains unchanged: `allowance + 1` contiguous pieces (an edit changes at
 * most one of them), when each can be three letters or more, what a trigram
 * index finds; otherwise the word's trigrams (matchWord wants one shared).
 * The database looks up words containing a piece, far fewer than those
 * sharing a trigram: `garseltasel` shares one with thousands of words.
 */
export function typoPieces(word: string, allowance: number): string[] {
  const chars = Array.from(word);
  const count = allowance + 1;
  if (chars.length < 3 * count) return trigrams(word);
  const pieces: string[] = [];
  for (let i = 0; i < count; i++) {
    pieces.push(chars.slice(Math.floor((i * chars.length) / count), Math.floor(((i + 1) * chars.length) / count)).join(''));
  }
  return [...new Set(pieces)];
}

/**
 * The best quality with which a query word matches any of a field's words:
 * the same word, a word starting with it (`kop` → `kopi`), a word containing
 * it (four letters or more: `tempe` in `keripiktempe`), or a small typo
 * (`kripik` → `keripik`); 0 when none.
 */
export function matchWord(query: string, words: readonly string[]): number {
  let best = 0;
  const length = Array.from(query).length;
  const allowance = typoAllowance(length);
  for (const word of words) {
    if (word === query) return MATCH_QUALITY.exact;
    if (word.startsWith(query)) best = Math.max(best, MATCH_QUALITY.prefix);
    else if (length >= INFIX_MIN && word.includes(query)) best = Math.max(best, MATCH_QUALITY.infix);
    else if (allowance > 0 && best < MATCH_QUALITY.typo1) {
      const distance = boundedDistance(query, word, allowance);
      if (distance <= allowance && sharesTrigram(query, word)) {
        best = Math.max(best, distance <= 1 ? MATCH_QUALITY.typo1 : MATCH_QUALITY.typo2);
      }
    }
  }
  return best;
}

/** What a product is found by. */
export interface SearchDocument {
  id: number;
  name: string;
  description: string | null;
  exhibitorName: string;
  category: string;
  /** Province code, as stored. */
  province: string;
}

/** A field's share of the score: a match in the name counts most, one in the description least. */
export const FIELD_WEIGHT = { name: 10, exhibitor: 6, category: 5, province: 4, description: 3 } as const;

export interface RankedResult<T> {
  item: T;
  /** How many query words the product matched somewhere. */
  matched: number;
  score: number;
}

/**
 * Judges candidates against a query and orders them: most query words
 * matched first, then the higher score (each word's best field weight times
 * match quality), then name and id so equal results keep a stable order.
 * Candidates that match no word are dropped.
 */
export function rankSearch<T extends SearchDocument>(query: SearchQuery, candidates: readonly T[]): RankedResult<T>[] {
  const ranked: (RankedResult<T> & { key: string })[] = [];
  for (const item of candidates) {
    const fields: [number, string[]][] = [
      [FIELD_WEIGHT.name, searchWords(item.name)],
      [FIELD_WEIGHT.exhibitor, searchWords(item.exhibitorName)],
      [FIELD_WEIGHT.category, isCategory(item.category) ? categoryWords(item.category) : searchWords(item.category)],
      [FIELD_WEIGHT.province, provinceWords(item.province)],
      [FIELD_WEIGHT.description, searchWords(item.description)],
    ];
    let matched = 0;
    let points = 0;
    for (const word of query.words) {
      let best = 0;
      for (const [weight, words] of fields) best = Math.max(best, weight * qualityPoints(matchWord(word, words)));
      if (best > 0) matched++;
      points += best;
    }
    if (matched > 0) ranked.push({ item, matched, score: points / 100, key: normalizeSearchText(item.name) });
  }
  ranked.sort((a, b) => b.matched - a.matched || b.score - a.score || compare(a.key, b.key) || a.item.id - b.item.id);
  return ranked.map(({ item, matched, score }) => ({ item, matched, score }));
}

/** The words a province is found by: code, official name and aliases (`jatim`, `jawa timur`, `east java`). */
export function provinceWords(code: string): string[] {
  const province = provinceByCode(code);
  if (!province) return searchWords(code);
  return [...new Set([province.code, province.name, ...province.aliases].flatMap(searchWords))];
}

function categoryWords(category: Category): string[] {
  return [...CATEGORY_SEARCH_WORDS[category]];
}

function matchesAny(queryWords: readonly string[], fieldWords: readonly string[]): boolean {
  return queryWords.some((word) => matchWord(word, fieldWords) > 0);
}

function sharesTrigram(a: string, b: string): boolean {
  const other = new Set(trigrams(b));
  return trigrams(a).some((piece) => other.has(piece));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Edit distance, giving up (returning limit + 1) once it must exceed the
 * limit: most word pairs differ a lot, and this is run for each of them.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return Math.min(previous[y.length] ?? 0, limit + 1);
}

/**
 * A test of whether a word is within `limit` edits of `a` (the same answer
 * as boundedDistance(a, word, limit) <= limit), bit-parallel (Myers, Hyyrö)
 * for `a` of up to 31 letters: about one operation per letter of the word,
 * what checking thousands of candidate words needs.
 */
export function withinEdits(a: string, limit: number): (word: string) => boolean {
  const x = Array.from(a);
  const m = x.length;
  if (m === 0 || m > 31) return (word) => boundedDistance(a, word, limit) <= limit;
  const peq = new Map<string, number>();
  x.forEach((char, i) => peq.set(char, (peq.get(char) ?? 0) | (1 << i)));
  const mask = m === 31 ? 0x7fffffff : (1 << m) - 1;
  const last = 1 << (m - 1);
  return (word) => {
    if (Math.abs(word.length - m) > 2 * limit + 2 && Math.abs(Array.from(word).length - m) > limit) return false;
    let pv = mask;
    let mv = 0;
    let score = m;
    let length = 0;
    for (const char of word) {
      length++;
      const eq = peq.get(char) ?? 0;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) & mask) ^ pv) | eq;
      let ph = (mv | ~(xh | pv)) & mask;
      let mh = pv & xh;
      if (ph & last) score++;
      else if (mh & last) score--;
      ph = ((ph << 1) | 1) & mask;
      mh = (mh << 1) & mask;
      pv = (mh | ~(xv | ph)) & mask;
      mv = ph & xv;
    }
    return Math.abs(length - m) <= limit && score <= limit;
  };
}

/** Where a product's word was found, as the index stores it (ProductTerm.field). */
export const INDEXED_FIELD = { name: 0, exhibitor: 1, description: 2 } as const;

/** What the index keeps of a product: its words per field, and its name normalised, which orders equal matches. */
export interface SearchEntry {
  key: string;
  terms: { term: string; field: number }[];
}

export function searchEntry(doc: Pick<SearchDocument, 'name' | 'description' | 'exhibitorName'>): SearchEntry {
  const fields: [number, string[]][] = [
    [INDEXED_FIELD.name, searchWords(doc.name)],
    [INDEXED_FIELD.exhibitor, searchWords(doc.exhibitorName)],
    [INDEXED_FIELD.description, searchWords(doc.description)],
  ];
  const seen = new Set<string>();
  const terms: SearchEntry['terms'] = [];
  for (const [field, words] of fields) {
    for (const term of words) {
      if (seen.has(`${field} ${term}`)) continue;
      seen.add(`${field} ${term}`);
      terms.push({ term, field });
    }
  }
  return { key: normalizeSearchText(doc.name), terms };
}

/** A match's quality in hundredths: whole numbers, so both databases add points up exactly. */
export function qualityPoints(quality: number): number {
  return Math.round(quality * 100);
}

/**
 * What the database adds up, per query word (`word` is its index in
 * {@link SearchQuery.words}): the quality of each indexed word it matches
 * (times the field's weight there), and the points of each category and
 * province it names. A product's score is the sum over query words of their
 * best points, in hundredths of {@link RankedResult.score}.
 */
export interface SearchPlan {
  terms: { word: number; termId: number; quality: number }[];
  categories: { word: number; category: Category; points: number }[];
  provinces: { word: number; province: string; points: number }[];
}

/** Judges the indexed words the database found for a query (`vocabulary`: those sharing a trigram with a query word). */
export function planSearch(query: SearchQuery, vocabulary: readonly { id: number; term: string }[]): SearchPlan {
  const plan: SearchPlan = { terms: [], categories: [], provinces: [] };
  query.words.forEach((word, index) => {
    for (const { id, term } of vocabulary) {
      const quality = matchWord(word, [term]);
      if (quality > 0) plan.terms.push({ word: index, termId: id, quality: qualityPoints(quality) });
    }
    for (const category of query.categories) {
      const quality = matchWord(word, categoryWords(category));
      if (quality > 0) plan.categories.push({ word: index, category, points: FIELD_WEIGHT.category * qualityPoints(quality) });
    }
    for (const province of query.provinces) {
      const quality = matchWord(word, provinceWords(province));
      if (quality > 0) plan.provinces.push({ word: index, province, points: FIELD_WEIGHT.province * qualityPoints(quality) });
    }
  });
  return plan;
}
