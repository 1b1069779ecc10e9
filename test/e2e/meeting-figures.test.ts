/**
 * Business matching's figures in /progres and the digest (/ringkasan): no
 * line before the mission has a matching session; then meetings booked,
 * held and ending in a deal, and the amount of the live reports the deals
 * became (a voided one does not count). The meetings are made through the
 * repository; the flows that make them have their own tests (matching.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { NOW, createMission, registerExhibitor } from '../support/catalog-fixtures.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';

const LINE = /🤝 Temu bisnis/;

describe.each(TEST_PROVIDERS)('business matching figures on %s', (provider) => {
  let bot: TestBot;
  let repos: Repositories;
  let missionId: number;
  let official: SimUser;
  let sri: SimUser;
  let sriShop: number;

  beforeAll(async () => {
    // createMission makes the default official's simulated user; this one is an official from ADMIN_TELEGRAM_IDS too.
    bot = await startTestBot(provider, { now: () => NOW, adminIds: [9800] });
    repos = createRepositories(bot.db);
    missionId = await createMission(bot);
    official = bot.sim.user({ id: 9800, firstName: 'Bu Rina' });
    sri = bot.sim.user({ id: 9801, firstName: 'Bu', lastName: 'Sri' });
    sriShop = await registerExhibitor(bot, sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890', booth: 'A12' });
  });
  afterAll(async () => bot?.stop());

  it('shows no business matching line in /progres or the digest while the mission has no session', async () => {
    await official.send('/progres');
    expect(official.lastText()).toContain('Progres');
    expect(official.lastText()).not.toMatch(LINE);
    await official.send('/ringkasan');
    expect(official.messages().at(-1)!.plain).toContain('Ringkasan harian');
    expect(official.messages().map((m) => m.plain).join('\n')).not.toMatch(LINE);
    expect(await repos.matching.figures(missionId)).toBeUndefined();
  });

  it('counts booked, held and deals, and sums the live reports of the deals', async () => {
    const session = await repos.matching.createSession(missionId, { days: ['2026-11-26'], startTime: '13:00', endTime: '16:00', slotMinutes: 30, tableCount: 2 }, BigInt(OFFICIAL_ID));
    const owner = BigInt(sri.id);
    /** A buyer books 13:00 + `slot` × 30 minutes with Bu Sri; `accept` lets her accept it. */
    async function book(buyerId: number, slot: number, accept: boolean): Promise<number> {
      const buyer = bot.sim.user({ id: buyerId, firstName: `Pembeli ${buyerId}` });
      await buyer.send('/start');
      const booked = await repos.matching.request(
        { sessionId: session.id, missionId, day: '2026-11-26', slotStart: new Date(Date.parse('2026-11-26T06:00:00Z') + slot * 30 * 60_000), buyerId: BigInt(buyerId), exhibitorId: sriShop, note: 'Kontrak 2 ton', at: NOW },
        session.tableCount,
        () => [],
      );
      if (!booked.ok) throw new Error(`slot ${slot} taken`);
      if (accept) expect((await repos.matching.accept(booked.meeting.id, owner, NOW, () => [])).ok).toBe(true);
      return booked.meeting.id;
    }
    /** The deal's report, saved as the deal flow saves it, and linked from the meeting. */
    async function dealReport(meetingId: number, amount: bigint, updateId: bigint): Promise<number> {
      expect((await repos.matching.setOutcome(meetingId, owner, 'DEAL')).ok).toBe(true);
      const saved = await repos.sales.record({
        missionId, exhibitorId: sriShop, productId: null, productText: 'Keripik Tempe', amount, kind: 'ORDER', direction: 'SELL',
        quantity: null, unit: null, buyerName: 'Pembeli', buyerOrigin: null, reportedById: owner, sourceUpdateId: updateId, createdAt: NOW,
      });
      await repos.matching.linkReport(meetingId, saved.report.id);
      return saved.report.id;
    }

    await book(9811, 0, false); // requested only: not booked
    await book(9812, 1, true); // accepted: booked
    const followUp = await book(9813, 2, true);
    expect((await repos.matching.setOutcome(followUp, owner, 'FOLLOW_UP')).ok).toBe(true);
    await dealReport(await book(9814, 3, true), 25_000_000n, 990_001n);
    const voided = await dealReport(await book(9815, 4, true), 7_000_000n, 990_002n);
    expect((await repos.sales.voidReport({ id: voided, reason: 'salah ketik', actorId: BigInt(OFFICIAL_ID), at: NOW })).ok).toBe(true);

    expect(await repos.matching.figures(missionId)).toEqual({ booked: 4, held: 3, deals: 2, dealAmount: 25_000_000n });
    const rows = await bot.db.prisma.meeting.findMany({ where: { outcome: 'DEAL' } });
    expect(rows.every((row) => row.saleReportId !== null)).toBe(true);

    await official.send('/progres');
    expect(official.lastText()).toContain('🤝 Temu bisnis: 4 terjadwal, 3 terlaksana, 2 deal (Rp25 jt)');
    await official.send('/ringkasan');
    expect(official.messages().slice(-2).map((m) => m.plain).join('\n')).toContain('🤝 Temu bisnis: 4 terjadwal, 3 terlaksana, 2 deal (Rp25 jt)');
  });

  it('says it in English with plurals', async () => {
    const english = bot.sim.user({ id: 9820, firstName: 'Jane', languageCode: 'en' });
    await english.send('/progress');
    expect(english.lastText()).toContain('🤝 Business meetings: 4 booked, 3 held, 2 deals (Rp25 m)');
  });
});
