/**
 * /langganan (/subscribe) and /berhenti (/unsubscribe) end to end: an
 * official subscribes a group to the active mission's daily digest at a
 * local time, changes the time, stops it; bad times and the wrong people
 * are refused and change nothing; every change is audited. Also the Chat
 * table the outbox relies on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimChat, SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { seedExhibitor, seedMission, testClock } from '../support/push-fixtures.js';

// Thursday 26 November 2026, 10:00 WIB: the first day of the mission, long before its 20:00 digest.
const clock = testClock('2026-11-26T03:00:00Z');

describe.each(TEST_PROVIDERS)('group subscriptions on %s', (provider) => {
  let bot: TestBot;
  let official: SimUser;
  let englishOfficial: SimUser;
  let exhibitor: SimUser;
  let stranger: SimUser;
  let group: SimChat;
  let missionId: number;
  let noMissionAnswer: string | undefined;

  const subscriptions = () => bot.db.prisma.subscription.findMany({ orderBy: { id: 'asc' } });
  const audits = () => bot.db.prisma.auditLog.findMany({ where: { entity: 'Subscription' }, orderBy: { id: 'asc' } });
  const snapshot = async () => ({ subscriptions: await subscriptions(), audits: await audits() });

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now, adminIds: [7002] });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    englishOfficial = bot.sim.user({ id: 7002, firstName: 'Mr Smith', languageCode: 'en' });
    exhibitor = bot.sim.user({ id: 8001, firstName: 'Bu Sri' });
    stranger = bot.sim.user({ id: 8999, firstName: 'Tamu' });
    group = bot.sim.group({ title: 'Petugas Misi Jatim' });

    // Before any mission exists, there is nothing to subscribe to.
    await official.send('/langganan', { chat: group });
    noMissionAnswer = group.lastText();

    const mission = await seedMission(bot.db.prisma, { name: 'Misi Dagang Jawa Timur – Banten', digestTime: '20:00' });
    missionId = mission.id;
    await seedExhibitor(bot.db.prisma, missionId, { ownerId: 8001, name: 'Keripik Tempe Bu Sri', category: 'makanan' });
  });
  afterAll(async () => bot?.stop());

  it('answers that there is no active mission before one exists, and saves nothing', async () => {
    expect(noMissionAnswer).toContain('Belum ada misi dagang yang aktif');
    // The group itself is known (the outbox needs its type), but nothing is subscribed.
    expect(await bot.db.prisma.chat.findUnique({ where: { id: BigInt(group.id) } })).toMatchObject({ type: 'group', title: 'Petugas Misi Jatim', active: true });
  });

  it('subscribes a group at the mission’s digest time by default, audited', async () => {
    await official.send('/langganan', { chat: group });
    expect(group.lastText()).toBe(
      '✅ Grup ini berlangganan ringkasan harian Misi Dagang Jawa Timur – Banten setiap pukul 20:00 WIB, selama misi berlangsung. Berhenti dengan /berhenti.',
    );
    const [sub] = await subscriptions();
    expect(sub).toMatchObject({ missionId, chatId: BigInt(group.id), localTime: '20:00', active: true, createdById: BigInt(OFFICIAL_ID) });
    const [audit] = await audits();
    expect(audit).toMatchObject({ action: 'subscription.create', actorId: BigInt(OFFICIAL_ID), entityId: String(sub?.id), before: null });
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ localTime: '20:00', active: true });
  });

  it('changes the time on a second /langganan with a time, audited with before and after', async () => {
    await official.send('/langganan 21.30', { chat: group });
    expect(group.lastText()).toBe('✅ Jam ringkasan harian Misi Dagang Jawa Timur – Banten untuk grup ini diubah dari 20:00 ke 21:30 WIB.');
    const all = await subscriptions();
    expect(all).toHaveLength(1);
    expect(all[0]?.localTime).toBe('21:30');
    const last = (await audits()).at(-1);
    expect(last?.action).toBe('subscription.update');
    expect(JSON.parse(last?.before ?? '{}')).toMatchObject({ localTime: '20:00' });
    expect(JSON.parse(last?.after ?? '{}')).toMatchObject({ localTime: '21:30' });
  });

  it.each([
    ['/langganan jam 8 malam', '20:00'],
    ['/langganan@misi_dagang_bot 19:45', '19:45'],
    ['/subscribe 7pm', '19:00'],
  ])('reads the time in "%s" as %s', async (command, expected) => {
    await official.send(command, { chat: group });
    expect((await subscriptions())[0]?.localTime).toBe(expected);
  });

  it('changes nothing (and audits nothing) when the time is the same', async () => {
    const before = await snapshot();
    await official.send('/langganan 19:00', { chat: group });
    expect(group.lastText()).toBe('Grup ini sudah berlangganan ringkasan Misi Dagang Jawa Timur – Banten pukul 19:00 WIB. Tidak ada yang diubah.');
    expect(await snapshot()).toEqual(before);
  });

  it.each(['25:00', '20:61', 'besok', '13 malam', '8 <b>pagi</b>'])('refuses the time "%s" with examples, and changes nothing', async (typed) => {
    const before = await snapshot();
    await official.send(`/langganan ${typed}`, { chat: group });
    expect(group.lastText()).toBe(
      `Jam "${typed}" tidak terbaca. Tulis jam lokal misi, misalnya /langganan 20:00, /langganan 20.30 atau /langganan 8 malam.`,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('says in a private chat that subscriptions are for groups, and saves nothing', async () => {
    const before = await snapshot();
    await official.send('/langganan 20:00');
    expect(official.lastText()).toContain('Langganan ringkasan harian dipasang di grup');
    await official.send('/berhenti');
    expect(official.lastText()).toContain('dipasang di grup');
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['an exhibitor', () => exhibitor],
    ['someone without a role', () => stranger],
  ])('refuses %s every official command, in the group and in private, and changes nothing', async (_who, user) => {
    const before = await snapshot();
    for (const command of ['/langganan 20:00', '/subscribe', '/berhenti', '/unsubscribe', '/ringkasan', '/digest']) {
      await user().send(command, { chat: group });
      expect(group.lastText()).toBe('Perintah ini khusus petugas misi. Kalau Anda petugas, minta admin menambahkan Anda.');
      await user().send(command);
      expect(user().lastText()).toBe('Perintah ini khusus petugas misi. Kalau Anda petugas, minta admin menambahkan Anda.');
    }
    expect(await snapshot()).toEqual(before);
    expect(group.messages().filter((m) => m.photo)).toHaveLength(0);
  });

  it('stops the digest with /berhenti, audited, and says so when it was not subscribed', async () => {
    await official.send('/berhenti', { chat: group });
    expect(group.lastText()).toBe(
      '🔕 Grup ini berhenti menerima ringkasan harian Misi Dagang Jawa Timur – Banten. Pasang lagi kapan saja dengan /langganan.',
    );
    expect((await subscriptions())[0]?.active).toBe(false);
    const last = (await audits()).at(-1);
    expect(last?.action).toBe('subscription.stop');
    expect(JSON.parse(last?.after ?? '{}')).toMatchObject({ active: false });

    const before = await snapshot();
    await official.send('/berhenti', { chat: group });
    expect(group.lastText()).toBe('Grup ini tidak sedang berlangganan ringkasan harian misi aktif.');
    expect(await snapshot()).toEqual(before);
  });

  it('turns a stopped subscription on again, in English for an English-speaking official', async () => {
    await englishOfficial.send('/subscribe 8pm', { chat: group });
    expect(group.lastText()).toBe(
      '✅ This group now gets the daily digest of Misi Dagang Jawa Timur – Banten at 20:00 WIB every day of the mission. Stop it with /unsubscribe.',
    );
    const [sub] = await subscriptions();
    expect(sub).toMatchObject({ active: true, localTime: '20:00', createdById: 7002n });
    expect((await audits()).at(-1)?.action).toBe('subscription.update');
  });

  it('says today’s digest follows when the time has already passed today', async () => {
    clock.set('2026-11-26T14:30:00Z'); // 21:30 WIB
    try {
      const other = bot.sim.group({ title: 'Dinas Perindag' });
      await official.send('/langganan 21:00', { chat: other });
      expect(other.lastText()).toContain('ringkasan hari ini menyusul dalam satu menit');
    } finally {
      clock.set('2026-11-26T03:00:00Z');
    }
  });

  it('keeps a subscription per mission: a new active mission starts without one', async () => {
    await seedMission(bot.db.prisma, { name: 'Misi Dagang Jawa Timur – Bali', hostProvince: 'BALI', timeZone: 'Asia/Makassar' });
    await official.send('/berhenti', { chat: group });
    expect(group.lastText()).toBe('Grup ini tidak sedang berlangganan ringkasan harian misi aktif.');
    await official.send('/langganan', { chat: group });
    expect(group.lastText()).toContain('Misi Dagang Jawa Timur – Bali setiap pukul 20:00 WITA');
    const rows = await bot.db.prisma.subscription.findMany({ where: { chatId: BigInt(group.id), active: true } });
    expect(rows).toHaveLength(2);
  });
});
