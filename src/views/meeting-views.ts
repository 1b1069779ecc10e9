import type { MeetingRecord } from '../db/repositories/matching.js';
import type { Lang } from '../domain/entities.js';
import { slotTime } from '../domain/matching.js';
import { formatDateId } from '../domain/time.js';
import type { MeetingView } from '../i18n/messages/matching.js';
import { zoneLabel } from './admin-presenters.js';

/** A meeting as the catalogue words it: day and slot in the mission's zone. */
export function meetingView(m: MeetingRecord, timeZone: string, lang: Lang): MeetingView {
  const end = new Date(m.slotStart.getTime() + m.slotMinutes * 60_000);
  return {
    id: m.id,
    day: formatDateId(m.day, lang),
    time: `${slotTime(m.slotStart, timeZone)}–${slotTime(end, timeZone)} ${zoneLabel(timeZone)}`,
    table: m.tableNo,
    exhibitor: m.exhibitorName,
    booth: m.exhibitorBooth,
    buyer: m.buyerName,
    note: m.note,
    status: m.status,
  };
}
