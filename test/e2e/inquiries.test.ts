import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { inlineButtons } from '../../src/simulator/sim-user.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { NOW, createMission, createProduct, registerExhibitor } from '../support/catalog-fixtures.js';
import { TEST_PROVIDERS } from '../support/databases.js';

// As a buyer reads it: stored as +6281234567890, handed over grouped for reading.
const SRI_PHONE = '+62 812-3456-7890';

describe.each(TEST_PROVIDERS)('inquiries on %s', (provider) => {
  let bot: TestBot;
  let sri: SimUser;
  let dewi: SimUser;
  let andi: SimUser;
  let sriShop: number;
  let keripik: number;
  let batik: number;
  let nextBuyer = 9500;

  const inquiries = () => bot.db.prisma.inquiry.findMany({ orderBy: { id: 'asc' } });
  const audits = (id: number) => bot.db.prisma.auditLog.findMany({ where: { entity: 'Inquiry', entityId: String(id) }, orderBy: { id: 'asc' } });
  const allText = (user: SimUser) => user.messages().map((m) => m.plain).join('\n');

  function newBuyer(options: { username?: string; languageCode?: string } = {}): SimUser {
    const id = nextBuyer++;
    return bot.sim.user({ id, firstName: `Pembeli${id}`, ...options });
  }

  /** Opens the card by its deep link and taps "ask". */
  async function startAsking(buyer: SimUser, productId: number): Promise<void> {
    await buyer.send(`/start p_${productId}`);
    await buyer.tap(/^💬 /);
  }

  /** The whole wizard; returns the new inquiry's id. */
  async function ask(buyer: SimUser, productId: number, message: string, quantity?: string): Promise<number> {
    await startAsking(buyer, productId);
    await buyer.send(message);
    if (quantity === undefined) await buyer.tap(/^(Lewati|Skip)/);
    else await buyer.send(quantity);
    await buyer.tap(/^📨 /);
    const row = await bot.db.prisma.inquiry.findFirstOrThrow({ where: { buyerId: BigInt(buyer.id) }, orderBy: { id: 'desc' } });
    return row.id;
  }

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => NOW });
    await createMission(bot);
    sri = bot.sim.user({ id: 9401, firstName: 'Bu', lastName: 'Sri', username: 'bu_sri' });
    sriShop = await registerExhibitor(bot, sri, {
      name: 'Keripik Tempe Bu Sri',
      category: 'Makanan',
      province: 'Jawa Timur',
      city: 'Malang',
      phone: '081234567890',
      booth: 'A12',
    });
    dewi = bot.sim.user({ id: 9402, firstName: 'Dewi' });
    const dewiShop = await registerExhibitor(bot, dewi, { name: 'Batik Dewi', category: 'Fashion', province: 'Jawa Tengah', city: 'Lasem', phone: '081298765432' });
    keripik = await createProduct(bot, sriShop, { name: 'Keripik Tempe', price: 15_000n, minOrder: 10, description: 'Renyah.' });
    batik = await createProduct(bot, dewiShop, { name: 'Batik Tulis', category: 'fashion', price: 1_500_000n, unit: 'lembar' });
    andi = bot.sim.user({ id: 9403, firstName: 'Andi', lastName: 'Wijaya', username: 'andi_pembeli' });
  });
  afterAll(async () => bot?.stop());

  it('takes a message and a quantity, sends it to the exhibitor without contacts, and exchanges contacts on accept', async () => {
    await startAsking(andi, keripik);
    expect(andi.lastText()).toContain('Tanya / pesan: Keripik Tempe (Keripik Tempe Bu Sri)');
    expect(andi.lastText()).toContain('1/2');
    await andi.send('Ada stok untuk dikirim ke Serang besok?');
    expect(andi.lastText()).toContain('2/2 · Berapa pcs yang ingin dipesan? Minimal 10 pcs.');
    await andi.send('50');
    expect(andi.lastText()).toContain('Periksa pertanyaan Anda');
    expect(andi.lastText()).toContain('Produk: Keripik Tempe (Keripik Tempe Bu Sri)');
    expect(andi.lastText()).toContain('Jumlah: 50 pcs');
    expect(andi.lastText()).toContain('Ada stok untuk dikirim ke Serang besok?');
    expect(await inquiries()).toHaveLength(0);

    await andi.tap('📨 Kirim');
    const [saved] = await inquiries();
    expect(saved).toMatchObject({
      productId: keripik,
      exhibitorId: sriShop,
      buyerId: BigInt(andi.id),
      message: 'Ada stok untuk dikirim ke Serang besok?',
      quantity: 50,
      status: 'OPEN',
      answeredAt: null,
    });
    expect(saved?.createdAt).toEqual(NOW);
    const id = saved!.id;
    expect(andi.lastText()).toBe(
      `📨 Pertanyaan #${id} terkirim ke Keripik Tempe Bu Sri. Saya kabari begitu penjual menjawab. Semua pertanyaan Anda ada di /pesanan.`,
    );
    expect((await audits(id)).map((a) => [a.action, a.actorId])).toEqual([['inquiry.create', BigInt(andi.id)]]);

    const note = sri.lastMessage()!;
    expect(note.plain).toContain(`Pertanyaan baru #${id} untuk Keripik Tempe Bu Sri`);
    expect(note.plain).toContain('Dari: Andi Wijaya');
    expect(note.plain).toContain('Jumlah: 50 pcs');
    expect(note.plain).toContain('Ada stok untuk dikirim ke Serang besok?');
    expect(note.plain).not.toContain('andi_pembeli');
    expect(inlineButtons(note).map((b) => b.text)).toEqual(['✅ Terima', '❌ Tolak']);
    // Before the answer the buyer has not seen the exhibitor's phone anywhere.
    expect(allText(andi)).not.toContain(SRI_PHONE);
    expect(allText(andi)).not.toContain('81234567890');

    const { answer } = await sri.tap('✅ Terima', { messageId: note.messageId });
    expect(answer?.text).toBe('Diterima — kontak sudah dikirim.');
    const answered = sri.messages().find((m) => m.messageId === note.messageId)!;
    expect(answered.plain).toContain(`Anda menerima pertanyaan #${id} tentang Keripik Tempe.`);
    expect(answered.plain).toContain('Kontak pembeli: Andi Wijaya (@andi_pembeli)');
    expect(inlineButtons(answered)).toEqual([]);

    expect(andi.lastText()).toContain(`Keripik Tempe Bu Sri menerima pertanyaan #${id} Anda tentang Keripik Tempe.`);
    expect(andi.lastText()).toContain(`📱 ${SRI_PHONE}`);
    expect(andi.lastText()).toContain('👤 Bu Sri (@bu_sri)');
    expect(andi.lastText()).toContain('📍 Stan A12');

    const row = await bot.db.prisma.inquiry.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('ACCEPTED');
    expect(row.answeredAt).toEqual(NOW);
    const trail = await audits(id);
    expect(trail.map((a) => [a.action, a.actorId])).toEqual([
      ['inquiry.create', BigInt(andi.id)],
      ['inquiry.accept', BigInt(sri.id)],
    ]);
    expect(JSON.parse(trail[1]!.before!).status).toBe('OPEN');
    expect(JSON.parse(trail[1]!.after!).status).toBe('ACCEPTED');
  });

  it('answers a second answer politely and changes nothing', async () => {
    const [first] = await inquiries();
    const id = first!.id;
    const buyerMessages = andi.messages().length;
    const again = await sri.tapData(`iq:ok:${id}`);
    expect(again.answer?.text).toBe('Pertanyaan ini sudah dijawab: ✅ diterima.');
    const change = await sri.tapData(`iq:no:${id}`);
    expect(change.answer?.text).toBe('Pertanyaan ini sudah dijawab: ✅ diterima.');
    expect((await bot.db.prisma.inquiry.findUniqueOrThrow({ where: { id } })).status).toBe('ACCEPTED');
    expect(await audits(id)).toHaveLength(2);
    expect(andi.messages()).toHaveLength(buyerMessages);
  });

  it('lets only the owning exhibitor answer, and declines politely', async () => {
    const buyer = newBuyer({ username: 'pembeli_dua' });
    const id = await ask(buyer, keripik, 'Bisa kirim ke Jakarta?', '20');

    const forged = await dewi.tapData(`iq:ok:${id}`);
    expect(forged.answer?.text).toBe('Hanya pemilik usaha ini yang bisa menjawab pertanyaan ini.');
    const byBuyer = await buyer.tapData(`iq:ok:${id}`);
    expect(byBuyer.answer?.text).toBe('Hanya pemilik usaha ini yang bisa menjawab pertanyaan ini.');
    expect((await bot.db.prisma.inquiry.findUniqueOrThrow({ where: { id } })).status).toBe('OPEN');
    expect(await audits(id)).toHaveLength(1);
    expect(allText(buyer)).not.toContain(SRI_PHONE);

    const note = sri.lastMessage()!;
    expect(note.plain).toContain(`Pertanyaan baru #${id}`);
    const { answer } = await sri.tap('❌ Tolak', { messageId: note.messageId });
    expect(answer?.text).toBe('Ditolak.');
    expect(sri.messages().find((m) => m.messageId === note.messageId)?.plain).toBe(
      `❌ Anda menolak pertanyaan #${id} tentang Keripik Tempe. Pembeli sudah diberi tahu.`,
    );
    expect(buyer.lastText()).toBe(
      `Mohon maaf, Keripik Tempe Bu Sri belum dapat melayani pertanyaan #${id} Anda tentang Keripik Tempe. Silakan lihat produk lain di /katalog.`,
    );
    expect(allText(buyer)).not.toContain(SRI_PHONE);
    const row = await bot.db.prisma.inquiry.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'DECLINED', answeredAt: NOW });
    expect((await audits(id)).map((a) => a.action)).toEqual(['inquiry.create', 'inquiry.decline']);

    const late = await sri.tapData(`iq:ok:${id}`);
    expect(late.answer?.text).toBe('Pertanyaan ini sudah dijawab: ❌ ditolak.');
    expect(allText(buyer)).not.toContain(SRI_PHONE);
  });

  it('accepts once when "accept" is tapped twice at the same moment', async () => {
    const buyer = newBuyer({ username: 'pembeli_cepat' });
    const id = await ask(buyer, keripik, 'Bisa diambil sore ini?', '10');
    const note = sri.lastMessage()!;
    const before = buyer.messages().length;
    bot.sim.delay('answerCallbackQuery', 300, { times: 1 });
    const [, first, second] = await Promise.all([
      sri.tapData('x:busy'),
      sri.tap('✅ Terima', { messageId: note.messageId }),
      sri.tap('✅ Terima', { messageId: note.messageId }),
    ]);
    expect([first.answer?.text, second.answer?.text].sort()).toEqual(['Diterima — kontak sudah dikirim.', 'Pertanyaan ini sudah dijawab: ✅ diterima.']);
    expect((await audits(id)).map((a) => a.action)).toEqual(['inquiry.create', 'inquiry.accept']);
    expect(buyer.messages()).toHaveLength(before + 1);
    expect(buyer.lastText()).toContain(`📱 ${SRI_PHONE}`);
  });

  it('answers a tap on an inquiry that does not exist', async () => {
    const { answer } = await sri.tapData('iq:ok:999999');
    expect(answer?.text).toBe('Pertanyaan ini tidak ditemukan.');
  });

  it('keeps the inquiry and tells the buyer when the exhibitor blocked the bot; the exhibitor answers it later from /pesanan', async () => {
    const yanti = bot.sim.user({ id: 9404, firstName: 'Yanti', username: 'yanti_tenun' });
    const shop = await registerExhibitor(bot, yanti, { name: 'Tenun Yanti', category: 'Fashion', province: 'NTT', city: 'Kupang', phone: '081311112222' });
    const tenun = await createProduct(bot, shop, { name: 'Kain Tenun Ikat', category: 'fashion', unit: 'lembar', price: 900_000n });
    yanti.block();

    const buyer = newBuyer({ username: 'pembeli_tiga' });
    const id = await ask(buyer, tenun, 'Ada motif sumba?');
    expect(buyer.lastText()).toContain(`Pertanyaan #${id} tersimpan, tetapi Tenun Yanti belum bisa dihubungi lewat bot saat ini.`);
    expect((await bot.db.prisma.inquiry.findUniqueOrThrow({ where: { id } })).status).toBe('OPEN');
    expect(bot.sim.callsOf('sendMessage').some((call) => !call.ok && Number(call.params.chat_id) === yanti.id)).toBe(true);

    await yanti.send('/pesanan');
    const list = yanti.lastMessage()!;
    expect(list.plain).toContain('Masuk ke Tenun Yanti');
    expect(list.plain).toContain(`#${id} Kain Tenun Ikat — dari ${buyer.firstName}`);
    expect(list.plain).toContain('«Ada motif sumba?»');
    expect(list.plain).toContain('⏳ menunggu jawaban');
    expect(list.plain).not.toContain('pembeli_tiga');
    await yanti.tap(`✅ Terima #${id}`);
    expect(yanti.lastText()).toContain(`Kontak pembeli: ${buyer.firstName} (@pembeli_tiga)`);
    expect(buyer.lastText()).toContain('📱 +62 813-1111-2222');
    expect(buyer.lastText()).toContain('👤 Yanti (@yanti_tenun)');
    expect((await bot.db.prisma.inquiry.findUniqueOrThrow({ where: { id } })).status).toBe('ACCEPTED');
  });

  it('tells the buyer when the exhibitor never started the bot', async () => {
    const owner = bot.sim.user({ id: 9405, firstName: 'Pak Harto' });
    const mission = await bot.db.prisma.mission.findFirstOrThrow({ where: { status: 'ACTIVE' } });
    await bot.db.prisma.telegramUser.create({ data: { id: BigInt(owner.id), firstName: owner.firstName } });
    const shop = await bot.db.prisma.exhibitor.create({
      data: { missionId: mission.id, ownerId: BigInt(owner.id), name: 'Gerabah Harto', category: 'kerajinan', province: 'DIY', phone: '+6281300001111' },
    });
    const pot = await createProduct(bot, shop.id, { name: 'Guci Gerabah', category: 'kerajinan' });
    const buyer = newBuyer();
    const id = await ask(buyer, pot, 'Bisa pesan 3 guci?');
    expect(buyer.lastText()).toContain(`Pertanyaan #${id} tersimpan, tetapi Gerabah Harto belum bisa dihubungi lewat bot saat ini.`);
    expect(await bot.db.prisma.inquiry.count({ where: { id, status: 'OPEN' } })).toBe(1);
    expect(owner.messages()).toEqual([]);
  });

  it.each([
    ['/batal at the message', async (buyer: SimUser) => buyer.send('/batal')],
    ['the cancel button at the message', async (buyer: SimUser) => void (await buyer.tap('✖️ Batal'))],
    [
      'the cancel button at the quantity',
      async (buyer: SimUser) => {
        await buyer.send('Masih ada stok?');
        await buyer.tap('✖️ Batal');
      },
    ],
    [
      '/cancel at the confirmation',
      async (buyer: SimUser) => {
        await buyer.send('Masih ada stok?');
        await buyer.send('15');
        await buyer.send('/cancel');
      },
    ],
  ])('cancels with %s and saves nothing', async (_how, cancel) => {
    const before = await bot.db.prisma.inquiry.count();
    const buyer = newBuyer();
    await startAsking(buyer, keripik);
    await cancel(buyer);
    expect(buyer.lastText()).toBe('Dibatalkan. Tidak ada yang disimpan.');
    expect(await bot.db.prisma.inquiry.count()).toBe(before);
    // The wizard is gone: a message now is not taken as an answer.
    await buyer.send('Halo');
    expect(await bot.db.prisma.inquiry.count()).toBe(before);
  });

  it('leaves the wizard for another command and runs it', async () => {
    const before = await bot.db.prisma.inquiry.count();
    const buyer = newBuyer();
    await startAsking(buyer, keripik);
    await buyer.send('Masih ada stok?');
    await buyer.send('/katalog');
    const texts = buyer.messages().slice(-2).map((m) => m.plain);
    expect(texts[0]).toContain('Isian sebelumnya saya tutup (tidak disimpan)');
    expect(texts[1]).toContain('Katalog — Misi Dagang');
    expect(await bot.db.prisma.inquiry.count()).toBe(before);
  });

  it('refuses bad answers with the reason, saving nothing, and goes on when corrected', async () => {
    const before = await bot.db.prisma.inquiry.count();
    const buyer = newBuyer();
    await startAsking(buyer, keripik);
    await buyer.send('ab');
    expect(buyer.lastText()).toBe('Pesannya terlalu pendek — paling sedikit 3 karakter.');
    await buyer.send('x'.repeat(501));
    expect(buyer.lastText()).toBe('Pesannya terlalu panjang — paling banyak 500 karakter. Persingkat, ya.');
    await buyer.sendPhoto();
    expect(buyer.lastText()).toBe('Mohon jawab dengan teks, ya.');
    await buyer.send('Harga grosir untuk 100 pcs berapa?');
    expect(buyer.lastText()).toContain('2/2');

    for (const [typed, reason] of [
      ['0', 'Jumlahnya harus lebih dari 0.'],
      ['abc', 'Jumlahnya tidak terbaca sebagai angka. Ketik angka bulat, misalnya 50.'],
      ['2,5', 'Jumlahnya harus angka bulat, misalnya 50.'],
      ['5', 'Jumlahnya di bawah minimal pesan produk ini.'],
      ['2000000', 'Jumlahnya terlalu besar (paling banyak 1.000.000).'],
    ] as const) {
      await buyer.send(typed);
      expect(buyer.lastText()).toBe(`${reason}\nMinimal 10 pcs. Atau tekan Lewati.`);
    }
    await buyer.sendPhoto();
    expect(buyer.lastText()).toBe('Mohon jawab dengan teks, ya.');
    expect(await bot.db.prisma.inquiry.count()).toBe(before);

    await buyer.send('100 pcs');
    expect(buyer.lastText()).toContain('Jumlah: 100 pcs');
    // Typing at the confirmation is not a confirmation.
    await buyer.send('ya');
    expect(buyer.lastText()).toBe('Tekan salah satu tombol di atas, atau ketik /batal.');
    expect(await bot.db.prisma.inquiry.count()).toBe(before);
    await buyer.tap('📨 Kirim');
    const row = await bot.db.prisma.inquiry.findFirstOrThrow({ where: { buyerId: BigInt(buyer.id) } });
    expect(row).toMatchObject({ message: 'Harga grosir untuk 100 pcs berapa?', quantity: 100 });
  });

  it('takes a question without a quantity', async () => {
    const buyer = newBuyer();
    await startAsking(buyer, batik);
    await buyer.send('Ukuran kainnya berapa?');
    await buyer.tap('Lewati ⏭');
    expect(buyer.lastText()).toContain('Jumlah: —');
    await buyer.tap('📨 Kirim');
    const row = await bot.db.prisma.inquiry.findFirstOrThrow({ where: { buyerId: BigInt(buyer.id) } });
    expect(row).toMatchObject({ productId: batik, quantity: null, message: 'Ukuran kainnya berapa?' });
    expect(dewi.lastText()).toContain('Jumlah: —');
  });

  it('sends once when "send" is tapped twice at the same moment', async () => {
    const buyer = newBuyer();
    await startAsking(buyer, batik);
    await buyer.send('Ada warna biru?');
    await buyer.send('2');
    // A slow answer to an earlier tap keeps the bot busy, so both "send" taps wait in the same
    // batch of updates and are handled at the same time: only one of them may send.
    bot.sim.delay('answerCallbackQuery', 300, { times: 1 });
    const [, first, second] = await Promise.all([buyer.tapData('x:busy'), buyer.tap('📨 Kirim'), buyer.tap('📨 Kirim')]);
    expect(await bot.db.prisma.inquiry.count({ where: { buyerId: BigInt(buyer.id) } })).toBe(1);
    expect([first.answer?.text, second.answer?.text]).toContain('Pertanyaan ini sudah terkirim.');
    const late = await buyer.tapData(first.data, { messageId: first.message.messageId });
    expect(late.answer?.text).toBe('Pertanyaan ini sudah terkirim.');
    expect(await bot.db.prisma.inquiry.count({ where: { buyerId: BigInt(buyer.id) } })).toBe(1);
  });

  it('continues where it was after a restart', async () => {
    const buyer = newBuyer();
    await startAsking(buyer, keripik);
    await buyer.send('Bisa COD di stan?');
    await bot.restart();
    await buyer.send('30');
    expect(buyer.lastText()).toContain('Jumlah: 30 pcs');
    await buyer.tap('📨 Kirim');
    expect(await bot.db.prisma.inquiry.count({ where: { buyerId: BigInt(buyer.id), quantity: 30 } })).toBe(1);
  });

  it('does not let an exhibitor ask about their own product', async () => {
    const before = await bot.db.prisma.inquiry.count();
    await startAsking(sri, keripik);
    expect(sri.lastText()).toBe('Ini produk Anda sendiri — pembeli yang akan bertanya di sini 🙂');
    await sri.send('Halo');
    expect(await bot.db.prisma.inquiry.count()).toBe(before);
  });

  it('answers "ask" on a product that was taken down in the meantime', async () => {
    const gone = await createProduct(bot, sriShop, { name: 'Keripik Musiman' });
    const buyer = newBuyer();
    await buyer.send(`/start p_${gone}`);
    await bot.db.prisma.product.update({ where: { id: gone }, data: { active: false } });
    const { answer } = await buyer.tap(/^💬 /);
    expect(answer?.text).toBe('Produk ini sudah tidak tersedia.');
    expect(await bot.db.prisma.inquiry.count({ where: { productId: gone } })).toBe(0);
  });

  it('lists open and past inquiries on both sides with /pesanan, contacts only where accepted', async () => {
    const shown = andi.messages().length;
    await andi.send('/pesanan');
    const mine = andi.lastText() ?? '';
    expect(mine).toContain('Yang Anda tanyakan');
    expect(mine).toMatch(/#\d+ Keripik Tempe — Keripik Tempe Bu Sri · 50 pcs\n\s+✅ diterima · 📱 \+62 812-3456-7890/);
    // Andi only buys: one message, no exhibitor section.
    expect(andi.messages()).toHaveLength(shown + 1);
    expect(mine).not.toContain('Masuk ke');

    const buyer = newBuyer({ username: 'pembeli_open' });
    const open = await ask(buyer, keripik, 'Masih buka sampai sore?', '10');
    await buyer.send('/pesanan');
    expect(buyer.lastText()).toContain(`#${open} Keripik Tempe — Keripik Tempe Bu Sri · 10 pcs`);
    expect(buyer.lastText()).toContain('⏳ menunggu jawaban');
    expect(buyer.lastText()).not.toContain(SRI_PHONE);

    await sri.send('/pesanan');
    const received = sri.lastMessage()!;
    expect(received.plain).toContain('Masuk ke Keripik Tempe Bu Sri');
    expect(received.plain).toContain('dari Andi Wijaya (@andi_pembeli) · 50 pcs');
    expect(received.plain).toContain(`#${open} Keripik Tempe — dari ${buyer.firstName} · 10 pcs`);
    expect(received.plain).not.toContain('pembeli_open');
    expect(received.plain).toContain('❌ ditolak');
    expect(inlineButtons(received).map((b) => b.text)).toContain(`❌ Tolak #${open}`);
    // Sri never asked anything herself: one message, her inquiries only.
    expect(received.plain).toContain('📨 Pertanyaan & pesanan');
    expect(received.plain).not.toContain('Yang Anda tanyakan');
  });

  it('speaks English to English-speaking users, each in their own language', async () => {
    const tom = newBuyer({ languageCode: 'en', username: 'tom_buyer' });
    await tom.send(`/start p_${batik}`);
    await tom.tap('💬 Ask / order');
    expect(tom.lastText()).toContain('Ask / order: Batik Tulis (Batik Dewi)');
    await tom.send('Do you ship to Singapore?');
    await tom.tap('Skip ⏭');
    await tom.tap('📨 Send');
    expect(tom.lastText()).toContain('was sent to Batik Dewi');
    // Dewi speaks Indonesian.
    expect(dewi.lastText()).toContain('Pertanyaan baru');
    await dewi.tap('✅ Terima');
    expect(tom.lastText()).toContain('Batik Dewi accepted your inquiry');
    expect(tom.lastText()).toContain('📱 +62 812-9876-5432');
    await tom.send('/inquiries');
    expect(tom.lastText()).toContain('✅ accepted · 📱 +62 812-9876-5432');
  });

  it('keeps /pesanan out of groups', async () => {
    const group = bot.sim.group({ title: 'Pembeli' });
    await andi.send('/pesanan', { chat: group });
    expect(group.lastText()).toBe('Perintah ini hanya bisa dipakai di chat pribadi dengan bot.');
  });
});
