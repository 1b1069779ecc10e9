import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrations.js';
import type { Provider } from '../../src/db/schema-files.js';

/**
 * The databases the integration and end-to-end tests run on: always a real
 * SQLite file; PostgreSQL too when TEST_POSTGRES_URL names a server (CI does).
 */
export const TEST_PROVIDERS: readonly Provider[] = process.env.TEST_POSTGRES_URL ? ['sqlite', 'postgresql'] : ['sqlite'];

export interface TestDatabase {
  provider: Provider;
  url: string;
  /** Drops the database (PostgreSQL) or deletes the folder (SQLite). */
  drop(): Promise<void>;
}

/** A fresh, empty database of its own for one test file, not yet migrated. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'misi-test-'));
    return { provider, url: `file:${join(dir, 'bot.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('TEST_POSTGRES_URL is not set');
  const name = `misi_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    provider,
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A fresh migrated database, opened. */
export async function openTestDatabase(provider: Provider): Promise<{ db: Database; drop(): Promise<void>; url: string }> {
  const test = await createTestDatabase(provider);
  await applyMigrations(test.url);
  const db = await openDatabase(test.url);
  return {
    db,
    url: test.url,
    drop: async () => {
      await db.close();
      await test.drop();
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
