/**
 * Business matching, the exhibitor's third answer: instead of accepting or
 * declining a request, the exhibitor proposes another free slot of the
 * session (day, then time, on the request's own message); the meeting and
 * its slot claims move there in one transaction; the buyer is told through
 * the outbox and confirms (then both get the confirmation, the .ics file
 * and the reminder, as on accept) or declines (the slot is freed and the
 * exhibitor told). A slot taken meanwhile, by a racing request too, leaves
 * exactly one winner; only the exhibitor's owner proposes, only the buyer
 * confirms; the notices survive 429 and 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import type { SimMessage } from '../../src/simulator/sim-types.js';
import { inlineButtons } from '../../src/simulator/sim-user.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { NOW, createMission, registerExhibitor } from '../support/catalog-fixtures.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { outboxDrained, testClock } from '../support/push-fixtures.js';

const buttonsOf = (message: SimMessage | undefined) => (message ? inlineButtons(message).map((b) => b.text) : []);
/** A slot's callback form: its start in epoch minutes. */
const minutes = (iso: string) => new Date(iso).getTime() / 60_000;

const NOT_PARTY = 'Hanya pihak dalam temu ini yang bisa mengubahnya.';
const ICS_LINE_FOLD = /\r\n /g;

describe.each(TEST_PROVIDERS)('proposing another meeting time on %s', (provider) => {
  let bot: TestBot;
  let official: SimUser;
  let sri: SimUser;
  let sriShop: number;
  let andi: SimUser;
  let budi: SimUser;
  let cici: SimUser;
  let dodi: SimUser;
  const clock = testClock(NOW.toISOString());

  const meeting = (id: number) => bot.db.prisma.meeting.findUniqueOrThrow({ where: { id } });
  const claimsOf = (id: number) => bot.db.prisma.meetingSlotClaim.findMany({ where: { meetingId: id }, orderBy: { party: 'asc' } });
  /** The bot message with this id in the user's chat, as it reads now (edits included). */
  const messageOf = (user: SimUser, messageId: number) => user.messages().find((m) => m.messageId === messageId);

  /** /temu keripik → a day → a time: leaves the buyer at the note step. */
  async function pickSlot(buyer: SimUser, day: string, time: string): Promise<void> {
    await buyer.send('/temu keripik');
    await buyer.tap(day);
    await buyer.tap(time);
  }

  /** A buyer's request, sent; returns the meeting and the request message the exhibitor got. */
  async function request(buyer: SimUser, day: string, time: string, note: string): Promise<{ id: number; message: SimMessage }> {
    await pickSlot(buyer, day, time);
    await buyer.send(note);
    const row = await bot.db.prisma.meeting.findFirstOrThrow({ where: { buyerId: BigInt(buyer.id) }, orderBy: { id: 'desc' } });
    await outboxDrained(bot.db.prisma);
    const message = sri.messages().findLast((m) => m.plain.includes(`Permintaan temu bisnis #${row.id}`))!;
    expect(message, 'the exhibitor got the request').toBeDefined();
    return { id: row.id, message };
  }

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now, adminIds: [7105] });
    await createMission(bot);
    official = bot.sim.user({ id: 7105, firstName: 'Bu Rina' });
    sri = bot.sim.user({ id: 9801, firstName: 'Bu', lastName: 'Sri' });
    sriShop = await registerExhibitor(bot, sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890', booth: 'A12' });
    andi = bot.sim.user({ id: 9802, firstName: 'Andi', lastName: 'Wijaya' });
    budi = bot.sim.user({ id: 9803, firstName: 'Budi', lastName: 'Santoso', languageCode: 'en' });
    cici = bot.sim.user({ id: 9804, firstName: 'Cici' });
    dodi = bot.sim.user({ id: 9805, firstName: 'Dodi' });
    // Two days, 13:00–15:00 WIB, 30-minute slots, two tables.
    await official.send('/misi temu 26/11-27/11 13:00-15:00 30 2');
    expect(official.lastText()).toContain('Sesi temu bisnis dibuat');
  });
  afterAll(async () => bot?.stop());

  it('proposes another day and time; the buyer confirms; both get the confirmation, the .ics and the reminder', async () => {
    const { id, message } = await request(andi, '26 Nov 2026', '13:30', 'Mau 500 bungkus untuk toko di Serang');
    expect(buttonsOf(message)).toEqual(['✅ Setuju', '❌ Tolak', '🕑 Usulkan waktu lain']);

    // The buyer's own taps on the exhibitor's buttons are refused.
    expect((await andi.tapData(`mt:p:${id}`)).answer).toEqual({ text: NOT_PARTY, show_alert: true });
    expect((await andi.tapData(`mt:ps:${id}:${minutes('2026-11-27T06:00:00Z')}`)).answer?.text).toBe(NOT_PARTY);

    await sri.tap('🕑 Usulkan waktu lain', { messageId: message.messageId });
    let picker = messageOf(sri, message.messageId)!;
    expect(picker.plain).toContain(`Usulkan waktu lain untuk temu #${id} dengan Andi Wijaya`);
    expect(picker.plain).toContain('Diminta: 26 Nov 2026, 13:30–14:00 WIB');
    // The requested slot is left out of its day: three of four.
    expect(buttonsOf(picker)).toEqual(['26 Nov 2026 · 3 slot kosong', '27 Nov 2026 · 4 slot kosong', '⬅️ Kembali']);

    // Back: the request as it was, with its three answers.
    await sri.tap('⬅️ Kembali', { messageId: message.messageId });
    expect(messageOf(sri, message.messageId)!.plain).toContain(`Permintaan temu bisnis #${id}`);
    expect(buttonsOf(messageOf(sri, message.messageId))).toEqual(['✅ Setuju', '❌ Tolak', '🕑 Usulkan waktu lain']);

    await sri.tap('🕑 Usulkan waktu lain', { messageId: message.messageId });
    await sri.tap('27 Nov 2026 · 4 slot kosong', { messageId: message.messageId });
    picker = messageOf(sri, message.messageId)!;
    expect(picker.plain).toContain('27 Nov 2026 — pilih jam');
    expect(buttonsOf(picker)).toEqual(['13:00', '13:30', '14:00', '14:30', '📅 Hari lain', '⬅️ Kembali']);
    const { answer } = await sri.tap('14:00', { messageId: message.messageId });
    expect(answer?.text).toBe('Usulan terkirim — menunggu jawaban pembeli.');
    const proposed = messageOf(sri, message.messageId)!;
    expect(proposed.plain).toContain(`Anda mengusulkan waktu lain untuk temu #${id} dengan Andi Wijaya`);
    expect(proposed.plain).toContain('27 Nov 2026, 14:00–14:30 WIB (semula 26 Nov 2026, 13:30 WIB)');
    expect(proposed.plain).toContain('🪑 Meja 1 · Stan A12');
    expect(buttonsOf(proposed)).toEqual([]);

    // The meeting and its three claims moved to the proposed slot, together.
    const row = await meeting(id);
    expect(row).toMatchObject({ status: 'PROPOSED', day: '2026-11-27', tableNo: 1 });
    expect(row.slotStart.toISOString()).toBe('2026-11-27T07:00:00.000Z');
    expect(row.requestedSlotStart?.toISOString()).toBe('2026-11-26T06:30:00.000Z');
    const claims = await claimsOf(id);
    expect(claims.map((c) => c.party)).toEqual([`b${andi.id}`, 't1', `x${sriShop}`]);
    expect(claims.every((c) => c.slotStart.toISOString() === '2026-11-27T07:00:00.000Z')).toBe(true);
    expect(await bot.db.prisma.auditLog.count({ where: { action: 'meeting.proposed', entityId: String(id) } })).toBe(1);

    // A second tap of a slot, or of the old answers, gets the polite "already" answer and changes nothing.
    const again = await sri.tapData(`mt:ps:${id}:${minutes('2026-11-27T06:00:00Z')}`);
    expect(again.answer?.text).toBe('Waktu lain sudah diusulkan untuk temu ini; menunggu jawaban pembeli.');
    expect((await sri.tapData(`mt:ok:${id}`)).answer?.text).toBe('Waktu lain sudah diusulkan untuk temu ini; menunggu jawaban pembeli.');
    expect((await meeting(id)).slotStart.toISOString()).toBe('2026-11-27T07:00:00.000Z');

    // The buyer's notice: day, time, table, the exhibitor's name, and the two answers.
    await outboxDrained(bot.db.prisma);
    const notice = andi.messages().find((m) => m.plain.includes(`mengusulkan waktu lain untuk temu bisnis #${id}`))!;
    expect(notice.plain).toContain('Keripik Tempe Bu Sri (Bu Sri) mengusulkan waktu lain');
    expect(notice.plain).toContain('📅 27 Nov 2026, 14:00–14:30 WIB');
    expect(notice.plain).toContain('🪑 Meja 1 · Stan A12');
    expect(notice.plain).toContain('Anda meminta 26 Nov 2026, 13:30 WIB');
    expect(buttonsOf(notice)).toEqual(['✅ Setuju', '❌ Tolak']);

    // /jadwal shows the state on both sides, the buyer can confirm there too; the officials' plan of that day shows it.
    await andi.send('/jadwal');
    expect(andi.lastText()).toContain(`#${id} · 27 Nov 2026, 14:00–14:30 WIB · 🕑 diusulkan waktu lain, menunggu jawaban pembeli`);
    expect(buttonsOf(andi.lastMessage())).toEqual([`✅ Setujui waktu #${id}`, `🚫 Batalkan #${id}`]);
    await sri.send('/jadwal');
    expect(sri.lastText()).toContain(`#${id} · 27 Nov 2026, 14:00–14:30 WIB · 🕑 diusulkan waktu lain, menunggu jawaban pembeli`);
    expect(buttonsOf(sri.lastMessage())).toEqual([`🚫 Batalkan #${id}`]);
    await official.send('/jadwal 27/11');
    expect(official.lastText()).toContain('Rencana temu bisnis 27 Nov 2026 — 1 temu');
    expect(official.lastText()).toContain('14:00–14:30 WIB · Keripik Tempe Bu Sri ↔ Andi Wijaya · 🕑 diusulkan waktu lain, menunggu jawaban pembeli');

    // Only the buyer confirms.
    expect((await sri.tapData(`mt:pc:${id}`)).answer).toEqual({ text: NOT_PARTY, show_alert: true });
    expect((await meeting(id)).status).toBe('PROPOSED');

    const andiSince = andi.messages().length;
    const sriSince = sri.messages().length;
    const confirmed = await andi.tap('✅ Setuju', { messageId: notice.messageId });
    expect(confirmed.answer?.text).toBe('Disetujui — kedua pihak sudah diberi tahu.');
    expect(messageOf(andi, notice.messageId)!.plain).toBe(
      `✅ Anda menyetujui temu #${id} dengan Keripik Tempe Bu Sri pada 27 Nov 2026, 14:00–14:30 WIB. Konfirmasi dan file kalender menyusul.`,
    );
    expect(await meeting(id)).toMatchObject({ status: 'ACCEPTED', day: '2026-11-27' });
    expect(await claimsOf(id)).toHaveLength(3);

    await outboxDrained(bot.db.prisma);
    const toAndi = andi.messages().slice(andiSince);
    const toSri = sri.messages().slice(sriSince);
    const andiConfirmation = toAndi.find((m) => m.plain.includes(`Temu bisnis #${id} disetujui`))!;
    expect(andiConfirmation.plain).toContain('27 Nov 2026, 14:00–14:30 WIB');
    expect(andiConfirmation.plain).toContain('👤 Keripik Tempe Bu Sri (Bu Sri)');
    expect(toSri.find((m) => m.plain.includes(`Temu bisnis #${id} disetujui`))!.plain).toContain('👤 Andi Wijaya');
    for (const side of [toAndi, toSri]) {
      const ics = side.find((m) => m.document?.filename === `temu-${id}.ics`)!.document!.bytes!.toString('utf8').replace(ICS_LINE_FOLD, '');
      expect(ics).toContain('DTSTART:20261127T070000Z');
      expect(ics).toContain('DTEND:20261127T073000Z');
      expect(ics).toContain('LOCATION:Meja 1\\, Serang');
    }
    const reminders = await bot.db.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `meet:${id}:remind:` } } });
    expect(reminders).toHaveLength(2);
    for (const reminder of reminders) expect(reminder.notBefore.toISOString()).toBe('2026-11-27T06:45:00.000Z');

    // Tapped twice (the /jadwal button too): already accepted, nothing sent again.
    expect((await andi.tapData(`mt:pc:${id}`)).answer?.text).toBe('Temu ini sudah disetujui.');
    expect((await andi.tapData(`mt:pr:${id}`)).answer?.text).toBe('Temu ini sudah disetujui.');
    expect(await bot.db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `meet:${id}:ok:` } } })).toBe(2);
  });

  it('an English buyer declines the proposed time: the meeting is declined, the slot freed and the exhibitor told', async () => {
    const { id, message } = await request(budi, '26 Nov 2026', '13:00', 'Contract 2 tons a month');
    await sri.tap('🕑 Usulkan waktu lain', { messageId: message.messageId });
    // Sri meets Andi on the 27th at 14:00: that day has three free slots left.
    expect(buttonsOf(messageOf(sri, message.messageId))).toEqual(['26 Nov 2026 · 3 slot kosong', '27 Nov 2026 · 3 slot kosong', '⬅️ Kembali']);
    await sri.tap('26 Nov 2026 · 3 slot kosong', { messageId: message.messageId });
    expect(buttonsOf(messageOf(sri, message.messageId))).toEqual(['13:30', '14:00', '14:30', '📅 Hari lain', '⬅️ Kembali']);
    await sri.tap('14:30', { messageId: message.messageId });
    expect(await meeting(id)).toMatchObject({ status: 'PROPOSED', day: '2026-11-26' });

    await outboxDrained(bot.db.prisma);
    const notice = budi.lastMessage()!;
    expect(notice.plain).toContain(`Keripik Tempe Bu Sri (Bu Sri) proposes another time for business meeting #${id}`);
    expect(notice.plain).toContain('📅 26 Nov 2026, 14:30–15:00 WIB');
    expect(notice.plain).toContain('🪑 Table 1 · Booth A12');
    expect(notice.plain).toContain('You asked for 26 Nov 2026, 13:00 WIB');
    expect(buttonsOf(notice)).toEqual(['✅ Confirm', '❌ Decline']);

    const { answer } = await budi.tap('❌ Decline', { messageId: notice.messageId });
    expect(answer?.text).toBe('Declined — the exhibitor was told.');
    expect(messageOf(budi, notice.messageId)!.plain).toContain(`You declined the time Keripik Tempe Bu Sri proposed for meeting #${id}`);
    expect((await meeting(id)).status).toBe('DECLINED');
    expect(await claimsOf(id)).toEqual([]);
    await outboxDrained(bot.db.prisma);
    expect(sri.lastText()).toBe(`❌ Budi Santoso menolak waktu yang Anda usulkan untuk temu #${id} (26 Nov 2026, 14:30–15:00 WIB). Slotnya kembali kosong.`);
    expect((await budi.tapData(`mt:pr:${id}`)).answer?.text).toBe('This meeting is already declined.');

    // Both the asked-for and the proposed slot are free again.
    await cici.send('/temu keripik');
    await cici.tap('26 Nov 2026');
    expect(buttonsOf(cici.lastMessage())).toEqual(['13:00', '13:30', '14:00', '14:30']);
  });

  it('refuses everyone but the exhibitor\'s owner, and forged or stale slots', async () => {
    // Cici stands at the 26th's times (the test before): she asks for 13:00.
    await cici.tap('13:00');
    await cici.send('Mau jadi reseller di Cilegon');
    const { id } = await bot.db.prisma.meeting.findFirstOrThrow({ where: { buyerId: BigInt(cici.id) } });
    await outboxDrained(bot.db.prisma);
    // The buyer, another buyer and an official: none of them owns the exhibitor.
    for (const data of [`mt:p:${id}`, `mt:pd:${id}:2026-11-26`, `mt:ps:${id}:${minutes('2026-11-26T07:00:00Z')}`, `mt:pb:${id}`]) {
      for (const stranger of [cici, andi, official]) {
        const tapped = await stranger.tapData(data);
        expect(tapped.answer, `${stranger.name} ${data}`).toEqual({ text: NOT_PARTY, show_alert: true });
      }
    }
    // Not a slot of the session (13:10), a day outside it, and a meeting that does not exist.
    expect((await sri.tapData(`mt:ps:${id}:${minutes('2026-11-26T06:10:00Z')}`)).answer?.text).toBe('Tombol ini sudah tidak berlaku.');
    expect((await sri.tapData(`mt:ps:${id}:${minutes('2026-11-28T06:00:00Z')}`)).answer?.text).toBe('Tombol ini sudah tidak berlaku.');
    expect((await sri.tapData('mt:ps:999999:29650000')).answer?.text).toBe('Temu ini tidak ditemukan.');
    expect((await cici.tapData('mt:pc:999999')).answer?.text).toBe('Temu ini tidak ditemukan.');
    const row = await meeting(id);
    expect(row).toMatchObject({ status: 'REQUESTED', requestedSlotStart: null });
    expect(row.slotStart.toISOString()).toBe('2026-11-26T06:00:00.000Z');
    expect(await claimsOf(id)).toHaveLength(3);
    // The exhibitor can still cancel it, which frees the slot.
    await sri.tapData(`mt:c:${id}`);
    expect((await meeting(id)).status).toBe('CANCELLED');
    expect(await claimsOf(id)).toEqual([]);
  });

  it('a slot booked meanwhile is refused and the free ones shown; a racing request and proposal leave exactly one winner', async () => {
    const { id, message } = await request(dodi, '26 Nov 2026', '13:00', 'Minat 300 pcs');
    await sri.tap('🕑 Usulkan waktu lain', { messageId: message.messageId });
    await sri.tap('26 Nov 2026 · 3 slot kosong', { messageId: message.messageId });
    expect(buttonsOf(messageOf(sri, message.messageId))).toEqual(['13:30', '14:00', '14:30', '📅 Hari lain', '⬅️ Kembali']);

    // Cici books 13:30 with Sri while the list is open.
    await pickSlot(cici, '26 Nov 2026', '13:30');
    await cici.send('Reseller di Cilegon, 100 pcs');
    const cicis = await bot.db.prisma.meeting.findFirstOrThrow({ where: { buyerId: BigInt(cici.id), status: 'REQUESTED' } });
    const taken = await sri.tap('13:30', { messageId: message.messageId });
    expect(taken.answer?.text).toBe('Slot itu baru saja terisi — pilih yang lain.');
    const shown = messageOf(sri, message.messageId)!;
    expect(shown.plain).toContain('Maaf, slot itu baru saja terisi. Slot yang masih kosong:');
    expect(buttonsOf(shown)).toEqual(['14:00', '14:30', '📅 Hari lain', '⬅️ Kembali']);
    let row = await meeting(id);
    expect(row.status).toBe('REQUESTED');
    expect(row.slotStart.toISOString()).toBe('2026-11-26T06:00:00.000Z');
    expect((await claimsOf(id)).every((c) => c.slotStart.toISOString() === '2026-11-26T06:00:00.000Z')).toBe(true);
    expect(await claimsOf(cicis.id)).toHaveLength(3);

    // Now truly at once: Cici's request for 14:00 and Sri's proposal of 14:00.
    await pickSlot(cici, '26 Nov 2026', '14:00');
    await Promise.all([cici.send('Reseller di Cilegon, 200 pcs'), sri.tap('14:00', { messageId: message.messageId })]);
    const slot = new Date('2026-11-26T07:00:00Z');
    // The database let exactly one of them have Sri at 14:00.
    expect(await bot.db.prisma.meetingSlotClaim.count({ where: { slotStart: slot, party: `x${sriShop}` } })).toBe(1);
    row = await meeting(id);
    const ciciAt14 = await bot.db.prisma.meeting.findMany({ where: { buyerId: BigInt(cici.id), slotStart: slot } });
    if (row.status === 'PROPOSED') {
      // The proposal won: Cici was offered the slots still free.
      expect(row.slotStart.toISOString()).toBe(slot.toISOString());
      expect(ciciAt14).toEqual([]);
      expect(cici.messages().some((m) => m.plain === 'Maaf, slot itu baru saja terisi. Pilih jam lain:')).toBe(true);
      expect(buttonsOf(cici.lastMessage())).not.toContain('14:00');
    } else {
      // The request won: Sri was told and shown what is left.
      expect(row.status).toBe('REQUESTED');
      expect(row.slotStart.toISOString()).toBe('2026-11-26T06:00:00.000Z');
      expect(ciciAt14).toHaveLength(1);
      expect(messageOf(sri, message.messageId)!.plain).toContain('Maaf, slot itu baru saja terisi.');
      expect(buttonsOf(messageOf(sri, message.messageId))).not.toContain('14:00');
    }
    // Every live meeting holds exactly its three claims, all at its own slot.
    const live = await bot.db.prisma.meeting.findMany({ where: { status: { in: ['REQUESTED', 'PROPOSED', 'ACCEPTED'] } } });
    for (const m of live) {
      const held = await claimsOf(m.id);
      expect(held, `meeting ${m.id}`).toHaveLength(3);
      expect(held.every((c) => c.slotStart.getTime() === m.slotStart.getTime())).toBe(true);
    }
  });

  it('the proposal and the confirmation reach both sides once under 429 and 5xx', async () => {
    const { sim } = bot;
    const { id, message } = await request(andi, '26 Nov 2026', '14:30', 'Mau 200 bungkus');
    await sri.tap('🕑 Usulkan waktu lain', { messageId: message.messageId });
    // Whether the 26th still has a slot for both depends on who won the race before: pick the 27th when days are offered.
    const day = buttonsOf(messageOf(sri, message.messageId)).find((b) => b.startsWith('27 Nov 2026'));
    if (day) await sri.tap(day, { messageId: message.messageId });
    sim.failWith429('answerCallbackQuery', 1);
    sim.fail('editMessageText', { error_code: 500, description: 'Internal Server Error' }, { chatId: sri.id });
    sim.failWith429('sendMessage', 1, { chatId: andi.id, times: 2 });
    sim.fail('sendMessage', { error_code: 502, description: 'Bad Gateway' }, { chatId: andi.id });
    await sri.tap('13:00', { messageId: message.messageId });
    expect(messageOf(sri, message.messageId)!.plain).toContain(`Anda mengusulkan waktu lain untuk temu #${id}`);
    await outboxDrained(bot.db.prisma);
    const notices = andi.messages().filter((m) => m.plain.includes(`mengusulkan waktu lain untuk temu bisnis #${id}`));
    expect(notices).toHaveLength(1);
    expect(await bot.db.prisma.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `meet:${id}:propose` } })).toMatchObject({ status: 'SENT', attempts: 4 });

    sim.fail('sendMessage', { error_code: 500, description: 'Internal Server Error' }, { chatId: sri.id, times: 2 });
    sim.failWith429('sendDocument', 1, { chatId: andi.id });
    sim.fail('sendDocument', { error_code: 503, description: 'Service Unavailable' }, { chatId: sri.id });
    await andi.tap('✅ Setuju', { messageId: notices[0]!.messageId });
    expect((await meeting(id)).status).toBe('ACCEPTED');
    await outboxDrained(bot.db.prisma);
    for (const user of [andi, sri]) {
      expect(user.messages().filter((m) => m.plain.includes(`Temu bisnis #${id} disetujui`)), user.name).toHaveLength(1);
      expect(user.messages().filter((m) => m.document?.filename === `temu-${id}.ics`), user.name).toHaveLength(1);
    }
    const sent = await bot.db.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `meet:${id}:` }, notBefore: { lte: new Date() } } });
    expect(sent.every((m) => m.status === 'SENT')).toBe(true);
  });

  it('/schedule shows a proposed meeting in English; the buyer cancels one from there and confirms another', async () => {
    /** Budi asks for the 27th at 13:30; Sri proposes 14:30, the one slot of that day where both and a table are free. */
    async function proposed(): Promise<number> {
      const { id, message } = await request(budi, '27 Nov 2026', '13:30', 'Contract 2 tons a month');
      await sri.tap('🕑 Usulkan waktu lain', { messageId: message.messageId });
      await sri.tap('27 Nov 2026 · 1 slot kosong', { messageId: message.messageId });
      expect(buttonsOf(messageOf(sri, message.messageId))).toEqual(['14:30', '📅 Hari lain', '⬅️ Kembali']);
      await sri.tap('14:30', { messageId: message.messageId });
      expect((await meeting(id)).status).toBe('PROPOSED');
      await outboxDrained(bot.db.prisma);
      return id;
    }

    const first = await proposed();
    await budi.send('/schedule');
    expect(budi.lastText()).toContain(`#${first} · 27 Nov 2026, 14:30–15:00 WIB · 🕑 another time proposed, waiting for the buyer`);
    expect(buttonsOf(budi.lastMessage())).toEqual([`✅ Confirm the time of #${first}`, `🚫 Cancel #${first}`]);
    const cancelled = await budi.tap(`🚫 Cancel #${first}`);
    expect(cancelled.answer?.text).toBe('Cancelled — the other side was told.');
    expect((await meeting(first)).status).toBe('CANCELLED');
    expect(await claimsOf(first)).toEqual([]);
    await outboxDrained(bot.db.prisma);
    expect(sri.lastText()).toBe(`🚫 Budi Santoso membatalkan temu #${first} (27 Nov 2026, 14:30–15:00 WIB).`);

    const second = await proposed();
    await budi.send('/schedule');
    const { answer } = await budi.tap(`✅ Confirm the time of #${second}`);
    expect(answer?.text).toBe('Accepted — both sides were told.');
    // The list stays as it was; the answer comes as a message of its own.
    expect(budi.lastText()).toBe(`✅ You confirmed meeting #${second} with Keripik Tempe Bu Sri on 27 Nov 2026, 14:30–15:00 WIB. The confirmation and the calendar file follow.`);
    expect(await meeting(second)).toMatchObject({ status: 'ACCEPTED', day: '2026-11-27' });
    await outboxDrained(bot.db.prisma);
    expect(budi.messages().some((m) => m.plain.includes(`Business meeting #${second} confirmed`))).toBe(true);
    expect(budi.messages().some((m) => m.document?.filename === `temu-${second}.ics`)).toBe(true);
    expect(sri.messages().some((m) => m.document?.filename === `temu-${second}.ics`)).toBe(true);
  });
});
