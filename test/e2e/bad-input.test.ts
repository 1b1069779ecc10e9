/**
 * Bad input never reaches the user as an error (issue 7): forged and stale
 * buttons, buttons on inline messages, edits of messages Telegram no longer
 * lets the bot edit, /cancel and unknown commands, loose text in a private
 * chat, and answers too long to quote back. Every case gets a short polite
 * answer and changes nothing saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineButtons, type SimChat, type SimUser } from '../../src/simulator/index.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { MINUTE, buttonsOf, startSaleStage, type SaleStage } from '../support/sale-stage.js';

const STALE = 'Tombol ini sudah tidak berlaku.';
const SORRY = /gangguan|something went wrong/i;

describe.each(TEST_PROVIDERS)('bad input (%s)', (provider) => {
  let stage: SaleStage;
  let sri: SimUser;
  let productId: number;
  let group: SimChat;

  beforeAll(async () => {
    stage = await startSaleStage(provider, 8600);
    const registered = await stage.exhibitor({ name: 'Keripik Bu Sri' });
    sri = registered.user;
    productId = await stage.product(registered.exhibitorId, 'Keripik tempe');
    group = stage.bot.sim.group({ title: 'UMKM Jatim', botIsAdmin: true });
  });
  afterAll(async () => stage?.stop());

  const prisma = () => stage.bot.db.prisma;
  /** Everything a bad input could change. */
  const snapshot = async () => ({
    reports: await prisma().saleReport.findMany({ orderBy: { id: 'asc' } }),
    products: await prisma().product.findMany({ orderBy: { id: 'asc' } }),
    exhibitors: await prisma().exhibitor.findMany({ orderBy: { id: 'asc' } }),
    missions: await prisma().mission.findMany({ orderBy: { id: 'asc' } }),
    inquiries: await prisma().inquiry.count(),
    audits: await prisma().auditLog.count(),
  });
  const sorryCount = () => stage.bot.sim.callsOf('sendMessage').filter((call) => SORRY.test(String(call.params.text ?? ''))).length;

  it('answers forged callback data (numbers beyond 64 bits, negative, not numbers, wrong arity, unknown prefixes) "no longer valid" and changes nothing', async () => {
    await sri.send('/lapor 1,5jt keripik tempe');
    const card = sri.lastMessage()!;
    const saveData = String(inlineButtons(card)[0]?.callback_data);
    expect(saveData).toMatch(/^sale:ok:\d+$/);
    const before = await snapshot();
    const messages = sri.messages().length;
    const forged = [
      'sale:ok:99999999999999999999',
      'sale:ok:18446744073709551616',
      'sale:ok:-1',
      'sale:ok:abc',
      'sale:ok:1:2',
      'sale:ok:',
      `pm:open:${'9'.repeat(30)}`,
      `pm:open:${2 ** 31}`,
      'pm:act:1:-5',
      `ct:p:${productId}:99999999999999999999`,
      'ct:l:makanan:-1',
      `iq:new:${'9'.repeat(25)}`,
      'vrf:1e9',
      `void:pick:${'9'.repeat(20)}`,
      'fu:full:99999999999999999999',
      'ms:act:99999999999999999999',
      'px:v:1:99999999999999999999',
      'lang:fr',
      'zz:unknown:1',
      '',
    ];
    for (const data of forged) {
      const tap = await sri.tapData(data, { messageId: card.messageId });
      expect(tap.answer?.text, data).toBe(STALE);
    }
    expect(sri.messages()).toHaveLength(messages);
    expect(await snapshot()).toEqual(before);
    // The real button still works afterwards.
    await sri.tapData(saveData, { messageId: card.messageId });
    expect((await snapshot()).reports).toHaveLength(before.reports.length + 1);
    expect(sorryCount()).toBe(0);
  });

  it('declines a button on an inline message politely, even with real data, and saves nothing', async () => {
    stage.advance(MINUTE);
    await sri.send('/lapor 2jt sambal');
    const saveData = String(inlineButtons(sri.lastMessage()!)[0]?.callback_data);
    const before = await snapshot();
    for (const data of [saveData, `ct:p:${productId}:1`, 'pm:list:1', 'wiz:cancel', 'sale:ok:99999999999999999999']) {
      const tap = await sri.tapInline(data);
      expect(tap.answer?.text, data).toBe('Buka chat dengan bot untuk memakai tombol ini.');
    }
    expect(await snapshot()).toEqual(before);
    // The draft is still there to save from the private chat.
    await sri.tap('✅ Simpan');
    expect(sri.lastText()).toMatch(/Tersimpan \(laporan #\d+\): Rp2\.000\.000/);
    expect(sorryCount()).toBe(0);
  });

  it('sends a new message when the tapped message can no longer be edited (older than 48 hours)', async () => {
    stage.advance(MINUTE);
    await sri.send('/lapor 3jt kopi');
    const card = sri.lastMessage()!;
    stage.bot.sim.ageMessage(sri, card.messageId);
    const messages = sri.messages().length;
    await sri.tap('✅ Simpan', { messageId: card.messageId });
    // The old card stays as it was; the confirmation comes as a new message.
    expect(sri.messages().find((m) => m.messageId === card.messageId)?.plain).toBe(card.plain);
    expect(sri.messages()).toHaveLength(messages + 1);
    expect(sri.lastText()).toMatch(/Tersimpan \(laporan #\d+\): Rp3\.000\.000 — kopi/);

    // A catalog page on an aged list: the page comes anew, not an error.
    await sri.send('/katalog');
    const home = sri.lastMessage()!;
    stage.bot.sim.ageMessage(sri, home.messageId);
    await sri.tap(/Makanan/, { messageId: home.messageId });
    expect(sri.lastMessage()!.messageId).not.toBe(home.messageId);
    expect(sri.lastText()).toContain('Keripik tempe');
    // "message is not modified" (a double tap on the same page) is no error either.
    await sri.tap(/Makanan/, { messageId: home.messageId });
    expect(sorryCount()).toBe(0);
  });

  it('/cancel outside a conversation says there is nothing to cancel; /batal shows what it can void (per the command table)', async () => {
    const before = await snapshot();
    await sri.send('/cancel');
    expect(sri.lastText()).toBe(
      'Tidak ada isian yang sedang berjalan, jadi tidak ada yang perlu dibatalkan. Untuk membatalkan laporan penjualan, ketik /batal.',
    );
    const john = stage.bot.sim.user({ id: 8690, firstName: 'John', languageCode: 'en' });
    await john.send('/cancel');
    expect(john.lastText()).toBe('Nothing is in progress, so there is nothing to cancel. To void a sale report, type /undo.');
    await sri.send('/batal');
    expect(sri.lastText()).toContain('Laporan mana yang mau dibatalkan?');
    // Inside the void conversation /cancel does cancel it.
    await sri.tap(/^#\d+ /);
    expect(sri.lastText()).toContain('Apa alasannya?');
    await sri.send('/cancel');
    expect(sri.lastText()).toBe('Dibatalkan. Tidak ada yang disimpan.');
    expect(await snapshot()).toEqual(before);
  });

  it('answers an unknown command with a hint to /bantuan; in a group only when the command names this bot', async () => {
    await sri.send('/lapr 1jt');
    expect(sri.lastText()).toBe('Perintah /lapr tidak saya kenal. Ketik /bantuan untuk melihat daftar perintah.');
    await sri.send(`/${'x'.repeat(300)}`);
    expect(sri.lastText()!.length).toBeLessThan(250);
    expect(sri.lastText()).toContain('…');

    await sri.send('/foo', { chat: group });
    expect(group.messages()).toHaveLength(0);
    await sri.send(`/foo@${stage.bot.sim.botUsername}`, { chat: group });
    expect(group.lastText()).toContain('Perintah /foo tidak saya kenal');
  });

  it('answers loose text in a private chat: an exhibitor\'s sale-like line becomes a /lapor draft, anything else a one-line hint; groups stay quiet', async () => {
    const before = await snapshot();
    stage.advance(MINUTE);
    await sri.send('750rb keripik tempe 20 pcs');
    expect(sri.lastText()).toContain('Sepertinya ini laporan penjualan. Simpan sebagai laporan?');
    expect(sri.lastText()).toContain('Rp750.000');
    expect(buttonsOf(sri)).toEqual(['✅ Simpan', '✖️ Batal']);
    expect(await snapshot()).toEqual(before);
    await sri.tap('✅ Simpan');
    const saved = (await snapshot()).reports.at(-1);
    expect(saved).toMatchObject({ amount: 750_000n, productId, quantity: 20, reportedById: BigInt(sri.id) });

    await sri.send('halo, jam berapa pameran buka?');
    expect(sri.lastText()).toContain('Saya belum paham pesan ini. Untuk melapor penjualan');

    const tamu = stage.bot.sim.user({ id: 8691, firstName: 'Tamu' });
    await tamu.send('1,5jt keripik');
    expect(tamu.messages()).toHaveLength(1);
    expect(tamu.lastText()).toBe('Saya belum paham pesan ini. Ketik /bantuan untuk melihat apa yang bisa saya bantu.');

    const groupMessages = group.messages().length;
    await sri.send('1jt kopi', { chat: group });
    await tamu.send('halo semua', { chat: group });
    expect(group.messages()).toHaveLength(groupMessages);
    expect((await snapshot()).reports).toHaveLength(before.reports.length + 1);
  });

  it('quotes a province answer over 4,096 characters back cut to fit, and saves nothing', async () => {
    const before = await snapshot();
    const newcomer = stage.bot.sim.user({ id: 8692, firstName: 'Pendatang' });
    await newcomer.send('/daftar');
    await newcomer.send('Usaha Pendatang');
    await newcomer.tap(/Makanan/);
    const answer = `${'<Jawa & Timur> '.repeat(300)}🙂`;
    expect(answer.length).toBeGreaterThan(4096);
    await newcomer.send(answer);
    const reply = newcomer.lastText()!;
    expect(reply).toMatch(/^Provinsi "<Jawa & Timur> <Jawa & Timur> .*…" tidak saya kenal\./);
    expect(reply.length).toBeLessThan(300);
    // Still on the same step: a real province goes on to the city.
    await newcomer.send('Jawa Timur');
    expect(newcomer.lastText()).toMatch(/kota|city/i);
    await newcomer.send('/batal');
    expect(await snapshot()).toEqual(before);
    expect(sorryCount()).toBe(0);
  });

  it('saves text with a NUL character (PostgreSQL refuses it in text) without it, as typed otherwise', async () => {
    stage.advance(MINUTE);
    await sri.send('/lapor 1jt kopi\u0000 luwak');
    await sri.tap('✅ Simpan');
    expect(sri.lastText()).toMatch(/Tersimpan \(laporan #\d+\): Rp1\.000\.000 — kopi luwak/);
    expect((await snapshot()).reports.at(-1)).toMatchObject({ productText: 'kopi luwak', amount: 1_000_000n });
    expect(sorryCount()).toBe(0);
  });
});
