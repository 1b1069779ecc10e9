/**
 * /lapor (/sale) without text: the six-question sale wizard through the Bot
 * API simulator. Every step refuses bad answers and stays where it is;
 * /batal and ✖️ leave it at any step; a restart of the bot continues it; it
 * ends in the same confirmation card and save as the one-liner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { buttonsOf, startSaleStage, textsSince, type SaleStage } from '../support/sale-stage.js';

describe.each(TEST_PROVIDERS)('sale wizard (%s)', (provider) => {
  let stage: SaleStage;
  let sri: SimUser;
  let sriId: number;
  let tempe: number;
  let sambal: number;
  let otherProduct: number;

  beforeAll(async () => {
    stage = await startSaleStage(provider, 8200);
    ({ user: sri, exhibitorId: sriId } = await stage.exhibitor({ name: 'Keripik Bu Sri' }));
    tempe = await stage.product(sriId, 'Keripik Tempe', { unit: 'bungkus' });
    sambal = await stage.product(sriId, 'Sambal Bawang', { unit: 'botol' });
    await stage.product(sriId, 'Rengginang Lama', { active: false });
    const other = await stage.exhibitor();
    otherProduct = await stage.product(other.exhibitorId, 'Kopi Robusta');
  });
  afterAll(async () => stage?.stop());

  const reportCount = () => stage.bot.db.prisma.saleReport.count();
  const reportsOf = (user: SimUser) =>
    stage.bot.db.prisma.saleReport.findMany({ where: { reportedById: BigInt(user.id) }, orderBy: { id: 'asc' } });
  const sendAll = async (user: SimUser, ...texts: string[]) => {
    for (const text of texts) await user.send(text);
  };

  it('takes a report step by step in Indonesian, shows the card, and saves it on one tap', async () => {
    const before = await reportCount();
    const since = sri.messages().length;
    await sri.send('/lapor');
    expect(textsSince(sri, since)).toHaveLength(1);
    expect(sri.lastText()).toContain('Laporan penjualan baru');
    expect(sri.lastText()).toContain('1/6');
    expect(buttonsOf(sri)).toEqual(['✖️ Batal']);

    await sri.send('1,5 jt');
    expect(sri.lastText()).toContain('2/6');
    expect(buttonsOf(sri)).toEqual(['Tunai (retail)', 'Pesanan/kontrak', 'LoI/MoU', 'Investasi', '✖️ Batal']);

    await sri.tap('Pesanan/kontrak');
    // The answered question keeps its text, shows the choice, and loses its buttons.
    const kindMessage = sri.messages().at(-2);
    expect(kindMessage?.plain).toContain('Jenis transaksi: Pesanan/kontrak');
    expect(kindMessage?.replyMarkup).toBeUndefined();
    expect(sri.lastText()).toContain('3/6');
    // Only her own active listings, alphabetically, then skip and cancel.
    expect(buttonsOf(sri)).toEqual(['Keripik Tempe', 'Sambal Bawang', 'Lewati ⏭', '✖️ Batal']);

    await sri.tap('Keripik Tempe');
    expect(sri.messages().at(-2)?.plain).toContain('Produk: Keripik Tempe');
    expect(sri.lastText()).toContain('4/6');
    await sri.send('30 pcs');
    expect(sri.lastText()).toContain('5/6');
    await sri.send('Toko Makmur');
    expect(sri.lastText()).toContain('6/6');
    await sri.send('banten');

    const card = sri.lastText() ?? '';
    expect(card).toContain('Periksa laporan');
    expect(card).toContain('Nilai: Rp1.500.000');
    expect(card).toContain('Jenis: Pesanan/kontrak');
    expect(card).toContain('Arah: Jual');
    expect(card).toContain('Produk: Keripik Tempe (dari daftar produk Anda)');
    expect(card).toContain('Jumlah: 30 pcs');
    expect(card).toContain('Pembeli: Toko Makmur');
    expect(card).toContain('Asal pembeli: Banten');
    expect(buttonsOf(sri)).toEqual(['✅ Simpan', '✖️ Batal']);
    expect(await reportCount()).toBe(before);

    const { answer } = await sri.tap('✅ Simpan');
    expect(answer?.text).toBe('Tersimpan ✅');
    expect(sri.lastText()).toMatch(/Tersimpan \(laporan #\d+\): Rp1\.500\.000 — Keripik Tempe, 30 pcs/);
    const [saved] = await reportsOf(sri);
    expect(saved).toMatchObject({
      exhibitorId: sriId,
      productId: tempe,
      productText: 'Keripik Tempe',
      amount: 1_500_000n,
      kind: 'ORDER',
      direction: 'SELL',
      quantity: 30,
      unit: 'pcs',
      buyerName: 'Toko Makmur',
      buyerOrigin: 'Banten',
      voidedAt: null,
    });
    expect(saved?.sourceUpdateId).not.toBeNull();
    expect(saved?.createdAt.toISOString()).toBe(stage.now().toISOString());
    const audit = await stage.bot.db.prisma.auditLog.findMany({ where: { entity: 'SaleReport', entityId: String(saved?.id) } });
    expect(audit.map((entry) => entry.action)).toEqual(['sale.create']);

    // A second tap on the same card saves nothing more.
    const again = await sri.tapData(`sale:ok:${saved?.sourceUpdateId}`);
    expect(again.answer?.text).toBe('Laporan ini sudah tersimpan.');
    expect(await reportCount()).toBe(before + 1);
  });

  it('speaks English with /sale, and every optional step can be skipped', async () => {
    const { user: john } = await stage.exhibitor({ languageCode: 'en', province: 'Banten' });
    await john.send('/sale');
    expect(john.lastText()).toContain('New sale report');
    await john.send('750rb');
    expect(buttonsOf(john)).toEqual(['Retail (paid on the spot)', 'Order/contract', 'LoI/MoU', 'Investment', '✖️ Cancel']);
    await john.tap('Retail (paid on the spot)');
    expect(john.lastText()).toContain('Type its name, or tap Skip.');
    expect(buttonsOf(john)).toEqual(['Skip ⏭', '✖️ Cancel']);
    await john.tap('Skip ⏭');
    expect(john.lastText()).toContain('How many?');
    await john.tap('Skip ⏭');
    expect(john.lastText()).toContain("Buyer's name?");
    await john.tap('Skip ⏭');
    expect(john.lastText()).toContain('Where is the buyer from?');
    await john.tap('Skip ⏭');
    const card = john.lastText() ?? '';
    expect(card).toContain('Check the report');
    expect(card).toContain('Amount: Rp750,000');
    // An exhibitor from the host province: the delegation buys.
    expect(card).toContain('Direction: Buy');
    expect(card).not.toContain('Product:');
    expect(card).not.toContain('Buyer');
    await john.tap('✅ Save');
    expect(john.lastText()).toMatch(/Saved \(report #\d+\): Rp750,000\./);
    const [row] = await reportsOf(john);
    expect(row).toMatchObject({
      amount: 750_000n,
      kind: 'RETAIL',
      direction: 'BUY',
      productId: null,
      productText: null,
      quantity: null,
      unit: null,
      buyerName: null,
      buyerOrigin: null,
    });
  });

  it.each([
    ['abc', 'Nilainya tidak terbaca sebagai angka.'],
    ['-5', 'Nilai tidak boleh negatif.'],
    ['0', 'Nilai harus lebih dari nol.'],
    ['1.5.5', 'Penulisan angkanya membingungkan (titik/komanya).'],
    ['1,5', 'Rupiah tidak punya sen — tulis angka bulat.'],
    ['5000 T', 'Nilainya terlalu besar untuk satu transaksi.'],
  ])('refuses the amount "%s" with the reason and stays on step 1', async (typed, reason) => {
    const { user } = await stage.exhibitor();
    await user.send('/lapor');
    await user.send(typed);
    expect(user.lastText()).toContain(reason);
    expect(user.lastText()).toContain('Contoh: 1,5 jt');
    await user.send('2 jt');
    expect(user.lastText()).toContain('2/6');
    await user.send('/batal');
    expect(await reportsOf(user)).toEqual([]);
  });

  it('answers a photo, a wrong word or a forged button at every step, and saves nothing', async () => {
    const before = await reportCount();
    const { user } = await stage.exhibitor();
    await user.send('/lapor');
    await user.sendPhoto();
    expect(user.lastText()).toBe('Mohon jawab dengan teks, ya.');
    await user.send('2 jt');
    // Kind: a photo, a word that is no kind, then the kind typed instead of tapped.
    await user.sendPhoto();
    expect(user.lastText()).toContain('Pilih jenisnya dengan tombol di atas');
    await user.send('apa saja');
    expect(user.lastText()).toContain('Pilih jenisnya dengan tombol di atas');
    await user.send('Kontrak');
    expect(user.lastText()).toContain('3/6');
    // Product: a photo, too short, too long, another exhibitor's listing (a forged button).
    await user.sendPhoto();
    expect(user.lastText()).toBe('Mohon jawab dengan teks, ya.');
    await user.send('x');
    expect(user.lastText()).toBe('Terlalu pendek — paling sedikit 2 karakter.');
    await user.send('k'.repeat(121));
    expect(user.lastText()).toBe('Terlalu panjang — paling banyak 120 karakter.');
    await user.tapData(`sw:prod:${otherProduct}`);
    expect(user.lastText()).toContain('tidak ada lagi di daftar aktif Anda');
    await user.send('kopi luwak');
    expect(user.lastText()).toContain('4/6');
    // Quantity.
    for (const bad of ['0', 'banyak', '1,5 kg', '-3', '30 pcs kopi']) {
      await user.send(bad);
      expect(user.lastText(), bad).toContain('Jumlahnya harus angka bulat lebih dari nol');
    }
    await user.sendPhoto();
    expect(user.lastText()).toBe('Mohon jawab dengan teks, ya.');
    await user.send('12 dus');
    expect(user.lastText()).toContain('5/6');
    // Buyer: a photo, an over-long name.
    await user.sendPhoto();
    expect(user.lastText()).toBe('Mohon jawab dengan teks, ya.');
    await user.send('B'.repeat(121));
    expect(user.lastText()).toBe('Terlalu panjang — paling banyak 120 karakter.');
    await user.send('B'.repeat(120));
    expect(user.lastText()).toContain('6/6');
    // Origin: a photo, a one-letter answer.
    await user.sendPhoto();
    expect(user.lastText()).toBe('Mohon jawab dengan teks, ya.');
    await user.send('x');
    expect(user.lastText()).toBe('Terlalu pendek — paling sedikit 2 karakter.');
    await user.send('Singapura');
    const card = user.lastText() ?? '';
    expect(card).toContain('Jenis: Pesanan/kontrak');
    expect(card).toContain('Produk: kopi luwak');
    expect(card).not.toContain('daftar produk');
    expect(card).toContain('Jumlah: 12 dus');
    expect(card).toContain('Asal pembeli: Singapura');
    // Nothing was saved by any of it.
    expect(await reportCount()).toBe(before);
    await user.tap('✖️ Batal');
    expect(user.lastText()).toBe('Laporan dibatalkan, tidak ada yang disimpan.');
    expect(await reportCount()).toBe(before);
  });

  it('links a typed product to the listing it names, and counts a bare quantity in the listing unit', async () => {
    await sri.send('/lapor');
    await sendAll(sri, '300rb');
    await sri.tap('Tunai (retail)');
    await sri.send('SAMBAL   bawang pedas');
    await sendAll(sri, '12');
    await sri.tap('Lewati ⏭');
    await sri.tap('Lewati ⏭');
    const card = sri.lastText() ?? '';
    expect(card).toContain('Produk: Sambal Bawang (dari daftar produk Anda)');
    expect(card).toContain('Jumlah: 12 botol');
    await sri.tap('✅ Simpan');
    const rows = await reportsOf(sri);
    expect(rows.at(-1)).toMatchObject({ productId: sambal, productText: 'SAMBAL bawang pedas', quantity: 12, unit: 'botol', amount: 300_000n });
  });

  it('offers provinces for an origin that fits several, and keeps the typed text when asked to', async () => {
    const { user } = await stage.exhibitor();
    const toOrigin = async () => {
      await user.send('/lapor');
      await user.send('1 jt');
      await user.tap('Tunai (retail)');
      await user.tap('Lewati ⏭');
      await user.tap('Lewati ⏭');
      await user.tap('Lewati ⏭');
    };
    await toOrigin();
    await user.send('jawa');
    expect(user.lastText()).toContain('Provinsi yang mana?');
    expect(buttonsOf(user)).toEqual(expect.arrayContaining(['Jawa Barat', 'Jawa Tengah', 'Jawa Timur', 'Simpan "jawa"', '✖️ Batal']));
    await user.tapData('sw:prov:NOWHERE');
    expect(user.lastText()).toBe('Tekan salah satu tombol di atas, atau ketik /batal.');
    await user.tap('Jawa Tengah');
    expect(user.lastText()).toContain('Asal pembeli: Jawa Tengah');
    await user.tap('✖️ Batal');

    await toOrigin();
    await user.send('jawa');
    await user.tap('Simpan "jawa"');
    expect(user.lastText()).toContain('Asal pembeli: jawa');
    await user.tap('✖️ Batal');

    await toOrigin();
    // An exact alias needs no question.
    await user.send('Jatim');
    expect(user.lastText()).toContain('Asal pembeli: Jawa Timur');
    await user.tap('✅ Simpan');
    expect((await reportsOf(user)).map((row) => row.buyerOrigin)).toEqual(['Jawa Timur']);
  });

  it('leaves the wizard on /batal or ✖️ at any step, saying nothing was saved', async () => {
    const before = await reportCount();
    const { user } = await stage.exhibitor();
    const cancelled = 'Dibatalkan. Tidak ada yang disimpan.';
    // Step 1 with /batal.
    await user.send('/lapor');
    await user.send('/batal');
    expect(user.lastText()).toBe(cancelled);
    // Step 2 with ✖️.
    await user.send('/lapor');
    await user.send('1 jt');
    await user.tap('✖️ Batal');
    expect(user.lastText()).toBe(cancelled);
    // Step 4 with /cancel.
    await user.send('/lapor');
    await user.send('1 jt');
    await user.tap('Tunai (retail)');
    await user.send('kopi');
    await user.send('/cancel');
    expect(user.lastText()).toBe(cancelled);
    // Step 6 with ✖️.
    await user.send('/lapor');
    await user.send('1 jt');
    await user.tap('Investasi');
    await user.tap('Lewati ⏭');
    await user.send('3');
    await user.send('PT Maju');
    await user.tap('✖️ Batal');
    expect(user.lastText()).toBe(cancelled);
    // Out of the wizard: an answer-looking message is not a step any more; it gets a one-line hint.
    const count = user.messages().length;
    await user.send('Banten');
    expect(user.messages()).toHaveLength(count + 1);
    expect(user.lastText()).toContain('Saya belum paham pesan ini. Untuk melapor penjualan');
    expect(await reportCount()).toBe(before);
  });

  it('continues where it was after the bot restarts', async () => {
    const { user } = await stage.exhibitor();
    await user.send('/lapor');
    await user.send('2,5 jt');
    await user.tap('LoI/MoU');
    await stage.bot.restart();
    await user.send('furnitur jati');
    expect(user.lastText()).toContain('4/6');
    await user.send('2 set');
    await stage.bot.restart();
    await user.send('CV Jati Makmur');
    await user.send('banten');
    expect(user.lastText()).toContain('Jenis: LoI/MoU');
    await stage.bot.restart();
    await user.tap('✅ Simpan');
    expect(user.lastText()).toMatch(/Tersimpan \(laporan #\d+\): Rp2\.500\.000 — furnitur jati, 2 set/);
    expect(await reportsOf(user)).toEqual([
      expect.objectContaining({ amount: 2_500_000n, kind: 'LOI', productText: 'furnitur jati', quantity: 2, unit: 'set', buyerName: 'CV Jati Makmur', buyerOrigin: 'Banten' }),
    ]);
  });

  it('closes the wizard when another command is typed, and runs that command', async () => {
    const { user } = await stage.exhibitor();
    await user.send('/lapor');
    await user.send('1 jt');
    const since = user.messages().length;
    await user.send('/lapor 2 jt kopi');
    const texts = textsSince(user, since);
    expect(texts[0]).toContain('Isian sebelumnya saya tutup');
    expect(texts.at(-1)).toContain('Nilai: Rp2.000.000');
    await user.tap('✅ Simpan');
    expect((await reportsOf(user)).map((row) => row.amount)).toEqual([2_000_000n]);
  });

  it('refuses /lapor to someone who is not an exhibitor, and opens no wizard in a group', async () => {
    const before = await reportCount();
    const guest = stage.bot.sim.user({ id: 8290, firstName: 'Tamu' });
    await guest.send('/lapor');
    expect(guest.lastText()).toContain('Daftarkan usaha Anda dulu dengan /daftar');
    await guest.send('1 jt');
    // Not a report: a stranger's loose text gets the hint, no wizard step.
    expect(guest.messages()).toHaveLength(2);
    expect(guest.lastText()).toBe('Saya belum paham pesan ini. Ketik /bantuan untuk melihat apa yang bisa saya bantu.');

    const group = stage.bot.sim.group({ title: 'UMKM Jatim', botIsAdmin: true });
    await sri.send('/lapor', { chat: group });
    expect(group.lastText()).toContain('chat pribadi');
    await sri.send('1 jt', { chat: group });
    expect(group.messages()).toHaveLength(1);
    expect(await reportCount()).toBe(before);
  });
});
