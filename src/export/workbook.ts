import ExcelJS from 'exceljs';
import { summarizeReports, type ExportData, type SummaryRow } from '../domain/export.js';
import { formatDateId } from '../domain/time.js';
import type { Lang } from '../domain/entities.js';
import { catalogue } from '../i18n/index.js';
import { amountCell, wallClock } from './cells.js';
import { categoryLabel, provinceLabel, reportHeaders, reportRow, zoneLabel } from './report-rows.js';

// Excel shows "Rp1.500.000" with Indonesian regional settings and
// "Rp1,500,000" with English ones: the separators come from the reader's
// locale, the value stays a number either way.
const RUPIAH_FORMAT = '"Rp"#,##0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
const VOIDED_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9CA3AF' }, strike: true };

export interface BuiltWorkbook {
  buffer: Buffer;
  /** Amounts written as text because a number cell could not hold them exactly. */
  textAmounts: number;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
}

/** A sheet whose first row is a frozen, filterable header. */
function tableSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, index) => ({ header, width: widths[index] ?? 14 }));
  styleHeader(sheet.getRow(1));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return sheet;
}

/**
 * The /ekspor workbook: sheets of reports (voided ones included and marked),
 * exhibitors, products and a summary by category, province and day. Numbers
 * are number cells, times are date cells showing the mission's wall clock,
 * so the officials can sum, filter and pivot in Excel or LibreOffice.
 */
export async function buildWorkbook(data: ExportData, lang: Lang, generatedAt: Date): Promise<BuiltWorkbook> {
  const t = catalogue(lang);
  const e = t.exports;
  const zone = data.mission.timeZone;
  const overflow = { count: 0 };
  const money = (amount: bigint) => amountCell(amount, overflow);
  const summary = summarizeReports(data.reports, zone);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'misi-dagang-bot';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;

  // Reports.
  const reports = tableSheet(workbook, e.sheets.reports, reportHeaders(t, zone), [10, 17, 16, 8, 28, 14, 18, 24, 9, 9, 22, 16, 16, 12, 12, 24]);
  reports.getColumn(2).numFmt = e.dateTimeFormat;
  reports.getColumn(13).numFmt = RUPIAH_FORMAT;
  for (const report of data.reports) {
    const r = reportRow(report, t);
    const row = reports.addRow([
      r.id, wallClock(r.createdAt, zone), r.kind, r.direction, r.exhibitor, r.category, r.province, r.product,
      r.quantity, r.unit, r.buyer, r.buyerOrigin, money(r.amount), r.verified, r.status, r.voidReason,
    ]);
    if (report.voidedAt !== null) row.font = VOIDED_FONT;
  }

  // Exhibitors.
  const ec = e.exhibitorColumns;
  const exhibitors = tableSheet(
    workbook,
    e.sheets.exhibitors,
    [ec.id, ec.name, ec.category, ec.province, ec.city, ec.phone, ec.booth, ec.verified, ec.registered(zoneLabel(zone)), ec.reports, ec.total],
    [12, 30, 14, 18, 16, 16, 10, 12, 17, 12, 16],
  );
  exhibitors.getColumn(9).numFmt = e.dateTimeFormat;
  exhibitors.getColumn(11).numFmt = RUPIAH_FORMAT;
  for (const exhibitor of data.exhibitors) {
    const own = summary.byExhibitor.get(exhibitor.id) ?? { reports: 0, total: 0n };
    exhibitors.addRow([
      exhibitor.id, exhibitor.name, categoryLabel(exhibitor.category, t), provinceLabel(exhibitor.province), exhibitor.city,
      // Text, not a number: a phone number's leading zero matters.
      exhibitor.phone, exhibitor.booth, exhibitor.verified ? e.yes : e.no, wallClock(exhibitor.registeredAt, zone), own.reports, money(own.total),
    ]);
  }

  // Products.
  const pc = e.productColumns;
  const products = tableSheet(
    workbook,
    e.sheets.products,
    [pc.id, pc.exhibitor, pc.name, pc.category, pc.price, pc.unit, pc.minOrder, pc.active, pc.description],
    [11, 28, 28, 14, 16, 10, 12, 9, 40],
  );
  products.getColumn(5).numFmt = RUPIAH_FORMAT;
  for (const product of data.products) {
    products.addRow([
      product.id, product.exhibitorName, product.name, categoryLabel(product.category, t), money(product.price), product.unit,
      product.minOrder, product.active ? e.yes : e.no, product.description,
    ]);
  }

  // Summary.
  const s = e.summary;
  const sheet = workbook.addWorksheet(e.sheets.summary);
  sheet.columns = [{ width: 30 }, { width: 18 }, { width: 12 }, { width: 18 }, { width: 22 }, { width: 26 }, { width: 18 }];
  const liveTotal = summary.byCategory.reduce((sum, row) => sum + row.total, 0n);
  const liveCount = summary.byCategory.reduce((sum, row) => sum + row.reports, 0);
  const mission = data.mission;
  const facts: [string, ExcelJS.CellValue, string?][] = [
    [s.mission, mission.name],
    [s.route, `${provinceLabel(mission.originProvince)} → ${provinceLabel(mission.hostProvince)}`],
    [s.city, mission.city],
    [s.dates, `${formatDateId(mission.startDate, lang)} – ${formatDateId(mission.endDate, lang)}`],
    [s.timeZone, `${zoneLabel(zone)} (${zone})`],
    [s.target, money(mission.targetAmount), RUPIAH_FORMAT],
    [s.total, money(liveTotal), RUPIAH_FORMAT],
    // A share, formatted by the sheet; basis points in integer arithmetic first.
    [s.percent, mission.targetAmount > 0n ? Number((liveTotal * 10_000n) / mission.targetAmount) / 10_000 : null, '0.0%'],
    [s.reports, liveCount],
    [s.voided, summary.voidedCount],
    [s.generated(zoneLabel(zone)), wallClock(generatedAt, zone), e.dateTimeFormat],
  ];
  for (const [label, value, format] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (format) row.getCell(2).numFmt = format;
    row.getCell(2).alignment = { horizontal: 'left' };
  }

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

  const written = await workbook.xlsx.writeBuffer();
  return { buffer: Buffer.from(written as ArrayBuffer), textAmounts: overflow.count };
}
