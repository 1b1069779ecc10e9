/**
 * The running totals against a full recount of the reports, on each real
 * database: seeded random sequences of saves, voids, verifications and
 * realisation answers, one after another and from two connections at once,
 * then every figure progress, the digest, the leaderboard and milestones read
 * (and the export's summary sheet) is compared with the same figure counted
 * from every report, and a rebuild must leave the tables as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';
import { rebuildTotals } from '../../src/db/totals-rebuild.js';
import type { SaleDirectionName, SaleKindName } from '../../src/domain/entities.js';
import { summarizeReports } from '../../src/domain/export.js';
import { seededRandom } from '../../src/simulator/bot-api-simulator.js';
import { createFullRecount } from '../support/full-recount.js';
import { TEST_PROVIDERS, createTestDatabase, openTestDatabase } from '../support/databases.js';
import { seedExhibitor, seedMission } from '../support/push-fixtures.js';

const KINDS: readonly SaleKindName[] = ['RETAIL', 'ORDER', 'LOI', 'INVESTMENT'];
const DIRECTIONS: readonly SaleDirectionName[] = ['SELL', 'BUY'];
// Reports fall on these local days (and on the edges of them in WIT, UTC+9).
const DAYS = ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
const FROM = Date.parse('2026-11-25T00:00:00Z');
const SPAN = 4 * 24 * 3600_000;

interface World {
  missions: { id: number; exhibitors: { id: number; ownerId: bigint }[] }[];
  /** Every report saved so far: the pool voids, verifications and answers pick from. */
  reports: number[];
  nextUpdateId: bigint;
}

/** One random report change through the repositories, as the bot makes it. */
async function randomOp(repos: Repositories, world: World, random: () => number): Promise<void> {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const roll = random();
  if (roll < 0.45 || world.reports.length === 0) {
    const mission = pick(world.missions);
    const exhibitor = pick(mission.exhibitors);
    // Up to 5·10¹⁵ rupiah: sums pass 2⁵³, so a float anywhere would show.
    const amount = random() < 0.2 ? BigInt(Math.floor(random() * 5e15)) + 1n : BigInt(Math.floor(random() * 50_000_000)) + 1n;
    const result = await repos.sales.record({
      missionId: mission.id,
      exhibitorId: exhibitor.id,
      productId: null,
      productText: 'uji',
      amount,
      kind: pick(KINDS),
      direction: pick(DIRECTIONS),
      quantity: null,
      unit: null,
      buyerName: null,
      buyerOrigin: null,
      reportedById: exhibitor.ownerId,
      sourceUpdateId: world.nextUpdateId++,
      createdAt: new Date(FROM + Math.floor(random() * SPAN)),
    });
    if (result.ok) world.reports.push(result.report.id);
    return;
  }
  const id = pick(world.reports);
  if (roll < 0.6) {
    await repos.sales.voidReport({ id, reason: 'uji', actorId: 1n, at: new Date() });
  } else if (roll < 0.75) {
    await repos.sales.verifyReport({ id, actorId: 1n, at: new Date() });
  } else {
    const report = await repos.sales.findById(id);
    const amount = report?.amount ?? 1n;
    const answer = pick(['FULL', 'PARTIAL', 'NONE'] as const);
    const realised = answer === 'FULL' ? amount : answer === 'NONE' ? 0n : (amount * BigInt(Math.floor(random() * 100))) / 100n;
    await repos.followUps.answer(id, 1n, answer, realised);
  }
}

/** Every figure the bot reads from the totals equals the same figure counted from the reports. */
async function expectMatchesRecount(db: Database, repos: Repositories, missionIds: readonly number[]): Promise<void> {
  const recount = createFullRecount(db.prisma);
  const byName = <T extends { name: string }>(rows: T[]) => rows.sort((a, b) => a.name.localeCompare(b.name));
  for (const missionId of missionIds) {
    for (const day of DAYS) {
      expect(await repos.sales.totals(missionId, day)).toEqual(await recount.totals(missionId, day));
      expect(await repos.digests.exhibitorsReporting(missionId, day)).toBe(await recount.exhibitorsReporting(missionId, day));
    }
    expect(await repos.followUps.summary(missionId)).toEqual(await recount.summary(missionId));
    expect(byName(await repos.digests.sumsByExhibitor(missionId))).toEqual(byName(await recount.sumsByExhibitor(missionId)));
    expect(await repos.digests.sumsByDay(missionId)).toEqual(await recount.sumsByDay(missionId));
    expect(await repos.digests.missionTotal(missionId)).toBe(await recount.missionTotal(missionId));
    // The export's summary sheet from the totals, and the same summary counted from the rows it exports.
    const data = await repos.exports.missionData((await repos.missions.findById(missionId))!);
    expect(data.summary).toEqual(summarizeReports(data.reports, data.mission.timeZone));
    const board = (rows: { exhibitorId: number }[]) => rows.sort((a, b) => a.exhibitorId - b.exhibitorId);
    expect(board(await repos.leaderboard.entries(missionId))).toEqual(board(await recount.leaderboard(missionId)));
  }
}

/** The four tables, rows that count nothing left out (a rebuild does not write them). */
async function snapshot(db: Database) {
  const prisma = db.prisma;
  const [missions, days, exhibitors, exhibitorDays] = await Promise.all([
    prisma.missionTotal.findMany({ orderBy: { missionId: 'asc' } }),
    prisma.dayTotal.findMany({ orderBy: [{ missionId: 'asc' }, { day: 'asc' }] }),
    prisma.exhibitorTotal.findMany({ orderBy: { exhibitorId: 'asc' } }),
    prisma.exhibitorDayTotal.findMany({ orderBy: [{ exhibitorId: 'asc' }, { day: 'asc' }] }),
  ]);
  const counting = <T extends { reportCount: number; amountRetail: bigint; amountOrder: bigint; amountLoi: bigint; amountInvestment: bigint }>(rows: T[]) => {
    for (const row of rows.filter((r) => r.reportCount === 0)) {
      expect([row.amountRetail, row.amountOrder, row.amountLoi, row.amountInvestment]).toEqual([0n, 0n, 0n, 0n]);
    }
    return rows.filter((row) => row.reportCount !== 0);
  };
  return { missions, days: counting(days), exhibitors: counting(exhibitors), exhibitorDays: counting(exhibitorDays) };
}

// Hundreds of transactions per test: on a loaded 2-core machine that takes longer than the default 30 s.
const SLOW = { timeout: 120_000 };

describe.each(TEST_PROVIDERS)('running totals on %s', (provider) => {
  let db: Database;
  let second: Database | undefined;
  let drop: () => Promise<void>;
  let repos: Repositories;
  const world: World = { missions: [], reports: [], nextUpdateId: 1n };

  beforeAll(async () => {
    let url: string;
    ({ db, drop, url } = await openTestDatabase(provider));
    // A second connection (pool) to the same database: the other bot process.
    if (provider === 'postgresql') second = await openDatabase(url);
    repos = createRepositories(db);
    for (const [index, timeZone] of (['Asia/Jayapura', 'Asia/Jakarta'] as const).entries()) {
      const mission = await seedMission(db.prisma, { timeZone, name: `Misi ${index}` });
      const exhibitors = [];
      for (let n = 0; n < 4; n++) {
        const owner = 700 + index * 10 + n;
        const row = await seedExhibitor(db.prisma, mission.id, { ownerId: owner, name: `Usaha ${index}-${n}`, category: n % 2 ? 'makanan' : 'kerajinan' });
        exhibitors.push({ id: row.id, ownerId: BigInt(owner) });
      }
      world.missions.push({ id: mission.id, exhibitors });
    }
  });
  afterAll(async () => {
    await second?.close();
    await drop?.();
  });

  const missionIds = () => world.missions.map((m) => m.id);

  it('start at zero before any report', async () => {
    await expectMatchesRecount(db, repos, missionIds());
    expect(await repos.sales.totals(world.missions[0]!.id, DAYS[1]!)).toMatchObject({ total: 0n, reportCount: 0, exhibitorCount: 0 });
  });

  it('match a full recount after a random sequence of saves, voids, verifications and answers', SLOW, async () => {
    const random = seededRandom(20261202);
    for (let step = 0; step < 250; step++) await randomOp(repos, world, random);
    const counts = await db.prisma.saleReport.groupBy({ by: ['missionId'], where: { voidedAt: null }, _count: { _all: true } });
    // The sequence did all four things, so the comparison covers them.
    expect(counts.length).toBe(2);
    expect(await db.prisma.saleReport.count({ where: { voidedAt: { not: null } } })).toBeGreaterThan(10);
    expect(await db.prisma.saleReport.count({ where: { verifiedAt: { not: null }, voidedAt: null } })).toBeGreaterThan(5);
    expect(await db.prisma.saleReport.count({ where: { realisation: { not: 'PENDING' }, voidedAt: null } })).toBeGreaterThan(5);
    await expectMatchesRecount(db, repos, missionIds());
  });

  // SQLite takes one writer at a time and better-sqlite3 waits for a lock synchronously, so a second
  // connection in this same process would wait on the first forever: there both workers share one.
  it(`match a full recount after changes from ${provider === 'postgresql' ? 'two connections' : 'two workers'} at once, several in flight on each`, SLOW, async () => {
    const other = provider === 'postgresql' ? createRepositories(second!) : repos;
    const worker = async (workerRepos: Repositories, seed: number) => {
      const random = seededRandom(seed);
      for (let round = 0; round < 25; round++) {
        await Promise.all(Array.from({ length: 4 }, () => randomOp(workerRepos, world, random)));
      }
    };
    const before = await db.prisma.saleReport.count();
    await Promise.all([worker(repos, 1), worker(other, 2)]);
    expect(await db.prisma.saleReport.count()).toBeGreaterThan(before + 40);
    await expectMatchesRecount(db, repos, missionIds());
  });

  it('are rebuilt from the reports to exactly what the running changes left', SLOW, async () => {
    const kept = await snapshot(db);
    expect(kept.exhibitorDays.length).toBeGreaterThan(10);
    // Wrong on purpose, as after a hand edit: the rebuild repairs it.
    await db.prisma.missionTotal.updateMany({ data: { amountRetail: 1n, reportCount: 999 } });
    await db.prisma.dayTotal.deleteMany({});
    await db.prisma.exhibitorDayTotal.updateMany({ data: { reportCount: 5 } });
    expect(await rebuildTotals(db.prisma)).toBe(2);
    expect(await snapshot(db)).toEqual(kept);
    await expectMatchesRecount(db, repos, missionIds());
  });
});

describe.each(TEST_PROVIDERS)('the running totals migration on %s', (provider) => {
  it('fills the totals from the reports a database already has', SLOW, async () => {
    const test = await createTestDatabase(provider);
    try {
      await applyMigrations(test.url);
      let db = await openDatabase(test.url);
      const mission = await seedMission(db.prisma, { timeZone: 'Asia/Makassar' });
      const exhibitor = await seedExhibitor(db.prisma, mission.id, { ownerId: 801, name: 'Tenun', category: 'kerajinan' });
      for (const [amount, at, voided] of [[5_000_000n, '2026-11-26T15:59:00Z', false], [7_000_000n, '2026-11-26T16:00:00Z', false], [9n, '2026-11-26T17:00:00Z', true]] as const) {
        await db.prisma.saleReport.create({
          data: { missionId: mission.id, exhibitorId: exhibitor.id, amount, reportedById: 801n, createdAt: new Date(at), ...(voided ? { voidedAt: new Date(at) } : {}) },
        });
      }
      // As before the migration: no totals tables, the migration not recorded.
      for (const table of ['MissionTotal', 'DayTotal', 'ExhibitorTotal', 'ExhibitorDayTotal']) await db.prisma.$executeRawUnsafe(`DROP TABLE "${table}"`);
      await db.prisma.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" LIKE '%_running_totals'`);
      await db.close();

      expect((await applyMigrations(test.url)).some((name) => name.endsWith('_running_totals'))).toBe(true);
      db = await openDatabase(test.url);
      try {
        const repos = createRepositories(db);
        // 23:59 and 00:00 WITA: two local days.
        expect(await repos.digests.sumsByDay(mission.id)).toEqual([
          { date: '2026-11-26', amount: 5_000_000n, realised: 5_000_000n, committed: 0n, investment: 0n },
          { date: '2026-11-27', amount: 7_000_000n, realised: 7_000_000n, committed: 0n, investment: 0n },
        ]);
        expect(await repos.sales.totals(mission.id, '2026-11-27')).toEqual(await createFullRecount(db.prisma).totals(mission.id, '2026-11-27'));
        expect((await db.prisma.missionTotal.findUniqueOrThrow({ where: { missionId: mission.id } })).voidedCount).toBe(1);
      } finally {
        await db.close();
      }
    } finally {
      await test.drop();
    }
  });
});
