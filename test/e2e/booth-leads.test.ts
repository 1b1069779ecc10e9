/**
 * Booth leads end to end: /qr gives a printable QR of the booth's deep
 * link (decoded back here), a visitor who scans it sees the booth and only
 * an explicit contact share makes a lead; the exhibitor is told through the
 * outbox, scores and notes it, lists and exports it; the visitor withdraws
 * it in /privasi and it is gone everywhere.
 */
import ExcelJS from 'exceljs';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimMessage, SimUser } from '../../src/simulator/index.js';
import { inlineButtons } from '../../src/simulator/sim-user.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { NOW, createMission, createProduct, registerExhibitor } from '../support/catalog-fixtures.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { outboxDrained } from '../support/push-fixtures.js';

const replyKeyboardOf = (message: SimMessage | undefined) =>
  (message?.replyMarkup as { keyboard?: { text: string; request_contact?: boolean }[][] } | undefined)?.keyboard;

// jsqr is CommonJS with an ES-style `export default` in its types: under Node's ESM the function is the default export itself.
const jsQR = jsQRModule as unknown as (typeof jsQRModule)['default'];

function decodeQr(bytes: Buffer): string | undefined {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe.each(TEST_PROVIDERS)('booth leads on %s', (provider) => {
  let bot: TestBot;
  let sri: SimUser;
  let sriShop: number;
  let andi: SimUser;
  let code: string;

  const leads = () => bot.db.prisma.lead.findMany({ orderBy: { id: 'asc' } });
  const texts = (user: SimUser, since: number) => user.messages().slice(since).map((m) => m.plain);

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    await createMission(bot);
    sri = bot.sim.user({ id: 9601, firstName: 'Bu', lastName: 'Sri', username: 'bu_sri' });
    sriShop = await registerExhibitor(bot, sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890', booth: 'A12' });
    await createProduct(bot, sriShop, { name: 'Keripik Tempe Original', price: 15_000n });
    await createProduct(bot, sriShop, { name: 'Keripik Tempe Pedas', price: 17_000n });
    andi = bot.sim.user({ id: 9602, firstName: 'Andi', lastName: 'Wijaya' });
  });
  afterAll(async () => bot?.stop());

  it('/qr sends a print-sized PNG whose code decodes to the booth deep link, the same code every time', async () => {
    await sri.send('/qr');
    const message = sri.lastMessage()!;
    expect(message.document?.filename).toBe('qr-keripik-tempe-bu-sri.png');
    const bytes = message.document!.bytes!;
    const png = PNG.sync.read(bytes);
    expect(png.width).toBeGreaterThanOrEqual(1024);
    const link = decodeQr(bytes);
    const row = await bot.db.prisma.exhibitor.findUniqueOrThrow({ where: { id: sriShop } });
    expect(row.boothCode).toMatch(/^[a-z2-9]{10}$/);
    code = row.boothCode!;
    expect(link).toBe(`https://t.me/misi_dagang_bot?start=b_${code}`);
    expect(message.plain).toContain('QR stan Keripik Tempe Bu Sri');
    expect(message.plain).toContain(link);

    await sri.send('/qr');
    expect(decodeQr(sri.lastMessage()!.document!.bytes!)).toBe(link);
    expect((await bot.db.prisma.exhibitor.findUniqueOrThrow({ where: { id: sriShop } })).boothCode).toBe(code);
  });

  it('refuses /qr to someone without a business', async () => {
    await andi.send('/qr');
    expect(andi.lastText()).toBe('Kode QR stan hanya untuk peserta pameran misi yang aktif. Daftarkan usaha Anda dulu dengan /daftar.');
  });

  it('answers a wrong or malformed booth code politely and offers no share', async () => {
    for (const payload of ['b_zzzzzzzzzz', 'b_x', `b_${'9'.repeat(10)}`]) {
      await andi.send(`/start ${payload}`);
      expect(andi.lastText()).toBe('Maaf, kode stan ini tidak dikenal atau sudah tidak berlaku. Lihat semua produk peserta di /katalog.');
      expect(replyKeyboardOf(andi.lastMessage())).toBeUndefined();
    }
  });

  it('shows the booth and its products on a scan, and saves nothing until the visitor shares', async () => {
    const since = andi.messages().length;
    await andi.send(`/start b_${code}`);
    const [card, invite] = andi.messages().slice(since);
    expect(card?.plain).toContain('🏪 Keripik Tempe Bu Sri');
    expect(card?.plain).toContain('📍 Malang, Jawa Timur · Stan A12');
    expect(card?.plain).toContain('2 produk — ketuk untuk melihat:');
    expect(inlineButtons(card!).map((b) => b.text)).toEqual(['1. Keripik Tempe Original', '2. Keripik Tempe Pedas']);
    expect(invite?.plain).toContain('Ingin dihubungi Keripik Tempe Bu Sri?');
    expect(replyKeyboardOf(invite)).toEqual([[expect.objectContaining({ text: '📱 Bagikan kontak', request_contact: true })], [expect.objectContaining({ text: '✖️ Tidak sekarang' })]]);
    expect(await leads()).toHaveLength(0);

    await andi.tap('2. Keripik Tempe Pedas');
    expect(andi.lastText()).toContain('Keripik Tempe Pedas');
    expect(andi.lastText()).toContain('Rp17.000');
    expect(await leads()).toHaveLength(0);
  });

  it('refuses someone else\'s contact card and a share without a scan', async () => {
    await andi.sendContact('6281299990000', { firstName: 'Orang', userId: 4242 });
    expect(andi.lastText()).toBe('Bagikan kontak Anda sendiri dengan tombol Bagikan kontak, bukan kontak orang lain.');
    const stranger = bot.sim.user({ id: 9603, firstName: 'Tanpa', lastName: 'Pindai' });
    await stranger.sendContact('6281277770000');
    expect(stranger.messages().filter((m) => m.fromId === 'bot')).toHaveLength(0);
    expect(await leads()).toHaveLength(0);
  });

  it('"not now" shares nothing', async () => {
    const maya = bot.sim.user({ id: 9604, firstName: 'Maya' });
    await maya.send(`/start b_${code}`);
    await maya.send('✖️ Tidak sekarang');
    expect(maya.lastText()).toBe('Baik, kontak Anda tidak dibagikan.');
    const count = maya.messages().length;
    await maya.sendContact('6281211112222');
    expect(maya.messages().slice(count).filter((m) => m.fromId === 'bot')).toHaveLength(0);
    expect(await leads()).toHaveLength(0);
  });

  it('saves the lead on the share, tells the exhibitor, who scores it and adds a note', async () => {
    const sriSince = sri.messages().length;
    await andi.sendContact('6281355556666');
    expect(andi.lastText()).toBe('✅ Kontak Anda sudah dibagikan kepada Keripik Tempe Bu Sri. Lihat atau tarik kembali dengan /privasi.');
    const [lead] = await leads();
    expect(lead).toMatchObject({ exhibitorId: sriShop, visitorId: BigInt(andi.id), name: 'Andi Wijaya', phone: '+6281355556666', score: null, note: null });
    expect(lead?.createdAt).toEqual(NOW);

    await outboxDrained(bot.db.prisma);
    const notice = sri.messages().slice(sriSince).find((m) => m.plain.includes('Prospek baru'))!;
    expect(notice.plain).toContain('Prospek baru di stan Keripik Tempe Bu Sri');
    expect(notice.plain).toContain('Andi Wijaya');
    expect(notice.plain).toContain('📱 +6281355556666');
    expect(notice.plain).toContain('26 Nov 2026 10:00 WIB');
    expect(inlineButtons(notice).map((b) => b.text)).toEqual(['1★', '2★', '3★', '4★', '5★', '📝 Catatan']);

    // Only the booth's owner may score it.
    const forged = await andi.tapData(`ld:s:${lead!.id}:5`);
    expect(forged.answer?.text).toBe('Hanya pemilik stan ini yang bisa menilai prospeknya.');

    const { answer } = await sri.tap('4★', { messageId: notice.messageId });
    expect(answer?.text).toBe('Nilai 4 ★ disimpan.');
    expect(sri.messages().find((m) => m.messageId === notice.messageId)?.plain).toContain('⭐ ★★★★☆');
    await sri.tap('📝 Catatan', { messageId: notice.messageId });
    expect(sri.lastText()).toContain('Tulis catatan untuk prospek Andi Wijaya');
    await sri.send('x'.repeat(301));
    expect(sri.lastText()).toBe('Catatannya terlalu panjang — paling banyak 300 karakter.');
    await sri.send('Minat 200 bungkus, kirim ke Serang');
    expect(sri.lastText()).toBe('📝 Catatan untuk Andi Wijaya disimpan. Semua prospek ada di /prospek.');
    expect((await leads())[0]).toMatchObject({ score: 4, note: 'Minat 200 bungkus, kirim ke Serang' });

    // A second share refreshes the same lead, without a second notice.
    await andi.send(`/start b_${code}`);
    await andi.sendContact('6281355557777');
    expect(andi.lastText()).toBe('Kontak Anda sudah tercatat di Keripik Tempe Bu Sri; nama dan nomornya diperbarui.');
    expect(await leads()).toEqual([expect.objectContaining({ phone: '+6281355557777', score: 4 })]);
    expect(await bot.db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: 'lead:' } } })).toBe(1);
  });

  it('/prospek lists and filters the leads and exports them as XLSX and CSV', async () => {
    await sri.send('/prospek');
    const list = sri.lastMessage()!;
    expect(list.plain).toContain('Prospek Keripik Tempe Bu Sri — 1 dari 1');
    expect(list.plain).toContain('Andi Wijaya · ★★★★☆');
    expect(list.plain).toContain('+6281355557777');
    expect(list.plain).toContain('📝 Minat 200 bungkus, kirim ke Serang');

    await sri.send('/prospek 5');
    expect(sri.lastText()).toContain('Tidak ada prospek yang cocok dengan saringan ini.');
    await sri.send('/prospek 4 kemarin');
    expect(sri.lastText()).toContain('Tidak ada prospek yang cocok');
    await sri.send('/prospek bagus sekali');
    expect(sri.lastText()).toContain('Saringan tidak terbaca.');
    await sri.send('/prospek 4 hari ini');
    expect(sri.lastText()).toContain('— 1 dari 1');

    await sri.tap('📊 Excel');
    const xlsx = sri.lastMessage()!;
    expect(xlsx.document?.filename).toBe('prospek-keripik-tempe-bu-sri-2026-11-26.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.document!.bytes! as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Prospek')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'No.', 'Waktu (WIB)', 'Nama', 'Telepon', 'Nilai', 'Catatan']);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(3).value).toBe('Andi Wijaya');
    expect(sheet.getRow(2).getCell(4).value).toBe('+6281355557777');
    expect(sheet.getRow(2).getCell(5).value).toBe(4);

    await sri.tap('📄 CSV');
    const csv = sri.lastMessage()!.document!.bytes!.toString('utf8');
    expect(csv.startsWith('\uFEFFNo.;Waktu (WIB);Nama;Telepon;Nilai;Catatan\r\n')).toBe(true);
    expect(csv).toContain(`;2026-11-26 10:00;Andi Wijaya;'+6281355557777;4;Minat 200 bungkus, kirim ke Serang\r\n`);
  });

  it('/privasi lists what the visitor shared and withdraws it: gone from the list, the export and the buttons', async () => {
    await andi.send('/privasi');
    expect(andi.lastText()).toContain('1. Keripik Tempe Bu Sri · 26 Nov 2026 10:00 WIB');
    const [lead] = await leads();
    await andi.tap('🗑 1. Keripik Tempe Bu Sri');
    expect(andi.lastText()).toBe('🗑 Kontak Anda sudah ditarik dari Keripik Tempe Bu Sri.');
    expect(await leads()).toHaveLength(0);
    const audit = await bot.db.prisma.auditLog.findMany({ where: { entity: 'Lead', entityId: String(lead!.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['lead.share', 'lead.withdraw']);
    // The audit trail keeps no phone number of a withdrawn lead.
    expect(audit.map((a) => `${a.before ?? ''}${a.after ?? ''}`).join('')).not.toContain('628135555');

    const again = await andi.tapData(`ld:w:${lead!.id}`);
    expect(again.answer?.text).toBe('Kontak ini sudah ditarik.');
    await andi.send('/privasi');
    expect(andi.lastText()).toContain('Anda belum membagikan kontak kepada stan mana pun.');

    await sri.send('/prospek');
    expect(sri.lastText()).toBe('Belum ada prospek. Cetak QR stan Anda dengan /qr supaya pengunjung bisa membagikan kontaknya.');
    const stale = await sri.tapData(`ld:s:${lead!.id}:5`);
    expect(stale.answer?.text).toBe('Prospek ini sudah ditarik oleh pengunjung.');
    await sri.tapData('ld:x:csv:0:-');
    expect(sri.lastMessage()!.document!.bytes!.toString('utf8')).not.toContain('Andi');
  });
});
