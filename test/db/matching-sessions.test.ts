/**
 * A session change cancels exactly the meetings its notices were written
 * for: the set is decided again inside the transaction, and when it differs
 * (a booking or a cancellation in between) nothing is saved, no meeting is
 * cancelled and no notice is queued. Two officials confirming edits at once
 * on two connections (PostgreSQL) never leave a meeting cancelled without
 * its notices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';
import type { OutboxMessageInput } from '../../src/db/outbox-enqueue.js';
import { slotInstant, type SessionSpec } from '../../src/domain/matching.js';
import { TEST_PROVIDERS, openTestDatabase } from '../support/databases.js';
import { JATIM_BANTEN_ROW } from '../support/fixtures.js';

const ZONE = 'Asia/Jakarta';
const NOW = new Date('2026-11-26T01:00:00Z');
const SPEC: SessionSpec = { days: ['2026-11-26', '2026-11-27'], startTime: '09:00', endTime: '11:00', slotMinutes: 20, tableCount: 3 };

describe.each(TEST_PROVIDERS)('session changes on %s', (provider) => {
  let db: Database;
  let second: Database | undefined;
  let drop: () => Promise<void>;
  let one: Repositories;
  let two: Repositories;
  let missionId: number;
  let sessionId: number;
  let exhibitorId: number;
  const meetings: number[] = [];

  const notice = (id: number): OutboxMessageInput[] => [
    { chatId: 100n, purpose: 'notice', method: 'sendMessage', payload: { text: `batal ${id}` }, dedupeKey: `meet:${id}:session-cancel:b` },
    { chatId: 10n, purpose: 'notice', method: 'sendMessage', payload: { text: `batal ${id}` }, dedupeKey: `meet:${id}:session-cancel:x` },
  ];
  const who = { actorId: 1n, at: NOW, timeZone: ZONE };

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
    await one.users.upsert({ id: 10, first_name: 'Owner', language_code: 'id' });
    const registered = await one.exhibitors.register({ missionId, ownerId: 10n, name: 'Usaha', category: 'makanan', province: 'JATIM', city: null, phone: null, booth: null });
    if (!registered.ok) throw new Error('registration failed');
    exhibitorId = registered.exhibitor.id;
    for (let i = 0; i < 3; i++) await one.users.upsert({ id: 100 + i, first_name: `Buyer${i}`, language_code: 'id' });
    sessionId = (await one.matching.createSession(missionId, SPEC, 1n)).id;
    // 26/11 09:00 and 10:40, 27/11 09:00.
    for (const [i, day, time] of [[0, '2026-11-26', '09:00'], [1, '2026-11-26', '10:40'], [2, '2026-11-27', '09:00']] as const) {
      const booked = await one.matching.request({ sessionId, missionId, day, slotStart: slotInstant(day, time, ZONE), buyerId: BigInt(100 + i), exhibitorId, note: 'Minat', at: NOW }, SPEC.tableCount, () => []);
      if (!booked.ok) throw new Error('booking failed');
      meetings.push(booked.meeting.id);
    }
  });
  afterAll(async () => {
    await second?.close();
    await drop();
  });

  const statuses = async () => (await db.prisma.meeting.findMany({ orderBy: { id: 'asc' } })).map((m) => m.status);
  const notices = () => db.prisma.outboxMessage.count({ where: { dedupeKey: { contains: ':session-cancel:' } } });

  it('saves nothing when the notices are not for the meetings the change cancels', async () => {
    const edit = { kind: 'edit' as const, spec: { ...SPEC, days: ['2026-11-26'], endTime: '10:00' } };
    // The change cancels meetings 2 and 3; notices only for 3.
    const result = await one.sessionEdits.change(sessionId, missionId, edit, new Map([[meetings[2]!, notice(meetings[2]!)]]), who);
    expect(result).toEqual({ ok: false, reason: 'changed' });
    expect(await statuses()).toEqual(['REQUESTED', 'REQUESTED', 'REQUESTED']);
    expect((await db.prisma.matchingSession.findUniqueOrThrow({ where: { id: sessionId } })).endTime).toBe('11:00');
    expect(await notices()).toBe(0);
    expect(await db.prisma.meetingSlotClaim.count()).toBe(9);
  });

  it('refuses a session of another mission', async () => {
    const result = await one.sessionEdits.change(sessionId, missionId + 1, { kind: 'delete' }, new Map(), who);
    expect(result).toEqual({ ok: false, reason: 'gone' });
  });

  it('of two officials confirming at once, each cancelled meeting has its notices and the later edit wins or looks again', async () => {
    const narrow = { kind: 'edit' as const, spec: { ...SPEC, days: ['2026-11-26'], endTime: '10:00' } };
    const dropDay = { kind: 'edit' as const, spec: { ...SPEC, days: ['2026-11-26'] } };
    const results = await Promise.all([
      one.sessionEdits.change(sessionId, missionId, narrow, new Map([meetings[1]!, meetings[2]!].map((id) => [id, notice(id)])), who),
      two.sessionEdits.change(sessionId, missionId, dropDay, new Map([[meetings[2]!, notice(meetings[2]!)]]), who),
    ]);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    const cancelled = (await db.prisma.meeting.findMany({ where: { status: 'CANCELLED' } })).map((m) => m.id);
    expect(cancelled).toContain(meetings[2]!);
    // Every cancelled meeting told both sides, once; the 09:00 one is untouched.
    for (const id of cancelled) expect(await db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `meet:${id}:session-cancel:` } } })).toBe(2);
    expect((await db.prisma.meeting.findUniqueOrThrow({ where: { id: meetings[0]! } })).status).toBe('REQUESTED');
    expect(await db.prisma.meetingSlotClaim.count({ where: { meetingId: { in: cancelled } } })).toBe(0);
  });
  it('a booking racing an edit that removes its slot is refused, or is there for the edit to see: no live meeting is left outside the session', async () => {
    const day = '2026-11-28';
    for (let round = 0; round < 8; round++) {
      const session = (await one.matching.createSession(missionId, { ...SPEC, days: [day] }, 1n)).id;
      const late = slotInstant(day, '10:40', ZONE);
      const [booked, edited] = await Promise.all([
        two.matching.request({ sessionId: session, missionId, day, slotStart: late, buyerId: 101n, exhibitorId, note: 'Minat', at: NOW }, SPEC.tableCount, () => []),
        // Written for no meetings to cancel: a booking that got in first makes the edit look again.
        one.sessionEdits.change(session, missionId, { kind: 'edit', spec: { ...SPEC, days: [day], endTime: '10:00' } }, new Map(), who),
      ]);
      const row = await db.prisma.matchingSession.findUniqueOrThrow({ where: { id: session } });
      const live = await db.prisma.meeting.count({ where: { sessionId: session, status: { notIn: ['CANCELLED', 'DECLINED'] } } });
      if (edited.ok) {
        expect(row.endTime).toBe('10:00');
        expect(booked).toEqual({ ok: false, reason: 'taken' });
        expect(live).toBe(0);
      } else {
        expect(row.endTime).toBe('11:00');
        expect(booked.ok).toBe(true);
        expect(live).toBe(1);
      }
      // The buyer's slot is free again for the next round.
      await db.prisma.meetingSlotClaim.deleteMany({ where: { sessionId: session } });
    }
  });
});
