/**
 * /rekapku (/mysales): an exhibitor's own totals today (the mission's local
 * day, WIB here) and for the whole mission, by kind, with the count and the
 * last five reports. Other exhibitors' and voided reports count nowhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { HOUR, MINUTE, MISSION_START, startSaleStage, type SaleStage } from '../support/sale-stage.js';

describe.each(TEST_PROVIDERS)('my sales (%s)', (provider) => {
  let stage: SaleStage;
  let sri: SimUser;

  beforeAll(async () => {
    stage = await startSaleStage(provider, 8600);
    ({ user: sri } = await stage.exhibitor({ name: 'Keripik Bu Sri' }));
  });
  afterAll(async () => stage?.stop());

  const report = async (user: SimUser, line: string, at: Date, unusual = false) => {
    stage.setNow(at);
    await user.send(`/lapor ${line}`);
    await user.tap(/^✅ (Simpan|Save)$/);
    // Issue 9: an amount far above the exhibitor's usual asks a second time, in words.
    if (unusual) {
      expect(user.lastText()).toContain('— benar?');
      await user.tap(/^✅ Ya, /);
    }
  };
  const at = (hoursAfterStart: number) => new Date(MISSION_START.getTime() + hoursAfterStart * HOUR);

  it('tells an exhibitor without reports how to make one', async () => {
    await sri.send('/rekapku');
    expect(sri.lastText()).toContain('Rekap penjualan Keripik Bu Sri');
    expect(sri.lastText()).toContain('Belum ada laporan.');
  });

  it('sums today and the whole mission by kind, and lists the last five reports', async () => {
    // Day 1 (26 Nov, from 10:00 WIB): retail 1,5 jt, an order of 2 jt, and at 23:30 WIB retail 250 rb.
    await report(sri, '1,5 jt keripik tempe', at(0));
    await report(sri, '2 jt kontrak sambal', at(1));
    await report(sri, '250rb rengginang', at(13.5));
    // Day 2 (27 Nov): at 00:30 WIB retail 750 rb, then an LoI of 500 jt.
    await report(sri, '750rb keripik tempe', at(14.5));
    await report(sri, '500 jt mou kopi', at(15), true); // 444× her median of Rp1,1 jt
    // Another exhibitor's report counts for them only.
    const other = await stage.exhibitor();
    await report(other.user, '9 jt batik', at(15.5));

    stage.setNow(at(16));
    await sri.send('/rekapku');
    const text = sri.lastText() ?? '';
    const [todayPart = '', missionPart = ''] = text.split('Selama misi');
    expect(todayPart).toContain('Hari ini (27 Nov 2026): Rp500.750.000 · 2 laporan');
    expect(todayPart).toContain('• Tunai (retail): Rp750.000');
    expect(todayPart).toContain('• LoI/MoU: Rp500.000.000');
    expect(todayPart).not.toContain('Pesanan/kontrak');
    expect(missionPart).toContain(': Rp504.500.000 · 5 laporan');
    expect(missionPart).toContain('• Tunai (retail): Rp2.500.000');
    expect(missionPart).toContain('• Pesanan/kontrak: Rp2.000.000');
    expect(missionPart).toContain('• LoI/MoU: Rp500.000.000');
    expect(missionPart).not.toContain('Investasi');
    expect(text).not.toContain('9.000.000');

    const rows = await stage.bot.db.prisma.saleReport.findMany({ where: { reportedById: BigInt(sri.id) }, orderBy: { id: 'desc' } });
    expect(text).toContain('5 laporan terakhir');
    const order = rows.map((row) => text.indexOf(`#${row.id} ·`));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain(`#${rows[0]?.id} · 01:00 · Rp500.000.000 · kopi · LoI/MoU`);
    // Reports of an earlier day carry their date.
    expect(text).toContain(`#${rows[2]?.id} · 26 Nov 23:30 · Rp250.000 · rengginang · Tunai (retail)`);
  });

  it('shows only the last five, marks verified reports, and drops voided ones from every figure', async () => {
    await report(sri, '100rb kerupuk', at(16.5));
    const rows = await stage.bot.db.prisma.saleReport.findMany({ where: { reportedById: BigInt(sri.id) }, orderBy: { id: 'desc' } });
    const [newest, second, , , , sixth] = rows;
    await stage.official.send(`/verifikasi ${second?.id}`);
    await sri.send('/batal');
    await sri.tap(new RegExp(`^#${newest?.id} `));
    await sri.send('salah lapor');
    await sri.tap('↩️ Ya, batalkan laporan ini');

    stage.setNow(at(17));
    await sri.send('/rekapku');
    const text = sri.lastText() ?? '';
    expect(text).toContain('Hari ini (27 Nov 2026): Rp500.750.000 · 2 laporan');
    expect(text).toContain(': Rp504.500.000 · 5 laporan');
    expect(text).not.toContain(`#${newest?.id} ·`);
    expect(text).toContain(`#${second?.id} · 01:00 · Rp500.000.000 · kopi · LoI/MoU ✔️`);
    // With the newest voided, the oldest report is back among the five listed.
    expect(text).toContain(`#${sixth?.id} ·`);
    expect(text.match(/^#\d+ ·/gm)).toHaveLength(5);
  });

  it('speaks English with /mysales', async () => {
    const { user } = await stage.exhibitor({ languageCode: 'en', name: 'Kopi John' });
    await report(user, '2 M investasi pabrik kopi', at(18));
    await user.send('/mysales');
    const text = user.lastText() ?? '';
    expect(text).toContain('Sales summary of Kopi John');
    expect(text).toContain('Today (27 Nov 2026): Rp2,000,000,000 · 1 report');
    expect(text).toContain('• Investment: Rp2,000,000,000');
  });

  it('refuses someone who is not an exhibitor, and a group chat', async () => {
    const guest = stage.bot.sim.user({ id: 8690, firstName: 'Tamu' });
    await guest.send('/rekapku');
    expect(guest.lastText()).toContain('Daftarkan usaha Anda dulu dengan /daftar');
    const group = stage.bot.sim.group({ title: 'UMKM', botIsAdmin: true });
    stage.advance(MINUTE);
    await sri.send('/rekapku', { chat: group });
    expect(group.lastText()).toBe('Perintah ini hanya bisa dipakai di chat pribadi dengan bot.');
  });
});
