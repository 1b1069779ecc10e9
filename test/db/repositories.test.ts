import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';
import type { NewSaleReport } from '../../src/db/repositories/sales.js';
import type { Database } from '../../src/db/database.js';
import { TEST_PROVIDERS, openTestDatabase } from '../support/databases.js';
import { JATIM_BANTEN_ROW } from '../support/fixtures.js';

describe.each(TEST_PROVIDERS)('repositories on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  let repos: Repositories;
  let missionId: number;
  let exhibitorId: number;
  let updateId = 1000n;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
    repos = createRepositories(db);
    await repos.users.upsert({ id: 1, first_name: 'Pak Official', language_code: 'id' });
    await repos.users.upsert({ id: 2, first_name: 'Bu Sri', language_code: 'id' });
    const mission = await repos.missions.create(
      JATIM_BANTEN_ROW,
      1n,
    );
    missionId = mission.id;
    const registered = await repos.exhibitors.register({
      missionId,
      ownerId: 2n,
      name: 'Keripik Tempe Bu Sri',
      category: 'makanan',
      province: 'JATIM',
      city: 'Malang',
      phone: '+6281234567890',
      booth: 'A-12',
    });
    if (!registered.ok) throw new Error('registration failed');
    exhibitorId = registered.exhibitor.id;
  });
  afterAll(async () => drop());

  const sale = (overrides: Partial<NewSaleReport> = {}): NewSaleReport => ({
    missionId,
    exhibitorId,
    productId: null,
    productText: 'keripik tempe',
    amount: 1_500_000n,
    kind: 'RETAIL',
    direction: 'SELL',
    quantity: 30,
    unit: 'pcs',
    buyerName: null,
    buyerOrigin: null,
    reportedById: 2n,
    sourceUpdateId: ++updateId,
    createdAt: new Date('2026-11-26T03:00:00Z'),
    ...overrides,
  });

  it('creates a mission with its creator as official and finds it as the active one', async () => {
    const active = await repos.missions.findActive();
    expect(active?.id).toBe(missionId);
    expect(active?.targetAmount).toBe(3_000_000_000n);
    expect(await repos.missions.rolesOf(missionId, 1n)).toEqual(['OFFICIAL']);
    expect(await repos.missions.rolesOf(missionId, 2n)).toEqual(['EXHIBITOR']);
  });

  it('refuses a second registration of the same owner and keeps the first', async () => {
    const again = await repos.exhibitors.register({
      missionId,
      ownerId: 2n,
      name: 'Another name',
      category: 'minuman',
      province: 'JATIM',
      city: null,
      phone: null,
      booth: null,
    });
    expect(again).toMatchObject({ ok: false, reason: 'already_registered', exhibitor: { name: 'Keripik Tempe Bu Sri' } });
    expect(await db.prisma.exhibitor.count({ where: { missionId } })).toBe(1);
  });

  it('saves a report once per source update, even when two saves race', async () => {
    const input = sale({ amount: 2_250_000n });
    const [a, b] = await Promise.all([repos.sales.record(input), repos.sales.record(input)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const rows = await db.prisma.saleReport.findMany({ where: { sourceUpdateId: input.sourceUpdateId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.amount).toBe(2_250_000n);
    const audit = await db.prisma.auditLog.findMany({ where: { entity: 'SaleReport', entityId: String(rows[0]?.id) } });
    expect(audit.map((entry) => entry.action)).toEqual(['sale.create']);
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ amount: '2250000', kind: 'RETAIL' });
  });

  it('sums live reports by kind, direction and local day, leaving voided ones out', async () => {
    const fresh = await repos.missions.create(
      { name: 'Sum test', originProvince: 'JATIM', hostProvince: 'PAPUA', city: 'Jayapura', startDate: '2026-11-26', endDate: '2026-11-28', timeZone: 'Asia/Jayapura', targetAmount: 1_000_000_000n },
      1n,
    );
    const own = await repos.exhibitors.register({ missionId: fresh.id, ownerId: 2n, name: 'Bu Sri', category: 'makanan', province: 'JATIM', city: null, phone: null, booth: null });
    if (!own.ok) throw new Error('registration failed');
    // Reports at 10:00 WIT on the 27th, and one at 23:30 WIT the day before (14:30 UTC) that must not count as today.
    const base = { missionId: fresh.id, exhibitorId: own.exhibitor.id, createdAt: new Date('2026-11-27T01:00:00Z') };
    const today = '2026-11-27';
    await repos.sales.record(sale({ ...base, amount: 1_000_000n }));
    await repos.sales.record(sale({ ...base, amount: 20_000_000n, kind: 'ORDER' }));
    await repos.sales.record(sale({ ...base, amount: 500_000_000n, kind: 'LOI', direction: 'BUY' }));
    const voided = await repos.sales.record(sale({ ...base, amount: 999_000_000n }));
    if (!voided.ok) throw new Error('not saved');
    expect((await repos.sales.voidReport({ id: voided.report.id, reason: 'typo', actorId: 1n, at: new Date() })).ok).toBe(true);
    await repos.sales.record(sale({ ...base, amount: 7_000n, createdAt: new Date('2026-11-26T14:30:00Z') }));

    const totals = await repos.sales.totals(fresh.id, today);
    expect(totals.byKind).toEqual({ RETAIL: 1_007_000n, ORDER: 20_000_000n, LOI: 500_000_000n, INVESTMENT: 0n });
    expect(totals.byDirection).toEqual({ SELL: 21_007_000n, BUY: 500_000_000n });
    expect(totals.total).toBe(521_007_000n);
    expect(totals.reportCount).toBe(4);
    expect(totals.exhibitorCount).toBe(1);
    expect(totals.todayTotal).toBe(521_000_000n);
    expect(totals.todayCount).toBe(3);
    expect(totals.verifiedTotal).toBe(0n);
  });

  it('keeps a conversation session as JSON, BigInt included', async () => {
    await repos.sessions.set('2:2', { saleDraft: { amount: '1500000' }, big: 5n } as object);
    expect(await repos.sessions.get('2:2')).toEqual({ saleDraft: { amount: '1500000' }, big: '5' });
    await repos.sessions.delete('2:2');
    expect(await repos.sessions.get('2:2')).toBeUndefined();
  });
});
