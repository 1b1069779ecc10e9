/**
 * /misi for officials beyond creating: the menu, the list, editing each field
 * of the active mission (good and bad values, audited with before/after),
 * switching the active mission (exactly one ACTIVE), closing it, and every
 * part refused to exhibitors and buyers, in private and in groups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat } from '../../src/demo/flows.js';
import { inlineButtons, type SimChat, type SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { expectLooseTextAnswer } from '../support/loose-text.js';

// Friday 20 November 2026, 10:00 WIB.
const NOW = new Date('2026-11-20T03:00:00Z');
const SECOND_ADMIN = 7002;

describe.each(TEST_PROVIDERS)('mission administration (%s)', (provider) => {
  let bot: TestBot;
  let official: SimUser;
  let exhibitor: SimUser;
  let buyer: SimUser;
  let group: SimChat;
  let banten: number;
  let bali: number;

  const prisma = () => bot.db.prisma;
  const buttonsOf = (user: SimUser, chat?: SimChat) => {
    const message = user.lastMessage(chat);
    return message ? inlineButtons(message).map((b) => b.text) : [];
  };
  const missionRow = (id: number) => prisma().mission.findUniqueOrThrow({ where: { id } });
  const statuses = async () => Object.fromEntries((await prisma().mission.findMany({ orderBy: { id: 'asc' } })).map((m) => [m.name, m.status]));
  const audits = (action: string) => prisma().auditLog.findMany({ where: { action }, orderBy: { id: 'asc' } });
  const snapshot = async () => ({
    missions: await prisma().mission.findMany({ orderBy: { id: 'asc' } }),
    audits: await prisma().auditLog.count(),
  });
  /** /misi → ✏️ → the field's button. */
  const openEdit = async (label: string) => {
    await official.send('/misi');
    await official.tap('✏️ Ubah misi aktif');
    await official.tap(label);
  };

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW, adminIds: [SECOND_ADMIN] });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, { name: 'Misi Dagang Jatim – Banten', origin: 'jatim', host: 'banten', city: 'Serang', start: '26-11-2026', end: '28-11-2026', timeZone: 'WIB', target: '3 M' });
    banten = (await prisma().mission.findFirstOrThrow({ where: { name: 'Misi Dagang Jatim – Banten' } })).id;
    exhibitor = bot.sim.user({ id: 8201, firstName: 'Bu Sri' });
    await registerByChat(exhibitor, { name: 'Keripik Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890' });
    buyer = bot.sim.user({ id: 8202, firstName: 'Pak Pembeli' });
    await buyer.send('/start');
    group = bot.sim.group({ title: 'Petugas & Peserta' });
  });
  afterAll(async () => bot?.stop());

  it('/misi opens a menu instead of the wizard, with what fits the missions there are', async () => {
    const count = official.messages().length;
    await official.send('/misi');
    expect(official.messages()).toHaveLength(count + 1);
    expect(official.lastText()).toContain('Misi aktif: Misi Dagang Jatim – Banten');
    // One mission, the active one: nothing to switch to.
    expect(buttonsOf(official)).toEqual(['➕ Buat misi baru', '📋 Daftar misi', '✏️ Ubah misi aktif', '🔒 Tutup misi aktif']);
    // A text now is no wizard answer.
    const after = official.messages().length;
    await official.send('Misi Baru');
    expectLooseTextAnswer(official, after);
  });

  it('/misi baru goes straight to the wizard', async () => {
    await official.send('/misi baru');
    expect(official.lastText()).toContain('1/8');
    await official.send('/batal');
    expect(official.lastText()).toMatch(/Dibatalkan/);
  });

  it('a new mission becomes the only active one; the previous one becomes a draft, audited', async () => {
    await createMissionByChat(official, { name: 'Misi Dagang Jatim – Bali', origin: 'jatim', host: 'bali', city: 'Denpasar', start: '1-12-2026', end: '3-12-2026', timeZone: 'WITA', target: '2 M' });
    bali = (await prisma().mission.findFirstOrThrow({ where: { name: 'Misi Dagang Jatim – Bali' } })).id;
    expect(await statuses()).toEqual({ 'Misi Dagang Jatim – Banten': 'DRAFT', 'Misi Dagang Jatim – Bali': 'ACTIVE' });
    const demoted = (await audits('mission.update')).filter((a) => a.entityId === String(banten));
    expect(demoted).toHaveLength(1);
    expect(JSON.parse(demoted[0]!.before!)).toEqual({ status: 'ACTIVE' });
    expect(JSON.parse(demoted[0]!.after!)).toEqual({ status: 'DRAFT' });
    await official.send('/progres');
    expect(official.lastText()).toContain('Misi Dagang Jatim – Bali');
  });

  it('lists the missions, the active one first', async () => {
    await official.send('/misi');
    expect(buttonsOf(official)).toContain('🔁 Ganti misi aktif');
    await official.tap('📋 Daftar misi');
    const list = official.lastText() ?? '';
    expect(list).toContain('Semua misi (2)');
    const lines = list.split('\n').filter((line) => line.startsWith('🟢') || line.startsWith('📝') || line.startsWith('🔒'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^🟢 Misi Dagang Jatim – Bali — Denpasar, Bali, 1 Des 2026 – 3 Des 2026 · target Rp2 M · aktif$/);
    expect(lines[1]).toMatch(/^📝 Misi Dagang Jatim – Banten — Serang, Banten, .* · target Rp3 M · draf$/);
  });

  it('switches the active mission: the chosen one becomes ACTIVE, the other a draft, audited', async () => {
    await official.send('/misi');
    await official.tap('🔁 Ganti misi aktif');
    expect(official.lastText()).toContain('Misi aktif sekarang, Misi Dagang Jatim – Bali, menjadi draf');
    expect(buttonsOf(official)).toEqual([expect.stringMatching(/^📝 Misi Dagang Jatim – Banten · 26 Nov 2026$/)]);
    await official.tap(/Misi Dagang Jatim – Banten/);
    expect(official.lastText()).toMatch(/Misi Dagang Jatim – Banten sekarang misi aktif/);
    expect(await statuses()).toEqual({ 'Misi Dagang Jatim – Banten': 'ACTIVE', 'Misi Dagang Jatim – Bali': 'DRAFT' });
    const activations = await audits('mission.activate');
    expect(activations.map((a) => [a.entityId, JSON.parse(a.before!), JSON.parse(a.after!), a.actorId])).toEqual([
      [String(banten), { status: 'DRAFT' }, { status: 'ACTIVE' }, BigInt(OFFICIAL_ID)],
    ]);
    // The exhibitor of the Banten mission reports into it again.
    await exhibitor.send('/progres');
    expect(exhibitor.lastText()).toContain('Misi Dagang Jatim – Banten');
    // A stale switch button to the mission already active changes nothing.
    const before = await snapshot();
    const stale = await official.tapData(`ms:act:${banten}`);
    expect(official.messages().find((m) => m.messageId === stale.message.messageId)?.plain).toMatch(/sudah menjadi misi aktif/);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    { label: 'Nama', answer: 'Misi Dagang Jawa Timur – Banten 2026', field: 'name', before: 'Misi Dagang Jatim – Banten', after: 'Misi Dagang Jawa Timur – Banten 2026', shown: /Nama diubah: Misi Dagang Jatim – Banten → Misi Dagang Jawa Timur – Banten 2026/ },
    { label: 'Kota', answer: 'Cilegon', field: 'city', before: 'Serang', after: 'Cilegon', shown: /Kota diubah: Serang → Cilegon/ },
    { label: 'Tanggal mulai', answer: '25-11-2026', field: 'startDate', before: '2026-11-26', after: '2026-11-25', shown: /Tanggal mulai diubah: 26 Nov 2026 → 25 Nov 2026/ },
    { label: 'Tanggal selesai', answer: '30 Nov', field: 'endDate', before: '2026-11-28', after: '2026-11-30', shown: /Tanggal selesai diubah: 28 Nov 2026 → 30 Nov 2026/ },
    { label: 'Jam ringkasan', answer: '9 malam', field: 'digestTime', before: '20:00', after: '21:00', shown: /Jam ringkasan diubah: 20:00 → 21:00/ },
    { label: 'Jam pengingat', answer: '17.30', field: 'reminderTime', before: null, after: '17:30', shown: /Jam pengingat diubah: mati → 17:30/ },
  ])('edits $field by typing: saved, shown before → after, audited', async ({ label, answer, field, before, after, shown }) => {
    const auditCount = (await audits('mission.update')).length;
    await openEdit(label);
    expect(official.lastText()).toMatch(/sekarang/);
    await official.send(answer);
    expect(official.lastText()).toMatch(shown);
    const row = await missionRow(banten);
    expect((row as Record<string, unknown>)[field]).toEqual(after);
    const entries = await audits('mission.update');
    expect(entries).toHaveLength(auditCount + 1);
    const entry = entries.at(-1)!;
    expect(entry).toMatchObject({ entity: 'Mission', entityId: String(banten), actorId: BigInt(OFFICIAL_ID) });
    expect(JSON.parse(entry.before!)).toEqual({ [field]: before });
    expect(JSON.parse(entry.after!)).toEqual({ [field]: after });
  });

  it('edits the time zone, the registration and the reminder with buttons', async () => {
    await openEdit('Zona waktu');
    expect(buttonsOf(official)).toEqual(['✅ WIB', 'WITA', 'WIT', '✖️ Batal']);
    await official.tap('WITA');
    expect(official.lastText()).toMatch(/Zona waktu diubah: WIB → WITA/);
    expect((await missionRow(banten)).timeZone).toBe('Asia/Makassar');

    await openEdit('Pendaftaran');
    expect(official.lastText()).toContain('Pendaftaran sekarang dibuka');
    await official.tap('🔒 Tutup');
    expect(official.lastText()).toMatch(/Pendaftaran diubah: dibuka → ditutup/);
    expect((await missionRow(banten)).registrationOpen).toBe(false);
    await openEdit('Pendaftaran');
    await official.send('buka');
    expect((await missionRow(banten)).registrationOpen).toBe(true);

    await openEdit('Jam pengingat');
    await official.tap('🔕 Matikan pengingat');
    expect(official.lastText()).toMatch(/Jam pengingat diubah: 17:30 → mati/);
    expect((await missionRow(banten)).reminderTime).toBeNull();
    const last = (await audits('mission.update')).at(-1)!;
    expect(JSON.parse(last.before!)).toEqual({ reminderTime: '17:30' });
    expect(JSON.parse(last.after!)).toEqual({ reminderTime: null });

    // The same value again changes nothing and writes no audit entry.
    const before = await snapshot();
    await openEdit('Kota');
    await official.send('Cilegon');
    expect(official.lastText()).toMatch(/Nilainya sama seperti sebelumnya/);
    expect(await snapshot()).toEqual(before);

    // The edit menu shows the current values.
    await official.send('/misi');
    await official.tap('✏️ Ubah misi aktif');
    const menu = official.lastText() ?? '';
    expect(menu).toContain('Kota: Cilegon');
    expect(menu).toContain('Tanggal: 25 Nov 2026 – 30 Nov 2026 (WITA)');
    expect(menu).toContain('Ringkasan harian: jam 21:00');
    expect(menu).toContain('Pengingat peserta: mati');
    expect(menu).toContain('Pendaftaran: dibuka');
  });

  it.each([
    { label: 'Nama', answers: [['AB', /Terlalu pendek — paling sedikit 3 karakter/], ['N'.repeat(101), /Terlalu panjang — paling banyak 100 karakter/]] },
    { label: 'Kota', answers: [['X', /Terlalu pendek/], ['K'.repeat(61), /Terlalu panjang — paling banyak 60 karakter/]] },
    {
      label: 'Tanggal mulai',
      answers: [
        ['kapan-kapan', /Tanggalnya tidak terbaca/],
        ['31-02-2026', /Tanggalnya tidak terbaca/],
        ['1-12-2026', /Tanggal mulai tidak boleh sesudah tanggal selesai \(30 Nov 2026\)/],
        ['1-9-2026', /Misi paling lama 60 hari/],
      ],
    },
    {
      label: 'Tanggal selesai',
      answers: [
        ['24-11-2026', /Tanggal selesai tidak boleh sebelum tanggal mulai \(25 Nov 2026\)/],
        ['31-01-2027', /Misi paling lama 60 hari/],
        ['besok lusa', /Tanggalnya tidak terbaca/],
      ],
    },
    { label: 'Zona waktu', answers: [['GMT+7', /Pilih WIB, WITA atau WIT/], ['Europe/Amsterdam', /Pilih WIB, WITA atau WIT/]] },
    { label: 'Jam ringkasan', answers: [['25:00', /Jamnya tidak terbaca/], ['nanti malam', /Jamnya tidak terbaca/], ['13 sore', /Jamnya tidak terbaca/]] },
    { label: 'Jam pengingat', answers: [['besok', /ketik mati untuk mematikan/], ['17:75', /Jamnya tidak terbaca/]] },
    { label: 'Pendaftaran', answers: [['mungkin', /Pilih 🔓 Buka atau 🔒 Tutup/]] },
  ] as const)('refuses bad values for $label with a clear answer, keeps asking, and changes nothing', async ({ label, answers }) => {
    const before = await snapshot();
    await openEdit(label);
    for (const [answer, reply] of answers) {
      await official.send(answer);
      expect(official.lastText()).toMatch(reply);
    }
    // A photo is no answer either.
    await official.sendPhoto();
    expect(official.lastText()).toMatch(/Mohon jawab dengan teks|Pilih/);
    await official.send('/batal');
    expect(official.lastText()).toMatch(/Dibatalkan\. Tidak ada yang disimpan\./);
    expect(await snapshot()).toEqual(before);
  });

  it('an edit answered after the mission stopped being active changes nothing', async () => {
    const admin2 = bot.sim.user({ id: SECOND_ADMIN, firstName: 'Bu Rina' });
    await openEdit('Kota');
    // Meanwhile another official makes the Bali mission active.
    await admin2.send('/misi');
    await admin2.tap('🔁 Ganti misi aktif');
    await admin2.tap(/Misi Dagang Jatim – Bali/);
    const before = await snapshot();
    await official.send('Pandeglang');
    expect(official.lastText()).toMatch(/sudah bukan misi aktif/);
    expect(await snapshot()).toEqual(before);
    // Back to Banten for the rest.
    await admin2.send('/misi');
    await admin2.tap('🔁 Ganti misi aktif');
    await admin2.tap(/Misi Dagang Jawa Timur – Banten 2026/);
    expect(await statuses()).toEqual({ 'Misi Dagang Jawa Timur – Banten 2026': 'ACTIVE', 'Misi Dagang Jatim – Bali': 'DRAFT' });
  });

  it('an edit survives a restart of the bot', async () => {
    await openEdit('Kota');
    await bot.restart();
    await official.send('Rangkasbitung');
    expect(official.lastText()).toMatch(/Kota diubah: Cilegon → Rangkasbitung/);
    expect((await missionRow(banten)).city).toBe('Rangkasbitung');
  });

  it('refuses /misi and every menu button to exhibitors and buyers, in private and in a group', async () => {
    const before = await snapshot();
    for (const user of [exhibitor, buyer]) {
      await user.send('/misi');
      expect(user.lastText()).toMatch(/Perintah ini khusus petugas misi/);
      await user.send('/mission', { chat: group });
      expect(group.lastText()).toMatch(/Perintah ini khusus petugas misi/);
      for (const data of ['ms:menu:new', 'ms:menu:close', 'ms:menu:edit', `ms:act:${bali}`, `ms:close:${banten}`, 'ms:ed:name', 'ms:keep']) {
        const tap = await user.tapData(data);
        expect(tap.answer).toMatchObject({ text: 'Tombol ini khusus petugas misi.', show_alert: true });
      }
      // No wizard opened: an answer-looking text gets nothing.
      const count = user.messages().length;
      await user.send('Cilegon');
      expectLooseTextAnswer(user, count);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an official in a group is told to use a private chat; their own role decides, not the group', async () => {
    await official.send('/misi', { chat: group });
    expect(group.lastText()).toMatch(/hanya bisa dipakai di chat pribadi/);
  });

  it('closes the active mission after a confirmation; keeping it changes nothing', async () => {
    await official.send('/misi');
    await official.tap('🔒 Tutup misi aktif');
    expect(official.lastText()).toMatch(/Tutup Misi Dagang Jawa Timur – Banten 2026\?/);
    expect(buttonsOf(official)).toEqual(['🔒 Ya, tutup', '↩️ Jangan']);
    const before = await snapshot();
    await official.tap('↩️ Jangan');
    expect(official.lastText()).toMatch(/misi tetap aktif/);
    expect(await snapshot()).toEqual(before);

    await official.send('/misi');
    await official.tap('🔒 Tutup misi aktif');
    const confirm = official.lastMessage()!;
    await official.tap('🔒 Ya, tutup');
    expect(official.lastText()).toMatch(/Misi Dagang Jawa Timur – Banten 2026 ditutup/);
    expect((await missionRow(banten)).status).toBe('CLOSED');
    const closes = await audits('mission.close');
    expect(closes.map((a) => [a.entityId, JSON.parse(a.before!), JSON.parse(a.after!)])).toEqual([[String(banten), { status: 'ACTIVE' }, { status: 'CLOSED' }]]);
    expect(await prisma().mission.count({ where: { status: 'ACTIVE' } })).toBe(0);

    // Nothing is active now: reports and progress say so, the menu offers creating and switching.
    await exhibitor.send('/lapor 100rb keripik');
    expect(exhibitor.lastText()).toMatch(/Belum ada misi dagang yang aktif/);
    await official.send('/misi');
    expect(official.lastText()).toContain('Belum ada misi aktif');
    expect(buttonsOf(official)).toEqual(['➕ Buat misi baru', '📋 Daftar misi', '🔁 Ganti misi aktif']);

    // The confirmation tapped again (a double tap) closes nothing twice.
    const after = await snapshot();
    await official.tapData(`ms:close:${banten}`, { messageId: confirm.messageId });
    expect(await snapshot()).toEqual(after);
  });

  it('a closed mission can be made active again from the switch menu', async () => {
    await official.send('/misi');
    await official.tap('🔁 Ganti misi aktif');
    expect(buttonsOf(official)).toEqual([expect.stringMatching(/^📝 Misi Dagang Jatim – Bali/), expect.stringMatching(/^🔒 Misi Dagang Jawa Timur – Banten 2026/)]);
    await official.tap(/^🔒 Misi Dagang Jawa Timur – Banten 2026/);
    expect(await statuses()).toEqual({ 'Misi Dagang Jawa Timur – Banten 2026': 'ACTIVE', 'Misi Dagang Jatim – Bali': 'DRAFT' });
  });
});
