/**
 * The instants at which a local calendar day starts and ends in a time zone.
 * Reports are stored with UTC timestamps; "today" for a mission in WIT starts
 * at 15:00 UTC the day before, so sums per day need these bounds.
 */
export function localDayBounds(localDate: string, timeZone: string): { start: Date; end: Date } {
  return { start: localMidnight(localDate, timeZone), end: localMidnight(nextDate(localDate), timeZone) };
}

function localMidnight(localDate: string, timeZone: string): Date {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(year, month - 1, day);
  // Two rounds settle zones whose offset changes near midnight (DST elsewhere; Indonesia has none).
  let instant = naive - offsetMs(naive, timeZone);
  instant = naive - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** Offset of the zone from UTC at an instant, in milliseconds (WIB: +7 h). */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

function nextDate(localDate: string): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
