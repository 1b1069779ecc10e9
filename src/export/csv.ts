import type { ExportData, ExportReport } from '../domain/export.js';
import type { Lang } from '../domain/entities.js';
import { catalogue, type Catalogue } from '../i18n/index.js';
import { wallClockText } from './cells.js';
import { reportHeaders, reportRow } from './report-rows.js';

/**
 * The CSV dialect of /ekspor, chosen for the officials' Excel:
 * - `;` between fields: Excel with Indonesian regional settings (decimal
 *   comma) splits CSV on `;` and would put a `,`-separated file in one column.
 *   A `sep=;` first line would force it everywhere, but then Excel ignores
 *   the BOM and garbles every non-ASCII name, so it is not used.
 * - UTF-8 with a byte order mark, or Excel reads it as the ANSI code page.
 * - CRLF line ends and RFC 4180 quoting (`"` doubled inside quoted fields).
 * - Amounts as plain digits (`1500000`), exact from the bigint, no grouping,
 *   so no tool can mistake a thousands dot for a decimal one; times as
 *   `YYYY-MM-DD HH:MM` in the mission's zone.
 */
export const CSV_SEPARATOR = ';';
/** Excel reads a CSV as UTF-8 only with it. */
export const BOM = '\uFEFF';

/**
 * Text a user typed that starts like a formula (`=`, `+`, `-`, `@`, tab, CR)
 * would run as one when the CSV is opened in a spreadsheet ("CSV injection");
 * a leading apostrophe keeps it text. Only user text gets this: our own
 * numbers never start that way.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field, quoted when it holds a separator, a quote, a line break or outer spaces. */
export function field(value: string): string {
  return /[";\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV's first line (after the BOM): the column names. */
export function csvHeader(t: Catalogue, timeZone: string): string {
  return reportHeaders(t, timeZone).map(field).join(CSV_SEPARATOR);
}

/** One report as a CSV line (no line end). */
export function csvLine(report: ExportReport, t: Catalogue, timeZone: string): string {
  const text = (value: string | null): string => field(neutralizeFormula(value ?? ''));
  const row = reportRow(report, t);
  return [
    String(row.id),
    wallClockText(row.createdAt, timeZone),
    text(row.kind),
    text(row.direction),
    text(row.exhibitor),
    text(row.category),
    text(row.province),
    text(row.product),
    row.quantity === null ? '' : String(row.quantity),
    text(row.unit),
    text(row.buyer),
    text(row.buyerOrigin),
    row.amount.toString(),
    text(row.verified),
    text(row.status),
    text(row.voidReason),
  ].join(CSV_SEPARATOR);
}

/** The reports of the export as a CSV file held in memory, in the dialect above (the bot streams it: export-files.ts). */
export function buildReportsCsv(data: ExportData, lang: Lang): Buffer {
  const t = catalogue(lang);
  const zone = data.mission.timeZone;
  const lines = [csvHeader(t, zone), ...data.reports.map((report) => csvLine(report, t, zone))];
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
