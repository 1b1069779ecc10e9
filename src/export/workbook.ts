import ExcelJS from 'exceljs';
import type { ExportData, ExportHead, ExportReport, SummaryRow } from '../domain/export.js';
import { formatPhone } from '../domain/phone.js';
import { formatDateId } from '../domain/time.js';
import type { Lang } from '../domain/entities.js';
import { catalogue, type Catalogue } from '../i18n/index.js';
import { amountCell, wallClock } from './cells.js';
import { fitColumns, printSetup } from './layout.js';
import { addMeetingSummary, addMeetingsSheet } from './meetings-sheet.js';
import { categoryLabel, provinceLabel, reportHeaders, reportRow, zoneLabel } from './report-rows.js';

// Excel shows "Rp1.500.000" with Indonesian regional settings and
// "Rp1,500,000" with English ones: the separators come from the reader's
// locale, the value stays a number either way.
export const RUPIAH_FORMAT = '"Rp"#,##0';
const PERCENT_FORMAT = '0.0%';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
export const VOIDED_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9CA3AF' }, strike: true };

export interface BuiltWorkbook {
  buffer: Buffer;
  /** Amounts written as text because a number cell could not hold them exactly. */
  textAmounts: number;
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'bottom' };
  });
}

/** A sheet whose first row is a frozen, filterable header; `frozenColumns` stay in view when scrolling right. */
export function tableSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], frozenColumns = 0): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: frozenColumns }] });
  sheet.columns = headers.map((header) => ({ header }));
  styleHeader(sheet.getRow(1));
  // Numbers in the first column (the report or exhibitor number) read as labels, next to the name after them.
  sheet.getColumn(1).alignment = { horizontal: 'left' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return sheet;
}

/** What every sheet of the workbook is built from: all but the reports, which may be too many to hold. */
export interface SheetContext {
  head: Pick<ExportHead, 'mission' | 'summary' | 'exhibitors' | 'products' | 'meetings'>;
  lang: Lang;
  t: Catalogue;
  zone: string;
  generatedAt: Date;
  /** A rupiah amount as a cell (amounts beyond a double's exact range become text, counted). */
  money: (amount: bigint) => number | string;
}

/** Adds one sheet of a few thousand rows at most to a workbook held in memory (the streaming export copies it out). */
export type SheetBuilder = (workbook: ExcelJS.Workbook, context: SheetContext) => ExcelJS.Worksheet;
/** A sheet after the reports; undefined when the mission has nothing for it. */
export type TailSheetBuilder = (workbook: ExcelJS.Workbook, context: SheetContext) => ExcelJS.Worksheet | undefined;

export function sheetContext(head: SheetContext['head'], lang: Lang, generatedAt: Date, overflow: { count: number }): SheetContext {
  return { head, lang, t: catalogue(lang), zone: head.mission.timeZone, generatedAt, money: (amount) => amountCell(amount, overflow) };
}

/** The summary: the mission's headline figures on top, then sums by category, province and day (from the running totals). */
export const summarySheet: SheetBuilder = (workbook, { head, lang, t, zone, generatedAt, money }) => {
  const e = t.exports;
  const summary = head.summary;
  const mission = head.mission;
  const s = e.summary;
  const sheet = workbook.addWorksheet(e.sheets.summary, { views: [{ state: 'frozen', ySplit: 1 }] });
  const live = summary.overall;
  const SUMMARY_COLUMNS = 6;
  type Fact = [string, ExcelJS.CellValue, string?];
  // The figures down the left; where and when beside them, so the whole summary fits on the first page.
  const figures: Fact[] = [
    [s.total, money(live.total), RUPIAH_FORMAT],
    [s.target, money(mission.targetAmount), RUPIAH_FORMAT],
    // A share, formatted by the sheet; basis points in integer arithmetic first.
    [s.percent, mission.targetAmount > 0n ? Number((live.total * 10_000n) / mission.targetAmount) / 10_000 : null, PERCENT_FORMAT],
    [s.realised, money(live.realised), RUPIAH_FORMAT],
    [s.committed, money(live.committed), RUPIAH_FORMAT],
    [s.investment, money(live.investment), RUPIAH_FORMAT],
    [s.sell, money(summary.sell), RUPIAH_FORMAT],
    [s.buy, money(summary.buy), RUPIAH_FORMAT],
    [s.reports, live.reports],
    [s.voided, summary.voidedCount],
  ];
  const context: Fact[] = [
    [s.route, `${provinceLabel(mission.originProvince)} → ${provinceLabel(mission.hostProvince)}`],
    [s.city, mission.city],
    [s.dates, `${formatDateId(mission.startDate, lang)} – ${formatDateId(mission.endDate, lang)}`],
    [s.timeZone, `${zoneLabel(zone)} (${zone})`],
    [s.generated(zoneLabel(zone)), wallClock(generatedAt, zone), e.dateTimeFormat],
  ];
  const put = (row: ExcelJS.Row, column: number, [label, value, format]: Fact, span: number) => {
    row.getCell(column).value = label;
    row.getCell(column).font = { bold: true };
    const cell = row.getCell(column + 1);
    cell.value = value;
    if (format) cell.numFmt = format;
    cell.alignment = { horizontal: format && span === 1 ? 'right' : 'left' };
    // Spanning cells do not widen one column of the tables below.
    if (span > 1) sheet.mergeCells(row.number, column + 1, row.number, column + span);
  };
  const title = sheet.addRow([]);
  put(title, 1, [s.mission, mission.name], SUMMARY_COLUMNS - 1);
  figures.forEach((fact, index) => {
    const row = sheet.addRow([]);
    put(row, 1, fact, 1);
    const beside = context[index];
    if (beside) put(row, 4, beside, 2);
  });
  const headline = sheet.getRow(1);
  headline.font = { bold: true, size: 13 };
  headline.getCell(2).alignment = { horizontal: 'left' };
  for (const row of [2, 4]) sheet.getRow(row).getCell(2).font = { bold: true };
  // Business matching, on the first page too: only a mission with a matching session has it.
  if (head.meetings) addMeetingSummary(sheet, head.meetings.figures, { t, money });

  const c = s.columns;
  const section = (title: string, keyHeader: string, rows: SummaryRow[], key: (row: SummaryRow) => ExcelJS.CellValue, keyFormat?: string) => {
    sheet.addRow([]);
    sheet.addRow([title]).font = { bold: true, size: 12 };
    styleHeader(sheet.addRow([keyHeader, c.reports, c.total, c.realised, c.committed, c.investment]));
    if (rows.length === 0) {
      sheet.addRow([s.none]).font = { italic: true };
      return;
    }
    const sum = { reports: 0, total: 0n, realised: 0n, committed: 0n, investment: 0n };
    for (const r of rows) {
      const row = sheet.addRow([key(r), r.reports, money(r.total), money(r.realised), money(r.committed), money(r.investment)]);
      if (keyFormat) row.getCell(1).numFmt = keyFormat;
      row.getCell(1).alignment = { horizontal: 'left' };
      for (const col of [3, 4, 5, 6]) row.getCell(col).numFmt = RUPIAH_FORMAT;
      sum.reports += r.reports;
      sum.total += r.total;
      sum.realised += r.realised;
      sum.committed += r.committed;
      sum.investment += r.investment;
    }
    const total = sheet.addRow([s.sum, sum.reports, money(sum.total), money(sum.realised), money(sum.committed), money(sum.investment)]);
    total.font = { bold: true };
    for (const col of [3, 4, 5, 6]) total.getCell(col).numFmt = RUPIAH_FORMAT;
  };
  section(s.byCategory, c.category, summary.byCategory, (row) => categoryLabel(row.key, t));
  section(s.byProvince, c.province, summary.byProvince, (row) => provinceLabel(row.key));
  // A local date as a date cell at midnight "UTC", which the sheet shows as that day.
  section(s.byDay, c.day, summary.byDay, (row) => new Date(`${row.key}T00:00:00Z`), e.dateFormat);

  return sheet;
};

/** The reports sheet's header row: frozen with the report number column, filterable. */
export function reportsSheet(workbook: ExcelJS.Workbook, { t, zone }: SheetContext): ExcelJS.Worksheet {
  const e = t.exports;
  const reports = tableSheet(workbook, e.sheets.reports, reportHeaders(t, zone), 1);
  reports.getColumn(2).numFmt = e.dateTimeFormat;
  reports.getColumn(13).numFmt = RUPIAH_FORMAT;
  return reports;
}

/** One report as the cells of its row, in the order of the header. */
export function reportCells(report: ExportReport, { t, zone, money }: SheetContext): ExcelJS.CellValue[] {
  const r = reportRow(report, t);
  return [
    r.id, wallClock(r.createdAt, zone), r.kind, r.direction, r.exhibitor, r.category, r.province, r.product,
    r.quantity, r.unit, r.buyer, r.buyerOrigin, money(r.amount), r.verified, r.status, r.voidReason,
  ];
}

/** The exhibitors with their live report count and total. */
export const exhibitorsSheet: SheetBuilder = (workbook, { head, t, zone, money }) => {
  const e = t.exports;
  const summary = head.summary;
  const ec = e.exhibitorColumns;
  const exhibitors = tableSheet(workbook, e.sheets.exhibitors, [
    ec.id, ec.name, ec.category, ec.province, ec.city, ec.phone, ec.booth, ec.verified, ec.registered(zoneLabel(zone)), ec.reports, ec.total,
  ]);
  exhibitors.getColumn(9).numFmt = e.dateTimeFormat;
  exhibitors.getColumn(11).numFmt = RUPIAH_FORMAT;
  for (const exhibitor of head.exhibitors) {
    const own = summary.byExhibitor.get(exhibitor.id) ?? { reports: 0, total: 0n };
    exhibitors.addRow([
      exhibitor.id, exhibitor.name, categoryLabel(exhibitor.category, t), provinceLabel(exhibitor.province), exhibitor.city,
      // Text, grouped for reading (+62 812-3456-7890), never a number.
      exhibitor.phone === null ? null : formatPhone(exhibitor.phone), exhibitor.booth, exhibitor.verified ? e.yes : e.no, wallClock(exhibitor.registeredAt, zone), own.reports, money(own.total),
    ]);
  }

  return exhibitors;
};

/** The exhibitors' listings. */
export const productsSheet: SheetBuilder = (workbook, { head, t, money }) => {
  const e = t.exports;
  const pc = e.productColumns;
  const products = tableSheet(workbook, e.sheets.products, [pc.id, pc.exhibitor, pc.name, pc.category, pc.price, pc.unit, pc.minOrder, pc.active, pc.description]);
  products.getColumn(5).numFmt = RUPIAH_FORMAT;
  for (const product of head.products) {
    products.addRow([
      product.id, product.exhibitorName, product.name, categoryLabel(product.category, t), money(product.price), product.unit,
      product.minOrder, product.active ? e.yes : e.no, product.description,
    ]);
  }

  return products;
};

/** Business meetings (src/export/meetings-sheet.ts): only a mission with a matching session has the sheet. */
export const meetingsSheet: TailSheetBuilder = (workbook, { head, t, zone, money }) =>
  head.meetings ? addMeetingsSheet(workbook, head.meetings.rows, { t, timeZone: zone, missionName: head.mission.name, money }) : undefined;

/**
 * The sheets after the reports, in order: small ones, built in memory and
 * copied into the streaming workbook. Another small sheet is one more
 * builder here.
 */
export const TAIL_SHEETS: readonly TailSheetBuilder[] = [exhibitorsSheet, productsSheet, meetingsSheet];

/** Column widths, wrapping and print layout of a finished sheet held in memory. */
export function finishSheet(sheet: ExcelJS.Worksheet, { head, t }: SheetContext): void {
  fitColumns(sheet);
  printSetup(sheet, { left: `${head.mission.name} · ${sheet.name}`, page: t.exports.page });
}

/**
 * The /ekspor workbook held in memory: the summary first, then sheets of
 * reports (voided ones included and marked), exhibitors and products.
 * Numbers are number cells, times are date cells showing the mission's wall
 * clock, so the officials can sum, filter and pivot in Excel or LibreOffice;
 * every sheet is sized to its content and prints on A4 landscape, one page
 * wide. The bot streams the same sheets (workbook-stream.ts); this one is
 * for small data (the layout checks) and the benchmark's baseline.
 */
export async function buildWorkbook(data: ExportData, lang: Lang, generatedAt: Date): Promise<BuiltWorkbook> {
  const overflow = { count: 0 };
  const context = sheetContext(data, lang, generatedAt, overflow);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'misi-dagang-bot';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  summarySheet(workbook, context);
  const reports = reportsSheet(workbook, context);
  for (const report of data.reports) {
    const row = reports.addRow(reportCells(report, context));
    if (report.voidedAt !== null) row.font = VOIDED_FONT;
  }
  for (const build of TAIL_SHEETS) build(workbook, context);
  for (const each of workbook.worksheets) finishSheet(each, context);
  const written = await workbook.xlsx.writeBuffer();
  return { buffer: Buffer.from(written as ArrayBuffer), textAmounts: overflow.count };
}
