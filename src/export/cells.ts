/**
 * Turning domain values into spreadsheet cell values: the two places where a
 * spreadsheet differs from our data (numbers are doubles; dates have no zone).
 */

/**
 * A rupiah amount as a cell value. A spreadsheet number is an IEEE double,
 * exact for whole numbers only up to 2^53 − 1 (Rp9.007 T). One report is at
 * most Rp1.000 T (MAX_RUPIAH), but sums are not bounded; an amount beyond the
 * limit is written as its exact digits in a text cell instead of being
 * rounded, and counted, so the caption can say so. Nothing is dropped.
 */
export function amountCell(amount: bigint, overflow: { count: number }): number | string {
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  if (amount <= limit && amount >= -limit) return Number(amount);
  overflow.count += 1;
  return amount.toString();
}

// One formatter per zone, as in domain/time.ts: they are costly to build.
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the wall-clock time of a zone, for a date cell. Excel and
 * LibreOffice dates carry no zone: the cell shows the Date's UTC fields, so
 * 10:00 WIB (03:00 UTC) must be stored as 10:00 "UTC" to read 10:00.
 */
export function wallClock(instant: Date, timeZone: string): Date {
  // The zone's offset is looked up once per quarter hour of time and reused:
  // an export writes a million dates, and formatToParts per date was most of
  // its cost. Zones change offset on quarter-hour boundaries of UTC (every
  // offset in use since 1970 is a whole number of quarter hours).
  const time = instant.getTime();
  const bucket = Math.floor(time / QUARTER_HOUR_MS);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(bucket);
  if (offset === undefined) {
    offset = exactWallClock(new Date(bucket * QUARTER_HOUR_MS), timeZone).getTime() - bucket * QUARTER_HOUR_MS;
    if (zone.size >= 10_000) zone.clear();
    zone.set(bucket, offset);
  }
  return new Date(time + offset);
}

const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

function exactWallClock(instant: Date, timeZone: string): Date {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) p[part.type] = Number(part.value);
  return new Date(
    Date.UTC(p['year'] ?? 1970, (p['month'] ?? 1) - 1, p['day'] ?? 1, p['hour'] ?? 0, p['minute'] ?? 0, p['second'] ?? 0, instant.getUTCMilliseconds()),
  );
}

/** `YYYY-MM-DD HH:MM` in a zone, for the CSV, where a date is text that any tool can read. */
export function wallClockText(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).toISOString().slice(0, 16).replace('T', ' ');
}
