/**
 * Follow-up of commitments: 30 and 90 days after an ORDER or LOI report (in
 * the mission's local dates, from 09:00) the exhibitor is asked through the
 * outbox whether it was realised — fully, partly (then the amount, at most
 * the commitment) or not at all. Answers are stored and audited, and
 * /progres shows the realisation rate. Driven by followUpTick with a
 * controlled clock; the running bot's outbox sender delivers the questions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMissionByChat, registerByChat, reportSale } from '../../src/demo/flows.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { followUpTick } from '../../src/jobs/follow-ups.js';
import { createLogger } from '../../src/logger.js';
import { inlineButtons, type SimMessage, type SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { outboxDrained } from '../support/push-fixtures.js';

/** A WIB wall-clock time on a date, as an instant. */
const wib = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`);

describe.each(TEST_PROVIDERS)('follow-ups of commitments (%s)', (provider) => {
  let bot: TestBot;
  let now = wib('2026-11-26', '10:00');
  let official: SimUser;
  let sri: SimUser;
  let budi: SimUser;
  let orderId: number;
  let loiId: number;
  let retailId: number;
  let voidedId: number;

  const prisma = () => bot.db.prisma;
  const tick = () => followUpTick({ repos: createRepositories(bot.db), logger: createLogger({ level: 'silent' }) }, now);
  const report = (id: number) => prisma().saleReport.findUniqueOrThrow({ where: { id } });
  const questionsFor = async (stage: number) =>
    (await prisma().outboxMessage.findMany({ where: { purpose: 'followup', dedupeKey: { endsWith: `:${stage}` } }, orderBy: { id: 'asc' } })).map((row) => row.dedupeKey);
  const realisationAudits = (id: number) => prisma().auditLog.findMany({ where: { action: 'sale.realisation', entityId: String(id) }, orderBy: { id: 'asc' } });
  /** Sri's newest follow-up question about a kind ("Pesanan/kontrak" or "LoI/MoU"). */
  const questionAbout = (label: string): SimMessage => {
    const found = sri.messages().filter((m) => m.plain.includes('Tindak lanjut') && m.plain.includes(label)).at(-1);
    if (!found) throw new Error(`no follow-up question about ${label}`);
    return found;
  };
  const snapshot = async () => ({
    reports: await prisma().saleReport.findMany({ orderBy: { id: 'asc' } }),
    audits: await prisma().auditLog.count(),
  });

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: () => now });
    official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, { name: 'Misi Dagang Jatim – Banten', origin: 'jatim', host: 'banten', city: 'Serang', start: '26-11-2026', end: '28-11-2026', timeZone: 'WIB', target: '3 M' });
    sri = bot.sim.user({ id: 8601, firstName: 'Sri' });
    budi = bot.sim.user({ id: 8602, firstName: 'Budi' });
    await registerByChat(sri, { name: 'Mebel Sri', category: 'Kerajinan', province: 'Jawa Timur', city: 'Jepara', phone: '081200008601' });
    await registerByChat(budi, { name: 'Kopi Budi', category: 'Minuman', province: 'Jawa Timur', city: 'Malang', phone: '081200008602' });
    await reportSale(sri, '500 jt kontrak meja jati @PT Maju');
    await reportSale(sri, '200 jt mou kopi');
    await reportSale(sri, '1jt keripik');
    await reportSale(budi, '100 jt kontrak kopi');
    const rows = await prisma().saleReport.findMany({ orderBy: { id: 'asc' } });
    [orderId, loiId, retailId, voidedId] = rows.map((row) => row.id) as [number, number, number, number];
    await createRepositories(bot.db).sales.voidReport({ id: voidedId, reason: 'salah ketik', actorId: BigInt(OFFICIAL_ID), at: now });
  });
  afterAll(async () => bot?.stop());

  it('the reports are what the test expects', async () => {
    expect((await report(orderId)).kind).toBe('ORDER');
    expect((await report(loiId)).kind).toBe('LOI');
    expect((await report(retailId)).kind).toBe('RETAIL');
  });

  it('asks nothing before day 30, nor on day 30 before 09:00', async () => {
    for (const [date, time] of [['2026-11-27', '12:00'], ['2026-12-25', '23:59'], ['2026-12-26', '08:59']] as const) {
      now = wib(date, time);
      expect(await tick()).toBe(0);
    }
    expect(await questionsFor(1)).toEqual([]);
    expect((await report(orderId)).followUpsSent).toBe(0);
  });

  it('on day 30 asks about the order and the LoI (not the retail sale, not the voided order), once', async () => {
    now = wib('2026-12-26', '09:00');
    await tick();
    expect(await questionsFor(1)).toEqual([`followup:${orderId}:1`, `followup:${loiId}:1`]);
    for (const id of [orderId, loiId]) expect((await report(id)).followUpsSent).toBe(1);
    for (const id of [retailId, voidedId]) expect((await report(id)).followUpsSent).toBe(0);
    expect(await prisma().auditLog.count({ where: { action: 'sale.followup' } })).toBe(2);

    await outboxDrained(prisma());
    const order = questionAbout('Pesanan/kontrak');
    expect(order.plain).toContain('Tindak lanjut 30 hari — Misi Dagang Jatim – Banten');
    expect(order.plain).toContain('Pesanan/kontrak Rp500.000.000 tanggal 26 Nov 2026 — meja jati (pembeli: PT Maju)');
    expect(inlineButtons(order).map((b) => b.text)).toEqual(['✅ Seluruhnya', '🔸 Sebagian', '❌ Tidak sama sekali']);
    expect(questionAbout('LoI/MoU').plain).toContain('LoI/MoU Rp200.000.000');
    // Budi's order was voided: he is asked nothing.
    expect(budi.messages().some((m) => m.plain.includes('Tindak lanjut'))).toBe(false);

    now = wib('2026-12-27', '10:00');
    expect(await tick()).toBe(0);
    await bot.restart();
    expect(await tick()).toBe(0);
    expect(await prisma().outboxMessage.count({ where: { purpose: 'followup' } })).toBe(2);
  });

  it('only the business owner may answer', async () => {
    const before = await snapshot();
    const tap = await budi.tapData(`fu:full:${orderId}`);
    expect(tap.answer).toMatchObject({ text: 'Ini bukan laporan usaha Anda.', show_alert: true });
    await official.tapData(`fu:none:${loiId}`);
    expect(await snapshot()).toEqual(before);
  });

  it('"partly" asks the realised amount; bad amounts and more than the commitment are refused', async () => {
    const before = await snapshot();
    await sri.tap('🔸 Sebagian', { messageId: questionAbout('Pesanan/kontrak').messageId });
    expect(sri.lastText()).toMatch(/Berapa yang sudah terealisasi\? Paling banyak Rp500\.000\.000/);
    for (const [typed, reply] of [
      ['banyak sekali', /tidak terbaca sebagai angka/],
      ['0', /harus lebih dari nol/],
      ['-5 jt', /tidak boleh negatif/],
      ['600 jt', /lebih besar dari komitmennya\. Ketik paling banyak Rp500\.000\.000/],
      ['500.000.001', /lebih besar dari komitmennya/],
    ] as const) {
      await sri.send(typed);
      expect(sri.lastText()).toMatch(reply);
    }
    await sri.sendPhoto();
    expect(sri.lastText()).toMatch(/Mohon jawab dengan teks/);
    expect(await snapshot()).toEqual(before);

    await sri.send('200 jt');
    expect(sri.lastText()).toMatch(/Tercatat: terealisasi Rp200\.000\.000 dari Rp500\.000\.000/);
    expect(await report(orderId)).toMatchObject({ realisation: 'PARTIAL', realisedAmount: 200_000_000n });
    const [audit] = await realisationAudits(orderId);
    expect(audit?.actorId).toBe(BigInt(sri.id));
    expect(JSON.parse(audit!.before!)).toEqual({ realisation: 'PENDING', realisedAmount: null });
    expect(JSON.parse(audit!.after!)).toEqual({ realisation: 'PARTIAL', realisedAmount: '200000000' });
  });

  it('/batal in the amount question saves nothing', async () => {
    const before = await snapshot();
    await sri.tapData(`fu:part:${loiId}`);
    expect(sri.lastText()).toMatch(/Paling banyak Rp200\.000\.000/);
    await sri.send('/batal');
    expect(sri.lastText()).toMatch(/Dibatalkan\. Tidak ada yang disimpan\./);
    expect(await snapshot()).toEqual(before);
  });

  it('"fully" records the whole commitment', async () => {
    const tap = await sri.tap('✅ Seluruhnya', { messageId: questionAbout('LoI/MoU').messageId });
    expect(tap.answer?.text).toBe('Tercatat ✅');
    expect(sri.lastText()).toMatch(/Tercatat: terealisasi seluruhnya \(Rp200\.000\.000\)/);
    expect(await report(loiId)).toMatchObject({ realisation: 'FULL', realisedAmount: 200_000_000n });
    expect(await realisationAudits(loiId)).toHaveLength(1);
  });

  it('/progres shows the realisation rate of the answered commitments', async () => {
    await official.send('/progres');
    // 200 jt + 200 jt realised of 500 jt + 200 jt committed.
    expect(official.lastText()).toContain('🔁 Realisasi komitmen (2 ditindaklanjuti): Rp400 jt dari Rp700 jt (57,1%)');
  });

  it('the digest shows the same realisation rate', async () => {
    const before = official.messages().length;
    await official.send('/ringkasan');
    const digest = official.messages().slice(before).map((message) => message.plain).join('\n');
    expect(digest).toContain('🔁 Realisasi komitmen (2 ditindaklanjuti): Rp400 jt dari Rp700 jt (57,1%)');
  });

  it('on day 90 asks again about the partly realised order, not the fully realised LoI; "not at all" is stored', async () => {
    now = wib('2027-02-23', '18:00');
    expect(await tick()).toBe(0);
    now = wib('2027-02-24', '09:00');
    await tick();
    expect(await questionsFor(2)).toEqual([`followup:${orderId}:2`]);
    expect((await report(orderId)).followUpsSent).toBe(2);
    expect((await report(loiId)).followUpsSent).toBe(1);
    await outboxDrained(prisma());
    const question = questionAbout('Pesanan/kontrak');
    expect(question.plain).toContain('Tindak lanjut 90 hari');
    await sri.tap('❌ Tidak sama sekali', { messageId: question.messageId });
    expect(sri.lastText()).toMatch(/Tercatat: belum\/tidak terealisasi/);
    expect(await report(orderId)).toMatchObject({ realisation: 'NONE', realisedAmount: 0n });
    const audits = await realisationAudits(orderId);
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[1]!.before!)).toEqual({ realisation: 'PARTIAL', realisedAmount: '200000000' });
    expect(JSON.parse(audits[1]!.after!)).toEqual({ realisation: 'NONE', realisedAmount: '0' });

    // The same answer tapped twice is stored once.
    await sri.tapData(`fu:none:${orderId}`, { messageId: question.messageId });
    expect(await realisationAudits(orderId)).toHaveLength(2);

    await official.send('/progres');
    expect(official.lastText()).toContain('🔁 Realisasi komitmen (2 ditindaklanjuti): Rp200 jt dari Rp700 jt (28,5%)');

    now = wib('2027-06-01', '12:00');
    expect(await tick()).toBe(0);
  });

  it('a voided report cannot be answered', async () => {
    const before = await snapshot();
    const tap = await budi.tapData(`fu:full:${voidedId}`);
    expect(tap.answer).toMatchObject({ text: 'Laporan ini sudah dibatalkan.', show_alert: true });
    expect(await snapshot()).toEqual(before);
  });
});
