import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { inlineButtons } from '../../src/simulator/sim-user.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { NOW, createMission, createProduct, registerExhibitor } from '../support/catalog-fixtures.js';
import { TEST_PROVIDERS } from '../support/databases.js';

/** What each database answered, per query, for the comparison at the end. */
const answers = new Map<string, Map<string, string[]>>();

/** The product names of a results message, in order. */
function names(text: string | undefined): string[] {
  return [...(text ?? '').matchAll(/^\d+\. (.+?) — Rp/gm)].map((m) => m[1] ?? '');
}

const QUERIES = ['kopi', 'KOPI', 'kopí', 'kripik', 'dewi', 'bali', 'jawa timur', 'kerajinan', 'fashion', 'luwak arabika', 'gayo'];

describe.each(TEST_PROVIDERS)('/cari on %s', (provider) => {
  let bot: TestBot;
  let buyer: SimUser;
  const seen = new Map<string, string[]>();
  answers.set(provider, seen);

  async function search(query: string): Promise<string[]> {
    await buyer.send(`/cari ${query}`);
    const found = names(buyer.lastText());
    seen.set(query, found);
    return found;
  }

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    buyer = bot.sim.user({ id: 9201, firstName: 'Andi' });
    await createMission(bot);
    const ijen = await registerExhibitor(bot, bot.sim.user({ id: 9011, firstName: 'Pak Hasan' }), {
      name: 'Kopi Ijen Bondowoso',
      category: 'Minuman',
      province: 'Jawa Timur',
      city: 'Bondowoso',
      phone: '081200000011',
    });
    const gayo = await registerExhibitor(bot, bot.sim.user({ id: 9012, firstName: 'Teuku' }), {
      name: 'Gayo Coffee',
      category: 'Minuman',
      province: 'Aceh',
      city: 'Takengon',
      phone: '081200000012',
    });
    const sri = await registerExhibitor(bot, bot.sim.user({ id: 9013, firstName: 'Bu Sri' }), {
      name: 'Bu Sri',
      category: 'Makanan',
      province: 'Jawa Timur',
      city: 'Malang',
      phone: '081200000013',
    });
    const dewi = await registerExhibitor(bot, bot.sim.user({ id: 9014, firstName: 'Dewi' }), {
      name: 'Batik Dewi',
      category: 'Fashion',
      province: 'Jawa Tengah',
      city: 'Lasem',
      phone: '081200000014',
    });
    const made = await registerExhibitor(bot, bot.sim.user({ id: 9015, firstName: 'Made' }), {
      name: 'Made Craft',
      category: 'Kerajinan',
      province: 'Bali',
      city: 'Gianyar',
      phone: '081200000015',
    });
    await createProduct(bot, ijen, { name: 'Kopi Luwak Arabika', category: 'minuman', price: 250_000n, unit: 'bungkus' });
    await createProduct(bot, gayo, { name: 'Kopí Gayo Premium', category: 'minuman', price: 120_000n, unit: 'bungkus' });
    await createProduct(bot, sri, { name: 'Keripik Tempe Pedas', category: 'makanan', description: 'Renyah dan gurih' });
    await createProduct(bot, dewi, { name: 'Batik Tulis Lasem', category: 'fashion', price: 1_500_000n, unit: 'lembar' });
    await createProduct(bot, made, { name: 'Tas Anyaman Pandan', category: 'kerajinan', price: 85_000n });
    await createProduct(bot, ijen, { name: 'Teh Melati', category: 'minuman', description: 'Teman minum kopi di pagi hari' });
    await createProduct(bot, ijen, { name: 'Kopi Basi', category: 'minuman', active: false });
  });
  afterAll(async () => bot?.stop());

  it('finds an exact word, in names first, then in the exhibitor\'s name; never an inactive product', async () => {
    // Equal matches in the name keep name order; Teh Melati is sold by Kopi Ijen Bondowoso.
    expect(await search('kopi')).toEqual(['Kopí Gayo Premium', 'Kopi Luwak Arabika', 'Teh Melati']);
    expect(buyer.lastText()).toContain('Hasil untuk «kopi» — 3 produk');
    expect(buyer.lastText()).toContain('Kopi Ijen Bondowoso · Jawa Timur');
  });

  it('ignores case and accents, both in the query and in the listing', async () => {
    expect(await search('KOPI')).toEqual(await search('kopi'));
    expect(await search('kopí')).toEqual(await search('kopi'));
    expect(await search('gayo')).toEqual(['Kopí Gayo Premium']);
  });

  it('forgives a small typo', async () => {
    expect(await search('kripik')).toEqual(['Keripik Tempe Pedas']);
  });

  it.each([
    ['dewi', ['Batik Tulis Lasem']],
    ['bali', ['Tas Anyaman Pandan']],
    ['kerajinan', ['Tas Anyaman Pandan']],
    ['fashion', ['Batik Tulis Lasem']],
  ])('finds by exhibitor, province and category: %s', async (query, expected) => {
    expect(await search(query)).toEqual(expected);
  });

  it('puts the products that match more words first', async () => {
    // Jawa Timur matches both words (equal scores: name order); Jawa Tengah only "jawa"; Bali and Aceh neither.
    expect(await search('jawa timur')).toEqual(['Keripik Tempe Pedas', 'Kopi Luwak Arabika', 'Teh Melati', 'Batik Tulis Lasem']);
    expect(await search('luwak arabika')).toEqual(['Kopi Luwak Arabika']);
  });

  it('answers politely when nothing matches', async () => {
    await buyer.send('/cari sepatu kulit');
    expect(buyer.lastText()).toBe('Tidak ada produk yang cocok dengan «sepatu kulit». Coba kata lain, atau lihat semua produk di /katalog.');
    expect(buyer.lastMessage()?.replyMarkup).toBeUndefined();
  });

  it('explains itself without words, and asks for longer words', async () => {
    await buyer.send('/cari');
    expect(buyer.lastText()).toContain('Cari produk: ketik kata yang dicari setelah perintah');
    await buyer.send('/cari   ');
    expect(buyer.lastText()).toContain('Cari produk: ketik kata yang dicari setelah perintah');
    await buyer.send('/cari es di');
    expect(buyer.lastText()).toBe('Kata pencariannya terlalu pendek — paling sedikit 3 huruf. Contoh: /cari kopi.');
    await buyer.send('/search');
    expect(buyer.lastText()).toContain('/cari keripik');
  });

  it('lists at most ten with buttons that open each card as a new message', async () => {
    const shop = await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { name: 'Bu Sri' } });
    for (let i = 1; i <= 12; i++) await createProduct(bot, shop.id, { name: `Sambal Bawang ${String(i).padStart(2, '0')}`, price: 20_000n });
    await buyer.send('/cari sambal');
    const results = buyer.lastMessage()!;
    expect(results.plain).toContain('Hasil untuk «sambal» — 12 produk');
    expect(results.plain).toContain('Menampilkan 10 teratas');
    expect(names(results.plain)).toHaveLength(10);
    const buttons = inlineButtons(results);
    expect(buttons).toHaveLength(10);
    expect(buttons[0]?.text).toBe('1. Sambal Bawang 01');

    await buyer.tap('1. Sambal Bawang 01');
    expect(buyer.lastText()).toContain('Sambal Bawang 01');
    expect(buyer.lastText()).toContain('💰 Rp20.000 / pcs');
    // The results stay where they were, to open the next one.
    expect(buyer.messages().find((m) => m.messageId === results.messageId)?.plain).toBe(results.plain);
  });

  it('says "more than 50" past 50 matches (it counts no further), in both languages, also under 429s and 5xx', async () => {
    const shop = await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { name: 'Bu Sri' } });
    for (let i = 1; i <= 45; i++) await createProduct(bot, shop.id, { name: `Rendang Daging ${String(i).padStart(2, '0')}`, price: 50_000n });
    await buyer.send('/cari rendang');
    expect(buyer.lastText()).toContain('Hasil untuk «rendang» — 45 produk');
    for (let i = 46; i <= 52; i++) await createProduct(bot, shop.id, { name: `Rendang Daging ${String(i).padStart(2, '0')}`, price: 50_000n });
    bot.sim.faultMix({ rate429: 0.3, retryAfterSeconds: 1, rate5xx: 0.2, seed: 20261202 });
    try {
      await buyer.send('/cari rendang');
    } finally {
      bot.sim.clearFaults();
    }
    const results = buyer.lastMessage()!;
    expect(results.plain).toContain('Hasil untuk «rendang» — lebih dari 50 produk');
    expect(results.plain).toContain('Menampilkan 10 teratas');
    expect(names(results.plain)).toEqual(Array.from({ length: 10 }, (_, i) => `Rendang Daging ${String(i + 1).padStart(2, '0')}`));
    const guest = bot.sim.user({ id: 9203, firstName: 'Jane', languageCode: 'en' });
    await guest.send('/search rendang');
    expect(guest.lastText()).toContain('Results for «rendang» — more than 50 products');
    expect(guest.lastText()).toContain('Showing the top 10');
    expect(await bot.db.prisma.product.count({ where: { name: { startsWith: 'Rendang Daging' } } })).toBe(52);
  }, 60_000);

  it('follows changes to listings and exhibitors through the index', async () => {
    const teh = await bot.db.prisma.product.findFirstOrThrow({ where: { name: 'Teh Melati' } });
    await bot.db.prisma.product.update({ where: { id: teh.id }, data: { name: 'Teh Hijau Melati', description: null } });
    expect(await search('hijau')).toEqual(['Teh Hijau Melati']);
    // The description is gone from the index with the listing's.
    expect(await search('pagi')).toEqual([]);

    expect(await search('made')).toEqual(['Tas Anyaman Pandan']);
    const made = await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { name: 'Made Craft' } });
    await bot.db.prisma.exhibitor.update({ where: { id: made.id }, data: { name: 'Rumah Pandan Ubud' } });
    expect(await search('ubud')).toEqual(['Tas Anyaman Pandan']);
    expect(await search('made')).toEqual([]);

    await bot.db.prisma.product.update({ where: { id: teh.id }, data: { active: false } });
    expect(await search('hijau')).toEqual([]);
  });

  it('answers in English to an English-speaking buyer', async () => {
    const guest = bot.sim.user({ id: 9202, firstName: 'Tom', languageCode: 'en' });
    await guest.send('/search batik');
    expect(guest.lastText()).toContain('Results for «batik» — 1 product\n');
    await guest.send('/search zzzzzz');
    expect(guest.lastText()).toContain('No product matches «zzzzzz»');
  });
});

describe('SQLite and PostgreSQL', () => {
  it.runIf(TEST_PROVIDERS.length > 1)('give the same results for the same queries', () => {
    const [first, ...others] = TEST_PROVIDERS.map((provider) => answers.get(provider));
    for (const query of QUERIES) {
      expect(first?.get(query), query).toBeDefined();
      for (const other of others) expect(other?.get(query), query).toEqual(first?.get(query));
    }
  });
});
