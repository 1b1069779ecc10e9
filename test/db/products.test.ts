/**
 * The product repository on a real database: creating writes its audit entry,
 * changes are scoped to the owning exhibitor (a foreign id finds nothing and
 * changes nothing), no-op changes write no audit, and products are never deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';
import type { Database } from '../../src/db/database.js';
import type { ProductInput } from '../../src/domain/product.js';
import { TEST_PROVIDERS, openTestDatabase } from '../support/databases.js';
import { JATIM_BANTEN_ROW } from '../support/fixtures.js';

const NOW = new Date('2026-11-26T03:00:00Z');

describe.each(TEST_PROVIDERS)('product repository on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  let repos: Repositories;
  let sri: number;
  let budi: number;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
    repos = createRepositories(db);
    await repos.users.upsert({ id: 1, first_name: 'Pak Official', language_code: 'id' });
    await repos.users.upsert({ id: 2, first_name: 'Bu Sri', language_code: 'id' });
    await repos.users.upsert({ id: 3, first_name: 'Budi', language_code: 'id' });
    const mission = await repos.missions.create(
      JATIM_BANTEN_ROW,
      1n,
    );
    const register = async (ownerId: bigint, name: string) => {
      const result = await repos.exhibitors.register({ missionId: mission.id, ownerId, name, category: 'makanan', province: 'JATIM', city: 'Malang', phone: null, booth: null });
      if (!result.ok) throw new Error('registration failed');
      return result.exhibitor.id;
    };
    sri = await register(2n, 'Keripik Tempe Bu Sri');
    budi = await register(3n, 'Kopi Budi');
  });
  afterAll(async () => drop());

  const input: ProductInput = {
    name: 'Keripik Tempe',
    category: 'makanan',
    price: 15_000n,
    unit: 'bungkus',
    minOrder: 10,
    description: null,
    photoFileId: null,
  };
  const audits = (id: number) => db.prisma.auditLog.findMany({ where: { entity: 'Product', entityId: String(id) }, orderBy: { id: 'asc' } });

  it('creates a product with a product.create audit entry', async () => {
    const product = await repos.products.create({ ...input, exhibitorId: sri, actorId: 2n, createdAt: NOW });
    expect(product).toMatchObject({ ...input, exhibitorId: sri, active: true, createdAt: NOW });
    expect(await repos.products.findById(product.id)).toEqual(product);
    const entries = await audits(product.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'product.create', actorId: 2n, before: null });
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({ name: 'Keripik Tempe', price: '15000', exhibitorId: sri });
  });

  it('updates only the owner\'s product, with before and after, and skips a no-op', async () => {
    const product = await repos.products.create({ ...input, name: 'Sambal', exhibitorId: sri, actorId: 2n, createdAt: NOW });
    const foreign = await repos.products.update(product.id, budi, { price: 1n }, 3n);
    expect(foreign).toEqual({ ok: false, reason: 'not_found' });
    expect((await repos.products.findById(product.id))?.price).toBe(15_000n);
    expect(await audits(product.id)).toHaveLength(1);

    const same = await repos.products.update(product.id, sri, { price: 15_000n, name: 'Sambal' }, 2n);
    expect(same).toMatchObject({ ok: true, changed: false });
    expect(await audits(product.id)).toHaveLength(1);

    const changed = await repos.products.update(product.id, sri, { price: 17_500n, description: 'Pedas' }, 2n);
    expect(changed).toMatchObject({ ok: true, changed: true, before: { price: 15_000n, description: null }, after: { price: 17_500n, description: 'Pedas' } });
    const entries = await audits(product.id);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ action: 'product.update', actorId: 2n });
    expect(JSON.parse(entries[1]!.before!)).toMatchObject({ price: '15000', description: null });
    expect(JSON.parse(entries[1]!.after!)).toMatchObject({ price: '17500', description: 'Pedas' });
  });

  it('deactivates and reactivates without deleting; a foreign id or a repeat changes nothing', async () => {
    const product = await repos.products.create({ ...input, name: 'Tempe Mentah', exhibitorId: sri, actorId: 2n, createdAt: NOW });
    expect(await repos.products.setActive(product.id, budi, false, 3n)).toEqual({ ok: false, reason: 'not_found' });
    expect((await repos.products.findById(product.id))?.active).toBe(true);

    expect(await repos.products.setActive(product.id, sri, false, 2n)).toMatchObject({ ok: true, changed: true, after: { active: false } });
    expect(await repos.products.setActive(product.id, sri, false, 2n)).toMatchObject({ ok: true, changed: false });
    expect((await audits(product.id)).map((a) => a.action)).toEqual(['product.create', 'product.deactivate']);
    expect(await repos.products.listActiveByExhibitor(sri)).not.toContainEqual(expect.objectContaining({ id: product.id }));
    expect(await repos.products.listByExhibitor(sri)).toContainEqual(expect.objectContaining({ id: product.id, active: false }));

    expect(await repos.products.setActive(product.id, sri, true, 2n)).toMatchObject({ ok: true, changed: true, before: { active: false }, after: { active: true } });
    expect((await audits(product.id)).map((a) => a.action)).toEqual(['product.create', 'product.deactivate', 'product.reactivate']);
    expect(await repos.products.listByExhibitor(budi)).toEqual([]);
  });
});
