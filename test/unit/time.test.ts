import { describe, expect, it } from 'vitest';
import {
  TIME_ZONES,
  addDays,
  daysBetween,
  formatDateId,
  isLocalDate,
  localDate,
  localTime,
  parseLocalDate,
  parseLocalTime,
  parseTimeZone,
  timeZoneLabel,
} from '../../src/domain/time.js';

describe('TIME_ZONES and labels', () => {
  it('maps the three Indonesian labels to IANA zones', () => {
    expect(TIME_ZONES).toEqual({ WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' });
  });

  it.each<{ zone: string; label: string | undefined }>([
    { zone: 'Asia/Jakarta', label: 'WIB' },
    { zone: 'Asia/Pontianak', label: 'WIB' },
    { zone: 'Asia/Makassar', label: 'WITA' },
    { zone: 'Asia/Jayapura', label: 'WIT' },
    { zone: 'Europe/Amsterdam', label: undefined },
    { zone: 'UTC', label: undefined },
  ])('$zone → $label', ({ zone, label }) => {
    expect(timeZoneLabel(zone)).toBe(label);
  });

  it.each<{ input: string; zone: string | undefined }>([
    { input: 'WIB', zone: 'Asia/Jakarta' },
    { input: 'wita', zone: 'Asia/Makassar' },
    { input: ' Wit ', zone: 'Asia/Jayapura' },
    { input: 'Asia/Makassar', zone: 'Asia/Makassar' },
    { input: 'Asia/Pontianak', zone: 'Asia/Jakarta' },
    { input: 'GMT+7', zone: undefined },
    { input: '', zone: undefined },
  ])('parseTimeZone($input) → $zone', ({ input, zone }) => {
    expect(parseTimeZone(input)).toBe(zone);
  });
});

describe('localDate and localTime', () => {
  it.each<{ instant: string; zone: string; date: string; time: string }>([
    { instant: '2026-11-25T16:59:00Z', zone: 'Asia/Jakarta', date: '2026-11-25', time: '23:59' },
    { instant: '2026-11-25T17:00:00Z', zone: 'Asia/Jakarta', date: '2026-11-26', time: '00:00' },
    { instant: '2026-11-25T16:00:00Z', zone: 'Asia/Makassar', date: '2026-11-26', time: '00:00' },
    { instant: '2026-11-25T15:59:00Z', zone: 'Asia/Makassar', date: '2026-11-25', time: '23:59' },
    { instant: '2026-11-25T15:00:00Z', zone: 'Asia/Jayapura', date: '2026-11-26', time: '00:00' },
    { instant: '2026-11-26T13:00:00Z', zone: 'Asia/Jakarta', date: '2026-11-26', time: '20:00' },
    { instant: '2026-12-31T17:30:00Z', zone: 'Asia/Jakarta', date: '2027-01-01', time: '00:30' },
    { instant: '2028-02-28T20:00:00Z', zone: 'Asia/Jayapura', date: '2028-02-29', time: '05:00' },
    { instant: '2026-11-26T00:00:00Z', zone: 'UTC', date: '2026-11-26', time: '00:00' },
  ])('$instant in $zone is $date $time', ({ instant, zone, date, time }) => {
    expect(localDate(new Date(instant), zone)).toBe(date);
    expect(localTime(new Date(instant), zone)).toBe(time);
  });

  it('throws on an unknown zone (configuration bug)', () => {
    expect(() => localDate(new Date('2026-11-26T00:00:00Z'), 'Mars/Olympus')).toThrow();
  });
});

describe('addDays', () => {
  it.each<{ date: string; n: number; expected: string }>([
    { date: '2026-11-26', n: 0, expected: '2026-11-26' },
    { date: '2026-11-26', n: 1, expected: '2026-11-27' },
    { date: '2026-11-30', n: 1, expected: '2026-12-01' },
    { date: '2026-12-31', n: 1, expected: '2027-01-01' },
    { date: '2027-01-01', n: -1, expected: '2026-12-31' },
    { date: '2028-02-28', n: 1, expected: '2028-02-29' },
    { date: '2027-02-28', n: 1, expected: '2027-03-01' },
    { date: '2100-02-28', n: 1, expected: '2100-03-01' },
    { date: '2000-02-28', n: 1, expected: '2000-02-29' },
    { date: '2026-01-01', n: 365, expected: '2027-01-01' },
    { date: '1970-01-01', n: -1, expected: '1969-12-31' },
  ])('$date + $n = $expected', ({ date, n, expected }) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each(['2026-02-30', '26-11-2026', '2026-1-1', ''])('throws on malformed %j', (date) => {
    expect(() => addDays(date, 1)).toThrow();
  });

  it('throws on a fractional day count', () => {
    expect(() => addDays('2026-11-26', 0.5)).toThrow();
  });
});

describe('daysBetween', () => {
  it.each<{ a: string; b: string; expected: number }>([
    { a: '2026-11-26', b: '2026-11-26', expected: 0 },
    { a: '2026-11-26', b: '2026-11-28', expected: 2 },
    { a: '2026-11-28', b: '2026-11-26', expected: -2 },
    { a: '2026-12-31', b: '2027-01-01', expected: 1 },
    { a: '2028-02-01', b: '2028-03-01', expected: 29 },
    { a: '2026-01-01', b: '2027-01-01', expected: 365 },
    { a: '2028-01-01', b: '2029-01-01', expected: 366 },
  ])('$a → $b = $expected', ({ a, b, expected }) => {
    expect(daysBetween(a, b)).toBe(expected);
  });
});

describe('isLocalDate', () => {
  it.each<{ value: string; expected: boolean }>([
    { value: '2026-11-26', expected: true },
    { value: '2028-02-29', expected: true },
    { value: '2027-02-29', expected: false },
    { value: '2026-13-01', expected: false },
    { value: '2026-11-26T00:00', expected: false },
    { value: '26/11/2026', expected: false },
  ])('$value → $expected', ({ value, expected }) => {
    expect(isLocalDate(value)).toBe(expected);
  });
});

describe('parseLocalDate accepts', () => {
  const today = '2026-11-20';
  it.each<{ input: string; expected: string }>([
    { input: '2026-11-26', expected: '2026-11-26' },
    { input: '2026/11/26', expected: '2026-11-26' },
    { input: '2026-1-5', expected: '2026-01-05' },
    { input: '26-11-2026', expected: '2026-11-26' },
    { input: '26/11/2026', expected: '2026-11-26' },
    { input: '26.11.2026', expected: '2026-11-26' },
    { input: '5/1/2027', expected: '2027-01-05' },
    { input: '26/11/26', expected: '2026-11-26' },
    { input: '26/11', expected: '2026-11-26' },
    { input: '3-12', expected: '2026-12-03' },
    { input: '26 Nov 2026', expected: '2026-11-26' },
    { input: '26 nov. 2026', expected: '2026-11-26' },
    { input: '26 November', expected: '2026-11-26' },
    { input: '26 Nopember 2026', expected: '2026-11-26' },
    { input: '26-Nov-2026', expected: '2026-11-26' },
    { input: '26 November, 2026', expected: '2026-11-26' },
    { input: 'Kamis, 26 November 2026', expected: '2026-11-26' },
    { input: 'Thursday 26 November 2026', expected: '2026-11-26' },
    { input: 'November 26, 2026', expected: '2026-11-26' },
    { input: 'Nov 26', expected: '2026-11-26' },
    { input: '1 Januari 2027', expected: '2027-01-01' },
    { input: '1 January 2027', expected: '2027-01-01' },
    { input: '14 Februari 2027', expected: '2027-02-14' },
    { input: '14 Pebruari 2027', expected: '2027-02-14' },
    { input: '14 February 2027', expected: '2027-02-14' },
    { input: '17 Maret 2027', expected: '2027-03-17' },
    { input: '17 March 2027', expected: '2027-03-17' },
    { input: '21 April 2027', expected: '2027-04-21' },
    { input: '1 Mei 2027', expected: '2027-05-01' },
    { input: '1 May 2027', expected: '2027-05-01' },
    { input: '1 Juni 2027', expected: '2027-06-01' },
    { input: '1 June 2027', expected: '2027-06-01' },
    { input: '1 Juli 2027', expected: '2027-07-01' },
    { input: '1 July 2027', expected: '2027-07-01' },
    { input: '17 Agustus 2027', expected: '2027-08-17' },
    { input: '17 Agu 2027', expected: '2027-08-17' },
    { input: '17 Agt 2027', expected: '2027-08-17' },
    { input: '17 August 2027', expected: '2027-08-17' },
    { input: '1 September 2027', expected: '2027-09-01' },
    { input: '1 Sept 2027', expected: '2027-09-01' },
    { input: '28 Oktober 2027', expected: '2027-10-28' },
    { input: '28 Okt 2027', expected: '2027-10-28' },
    { input: '28 October 2027', expected: '2027-10-28' },
    { input: '25 Desember 2026', expected: '2026-12-25' },
    { input: '25 Des', expected: '2026-12-25' },
    { input: '25 December 2026', expected: '2026-12-25' },
    { input: '29 Februari 2028', expected: '2028-02-29' },
    { input: '  26   NOVEMBER   2026 ', expected: '2026-11-26' },
    { input: 'hari ini', expected: '2026-11-20' },
    { input: 'Hari  Ini', expected: '2026-11-20' },
    { input: 'today', expected: '2026-11-20' },
    { input: 'besok', expected: '2026-11-21' },
    { input: 'Tomorrow', expected: '2026-11-21' },
    { input: 'lusa', expected: '2026-11-22' },
    { input: 'kemarin', expected: '2026-11-19' },
    { input: 'yesterday', expected: '2026-11-19' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(parseLocalDate(input, today)).toEqual({ ok: true, value: expected });
  });

  it('takes the year of today when omitted, across a year end', () => {
    expect(parseLocalDate('besok', '2026-12-31')).toEqual({ ok: true, value: '2027-01-01' });
    expect(parseLocalDate('5/1', '2027-01-02')).toEqual({ ok: true, value: '2027-01-05' });
  });
});

describe('parseLocalDate rejects', () => {
  it.each([
    '',
    'abc',
    '31/02/2026',
    '30 Februari 2026',
    '29/02/2027',
    '29 Feb',
    '32/01/2026',
    '00/01/2026',
    '15/13/2026',
    '2026-02-30',
    '2026-13-01',
    '26 Nov 26 2026',
    '26 Novembro 2026',
    '11/26/2026',
    '26',
    'minggu depan',
    '20:00',
  ])('%j', (input) => {
    expect(parseLocalDate(input, '2027-01-10')).toEqual({ ok: false, reason: 'invalid_date' });
  });

  it('throws when today itself is malformed (caller bug)', () => {
    expect(() => parseLocalDate('besok', '20/11/2026')).toThrow();
  });
});

describe('parseLocalTime', () => {
  it.each<{ input: string; expected: string }>([
    { input: '20:00', expected: '20:00' },
    { input: '20.00', expected: '20:00' },
    { input: '8', expected: '08:00' },
    { input: '08', expected: '08:00' },
    { input: '0', expected: '00:00' },
    { input: '7:30', expected: '07:30' },
    { input: '23:59', expected: '23:59' },
    { input: '00:00', expected: '00:00' },
    { input: 'jam 20', expected: '20:00' },
    { input: 'Pukul 20.30', expected: '20:30' },
    { input: 'pkl. 9', expected: '09:00' },
    { input: '8 pagi', expected: '08:00' },
    { input: '12 siang', expected: '12:00' },
    { input: '1 siang', expected: '13:00' },
    { input: '11 siang', expected: '11:00' },
    { input: '4 sore', expected: '16:00' },
    { input: '8 malam', expected: '20:00' },
    { input: '12 malam', expected: '00:00' },
    { input: '8pm', expected: '20:00' },
    { input: '8 PM', expected: '20:00' },
    { input: '12am', expected: '00:00' },
    { input: '12pm', expected: '12:00' },
    { input: '7.15 am', expected: '07:15' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(parseLocalTime(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['', 'abc', '24:00', '25', '20:60', '20:5', '8:000', '13 pm', '0 pagi', '20 malam', '-1', '2000'])(
    '%j is invalid',
    (input) => {
      expect(parseLocalTime(input)).toEqual({ ok: false, reason: 'invalid_time' });
    },
  );
});

describe('formatDateId', () => {
  it.each<{ date: string; id: string; en: string }>([
    { date: '2026-11-26', id: '26 Nov 2026', en: '26 Nov 2026' },
    { date: '2026-01-05', id: '5 Jan 2026', en: '5 Jan 2026' },
    { date: '2026-05-01', id: '1 Mei 2026', en: '1 May 2026' },
    { date: '2026-08-17', id: '17 Agu 2026', en: '17 Aug 2026' },
    { date: '2026-10-28', id: '28 Okt 2026', en: '28 Oct 2026' },
    { date: '2026-12-25', id: '25 Des 2026', en: '25 Dec 2026' },
  ])('$date → $id / $en', ({ date, id, en }) => {
    expect(formatDateId(date, 'id')).toBe(id);
    expect(formatDateId(date, 'en')).toBe(en);
  });

  it('round-trips through parseLocalDate in both languages', () => {
    for (let d = '2026-01-01'; d < '2027-01-01'; d = addDays(d, 1)) {
      expect(parseLocalDate(formatDateId(d, 'id'), '2026-06-01')).toEqual({ ok: true, value: d });
      expect(parseLocalDate(formatDateId(d, 'en'), '2026-06-01')).toEqual({ ok: true, value: d });
    }
  });
});
