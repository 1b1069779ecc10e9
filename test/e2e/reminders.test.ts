/**
 * The daily reminder: at the mission's reminder hour (local), every
 * exhibitor who has not reported that day gets one private message through
 * the outbox, with a button to stop these reminders; /pengingat turns them
 * on and off. Driven by reminderTick with a controlled clock; the outbox
 * sender of the running bot delivers what it queues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat, reportSale } from '../../src/demo/flows.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { reminderTick } from '../../src/jobs/reminders.js';
import { createLogger } from '../../src/logger.js';
import { inlineButtons, type SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { outboxDrained } from '../support/push-fixtures.js';

/** A WIB wall-clock time on a date, as an instant (WIB is UTC+7). */
const wib = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

describe.each(TEST_PROVIDERS)('daily reminders (%s)', (provider) => {
  let bot: TestBot;
  let now = wib('2026-11-26', '10:00');
  let official: SimUser;
  let sri: SimUser;
  let budi: SimUser;
  let cici: SimUser;
  let emma: SimUser;
  let buyer: SimUser;
  let missionId: number;

  const prisma = () => bot.db.prisma;
  const tick = () => reminderTick({ repos: createRepositories(bot.db), logger: createLogger({ level: 'silent' }) }, now);
  /** The users (by first name) with a reminder queued for a local date. */
  const remindedOn = async (date: string) => {
    const rows = await prisma().outboxMessage.findMany({ where: { purpose: 'reminder', dedupeKey: { endsWith: `:${date}` } }, orderBy: { chatId: 'asc' } });
    return rows.map((row) => row.chatId);
  };
  const ids = (...users: SimUser[]) => users.map((u) => BigInt(u.id)).sort((a, b) => (a < b ? -1 : 1));
  const buttonsOf = (user: SimUser) => {
    const message = user.lastMessage();
    return message ? inlineButtons(message).map((b) => b.text) : [];
  };
  const remindersOff = async (user: SimUser) => (await prisma().telegramUser.findUniqueOrThrow({ where: { id: BigInt(user.id) } })).remindersOff;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => now });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, { name: 'Misi Dagang Jatim – Banten', origin: 'jatim', host: 'banten', city: 'Serang', start: '26-11-2026', end: '28-11-2026', timeZone: 'WIB', target: '3 M' });
    missionId = (await prisma().mission.findFirstOrThrow()).id;
    // The official sets the reminder hour like any field of the mission.
    await official.send('/misi');
    await official.tap('✏️ Ubah misi aktif');
    await official.tap('Jam pengingat');
    await official.send('18:00');
    sri = bot.sim.user({ id: 8501, firstName: 'Sri' });
    budi = bot.sim.user({ id: 8502, firstName: 'Budi' });
    cici = bot.sim.user({ id: 8503, firstName: 'Cici' });
    emma = bot.sim.user({ id: 8504, firstName: 'Emma', languageCode: 'en' });
    await registerByChat(sri, { name: 'Keripik Sri', category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '081200008501' });
    await registerByChat(budi, { name: 'Kopi Budi', category: 'Minuman', province: 'Jawa Timur', city: 'Malang', phone: '081200008502' });
    await registerByChat(cici, { name: 'Batik Cici', category: 'Fashion', province: 'Jawa Timur', city: 'Malang', phone: '081200008503' });
    await registerByChat(emma, { name: 'Emma Crafts', category: 'Crafts', province: 'Jawa Timur', city: 'Malang', phone: '081200008504' });
    buyer = bot.sim.user({ id: 8505, firstName: 'Pembeli' });
    await buyer.send('/start');
    // Sri reports in the morning of the first day.
    await reportSale(sri, '1,5jt keripik tempe 30 pcs');
  });
  afterAll(async () => bot?.stop());

  it('the official set the reminder hour', async () => {
    expect((await prisma().mission.findUniqueOrThrow({ where: { id: missionId } })).reminderTime).toBe('18:00');
  });

  it('sends nothing before the reminder hour', async () => {
    now = wib('2026-11-26', '17:59');
    expect(await tick()).toBe(0);
    expect(await remindedOn('2026-11-26')).toEqual([]);
  });

  it('at the hour, reminds every exhibitor who has not reported today, once, with a stop button', async () => {
    now = wib('2026-11-26', '18:00');
    await tick();
    expect(await remindedOn('2026-11-26')).toEqual(ids(budi, cici, emma));
    const row = await prisma().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `reminder:${missionId}:${budi.id}:2026-11-26` } });
    expect(row).toMatchObject({ chatId: BigInt(budi.id), purpose: 'reminder', method: 'sendMessage' });
    const payload = JSON.parse(row.payload) as { text: string; reply_markup: { inline_keyboard: { callback_data: string }[][] } };
    expect(payload.text).toContain('Kopi Budi');
    expect(payload.reply_markup.inline_keyboard[0]?.[0]?.callback_data).toBe('rm:off');

    await outboxDrained(prisma());
    expect(budi.lastText()).toMatch(/⏰ Halo Budi, hari ini belum ada laporan penjualan dari Kopi Budi di Misi Dagang Jatim – Banten/);
    expect(budi.lastText()).toContain('/pengingat on');
    expect(buttonsOf(budi)).toEqual(['🔕 Hentikan pengingat']);
    expect(emma.lastText()).toMatch(/⏰ Hello Emma, there is no sale report from Emma Crafts/);
    expect(buttonsOf(emma)).toEqual(['🔕 Stop reminders']);
    // Sri reported today: her last message is still her sale's confirmation.
    expect(sri.lastText()).not.toMatch(/⏰/);
  });

  it('once per day: later ticks, and a restart, queue nothing more', async () => {
    for (const time of ['18:01', '20:30', '23:59']) {
      now = wib('2026-11-26', time);
      expect(await tick()).toBe(0);
    }
    await bot.restart();
    expect(await tick()).toBe(0);
    expect(await prisma().outboxMessage.count({ where: { purpose: 'reminder' } })).toBe(3);
  });

  it('the stop button turns reminders off for that user, audited, and says how to turn them on again', async () => {
    const tap = await budi.tap('🔕 Hentikan pengingat');
    expect(tap.answer?.text).toBe('Pengingat dimatikan 🔕');
    expect(budi.lastText()).toMatch(/Pengingat harian dimatikan\. Nyalakan lagi kapan saja dengan \/pengingat on/);
    expect(await remindersOff(budi)).toBe(true);
    const audits = await prisma().auditLog.findMany({ where: { action: 'user.reminders', entityId: String(budi.id) } });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.before!)).toEqual({ remindersOff: false });
    expect(JSON.parse(audits[0]!.after!)).toEqual({ remindersOff: true });
    // The reminder keeps its text and loses its button.
    const reminder = budi.messages().find((m) => m.messageId === tap.message.messageId);
    expect(reminder ? inlineButtons(reminder) : ['gone']).toEqual([]);
    // Tapping the same (stale) data again changes nothing more.
    await budi.tapData('rm:off', { messageId: tap.message.messageId });
    expect(await prisma().auditLog.count({ where: { action: 'user.reminders', entityId: String(budi.id) } })).toBe(1);
  });

  it('the next day: not those who reported that day, not those who turned reminders off', async () => {
    now = wib('2026-11-27', '12:00');
    await reportSale(cici, '300rb batik');
    now = wib('2026-11-27', '18:00');
    await tick();
    expect(await remindedOn('2026-11-27')).toEqual(ids(sri, emma));
  });

  it('a voided report does not count as reporting; a blocked chat is not written to', async () => {
    now = wib('2026-11-28', '09:00');
    const exhibitor = await prisma().exhibitor.findFirstOrThrow({ where: { ownerId: BigInt(cici.id) } });
    await prisma().saleReport.create({
      data: { missionId, exhibitorId: exhibitor.id, amount: 100_000n, reportedById: BigInt(cici.id), createdAt: now, voidedAt: now, voidReason: 'salah ketik' },
    });
    // Telegram said Emma blocked the bot: her chat is inactive.
    await prisma().chat.upsert({ where: { id: BigInt(emma.id) }, create: { id: BigInt(emma.id), type: 'private', active: false }, update: { active: false } });
    now = wib('2026-11-28', '18:30');
    await tick();
    expect(await remindedOn('2026-11-28')).toEqual(ids(sri, cici));
  });

  it('no reminders after the last day of the mission, nor when the mission has no reminder hour', async () => {
    now = wib('2026-11-29', '18:00');
    expect(await tick()).toBe(0);
    now = wib('2026-11-28', '18:45');
    await prisma().mission.update({ where: { id: missionId }, data: { reminderTime: null } });
    await prisma().outboxMessage.deleteMany({ where: { purpose: 'reminder', dedupeKey: { endsWith: ':2026-11-28' } } });
    expect(await tick()).toBe(0);
    expect(await remindedOn('2026-11-28')).toEqual([]);
    await prisma().mission.update({ where: { id: missionId }, data: { reminderTime: '18:00' } });
  });

  it('/pengingat shows the setting and turns it on and off, audited; bad words change nothing', async () => {
    await budi.send('/pengingat');
    expect(budi.lastText()).toMatch(/Pengingat harian Anda: mati/);
    expect(budi.lastText()).toContain('Jam pengingat misi: 18:00 WIB');
    expect(buttonsOf(budi)).toEqual(['🔔 Nyalakan pengingat']);
    await budi.send('/pengingat entah');
    expect(budi.lastText()).toMatch(/Ketik \/pengingat on untuk menyalakan/);
    expect(await remindersOff(budi)).toBe(true);
    await budi.send('/pengingat on');
    expect(budi.lastText()).toMatch(/Pengingat harian dinyalakan/);
    expect(await remindersOff(budi)).toBe(false);
    await budi.send('/pengingat');
    expect(buttonsOf(budi)).toEqual(['🔕 Hentikan pengingat']);
    await budi.tap('🔕 Hentikan pengingat');
    expect(await remindersOff(budi)).toBe(true);
    await budi.send('/pengingat nyala');
    expect(await remindersOff(budi)).toBe(false);
    expect(await prisma().auditLog.count({ where: { action: 'user.reminders', entityId: String(budi.id) } })).toBe(4);

    await emma.send('/reminders off');
    expect(emma.lastText()).toMatch(/Daily reminders are off\. Switch them on again any time with \/reminders on/);
    expect(await remindersOff(emma)).toBe(true);
  });

  it('/pengingat is for exhibitors', async () => {
    await buyer.send('/pengingat off');
    expect(buyer.lastText()).toMatch(/Perintah ini untuk peserta pameran/);
    expect(await remindersOff(buyer)).toBe(false);
  });
});
