import { describe, expect, it } from 'vitest';
import { digestDedupeKey, digestDue, milestoneDedupeKey, type DigestDue } from '../../src/domain/digest-schedule.js';

const mission = (timeZone: string, localTime: string) => ({ timeZone, startDate: '2026-11-26', endDate: '2026-11-28', localTime });

describe('digestDue', () => {
  it.each<{ name: string; zone: string; time: string; now: string; expected: DigestDue }>([
    { name: 'WIB 19:59, a minute early', zone: 'Asia/Jakarta', time: '20:00', now: '2026-11-26T12:59:59Z', expected: { due: false, localDate: '2026-11-26', reason: 'before_time' } },
    { name: 'WIB 20:00 on the dot', zone: 'Asia/Jakarta', time: '20:00', now: '2026-11-26T13:00:00Z', expected: { due: true, localDate: '2026-11-26' } },
    { name: 'WIB 23:59, still today: a missed time is caught up', zone: 'Asia/Jakarta', time: '20:00', now: '2026-11-26T16:59:00Z', expected: { due: true, localDate: '2026-11-26' } },
    { name: 'WIB 00:00 next day: yesterday is not caught up', zone: 'Asia/Jakarta', time: '20:00', now: '2026-11-26T17:00:00Z', expected: { due: false, localDate: '2026-11-27', reason: 'before_time' } },
    { name: 'WITA 19:59 (11:59 UTC)', zone: 'Asia/Makassar', time: '20:00', now: '2026-11-26T11:59:00Z', expected: { due: false, localDate: '2026-11-26', reason: 'before_time' } },
    { name: 'WITA 20:00 is 12:00 UTC', zone: 'Asia/Makassar', time: '20:00', now: '2026-11-26T12:00:00Z', expected: { due: true, localDate: '2026-11-26' } },
    { name: 'WIT 20:00 is 11:00 UTC', zone: 'Asia/Jayapura', time: '20:00', now: '2026-11-26T11:00:00Z', expected: { due: true, localDate: '2026-11-26' } },
    { name: 'WIT 19:59 (10:59 UTC)', zone: 'Asia/Jayapura', time: '20:00', now: '2026-11-26T10:59:00Z', expected: { due: false, localDate: '2026-11-26', reason: 'before_time' } },
    { name: 'WIT 06:30 is already the next local day while UTC is still the 26th', zone: 'Asia/Jayapura', time: '06:00', now: '2026-11-26T21:30:00Z', expected: { due: true, localDate: '2026-11-27' } },
    { name: 'midnight subscription at local midnight', zone: 'Asia/Jakarta', time: '00:00', now: '2026-11-25T17:00:00Z', expected: { due: true, localDate: '2026-11-26' } },
    { name: 'the day before the mission starts', zone: 'Asia/Jakarta', time: '20:00', now: '2026-11-25T14:00:00Z', expected: { due: false, localDate: '2026-11-25', reason: 'outside_mission' } },
    { name: 'the last day of the mission', zone: 'Asia/Jakarta', time: '20:00', now: '2026-11-28T13:30:00Z', expected: { due: true, localDate: '2026-11-28' } },
    { name: 'the day after the mission ends', zone: 'Asia/Jakarta', time: '20:00', now: '2026-11-29T13:30:00Z', expected: { due: false, localDate: '2026-11-29', reason: 'outside_mission' } },
    { name: 'WIT last day after local midnight is already outside', zone: 'Asia/Jayapura', time: '20:00', now: '2026-11-28T15:00:00Z', expected: { due: false, localDate: '2026-11-29', reason: 'outside_mission' } },
  ])('$name', ({ zone, time, now, expected }) => {
    expect(digestDue(mission(zone, time), new Date(now))).toEqual(expected);
  });
});

describe('dedupe keys', () => {
  it('name the mission, chat and day (or mark)', () => {
    expect(digestDedupeKey(3, -4000000001n, '2026-11-26')).toBe('digest:3:-4000000001:2026-11-26');
    expect(milestoneDedupeKey(3, 50, -4000000001n)).toBe('milestone:3:50:-4000000001');
  });
});
