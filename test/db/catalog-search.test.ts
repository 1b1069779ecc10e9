import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { EXTERNAL_TABLES } from '../../src/db/migrations.js';
import { createCatalogRepository } from '../../src/db/repositories/catalog.js';
import { SEARCH_COUNT_CAP } from '../../src/domain/catalog.js';
import { parseSearchQuery, rankSearch, type SearchQuery } from '../../src/domain/search.js';
import { TEST_PROVIDERS, openTestDatabase } from '../support/databases.js';
import { seedCatalog, seedQueries, seededRandom } from '../support/search-catalog.js';

function query(text: string): SearchQuery {
  const parsed = parseSearchQuery(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe.each(TEST_PROVIDERS)('product search index on %s', (provider) => {
  let test: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;
  let missionId: number;
  let otherMissionId: number;
  let exhibitorId: number;

  const search = (text: string, mission: number, page = { offset: 0, limit: 10_000 }) =>
    createCatalogRepository(db.prisma, db.provider).search(mission, query(text), page);
  const names = async (text: string, mission = missionId) => (await search(text, mission)).items.map((result) => result.item.name);

  beforeAll(async () => {
    test = await openTestDatabase(provider);
    db = test.db;
    await db.prisma.telegramUser.create({ data: { id: 1n, firstName: 'Sri' } });
    const mission = { originProvince: 'JATIM', hostProvince: 'BANTEN', city: 'Serang', startDate: '2026-11-26', endDate: '2026-11-28', timeZone: 'Asia/Jakarta', targetAmount: 1n };
    missionId = (await db.prisma.mission.create({ data: { name: 'Misi A', ...mission } })).id;
    otherMissionId = (await db.prisma.mission.create({ data: { name: 'Misi B', ...mission } })).id;
    exhibitorId = (await db.prisma.exhibitor.create({ data: { missionId, ownerId: 1n, name: 'Kopi Ijen', category: 'minuman', province: 'JATIM' } })).id;
    const other = await db.prisma.exhibitor.create({ data: { missionId: otherMissionId, ownerId: 1n, name: 'Kopi Lain', category: 'minuman', province: 'JATIM' } });
    await db.prisma.product.create({ data: { exhibitorId: other.id, name: 'Kopi Misi Lain', category: 'minuman', price: 1n } });
  });
  afterAll(async () => test?.drop());

  it('indexes a new product at once and keeps to the mission', async () => {
    await db.prisma.product.create({ data: { exhibitorId, name: 'Kopí Arábica', category: 'minuman', price: 1n, description: 'Dari lereng Ijen' } });
    expect(await names('arabica')).toEqual(['Kopí Arábica']);
    expect(await names('lereng')).toEqual(['Kopí Arábica']);
    expect(await names('kopi', otherMissionId)).toEqual(['Kopi Misi Lain']);
  });

  it('follows a rename, an exhibitor rename and a deletion', async () => {
    const product = await db.prisma.product.create({ data: { exhibitorId, name: 'Gula Aren', category: 'makanan', price: 1n } });
    await db.prisma.product.update({ where: { id: product.id }, data: { name: 'Gula Semut' } });
    expect(await names('semut')).toEqual(['Gula Semut']);
    expect(await names('aren')).toEqual([]);

    await db.prisma.exhibitor.update({ where: { id: exhibitorId }, data: { name: 'Warung Bondowoso' } });
    expect(await names('bondowoso')).toEqual(['Gula Semut', 'Kopí Arábica']);

    await db.prisma.product.delete({ where: { id: product.id } });
    expect(await names('semut')).toEqual([]);
  });

  it('leaves inactive products out', async () => {
    const product = await db.prisma.product.create({ data: { exhibitorId, name: 'Madu Hutan', category: 'makanan', price: 1n, active: false } });
    expect(await names('madu')).toEqual([]);
    await db.prisma.product.update({ where: { id: product.id }, data: { active: true } });
    expect(await names('madu')).toEqual(['Madu Hutan']);
  });

  describe('on a seeded catalogue', () => {
    let seeded: number;
    beforeAll(async () => {
      seeded = (await db.prisma.mission.create({ data: { name: 'Misi Acak', originProvince: 'JATIM', hostProvince: 'BALI', city: 'Denpasar', startDate: '2026-12-01', endDate: '2026-12-03', timeZone: 'Asia/Makassar', targetAmount: 1n } })).id;
      await seedCatalog(db.prisma, seeded, 8, { exhibitors: 40, products: 600 });
    });

    /** The reference: every active product of the mission, ranked in memory by src/domain/search.ts. */
    async function reference(text: string) {
      const rows = await db.prisma.product.findMany({ where: { active: true, exhibitor: { missionId: seeded } }, include: { exhibitor: true } });
      const docs = rows.map((row) => ({ ...row, exhibitorName: row.exhibitor.name, province: row.exhibitor.province }));
      return rankSearch(query(text), docs).map((result) => ({ id: result.item.id, matched: result.matched, score: result.score }));
    }

    // Words, prefixes, typos, two words, categories and provinces: the database ranks every match
    // exactly as the reference, here and on the other database, so both give the same answer.
    // Also words naming several provinces (`jawa`, `timur`) and a category with a province: the top group's shortcuts.
    it.each([...seedQueries(seededRandom(3), 36), 'jawa timur', 'sumatera barat', 'minuman bali', 'kerajinan jatim', 'kopi kopi'])('ranks "%s" as the reference does', async (text) => {
      const expected = await reference(text);
      const found = await search(text, seeded);
      expect(found.items.map((result) => ({ id: result.item.id, matched: result.matched, score: result.score }))).toEqual(expected);
      // Counted exactly up to 50; 51 says "more than 50".
      expect(found.total).toBe(Math.min(expected.length, SEARCH_COUNT_CAP + 1));
      expect(found.more).toBe(false);
      const first = await search(text, seeded, { offset: 0, limit: 10 });
      expect(first.items.map((result) => ({ id: result.item.id, matched: result.matched, score: result.score }))).toEqual(expected.slice(0, 10));
      expect(first.total).toBe(Math.min(expected.length, SEARCH_COUNT_CAP + 1));
      expect(first.more).toBe(expected.length > 10);
    });

    it('pages through the same ranking, and says how many match past the end', async () => {
      const all = (await search('kopi', seeded)).items.map((result) => result.item.id);
      expect(all.length).toBeGreaterThan(25);
      const pages: number[] = [];
      for (let offset = 0; offset < all.length; offset += 10) {
        const page = await search('kopi', seeded, { offset, limit: 10 });
        expect(page.total).toBe(Math.min(all.length, SEARCH_COUNT_CAP + 1));
        expect(page.more).toBe(offset + 10 < all.length);
        pages.push(...page.items.map((result) => result.item.id));
      }
      expect(pages).toEqual(all);
      expect(await search('kopi', seeded, { offset: all.length + 5, limit: 10 })).toEqual({ items: [], total: Math.min(all.length, SEARCH_COUNT_CAP + 1), more: false });
    });
  });

  it('finds the best match however many products match a little (the old ranker saw the newest 2,000 only)', async () => {
    const crowded = (await db.prisma.mission.create({ data: { name: 'Misi Ramai', originProvince: 'JATIM', hostProvince: 'BANTEN', city: 'Serang', startDate: '2026-12-01', endDate: '2026-12-03', timeZone: 'Asia/Jakarta', targetAmount: 1n } })).id;
    const shop = await db.prisma.exhibitor.create({ data: { missionId: crowded, ownerId: 1n, name: 'Toko Lama', category: 'minuman', province: 'BANTEN' } });
    await db.prisma.product.create({ data: { exhibitorId: shop.id, name: 'Kopi Luwak Liar', category: 'minuman', price: 1n } });
    await db.prisma.product.createMany({
      data: Array.from({ length: 2_100 }, (_, i) => ({ exhibitorId: shop.id, name: `Kopi Bubuk ${i}`, category: 'minuman', price: 1n })),
    });
    const found = await search('kopi luwak', crowded, { offset: 0, limit: 3 });
    expect(found.items.map((result) => result.item.name)).toEqual(['Kopi Luwak Liar', 'Kopi Bubuk 0', 'Kopi Bubuk 1']);
    expect(found.total).toBe(SEARCH_COUNT_CAP + 1);
    expect(found.more).toBe(true);
  });

  if (provider === 'sqlite') {
    // Prisma redefines an SQLite table (create, copy, drop, rename) to alter it, which drops its
    // triggers: a later migration that touches Product or Exhibitor must create them again.
    it('keeps the index triggers after every migration', async () => {
      const triggers = await db.prisma.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
      expect(triggers.map((t) => t.name)).toEqual(
        expect.arrayContaining(['Exhibitor_search_update', 'Product_search_insert', 'Product_search_update', 'SearchTerm_trigram_delete', 'SearchTerm_trigram_insert']),
      );
    });

    it('declares every table the schema does not model as external', async () => {
      const schema = readFileSync(new URL('../../prisma/schema.prisma', import.meta.url), 'utf8');
      const models = new Set([...schema.matchAll(/^model (\w+)/gm)].map((m) => m[1]));
      const tables = await db.prisma.$queryRawUnsafe<{ name: string }[]>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
      );
      const unmodelled = tables.map((t) => t.name).filter((name) => !models.has(name));
      expect(unmodelled.sort()).toEqual([...EXTERNAL_TABLES].sort());
    });
  }
});
