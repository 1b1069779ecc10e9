import type ExcelJS from 'exceljs';
import type { ExportMeeting, MeetingFigures } from '../domain/matching.js';
import { localTime } from '../domain/time.js';
import type { Catalogue } from '../i18n/index.js';
import { MAX_WIDTH, printSetup, shownLength } from './layout.js';
import { zoneLabel } from './report-rows.js';

/**
 * The business matching part of /ekspor: a "Temu bisnis" sheet with a row
 * per meeting, and the meeting totals on the summary sheet. Written only
 * through what exceljs's Worksheet and the streaming WorkbookWriter's sheet
 * have in common (`columns` set before the first row, `addRow`, the row's
 * `commit`, page setup given to addWorksheet), so the same code serves a
 * workbook built in memory and one streamed to a file: no row is read back,
 * the column widths are computed from the rows before they are written.
 */

const RUPIAH_FORMAT = '"Rp"#,##0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
const MIN_WIDTH = 6;

/** What the sheet needs of a worksheet: a Worksheet and the streaming writer's sheet both have it. */
export type SheetTarget = Pick<ExcelJS.Worksheet, 'addRow'> & { columns: Partial<ExcelJS.Column>[] | unknown };
/** What the sheet needs of a workbook: ExcelJS.Workbook and stream.xlsx.WorkbookWriter. */
export type WorkbookTarget = Pick<ExcelJS.Workbook, 'addWorksheet'>;

export interface MeetingsSheetOptions {
  t: Catalogue;
  timeZone: string;
  missionName: string;
  /** The workbook's amount cell: a number, or exact text past Excel's integer limit (counted by the caller). */
  money: (amount: bigint) => ExcelJS.CellValue;
}

/** Row objects commit in the streaming writer; on an in-memory sheet `commit` does nothing. */
function commit(row: ExcelJS.Row): void {
  row.commit?.();
}

/** The header and the cells of every meeting, in column order, before any is written. */
function table(rows: Iterable<ExportMeeting>, options: MeetingsSheetOptions): { headers: string[]; cells: ExcelJS.CellValue[][] } {
  const { t, timeZone, money } = options;
  const c = t.exports.meetingColumns;
  const headers = [c.id, c.day, c.time(zoneLabel(timeZone)), c.table, c.exhibitor, c.buyer, c.status, c.outcome, c.report, c.amount, c.note];
  const cells: ExcelJS.CellValue[][] = [];
  for (const meeting of rows) {
    cells.push([
      meeting.id,
      // A local date as a date cell at midnight "UTC", which the sheet shows as that day.
      new Date(`${meeting.day}T00:00:00Z`),
      localTime(meeting.slotStart, timeZone),
      meeting.tableNo,
      meeting.exhibitorName,
      meeting.buyerName,
      t.exports.meetingStatus[meeting.status],
      meeting.outcome === null ? null : t.exports.meetingOutcome[meeting.outcome],
      meeting.saleReportId,
      // Only a live report's amount: a voided one is marked on the reports sheet and counts for nothing here.
      meeting.reportAmount === null ? null : money(meeting.reportAmount),
      meeting.note,
    ]);
  }
  return { headers, cells };
}

const DATE_COLUMN = 2;
const AMOUNT_COLUMN = 10;

/**
 * Writes the meetings sheet's header and rows into `sheet`: one row per
 * meeting, oldest slot first, the day a date cell, the time the mission's
 * wall clock. Sets the column widths first (from the rows), as a streamed
 * sheet needs; the caller commits the sheet.
 */
export function writeMeetingsSheet(sheet: SheetTarget, rows: Iterable<ExportMeeting>, options: MeetingsSheetOptions): void {
  const e = options.t.exports;
  const { headers, cells } = table(rows, options);
  const formats = (column: number): string | undefined => (column === DATE_COLUMN ? e.dateFormat : column === AMOUNT_COLUMN ? RUPIAH_FORMAT : undefined);
  // A header wraps, so only its longest word counts; a long note wraps at the maximum width.
  const widths = headers.map((header) => Math.max(...header.split(/\s+/).map((word) => [...word].length)) * 1.05);
  for (const row of cells) row.forEach((value, index) => (widths[index] = Math.max(widths[index] ?? 0, shownLength(value, formats(index + 1)))));
  sheet.columns = widths.map((width) => ({ width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(width) + 2)) }));

  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'bottom' };
  });
  commit(header);
  for (const values of cells) {
    const row = sheet.addRow(values);
    row.getCell(1).alignment = { horizontal: 'left' };
    row.getCell(DATE_COLUMN).numFmt = e.dateFormat;
    row.getCell(AMOUNT_COLUMN).numFmt = RUPIAH_FORMAT;
    row.getCell(headers.length).alignment = { wrapText: true, vertical: 'top' };
    commit(row);
  }
}

/**
 * Adds the meetings sheet to a workbook (in memory or streaming): header
 * frozen and filterable, A4 landscape one page wide, like the other sheets.
 */
export function addMeetingsSheet(workbook: WorkbookTarget, rows: Iterable<ExportMeeting>, options: MeetingsSheetOptions): ExcelJS.Worksheet {
  const columns = 11;
  const name = options.t.exports.sheets.meetings;
  // The page setup goes in with the sheet: the streaming writer writes "fit to page" as it creates the sheet.
  const print = { pageSetup: {}, headerFooter: {} } as Pick<ExcelJS.Worksheet, 'pageSetup' | 'headerFooter'>;
  printSetup(print as ExcelJS.Worksheet, { left: `${options.missionName} · ${name}`, page: options.t.exports.page });
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
    pageSetup: print.pageSetup,
    headerFooter: print.headerFooter,
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
  writeMeetingsSheet(sheet, rows, options);
  return sheet;
}

/**
 * The meeting totals as a section of the summary sheet, under the rows
 * already written: booked, held, ending in a deal, and the amount of the
 * live reports the deals became (the same figures as /progres). Commits
 * nothing: the summary's own code may still style the rows above.
 */
export function addMeetingSummary(sheet: SheetTarget, figures: MeetingFigures, options: Pick<MeetingsSheetOptions, 't' | 'money'>): void {
  const m = options.t.exports.meetingSummary;
  sheet.addRow([]);
  sheet.addRow([m.title]).font = { bold: true, size: 12 };
  const facts: [string, ExcelJS.CellValue, string?][] = [
    [m.booked, figures.booked],
    [m.held, figures.held],
    [m.deals, figures.deals],
    [m.amount, options.money(figures.dealAmount), RUPIAH_FORMAT],
  ];
  for (const [label, value, format] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    const cell = row.getCell(2);
    if (format) cell.numFmt = format;
    cell.alignment = { horizontal: 'right' };
  }
}
