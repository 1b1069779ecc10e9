/**
 * The outbox sender end to end through the Bot API simulator: messages
 * written to the OutboxMessage table reach Telegram once, in order, within
 * the rate limits, and survive 429, 5xx, 403, group migration, a restart and
 * a second bot process on the same database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessage, type OutboxMessageInput } from '../../src/db/outbox-enqueue.js';
import { createOutboxSender } from '../../src/jobs/outbox-sender.js';
import { createLogger } from '../../src/logger.js';
import type { SimCall, SimChat, SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot } from '../support/bot-harness.js';
import { TEST_PROVIDERS } from '../support/databases.js';
import { outboxDrained, seedMission, startSecondApp, testClock } from '../support/push-fixtures.js';

const clock = testClock('2026-11-26T03:00:00Z');

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const sendsTo = (calls: readonly SimCall[], chatId: number, method = 'sendMessage') =>
  calls.filter((call) => call.method === method && Number(call.params.chat_id) === chatId);
const okSendsTo = (calls: readonly SimCall[], chatId: number, method = 'sendMessage') => sendsTo(calls, chatId, method).filter((call) => call.ok);

describe.each(TEST_PROVIDERS)('outbox sender on %s', (provider) => {
  let bot: TestBot;
  let nextUser = 9100;
  const prisma = () => bot.db.prisma;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now });
  });
  afterAll(async () => bot?.stop());

  /** A user who has talked to the bot, so it may write to them. */
  const newUser = (options: { languageCode?: string } = {}): SimUser => bot.sim.user({ id: nextUser++, firstName: `Peserta ${nextUser}`, startedBot: true, ...options });
  const text = (chatId: number | bigint, body: string, extra: Partial<OutboxMessageInput> = {}): OutboxMessageInput => ({
    chatId: BigInt(chatId),
    purpose: 'notice',
    method: 'sendMessage',
    payload: { text: body, parse_mode: 'HTML' },
    ...extra,
  });
  const rowOf = (dedupeKey: string) => prisma().outboxMessage.findUniqueOrThrow({ where: { dedupeKey } });

  it('sends a queued text, photo and document, in order, and records each as SENT with its message id', async () => {
    const user = newUser();
    await enqueueMessage(prisma(), text(user.id, '<b>Halo</b> peserta', { dedupeKey: 'basic:text' }));
    await enqueueMessage(prisma(), {
      chatId: BigInt(user.id),
      purpose: 'digest',
      method: 'sendPhoto',
      payload: { photo: { base64: PNG.toString('base64'), filename: 'grafik.png' }, caption: 'Grafik <i>hari ini</i>', parse_mode: 'HTML' },
      dedupeKey: 'basic:photo',
    });
    await enqueueMessage(prisma(), {
      chatId: BigInt(user.id),
      purpose: 'notice',
      method: 'sendDocument',
      payload: { document: { base64: Buffer.from('a;b\n1;2\n').toString('base64'), filename: 'laporan.csv' }, caption: 'Ekspor' },
      dedupeKey: 'basic:doc',
    });
    await outboxDrained(prisma());

    const messages = user.messages();
    expect(messages.map((m) => m.plain)).toEqual(['Halo peserta', 'Grafik hari ini', 'Ekspor']);
    expect(messages[1]?.photo?.bytes?.equals(PNG)).toBe(true);
    expect(messages[2]?.document?.filename).toBe('laporan.csv');
    expect(messages[2]?.document?.bytes?.toString()).toBe('a;b\n1;2\n');
    for (const [index, key] of ['basic:text', 'basic:photo', 'basic:doc'].entries()) {
      const row = await rowOf(key);
      expect(row).toMatchObject({ status: 'SENT', attempts: 1, sentMessageId: messages[index]?.messageId, lastError: null });
      expect(row.sentAt).not.toBeNull();
    }
  });

  it('does not queue a second message with the same dedupe key', async () => {
    const user = newUser();
    expect(await enqueueMessage(prisma(), text(user.id, 'sekali', { dedupeKey: 'once:1' }))).toBe(true);
    expect(await enqueueMessage(prisma(), text(user.id, 'sekali lagi', { dedupeKey: 'once:1' }))).toBe(false);
    await outboxDrained(prisma());
    expect(user.messages().map((m) => m.plain)).toEqual(['sekali']);
  });

  it('keeps one message per second in one chat, but does not hold other chats back', async () => {
    const group = bot.sim.group({ title: 'Grup Tempo' });
    const others = [newUser(), newUser(), newUser()];
    for (let i = 1; i <= 3; i++) await enqueueMessage(prisma(), text(group.id, `pesan ${i}`));
    for (const user of others) await enqueueMessage(prisma(), text(user.id, 'serentak'));
    await outboxDrained(prisma());

    const toGroup = okSendsTo(bot.sim.calls, group.id);
    expect(toGroup.map((call) => call.params.text)).toEqual(['pesan 1', 'pesan 2', 'pesan 3']);
    for (let i = 1; i < toGroup.length; i++) {
      // The simulator stamps answers, not sends; on a busy machine one answer can lag another by a
      // few dozen ms, so allow for it. A sender without the limit would send them within a few ms.
      expect(toGroup[i]!.at.getTime() - toGroup[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(850);
    }
    const times = others.map((user) => okSendsTo(bot.sim.calls, user.id)[0]!.at.getTime());
    // Held back behind the group's one per second they would be two seconds apart.
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(1_800);
  });

  it('waits retry_after on a 429 and then sends, once', async () => {
    const user = newUser();
    bot.sim.failWith429('sendMessage', 2, { chatId: user.id });
    await enqueueMessage(prisma(), text(user.id, 'setelah banjir', { dedupeKey: 'flood:1' }));
    await outboxDrained(prisma());
    const calls = sendsTo(bot.sim.calls, user.id);
    expect(calls.map((call) => call.ok)).toEqual([false, true]);
    expect(calls[1]!.at.getTime() - calls[0]!.at.getTime()).toBeGreaterThanOrEqual(1_850);
    expect(user.messages().map((m) => m.plain)).toEqual(['setelah banjir']);
    expect(await rowOf('flood:1')).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('retries a 5xx with a growing backoff and then sends, once', async () => {
    const user = newUser();
    bot.sim.fail('sendMessage', { error_code: 502, description: 'Bad Gateway' }, { chatId: user.id, times: 2 });
    await enqueueMessage(prisma(), text(user.id, 'setelah gangguan', { dedupeKey: '5xx:1' }));
    await outboxDrained(prisma());
    const calls = sendsTo(bot.sim.calls, user.id);
    expect(calls.map((call) => call.ok)).toEqual([false, false, true]);
    // Backoff 1 s after the first failure, 2 s after the second.
    expect(calls[1]!.at.getTime() - calls[0]!.at.getTime()).toBeGreaterThanOrEqual(850);
    expect(calls[2]!.at.getTime() - calls[1]!.at.getTime()).toBeGreaterThanOrEqual(1_850);
    expect(user.messages().map((m) => m.plain)).toEqual(['setelah gangguan']);
    expect(await rowOf('5xx:1')).toMatchObject({ status: 'SENT', attempts: 3 });
  });

  it('on 403 marks the chat inactive and the message FAILED without retrying, fails later messages without a call, and is reachable again once the user writes', async () => {
    const user = newUser();
    user.block();
    await enqueueMessage(prisma(), text(user.id, 'tidak sampai', { dedupeKey: '403:1' }));
    await outboxDrained(prisma());
    expect(sendsTo(bot.sim.calls, user.id)).toHaveLength(1);
    expect(await rowOf('403:1')).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect((await rowOf('403:1')).lastError).toContain('blocked by the user');
    expect(await prisma().chat.findUnique({ where: { id: BigInt(user.id) } })).toMatchObject({ active: false });

    await enqueueMessage(prisma(), text(user.id, 'juga tidak', { dedupeKey: '403:2' }));
    await outboxDrained(prisma());
    expect(sendsTo(bot.sim.calls, user.id)).toHaveLength(1);
    expect(await rowOf('403:2')).toMatchObject({ status: 'FAILED', attempts: 0, lastError: 'chat inactive (blocked, kicked or not found)' });

    user.unblock();
    await user.send('/bantuan');
    expect(await prisma().chat.findUnique({ where: { id: BigInt(user.id) } })).toMatchObject({ active: true });
    await enqueueMessage(prisma(), text(user.id, 'sampai lagi', { dedupeKey: '403:3' }));
    await outboxDrained(prisma());
    expect(user.lastText()).toBe('sampai lagi');
  });

  it('on 403 from a group the bot was removed from, stops the digest there', async () => {
    const official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await seedMission(prisma(), { name: 'Misi Uji Outbox' });
    const group = bot.sim.group({ title: 'Grup Lama' });
    await official.send('/langganan 20:00', { chat: group });
    bot.sim.kickBot(group);
    await enqueueMessage(prisma(), text(group.id, 'halo grup', { dedupeKey: 'kick:1' }));
    await outboxDrained(prisma());
    expect(await rowOf('kick:1')).toMatchObject({ status: 'FAILED' });
    expect(await prisma().chat.findUnique({ where: { id: BigInt(group.id) } })).toMatchObject({ active: false });

    // 20:30 WIB: the group would be due, but it is unreachable.
    await bot.app.jobs.scheduler.tick(new Date('2026-11-26T13:30:00Z'));
    expect(await prisma().digestRun.count({ where: { chatId: BigInt(group.id) } })).toBe(0);
  });

  it('follows a group upgraded to a supergroup: resends there, and moves the chat, its subscription and today’s digest claim', async () => {
    const group = bot.sim.group({ title: 'Grup Biasa' });
    // Someone writes in the group, so the bot knows it (a Chat row, as for any group it is in).
    await bot.sim.user({ id: 9990, firstName: 'Anggota' }).send('/bantuan', { chat: group });
    const mission = await prisma().mission.findFirstOrThrow({ where: { name: 'Misi Uji Outbox' } });
    await prisma().subscription.create({ data: { missionId: mission.id, chatId: BigInt(group.id), localTime: '20:00' } });
    // Today's digest was already sent to the group under its old id.
    await prisma().digestRun.create({ data: { missionId: mission.id, chatId: BigInt(group.id), localDate: '2026-11-26', claimedBy: 'earlier' } });

    const supergroup: SimChat = bot.sim.migrateGroup(group);
    await enqueueMessage(prisma(), text(group.id, 'ke grup baru', { dedupeKey: 'migrate:1' }));
    await outboxDrained(prisma());

    expect(supergroup.lastText()).toBe('ke grup baru');
    const calls = [...sendsTo(bot.sim.calls, group.id), ...sendsTo(bot.sim.calls, supergroup.id)].filter((call) => call.params.text === 'ke grup baru');
    expect(calls.map((call) => [Number(call.params.chat_id), call.ok])).toEqual([
      [group.id, false],
      [supergroup.id, true],
    ]);
    expect(await rowOf('migrate:1')).toMatchObject({ status: 'SENT', chatId: BigInt(supergroup.id) });
    expect(await prisma().chat.findUnique({ where: { id: BigInt(group.id) } })).toMatchObject({ active: false, migratedTo: BigInt(supergroup.id) });
    expect(await prisma().chat.findUnique({ where: { id: BigInt(supergroup.id) } })).toMatchObject({ active: true, type: 'supergroup', title: 'Grup Biasa' });
    expect(await prisma().subscription.findMany({ where: { missionId: mission.id, chatId: { in: [BigInt(group.id), BigInt(supergroup.id)] } } })).toMatchObject([
      { chatId: BigInt(supergroup.id), active: true },
    ]);

    // The claim moved with the chat: the supergroup does not get today's digest a second time.
    await bot.app.jobs.scheduler.tick(new Date('2026-11-26T13:30:00Z'));
    expect(await prisma().digestRun.findMany({ where: { missionId: mission.id, chatId: BigInt(supergroup.id) } })).toHaveLength(1);
    await outboxDrained(prisma());
    expect(supergroup.messages().filter((m) => m.photo)).toHaveLength(0);

    // A message queued for the old id later still finds the supergroup, without another 400.
    await enqueueMessage(prisma(), text(group.id, 'alamat lama', { dedupeKey: 'migrate:2' }));
    await outboxDrained(prisma());
    expect(supergroup.lastText()).toBe('alamat lama');
    expect(sendsTo(bot.sim.calls, group.id).filter((call) => call.params.text === 'alamat lama')).toHaveLength(0);
  });

  it('fails another 400 at once with Telegram’s description', async () => {
    const user = newUser();
    await enqueueMessage(prisma(), text(user.id, '<b>rusak', { dedupeKey: '400:1' }));
    await outboxDrained(prisma());
    const row = await rowOf('400:1');
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row.lastError).toContain("can't parse entities");
    expect(sendsTo(bot.sim.calls, user.id)).toHaveLength(1);
  });

  it('resumes unsent messages after a restart, sends none twice, never resends a SENT row and retries a stale lock', async () => {
    const user = newUser();
    const crashed = newUser();
    // A row a crashed sender left mid-send ten minutes ago, and one it had sent before the crash.
    const old = new Date(Date.now() - 10 * 60_000);
    const row = (text: string) => ({ chatId: BigInt(crashed.id), purpose: 'notice', method: 'sendMessage', payload: JSON.stringify({ text }), lockedBy: 'dead', attempts: 1 });
    await prisma().outboxMessage.create({ data: { ...row('sudah terkirim'), status: 'SENT', sentAt: old, createdAt: old, dedupeKey: 'restart:sent' } });
    await prisma().outboxMessage.create({ data: { ...row('tertahan'), status: 'SENDING', lockedAt: old, createdAt: old, notBefore: old, dedupeKey: 'restart:stale' } });

    for (let i = 1; i <= 4; i++) await enqueueMessage(prisma(), text(user.id, `antrian ${i}`, { dedupeKey: `restart:${i}` }));
    // One per second to this chat: restart while some are still queued.
    await bot.sim.waitFor((call) => call.ok && Number(call.params.chat_id) === user.id && call.params.text === 'antrian 1');
    await bot.restart();
    await outboxDrained(prisma());

    expect(okSendsTo(bot.sim.calls, user.id).map((call) => call.params.text)).toEqual(['antrian 1', 'antrian 2', 'antrian 3', 'antrian 4']);
    expect(user.messages().map((m) => m.plain)).toEqual(['antrian 1', 'antrian 2', 'antrian 3', 'antrian 4']);
    // The stale lock was released by the new process and sent (at least once); the SENT row was not sent again.
    expect(crashed.messages().map((m) => m.plain)).toEqual(['tertahan']);
    expect(await rowOf('restart:stale')).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(await prisma().outboxMessage.count({ where: { dedupeKey: { startsWith: 'restart:' }, status: { not: 'SENT' } } })).toBe(0);
  });
});

describe.each(TEST_PROVIDERS)('outbox sender policies with short timings on %s', (provider) => {
  let bot: TestBot;
  const prisma = () => bot.db.prisma;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now });
    // This describe drives its own sender with short timings; the app's one would compete for the rows.
    await bot.app.jobs.sender.stop();
  });
  afterAll(async () => bot?.stop());

  const sender = (options: Partial<Parameters<typeof createOutboxSender>[0]> = {}) =>
    createOutboxSender({ prisma: prisma(), telegram: bot.app.bot.telegram, logger: createLogger({ level: 'silent' }), pollIntervalMs: 10, ...options });

  it('gives up a message after the maximum attempts of 5xx, with the error', async () => {
    const user = bot.sim.user({ id: 9501, firstName: 'A', startedBot: true });
    bot.sim.fail('sendMessage', { error_code: 500, description: 'Internal Server Error' }, { chatId: user.id, times: 10 });
    await enqueueMessage(prisma(), { chatId: BigInt(user.id), purpose: 'notice', method: 'sendMessage', payload: { text: 'x' }, dedupeKey: 'max:1' });
    const s = sender({ retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } });
    s.start();
    try {
      await outboxDrained(prisma());
    } finally {
      await s.stop();
      bot.sim.clearFaults();
    }
    expect(sendsTo(bot.sim.calls, user.id)).toHaveLength(3);
    const row = await prisma().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'max:1' } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(row.lastError).toContain('gave up after 3 attempts');
  });

  it('retries a network failure (no answer at all)', async () => {
    const user = bot.sim.user({ id: 9502, firstName: 'B', startedBot: true });
    bot.sim.dropConnection('sendMessage', { chatId: user.id });
    await enqueueMessage(prisma(), { chatId: BigInt(user.id), purpose: 'notice', method: 'sendMessage', payload: { text: 'lewat' }, dedupeKey: 'net:1' });
    const s = sender({ retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 } });
    s.start();
    try {
      await outboxDrained(prisma());
    } finally {
      await s.stop();
    }
    expect(user.messages().map((m) => m.plain)).toEqual(['lewat']);
    expect(await prisma().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'net:1' } })).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('keeps the per-group limit per window (here 3 per second instead of 20 per minute)', async () => {
    const group = bot.sim.group({ title: 'Grup Kuota' });
    for (let i = 1; i <= 5; i++) {
      await enqueueMessage(prisma(), { chatId: BigInt(group.id), purpose: 'notice', method: 'sendMessage', payload: { text: `kuota ${i}` } });
    }
    const s = sender({ limits: { globalMax: 30, globalWindowMs: 1_000, perChatGapMs: 10, groupMax: 3, groupWindowMs: 1_000 } });
    s.start();
    try {
      await outboxDrained(prisma());
    } finally {
      await s.stop();
    }
    const times = okSendsTo(bot.sim.calls, group.id).map((call) => call.at.getTime());
    expect(times).toHaveLength(5);
    // Never a fourth send within a second of three others (a few ms of slack for the simulator's stamps).
    for (let i = 0; i + 3 < times.length; i++) expect(times[i + 3]! - times[i]!).toBeGreaterThanOrEqual(900);
  });

  it('keeps the overall limit (here 4 per second instead of 30)', async () => {
    const users = Array.from({ length: 6 }, (_, i) => bot.sim.user({ id: 9600 + i, firstName: `U${i}`, startedBot: true }));
    for (const user of users) await enqueueMessage(prisma(), { chatId: BigInt(user.id), purpose: 'notice', method: 'sendMessage', payload: { text: 'semua' } });
    const s = sender({ limits: { globalMax: 4, globalWindowMs: 1_000, perChatGapMs: 1_000, groupMax: 20, groupWindowMs: 60_000 } });
    s.start();
    try {
      await outboxDrained(prisma());
    } finally {
      await s.stop();
    }
    const times = users.map((user) => okSendsTo(bot.sim.calls, user.id)[0]!.at.getTime()).sort((a, b) => a - b);
    // Never a fifth send within a second of four others.
    for (let i = 0; i + 4 < times.length; i++) expect(times[i + 4]! - times[i]!).toBeGreaterThanOrEqual(900);
  });

  it('two senders on one database send each message once', async () => {
    const users = Array.from({ length: 12 }, (_, i) => bot.sim.user({ id: 9700 + i, firstName: `V${i}`, startedBot: true }));
    const a = sender({ id: 'sender-a' });
    const b = sender({ id: 'sender-b' });
    for (const user of users) await enqueueMessage(prisma(), { chatId: BigInt(user.id), purpose: 'notice', method: 'sendMessage', payload: { text: `untuk ${user.id}` } });
    a.start();
    b.start();
    try {
      await outboxDrained(prisma());
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    for (const user of users) expect(user.messages().map((m) => m.plain)).toEqual([`untuk ${user.id}`]);
    const owners = await prisma().outboxMessage.groupBy({ by: ['lockedBy'], where: { chatId: { in: users.map((u) => BigInt(u.id)) } }, _count: { _all: true } });
    expect(owners.reduce((sum, o) => sum + o._count._all, 0)).toBe(12);
  });
});

describe.each(TEST_PROVIDERS)('outbox under two bot processes on %s', (provider) => {
  let bot: TestBot;
  let second: Awaited<ReturnType<typeof startSecondApp>>;

  beforeAll(async () => {
    bot = await startTestBot(provider, { now: clock.now });
    second = await startSecondApp(bot, { now: clock.now });
  });
  afterAll(async () => {
    await second?.stop();
    await bot?.stop();
  });

  it('delivers every message exactly once across the two processes', async () => {
    const ids = Array.from({ length: 15 }, (_, i) => 9800 + i);
    const first = ids.map((id) => bot.sim.user({ id, firstName: `W${id}`, startedBot: true }));
    const twin = ids.map((id) => second.sim.user({ id, firstName: `W${id}`, startedBot: true }));
    for (const id of ids) {
      for (let n = 1; n <= 2; n++) {
        await enqueueMessage(bot.db.prisma, { chatId: BigInt(id), purpose: 'notice', method: 'sendMessage', payload: { text: `pesan ${n}` }, dedupeKey: `two:${id}:${n}` });
      }
    }
    await outboxDrained(bot.db.prisma, 20_000);
    ids.forEach((id, i) => {
      const received = [...first[i]!.messages(), ...twin[i]!.messages()].map((m) => m.plain).sort();
      expect(received, `chat ${id}`).toEqual(['pesan 1', 'pesan 2']);
    });
    const senders = await bot.db.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'two:' } }, select: { lockedBy: true, status: true } });
    expect(senders.every((row) => row.status === 'SENT')).toBe(true);
    expect(new Set(senders.map((row) => row.lockedBy)).size).toBeGreaterThanOrEqual(1);
  });
});
