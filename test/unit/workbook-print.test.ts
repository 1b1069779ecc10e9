import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../src/export/workbook.js';
import { MAX_WIDTH, shownLength } from '../../src/export/layout.js';
import { sampleExport } from '../support/export-sample.js';

async function exported(lang: 'id' | 'en'): Promise<ExcelJS.Workbook> {
  const { buffer } = await buildWorkbook(sampleExport(), lang, new Date('2026-11-28T13:00:00Z'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Column A label → column B value of the summary's headline block. */
function facts(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const found = new Map<string, ExcelJS.Cell>();
  for (let row = 1; row <= sheet.rowCount; row++) {
    const label = sheet.getRow(row).getCell(1).value;
    if (label === null) break;
    found.set(String(label), sheet.getRow(row).getCell(2));
  }
  return found;
}

describe('the exported workbook, read back', () => {
  it('opens on the summary, with the headline figures on top', async () => {
    const workbook = await exported('id');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Laporan', 'Peserta', 'Produk']);
    const summary = workbook.worksheets[0]!;
    const top = facts(summary);
    expect([...top.keys()].slice(0, 9)).toEqual([
      'Misi', 'Total berlaku (Rp)', 'Target (Rp)', 'Capaian target', 'Terealisasi/tunai (Rp)', 'Komitmen: pesanan + LoI (Rp)', 'Investasi (Rp)', 'Jual (Rp)', 'Beli (Rp)',
    ]);
    // Seven reports, one voided (Rp35 jt): Rp1.875.750.000 live against Rp3 M.
    expect(top.get('Misi')?.value).toBe('Misi Dagang Jawa Timur – Banten');
    expect(top.get('Total berlaku (Rp)')?.value).toBe(1_875_750_000);
    expect(top.get('Target (Rp)')?.value).toBe(3_000_000_000);
    expect(top.get('Capaian target')?.value).toBeCloseTo(0.6252, 4);
    expect(top.get('Capaian target')?.numFmt).toBe('0.0%');
    expect(top.get('Terealisasi/tunai (Rp)')?.value).toBe(5_750_000);
    expect(top.get('Komitmen: pesanan + LoI (Rp)')?.value).toBe(1_370_000_000);
    expect(top.get('Investasi (Rp)')?.value).toBe(500_000_000);
    expect(top.get('Jual (Rp)')?.value).toBe(1_375_750_000);
    expect(top.get('Beli (Rp)')?.value).toBe(500_000_000);
    expect(top.get('Laporan dibatalkan')?.value).toBe(1);
  });

  it.each(['id', 'en'] as const)('sizes every column to its content, amounts in a rupiah format (%s)', async (lang) => {
    const workbook = await exported(lang);
    let amounts = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell, column) => {
          if (cell.isMerged) return;
          const width = sheet.getColumn(column).width ?? 0;
          if (typeof cell.value === 'number' && cell.numFmt?.includes('Rp')) {
            amounts += 1;
            expect(cell.numFmt).toBe('"Rp"#,##0');
          }
          // A number or date wider than its column shows as ###; text wider than the cap wraps.
          const wraps = cell.alignment?.wrapText === true || width === MAX_WIDTH;
          if (!wraps) expect(width, `${sheet.name}!${cell.address} ${String(cell.value)}`).toBeGreaterThanOrEqual(shownLength(cell.value, cell.numFmt));
        });
      });
    }
    // A header that wraps gets the rows it needs, or it runs over the row above in LibreOffice.
    const summary = workbook.worksheets[0]!;
    summary.eachRow((row) => {
      const wrapped = [1, 2, 3, 4, 5, 6].some((column) => row.getCell(column).alignment?.wrapText && String(row.getCell(column).value).length > (summary.getColumn(column).width ?? 0));
      if (wrapped) expect(row.height, `row ${row.number}`).toBeGreaterThanOrEqual(30);
    });
    // The amounts of Rp100 jt and more (the ones that used to show ###) are among them.
    expect(amounts).toBeGreaterThan(30);
    const reports = workbook.worksheets[1]!;
    const amountColumn = reports.getColumn(13);
    expect(amountColumn.width).toBeGreaterThanOrEqual('Rp1.250.000.000'.length);
    expect(reports.getRow(4).getCell(13).value).toBe(1_250_000_000);
  });

  it('prints every sheet on A4 landscape, one page wide, the header row repeated and frozen', async () => {
    const workbook = await exported('id');
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.headerFooter.oddFooter).toContain('Halaman &P / &N');
    }
    // The report number stays in view when scrolling right.
    expect(workbook.worksheets[1]?.views[0]).toMatchObject({ xSplit: 1 });
  });
});
