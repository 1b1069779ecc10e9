/**
 * The /daftar (/register) wizard end to end: an UMKM owner registers a
 * business for the active mission in six questions through the Bot API
 * simulator, and the exhibitor lands in the database with its membership and
 * audit entry. Bad answers keep the wizard on the same step; /batal, the ✖️
 * button and a restart of the bot behave as wizard.ts promises.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat } from '../../src/demo/flows.js';
import { inlineButtons, type SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { expectLooseTextAnswer } from '../support/loose-text.js';

// Friday 20 November 2026, 10:00 WIB.
const NOW = new Date('2026-11-20T03:00:00Z');
const MISSION = {
  name: 'Misi Dagang Jawa Timur – Banten',
  origin: 'jatim',
  host: 'banten',
  city: 'Serang',
  start: 'hari ini',
  end: 'besok',
  timeZone: 'WIB',
  target: '3 M',
};

const buttonsOf = (user: SimUser) => {
  const message = user.lastMessage();
  return message ? inlineButtons(message).map((b) => b.text) : [];
};
/** Rows of the reply keyboard (the one under the text field) of the bot's newest message. */
const replyKeyboardOf = (user: SimUser) => {
  const markup = user.lastMessage()?.replyMarkup as { keyboard?: { text: string; request_contact?: boolean }[][] } | undefined;
  return markup?.keyboard;
};
const textsSince = (user: SimUser, since: number) => user.messages().slice(since).map((m) => m.plain);

describe.each(TEST_PROVIDERS)('registration wizard (%s)', (provider) => {
  let bot: TestBot;
  let official: SimUser;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
  });
  afterAll(async () => bot?.stop());

  const exhibitorsOf = (ownerId: number) => bot.db.prisma.exhibitor.findMany({ where: { ownerId: BigInt(ownerId) } });

  // Runs before the mission is created below (tests and suites run in the order written).
  it('answers /daftar with the no-active-mission message while there is no mission', async () => {
    expect(await bot.db.prisma.mission.count({ where: { status: 'ACTIVE' } })).toBe(0);
    const rina = bot.sim.user({ id: 8001, firstName: 'Bu Rina' });
    await rina.send('/daftar');
    expect(rina.lastText()).toMatch(/Belum ada misi dagang yang aktif/);
    expect(rina.messages()).toHaveLength(1);
    // No wizard: a name-looking answer gets only the loose-text hint.
    await rina.send('Keripik Rina');
    expectLooseTextAnswer(rina, 1);

    const tom = bot.sim.user({ id: 8002, firstName: 'Tom', languageCode: 'en' });
    await tom.send('/register');
    expect(tom.lastText()).toMatch(/No trade mission is active yet/);
    expect(await bot.db.prisma.exhibitor.count()).toBe(0);
  });

  describe('with an active mission', () => {
    let missionId: number;

    beforeAll(async () => {
      await createMissionByChat(official, MISSION);
      expect(official.lastText()).toMatch(/tersimpan dan sekarang aktif/);
      missionId = (await bot.db.prisma.mission.findFirstOrThrow({ where: { name: MISSION.name } })).id;
    });

    it('registers with the shared-contact button and a typed booth, then /bantuan offers /lapor', async () => {
      const sri = bot.sim.user({ id: 8101, firstName: 'Sri', lastName: 'Wahyuni' });
      const start = sri.messages().length;
      await sri.send('/daftar');
      // One step, one message: the introduction carries the first question.
      const opening = textsSince(sri, start);
      expect(opening).toHaveLength(1);
      expect(opening[0]).toContain(`Pendaftaran peserta — ${MISSION.name}`);
      expect(opening[0]).toContain('6 pertanyaan');
      expect(opening[0]).toContain('1/6');
      expect(opening[0]).toContain('Nama usaha');
      expect(buttonsOf(sri)).toEqual(['✖️ Batal']);

      await sri.send('Keripik Tempe Bu Sri');
      expect(sri.lastText()).toContain('2/6');
      expect(buttonsOf(sri)).toEqual([
        '🍱 Makanan',
        '🥤 Minuman',
        '👗 Fashion',
        '🚬 Tembakau/rokok',
        '🧺 Kerajinan',
        '📦 Lainnya',
        '✖️ Batal',
      ]);
      const tap = await sri.tap('🍱 Makanan');
      const tapped = sri.messages().find((m) => m.messageId === tap.message.messageId);
      expect(tapped?.plain).toContain('2/6');
      expect(tapped ? inlineButtons(tapped) : ['gone']).toEqual([]);
      expect(sri.lastText()).toContain('3/6');

      await sri.send('Jawa Timur');
      expect(sri.lastText()).toContain('4/6');
      await sri.send('Malang');
      expect(sri.lastText()).toContain('5/6');
      expect(sri.lastText()).toContain('Nomor HP/WhatsApp');
      expect(replyKeyboardOf(sri)).toEqual([[expect.objectContaining({ text: '📱 Kirim kontak', request_contact: true })]]);

      // Telegram sends a shared contact's number without the plus.
      const before = sri.messages().length;
      await sri.sendContact('6281234567890');
      const booth = textsSince(sri, before);
      expect(booth).toHaveLength(1);
      expect(booth[0]).toContain('6/6');
      expect(booth[0]).toContain('Nomor stan');
      expect(booth[0]).toMatch(/tekan Lewati kalau belum tahu/);
      expect(buttonsOf(sri)).toEqual(['Lewati ⏭', '✖️ Batal']);

      await sri.send('A-12');
      const summary = sri.lastText() ?? '';
      expect(summary).toContain('Periksa data usaha');
      expect(summary).toContain('Nama: Keripik Tempe Bu Sri');
      expect(summary).toContain('Kategori: 🍱 Makanan');
      expect(summary).toContain('Asal: Malang, Jawa Timur');
      expect(summary).toContain('HP: +62 812-3456-7890');
      expect(summary).toContain('Stan: A-12');
      expect(buttonsOf(sri)).toEqual(['✅ Simpan', '✖️ Batal']);
      expect(await exhibitorsOf(8101)).toEqual([]);

      await sri.tap('✅ Simpan');
      expect(sri.lastText()).toMatch(/Keripik Tempe Bu Sri terdaftar\. Selamat berpameran!/);
      // The contact keyboard leaves with the closing message.
      expect(sri.lastMessage()?.replyMarkup).toMatchObject({ remove_keyboard: true });
      expect(sri.lastText()).toContain('/lapor 1,5jt keripik tempe 30 pcs');

      const rows = await exhibitorsOf(8101);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        missionId,
        ownerId: 8101n,
        name: 'Keripik Tempe Bu Sri',
        category: 'makanan',
        province: 'JATIM',
        city: 'Malang',
        phone: '+6281234567890',
        booth: 'A-12',
        verified: false,
      });
      const members = await bot.db.prisma.missionMember.findMany({ where: { userId: 8101n } });
      expect(members.map((m) => ({ missionId: m.missionId, role: m.role }))).toEqual([{ missionId, role: 'EXHIBITOR' }]);
      const audit = await bot.db.prisma.auditLog.findMany({ where: { action: 'exhibitor.register', entityId: String(rows[0]!.id) } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: 8101n, entity: 'Exhibitor' });

      await sri.send('/bantuan');
      const help = sri.lastText() ?? '';
      expect(help).toContain('Anda terdaftar sebagai peserta: Keripik Tempe Bu Sri');
      expect(help).toMatch(/\/lapor \(\/sale\)/);
      expect(help).not.toContain('/daftar');
      expect(help).not.toContain('/misi');
    });

    it('registers with a typed phone number and the booth skipped', async () => {
      const agus = bot.sim.user({ id: 8102, firstName: 'Agus' });
      await agus.send('/daftar');
      await agus.send('Kopi Agus');
      await agus.tap(/Minuman/);
      await agus.send('jatim');
      await agus.send('Banyuwangi');
      await agus.send('0812-3456-7890');
      expect(agus.lastText()).toContain('6/6');
      const skip = await agus.tap('Lewati ⏭');
      const hint = agus.messages().find((m) => m.messageId === skip.message.messageId);
      expect(hint ? inlineButtons(hint) : ['gone']).toEqual([]);
      const summary = agus.lastText() ?? '';
      expect(summary).toContain('Kategori: 🥤 Minuman');
      expect(summary).toContain('Asal: Banyuwangi, Jawa Timur');
      expect(summary).toContain('HP: +62 812-3456-7890');
      expect(summary).toContain('Stan: —');
      await agus.tap('✅ Simpan');
      expect(agus.lastText()).toMatch(/Kopi Agus terdaftar/);

      const rows = await exhibitorsOf(8102);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        missionId,
        name: 'Kopi Agus',
        category: 'minuman',
        province: 'JATIM',
        city: 'Banyuwangi',
        phone: '+6281234567890',
        booth: null,
      });
      expect(await bot.db.prisma.missionMember.count({ where: { userId: 8102n, missionId, role: 'EXHIBITOR' } })).toBe(1);
      expect(await bot.db.prisma.auditLog.count({ where: { action: 'exhibitor.register', actorId: 8102n } })).toBe(1);
    });

    it('answers bad input at every step and stays there until a good answer comes', async () => {
      const dewi = bot.sim.user({ id: 8103, firstName: 'Dewi' });
      await dewi.send('/daftar');
      expect(dewi.lastText()).toContain('1/6');

      // 1/6 name: too short, too long, not text.
      await dewi.send('A');
      expect(dewi.lastText()).toMatch(/Terlalu pendek — paling sedikit 2 karakter/);
      await dewi.send('B'.repeat(81));
      expect(dewi.lastText()).toMatch(/Terlalu panjang — paling banyak 80 karakter/);
      await dewi.sendPhoto({ caption: 'Batik Dewi' });
      expect(dewi.lastText()).toMatch(/Mohon jawab dengan teks/);
      await dewi.send('Batik   Tulis Dewi');
      expect(dewi.lastText()).toContain('2/6');

      // 2/6 category: an unknown word is refused, a known alias is taken.
      await dewi.send('xyz');
      expect(dewi.lastText()).toMatch(/Pilih kategori dengan tombol di atas/);
      await dewi.sendPhoto();
      expect(dewi.lastText()).toMatch(/Pilih kategori dengan tombol di atas/);
      await dewi.send('kuliner');
      expect(dewi.lastText()).toContain('3/6');

      // 3/6 province: unknown.
      await dewi.send('Atlantis');
      expect(dewi.lastText()).toMatch(/Provinsi "Atlantis" tidak saya kenal/);
      await dewi.send('East Java');
      expect(dewi.lastText()).toContain('4/6');

      // 4/6 city: too short, too long.
      await dewi.send('M');
      expect(dewi.lastText()).toMatch(/paling sedikit 2 karakter/);
      await dewi.send('K'.repeat(61));
      expect(dewi.lastText()).toMatch(/paling banyak 60 karakter/);
      await dewi.send('Pamekasan');
      expect(dewi.lastText()).toContain('5/6');

      // 5/6 phone: letters, too few digits, someone else's contact, a photo.
      await dewi.send('12ab');
      expect(dewi.lastText()).toMatch(/Nomor HP tidak valid/);
      await dewi.send('123');
      expect(dewi.lastText()).toMatch(/Nomor HP tidak valid/);
      await dewi.sendContact('6281311112222', { userId: 8999, firstName: 'Pak Lurah' });
      expect(dewi.lastText()).toMatch(/Kirim kontak Anda sendiri/);
      await dewi.sendPhoto();
      expect(dewi.lastText()).toMatch(/Nomor HP tidak valid/);
      await dewi.send('+62 813 5555 6666');
      expect(dewi.lastText()).toContain('6/6');

      // 6/6 booth: too long.
      await dewi.send('STAN-NOMOR-123456789X');
      expect(dewi.lastText()).toMatch(/Terlalu panjang — paling banyak 20 karakter/);
      await dewi.send('B-7');
      expect(dewi.lastText()).toContain('Periksa data usaha');

      // Confirm: a typed answer is not a tap.
      await dewi.send('oke');
      expect(dewi.lastText()).toMatch(/Tekan salah satu tombol di atas, atau ketik \/batal/);
      expect(await exhibitorsOf(8103)).toEqual([]);
      await dewi.tap('✅ Simpan');
      expect(dewi.lastText()).toMatch(/Batik Tulis Dewi terdaftar/);

      const rows = await exhibitorsOf(8103);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        name: 'Batik Tulis Dewi',
        category: 'makanan',
        province: 'JATIM',
        city: 'Pamekasan',
        phone: '+6281355556666',
        booth: 'B-7',
      });
    });

    it('answers /daftar a second time with "already registered" and keeps one business', async () => {
      const sri = bot.sim.user({ id: 8104, firstName: 'Sri Dua' });
      await sri.send('/daftar');
      await sri.send('Sambal Bu Sri');
      await sri.tap(/Makanan/);
      await sri.send('jatim');
      await sri.send('Malang');
      await sri.sendContact('6281234500000');
      await sri.tap(/Lewati/);
      await sri.tap('✅ Simpan');
      expect(await exhibitorsOf(8104)).toHaveLength(1);

      const count = sri.messages().length;
      await sri.send('/daftar');
      expect(sri.messages()).toHaveLength(count + 1);
      expect(sri.lastText()).toMatch(/Anda sudah terdaftar sebagai Sambal Bu Sri/);
      // No wizard was opened.
      await sri.send('Usaha Kedua');
      expectLooseTextAnswer(sri, count + 1);
      await sri.send('/register');
      expect(sri.lastText()).toMatch(/sudah terdaftar/);
      expect(await exhibitorsOf(8104)).toHaveLength(1);
      expect(await bot.db.prisma.missionMember.count({ where: { userId: 8104n, role: 'EXHIBITOR' } })).toBe(1);
    });

    it('/batal, /cancel and the ✖️ Batal button leave the wizard at any step and save nothing', async () => {
      const budi = bot.sim.user({ id: 8105, firstName: 'Budi' });
      const cancelled = /Dibatalkan\. Tidak ada yang disimpan\./;

      // /batal at step 1.
      await budi.send('/daftar');
      await budi.send('/batal');
      expect(budi.lastText()).toMatch(cancelled);
      let count = budi.messages().length;
      await budi.send('Tahu Budi');
      expectLooseTextAnswer(budi, count);

      // The ✖️ Batal button on the category keyboard.
      await budi.send('/daftar');
      await budi.send('Tahu Budi');
      expect(budi.lastText()).toContain('2/6');
      await budi.tap('✖️ Batal');
      expect(budi.lastText()).toMatch(cancelled);
      count = budi.messages().length;
      await budi.send('makanan');
      expectLooseTextAnswer(budi, count);

      // /batal at the contact step also takes the contact keyboard away.
      await budi.send('/daftar');
      await budi.send('Tahu Budi');
      await budi.tap(/Makanan/);
      await budi.send('jatim');
      await budi.send('Kediri');
      expect(replyKeyboardOf(budi)).toBeDefined();
      await budi.send('/batal');
      expect(budi.lastText()).toMatch(cancelled);
      expect(budi.lastMessage()?.replyMarkup).toMatchObject({ remove_keyboard: true });
      count = budi.messages().length;
      await budi.sendContact('6281200001111');
      expect(budi.messages()).toHaveLength(count);

      // /cancel at the booth step.
      await budi.send('/daftar');
      await budi.send('Tahu Budi');
      await budi.tap(/Makanan/);
      await budi.send('jatim');
      await budi.send('Kediri');
      await budi.sendContact('6281200001111');
      await budi.send('/cancel');
      expect(budi.lastText()).toMatch(cancelled);

      // The ✖️ Batal button on the summary.
      await budi.send('/daftar');
      await budi.send('Tahu Budi');
      await budi.tap(/Makanan/);
      await budi.send('jatim');
      await budi.send('Kediri');
      await budi.sendContact('6281200001111');
      await budi.send('C-3');
      expect(budi.lastText()).toContain('Periksa data usaha');
      await budi.tap('✖️ Batal');
      expect(budi.lastText()).toMatch(cancelled);
      expect(buttonsOf(budi)).toEqual([]);

      expect(await exhibitorsOf(8105)).toEqual([]);
      expect(await bot.db.prisma.missionMember.count({ where: { userId: 8105n } })).toBe(0);
      expect(await bot.db.prisma.auditLog.count({ where: { action: 'exhibitor.register', actorId: 8105n } })).toBe(0);

      // After all that, a registration still goes through.
      await budi.send('/daftar');
      await budi.send('Tahu Budi');
      await budi.tap(/Makanan/);
      await budi.send('jatim');
      await budi.send('Kediri');
      await budi.sendContact('6281200001111');
      await budi.tap(/Lewati/);
      await budi.tap('✅ Simpan');
      expect(budi.lastText()).toMatch(/Tahu Budi terdaftar/);
      expect(await exhibitorsOf(8105)).toHaveLength(1);
    });

    it('another command in the middle leaves the wizard with a note and runs', async () => {
      const wati = bot.sim.user({ id: 8106, firstName: 'Wati' });
      await wati.send('/daftar');
      await wati.send('Gerabah Wati');
      await wati.tap(/Kerajinan/);
      expect(wati.lastText()).toContain('3/6');
      const start = wati.messages().length;
      await wati.send('/progres');
      const replies = textsSince(wati, start);
      expect(replies).toHaveLength(2);
      expect(replies[0]).toMatch(/Isian sebelumnya saya tutup \(tidak disimpan\)/);
      expect(replies[1]).toContain(`Progres ${MISSION.name}`);
      const count = wati.messages().length;
      await wati.send('jatim');
      expectLooseTextAnswer(wati, count);
      expect(await exhibitorsOf(8106)).toEqual([]);
    });

    it('speaks English to an English user (/register)', async () => {
      const mary = bot.sim.user({ id: 8107, firstName: 'Mary', languageCode: 'en' });
      const start = mary.messages().length;
      await mary.send('/register');
      const opening = textsSince(mary, start);
      expect(opening[0]).toContain(`Exhibitor registration — ${MISSION.name}`);
      expect(opening[0]).toContain('6 short questions');
      expect(opening[0]).toContain('1/6 · Business name?');
      expect(buttonsOf(mary)).toEqual(['✖️ Cancel']);
      await mary.send('A');
      expect(mary.lastText()).toMatch(/Too short — at least 2 characters/);
      await mary.send("Mary's Crafts");
      expect(mary.lastText()).toContain('2/6 · Main product category?');
      expect(buttonsOf(mary)).toEqual(['🍱 Food', '🥤 Drinks', '👗 Fashion', '🚬 Tobacco', '🧺 Crafts', '📦 Other', '✖️ Cancel']);
      await mary.send('spaceships');
      expect(mary.lastText()).toMatch(/Please choose a category with the buttons above/);
      await mary.tap('🧺 Crafts');
      expect(mary.lastText()).toContain('3/6 · Province the business comes from?');
      await mary.send('Atlantis');
      expect(mary.lastText()).toMatch(/I do not know the province "Atlantis"/);
      await mary.send('East Java');
      expect(mary.lastText()).toContain('4/6 · City/regency?');
      await mary.send('Surabaya');
      expect(mary.lastText()).toContain('5/6 · Mobile/WhatsApp number?');
      expect(replyKeyboardOf(mary)).toEqual([[expect.objectContaining({ text: '📱 Share contact', request_contact: true })]]);
      await mary.send('12ab');
      expect(mary.lastText()).toMatch(/That phone number is not valid/);
      await mary.sendContact('6281299998888', { userId: 8998 });
      expect(mary.lastText()).toMatch(/Please share your own contact/);
      await mary.sendContact('+6281299998888');
      expect(mary.lastText()).toContain('6/6 · Booth number? (you may skip)');
      expect(buttonsOf(mary)).toEqual(['Skip ⏭', '✖️ Cancel']);
      await mary.tap('Skip ⏭');
      const summary = mary.lastText() ?? '';
      expect(summary).toContain('Check your business');
      expect(summary).toContain("Name: Mary's Crafts");
      expect(summary).toContain('Category: 🧺 Crafts');
      expect(summary).toContain('From: Surabaya, Jawa Timur');
      expect(summary).toContain('Phone: +62 812-9999-8888');
      expect(summary).toContain('Booth: —');
      await mary.send('yes');
      expect(mary.lastText()).toMatch(/Tap one of the buttons above, or type \/cancel/);
      await mary.tap('✅ Save');
      expect(mary.lastText()).toMatch(/Mary's Crafts is registered\. Enjoy the exhibition!/);
      expect(mary.lastText()).toContain('/sale 1,5jt keripik tempe 30 pcs');
      expect((await exhibitorsOf(8107))[0]).toMatchObject({ category: 'kerajinan', province: 'JATIM', city: 'Surabaya', booth: null });

      await mary.send('/register');
      expect(mary.lastText()).toMatch(/You are already registered as Mary's Crafts/);
      await mary.send('/help');
      expect(mary.lastText()).toMatch(/\/sale \(\/lapor\)/);
      expect(mary.lastText()).not.toContain('/register');
    });

    it('answers /daftar in a group with the private-chat-only message', async () => {
      const joko = bot.sim.user({ id: 8108, firstName: 'Joko' });
      const group = bot.sim.group({ title: 'Peserta Misi Jatim' });
      await joko.send('/daftar', { chat: group });
      expect(group.lastText()).toMatch(/hanya bisa dipakai di chat pribadi/);
      expect(await exhibitorsOf(8108)).toEqual([]);
      // The private chat was not put in a wizard either.
      await joko.send('Bakso Joko');
      expectLooseTextAnswer(joko, 0);
    });
  });
});

// A restart gets a bot of its own: if the bot does not come back, the other tests still run.
describe.each(TEST_PROVIDERS)('registration wizard across a restart (%s)', (provider) => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    await createMissionByChat(bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' }), MISSION);
  });
  afterAll(async () => bot?.stop());

  it('continues where it was after the bot restarts in the middle, and saves', async () => {
    const eko = bot.sim.user({ id: 8201, firstName: 'Eko' });
    await eko.send('/daftar');
    await eko.send('Tempe Eko');
    await eko.tap(/Makanan/);
    await eko.send('jatim');
    expect(eko.lastText()).toContain('4/6');

    await bot.restart();

    await eko.send('Blitar');
    expect(eko.lastText()).toContain('5/6');
    await eko.send('0813 1234 5678');
    expect(eko.lastText()).toContain('6/6');

    // A second restart between the summary and the tap.
    await eko.send('D-1');
    expect(eko.lastText()).toContain('Periksa data usaha');
    await bot.restart();
    await eko.tap('✅ Simpan');
    expect(eko.lastText()).toMatch(/Tempe Eko terdaftar/);

    const rows = await bot.db.prisma.exhibitor.findMany({ where: { ownerId: 8201n } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Tempe Eko', category: 'makanan', province: 'JATIM', city: 'Blitar', phone: '+6281312345678', booth: 'D-1' });
  });
});
