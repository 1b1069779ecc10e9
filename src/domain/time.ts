import { err, ok } from './result.js';
import type { Result } from './result.js';

/**
 * Indonesia's three time zones by the label people use, to the IANA zone
 * that Intl and node-cron understand. A mission runs in one of them.
 */
export const TIME_ZONES = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
} as const;

/** `WIB`, `WITA` or `WIT`, as shown after a time in Indonesian messages. */
export type TimeZoneLabel = keyof typeof TIME_ZONES;

/** One of the three IANA zones a mission may run in. */
export type MissionTimeZone = (typeof TIME_ZONES)[TimeZoneLabel];

// Every IANA zone inside Indonesia, including the older or regional names, by label.
const LABEL_OF_ZONE: ReadonlyMap<string, TimeZoneLabel> = new Map([
  ['Asia/Jakarta', 'WIB'],
  ['Asia/Pontianak', 'WIB'],
  ['Asia/Makassar', 'WITA'],
  ['Asia/Ujung_Pandang', 'WITA'],
  ['Asia/Jayapura', 'WIT'],
]);

/**
 * The label (`WIB`/`WITA`/`WIT`) of an IANA zone, to print next to a time;
 * `undefined` for a zone outside Indonesia.
 */
export function timeZoneLabel(timeZone: string): TimeZoneLabel | undefined {
  return LABEL_OF_ZONE.get(timeZone);
}

/** Reads `WIB`/`wita`/`Asia/Jakarta` typed by an official into the IANA zone; `undefined` if unknown. */
export function parseTimeZone(input: string): MissionTimeZone | undefined {
  const text = input.trim();
  const upper = text.toUpperCase();
  if (upper === 'WIB' || upper === 'WITA' || upper === 'WIT') return TIME_ZONES[upper];
  const label = LABEL_OF_ZONE.get(text);
  return label === undefined ? undefined : TIME_ZONES[label];
}

// Intl formatters are costly to build and immutable: one per zone, kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function parts(format: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) out[part.type] = part.value;
  return out;
}

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in a zone: what "today" is
 * for a mission in WITA when the server runs in UTC. Throws on an unknown
 * zone (a configuration bug, not a user mistake).
 */
export function localDate(instant: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  const p = parts(format, instant);
  return `${(p['year'] ?? '').padStart(4, '0')}-${p['month']}-${p['day']}`;
}

/** The wall-clock time (`HH:MM`, 24-hour) of an instant in a zone, to compare with a digest time. */
export function localTime(instant: Date, timeZone: string): string {
  let format = timeFormats.get(timeZone);
  if (!format) {
    // h23, not hour12: false, which prints midnight as 24:00 in some ICU versions.
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(timeZone, format);
  }
  const p = parts(format, instant);
  return `${p['hour']}:${p['minute']}`;
}

interface Civil {
  year: number;
  month: number;
  day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function isValidCivil({ year, month, day }: Civil): boolean {
  return (
    Number.isInteger(year) && year >= 1 && year <= 9999 &&
    month >= 1 && month <= 12 &&
    day >= 1 && day <= daysInMonth(year, month)
  );
}

function toIso({ year, month, day }: Civil): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar date written `YYYY-MM-DD`, the only form dates take inside the system. */
export function isLocalDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  return m !== null && isValidCivil({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

function civil(date: string): Civil {
  const m = DATE_RE.exec(date);
  const c = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  if (!c || !isValidCivil(c)) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return c;
}

// Days since 1970-01-01 and back, on the proleptic Gregorian calendar
// (H. Hinnant's civil algorithms): date arithmetic with no Date object, so
// no time zone or DST can shift a day.
function toDays({ year, month, day }: Civil): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDays(days: number): Civil {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Moves a local date by `n` days (negative goes back), for "tomorrow" and mission windows. Throws on a malformed date. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`addDays needs whole days, got ${n}`);
  return toIso(fromDays(toDays(civil(date)) + n));
}

/** Signed number of days from `a` to `b` (`b - a`; 0 for the same day), for days elapsed and days left. */
export function daysBetween(a: string, b: string): number {
  return toDays(civil(b)) - toDays(civil(a));
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ...['januari', 'january', 'jan'].map((w) => [w, 1] as const),
  ...['februari', 'pebruari', 'february', 'feb', 'peb'].map((w) => [w, 2] as const),
  ...['maret', 'march', 'mar'].map((w) => [w, 3] as const),
  ...['april', 'apr'].map((w) => [w, 4] as const),
  ...['mei', 'may'].map((w) => [w, 5] as const),
  ...['juni', 'june', 'jun'].map((w) => [w, 6] as const),
  ...['juli', 'july', 'jul'].map((w) => [w, 7] as const),
  ...['agustus', 'august', 'agu', 'agt', 'agst', 'aug'].map((w) => [w, 8] as const),
  ...['september', 'sep', 'sept'].map((w) => [w, 9] as const),
  ...['oktober', 'october', 'okt', 'oct'].map((w) => [w, 10] as const),
  ...['november', 'nopember', 'nov', 'nop'].map((w) => [w, 11] as const),
  ...['desember', 'december', 'des', 'dec'].map((w) => [w, 12] as const),
]);

const RELATIVE: ReadonlyMap<string, number> = new Map([
  ['hari ini', 0],
  ['today', 0],
  ['sekarang', 0],
  ['besok', 1],
  ['tomorrow', 1],
  ['lusa', 2],
  ['kemarin', -1],
  ['yesterday', -1],
]);

const WEEKDAY_RE =
  /^(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b[,.]?\s*/;

function year4(text: string): number {
  // Two-digit years are this century's: "26/11/26" is 2026.
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/**
 * Reads a date as officials type it (`2026-11-26`, `26/11/2026`, `26-11`,
 * `26 Nov 2026`, `26 Nopember`, `Kamis, 26 November 2026`, `November 26,
 * 2026`, `hari ini`, `besok`, `lusa`, `kemarin`, English too) into
 * `YYYY-MM-DD`. A missing year is `today`'s year. Day-first, never
 * month-first, for numeric forms: Indonesia writes 26/11. Impossible dates
 * (31/02) are refused. Throws if `today` itself is malformed (a bug).
 */
export function parseLocalDate(input: string, today: string): Result<string, 'invalid_date'> {
  const now = civil(today);
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const relative = RELATIVE.get(text);
  if (relative !== undefined) return ok(addDays(today, relative));

  const found = (year: number, month: number, day: number): Result<string, 'invalid_date'> => {
    const c = { year, month, day };
    return isValidCivil(c) ? ok(toIso(c)) : err('invalid_date');
  };

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return found(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?$/.exec(text);
  if (m) return found(m[3] === undefined ? now.year : year4(m[3]), Number(m[2]), Number(m[1]));

  const words = text.replace(WEEKDAY_RE, '');
  m = /^(\d{1,2})[ -]?([a-z]+)\.?(?:[ ,-]+(\d{4}))?$/.exec(words);
  if (m) {
    const month = MONTHS.get(m[2] ?? '');
    if (month !== undefined) return found(m[3] === undefined ? now.year : Number(m[3]), month, Number(m[1]));
  }
  m = /^([a-z]+)\.? (\d{1,2})(?:,? (\d{4}))?$/.exec(words);
  if (m) {
    const month = MONTHS.get(m[1] ?? '');
    if (month !== undefined) return found(m[3] === undefined ? now.year : Number(m[3]), month, Number(m[2]));
  }
  return err('invalid_date');
}

/**
 * Reads a wall-clock time (`20:00`, `20.00`, `8`, `08`, `jam 8`,
 * `pukul 20.30`, `8 malam`, `4 sore`, `8pm`) into `HH:MM`, for digest and
 * reminder times. With a part of day (`pagi`, `siang`, `sore`, `malam`,
 * `am`, `pm`) the hour must be 1–12.
 */
export function parseLocalTime(input: string): Result<string, 'invalid_time'> {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^(?:jam|pukul|pkl\.?) ?/, '');
  const m = /^(\d{1,2})(?:[:.](\d{2}))? ?(pagi|siang|sore|malam|am|pm|a\.m\.|p\.m\.)?$/.exec(text);
  if (!m) return err('invalid_time');
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const period = m[3];
  if (minute > 59) return err('invalid_time');
  if (period !== undefined) {
    if (hour < 1 || hour > 12) return err('invalid_time');
    const twelve = hour === 12;
    switch (period) {
      case 'am':
      case 'a.m.':
      case 'pagi':
        hour = twelve ? 0 : hour;
        break;
      case 'siang':
        // "12 siang" is noon, "1 siang" 13:00, "11 siang" late morning.
        hour = hour <= 5 ? hour + 12 : hour;
        break;
      case 'malam':
        // "8 malam" is 20:00, "12 malam" midnight, "2 malam" the small hours (02:00).
        hour = twelve ? 0 : hour >= 6 ? hour + 12 : hour;
        break;
      default: // pm, p.m., sore
        hour = twelve ? 12 : hour + 12;
    }
  }
  if (hour > 23) return err('invalid_time');
  return ok(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
}

const SHORT_MONTHS = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** Shows a stored date in a message (`26 Nov 2026`, `3 Agu 2026` / `3 Aug 2026`); throws on a malformed date. */
export function formatDateId(date: string, lang: 'id' | 'en'): string {
  const { year, month, day } = civil(date);
  return `${day} ${SHORT_MONTHS[lang][month - 1] ?? ''} ${year}`;
}
