/**
 * The instants at which a local calendar day starts and ends in a time zone.
 * Reports are stored with UTC timestamps; "today" for a mission in WIT starts
 * at 15:00 UTC the day before, so sums per day need these bounds.
 */
export function localDayBounds(localDate: string, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(localDate, timeZone), end: startOfLocalDay(nextDate(localDate), timeZone) };
}

const MINUTE = 60_000;
// No zone is more than 14 hours from UTC, so the day starts within this window around UTC midnight.
const WINDOW = 15 * 60 * MINUTE;

/**
 * The first instant whose local date is `localDate`. Usually local midnight;
 * where a DST change skips midnight (America/Santiago) it is the first minute
 * that exists. Found by bisection on whole minutes: local dates only grow
 * with time, and every zone offset is a whole number of minutes.
 */
function startOfLocalDay(localDate: string, timeZone: string): Date {
  const naive = Date.parse(`${localDate}T00:00:00Z`);
  const format = dateFormat(timeZone);
  let low = (naive - WINDOW) / MINUTE; // local date before localDate
  let high = (naive + WINDOW) / MINUTE; // local date at or after localDate
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (format.format(new Date(mid * MINUTE)) >= localDate) high = mid;
    else low = mid;
  }
  return new Date(high * MINUTE);
}

// Intl formatters are costly to build; one per zone. en-CA formats as YYYY-MM-DD.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

function nextDate(localDate: string): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
