import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { inlineButtons } from '../../src/simulator/sim-user.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { NOW, createMission, createProduct, photoOf, registerExhibitor } from '../support/catalog-fixtures.js';
import { TEST_PROVIDERS } from '../support/databases.js';

describe.each(TEST_PROVIDERS)('/katalog on %s', (provider) => {
  let bot: TestBot;
  let buyer: SimUser;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    buyer = bot.sim.user({ id: 9101, firstName: 'Andi', username: 'andi_pembeli' });
  });
  afterAll(async () => bot?.stop());

  it('says so when no mission is running', async () => {
    await buyer.send('/katalog');
    expect(buyer.lastText()).toContain('Belum ada misi dagang yang aktif');
  });

  describe('with a mission and products', () => {
    let sri: SimUser;
    let sriId: number;
    let dewiId: number;
    let firstSnack: number;
    let batik: number;
    let photoFileId: string;
    let hidden: number;

    beforeAll(async () => {
      await createMission(bot);
      sri = bot.sim.user({ id: 9001, firstName: 'Bu Sri' });
      sriId = await registerExhibitor(bot, sri, {
        name: 'Keripik Tempe Bu Sri',
        category: 'Makanan',
        province: 'Jawa Timur',
        city: 'Malang',
        phone: '081234567890',
        booth: 'A12',
      });
      const dewi = bot.sim.user({ id: 9002, firstName: 'Mbak Dewi' });
      dewiId = await registerExhibitor(bot, dewi, { name: 'Batik Dewi', category: 'Fashion', province: 'Jawa Tengah', city: 'Lasem', phone: '081298765432' });
      // 19 snacks: pages of 8, 8 and 3, in name order.
      for (let i = 19; i >= 1; i--) {
        const id = await createProduct(bot, sriId, {
          name: `Keripik ${String(i).padStart(2, '0')}`,
          price: 15_000n,
          minOrder: 10,
          description: i === 1 ? 'Renyah, tanpa pengawet.' : null,
        });
        if (i === 1) firstSnack = id;
      }
      photoFileId = await photoOf(dewi);
      batik = await createProduct(bot, dewiId, {
        name: 'Batik Tulis Lasem',
        category: 'fashion',
        price: 1_500_000n,
        unit: 'lembar',
        minOrder: 1,
        description: 'Batik tulis tangan, pewarna alami.',
        photoFileId,
      });
      await createProduct(bot, dewiId, { name: 'Selendang Batik', category: 'fashion', price: 250_000n });
      hidden = await createProduct(bot, dewiId, { name: 'Kain Lama', category: 'fashion', active: false });
    });

    it('lists the categories with the number of active products, empty ones left out', async () => {
      await buyer.send('/katalog');
      const text = buyer.lastText() ?? '';
      expect(text).toContain('Katalog — Misi Dagang Jawa Timur – Banten');
      expect(text).toContain('21 produk');
      const labels = inlineButtons(buyer.lastMessage()!).map((b) => b.text);
      expect(labels).toEqual(['🍱 Makanan (19)', '👗 Fashion (2)']);
    });

    it('pages through a category in one message, eight products a page, with previous and next', async () => {
      await buyer.send('/katalog');
      const before = buyer.messages().length;
      const { message } = await buyer.tap('🍱 Makanan (19)');
      const page = () => buyer.messages().find((m) => m.messageId === message.messageId)!;

      expect(page().plain).toContain('🍱 Makanan — halaman 1/3 · 19 produk');
      expect(page().plain).toContain('1. Keripik 01 — Rp15.000 / pcs');
      expect(page().plain).toContain('Keripik Tempe Bu Sri · Jawa Timur');
      expect(page().plain).toContain('8. Keripik 08');
      expect(page().plain).not.toContain('Keripik 09');
      let labels = inlineButtons(page()).map((b) => b.text);
      expect(labels.filter((l) => /^\d+\. /.test(l))).toHaveLength(8);
      expect(labels).toContain('Berikutnya ➡️');
      expect(labels).not.toContain('⬅️ Sebelumnya');

      await buyer.tap('Berikutnya ➡️');
      expect(page().plain).toContain('halaman 2/3');
      expect(page().plain).toContain('9. Keripik 09');
      expect(page().plain).toContain('16. Keripik 16');
      labels = inlineButtons(page()).map((b) => b.text);
      expect(labels).toEqual(expect.arrayContaining(['⬅️ Sebelumnya', 'Berikutnya ➡️', '🗂 Kategori']));

      await buyer.tap('Berikutnya ➡️');
      expect(page().plain).toContain('halaman 3/3');
      expect(page().plain).toContain('19. Keripik 19');
      labels = inlineButtons(page()).map((b) => b.text);
      expect(labels).not.toContain('Berikutnya ➡️');

      await buyer.tap('⬅️ Sebelumnya');
      expect(page().plain).toContain('halaman 2/3');
      // Never a new message per page: the same message, edited.
      expect(buyer.messages()).toHaveLength(before);
      expect(page().edited).toBe(4);

      await buyer.tap('🗂 Kategori');
      expect(page().plain).toContain('Pilih kategori');
      expect(buyer.messages()).toHaveLength(before);
    });

    it('opens a category directly with /katalog <category>', async () => {
      await buyer.send('/katalog fashion');
      expect(buyer.lastText()).toContain('👗 Fashion — halaman 1/1 · 2 produk');
      expect(buyer.lastText()).toContain('Batik Tulis Lasem — Rp1.500.000 / lembar');
      expect(buyer.lastText()).not.toContain('Kain Lama');
    });

    it('shows a page that no longer exists as the last page, and says so', async () => {
      await buyer.send('/katalog makanan');
      const { answer, message } = await buyer.tapData('ct:l:makanan:9');
      expect(answer?.text).toBe('Halaman 9 sudah tidak ada — ini halaman 3.');
      expect(buyer.messages().find((m) => m.messageId === message.messageId)?.plain).toContain('halaman 3/3');
    });

    it.each([
      ['ct:l:bogus:1', 'Tombol ini sudah tidak berlaku.'],
      ['ct:l:makanan:abc', 'Tombol ini sudah tidak berlaku.'],
      ['ct:p:999999:1', 'Produk ini sudah tidak tersedia.'],
      ['ct:p:x:1', 'Tombol ini sudah tidak berlaku.'],
    ])('answers the forged or stale button %s politely and changes nothing', async (data, reply) => {
      await buyer.send('/katalog makanan');
      const shown = buyer.lastMessage()!;
      const { answer } = await buyer.tapData(data);
      expect(answer?.text).toBe(reply);
      const after = buyer.messages().find((m) => m.messageId === shown.messageId)!;
      expect(after.plain).toBe(shown.plain);
      expect(after.edited).toBe(shown.edited);
    });

    it('answers a button of a deactivated product politely', async () => {
      await buyer.send('/katalog fashion');
      const { answer } = await buyer.tapData(`ct:p:${hidden}:1`);
      expect(answer?.text).toBe('Produk ini sudah tidak tersedia.');
    });

    it('turns the list into a text card with price, minimum order, description, exhibitor, province and booth, and back', async () => {
      await buyer.send('/katalog makanan');
      const list = buyer.lastMessage()!;
      const before = buyer.messages().length;
      await buyer.tap('1. Keripik 01');
      const card = buyer.messages().find((m) => m.messageId === list.messageId)!;
      expect(card.plain).toBe(
        [
          'Keripik 01',
          '💰 Rp15.000 / pcs',
          '📦 Minimal pesan: 10 pcs',
          '🏷 🍱 Makanan',
          '',
          'Renyah, tanpa pengawet.',
          '',
          '🏪 Keripik Tempe Bu Sri',
          '📍 Malang, Jawa Timur · Stan A12',
        ].join('\n'),
      );
      expect(inlineButtons(card).map((b) => b.text)).toEqual(['💬 Tanya / pesan', '⬅️ Kembali']);
      expect(inlineButtons(card)[0]?.callback_data).toBe(`iq:new:${firstSnack}`);
      expect(buyer.messages()).toHaveLength(before);

      await buyer.tap('⬅️ Kembali');
      expect(buyer.messages().find((m) => m.messageId === list.messageId)?.plain).toContain('halaman 1/3');
      expect(buyer.messages()).toHaveLength(before);
    });

    it('shows a product with a photo as the photo with the card as caption, and back to the list', async () => {
      await buyer.send('/katalog fashion');
      const list = buyer.lastMessage()!;
      await buyer.tap('1. Batik Tulis Lasem');
      const card = buyer.lastMessage()!;
      expect(card.photo?.fileId).toBe(photoFileId);
      expect(card.plain).toContain('Batik Tulis Lasem');
      expect(card.plain).toContain('💰 Rp1.500.000 / lembar');
      expect(card.plain).toContain('📦 Minimal pesan: 1 lembar');
      expect(card.plain).toContain('Batik tulis tangan, pewarna alami.');
      expect(card.plain).toContain('🏪 Batik Dewi');
      expect(card.plain).toContain('📍 Lasem, Jawa Tengah');
      expect(card.plain).not.toContain('Stan');
      // The list it replaced is gone: one catalog message at a time.
      expect(buyer.messages().some((m) => m.messageId === list.messageId)).toBe(false);

      await buyer.tap('⬅️ Kembali');
      expect(buyer.messages().some((m) => m.messageId === card.messageId)).toBe(false);
      expect(buyer.lastText()).toContain('👗 Fashion — halaman 1/1');
      expect(buyer.lastMessage()?.photo).toBeUndefined();
    });

    it('falls back to the text card when Telegram no longer knows the photo', async () => {
      const lost = await createProduct(bot, dewiId, { name: 'Batik Cap', category: 'fashion', photoFileId: 'AgACAgUAAxkBAAI-unknown' });
      await buyer.send(`/start p_${lost}`);
      expect(buyer.lastText()).toContain('Batik Cap');
      expect(buyer.lastMessage()?.photo).toBeUndefined();
      await bot.db.prisma.product.update({ where: { id: lost }, data: { active: false } });
    });

    it('links "ask" to the private chat when the catalog is opened in a group', async () => {
      const group = bot.sim.group({ title: 'Pembeli Serang' });
      await buyer.send('/katalog fashion', { chat: group });
      await buyer.tap('1. Batik Tulis Lasem', { chat: group });
      const card = group.lastMessage()!;
      const ask = inlineButtons(card).find((b) => b.text === '💬 Tanya / pesan');
      expect(ask?.url).toBe(`https://t.me/${bot.sim.botUsername}?start=p_${batik}`);
      expect(ask?.callback_data).toBeUndefined();
    });

    it('speaks English to an English-speaking buyer', async () => {
      const guest = bot.sim.user({ id: 9102, firstName: 'Tom', languageCode: 'en' });
      await guest.send('/catalog');
      expect(guest.lastText()).toContain('21 products. Choose a category:');
      expect(inlineButtons(guest.lastMessage()!).map((b) => b.text)).toEqual(['🍱 Food (19)', '👗 Fashion (2)']);
      await guest.tap('🍱 Food (19)');
      expect(guest.lastText()).toContain('🍱 Food — page 1/3 · 19 products');
      await guest.tap('1. Keripik 01');
      expect(guest.lastText()).toContain('📦 Minimum order: 10 pcs');
      expect(guest.lastText()).toContain('Booth A12');
    });

    it('removes a deactivated product from the counts and pages', async () => {
      await bot.db.prisma.product.update({ where: { id: firstSnack }, data: { active: false } });
      try {
        await buyer.send('/katalog');
        expect(inlineButtons(buyer.lastMessage()!).map((b) => b.text)).toContain('🍱 Makanan (18)');
        await buyer.tap('🍱 Makanan (18)');
        expect(buyer.lastText()).toContain('1. Keripik 02');
      } finally {
        await bot.db.prisma.product.update({ where: { id: firstSnack }, data: { active: true } });
      }
    });
  });
});
