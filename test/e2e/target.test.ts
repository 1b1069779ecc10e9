/**
 * /target: officials see the active mission's target and how much of it is
 * reached, and change it with any amount the rupiah grammar reads; every
 * change is audited with before and after. Bad amounts and other roles are
 * refused with nothing changed, in private and in groups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat, reportSale } from '../../src/demo/flows.js';
import type { SimChat, SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';

// 10:00 WIB on the first day of the mission.
const NOW = new Date('2026-11-26T03:00:00Z');

describe.each(TEST_PROVIDERS)('/target (%s)', (provider) => {
  let bot: TestBot;
  let official: SimUser;
  let exhibitor: SimUser;
  let buyer: SimUser;
  let group: SimChat;
  let missionId: number;

  const prisma = () => bot.db.prisma;
  const target = async () => (await prisma().mission.findUniqueOrThrow({ where: { id: missionId } })).targetAmount;
  const targetAudits = () => prisma().auditLog.findMany({ where: { action: 'mission.target' }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, { name: 'Misi Dagang Jatim – Banten', origin: 'jatim', host: 'banten', city: 'Serang', start: '26-11-2026', end: '28-11-2026', timeZone: 'WIB', target: '3 M' });
    missionId = (await prisma().mission.findFirstOrThrow()).id;
    exhibitor = bot.sim.user({ id: 8301, firstName: 'Bu Sri' });
    await registerByChat(exhibitor, { name: 'Keripik Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567891' });
    await reportSale(exhibitor, '750 jt kontrak keripik');
    buyer = bot.sim.user({ id: 8302, firstName: 'Pak Pembeli' });
    await buyer.send('/start');
    group = bot.sim.group({ title: 'Misi Jatim – Banten' });
  });
  afterAll(async () => bot?.stop());

  it('without an amount shows the target and how much of it is reached', async () => {
    await official.send('/target');
    const text = official.lastText() ?? '';
    expect(text).toContain('Target Misi Dagang Jatim – Banten: Rp3.000.000.000 (Rp3 M)');
    expect(text).toContain('Tercapai sejauh ini: Rp750 jt (25%)');
    expect(text).toContain('/target 5 M');
    expect(await targetAudits()).toHaveLength(0);
  });

  it('changes the target, answers with before → after and the new share, and audits it', async () => {
    await official.send('/target 5 M');
    expect(official.lastText()).toContain('Target Misi Dagang Jatim – Banten diubah: Rp3.000.000.000 → Rp5.000.000.000');
    expect(official.lastText()).toContain('Capaian sekarang: Rp750 jt (15%)');
    expect(await target()).toBe(5_000_000_000n);
    const [entry] = await targetAudits();
    expect(entry).toMatchObject({ actorId: BigInt(OFFICIAL_ID), entity: 'Mission', entityId: String(missionId) });
    expect(JSON.parse(entry!.before!)).toEqual({ targetAmount: '3000000000' });
    expect(JSON.parse(entry!.after!)).toEqual({ targetAmount: '5000000000' });
  });

  it.each([
    ['2,5 miliar', 2_500_000_000n],
    ['Rp 750.000.000', 750_000_000n],
    ['1.5jt', 1_500_000n],
    ['4 milyar', 4_000_000_000n],
    ['3000000000', 3_000_000_000n],
    ['1 T', 1_000_000_000_000n],
  ])('reads "%s" as %s rupiah', async (typed, amount) => {
    const count = (await targetAudits()).length;
    await official.send(`/target ${typed}`);
    expect(await target()).toBe(amount);
    expect(official.lastText()).toMatch(/diubah/);
    expect(await targetAudits()).toHaveLength(count + 1);
  });

  it.each([
    ['abc', /tidak terbaca sebagai angka/],
    ['0', /harus lebih dari nol/],
    ['-5 M', /tidak boleh negatif/],
    ['5000 T', /terlalu besar/],
    ['1,5', /tidak punya sen|membingungkan/],
  ])('refuses "/target %s" with a clear answer and changes nothing', async (typed, reason) => {
    const before = await target();
    const count = (await targetAudits()).length;
    await official.send(`/target ${typed}`);
    expect(official.lastText()).toMatch(reason);
    expect(official.lastText()).toContain('/target 5 M');
    expect(await target()).toBe(before);
    expect(await targetAudits()).toHaveLength(count);
  });

  it('the same target again is answered and not audited', async () => {
    await official.send('/target 3 M');
    const count = (await targetAudits()).length;
    await official.send('/target Rp3.000.000.000');
    expect(official.lastText()).toMatch(/Targetnya sudah Rp3\.000\.000\.000; tidak ada yang diubah/);
    expect(await targetAudits()).toHaveLength(count);
  });

  it('works for an official in a group: the sender’s own role decides', async () => {
    await official.send('/target', { chat: group });
    expect(group.lastText()).toContain('Target Misi Dagang Jatim – Banten');
    await official.send(`/target@${bot.sim.botUsername} 3,5 M`, { chat: group });
    expect(group.lastText()).toContain('→ Rp3.500.000.000');
    expect(await target()).toBe(3_500_000_000n);
  });

  it('refuses exhibitors and buyers, in private and in the same group, and changes nothing', async () => {
    const before = await target();
    const count = (await targetAudits()).length;
    for (const user of [exhibitor, buyer]) {
      await user.send('/target 1 M');
      expect(user.lastText()).toMatch(/Perintah ini khusus petugas misi/);
      await user.send('/target');
      expect(user.lastText()).toMatch(/khusus petugas/);
      await user.send('/target 1 M', { chat: group });
      expect(group.lastText()).toMatch(/Perintah ini khusus petugas misi/);
    }
    expect(await target()).toBe(before);
    expect(await targetAudits()).toHaveLength(count);
  });

  it('says so when no mission is active', async () => {
    await prisma().mission.update({ where: { id: missionId }, data: { status: 'CLOSED' } });
    await official.send('/target 9 M');
    expect(official.lastText()).toMatch(/Belum ada misi dagang yang aktif/);
    expect(await target()).toBe(3_500_000_000n);
  });
});
