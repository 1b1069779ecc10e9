/**
 * /verifikasi (/verify): officials mark reports as checked, from a list of
 * the newest unverified ones or by number; /progres shows the verified
 * share. Non-officials are refused and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { MINUTE, buttonsOf, startSaleStage, type SaleStage } from '../support/sale-stage.js';

describe.each(TEST_PROVIDERS)('verifying sale reports (%s)', (provider) => {
  let stage: SaleStage;
  let official: SimUser;
  let sri: SimUser;
  const ids: number[] = [];

  beforeAll(async () => {
    stage = await startSaleStage(provider, 8500);
    official = stage.official;
    ({ user: sri } = await stage.exhibitor({ name: 'Keripik Bu Sri' }));
    // 1,5 jt + 2 jt + 500 rb = 4 jt.
    for (const line of ['1,5 jt keripik tempe', '2 jt kontrak sambal', '500rb kopi']) {
      stage.advance(MINUTE);
      await sri.send(`/lapor ${line}`);
      await sri.tap('✅ Simpan');
    }
    ids.push(...(await stage.bot.db.prisma.saleReport.findMany({ orderBy: { id: 'asc' }, select: { id: true } })).map((row) => row.id));
  });
  afterAll(async () => stage?.stop());

  const prisma = () => stage.bot.db.prisma;
  const report = (id: number) => prisma().saleReport.findUniqueOrThrow({ where: { id } });
  const snapshot = async () => ({
    reports: await prisma().saleReport.findMany({ orderBy: { id: 'asc' } }),
    audits: await prisma().auditLog.count(),
  });

  it('lists the newest unverified reports with a ✔️ button each, and verifies one on a tap', async () => {
    const [tempe, sambal, kopi] = ids as [number, number, number];
    await official.send('/verifikasi');
    const list = official.lastText() ?? '';
    expect(list).toContain('Laporan belum terverifikasi (3 terbaru dari 3)');
    expect(list).toContain(`#${kopi} · 10:03 · Rp500.000 · kopi · Keripik Bu Sri`);
    expect(list.indexOf(`#${kopi}`)).toBeLessThan(list.indexOf(`#${tempe}`));
    expect(buttonsOf(official)).toEqual([`✔️ #${kopi} Rp500 rb`, `✔️ #${sambal} Rp2 jt`, `✔️ #${tempe} Rp1,5 jt`]);

    stage.advance(MINUTE);
    const tap = await official.tap(`✔️ #${sambal} Rp2 jt`);
    expect(tap.answer?.text).toBe(`Laporan #${sambal} terverifikasi ✔️`);
    // The same message now lists the two that are left.
    const edited = official.messages().find((message) => message.messageId === tap.message.messageId);
    expect(edited?.plain).toContain('(2 terbaru dari 2)');
    expect(edited?.plain).not.toContain(`#${sambal}`);

    const row = await report(sambal);
    expect(row.verifiedById).toBe(BigInt(OFFICIAL_ID));
    expect(row.verifiedAt?.toISOString()).toBe(stage.now().toISOString());
    const audits = await prisma().auditLog.findMany({ where: { action: 'sale.verify', entityId: String(sambal) } });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actorId).toBe(BigInt(OFFICIAL_ID));
    expect(JSON.parse(audits[0]?.before ?? '{}')).toMatchObject({ verifiedAt: null, verifiedById: null });
    expect(JSON.parse(audits[0]?.after ?? '{}')).toMatchObject({ verifiedById: String(OFFICIAL_ID) });

    // /progres: 2 jt of 4 jt verified.
    await sri.send('/progres');
    expect(sri.lastText()).toContain('✔️ Terverifikasi: Rp2 jt (50% dari total)');
  });

  it('verifies by number, and answers a second time politely without changing anything', async () => {
    const [tempe] = ids as [number];
    await official.send(`/verifikasi ${tempe}`);
    expect(official.lastText()).toBe(`✔️ Laporan #${tempe} (Rp1.500.000, Keripik Bu Sri) terverifikasi.`);
    const before = await snapshot();
    stage.advance(MINUTE);
    await official.send(`/verifikasi #${tempe}`);
    expect(official.lastText()).toBe(`Laporan #${tempe} sudah terverifikasi sebelumnya. Tidak ada yang berubah.`);
    const stale = await official.tapData(`vrf:${tempe}`);
    expect(stale.answer?.text).toBe(`Laporan #${tempe} sudah terverifikasi.`);
    expect(await snapshot()).toEqual(before);

    await official.send('/progres');
    expect(official.lastText()).toContain('✔️ Terverifikasi: Rp3,5 jt (87,5% dari total)');
  });

  it('refuses to verify a voided report, and a voided verified report leaves the verified total', async () => {
    const [tempe, , kopi] = ids as [number, number, number];
    await official.send(`/batal ${kopi}`);
    await official.send('laporan uji coba');
    await official.tap('↩️ Ya, batalkan laporan ini');
    const before = await snapshot();
    await official.send(`/verifikasi ${kopi}`);
    expect(official.lastText()).toBe(`Laporan #${kopi} sudah dibatalkan, jadi tidak bisa diverifikasi.`);
    const tap = await official.tapData(`vrf:${kopi}`);
    expect(tap.answer?.text).toBe(`Laporan #${kopi} sudah dibatalkan.`);
    expect(await snapshot()).toEqual(before);

    // Everything left is verified now.
    await official.send('/verifikasi');
    expect(official.lastText()).toBe('Semua laporan sudah terverifikasi. 👍');
    expect(buttonsOf(official)).toEqual([]);

    await official.send(`/batal ${tempe}`);
    await official.send('pembeli batal');
    await official.tap('↩️ Ya, batalkan laporan ini');
    await official.send('/progres');
    expect(official.lastText()).toContain('Total: Rp2 jt dari target');
    expect(official.lastText()).toContain('✔️ Terverifikasi: Rp2 jt (100% dari total)');
  });

  it('answers unknown numbers and typos', async () => {
    await official.send('/verifikasi 424242');
    expect(official.lastText()).toBe('Laporan #424242 tidak ada di misi ini.');
    await official.send('/verifikasi semua');
    expect(official.lastText()).toContain('/verifikasi 12');
  });

  it('refuses an exhibitor and a stranger, by command or forged button, and changes nothing', async () => {
    stage.advance(MINUTE);
    await sri.send('/lapor 800rb rengginang');
    await sri.tap('✅ Simpan');
    const fresh = (await prisma().saleReport.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
    const before = await snapshot();

    await sri.send('/verifikasi');
    expect(sri.lastText()).toBe('Perintah ini khusus petugas misi. Kalau Anda petugas, minta admin menambahkan Anda.');
    await sri.send(`/verifikasi ${fresh}`);
    expect(sri.lastText()).toContain('khusus petugas misi');
    const forged = await sri.tapData(`vrf:${fresh}`);
    expect(forged.answer).toMatchObject({ text: 'Khusus petugas misi.', show_alert: true });

    const john = stage.bot.sim.user({ id: 8590, firstName: 'John', languageCode: 'en' });
    await john.send('/verify');
    expect(john.lastText()).toContain('This command is for mission officials');
    const forgedEn = await john.tapData(`vrf:${fresh}`);
    expect(forgedEn.answer?.text).toBe('For mission officials only.');
    expect(await snapshot()).toEqual(before);
  });

  it('speaks English to an English-speaking official', async () => {
    const admin = stage.bot.sim.user({ id: OFFICIAL_ID + 1, firstName: 'Ms Dewi', languageCode: 'en' });
    // Make her an official of the mission.
    const mission = await prisma().mission.findFirstOrThrow();
    await admin.send('/start');
    await prisma().missionMember.create({ data: { missionId: mission.id, userId: BigInt(admin.id), role: 'OFFICIAL' } });
    await admin.send('/verify');
    expect(admin.lastText()).toContain('Unverified reports (newest 1 of 1)');
    await admin.tap(/^✔️ #/);
    expect(admin.lastText()).toBe('Every report is verified. 👍');
    await admin.send('/progress');
    expect(admin.lastText()).toContain('✔️ Verified: Rp2.8 m (100% of the total)');
  });
});
