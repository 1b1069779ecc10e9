/**
 * The daily digest end to end: what a subscribed group receives (chart and
 * figures), exactly once per chat and local day, with a controlled clock —
 * at its time and not before, after a restart in the same minute, caught up
 * after the bot was down, never for yesterday, in WIB, WITA and WIT, and
 * with two bot processes on one database. /ringkasan sends it on demand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories/index.js';
import { createDigestScheduler } from '../../src/jobs/digest-scheduler.js';
import { createLogger } from '../../src/logger.js';
import type { SimChat, SimMessage, SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { outboxDrained, seedExhibitor, seedMission, seedReport, startSecondApp, testClock } from '../support/push-fixtures.js';

const JT = 1_000_000n;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The digest messages (chart and text) the bot pushed into a chat. */
const digestsIn = (chat: SimChat) => chat.messages().filter((m) => m.photo !== undefined);
/** The text that came with a digest chart: its caption if whole, else the next message. */
function digestText(chat: SimChat, photo: SimMessage): string {
  const all = chat.messages();
  const next = all[all.indexOf(photo) + 1];
  return photo.plain.startsWith('📊 Ringkasan harian') || photo.plain.startsWith('📊 Daily digest') ? photo.plain : (next?.plain ?? '');
}

// 26 November 2026 is day 1 of the mission; 20:00 WIB is 13:00 UTC.
const at = (utc: string) => new Date(`2026-11-${utc}Z`);

describe.each(TEST_PROVIDERS)('daily digest on %s', (provider) => {
  const clock = testClock('2026-11-26T03:00:00Z'); // 10:00 WIB
  let bot: TestBot;
  let official: SimUser;
  let englishOfficial: SimUser;
  let groupA: SimChat; // 20:00
  let groupB: SimChat; // 21:00
  let groupC: SimChat; // 23:00, English
  let missionId: number;
  const runs = () => bot.db.prisma.digestRun.findMany({ orderBy: { id: 'asc' } });
  const tick = async (utc: string) => {
    clock.set(`2026-11-${utc}Z`);
    await bot.app.jobs.scheduler.tick(clock.now());
    await outboxDrained(bot.db.prisma);
  };

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now, adminIds: [7002] });
    const prisma = bot.db.prisma;
    // History of the origin province: the previous mission (October, Rp2 M), one of last year, one of another province.
    const bali = await seedMission(prisma, { name: 'Misi Dagang Jawa Timur – Bali', hostProvince: 'BALI', startDate: '2026-10-05', endDate: '2026-10-07', status: 'CLOSED', timeZone: 'Asia/Makassar' });
    const lastYear = await seedMission(prisma, { name: 'Misi Dagang Jawa Timur – Aceh', hostProvince: 'ACEH', startDate: '2025-09-01', endDate: '2025-09-03', status: 'CLOSED' });
    const other = await seedMission(prisma, { name: 'Misi Dagang Sulsel – Banten', originProvince: 'SULSEL', startDate: '2026-11-01', endDate: '2026-11-03', status: 'CLOSED' });
    for (const [mission, amount, owner] of [[bali, 2_000n * JT, 8101], [lastYear, 5_000n * JT, 8102], [other, 1_000n * JT, 8103]] as const) {
      const e = await seedExhibitor(prisma, mission.id, { ownerId: owner, name: `Lama ${owner}`, category: 'makanan' });
      await seedReport(prisma, { missionId: mission.id, exhibitorId: e.id, ownerId: owner, amount, createdAt: new Date(`${mission.startDate}T05:00:00Z`) });
    }

    const mission = await seedMission(prisma, { name: 'Misi Dagang Jawa Timur – Banten', startDate: '2026-11-26', endDate: '2026-11-28', targetAmount: 3_000n * JT });
    missionId = mission.id;
    const ex = async (ownerId: number, name: string, category: string, province = 'JATIM') => (await seedExhibitor(prisma, missionId, { ownerId, name, category, province })).id;
    const sri = await ex(8001, 'Keripik Tempe Bu Sri', 'makanan');
    const kopi = await ex(8002, 'Kopi Ijen', 'minuman');
    const batik = await ex(8003, 'Batik Tulis Madura', 'fashion');
    const anyaman = await ex(8004, 'Anyaman Banten', 'kerajinan', 'BANTEN');
    const sambal = await ex(8005, 'Sambal Bu Rudy', 'makanan');
    const kretek = await ex(8006, 'Kretek Kudus', 'tembakau');
    const report = (exhibitorId: number, ownerId: number, amount: bigint, createdAt: string, more: { kind?: 'RETAIL' | 'ORDER' | 'LOI' | 'INVESTMENT'; direction?: 'SELL' | 'BUY'; voided?: boolean } = {}) =>
      seedReport(prisma, { missionId, exhibitorId, ownerId, amount, createdAt: new Date(createdAt), ...more });
    // Day 1 in WIB. 01:00 WIB on the 26th is still the 25th in UTC: it counts for the 26th.
    await report(kretek, 8006, 5n * JT, '2026-11-25T18:00:00Z');
    await report(sri, 8001, 1_500_000n, '2026-11-26T03:00:00Z');
    await report(kopi, 8002, 200n * JT, '2026-11-26T04:00:00Z', { kind: 'LOI' });
    await report(batik, 8003, 500n * JT, '2026-11-26T05:00:00Z', { kind: 'ORDER' });
    await report(anyaman, 8004, 50n * JT, '2026-11-26T06:00:00Z', { direction: 'BUY' });
    await report(kopi, 8002, 1_000n * JT, '2026-11-26T07:00:00Z', { kind: 'INVESTMENT' });
    await report(sambal, 8005, 10n * JT, '2026-11-26T08:00:00Z', { voided: true });

    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    englishOfficial = bot.sim.user({ id: 7002, firstName: 'Mr Smith', languageCode: 'en' });
    groupA = bot.sim.group({ title: 'Petugas Misi' });
    groupB = bot.sim.group({ title: 'Dinas Perindag' });
    groupC = bot.sim.group({ title: 'Trade Office' });
    await official.send('/langganan', { chat: groupA });
    await official.send('/langganan 21:00', { chat: groupB });
    await englishOfficial.send('/subscribe 23:00', { chat: groupC });
  });
  afterAll(async () => bot?.stop());

  it('sends nothing before the time', async () => {
    await tick('26T12:59:30'); // 19:59 WIB
    expect(await runs()).toEqual([]);
    expect(digestsIn(groupA)).toEqual([]);
  });

  it('at 20:00 WIB sends the group its digest: a PNG chart and the day’s figures', async () => {
    await tick('26T13:00:05');
    const [photo] = digestsIn(groupA);
    expect(photo).toBeDefined();
    expect(photo!.photo!.bytes!.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(photo!.photo!.bytes!.length).toBeGreaterThan(5_000);
    // Worked out by hand from the reports above (the voided Rp10 jt counts nowhere):
    // today = total = 5 jt + 1,5 jt + 200 jt + 500 jt + 50 jt + 1 M = Rp1.756.500.000;
    // 58,5 % of Rp3 M; retail 56,5 jt; committed 700 jt; sell = total − 50 jt (bought from Banten);
    // still needed (3 M − total) / 3 days = 414,5 jt; projection total × 3 days / 1 day = 5,27 M;
    // previous Jatim mission (Bali) Rp2 M → 87,8 %; Jatim 2026 = 2 M + this one (Aceh was 2025, Sulsel another province).
    // It fits in a photo caption (1,024 characters), so the chart carries it: one message.
    expect(photo!.plain).toBe(
      [
        '📊 Ringkasan harian · Misi Dagang Jawa Timur – Banten',
        '26 Nov 2026 · hari ke-1 dari 3 · Serang, Banten',
        '',
        'Hari ini: Rp1,76 M · 6 transaksi · 5 peserta melapor',
        'Kumulatif: Rp1,76 M dari target Rp3 M',
        '▓▓▓▓▓░░░░░ 58,5%',
        '',
        '💵 Terealisasi (tunai): Rp56,5 jt',
        '📝 Komitmen (pesanan + LoI): Rp700 jt',
        '🏗 Investasi: Rp1 M',
        '↔️ Jual Rp1,71 M · Beli Rp50 jt',
        '',
        '⏳ Sisa 3 hari · perlu Rp414,5 jt/hari',
        '📈 Proyeksi akhir dengan laju sekarang: Rp5,27 M',
        '',
        '🏷 Kategori teratas',
        '1. Minuman — Rp1,2 M',
        '2. Fashion — Rp500 jt',
        '3. Kerajinan — Rp50 jt',
        '',
        '🏆 Peserta teratas',
        '1. Kopi Ijen — Rp1,2 M',
        '2. Batik Tulis Madura — Rp500 jt',
        '3. Anyaman Banten — Rp50 jt',
        '4. Kretek Kudus — Rp5 jt',
        '5. Keripik Tempe Bu Sri — Rp1,5 jt',
        '',
        '🔁 Misi sebelumnya (Misi Dagang Jawa Timur – Bali, ke Bali): Rp2 M — sekarang 87,8% dari angka itu',
        '🗓 Total Jawa Timur tahun 2026 s.d. hari ini: Rp3,76 M (2 misi)',
      ].join('\n'),
    );
    expect(groupA.lastMessage()).toBe(photo);
    const [run] = await runs();
    expect(run).toMatchObject({ missionId, chatId: BigInt(groupA.id), localDate: '2026-11-26', claimedBy: bot.app.jobs.scheduler.id });
    const first = await bot.db.prisma.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `digest:${missionId}:${groupA.id}:2026-11-26` } });
    expect(run?.outboxId).toBe(first.id);
    expect(first).toMatchObject({ method: 'sendPhoto', purpose: 'digest', status: 'SENT' });
    // Group B (21:00) and C (23:00) are not due yet.
    expect(digestsIn(groupB)).toEqual([]);
    expect(digestsIn(groupC)).toEqual([]);
  });

  it('sends it once: another tick and a restart in the same minute send nothing more', async () => {
    await tick('26T13:00:40');
    clock.set('2026-11-26T13:00:50Z');
    await bot.restart(); // the new process catches up at start: the claim is already there
    await outboxDrained(bot.db.prisma);
    expect(digestsIn(groupA)).toHaveLength(1);
    expect(await runs()).toHaveLength(1);
    expect(await bot.db.prisma.outboxMessage.count({ where: { purpose: 'digest', chatId: BigInt(groupA.id) } })).toBe(1);
  });

  it('catches up a time missed while the bot was down, the same local day', async () => {
    // Down from 20:55 to 22:15 WIB: group B's 21:00 passed meanwhile.
    clock.set('2026-11-26T15:15:00Z');
    await bot.restart();
    await outboxDrained(bot.db.prisma);
    expect(digestsIn(groupB)).toHaveLength(1);
    expect(digestsIn(groupA)).toHaveLength(1);
    expect(digestsIn(groupC)).toEqual([]);
    expect((await runs()).map((r) => [r.chatId, r.localDate])).toEqual([
      [BigInt(groupA.id), '2026-11-26'],
      [BigInt(groupB.id), '2026-11-26'],
    ]);
  });

  it('does not catch up yesterday: down from 22:30 until after midnight, group C gets nothing for the 26th', async () => {
    clock.set('2026-11-26T17:30:00Z'); // 00:30 WIB on the 27th
    await bot.restart();
    await outboxDrained(bot.db.prisma);
    expect(digestsIn(groupC)).toEqual([]);
    expect(await runs()).toHaveLength(2);
  });

  it('on day 2 sends each group its digest at its time, in the subscriber’s language, the chart first and a long text after it', async () => {
    const kopi = await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { name: 'Kopi Ijen' } });
    // Long business names make the digest too long for a caption.
    for (const exhibitor of await bot.db.prisma.exhibitor.findMany({ where: { missionId } })) {
      await bot.db.prisma.exhibitor.update({ where: { id: exhibitor.id }, data: { name: `${exhibitor.name} — ${'Usaha Mikro Kecil Menengah Binaan Dinas '.repeat(3).trim()}` } });
    }
    await seedReport(bot.db.prisma, { missionId, exhibitorId: kopi.id, ownerId: 8002, amount: 3n * JT, createdAt: at('27T02:00:00') });
    await tick('27T13:00:00'); // 20:00 WIB
    expect(digestsIn(groupA)).toHaveLength(2);
    expect(digestsIn(groupB)).toHaveLength(1);
    await tick('27T16:00:00'); // 23:00 WIB: B and C
    expect(digestsIn(groupB)).toHaveLength(2);
    const [english] = digestsIn(groupC);
    expect(english?.plain).toBe('📊 Digest of Misi Dagang Jawa Timur – Banten · 27 Nov 2026');
    const text = digestText(groupC, english!);
    expect(text).toContain('📊 Daily digest · Misi Dagang Jawa Timur – Banten');
    expect(text).toContain('27 Nov 2026 · day 2 of 3 · Serang, Banten');
    expect(text).toContain('Today: Rp3 m · 1 transaction · 1 exhibitor reporting');
    expect(text).toContain('Cumulative: Rp1.76 bn of the Rp3 bn target');
    expect(text).toContain('1. Drinks — Rp1.2 bn');
    expect(text).toContain('1. Kopi Ijen — Usaha Mikro Kecil Menengah Binaan Dinas Usaha Mikro');
    expect(text.length).toBeGreaterThan(1024);
    expect(groupC.messages().indexOf(english!)).toBe(groupC.messages().length - 2);
    expect(await bot.db.prisma.outboxMessage.findMany({ where: { chatId: BigInt(groupC.id), purpose: 'digest' }, orderBy: { id: 'asc' }, select: { method: true, dedupeKey: true } })).toEqual([
      { method: 'sendPhoto', dedupeKey: `digest:${missionId}:${groupC.id}:2026-11-27` },
      { method: 'sendMessage', dedupeKey: `digest:${missionId}:${groupC.id}:2026-11-27:1` },
    ]);
    expect((await runs()).map((r) => r.localDate)).toEqual(['2026-11-26', '2026-11-26', '2026-11-27', '2026-11-27', '2026-11-27']);
  });

  it('/ringkasan sends the digest now to the asking chat, in private or in a group, without counting as the daily run', async () => {
    clock.set('2026-11-27T17:30:00Z'); // 00:30 WIB on the 28th: nobody is due yet
    const before = await runs();
    await official.send('/ringkasan');
    const mine = official.messages().filter((m) => m.photo !== undefined);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.photo!.bytes!.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(mine[0]!.plain).toBe('📊 Ringkasan Misi Dagang Jawa Timur – Banten · 28 Nov 2026');
    expect(official.lastText()).toContain('📊 Ringkasan harian · Misi Dagang Jawa Timur – Banten');
    expect(official.lastText()).toContain('Hari ini: Rp0 · 0 transaksi · 0 peserta melapor'); // 00:00 WIB on the 28th
    await englishOfficial.send('/digest', { chat: groupA });
    expect(digestsIn(groupA)).toHaveLength(3);
    expect(groupA.lastText()).toContain('📊 Daily digest');
    expect(await runs()).toEqual(before);
  });
});

describe.each(TEST_PROVIDERS)('digest schedule across time zones on %s', (provider) => {
  // 25 November, the day before the missions start, in every zone (17:00 WIT).
  const clock = testClock('2026-11-25T08:00:00Z');
  let bot: TestBot;
  const groups: Record<string, SimChat> = {};
  const missions: Record<string, number> = {};

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now });
    const prisma = bot.db.prisma;
    const zones = [
      ['WIB', 'Asia/Jakarta', 'JATIM', '20:00'],
      ['WITA', 'Asia/Makassar', 'BALI', '20:00'],
      ['WIT', 'Asia/Jayapura', 'PAPUA', '20:00'],
      ['WIT-early', 'Asia/Jayapura', 'PABAR', '00:30'],
    ] as const;
    for (const [label, timeZone, origin, time] of zones) {
      const mission = await seedMission(prisma, { name: `Misi ${label}`, originProvince: origin, timeZone, startDate: '2026-11-26', endDate: '2026-11-28' });
      missions[label] = mission.id;
      const group = bot.sim.group({ title: `Grup ${label}` });
      groups[label] = group;
      await prisma.chat.create({ data: { id: BigInt(group.id), type: 'group', title: group.title } });
      await prisma.subscription.create({ data: { missionId: mission.id, chatId: BigInt(group.id), localTime: time, createdById: null } });
    }
  });
  afterAll(async () => bot?.stop());

  const tick = async (utc: string) => {
    clock.set(utc);
    await bot.app.jobs.scheduler.tick(clock.now());
  };
  const claimed = async () =>
    (await bot.db.prisma.digestRun.findMany({ orderBy: { id: 'asc' } })).map((run) => {
      const label = Object.keys(missions).find((key) => missions[key] === run.missionId);
      return `${label} ${run.localDate}`;
    });

  const day1 = ['WIT-early 2026-11-26', 'WIT 2026-11-26', 'WITA 2026-11-26', 'WIB 2026-11-26'];
  it.each([
    ['2026-11-25T13:00:00Z', []], // 20:00 WIB on the 25th: before every mission
    ['2026-11-25T15:29:00Z', []], // 00:29 WIT on the 26th
    ['2026-11-25T15:30:00Z', day1.slice(0, 1)], // 00:30 WIT on the 26th, while UTC (and WIB) is still the 25th
    ['2026-11-26T10:59:00Z', day1.slice(0, 1)], // 19:59 WIT
    ['2026-11-26T11:00:00Z', day1.slice(0, 2)], // 20:00 WIT
    ['2026-11-26T11:59:00Z', day1.slice(0, 2)], // 19:59 WITA
    ['2026-11-26T12:00:00Z', day1.slice(0, 3)], // 20:00 WITA
    ['2026-11-26T12:59:00Z', day1.slice(0, 3)], // 19:59 WIB
    ['2026-11-26T13:00:00Z', day1], // 20:00 WIB
    ['2026-11-26T15:29:00Z', day1], // 00:29 WIT on the 27th
    ['2026-11-26T15:30:00Z', [...day1, 'WIT-early 2026-11-27']], // 00:30 WIT on the 27th
  ] as const)('at %s the claimed digests are %j', async (utc, expected) => {
    await tick(utc);
    expect(await claimed()).toEqual(expected);
  });

  it('dated each digest with the local day of its own zone', async () => {
    await outboxDrained(bot.db.prisma);
    const dates = (label: string) => groups[label]!.messages().filter((m) => m.photo).map((m) => m.plain.split('\n')[1]?.split(' · ')[0]);
    expect(dates('WIT-early')).toEqual(['26 Nov 2026', '27 Nov 2026']);
    expect(dates('WIT')).toEqual(['26 Nov 2026']);
    expect(dates('WIB')).toEqual(['26 Nov 2026']);
  });

  it('sends nothing after the mission’s last day', async () => {
    await tick('2026-11-29T14:00:00Z');
    expect((await claimed()).filter((c) => c.endsWith('2026-11-29'))).toEqual([]);
  });
});

// Two bot processes share a database only on PostgreSQL (README: SQLite is one process). In this test
// both "processes" run in one Node thread, where two synchronous SQLite connections would wait on
// each other's write lock; SQLite gets the concurrent-ticks test below instead.
describe.each(TEST_PROVIDERS.filter((provider) => provider === 'postgresql'))('daily digest with two bot processes on one %s database', (provider) => {
  const clock = testClock('2026-11-26T03:00:00Z');
  let bot: TestBot;
  let second: Awaited<ReturnType<typeof startSecondApp>>;
  let group: SimChat;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now });
    await seedMission(bot.db.prisma, { name: 'Misi Berdua' });
    group = bot.sim.group({ title: 'Petugas' });
    await bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' }).send('/langganan 20:00', { chat: group });
    second = await startSecondApp(bot, { now: clock.now, groups: [{ id: group.id, title: 'Petugas' }] });
  });
  afterAll(async () => {
    await second?.stop();
    await bot?.stop();
  });

  const photosEverywhere = () => [
    ...bot.sim.callsOf('sendPhoto').filter((c) => c.ok && Number(c.params.chat_id) === group.id),
    ...second.sim.callsOf('sendPhoto').filter((c) => c.ok && Number(c.params.chat_id) === group.id),
  ];

  it('claims and sends the day’s digest once when both processes tick at the same moment', async () => {
    clock.set('2026-11-26T13:00:00Z');
    const results = await Promise.all([bot.app.jobs.scheduler.tick(clock.now()), second.app.jobs.scheduler.tick(clock.now()), bot.app.jobs.scheduler.tick(clock.now())]);
    expect(results.flat().length).toBeLessThanOrEqual(1);
    await outboxDrained(bot.db.prisma);
    expect(await bot.db.prisma.digestRun.count()).toBe(1);
    expect(photosEverywhere()).toHaveLength(1);
  });

  it('still once when both restart in the same minute', async () => {
    clock.set('2026-11-26T13:00:30Z');
    await Promise.all([bot.restart(), second.stop()]);
    const third = await startSecondApp(bot, { now: clock.now, groups: [{ id: group.id, title: 'Petugas' }] });
    try {
      await outboxDrained(bot.db.prisma);
      expect(await bot.db.prisma.digestRun.count()).toBe(1);
      const thirdPhotos = third.sim.callsOf('sendPhoto').filter((c) => c.ok);
      expect(photosEverywhere().length + thirdPhotos.length).toBe(1);
    } finally {
      await third.stop();
    }
  });
});

describe.each(TEST_PROVIDERS)('daily digest with concurrent schedulers on %s', (provider) => {
  const clock = testClock('2026-11-26T03:00:00Z');
  let bot: TestBot;
  let group: SimChat;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now });
    await seedMission(bot.db.prisma, { name: 'Misi Serentak' });
    group = bot.sim.group({ title: 'Petugas' });
    await bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' }).send('/langganan 20:00', { chat: group });
  });
  afterAll(async () => bot?.stop());

  it('claims the chat-day once when several schedulers tick at the same moment', async () => {
    const other = createDigestScheduler({ repos: createRepositories(bot.app.db), logger: createLogger({ level: 'silent' }), now: clock.now, id: 'other' });
    clock.set('2026-11-26T13:00:00Z');
    const results = await Promise.all([bot.app.jobs.scheduler.tick(clock.now()), other.tick(clock.now()), bot.app.jobs.scheduler.tick(clock.now()), other.tick(clock.now())]);
    expect(results.flat().length).toBeLessThanOrEqual(1);
    await outboxDrained(bot.db.prisma);
    expect(await bot.db.prisma.digestRun.count()).toBe(1);
    expect(group.messages().filter((m) => m.photo)).toHaveLength(1);
  });

  it('is driven by node-cron with the bot’s clock: a started scheduler sends the next day’s digest by itself', async () => {
    // A scheduler like the app's, ticking every second instead of every minute; the app's own one stands aside.
    await bot.app.jobs.scheduler.stop();
    const cronDriven = createDigestScheduler({ repos: createRepositories(bot.app.db), logger: createLogger({ level: 'silent' }), now: clock.now, id: 'cron', cronExpression: '* * * * * *' });
    clock.set('2026-11-27T12:00:00Z'); // 19:00 WIB on day 2: its start-up catch-up finds nothing due
    await cronDriven.start();
    try {
      expect(await bot.db.prisma.digestRun.count()).toBe(1);
      clock.set('2026-11-27T13:00:00Z'); // 20:00 WIB
      await bot.sim.waitFor((call) => call.method === 'sendPhoto' && call.ok && Number(call.params.chat_id) === group.id && String(call.params.caption).includes('27 Nov 2026'));
      expect(await bot.db.prisma.digestRun.findMany({ where: { localDate: '2026-11-27' } })).toMatchObject([{ claimedBy: 'cron' }]);
    } finally {
      await cronDriven.stop();
    }
  });
});
