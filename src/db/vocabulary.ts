import { INFIX_MIN, withinEdits, trigrams, typoAllowance, type SearchQuery } from '../domain/search.js';
import type { DbClient } from './database.js';

type Executor = Pick<DbClient, '$queryRawUnsafe'>;

/**
 * How long a transaction may hold a SearchTerm id it has not committed yet:
 * the indexer's transaction timeout (INDEX_TRANSACTION in search-index.ts)
 * plus a margin. A refresh reads again every id newer than what it had seen
 * this long ago, so a word committed late by another bot process (its id
 * lower than one already read, PostgreSQL sequences) is found all the same.
 */
const LATE_COMMIT_MS = 65_000;

/**
 * The catalog's words (SearchTerm) in memory, with a trigram index over them:
 * what a query word may match is found here in well under a millisecond,
 * where the database's trigram index returned thousands of rows for a long
 * misspelt word (the words sharing a trigram with it). Words are never
 * deleted, only added, so a refresh reads the new ones (by id) before each
 * search; one process's copy is the same as another's. Loaded on the first
 * search.
 */
export class Vocabulary {
  private readonly terms: string[] = [];
  private readonly ids: number[] = [];
  private readonly seen = new Set<number>();
  private readonly byTrigram = new Map<string, number[]>();
  /** (when, highest id read then), oldest first. */
  private marks: { at: number; maxId: number }[] = [];
  private maxId = 0;
  private counts = new Uint16Array(0);

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.terms.length;
  }

  /** Reads the words added since the last refresh (and those of the last minute again, see LATE_COMMIT_MS). */
  async refresh(db: Executor): Promise<void> {
    const now = this.now();
    while (this.marks.length > 1 && (this.marks[1]?.at ?? now) <= now - LATE_COMMIT_MS) this.marks.shift();
    const from = this.marks[0]?.maxId ?? 0;
    const rows = await db.$queryRawUnsafe<{ id: number | bigint; term: string }[]>(`SELECT "id", "term" FROM "SearchTerm" WHERE "id" > ${from} ORDER BY "id"`);
    for (const row of rows) this.add(Number(row.id), row.term);
    // One mark a second is enough: an older mark only makes a refresh read a little more.
    if ((this.marks.at(-1)?.at ?? -Infinity) <= now - 1000) this.marks.push({ at: now, maxId: this.maxId });
  }

  add(id: number, term: string): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.maxId = Math.max(this.maxId, id);
    const index = this.terms.length;
    this.terms.push(term);
    this.ids.push(id);
    for (const piece of trigrams(term)) {
      const list = this.byTrigram.get(piece);
      if (list) list.push(index);
      else this.byTrigram.set(piece, [index]);
    }
  }

  /**
   * The words a query word may match (matchWord in src/domain/search.ts
   * judges them after): those containing every trigram of it (an exact word,
   * a prefix, an infix) and, where a typo is allowed, those of a length
   * within the allowance sharing at least `distinct trigrams − 3 × allowance`
   * of its trigrams, and one at least (an edit changes at most three of a
   * word's trigrams; matchWord wants one shared), and within the allowance
   * of edits (a bit-parallel check: a long made-up word shares a trigram
   * with thousands).
   */
  candidates(query: SearchQuery): { id: number; term: string }[] {
    if (this.counts.length < this.terms.length) this.counts = new Uint16Array(Math.max(1024, this.terms.length * 2));
    const out = new Map<number, string>();
    for (const word of query.words) {
      const pieces = trigrams(word);
      const length = Array.from(word).length;
      const allowance = typoAllowance(length);
      const touched: number[] = [];
      for (const piece of pieces) {
        for (const index of this.byTrigram.get(piece) ?? []) {
          if (this.counts[index] === 0) touched.push(index);
          this.counts[index] = (this.counts[index] ?? 0) + 1;
        }
      }
      const typoShare = Math.max(1, pieces.length - 3 * allowance);
      const near = allowance > 0 ? withinEdits(word, allowance) : () => false;
      for (const index of touched) {
        const shared = this.counts[index] ?? 0;
        this.counts[index] = 0;
        const term = this.terms[index] ?? '';
        const contains = shared === pieces.length && (length < INFIX_MIN ? term.startsWith(word) : term.includes(word));
        const typo = allowance > 0 && shared >= typoShare && near(term);
        if (contains || typo) out.set(this.ids[index] ?? 0, term);
      }
    }
    return [...out].map(([id, term]) => ({ id, term }));
  }
}
