/**
 * Issue 9, amounts, end to end: amounts in words, the two-button question
 * when an amount has two plausible readings (one-liner and wizard, surviving
 * a restart), the second confirmation in words for an unusual amount, buyer
 * phrases, and short refusals with the right reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat, reportSale } from '../../src/demo/flows.js';
import type { SimUser } from '../../src/simulator/index.js';
import { inlineButtons } from '../../src/simulator/sim-user.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { JATIM_BANTEN } from '../support/fixtures.js';

// 10:00 WIB on the first day of a three-day mission with a Rp3 M target.
const NOW = new Date('2026-11-26T03:00:00Z');

describe.each(TEST_PROVIDERS)('amounts as people write them (%s)', (provider) => {
  let bot: TestBot;
  let official: SimUser;
  let nextUserId = 9100;
  const rowsOf = (user: SimUser) => bot.db.prisma.saleReport.findMany({ where: { reportedById: BigInt(user.id) }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, JATIM_BANTEN);
  });
  afterAll(async () => bot?.stop());

  async function newExhibitor(languageCode = 'id'): Promise<SimUser> {
    const id = nextUserId++;
    const user = bot.sim.user({ id, firstName: `UMKM ${id}`, languageCode });
    await registerByChat(user, { name: `Usaha ${id}`, category: languageCode === 'en' ? 'Food' : 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: `0812100${id}` });
    return user;
  }

  function callbackData(user: SimUser): string[] {
    const message = user.lastMessage();
    return message ? inlineButtons(message).map((b) => String(b.callback_data)) : [];
  }

  it.each([
    ['sejuta keripik', 1_000_000n],
    ['setengah juta kopi', 500_000n],
    ['satu setengah juta batik', 1_500_000n],
    ['dua ratus lima puluh ribu sambal', 250_000n],
    ['seratus juta kontrak mebel', 100_000_000n],
    ['satu miliar investasi pabrik', 1_000_000_000n],
    ['2 juta 500 ribu kopi', 2_500_000n],
    ['1.200 rb kopi', 1_200_000n],
  ] as const)('reads "/lapor %s" as %s rupiah and saves it', async (line, amount) => {
    const user = await newExhibitor();
    await user.send(`/lapor ${line}`);
    expect(user.lastText()).toContain('Periksa laporan');
    await user.tap('✅ Simpan');
    expect((await rowsOf(user)).map((row) => row.amount)).toEqual([amount]);
  });

  it('reads the buyer after "dengan" instead of keeping it in the product', async () => {
    const user = await newExhibitor();
    await user.send('/lapor 120 jt mou kopi 2 ton dengan PT Banten Niaga');
    expect(user.lastText()).toContain('Produk: kopi');
    expect(user.lastText()).toContain('Jumlah: 2 ton');
    expect(user.lastText()).toContain('Pembeli: PT Banten Niaga');
    await user.tap('✅ Simpan');
    const [row] = await rowsOf(user);
    expect(row).toMatchObject({ amount: 120_000_000n, kind: 'LOI', productText: 'kopi', quantity: 2, unit: 'ton', buyerName: 'PT Banten Niaga' });
  });

  it('asks with two buttons when the amount has two readings, and the tap (after a restart) goes on to the card', async () => {
    const user = await newExhibitor();
    await user.send('/lapor 1,053 jt kopi 3 kg');
    expect(user.lastText()).toBe('🤔 Nilainya Rp1.053.000 atau Rp1.053.000.000? Tekan yang benar.');
    const choices = callbackData(user);
    expect(choices).toHaveLength(3);
    for (const data of choices) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(await rowsOf(user)).toHaveLength(0);

    await bot.restart(); // the choice waits in the database session
    await user.tap('Rp1.053.000.000');
    expect(user.lastText()).toContain('Periksa laporan');
    expect(user.lastText()).toContain('Nilai: Rp1.053.000.000');
    expect(user.lastText()).toContain('Produk: kopi');
    expect(await rowsOf(user)).toHaveLength(0);
    await user.tap('✅ Simpan');
    expect(user.lastText()).toMatch(/Tersimpan \(laporan #\d+\): Rp1\.053\.000\.000 — kopi, 3 kg/);
    expect((await rowsOf(user)).map((row) => row.amount)).toEqual([1_053_000_000n]);

    // A second tap on the old question changes nothing.
    const late = await user.tapData(choices[0]!);
    expect(late.answer?.text).toBe('Laporan ini sudah tersimpan.');
    expect((await rowsOf(user)).map((row) => row.amount)).toEqual([1_053_000_000n]);
  });

  it('asks the same in the wizard, and the tap answers the amount step', async () => {
    const user = await newExhibitor();
    await user.send('/lapor');
    await user.send('1.053 jt');
    expect(user.lastText()).toBe('🤔 Nilainya Rp1.053.000.000 atau Rp1.053.000? Tekan yang benar.');
    await user.tap('Rp1.053.000');
    expect(user.lastText()).toContain('2/6');
    await user.tap('Tunai (retail)');
    await user.send('kopi bubuk');
    await user.tap('Lewati ⏭');
    await user.tap('Lewati ⏭');
    await user.tap('Lewati ⏭');
    expect(user.lastText()).toContain('Nilai: Rp1.053.000');
    await user.tap('✅ Simpan');
    expect((await rowsOf(user)).map((row) => row.amount)).toEqual([1_053_000n]);
  });

  it('asks a second time, in words, for an amount above the target, and saves only after it', async () => {
    const user = await newExhibitor();
    const alerts = await bot.db.prisma.milestoneAlert.count();
    await user.send('/lapor 1000 T kopi');
    await user.tap('✅ Simpan');
    expect(user.lastText()).toContain('Nilai ini melebihi target misi (Rp3 M).');
    expect(user.lastText()).toContain('satu kuadriliun rupiah (Rp1.000.000.000.000.000) — benar?');
    expect(await rowsOf(user)).toHaveLength(0);
    expect(await bot.db.prisma.milestoneAlert.count()).toBe(alerts);

    await user.tap('✖️ Batal');
    expect(user.lastText()).toBe('Laporan dibatalkan, tidak ada yang disimpan.');
    expect(await rowsOf(user)).toHaveLength(0);

    await user.send('/lapor 3,5 M kontrak kopi');
    await user.tap('✅ Simpan');
    expect(user.lastText()).toContain('tiga miliar lima ratus juta rupiah (Rp3.500.000.000) — benar?');
    await user.tap('✅ Ya, Rp3.500.000.000 benar');
    expect(user.lastText()).toMatch(/Tersimpan \(laporan #\d+\): Rp3\.500\.000\.000 — kopi/);
    expect((await rowsOf(user)).map((row) => row.amount)).toEqual([3_500_000_000n]);
    // Confirmed, it counts: the mission is past its target now.
    expect(await bot.db.prisma.milestoneAlert.count()).toBeGreaterThan(alerts);
  });

  it('asks the second time in the wizard too, and Cancel there saves nothing', async () => {
    const user = await newExhibitor();
    await user.send('/lapor');
    await user.send('lima miliar');
    await user.tap('Investasi');
    await user.tap('Lewati ⏭');
    await user.tap('Lewati ⏭');
    await user.tap('Lewati ⏭');
    await user.tap('Lewati ⏭');
    expect(user.lastText()).toContain('Nilai: Rp5.000.000.000');
    await user.tap('✅ Simpan');
    expect(user.lastText()).toContain('lima miliar rupiah (Rp5.000.000.000) — benar?');
    await user.tap('✖️ Batal');
    expect(await rowsOf(user)).toHaveLength(0);
  });

  it('asks a second time for an amount far above what the exhibitor usually reports', async () => {
    const user = await newExhibitor();
    for (const line of ['1 jt kopi', '2 jt teh', '1,5 jt gula']) await reportSale(user, line);
    await user.send('/lapor 150 jt kopi');
    await user.tap('✅ Simpan');
    expect(user.lastText()).toContain('Nilai ini jauh di atas laporan Anda biasanya.');
    expect(user.lastText()).toContain('seratus lima puluh juta rupiah (Rp150.000.000) — benar?');
    expect(await rowsOf(user)).toHaveLength(3);
    await user.tap(/^✅ Ya, /);
    expect((await rowsOf(user)).map((row) => row.amount)).toEqual([1_000_000n, 2_000_000n, 1_500_000n, 150_000_000n]);

    // 20× the median is still usual: one tap.
    await user.send('/lapor 30 jt kopi');
    await user.tap('✅ Simpan');
    expect(user.lastText()).toMatch(/Tersimpan/);
  });

  it('spells the amount in English for English users', async () => {
    const user = await newExhibitor('en');
    await user.send('/sale 4 M kontrak kopi');
    await user.tap('✅ Save');
    expect(user.lastText()).toContain("This is more than the mission's whole target");
    expect(user.lastText()).toContain('four billion rupiah (Rp4,000,000,000) — correct?');
    await user.tap(/^✅ Yes, /);
    expect((await rowsOf(user)).map((row) => row.amount)).toEqual([4_000_000_000n]);
  });

  it.each([
    ['1e309 kopi', 'Tulis angkanya biasa, tanpa notasi "e"'],
    ['5 jt kopi -3 pcs', 'Jumlah barang tidak boleh negatif.'],
    ['nol', 'Nilai harus lebih dari nol.'],
    ['nol kopi', 'Nilai harus lebih dari nol.'],
    ['keripik tempe', 'Nilai transaksinya tidak saya temukan'],
    ['2000 T kopi', 'Nilainya terlalu besar untuk satu transaksi. Paling banyak Rp1.000 T.'],
  ])('refuses "/lapor %s" with the right reason and one example, and saves nothing', async (line, reason) => {
    const user = await newExhibitor();
    const before = await bot.db.prisma.saleReport.count();
    await user.send(`/lapor ${line}`);
    const text = user.lastText() ?? '';
    expect(text).toContain(`Maaf, laporan belum bisa saya baca. ${reason}`);
    expect(text).toContain('Contoh: /lapor 1,5jt keripik tempe 30 pcs · contoh lain: /lapor ?');
    expect(text.split('\n')).toHaveLength(2);
    expect(text).not.toContain('Laporkan penjualan dalam satu pesan');
    expect(await bot.db.prisma.saleReport.count()).toBe(before);
  });

  it('shows the full usage on /lapor ?', async () => {
    const user = await newExhibitor();
    await user.send('/lapor ?');
    expect(user.lastText()).toContain('Laporkan penjualan dalam satu pesan');
    expect(user.lastText()).toContain('/lapor 500 jt mou');
  });

  it('reads words in /target too', async () => {
    await official.send('/target satu setengah miliar');
    expect(official.lastText()).toMatch(/diubah/);
    expect((await bot.db.prisma.mission.findFirstOrThrow()).targetAmount).toBe(1_500_000_000n);
    // Where only one amount fits, two readings are refused, naming both; nothing changes.
    await official.send('/target 1,500 M');
    expect(official.lastText()).toContain('Maksudnya Rp1.500.000.000 atau Rp1.500.000.000.000?');
    expect((await bot.db.prisma.mission.findFirstOrThrow()).targetAmount).toBe(1_500_000_000n);
    await official.send('/target 3 M');
  });
});
