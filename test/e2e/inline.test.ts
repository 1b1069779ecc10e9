import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { inlineButtons } from '../../src/simulator/sim-user.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { NOW, createMission, createProduct, photoOf, registerExhibitor } from '../support/catalog-fixtures.js';
import { TEST_PROVIDERS } from '../support/databases.js';

type Result = Record<string, unknown> & { id: string; type: string; title?: string; reply_markup?: { inline_keyboard: { text: string; url?: string }[][] } };

describe.each(TEST_PROVIDERS)('inline mode on %s', (provider) => {
  let bot: TestBot;
  let buyer: SimUser;
  let luwak: number;
  let gayo: number;
  let photoFileId: string;
  const link = (id: number) => `https://t.me/${bot.sim.botUsername}?start=p_${id}`;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    buyer = bot.sim.user({ id: 9301, firstName: 'Andi' });
  });
  afterAll(async () => bot?.stop());

  it('offers nothing but a way into the bot while no mission runs', async () => {
    const answer = await buyer.inlineQuery('kopi');
    expect(answer?.results).toEqual([]);
    expect(answer?.button).toEqual({ text: 'Tidak ketemu? Buka katalog', start_parameter: 'katalog' });
  });

  describe('with products', () => {
    let bulk: number[];

    beforeAll(async () => {
      await createMission(bot);
      const owner = bot.sim.user({ id: 9031, firstName: 'Pak Hasan' });
      const ijen = await registerExhibitor(bot, owner, {
        name: 'Kopi Ijen Bondowoso',
        category: 'Minuman',
        province: 'Jawa Timur',
        city: 'Bondowoso',
        phone: '081200000031',
        booth: 'B7',
      });
      photoFileId = await photoOf(owner);
      luwak = await createProduct(bot, ijen, {
        name: 'Kopi Luwak',
        category: 'minuman',
        price: 250_000n,
        unit: 'bungkus',
        minOrder: 2,
        description: 'Biji kopi luwak liar.',
        photoFileId,
        createdAt: new Date('2026-11-25T01:00:00Z'),
      });
      gayo = await createProduct(bot, ijen, {
        name: 'Kopi Gayo',
        category: 'minuman',
        price: 120_000n,
        unit: 'bungkus',
        createdAt: new Date('2026-11-25T02:00:00Z'),
      });
      // 110 sambal jars of another business, for paging, newest last.
      const roa = await registerExhibitor(bot, bot.sim.user({ id: 9032, firstName: 'Mbok Yem' }), {
        name: 'Dapur Manado',
        category: 'Makanan',
        province: 'Sulawesi Utara',
        city: 'Manado',
        phone: '081200000032',
      });
      bulk = [];
      for (let i = 1; i <= 110; i++) {
        bulk.push(
          await createProduct(bot, roa, {
            name: `Sambal Roa ${String(i).padStart(3, '0')}`,
            price: 30_000n,
            createdAt: new Date(Date.UTC(2026, 10, 25, 3, 0, i)),
          }),
        );
      }
    });

    it('answers "@bot kopi" with articles and photos that link to the card in the bot', async () => {
      const answer = await buyer.inlineQuery('kopi');
      const results = (answer?.results ?? []) as Result[];
      expect(results.map((r) => r.title)).toEqual(['Kopi Gayo', 'Kopi Luwak']);
      expect(answer?.next_offset).toBe('');
      // Per user: the results speak the language of the one typing.
      expect(answer?.is_personal).toBe(true);

      const photo = results.find((r) => r.title === 'Kopi Luwak')!;
      expect(photo).toMatchObject({ type: 'photo', id: `p${luwak}`, photo_file_id: photoFileId, parse_mode: 'HTML' });
      expect(photo.caption).toContain('💰 Rp250.000 / bungkus');
      expect(photo.description).toBe('Rp250.000 / bungkus · Kopi Ijen Bondowoso · Jawa Timur');
      expect(photo.reply_markup?.inline_keyboard).toEqual([[expect.objectContaining({ text: '🛒 Buka di bot', url: link(luwak) })]]);

      const article = results.find((r) => r.title === 'Kopi Gayo')!;
      expect(article).toMatchObject({ type: 'article', id: `p${gayo}` });
      expect((article.input_message_content as { message_text: string }).message_text).toContain('<b>Kopi Gayo</b>');
      expect(article.reply_markup?.inline_keyboard).toEqual([[expect.objectContaining({ text: '🛒 Buka di bot', url: link(gayo) })]]);
    });

    it('pages by 50 with next_offset, and stops after the last page', async () => {
      const first = await buyer.inlineQuery('sambal');
      expect(first?.results).toHaveLength(50);
      expect(first?.next_offset).toBe('50');
      const second = await buyer.inlineQuery('sambal', '50');
      expect(second?.results).toHaveLength(50);
      expect(second?.next_offset).toBe('100');
      const third = await buyer.inlineQuery('sambal', '100');
      expect(third?.results).toHaveLength(10);
      expect(third?.next_offset).toBe('');
      const ids = [first, second, third].flatMap((a) => (a?.results ?? []).map((r) => String(r.id)));
      expect(new Set(ids).size).toBe(110);
      expect(ids.sort()).toEqual(bulk.map((id) => `p${id}`).sort());
    });

    it('offers the newest products for an empty query', async () => {
      const first = await buyer.inlineQuery('');
      const titles = (first?.results ?? []).map((r) => r.title);
      expect(titles).toHaveLength(50);
      expect(titles.slice(0, 2)).toEqual(['Sambal Roa 110', 'Sambal Roa 109']);
      expect(first?.next_offset).toBe('50');
      const last = await buyer.inlineQuery('', '100');
      expect((last?.results ?? []).map((r) => r.title)).toEqual([
        'Sambal Roa 010', 'Sambal Roa 009', 'Sambal Roa 008', 'Sambal Roa 007', 'Sambal Roa 006',
        'Sambal Roa 005', 'Sambal Roa 004', 'Sambal Roa 003', 'Sambal Roa 002', 'Sambal Roa 001',
        'Kopi Gayo', 'Kopi Luwak',
      ]);
      expect(last?.next_offset).toBe('');
    });

    it('starts over on an offset it never gave', async () => {
      const answer = await buyer.inlineQuery('kopi', 'garbage');
      expect((answer?.results ?? []).map((r) => r.title)).toEqual(['Kopi Gayo', 'Kopi Luwak']);
    });

    it('offers the catalog when nothing matches, and the catalog opens from there', async () => {
      const answer = await buyer.inlineQuery('sepatu');
      expect(answer?.results).toEqual([]);
      expect(answer?.button).toEqual({ text: 'Tidak ketemu? Buka katalog', start_parameter: 'katalog' });
      await buyer.send('/start katalog');
      expect(buyer.lastText()).toContain('Katalog — Misi Dagang Jawa Timur – Banten');
      expect(inlineButtons(buyer.lastMessage()!).map((b) => b.text)).toEqual(['🍱 Makanan (110)', '🥤 Minuman (2)']);
    });

    it('opens the product card from the deep link', async () => {
      const viewer = bot.sim.user({ id: 9302, firstName: 'Rina' });
      await viewer.send(`/start p_${gayo}`);
      expect(viewer.lastText()).toContain('Kopi Gayo');
      expect(viewer.lastText()).toContain('💰 Rp120.000 / bungkus');
      expect(viewer.lastText()).toContain('📍 Bondowoso, Jawa Timur · Stan B7');
      expect(inlineButtons(viewer.lastMessage()!).map((b) => b.text)).toEqual(['💬 Tanya / pesan', '⬅️ Kembali']);

      await viewer.send(`/start p_${luwak}`);
      expect(viewer.lastMessage()?.photo?.fileId).toBe(photoFileId);
      expect(viewer.lastText()).toContain('Biji kopi luwak liar.');

      // "Back" from a card opened by link goes to its shelf, on the page that holds it.
      await viewer.tap('⬅️ Kembali');
      expect(viewer.lastText()).toContain('🥤 Minuman — halaman 1/1 · 2 produk');
      expect(viewer.lastText()).toContain('1. Kopi Gayo');

      // A card further down a shelf goes back to its own page.
      await viewer.send(`/start p_${bulk[20]}`);
      await viewer.tap('⬅️ Kembali');
      expect(viewer.lastText()).toContain('🍱 Makanan — halaman 3/14 · 110 produk');
      expect(viewer.lastText()).toContain('21. Sambal Roa 021');
    });

    it.each(['p_999999', 'p_abc', 'p_', 'p_0'])('answers an unknown product link %s politely', async (payload) => {
      await buyer.send(`/start ${payload}`);
      expect(buyer.lastText()).toBe('Maaf, produk ini sudah tidak tersedia. Lihat produk lain di /katalog.');
    });

    it('answers the link of a deactivated product politely', async () => {
      await bot.db.prisma.product.update({ where: { id: bulk[0]! }, data: { active: false } });
      await buyer.send(`/start p_${bulk[0]}`);
      expect(buyer.lastText()).toBe('Maaf, produk ini sudah tidak tersedia. Lihat produk lain di /katalog.');
      const answer = await buyer.inlineQuery('sambal roa 001');
      expect((answer?.results ?? []).map((r) => r.id)).not.toContain(`p${bulk[0]}`);
    });

    it('answers in the language of the one typing', async () => {
      const guest = bot.sim.user({ id: 9303, firstName: 'Tom', languageCode: 'en' });
      const answer = await guest.inlineQuery('gayo');
      const [result] = (answer?.results ?? []) as Result[];
      expect(result?.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe('🛒 Open in the bot');
      expect((result?.input_message_content as { message_text: string }).message_text).toContain('Minimum order: 1 bungkus');
    });
  });
});
