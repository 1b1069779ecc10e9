import { FIELD_WEIGHT, INDEXED_FIELD, planSearch, searchEntry, type SearchPlan, type SearchQuery } from '../domain/search.js';
import { SEARCH_COUNT_CAP } from '../domain/catalog.js';
import type { DbClient } from './database.js';
import type { Provider } from './schema-files.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * The catalog's word index and the ranking over it (migration
 * *_product_search_ranked). Triggers queue every product whose words may have
 * changed in SearchPending, whoever writes; {@link indexPendingProducts} turns
 * the queue into words (normalised in TypeScript, the same on both
 * databases) before a search reads them. A search then finds the indexed
 * words its words may match (in memory, src/db/vocabulary.ts), and ranks
 * every matching product of the mission and returns one page with the total
 * (one statement): no candidate cap can hide a match.
 */

/** Products indexed per transaction: bounds the statement size and how long a writer waits. */
const INDEX_BATCH = 200;
/**
 * Prisma ends an interactive transaction after 5 s by default; a batch on a
 * busy PostgreSQL (a fresh catalogue, a loaded machine) can take longer.
 */
const INDEX_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };
/** Rows per multi-row INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const INSERT_ROWS = 1000;

type Tx = Parameters<Parameters<DbClient['$transaction']>[0]>[0];
type Executor = Pick<DbClient, '$queryRawUnsafe' | '$executeRawUnsafe'>;

/** Bound parameters for either provider: `?` on SQLite, `$1`, `$2`… on PostgreSQL. */
export class Params {
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

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Indexes the queued products, a batch per transaction, until the queue is
 * empty; returns how many were indexed. A queue entry is removed only if no
 * change came in after it was read (its seq is unchanged), so a product
 * renamed meanwhile stays queued. On PostgreSQL a second bot process skips
 * the entries the first one holds.
 */
export async function indexPendingProducts(prisma: DbClient, provider: Provider): Promise<number> {
  // Usually nothing is queued: one cheap read, no transaction.
  const queued = await prisma.$queryRawUnsafe<unknown[]>('SELECT 1 FROM "SearchPending" LIMIT 1');
  if (queued.length === 0) return 0;
  let total = 0;
  for (;;) {
    const done = await prisma.$transaction((tx) => indexBatch(tx, provider), INDEX_TRANSACTION);
    total += done.indexed;
    if (done.read < INDEX_BATCH) return total;
  }
}

async function indexBatch(tx: Tx, provider: Provider): Promise<{ read: number; indexed: number }> {
  const lock = provider === 'postgresql' ? 'FOR UPDATE SKIP LOCKED' : '';
  const pending = await tx.$queryRawUnsafe<{ productId: number; seq: number }[]>(
    `SELECT "productId", "seq" FROM "SearchPending" ORDER BY "productId" LIMIT ${INDEX_BATCH} ${lock}`,
  );
  if (pending.length === 0) return { read: 0, indexed: 0 };
  const ids = pending.map((row) => Number(row.productId));
  const products = await tx.product.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      description: true,
      category: true,
      active: true,
      exhibitor: { select: { name: true, missionId: true, province: true } },
    },
  });
  const entries = products.map((product) => ({
    product,
    ...searchEntry({ name: product.name, description: product.description, exhibitorName: product.exhibitor.name }),
  }));

  const idList = ids.join(', ');
  await tx.$executeRawUnsafe(`DELETE FROM "ProductTerm" WHERE "productId" IN (${idList})`);
  await tx.$executeRawUnsafe(`DELETE FROM "SearchDoc" WHERE "productId" IN (${idList})`);

  // Sorted, so two processes indexing at once take the same locks in the same order.
  const words = [...new Set(entries.flatMap((entry) => entry.terms.map((t) => t.term)))].sort();
  const termIds = new Map<string, number>();
  for (const chunk of chunks(words, INSERT_ROWS)) {
    // The no-op update makes RETURNING give the id of a word already there too. (A separate
    // SELECT … IN (…) let PostgreSQL pick the trigram index for equality: seconds per batch.)
    const insert = new Params(provider);
    const rows = await tx.$queryRawUnsafe<{ id: number; term: string }[]>(
      `INSERT INTO "SearchTerm" ("term") VALUES ${chunk.map((word) => `(${insert.add(word)})`).join(', ')}
       ON CONFLICT ("term") DO UPDATE SET "term" = excluded."term" RETURNING "id", "term"`,
      ...insert.values,
    );
    for (const row of rows) termIds.set(row.term, Number(row.id));
  }

  // An unlisted product has no postings (listing it again queues it): every posting is a product buyers may see.
  const postings = entries
    .filter(({ product }) => product.active)
    .flatMap(({ product, terms, key }) => terms.map(({ term, field }) => ({ row: [termIds.get(term) ?? 0, product.exhibitor.missionId, product.id, field], key })))
    .sort((a, b) => (a.row[0] ?? 0) - (b.row[0] ?? 0) || (a.row[2] ?? 0) - (b.row[2] ?? 0) || (a.row[3] ?? 0) - (b.row[3] ?? 0));
  for (const chunk of chunks(postings, INSERT_ROWS)) {
    const keys = new Params(provider);
    await tx.$executeRawUnsafe(
      `INSERT INTO "ProductTerm" ("termId", "missionId", "productId", "field", "key") VALUES ${chunk.map(({ row, key }) => `(${row.join(', ')}, ${keys.add(key)})`).join(', ')} ON CONFLICT DO NOTHING`,
      ...keys.values,
    );
  }
  const [yes, no] = provider === 'postgresql' ? ['TRUE', 'FALSE'] : ['1', '0'];
  for (const chunk of chunks(entries, INSERT_ROWS)) {
    const docs = new Params(provider);
    const rows = chunk.map(
      ({ product, key }) =>
        `(${product.id}, ${product.exhibitor.missionId}, ${product.active ? yes : no}, ${docs.add(product.category)}, ${docs.add(product.exhibitor.province)}, ${docs.add(key)})`,
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "SearchDoc" ("productId", "missionId", "active", "category", "province", "key") VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING`,
      ...docs.values,
    );
  }
  for (const chunk of chunks(pending, INSERT_ROWS)) {
    const done = chunk.map((row) => `("productId" = ${Number(row.productId)} AND "seq" = ${Number(row.seq)})`).join(' OR ');
    await tx.$executeRawUnsafe(`DELETE FROM "SearchPending" WHERE ${done}`);
  }
  return { read: pending.length, indexed: entries.length };
}

export interface RankedRow {
  id: number;
  matched: number;
  /** In hundredths. */
  points: number;
}

export interface RankedPage {
  rows: RankedRow[];
  /** How many products match, counted up to SEARCH_COUNT_CAP + 1: more than the cap when above it. */
  total: number;
  /** Whether a product ranks after this page. */
  more: boolean;
}

/**
 * One page of a mission's active products ranked for a query: most query
 * words matched, then most points (each query word's best, added up), then
 * normalised name and id (byte order on both databases), as rankSearch in
 * src/domain/search.ts; every matching product is ranked, none is capped
 * away. Two ways, the same answer:
 *
 * - the top group: when each query word's best possible match has one
 *   source (a word in one field, a category, a province) for one word at
 *   least, the products matching every word at its best are read in name
 *   order from that source's index, the others checked per product, and the
 *   read stops at the page's end. Nothing can rank above them, and they tie,
 *   so when they fill the page it is the answer: cost grows with the page,
 *   not with the matches (`kopi`: 5,000 tie at the top).
 * - else every match is scored in one pass over covering index entries, one
 *   GROUP BY, and a sort bounded by the page.
 *
 * The count stops at SEARCH_COUNT_CAP + 1 distinct products.
 */
export async function rankedSearch(
  db: Executor,
  provider: Provider,
  missionId: number,
  query: SearchQuery,
  page: { offset: number; limit: number },
  vocabulary: Vocabulary,
): Promise<RankedPage> {
  await vocabulary.refresh(db);
  const plan = planSearch(query, vocabulary.candidates(query));
  const collate = provider === 'postgresql' ? ' COLLATE "C"' : '';
  const need = page.offset + page.limit + 1;
  const top = plan.terms.length + plan.categories.length + plan.provinces.length > 0 ? topGroup(plan, await presentSources(db, provider, missionId, plan), provider, missionId, need) : undefined;
  if (top && top.matched > 0) {
    const found = await db.$queryRawUnsafe<{ id: number | bigint }[]>(top.sql, ...top.params);
    if (found.length === need) {
      const rows = found.slice(page.offset, page.offset + page.limit).map((row) => ({ id: Number(row.id), matched: top.matched, points: top.points }));
      return { rows, total: await countMatches(db, provider, missionId, plan), more: true };
    }
  }
  const params = new Params(provider);
  const sql = scoredSql(plan, params, missionId);
  if (!sql) return { rows: [], total: 0, more: false };
  const rows = await db.$queryRawUnsafe<{ id: number; matched: number | bigint; points: number | bigint; total: number | bigint }[]>(
    `${sql}
     SELECT product_id AS id, matched, points, (SELECT count(*) FROM scored) AS total FROM scored
     ORDER BY matched DESC, points DESC, key${collate}, product_id
     LIMIT ${int(page.limit + 1)} OFFSET ${int(page.offset)}`,
    ...params.values,
  );
  const all = rows.length > 0 ? Number(rows[0]?.total) : page.offset > 0 ? await countMatches(db, provider, missionId, plan) : 0;
  return {
    rows: rows.slice(0, page.limit).map((row) => ({ id: Number(row.id), matched: Number(row.matched), points: Number(row.points) })),
    total: Math.min(all, SEARCH_COUNT_CAP + 1),
    more: rows.length > page.limit,
  };
}

/** How many products match, up to SEARCH_COUNT_CAP + 1: the scan stops there. */
async function countMatches(db: Executor, provider: Provider, missionId: number, plan: SearchPlan): Promise<number> {
  const params = new Params(provider);
  const sql = hitsSql(plan, params, missionId);
  if (!sql) return 0;
  const rows = await db.$queryRawUnsafe<{ total: number | bigint }[]>(
    `${sql} SELECT count(*) AS total FROM (SELECT DISTINCT product_id FROM hits LIMIT ${int(SEARCH_COUNT_CAP + 1)}) AS found`,
    ...params.values,
  );
  return Number(rows[0]?.total ?? 0);
}

/** Where a query word earns its points: a word in one field, a category, or a province. */
type Source = { kind: 'term'; termId: number; field: number } | { kind: 'category'; value: string } | { kind: 'province'; value: string };

const FIELDS = [
  [INDEXED_FIELD.name, FIELD_WEIGHT.name],
  [INDEXED_FIELD.exhibitor, FIELD_WEIGHT.exhibitor],
  [INDEXED_FIELD.description, FIELD_WEIGHT.description],
] as const;

/** A driver with more sources than this is not read source by source: every match is scored instead. */
const TOP_GROUP_SOURCES = 64;

/**
 * The statement reading the top group (see rankedSearch): products earning
 * every query word's highest points, in name order, at most `need`; with
 * their (matched, points). The highest points a word can earn are those of
 * its best source present in the mission (`present`). The driver is the word
 * with the fewest such sources; each is read in name order from its index,
 * at most `need` rows each, and merged. Undefined when the driver would have
 * more than TOP_GROUP_SOURCES sources.
 */
function topGroup(
  plan: SearchPlan,
  present: (source: Source) => boolean,
  provider: Provider,
  missionId: number,
  need: number,
): { sql: string; params: unknown[]; matched: number; points: number } | undefined {
  const best = new Map<number, { points: number; sources: Source[] }>();
  const offer = (word: number, points: number, source: Source) => {
    if (!present(source)) return;
    const current = best.get(word);
    if (!current || points > current.points) best.set(word, { points, sources: [source] });
    else if (points === current.points) current.sources.push(source);
  };
  for (const t of plan.terms) for (const [field, weight] of FIELDS) offer(t.word, t.quality * weight, { kind: 'term', termId: t.termId, field });
  for (const c of plan.categories) offer(c.word, c.points, { kind: 'category', value: c.category });
  for (const v of plan.provinces) offer(v.word, v.points, { kind: 'province', value: v.province });
  const words = [...best.values()];
  const driver = [...words].sort((a, b) => a.sources.length - b.sources.length)[0];
  if (!driver || driver.sources.length > TOP_GROUP_SOURCES) return undefined;
  const params = new Params(provider);
  const mission = int(missionId);
  const collate = provider === 'postgresql' ? ' COLLATE "C"' : '';
  const has = (s: Source, id: string) =>
    s.kind === 'term'
      ? `EXISTS (SELECT 1 FROM "ProductTerm" x WHERE x."termId" = ${int(s.termId)} AND x."missionId" = ${mission} AND x."productId" = ${id} AND x."field" = ${int(s.field)})`
      : `EXISTS (SELECT 1 FROM "SearchDoc" x WHERE x."productId" = ${id} AND x."${s.kind}" = ${params.add(s.value)})`;
  const others = words.filter((w) => w !== driver);
  // One arm per driver source, each in name order from its index and cut at `need`; a product found by two arms counts once.
  // A product has one category and one province: a driver arm of a province other words name only by province is
  // decided here (kept without a check, or dropped), not checked product by product (`jawa timur`).
  const decided = (source: Source, w: { sources: Source[] }) =>
    source.kind !== 'term' && w.sources.every((s) => s.kind === source.kind) ? w.sources.some((s) => s.kind === source.kind && s.value === source.value) : undefined;
  const arms = driver.sources.flatMap((source) => {
    if (others.some((w) => decided(source, w) === false)) return [];
    const where =
      source.kind === 'term'
        ? [`r."termId" = ${int(source.termId)} AND r."missionId" = ${mission} AND r."field" = ${int(source.field)}`]
        : [`r."missionId" = ${mission} AND r."${source.kind}" = ${params.add(source.value)} AND r."active"`];
    for (const w of others) if (decided(source, w) === undefined) where.push(`(${w.sources.map((s) => has(s, 'r."productId"')).join(' OR ')})`);
    const table = source.kind === 'term' ? '"ProductTerm"' : '"SearchDoc"';
    return [`SELECT * FROM (SELECT r."productId" AS id, r."key" AS key FROM ${table} r WHERE ${where.join(' AND ')} ORDER BY r."key"${collate}, r."productId" LIMIT ${int(need)}) AS arm`];
  });
  if (arms.length === 0) return undefined;
  const sql =
    arms.length === 1
      ? `${arms[0]} ORDER BY key${collate}, id`
      : `SELECT id, key FROM (${arms.join(' UNION ALL ')}) AS found GROUP BY id, key ORDER BY key${collate}, id LIMIT ${int(need)}`;
  // Every word some product can match, each at its best (a word no listed product matches counts for none).
  return { sql, params: params.values, matched: words.length, points: words.reduce((sum, w) => sum + w.points, 0) };
}

/** Which of the plan's sources some listed product of the mission has: one index probe each. */
async function presentSources(db: Executor, provider: Provider, missionId: number, plan: SearchPlan): Promise<(source: Source) => boolean> {
  const params = new Params(provider);
  const mission = int(missionId);
  const selects: string[] = [];
  if (plan.terms.length > 0) {
    const termIds = [...new Set(plan.terms.map((t) => t.termId))];
    selects.push(`SELECT 't' AS kind, s.term_id AS term_id, s.field AS field, '' AS value FROM s
      WHERE EXISTS (SELECT 1 FROM "ProductTerm" x WHERE x."termId" = s.term_id AND x."missionId" = ${mission} AND x."field" = s.field)`);
    const values = termIds.flatMap((id) => FIELDS.map(([field]) => `(${int(id)}, ${int(field)})`));
    selects[0] = `WITH s (term_id, field) AS (VALUES ${values.join(', ')}) ${selects[0]}`;
  }
  for (const [kind, values] of [['category', plan.categories.map((c) => c.category)], ['province', plan.provinces.map((v) => v.province)]] as const) {
    for (const value of new Set<string>(values)) {
      const shown = provider === 'postgresql' ? `CAST(${params.add(value)} AS TEXT)` : params.add(value);
      selects.push(`SELECT '${kind.charAt(0)}' AS kind, 0 AS term_id, 0 AS field, ${shown} AS value WHERE EXISTS (SELECT 1 FROM "SearchDoc" x WHERE x."missionId" = ${mission} AND x."${kind}" = ${params.add(value)} AND x."active")`);
    }
  }
  if (selects.length === 0) return () => false;
  const rows = await db.$queryRawUnsafe<{ kind: string; term_id: number | bigint; field: number | bigint; value: string }[]>(selects.join(' UNION ALL '), ...params.values);
  const found = new Set(rows.map((row) => (row.kind === 't' ? `t ${Number(row.term_id)} ${Number(row.field)}` : `${row.kind} ${row.value}`)));
  return (source) => found.has(source.kind === 'term' ? `t ${source.termId} ${source.field}` : `${source.kind.charAt(0)} ${source.value}`);
}

/** A whole number written into SQL: ids, offsets and points come from code, never from a buyer. */
function int(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

/**
 * `WITH …, scored (product_id, matched, points, key) AS (…)`: every listed
 * product of the mission that earns points from an indexed word, its
 * category or its province, with how many query words it matched, its
 * points (each query word's best, added up) and its name key; no SQL when
 * the plan matches nothing.
 */
export function scoredSql(plan: SearchPlan, params: Params, missionId: number): string | undefined {
  const hits = hitsSql(plan, params, missionId);
  if (!hits) return undefined;
  const words = [...new Set([...plan.terms, ...plan.categories, ...plan.provinces].map((hit) => hit.word))].sort((a, b) => a - b);
  const best = (w: number) => `max(CASE WHEN word = ${w} THEN points END)`;
  const scored =
    words.length === 1
      ? `SELECT product_id, 1 AS matched, max(points) AS points, max(key) AS key FROM hits GROUP BY product_id`
      : `SELECT product_id, ${words.map((w) => `CASE WHEN ${best(w)} IS NULL THEN 0 ELSE 1 END`).join(' + ')} AS matched,
           ${words.map((w) => `coalesce(${best(w)}, 0)`).join(' + ')} AS points, max(key) AS key FROM hits GROUP BY product_id`;
  return `${hits},
    scored AS MATERIALIZED (${scored})`;
}

/** `WITH …, hits (product_id, word, points, key) AS (…)`: every (listed product, query word, points, name key) the plan earns. */
function hitsSql(plan: SearchPlan, params: Params, missionId: number): string | undefined {
  const ctes: string[] = [];
  const selects: string[] = [];
  const mission = int(missionId);
  if (plan.terms.length > 0) {
    const weight = `CASE pt."field" WHEN ${INDEXED_FIELD.name} THEN ${FIELD_WEIGHT.name} WHEN ${INDEXED_FIELD.exhibitor} THEN ${FIELD_WEIGHT.exhibitor} ELSE ${FIELD_WEIGHT.description} END`;
    ctes.push(`q (word, term_id, quality) AS (VALUES ${plan.terms.map((t) => `(${int(t.word)}, ${int(t.termId)}, ${int(t.quality)})`).join(', ')})`);
    selects.push(`SELECT pt."productId", q.word, q.quality * ${weight}, pt."key" FROM q JOIN "ProductTerm" pt ON pt."termId" = q.term_id AND pt."missionId" = ${mission}`);
  }
  // One SELECT per category and province named: each reads its covering index (missionId, category|province, active, key).
  for (const c of plan.categories) {
    selects.push(`SELECT d."productId", ${int(c.word)}, ${int(c.points)}, d."key" FROM "SearchDoc" d WHERE d."missionId" = ${mission} AND d."category" = ${params.add(c.category)} AND d."active"`);
  }
  for (const v of plan.provinces) {
    selects.push(`SELECT d."productId", ${int(v.word)}, ${int(v.points)}, d."key" FROM "SearchDoc" d WHERE d."missionId" = ${mission} AND d."province" = ${params.add(v.province)} AND d."active"`);
  }
  if (selects.length === 0) return undefined;
  const head = ctes.length > 0 ? `WITH ${ctes.join(', ')}, ` : 'WITH ';
  return `${head}hits (product_id, word, points, key) AS (${selects.join(' UNION ALL ')})`;
}
