import { describe, expect, it } from 'vitest';
import { localDayBounds } from '../../src/domain/day-bounds.js';

describe('localDayBounds', () => {
  it.each<{ name: string; date: string; zone: string; start: string; end: string }>([
    // Indonesia: fixed offsets, no DST.
    { name: 'WIB (UTC+7)', date: '2026-11-20', zone: 'Asia/Jakarta', start: '2026-11-19T17:00:00.000Z', end: '2026-11-20T17:00:00.000Z' },
    { name: 'WITA (UTC+8)', date: '2026-11-20', zone: 'Asia/Makassar', start: '2026-11-19T16:00:00.000Z', end: '2026-11-20T16:00:00.000Z' },
    { name: 'WIT (UTC+9)', date: '2026-11-20', zone: 'Asia/Jayapura', start: '2026-11-19T15:00:00.000Z', end: '2026-11-20T15:00:00.000Z' },
    { name: 'WITA, another WITA city', date: '2026-08-17', zone: 'Asia/Makassar', start: '2026-08-16T16:00:00.000Z', end: '2026-08-17T16:00:00.000Z' },
    { name: 'UTC itself', date: '2026-06-01', zone: 'UTC', start: '2026-06-01T00:00:00.000Z', end: '2026-06-02T00:00:00.000Z' },
    // Month and year ends: the end is the next calendar day's midnight.
    { name: 'end of January, WIB', date: '2026-01-31', zone: 'Asia/Jakarta', start: '2026-01-30T17:00:00.000Z', end: '2026-01-31T17:00:00.000Z' },
    { name: 'end of April (30 days), WITA', date: '2026-04-30', zone: 'Asia/Makassar', start: '2026-04-29T16:00:00.000Z', end: '2026-04-30T16:00:00.000Z' },
    { name: 'end of February, common year', date: '2026-02-28', zone: 'Asia/Jakarta', start: '2026-02-27T17:00:00.000Z', end: '2026-02-28T17:00:00.000Z' },
    { name: 'leap day', date: '2028-02-29', zone: 'Asia/Jakarta', start: '2028-02-28T17:00:00.000Z', end: '2028-02-29T17:00:00.000Z' },
    { name: 'the day before a leap day', date: '2028-02-28', zone: 'Asia/Jayapura', start: '2028-02-27T15:00:00.000Z', end: '2028-02-28T15:00:00.000Z' },
    { name: 'New Year’s Eve, WIT', date: '2026-12-31', zone: 'Asia/Jayapura', start: '2026-12-30T15:00:00.000Z', end: '2026-12-31T15:00:00.000Z' },
    { name: 'New Year’s Day, WIB', date: '2027-01-01', zone: 'Asia/Jakarta', start: '2026-12-31T17:00:00.000Z', end: '2027-01-01T17:00:00.000Z' },
    // DST: a 23-hour and a 25-hour day.
    { name: 'Berlin, spring forward (23 h)', date: '2026-03-29', zone: 'Europe/Berlin', start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' },
    { name: 'Berlin, fall back (25 h)', date: '2026-10-25', zone: 'Europe/Berlin', start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z' },
    { name: 'Berlin, an ordinary summer day', date: '2026-07-01', zone: 'Europe/Berlin', start: '2026-06-30T22:00:00.000Z', end: '2026-07-01T22:00:00.000Z' },
    { name: 'New York, spring forward', date: '2026-03-08', zone: 'America/New_York', start: '2026-03-08T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z' },
    // Chile springs forward at midnight: 00:00 does not exist, the day starts at 01:00 (-03) = 04:00Z.
    { name: 'Santiago, DST starts at midnight', date: '2026-09-06', zone: 'America/Santiago', start: '2026-09-06T04:00:00.000Z', end: '2026-09-07T03:00:00.000Z' },
  ])('$name: $date in $zone', ({ date, zone, start, end }) => {
    const bounds = localDayBounds(date, zone);
    expect({ start: bounds.start.toISOString(), end: bounds.end.toISOString() }).toEqual({ start, end });
  });

  it('the start is local midnight (or the first instant of the day) and the day before ends where it starts', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Europe/Berlin', 'America/Santiago']) {
      for (const [day, next] of [
        ['2026-03-28', '2026-03-29'],
        ['2026-03-29', '2026-03-30'],
        ['2026-09-05', '2026-09-06'],
        ['2026-09-06', '2026-09-07'],
        ['2026-10-25', '2026-10-26'],
        ['2026-12-31', '2027-01-01'],
      ] as const) {
        const today = localDayBounds(day, zone);
        expect(localDayBounds(next, zone).start.getTime(), `${zone} ${day}`).toBe(today.end.getTime());
        const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
        expect(localDate.format(today.start), `${zone} ${day} start`).toBe(day);
        expect(localDate.format(new Date(today.start.getTime() - 1)), `${zone} ${day} just before the start`).not.toBe(day);
        expect(localDate.format(new Date(today.end.getTime() - 1)), `${zone} ${day} just before the end`).toBe(day);
      }
    }
  });
});
