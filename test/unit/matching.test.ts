import { describe, expect, it } from 'vitest';
import {
  buyerParty,
  canCancel,
  canConfirmProposal,
  exhibitorParty,
  freeSlots,
  meetingFigures,
  meetingIcs,
  parseSessionSpec,
  proposalDays,
  reminderDue,
  sessionSlotDay,
  slotInstant,
  slotTimes,
  tableParty,
  upcomingDays,
  validateMeetingNote,
  type SessionSpec,
} from '../../src/domain/matching.js';

const MISSION = { startDate: '2026-11-26', endDate: '2026-11-28' };
const TODAY = '2026-11-26';
const ZONE = 'Asia/Jakarta';

describe('parseSessionSpec', () => {
  it.each([
    ['26/11-27/11 09:00-12:00 20 10', { days: ['2026-11-26', '2026-11-27'], startTime: '09:00', endTime: '12:00', slotMinutes: 20, tableCount: 10 }],
    ['hari ini 13.00 - 16.00 30 5', { days: ['2026-11-26'], startTime: '13:00', endTime: '16:00', slotMinutes: 30, tableCount: 5 }],
    ['2026-11-28 9:00-10:00 60 1', { days: ['2026-11-28'], startTime: '09:00', endTime: '10:00', slotMinutes: 60, tableCount: 1 }],
  ])('reads %j', (text, expected) => {
    expect(parseSessionSpec(text, MISSION, TODAY)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['besok', 'format'],
    ['32/11 09:00-12:00 20 10', 'bad_day'],
    ['27/11-26/11 09:00-12:00 20 10', 'bad_day'],
    ['25/11 09:00-12:00 20 10', 'outside_mission'],
    ['26/11 09:00-25:00 20 10', 'bad_time'],
    ['26/11 12:00-09:00 20 10', 'end_before_start'],
    ['26/11 09:00-12:00 5 10', 'slot_length'],
    ['26/11 09:00-12:00 20 0', 'tables'],
    ['26/11 09:00-09:30 45 2', 'no_slot'],
  ])('refuses %j: %s', (text, reason) => {
    expect(parseSessionSpec(text, MISSION, TODAY)).toEqual({ ok: false, reason });
  });
});

describe('slots', () => {
  it.each([
    [{ startTime: '09:00', endTime: '10:00', slotMinutes: 20 }, ['09:00', '09:20', '09:40']],
    [{ startTime: '09:00', endTime: '10:10', slotMinutes: 20 }, ['09:00', '09:20', '09:40']],
    [{ startTime: '13:30', endTime: '14:30', slotMinutes: 30 }, ['13:30', '14:00']],
  ])('slotTimes(%o)', (spec, expected) => {
    expect(slotTimes(spec)).toEqual(expected);
  });

  it.each([
    ['Asia/Jakarta', '2026-11-26T02:20:00.000Z'],
    ['Asia/Makassar', '2026-11-26T01:20:00.000Z'],
    ['Asia/Jayapura', '2026-11-26T00:20:00.000Z'],
  ])('09:20 on 26 Nov in %s is %s', (zone, iso) => {
    expect(slotInstant('2026-11-26', '09:20', zone).toISOString()).toBe(iso);
  });

  const spec: SessionSpec = { days: ['2026-11-26', '2026-11-27'], startTime: '09:00', endTime: '10:00', slotMinutes: 20, tableCount: 2 };
  const at = (time: string) => slotInstant('2026-11-26', time, ZONE).getTime();
  const early = new Date('2026-11-26T00:00:00Z');
  const who = { exhibitorId: 7, buyerId: 42n };

  it.each([
    ['nothing taken', new Map(), early, [['09:00', 1], ['09:20', 1], ['09:40', 1]]],
    ['the exhibitor busy at 09:00', new Map([[at('09:00'), new Set([exhibitorParty(7), tableParty(1)])]]), early, [['09:20', 1], ['09:40', 1]]],
    ['the buyer busy at 09:20', new Map([[at('09:20'), new Set([buyerParty(42n), tableParty(2)])]]), early, [['09:00', 1], ['09:40', 1]]],
    ['table 1 taken at 09:40, table 2 free', new Map([[at('09:40'), new Set([tableParty(1), exhibitorParty(8)])]]), early, [['09:00', 1], ['09:20', 1], ['09:40', 2]]],
    ['both tables taken at 09:00', new Map([[at('09:00'), new Set([tableParty(1), tableParty(2)])]]), early, [['09:20', 1], ['09:40', 1]]],
    ['09:00 already begun', new Map(), new Date(at('09:00')), [['09:20', 1], ['09:40', 1]]],
  ] as const)('freeSlots with %s', (_name, claims, now, expected) => {
    const free = freeSlots(spec, '2026-11-26', ZONE, who, claims as Map<number, Set<string>>, now);
    expect(free.map((slot) => [slot.time, slot.table])).toEqual(expected);
  });

  it('offers nothing on a day outside the session', () => {
    expect(freeSlots(spec, '2026-11-28', ZONE, who, new Map(), early)).toEqual([]);
  });

  it('offers only the days from today on', () => {
    expect(upcomingDays(spec, new Date('2026-11-26T20:00:00Z'), ZONE)).toEqual(['2026-11-27']);
  });
});

describe('meeting rules', () => {
  const slot = new Date('2026-11-26T02:20:00Z');
  it.each([
    [new Date('2026-11-26T02:04:00Z'), false],
    [new Date('2026-11-26T02:05:00Z'), true],
    [new Date('2026-11-26T02:19:00Z'), true],
    [new Date('2026-11-26T02:20:00Z'), false],
  ])('reminder due at %s: %s', (now, expected) => {
    expect(reminderDue(slot, now)).toBe(expected);
  });

  it.each([
    ['REQUESTED', new Date('2026-11-26T02:00:00Z'), true],
    ['ACCEPTED', new Date('2026-11-26T02:00:00Z'), true],
    ['ACCEPTED', new Date('2026-11-26T02:20:00Z'), false],
    ['DECLINED', new Date('2026-11-26T02:00:00Z'), false],
    ['CANCELLED', new Date('2026-11-26T02:00:00Z'), false],
    ['PROPOSED', new Date('2026-11-26T02:00:00Z'), true],
    ['PROPOSED', new Date('2026-11-26T02:20:00Z'), false],
    ['HELD', new Date('2026-11-26T02:00:00Z'), false],
  ] as const)('canCancel(%s at %s) → %s', (status, now, expected) => {
    expect(canCancel(status, slot, now)).toBe(expected);
  });

  it.each([
    ['Mau 500 bungkus', { ok: true, value: 'Mau 500 bungkus' }],
    ['ok', { ok: false, reason: 'too_short' }],
    ['x'.repeat(301), { ok: false, reason: 'too_long' }],
  ])('validateMeetingNote(%j)', (text, expected) => {
    expect(validateMeetingNote(text)).toEqual(expected);
  });
});

describe('meetingIcs', () => {
  it('writes one event in UTC with escaped text, folded lines and a 15-minute alarm, which parses back', () => {
    const ics = meetingIcs({
      uid: 'meeting-12@misi-dagang-bot',
      start: new Date('2026-11-26T02:20:00Z'),
      minutes: 20,
      summary: 'Temu bisnis: Keripik Tempe Bu Sri, Andi; meja 2',
      location: 'Meja 2, Serang',
      description: 'Minat 500 bungkus\nKirim ke Serang. '.repeat(4),
      stamp: new Date('2026-11-26T01:00:00Z'),
    });
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    // Unfold (RFC 5545 §3.1) and read the properties back.
    const unfolded = ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
    // The first occurrence of each name: the alarm repeats DESCRIPTION.
    const props = new Map<string, string>();
    for (const line of unfolded) if (!props.has(line.slice(0, line.indexOf(':')))) props.set(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1));
    expect(unfolded[0]).toBe('BEGIN:VCALENDAR');
    expect(unfolded.at(-1)).toBe('END:VCALENDAR');
    expect(props.get('DTSTART')).toBe('20261126T022000Z');
    expect(props.get('DTEND')).toBe('20261126T024000Z');
    expect(props.get('SUMMARY')).toBe('Temu bisnis: Keripik Tempe Bu Sri\\, Andi\\; meja 2');
    expect(props.get('TRIGGER')).toBe('-PT15M');
    expect(props.get('DESCRIPTION')?.startsWith('Minat 500 bungkus\\nKirim ke Serang. ')).toBe(true);
  });
});

describe('meetingFigures', () => {
  it.each([
    ['nothing yet', [], [], { booked: 0, held: 0, deals: 0, dealAmount: 0n }],
    ['requests, declines and cancellations are not booked', [
      { status: 'REQUESTED', outcome: null, count: 4 },
      { status: 'DECLINED', outcome: null, count: 2 },
      { status: 'CANCELLED', outcome: null, count: 1 },
    ], [], { booked: 0, held: 0, deals: 0, dealAmount: 0n }],
    ['accepted, held and missed are booked; held with outcomes', [
      { status: 'ACCEPTED', outcome: null, count: 3 },
      { status: 'NO_SHOW', outcome: null, count: 1 },
      { status: 'HELD', outcome: 'NOT_INTERESTED', count: 2 },
      { status: 'HELD', outcome: 'FOLLOW_UP', count: 1 },
      { status: 'HELD', outcome: 'DEAL', count: 2 },
    ], [150_000_000n, 25_000_000n], { booked: 9, held: 5, deals: 2, dealAmount: 175_000_000n }],
    ['a deal whose report was voided (or not yet saved) counts, its amount does not', [
      { status: 'HELD', outcome: 'DEAL', count: 1 },
    ], [], { booked: 1, held: 1, deals: 1, dealAmount: 0n }],
    ['an official\'s no-show mark outweighs a side\'s deal answer: booked, not held, no deal', [
      { status: 'NO_SHOW', outcome: 'DEAL', count: 1 },
      { status: 'HELD', outcome: null, count: 2 },
    ], [], { booked: 3, held: 2, deals: 0, dealAmount: 0n }],
  ] as const)('%s', (_name, groups, amounts, expected) => {
    expect(meetingFigures(groups, amounts)).toEqual(expected);
  });
});

describe('proposing another slot', () => {
  const spec: SessionSpec = { days: ['2026-11-26', '2026-11-27'], startTime: '09:00', endTime: '10:00', slotMinutes: 20, tableCount: 1 };
  const at = (day: string, time: string) => slotInstant(day, time, ZONE);
  const requested = at('2026-11-26', '09:20');
  const who = { exhibitorId: 3, buyerId: 77n, slotStart: requested };

  it('offers every upcoming day\'s slots where the exhibitor, the buyer and a table are free, the requested one left out', () => {
    const claims = new Map<number, Set<string>>([
      // The request itself holds its slot.
      [requested.getTime(), new Set([exhibitorParty(3), buyerParty(77n), tableParty(1)])],
      // The exhibitor meets someone else at 09:40 on day one; the buyer is busy at 09:00 on day two; the one table is taken at 09:20 on day two.
      [at('2026-11-26', '09:40').getTime(), new Set([exhibitorParty(3), buyerParty(5n), tableParty(1)])],
      [at('2026-11-27', '09:00').getTime(), new Set([buyerParty(77n)])],
      [at('2026-11-27', '09:20').getTime(), new Set([tableParty(1)])],
    ]);
    const days = proposalDays(spec, ZONE, who, claims, new Date('2026-11-26T01:00:00Z'));
    expect(days.map((d) => [d.day, d.slots.map((s) => s.time)])).toEqual([
      ['2026-11-26', ['09:00']],
      ['2026-11-27', ['09:40']],
    ]);
  });

  it('leaves out slots already begun and days with nothing free', () => {
    // 09:05 WIB on day one: 09:00 has begun, 09:20 is the request, 09:40 is free.
    const now = new Date('2026-11-26T02:05:00Z');
    const claims = new Map<number, Set<string>>([[at('2026-11-26', '09:40').getTime(), new Set([exhibitorParty(3)])]]);
    const days = proposalDays(spec, ZONE, who, claims, now);
    expect(days.map((d) => d.day)).toEqual(['2026-11-27']);
    expect(proposalDays({ ...spec, days: ['2026-11-26'] }, ZONE, who, claims, now)).toEqual([]);
    // After the session's last day nothing is offered.
    expect(proposalDays(spec, ZONE, who, new Map(), new Date('2026-11-28T01:00:00Z'))).toEqual([]);
  });

  it.each([
    [at('2026-11-26', '09:40'), '2026-11-26'],
    [at('2026-11-27', '09:00'), '2026-11-27'],
    // 10:00 would run past the end; 09:10 is not a slot start; the 28th is not a session day.
    [at('2026-11-26', '10:00'), undefined],
    [at('2026-11-26', '09:10'), undefined],
    [at('2026-11-28', '09:00'), undefined],
  ])('sessionSlotDay(%s) → %s', (slotStart, expected) => {
    expect(sessionSlotDay(spec, slotStart, ZONE)).toBe(expected);
  });

  it.each([
    ['PROPOSED', true],
    ['REQUESTED', false],
    ['ACCEPTED', false],
    ['DECLINED', false],
  ] as const)('canConfirmProposal(%s) → %s', (status, expected) => {
    expect(canConfirmProposal(status)).toBe(expected);
  });
});
