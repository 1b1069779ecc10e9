import type { Mission } from './entities.js';
import { localDate, localTime } from './time.js';

/**
 * The daily "you have not reported today" reminder: which exhibitors are due
 * at an instant. Pure; the job reads the candidates and enqueues the result.
 */

export type ReminderMission = Pick<Mission, 'id' | 'status' | 'timeZone' | 'reminderTime' | 'startDate' | 'endDate'>;

/** One exhibitor of the mission, with what decides whether they get a reminder today. */
export interface ReminderCandidate {
  userId: bigint;
  exhibitorId: number;
  /** The owner pressed "stop these reminders" (or /pengingat off). */
  remindersOff: boolean;
  /** At least one live report of the exhibitor today (the mission's local day). */
  reportedToday: boolean;
  /** False when Telegram said the owner blocked the bot (the chat is inactive). */
  reachable: boolean;
}

export interface DueReminder {
  userId: bigint;
  exhibitorId: number;
  localDate: string;
  dedupeKey: string;
}

/**
 * The local day on which the mission's reminder is due at `now`, or
 * undefined: the mission is active, has a reminder hour, today is one of its
 * days, and the hour has come. Later minutes of the same day are still due
 * (the process may have been down at the hour); the dedupe key keeps it to
 * once per exhibitor and day.
 */
export function reminderDay(mission: ReminderMission, now: Date): string | undefined {
  if (mission.status !== 'ACTIVE' || mission.reminderTime === null) return undefined;
  const today = localDate(now, mission.timeZone);
  if (today < mission.startDate || today > mission.endDate) return undefined;
  if (localTime(now, mission.timeZone) < mission.reminderTime) return undefined;
  return today;
}

/** Same key, same reminder: the outbox refuses a second one for the exhibitor that day. */
export function reminderDedupeKey(missionId: number, userId: bigint, day: string): string {
  return `reminder:${missionId}:${userId}:${day}`;
}

/** Who gets a reminder now: owners who did not report today, did not turn reminders off, and can be reached. */
export function remindersDue(mission: ReminderMission, candidates: readonly ReminderCandidate[], now: Date): DueReminder[] {
  const day = reminderDay(mission, now);
  if (day === undefined) return [];
  const seen = new Set<bigint>();
  const due: DueReminder[] = [];
  for (const candidate of candidates) {
    if (candidate.remindersOff || candidate.reportedToday || !candidate.reachable) continue;
    // One business per owner and mission, but be safe: one message per person.
    if (seen.has(candidate.userId)) continue;
    seen.add(candidate.userId);
    due.push({ userId: candidate.userId, exhibitorId: candidate.exhibitorId, localDate: day, dedupeKey: reminderDedupeKey(mission.id, candidate.userId, day) });
  }
  return due;
}
