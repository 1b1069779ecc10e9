import { describe, expect, it } from 'vitest';
import { reminderDay, reminderDedupeKey, remindersDue, type ReminderCandidate, type ReminderMission } from '../../src/domain/reminders.js';

// A three-day mission in WITA (UTC+8), reminder at 18:00 local.
const MISSION: ReminderMission = { id: 7, status: 'ACTIVE', timeZone: 'Asia/Makassar', reminderTime: '18:00', startDate: '2026-11-26', endDate: '2026-11-28' };
// 18:00 WITA on 26 Nov is 10:00 UTC.
const AT_REMINDER = new Date('2026-11-26T10:00:00Z');

const candidate = (userId: number, over: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
  userId: BigInt(userId),
  exhibitorId: userId * 10,
  remindersOff: false,
  reportedToday: false,
  reachable: true,
  ...over,
});

describe('reminderDay', () => {
  it.each([
    { name: 'at the reminder minute', mission: MISSION, now: AT_REMINDER, expected: '2026-11-26' },
    { name: 'one minute before', mission: MISSION, now: new Date('2026-11-26T09:59:00Z'), expected: undefined },
    { name: 'later the same evening (caught up after a restart)', mission: MISSION, now: new Date('2026-11-26T15:59:00Z'), expected: '2026-11-26' },
    { name: 'after local midnight it is the next day, before its hour', mission: MISSION, now: new Date('2026-11-26T16:00:00Z'), expected: undefined },
    { name: 'on the last day', mission: MISSION, now: new Date('2026-11-28T10:30:00Z'), expected: '2026-11-28' },
    { name: 'the day after the mission', mission: MISSION, now: new Date('2026-11-29T10:30:00Z'), expected: undefined },
    { name: 'the day before the mission', mission: MISSION, now: new Date('2026-11-25T10:30:00Z'), expected: undefined },
    { name: 'reminders off for the mission', mission: { ...MISSION, reminderTime: null }, now: AT_REMINDER, expected: undefined },
    { name: 'a draft mission', mission: { ...MISSION, status: 'DRAFT' as const }, now: AT_REMINDER, expected: undefined },
    { name: 'a closed mission', mission: { ...MISSION, status: 'CLOSED' as const }, now: AT_REMINDER, expected: undefined },
    { name: 'in WIB the same instant is 17:00, too early', mission: { ...MISSION, timeZone: 'Asia/Jakarta' }, now: AT_REMINDER, expected: undefined },
    { name: 'in WIT the same instant is 19:00, due', mission: { ...MISSION, timeZone: 'Asia/Jayapura' }, now: AT_REMINDER, expected: '2026-11-26' },
  ])('$name', ({ mission, now, expected }) => {
    expect(reminderDay(mission, now)).toBe(expected);
  });
});

describe('remindersDue', () => {
  it('reminds only those who did not report today, did not turn reminders off and can be reached', () => {
    const due = remindersDue(
      MISSION,
      [
        candidate(1),
        candidate(2, { reportedToday: true }),
        candidate(3, { remindersOff: true }),
        candidate(4, { reachable: false }),
        candidate(5),
      ],
      AT_REMINDER,
    );
    expect(due).toEqual([
      { userId: 1n, exhibitorId: 10, localDate: '2026-11-26', dedupeKey: 'reminder:7:1:2026-11-26' },
      { userId: 5n, exhibitorId: 50, localDate: '2026-11-26', dedupeKey: 'reminder:7:5:2026-11-26' },
    ]);
  });

  it('sends one reminder per person even with two businesses', () => {
    expect(remindersDue(MISSION, [candidate(1), { ...candidate(1), exhibitorId: 99 }], AT_REMINDER)).toHaveLength(1);
  });

  it('is empty when the mission is not due', () => {
    expect(remindersDue(MISSION, [candidate(1)], new Date('2026-11-26T09:00:00Z'))).toEqual([]);
  });

  it('keys a reminder by mission, user and local date, so the outbox takes it once a day', () => {
    expect(reminderDedupeKey(3, 8001n, '2026-11-27')).toBe('reminder:3:8001:2026-11-27');
  });
});
