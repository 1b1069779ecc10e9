/**
 * Double booking is refused by the database: requests racing for one slot
 * (on PostgreSQL through two connections, as two bot processes would; on
 * SQLite, which one process owns, through its one connection) end with
 * exactly one meeting, and the slot frees on cancel. An exhibitor's
 * proposal of another slot moves the meeting's claims in its transaction,
 * so a proposal racing requests for that slot also leaves one winner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';
import { meetingReminderKey, slotInstant, type SessionSpec } from '../../src/domain/matching.js';
import { TEST_PROVIDERS, openTestDatabase } from '../support/databases.js';
import { JATIM_BANTEN_ROW } from '../support/fixtures.js';

const NOW = new Date('2026-11-26T01:00:00Z');
const SPEC: SessionSpec = { days: ['2026-11-26'], startTime: '09:00', endTime: '10:00', slotMinutes: 20, tableCount: 2 };
const SLOT = slotInstant('2026-11-26', '09:20', 'Asia/Jakarta');
const BUYERS = 8;

describe.each(TEST_PROVIDERS)('meeting slots on %s', (provider) => {
  let db: Database;
  let second: Database | undefined;
  let drop: () => Promise<void>;
  let one: Repositories;
  let two: Repositories;
  let missionId: number;
  let sessionId: number;
  const exhibitors: number[] = [];

  beforeAll(async () => {
    let url: string;
    ({ db, drop, url } = await openTestDatabase(provider));
    one = createRepositories(db);
    if (provider === 'postgresql') {
      second = await openDatabase(url);
      two = createRepositories(second);
    } else two = one;
    await one.users.upsert({ id: 1, first_name: 'Pak Official', language_code: 'id' });
    missionId = (await one.missions.create(JATIM_BANTEN_ROW, 1n)).id;
    for (let i = 0; i < 3; i++) {
      await one.users.upsert({ id: 10 + i, first_name: `Owner${i}`, language_code: 'id' });
      const result = await one.exhibitors.register({ missionId, ownerId: BigInt(10 + i), name: `Usaha ${i}`, category: 'makanan', province: 'JATIM', city: null, phone: null, booth: null });
      if (!result.ok) throw new Error('registration failed');
      exhibitors.push(result.exhibitor.id);
    }
    for (let i = 0; i < BUYERS; i++) await one.users.upsert({ id: 100 + i, first_name: `Buyer${i}`, language_code: 'id' });
    sessionId = (await one.matching.createSession(missionId, SPEC, 1n)).id;
  });
  afterAll(async () => {
    await second?.close();
    await drop();
  });

  const request = (repos: Repositories, buyer: number, exhibitorId: number, tableCount = SPEC.tableCount) =>
    repos.matching.request({ sessionId, missionId, day: '2026-11-26', slotStart: SLOT, buyerId: BigInt(100 + buyer), exhibitorId, note: 'Minat 100 pcs', at: NOW }, tableCount, () => []);

  it('lets exactly one of many buyers racing on two connections book one exhibitor\'s slot', async () => {
    const results = await Promise.all(Array.from({ length: BUYERS }, (_, i) => request(i % 2 === 0 ? one : two, i, exhibitors[0]!)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.reason))).toEqual(Array(BUYERS - 1).fill('taken'));
    expect(await db.prisma.meeting.count({ where: { exhibitorId: exhibitors[0]! } })).toBe(1);
    expect(await db.prisma.meetingSlotClaim.count({ where: { slotStart: SLOT } })).toBe(3);
  });

  it('gives the slot\'s other table to another exhibitor, and refuses a third when the tables are full', async () => {
    const [a, b] = await Promise.all([request(one, 5, exhibitors[1]!), request(two, 6, exhibitors[2]!)]);
    const won = [a, b].filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const tables = (await db.prisma.meeting.findMany({ where: { slotStart: SLOT } })).map((m) => m.tableNo).sort();
    expect(tables).toEqual([1, 2]);
  });

  it('refuses a buyer a second meeting in the same slot', async () => {
    const first = await db.prisma.meeting.findFirstOrThrow({ where: { exhibitorId: exhibitors[0]! } });
    const buyer = Number(first.buyerId) - 100;
    // A third table is free, so only the buyer's own claim stands in the way.
    const again = await request(one, buyer, exhibitors[2]!, 3);
    expect(again).toEqual({ ok: false, reason: 'taken' });
  });

  it('frees the slot on cancel, so the next buyer gets it', async () => {
    const first = await db.prisma.meeting.findFirstOrThrow({ where: { exhibitorId: exhibitors[0]! } });
    const cancelled = await one.matching.cancel(first.id, first.buyerId, NOW, () => []);
    expect(cancelled.ok).toBe(true);
    expect(await db.prisma.meetingSlotClaim.count({ where: { meetingId: first.id } })).toBe(0);
    const other = (Number(first.buyerId) - 100 + 1) % BUYERS;
    const next = await request(two, other, exhibitors[0]!);
    expect(next.ok).toBe(true);
    const refused = await two.matching.cancel(first.id, first.buyerId, NOW, () => []);
    expect(refused).toMatchObject({ ok: false, reason: 'wrong_state' });
    const stranger = await one.matching.cancel(next.ok ? next.meeting.id : 0, 999n, NOW, () => []);
    expect(stranger).toEqual({ ok: false, reason: 'not_party' });
  });

  it('lets exactly one of a proposal and many requests racing on two connections have an exhibitor\'s slot; the proposal moves every claim', async () => {
    const target = slotInstant('2026-11-26', '09:40', 'Asia/Jakarta');
    const exhibitorId = exhibitors[1]!;
    const owner = 11n;
    // Buyer 7 asks exhibitor 1 for 09:00; the owner proposes 09:40 while buyers 0–5 ask for 09:40 too.
    const asked = await one.matching.request(
      { sessionId, missionId, day: '2026-11-26', slotStart: slotInstant('2026-11-26', '09:00', 'Asia/Jakarta'), buyerId: 107n, exhibitorId, note: 'Minat 50 pcs', at: NOW },
      SPEC.tableCount,
      () => [],
    );
    if (!asked.ok) throw new Error('the request was refused');
    const id = asked.meeting.id;
    const racers = Array.from({ length: 6 }, (_, i) =>
      (i % 2 === 0 ? two : one).matching.request({ sessionId, missionId, day: '2026-11-26', slotStart: target, buyerId: BigInt(100 + i), exhibitorId, note: 'Minat 10 pcs', at: NOW }, SPEC.tableCount, () => []),
    );
    const [proposed, ...requests] = await Promise.all([one.matching.propose(id, owner, { slotStart: target, day: '2026-11-26' }, SPEC.tableCount, NOW, () => []), ...racers]);
    expect([proposed, ...requests].filter((r) => r.ok)).toHaveLength(1);
    expect(await db.prisma.meetingSlotClaim.count({ where: { slotStart: target, party: `x${exhibitorId}` } })).toBe(1);
    const row = await db.prisma.meeting.findUniqueOrThrow({ where: { id } });
    const claims = await db.prisma.meetingSlotClaim.findMany({ where: { meetingId: id } });
    expect(claims).toHaveLength(3);
    if (proposed.ok) {
      expect(row).toMatchObject({ status: 'PROPOSED', slotStart: target, requestedSlotStart: asked.meeting.slotStart });
      expect(claims.every((c) => c.slotStart.getTime() === target.getTime())).toBe(true);
    } else {
      expect(proposed).toEqual({ ok: false, reason: 'taken' });
      expect(row).toMatchObject({ status: 'REQUESTED', slotStart: asked.meeting.slotStart, requestedSlotStart: null });
      expect(claims.every((c) => c.slotStart.getTime() === asked.meeting.slotStart.getTime())).toBe(true);
    }
  });

  it('lets only the exhibitor\'s owner propose, once, and only the buyer confirm', async () => {
    const asked = await one.matching.request(
      { sessionId, missionId, day: '2026-11-26', slotStart: slotInstant('2026-11-26', '09:00', 'Asia/Jakarta'), buyerId: 106n, exhibitorId: exhibitors[2]!, note: 'Minat 20 pcs', at: NOW },
      SPEC.tableCount,
      () => [],
    );
    if (!asked.ok) throw new Error('the request was refused');
    const id = asked.meeting.id;
    const target = { slotStart: slotInstant('2026-11-26', '09:20', 'Asia/Jakarta'), day: '2026-11-26' };
    expect(await one.matching.propose(id, 106n, target, SPEC.tableCount, NOW, () => [])).toEqual({ ok: false, reason: 'not_party' });
    // 09:20 has both tables taken (the first tests): refused, nothing moved.
    expect(await one.matching.propose(id, 12n, target, SPEC.tableCount, NOW, () => [])).toEqual({ ok: false, reason: 'taken' });
    const later = { slotStart: slotInstant('2026-11-26', '09:40', 'Asia/Jakarta'), day: '2026-11-26' };
    const [a, b] = await Promise.all([one.matching.propose(id, 12n, later, SPEC.tableCount, NOW, () => []), two.matching.propose(id, 12n, later, SPEC.tableCount, NOW, () => [])]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect(await db.prisma.meetingSlotClaim.count({ where: { meetingId: id } })).toBe(3);
    expect(await one.matching.confirmProposal(id, 12n, NOW, () => [])).toEqual({ ok: false, reason: 'not_party' });
    const confirmed = await two.matching.confirmProposal(id, 106n, NOW, () => []);
    expect(confirmed).toMatchObject({ ok: true, meeting: { status: 'ACCEPTED', slotStart: later.slotStart } });
    expect(await one.matching.declineProposal(id, 106n, NOW, () => [])).toMatchObject({ ok: false, reason: 'wrong_state' });
  });
  it("takes back the cancelled meeting's queued reminders, and only its own", async () => {
    const later = new Date('2099-01-01T00:00:00Z');
    const reminders = (m: { id: number; buyerId: bigint; ownerId: bigint }) => [
      { chatId: m.buyerId, purpose: 'notice' as const, method: 'sendMessage' as const, payload: { text: 'sebentar lagi' }, dedupeKey: meetingReminderKey(m.id, 'b'), notBefore: later },
      { chatId: m.ownerId, purpose: 'notice' as const, method: 'sendMessage' as const, payload: { text: 'sebentar lagi' }, dedupeKey: meetingReminderKey(m.id, 'x'), notBefore: later },
    ];
    // A day of its own, so the slots the other tests booked stay out of the way.
    const day = '2026-11-27';
    const session = (await one.matching.createSession(missionId, { ...SPEC, days: [day] }, 1n)).id;
    const slot = slotInstant(day, '09:00', 'Asia/Jakarta');
    const book = async (buyer: number, exhibitorId: number) => {
      const asked = await one.matching.request({ sessionId: session, missionId, day, slotStart: slot, buyerId: BigInt(100 + buyer), exhibitorId, note: 'Minat 5 pcs', at: NOW }, SPEC.tableCount, () => []);
      if (!asked.ok) throw new Error('request refused');
      const accepted = await one.matching.accept(asked.meeting.id, asked.meeting.ownerId, NOW, reminders);
      if (!accepted.ok) throw new Error('accept refused');
      return accepted.meeting;
    };
    const [kept, dropped] = [await book(1, exhibitors[1]!), await book(2, exhibitors[2]!)];
    const cancelled = await two.matching.cancel(dropped.id, dropped.buyerId, NOW, () => []);
    expect(cancelled.ok).toBe(true);
    const status = async (id: number) =>
      (await db.prisma.outboxMessage.findMany({ where: { dedupeKey: { in: [meetingReminderKey(id, 'b'), meetingReminderKey(id, 'x')] } } })).map((row) => row.status);
    expect(await status(dropped.id)).toEqual(['FAILED', 'FAILED']);
    expect(await status(kept.id)).toEqual(['PENDING', 'PENDING']);
    await db.prisma.outboxMessage.deleteMany({});
  });
});
