/**
 * /ekspor (/export) end to end: an official gets the active mission as an
 * XLSX workbook and a CSV of its reports, as two documents through the Bot
 * API simulator. The files are read back (exceljs, a CSV reader) and checked
 * against the database: amounts are numbers equal to the saved bigints,
 * times are date cells on the mission's clock, voided reports are marked.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat, reportSale } from '../../src/demo/flows.js';
import { rebuildTotals } from '../../src/db/totals-rebuild.js';
import type { SimMessage, SimUser } from '../../src/simulator/index.js';
import { seededRandom } from '../../src/simulator/bot-api-simulator.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { parseCsv } from '../support/csv.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { JATIM_BANTEN } from '../support/fixtures.js';

const ENGLISH_OFFICIAL_ID = 7002;
const WIB_MS = 7 * 3_600_000;
// WIB has no daylight saving: the wall clock is always UTC + 7 h.
const wib = (instant: Date) => new Date(instant.getTime() + WIB_MS);
const wibText = (instant: Date) => wib(instant).toISOString().slice(0, 16).replace('T', ' ');

async function readWorkbook(message: SimMessage | undefined): Promise<ExcelJS.Workbook> {
  const bytes = message?.document?.bytes;
  if (!bytes) throw new Error('no document bytes');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The rows of a sheet below its header, as plain arrays (index 0 = column A). */
function sheetRows(sheet: ExcelJS.Worksheet | undefined): ExcelJS.CellValue[][] {
  if (!sheet) throw new Error('missing sheet');
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}

/** The table under a section title of the summary sheet, up to the next blank row. */
function summarySection(sheet: ExcelJS.Worksheet | undefined, title: string): ExcelJS.CellValue[][] {
  if (!sheet) throw new Error('missing sheet');
  const values: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => values.push(Array.from({ length: 6 }, (_, i) => row.getCell(i + 1).value ?? null)));
  const start = values.findIndex((row) => row[0] === title);
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const end = values.findIndex((row, i) => i > start && row.every((cell) => cell === null));
  return values.slice(start + 2, end < 0 ? undefined : end);
}

describe.each(TEST_PROVIDERS)('/ekspor on %s', (provider) => {
  let bot: TestBot;
  let official: SimUser;
  let now = new Date('2026-11-26T03:00:00Z'); // 10:00 WIB, first day

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => now, adminIds: [ENGLISH_OFFICIAL_ID] });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
  });
  afterAll(async () => bot?.stop());

  const documentsSent = () => bot.sim.callsOf('sendDocument').length;

  // Runs before the mission below exists (tests and suites run in the order written).
  it('answers that there is no active mission, and sends no file', async () => {
    await official.send('/ekspor');
    expect(official.lastText()).toMatch(/Belum ada misi dagang yang aktif/);
    expect(documentsSent()).toBe(0);
  });

  describe('with a mission and its reports', () => {
    let sri: SimUser;
    let ahmad: SimUser;

    beforeAll(async () => {
      await createMissionByChat(official, JATIM_BANTEN);
      expect(await bot.db.prisma.mission.count({ where: { status: 'ACTIVE' } })).toBe(1);
      sri = bot.sim.user({ id: 8001, firstName: 'Bu Sri' });
      ahmad = bot.sim.user({ id: 8002, firstName: 'Pak Ahmad' });
      await registerByChat(sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890' });
      await registerByChat(ahmad, { name: 'Emping Melinjo Pak Ahmad', category: 'Minuman', province: 'Banten', city: 'Serang', phone: '081298765432' });

      await reportSale(sri, '1,5jt keripik tempe 30 pcs');
      await reportSale(sri, '2 M kontrak keripik @PT Sinar Jaya');
      await reportSale(sri, '750rb kopi bubuk');
      now = new Date('2026-11-26T17:30:00Z'); // 00:30 WIB on the 27th: the next local day
      await reportSale(ahmad, '5 jt emping melinjo 10 kg');

      const rows = await bot.db.prisma.saleReport.findMany({ orderBy: { id: 'asc' } });
      expect(rows).toHaveLength(4);
      const [first, , third] = rows;
      // A voided and a verified report, as the official flows would leave them.
      await bot.db.prisma.saleReport.update({
        where: { id: third!.id },
        data: { voidedAt: now, voidReason: 'salah ketik', voidedById: BigInt(OFFICIAL_ID) },
      });
      await bot.db.prisma.saleReport.update({ where: { id: first!.id }, data: { verifiedAt: now, verifiedById: BigInt(OFFICIAL_ID) } });
      // A buyer name that looks like a spreadsheet formula, and a report linked to a listing.
      const exhibitor = await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { ownerId: 8001n } });
      const product = await bot.db.prisma.product.create({
        data: { exhibitorId: exhibitor.id, name: 'Keripik Tempe 250 g', category: 'makanan', price: 15_000n, unit: 'bungkus' },
      });
      await bot.db.prisma.saleReport.create({
        data: {
          missionId: exhibitor.missionId,
          exhibitorId: exhibitor.id,
          productId: product.id,
          amount: 450_000n,
          quantity: 30,
          unit: 'bungkus',
          buyerName: '=HYPERLINK("http://evil.example")',
          reportedById: 8001n,
          createdAt: new Date('2026-11-26T18:00:00Z'),
        },
      });
      // Written behind the bot's back: recount the running totals the summary sheet reads, as after a hand edit.
      await rebuildTotals(bot.db.prisma);
    });

    it('shows its progress in one message, then sends the workbook and the CSV as two documents with a caption', async () => {
      const before = official.messages().length;
      await official.send('/ekspor');
      const sent = official.messages().slice(before);
      expect(sent).toHaveLength(3);
      const [progress, xlsx, csv] = sent;
      // One message, edited to its end: no file too large, nothing zipped or split.
      expect(progress?.document).toBeUndefined();
      expect(progress?.edited).toBeGreaterThanOrEqual(1);
      expect(progress?.plain).toBe('✅ Ekspor siap, berkasnya menyusul.');
      expect(xlsx?.document?.filename).toBe('misi-dagang-jawa-timur-banten-2026-11-27.xlsx');
      expect(csv?.document?.filename).toBe('misi-dagang-jawa-timur-banten-2026-11-27.csv');
      expect(xlsx?.plain).toContain('Ekspor Misi Dagang Jawa Timur – Banten');
      expect(xlsx?.plain).toContain('5 laporan (1 dibatalkan), 2 peserta, 1 produk');
      expect(xlsx?.plain).toContain('WIB');
      expect(csv?.plain).toMatch(/CSV.*titik koma/);
      // An XLSX is a ZIP file; the CSV starts with the UTF-8 byte order mark.
      expect(xlsx?.document?.bytes?.subarray(0, 2).toString('latin1')).toBe('PK');
      expect([...(csv?.document?.bytes?.subarray(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
    });

    it('writes every report with amounts as numbers equal to the saved bigints and times as WIB date cells', async () => {
      const dbRows = await bot.db.prisma.saleReport.findMany({ include: { exhibitor: true, product: true }, orderBy: { id: 'asc' } });
      await official.send('/ekspor');
      const workbook = await readWorkbook(official.messages().at(-2));
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Laporan', 'Peserta', 'Produk']);
      // The streamed sheets keep the print layout: A4 landscape one page wide, header row frozen and repeated, page footer.
      for (const each of workbook.worksheets) {
        expect(each.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
        expect(each.headerFooter.oddFooter).toContain(`· ${each.name}&R`);
        expect(each.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      }
      const sheet = workbook.getWorksheet('Laporan');
      expect(sheet?.views[0]).toMatchObject({ xSplit: 1 });
      expect(sheet?.autoFilter).toBeTruthy();
      // Widths fitted to the header and the first page of reports.
      expect(sheet?.getColumn(5).width).toBeGreaterThanOrEqual('Emping Melinjo Pak Ahmad'.length);
      expect(sheet?.getRow(1).values).toEqual([
        undefined, 'No. laporan', 'Waktu (WIB)', 'Jenis', 'Arah', 'Peserta', 'Kategori', 'Provinsi asal', 'Produk', 'Jumlah', 'Satuan',
        'Pembeli', 'Asal pembeli', 'Nilai (Rp)', 'Terverifikasi', 'Status', 'Alasan pembatalan',
      ]);
      const rows = sheetRows(sheet);
      expect(rows.map((row) => row[0])).toEqual(dbRows.map((row) => row.id));
      for (const [index, db] of dbRows.entries()) {
        const row = rows[index] ?? [];
        const amount = row[12];
        expect(typeof amount).toBe('number');
        expect(BigInt(amount as number)).toBe(db.amount);
        expect(row[1]).toBeInstanceOf(Date);
        expect((row[1] as Date).toISOString()).toBe(wib(db.createdAt).toISOString());
        expect(row[4]).toBe(db.exhibitor.name);
        expect(row[14]).toBe(db.voidedAt ? 'Dibatalkan' : 'Berlaku');
        expect(row[13]).toBe(db.verifiedAt ? 'Ya' : 'Tidak');
        expect(row[15]).toBe(db.voidReason);
        expect(row[7]).toBe(db.product?.name ?? db.productText);
        expect(row[8]).toBe(db.quantity);
      }
      expect(sheet?.getRow(2).getCell(13).numFmt).toBe('"Rp"#,##0');
      expect(sheet?.getRow(2).getCell(2).numFmt).toBe('dd/mm/yyyy hh:mm');
      // The kinds, directions and names as an official reads them.
      expect(rows[1]?.slice(2, 7)).toEqual(['Pesanan/kontrak', 'Jual', 'Keripik Tempe Bu Sri', 'Makanan', 'Jawa Timur']);
      expect(rows[1]?.[10]).toBe('PT Sinar Jaya');
      expect(rows[3]?.slice(2, 7)).toEqual(['Tunai (retail)', 'Beli', 'Emping Melinjo Pak Ahmad', 'Minuman', 'Banten']);
      expect(rows[4]?.[10]).toBe('=HYPERLINK("http://evil.example")');
    });

    it('writes exhibitors, products and a summary by category, province and day from the live reports', async () => {
      await official.send('/ekspor');
      const workbook = await readWorkbook(official.messages().at(-2));
      const exhibitors = sheetRows(workbook.getWorksheet('Peserta'));
      const phones = (await bot.db.prisma.exhibitor.findMany({ orderBy: { id: 'asc' } })).map((row) => row.phone);
      expect(exhibitors.map((row) => [row[1], row[2], row[3], row[5], row[9], row[10]])).toEqual([
        ['Keripik Tempe Bu Sri', 'Makanan', 'Jawa Timur', '+62 812-3456-7890', 3, 1_500_000 + 2_000_000_000 + 450_000],
        ['Emping Melinjo Pak Ahmad', 'Minuman', 'Banten', '+62 812-9876-5432', 1, 5_000_000],
      ]);
      // Stored as typed into the international form; shown grouped for reading.
      expect(phones).toEqual(['+6281234567890', '+6281298765432']);
      // Phone numbers stay text, with their +.
      expect(typeof exhibitors[0]?.[5]).toBe('string');
      expect(exhibitors[0]?.[8]).toBeInstanceOf(Date);
      const products = sheetRows(workbook.getWorksheet('Produk'));
      expect(products.map((row) => row.slice(1, 8))).toEqual([['Keripik Tempe Bu Sri', 'Keripik Tempe 250 g', 'Makanan', 15_000, 'bungkus', 1, 'Ya']]);

      const summary = workbook.getWorksheet('Ringkasan');
      // The headline figures on top: name, total, target, share.
      expect(summary?.getCell('A1').value).toBe('Misi');
      expect(summary?.getCell('B1').value).toBe('Misi Dagang Jawa Timur – Banten');
      expect(summary?.getCell('A2').value).toBe('Total berlaku (Rp)');
      expect(summary?.getCell('B2').value).toBe(2_006_950_000);
      expect(summary?.getCell('B3').value).toBe(3_000_000_000);
      expect(summary?.getCell('B4').numFmt).toBe('0.0%');
      expect(summary?.getCell('B4').value).toBeCloseTo(0.669, 3);
      expect(summary?.getCell('A11').value).toBe('Laporan dibatalkan');
      expect(summary?.getCell('B11').value).toBe(1);

      expect(summarySection(summary, 'Per kategori')).toEqual([
        ['Makanan', 3, 2_001_950_000, 1_950_000, 2_000_000_000, 0],
        ['Minuman', 1, 5_000_000, 5_000_000, 0, 0],
        ['Jumlah', 4, 2_006_950_000, 6_950_000, 2_000_000_000, 0],
      ]);
      expect(summarySection(summary, 'Per provinsi asal').map((row) => [row[0], row[2]])).toEqual([
        ['Jawa Timur', 2_001_950_000],
        ['Banten', 5_000_000],
        ['Jumlah', 2_006_950_000],
      ]);
      // The 17:30 and 18:00 UTC reports fall on the 27th in WIB.
      const byDay = summarySection(summary, 'Per hari');
      expect(byDay.map((row) => [row[0] instanceof Date ? row[0].toISOString().slice(0, 10) : row[0], row[1], row[2]])).toEqual([
        ['2026-11-26', 2, 2_001_500_000],
        ['2026-11-27', 2, 5_450_000],
        ['Jumlah', 4, 2_006_950_000],
      ]);
    });

    it('writes a CSV that parses back to the same rows as the database', async () => {
      const dbRows = await bot.db.prisma.saleReport.findMany({ include: { exhibitor: true }, orderBy: { id: 'asc' } });
      await official.send('/ekspor');
      const bytes = official.lastMessage()?.document?.bytes;
      expect(bytes).toBeDefined();
      const text = bytes!.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain('\r\n');
      const [header, ...rows] = parseCsv(text.slice(1), ';');
      expect(header?.slice(0, 3)).toEqual(['No. laporan', 'Waktu (WIB)', 'Jenis']);
      expect(header).toHaveLength(16);
      expect(rows.map((row) => Number(row[0]))).toEqual(dbRows.map((row) => row.id));
      for (const [index, db] of dbRows.entries()) {
        const row = rows[index] ?? [];
        expect(row).toHaveLength(16);
        expect(row[1]).toBe(wibText(db.createdAt));
        expect(row[4]).toBe(db.exhibitor.name);
        expect(row[12]).toBe(db.amount.toString());
        expect(row[14]).toBe(db.voidedAt ? 'Dibatalkan' : 'Berlaku');
        expect(row[15]).toBe(db.voidReason ?? '');
      }
      // A formula-looking buyer stays text when Excel opens the CSV.
      expect(rows[4]?.[10]).toBe(`'=HYPERLINK("http://evil.example")`);
    });

    it('speaks English to an English-speaking official', async () => {
      const john = bot.sim.user({ id: ENGLISH_OFFICIAL_ID, firstName: 'John', languageCode: 'en' });
      await john.send('/export');
      const [xlsx, csv] = john.messages().slice(-2);
      expect(xlsx?.plain).toContain('5 reports (1 voided), 2 exhibitors, 1 product.');
      expect(csv?.document?.filename).toMatch(/\.csv$/);
      const workbook = await readWorkbook(xlsx);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Reports', 'Exhibitors', 'Products']);
      const rows = sheetRows(workbook.getWorksheet('Reports'));
      expect(rows[0]?.slice(2, 4)).toEqual(['Retail (paid on the spot)', 'Sell']);
      expect(rows[2]?.[14]).toBe('Voided');
      expect(workbook.getWorksheet('Reports')?.getRow(2).getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    });

    it.each([
      ['an exhibitor', () => sri, '/ekspor', /Perintah ini khusus petugas misi/],
      ['another exhibitor, in English', () => ahmad, '/export', /Perintah ini khusus petugas misi/],
      ['a buyer', () => bot.sim.user({ id: 9100, firstName: 'Pembeli' }), '/ekspor', /Perintah ini khusus petugas misi/],
      ['an English buyer', () => bot.sim.user({ id: 9101, firstName: 'Buyer', languageCode: 'en' }), '/export', /This command is for mission officials/],
    ])('refuses %s and sends no file', async (_who, who, command, answer) => {
      const user = who();
      const before = documentsSent();
      await user.send(command);
      expect(user.lastText()).toMatch(answer);
      expect(user.messages().some((message) => message.document)).toBe(false);
      expect(documentsSent()).toBe(before);
    });

    it('refuses in a group, even for an official, and sends no file there', async () => {
      const group = bot.sim.group({ title: 'Petugas Misi Jatim' });
      const before = documentsSent();
      await official.send('/ekspor', { chat: group });
      expect(group.lastText()).toMatch(/hanya bisa dipakai di chat pribadi/);
      await official.send(`/ekspor@${bot.sim.botUsername}`, { chat: group });
      expect(group.messages()).toHaveLength(2);
      expect(group.messages().some((message) => message.document)).toBe(false);
      expect(documentsSent()).toBe(before);
    });

    it('changes nothing in the database', async () => {
      const counts = async () => [
        await bot.db.prisma.saleReport.count(),
        await bot.db.prisma.auditLog.count(),
        await bot.db.prisma.exhibitor.count(),
      ];
      const before = await counts();
      await official.send('/ekspor');
      expect(await counts()).toEqual(before);
    });
  });
});

/**
 * Many reports against a small file limit (Telegram's is 50 MB; here a few
 * tens of kilobytes), so the zipping and the split happen with a test's worth
 * of data. The limits object is the bot's own: each test sets what it needs.
 */
describe.each(TEST_PROVIDERS)('/ekspor of many reports against a file limit on %s', (provider) => {
  const REPORTS = 1_500;
  const limits = { maxFileBytes: 40_000, zipCsvAboveBytes: 8_000, pageSize: 50, tempDir: '' };
  let bot: TestBot;
  let official: SimUser;
  let ids: number[];
  let liveTotal: bigint;

  beforeAll(async () => {
    limits.tempDir = mkdtempSync(join(tmpdir(), 'misi-export-test-'));
    bot = await startTestBot(provider, { now: () => new Date('2026-11-27T03:00:00Z'), app: { exportLimits: limits }, settleTimeoutMs: 120_000 });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, JATIM_BANTEN);
    const sri = bot.sim.user({ id: 8001, firstName: 'Bu Sri' });
    await registerByChat(sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890' });
    const exhibitor = await bot.db.prisma.exhibitor.findFirstOrThrow();
    const random = seededRandom(20261202);
    const from = Date.parse('2026-11-26T01:00:00Z');
    await bot.db.prisma.saleReport.createMany({
      data: Array.from({ length: REPORTS }, (_, i) => ({
        missionId: exhibitor.missionId,
        exhibitorId: exhibitor.id,
        amount: BigInt(10_000 + Math.floor(random() * 1_000_000_000)),
        reportedById: 8001n,
        // Names that do not compress away, so the files have some size.
        buyerName: `PT ${Math.floor(random() * 1e12).toString(36)} ${Math.floor(random() * 1e12).toString(36)}`,
        createdAt: new Date(from + i * 60_000),
        ...(i % 50 === 7 ? { voidedAt: new Date(from + i * 60_000 + 1_000), voidReason: 'salah ketik' } : {}),
      })),
    });
    await rebuildTotals(bot.db.prisma);
    const rows = await bot.db.prisma.saleReport.findMany({ select: { id: true, amount: true, voidedAt: true }, orderBy: { id: 'asc' } });
    ids = rows.map((row) => row.id);
    liveTotal = rows.filter((row) => row.voidedAt === null).reduce((sum, row) => sum + row.amount, 0n);
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    rmSync(limits.tempDir, { recursive: true, force: true });
  });

  /** /ekspor, and what it sent: the progress message and the files. */
  async function exportNow(): Promise<{ progress: SimMessage; files: SimMessage[] }> {
    const before = official.messages().length;
    await official.send('/ekspor');
    const [progress, ...files] = official.messages().slice(before);
    if (!progress) throw new Error('no answer to /ekspor');
    return { progress, files };
  }

  const unzipOne = (bytes: Buffer): [string, string] => {
    const entries = Object.entries(unzipSync(new Uint8Array(bytes)));
    expect(entries).toHaveLength(1);
    const [name, content] = entries[0]!;
    return [name, Buffer.from(content).toString('utf8')];
  };
  /** The report numbers in a CSV's text, after checking its BOM and header. */
  const csvIds = (text: string): number[] => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1), ';');
    expect(header?.[0]).toBe('No. laporan');
    return rows.map((row) => Number(row[0]));
  };

  it('splits the workbook and the zipped CSV into parts under the limit that together hold every report, and says so', async () => {
    limits.maxFileBytes = 40_000;
    const { progress, files } = await exportNow();
    const workbooks = files.filter((file) => file.document?.filename?.endsWith('.xlsx'));
    const csvs = files.filter((file) => file.document?.filename?.endsWith('.csv.zip'));
    expect(workbooks.length).toBeGreaterThan(1);
    expect(csvs.length).toBeGreaterThan(1);
    expect(files).toHaveLength(workbooks.length + csvs.length);
    for (const file of files) expect(file.document?.bytes?.length).toBeLessThanOrEqual(limits.maxFileBytes);
    expect(workbooks.map((file) => file.document?.filename)).toEqual(workbooks.map((_, i) => `misi-dagang-jawa-timur-banten-2026-11-27-bagian-${i + 1}.xlsx`));
    expect(progress.plain).toContain(`dibagi menjadi ${workbooks.length} berkas menurut nomor laporan`);
    expect(progress.plain).toContain(`dibagi menjadi ${csvs.length} berkas`);

    // Every part is a whole workbook: the summary of the mission, its run of reports, the exhibitors.
    const fromWorkbooks: number[] = [];
    for (const [index, file] of workbooks.entries()) {
      const workbook = await readWorkbook(file);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Laporan', 'Peserta', 'Produk']);
      expect(workbook.getWorksheet('Ringkasan')?.getCell('B2').value).toBe(Number(liveTotal));
      expect(sheetRows(workbook.getWorksheet('Peserta'))).toHaveLength(1);
      const own = sheetRows(workbook.getWorksheet('Laporan')).map((row) => row[0] as number);
      expect(file.plain).toContain(`Berkas ${index + 1} dari ${workbooks.length}: laporan no. ${own[0]}–${own.at(-1)}.`);
      fromWorkbooks.push(...own);
    }
    expect(fromWorkbooks).toEqual(ids);
    expect(workbooks[0]?.plain).toContain(`${REPORTS} laporan (${ids.length - REPORTS + Math.ceil(REPORTS / 50)} dibatalkan)`);

    const fromCsv: number[] = [];
    for (const [index, file] of csvs.entries()) {
      const [name, text] = unzipOne(file.document!.bytes!);
      expect(name).toBe(`misi-dagang-jawa-timur-banten-2026-11-27-bagian-${index + 1}.csv`);
      fromCsv.push(...csvIds(text));
    }
    expect(fromCsv).toEqual(ids);
    expect(readdirSync(limits.tempDir)).toEqual([]);
  }, 300_000);

  it('zips a large CSV and sends it whole when the zip fits', async () => {
    limits.maxFileBytes = 50_000_000;
    const { progress, files } = await exportNow();
    expect(files.map((file) => file.document?.filename)).toEqual(['misi-dagang-jawa-timur-banten-2026-11-27.xlsx', 'misi-dagang-jawa-timur-banten-2026-11-27.csv.zip']);
    expect(progress.plain).toMatch(/CSV \([\d,]+ MB\) dikompres menjadi ZIP/);
    expect(files[1]?.plain).toContain('dikompres ZIP');
    const [name, text] = unzipOne(files[1]!.document!.bytes!);
    expect(name).toBe('misi-dagang-jawa-timur-banten-2026-11-27.csv');
    expect(csvIds(text)).toEqual(ids);
    expect(sheetRows((await readWorkbook(files[0])).getWorksheet('Laporan')).map((row) => row[0])).toEqual(ids);
    expect(readdirSync(limits.tempDir)).toEqual([]);
  }, 120_000);

  it('finishes the export when the progress message cannot be edited', async () => {
    bot.sim.fail('editMessageText', { error_code: 400, description: 'Bad Request: message to edit not found' }, { times: 100 });
    const { progress, files } = await exportNow();
    bot.sim.clearFaults();
    expect(files.map((file) => file.document?.filename)).toEqual(['misi-dagang-jawa-timur-banten-2026-11-27.xlsx', 'misi-dagang-jawa-timur-banten-2026-11-27.csv.zip']);
    // The edit was tried and failed: the message still shows where it started.
    expect(bot.sim.callsOf('editMessageText').length).toBeGreaterThan(0);
    expect(progress.plain).toBe('⏳ Menyiapkan ekspor… 0 %');
    expect(progress.edited).toBe(0);
    expect(readdirSync(limits.tempDir)).toEqual([]);
  }, 120_000);

  it('removes its temporary files when sending a file fails, and says the export failed', async () => {
    bot.sim.fail('sendDocument', { error_code: 400, description: 'Bad Request: failed to get HTTP URL content' }, { times: 100 });
    const { progress, files } = await exportNow();
    bot.sim.clearFaults();
    expect(files.some((file) => file.document)).toBe(false);
    expect(progress.plain).toMatch(/Ekspor gagal dibuat/);
    expect(readdirSync(limits.tempDir)).toEqual([]);
  }, 120_000);
});
