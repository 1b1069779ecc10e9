import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENING_DAY_REPORTS, VOIDED_REPORT, WIZARD_REPORT, playOpeningDay } from '../../src/demo/opening-day.js';
import { formatRupiahCompact } from '../../src/domain/money.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// The demo's script, checked: what `npm run demo` prints must be right.
describe.each(TEST_PROVIDERS)('the demo opening day on %s', (provider) => {
  let bot: TestBot;
  let day: Awaited<ReturnType<typeof playOpeningDay>>;
  const NOW = new Date('2026-11-26T05:00:00Z');

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW, adminIds: [5_100_001] });
    day = await playOpeningDay(bot.sim, NOW);
  }, 120_000);
  afterAll(async () => bot?.stop());

  it('saves every scripted report, keeps the voided one marked, and saves nothing from the mistyped one', async () => {
    const rows = await bot.db.prisma.saleReport.findMany({ orderBy: { id: 'asc' } });
    const live = rows.filter((row) => row.voidedAt === null);
    expect(live.map((row) => row.amount)).toEqual([...OPENING_DAY_REPORTS.map((report) => report.amount), WIZARD_REPORT.amount]);
    expect(live.map((row) => row.kind)).toEqual(['RETAIL', 'RETAIL', 'ORDER', 'RETAIL', 'LOI', 'ORDER']);
    const voided = rows.filter((row) => row.voidedAt !== null);
    expect(voided).toHaveLength(1);
    expect(voided[0]).toMatchObject({ amount: VOIDED_REPORT.amount, voidReason: VOIDED_REPORT.reason });
    // The wizard report is linked to Pak Harto's listing.
    const product = await bot.db.prisma.product.findFirstOrThrow({ where: { name: 'Kopi Arabika Ijen 250 g' } });
    expect(live.at(-1)?.productId).toBe(product.id);
  });

  it('ends with a progress message whose figures are the sum of the live reports', async () => {
    const total = [...OPENING_DAY_REPORTS.map((report) => report.amount), WIZARD_REPORT.amount].reduce((sum, amount) => sum + amount, 0n);
    expect(total).toBe(2_668_100_000n);
    const text = day.buyer.lastText() ?? '';
    expect(text).toContain('Progress of Misi Dagang Jawa Timur – Banten');
    // The buyer reads English: bn and m, English decimal marks throughout.
    expect(text).toContain(`Total: ${formatRupiahCompact(total, 'en')} of the Rp3 bn target`);
    expect(text).toContain('Rp2.67 bn');
    expect(text).toContain('88.9%');
    expect(text).toContain('Realised (retail): Rp3.1 m');
    expect(text).toContain('Committed (orders + LoI): Rp2.67 bn');
    expect(text).toContain('6 reports from 3 exhibitors');
    expect(text).toContain('3 days left');
  });

  it('shows the group the milestone alerts, and the digest with a chart', async () => {
    const groupTexts = day.group.messages().map((message) => message.plain);
    // Every mark is claimed; a report that jumps several marks announces only the highest one.
    const marks = (await bot.db.prisma.milestoneAlert.findMany({ orderBy: { percent: 'asc' } })).map((alert) => alert.percent);
    expect(marks).toEqual([25, 50, 75]);
    const alerts = groupTexts.filter((text) => /melewati \d+% target/.test(text));
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(alerts.length).toBeLessThanOrEqual(3);
    expect(alerts.at(-1)).toMatch(/melewati 75% target/);
    expect(day.chart?.photo?.bytes?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(day.chart?.plain).toContain('Kumulatif: Rp2,67 M dari target Rp3 M');
  });

  it('connects the buyer and the exhibitor once the inquiry is accepted', async () => {
    const inquiry = await bot.db.prisma.inquiry.findFirstOrThrow();
    expect(inquiry).toMatchObject({ status: 'ACCEPTED', quantity: 200 });
    expect(day.buyer.messages().some((message) => message.plain.includes('+62 812-3456-7890'))).toBe(true);
  });

  it('exports the mission as a workbook and a CSV', () => {
    expect(day.exports.map((message) => message.document?.filename)).toEqual([
      'misi-dagang-jawa-timur-banten-2026-11-26.xlsx',
      'misi-dagang-jawa-timur-banten-2026-11-26.csv',
    ]);
    expect(day.exports.every((message) => (message.document?.bytes?.length ?? 0) > 200)).toBe(true);
  });
});
