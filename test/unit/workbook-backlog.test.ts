/**
 * The streamed workbook's backpressure: exceljs hands a sheet's XML to
 * archiver's entry stream (readable-stream 2, no `writableLength`) without
 * waiting for the compressor. The writer's look at the backlog must see the
 * bytes queued there, or it never waits and the whole sheet piles up in
 * memory (issue 8: 0.5 MB a thousand rows, without bound).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { backlog, queuedBytes } from '../../src/export/workbook-stream.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

describe('streamed workbook backlog', () => {
  it('counts the bytes queued in a readable-stream 2 stream, which has no writableLength', () => {
    expect(queuedBytes({ _writableState: { length: 300 }, _readableState: { length: 40 } })).toBe(340);
    expect(queuedBytes({ writableLength: 7, _readableState: { length: 3 } })).toBe(10);
    expect(queuedBytes({})).toBe(0);
  });

  it("sees the sheet's rows queued ahead of the compressor, and falls as it catches up", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'misi-backlog-'));
    dirs.push(dir);
    const file = createWriteStream(join(dir, 'book.xlsx'));
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
    const sheet = book.addWorksheet('Laporan');
    sheet.addRow(['id', 'teks']).commit();
    // Archiver takes the entry's stream once it comes to it.
    const pipes = () => (sheet as unknown as { stream: { pipes: unknown[] } }).stream.pipes.length;
    for (let i = 0; i < 200 && pipes() === 0; i++) await turn();
    expect(pipes()).toBeGreaterThan(0);

    // 5,000 rows of about 150 bytes of XML each, written with no turn of the event loop: none reached the file.
    const text = 'catatan pertemuan yang agak panjang '.repeat(3);
    for (let i = 0; i < 5_000; i++) sheet.addRow([i + 2, `${text}${i}`]).commit();
    expect(backlog(sheet, file)).toBeGreaterThan(500_000);

    // The compressor catches up when given turns: what the writer waits for.
    for (let i = 0; i < 2_000 && backlog(sheet, file) > 256 * 1024; i++) await turn();
    expect(backlog(sheet, file)).toBeLessThanOrEqual(256 * 1024);
    sheet.commit();
    await book.commit();
    await finished(file).catch(() => undefined);

    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(join(dir, 'book.xlsx'));
    const rows = read.getWorksheet('Laporan')!;
    expect(rows.rowCount).toBe(5_001);
    expect(rows.getRow(5_001).getCell(1).value).toBe(5_001);
  });
});
