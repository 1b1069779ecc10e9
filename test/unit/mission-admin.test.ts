import { describe, expect, it } from 'vitest';
import type { Mission } from '../../src/domain/entities.js';
import {
  MAX_MISSION_DAYS,
  changedFields,
  checkMissionDates,
  isMissionField,
  parseOnOff,
  parseRegistrationOpen,
  parseReminderSetting,
  sortMissionsForList,
} from '../../src/domain/mission-admin.js';

describe('checkMissionDates', () => {
  it.each([
    { start: '2026-11-26', end: '2026-11-26', expected: 'ok' },
    { start: '2026-11-26', end: '2026-11-28', expected: 'ok' },
    { start: '2026-11-26', end: '2026-11-25', expected: 'end_before_start' },
    { start: '2026-11-26', end: '2027-01-24', expected: 'ok' }, // exactly 60 days, both ends counted
    { start: '2026-11-26', end: '2027-01-25', expected: 'too_long' },
    { start: '2026-12-31', end: '2027-01-01', expected: 'ok' },
  ])('$start – $end → $expected', ({ start, end, expected }) => {
    const result = checkMissionDates(start, end);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });

  it('allows at most MAX_MISSION_DAYS days', () => {
    expect(MAX_MISSION_DAYS).toBe(60);
  });
});

describe('parseReminderSetting', () => {
  it.each([
    { input: '17:00', expected: '17:00' },
    { input: '5 sore', expected: '17:00' },
    { input: 'jam 8 malam', expected: '20:00' },
    { input: '07.30', expected: '07:30' },
    { input: 'mati', expected: null },
    { input: 'OFF', expected: null },
    { input: ' nonaktif ', expected: null },
    { input: '-', expected: null },
  ])('$input → $expected', ({ input, expected }) => {
    expect(parseReminderSetting(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['25:00', '17:61', 'besok', '', 'jam', '13 sore'])('refuses %j', (input) => {
    expect(parseReminderSetting(input)).toEqual({ ok: false, reason: 'invalid_time' });
  });
});

describe('parseOnOff and parseRegistrationOpen', () => {
  it.each([
    ['on', true],
    ['Nyala', true],
    ['aktifkan', true],
    ['off', false],
    ['mati', false],
    ['maybe', undefined],
    ['', undefined],
  ] as const)('parseOnOff(%j) → %s', (input, expected) => {
    expect(parseOnOff(input)).toBe(expected);
  });

  it.each([
    ['buka', true],
    ['Open', true],
    ['dibuka', true],
    ['tutup', false],
    ['closed', false],
    ['ditutup', false],
    ['kadang', undefined],
  ] as const)('parseRegistrationOpen(%j) → %s', (input, expected) => {
    expect(parseRegistrationOpen(input)).toBe(expected);
  });
});

describe('isMissionField', () => {
  it.each(['name', 'city', 'startDate', 'endDate', 'timeZone', 'digestTime', 'reminderTime', 'registrationOpen'])('%s is editable', (field) => {
    expect(isMissionField(field)).toBe(true);
  });
  it.each(['targetAmount', 'status', 'id', 'originProvince', ''])('%s is not editable here', (field) => {
    expect(isMissionField(field)).toBe(false);
  });
});

const mission = (id: number, status: Mission['status'], startDate: string) => ({ id, status, startDate });

describe('sortMissionsForList', () => {
  it('puts the active mission first, then the newest start date, drafts before closed ones on a date, newest id last', () => {
    const sorted = sortMissionsForList([
      mission(1, 'CLOSED', '2026-01-10'),
      mission(2, 'DRAFT', '2026-06-01'),
      mission(3, 'ACTIVE', '2026-03-01'),
      mission(4, 'CLOSED', '2026-06-01'),
      mission(5, 'DRAFT', '2026-06-01'),
      mission(6, 'CLOSED', '2026-12-01'),
    ]);
    expect(sorted.map((m) => m.id)).toEqual([3, 6, 5, 2, 4, 1]);
  });

  it('does not change its input', () => {
    const input = [mission(1, 'DRAFT', '2026-01-01'), mission(2, 'ACTIVE', '2025-01-01')];
    sortMissionsForList(input);
    expect(input.map((m) => m.id)).toEqual([1, 2]);
  });
});

describe('changedFields', () => {
  const current = {
    name: 'Misi A',
    city: 'Serang',
    startDate: '2026-11-26',
    endDate: '2026-11-28',
    timeZone: 'Asia/Jakarta',
    digestTime: '20:00',
    reminderTime: null,
    registrationOpen: true,
  };

  it.each([
    { patch: { name: 'Misi B' }, expected: { name: 'Misi B' } },
    { patch: { name: 'Misi A' }, expected: {} },
    { patch: { reminderTime: '17:00' }, expected: { reminderTime: '17:00' } },
    { patch: { reminderTime: null }, expected: {} },
    { patch: { registrationOpen: false, city: 'Serang' }, expected: { registrationOpen: false } },
    { patch: { timeZone: 'Asia/Makassar', digestTime: '21:00' }, expected: { timeZone: 'Asia/Makassar', digestTime: '21:00' } },
  ])('$patch → $expected', ({ patch, expected }) => {
    expect(changedFields(current, patch)).toEqual(expected);
  });
});
