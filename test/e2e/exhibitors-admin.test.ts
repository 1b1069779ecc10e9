/**
 * /peserta (/exhibitors): officials list the active mission's exhibitors,
 * eight per page, and verify one with a tap — audited, and the exhibitor is
 * told through the outbox. Exhibitors and buyers are refused, in private and
 * in groups, and their taps on the buttons change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat } from '../../src/demo/flows.js';
import { inlineButtons, type SimChat, type SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { outboxDrained } from '../support/push-fixtures.js';

const NOW = new Date('2026-11-26T03:00:00Z');
// Names sort A… to J…, so pages are predictable; Sri registers through the chat and sorts last.
const NAMES = ['Abon Ayu', 'Bakpia Bagus', 'Cireng Citra', 'Dodol Dewi', 'Emping Eka', 'Frozen Fina', 'Gethuk Gita', 'Humus Hana', 'Intip Ina', 'Jamu Joko'];

describe.each(TEST_PROVIDERS)('/peserta (%s)', (provider) => {
  let bot: TestBot;
  let official: SimUser;
  let sri: SimUser;
  let buyer: SimUser;
  let group: SimChat;
  let missionId: number;
  const owners: SimUser[] = [];

  const prisma = () => bot.db.prisma;
  const buttonsOf = (message: { replyMarkup?: unknown } | undefined) => (message ? inlineButtons(message as never).map((b) => b.text) : []);
  const exhibitorNamed = (name: string) => prisma().exhibitor.findFirstOrThrow({ where: { name } });
  const verifyAudits = () => prisma().auditLog.findMany({ where: { action: 'exhibitor.verify' }, orderBy: { id: 'asc' } });
  const snapshot = async () => ({
    exhibitors: await prisma().exhibitor.findMany({ orderBy: { id: 'asc' } }),
    audits: await prisma().auditLog.count(),
  });

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, { name: 'Misi Dagang Jatim – Banten', origin: 'jatim', host: 'banten', city: 'Serang', start: '26-11-2026', end: '28-11-2026', timeZone: 'WIB', target: '3 M' });
    missionId = (await prisma().mission.findFirstOrThrow()).id;
    // Ten businesses written straight into the database (registration has its own tests).
    for (const [index, name] of NAMES.entries()) {
      const id = 8800 + index;
      owners.push(bot.sim.user({ id, firstName: name.split(' ')[1]!, startedBot: true }));
      await prisma().telegramUser.create({ data: { id: BigInt(id), firstName: name.split(' ')[1]! } });
      await prisma().exhibitor.create({ data: { missionId, ownerId: BigInt(id), name, category: 'makanan', province: 'JATIM', booth: `A${index + 1}` } });
      await prisma().missionMember.create({ data: { missionId, userId: BigInt(id), role: 'EXHIBITOR' } });
    }
    sri = bot.sim.user({ id: 8899, firstName: 'Sri' });
    await registerByChat(sri, { name: 'Keripik Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081200008899' });
    buyer = bot.sim.user({ id: 8898, firstName: 'Pembeli' });
    await buyer.send('/start');
    group = bot.sim.group({ title: 'Petugas Misi' });
  });
  afterAll(async () => bot?.stop());

  it('lists the first eight exhibitors with their state, a verify button for each and a next-page button', async () => {
    await official.send('/peserta');
    const text = official.lastText() ?? '';
    expect(text).toContain('Peserta Misi Dagang Jatim – Banten');
    expect(text).toContain('11 terdaftar · 0 terverifikasi · halaman 1/2');
    expect(text).toContain('1. ⏳ Abon Ayu — Makanan · Jawa Timur · stan A1');
    expect(text).toContain('8. ⏳ Humus Hana — Makanan · Jawa Timur · stan A8');
    expect(text).not.toContain('Intip Ina');
    expect(buttonsOf(official.lastMessage())).toEqual([...NAMES.slice(0, 8).map((name, i) => `✔️ ${i + 1}. ${name}`), 'Berikutnya ▶️']);
  });

  it('pages forward and back in the same message', async () => {
    const list = official.lastMessage()!;
    await official.tap('Berikutnya ▶️');
    const page2 = official.messages().find((m) => m.messageId === list.messageId)!;
    expect(page2.plain).toContain('halaman 2/2');
    expect(page2.plain).toContain('9. ⏳ Intip Ina');
    expect(page2.plain).toContain('11. ⏳ Keripik Sri — Makanan · Jawa Timur');
    expect(buttonsOf(page2)).toEqual(['✔️ 9. Intip Ina', '✔️ 10. Jamu Joko', '✔️ 11. Keripik Sri', '◀️ Sebelumnya']);
    await official.tap('◀️ Sebelumnya');
    expect(official.messages().find((m) => m.messageId === list.messageId)!.plain).toContain('halaman 1/2');
  });

  it('a tap verifies the exhibitor: saved, audited, shown, and the owner is told', async () => {
    const list = official.lastMessage()!;
    const tap = await official.tap('✔️ 2. Bakpia Bagus');
    expect(tap.answer?.text).toBe('Bakpia Bagus terverifikasi ✔️');
    const row = await exhibitorNamed('Bakpia Bagus');
    expect(row).toMatchObject({ verified: true, verifiedById: BigInt(OFFICIAL_ID), verifiedAt: NOW });
    const [audit] = await verifyAudits();
    expect(audit).toMatchObject({ actorId: BigInt(OFFICIAL_ID), entity: 'Exhibitor', entityId: String(row.id) });
    expect(JSON.parse(audit!.before!)).toEqual({ verified: false, verifiedById: null, verifiedAt: null });
    expect(JSON.parse(audit!.after!)).toEqual({ verified: true, verifiedById: String(OFFICIAL_ID), verifiedAt: NOW.toISOString() });
    const updated = official.messages().find((m) => m.messageId === list.messageId)!;
    expect(updated.plain).toContain('11 terdaftar · 1 terverifikasi');
    expect(updated.plain).toContain('2. ✔️ Bakpia Bagus');
    expect(buttonsOf(updated)).not.toContain('✔️ 2. Bakpia Bagus');

    await outboxDrained(prisma());
    expect(owners[1]!.lastText()).toBe('✔️ Usaha Bakpia Bagus sudah diverifikasi petugas Misi Dagang Jatim – Banten.');
  });

  it('verifying twice (a stale button, another official) changes nothing', async () => {
    const row = await exhibitorNamed('Bakpia Bagus');
    const before = await snapshot();
    const tap = await official.tapData(`px:v:${row.id}:0`);
    expect(tap.answer?.text).toBe('Bakpia Bagus sudah terverifikasi.');
    expect(await snapshot()).toEqual(before);
    expect(await prisma().outboxMessage.count({ where: { dedupeKey: `verified:${row.id}` } })).toBe(1);
  });

  it('an exhibitor of another mission cannot be verified from this list', async () => {
    const other = await prisma().mission.create({
      data: { name: 'Misi Lama', originProvince: 'JATIM', hostProvince: 'BALI', city: 'Denpasar', startDate: '2026-01-01', endDate: '2026-01-03', timeZone: 'Asia/Makassar', targetAmount: 1n, status: 'CLOSED' },
    });
    const stranger = await prisma().exhibitor.create({ data: { missionId: other.id, ownerId: BigInt(8800), name: 'Usaha Lama', category: 'makanan', province: 'JATIM' } });
    const before = await snapshot();
    const tap = await official.tapData(`px:v:${stranger.id}:0`);
    expect(tap.answer).toMatchObject({ text: 'Peserta ini tidak ditemukan di misi aktif.', show_alert: true });
    expect(await snapshot()).toEqual(before);
  });

  it('works in a group for an official; a buyer tapping the button there changes nothing', async () => {
    await official.send('/exhibitors', { chat: group });
    expect(group.lastText()).toContain('Peserta Misi Dagang Jatim – Banten');
    const before = await snapshot();
    const refused = await buyer.tap('✔️ 3. Cireng Citra', { chat: group });
    expect(refused.answer).toMatchObject({ text: 'Tombol ini khusus petugas misi.', show_alert: true });
    expect(await snapshot()).toEqual(before);
    await official.tap('✔️ 3. Cireng Citra', { chat: group });
    expect((await exhibitorNamed('Cireng Citra')).verified).toBe(true);
  });

  it('refuses exhibitors and buyers, in private and in a group, and their forged taps verify nothing', async () => {
    const target = await exhibitorNamed('Dodol Dewi');
    const before = await snapshot();
    for (const user of [sri, buyer]) {
      await user.send('/peserta');
      expect(user.lastText()).toMatch(/Perintah ini khusus petugas misi/);
      await user.send('/peserta', { chat: group });
      expect(group.lastText()).toMatch(/Perintah ini khusus petugas misi/);
      for (const data of [`px:v:${target.id}:0`, 'px:p:1']) {
        const tap = await user.tapData(data);
        expect(tap.answer).toMatchObject({ text: 'Tombol ini khusus petugas misi.', show_alert: true });
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('says so when the mission has no exhibitors', async () => {
    await prisma().mission.update({ where: { id: missionId }, data: { status: 'DRAFT' } });
    await prisma().mission.create({
      data: { name: 'Misi Kosong', originProvince: 'JATIM', hostProvince: 'BALI', city: 'Denpasar', startDate: '2026-12-01', endDate: '2026-12-03', timeZone: 'Asia/Makassar', targetAmount: 1n, status: 'ACTIVE' },
    });
    await official.send('/peserta');
    expect(official.lastText()).toMatch(/Belum ada peserta terdaftar di Misi Kosong/);
  });
});
