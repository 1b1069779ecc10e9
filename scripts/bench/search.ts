/**
 * Search benchmark: `tsx scripts/bench/search.ts [--products 100000]
 * [--queries 200] [--repeats 3] [--providers sqlite,postgresql]`, also
 * `npm run bench -- --only search` (10k and 100k products).
 *
 * Seeds a fresh database per provider with a seeded random catalogue, then
 * times, query by query and path after path in each repeat, the bot's search
 * (catalog.search: src/db/search-index.ts), the same search as it was before
 * the top-group read (scripts/bench/search-before.ts), the search before that
 * (at most 2,000 trigram candidates, newest first, ranked in JavaScript),
 * kept below, and a raw FTS5 query (SQLite, the peer). Prints p50/p95 per
 * run and their min/median over the repeats, how many first pages differ
 * between the bot's search and the one before (none may), and how many
 * queries filled the oldest one's cap. PostgreSQL is measured when
 * BENCH_POSTGRES_URL or TEST_POSTGRES_URL names a server; every database made
 * here is dropped at the end.
 */
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createCatalogRepository } from '../../src/db/repositories/catalog.js';
import { indexPendingProducts } from '../../src/db/search-index.js';
import { rankedSearchBefore } from './search-before.js';
import type { Provider } from '../../src/db/schema-files.js';
import { SEARCH_RESULT_LIMIT } from '../../src/domain/catalog.js';
import { parseSearchQuery, rankSearch, type SearchQuery } from '../../src/domain/search.js';
import { createTestDatabase } from '../../test/support/databases.js';
import { seedCatalog, seedQueries, seededRandom } from '../../test/support/search-catalog.js';

export interface SearchBenchOptions {
  products: number;
  queries: number;
  repeats: number;
  providers: Provider[];
  log?: (line: string) => void;
}

export interface SearchBenchRow {
  provider: Provider;
  path: string;
  /** p50 and p95 of each repeat, ms. */
  p50: number[];
  p95: number[];
}

export interface SearchBenchResult {
  provider: Provider;
  seedMs: number;
  indexMs: number;
  rows: SearchBenchRow[];
  /** Queries for which the old search got 2,000 candidates: it may have missed matches. */
  cappedQueries: number;
  /** Of those, how many it answered with a different first page than the full ranking. */
  cappedDiffering: number;
  /** Queries whose first page (ids, in order) differs between the bot's search and the one before. */
  beforeDiffering: number;
  products: number;
  queries: number;
}

/** The cap of the search this replaced. */
const OLD_CANDIDATE_LIMIT = 2000;
const EXHIBITORS_PER_PRODUCT = 1 / 50;

export async function run(options: SearchBenchOptions): Promise<SearchBenchResult[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const results: SearchBenchResult[] = [];
  for (const provider of options.providers) {
    const target = await createTestDatabase(provider);
    try {
      await applyMigrations(target.url);
      const db = await openDatabase(target.url);
      try {
        results.push(await benchProvider(db, options, log));
      } finally {
        await db.close();
      }
    } finally {
      await target.drop();
    }
  }
  log(formatTable(results));
  return results;
}

async function benchProvider(db: Database, options: SearchBenchOptions, log: (line: string) => void): Promise<SearchBenchResult> {
  const provider = db.provider;
  const mission = await db.prisma.mission.create({
    data: { name: 'Misi Bench', originProvince: 'JATIM', hostProvince: 'BANTEN', city: 'Serang', startDate: '2026-11-26', endDate: '2026-11-28', timeZone: 'Asia/Jakarta', targetAmount: 1n },
  });
  let started = performance.now();
  await seedCatalog(db.prisma, mission.id, 2026, { exhibitors: Math.max(10, Math.round(options.products * EXHIBITORS_PER_PRODUCT)), products: options.products });
  const seedMs = performance.now() - started;
  started = performance.now();
  await indexPendingProducts(db.prisma, provider);
  const indexMs = performance.now() - started;
  log(`${provider}: seeded ${options.products} products in ${(seedMs / 1000).toFixed(1)} s, indexed in ${(indexMs / 1000).toFixed(1)} s`);
  await createOldIndex(db);
  await db.prisma.$executeRawUnsafe('ANALYZE');

  const queries = seedQueries(seededRandom(7), options.queries).flatMap((text) => {
    const parsed = parseSearchQuery(text);
    return parsed.ok ? [parsed.value] : [];
  });
  const catalog = createCatalogRepository(db.prisma, provider);
  const before = async (query: SearchQuery) => {
    await indexPendingProducts(db.prisma, provider);
    const { rows, total } = await rankedSearchBefore(db.prisma, provider, mission.id, query, { offset: 0, limit: SEARCH_RESULT_LIMIT });
    const products = await db.prisma.product.findMany({ where: { id: { in: rows.map((row) => row.id) } }, include: { exhibitor: { include: { mission: { select: { status: true } } } } } });
    return { ids: rows.map((row) => row.id), total, products };
  };
  const paths: Record<string, (query: SearchQuery) => Promise<unknown>> = {
    'bot: top group in name order, count to 51': (query) => catalog.search(mission.id, query, { offset: 0, limit: SEARCH_RESULT_LIMIT }),
    'before: every match scored, exact count': before,
    'old: 2,000 candidates, ranked in JS': (query) => oldSearch(db, mission.id, query),
    ...(provider === 'sqlite' ? { 'raw FTS5 MATCH, bm25, top 10 (peer)': (query: SearchQuery) => rawFts5(db, query) } : {}),
  };

  // Warm-up and the cap count, outside the timings.
  let cappedQueries = 0;
  let cappedDiffering = 0;
  let beforeDiffering = 0;
  for (const query of queries) {
    const now = await catalog.search(mission.id, query, { offset: 0, limit: SEARCH_RESULT_LIMIT });
    if ((await before(query)).ids.join() !== now.items.map((result) => result.item.id).join()) beforeDiffering++;
    const old = await oldSearch(db, mission.id, query);
    if (old.candidates >= OLD_CANDIDATE_LIMIT) {
      cappedQueries++;
      const oldIds = old.ranked.slice(0, SEARCH_RESULT_LIMIT).map((result) => result.item.id);
      if (oldIds.join() !== now.items.map((result) => result.item.id).join()) cappedDiffering++;
    }
  }

  const rows: SearchBenchRow[] = Object.keys(paths).map((path) => ({ provider, path, p50: [], p95: [] }));
  for (let repeat = 0; repeat < options.repeats; repeat++) {
    for (const row of rows) {
      const search = paths[row.path];
      if (!search) continue;
      const times: number[] = [];
      for (const query of queries) {
        const start = performance.now();
        await search(query);
        times.push(performance.now() - start);
      }
      row.p50.push(percentile(times, 0.5));
      row.p95.push(percentile(times, 0.95));
      log(`${provider} run ${repeat + 1}: ${row.path}: p50 ${row.p50.at(-1)?.toFixed(1)} ms, p95 ${row.p95.at(-1)?.toFixed(1)} ms`);
    }
  }
  return { provider, seedMs, indexMs, rows, cappedQueries, cappedDiffering, beforeDiffering, products: options.products, queries: queries.length };
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function formatTable(results: SearchBenchResult[]): string {
  const lines = ['| database | products | search | p50 min / median (ms) | p95 min / median (ms) |', '| --- | --- | --- | --- | --- |'];
  for (const result of results) {
    for (const row of result.rows) {
      const pair = (values: number[]) => `${Math.min(...values).toFixed(1)} / ${median(values).toFixed(1)}`;
      lines.push(`| ${row.provider} | ${result.products.toLocaleString('en')} | ${row.path} | ${pair(row.p50)} | ${pair(row.p95)} |`);
    }
  }
  for (const result of results) {
    lines.push(
      '',
      `${result.provider}, ${result.products.toLocaleString('en')} products: the bot's first page differs from the search before on ${result.beforeDiffering} of ${result.queries} queries; ` +
        `${result.cappedQueries} queries filled the oldest search's 2,000-candidate cap, ${result.cappedDiffering} of them with a different first page. ` +
        `Seeding ${(result.seedMs / 1000).toFixed(1)} s, indexing ${(result.indexMs / 1000).toFixed(1)} s.`,
    );
  }
  return lines.join('\n');
}

// --- The baseline: the search this replaced (commit 741a167), kept verbatim in spirit. ---

/**
 * Builds the index the old search read (migration 20261127090000_product_search,
 * dropped by *_product_search_ranked) in the bench database only.
 */
async function createOldIndex(db: Database): Promise<void> {
  if (db.provider === 'postgresql') {
    await db.prisma.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS unaccent');
    await db.prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION misi_search_text(text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT
      AS $$ SELECT lower(unaccent('unaccent'::regdictionary, $1)) $$`);
    await db.prisma.$executeRawUnsafe(`CREATE INDEX "Product_search_trgm_idx" ON "Product" USING gin (misi_search_text("name" || ' ' || coalesce("description", '')) gin_trgm_ops)`);
    await db.prisma.$executeRawUnsafe(`CREATE INDEX "Exhibitor_search_trgm_idx" ON "Exhibitor" USING gin (misi_search_text("name") gin_trgm_ops)`);
    return;
  }
  await db.prisma.$executeRawUnsafe(`CREATE VIRTUAL TABLE "ProductSearch" USING fts5("name", "exhibitor", "description", content = '', contentless_delete = 1, tokenize = 'trigram remove_diacritics 1')`);
  await db.prisma.$executeRawUnsafe(`INSERT INTO "ProductSearch" (rowid, "name", "exhibitor", "description")
    SELECT p."id", p."name", e."name", coalesce(p."description", '') FROM "Product" p JOIN "Exhibitor" e ON e."id" = p."exhibitorId"`);
}

async function oldSearch(db: Database, missionId: number, query: SearchQuery) {
  const ids = db.provider === 'postgresql' ? await oldCandidatesPostgres(db, missionId, query) : await oldCandidatesSqlite(db, missionId, query);
  const rows = ids.length === 0 ? [] : await db.prisma.product.findMany({ where: { id: { in: ids } }, include: { exhibitor: { include: { mission: { select: { status: true } } } } } });
  const docs = rows.map((row) => ({ ...row, exhibitorName: row.exhibitor.name, province: row.exhibitor.province }));
  return { candidates: ids.length, ranked: rankSearch(query, docs) };
}

async function oldCandidatesSqlite(db: Database, missionId: number, query: SearchQuery): Promise<number[]> {
  const params: unknown[] = [missionId];
  const alternatives: string[] = [];
  if (query.trigrams.length > 0) {
    alternatives.push(`p."id" IN (SELECT rowid FROM "ProductSearch" WHERE "ProductSearch" MATCH ?)`);
    params.push(query.trigrams.map((piece) => `"${piece.replace(/"/g, '""')}"`).join(' OR '));
  }
  if (query.provinces.length > 0) {
    alternatives.push(`e."province" IN (${query.provinces.map(() => '?').join(', ')})`);
    params.push(...query.provinces);
  }
  if (query.categories.length > 0) {
    alternatives.push(`p."category" IN (${query.categories.map(() => '?').join(', ')})`);
    params.push(...query.categories);
  }
  if (alternatives.length === 0) return [];
  params.push(OLD_CANDIDATE_LIMIT);
  const rows = await db.prisma.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT p."id" AS id FROM "Product" p JOIN "Exhibitor" e ON e."id" = p."exhibitorId"
     WHERE p."active" = 1 AND e."missionId" = ? AND (${alternatives.join(' OR ')})
     ORDER BY p."id" DESC LIMIT ?`,
    ...params,
  );
  return rows.map((row) => Number(row.id));
}

async function oldCandidatesPostgres(db: Database, missionId: number, query: SearchQuery): Promise<number[]> {
  const params: unknown[] = [missionId];
  const next = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const alternatives: string[] = [];
  if (query.trigrams.length > 0) {
    const patterns = query.trigrams.map((piece) => next(`%${piece.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    const productText = `misi_search_text("name" || ' ' || coalesce("description", ''))`;
    alternatives.push(`p."id" IN (SELECT "id" FROM "Product" WHERE ${patterns.map((p) => `${productText} LIKE ${p}`).join(' OR ')})`);
    alternatives.push(`e."id" IN (SELECT "id" FROM "Exhibitor" WHERE ${patterns.map((p) => `misi_search_text("name") LIKE ${p}`).join(' OR ')})`);
  }
  if (query.provinces.length > 0) alternatives.push(`e."province" IN (${query.provinces.map(next).join(', ')})`);
  if (query.categories.length > 0) alternatives.push(`p."category" IN (${query.categories.map(next).join(', ')})`);
  if (alternatives.length === 0) return [];
  const limit = next(OLD_CANDIDATE_LIMIT);
  const rows = await db.prisma.$queryRawUnsafe<{ id: number }[]>(
    `SELECT p."id" AS id FROM "Product" p JOIN "Exhibitor" e ON e."id" = p."exhibitorId"
     WHERE p."active" AND e."missionId" = $1 AND (${alternatives.join(' OR ')})
     ORDER BY p."id" DESC LIMIT ${limit}`,
    ...params,
  );
  return rows.map((row) => Number(row.id));
}

/** The peer the issue measured: a bare FTS5 MATCH of every query trigram, bm25 order, ten ids. */
async function rawFts5(db: Database, query: SearchQuery): Promise<number[]> {
  if (query.trigrams.length === 0) return [];
  const rows = await db.prisma.$queryRawUnsafe<{ id: number }[]>(
    `SELECT rowid AS id FROM "ProductSearch" WHERE "ProductSearch" MATCH ? ORDER BY bm25("ProductSearch") LIMIT 10`,
    query.trigrams.map((piece) => `"${piece.replace(/"/g, '""')}"`).join(' OR '),
  );
  return rows.map((row) => Number(row.id));
}

function flag(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? (args[at + 1] as string) : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const postgres = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
  if (process.env.BENCH_POSTGRES_URL) process.env.TEST_POSTGRES_URL = process.env.BENCH_POSTGRES_URL;
  const providers = flag(args, 'providers', postgres ? 'sqlite,postgresql' : 'sqlite').split(',') as Provider[];
  await run({
    products: Number(flag(args, 'products', '100000')),
    queries: Number(flag(args, 'queries', '200')),
    repeats: Number(flag(args, 'repeats', '3')),
    providers,
  });
}
