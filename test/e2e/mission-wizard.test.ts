/**
 * The /misi (/mission) wizard end to end: an official creates a trade mission
 * in eight questions through the Bot API simulator, exactly as on Telegram,
 * and the mission lands in the database. Bad answers are answered and keep
 * the wizard on the same step; /batal, the ✖️ button, other commands and a
 * restart of the bot behave as wizard.ts promises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat } from '../../src/demo/flows.js';
import { inlineButtons, type SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { expectLooseTextAnswer } from '../support/loose-text.js';

// Friday 20 November 2026, 10:00 WIB: "hari ini" is 2026-11-20, "besok" 2026-11-21.
const NOW = new Date('2026-11-20T03:00:00Z');

describe.each(TEST_PROVIDERS)('mission wizard (%s)', (provider) => {
  let bot: TestBot;
  let official: SimUser;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    // Only one simulated user per id: the admin is shared by the tests, which run in order.
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
  });
  afterAll(async () => bot?.stop());

  const missionCount = () => bot.db.prisma.mission.count();
  const buttonsOf = (user: SimUser) => {
    const message = user.lastMessage();
    return message ? inlineButtons(message).map((b) => b.text) : [];
  };
  /** Texts of the bot's messages in the private chat newer than `since` messages. */
  const textsSince = (user: SimUser, since: number) => user.messages().slice(since).map((m) => m.plain);
  /** Sends several answers in a row. */
  const answer = async (user: SimUser, ...texts: string[]) => {
    for (const text of texts) await user.send(text);
  };
  /** /misi shows the officials' menu; its "new mission" button starts the wizard. */
  const startWizard = async (user: SimUser) => {
    await user.send('/misi');
    await user.tap(/^➕ (Buat misi baru|New mission)$/);
  };

  it('creates a mission in Indonesian, step by step, and saves it with its official and audit entry', async () => {
    const before = await missionCount();
    const name = 'Misi Dagang Jawa Timur – Banten';

    // /misi opens the officials' menu first (nothing but the menu); its first button starts the wizard.
    let start = official.messages().length;
    await official.send('/misi');
    const menu = textsSince(official, start);
    expect(menu).toHaveLength(1);
    expect(menu[0]).toContain('Belum ada misi aktif');
    expect(buttonsOf(official)).toEqual(['➕ Buat misi baru']);
    start = official.messages().length;
    await official.tap('➕ Buat misi baru');
    const opening = textsSince(official, start);
    expect(opening).toHaveLength(2);
    expect(opening[0]).toContain('Misi dagang baru');
    expect(opening[0]).toContain('8 hal');
    expect(opening[1]).toContain('1/8');
    expect(opening[1]).toContain('Nama misi?');
    expect(buttonsOf(official)).toEqual(['✖️ Batal']);

    await official.send(name);
    expect(official.lastText()).toContain('2/8');
    expect(official.lastText()).toContain('Provinsi asal');
    await official.send('jatim');
    expect(official.lastText()).toContain('3/8');
    expect(official.lastText()).toContain('Provinsi tuan rumah');
    await official.send('banten');
    expect(official.lastText()).toContain('4/8');
    await official.send('Serang');
    expect(official.lastText()).toContain('5/8');
    expect(official.lastText()).toContain('Tanggal mulai');
    await official.send('hari ini');
    expect(official.lastText()).toContain('6/8');
    await official.send('besok');
    expect(official.lastText()).toContain('7/8');
    // Banten is WIB: the suggestion is ticked.
    expect(official.lastText()).toMatch(/biasanya WIB/);
    expect(buttonsOf(official)).toEqual(['✅ WIB', 'WITA', 'WIT', '✖️ Batal']);

    const tz = await official.tap('✅ WIB');
    // The tapped question loses its buttons and keeps its text.
    const tapped = official.messages().find((m) => m.messageId === tz.message.messageId);
    expect(tapped?.plain).toContain('7/8');
    expect(tapped ? inlineButtons(tapped) : ['gone']).toEqual([]);
    expect(official.lastText()).toContain('8/8');
    expect(official.lastText()).toContain('Target transaksi');

    await official.send('3 M');
    const summary = official.lastText() ?? '';
    expect(summary).toContain('Periksa data misi');
    expect(summary).toContain(`Nama: ${name}`);
    expect(summary).toContain('Dari: Jawa Timur → Banten');
    expect(summary).toContain('Kota: Serang');
    expect(summary).toContain('20 Nov 2026 – 21 Nov 2026 (WIB)');
    expect(summary).toContain('Rp3.000.000.000');
    expect(buttonsOf(official)).toEqual(['✅ Simpan', '✖️ Batal']);
    // Nothing is saved before the tap.
    expect(await missionCount()).toBe(before);

    await official.tap('✅ Simpan');
    expect(official.lastText()).toMatch(/✅ Misi Dagang Jawa Timur – Banten tersimpan dan sekarang aktif/);
    expect(await missionCount()).toBe(before + 1);

    const row = await bot.db.prisma.mission.findFirst({ where: { name }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({
      name,
      originProvince: 'JATIM',
      hostProvince: 'BANTEN',
      city: 'Serang',
      startDate: '2026-11-20',
      endDate: '2026-11-21',
      timeZone: 'Asia/Jakarta',
      targetAmount: 3_000_000_000n,
      status: 'ACTIVE',
      createdById: BigInt(OFFICIAL_ID),
    });
    const missionId = row!.id;
    const members = await bot.db.prisma.missionMember.findMany({ where: { missionId } });
    expect(members.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: BigInt(OFFICIAL_ID), role: 'OFFICIAL' }]);
    const audit = await bot.db.prisma.auditLog.findMany({ where: { action: 'mission.create', entityId: String(missionId) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: BigInt(OFFICIAL_ID), entity: 'Mission' });
    expect(audit[0]?.after).toContain('Serang');

    // The wizard is over: a plain text now gets no wizard answer and creates nothing.
    const count = official.messages().length;
    await official.send('3 M');
    expectLooseTextAnswer(official, count);
    expect(await missionCount()).toBe(before + 1);
  });

  it('creates a mission in English with /mission for an official of the active mission', async () => {
    // Only OFFICIAL_ID is an admin; an official of the active mission (a membership row,
    // as an invite would give) may create the next mission too.
    if ((await bot.db.prisma.mission.count({ where: { status: 'ACTIVE' } })) === 0) {
      await createMissionByChat(official, { name: 'Misi Awal', origin: 'jatim', host: 'banten', city: 'Serang', start: 'hari ini', end: 'besok', timeZone: 'WIB', target: '1 M' });
    }
    const emma = bot.sim.user({ id: 7101, firstName: 'Emma', languageCode: 'en' });
    await emma.send('/start');
    expect(emma.lastText()).toContain('Hello, Emma');
    const active = await bot.db.prisma.mission.findFirstOrThrow({ where: { status: 'ACTIVE' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    await bot.db.prisma.missionMember.create({ data: { missionId: active.id, userId: 7101n, role: 'OFFICIAL' } });

    const before = await missionCount();
    const name = 'East Java Trade Mission to Banten';
    await emma.send('/mission');
    await emma.tap('➕ New mission');
    expect(emma.messages().at(-2)?.plain).toContain('New trade mission');
    expect(emma.lastText()).toContain('1/8 · Mission name?');
    expect(buttonsOf(emma)).toEqual(['✖️ Cancel']);
    await emma.send(name);
    expect(emma.lastText()).toContain('2/8 · Origin province');
    await emma.send('East Java');
    expect(emma.lastText()).toContain('3/8 · Host province');
    await emma.send('Banten');
    expect(emma.lastText()).toContain('4/8 · City');
    await emma.send('Tangerang');
    expect(emma.lastText()).toContain('5/8 · Start date');
    await emma.send('26-11-2026');
    expect(emma.lastText()).toContain('6/8 · End date');
    await emma.send('28 Nov 2026');
    expect(emma.lastText()).toContain('7/8 · Time zone');
    expect(emma.lastText()).toContain('usually WIB');
    await emma.tap(/^✅ WIB$/);
    expect(emma.lastText()).toContain('8/8 · Transaction target');
    await emma.send('Rp3.000.000.000');
    const summary = emma.lastText() ?? '';
    expect(summary).toContain('Check the mission');
    expect(summary).toContain(`Name: ${name}`);
    expect(summary).toContain('From: Jawa Timur → Banten');
    expect(summary).toContain('City: Tangerang');
    expect(summary).toContain('Dates: 26 Nov 2026 – 28 Nov 2026 (WIB)');
    expect(summary).toContain('Target: Rp3,000,000,000');
    expect(buttonsOf(emma)).toEqual(['✅ Save', '✖️ Cancel']);
    await emma.tap('✅ Save');
    expect(emma.lastText()).toContain(`✅ The mission ${name} is saved and active`);

    expect(await missionCount()).toBe(before + 1);
    const row = await bot.db.prisma.mission.findFirstOrThrow({ where: { name } });
    expect(row).toMatchObject({
      originProvince: 'JATIM',
      hostProvince: 'BANTEN',
      city: 'Tangerang',
      startDate: '2026-11-26',
      endDate: '2026-11-28',
      timeZone: 'Asia/Jakarta',
      targetAmount: 3_000_000_000n,
      status: 'ACTIVE',
      createdById: 7101n,
    });
    const members = await bot.db.prisma.missionMember.findMany({ where: { missionId: row.id } });
    expect(members.map((m) => ({ userId: m.userId, role: m.role }))).toEqual([{ userId: 7101n, role: 'OFFICIAL' }]);
    expect(await bot.db.prisma.auditLog.count({ where: { action: 'mission.create', entityId: String(row.id), actorId: 7101n } })).toBe(1);
  });

  it('answers every kind of bad input and stays on the step until a good answer comes', async () => {
    const before = await missionCount();
    await startWizard(official);
    expect(official.lastText()).toContain('1/8');

    // 1/8 name: too short, too long, not text.
    await official.send('AB');
    expect(official.lastText()).toMatch(/Terlalu pendek — paling sedikit 3 karakter/);
    await official.send('M'.repeat(101));
    expect(official.lastText()).toMatch(/Terlalu panjang — paling banyak 100 karakter/);
    await official.sendPhoto({ caption: 'Misi Dagang dari foto' });
    expect(official.lastText()).toMatch(/Mohon jawab dengan teks/);
    // Exactly 100 characters is accepted, spaces squeezed.
    const name = `Misi   Dagang Uji ${'x'.repeat(84)}`;
    const stored = name.replace(/\s+/g, ' ');
    expect(stored).toHaveLength(100);
    await official.send(name);
    expect(official.lastText()).toContain('2/8');

    // 2/8 origin: unknown, not text, ambiguous (buttons), then a tapped choice.
    await official.send('Atlantis');
    expect(official.lastText()).toMatch(/Provinsi "Atlantis" tidak saya kenal/);
    await official.sendPhoto();
    expect(official.lastText()).toMatch(/Mohon jawab dengan teks/);
    await official.send('jawa');
    expect(official.lastText()).toMatch(/Maksud Anda yang mana\?/);
    expect(buttonsOf(official)).toEqual(expect.arrayContaining(['Jawa Barat', 'Jawa Tengah', 'Jawa Timur']));
    expect(buttonsOf(official)).not.toContain('Banten');
    await official.tap('Jawa Timur');
    expect(official.lastText()).toContain('3/8');

    // 3/8 host: the same province as the origin is refused.
    await official.send('Jawa Timur');
    expect(official.lastText()).toMatch(/harus berbeda dari provinsi asal/);
    await official.send('Jatim');
    expect(official.lastText()).toMatch(/harus berbeda dari provinsi asal/);
    await official.send('Atlantis');
    expect(official.lastText()).toMatch(/tidak saya kenal/);
    await official.send('BANTEN');
    expect(official.lastText()).toContain('4/8');

    // 4/8 city: too short.
    await official.send('S');
    expect(official.lastText()).toMatch(/paling sedikit 2 karakter/);
    await official.send('Serang');
    expect(official.lastText()).toContain('5/8');

    // 5/8 start: unreadable and impossible dates.
    await official.send('kapan-kapan');
    expect(official.lastText()).toMatch(/Tanggalnya tidak terbaca/);
    await official.send('31-02-2026');
    expect(official.lastText()).toMatch(/Tanggalnya tidak terbaca/);
    await official.send('26-11-2026');
    expect(official.lastText()).toContain('6/8');

    // 6/8 end: unreadable, before the start, longer than 60 days; exactly 60 days is fine.
    await official.send('minggu depan');
    expect(official.lastText()).toMatch(/Tanggalnya tidak terbaca/);
    await official.send('25-11-2026');
    expect(official.lastText()).toMatch(/Tanggal selesai tidak boleh sebelum tanggal mulai \(26 Nov 2026\)/);
    await official.send('25-01-2027');
    expect(official.lastText()).toMatch(/Misi paling lama 60 hari/);
    await official.send('24-01-2027');
    expect(official.lastText()).toContain('7/8');

    // 7/8 time zone: nonsense and a photo are refused; typing a zone instead of tapping is understood.
    await official.send('xyz');
    expect(official.lastText()).toMatch(/Pilih WIB, WITA atau WIT dengan tombol di atas/);
    await official.sendPhoto();
    expect(official.lastText()).toMatch(/Pilih WIB, WITA atau WIT/);
    await official.send('wita');
    expect(official.lastText()).toContain('8/8');

    // 8/8 target: not a number, negative, zero.
    await official.send('abc');
    expect(official.lastText()).toMatch(/tidak terbaca sebagai angka/);
    expect(official.lastText()).toMatch(/Contoh: 3 M, 500 jt/);
    await official.send('-5 jt');
    expect(official.lastText()).toMatch(/tidak boleh negatif/);
    await official.send('0');
    expect(official.lastText()).toMatch(/harus lebih dari nol/);
    await official.send('3 miliar');
    expect(official.lastText()).toContain('Periksa data misi');
    expect(official.lastText()).toContain('26 Nov 2026 – 24 Jan 2027 (WITA)');

    // Confirm: a typed answer is not a tap.
    await official.send('ya simpan');
    expect(official.lastText()).toMatch(/Tekan salah satu tombol di atas, atau ketik \/batal/);
    expect(await missionCount()).toBe(before);
    await official.tap('✅ Simpan');
    expect(official.lastText()).toMatch(/tersimpan dan sekarang aktif/);

    expect(await missionCount()).toBe(before + 1);
    const row = await bot.db.prisma.mission.findFirstOrThrow({ where: { name: stored } });
    expect(row).toMatchObject({
      originProvince: 'JATIM',
      hostProvince: 'BANTEN',
      city: 'Serang',
      startDate: '2026-11-26',
      endDate: '2027-01-24',
      timeZone: 'Asia/Makassar',
      targetAmount: 3_000_000_000n,
      status: 'ACTIVE',
    });
  });

  it('takes "papua" as the province of that exact name, and offers buttons for "papua barat"', async () => {
    await startWizard(official);
    await official.send('Misi Dagang ke Papua');
    await official.send('jatim');
    expect(official.lastText()).toContain('3/8');
    // An exact name wins over the other five provinces that contain it: no needless question.
    await official.send('papua');
    expect(official.lastText()).toContain('4/8');
    await official.send('/batal');
    await startWizard(official);
    await official.send('Misi Dagang ke Papua Barat');
    await official.send('jatim');
    await official.send('papua bar');
    expect(official.lastText()).toMatch(/Maksud Anda yang mana\?/);
    expect(buttonsOf(official)).toEqual(expect.arrayContaining(['Papua Barat', 'Papua Barat Daya']));
    await official.tap('Papua Barat Daya');
    expect(official.lastText()).toContain('4/8');
    await official.send('/batal');
    expect(official.lastText()).toMatch(/Dibatalkan/);
  });

  it('offers the Sulawesi provinces as buttons; a tap picks the host and suggests its time zone', async () => {
    const before = await missionCount();
    await startWizard(official);
    await answer(official, 'Misi Dagang ke Sulawesi', 'jatim');
    await official.send('sulawesi');
    expect(official.lastText()).toMatch(/Maksud Anda yang mana\?/);
    // Five provinces carry the word (Gorontalo does not).
    expect(buttonsOf(official)).toHaveLength(5);
    expect(buttonsOf(official)).toEqual(expect.arrayContaining(['Sulawesi Utara', 'Sulawesi Selatan', 'Sulawesi Barat']));
    await official.tap('Sulawesi Selatan');
    expect(official.lastText()).toContain('4/8');
    await answer(official, 'Makassar', '26-11-2026', '28-11-2026');
    expect(official.lastText()).toMatch(/biasanya WITA/);
    expect(buttonsOf(official)).toContain('✅ WITA');
    await official.tap('✅ WITA');
    await official.send('2 M');
    await official.tap('✅ Simpan');
    expect(await missionCount()).toBe(before + 1);
    const row = await bot.db.prisma.mission.findFirstOrThrow({ where: { name: 'Misi Dagang ke Sulawesi' } });
    expect(row).toMatchObject({ hostProvince: 'SULSEL', city: 'Makassar', timeZone: 'Asia/Makassar', targetAmount: 2_000_000_000n });
  });

  it('/batal, /cancel and the ✖️ Batal button leave the wizard at any step and save nothing', async () => {
    const before = await missionCount();
    const cancelled = /Dibatalkan\. Tidak ada yang disimpan\./;

    // /batal at step 1.
    await startWizard(official);
    await official.send('/batal');
    expect(official.lastText()).toMatch(cancelled);
    let count = official.messages().length;
    await official.send('Misi Yang Tidak Jadi');
    expectLooseTextAnswer(official, count);

    // /batal at step 5.
    await startWizard(official);
    await answer(official, 'Misi Batal Lima', 'jatim', 'banten', 'Serang');
    expect(official.lastText()).toContain('5/8');
    await official.send('/batal');
    expect(official.lastText()).toMatch(cancelled);
    count = official.messages().length;
    await official.send('hari ini');
    expectLooseTextAnswer(official, count);

    // /cancel (the English word) at step 8.
    await startWizard(official);
    await answer(official, 'Misi Batal Delapan', 'jatim', 'banten', 'Serang', 'hari ini', 'besok');
    await official.tap(/WIB/);
    expect(official.lastText()).toContain('8/8');
    await official.send('/cancel');
    expect(official.lastText()).toMatch(cancelled);
    count = official.messages().length;
    await official.send('3 M');
    expectLooseTextAnswer(official, count);

    // The ✖️ Batal button under the host question (step 3).
    await startWizard(official);
    await answer(official, 'Misi Batal Tiga', 'jatim');
    expect(official.lastText()).toContain('3/8');
    const tap = await official.tap('✖️ Batal');
    expect(official.lastText()).toMatch(cancelled);
    const tapped = official.messages().find((m) => m.messageId === tap.message.messageId);
    expect(tapped ? inlineButtons(tapped) : ['gone']).toEqual([]);
    count = official.messages().length;
    await official.send('banten');
    expectLooseTextAnswer(official, count);

    // The ✖️ Batal button on the time zone keyboard (step 7).
    await startWizard(official);
    await answer(official, 'Misi Batal Tujuh', 'jatim', 'banten', 'Serang', 'hari ini', 'besok');
    expect(official.lastText()).toContain('7/8');
    await official.tap('✖️ Batal');
    expect(official.lastText()).toMatch(cancelled);

    // The ✖️ Batal button on the summary.
    await startWizard(official);
    await answer(official, 'Misi Batal Ringkasan', 'jatim', 'banten', 'Serang', 'hari ini', 'besok');
    await official.tap(/WIB/);
    await official.send('3 M');
    expect(official.lastText()).toContain('Periksa data misi');
    await official.tap('✖️ Batal');
    expect(official.lastText()).toMatch(cancelled);
    expect(buttonsOf(official)).toEqual([]);

    expect(await missionCount()).toBe(before);
    expect(await bot.db.prisma.mission.count({ where: { name: { startsWith: 'Misi Batal' } } })).toBe(0);
  });

  it('a stale "Simpan" tapped after /batal saves nothing and is answered as no longer valid', async () => {
    const before = await missionCount();
    await startWizard(official);
    await answer(official, 'Misi Basi', 'jatim', 'banten', 'Serang', 'hari ini', 'besok');
    await official.tap(/WIB/);
    await official.send('3 M');
    const summary = official.lastMessage();
    expect(summary?.plain).toContain('Periksa data misi');
    await official.send('/batal');
    expect(official.lastText()).toMatch(/Dibatalkan/);

    const tap = await official.tap('✅ Simpan', { messageId: summary!.messageId });
    expect(await missionCount()).toBe(before);
    // The phone shows a spinner until the bot answers the tap; the catalogue has the words for it.
    expect(tap.answer?.text).toMatch(/Tombol ini sudah tidak berlaku/);
  });

  it('another command in the middle leaves the wizard with a note, runs, and the next text is no answer', async () => {
    const before = await missionCount();
    await startWizard(official);
    await answer(official, 'Misi Terputus', 'jatim');
    expect(official.lastText()).toContain('3/8');

    const start = official.messages().length;
    await official.send('/progres');
    const replies = textsSince(official, start);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toMatch(/Isian sebelumnya saya tutup \(tidak disimpan\)/);
    // /progres ran: the active mission's progress.
    expect(replies[1]).toMatch(/Progres /);
    expect(replies[1]).toMatch(/dari target/);

    const count = official.messages().length;
    await official.send('banten');
    expectLooseTextAnswer(official, count);
    await official.send('Serang');
    expectLooseTextAnswer(official, count + 1);
    expect(await missionCount()).toBe(before);

    // /misi in the middle of /misi starts over with a note.
    await startWizard(official);
    await answer(official, 'Misi Dua Kali', 'jatim', 'banten');
    const again = official.messages().length;
    await startWizard(official);
    const restarted = textsSince(official, again);
    expect(restarted[0]).toMatch(/Isian sebelumnya saya tutup/);
    expect(restarted.at(-1)).toContain('1/8');
    await official.send('Misi Dua Kali Baru');
    expect(official.lastText()).toContain('2/8');
    await official.send('/batal');
    expect(await missionCount()).toBe(before);
  });

  it('refuses /misi to a normal user and changes nothing', async () => {
    const before = await missionCount();
    const sri = bot.sim.user({ id: 9101, firstName: 'Bu Sri' });
    await sri.send('/misi');
    expect(sri.lastText()).toMatch(/Perintah ini khusus petugas misi/);
    expect(sri.messages()).toHaveLength(1);
    // No wizard was opened: an answer-looking text gets only the loose-text hint.
    await sri.send('Misi Palsu');
    expectLooseTextAnswer(sri, 1);
    await sri.send('/mission');
    expect(sri.lastText()).toMatch(/khusus petugas/);
    expect(await missionCount()).toBe(before);
    expect(await bot.db.prisma.missionMember.count({ where: { userId: 9101n } })).toBe(0);

    const john = bot.sim.user({ id: 9102, firstName: 'John', languageCode: 'en' });
    await john.send('/mission');
    expect(john.lastText()).toMatch(/This command is for mission officials/);
    expect(await missionCount()).toBe(before);
  });

  it('answers /misi in a group with the private-chat-only message', async () => {
    const before = await missionCount();
    const group = bot.sim.group({ title: 'Petugas Misi Jatim' });
    await official.send('/misi', { chat: group });
    expect(group.lastText()).toMatch(/Perintah ini hanya bisa dipakai di chat pribadi dengan bot/);
    expect(group.messages()).toHaveLength(1);
    await official.send(`/misi@${bot.sim.botUsername}`, { chat: group });
    expect(group.messages()).toHaveLength(2);
    expect(group.lastText()).toMatch(/hanya bisa dipakai di chat pribadi/);
    expect(await missionCount()).toBe(before);

    // No wizard opened in the private chat either.
    const count = official.messages().length;
    await official.send('Misi Dari Grup');
    expectLooseTextAnswer(official, count);
  });
});

// A restart gets a bot of its own: if the bot does not come back, the other tests still run.
describe.each(TEST_PROVIDERS)('mission wizard across a restart (%s)', (provider) => {
  let bot: TestBot;
  let official: SimUser;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
  });
  afterAll(async () => bot?.stop());

  const missionCount = () => bot.db.prisma.mission.count();
  const answer = async (user: SimUser, ...texts: string[]) => {
    for (const text of texts) await user.send(text);
  };
  /** /misi shows the officials' menu; its "new mission" button starts the wizard. */
  const startWizard = async (user: SimUser) => {
    await user.send('/misi');
    await user.tap(/^➕ (Buat misi baru|New mission)$/);
  };

  it('continues where it was after the bot restarts in the middle, and saves', async () => {
    const before = await missionCount();
    const name = 'Misi Setelah Restart';
    await startWizard(official);
    await answer(official, name, 'jatim', 'banten', 'Cilegon');
    expect(official.lastText()).toContain('5/8');

    await bot.restart();

    await official.send('hari ini');
    expect(official.lastText()).toContain('6/8');
    await official.send('besok');
    expect(official.lastText()).toContain('7/8');
    await official.tap('✅ WIB');
    await official.send('3 M');
    expect(official.lastText()).toContain('Dari: Jawa Timur → Banten');
    expect(official.lastText()).toContain('Kota: Cilegon');

    // A second restart between the summary and the tap.
    await bot.restart();
    await official.tap('✅ Simpan');
    expect(official.lastText()).toMatch(/tersimpan dan sekarang aktif/);

    expect(await missionCount()).toBe(before + 1);
    const row = await bot.db.prisma.mission.findFirstOrThrow({ where: { name } });
    expect(row).toMatchObject({
      originProvince: 'JATIM',
      hostProvince: 'BANTEN',
      city: 'Cilegon',
      startDate: '2026-11-20',
      endDate: '2026-11-21',
      timeZone: 'Asia/Jakarta',
      targetAmount: 3_000_000_000n,
      status: 'ACTIVE',
    });
  });

});
