import { CATEGORIES } from '../../domain/categories.js';
import { CATALOG_PAGE_SIZE, pageOf, type CatalogProduct, type CategoryCount, type PageSpec } from '../../domain/catalog.js';
import type { RankedResult, SearchQuery } from '../../domain/search.js';
import type { DbClient } from '../database.js';
import { indexPendingProducts, rankedSearch } from '../search-index.js';
import { Vocabulary } from '../vocabulary.js';
import type * as Db from '../generated/sqlite/client.js';
import type { Provider } from '../schema-files.js';

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
  /** The catalog's words, in memory (src/db/vocabulary.ts): loaded on the first search. */
  const vocabulary = new Vocabulary();

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
     * One page of a mission's active listings ranked for a query, best first,
     * how many match (counted up to SEARCH_COUNT_CAP + 1) and whether more
     * follow the page: ranked by the database over every match
     * (src/db/search-index.ts), after indexing what changed since the last search.
     */
    async search(
      missionId: number,
      query: SearchQuery,
      page: { offset: number; limit: number },
    ): Promise<{ items: RankedResult<CatalogProduct>[]; total: number; more: boolean }> {
      await indexPendingProducts(prisma, provider);
      const { rows, total, more } = await rankedSearch(prisma, provider, missionId, query, page, vocabulary);
      const products = new Map((await byIds(rows.map((row) => row.id))).map((product) => [product.id, product]));
      const items = rows.flatMap((row) => {
        const item = products.get(row.id);
        return item ? [{ item, matched: row.matched, score: row.points / 100 }] : [];
      });
      return { items, total, more };
    },
  };
}
export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
