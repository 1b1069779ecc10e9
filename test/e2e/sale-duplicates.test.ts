/**
 * The one-liner linked to the exhibitor's own listings, and duplicate
 * safety: a report repeating one of the last ten minutes (same amount, same
 * product) is asked about before it is saved; a double tap saves once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { MINUTE, buttonsOf, startSaleStage, type SaleStage } from '../support/sale-stage.js';

describe.each(TEST_PROVIDERS)('one-liner products and duplicates (%s)', (provider) => {
  let stage: SaleStage;
  let sri: SimUser;
  let sriId: number;
  const products: Record<string, number> = {};

  beforeAll(async () => {
    stage = await startSaleStage(provider, 8300);
    ({ user: sri, exhibitorId: sriId } = await stage.exhibitor({ name: 'Keripik Bu Sri' }));
    products.tempe = await stage.product(sriId, 'Keripik Tempe', { unit: 'bungkus' });
    products.tempePedas = await stage.product(sriId, 'Keripik Tempe Pedas', { unit: 'bungkus' });
    products.arabika = await stage.product(sriId, 'Kopi Arabika Gayo', { unit: 'kg' });
    products.robusta = await stage.product(sriId, 'Kopi Robusta', { unit: 'kg' });
    products.old = await stage.product(sriId, 'Rengginang', { active: false });
    const other = await stage.exhibitor();
    products.othersBatik = await stage.product(other.exhibitorId, 'Batik Tulis Madura');
  });
  afterAll(async () => stage?.stop());

  const reportsOf = (user: SimUser) =>
    stage.bot.db.prisma.saleReport.findMany({ where: { reportedById: BigInt(user.id) }, orderBy: { id: 'asc' } });
  const lastReport = async (user: SimUser) => (await reportsOf(user)).at(-1);

  describe('the one-liner matched against the own listings', () => {
    it.each<{ line: string; product: string | null; shown: string; text: string; unit: string | null }>([
      { line: '1,5jt KERIPIK   tempe 30 pcs', product: 'tempe', shown: 'Keripik Tempe (dari daftar produk Anda)', text: 'KERIPIK tempe', unit: 'pcs' },
      { line: '1,6jt keripiktempe pedas', product: 'tempePedas', shown: 'Keripik Tempe Pedas (dari daftar produk Anda)', text: 'keripiktempe pedas', unit: null },
      { line: '2 jt kontrak robusta x10', product: 'robusta', shown: 'Kopi Robusta (dari daftar produk Anda)', text: 'robusta', unit: 'kg' },
      { line: '2,1 jt gayo arabika 5 kg @Kafe Senja', product: 'arabika', shown: 'Kopi Arabika Gayo (dari daftar produk Anda)', text: 'gayo arabika', unit: 'kg' },
      // Two coffees fit "kopi": no guess, the text stays as typed.
      { line: '2,2 jt kopi', product: null, shown: 'kopi', text: 'kopi', unit: null },
      // A deactivated listing and another exhibitor's listing are not hers to report.
      { line: '2,3 jt rengginang', product: null, shown: 'rengginang', text: 'rengginang', unit: null },
      { line: '2,4 jt batik tulis madura', product: null, shown: 'batik tulis madura', text: 'batik tulis madura', unit: null },
    ])('"$line" → $product', async ({ line, product, shown, text, unit }) => {
      await sri.send(`/lapor ${line}`);
      expect(sri.lastText()).toContain(`Produk: ${shown}`);
      if (product === null) expect(sri.lastText()).not.toContain('daftar produk');
      await sri.tap('✅ Simpan');
      expect(await lastReport(sri)).toMatchObject({ productId: product === null ? null : products[product], productText: text, unit });
    });
  });

  describe('duplicates', () => {
    it('asks before saving a repeat within ten minutes; "save anyway" saves it, "cancel" does not', async () => {
      stage.advance(30 * MINUTE);
      const { user } = await stage.exhibitor();
      await user.send('/lapor 1,5jt keripik tempe 30 pcs');
      await user.tap('✅ Simpan');
      const first = await lastReport(user);

      stage.advance(3 * MINUTE);
      await user.send('/lapor 1.500.000 Keripik  Tempe 10 pcs');
      const tap = await user.tap('✅ Simpan');
      expect(tap.answer?.text).toBe('Mungkin laporan ganda — periksa dulu.');
      const question = user.lastText() ?? '';
      expect(question).toContain('Periksa laporan');
      expect(question).toContain('Sepertinya laporan ganda');
      expect(question).toContain(`Laporan #${first?.id} (Rp1.500.000 — keripik tempe) sudah tersimpan 3 menit lalu.`);
      expect(buttonsOf(user)).toEqual(['✅ Tetap simpan', '✖️ Batal']);
      expect(await reportsOf(user)).toHaveLength(1);

      const saved = await user.tap('✅ Tetap simpan');
      expect(saved.answer?.text).toBe('Tersimpan ✅');
      expect(user.lastText()).toMatch(/Tersimpan \(laporan #\d+\): Rp1\.500\.000 — Keripik Tempe, 10 pcs/);
      expect((await reportsOf(user)).map((row) => row.quantity)).toEqual([30, 10]);

      // The third time, cancel.
      stage.advance(1 * MINUTE);
      await user.send('/lapor 1,5 jt keripik tempe');
      await user.tap('✅ Simpan');
      expect(user.lastText()).toContain('sudah tersimpan 1 menit lalu');
      await user.tap('✖️ Batal');
      expect(user.lastText()).toBe('Laporan dibatalkan, tidak ada yang disimpan.');
      expect(await reportsOf(user)).toHaveLength(2);
    });

    it('recognises the same listing even when typed differently', async () => {
      stage.advance(30 * MINUTE);
      await sri.send('/lapor 900rb keripik tempe pedas');
      await sri.tap('✅ Simpan');
      stage.advance(2 * MINUTE);
      await sri.send('/lapor 900rb tempe pedas 5 bungkus');
      expect(sri.lastText()).toContain('Keripik Tempe Pedas (dari daftar produk Anda)');
      const before = (await reportsOf(sri)).length;
      await sri.tap('✅ Simpan');
      expect(sri.lastText()).toContain('Sepertinya laporan ganda');
      expect(await reportsOf(sri)).toHaveLength(before);
      await sri.tap('✖️ Batal');
    });

    it.each<{ why: string; first: string; second: string; minutes: number }>([
      { why: 'another amount', first: '800rb sambal', second: '801rb sambal', minutes: 1 },
      { why: 'another product', first: '800rb sambal ijo', second: '800rb sambal merah', minutes: 1 },
      { why: 'eleven minutes later', first: '800rb sambal', second: '800rb sambal', minutes: 11 },
    ])('does not ask for $why', async ({ first, second, minutes }) => {
      stage.advance(30 * MINUTE);
      const { user } = await stage.exhibitor();
      await user.send(`/lapor ${first}`);
      await user.tap('✅ Simpan');
      stage.advance(minutes * MINUTE);
      await user.send(`/lapor ${second}`);
      const tap = await user.tap('✅ Simpan');
      expect(tap.answer?.text).toBe('Tersimpan ✅');
      expect(await reportsOf(user)).toHaveLength(2);
    });

    it("does not count another exhibitor's identical report", async () => {
      stage.advance(30 * MINUTE);
      const a = await stage.exhibitor();
      const b = await stage.exhibitor();
      await a.user.send('/lapor 700rb kopi');
      await a.user.tap('✅ Simpan');
      await b.user.send('/lapor 700rb kopi');
      expect((await b.user.tap('✅ Simpan')).answer?.text).toBe('Tersimpan ✅');
    });

    it('asks too when the repeat comes from the wizard, and a voided report is no reason to ask', async () => {
      stage.advance(30 * MINUTE);
      const { user } = await stage.exhibitor();
      await user.send('/lapor 650rb tas anyaman');
      await user.tap('✅ Simpan');
      const first = await lastReport(user);
      stage.advance(MINUTE);
      await user.send('/lapor');
      await user.send('650rb');
      await user.tap('Tunai (retail)');
      await user.send('Tas Anyaman');
      await user.tap('Lewati ⏭');
      await user.tap('Lewati ⏭');
      await user.tap('Lewati ⏭');
      await user.tap('✅ Simpan');
      expect(user.lastText()).toContain(`Laporan #${first?.id}`);
      await user.tap('✖️ Batal');

      // Voided, the first one no longer makes a second look like a repeat.
      await stage.bot.db.prisma.saleReport.update({ where: { id: first?.id }, data: { voidedAt: stage.now(), voidReason: 'salah', voidedById: BigInt(user.id) } });
      await user.send('/lapor 650rb tas anyaman');
      expect((await user.tap('✅ Simpan')).answer?.text).toBe('Tersimpan ✅');
      expect(await reportsOf(user)).toHaveLength(2);
    });

    it('saves once when "save" is tapped twice at the same moment, and answers both taps', async () => {
      stage.advance(30 * MINUTE);
      const { user } = await stage.exhibitor();
      await user.send('/lapor 2,5 jt sambal 50 botol');
      const [first, second] = await Promise.all([user.tap('✅ Simpan'), user.tap('✅ Simpan')]);
      expect([first.answer?.text, second.answer?.text].sort()).toEqual(['Laporan ini sudah tersimpan.', 'Tersimpan ✅'].sort());
      expect(await reportsOf(user)).toHaveLength(1);
      // A late tap, after the duplicate window has its own report in it, is still "already saved", not "duplicate".
      const late = await user.tapData(first.data);
      expect(late.answer?.text).toBe('Laporan ini sudah tersimpan.');
      expect(await reportsOf(user)).toHaveLength(1);
    });

    it('saves once when "save anyway" is tapped twice at the same moment', async () => {
      stage.advance(30 * MINUTE);
      const { user } = await stage.exhibitor();
      await user.send('/lapor 1 jt batik');
      await user.tap('✅ Simpan');
      await user.send('/lapor 1 jt batik');
      await user.tap('✅ Simpan');
      const [first, second] = await Promise.all([user.tap('✅ Tetap simpan'), user.tap('✅ Tetap simpan')]);
      expect([first.answer?.text, second.answer?.text].sort()).toEqual(['Laporan ini sudah tersimpan.', 'Tersimpan ✅'].sort());
      expect(await reportsOf(user)).toHaveLength(2);
      const audits = await stage.bot.db.prisma.auditLog.count({ where: { action: 'sale.create', actorId: BigInt(user.id) } });
      expect(audits).toBe(2);
    });
  });
});
