/**
 * The inbox on a real database: a redelivered update is dropped, one chat's
 * updates are handled in order while chats run in parallel, two processes
 * never handle the same update, and a crashed process's rows are taken
 * again once its lease has run out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createInboxRepository } from '../../src/db/repositories/inbox.js';
import { createLogger } from '../../src/logger.js';
import { createInboxWorkers, type InboxWorkers } from '../../src/jobs/inbox-workers.js';
import { toInboxRows } from '../../src/jobs/update-poller.js';
import { openTestDatabase, TEST_PROVIDERS } from '../support/databases.js';

const logger = createLogger({ level: 'silent' });

/** A message update from a chat, numbered. */
function message(updateId: number, chatId: number): Update {
  return { update_id: updateId, message: { message_id: updateId, date: 0, chat: { id: chatId, type: 'private', first_name: 'x' }, from: { id: chatId, is_bot: false, first_name: 'x' }, text: `#${updateId}` } } as Update;
}

function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = async (): Promise<void> => {
      if (await condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('condition not met in time'));
      setTimeout(() => void check(), 20);
    };
    void check();
  });
}

describe.each(TEST_PROVIDERS)('the inbox on %s', (provider) => {
  let db: Database;
  let second: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const test = await openTestDatabase(provider);
    db = test.db;
    drop = test.drop;
    second = await openDatabase(test.url);
  });
  afterAll(async () => {
    await second?.close();
    await drop?.();
  });

  const clear = () => db.prisma.inboxUpdate.deleteMany({});

  it('records each update_id once: a redelivery is dropped', async () => {
    await clear();
    const inbox = createInboxRepository(db.prisma, provider);
    expect(await inbox.record(toInboxRows([message(1, 10), message(2, 10)]), 1_000)).toBe(2);
    expect(await inbox.record(toInboxRows([message(2, 10), message(3, 11)]), 2_000)).toBe(1);
    expect(await db.prisma.inboxUpdate.count()).toBe(3);
    expect((await db.prisma.inboxUpdate.findUniqueOrThrow({ where: { updateId: 2n } })).receivedAt).toBe(1_000n);
  });

  it('takes the heads in one statement: oldest first, each by one worker only, a chat behind its held head waits', async () => {
    await clear();
    const inbox = createInboxRepository(db.prisma, provider);
    await inbox.record(toInboxRows([message(1, 10), message(2, 10), message(3, 11), message(4, 12), message(5, 13)]), 0);
    const a = await inbox.claimHeads('a', 100, 10_000, 2);
    expect(a.map((row) => [row.updateId, row.attempts])).toEqual([[1n, 0], [3n, 0]]);
    // Another worker (the second connection stands for another process) at the same moment gets the rest, never the same rows.
    const b = await createInboxRepository(second.prisma, provider).claimHeads('b', 100, 10_000, 10);
    expect(b.map((row) => row.updateId)).toEqual([4n, 5n]);
    expect(await inbox.claimHeads('c', 100, 10_000, 10)).toEqual([]);
    await inbox.finish(1n, 'a', 200);
    expect((await inbox.claimHeads('c', 300, 10_000, 10)).map((row) => row.updateId)).toEqual([2n]);
    // A lease that ran out (its process died) is taken again, and the attempt is counted.
    const again = await inbox.claimHeads('d', 20_000, 30_000, 10);
    expect(again.map((row) => [row.updateId, row.attempts])).toEqual([[2n, 1], [3n, 1], [4n, 1], [5n, 1]]);
    expect(await db.prisma.inboxUpdate.findUniqueOrThrow({ where: { updateId: 3n } })).toMatchObject({ lockedBy: 'd', attempts: 2 });
  });

  it('offers only the oldest pending update of each chat, and none of a chat whose head is held', async () => {
    await clear();
    const inbox = createInboxRepository(db.prisma, provider);
    await inbox.record(toInboxRows([message(1, 10), message(2, 10), message(3, 11), message(4, 12)]), 0);
    expect((await inbox.heads(100, 10)).map((row) => row.updateId)).toEqual([1n, 3n, 4n]);
    expect(await inbox.claim(1n, 'a', 100, 10_000)).toBe(true);
    expect(await inbox.claim(1n, 'b', 100, 10_000)).toBe(false);
    expect((await inbox.heads(100, 10)).map((row) => row.updateId)).toEqual([3n, 4n]);
    await inbox.finish(1n, 'a', 200);
    expect((await inbox.heads(300, 10)).map((row) => row.updateId)).toEqual([2n, 3n, 4n]);
    // A held row whose lease ran out (its process died) is offered again.
    expect(await inbox.claim(2n, 'dead', 300, 1_000)).toBe(true);
    expect((await inbox.heads(500, 10)).map((row) => row.updateId)).toEqual([3n, 4n]);
    expect((await inbox.heads(1_001, 10)).map((row) => row.updateId)).toEqual([2n, 3n, 4n]);
    expect(await inbox.claim(2n, 'b', 1_001, 5_000)).toBe(true);
    // Released at a stop: free at once and not counted as an attempt.
    await inbox.release(2n, 'b');
    const released = await db.prisma.inboxUpdate.findUniqueOrThrow({ where: { updateId: 2n } });
    expect(released).toMatchObject({ lockedBy: null, lockedUntil: null, attempts: 1, status: 'PENDING' });
    expect(await inbox.backlog()).toBe(3);
    expect(await inbox.prune(10_000)).toBe(1);
  });

  it('two processes handle 300 updates of 12 chats: each exactly once, each chat in order', async () => {
    await clear();
    const handled: number[] = [];
    const byChat = new Map<number, number[]>();
    const running = new Set<number>();
    let overlap = false;
    const handle = async (update: Update): Promise<void> => {
      const chat = (update as { message: { chat: { id: number } } }).message.chat.id;
      if (running.has(chat)) overlap = true;
      running.add(chat);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
      running.delete(chat);
      handled.push(update.update_id);
      byChat.set(chat, [...(byChat.get(chat) ?? []), update.update_id]);
    };
    const workers: InboxWorkers[] = [db, second].map((database, i) =>
      createInboxWorkers({ inbox: createInboxRepository(database.prisma, provider), handle, logger, concurrency: 6, pollIntervalMs: 20, id: `p${i}` }),
    );
    for (const w of workers) w.start();
    const updates = Array.from({ length: 300 }, (_, i) => message(1_000 + i, 100 + (i % 12)));
    // Arrive in batches, as long polling delivers them, into both processes' inboxes.
    for (let i = 0; i < updates.length; i += 25) {
      const inbox = createInboxRepository((i / 25) % 2 === 0 ? db.prisma : second.prisma, provider);
      await inbox.record(toInboxRows(updates.slice(i, i + 25)), Date.now());
      for (const w of workers) w.wake();
    }
    await until(() => handled.length >= 300);
    await until(() => workers.every((w) => w.idle));
    for (const w of workers) await w.stop();
    expect(handled.length).toBe(300);
    expect(new Set(handled).size).toBe(300);
    expect(overlap).toBe(false);
    for (const [, ids] of byChat) expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(await db.prisma.inboxUpdate.count({ where: { status: 'DONE' } })).toBe(300);
  });

  it('a stop waits for a running handler, or interrupts it and hands its update back', async () => {
    await clear();
    const inbox = createInboxRepository(db.prisma, provider);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let running = false;
    const outcomes: string[] = [];
    const workers = createInboxWorkers({
      inbox,
      logger,
      id: 'stopper',
      onHandled: (_type, outcome) => outcomes.push(outcome),
      pollIntervalMs: 20,
      handle: () => {
        running = true;
        return gate;
      },
    });
    workers.start();
    await inbox.record(toInboxRows([message(50, 10)]), 0);
    workers.wake();
    // The handler has started (the row's claim alone commits a moment before the handler runs).
    await until(() => running);
    expect((await db.prisma.inboxUpdate.findUniqueOrThrow({ where: { updateId: 50n } })).lockedBy).toBe('stopper');
    let interrupted = false;
    await workers.stop({
      graceMs: 100,
      interrupt: () => {
        interrupted = true;
        release();
      },
    });
    expect(interrupted).toBe(true);
    // Not counted as handled in the metrics: it runs again after the restart.
    expect(outcomes).toEqual(['interrupted']);
    const row = await db.prisma.inboxUpdate.findUniqueOrThrow({ where: { updateId: 50n } });
    expect(row).toMatchObject({ status: 'PENDING', lockedBy: null });
  });

  it('gives an update up after it crashed its process too often, instead of crashing forever', async () => {
    await clear();
    const inbox = createInboxRepository(db.prisma, provider);
    await inbox.record(toInboxRows([message(60, 10)]), 0);
    await db.prisma.inboxUpdate.update({ where: { updateId: 60n }, data: { attempts: 5 } });
    const seen: number[] = [];
    const workers = createInboxWorkers({ inbox, logger, pollIntervalMs: 20, maxAttempts: 5, handle: async (u) => void seen.push(u.update_id) });
    workers.start();
    await until(async () => (await db.prisma.inboxUpdate.findUniqueOrThrow({ where: { updateId: 60n } })).status === 'FAILED');
    await workers.stop();
    expect(seen).toEqual([]);
  });
});
