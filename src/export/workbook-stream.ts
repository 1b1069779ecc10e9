import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ExportHead, ExportReport, ReportPage } from '../domain/export.js';
import type { Lang } from '../domain/entities.js';
import { shownLength, wrappedLines } from './layout.js';
import { finishSheet, reportCells, reportsSheet, sheetContext, summarySheet, TAIL_SHEETS, VOIDED_FONT, type SheetContext } from './workbook.js';

/** One page of reports after `afterId`, in id order (at most `take` rows looked at): the export reads them as it writes. */
export type ReportReader = (afterId: number, take: number) => Promise<ReportPage>;

/** One workbook file written: its reports are those with ids `firstId`..`lastId`. */
export interface WrittenPart {
  path: string;
  bytes: number;
  rows: number;
  firstId: number | null;
  lastId: number | null;
}

export interface StreamedWorkbook {
  parts: WrittenPart[];
  /** Amounts written as text because a number cell could not hold them exactly. */
  textAmounts: number;
}

/** What both streamed files (the workbook and the CSV) are written from. */
export interface ExportStreamOptions {
  head: ExportHead;
  lang: Lang;
  generatedAt: Date;
  read: ReportReader;
  /** Where the part files go (a private temporary folder). */
  dir: string;
  /** No file may be larger (Telegram takes 50 MB from a bot): what is larger is split into parts below it. */
  maxFileBytes: number;
  /** Reports read per page. */
  pageSize: number;
  /** Reports written so far, for the progress message (a part written again counts its rows once). */
  onProgress: (rowsDone: number) => void;
}

export type WorkbookStreamOptions = ExportStreamOptions;

// How many rows are written between looks at the file's size and the write backlog.
const CHUNK_ROWS = 500;
// The compressor may fall this far behind the rows before the writer waits for it.
const MAX_BACKLOG_BYTES = 8 * 1024 * 1024;
// A part is closed at this share of the limit: the tail sheets and what the compressor holds come after.
const BUDGET_SHARE = 0.9;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A stream's queued bytes: exceljs and archiver use readable-stream 2, whose streams have no `writableLength`. */
interface QueuedStream {
  writableLength?: number;
  _writableState?: { length?: number };
  _readableState?: { length?: number };
}

export function queuedBytes(stream: QueuedStream): number {
  const writable = typeof stream.writableLength === 'number' ? stream.writableLength : (stream._writableState?.length ?? 0);
  return writable + (stream._readableState?.length ?? 0);
}

/**
 * Bytes written into the workbook but not yet in the file: exceljs's sheet
 * buffer, the zip entry's pending writes (archiver's PassThrough before the
 * deflater: both its write queue and its read side) and the file's own
 * queue. exceljs streams without backpressure, so the writer waits on these
 * itself, or a fast database would pile the rows up in memory ahead of the
 * compressor. The entry's stream is readable-stream 2, which has no
 * `writableLength`: counting only that, the whole sheet's XML waited in
 * memory (about 0.5 MB a thousand rows, without bound).
 */
export function backlog(sheet: ExcelJS.Worksheet, file: NodeJS.WritableStream & { writableLength: number }): number {
  const buffer = (sheet as unknown as { stream?: { buffers?: { length: number }[]; pipes?: QueuedStream[] } }).stream;
  let bytes = file.writableLength;
  for (const each of buffer?.buffers ?? []) bytes += each.length;
  for (const pipe of buffer?.pipes ?? []) bytes += queuedBytes(pipe);
  return bytes;
}

/**
 * Copies a sheet built in memory (a few thousand rows at most) into the
 * streaming workbook with its layout: column widths and styles, cell values
 * and styles, row heights, merged cells, frozen panes, filter, page setup
 * and footer. The sheet is committed: its rows are written out.
 */
function copySheet(book: ExcelJS.stream.xlsx.WorkbookWriter, source: ExcelJS.Worksheet): void {
  const sheet = book.addWorksheet(source.name, {
    views: source.views,
    pageSetup: source.pageSetup,
    headerFooter: source.headerFooter,
    properties: source.properties,
  });
  if (source.autoFilter) sheet.autoFilter = source.autoFilter;
  sheet.columns = source.columns.map((column) => ({ ...(column.width === undefined ? {} : { width: column.width }), style: column.style }));
  source.eachRow({ includeEmpty: true }, (row, number) => {
    const target = sheet.getRow(number);
    if (row.height) target.height = row.height;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const copy = target.getCell(column);
      copy.value = cell.value;
      copy.style = cell.style;
    });
  });
  for (const range of source.model.merges) sheet.mergeCells(range);
  sheet.commit();
}

/**
 * Long text in a report cell wraps within its column (the width was fixed
 * from the first page), and its row grows to the lines, as fitColumns does
 * for a sheet held in memory.
 */
function wrapLongCells(row: ExcelJS.Row, widths: readonly number[]): void {
  let lines = 1;
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (typeof cell.value !== 'string') return;
    const width = widths[column] ?? 32;
    if (shownLength(cell.value, undefined) <= width - 2) return;
    cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
    lines = Math.max(lines, wrappedLines(cell.value, width));
  });
  if (lines > 1) row.height = 15 * lines;
}

interface Templates {
  context: SheetContext;
  summary: ExcelJS.Worksheet;
  reports: ExcelJS.Worksheet;
  widths: number[];
  tail: ExcelJS.Worksheet[];
  overflow: { count: number };
}

/**
 * The small sheets, built once in memory and finished (widths, wrapping,
 * print setup), and the reports sheet's header with column widths fitted to
 * a sample of the reports (the first page): a streamed sheet's widths must
 * be known before its first row.
 */
function templates(options: WorkbookStreamOptions, sample: readonly ExportReport[]): Templates {
  const overflow = { count: 0 };
  const context = sheetContext(options.head, options.lang, options.generatedAt, overflow);
  const scratch = new ExcelJS.Workbook();
  const summary = summarySheet(scratch, context);
  const reports = reportsSheet(scratch, context);
  const sampleOverflow = { count: 0 };
  const sampleContext = { ...context, money: sheetContext(options.head, options.lang, options.generatedAt, sampleOverflow).money };
  for (const report of sample) reports.addRow(reportCells(report, sampleContext));
  const tail = TAIL_SHEETS.map((build) => build(scratch, context)).filter((sheet) => sheet !== undefined);
  for (const sheet of scratch.worksheets) finishSheet(sheet, context);
  const widths = reports.columns.map((column) => column.width ?? 10);
  widths.unshift(0); // column numbers start at 1
  // Only the header row stays: the sample rows are written again, in order, by the stream.
  reports.spliceRows(2, reports.rowCount - 1);
  return { context, summary, reports, widths, tail, overflow };
}

interface PartResult extends WrittenPart {
  /** The last report in the export's range was written. */
  complete: boolean;
}

/**
 * One workbook file: the summary, the reports after `afterId` (at most
 * `maxRows`, and no more once the file reaches `byteBudget`), then the
 * small sheets. Rows are committed as they are written: only the
 * compressor's window and one page of reports are held.
 */
async function writePart(
  options: WorkbookStreamOptions,
  tpl: Templates,
  path: string,
  afterId: number,
  limits: { maxRows: number; byteBudget: number },
  onRows: (rows: number) => void,
): Promise<PartResult> {
  const file = createWriteStream(path);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
  book.creator = 'misi-dagang-bot';
  book.created = options.generatedAt;
  book.modified = options.generatedAt;
  try {
    copySheet(book, tpl.summary);
    const source = tpl.reports;
    const sheet = book.addWorksheet(source.name, { views: source.views, pageSetup: source.pageSetup, headerFooter: source.headerFooter });
    if (source.autoFilter) sheet.autoFilter = source.autoFilter;
    sheet.columns = source.columns.map((column) => ({ ...(column.width === undefined ? {} : { width: column.width }), style: column.style }));
    const header = sheet.getRow(1);
    const sourceHeader = source.getRow(1);
    if (sourceHeader.height) header.height = sourceHeader.height;
    sourceHeader.eachCell((cell, column) => {
      const copy = header.getCell(column);
      copy.value = cell.value;
      copy.style = cell.style;
    });
    header.commit();

    const { head } = options;
    let rows = 0;
    let cursor = afterId;
    let firstId: number | null = null;
    let lastId: number | null = null;
    let full = false;
    while (!full && rows < limits.maxRows && cursor < head.maxReportId) {
      const { reports: page, cursor: next } = await options.read(cursor, Math.min(options.pageSize, limits.maxRows - rows));
      for (const [index, report] of page.entries()) {
        const row = sheet.addRow(reportCells(report, tpl.context));
        if (report.voidedAt !== null) row.font = VOIDED_FONT;
        wrapLongCells(row, tpl.widths);
        row.commit();
        firstId ??= report.id;
        lastId = report.id;
        cursor = report.id;
        rows += 1;
        // A look every CHUNK_ROWS rows and at the end of each page (small pages: a small file limit is met closely).
        if (rows % CHUNK_ROWS === 0 || index === page.length - 1) {
          onRows(rows);
          await new Promise((resolve) => setImmediate(resolve));
          for (let waited = 0; backlog(sheet, file) > MAX_BACKLOG_BYTES && waited < 30_000; waited += 5) await sleep(5);
          if (file.bytesWritten >= limits.byteBudget) {
            full = true;
            break;
          }
        }
      }
      // The whole page written: go on after its last row looked at (another mission's, maybe).
      if (!full) cursor = next;
    }
    onRows(rows);
    sheet.commit();
    for (const each of tpl.tail) copySheet(book, each);
    await book.commit();
    return { path, bytes: file.bytesWritten, rows, firstId, lastId, complete: cursor >= head.maxReportId };
  } finally {
    if (!file.closed) file.destroy();
  }
}

/**
 * The /ekspor workbook streamed to files: reports read page by page and
 * written row by row, so memory stays flat at any number of reports. When
 * the workbook would pass `maxFileBytes` (Telegram takes 50 MB from a bot)
 * it is split by report ranges: every part has the summary, the exhibitors
 * and the products, and its own run of reports. A part that came out over
 * the limit anyway (the size is known only as the compressor catches up) is
 * written again with fewer reports.
 */
export async function streamWorkbook(options: WorkbookStreamOptions): Promise<StreamedWorkbook> {
  const { reports: sample } = await options.read(options.head.startAfterId, options.pageSize);
  const tpl = templates(options, sample);
  const parts: WrittenPart[] = [];
  let afterId = options.head.startAfterId;
  let before = 0;
  for (;;) {
    let maxRows = Number.POSITIVE_INFINITY;
    let part: PartResult;
    for (;;) {
      const overflowBefore = tpl.overflow.count;
      part = await writePart(options, tpl, join(options.dir, `workbook-${parts.length + 1}.xlsx`), afterId, { maxRows, byteBudget: options.maxFileBytes * BUDGET_SHARE }, (rows) =>
        options.onProgress(before + rows),
      );
      if (part.bytes <= options.maxFileBytes || part.rows <= 1) break;
      tpl.overflow.count = overflowBefore;
      maxRows = Math.max(1, Math.floor(part.rows * (options.maxFileBytes / part.bytes) * 0.9));
    }
    parts.push(part);
    before += part.rows;
    if (part.complete || part.lastId === null) break;
    afterId = part.lastId;
  }
  return { parts, textAmounts: tpl.overflow.count };
}
