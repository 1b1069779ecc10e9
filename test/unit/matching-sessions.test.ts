import { describe, expect, it } from 'vitest';
import { slotInstant, type MeetingStatusName, type SessionSpec } from '../../src/domain/matching.js';
import {
  canMarkAttendance,
  decodeSpec,
  encodeSpec,
  meetingSetKey,
  meetingsNoLongerFitting,
  meetingsOfDeletedSession,
  misfitReason,
  sameSpec,
  type BookedMeeting,
} from '../../src/domain/matching-sessions.js';

const ZONE = 'Asia/Jakarta';
const NOW = new Date('2026-11-26T01:00:00Z'); // 08:00 WIB on the first day
const SESSION: SessionSpec = { days: ['2026-11-26', '2026-11-27'], startTime: '09:00', endTime: '12:00', slotMinutes: 20, tableCount: 5 };

let seq = 0;
function meeting(day: string, time: string, table = 1, status: MeetingStatusName = 'ACCEPTED'): BookedMeeting {
  seq += 1;
  return { id: seq, status, day, slotStart: slotInstant(day, time, ZONE), tableNo: table };
}

describe('misfitReason: does a booked slot still fit the new shape', () => {
  it.each<[string, Partial<SessionSpec>, string, string, number, ReturnType<typeof misfitReason>]>([
    ['unchanged', {}, '2026-11-26', '09:20', 3, undefined],
    ['its day is removed', { days: ['2026-11-27'] }, '2026-11-26', '09:20', 1, 'day'],
    ['a day added changes nothing', { days: ['2026-11-26', '2026-11-27', '2026-11-28'] }, '2026-11-26', '09:20', 1, undefined],
    ['start moved later than the slot', { startTime: '10:00' }, '2026-11-26', '09:40', 1, 'hours'],
    ['start moved later, the slot still on the grid', { startTime: '10:00' }, '2026-11-26', '10:20', 1, undefined],
    ['end moved earlier than the slot end', { endTime: '10:50' }, '2026-11-26', '10:40', 1, 'hours'],
    ['the last slot that still ends in time', { endTime: '11:00' }, '2026-11-26', '10:40', 1, undefined],
    ['longer slots: off the grid', { slotMinutes: 30 }, '2026-11-26', '09:20', 1, 'grid'],
    ['longer slots: a slot on the new grid stays', { slotMinutes: 30 }, '2026-11-26', '09:30', 1, undefined],
    ['longer slots: a slot start that stays', { slotMinutes: 30 }, '2026-11-26', '10:00', 1, undefined],
    ['longer slots: the last one would run past the end', { slotMinutes: 30 }, '2026-11-26', '11:40', 1, 'hours'],
    ['start shifted by 10 minutes: every slot off the grid', { startTime: '09:10' }, '2026-11-26', '09:20', 1, 'grid'],
    ['fewer tables: its table removed', { tableCount: 2 }, '2026-11-26', '09:20', 3, 'table'],
    ['fewer tables: its table kept', { tableCount: 3 }, '2026-11-26', '09:20', 3, undefined],
    ['the day wins over the hours', { days: ['2026-11-27'], startTime: '10:00' }, '2026-11-26', '09:00', 1, 'day'],
  ])('%s', (_name, change, day, time, table, expected) => {
    expect(misfitReason({ ...SESSION, ...change }, day, time, table)).toBe(expected);
  });
});

describe('meetingsNoLongerFitting', () => {
  it('lists only live meetings not yet begun that no longer fit, with the reason', () => {
    const keep = meeting('2026-11-26', '10:00', 1);
    const earlyRequested = meeting('2026-11-26', '09:00', 2, 'REQUESTED');
    const farTable = meeting('2026-11-27', '10:00', 5);
    const declined = meeting('2026-11-26', '09:00', 1, 'DECLINED');
    const cancelled = meeting('2026-11-26', '09:00', 3, 'CANCELLED');
    const held = meeting('2026-11-26', '09:00', 4, 'HELD');
    const proposed = meeting('2026-11-26', '09:40', 1, 'PROPOSED');
    const spec = { ...SESSION, startTime: '10:00', tableCount: 4 };
    expect(meetingsNoLongerFitting(spec, [keep, earlyRequested, farTable, declined, cancelled, held, proposed], ZONE, NOW)).toEqual([
      { id: earlyRequested.id, reason: 'hours' },
      { id: farTable.id, reason: 'table' },
      { id: proposed.id, reason: 'hours' },
    ]);
  });

  it('leaves a meeting whose slot has begun alone', () => {
    const begun = meeting('2026-11-26', '09:00', 1);
    const ahead = meeting('2026-11-26', '09:20', 1);
    const at = slotInstant('2026-11-26', '09:00', ZONE);
    expect(meetingsNoLongerFitting({ ...SESSION, days: ['2026-11-27'] }, [begun, ahead], ZONE, at)).toEqual([{ id: ahead.id, reason: 'day' }]);
  });

  it('cancels nothing when the shape only grows', () => {
    const all = [meeting('2026-11-26', '09:00', 5), meeting('2026-11-27', '11:40', 1)];
    expect(meetingsNoLongerFitting({ ...SESSION, startTime: '08:00', endTime: '13:00', tableCount: 9 }, all, ZONE, NOW)).toEqual([]);
  });
});

describe('meetingsOfDeletedSession', () => {
  it('is every requested, proposed or accepted meeting not yet begun', () => {
    const a = meeting('2026-11-26', '09:00', 1, 'REQUESTED');
    const b = meeting('2026-11-27', '09:00', 1, 'ACCEPTED');
    const c = meeting('2026-11-26', '09:00', 2, 'HELD');
    const d = meeting('2026-11-26', '09:20', 2, 'DECLINED');
    const e = meeting('2026-11-27', '10:00', 2, 'PROPOSED');
    expect(meetingsOfDeletedSession([a, b, c, d, e], NOW)).toEqual([a.id, b.id, e.id]);
    expect(meetingsOfDeletedSession([a, b], slotInstant('2026-11-26', '09:00', ZONE))).toEqual([b.id]);
  });
});

describe('the spec in a button', () => {
  const mission = { startDate: '2026-11-26', endDate: '2026-11-28' };

  it.each<SessionSpec>([SESSION, { days: ['2026-11-28'], startTime: '13:00', endTime: '16:30', slotMinutes: 30, tableCount: 200 }])('round-trips %o within 32 characters', (spec) => {
    const code = encodeSpec(spec);
    expect(code).toMatch(/^[A-Za-z0-9_]{1,32}$/);
    expect(decodeSpec(code, mission)).toEqual({ ok: true, value: spec });
  });

  it.each<[string, string]>([
    ['20261126_2_0900_1200_20_x', 'format'],
    ['20261131_1_0900_1200_20_5', 'bad_day'],
    ['20261125_2_0900_1200_20_5', 'outside_mission'],
    ['20261127_3_0900_1200_20_5', 'outside_mission'],
    ['20261126_1_2500_2600_20_5', 'bad_time'],
    ['20261126_1_1200_0900_20_5', 'end_before_start'],
    ['20261126_1_0900_1200_5_5', 'slot_length'],
    ['20261126_1_0900_1200_20_0', 'tables'],
    ['20261126_1_0900_0930_60_5', 'no_slot'],
  ])('refuses a forged or stale %s (%s)', (code, reason) => {
    expect(decodeSpec(code, mission)).toEqual({ ok: false, reason });
  });

  it('sameSpec tells an edit that changes nothing', () => {
    expect(sameSpec(SESSION, { ...SESSION, days: [...SESSION.days] })).toBe(true);
    expect(sameSpec(SESSION, { ...SESSION, tableCount: 6 })).toBe(false);
  });

  it('meetingSetKey ignores order and tells different sets apart', () => {
    expect(meetingSetKey([3, 1, 2])).toBe(meetingSetKey([1, 2, 3]));
    expect(meetingSetKey([1, 2])).not.toBe(meetingSetKey([1, 2, 3]));
    expect(meetingSetKey([12])).not.toBe(meetingSetKey([21]));
    expect(meetingSetKey([])).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('canMarkAttendance', () => {
  const start = slotInstant('2026-11-26', '09:00', ZONE);
  const after = new Date(start.getTime() + 60_000);
  it.each<[MeetingStatusName, Date, boolean]>([
    ['ACCEPTED', after, true],
    ['HELD', after, true],
    ['NO_SHOW', after, true],
    ['ACCEPTED', start, true],
    ['ACCEPTED', NOW, false],
    ['REQUESTED', after, false],
    ['DECLINED', after, false],
    ['CANCELLED', after, false],
    ['PROPOSED', after, false],
  ])('%s at %s → %s', (status, now, expected) => {
    expect(canMarkAttendance(status, start, now)).toBe(expected);
  });
});
