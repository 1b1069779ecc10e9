import { err, ok, type Result } from './result.js';
import { addDays } from './time.js';
import { CANCELLABLE_STATUSES, MAX_TABLES, SLOT_MINUTES, slotTime, slotTimes, type MeetingStatusName, type SessionSpec, type SessionSpecError } from './matching.js';

/**
 * Editing and deleting a matching session, and the officials' marks after a
 * slot (held, no-show). Pure: which booked meetings a new shape of the
 * session leaves out, the spec carried in a button, who may be marked.
 */

/**
 * Meetings an edit may cancel: booked and still ahead (requested, proposed
 * another time, accepted: those either side may cancel). A meeting that is
 * declined, cancelled, held or missed is history; one whose slot has begun
 * is left to the officials' marks, whatever the new hours say.
 */
export const EDITABLE_STATUSES: readonly MeetingStatusName[] = CANCELLABLE_STATUSES;

/** Why a booked meeting no longer fits: its day is gone, its time is outside the hours or off the slot grid, or its table is gone. */
export type MisfitReason = 'day' | 'hours' | 'grid' | 'table';

export interface BookedMeeting {
  id: number;
  status: MeetingStatusName;
  /** Local date of the slot. */
  day: string;
  slotStart: Date;
  tableNo: number;
}

export interface Misfit {
  id: number;
  reason: MisfitReason;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Why a meeting at local `day` `time` at `table` does not fit `spec`, or undefined when it does. */
export function misfitReason(spec: SessionSpec, day: string, time: string, table: number): MisfitReason | undefined {
  if (!spec.days.includes(day)) return 'day';
  const at = minutesOf(time);
  const start = minutesOf(spec.startTime);
  if (at < start || at + spec.slotMinutes > minutesOf(spec.endTime)) return 'hours';
  if ((at - start) % spec.slotMinutes !== 0) return 'grid';
  if (table > spec.tableCount) return 'table';
  return undefined;
}

/**
 * The live meetings, not yet begun at `now`, that the session's new shape
 * leaves out, each with its reason. The others keep their slot, table and
 * claims untouched (a slot that stays on the grid keeps its start instant).
 */
export function meetingsNoLongerFitting(spec: SessionSpec, meetings: readonly BookedMeeting[], timeZone: string, now: Date): Misfit[] {
  const out: Misfit[] = [];
  for (const meeting of meetings) {
    if (!EDITABLE_STATUSES.includes(meeting.status) || meeting.slotStart.getTime() <= now.getTime()) continue;
    const reason = misfitReason(spec, meeting.day, slotTime(meeting.slotStart, timeZone), meeting.tableNo);
    if (reason) out.push({ id: meeting.id, reason });
  }
  return out;
}

/** Deleting a session cancels every live meeting not yet begun. */
export function meetingsOfDeletedSession(meetings: readonly BookedMeeting[], now: Date): number[] {
  return meetings.filter((m) => EDITABLE_STATUSES.includes(m.status) && m.slotStart.getTime() > now.getTime()).map((m) => m.id);
}

/** True when the spec is the session as it is: an edit that changes nothing. */
export function sameSpec(a: SessionSpec, b: SessionSpec): boolean {
  return a.days.join(',') === b.days.join(',') && a.startTime === b.startTime && a.endTime === b.endTime && a.slotMinutes === b.slotMinutes && a.tableCount === b.tableCount;
}

/**
 * A spec in callback data (`20261126_2_0900_1200_20_10`: first day, number
 * of days, hours, slot minutes, tables), so the Confirm button carries the
 * edit itself and survives a restart. Days are always a range (parseSessionSpec).
 */
export function encodeSpec(spec: SessionSpec): string {
  const first = spec.days[0] ?? '';
  return [first.replace(/-/g, ''), spec.days.length, spec.startTime.replace(':', ''), spec.endTime.replace(':', ''), spec.slotMinutes, spec.tableCount].join('_');
}

/** Reads encodeSpec's form back and checks it again against the mission's dates (a forged or stale button). */
export function decodeSpec(code: string, mission: { startDate: string; endDate: string }): Result<SessionSpec, SessionSpecError> {
  const m = /^(\d{4})(\d{2})(\d{2})_(\d{1,2})_(\d{2})(\d{2})_(\d{2})(\d{2})_(\d{1,3})_(\d{1,3})$/.exec(code);
  if (!m) return err('format');
  const [, y, mo, d, count, h1, m1, h2, m2, minutes, tables] = m;
  const first = `${y}-${mo}-${d}`;
  const dayCount = Number(count);
  if (dayCount < 1 || dayCount > 14 || Number.isNaN(new Date(`${first}T00:00:00Z`).getTime()) || new Date(`${first}T00:00:00Z`).toISOString().slice(0, 10) !== first) return err('bad_day');
  const days = Array.from({ length: dayCount }, (_, i) => addDays(first, i));
  if (days.some((day) => day < mission.startDate || day > mission.endDate)) return err('outside_mission');
  if (Number(h1) > 23 || Number(m1) > 59 || Number(h2) > 23 || Number(m2) > 59) return err('bad_time');
  const startTime = `${h1}:${m1}`;
  const endTime = `${h2}:${m2}`;
  if (endTime <= startTime) return err('end_before_start');
  const slotMinutes = Number(minutes);
  if (slotMinutes < SLOT_MINUTES.min || slotMinutes > SLOT_MINUTES.max) return err('slot_length');
  const tableCount = Number(tables);
  if (tableCount < 1 || tableCount > MAX_TABLES) return err('tables');
  const spec = { days, startTime, endTime, slotMinutes, tableCount };
  if (slotTimes(spec).length === 0) return err('no_slot');
  return ok(spec);
}

/** What an official may mark a meeting after its slot began: held or no-show. */
export type AttendanceMark = 'HELD' | 'NO_SHOW';

/**
 * An agreed meeting whose slot has begun can be marked, and the mark
 * corrected (no-show → held and back). A request never answered was never
 * agreed, so there is nothing to attend.
 */
export function canMarkAttendance(status: MeetingStatusName, slotStart: Date, now: Date): boolean {
  return (status === 'ACCEPTED' || status === 'HELD' || status === 'NO_SHOW') && slotStart.getTime() <= now.getTime();
}

/**
 * A short key of a set of meeting ids, carried by the Confirm button: when
 * the meetings an edit would cancel are no longer the ones the official saw
 * (a booking or a cancellation in between), the preview is shown again.
 */
export function meetingSetKey(ids: readonly number[]): string {
  let hash = 0x811c9dc5;
  for (const id of [...ids].sort((a, b) => a - b)) {
    for (const char of `${id},`) {
      hash ^= char.charCodeAt(0);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return `${ids.length}x${hash.toString(36)}`;
}
