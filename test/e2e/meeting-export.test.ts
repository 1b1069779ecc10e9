/**
 * Business matching in /ekspor and /peringkat, on both databases: no
 * meetings sheet, no meeting totals and no meetings ranking while the
 * mission has no matching session; then a "Temu bisnis" sheet with a row
 * per meeting (day, time in WIB, table, names, status, outcome, the linked
 * report and its amount while it is live), the totals on the summary sheet
 * (a voided deal report left out of the amount), and the exhibitors ranked
 * by deals from meetings. The workbook is read back with exceljs; the
 * meetings are made through the repository (their flows have matching.test.ts).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimMessage, SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { NOW, createMission, registerExhibitor } from '../support/catalog-fixtures.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';

const ENGLISH_OFFICIAL_ID = 9830;

async function readWorkbook(message: SimMessage | undefined): Promise<ExcelJS.Workbook> {
  const bytes = message?.document?.bytes;
  if (!bytes) throw new Error('no document bytes');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every row of a sheet as plain arrays (index 0 = column A), the header included. */
function allRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null)));
  return rows;
}

/** The two cells of each row under a title in column A of the summary sheet, up to the next blank row. */
function summaryFacts(sheet: ExcelJS.Worksheet, title: string): [ExcelJS.CellValue, ExcelJS.CellValue][] {
  const values: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => values.push([row.getCell(1).value ?? null, row.getCell(2).value ?? null]));
  const start = values.findIndex((row) => row[0] === title);
  if (start < 0) return [];
  const end = values.findIndex((row, i) => i > start && row.every((cell) => cell === null));
  return values.slice(start + 1, end < 0 ? undefined : end) as [ExcelJS.CellValue, ExcelJS.CellValue][];
}

describe.each(TEST_PROVIDERS)('business matching in /ekspor and /peringkat on %s', (provider) => {
  let bot: TestBot;
  let repos: Repositories;
  let missionId: number;
  let official: SimUser;
  let sri: SimUser;
  let harto: SimUser;
  let sriShop: number;
  let hartoShop: number;
  let updateId = 991_000n;

  /** The workbook of the official's last /ekspor (or /export). */
  async function exportNow(who: SimUser, command = '/ekspor'): Promise<ExcelJS.Workbook> {
    const before = who.messages().filter((m) => m.document).length;
    await who.send(command);
    const documents = who.messages().filter((m) => m.document);
    expect(documents.length).toBe(before + 2);
    return readWorkbook(documents.find((m, index) => index >= before && m.document?.filename?.endsWith('.xlsx')));
  }

  async function report(exhibitorId: number, ownerId: number, amount: bigint): Promise<number> {
    updateId += 1n;
    const saved = await repos.sales.record({
      missionId, exhibitorId, productId: null, productText: 'Keripik Tempe', amount, kind: 'ORDER', direction: 'SELL',
      quantity: null, unit: null, buyerName: 'Pembeli', buyerOrigin: null, reportedById: BigInt(ownerId), sourceUpdateId: updateId, createdAt: NOW,
    });
    return saved.report.id;
  }

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW, adminIds: [9800, ENGLISH_OFFICIAL_ID] });
    repos = createRepositories(bot.db);
    missionId = await createMission(bot);
    official = bot.sim.user({ id: 9800, firstName: 'Bu Rina' });
    sri = bot.sim.user({ id: 9801, firstName: 'Bu', lastName: 'Sri' });
    harto = bot.sim.user({ id: 9802, firstName: 'Pak Harto' });
    sriShop = await registerExhibitor(bot, sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890', booth: 'A12' });
    hartoShop = await registerExhibitor(bot, harto, { name: 'Kopi Ijen Pak Harto', category: 'Minuman', province: 'Jawa Timur', city: 'Bondowoso', phone: '081311112222' });
    // A report, so /peringkat has a ranking to show.
    await report(hartoShop, harto.id, 1_000_000n);
  });
  afterAll(async () => bot?.stop());

  it('has no meetings sheet, no meeting totals and no meetings ranking without a matching session', async () => {
    const workbook = await exportNow(official);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Laporan', 'Peserta', 'Produk']);
    expect(summaryFacts(workbook.getWorksheet('Ringkasan')!, 'Temu bisnis')).toEqual([]);
    await official.send('/peringkat');
    expect(official.lastText()).toContain('Peringkat peserta');
    expect(official.lastText()).not.toContain('Temu bisnis');
  });

  describe('with a session and meetings', () => {
    let dealReport: number;
    let voidedReport: number;
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      const session = await repos.matching.createSession(missionId, { days: ['2026-11-26'], startTime: '13:00', endTime: '16:00', slotMinutes: 30, tableCount: 2 }, BigInt(OFFICIAL_ID));
      /** A buyer books 13:00 + `slot` × 30 minutes (06:00 UTC = 13:00 WIB). */
      async function book(key: string, buyerId: number, exhibitorId: number, slot: number): Promise<number> {
        const buyer = bot.sim.user({ id: buyerId, firstName: 'Pembeli', lastName: String(buyerId) });
        await buyer.send('/start');
        const booked = await repos.matching.request(
          { sessionId: session.id, missionId, day: '2026-11-26', slotStart: new Date(Date.parse('2026-11-26T06:00:00Z') + slot * 30 * 60_000), buyerId: BigInt(buyerId), exhibitorId, note: `Catatan ${key}`, at: NOW },
          session.tableCount,
          () => [],
        );
        if (!booked.ok) throw new Error(`${key}: slot ${slot} taken`);
        ids[key] = booked.meeting.id;
        return booked.meeting.id;
      }
      const accept = async (id: number, owner: SimUser) => expect((await repos.matching.accept(id, BigInt(owner.id), NOW, () => [])).ok).toBe(true);
      const outcome = async (id: number, owner: SimUser, value: 'DEAL' | 'FOLLOW_UP' | 'NOT_INTERESTED') => expect((await repos.matching.setOutcome(id, BigInt(owner.id), value)).ok).toBe(true);

      await book('requested', 9811, sriShop, 0); // 13:00, table 1, never answered
      await accept(await book('accepted', 9812, sriShop, 1), sri); // 13:30, table 1
      const followUp = await book('followUp', 9813, sriShop, 2); // 14:00
      await accept(followUp, sri);
      await outcome(followUp, sri, 'FOLLOW_UP');
      const deal = await book('deal', 9814, sriShop, 3); // 14:30
      await accept(deal, sri);
      await outcome(deal, sri, 'DEAL');
      dealReport = await report(sriShop, sri.id, 25_000_000n);
      await repos.matching.linkReport(deal, dealReport);
      const voided = await book('voided', 9815, sriShop, 4); // 15:00
      await accept(voided, sri);
      await outcome(voided, sri, 'DEAL');
      voidedReport = await report(sriShop, sri.id, 7_000_000n);
      await repos.matching.linkReport(voided, voidedReport);
      expect((await repos.sales.voidReport({ id: voidedReport, reason: 'salah ketik', actorId: BigInt(OFFICIAL_ID), at: NOW })).ok).toBe(true);
      const coffee = await book('coffee', 9816, hartoShop, 0); // 13:00, table 2
      await accept(coffee, harto);
      await outcome(coffee, harto, 'NOT_INTERESTED');
      const declined = await book('declined', 9817, hartoShop, 1); // 13:30, table 2
      expect((await repos.matching.decline(declined, BigInt(harto.id), NOW, () => [])).ok).toBe(true);
    });

    it('exports a meetings sheet with a row per meeting, by slot and table, and the live deal amount only', async () => {
      const workbook = await exportNow(official);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ringkasan', 'Laporan', 'Peserta', 'Produk', 'Temu bisnis']);
      const rows = allRows(workbook.getWorksheet('Temu bisnis')!);
      expect(rows[0]).toEqual(['No. temu', 'Tanggal', 'Jam (WIB)', 'Meja', 'Peserta', 'Pembeli', 'Status', 'Hasil', 'No. laporan', 'Nilai laporan (Rp)', 'Catatan pembeli']);
      const day = new Date('2026-11-26T00:00:00Z');
      const sriName = 'Keripik Tempe Bu Sri';
      const hartoName = 'Kopi Ijen Pak Harto';
      expect(rows.slice(1)).toEqual([
        [ids.requested, day, '13:00', 1, sriName, 'Pembeli 9811', 'Menunggu jawaban', null, null, null, 'Catatan requested'],
        [ids.coffee, day, '13:00', 2, hartoName, 'Pembeli 9816', 'Terlaksana', 'Tidak berminat', null, null, 'Catatan coffee'],
        [ids.accepted, day, '13:30', 1, sriName, 'Pembeli 9812', 'Disetujui', null, null, null, 'Catatan accepted'],
        [ids.declined, day, '13:30', 2, hartoName, 'Pembeli 9817', 'Ditolak', null, null, null, 'Catatan declined'],
        [ids.followUp, day, '14:00', 1, sriName, 'Pembeli 9813', 'Terlaksana', 'Ditindaklanjuti', null, null, 'Catatan followUp'],
        [ids.deal, day, '14:30', 1, sriName, 'Pembeli 9814', 'Terlaksana', 'Deal', dealReport, 25_000_000, 'Catatan deal'],
        // The voided report is named (the reports sheet marks it) but its amount counts for nothing.
        [ids.voided, day, '15:00', 1, sriName, 'Pembeli 9815', 'Terlaksana', 'Deal', voidedReport, null, 'Catatan voided'],
      ]);
      const sheet = workbook.getWorksheet('Temu bisnis')!;
      expect(sheet.getRow(2).getCell(2).numFmt).toBe('dd/mm/yyyy');
      expect(sheet.getRow(7).getCell(10).numFmt).toBe('"Rp"#,##0');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });

      // The summary: the same figures as /progres.
      expect(summaryFacts(workbook.getWorksheet('Ringkasan')!, 'Temu bisnis')).toEqual([
        ['Temu terjadwal', 5],
        ['Temu terlaksana', 4],
        ['Berakhir deal', 2],
        ['Nilai laporan dari temu (Rp)', 25_000_000],
      ]);
      expect(await repos.matching.figures(missionId)).toEqual({ booked: 5, held: 4, deals: 2, dealAmount: 25_000_000n });
    });

    it('ranks the exhibitors by deals from meetings in /peringkat', async () => {
      await official.send('/peringkat');
      const text = official.lastText();
      expect(text).toContain('🤝 Temu bisnis (deal · terlaksana)\n🥇 Keripik Tempe Bu Sri — 2 deal dari 3 temu\n🥈 Kopi Ijen Pak Harto — 0 deal dari 1 temu');
    });

    it('says it in English: a "Meetings" sheet and the ranking with plurals', async () => {
      const english = bot.sim.user({ id: ENGLISH_OFFICIAL_ID, firstName: 'Jane', languageCode: 'en' });
      const workbook = await exportNow(english, '/export');
      const rows = allRows(workbook.getWorksheet('Meetings')!);
      expect(rows[0]?.slice(0, 3)).toEqual(['Meeting no.', 'Date', 'Time (WIB)']);
      expect(rows.slice(1).map((row) => [row[6], row[7]])).toContainEqual(['Held', 'Deal']);
      expect(summaryFacts(workbook.getWorksheet('Summary')!, 'Business meetings')).toEqual([
        ['Meetings booked', 5],
        ['Meetings held', 4],
        ['Ending in a deal', 2],
        ['Reported from meetings (Rp)', 25_000_000],
      ]);
      await english.send('/leaderboard');
      expect(english.lastText()).toContain('🥇 Keripik Tempe Bu Sri — 2 deals from 3 meetings\n🥈 Kopi Ijen Pak Harto — 0 deals from 1 meeting');
    });

    it('delivers both under 429 and 5xx answers from Telegram, once each', async () => {
      const { sim } = bot;
      sim.failWith429('sendDocument', 1, { chatId: official.id });
      sim.fail('sendDocument', { error_code: 502, description: 'Bad Gateway' }, { chatId: official.id });
      const workbook = await exportNow(official);
      expect(allRows(workbook.getWorksheet('Temu bisnis')!)).toHaveLength(8);
      sim.failWith429('sendMessage', 1, { chatId: official.id });
      sim.fail('sendMessage', { error_code: 500, description: 'Internal Server Error' }, { chatId: official.id });
      const before = official.messages().length;
      await official.send('/peringkat');
      expect(official.messages()).toHaveLength(before + 1);
      expect(official.lastText()).toContain('🥇 Keripik Tempe Bu Sri — 2 deal dari 3 temu');
    });
  });
});
