/**
 * /undang (/invite) and /start join_<code>: officials create invite deep
 * links for the exhibitor or official role with an expiry and a use limit;
 * opening one joins the mission in that role, counting one use atomically.
 * Expired, used-up, unknown codes and closed missions get a clear answer,
 * and other roles cannot create invites.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat } from '../../src/demo/flows.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { inlineButtons, type SimChat, type SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';

const DAY = 24 * 60 * 60 * 1000;
// 10:00 WIB, six days before the mission.
const START = new Date('2026-11-20T03:00:00Z');

describe.each(TEST_PROVIDERS)('invites (%s)', (provider) => {
  let bot: TestBot;
  let now = START;
  let official: SimUser;
  let exhibitor: SimUser;
  let buyer: SimUser;
  let group: SimChat;
  let missionId: number;
  let nextUser = 8400;

  const prisma = () => bot.db.prisma;
  const newUser = (firstName = `Tamu ${nextUser}`, languageCode = 'id') => bot.sim.user({ id: nextUser++, firstName, languageCode });
  const buttonsOf = (user: SimUser) => {
    const message = user.lastMessage();
    return message ? inlineButtons(message).map((b) => b.text) : [];
  };
  /** The code in the link of the official's newest message. */
  const codeIn = (text: string | undefined) => {
    const match = /https:\/\/t\.me\/misi_dagang_bot\?start=join_([A-Za-z0-9_-]+)/.exec(text ?? '');
    if (!match?.[1]) throw new Error(`no invite link in: ${text}`);
    return match[1];
  };
  const inviteOf = (code: string) => prisma().invite.findUniqueOrThrow({ where: { code } });
  const rolesOf = async (userId: number) => (await prisma().missionMember.findMany({ where: { userId: BigInt(userId) } })).map((m) => `${m.missionId}:${m.role}`);
  const createInvite = async (args: string) => {
    await official.send(`/undang ${args}`);
    return codeIn(official.lastText());
  };

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => now });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, { name: 'Misi Dagang Jatim – Banten', origin: 'jatim', host: 'banten', city: 'Serang', start: '26-11-2026', end: '28-11-2026', timeZone: 'WIB', target: '3 M' });
    missionId = (await prisma().mission.findFirstOrThrow()).id;
    exhibitor = bot.sim.user({ id: 8399, firstName: 'Bu Sri' });
    await registerByChat(exhibitor, { name: 'Keripik Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567892' });
    buyer = newUser('Pak Pembeli');
    await buyer.send('/start');
    group = bot.sim.group({ title: 'Misi Jatim – Banten' });
  });
  afterAll(async () => bot?.stop());

  it('/undang asks for the role; a tap creates an exhibitor link for 50 uses and 7 days, audited', async () => {
    await official.send('/undang');
    expect(official.lastText()).toContain('Buat tautan undangan untuk Misi Dagang Jatim – Banten sebagai apa?');
    expect(buttonsOf(official)).toEqual(['🏪 Peserta (UMKM)', '🧑‍💼 Petugas']);
    await official.tap('🏪 Peserta (UMKM)');
    const text = official.lastText() ?? '';
    expect(text).toContain('Tautan undangan peserta untuk Misi Dagang Jatim – Banten');
    expect(text).toContain('Berlaku sampai 27 Nov 2026 10:00 WIB · paling banyak 50 kali dipakai.');
    expect(buttonsOf(official)).toEqual([]);
    const code = codeIn(text);
    expect(code.length).toBeLessThanOrEqual(32);
    expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(await inviteOf(code)).toMatchObject({ missionId, role: 'EXHIBITOR', maxUses: 50, uses: 0, createdById: BigInt(OFFICIAL_ID), expiresAt: new Date(START.getTime() + 7 * DAY) });
    const invite = await inviteOf(code);
    expect(await prisma().auditLog.count({ where: { action: 'invite.create', entityId: String(invite.id), actorId: BigInt(OFFICIAL_ID) } })).toBe(1);
  });

  it('codes are unguessable: every invite gets a different random code', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) codes.add(await createInvite('peserta'));
    expect(codes.size).toBe(5);
  });

  it.each([
    { args: 'petugas', role: 'OFFICIAL', maxUses: 1, days: 7, shown: /paling banyak 1 kali dipakai/ },
    { args: 'peserta 100 14', role: 'EXHIBITOR', maxUses: 100, days: 14, shown: /Berlaku sampai 4 Des 2026 10:00 WIB · paling banyak 100 kali/ },
    { args: 'official 3', role: 'OFFICIAL', maxUses: 3, days: 7, shown: /Siapa pun yang membuka tautan ini menjadi petugas/ },
  ])('/undang $args creates a $role invite for $maxUses uses and $days days', async ({ args, role, maxUses, days, shown }) => {
    const code = await createInvite(args);
    expect(official.lastText()).toMatch(shown);
    expect(await inviteOf(code)).toMatchObject({ role, maxUses, expiresAt: new Date(START.getTime() + days * DAY) });
  });

  it.each([
    ['pembeli', /Perannya tidak saya kenal/],
    ['peserta 0', /Batas pakai harus angka bulat 1–1000/],
    ['peserta 5000', /Batas pakai harus angka bulat 1–1000/],
    ['peserta 10 100', /Masa berlaku harus angka bulat 1–90 hari/],
    ['peserta 10 7 hari', /Terlalu banyak isian/],
  ])('refuses "/undang %s" with the syntax and creates nothing', async (args, reason) => {
    const count = await prisma().invite.count();
    await official.send(`/undang ${args}`);
    expect(official.lastText()).toMatch(reason);
    expect(official.lastText()).toContain('/undang [peserta|petugas] [batas pakai] [hari berlaku]');
    expect(await prisma().invite.count()).toBe(count);
  });

  it('an exhibitor link joins the mission, offers /daftar, counts one use; opening it again uses nothing', async () => {
    const code = await createInvite('peserta 5');
    const ani = newUser('Bu Ani');
    await ani.send(`/start join_${code}`);
    expect(ani.lastText()).toMatch(/Selamat datang di Misi Dagang Jatim – Banten sebagai peserta!/);
    expect(ani.lastText()).toContain('/daftar');
    expect(await rolesOf(ani.id)).toEqual([`${missionId}:EXHIBITOR`]);
    const invite = await inviteOf(code);
    expect(invite.uses).toBe(1);
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: 'invite.join', entityId: String(invite.id) } });
    expect(audit.actorId).toBe(BigInt(ani.id));
    expect(JSON.parse(audit.before!)).toEqual({ uses: 0 });
    expect(JSON.parse(audit.after!)).toMatchObject({ uses: 1, userId: String(ani.id), role: 'EXHIBITOR' });

    await ani.send(`/start join_${code}`);
    expect(ani.lastText()).toMatch(/sudah tergabung di Misi Dagang Jatim – Banten sebagai peserta/);
    expect((await inviteOf(code)).uses).toBe(1);
  });

  it('while registration is closed, an invited exhibitor may still register; others may not', async () => {
    await prisma().mission.update({ where: { id: missionId }, data: { registrationOpen: false } });
    const stranger = newUser('Pak Asing');
    await stranger.send('/daftar');
    expect(stranger.lastText()).toMatch(/ditutup|closed/i);
    expect(await prisma().exhibitor.count({ where: { ownerId: BigInt(stranger.id) } })).toBe(0);

    const code = await createInvite('peserta');
    const dewi = newUser('Bu Dewi');
    await dewi.send(`/start join_${code}`);
    await registerByChat(dewi, { name: 'Batik Dewi', category: 'Fashion', province: 'Jawa Timur', city: 'Sidoarjo', phone: '081234567893' });
    expect(await prisma().exhibitor.findFirst({ where: { ownerId: BigInt(dewi.id) } })).toMatchObject({ name: 'Batik Dewi', missionId });
    // Opening the link again after registering says so.
    await dewi.send(`/start join_${code}`);
    expect(dewi.lastText()).toMatch(/sudah terdaftar di Misi Dagang Jatim – Banten dengan usaha Batik Dewi/);
    await prisma().mission.update({ where: { id: missionId }, data: { registrationOpen: true } });
  });

  it('an official link makes its user an official (who may then use official commands); it works once', async () => {
    const code = await createInvite('petugas');
    const rina = newUser('Bu Rina');
    await rina.send('/target');
    expect(rina.lastText()).toMatch(/khusus petugas/);
    await rina.send(`/start join_${code}`);
    expect(rina.lastText()).toMatch(/Anda sekarang petugas Misi Dagang Jatim – Banten\./);
    expect(await rolesOf(rina.id)).toEqual([`${missionId}:OFFICIAL`]);
    await rina.send('/target');
    expect(rina.lastText()).toContain('Target Misi Dagang Jatim – Banten');

    const late = newUser('Pak Telat');
    await late.send(`/start join_${code}`);
    expect(late.lastText()).toMatch(/Tautan undangan ini sudah habis dipakai \(1 kali\)/);
    expect(await rolesOf(late.id)).toEqual([]);
    expect((await inviteOf(code)).uses).toBe(1);
  });

  it('two people racing for the last use: exactly one gets in', async () => {
    const code = await createInvite('peserta 1');
    const a = newUser('Racer A');
    const b = newUser('Racer B');
    await Promise.all([a.send(`/start join_${code}`), b.send(`/start join_${code}`)]);
    const joined = [a, b].filter((user) => /Selamat datang/.test(user.lastText() ?? ''));
    const refused = [a, b].filter((user) => /sudah habis dipakai/.test(user.lastText() ?? ''));
    expect(joined).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((await inviteOf(code)).uses).toBe(1);
    expect(await prisma().missionMember.count({ where: { userId: { in: [BigInt(a.id), BigInt(b.id)] } } })).toBe(1);
  });

  it('many concurrent joins never exceed the use limit (repository level)', async () => {
    const code = await createInvite('peserta 3');
    const repos = createRepositories(bot.db);
    const ids = Array.from({ length: 8 }, () => nextUser++);
    for (const id of ids) await repos.users.upsert({ id, first_name: `Balapan ${id}` });
    const results = await Promise.all(ids.map((id) => repos.invites.join(code, BigInt(id), now)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'used_up')).toHaveLength(5);
    expect((await inviteOf(code)).uses).toBe(3);
    expect(await prisma().missionMember.count({ where: { userId: { in: ids.map(BigInt) } } })).toBe(3);
  });

  it('an expired link is refused with its end date; nothing is joined or counted', async () => {
    const code = await createInvite('peserta 10 2');
    now = new Date(START.getTime() + 2 * DAY);
    try {
      const late = newUser('Pak Lambat');
      await late.send(`/start join_${code}`);
      expect(late.lastText()).toMatch(/Tautan undangan ini sudah kedaluwarsa \(berlaku sampai 22 Nov 2026 10:00 WIB\)/);
      expect(await rolesOf(late.id)).toEqual([]);
      expect((await inviteOf(code)).uses).toBe(0);
    } finally {
      now = START;
    }
  });

  it.each([
    ['join_AAAAAAAAAAAAAAAAAAAAAAAA', 'a well-formed code nobody issued'],
    ['join_abc', 'a code too short'],
    ['join_', 'no code at all'],
    ['join_bad*code!not-allowed', 'characters a code never has'],
  ])('/start %s (%s) is an unknown code', async (payload) => {
    const user = newUser();
    const before = await prisma().missionMember.count();
    await user.send(`/start ${payload}`);
    expect(user.lastText()).toMatch(/Kode undangan ini tidak saya kenal/);
    expect(await prisma().missionMember.count()).toBe(before);
  });

  it('answers in English for an English-speaking user', async () => {
    const code = await createInvite('peserta');
    const emma = newUser('Emma', 'en');
    await emma.send(`/start join_${code}`);
    expect(emma.lastText()).toMatch(/Welcome to Misi Dagang Jatim – Banten as an exhibitor!/);
    expect(emma.lastText()).toContain('/register');
  });

  it('refuses /undang and the role buttons to exhibitors and buyers, in private and in a group; officials get it only in private', async () => {
    const count = await prisma().invite.count();
    for (const user of [exhibitor, buyer]) {
      await user.send('/undang peserta');
      expect(user.lastText()).toMatch(/Perintah ini khusus petugas misi/);
      await user.send('/invite', { chat: group });
      expect(group.lastText()).toMatch(/Perintah ini khusus petugas misi/);
      const tap = await user.tapData('inv:O');
      expect(tap.answer).toMatchObject({ text: 'Tombol ini khusus petugas misi.', show_alert: true });
    }
    await official.send('/undang petugas', { chat: group });
    expect(group.lastText()).toMatch(/hanya bisa dipakai di chat pribadi/);
    expect(await prisma().invite.count()).toBe(count);
  });

  it('a link of a closed mission no longer works', async () => {
    const code = await createInvite('peserta');
    await prisma().mission.update({ where: { id: missionId }, data: { status: 'CLOSED' } });
    const user = newUser();
    await user.send(`/start join_${code}`);
    expect(user.lastText()).toMatch(/^Misi Dagang Jatim – Banten sudah ditutup/);
    expect(await rolesOf(user.id)).toEqual([]);
    expect((await inviteOf(code)).uses).toBe(0);
  });
});
