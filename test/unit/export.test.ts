import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Mission } from '../../src/domain/entities.js';
import { exportFileName, missionSlug, summarizeReports, type ExportData, type ExportReport } from '../../src/domain/export.js';
import { amountCell, wallClock, wallClockText } from '../../src/export/cells.js';
import { buildReportsCsv, CSV_SEPARATOR, neutralizeFormula } from '../../src/export/csv.js';
import { buildWorkbook } from '../../src/export/workbook.js';
import { parseCsv } from '../support/csv.js';
import { JATIM_BANTEN_ROW } from '../support/fixtures.js';

const mission: Mission = {
  id: 1,
  ...JATIM_BANTEN_ROW,
  status: 'ACTIVE',
  digestTime: '20:00',
  reminderTime: null,
  registrationOpen: true,
};

let nextId = 1;
function report(fields: Partial<ExportReport>): ExportReport {
  return {
    id: nextId++,
    missionId: 1,
    exhibitorId: 1,
    productId: null,
    productText: 'keripik',
    amount: 1_000_000n,
    kind: 'RETAIL',
    direction: 'SELL',
    quantity: null,
    unit: null,
    buyerName: null,
    buyerOrigin: null,
    reportedById: 8001n,
    createdAt: new Date('2026-11-26T03:00:00Z'),
    voidedAt: null,
    voidReason: null,
    verifiedAt: null,
    exhibitorName: 'Keripik Sri',
    category: 'makanan',
    province: 'JATIM',
    productName: null,
    ...fields,
  };
}

describe('summarizeReports', () => {
  const reports = [
    report({ amount: 1_000_000n, kind: 'RETAIL', createdAt: new Date('2026-11-26T03:00:00Z') }),
    report({ amount: 2_000_000n, kind: 'ORDER', createdAt: new Date('2026-11-26T16:59:59Z') }), // 23:59:59 WIB, still the 26th
    report({ amount: 4_000_000n, kind: 'LOI', createdAt: new Date('2026-11-26T17:00:00Z') }), // 00:00 WIB on the 27th
    report({ amount: 8_000_000n, kind: 'INVESTMENT', exhibitorId: 2, category: 'minuman', province: 'BANTEN', direction: 'BUY' }),
    report({ amount: 16_000_000n, voidedAt: new Date('2026-11-26T05:00:00Z'), voidReason: 'salah ketik' }),
  ];

  it('sums live reports by category, province and local day; voided ones are only counted', () => {
    const summary = summarizeReports(reports, 'Asia/Jakarta');
    expect(summary.voidedCount).toBe(1);
    // The headline of the summary sheet: every live report once, and the split by direction.
    expect(summary.overall).toEqual({ key: '', reports: 4, total: 15_000_000n, realised: 1_000_000n, committed: 6_000_000n, investment: 8_000_000n });
    expect([summary.sell, summary.buy]).toEqual([7_000_000n, 8_000_000n]);
    expect(summary.byCategory).toEqual([
      { key: 'makanan', reports: 3, total: 7_000_000n, realised: 1_000_000n, committed: 6_000_000n, investment: 0n },
      { key: 'minuman', reports: 1, total: 8_000_000n, realised: 0n, committed: 0n, investment: 8_000_000n },
    ]);
    expect(summary.byProvince.map((row) => [row.key, row.total])).toEqual([
      ['BANTEN', 8_000_000n],
      ['JATIM', 7_000_000n],
    ]);
    expect(summary.byDay.map((row) => [row.key, row.reports, row.total])).toEqual([
      ['2026-11-26', 3, 11_000_000n],
      ['2026-11-27', 1, 4_000_000n],
    ]);
    expect(summary.byExhibitor.get(1)).toEqual({ reports: 3, total: 7_000_000n });
    expect(summary.byExhibitor.get(2)).toEqual({ reports: 1, total: 8_000_000n });
  });

  it.each([
    ['Asia/Jakarta', ['2026-11-26', '2026-11-27']],
    // In WIT (UTC+9) 16:59 UTC is already 01:59 on the 27th.
    ['Asia/Jayapura', ['2026-11-26', '2026-11-27']],
    ['UTC', ['2026-11-26']],
  ] as const)('puts reports on the local days of %s', (zone, expected) => {
    expect(summarizeReports(reports, zone).byDay.map((row) => row.key)).toEqual(expected);
  });

  it('is empty without reports', () => {
    expect(summarizeReports([], 'Asia/Jakarta')).toMatchObject({ byCategory: [], byProvince: [], byDay: [], voidedCount: 0 });
  });
});

describe('file names', () => {
  it.each([
    ['Misi Dagang Jawa Timur – Banten', 'misi-dagang-jawa-timur-banten', 'misi-dagang-jawa-timur-banten-2026-11-26.xlsx'],
    ['Jatim ke Bali 2026', 'jatim-ke-bali-2026', 'misi-jatim-ke-bali-2026-2026-11-26.xlsx'],
    ['  Pameran Café & Kuliner!! ', 'pameran-cafe-kuliner', 'misi-pameran-cafe-kuliner-2026-11-26.xlsx'],
    ['Misi', 'misi', 'misi-2026-11-26.xlsx'],
    ['🇮🇩🇮🇩', 'misi', 'misi-2026-11-26.xlsx'],
    ['x'.repeat(80), 'x'.repeat(50), `misi-${'x'.repeat(50)}-2026-11-26.xlsx`],
  ])('%j → %s', (name, slug, file) => {
    expect(missionSlug(name)).toBe(slug);
    expect(exportFileName(name, '2026-11-26', 'xlsx')).toBe(file);
  });
});

describe('cells', () => {
  it.each([
    [0n, 0, 0],
    [1_500_000n, 1_500_000, 0],
    [9_007_199_254_740_991n, 9_007_199_254_740_991, 0],
    [-9_007_199_254_740_991n, -9_007_199_254_740_991, 0],
    [9_007_199_254_740_992n, '9007199254740992', 1],
    [10n ** 20n, '100000000000000000000', 1],
  ] as const)('amount %s becomes %j', (amount, expected, overflows) => {
    const overflow = { count: 0 };
    expect(amountCell(amount, overflow)).toBe(expected);
    expect(overflow.count).toBe(overflows);
  });

  it.each([
    ['2026-11-26T03:00:00Z', 'Asia/Jakarta', '2026-11-26T10:00:00.000Z'],
    ['2026-11-26T17:30:00Z', 'Asia/Jakarta', '2026-11-27T00:30:00.000Z'],
    ['2026-11-26T03:00:00Z', 'Asia/Makassar', '2026-11-26T11:00:00.000Z'],
    ['2026-11-26T15:00:00Z', 'Asia/Jayapura', '2026-11-27T00:00:00.000Z'],
    ['2026-12-31T23:59:59Z', 'Asia/Jakarta', '2027-01-01T06:59:59.000Z'],
  ])('%s in %s shows as %s', (instant, zone, expected) => {
    expect(wallClock(new Date(instant), zone).toISOString()).toBe(expected);
    expect(wallClockText(new Date(instant), zone)).toBe(expected.slice(0, 16).replace('T', ' '));
  });

  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+62812', `'+62812`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['Toko Makmur', 'Toko Makmur'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('neutralizes %j in the CSV', (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });
});

describe('workbook and CSV from data', () => {
  const reports = [
    report({ id: 11, amount: 1_500_000n, quantity: 30, unit: 'pcs', productText: 'keripik tempe', buyerName: 'Toko "Makmur"; Serang', verifiedAt: new Date('2026-11-26T04:00:00Z') }),
    report({ id: 12, amount: 2_000_000_000n, kind: 'ORDER', productName: 'Kopi Ijen 250 g', productId: 3, buyerName: '=HYPERLINK("http://x")' }),
    report({ id: 13, amount: 750_000n, voidedAt: new Date('2026-11-26T05:00:00Z'), voidReason: 'dobel\nlaporan', createdAt: new Date('2026-11-26T17:30:00Z') }),
  ];
  const data: ExportData = {
    mission,
    reports,
    summary: summarizeReports(reports, mission.timeZone),
    exhibitors: [
      { id: 1, missionId: 1, ownerId: 8001n, name: 'Keripik Sri', category: 'makanan', province: 'JATIM', city: 'Malang', phone: '081234567890', booth: null, verified: true, registeredAt: new Date('2026-11-26T01:00:00Z') },
    ],
    products: [
      { id: 3, exhibitorId: 1, exhibitorName: 'Keripik Sri', name: 'Kopi Ijen 250 g', category: 'minuman', price: 85_000n, unit: 'bungkus', minOrder: 1, description: null, active: true, createdAt: new Date('2026-11-26T01:00:00Z') },
    ],
  };

  async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    return workbook;
  }

  it('writes numbers as numbers and times as date cells on the mission clock', async () => {
    const { buffer, textAmounts } = await buildWorkbook(data, 'id', new Date('2026-11-26T13:00:00Z'));
    expect(textAmounts).toBe(0);
    const workbook = await read(buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Laporan', 'Peserta', 'Produk']);
    const sheet = workbook.getWorksheet('Laporan');
    expect(sheet?.getRow(1).getCell(2).value).toBe('Waktu (WIB)');
    const row = sheet?.getRow(2);
    expect(row?.getCell(1).value).toBe(11);
    expect(row?.getCell(2).value).toEqual(new Date('2026-11-26T10:00:00Z'));
    expect(row?.getCell(13).value).toBe(1_500_000);
    expect(row?.getCell(13).numFmt).toContain('Rp');
    expect(row?.getCell(9).value).toBe(30);
    expect(row?.getCell(14).value).toBe('Ya');
    // The formula-looking buyer stays plain text in the workbook.
    expect(sheet?.getRow(3).getCell(11).value).toBe('=HYPERLINK("http://x")');
    expect(sheet?.getRow(3).getCell(8).value).toBe('Kopi Ijen 250 g');
    expect(sheet?.getRow(4).getCell(15).value).toBe('Dibatalkan');
    expect(sheet?.getRow(4).getCell(2).value).toEqual(new Date('2026-11-27T00:30:00Z'));
    expect(workbook.getWorksheet('Peserta')?.getRow(2).getCell(6).value).toBe('081234567890');
    expect(workbook.getWorksheet('Produk')?.getRow(2).getCell(5).value).toBe(85_000);
  });

  it('writes an amount beyond 2^53 exactly, as text, and says how many', async () => {
    const huge = 9_007_199_254_740_993n;
    const reports = [report({ id: 21, amount: huge })];
    const { buffer, textAmounts } = await buildWorkbook({ ...data, reports, summary: summarizeReports(reports, mission.timeZone) }, 'en', new Date());
    // The report itself, its exhibitor's total, and the summary's total and sums.
    expect(textAmounts).toBeGreaterThanOrEqual(2);
    const workbook = await read(buffer);
    expect(workbook.getWorksheet('Reports')?.getRow(2).getCell(13).value).toBe('9007199254740993');
  });

  it('writes the CSV with a BOM, semicolons and quoting that parse back to the same rows', () => {
    const csv = buildReportsCsv(data, 'id');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.toString('utf8').slice(1), CSV_SEPARATOR);
    expect(rows[0]?.[0]).toBe('No. laporan');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      '11', '2026-11-26 10:00', 'Tunai (retail)', 'Jual', 'Keripik Sri', 'Makanan', 'Jawa Timur', 'keripik tempe',
      '30', 'pcs', 'Toko "Makmur"; Serang', '', '1500000', 'Ya', 'Berlaku', '',
    ]);
    expect(rows[2]?.[10]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[2]?.[12]).toBe('2000000000');
    expect(rows[3]?.slice(13)).toEqual(['Tidak', 'Dibatalkan', 'dobel\nlaporan']);
  });
});
