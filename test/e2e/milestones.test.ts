/**
 * Milestone alerts end to end: an exhibitor's saved /lapor makes the mission
 * cross 25, 50, 75, 100 % (and every further 100 %) of its target, and every
 * subscribed group gets one alert per mark, once, also when reports are
 * saved at the same moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSale } from '../../src/demo/flows.js';
import type { SimChat, SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { outboxDrained, seedExhibitor, seedMission, testClock } from '../support/push-fixtures.js';

const clock = testClock('2026-11-26T03:00:00Z'); // 10:00 WIB on day 1

describe.each(TEST_PROVIDERS)('milestone alerts on %s', (provider) => {
  let bot: TestBot;
  let groupA: SimChat;
  let groupB: SimChat;
  let stopped: SimChat;
  let missionId: number;
  const exhibitors: SimUser[] = [];

  const alertsIn = (chat: SimChat) => chat.messages().map((m) => m.plain).filter((text) => /melewati|mencapai|passed|reached/.test(text));
  const claimed = async () => (await bot.db.prisma.milestoneAlert.findMany({ where: { missionId }, orderBy: { percent: 'asc' } })).map((m) => m.percent);

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now, adminIds: [7002] });
    const mission = await seedMission(bot.db.prisma, { name: 'Misi Dagang Jawa Timur – Banten', targetAmount: 100_000_000n });
    missionId = mission.id;
    for (let i = 0; i < 4; i++) {
      const id = 8201 + i;
      await seedExhibitor(bot.db.prisma, missionId, { ownerId: id, name: `Usaha ${id}`, category: 'makanan' });
      exhibitors.push(bot.sim.user({ id, firstName: `UMKM ${id}` }));
    }
    const official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    const english = bot.sim.user({ id: 7002, firstName: 'Mr Smith', languageCode: 'en' });
    groupA = bot.sim.group({ title: 'Petugas' });
    groupB = bot.sim.group({ title: 'Trade Office' });
    stopped = bot.sim.group({ title: 'Grup Berhenti' });
    await official.send('/langganan', { chat: groupA });
    await english.send('/subscribe', { chat: groupB });
    await official.send('/langganan', { chat: stopped });
    await official.send('/berhenti', { chat: stopped });
  });
  afterAll(async () => bot?.stop());

  it('sends nothing below the first mark', async () => {
    await reportSale(exhibitors[0]!, '20 jt keripik');
    await outboxDrained(bot.db.prisma);
    expect(alertsIn(groupA)).toEqual([]);
    expect(await claimed()).toEqual([]);
  });

  it('alerts every subscribed group once when a report crosses 25 %, in the subscriber’s language', async () => {
    await reportSale(exhibitors[1]!, '10 jt kopi');
    await outboxDrained(bot.db.prisma);
    expect(alertsIn(groupA)).toEqual(['🚩 Misi Dagang Jawa Timur – Banten melewati 25% target: Rp30 jt dari Rp100 jt.']);
    expect(alertsIn(groupB)).toEqual(['🚩 Misi Dagang Jawa Timur – Banten has passed 25% of its target: Rp30 m of Rp100 m.']);
    expect(alertsIn(stopped)).toEqual([]);
    expect(await claimed()).toEqual([25]);
    const keys = (await bot.db.prisma.outboxMessage.findMany({ where: { purpose: 'milestone' }, orderBy: { id: 'asc' } })).map((row) => row.dedupeKey);
    expect(keys).toEqual([`milestone:${missionId}:25:${groupA.id}`, `milestone:${missionId}:25:${groupB.id}`]);
  });

  it('sends one alert naming the highest mark when one report jumps over several', async () => {
    await reportSale(exhibitors[2]!, '50 jt kontrak batik'); // 30 → 80 jt: 50 % and 75 %
    await outboxDrained(bot.db.prisma);
    expect(alertsIn(groupA)).toEqual([
      '🚩 Misi Dagang Jawa Timur – Banten melewati 25% target: Rp30 jt dari Rp100 jt.',
      '🚩 Misi Dagang Jawa Timur – Banten melewati 75% target: Rp80 jt dari Rp100 jt.',
    ]);
    expect(alertsIn(groupB).at(-1)).toBe('🚩 Misi Dagang Jawa Timur – Banten has passed 75% of its target: Rp80 m of Rp100 m.');
    // 50 % is claimed all the same, so no later report announces it.
    expect(await claimed()).toEqual([25, 50, 75]);
  });

  it('claims 100 % and 200 % once each when two reports are saved at the same moment, and announces 200 % once', async () => {
    // 80 jt now; each adds 60 jt: together 200 jt. Whatever order the two saves and checks take, each mark is claimed once;
    // 100 % is announced only when the report that claims it does not also cross 200 %.
    const [x, y] = [exhibitors[0]!, exhibitors[3]!];
    await x.send('/lapor 60 jt keripik');
    await y.send('/lapor 60 jt sambal');
    await Promise.all([x.tap('✅ Simpan'), y.tap('✅ Simpan')]);
    await outboxDrained(bot.db.prisma);
    expect(await bot.db.prisma.saleReport.count({ where: { missionId } })).toBe(5);
    expect(await claimed()).toEqual([25, 50, 75, 100, 200]);
    const a = alertsIn(groupA);
    expect(a.filter((text) => text.includes('100%')).length).toBeLessThanOrEqual(1);
    expect(a.filter((text) => text.includes('200%'))).toEqual(['🎉 Misi Dagang Jawa Timur – Banten mencapai 200% target! Total sekarang Rp200 jt (target Rp100 jt).']);
    expect([3, 4]).toContain(a.length);
    expect(alertsIn(groupB)).toHaveLength(a.length);
    expect(await bot.db.prisma.outboxMessage.count({ where: { purpose: 'milestone' } })).toBe(2 * a.length);
  });

  it('does not alert a mark again after a restart', async () => {
    const before = alertsIn(groupA).length;
    await bot.restart();
    await reportSale(exhibitors[1]!, '1 jt kopi');
    await outboxDrained(bot.db.prisma);
    expect(alertsIn(groupA)).toHaveLength(before);
    expect(await claimed()).toEqual([25, 50, 75, 100, 200]);
  });
});
