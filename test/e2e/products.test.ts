/**
 * Product listings end to end through the Bot API simulator: /produk_baru
 * (/newproduct) lists a product in seven questions, with or without a photo;
 * /produkku (/myproducts) lists an exhibitor's own products, shows a card per
 * product, edits one field at a time (validated exactly like the wizard, with
 * an audit entry holding before and after), deactivates and reactivates.
 * Bad answers keep the step; cancel, restarts, other roles and forged buttons
 * of another business change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, createProductByChat, registerByChat } from '../../src/demo/flows.js';
import { inlineButtons, type SimMessage, type SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { expectLooseTextAnswer } from '../support/loose-text.js';

// Thursday 26 November 2026, 10:00 WIB, first day of the mission.
const NOW = new Date('2026-11-26T03:00:00Z');
const MISSION = {
  name: 'Misi Dagang Jawa Timur – Banten',
  origin: 'Jawa Timur',
  host: 'Banten',
  city: 'Serang',
  start: '26-11-2026',
  end: '28-11-2026',
  timeZone: 'WIB',
  target: '3 M',
};

const buttonsOf = (message: SimMessage | undefined) => (message ? inlineButtons(message).map((b) => b.text) : []);
const textsSince = (user: SimUser, since: number) => user.messages().slice(since).map((m) => m.plain);

describe.each(TEST_PROVIDERS)('product listings (%s)', (provider) => {
  let bot: TestBot;
  let official: SimUser;
  let sri: SimUser;
  let mary: SimUser;
  let budi: SimUser;
  let sriExhibitorId: number;

  const productsOf = (exhibitorId: number) => bot.db.prisma.product.findMany({ where: { exhibitorId }, orderBy: { id: 'asc' } });
  const productAudits = (entityId?: number) =>
    bot.db.prisma.auditLog.findMany({ where: { entity: 'Product', ...(entityId === undefined ? {} : { entityId: String(entityId) }) }, orderBy: { id: 'asc' } });
  /** Everything saved about products, to compare before and after something that must change nothing. */
  const snapshot = async () => ({ products: await bot.db.prisma.product.findMany({ orderBy: { id: 'asc' } }), audits: (await productAudits()).length });

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
  });
  afterAll(async () => bot?.stop());

  // Runs before the mission is created below (tests run in the order written).
  it('answers /produk_baru and /produkku with the no-active-mission message while there is no mission', async () => {
    const rina = bot.sim.user({ id: 8001, firstName: 'Rina' });
    await rina.send('/produk_baru');
    expect(rina.lastText()).toMatch(/Belum ada misi dagang yang aktif/);
    await rina.send('/produkku');
    expect(rina.lastText()).toMatch(/Belum ada misi dagang yang aktif/);
    const count = rina.messages().length;
    await rina.send('Keripik');
    expectLooseTextAnswer(rina, count);
    expect(await bot.db.prisma.product.count()).toBe(0);
  });

  describe('with an active mission and registered exhibitors', () => {
    beforeAll(async () => {
      await createMissionByChat(official, MISSION);
      sri = bot.sim.user({ id: 8101, firstName: 'Bu Sri' });
      await registerByChat(sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890' });
      mary = bot.sim.user({ id: 8102, firstName: 'Mary', languageCode: 'en' });
      await registerByChat(mary, { name: "Mary's Crafts", category: 'Crafts', province: 'Jawa Timur', city: 'Surabaya', phone: '081299998888' });
      budi = bot.sim.user({ id: 8103, firstName: 'Budi' });
      await registerByChat(budi, { name: 'Kopi Budi', category: 'Minuman', province: 'Jawa Timur', city: 'Banyuwangi', phone: '081311112222' });
      sriExhibitorId = (await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { ownerId: 8101n } })).id;
    });

    it('lists a product with a photo in Indonesian, step by step, and saves it with an audit entry', async () => {
      const start = sri.messages().length;
      await sri.send('/produk_baru');
      const opening = textsSince(sri, start);
      expect(opening).toHaveLength(2);
      expect(opening[0]).toContain('Produk baru — Keripik Tempe Bu Sri');
      expect(opening[0]).toContain('7 pertanyaan');
      expect(opening[1]).toContain('1/7 · Nama produk?');
      expect(buttonsOf(sri.lastMessage())).toEqual(['✖️ Batal']);

      await sri.send('Keripik  Tempe Original');
      expect(sri.lastText()).toContain('2/7 · Kategori produk?');
      expect(sri.lastText()).toContain('Usaha Anda terdaftar di 🍱 Makanan');
      expect(buttonsOf(sri.lastMessage())).toEqual([
        '✅ 🍱 Makanan',
        '🥤 Minuman',
        '👗 Fashion',
        '🚬 Tembakau/rokok',
        '🧺 Kerajinan',
        '📦 Lainnya',
        '✖️ Batal',
      ]);
      const tap = await sri.tap('✅ 🍱 Makanan');
      const tapped = sri.messages().find((m) => m.messageId === tap.message.messageId);
      expect(buttonsOf(tapped)).toEqual([]);
      expect(sri.lastText()).toContain('3/7 · Harga per satuan?');
      expect(sri.lastText()).toContain('1,5 jt');

      await sri.send('15rb');
      expect(sri.lastText()).toContain('4/7 · Satuan jualnya?');
      expect(buttonsOf(sri.lastMessage())).toEqual(['pcs', 'kg', 'botol', 'bungkus', 'dus', 'kodi', 'lusin', 'paket', '✖️ Batal']);
      await sri.tap('bungkus');
      expect(sri.lastText()).toContain('5/7 · Minimal order berapa bungkus?');
      expect(buttonsOf(sri.lastMessage())).toEqual(['1 bungkus', '✖️ Batal']);

      await sri.send('10');
      expect(sri.lastText()).toContain('6/7 · Deskripsi singkat');
      expect(buttonsOf(sri.lastMessage())).toEqual(['Lewati ⏭', '✖️ Batal']);
      await sri.send('Renyah, tanpa pengawet. <b>Asli</b> Malang & sekitarnya.');
      expect(sri.lastText()).toContain('7/7 · Kirim foto produknya');
      expect(buttonsOf(sri.lastMessage())).toEqual(['Lewati ⏭', '✖️ Batal']);
      expect(await productsOf(sriExhibitorId)).toEqual([]);

      const photo = await sri.sendPhoto();
      const fileId = photo.photo?.fileId;
      expect(fileId).toBeDefined();
      const summary = sri.lastMessage();
      expect(summary?.photo?.fileId).toBe(fileId);
      expect(summary?.plain).toContain('Periksa produk');
      expect(summary?.plain).toContain('Nama: Keripik Tempe Original');
      expect(summary?.plain).toContain('Kategori: 🍱 Makanan');
      expect(summary?.plain).toContain('Harga: Rp15.000 / bungkus');
      expect(summary?.plain).toContain('Minimal order: 10 bungkus');
      // User text is escaped, not rendered as markup.
      expect(summary?.plain).toContain('Deskripsi: Renyah, tanpa pengawet. <b>Asli</b> Malang & sekitarnya.');
      expect(summary?.plain).toContain('Foto: ada');
      expect(buttonsOf(summary)).toEqual(['✅ Simpan', '✖️ Batal']);
      expect(await productsOf(sriExhibitorId)).toEqual([]);

      const save = await sri.tap('✅ Simpan');
      expect(save.answer?.text).toBe('Tersimpan ✅');
      expect(buttonsOf(sri.messages().find((m) => m.messageId === save.message.messageId))).toEqual([]);
      expect(sri.lastText()).toMatch(/Produk Keripik Tempe Original tersimpan dan tampil di katalog/);
      expect(sri.lastText()).toContain('/produkku');

      const rows = await productsOf(sriExhibitorId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        name: 'Keripik Tempe Original',
        category: 'makanan',
        price: 15_000n,
        unit: 'bungkus',
        minOrder: 10,
        description: 'Renyah, tanpa pengawet. <b>Asli</b> Malang & sekitarnya.',
        photoFileId: fileId,
        active: true,
      });
      expect(rows[0]?.createdAt.toISOString()).toBe(NOW.toISOString());
      const audits = await productAudits(rows[0]!.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ action: 'product.create', actorId: 8101n, before: null });
      expect(JSON.parse(audits[0]!.after ?? '{}')).toMatchObject({ name: 'Keripik Tempe Original', price: '15000', photoFileId: fileId });

      // Save tapped again on the same card: the wizard is over, nothing more is saved.
      const again = await sri.tapData('pn:ok', { messageId: save.message.messageId });
      expect(again.answer?.text).toMatch(/Tombol ini sudah tidak berlaku/);
      expect(await productsOf(sriExhibitorId)).toHaveLength(1);
    });

    it('lists a product without a photo in English, with typed category, unit and minimum order', async () => {
      const maryId = (await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { ownerId: 8102n } })).id;
      const start = mary.messages().length;
      await mary.send('/newproduct');
      const opening = textsSince(mary, start);
      expect(opening[0]).toContain("New product — Mary's Crafts");
      expect(opening[1]).toContain('1/7 · Product name?');
      await mary.send('Rattan basket');
      expect(mary.lastText()).toContain('Your business is registered under 🧺 Crafts');
      expect(buttonsOf(mary.lastMessage())).toEqual(['🍱 Food', '🥤 Drinks', '👗 Fashion', '🚬 Tobacco', '✅ 🧺 Crafts', '📦 Other', '✖️ Cancel']);
      await mary.send('souvenir');
      expect(mary.lastText()).toContain('3/7 · Price per unit?');
      await mary.send('Rp 1.500.000,00');
      expect(mary.lastText()).toContain('4/7 · Unit you sell by?');
      await mary.send('Set of 3');
      expect(mary.lastText()).toContain('5/7 · Minimum order in set of 3?');
      expect(buttonsOf(mary.lastMessage())).toEqual(['1 set of 3', '✖️ Cancel']);
      await mary.tap('1 set of 3');
      expect(mary.lastText()).toContain('6/7 · Short description');
      await mary.tap('Skip ⏭');
      expect(mary.lastText()).toContain('7/7 · Send a photo of the product');
      await mary.tap('Skip ⏭');
      const summary = mary.lastMessage();
      expect(summary?.photo).toBeUndefined();
      expect(summary?.plain).toContain('Check the product');
      expect(summary?.plain).toContain('Name: Rattan basket');
      expect(summary?.plain).toContain('Category: 🧺 Crafts');
      expect(summary?.plain).toContain('Price: Rp1,500,000 / set of 3');
      expect(summary?.plain).toContain('Minimum order: 1 set of 3');
      expect(summary?.plain).toContain('Description: —');
      expect(summary?.plain).toContain('Photo: none');
      expect(buttonsOf(summary)).toEqual(['✅ Save', '✖️ Cancel']);
      const save = await mary.tap('✅ Save');
      expect(save.answer?.text).toBe('Saved ✅');
      expect(mary.lastText()).toMatch(/Product Rattan basket is saved and listed in the catalog/);
      expect(mary.lastText()).toContain('/myproducts');

      const rows = await productsOf(maryId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        name: 'Rattan basket',
        category: 'kerajinan',
        price: 1_500_000n,
        unit: 'set of 3',
        minOrder: 1,
        description: null,
        photoFileId: null,
        active: true,
      });
      expect(await bot.db.prisma.auditLog.count({ where: { action: 'product.create', actorId: 8102n } })).toBe(1);
    });

    it('a double tap on Save lists the product once and answers both taps', async () => {
      const maryId = (await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { ownerId: 8102n } })).id;
      const before = (await productsOf(maryId)).length;
      await mary.send('/newproduct');
      await mary.send('Bamboo tray');
      await mary.tap(/Crafts/);
      await mary.send('75k');
      await mary.tap('pcs');
      await mary.tap('1 pcs');
      await mary.tap('Skip ⏭');
      await mary.tap('Skip ⏭');
      // Both taps reach the bot in one batch of updates and are handled at the same time, as from an
      // impatient thumb on a slow connection: while the bot answers Budi, the two taps wait together.
      const [, first, second] = await Promise.all([budi.send('/bantuan'), mary.tap('✅ Save'), mary.tap('✅ Save')]);
      // Handled together, both see the wizard and both answer "Saved"; on a busy machine one may
      // arrive after the other closed it. Either way both are answered, and one product is saved.
      const answers = [first.answer?.text, second.answer?.text];
      expect(answers).toContain('Saved ✅');
      for (const answer of answers) expect(['Saved ✅', 'This button is no longer valid.']).toContain(answer);
      expect(await productsOf(maryId)).toHaveLength(before + 1);
      expect(mary.messages().filter((m) => m.plain.includes('Product Bamboo tray is saved'))).toHaveLength(1);
    });

    it('answers every bad input at every step, stays on the step, and saves only at the end', async () => {
      const dewi = bot.sim.user({ id: 8110, firstName: 'Dewi' });
      await registerByChat(dewi, { name: 'Batik Dewi', category: 'Fashion', province: 'Jawa Timur', city: 'Pamekasan', phone: '081355556666' });
      const dewiId = (await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { ownerId: 8110n } })).id;
      await dewi.send('/produk_baru');

      // 1/7 name: too short, over-long, a photo where text is expected.
      await dewi.send('A');
      expect(dewi.lastText()).toMatch(/Nama produk terlalu pendek — paling sedikit 2 karakter/);
      await dewi.send('B'.repeat(81));
      expect(dewi.lastText()).toMatch(/Nama produk terlalu panjang — paling banyak 80 karakter/);
      await dewi.sendPhoto({ caption: 'Batik Tulis' });
      expect(dewi.lastText()).toMatch(/Mohon jawab dengan teks/);
      await dewi.send('Batik Tulis Madura');
      expect(dewi.lastText()).toContain('2/7');

      // 2/7 category: unknown word, a photo.
      await dewi.send('elektronik');
      expect(dewi.lastText()).toMatch(/Kategori itu tidak saya kenal/);
      await dewi.sendPhoto();
      expect(dewi.lastText()).toMatch(/Kategori itu tidak saya kenal/);
      await dewi.tap('✅ 👗 Fashion');
      expect(dewi.lastText()).toContain('3/7');

      // 3/7 price: not a number, negative, zero, ambiguous, a fraction, a photo.
      await dewi.send('murah');
      expect(dewi.lastText()).toMatch(/Harga belum bisa saya baca: Nilainya tidak terbaca sebagai angka\./);
      expect(dewi.lastText()).toContain('Contoh: 1500000');
      await dewi.send('-250000');
      expect(dewi.lastText()).toMatch(/Harga belum bisa saya baca: Nilai tidak boleh negatif\./);
      await dewi.send('0');
      expect(dewi.lastText()).toMatch(/Harga belum bisa saya baca: Nilai harus lebih dari nol\./);
      await dewi.send('1.50.000');
      expect(dewi.lastText()).toMatch(/Harga belum bisa saya baca: Penulisan angkanya membingungkan/);
      await dewi.send('1 500 000');
      expect(dewi.lastText()).toMatch(/Penulisan angkanya membingungkan/);
      await dewi.send('1,5');
      expect(dewi.lastText()).toMatch(/Rupiah tidak punya sen/);
      await dewi.sendPhoto();
      expect(dewi.lastText()).toMatch(/Mohon jawab dengan teks/);
      await dewi.send('350 ribu');
      expect(dewi.lastText()).toContain('4/7');

      // 4/7 unit: only digits, too long, a photo.
      await dewi.send('12');
      expect(dewi.lastText()).toMatch(/Satuan harus berupa kata/);
      await dewi.send('lembar kain panjang sekali');
      expect(dewi.lastText()).toMatch(/Satuan terlalu panjang — paling banyak 20 karakter/);
      await dewi.sendPhoto();
      expect(dewi.lastText()).toMatch(/Mohon jawab dengan teks/);
      await dewi.send('Lembar');
      expect(dewi.lastText()).toContain('5/7 · Minimal order berapa lembar?');

      // 5/7 minimum order: 0, 'abc', not whole, negative, a photo.
      await dewi.send('0');
      expect(dewi.lastText()).toMatch(/Minimal order paling sedikit 1\./);
      await dewi.send('abc');
      expect(dewi.lastText()).toMatch(/Minimal order harus berupa angka/);
      await dewi.send('1,5');
      expect(dewi.lastText()).toMatch(/Minimal order harus bilangan bulat/);
      await dewi.send('-2');
      expect(dewi.lastText()).toMatch(/Minimal order paling sedikit 1\./);
      await dewi.sendPhoto();
      expect(dewi.lastText()).toMatch(/Mohon jawab dengan teks/);
      await dewi.send('2');
      expect(dewi.lastText()).toContain('6/7');

      // 6/7 description: too long, a photo.
      await dewi.send('d'.repeat(501));
      expect(dewi.lastText()).toMatch(/Deskripsi terlalu panjang — paling banyak 500 karakter/);
      await dewi.sendPhoto();
      expect(dewi.lastText()).toMatch(/Mohon jawab dengan teks/);
      await dewi.send('Batik tulis tangan, pewarna alami.');
      expect(dewi.lastText()).toContain('7/7');

      // 7/7 photo: text, a file, a contact where a photo is expected.
      await dewi.send('ini fotonya');
      expect(dewi.lastText()).toMatch(/Saya menunggu foto produk/);
      await dewi.sendDocument('batik.jpg', { mimeType: 'image/jpeg' });
      expect(dewi.lastText()).toMatch(/Saya menunggu foto produk\. Kirim sebagai foto \(bukan file\)/);
      await dewi.sendContact('6281355556666');
      expect(dewi.lastText()).toMatch(/Saya menunggu foto produk/);
      await dewi.tap('Lewati ⏭');
      expect(dewi.lastText()).toContain('Periksa produk');

      // Confirm: a typed answer is not a tap.
      await dewi.send('oke');
      expect(dewi.lastText()).toMatch(/Tekan salah satu tombol di atas, atau ketik \/batal/);
      expect(await productsOf(dewiId)).toEqual([]);
      expect(await bot.db.prisma.auditLog.count({ where: { action: 'product.create', actorId: 8110n } })).toBe(0);

      await dewi.tap('✅ Simpan');
      expect(dewi.lastText()).toMatch(/Produk Batik Tulis Madura tersimpan/);
      const rows = await productsOf(dewiId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        name: 'Batik Tulis Madura',
        category: 'fashion',
        price: 350_000n,
        unit: 'lembar',
        minOrder: 2,
        description: 'Batik tulis tangan, pewarna alami.',
        photoFileId: null,
      });
    });

    it('/batal, /cancel and the ✖️ button leave the wizard at several steps and save nothing', async () => {
      const before = await snapshot();
      const cancelled = /Dibatalkan\. Tidak ada yang disimpan\./;

      // /batal at the name.
      await budi.send('/produk_baru');
      await budi.send('/batal');
      expect(budi.lastText()).toMatch(cancelled);
      let count = budi.messages().length;
      await budi.send('Kopi Ijen');
      expectLooseTextAnswer(budi, count);

      // ✖️ on the category keyboard.
      await budi.send('/produk_baru');
      await budi.send('Kopi Ijen');
      await budi.tap('✖️ Batal');
      expect(budi.lastText()).toMatch(cancelled);

      // /cancel at the price.
      await budi.send('/produk_baru');
      await budi.send('Kopi Ijen');
      await budi.tap(/Minuman/);
      await budi.send('/cancel');
      expect(budi.lastText()).toMatch(cancelled);

      // ✖️ on the unit keyboard and at the minimum order.
      await budi.send('/produk_baru');
      await budi.send('Kopi Ijen');
      await budi.tap(/Minuman/);
      await budi.send('85rb');
      await budi.tap('✖️ Batal');
      expect(budi.lastText()).toMatch(cancelled);
      await budi.send('/produk_baru');
      await budi.send('Kopi Ijen');
      await budi.tap(/Minuman/);
      await budi.send('85rb');
      await budi.tap('kg');
      await budi.send('/batal');
      expect(budi.lastText()).toMatch(cancelled);

      // ✖️ at the photo step, and on the summary card with a photo.
      await budi.send('/produk_baru');
      await budi.send('Kopi Ijen');
      await budi.tap(/Minuman/);
      await budi.send('85rb');
      await budi.tap('kg');
      await budi.tap('1 kg');
      await budi.tap('Lewati ⏭');
      await budi.tap('✖️ Batal');
      expect(budi.lastText()).toMatch(cancelled);
      await budi.send('/produk_baru');
      await budi.send('Kopi Ijen');
      await budi.tap(/Minuman/);
      await budi.send('85rb');
      await budi.tap('kg');
      await budi.tap('1 kg');
      await budi.tap('Lewati ⏭');
      await budi.sendPhoto();
      const card = budi.lastMessage();
      expect(card?.photo).toBeDefined();
      await budi.tap('✖️ Batal');
      expect(budi.lastText()).toMatch(cancelled);
      expect(buttonsOf(budi.messages().find((m) => m.messageId === card?.messageId))).toEqual([]);
      // The old Save button of a cancelled wizard saves nothing.
      const stale = await budi.tapData('pn:ok', { messageId: card!.messageId });
      expect(stale.answer?.text).toMatch(/Tombol ini sudah tidak berlaku/);
      count = budi.messages().length;
      await budi.sendPhoto();
      expect(budi.messages()).toHaveLength(count);

      expect(await snapshot()).toEqual(before);
    });

    it('another command in the middle leaves the wizard with a note and runs', async () => {
      await budi.send('/produk_baru');
      await budi.send('Kopi Ijen');
      await budi.tap(/Minuman/);
      const start = budi.messages().length;
      await budi.send('/produkku');
      const replies = textsSince(budi, start);
      expect(replies).toHaveLength(2);
      expect(replies[0]).toMatch(/Isian sebelumnya saya tutup \(tidak disimpan\)/);
      expect(replies[1]).toContain('Produk Kopi Budi (0)');
      expect(replies[1]).toContain('Anda belum punya produk. Tambahkan dengan /produk_baru.');
      const count = budi.messages().length;
      await budi.send('85rb');
      expectLooseTextAnswer(budi, count);
      expect(await bot.db.prisma.product.count({ where: { exhibitor: { ownerId: 8103n } } })).toBe(0);
    });

    it('refuses a non-exhibitor and a group chat, and changes nothing', async () => {
      const before = await snapshot();
      const tamu = bot.sim.user({ id: 8120, firstName: 'Tamu' });
      await tamu.send('/produk_baru');
      expect(tamu.lastText()).toMatch(/Perintah ini untuk peserta pameran \(UMKM\)\. Daftarkan usaha Anda dulu dengan \/daftar/);
      let count = tamu.messages().length;
      await tamu.send('Keripik Tamu');
      expectLooseTextAnswer(tamu, count);
      await tamu.send('/produkku');
      expect(tamu.lastText()).toMatch(/Perintah ini untuk peserta pameran/);

      // An official who does not exhibit is not an exhibitor either.
      await official.send('/produk_baru');
      expect(official.lastText()).toMatch(/Perintah ini untuk peserta pameran/);

      const tom = bot.sim.user({ id: 8121, firstName: 'Tom', languageCode: 'en' });
      await tom.send('/newproduct');
      expect(tom.lastText()).toMatch(/This command is for exhibitors \(UMKM\)\. Register your business first with \/register/);
      await tom.send('/myproducts');
      expect(tom.lastText()).toMatch(/This command is for exhibitors/);

      const group = bot.sim.group({ title: 'Peserta Misi Jatim' });
      await sri.send('/produk_baru', { chat: group });
      expect(group.lastText()).toMatch(/hanya bisa dipakai di chat pribadi/);
      await sri.send('/produkku', { chat: group });
      expect(group.lastText()).toMatch(/hanya bisa dipakai di chat pribadi/);

      // A forged /produkku button from someone who is no exhibitor.
      const sriProduct = (await productsOf(sriExhibitorId))[0]!;
      count = tamu.messages().length;
      await tamu.tapData(`pm:act:0:${sriProduct.id}`);
      expect(tamu.messages()).toHaveLength(count + 1);
      expect(tamu.lastText()).toMatch(/Perintah ini untuk peserta pameran/);
      await tamu.tapData(`pm:ed:p:${sriProduct.id}`);
      expect(tamu.lastText()).toMatch(/Perintah ini untuk peserta pameran/);
      count = tamu.messages().length;
      await tamu.send('1 rb');
      expectLooseTextAnswer(tamu, count);

      expect(await snapshot()).toEqual(before);
    });

    it('/produkku lists own products with price, unit and status, and opens a card per product', async () => {
      await createProductByChat(sri, { name: 'Sambal Bawang', price: '25.000', unit: 'botol' });
      const start = sri.messages().length;
      await sri.send('/produkku');
      expect(sri.messages()).toHaveLength(start + 1);
      const list = sri.lastText() ?? '';
      expect(list).toContain('Produk Keripik Tempe Bu Sri (2)');
      expect(list).toContain('1. Keripik Tempe Original — Rp15.000 / bungkus · ✅ aktif');
      expect(list).toContain('2. Sambal Bawang — Rp25.000 / botol · ✅ aktif');
      expect(list).not.toContain('Rattan');
      expect(buttonsOf(sri.lastMessage())).toEqual(['1. Keripik Tempe Original', '2. Sambal Bawang']);

      // A product without a photo: the list message becomes its card.
      const listMessage = sri.lastMessage()!;
      await sri.tap('2. Sambal Bawang');
      expect(sri.messages()).toHaveLength(start + 1);
      const card = sri.lastText() ?? '';
      expect(sri.lastMessage()?.messageId).toBe(listMessage.messageId);
      expect(card).toContain('📦 Sambal Bawang');
      expect(card).toContain('Kategori: 🍱 Makanan');
      expect(card).toContain('Harga: Rp25.000 / botol');
      expect(card).toContain('Minimal order: 1 botol');
      expect(card).toContain('Deskripsi: —');
      expect(card).toContain('Foto: tidak ada');
      expect(card).toContain('Status: ✅ aktif — tampil di katalog');
      expect(buttonsOf(sri.lastMessage())).toEqual([
        '✏️ Nama',
        '💰 Harga',
        '🏷 Kategori',
        '📏 Satuan',
        '🔢 Min. order',
        '📝 Deskripsi',
        '📷 Foto',
        '⏸ Nonaktifkan',
        '⬅️ Daftar produk',
      ]);
      await sri.tap('⬅️ Daftar produk');
      expect(sri.lastText()).toContain('Produk Keripik Tempe Bu Sri (2)');

      // A product with a photo: its card is a photo with the text as caption.
      await sri.tap('1. Keripik Tempe Original');
      const photoCard = sri.lastMessage();
      expect(photoCard?.photo?.fileId).toBe((await productsOf(sriExhibitorId))[0]?.photoFileId);
      expect(photoCard?.plain).toContain('📦 Keripik Tempe Original');
      expect(photoCard?.plain).toContain('Foto: ada');
      expect(buttonsOf(sri.messages().find((m) => m.messageId === listMessage.messageId))).toEqual([]);
      await sri.tap('⬅️ Daftar produk');
      expect(sri.lastMessage()?.photo).toBeUndefined();
      expect(sri.lastText()).toContain('Produk Keripik Tempe Bu Sri (2)');

      // English.
      await mary.send('/myproducts');
      expect(mary.lastText()).toContain("Products of Mary's Crafts (2)");
      expect(mary.lastText()).toContain('1. Rattan basket — Rp1,500,000 / set of 3 · ✅ active');
      expect(mary.lastText()).toContain('2. Bamboo tray — Rp75,000 / pcs · ✅ active');
      await mary.tap('1. Rattan basket');
      expect(mary.lastText()).toContain('Price: Rp1,500,000 / set of 3');
      expect(mary.lastText()).toContain('Status: ✅ active — listed in the catalog');
      expect(buttonsOf(mary.lastMessage())).toContain('⏸ Deactivate');
    });

    /** Opens the card of the product named `name` from a fresh /produkku. */
    async function openCard(user: SimUser, name: string): Promise<void> {
      await user.send('/produkku');
      await user.tap(new RegExp(`^\\d+\\. (⏸ )?${name}$`));
    }
    const sambal = async () => (await productsOf(sriExhibitorId)).find((p) => p.name.startsWith('Sambal'))!;
    const keripik = async () => (await productsOf(sriExhibitorId))[0]!;
    /** The newest audit entry of a product, with its before and after parsed. */
    const lastAudit = async (id: number) => {
      const entry = (await productAudits(id)).at(-1)!;
      return { ...entry, before: JSON.parse(entry.before ?? 'null'), after: JSON.parse(entry.after ?? 'null') };
    };

    it('edits the name: an over-long one is refused, a good one saved with before and after', async () => {
      const product = await sambal();
      await openCard(sri, 'Sambal Bawang');
      await sri.tap('✏️ Nama');
      expect(sri.lastText()).toContain('Nama sekarang: Sambal Bawang');
      expect(buttonsOf(sri.lastMessage())).toEqual(['✖️ Batal']);
      const audits = (await productAudits(product.id)).length;
      await sri.send('S'.repeat(81));
      expect(sri.lastText()).toMatch(/Nama produk terlalu panjang — paling banyak 80 karakter/);
      await sri.sendPhoto();
      expect(sri.lastText()).toMatch(/Mohon jawab dengan teks/);
      expect(await sambal()).toEqual(product);
      expect(await productAudits(product.id)).toHaveLength(audits);

      await sri.send('Sambal Bawang Pedas');
      expect(sri.lastText()).toContain('✅ Nama diperbarui.');
      expect(sri.lastText()).toContain('📦 Sambal Bawang Pedas');
      expect(buttonsOf(sri.lastMessage())).toContain('💰 Harga');
      expect(await sambal()).toMatchObject({ ...product, name: 'Sambal Bawang Pedas', updatedAt: expect.any(Date) });
      const audit = await lastAudit(product.id);
      expect(audit).toMatchObject({ action: 'product.update', actorId: 8101n });
      expect(audit.before).toMatchObject({ name: 'Sambal Bawang', price: '25000' });
      expect(audit.after).toMatchObject({ name: 'Sambal Bawang Pedas', price: '25000' });
      // The edit is over: the next text is no answer.
      const count = sri.messages().length;
      await sri.send('Sambal Lain');
      expectLooseTextAnswer(sri, count);
    });

    it('edits the price with the rupiah grammar; not a number, negative, zero and ambiguous are refused', async () => {
      const product = await sambal();
      await openCard(sri, 'Sambal Bawang Pedas');
      await sri.tap('💰 Harga');
      expect(sri.lastText()).toContain('Harga sekarang: Rp25.000');
      for (const [typed, reason] of [
        ['abc', /Nilainya tidak terbaca sebagai angka/],
        ['-5000', /Nilai tidak boleh negatif/],
        ['0', /Nilai harus lebih dari nol/],
        ['1.50.000', /Penulisan angkanya membingungkan/],
      ] as const) {
        await sri.send(typed);
        expect(sri.lastText()).toMatch(/Harga belum bisa saya baca/);
        expect(sri.lastText()).toMatch(reason);
      }
      expect(await sambal()).toEqual(product);
      await sri.send('27,5rb');
      expect(sri.lastText()).toContain('✅ Harga diperbarui.');
      expect(sri.lastText()).toContain('Harga: Rp27.500 / botol');
      expect((await sambal()).price).toBe(27_500n);
      const audit = await lastAudit(product.id);
      expect(audit.before).toMatchObject({ price: '25000' });
      expect(audit.after).toMatchObject({ price: '27500' });

      // The same price again changes nothing and writes no audit entry.
      const audits = (await productAudits(product.id)).length;
      await sri.tap('💰 Harga');
      await sri.send('27.500');
      expect(sri.lastText()).toContain('Tidak ada yang berubah');
      expect(await productAudits(product.id)).toHaveLength(audits);
    });

    it('edits the category by button and by a typed alias; an unknown one is refused', async () => {
      const product = await sambal();
      await openCard(sri, 'Sambal Bawang Pedas');
      await sri.tap('🏷 Kategori');
      expect(sri.lastText()).toContain('Kategori sekarang: 🍱 Makanan');
      expect(buttonsOf(sri.lastMessage())).toContain('✅ 🍱 Makanan');
      await sri.send('elektronik');
      expect(sri.lastText()).toMatch(/Kategori itu tidak saya kenal/);
      expect(await sambal()).toEqual(product);
      await sri.tap('📦 Lainnya');
      expect(sri.lastText()).toContain('✅ Kategori diperbarui.');
      expect(sri.lastText()).toContain('Kategori: 📦 Lainnya');
      expect((await sambal()).category).toBe('lainnya');

      await sri.tap('🏷 Kategori');
      await sri.send('kuliner');
      expect(sri.lastText()).toContain('Kategori: 🍱 Makanan');
      const audit = await lastAudit(product.id);
      expect(audit.before).toMatchObject({ category: 'lainnya' });
      expect(audit.after).toMatchObject({ category: 'makanan' });
    });

    it('edits the unit by button and typed; digits only are refused', async () => {
      const product = await sambal();
      await openCard(sri, 'Sambal Bawang Pedas');
      await sri.tap('📏 Satuan');
      expect(sri.lastText()).toContain('Satuan sekarang: botol');
      expect(buttonsOf(sri.lastMessage())).toContain('✅ botol');
      await sri.send('250');
      expect(sri.lastText()).toMatch(/Satuan harus berupa kata/);
      await sri.send('x'.repeat(21));
      expect(sri.lastText()).toMatch(/Satuan terlalu panjang/);
      expect(await sambal()).toEqual(product);
      await sri.tap('dus');
      expect(sri.lastText()).toContain('Harga: Rp27.500 / dus');
      await sri.tap('📏 Satuan');
      await sri.send('Jar 250 gr');
      expect(sri.lastText()).toContain('Harga: Rp27.500 / jar 250 gr');
      expect((await sambal()).unit).toBe('jar 250 gr');
      const audit = await lastAudit(product.id);
      expect(audit.before).toMatchObject({ unit: 'dus' });
      expect(audit.after).toMatchObject({ unit: 'jar 250 gr' });
    });

    it('edits the minimum order; 0 and "abc" are refused; the "1" button resets it', async () => {
      const product = await sambal();
      await openCard(sri, 'Sambal Bawang Pedas');
      await sri.tap('🔢 Min. order');
      expect(sri.lastText()).toContain('Minimal order sekarang: 1 jar 250 gr');
      await sri.send('0');
      expect(sri.lastText()).toMatch(/Minimal order paling sedikit 1/);
      await sri.send('abc');
      expect(sri.lastText()).toMatch(/Minimal order harus berupa angka/);
      expect(await sambal()).toEqual(product);
      await sri.send('24');
      expect(sri.lastText()).toContain('Minimal order: 24 jar 250 gr');
      expect((await sambal()).minOrder).toBe(24);
      await sri.tap('🔢 Min. order');
      expect(buttonsOf(sri.lastMessage())).toEqual(['1 jar 250 gr', '✖️ Batal']);
      await sri.tap('1 jar 250 gr');
      expect(sri.lastText()).toContain('Minimal order: 1 jar 250 gr');
      const audit = await lastAudit(product.id);
      expect(audit.before).toMatchObject({ minOrder: 24 });
      expect(audit.after).toMatchObject({ minOrder: 1 });
    });

    it('edits the description; an over-long one is refused; it can be removed', async () => {
      const product = await sambal();
      await openCard(sri, 'Sambal Bawang Pedas');
      await sri.tap('📝 Deskripsi');
      expect(sri.lastText()).toContain('Deskripsi sekarang: —');
      expect(buttonsOf(sri.lastMessage())).toEqual(['✖️ Batal']);
      await sri.send('x'.repeat(501));
      expect(sri.lastText()).toMatch(/Deskripsi terlalu panjang — paling banyak 500 karakter/);
      expect(await sambal()).toEqual(product);
      await sri.send('Sambal bawang khas Malang,\npedas nampol.');
      expect(sri.lastText()).toContain('Deskripsi: Sambal bawang khas Malang,\npedas nampol.');
      expect((await sambal()).description).toBe('Sambal bawang khas Malang,\npedas nampol.');

      await sri.tap('📝 Deskripsi');
      expect(buttonsOf(sri.lastMessage())).toEqual(['🗑 Hapus deskripsi', '✖️ Batal']);
      await sri.tap('🗑 Hapus deskripsi');
      expect(sri.lastText()).toContain('Deskripsi: —');
      expect((await sambal()).description).toBeNull();
      const audit = await lastAudit(product.id);
      expect(audit.before).toMatchObject({ description: 'Sambal bawang khas Malang,\npedas nampol.' });
      expect(audit.after).toMatchObject({ description: null });
    });

    it('edits the photo: text where a photo is expected is refused; a photo is added, replaced and removed', async () => {
      const product = await sambal();
      await openCard(sri, 'Sambal Bawang Pedas');
      await sri.tap('📷 Foto');
      expect(sri.lastText()).toContain('Kirim foto produknya');
      await sri.send('foto menyusul');
      expect(sri.lastText()).toMatch(/Saya menunggu foto produk/);
      await sri.sendDocument('sambal.png', { mimeType: 'image/png' });
      expect(sri.lastText()).toMatch(/Saya menunggu foto produk/);
      expect(await sambal()).toEqual(product);

      const first = await sri.sendPhoto();
      const card = sri.lastMessage();
      expect(card?.photo?.fileId).toBe(first.photo?.fileId);
      expect(card?.plain).toContain('✅ Foto diperbarui.');
      expect(card?.plain).toContain('Foto: ada');
      expect((await sambal()).photoFileId).toBe(first.photo?.fileId);
      let audit = await lastAudit(product.id);
      expect(audit.before).toMatchObject({ photoFileId: null });
      expect(audit.after).toMatchObject({ photoFileId: first.photo?.fileId });

      // Replace it, from the photo card itself.
      await sri.tap('📷 Foto');
      expect(sri.lastText()).toContain('Kirim foto baru');
      const second = await sri.sendPhoto();
      expect(second.photo?.fileId).not.toBe(first.photo?.fileId);
      expect(sri.lastMessage()?.photo?.fileId).toBe(second.photo?.fileId);
      expect((await sambal()).photoFileId).toBe(second.photo?.fileId);

      // Remove it: the card is text again.
      await sri.tap('📷 Foto');
      await sri.tap('🗑 Hapus foto');
      expect(sri.lastMessage()?.photo).toBeUndefined();
      expect(sri.lastText()).toContain('Foto: tidak ada');
      expect((await sambal()).photoFileId).toBeNull();
      audit = await lastAudit(product.id);
      expect(audit.before).toMatchObject({ photoFileId: second.photo?.fileId });
      expect(audit.after).toMatchObject({ photoFileId: null });
    });

    it('cancels an edit with /batal or ✖️ and keeps the product as it was', async () => {
      const before = await snapshot();
      await openCard(sri, 'Sambal Bawang Pedas');
      await sri.tap('💰 Harga');
      await sri.send('/batal');
      expect(sri.lastText()).toMatch(/Dibatalkan\. Tidak ada yang disimpan\./);
      let count = sri.messages().length;
      await sri.send('99rb');
      expectLooseTextAnswer(sri, count);
      await sri.tap('✏️ Nama');
      await sri.tap('✖️ Batal');
      expect(sri.lastText()).toMatch(/Dibatalkan/);
      count = sri.messages().length;
      await sri.send('Nama Baru');
      expectLooseTextAnswer(sri, count);
      expect(await snapshot()).toEqual(before);
    });

    it('another card button tapped while an edit waits switches to that button', async () => {
      const product = await sambal();
      await openCard(sri, 'Sambal Bawang Pedas');
      const card = sri.lastMessage()!;
      await sri.tap('✏️ Nama', { messageId: card.messageId });
      expect(sri.lastText()).toContain('Nama sekarang');
      await sri.tap('💰 Harga', { messageId: card.messageId });
      expect(sri.lastText()).toContain('Harga sekarang');
      await sri.send('30rb');
      expect(sri.lastText()).toContain('✅ Harga diperbarui.');
      expect(await sambal()).toMatchObject({ name: product.name, price: 30_000n });
    });

    it('deactivates and reactivates; the product stays in the database with audit entries', async () => {
      const product = await keripik();
      await openCard(sri, 'Keripik Tempe Original');
      const off = await sri.tap('⏸ Nonaktifkan');
      expect(off.answer?.text).toBe('Produk dinonaktifkan — tidak tampil lagi di katalog.');
      expect(sri.lastMessage()?.photo).toBeDefined();
      expect(sri.lastText()).toContain('Status: ⏸ nonaktif — tidak tampil di katalog');
      expect(buttonsOf(sri.lastMessage())).toContain('▶️ Aktifkan lagi');
      expect(await keripik()).toMatchObject({ id: product.id, active: false, name: product.name });
      let audit = await lastAudit(product.id);
      expect(audit).toMatchObject({ action: 'product.deactivate', actorId: 8101n });
      expect(audit.before).toMatchObject({ active: true });
      expect(audit.after).toMatchObject({ active: false });

      // A second tap of the old Deactivate button (from a double tap) changes nothing.
      const audits = (await productAudits(product.id)).length;
      const repeat = await sri.tapData(`pm:act:0:${product.id}`);
      expect(repeat.answer?.text).toBe('Produk ini memang sudah nonaktif.');
      expect(await productAudits(product.id)).toHaveLength(audits);

      await sri.send('/produkku');
      expect(sri.lastText()).toContain('1. Keripik Tempe Original — Rp15.000 / bungkus · ⏸ nonaktif');
      expect(buttonsOf(sri.lastMessage())).toContain('1. ⏸ Keripik Tempe Original');
      await sri.tap('1. ⏸ Keripik Tempe Original');
      const on = await sri.tap('▶️ Aktifkan lagi');
      expect(on.answer?.text).toBe('Produk aktif lagi dan tampil di katalog.');
      expect(sri.lastText()).toContain('Status: ✅ aktif');
      expect((await keripik()).active).toBe(true);
      audit = await lastAudit(product.id);
      expect(audit).toMatchObject({ action: 'product.reactivate' });
      expect(audit.before).toMatchObject({ active: false });
      expect(audit.after).toMatchObject({ active: true });
      expect(await bot.db.prisma.product.count({ where: { id: product.id } })).toBe(1);

      // Two Deactivate taps handled at the same time flip the flag once, with one audit entry.
      const entries = (await productAudits(product.id)).length;
      const [, a, b] = await Promise.all([budi.send('/bantuan'), sri.tapData(`pm:act:0:${product.id}`), sri.tapData(`pm:act:0:${product.id}`)]);
      expect([a.answer?.text, b.answer?.text].sort()).toEqual(['Produk dinonaktifkan — tidak tampil lagi di katalog.', 'Produk ini memang sudah nonaktif.']);
      expect((await keripik()).active).toBe(false);
      expect(await productAudits(product.id)).toHaveLength(entries + 1);
      await sri.tapData(`pm:act:1:${product.id}`);
      expect((await keripik()).active).toBe(true);
    });

    it('refuses forged buttons with another business\'s product id and changes nothing', async () => {
      const target = await keripik();
      const before = await snapshot();
      const refusals = [
        `pm:open:${target.id}`,
        `pm:act:0:${target.id}`,
        `pm:act:1:${target.id}`,
        `pm:ed:n:${target.id}`,
        `pm:ed:p:${target.id}`,
        `pm:ed:f:${target.id}`,
      ];
      await budi.send('/produkku');
      for (const data of refusals) {
        const count = budi.messages().length;
        const tap = await budi.tapData(data);
        expect(tap.answer?.text, data).toBe('Produk ini bukan milik usaha Anda. Tidak ada yang diubah.');
        expect(budi.messages(), data).toHaveLength(count);
      }
      // No edit question was opened: a typed value is no answer.
      const count = budi.messages().length;
      await budi.send('1 rb');
      expectLooseTextAnswer(budi, count);

      // English wording, and an id that does not exist, and a field that does not exist.
      const maryTap = await mary.tapData(`pm:act:0:${target.id}`);
      expect(maryTap.answer?.text).toBe('This product does not belong to your business. Nothing was changed.');
      expect((await budi.tapData('pm:open:999999')).answer?.text).toBe('Produk itu tidak ditemukan.');
      expect((await budi.tapData(`pm:ed:z:${target.id}`)).answer?.text).toMatch(/Tombol ini sudah tidak berlaku/);
      expect(await snapshot()).toEqual(before);

      // A forged button while an edit of one's own product waits: refused, and the edit closes without saving.
      await createProductByChat(budi, { name: 'Kopi Ijen', price: '85rb', unit: 'kg', photo: true });
      await openCard(budi, 'Kopi Ijen');
      await budi.tap('💰 Harga');
      const mid = await budi.tapData(`pm:ed:p:${target.id}`);
      expect(mid.answer?.text).toBe('Produk ini bukan milik usaha Anda. Tidak ada yang diubah.');
      expect((await keripik()).price).toBe(target.price);
    });

    it('pages a long list, eight products a page', async () => {
      const wati = bot.sim.user({ id: 8130, firstName: 'Wati' });
      await registerByChat(wati, { name: 'Gerabah Wati', category: 'Kerajinan', province: 'Jawa Timur', city: 'Malang', phone: '081277778888' });
      const watiId = (await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { ownerId: 8130n } })).id;
      await bot.db.prisma.product.createMany({
        data: Array.from({ length: 10 }, (_, i) => ({ exhibitorId: watiId, name: `Gerabah ${i + 1}`, category: 'kerajinan', price: BigInt((i + 1) * 10_000), unit: 'pcs' })),
      });
      await wati.send('/produkku');
      expect(wati.lastText()).toContain('Produk Gerabah Wati (10)');
      expect(wati.lastText()).toContain('8. Gerabah 8 — Rp80.000 / pcs');
      expect(wati.lastText()).not.toContain('9. Gerabah 9');
      expect(wati.lastText()).toContain('Halaman 1/2');
      expect(buttonsOf(wati.lastMessage()).at(-1)).toBe('Berikutnya ➡️');
      await wati.tap('Berikutnya ➡️');
      expect(wati.lastText()).toContain('10. Gerabah 10 — Rp100.000 / pcs');
      expect(wati.lastText()).toContain('Halaman 2/2');
      expect(buttonsOf(wati.lastMessage())).toEqual(['9. Gerabah 9', '10. Gerabah 10', '⬅️ Sebelumnya']);
      await wati.tap('10. Gerabah 10');
      await wati.tap('⬅️ Daftar produk');
      expect(wati.lastText()).toContain('Halaman 2/2');
      await wati.tap('⬅️ Sebelumnya');
      expect(wati.lastText()).toContain('Halaman 1/2');
    });
  });
});

// A restart gets a bot of its own: if the bot does not come back, the other tests still run.
describe.each(TEST_PROVIDERS)('product listings across a restart (%s)', (provider) => {
  let bot: TestBot;
  let eko: SimUser;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    await createMissionByChat(bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' }), MISSION);
    eko = bot.sim.user({ id: 8201, firstName: 'Eko' });
    await registerByChat(eko, { name: 'Tempe Eko', category: 'Makanan', province: 'Jawa Timur', city: 'Blitar', phone: '081312345678' });
  });
  afterAll(async () => bot?.stop());

  it('continues the new-product wizard where it was after restarts, and saves', async () => {
    await eko.send('/produk_baru');
    await eko.send('Tempe Mendoan');
    await eko.tap(/Makanan/);
    await eko.send('5rb');
    expect(eko.lastText()).toContain('4/7');

    await bot.restart();

    await eko.tap('pcs');
    expect(eko.lastText()).toContain('5/7');
    await eko.send('20');
    await eko.tap('Lewati ⏭');
    await eko.sendPhoto();
    expect(eko.lastText()).toContain('Periksa produk');

    // A second restart between the summary and the tap.
    await bot.restart();
    await eko.tap('✅ Simpan');
    expect(eko.lastText()).toMatch(/Produk Tempe Mendoan tersimpan/);
    const rows = await bot.db.prisma.product.findMany({ where: { exhibitor: { ownerId: 8201n } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Tempe Mendoan', price: 5_000n, unit: 'pcs', minOrder: 20, description: null });
    expect(rows[0]?.photoFileId).not.toBeNull();
  });

  it('keeps an edit question across a restart and saves the answer', async () => {
    await eko.send('/produkku');
    await eko.tap('1. Tempe Mendoan');
    await eko.tap('💰 Harga');
    expect(eko.lastText()).toContain('Harga sekarang: Rp5.000');

    await bot.restart();

    await eko.send('abc');
    expect(eko.lastText()).toMatch(/Harga belum bisa saya baca/);
    await eko.send('6rb');
    expect(eko.lastText()).toContain('✅ Harga diperbarui.');
    const row = await bot.db.prisma.product.findFirstOrThrow({ where: { exhibitor: { ownerId: 8201n } } });
    expect(row.price).toBe(6_000n);
    expect(await bot.db.prisma.auditLog.count({ where: { action: 'product.update', entityId: String(row.id) } })).toBe(1);
  });
});
