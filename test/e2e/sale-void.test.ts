/**
 * /batal (/undo): voiding a sale report. An exhibitor picks one of their
 * last ten reports, gives a reason and confirms; after 24 hours only an
 * official may void, by report number. Nothing is deleted: the report is
 * marked void, leaves /progres and /rekapku, and the audit log keeps it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { HOUR, MINUTE, MISSION_START, buttonsOf, startSaleStage, type SaleStage } from '../support/sale-stage.js';
import { expectLooseTextAnswer } from '../support/loose-text.js';

describe.each(TEST_PROVIDERS)('voiding sale reports (%s)', (provider) => {
  let stage: SaleStage;
  let sri: SimUser;

  beforeAll(async () => {
    stage = await startSaleStage(provider, 8400);
    ({ user: sri } = await stage.exhibitor({ name: 'Keripik Bu Sri' }));
  });
  afterAll(async () => stage?.stop());

  const prisma = () => stage.bot.db.prisma;
  const reportsOf = (user: SimUser) => prisma().saleReport.findMany({ where: { reportedById: BigInt(user.id) }, orderBy: { id: 'asc' } });
  const report = (id: number) => prisma().saleReport.findUniqueOrThrow({ where: { id } });
  const voidAudits = (id: number) => prisma().auditLog.findMany({ where: { action: 'sale.void', entityId: String(id) } });
  /** Reports a sale in one line and saves it; returns the saved row. */
  const reportSale = async (user: SimUser, line: string) => {
    await user.send(`/lapor ${line}`);
    await user.tap(/^✅ (Simpan|Save)$/);
    const row = (await reportsOf(user)).at(-1);
    if (!row) throw new Error('not saved');
    return row;
  };
  /** Everything a void may change, to compare before and after a refusal. */
  const snapshot = async () => ({
    reports: await prisma().saleReport.findMany({ orderBy: { id: 'asc' } }),
    audits: await prisma().auditLog.count(),
  });

  it('lets an exhibitor pick a report, give a reason and void it; it leaves /progres and /rekapku and stays on record', async () => {
    const a = await reportSale(sri, '1 jt keripik tempe');
    stage.advance(MINUTE);
    const b = await reportSale(sri, '2 jt sambal');
    stage.advance(MINUTE);
    const c = await reportSale(sri, '3 jt kopi 10 kg');
    const asker = stage.bot.sim.user({ id: 8490, firstName: 'Tamu' });
    await asker.send('/progres');
    expect(asker.lastText()).toContain('Total: Rp6 jt dari target Rp3 M');
    expect(asker.lastText()).toContain('3 laporan dari 1 peserta');

    await sri.send('/batal');
    expect(sri.lastText()).toContain('Laporan mana yang mau dibatalkan?');
    // Newest first, with amount, product and time (10:02 WIB).
    expect(buttonsOf(sri)).toEqual([`#${c.id} · Rp3 jt · kopi · 10:02`, `#${b.id} · Rp2 jt · sambal · 10:01`, `#${a.id} · Rp1 jt · keripik tempe · 10:00`]);

    await sri.tap(new RegExp(`^#${c.id} `));
    expect(sri.lastText()).toContain(`Membatalkan laporan #${c.id}: Rp3.000.000 — kopi (Keripik Bu Sri)`);
    expect(sri.lastText()).toContain('Apa alasannya?');
    await sri.send('ab');
    expect(sri.lastText()).toBe('Alasannya terlalu pendek — paling sedikit 3 karakter.');
    await sri.send('x'.repeat(201));
    expect(sri.lastText()).toBe('Alasannya terlalu panjang — paling banyak 200 karakter.');
    await sri.sendPhoto();
    expect(sri.lastText()).toBe('Mohon jawab dengan teks, ya.');
    expect((await report(c.id)).voidedAt).toBeNull();

    await sri.send('salah   ketik nilai');
    expect(sri.lastText()).toContain(`Batalkan laporan #${c.id} (Rp3.000.000)?`);
    expect(sri.lastText()).toContain('Alasan: salah ketik nilai');
    // One choice per row, and the two say different things.
    expect((sri.lastMessage()?.replyMarkup?.inline_keyboard as { text: string }[][]).map((row) => row.map((button) => button.text))).toEqual([
      ['↩️ Ya, batalkan laporan ini'],
      ['✖️ Tidak, biarkan tersimpan'],
    ]);
    stage.advance(MINUTE);
    await sri.tap('↩️ Ya, batalkan laporan ini');
    expect(sri.lastText()).toContain(`Laporan #${c.id} (Rp3.000.000) dibatalkan dan tidak dihitung lagi.`);
    expect(sri.lastText()).toContain('Total misi sekarang Rp3 jt (0,1% dari target).');

    const voided = await report(c.id);
    expect(voided).toMatchObject({ voidReason: 'salah ketik nilai', voidedById: BigInt(sri.id), amount: 3_000_000n });
    expect(voided.voidedAt?.toISOString()).toBe(stage.now().toISOString());
    expect(await reportsOf(sri)).toHaveLength(3);
    const [audit, ...more] = await voidAudits(c.id);
    expect(more).toEqual([]);
    expect(audit?.actorId).toBe(BigInt(sri.id));
    expect(JSON.parse(audit?.before ?? '{}')).toMatchObject({ id: c.id, voidedAt: null, voidReason: null, amount: '3000000' });
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({ id: c.id, voidReason: 'salah ketik nilai', voidedById: String(sri.id) });
    expect(JSON.parse(audit?.after ?? '{}').voidedAt).toBe(stage.now().toISOString());

    await asker.send('/progres');
    expect(asker.lastText()).toContain('Total: Rp3 jt dari target Rp3 M');
    expect(asker.lastText()).toContain('2 laporan dari 1 peserta');
    await sri.send('/rekapku');
    expect(sri.lastText()).toContain('Selama misi: Rp3.000.000 · 2 laporan');
    expect(sri.lastText()).not.toContain(`#${c.id}`);
    // The list no longer offers it; asking for it by number says it is already void.
    await sri.send('/batal');
    expect(buttonsOf(sri)).toHaveLength(2);
    await sri.send(`/batal ${c.id}`);
    expect(sri.lastText()).toBe(`Laporan #${c.id} sudah dibatalkan sebelumnya. Tidak ada yang berubah.`);
  });

  it('offers only the last ten live reports', async () => {
    const { user } = await stage.exhibitor();
    const rows = [];
    for (let i = 1; i <= 12; i++) {
      stage.advance(MINUTE);
      rows.push(await reportSale(user, `${i * 100}rb barang ${i}`));
    }
    await user.send('/batal');
    const labels = buttonsOf(user);
    expect(labels).toHaveLength(10);
    expect(labels[0]).toMatch(new RegExp(`^#${rows[11]?.id} · Rp1,2 jt · barang 12 · `));
    expect(labels.at(-1)).toMatch(new RegExp(`^#${rows[2]?.id} `));
  });

  it('leaves the report as it was when the void is cancelled, at the reason or at the confirmation', async () => {
    const { user } = await stage.exhibitor();
    const row = await reportSale(user, '4 jt batik');
    const before = await snapshot();
    await user.send('/batal');
    await user.tap(new RegExp(`^#${row.id} `));
    await user.send('/batal');
    expect(user.lastText()).toBe('Dibatalkan. Tidak ada yang disimpan.');
    await user.send('/undo');
    await user.tap(new RegExp(`^#${row.id} `));
    await user.send('salah input');
    await user.tap('✖️ Tidak, biarkan tersimpan');
    expect(user.lastText()).toBe(`Baik, laporan #${row.id} tetap tersimpan dan tetap dihitung.`);
    expect(await snapshot()).toEqual(before);
  });

  it('continues a void after the bot restarts', async () => {
    const { user } = await stage.exhibitor();
    const row = await reportSale(user, '5 jt kain tenun');
    await user.send('/batal');
    await user.tap(new RegExp(`^#${row.id} `));
    await stage.bot.restart();
    await user.send('dobel lapor');
    await stage.bot.restart();
    await user.tap('↩️ Ya, batalkan laporan ini');
    expect((await report(row.id)).voidReason).toBe('dobel lapor');
  });

  it('refuses an exhibitor after 24 hours and lets an official void it by number', async () => {
    stage.setNow(MISSION_START);
    const { user } = await stage.exhibitor();
    const row = await reportSale(user, '6 jt mebel');
    stage.setNow(new Date(MISSION_START.getTime() + 24 * HOUR + MINUTE));
    const before = await snapshot();

    // Still listed, but picking it is refused clearly; no reason is asked.
    await user.send('/batal');
    expect(buttonsOf(user)).toHaveLength(1);
    await user.tap(new RegExp(`^#${row.id} `));
    expect(user.lastText()).toContain(`Laporan #${row.id} sudah lebih dari 24 jam, jadi hanya petugas misi yang bisa membatalkannya.`);
    const count = user.messages().length;
    await user.send('salah');
    expectLooseTextAnswer(user, count);
    await user.send(`/batal ${row.id}`);
    expect(user.lastText()).toContain('hanya petugas misi');
    expect(await snapshot()).toEqual(before);

    // An official, days later.
    stage.advance(48 * HOUR);
    await stage.official.send(`/batal #${row.id}`);
    expect(stage.official.lastText()).toContain(`Membatalkan laporan #${row.id}: Rp6.000.000 — mebel (Usaha ${user.id})`);
    await stage.official.send('dibatalkan pembeli');
    await stage.official.tap('↩️ Ya, batalkan laporan ini');
    expect(stage.official.lastText()).toContain(`Laporan #${row.id} (Rp6.000.000) dibatalkan`);
    expect(await report(row.id)).toMatchObject({ voidReason: 'dibatalkan pembeli', voidedById: BigInt(OFFICIAL_ID) });
    expect((await voidAudits(row.id)).map((audit) => audit.actorId)).toEqual([BigInt(OFFICIAL_ID)]);
  });

  it('lets the exhibitor void at 23 hours, but not when the day runs out before the confirmation', async () => {
    stage.setNow(MISSION_START);
    const { user } = await stage.exhibitor();
    const early = await reportSale(user, '7 jt rotan');
    stage.advance(MINUTE);
    const late = await reportSale(user, '8 jt bambu');

    stage.setNow(new Date(MISSION_START.getTime() + 23 * HOUR));
    await user.send(`/batal ${early.id}`);
    await user.send('salah barang');
    await user.tap('↩️ Ya, batalkan laporan ini');
    expect((await report(early.id)).voidedAt).not.toBeNull();

    stage.setNow(new Date(MISSION_START.getTime() + 24 * HOUR));
    await user.send('/batal');
    await user.tap(new RegExp(`^#${late.id} `));
    await user.send('salah barang');
    stage.advance(2 * MINUTE);
    const before = await snapshot();
    await user.tap('↩️ Ya, batalkan laporan ini');
    expect(user.lastText()).toContain('sudah lebih dari 24 jam');
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an exhibitor voiding someone else's report, by number or with a forged button, and changes nothing", async () => {
    const owner = await stage.exhibitor();
    const row = await reportSale(owner.user, '9 jt kerupuk');
    const { user: intruder } = await stage.exhibitor();
    const before = await snapshot();
    await intruder.send(`/batal ${row.id}`);
    expect(intruder.lastText()).toBe('Laporan itu bukan milik usaha Anda — Anda hanya bisa membatalkan laporan sendiri. Tidak ada yang berubah.');
    await intruder.tapData(`void:pick:${row.id}`);
    expect(intruder.lastText()).toContain('bukan milik usaha Anda');
    // No reason was asked, so a reason-looking message gets only the loose-text hint.
    const count = intruder.messages().length;
    await intruder.send('iseng saja');
    expectLooseTextAnswer(intruder, count);
    expect(await snapshot()).toEqual(before);
  });

  it('answers people without a report to void, unknown numbers and typos clearly', async () => {
    const { user } = await stage.exhibitor();
    await user.send('/batal');
    expect(user.lastText()).toBe('Belum ada laporan Anda yang bisa dibatalkan.');
    await user.send('/batal 999999');
    expect(user.lastText()).toBe('Laporan #999999 tidak ada di misi ini.');
    await user.send('/batal dua');
    expect(user.lastText()).toContain('/batal 12');

    const guest = stage.bot.sim.user({ id: 8491, firstName: 'Tamu' });
    await guest.send('/batal');
    expect(guest.lastText()).toContain('Daftarkan usaha Anda dulu dengan /daftar');
    await stage.official.send('/batal');
    expect(stage.official.lastText()).toContain('misalnya /batal 12');

    const group = stage.bot.sim.group({ title: 'UMKM', botIsAdmin: true });
    await user.send('/batal', { chat: group });
    expect(group.lastText()).toBe('Perintah ini hanya bisa dipakai di chat pribadi dengan bot.');
  });

  it('reads /batal during an unsaved one-liner as "not that one"', async () => {
    const { user } = await stage.exhibitor();
    await user.send('/lapor 1 jt kopi');
    const card = user.lastMessage();
    await user.send('/batal');
    expect(user.lastText()).toContain('Laporan yang belum disimpan sudah saya batalkan.');
    const tap = await user.tap('✅ Simpan', { messageId: card?.messageId });
    expect(tap.answer?.text).toBe('Konfirmasi ini sudah kedaluwarsa. Kirim /lapor lagi, ya.');
    expect(await reportsOf(user)).toEqual([]);
  });

  it('speaks English with /undo', async () => {
    const { user } = await stage.exhibitor({ languageCode: 'en' });
    const row = await reportSale(user, '1,5jt coffee');
    await user.send('/undo');
    expect(user.lastText()).toContain('Which report do you want to void?');
    await user.tap(new RegExp(`^#${row.id} `));
    expect(user.lastText()).toContain('What is the reason?');
    await user.send('no');
    expect(user.lastText()).toBe('The reason is too short — at least 3 characters.');
    await user.send('typed twice');
    await user.tap('↩️ Yes, void this report');
    expect(user.lastText()).toContain(`Report #${row.id} (Rp1,500,000) is void and no longer counts.`);
  });
});
