import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat } from '../../src/demo/flows.js';
import type { SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { JATIM_BANTEN } from '../support/fixtures.js';

// 10:00 WIB on the first day of a three-day mission.
const NOW = new Date('2026-11-26T03:00:00Z');

describe.each(TEST_PROVIDERS)('one-line sale report on %s', (provider) => {
  let bot: TestBot;
  let sri: SimUser;
  let nextUserId = 8100;
  const reports = () => bot.db.prisma.saleReport.findMany({ orderBy: { id: 'asc' } });

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    const official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, JATIM_BANTEN);
    sri = bot.sim.user({ id: 8001, firstName: 'Bu Sri' });
    await registerByChat(sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890' });
  });
  afterAll(async () => bot?.stop());

  async function newExhibitor(province = 'Jawa Timur', languageCode = 'id'): Promise<SimUser> {
    const id = nextUserId++;
    const user = bot.sim.user({ id, firstName: `UMKM ${id}`, languageCode });
    await registerByChat(user, { name: `Usaha ${id}`, category: languageCode === 'en' ? 'Drinks' : 'Minuman', province, city: 'Kota', phone: `0812000${id}` });
    return user;
  }

  it('shows what it understood, saves on one tap, and answers with the new mission total', async () => {
    await sri.send('/lapor 1,5jt keripik tempe 30 pcs');
    const confirm = sri.lastText();
    expect(confirm).toContain('Rp1.500.000');
    expect(confirm).toContain('Tunai (retail)');
    expect(confirm).toContain('Jual');
    expect(confirm).toContain('keripik tempe');
    expect(confirm).toContain('30 pcs');
    expect(await reports()).toHaveLength(0);

    const { answer } = await sri.tap('✅ Simpan');
    expect(answer?.text).toBe('Tersimpan ✅');
    expect(sri.lastText()).toMatch(/Tersimpan \(laporan #\d+\): Rp1\.500\.000 — keripik tempe, 30 pcs/);
    // Rp1,5 jt of Rp3 M: a small share with decimals, not "0%".
    expect(sri.lastText()).toContain('Total misi sekarang Rp1,5 jt (0,05% dari target).');

    const [saved] = await reports();
    expect(saved).toMatchObject({
      amount: 1_500_000n,
      kind: 'RETAIL',
      direction: 'SELL',
      productText: 'keripik tempe',
      quantity: 30,
      unit: 'pcs',
      reportedById: 8001n,
      voidedAt: null,
    });
    expect(saved?.sourceUpdateId).not.toBeNull();
  });

  it.each([
    ['2 M kontrak furnitur', 2_000_000_000n, 'ORDER', 'Pesanan/kontrak'],
    ['500 jt mou kopi', 500_000_000n, 'LOI', 'LoI/MoU'],
    ['1 M investasi pabrik', 1_000_000_000n, 'INVESTMENT', 'Investasi'],
    ['Rp 750.000 kopi 10 bungkus @Toko Makmur', 750_000n, 'RETAIL', 'Tunai (retail)'],
  ] as const)('reads "%s" as %s of kind %s', async (line, amount, kind, label) => {
    const user = await newExhibitor();
    await user.send(`/lapor ${line}`);
    expect(user.lastText()).toContain(label);
    await user.tap('✅ Simpan');
    const row = await bot.db.prisma.saleReport.findFirstOrThrow({ where: { reportedById: BigInt(user.id) } });
    expect(row.amount).toBe(amount);
    expect(row.kind).toBe(kind);
  });

  it('takes the buyer after @ and the direction from "beli"', async () => {
    const user = await newExhibitor();
    await user.send('/lapor 3 jt beli kain tenun 2 kodi @CV Tenun Banten');
    expect(user.lastText()).toContain('Beli');
    expect(user.lastText()).toContain('Pembeli: CV Tenun Banten');
    await user.tap('✅ Simpan');
    const row = await bot.db.prisma.saleReport.findFirstOrThrow({ where: { reportedById: BigInt(user.id) } });
    expect(row).toMatchObject({ direction: 'BUY', buyerName: 'CV Tenun Banten', quantity: 2, unit: 'kodi', amount: 3_000_000n });
  });

  it('derives BUY for an exhibitor from the host province', async () => {
    const host = await newExhibitor('Banten');
    await host.send('/lapor 5 jt emping melinjo');
    expect(host.lastText()).toContain('Arah: Beli');
    await host.tap('✅ Simpan');
    const row = await bot.db.prisma.saleReport.findFirstOrThrow({ where: { reportedById: BigInt(host.id) } });
    expect(row.direction).toBe('BUY');
  });

  it('saves once when "save" is tapped twice at the same moment, and answers both taps', async () => {
    const user = await newExhibitor();
    await user.send('/lapor 2,5 jt sambal 50 botol');
    const [first, second] = await Promise.all([user.tap('✅ Simpan'), user.tap('✅ Simpan')]);
    const answers = [first.answer?.text, second.answer?.text].sort();
    expect(answers).toEqual(['Laporan ini sudah tersimpan.', 'Tersimpan ✅'].sort());
    const rows = await bot.db.prisma.saleReport.findMany({ where: { reportedById: BigInt(user.id) } });
    expect(rows).toHaveLength(1);
    // A third, late tap on the same old message is answered too, and still saves nothing.
    const late = await user.tapData(first.data);
    expect(late.answer?.text).toBe('Laporan ini sudah tersimpan.');
    expect(await bot.db.prisma.saleReport.count({ where: { reportedById: BigInt(user.id) } })).toBe(1);
  });

  it('cancels without saving, and an old confirmation cannot be saved after a newer one', async () => {
    const user = await newExhibitor();
    await user.send('/lapor 900rb tas anyaman');
    await user.tap('✖️ Batal');
    expect(user.lastText()).toBe('Laporan dibatalkan, tidak ada yang disimpan.');

    await user.send('/lapor 100rb gantungan kunci');
    const stale = user.lastMessage();
    await user.send('/lapor 200rb gantungan kunci');
    const old = await user.tap('✅ Simpan', { messageId: stale?.messageId });
    expect(old.answer?.text).toBe('Konfirmasi ini sudah kedaluwarsa. Kirim /lapor lagi, ya.');
    await user.tap('✅ Simpan');
    const rows = await bot.db.prisma.saleReport.findMany({ where: { reportedById: BigInt(user.id) } });
    expect(rows.map((row) => row.amount)).toEqual([200_000n]);
  });

  it.each([
    ['keripik tempe', /Nilai transaksinya tidak saya temukan/],
    ['1.5.5 keripik', /Penulisan angkanya membingungkan/],
    ['-5 jt keripik', /tidak boleh negatif/],
    ['0 keripik', /lebih dari nol/],
    ['5000 T keripik', /terlalu besar/],
    ['1,5 keripik', /tidak punya sen/],
    ['5 jt kontrak mou kopi', /dua jenis transaksi/],
    [`5 jt ${'x'.repeat(130)}`, /terlalu panjang/],
  ])('answers "%s" with the reason and examples, and saves nothing', async (line, reason) => {
    const before = await bot.db.prisma.saleReport.count();
    await sri.send(`/lapor ${line}`);
    expect(sri.lastText()).toMatch(reason);
    expect(sri.lastText()).toContain('/lapor 1,5jt keripik tempe 30 pcs');
    expect(sri.lastMessage()?.replyMarkup).toBeUndefined();
    expect(await bot.db.prisma.saleReport.count()).toBe(before);
  });

  it('opens the step-by-step wizard for /lapor without text, with the one-line form as a tip', async () => {
    await sri.send('/lapor');
    expect(sri.lastText()).toContain('Laporkan penjualan dalam satu pesan');
    expect(sri.lastText()).toContain('1/6');
    await sri.send('/batal');
    expect(sri.lastText()).toBe('Dibatalkan. Tidak ada yang disimpan.');
  });

  it('escapes what the user typed, so HTML in a product name is shown as text', async () => {
    const user = await newExhibitor();
    await user.send('/lapor 1 jt <b>kopi</b> & teh');
    expect(user.lastText()).toContain('Produk: <b>kopi</b> & teh');
    await user.tap('✅ Simpan');
    const row = await bot.db.prisma.saleReport.findFirstOrThrow({ where: { reportedById: BigInt(user.id) } });
    expect(row.productText).toBe('<b>kopi</b> & teh');
  });

  it('refuses someone who has not registered, with a pointer to /daftar, and saves nothing', async () => {
    const stranger = bot.sim.user({ id: 8999, firstName: 'Pembeli' });
    const before = await bot.db.prisma.saleReport.count();
    await stranger.send('/lapor 1 jt kopi');
    expect(stranger.lastText()).toContain('/daftar');
    await stranger.tapData('sale:ok:1');
    expect(await bot.db.prisma.saleReport.count()).toBe(before);
  });

  it('speaks English to an English-speaking exhibitor with /sale', async () => {
    const user = await newExhibitor('Jawa Timur', 'en');
    await user.send('/sale 1,5jt coffee beans 3 kg');
    expect(user.lastText()).toContain('Check the report');
    expect(user.lastText()).toContain('Retail (paid on the spot)');
    await user.tap('✅ Save');
    expect(user.lastText()).toMatch(/Saved \(report #\d+\): Rp1,500,000 — coffee beans, 3 kg/);
  });

  it('adds every saved report to /progres, and leaves out unsaved ones', async () => {
    const rows = await reports();
    const total = rows.reduce((sum, row) => sum + row.amount, 0n);
    const asker = bot.sim.user({ id: 8998, firstName: 'Tamu' });
    await asker.send('/progres');
    const text = asker.lastText() ?? '';
    expect(text).toContain(`${rows.length} laporan dari`);
    // The saves above: 1,5 jt + 2 M + 500 jt + 1 M + 750 rb + 3 jt + 5 jt + 2,5 jt + 200 rb + 1 jt + 1,5 jt.
    expect(total).toBe(3_515_450_000n);
    expect(text).toContain('Total: Rp3,52 M dari target Rp3 M');
    expect(text).toContain('🎉 Target tercapai!');
  });
});
