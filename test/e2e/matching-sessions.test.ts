/**
 * Officials edit and delete matching sessions and mark attendance, end to
 * end: `/misi temu` lists sessions with buttons; an edit shows which booked
 * meetings would be cancelled (and why) before anything is saved; Back
 * changes nothing; Confirm cancels exactly those meetings, frees their
 * slots and tells both sides of each in their language through the outbox
 * (under 429 and 5xx faults), and the untouched meeting stays; deleting does
 * the same with every meeting not yet begun. In the day's plan officials mark
 * a begun meeting no-show or held (idempotent, correctable) and the figures
 * follow. Nobody else can do any of it. The meetings are booked through the
 * repository; the booking flow has its own test (matching.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';
import { inlineButtons } from '../../src/simulator/sim-user.js';
import { startTestBot, type TestBot } from '../support/bot-harness.js';
import { NOW, createMission, registerExhibitor } from '../support/catalog-fixtures.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { testClock } from '../support/push-fixtures.js';
import { createRepositories, type Repositories } from '../../src/db/repositories/index.js';
import { meetingOutcomeTick } from '../../src/jobs/meeting-outcomes.js';
import { createLogger } from '../../src/logger.js';

const OFFICIAL = 7105;
const buttonsOf = (user: SimUser) => inlineButtons(user.lastMessage()!).map((b) => b.text);
/** 26 Nov 2026 `HH:MM` WIB as an instant. */
const wib = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);

describe.each(TEST_PROVIDERS)('matching session edits and attendance marks on %s', (provider) => {
  let bot: TestBot;
  let repos: Repositories;
  let missionId: number;
  let official: SimUser;
  let sri: SimUser;
  let eko: SimUser;
  let andi: SimUser;
  let budi: SimUser;
  let sriShop: number;
  let ekoShop: number;
  let sessionId: number;
  const clock = testClock(NOW.toISOString());
  const ids: Record<'kept' | 'otherDay' | 'late' | 'afterEdit', number> = { kept: 0, otherDay: 0, late: 0, afterEdit: 0 };

  const meeting = (id: number) => bot.db.prisma.meeting.findUniqueOrThrow({ where: { id } });
  const claims = (meetingId: number) => bot.db.prisma.meetingSlotClaim.count({ where: { meetingId } });
  const session = () => bot.db.prisma.matchingSession.findUniqueOrThrow({ where: { id: sessionId } });
  /** The outbox has sent all but the reminders (they wait an hour: the sender's clock is the wall clock). */
  async function drained(): Promise<void> {
    const until = Date.now() + 15_000;
    while ((await bot.db.prisma.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] }, NOT: { dedupeKey: { contains: ':remind:' } } } })) > 0) {
      if (Date.now() > until) throw new Error('outbox not drained');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const noticeRows = () => bot.db.prisma.outboxMessage.count({ where: { dedupeKey: { contains: ':session-cancel:' } } });

  /** Books `buyer` with an exhibitor at a WIB slot through the repository; `accept` lets the owner accept it (with its reminders queued). */
  async function book(buyer: SimUser, exhibitorId: number, owner: SimUser, day: string, time: string, accept: boolean): Promise<number> {
    const booked = await repos.matching.request(
      { sessionId, missionId, day, slotStart: wib(day, time), buyerId: BigInt(buyer.id), exhibitorId, note: 'Kontrak 2 ton per bulan', at: clock.now() },
      3,
      () => [],
    );
    if (!booked.ok) throw new Error(`${day} ${time} taken`);
    const id = booked.meeting.id;
    if (accept) {
      const reminder = (side: 'b' | 'x', chatId: number) => ({
        chatId: BigInt(chatId),
        purpose: 'notice' as const,
        method: 'sendMessage' as const,
        payload: { text: `pengingat ${id}` },
        dedupeKey: `meet:${id}:remind:${side}`,
        notBefore: new Date(Date.now() + 3_600_000),
      });
      const accepted = await repos.matching.accept(id, BigInt(owner.id), clock.now(), () => [reminder('b', buyer.id), reminder('x', owner.id)]);
      expect(accepted.ok).toBe(true);
    }
    return id;
  }

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now, adminIds: [OFFICIAL] });
    repos = createRepositories(bot.db);
    missionId = await createMission(bot);
    official = bot.sim.user({ id: OFFICIAL, firstName: 'Bu Rina' });
    sri = bot.sim.user({ id: 9711, firstName: 'Bu', lastName: 'Sri' });
    eko = bot.sim.user({ id: 9712, firstName: 'Eko' });
    sriShop = await registerExhibitor(bot, sri, { name: 'Keripik Tempe Bu Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081234567890', booth: 'A12' });
    ekoShop = await registerExhibitor(bot, eko, { name: 'Batik Eko', category: 'Fashion', province: 'Jawa Timur', city: 'Sidoarjo', phone: '081234567891', booth: 'B3' });
    andi = bot.sim.user({ id: 9713, firstName: 'Andi', lastName: 'Wijaya' });
    budi = bot.sim.user({ id: 9714, firstName: 'Budi', lastName: 'Santoso' });
    for (const buyer of [andi, budi]) await buyer.send('/start');
    // Budi reads English: his notices must be in English.
    await bot.db.prisma.telegramUser.update({ where: { id: BigInt(budi.id) }, data: { language: 'en' } });

    await official.send('/misi temu 26/11-27/11 13:00-16:00 30 3');
    expect(official.lastText()).toContain('Sesi temu bisnis dibuat');
    sessionId = (await bot.db.prisma.matchingSession.findFirstOrThrow()).id;
    ids.kept = await book(andi, sriShop, sri, '2026-11-26', '13:00', true);
    ids.otherDay = await book(budi, sriShop, sri, '2026-11-27', '14:00', false);
    // Bu Sri proposes 15:00 instead: a proposed meeting is booked too, at the proposed slot.
    const proposed = await repos.matching.propose(ids.otherDay, BigInt(sri.id), { slotStart: wib('2026-11-27', '15:00'), day: '2026-11-27' }, 3, clock.now(), () => []);
    expect(proposed.ok).toBe(true);
    ids.late = await book(andi, ekoShop, eko, '2026-11-26', '15:00', true);
    await drained();
  });
  afterAll(async () => bot?.stop());

  it('refuses everyone but officials: the list, the edit, the delete and the marks', async () => {
    await andi.send('/misi temu');
    expect(andi.lastText()).toContain('Perintah ini khusus petugas misi');
    for (const data of [`se:e:${sessionId}`, `se:d:${sessionId}`, `se:dok:${sessionId}:1x0`, `se:ok:${sessionId}:20261126_1_1300_1500_30_3:2x0`, `mp:n:${ids.kept}`]) {
      const { answer } = await andi.tapData(data);
      expect(answer?.text, data).toBe('Tombol ini khusus petugas misi.');
    }
    expect(await session()).toMatchObject({ days: '2026-11-26,2026-11-27', endTime: '16:00', deletedAt: null });
    expect((await meeting(ids.kept)).status).toBe('ACCEPTED');
  });

  it('lists the sessions with edit and delete buttons; an edit previews the meetings it would cancel, and Back changes nothing', async () => {
    await official.send('/misi temu');
    expect(official.lastText()).toContain(`#${sessionId} · 26 Nov 2026 – 27 Nov 2026 · 13:00–16:00 · 30 menit · 3 meja`);
    expect(buttonsOf(official)).toEqual([`✏️ Ubah #${sessionId}`, `🗑 Hapus #${sessionId}`]);
    await official.tap(`✏️ Ubah #${sessionId}`);
    expect(official.lastText()).toContain(`Ubah sesi #${sessionId}`);
    await official.send('26/11 15:00-13:00 30 3');
    expect(official.lastText()).toContain('Jam selesai harus setelah jam mulai.');
    await official.send('26/11 13:00-15:00 30 3');
    const preview = official.lastText()!;
    expect(preview).toContain('Sebelum: 26 Nov 2026 – 27 Nov 2026 · 13:00–16:00 · 30 menit · 3 meja');
    expect(preview).toContain('Sesudah: 26 Nov 2026 · 13:00–15:00 · 30 menit · 3 meja');
    expect(preview).toContain('2 temu akan dibatalkan');
    expect(preview).toContain(`#${ids.otherDay} 27 Nov 2026, 15:00–15:30 WIB · Meja 1 · Keripik Tempe Bu Sri ↔ Budi Santoso — harinya dihapus`);
    expect(preview).toContain(`#${ids.late} 26 Nov 2026, 15:00–15:30 WIB · Meja 1 · Batik Eko ↔ Andi Wijaya — di luar jam baru`);
    expect(preview).not.toContain(`#${ids.kept} `);
    expect(buttonsOf(official)).toEqual(['✅ Ya, simpan', '⬅️ Kembali']);

    await official.tap('⬅️ Kembali');
    expect(official.lastText()).toBe('Tidak ada yang diubah.');
    expect(await session()).toMatchObject({ days: '2026-11-26,2026-11-27', startTime: '13:00', endTime: '16:00', slotMinutes: 30, tableCount: 3 });
    for (const id of [ids.kept, ids.late]) expect((await meeting(id)).status).toBe('ACCEPTED');
    expect((await meeting(ids.otherDay)).status).toBe('PROPOSED');
    expect(await claims(ids.otherDay)).toBe(3);
    expect(await noticeRows()).toBe(0);
  });

  it('says so when the typed shape is the session as it is', async () => {
    await official.send('/misi temu');
    await official.tap(`✏️ Ubah #${sessionId}`);
    await official.send('26/11-27/11 13:00-16:00 30 3');
    expect(official.lastText()).toBe('Bentuknya sama dengan sekarang — tidak ada yang diubah.');
  });

  it('shows the preview again when a meeting was booked between the preview and the confirmation', async () => {
    await official.send('/misi temu');
    await official.tap(`✏️ Ubah #${sessionId}`);
    await official.send('26/11 13:00-15:00 30 3');
    const previewId = official.lastMessage()!.messageId;
    // Meanwhile Budi books 26/11 15:30 with Eko: the edit would now cancel three meetings.
    const extra = await book(budi, ekoShop, eko, '2026-11-26', '15:30', false);
    await official.tap('✅ Ya, simpan', { messageId: previewId });
    expect(official.lastText()).toContain('Sementara itu ada temu yang dipesan atau dibatalkan');
    expect(official.lastText()).toContain('3 temu akan dibatalkan');
    expect((await session()).endTime).toBe('16:00');
    expect(await noticeRows()).toBe(0);
    // Budi cancels it himself; the preview as first shown is right again.
    expect((await repos.matching.cancel(extra, BigInt(budi.id), clock.now(), () => [])).ok).toBe(true);
  });

  it('on confirm cancels exactly the meetings that no longer fit, frees their slots, tells both sides of each (under 429 and 5xx) and keeps the rest', async () => {
    await official.send('/misi temu');
    await official.tap(`✏️ Ubah #${sessionId}`);
    await official.send('26/11 13:00-15:00 30 3');
    expect(official.lastText()).toContain('2 temu akan dibatalkan');
    bot.sim.failWith429('sendMessage', 1, { chatId: budi.id });
    bot.sim.fail('sendMessage', { error_code: 502, description: 'Bad Gateway' }, { chatId: sri.id, times: 2 });
    bot.sim.fail('sendMessage', { error_code: 500, description: 'Internal Server Error' }, { chatId: andi.id });
    const since = { andi: andi.messages().length, budi: budi.messages().length, sri: sri.messages().length, eko: eko.messages().length };
    await official.tap('✅ Ya, simpan');
    expect(official.lastText()).toContain(`Sesi #${sessionId} diubah`);
    expect(official.lastText()).toContain('2 temu dibatalkan; 4 orang (pembeli dan peserta) diberi tahu.');

    expect(await session()).toMatchObject({ days: '2026-11-26', startTime: '13:00', endTime: '15:00', slotMinutes: 30, tableCount: 3, deletedAt: null });
    for (const id of [ids.otherDay, ids.late]) {
      expect((await meeting(id)).status).toBe('CANCELLED');
      expect(await claims(id)).toBe(0);
    }
    expect(await meeting(ids.kept)).toMatchObject({ status: 'ACCEPTED', tableNo: 1, slotStart: wib('2026-11-26', '13:00') });
    expect(await claims(ids.kept)).toBe(3);
    // The cancelled meeting's reminders will not go out; the kept one's still will.
    const reminders = await bot.db.prisma.outboxMessage.findMany({ where: { dedupeKey: { contains: ':remind:' } }, orderBy: { dedupeKey: 'asc' } });
    expect(reminders.filter((r) => r.dedupeKey!.startsWith(`meet:${ids.late}:`)).map((r) => r.status)).toEqual(['FAILED', 'FAILED']);
    expect(reminders.filter((r) => r.dedupeKey!.startsWith(`meet:${ids.kept}:`)).map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
    expect(await noticeRows()).toBe(4);
    const audit = await bot.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'matching.session.edit' } });
    expect(audit.actorId).toBe(BigInt(OFFICIAL));

    await drained();
    const got = (user: SimUser, from: number) => user.messages().slice(from).map((m) => m.plain);
    expect(got(budi, since.budi)).toEqual([
      `🚫 Business meeting #${ids.otherDay} cancelled\n📅 27 Nov 2026, 15:00–15:30 WIB · 👤 Keripik Tempe Bu Sri (Bu Sri)\nReason: the business matching session hours changed (by the mission officials).\nWe are sorry. Choose another time with /meet.`,
    ]);
    const sriGot = got(sri, since.sri);
    expect(sriGot).toHaveLength(1);
    expect(sriGot[0]).toContain(`Temu bisnis #${ids.otherDay} dibatalkan`);
    expect(sriGot[0]).toContain('👤 Budi Santoso');
    expect(sriGot[0]).toContain('Alasan: jam sesi temu bisnis diubah oleh petugas misi.');
    const andiGot = got(andi, since.andi);
    expect(andiGot).toHaveLength(1);
    expect(andiGot[0]).toContain(`Temu bisnis #${ids.late} dibatalkan`);
    expect(andiGot[0]).toContain('15:00–15:30 WIB · 👤 Batik Eko (Eko)');
    expect(got(eko, since.eko)).toEqual([expect.stringContaining(`Temu bisnis #${ids.late} dibatalkan`)]);
    // The faults did happen, and each notice still went out once.
    const sends = (chatId: number) => bot.sim.callsOf('sendMessage').filter((c) => String((c.params as { chat_id?: unknown }).chat_id) === String(chatId));
    expect(sends(budi.id).some((c) => !c.ok)).toBe(true);
    expect(sends(sri.id).filter((c) => !c.ok).length).toBeGreaterThanOrEqual(2);
    expect(await bot.db.prisma.outboxMessage.count({ where: { dedupeKey: { contains: ':session-cancel:' }, status: 'SENT' } })).toBe(4);

    // The freed 15:00 slot is gone from the session; a buyer is offered 13:00–14:30 only, without Andi's 13:00 with Bu Sri.
    await budi.send('/meet keripik');
    await budi.tap('26 Nov 2026');
    expect(buttonsOf(budi)).toEqual(['13:30', '14:00', '14:30']);
  });

  it('lets officials mark a begun meeting no-show, idempotently, and correct it to held; the plan and the figures follow', async () => {
    ids.afterEdit = await book(budi, sriShop, sri, '2026-11-26', '14:00', false);
    clock.set('2026-11-26T06:05:00Z'); // 13:05 WIB: the 13:00 meeting has begun, the 14:00 one has not.
    await official.send('/jadwal');
    const planId = official.lastMessage()!.messageId;
    const planText = () => official.messages().find((m) => m.messageId === planId)!.plain;
    const plan = planText();
    expect(plan).toContain('13:00–13:30 WIB · Keripik Tempe Bu Sri ↔ Andi Wijaya · ✅ disetujui');
    expect(buttonsOf(official)).toEqual([`✅ #${ids.kept} hadir`, `🚫 #${ids.kept} tidak hadir`]);

    const noShow = await official.tap(`🚫 #${ids.kept} tidak hadir`);
    expect(noShow.answer?.text).toBe('Dicatat: tidak hadir.');
    expect((await meeting(ids.kept)).status).toBe('NO_SHOW');
    expect(official.lastText()).toContain('13:00–13:30 WIB · Keripik Tempe Bu Sri ↔ Andi Wijaya · 👻 tidak hadir');
    expect(buttonsOf(official)).toEqual([`✅ #${ids.kept} hadir`, `● 🚫 #${ids.kept} tidak hadir`]);
    const again = await official.tap(`● 🚫 #${ids.kept} tidak hadir`);
    expect(again.answer?.text).toBe('Sudah tercatat begitu.');
    expect(await bot.db.prisma.auditLog.count({ where: { action: 'meeting.mark.no_show' } })).toBe(1);
    // A request never accepted, or a slot not yet begun, cannot be marked.
    const early = await official.tapData(`mp:h:${ids.afterEdit}`);
    expect(early.answer?.text).toBe('Temu ini tidak bisa ditandai (belum disetujui atau slotnya belum mulai).');
    expect((await meeting(ids.afterEdit)).status).toBe('REQUESTED');

    await official.send('/progres');
    expect(official.lastText()).toContain('🤝 Temu bisnis: 1 terjadwal, 0 terlaksana, 0 deal');

    const held = await official.tap(`✅ #${ids.kept} hadir`, { messageId: planId });
    expect(held.answer?.text).toBe('Dicatat: temu berlangsung.');
    expect((await meeting(ids.kept)).status).toBe('HELD');
    expect(planText()).toContain('Keripik Tempe Bu Sri ↔ Andi Wijaya · 🤝 sudah berlangsung');
    await official.send('/progres');
    expect(official.lastText()).toContain('🤝 Temu bisnis: 1 terjadwal, 1 terlaksana, 0 deal');

    // Marked held before its end, it is still asked about its outcome once the slot is over.
    clock.set('2026-11-26T06:31:00Z');
    const tick = () => meetingOutcomeTick({ repos, logger: createLogger({ level: 'silent' }) }, clock.now());
    await tick();
    expect(await tick()).toBe(0);
    expect(await bot.db.prisma.outboxMessage.count({ where: { dedupeKey: { startsWith: `meet:${ids.kept}:outcome:` } } })).toBe(2);
  });

  it('deletes a session after a preview: its meetings not yet begun are cancelled and both sides told; a begun one stays', async () => {
    await drained();
    const since = { budi: budi.messages().length, sri: sri.messages().length, andi: andi.messages().length };
    await official.send('/misi temu');
    await official.tap(`🗑 Hapus #${sessionId}`);
    const preview = official.lastText()!;
    expect(preview).toContain(`Hapus sesi #${sessionId}`);
    expect(preview).toContain('1 temu akan dibatalkan');
    expect(preview).toContain(`#${ids.afterEdit} 26 Nov 2026, 14:00–14:30 WIB · Meja 1 · Keripik Tempe Bu Sri ↔ Budi Santoso`);
    await official.tap('⬅️ Kembali');
    expect((await session()).deletedAt).toBeNull();

    await official.send('/misi temu');
    await official.tap(`🗑 Hapus #${sessionId}`);
    await official.tap('🗑 Ya, hapus');
    expect(official.lastText()).toContain(`Sesi #${sessionId} dihapus.`);
    expect(official.lastText()).toContain('1 temu dibatalkan; 2 orang (pembeli dan peserta) diberi tahu.');
    expect((await session()).deletedAt).not.toBeNull();
    expect((await meeting(ids.afterEdit)).status).toBe('CANCELLED');
    expect(await claims(ids.afterEdit)).toBe(0);
    expect((await meeting(ids.kept)).status).toBe('HELD');

    await drained();
    expect(budi.messages().slice(since.budi).map((m) => m.plain)).toEqual([expect.stringContaining('Reason: the business matching session was deleted by the mission officials.')]);
    expect(sri.messages().slice(since.sri).map((m) => m.plain)).toEqual([expect.stringContaining('Alasan: sesi temu bisnis dihapus oleh petugas misi.')]);
    expect(andi.messages().slice(since.andi)).toHaveLength(0);

    // Nobody books into it any more, and it is no longer listed; the figures keep its history.
    await andi.send('/temu keripik');
    expect(andi.lastText()).toBe('Belum ada sesi temu bisnis yang dibuka untuk misi ini.');
    await official.send('/misi temu');
    expect(official.lastText()).toContain('Contoh: /misi temu');
    expect(buttonsOf(official)).toEqual([]);
    const stale = await official.tapData(`se:dok:${sessionId}:0x0`);
    expect(stale.answer?.text).toBe('Sesi ini sudah tidak ada.');
    await official.send('/progres');
    expect(official.lastText()).toContain('🤝 Temu bisnis: 1 terjadwal, 1 terlaksana');
  });
});
