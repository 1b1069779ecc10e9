import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../support/databases.js';

// SQLite has one connection per process. A write made by one handler while
// another handler's transaction is open must not become part of that
// transaction, or its rollback would silently undo someone else's work.
describe('SQLite: a rolled-back transaction keeps its hands off concurrent writes', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase('sqlite'));
  });
  afterAll(async () => drop());

  it.each([
    ['create', (db: Database) => db.prisma.telegramUser.create({ data: { id: 2n, firstName: 'Concurrent' } })],
    ['createMany', (db: Database) => db.prisma.telegramUser.createMany({ data: [{ id: 2n, firstName: 'Concurrent' }] })],
    ['executeRaw', (db: Database) => db.prisma.$executeRawUnsafe(`INSERT INTO "TelegramUser" (id, firstName, updatedAt) VALUES (2, 'Concurrent', CURRENT_TIMESTAMP)`)],
  ] as const)('keeps a plain write (%s) made while another transaction is open and then rolled back', async (_name, write) => {
    await db.prisma.telegramUser.deleteMany({});
    let release!: () => void;
    const inside = new Promise<void>((resolve) => (release = resolve));
    let txStarted!: () => void;
    const started = new Promise<void>((resolve) => (txStarted = resolve));

    const failing = db.prisma
      .$transaction(async (tx) => {
        await tx.telegramUser.create({ data: { id: 1n, firstName: 'Rolled back' } });
        txStarted();
        await inside;
        throw new Error('business rule says no');
      })
      .catch((error: unknown) => error);

    await started;
    const plain = write(db);
    // Give the plain write every chance to run while the transaction is open.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect(String(await failing)).toContain('business rule says no');
    await plain;

    const names = (await db.prisma.telegramUser.findMany({ orderBy: { id: 'asc' } })).map((user) => user.firstName);
    expect(names).toEqual(['Concurrent']);
  });
});
