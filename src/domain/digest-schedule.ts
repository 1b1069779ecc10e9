import { localDate, localTime } from './time.js';

/** What decides whether a chat's daily digest is due: the mission's calendar and zone, and the chat's local time. */
export interface DigestScheduleInput {
  /** IANA zone of the mission (WIB/WITA/WIT). */
  timeZone: string;
  /** Local `YYYY-MM-DD`, both ends included. */
  startDate: string;
  endDate: string;
  /** The subscription's local `HH:MM`. */
  localTime: string;
}

/** Due or not, and the local day the answer is about (the day a claim would be for). */
export type DigestDue =
  | { due: true; localDate: string }
  | { due: false; localDate: string; reason: 'before_time' | 'outside_mission' };

/**
 * Whether a subscribed chat should get today's digest at `now`: the mission
 * runs today (local) and the local time of day has reached the
 * subscription's time. Checked every minute, so "reached" rather than
 * "equal": a minute missed while the process was down (or busy) is caught
 * up later the same local day; yesterday's is never sent today, because the
 * day is always today's. Whether today's was already sent is the caller's
 * claim in the database (DigestRun), not a rule here.
 */
export function digestDue(input: DigestScheduleInput, now: Date): DigestDue {
  const today = localDate(now, input.timeZone);
  if (today < input.startDate || today > input.endDate) return { due: false, localDate: today, reason: 'outside_mission' };
  // HH:MM strings compare correctly as text.
  if (localTime(now, input.timeZone) < input.localTime) return { due: false, localDate: today, reason: 'before_time' };
  return { due: true, localDate: today };
}

/** The dedupe key of a chat's daily digest: the outbox refuses a second message with it. */
export function digestDedupeKey(missionId: number, chatId: bigint, date: string): string {
  return `digest:${missionId}:${chatId}:${date}`;
}

/** The dedupe key of one milestone alert to one chat. */
export function milestoneDedupeKey(missionId: number, percent: number, chatId: bigint): string {
  return `milestone:${missionId}:${percent}:${chatId}`;
}
