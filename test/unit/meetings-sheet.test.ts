import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportMeeting } from '../../src/domain/matching.js';
import { amountCell } from '../../src/export/cells.js';
import { shownLength } from '../../src/export/layout.js';
import { addMeetingSummary, addMeetingsSheet } from '../../src/export/meetings-sheet.js';
import { catalogue } from '../../src/i18n/index.js';

const ZONE = 'Asia/Makassar'; // WITA, UTC+8

const MEETINGS: ExportMeeting[] = [
  {
    id: 3, slotStart: new Date('2026-11-26T01:00:00Z'), day: '2026-11-26', tableNo: 1, exhibitorName: 'Keripik Tempe Bu Sri', buyerName: 'Andi',
    status: 'HELD', outcome: 'DEAL', note: 'Kontrak 2 ton per bulan untuk jaringan toko oleh-oleh di Denpasar dan sekitarnya', saleReportId: 41, reportAmount: 1_250_000_000n,
  },
  { id: 4, slotStart: new Date('2026-11-26T01:20:00Z'), day: '2026-11-26', tableNo: 2, exhibitorName: 'Kopi', buyerName: 'Budi', status: 'CANCELLED', outcome: null, note: null, saleReportId: null, reportAmount: null },
  // A deal whose report was voided: named, no amount.
  { id: 5, slotStart: new Date('2026-11-27T06:40:00Z'), day: '2026-11-27', tableNo: 1, exhibitorName: 'Kopi', buyerName: 'Citra', status: 'HELD', outcome: 'DEAL', note: 'x', saleReportId: 42, reportAmount: null },
];

const EXPECTED_ROWS = [
  [3, new Date('2026-11-26T00:00:00Z'), '09:00', 1, 'Keripik Tempe Bu Sri', 'Andi', 'Terlaksana', 'Deal', 41, 1_250_000_000, MEETINGS[0]!.note],
  [4, new Date('2026-11-26T00:00:00Z'), '09:20', 2, 'Kopi', 'Budi', 'Dibatalkan', null, null, null, null],
  [5, new Date('2026-11-27T00:00:00Z'), '14:40', 1, 'Kopi', 'Citra', 'Terlaksana', 'Deal', 42, null, 'x'],
];

function values(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: 11 }, (_, i) => row.getCell(i + 1).value ?? null)));
  return rows;
}

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The meetings sheet and a summary section, written to an in-memory workbook or streamed, then read back. */
async function written(streaming: boolean): Promise<ExcelJS.Workbook> {
  const t = catalogue('id');
  const overflow = { count: 0 };
  const options = { t, timeZone: ZONE, missionName: 'Misi Dagang Jatim – Bali', money: (amount: bigint) => amountCell(amount, overflow) };
  const figures = { booked: 2, held: 2, deals: 2, dealAmount: 1_250_000_000n };
  if (!streaming) {
    const workbook = new ExcelJS.Workbook();
    addMeetingSummary(workbook.addWorksheet('Ringkasan'), figures, options);
    addMeetingsSheet(workbook, MEETINGS, options);
    return readBack(Buffer.from(await workbook.xlsx.writeBuffer()));
  }
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true });
  const summary = workbook.addWorksheet('Ringkasan');
  addMeetingSummary(summary, figures, options);
  summary.commit();
  // A generator: the rows may come from a cursor.
  addMeetingsSheet(workbook, (function* () { yield* MEETINGS; })(), options).commit();
  await workbook.commit();
  return readBack(Buffer.concat(chunks));
}

describe.each([false, true])('the meetings sheet (streaming: %s)', (streaming) => {
  it('has a header and a row per meeting: the day a date cell, the time on the mission clock, the live amount only', async () => {
    const workbook = await written(streaming);
    const sheet = workbook.getWorksheet('Temu bisnis')!;
    const rows = values(sheet);
    expect(rows[0]).toEqual(['No. temu', 'Tanggal', 'Jam (WITA)', 'Meja', 'Peserta', 'Pembeli', 'Status', 'Hasil', 'No. laporan', 'Nilai laporan (Rp)', 'Catatan pembeli']);
    expect(rows.slice(1)).toEqual(EXPECTED_ROWS);
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(2).getCell(10).numFmt).toBe('"Rp"#,##0');
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('prints like the other sheets and fits its columns to the content', async () => {
    const sheet = (await written(streaming)).getWorksheet('Temu bisnis')!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.headerFooter.oddFooter).toContain('Misi Dagang Jatim – Bali · Temu bisnis');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // A number or date wider than its column would show as ###.
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      row.eachCell((cell, column) => {
        if (typeof cell.value === 'number' || cell.value instanceof Date) expect(sheet.getColumn(column).width ?? 0).toBeGreaterThanOrEqual(shownLength(cell.value, cell.numFmt));
      });
    });
  });

  it('puts the meeting totals on the summary', async () => {
    const sheet = (await written(streaming)).getWorksheet('Ringkasan')!;
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row) => rows.push([row.getCell(1).value ?? null, row.getCell(2).value ?? null]));
    expect(rows).toEqual([
      ['Temu bisnis', null],
      ['Temu terjadwal', 2],
      ['Temu terlaksana', 2],
      ['Berakhir deal', 2],
      ['Nilai laporan dari temu (Rp)', 1_250_000_000],
    ]);
  });
});
