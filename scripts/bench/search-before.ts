/**
 * The search as it was before the top-group read and the in-memory
 * vocabulary (commit 5360930, src/db/search-index.ts), kept verbatim for
 * scripts/bench/search.ts to time beside today's in the same run: the query
 * words' candidates from the database's trigram index (every word sharing a
 * trigram), every match scored, a name-key lookup per product at or above
 * the page's cut, and the exact count.
 */
import { FIELD_WEIGHT, INDEXED_FIELD, planSearch, trigrams, typoAllowance, type SearchPlan, type SearchQuery } from '../../src/domain/search.js';
import type { DbClient } from '../../src/db/database.js';
import type { Provider } from '../../src/db/schema-files.js';

type Executor = Pick<DbClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

/** Bound parameters for either provider: `?` on SQLite, `$1`, `$2`… on PostgreSQL. */
class Params {
  readonly values: unknown[] = [];
  constructor(private readonly provider: Provider) {}
  add(value: unknown): string {
    this.values.push(value);
    return this.provider === 'postgresql' ? `$${this.values.length}` : '?';
  }
  /** A typed placeholder, for VALUES lists whose type PostgreSQL cannot infer. */
  text(value: string): string {
    return `CAST(${this.add(value)} AS TEXT)`;
  }
}

/**
 * The indexed words a query word may match: those containing it (an exact
 * word, a prefix, an infix) and, where a typo is allowed, those of a length
 * within the allowance sharing a trigram with it (FTS5 trigrams on SQLite,
 * LIKE '%kop%' over the pg_trgm index on PostgreSQL). Every word
 * matchWord (src/domain/search.ts) accepts is among them; it judges them after.
 */
async function vocabulary(db: Executor, provider: Provider, query: SearchQuery): Promise<{ id: number; term: string }[]> {
  const params = new Params(provider);
  const selects: string[] = [];
  const like = (piece: string) => `"term" LIKE ${params.add(`%${piece.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
  // A quoted FTS5 string each, so no query syntax can leak in from what a buyer typed.
  const quoted = (piece: string) => `"${piece.replace(/"/g, '""')}"`;
  const fts = (match: string, where = '') =>
    `SELECT t."id", t."term" FROM "SearchTermTrigram" s JOIN "SearchTerm" t ON t."id" = s.rowid WHERE "SearchTermTrigram" MATCH ${params.add(match)}${where}`;
  for (const word of query.words) {
    selects.push(provider === 'postgresql' ? `SELECT "id", "term" FROM "SearchTerm" WHERE ${like(word)}` : fts(quoted(word)));
    const length = Array.from(word).length;
    const allowance = typoAllowance(length);
    if (allowance === 0) continue;
    const lengths = ` AND length(${provider === 'postgresql' ? '' : 't.'}"term") BETWEEN ${length - allowance} AND ${length + allowance}`;
    selects.push(
      provider === 'postgresql'
        ? `SELECT "id", "term" FROM "SearchTerm" WHERE (${trigrams(word).map(like).join(' OR ')})${lengths}`
        : fts(trigrams(word).map(quoted).join(' OR '), lengths),
    );
  }
  if (selects.length === 0) return [];
  const rows = await db.$queryRawUnsafe<{ id: number; term: string }[]>(selects.join(' UNION '), ...params.values);
  return rows.map((row) => ({ id: Number(row.id), term: row.term }));
}

interface RankedRow {
  id: number;
  matched: number;
  /** In hundredths. */
  points: number;
}

/**
 * One page of a mission's active products ranked for a query, and how many
 * match in all. Every product with a matching word, category or province is
 * ranked: most query words matched, then most points (each query word's best,
 * added up), then normalised name and id (byte order on both databases), as
 * rankSearch in src/domain/search.ts. One GROUP BY per product.
 */
export async function rankedSearchBefore(
  db: Executor,
  provider: Provider,
  missionId: number,
  query: SearchQuery,
  page: { offset: number; limit: number },
): Promise<{ rows: RankedRow[]; total: number }> {
  const plan = planSearch(query, await vocabulary(db, provider, query));
  const params = new Params(provider);
  const hits = hitsSql(plan, params, missionId);
  if (!hits.sql) return { rows: [], total: 0 };
  const collate = provider === 'postgresql' ? ' COLLATE "C"' : '';
  // Only the products at or above the page's last (matched, points) need their name key
  // to be ordered: "cut" is that score, absent when fewer products match than the page reaches.
  const rows = await db.$queryRawUnsafe<{ id: number; matched: number | bigint; points: number | bigint; total: number | bigint }[]>(
    `${hits.sql},
     ranked AS (SELECT product_id, ${hits.words.map((w) => `max(CASE WHEN word = ${w} THEN points END) AS w${w}`).join(', ')} FROM hits GROUP BY product_id),
     scored AS MATERIALIZED (SELECT product_id, ${hits.words.map((w) => `CASE WHEN w${w} IS NULL THEN 0 ELSE 1 END`).join(' + ')} AS matched,
       ${hits.words.map((w) => `coalesce(w${w}, 0)`).join(' + ')} AS points FROM ranked),
     cut AS (SELECT matched, points FROM scored ORDER BY matched DESC, points DESC LIMIT 1 OFFSET ${int(page.offset + page.limit - 1)})
     SELECT r.product_id AS id, r.matched, r.points, (SELECT count(*) FROM scored) AS total
     FROM scored r JOIN "SearchDoc" d ON d."productId" = r.product_id
     WHERE NOT EXISTS (SELECT 1 FROM cut)
       OR r.matched > (SELECT matched FROM cut)
       OR (r.matched = (SELECT matched FROM cut) AND r.points >= (SELECT points FROM cut))
     ORDER BY r.matched DESC, r.points DESC, d."key"${collate}, r.product_id
     LIMIT ${int(page.limit)} OFFSET ${int(page.offset)}`,
    ...params.values,
  );
  const total = rows.length > 0 ? Number(rows[0]?.total) : page.offset > 0 ? await countMatches(db, provider, missionId, plan) : 0;
  return { rows: rows.map((row) => ({ id: Number(row.id), matched: Number(row.matched), points: Number(row.points) })), total };
}

/** How many products match, for a page past the end (the window count above comes with the rows). */
async function countMatches(db: Executor, provider: Provider, missionId: number, plan: SearchPlan): Promise<number> {
  const params = new Params(provider);
  const rows = await db.$queryRawUnsafe<{ total: number | bigint }[]>(
    `${hitsSql(plan, params, missionId).sql}
     SELECT count(DISTINCT product_id) AS total FROM hits`,
    ...params.values,
  );
  return Number(rows[0]?.total ?? 0);
}

/** A whole number written into SQL: ids, offsets and points come from code, never from a buyer. */
function int(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

/**
 * `WITH …, hits (product_id, word, points) AS (…)`: every (listed product of
 * the mission, query word, points) a product earns from an indexed word, its
 * category or its province; no SQL when the plan matches nothing. `words`
 * are the query words that can earn points.
 */
function hitsSql(plan: SearchPlan, params: Params, missionId: number): { sql: string | undefined; words: number[] } {
  const ctes: string[] = [];
  const selects: string[] = [];
  const mission = int(missionId);
  if (plan.terms.length > 0) {
    const weight = `CASE pt."field" WHEN ${INDEXED_FIELD.name} THEN ${FIELD_WEIGHT.name} WHEN ${INDEXED_FIELD.exhibitor} THEN ${FIELD_WEIGHT.exhibitor} ELSE ${FIELD_WEIGHT.description} END`;
    ctes.push(`q (word, term_id, quality) AS (VALUES ${plan.terms.map((t) => `(${int(t.word)}, ${int(t.termId)}, ${int(t.quality)})`).join(', ')})`);
    selects.push(`SELECT pt."productId", q.word, q.quality * ${weight} FROM q JOIN "ProductTerm" pt ON pt."termId" = q.term_id AND pt."missionId" = ${mission}`);
  }
  if (plan.categories.length > 0) {
    ctes.push(`c (word, category, points) AS (VALUES ${plan.categories.map((c) => `(${int(c.word)}, ${params.text(c.category)}, ${int(c.points)})`).join(', ')})`);
    selects.push(`SELECT d."productId", c.word, c.points FROM c JOIN "SearchDoc" d ON d."missionId" = ${mission} AND d."category" = c.category AND d."active"`);
  }
  if (plan.provinces.length > 0) {
    ctes.push(`v (word, province, points) AS (VALUES ${plan.provinces.map((v) => `(${int(v.word)}, ${params.text(v.province)}, ${int(v.points)})`).join(', ')})`);
    selects.push(`SELECT d."productId", v.word, v.points FROM v JOIN "SearchDoc" d ON d."missionId" = ${mission} AND d."province" = v.province AND d."active"`);
  }
  const words = [...new Set([...plan.terms, ...plan.categories, ...plan.provinces].map((hit) => hit.word))].sort((a, b) => a - b);
  if (selects.length === 0) return { sql: undefined, words };
  return { sql: `WITH ${ctes.join(', ')}, hits (product_id, word, points) AS (${selects.join(' UNION ALL ')})`, words };
}
