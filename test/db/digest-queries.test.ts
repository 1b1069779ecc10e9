/**
 * The repository queries and database claims behind the digest, the
 * milestones, the chats and the outbox, on each real database: sums by
 * exhibitor and by local day, the previous mission and the year to date,
 * and the unique-key claims that make pushes exactly-once under concurrency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { createOutboxRepository } from '../../src/db/repositories/outbox.js';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';
import type { SaleReport } from '../../src/domain/entities.js';
import { createMilestoneWatcher } from '../../src/jobs/milestones.js';
import { enqueueMessage, type OutboxMessageInput } from '../../src/db/outbox-enqueue.js';
import { createLogger } from '../../src/logger.js';
import { TEST_PROVIDERS, openTestDatabase } from '../support/databases.js';
import { seedExhibitor, seedMission, seedReport, seedUser } from '../support/push-fixtures.js';

const JT = 1_000_000n;

describe.each(TEST_PROVIDERS)('digest queries and claims on %s', (provider) => {
  let db: Database;
  let drop: () => Promise<void>;
  let repos: Repositories;
  let mission: Awaited<ReturnType<typeof seedMission>>;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase(provider));
    repos = createRepositories(db);
    const prisma = db.prisma;
    // The mission under test runs in WIT (UTC+9), so local days start at 15:00 UTC.
    mission = await seedMission(prisma, { name: 'Misi Papua', originProvince: 'JATIM', hostProvince: 'PAPUA', timeZone: 'Asia/Jayapura', startDate: '2026-11-26', endDate: '2026-11-28' });
    const a = await seedExhibitor(prisma, mission.id, { ownerId: 501, name: 'Kopi Wamena', category: 'minuman' });
    const b = await seedExhibitor(prisma, mission.id, { ownerId: 502, name: 'Noken', category: 'kerajinan' });
    const c = await seedExhibitor(prisma, mission.id, { ownerId: 503, name: 'Sagu', category: 'makanan' });
    const r = (exhibitorId: number, ownerId: number, amount: bigint, at: string, voided = false) =>
      seedReport(prisma, { missionId: mission.id, exhibitorId, ownerId, amount, createdAt: new Date(at), voided });
    await r(a.id, 501, 10n * JT, '2026-11-25T15:00:00Z'); // 00:00 WIT on the 26th
    await r(a.id, 501, 5n * JT, '2026-11-26T14:59:59Z'); // 23:59:59 WIT on the 26th
    await r(b.id, 502, 7n * JT, '2026-11-26T15:00:00Z'); // 00:00 WIT on the 27th
    await r(c.id, 503, 99n * JT, '2026-11-26T16:00:00Z', true); // voided: nowhere
    await r(a.id, 501, 1n * JT, '2026-11-27T02:00:00Z');

    // Other missions of the origin province, and of another.
    const earlier = await seedMission(prisma, { name: 'Jatim Oktober', startDate: '2026-10-01', endDate: '2026-10-03', status: 'CLOSED' });
    const sameDayOlder = await seedMission(prisma, { name: 'Jatim Juni', startDate: '2026-06-01', endDate: '2026-06-02', status: 'CLOSED' });
    const draft = await seedMission(prisma, { name: 'Jatim Draf', startDate: '2026-11-01', endDate: '2026-11-02', status: 'DRAFT' });
    const lastYear = await seedMission(prisma, { name: 'Jatim 2025', startDate: '2025-12-30', endDate: '2026-01-02', status: 'CLOSED' });
    const future = await seedMission(prisma, { name: 'Jatim Desember', startDate: '2026-12-10', endDate: '2026-12-12', status: 'CLOSED' });
    const otherProvince = await seedMission(prisma, { name: 'Sulsel Oktober', originProvince: 'SULSEL', startDate: '2026-11-20', endDate: '2026-11-22', status: 'CLOSED' });
    for (const [m, amount, owner, voided] of [
      [earlier, 40n * JT, 601, false],
      [earlier, 8n * JT, 602, true],
      [sameDayOlder, 11n * JT, 603, false],
      [draft, 1000n * JT, 604, false],
      [lastYear, 2000n * JT, 605, false],
      [future, 3000n * JT, 606, false],
      [otherProvince, 4000n * JT, 607, false],
    ] as const) {
      const e = await seedExhibitor(prisma, m.id, { ownerId: owner, name: `E${owner}`, category: 'makanan' });
      await seedReport(prisma, { missionId: m.id, exhibitorId: e.id, ownerId: owner, amount, createdAt: new Date(`${m.startDate}T03:00:00Z`), voided });
    }
  });
  afterAll(async () => drop?.());

  it('sums live reports by exhibitor, with name and category', async () => {
    const sums = await repos.digests.sumsByExhibitor(mission.id);
    expect(sums.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: 'Kopi Wamena', category: 'minuman', amount: 16n * JT },
      { name: 'Noken', category: 'kerajinan', amount: 7n * JT },
    ]);
  });

  it('sums live reports by local day in the mission’s zone', async () => {
    const days = await repos.digests.sumsByDay(mission.id);
    expect(days.map(({ date, amount }) => ({ date, amount }))).toEqual([
      { date: '2026-11-26', amount: 15n * JT },
      { date: '2026-11-27', amount: 8n * JT },
    ]);
    // Each day's parts add up to its amount.
    for (const day of days) expect(day.realised + day.committed + day.investment).toBe(day.amount);
    // Moved to WIB, the same reports fall on other days (the zone change recounts the day totals), and back.
    expect((await repos.missionAdmin.update(mission.id, { timeZone: 'Asia/Jakarta' }, 1n)).ok).toBe(true);
    expect((await repos.digests.sumsByDay(mission.id)).map(({ date, amount }) => ({ date, amount }))).toEqual([
      { date: '2026-11-25', amount: 10n * JT },
      { date: '2026-11-26', amount: 12n * JT },
      { date: '2026-11-27', amount: 1n * JT },
    ]);
    expect(await repos.digests.exhibitorsReporting(mission.id, '2026-11-26')).toBe(2);
    expect((await repos.missionAdmin.update(mission.id, { timeZone: 'Asia/Jayapura' }, 1n)).ok).toBe(true);
    expect(await repos.digests.sumsByDay(mission.id)).toHaveLength(2);
  });

  it('counts the exhibitors reporting within a local day', async () => {
    expect(await repos.digests.exhibitorsReporting(mission.id, '2026-11-26')).toBe(1);
    expect(await repos.digests.exhibitorsReporting(mission.id, '2026-11-27')).toBe(2);
    expect(await repos.digests.exhibitorsReporting(mission.id, '2026-11-28')).toBe(0);
  });

  it('finds the previous mission of the same origin province (not a draft) with its final live total', async () => {
    expect(await repos.digests.previousMission(mission)).toEqual({ name: 'Jatim Oktober', hostProvince: 'BANTEN', total: 40n * JT });
    const earlier = await db.prisma.mission.findFirstOrThrow({ where: { name: 'Jatim Oktober' } });
    expect(await repos.digests.previousMission(earlier)).toEqual({ name: 'Jatim Juni', hostProvince: 'BANTEN', total: 11n * JT });
    const first = await db.prisma.mission.findFirstOrThrow({ where: { name: 'Jatim 2025' } });
    expect(await repos.digests.previousMission(first)).toBeNull();
  });

  it('breaks a tie of start dates by creation order', async () => {
    const twin = await seedMission(db.prisma, { name: 'Jatim Kembar', startDate: '2026-11-26', endDate: '2026-11-27', status: 'CLOSED' });
    expect((await repos.digests.previousMission(twin))?.name).toBe('Misi Papua');
    expect((await repos.digests.previousMission(mission))?.name).toBe('Jatim Oktober');
    await db.prisma.mission.delete({ where: { id: twin.id } });
  });

  it('totals the origin province’s missions of the calendar year up to today', async () => {
    // This mission (23 jt live) + October (40 jt) + June (11 jt); not the draft, 2025, December or Sulsel.
    expect(await repos.digests.yearToDate('JATIM', '2026-11-27')).toEqual({ year: 2026, total: 74n * JT, missionCount: 3 });
    expect(await repos.digests.yearToDate('JATIM', '2026-12-31')).toEqual({ year: 2026, total: 3074n * JT, missionCount: 4 });
    expect(await repos.digests.yearToDate('JATIM', '2025-12-31')).toEqual({ year: 2025, total: 2000n * JT, missionCount: 1 });
    expect(await repos.digests.yearToDate('ACEH', '2026-11-27')).toEqual({ year: 2026, total: 0n, missionCount: 0 });
  });

  it('claims a chat-day once, with its messages, even when claims race', async () => {
    await db.prisma.chat.create({ data: { id: -100n, type: 'group' } });
    const messages = (n: number): OutboxMessageInput[] => [
      { chatId: -100n, purpose: 'digest', method: 'sendMessage', payload: { text: `a${n}` }, dedupeKey: 'digest:x:-100:2026-11-26' },
      { chatId: -100n, purpose: 'digest', method: 'sendMessage', payload: { text: `b${n}` }, dedupeKey: 'digest:x:-100:2026-11-26:1' },
    ];
    const claim = (n: number) =>
      repos.digests.claimRun({ missionId: mission.id, chatId: -100n, localDate: '2026-11-26', claimedBy: `p${n}`, claimedAt: new Date() }, messages(n));
    const results = await Promise.all([1, 2, 3, 4, 5].map(claim));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true) + 1;
    const rows = await db.prisma.outboxMessage.findMany({ where: { chatId: -100n }, orderBy: { id: 'asc' } });
    expect(rows.map((row) => JSON.parse(row.payload).text)).toEqual([`a${winner}`, `b${winner}`]);
    const run = await db.prisma.digestRun.findFirstOrThrow({ where: { chatId: -100n } });
    expect(run).toMatchObject({ claimedBy: `p${winner}`, outboxId: rows[0]?.id });
    expect(await repos.digests.runExists(mission.id, -100n, '2026-11-26')).toBe(true);
    expect(await repos.digests.runExists(mission.id, -100n, '2026-11-27')).toBe(false);
  });

  it('claims a milestone once, with its alerts, even when claims race', async () => {
    const alert = (n: number): OutboxMessageInput[] => [{ chatId: -100n, purpose: 'milestone', method: 'sendMessage', payload: { text: `m${n}` }, dedupeKey: `milestone:${mission.id}:25:-100` }];
    const results = await Promise.all([1, 2, 3, 4].map((n) => repos.digests.claimMilestone({ missionId: mission.id, percent: 25, createdAt: new Date() }, alert(n))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.prisma.outboxMessage.count({ where: { purpose: 'milestone' } })).toBe(1);
    expect(await repos.digests.highestMilestone(mission.id)).toBe(25);
  });

  it('alerts the marks two reports crossed together, even when both are checked after both were saved', async () => {
    const m = await seedMission(db.prisma, { name: 'Misi Serentak', targetAmount: 100n * JT });
    await db.prisma.chat.create({ data: { id: -200n, type: 'group' } });
    await seedUser(db.prisma, 700, 'Official', 'en');
    await db.prisma.subscription.create({ data: { missionId: m.id, chatId: -200n, localTime: '20:00', createdById: 700n } });
    const e = await seedExhibitor(db.prisma, m.id, { ownerId: 701, name: 'X', category: 'makanan' });
    const saved = [];
    for (const amount of [60n * JT, 60n * JT]) saved.push(await seedReport(db.prisma, { missionId: m.id, exhibitorId: e.id, ownerId: 701, amount, createdAt: new Date() }));
    const watch = createMilestoneWatcher({ repos, logger: createLogger({ level: 'silent' }), now: () => new Date() });
    const [first, second] = await Promise.all(saved.map((row) => watch(row as unknown as SaleReport)));
    expect([...first!, ...second!].sort((x, y) => x - y)).toEqual([25, 50, 75, 100]);
    const texts = (await db.prisma.outboxMessage.findMany({ where: { chatId: -200n }, orderBy: { id: 'asc' } })).map((row) => JSON.parse(row.payload).text as string);
    // Every mark is claimed, and the subscribers hear once, of the highest.
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('has reached <b>100%</b>');
    // A later report crosses nothing already alerted.
    const third = await seedReport(db.prisma, { missionId: m.id, exhibitorId: e.id, ownerId: 701, amount: 1n * JT, createdAt: new Date() });
    expect(await watch(third as unknown as SaleReport)).toEqual([]);
  });

  it('serves only active subscriptions of active chats of active missions, with the subscriber’s language', async () => {
    const m = await db.prisma.mission.findFirstOrThrow({ where: { name: 'Misi Serentak' } });
    await db.prisma.chat.create({ data: { id: -201n, type: 'group', active: false } });
    await db.prisma.chat.create({ data: { id: -202n, type: 'group' } });
    await db.prisma.subscription.create({ data: { missionId: m.id, chatId: -201n, localTime: '20:00' } });
    await db.prisma.subscription.create({ data: { missionId: m.id, chatId: -202n, localTime: '20:00', active: false } });
    const closed = await db.prisma.mission.findFirstOrThrow({ where: { name: 'Jatim Oktober' } });
    await db.prisma.subscription.create({ data: { missionId: closed.id, chatId: -100n, localTime: '20:00' } });
    const served = await repos.subscriptions.served({ missionId: m.id });
    expect(served.map((s) => [s.chatId, s.language])).toEqual([[-200n, 'en']]);
    expect((await repos.subscriptions.served()).map((s) => s.chatId)).toEqual([-200n]);
  });

  it('moves a migrated group’s chat row, subscription, digest claims and queued messages', async () => {
    const m = await db.prisma.mission.findFirstOrThrow({ where: { name: 'Misi Serentak' } });
    await db.prisma.digestRun.create({ data: { missionId: m.id, chatId: -200n, localDate: '2026-11-26', claimedBy: 'x' } });
    await enqueueMessage(db.prisma, { chatId: -200n, purpose: 'notice', method: 'sendMessage', payload: { text: 'antri' }, dedupeKey: 'move:1' });
    await repos.chats.migrate(-200n, -100200n);
    expect(await db.prisma.chat.findUnique({ where: { id: -200n } })).toMatchObject({ active: false, migratedTo: -100200n });
    expect(await db.prisma.chat.findUnique({ where: { id: -100200n } })).toMatchObject({ active: true, type: 'supergroup' });
    expect(await db.prisma.subscription.findMany({ where: { missionId: m.id, chatId: { in: [-200n, -100200n] } } })).toMatchObject([{ chatId: -100200n }]);
    expect(await db.prisma.digestRun.findMany({ where: { missionId: m.id } })).toMatchObject([{ chatId: -100200n, localDate: '2026-11-26' }]);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'move:1' } })).toMatchObject({ chatId: -100200n });
    // Migrating again (another process saw the same 400) changes nothing more.
    await repos.chats.migrate(-200n, -100200n);
    expect(await db.prisma.subscription.count({ where: { chatId: -100200n } })).toBe(1);
  });

  it('lets exactly one sender claim a pending outbox row', async () => {
    await enqueueMessage(db.prisma, { chatId: -100n, purpose: 'notice', method: 'sendMessage', payload: { text: 'rebutan' }, dedupeKey: 'race:1' });
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'race:1' } });
    const senders = ['a', 'b', 'c', 'd'].map(() => createOutboxRepository(db.prisma));
    const results = await Promise.all(senders.map((outbox, i) => outbox.claim(row.id, `s${i}`, new Date())));
    expect(results.filter(Boolean)).toHaveLength(1);
    const claimed = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(claimed).toMatchObject({ status: 'SENDING', attempts: 1, lockedBy: `s${results.indexOf(true)}` });
    // Only the owner may complete it.
    const outbox = createOutboxRepository(db.prisma);
    expect(await outbox.markSent(row.id, 'someone else', new Date(), 1)).toBe(false);
    expect(await outbox.markSent(row.id, `s${results.indexOf(true)}`, new Date(), 1)).toBe(true);
    expect(await outbox.claim(row.id, 'late', new Date())).toBe(false);
  });

  it('releases only locks older than the stale limit', async () => {
    const outbox = createOutboxRepository(db.prisma);
    const now = Date.now();
    const make = (key: string, lockedAt: Date) =>
      db.prisma.outboxMessage.create({ data: { chatId: -100n, purpose: 'notice', method: 'sendMessage', payload: '{}', status: 'SENDING', lockedBy: 'dead', lockedAt, dedupeKey: key } });
    await make('stale:old', new Date(now - 10 * 60_000));
    await make('stale:fresh', new Date(now - 60_000));
    expect(await outbox.releaseStale(new Date(now - 5 * 60_000))).toBe(1);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'stale:old' } })).toMatchObject({ status: 'PENDING', lockedBy: null });
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'stale:fresh' } })).toMatchObject({ status: 'SENDING', lockedBy: 'dead' });
  });
});
