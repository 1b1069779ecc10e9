/**
 * Business matching end to end: an official opens a session in /misi, a
 * buyer books a free slot with a note (from /temu or the product card), the
 * exhibitor accepts and both get the confirmation, an .ics file (parsed
 * back) and a reminder 15 minutes before, through the outbox; a buyer who
 * loses a race for a slot is offered the slots still free; decline and
 * cancel free the slot; /jadwal lists meetings and the officials' plan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { inlineButtons } from '../../src/simulator/sim-user.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { NOW, createMission, createProduct, registerExhibitor } from '../support/catalog-fixtures.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { outboxDrained, testClock } from '../support/push-fixtures.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { meetingOutcomeTick } from '../../src/jobs/meeting-outcomes.js';
import { createLogger } from '../../src/logger.js';

const buttonsOf = (user: SimUser) => inlineButtons(user.lastMessage()!).map((b) => b.text);

describe.each(TEST_PROVIDERS)('business matching on %s', (provider) => {
  let bot: TestBot;
  let official: SimUser;
  let sri: SimUser;
  let sriShop: number;
  let keripik: number;
  let andi: SimUser;
  let budi: SimUser;
  const clock = testClock(NOW.toISOString());

  const meetings = () => bot.db.prisma.meeting.findMany({ orderBy: { id: 'asc' } });
  const claims = (meetingId: number) => bot.db.prisma.meetingSlotClaim.count({ where: { meetingId } });

  /** /temu keripik → today → a slot: leaves the buyer at the note step. */
  async function pickSlot(buyer: SimUser, time: string): Promise<void> {
    await buyer.send('/temu keripik');
    await buyer.tap('26 Nov 2026');
    await buyer.tap(time);
  }

  beforeAll(async () => {
    // createMission makes the default official's simulated user; this one is an official from ADMIN_TELEGRAM_IDS too.
    bot = await startTestBot(provider, { now: clock.now, adminIds: [7005] });
    await createMission(bot);
    official = bot.sim.user({ id: 7005, firstName: 'Bu Rina' });
    sri = bot.sim.user({ id: 9701, firstName: 'Bu', lastName: 'Sri' });
    sriShop = await registerExhibitor(bot, sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890', booth: 'A12' });
    keripik = await createProduct(bot, sriShop, { name: 'Keripik Tempe', price: 15_000n });
    andi = bot.sim.user({ id: 9702, firstName: 'Andi', lastName: 'Wijaya' });
    budi = bot.sim.user({ id: 9703, firstName: 'Budi', lastName: 'Santoso' });
  });
  afterAll(async () => bot?.stop());

  it('shows no meeting button and refuses /temu before any session exists', async () => {
    await andi.send(`/start p_${keripik}`);
    expect(buttonsOf(andi)).toEqual(['💬 Tanya / pesan', '⬅️ Kembali']);
    await andi.send('/temu keripik');
    expect(andi.lastText()).toBe('Belum ada sesi temu bisnis yang dibuka untuk misi ini.');
  });

  it('lets only officials open a session, and explains a spec it cannot read', async () => {
    await andi.send('/misi temu hari ini 13:00-15:00 30 2');
    expect(andi.lastText()).toContain('Perintah ini khusus petugas misi');
    await official.send('/misi temu hari ini 15:00-13:00 30 2');
    expect(official.lastText()).toContain('Jam selesai harus setelah jam mulai.');
    await official.send('/misi temu 01/12 13:00-15:00 30 2');
    expect(official.lastText()).toContain('Harinya di luar tanggal misi.');
    expect(await bot.db.prisma.matchingSession.count()).toBe(0);

    await official.send('/misi temu hari ini 13:00-15:00 30 2');
    expect(official.lastText()).toContain('Sesi temu bisnis dibuat');
    expect(official.lastText()).toContain('13:00–15:00 · 30 menit per slot · 4 slot per hari');
    expect(official.lastText()).toContain('2 meja');
    expect(await bot.db.prisma.matchingSession.findMany()).toEqual([
      expect.objectContaining({ days: '2026-11-26', startTime: '13:00', endTime: '15:00', slotMinutes: 30, tableCount: 2 }),
    ]);
  });

  it('books a slot with a note; the exhibitor accepts; both get the confirmation, the .ics and the reminder', async () => {
    await andi.send(`/start p_${keripik}`);
    expect(buttonsOf(andi)).toEqual(['💬 Tanya / pesan', '🤝 Ajak bertemu', '⬅️ Kembali']);
    await andi.tap('🤝 Ajak bertemu');
    expect(andi.lastText()).toBe('🤝 Temu bisnis dengan Keripik Tempe Bu Sri — pilih hari:');
    await andi.tap('26 Nov 2026');
    expect(buttonsOf(andi)).toEqual(['13:00', '13:30', '14:00', '14:30']);
    await andi.tap('13:30');
    expect(andi.lastText()).toContain('26 Nov 2026, 13:30 WIB dengan Keripik Tempe Bu Sri');
    await andi.send('ok');
    expect(andi.lastText()).toBe('Catatannya terlalu pendek — paling sedikit 3 karakter.');
    expect(await meetings()).toHaveLength(0);
    await andi.send('Mau 500 bungkus untuk toko di Serang');
    const [meeting] = await meetings();
    expect(meeting).toMatchObject({ exhibitorId: sriShop, buyerId: BigInt(andi.id), status: 'REQUESTED', tableNo: 1, day: '2026-11-26', note: 'Mau 500 bungkus untuk toko di Serang' });
    expect(meeting!.slotStart.toISOString()).toBe('2026-11-26T06:30:00.000Z');
    expect(await claims(meeting!.id)).toBe(3);
    expect(andi.lastText()).toContain(`Permintaan temu #${meeting!.id} terkirim ke Keripik Tempe Bu Sri (26 Nov 2026, 13:30–14:00 WIB)`);

    await outboxDrained(bot.db.prisma);
    const request = sri.lastMessage()!;
    expect(request.plain).toContain(`Permintaan temu bisnis #${meeting!.id}`);
    expect(request.plain).toContain('Dari: Andi Wijaya');
    expect(request.plain).toContain('🪑 Meja 1 · Stan A12');
    expect(request.plain).toContain('Mau 500 bungkus untuk toko di Serang');

    const forged = await andi.tapData(`mt:ok:${meeting!.id}`);
    expect(forged.answer?.text).toBe('Hanya pihak dalam temu ini yang bisa mengubahnya.');
    expect((await meetings())[0]?.status).toBe('REQUESTED');

    const andiSince = andi.messages().length;
    const { answer } = await sri.tap('✅ Setuju', { messageId: request.messageId });
    expect(answer?.text).toBe('Disetujui — kedua pihak sudah diberi tahu.');
    expect((await meetings())[0]?.status).toBe('ACCEPTED');
    await outboxDrained(bot.db.prisma);
    const got = andi.messages().slice(andiSince);
    const confirmed = got.find((m) => m.plain.includes('disetujui'))!;
    expect(confirmed.plain).toContain('26 Nov 2026, 13:30–14:00 WIB');
    expect(confirmed.plain).toContain('🪑 Meja 1 · Stan A12');
    expect(confirmed.plain).toContain('👤 Keripik Tempe Bu Sri (Bu Sri)');
    const ics = got.find((m) => m.document?.filename === `temu-${meeting!.id}.ics`)!.document!.bytes!.toString('utf8').replace(/\r\n /g, '');
    expect(ics).toContain('DTSTART:20261126T063000Z');
    expect(ics).toContain('DTEND:20261126T070000Z');
    expect(ics).toContain('LOCATION:Meja 1\\, Serang');
    expect(sri.messages().some((m) => m.document?.filename === `temu-${meeting!.id}.ics`)).toBe(true);
    const reminders = await bot.db.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `meet:${meeting!.id}:remind:` } } });
    expect(reminders).toHaveLength(2);
    for (const reminder of reminders) expect(reminder.notBefore.toISOString()).toBe('2026-11-26T06:15:00.000Z');

    const again = await sri.tap('✅ Setuju', { messageId: request.messageId }).catch(() => undefined);
    expect(again).toBeUndefined(); // the answered request has no buttons left
  });

  it('offers a buyer only the slots where the exhibitor is free, and offers the rest to one who loses a race', async () => {
    await pickSlot(budi, '14:00');
    const cici = bot.sim.user({ id: 9704, firstName: 'Cici' });
    await cici.send('/temu keripik');
    await cici.tap('26 Nov 2026');
    expect(buttonsOf(cici)).toEqual(['13:00', '14:00', '14:30']);
    await cici.tap('14:00');
    await budi.send('Kontrak 2 ton per bulan');
    expect(budi.lastText()).toContain('terkirim ke Keripik Tempe Bu Sri');
    await cici.send('Mau jadi reseller di Cilegon');
    const taken = cici.messages().slice(-2).map((m) => m.plain);
    expect(taken[0]).toBe('Maaf, slot itu baru saja terisi. Pilih jam lain:');
    expect(buttonsOf(cici)).toEqual(['13:00', '14:30']);
    expect((await meetings()).map((m) => m.buyerId)).toEqual([BigInt(andi.id), BigInt(budi.id)]);
  });

  it('frees the slot when the exhibitor declines', async () => {
    const budiMeeting = (await meetings())[1]!;
    await outboxDrained(bot.db.prisma);
    await sri.tap('❌ Tolak');
    expect((await meetings())[1]?.status).toBe('DECLINED');
    expect(await claims(budiMeeting.id)).toBe(0);
    await outboxDrained(bot.db.prisma);
    expect(budi.lastText()).toContain(`Mohon maaf, Keripik Tempe Bu Sri belum bisa bertemu pada 26 Nov 2026, 14:00–14:30 WIB (temu #${budiMeeting.id})`);
  });

  it('/jadwal lists my meetings and the officials\' plan by table; cancelling tells the other side and frees the slot', async () => {
    const meeting = (await meetings())[0]!;
    await official.send('/jadwal');
    const plan = official.lastText()!;
    expect(plan).toContain('Rencana temu bisnis 26 Nov 2026 — 1 temu');
    expect(plan).toContain('Meja 1');
    expect(plan).toContain('13:30–14:00 WIB · Keripik Tempe Bu Sri ↔ Andi Wijaya · ✅ disetujui');

    await andi.send('/jadwal');
    expect(andi.lastText()).toContain(`#${meeting.id} · 26 Nov 2026, 13:30–14:00 WIB · ✅ disetujui`);
    expect(andi.lastText()).toContain('Keripik Tempe Bu Sri (Bu Sri) · Meja 1');
    const stranger = await budi.tapData(`mt:c:${meeting.id}`);
    expect(stranger.answer?.text).toBe('Hanya pihak dalam temu ini yang bisa mengubahnya.');
    const { answer } = await andi.tap(`🚫 Batalkan #${meeting.id}`);
    expect(answer?.text).toBe('Dibatalkan — pihak lain sudah diberi tahu.');
    expect(andi.lastText()).toBe(`🚫 Temu #${meeting.id} (26 Nov 2026, 13:30–14:00 WIB) dibatalkan. Slotnya kembali kosong.`);
    expect((await meetings())[0]?.status).toBe('CANCELLED');
    expect(await claims(meeting.id)).toBe(0);
    await outboxDrained(bot.db.prisma);
    expect(sri.lastText()).toBe(`🚫 Andi Wijaya membatalkan temu #${meeting.id} (26 Nov 2026, 13:30–14:00 WIB).`);
    const twice = await andi.tapData(`mt:c:${meeting.id}`);
    expect(twice.answer?.text).toBe('Temu ini sudah dibatalkan.');

    await budi.send('/temu keripik');
    await budi.tap('26 Nov 2026');
    expect(buttonsOf(budi)).toEqual(['13:00', '13:30', '14:00', '14:30']);
  });

  it('asks both sides for the outcome once the slot is over; a deal becomes a report in one tap that remembers the meeting', async () => {
    const tick = () => meetingOutcomeTick({ repos: createRepositories(bot.db), logger: createLogger({ level: 'silent' }) }, clock.now());
    await pickSlot(budi, '13:00');
    await budi.send('Kontrak 2 ton per bulan');
    const meeting = (await meetings()).at(-1)!;
    await outboxDrained(bot.db.prisma);
    await sri.tap('✅ Setuju');
    await outboxDrained(bot.db.prisma);

    // 13:25 WIB: the slot is not over yet.
    clock.set('2026-11-26T06:25:00Z');
    expect(await tick()).toBe(0);
    clock.set('2026-11-26T06:30:00Z');
    // The bot's own minute schedule may ask first; either way the question goes out once per side.
    await tick();
    expect(await tick()).toBe(0);
    expect(await bot.db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `meet:${meeting.id}:outcome:` } } })).toBe(2);
    await outboxDrained(bot.db.prisma);
    expect(budi.lastText()).toBe(`🤝 Bagaimana hasil temu bisnis #${meeting.id} dengan Keripik Tempe Bu Sri (26 Nov 2026, 13:00–13:30 WIB)?`);
    expect(sri.lastText()).toContain(`hasil temu bisnis #${meeting.id} dengan Budi Santoso`);
    expect(buttonsOf(sri)).toEqual(['🤝 Deal', '🔁 Ditindaklanjuti', '🙅 Tidak berminat']);

    const outsider = await andi.tapData(`mt:o:${meeting.id}:d`);
    expect(outsider.answer?.text).toBe('Hanya pihak dalam temu ini yang bisa mengubahnya.');
    await budi.tap('🔁 Ditindaklanjuti');
    expect(await bot.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ status: 'HELD', outcome: 'FOLLOW_UP' });

    await sri.tap('🤝 Deal');
    expect(sri.lastText()).toContain(`Deal dengan Budi Santoso (temu #${meeting.id})`);
    await sri.tap('📝 Pesanan / kontrak');
    expect(sri.lastText()).toContain('Berapa nilainya?');
    await sri.send('banyak sekali');
    expect(sri.lastText()).toContain('Jumlahnya tidak terbaca.');
    await sri.send('25 jt');
    expect(await bot.db.prisma.saleReport.count()).toBe(0);
    expect(sri.lastText()).toContain('Rp25.000.000');
    expect(sri.lastText()).toContain('Budi Santoso');
    await sri.tap(/Simpan/);
    const [report] = await bot.db.prisma.saleReport.findMany();
    expect(report).toMatchObject({ amount: 25_000_000n, kind: 'ORDER', buyerName: 'Budi Santoso', exhibitorId: sriShop });
    expect(await bot.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).toMatchObject({ outcome: 'DEAL', saleReportId: report!.id });
  });
});
