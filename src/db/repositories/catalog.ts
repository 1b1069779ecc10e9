import { CATEGORIES } from '../../domain/categories.js';
import { CATALOG_PAGE_SIZE, pageOf, type CatalogProduct, type CategoryCount, type PageSpec } from '../../domain/catalog.js';
import { rankSearch, type RankedResult, type SearchQuery } from '../../domain/search.js';
import type { DbClient } from '../database.js';
import type * as Db from '../generated/sqlite/client.js';
import type { Provider } from '../schema-files.js';

/**
 * How many candidates the database hands to the ranker at most, newest
 * first. The trigram filter is loose on purpose (a typo must still pass it);
 * a mission's few thousand products stay well below this.
 */
export const SEARCH_CANDIDATE_LIMIT = 2000;

const WITH_EXHIBITOR = { exhibitor: { include: { mission: { select: { status: true } } } } } as const;
type ProductRow = Db.Product & { exhibitor: Db.Exhibitor & { mission: { status: Db.MissionStatus } } };

function toCatalogProduct(row: ProductRow): CatalogProduct {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    category: row.category,
    price: row.price,
    unit: row.unit,
    minOrder: row.minOrder,
    photoFileId: row.photoFileId,
    active: row.active,
    exhibitorId: row.exhibitorId,
    exhibitorName: row.exhibitor.name,
    ownerId: row.exhibitor.ownerId,
    province: row.exhibitor.province,
    city: row.exhibitor.city,
    booth: row.exhibitor.booth,
    missionId: row.exhibitor.missionId,
    missionStatus: row.exhibitor.mission.status,
  };
}

/** Active products of a mission: the catalog shows nothing else. */
const listed = (missionId: number) => ({ active: true, exhibitor: { missionId } });

/** What buyers browse and search: read-only views of the active listings. */
export function createCatalogRepository(prisma: DbClient, provider: Provider) {

  async function byIds(ids: readonly number[]): Promise<CatalogProduct[]> {
    if (ids.length === 0) return [];
    const rows = await prisma.product.findMany({ where: { id: { in: [...ids] } }, include: WITH_EXHIBITOR });
    return rows.map(toCatalogProduct);
  }

  return {
    /** The shelves of the catalog with their counts, in the category keyboard's order; empty shelves left out. */
    async categoryCounts(missionId: number): Promise<CategoryCount[]> {
      const groups = await prisma.product.groupBy({ by: ['category'], where: listed(missionId), _count: { _all: true } });
      const counts = new Map(groups.map((group) => [group.category, group._count._all]));
      return CATEGORIES.filter((category) => (counts.get(category) ?? 0) > 0).map((category) => ({ category, count: counts.get(category) ?? 0 }));
    },

    /**
     * One page of a shelf, alphabetical. The page is clamped to the pages that
     * exist now (products come and go between two taps); `spec` says so.
     */
    async page(missionId: number, category: string, requested: number): Promise<{ items: CatalogProduct[]; total: number; spec: PageSpec }> {
      const where = { ...listed(missionId), category };
      const total = await prisma.product.count({ where });
      const spec = pageOf(requested, total, CATALOG_PAGE_SIZE);
      const rows = await prisma.product.findMany({
        where,
        include: WITH_EXHIBITOR,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        skip: (spec.page - 1) * CATALOG_PAGE_SIZE,
        take: CATALOG_PAGE_SIZE,
      });
      return { items: rows.map(toCatalogProduct), total, spec };
    },

    /** Where a product sits in its shelf (1-based page), so "back" from a card returns to it. */
    async pageOfProduct(product: Pick<CatalogProduct, 'id' | 'name' | 'category' | 'missionId'>): Promise<number> {
      const before = await prisma.product.count({
        where: {
          ...listed(product.missionId),
          category: product.category,
          OR: [{ name: { lt: product.name } }, { name: product.name, id: { lt: product.id } }],
        },
      });
      return Math.floor(before / CATALOG_PAGE_SIZE) + 1;
    },

    /** A product with its exhibitor, whatever its state: the caller decides whether buyers may see it. */
    async findProduct(id: number): Promise<CatalogProduct | undefined> {
      const row = await prisma.product.findUnique({ where: { id }, include: WITH_EXHIBITOR });
      return row ? toCatalogProduct(row) : undefined;
    },

    /** One exhibitor's active listings, oldest first (the booth card); at most `limit`, with the full count. */
    async ofExhibitor(exhibitorId: number, limit: number): Promise<{ items: CatalogProduct[]; total: number }> {
      const where = { exhibitorId, active: true };
      const [total, rows] = await Promise.all([
        prisma.product.count({ where }),
        prisma.product.findMany({ where, include: WITH_EXHIBITOR, orderBy: { id: 'asc' }, take: limit }),
      ]);
      return { items: rows.map(toCatalogProduct), total };
    },

    /** The newest listings first: what inline mode offers before anything is typed. */
    async newest(missionId: number, offset: number, limit: number): Promise<{ items: CatalogProduct[]; total: number }> {
      const [total, rows] = await Promise.all([
        prisma.product.count({ where: listed(missionId) }),
        prisma.product.findMany({
          where: listed(missionId),
          include: WITH_EXHIBITOR,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: offset,
          take: limit,
        }),
      ]);
      return { items: rows.map(toCatalogProduct), total };
    },

    /**
     * Searches a mission's active listings, best first. The database finds
     * candidates through its index (raw SQL, one statement per provider);
     * src/domain/search.ts judges and orders them, the same on both.
     */
    async search(missionId: number, query: SearchQuery): Promise<RankedResult<CatalogProduct>[]> {
      const ids = provider === 'postgresql' ? await candidatesPostgres(prisma, missionId, query) : await candidatesSqlite(prisma, missionId, query);
      const candidates = await byIds(ids);
      return rankSearch(query, candidates);
    },
  };
}
export type CatalogRepository = ReturnType<typeof createCatalogRepository>;

/**
 * SQLite: the FTS5 trigram table (migration *_product_search, kept current
 * by triggers) for text, codes for province and category. Each trigram is a
 * quoted FTS5 string, so no query syntax can leak in from what a buyer typed.
 */
async function candidatesSqlite(prisma: DbClient, missionId: number, query: SearchQuery): Promise<number[]> {
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
  params.push(SEARCH_CANDIDATE_LIMIT);
  const rows = await prisma.$queryRawUnsafe<{ id: number | bigint }[]>(
    `SELECT p."id" AS id FROM "Product" p JOIN "Exhibitor" e ON e."id" = p."exhibitorId"
     WHERE p."active" = 1 AND e."missionId" = ? AND (${alternatives.join(' OR ')})
     ORDER BY p."id" DESC LIMIT ?`,
    ...params,
  );
  return rows.map((row) => Number(row.id));
}

/**
 * PostgreSQL: `LIKE '%kop%'` on the lower-cased, unaccented text, which the
 * pg_trgm GIN expression indexes of the same migration answer. The
 * expressions must stay exactly those of the indexes, or PostgreSQL scans.
 */
async function candidatesPostgres(prisma: DbClient, missionId: number, query: SearchQuery): Promise<number[]> {
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
  const limit = next(SEARCH_CANDIDATE_LIMIT);
  const rows = await prisma.$queryRawUnsafe<{ id: number }[]>(
    `SELECT p."id" AS id FROM "Product" p JOIN "Exhibitor" e ON e."id" = p."exhibitorId"
     WHERE p."active" AND e."missionId" = $1 AND (${alternatives.join(' OR ')})
     ORDER BY p."id" DESC LIMIT ${limit}`,
    ...params,
  );
  return rows.map((row) => Number(row.id));
}

