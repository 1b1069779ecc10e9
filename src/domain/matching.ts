import { localDayBounds } from './day-bounds.js';
import { err, ok, type Result } from './result.js';
import { addDays, daysBetween, localDate, localTime, parseLocalDate, parseLocalTime } from './time.js';

/**
 * Business matching (temu bisnis): sessions of fixed slots at a number of
 * tables, and one-to-one meetings booked into them. Pure: slots, free
 * slots, the session spec officials type, the calendar file.
 */

/** PROPOSED: the exhibitor proposed another slot (the meeting now holds it); the buyer confirms or declines. */
export type MeetingStatusName = 'REQUESTED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'HELD' | 'NO_SHOW' | 'PROPOSED';
export type MeetingOutcomeName = 'NOT_INTERESTED' | 'FOLLOW_UP' | 'DEAL';

/** Statuses that hold their slot: the exhibitor, the buyer and the table are taken. */
export const LIVE_STATUSES: readonly MeetingStatusName[] = ['REQUESTED', 'PROPOSED', 'ACCEPTED', 'HELD', 'NO_SHOW'];

export interface SessionSpec {
  days: string[];
  startTime: string;
  endTime: string;
  slotMinutes: number;
  tableCount: number;
}

export interface MatchingSessionRecord extends SessionSpec {
  id: number;
  missionId: number;
}

export const SLOT_MINUTES = { min: 10, max: 120 } as const;
export const MAX_TABLES = 200;
const MAX_DAYS = 14;

export type SessionSpecError = 'format' | 'bad_day' | 'outside_mission' | 'bad_time' | 'end_before_start' | 'slot_length' | 'tables' | 'no_slot';

/**
 * Reads `/misi temu <days> <HH:MM-HH:MM> <minutes> <tables>`, e.g.
 * `26/11-27/11 09:00-12:00 20 10` or `hari ini 13.00-16.00 30 5`. Days
 * are one date or a range `from-to` (any date form parseLocalDate reads,
 * without spaces in a range), inside the mission's dates.
 */
export function parseSessionSpec(text: string, mission: { startDate: string; endDate: string }, today: string): Result<SessionSpec, SessionSpecError> {
  const m = /^(.+?)\s+(\d{1,2}[:.]\d{2})\s*-\s*(\d{1,2}[:.]\d{2})\s+(\d{1,3})\s+(\d{1,3})$/.exec(text.trim().replace(/\s+/g, ' '));
  if (!m) return err('format');
  const [, dayText = '', fromText = '', toText = '', minutesText = '', tablesText = ''] = m;
  const range = /^([^\s]+)-([^\s]+)$/.exec(dayText);
  const parts = range && !/^\d{4}-\d{2}-\d{2}$/.test(dayText) ? [range[1] ?? '', range[2] ?? ''] : [dayText];
  const parsed = parts.map((part) => parseLocalDate(part, today));
  if (parsed.some((day) => !day.ok)) return err('bad_day');
  const [first, last = first] = parsed.map((day) => (day.ok ? day.value : ''));
  if (first === undefined || last === undefined || daysBetween(first, last) < 0 || daysBetween(first, last) >= MAX_DAYS) return err('bad_day');
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  if (days.some((day) => day < mission.startDate || day > mission.endDate)) return err('outside_mission');
  const from = parseLocalTime(fromText);
  const to = parseLocalTime(toText);
  if (!from.ok || !to.ok) return err('bad_time');
  if (to.value <= from.value) return err('end_before_start');
  const slotMinutes = Number(minutesText);
  if (slotMinutes < SLOT_MINUTES.min || slotMinutes > SLOT_MINUTES.max) return err('slot_length');
  const tableCount = Number(tablesText);
  if (tableCount < 1 || tableCount > MAX_TABLES) return err('tables');
  const spec = { days, startTime: from.value, endTime: to.value, slotMinutes, tableCount };
  if (slotTimes(spec).length === 0) return err('no_slot');
  return ok(spec);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The local start times of a day's slots; a slot that would run past the end is left out. */
export function slotTimes(spec: Pick<SessionSpec, 'startTime' | 'endTime' | 'slotMinutes'>): string[] {
  const times: string[] = [];
  for (let at = minutesOf(spec.startTime); at + spec.slotMinutes <= minutesOf(spec.endTime); at += spec.slotMinutes) times.push(timeOf(at));
  return times;
}

/** The instant a local day's `HH:MM` is, in the mission's zone (Indonesia has no daylight saving). */
export function slotInstant(day: string, time: string, timeZone: string): Date {
  return new Date(localDayBounds(day, timeZone).start.getTime() + minutesOf(time) * 60_000);
}

/** A slot and the parties already holding it. */
export interface SlotClaims {
  slotStart: Date;
  parties: ReadonlySet<string>;
}

export const exhibitorParty = (exhibitorId: number) => `x${exhibitorId}`;
export const buyerParty = (buyerId: bigint) => `b${buyerId}`;
export const tableParty = (table: number) => `t${table}`;

export interface FreeSlot {
  slotStart: Date;
  time: string;
  /** The lowest free table: what a booking of this slot tries first. */
  table: number;
}

/**
 * The slots of `day` where the exhibitor, the buyer and at least one table
 * are free, not yet begun at `now`. `claims` are the taken parties by slot start (ms).
 */
export function freeSlots(
  spec: SessionSpec,
  day: string,
  timeZone: string,
  who: { exhibitorId: number; buyerId: bigint },
  claims: ReadonlyMap<number, ReadonlySet<string>>,
  now: Date,
): FreeSlot[] {
  if (!spec.days.includes(day)) return [];
  const free: FreeSlot[] = [];
  for (const time of slotTimes(spec)) {
    const slotStart = slotInstant(day, time, timeZone);
    if (slotStart.getTime() <= now.getTime()) continue;
    const taken = claims.get(slotStart.getTime()) ?? new Set<string>();
    if (taken.has(exhibitorParty(who.exhibitorId)) || taken.has(buyerParty(who.buyerId))) continue;
    const table = freeTable(spec.tableCount, taken);
    if (table !== undefined) free.push({ slotStart, time, table });
  }
  return free;
}

export function freeTable(tableCount: number, taken: ReadonlySet<string>): number | undefined {
  for (let table = 1; table <= tableCount; table++) if (!taken.has(tableParty(table))) return table;
  return undefined;
}

/** The session days from today on: a buyer books nothing in the past. */
export function upcomingDays(spec: Pick<SessionSpec, 'days'>, now: Date, timeZone: string): string[] {
  const today = localDate(now, timeZone);
  return spec.days.filter((day) => day >= today);
}

export const MEETING_NOTE = { min: 3, max: 300 } as const;

export function validateMeetingNote(text: string): Result<string, 'too_short' | 'too_long'> {
  const note = text.replace(/\s+/g, ' ').trim();
  if (note.length < MEETING_NOTE.min) return err('too_short');
  if (note.length > MEETING_NOTE.max) return err('too_long');
  return ok(note);
}

/** Who may do what to a meeting in a state. */
export function canAnswer(status: MeetingStatusName): boolean {
  return status === 'REQUESTED';
}

/** Statuses either side may still cancel (before the slot begins). */
export const CANCELLABLE_STATUSES: readonly MeetingStatusName[] = ['REQUESTED', 'PROPOSED', 'ACCEPTED'];

export function canCancel(status: MeetingStatusName, slotStart: Date, now: Date): boolean {
  return CANCELLABLE_STATUSES.includes(status) && slotStart.getTime() > now.getTime();
}

/** Whether the buyer still has to confirm or decline an exhibitor's proposed slot. */
export function canConfirmProposal(status: MeetingStatusName): boolean {
  return status === 'PROPOSED';
}

/** One day of the slots an exhibitor can propose. */
export interface ProposalDay {
  day: string;
  slots: FreeSlot[];
}

/**
 * The slots an exhibitor can propose instead of the one a buyer asked for:
 * per session day from today on, the slots not yet begun where the
 * exhibitor, the buyer and a table are all free, the requested slot itself
 * left out. Days without a free slot are left out. `claims` are the taken
 * parties by slot start (ms) over those days.
 */
export function proposalDays(
  spec: SessionSpec,
  timeZone: string,
  who: { exhibitorId: number; buyerId: bigint; slotStart: Date },
  claims: ReadonlyMap<number, ReadonlySet<string>>,
  now: Date,
): ProposalDay[] {
  return upcomingDays(spec, now, timeZone)
    .map((day) => ({ day, slots: freeSlots(spec, day, timeZone, who, claims, now).filter((slot) => slot.slotStart.getTime() !== who.slotStart.getTime()) }))
    .filter((day) => day.slots.length > 0);
}

/**
 * The local day of `slotStart` when it is the start of one of the session's
 * slots (a slot button carries only the instant); undefined for any other
 * instant, as a forged or outdated button would carry.
 */
export function sessionSlotDay(spec: SessionSpec, slotStart: Date, timeZone: string): string | undefined {
  const day = localDate(slotStart, timeZone);
  if (!spec.days.includes(day)) return undefined;
  return slotTimes(spec).some((time) => slotInstant(day, time, timeZone).getTime() === slotStart.getTime()) ? day : undefined;
}

/** Minutes before the slot at which both sides are reminded. */
export const REMINDER_MINUTES = 15;

/** The outbox key of an accepted meeting's reminder to one side (b: buyer, x: exhibitor), so a cancellation can take it back. */
export function meetingReminderKey(meetingId: number, side: 'b' | 'x'): string {
  return `meet:${meetingId}:remind:${side}`;
}

export function meetingReminderKeys(meetingIds: readonly number[]): string[] {
  return meetingIds.flatMap((id) => [meetingReminderKey(id, 'b'), meetingReminderKey(id, 'x')]);
}

/** Accepted meetings whose reminder is due at `now`: starting within the next 15 minutes, not begun. */
export function reminderDue(slotStart: Date, now: Date): boolean {
  const until = slotStart.getTime() - now.getTime();
  return until > 0 && until <= REMINDER_MINUTES * 60_000;
}

/** The local wall clock of a slot, `09:20`. */
export function slotTime(slotStart: Date, timeZone: string): string {
  return localTime(slotStart, timeZone);
}

export interface CalendarEvent {
  uid: string;
  start: Date;
  minutes: number;
  summary: string;
  location: string;
  description: string;
  stamp: Date;
}

const icsDate = (instant: Date) => instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** RFC 5545 text: backslash, semicolon, comma and line breaks escaped. */
const icsText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets, as RFC 5545 requires (continuation lines start with a space). */
const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

function fold(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    if (octets(current + char) > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A one-event iCalendar file (UTC times), which phones' calendars import. */
export function meetingIcs(event: CalendarEvent): string {
  const end = new Date(event.start.getTime() + event.minutes * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//misi-dagang-bot//temu bisnis//ID',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsDate(event.stamp)}`,
    `DTSTART:${icsDate(event.start)}`,
    `DTEND:${icsDate(end)}`,
    `SUMMARY:${icsText(event.summary)}`,
    `LOCATION:${icsText(event.location)}`,
    `DESCRIPTION:${icsText(event.description)}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:-PT${REMINDER_MINUTES}M`,
    `DESCRIPTION:${icsText(event.summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** Exhibitors whose name contains every word of the query, case and accents ignored (`/temu keripik`). */
export function matchExhibitorNames<T extends { name: string }>(exhibitors: readonly T[], query: string, fold: (text: string) => string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return exhibitors.filter((exhibitor) => {
    const name = fold(exhibitor.name);
    return words.every((word) => name.includes(word));
  });
}

/** What business matching has produced so far: for /progres, the digest and the live board. */
export interface MeetingFigures {
  /** Meetings that were agreed: accepted, held or missed (a request not yet answered is not booked). */
  booked: number;
  held: number;
  /** Meetings whose outcome is a deal. */
  deals: number;
  /** Sum of the live (not voided) reports the deals became, in whole rupiah. */
  dealAmount: bigint;
}

const BOOKED_STATUSES: readonly MeetingStatusName[] = ['ACCEPTED', 'HELD', 'NO_SHOW'];

/**
 * The figures from meeting counts grouped by status and outcome, and the
 * amounts of the live reports linked from deals (each report once).
 */
export function meetingFigures(
  groups: readonly { status: MeetingStatusName; outcome: MeetingOutcomeName | null; count: number }[],
  dealAmounts: readonly bigint[],
): MeetingFigures {
  const figures: MeetingFigures = { booked: 0, held: 0, deals: 0, dealAmount: 0n };
  for (const group of groups) {
    if (!BOOKED_STATUSES.includes(group.status)) continue;
    figures.booked += group.count;
    if (group.status !== 'HELD') continue;
    figures.held += group.count;
    // A deal is a meeting that took place: an official's no-show mark outweighs a side's answer.
    if (group.outcome === 'DEAL') figures.deals += group.count;
  }
  for (const amount of dealAmounts) figures.dealAmount += amount;
  return figures;
}

/** One meeting as the export's meetings sheet lists it; names joined in. */
export interface ExportMeeting {
  id: number;
  slotStart: Date;
  /** Local date (YYYY-MM-DD) of the slot in the mission's zone. */
  day: string;
  tableNo: number;
  exhibitorName: string;
  buyerName: string;
  status: MeetingStatusName;
  outcome: MeetingOutcomeName | null;
  note: string | null;
  /** The report a deal became, if any. */
  saleReportId: number | null;
  /** That report's amount while it is live; null when there is none or it was voided. */
  reportAmount: bigint | null;
}

/** The meetings part of /ekspor: the summary figures and a row per meeting, oldest slot first. */
export interface ExportMeetings {
  figures: MeetingFigures;
  rows: ExportMeeting[];
}
