import type { Mission, MissionStatus } from './entities.js';
import { err, ok, type Result } from './result.js';
import { daysBetween, parseLocalTime } from './time.js';

/**
 * Rules of managing missions after they are created: which fields an
 * official may edit, how an edited date range or reminder hour is checked,
 * and the order missions are listed in. Pure; the bot asks, this decides.
 */

/** The fields of the active mission an official may change with /misi → edit. */
export const MISSION_FIELDS = ['name', 'city', 'startDate', 'endDate', 'timeZone', 'digestTime', 'reminderTime', 'registrationOpen'] as const;
export type MissionField = (typeof MISSION_FIELDS)[number];

/** A change to some editable fields; the repository writes it with before/after in the audit log. */
export type MissionPatch = Partial<Pick<Mission, MissionField>>;

/** Narrows a field name from callback data to an editable field. */
export function isMissionField(value: string): value is MissionField {
  return (MISSION_FIELDS as readonly string[]).includes(value);
}

/** Length bounds of the free-text fields, shared by the creating wizard and the edit. */
export const MISSION_NAME_LENGTH = { min: 3, max: 100 } as const;
export const MISSION_CITY_LENGTH = { min: 2, max: 60 } as const;

/** A trade mission is a few days; longer is a typo in a date. */
export const MAX_MISSION_DAYS = 60;

export type DateRangeError = 'end_before_start' | 'too_long';

/** Checks a start/end pair (local `YYYY-MM-DD`): the end not before the start, at most {@link MAX_MISSION_DAYS} days. */
export function checkMissionDates(startDate: string, endDate: string): Result<{ startDate: string; endDate: string }, DateRangeError> {
  if (endDate < startDate) return err('end_before_start');
  if (daysBetween(startDate, endDate) + 1 > MAX_MISSION_DAYS) return err('too_long');
  return ok({ startDate, endDate });
}

// Words that switch a daily reminder off, in both languages.
const OFF_WORDS = new Set(['off', 'mati', 'matikan', 'nonaktif', 'tidak', 'tidak ada', 'tanpa', 'none', 'no', '-']);
const ON_WORDS = new Set(['on', 'nyala', 'nyalakan', 'hidup', 'hidupkan', 'aktif', 'aktifkan', 'ya', 'yes']);

/** Reads a reminder hour (`18:00`, `jam 6 sore`) or a word that switches it off (`mati`, `off`) into `HH:MM` or null. */
export function parseReminderSetting(input: string): Result<string | null, 'invalid_time'> {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (OFF_WORDS.has(text)) return ok(null);
  return parseLocalTime(text);
}

/** `on`/`nyala` → true, `off`/`mati` → false, anything else undefined: for /pengingat on|off. */
export function parseOnOff(input: string): boolean | undefined {
  const text = input.trim().toLowerCase();
  if (ON_WORDS.has(text)) return true;
  if (OFF_WORDS.has(text)) return false;
  return undefined;
}

// Open/closed registration as officials type it.
const OPEN_WORDS = new Set(['buka', 'dibuka', 'terbuka', 'open', 'ya', 'yes', 'on']);
const CLOSED_WORDS = new Set(['tutup', 'ditutup', 'tertutup', 'closed', 'close', 'tidak', 'no', 'off']);

/** `buka`/`open` → true, `tutup`/`closed` → false, anything else undefined. */
export function parseRegistrationOpen(input: string): boolean | undefined {
  const text = input.trim().toLowerCase();
  if (OPEN_WORDS.has(text)) return true;
  if (CLOSED_WORDS.has(text)) return false;
  return undefined;
}

const STATUS_ORDER: Readonly<Record<MissionStatus, number>> = { ACTIVE: 0, DRAFT: 1, CLOSED: 2 };

/**
 * Missions in the order an official wants to read them: the active one
 * first, then the newest by start date (drafts before closed ones on the
 * same date), newest id last as a tie-break.
 */
export function sortMissionsForList<T extends Pick<Mission, 'id' | 'status' | 'startDate'>>(missions: readonly T[]): T[] {
  return [...missions].sort((a, b) => {
    const active = Number(b.status === 'ACTIVE') - Number(a.status === 'ACTIVE');
    if (active !== 0) return active;
    if (a.startDate !== b.startDate) return a.startDate < b.startDate ? 1 : -1;
    const status = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    if (status !== 0) return status;
    return b.id - a.id;
  });
}

/** Only the fields whose value differs from the mission's: what an edit really changes, for the audit log. */
export function changedFields(mission: Pick<Mission, MissionField>, patch: MissionPatch): MissionPatch {
  const changed: Record<string, unknown> = {};
  for (const field of MISSION_FIELDS) {
    if (field in patch && patch[field] !== undefined && patch[field] !== mission[field]) changed[field] = patch[field];
  }
  return changed as MissionPatch;
}
