import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { applyMigrations, migrationsList } from '../../src/db/migrations.js';
import { PROVIDERS } from '../../src/db/schema-files.js';
import { TEST_PROVIDERS, createTestDatabase, type TestDatabase } from '../support/databases.js';

describe('migrations folders', () => {
  it('holds the same migration history for every provider', () => {
    const [first, ...rest] = PROVIDERS.map((provider) => migrationsList(provider).migrationDirectories.map((dir) => dir.path));
    expect(first?.length).toBeGreaterThan(0);
    for (const other of rest) expect(other).toEqual(first);
  });
});

describe.each(TEST_PROVIDERS)('migrations on %s', (provider) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.drop();
    test = undefined;
  });

  it('applies every migration once, records it like prisma migrate deploy, and is idempotent', async () => {
    test = await createTestDatabase(provider);
    const expected = migrationsList(provider).migrationDirectories.map((dir) => dir.path);

    expect(await applyMigrations(test.url)).toEqual(expected);
    expect(await applyMigrations(test.url)).toEqual([]);

    const db = await openDatabase(test.url);
    try {
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>(
        'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
      );
      expect(rows.map((row) => row.migration_name)).toEqual(expected);
      expect(rows.every((row) => row.finished_at !== null)).toBe(true);
      // The schema is usable: a BigInt id round-trips exactly.
      const user = await db.prisma.telegramUser.create({ data: { id: 9_007_199_254_740_993n, firstName: 'Sri' } });
      expect(user.id).toBe(9_007_199_254_740_993n);
    } finally {
      await db.close();
    }
  });

  if (provider === 'sqlite') {
    it('opens SQLite in WAL mode with a busy timeout', async () => {
      test = await createTestDatabase(provider);
      await applyMigrations(test.url);
      const db = await openDatabase(test.url);
      try {
        const [mode] = await db.prisma.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
        const [timeout] = await db.prisma.$queryRawUnsafe<{ timeout: number }[]>('PRAGMA busy_timeout');
        expect(mode?.journal_mode).toBe('wal');
        expect(Number(timeout?.timeout)).toBeGreaterThanOrEqual(1000);
      } finally {
        await db.close();
      }
    });
  }
});
