/**
 * What the checks before a save read in one statement: the newest live
 * reports for "usual amounts", and every live report of the duplicate
 * window even when it holds more than that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';
import type { Database } from '../../src/db/database.js';
import { TEST_PROVIDERS, openTestDatabase } from '../support/databases.js';
import { JATIM_BANTEN_ROW } from '../support/fixtures.js';

const MINUTE = 60_000;
const T0 = new Date('2026-11-26T03:00:00Z');

describe.each(TEST_PROVIDERS)('recent live reports on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  let repos: Repositories;
  let missionId: number;
  let exhibitorId: number;
  let updateId = 1n;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
    repos = createRepositories(db);
    await repos.users.upsert({ id: 1, first_name: 'Pak Official' });
    await repos.users.upsert({ id: 2, first_name: 'Bu Sri' });
    missionId = (await repos.missions.create(JATIM_BANTEN_ROW, 1n)).id;
    const registered = await repos.exhibitors.register({ missionId, ownerId: 2n, name: 'Usaha Sri', category: 'makanan', province: 'JATIM', city: 'Malang', phone: null, booth: null });
    if (!registered.ok) throw new Error('registration failed');
    exhibitorId = registered.exhibitor.id;
  });
  afterAll(async () => drop());

  const report = (minute: number, amount: bigint) =>
    repos.sales.record({
      missionId, exhibitorId, productId: null, productText: 'kopi', amount, kind: 'RETAIL', direction: 'SELL', quantity: null, unit: null,
      buyerName: null, buyerOrigin: null, reportedById: 2n, sourceUpdateId: updateId++, createdAt: new Date(T0.getTime() + minute * MINUTE),
    });

  it('gives the newest live reports, newest first, and the whole window when it holds more than the limit', async () => {
    // Five old reports (one voided), then four inside the window.
    for (let i = 0; i < 5; i++) await report(i, 1_000n + BigInt(i));
    const voided = await report(5, 9_999n);
    if (!voided.ok) throw new Error('not saved');
    await repos.sales.voidReport({ id: voided.report.id, reason: 'salah', actorId: 2n, at: T0 });
    for (let i = 0; i < 4; i++) await report(100 + i, 2_000n + BigInt(i));
    const since = new Date(T0.getTime() + 95 * MINUTE);

    const few = await repos.sales.recentLive(exhibitorId, 3, since);
    // The window holds 4 > 3: all four, newest first; the voided one nowhere.
    expect(few.map((row) => row.amount)).toEqual([2_003n, 2_002n, 2_001n, 2_000n]);
    const many = await repos.sales.recentLive(exhibitorId, 6, since);
    expect(many.map((row) => row.amount)).toEqual([2_003n, 2_002n, 2_001n, 2_000n, 1_004n, 1_003n]);
    expect(many[0]?.sourceUpdateId).toBe(updateId - 1n);
  });
});
