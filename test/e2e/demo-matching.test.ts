import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories/index.js';
import { MEETING_DEAL, playBusinessMatching } from '../../src/demo/business-matching.js';
import { playOpeningDay } from '../../src/demo/opening-day.js';
import { meetingOutcomeTick } from '../../src/jobs/meeting-outcomes.js';
import { createLogger } from '../../src/logger.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// The demo's business matching and booth scene, checked: what `npm run demo` prints must be right.
describe.each(TEST_PROVIDERS)('the demo business matching and booth QR on %s', (provider) => {
  let bot: TestBot;
  let scene: Awaited<ReturnType<typeof playBusinessMatching>>;
  const NOW = new Date('2026-11-26T05:00:00Z');

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW, adminIds: [5_100_001] });
    const day = await playOpeningDay(bot.sim, NOW);
    const repos = createRepositories(bot.db);
    const logger = createLogger({ level: 'silent' });
    scene = await playBusinessMatching(bot.sim, day, async (at) => void (await meetingOutcomeTick({ repos, logger }, at)), NOW);
  }, 180_000);
  afterAll(async () => bot?.stop());

  it('books a meeting for tomorrow, accepted, held, and its deal saved as a report that remembers it', async () => {
    const [meeting] = await bot.db.prisma.meeting.findMany();
    expect(meeting).toMatchObject({ day: '2026-11-27', status: 'HELD', outcome: 'DEAL', tableNo: 1 });
    expect(meeting!.slotStart.toISOString()).toBe('2026-11-27T02:00:00.000Z');
    const report = await bot.db.prisma.saleReport.findUniqueOrThrow({ where: { id: meeting!.saleReportId! } });
    expect(report).toMatchObject({ amount: MEETING_DEAL.amount, kind: 'ORDER', buyerName: 'Mr. Tan', voidedAt: null });
  });

  it('sends the booth QR as a PNG, and the visitor who scanned it becomes a scored lead', async () => {
    expect(scene.qr?.document?.filename).toBe('qr-keripik-tempe-bu-sri.png');
    expect(scene.qr?.document?.bytes?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const [lead] = await bot.db.prisma.lead.findMany();
    expect(lead).toMatchObject({ visitorId: BigInt(scene.visitor.id), score: 5 });
  });

  it('exports again with the meetings sheet', async () => {
    const xlsx = scene.exports.find((message) => message.document?.filename?.endsWith('.xlsx'))?.document?.bytes;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Temu bisnis')!;
    expect(sheet.getRow(2).getCell(10).value).toBe(Number(MEETING_DEAL.amount));
    expect(sheet.rowCount).toBe(2);
  });
});
