import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENING_DAY_REPORTS, playOpeningDay, type OpeningDayCast } from '../../src/demo/opening-day.js';
import { formatRupiahCompact } from '../../src/domain/money.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';

// The demo's script, checked: what `npm run demo` prints must be right.
describe.each(TEST_PROVIDERS)('the demo opening day on %s', (provider) => {
  let bot: TestBot;
  let cast: OpeningDayCast;
  const NOW = new Date('2026-11-26T05:00:00Z');

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW, adminIds: [5_100_001] });
    cast = await playOpeningDay(bot.sim, NOW);
  });
  afterAll(async () => bot?.stop());

  it('saves every scripted report and nothing from the mistyped one', async () => {
    const rows = await bot.db.prisma.saleReport.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((row) => row.amount)).toEqual(OPENING_DAY_REPORTS.map((report) => report.amount));
    expect(rows.map((row) => row.kind)).toEqual(['RETAIL', 'RETAIL', 'ORDER', 'RETAIL', 'LOI']);
  });

  it('ends with a progress message whose figures are the sum of the reports', async () => {
    const total = OPENING_DAY_REPORTS.reduce((sum, report) => sum + report.amount, 0n);
    expect(total).toBe(2_623_100_000n);
    const text = cast.buyer.lastText() ?? '';
    expect(text).toContain('Progress of Misi Dagang Jawa Timur – Banten');
    expect(text).toContain(`Total: ${formatRupiahCompact(total)} of the Rp3 M target`);
    expect(text).toContain('Rp2,62 M');
    expect(text).toContain('87.4%');
    expect(text).toContain('Realised (retail): Rp3,1 jt');
    expect(text).toContain('Committed (orders + LoI): Rp2,62 M');
    expect(text).toContain('5 reports from 3 exhibitors');
    expect(text).toContain('3 days left');
  });
});
