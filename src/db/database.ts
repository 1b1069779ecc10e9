import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { postgresRunner, registerFastSql, sqliteRunner, type FastSql } from './fast-sql.js';
import { cachingSqliteFactory, pgStatementNames } from './prepared-statements.js';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PrismaClient as SqliteClient } from './generated/sqlite/client.js';
import { providerOf, sqlitePath, type Provider } from './schema-files.js';

/**
 * The Prisma client the repositories use. Both generated clients have the same
 * model API; the SQLite one's type stands for both.
 */
export type DbClient = SqliteClient;

// Beside the schema files, where prisma.config.ts can use them without loading a client.
export { providerOf, sqlitePath } from './schema-files.js';

// Writers wait this long for a lock instead of failing at once with SQLITE_BUSY.
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * A driver adapter factory for the URL, usable by the client and the schema
 * engine. Each provider's adapter (and client, in openDatabase) is loaded
 * only when a URL of its kind is opened: the other's modules would cost a
 * dozen MiB of resident memory for nothing.
 */
export async function adapterFactory(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (providerOf(url) === 'postgresql') {
    const { PrismaPg } = await import('@prisma/adapter-pg');
    return new PrismaPg({ connectionString: url });
  }
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
  return new PrismaBetterSqlite3({ url: path, timeout: SQLITE_BUSY_TIMEOUT_MS });
}

export interface Database {
  readonly provider: Provider;
  readonly url: string;
  readonly prisma: DbClient;
  close(): Promise<void>;
}

/**
 * Opens the database a URL names. SQLite is switched to WAL, so readers never
 * wait for the writer and a second process can read while the bot writes.
 */
export async function openDatabase(url: string): Promise<Database> {
  const provider = providerOf(url);
  // The bot's client keeps its statements prepared (the schema engine's connections need not).
  // The hot path's raw SQL (fast-sql.ts) shares the adapter's connection (SQLite) or pool (PostgreSQL).
  let fast: FastSql | undefined;
  let prisma: DbClient;
  if (provider === 'postgresql') {
    const [{ PrismaPg }, { PrismaClient }, { default: pg }] = await Promise.all([import('@prisma/adapter-pg'), import('./generated/postgresql/client.js'), import('pg')]);
    const pool = new pg.Pool({ connectionString: url });
    // An idle connection the server closed (a restart, a dropped test database) is replaced on the next query.
    pool.on('error', () => undefined);
    fast = postgresRunner(pool, pg.types);
    const adapter = new PrismaPg(pool, { statementNameGenerator: pgStatementNames(), disposeExternalPool: true });
    prisma = new PrismaClient({ adapter }) as unknown as DbClient;
  } else {
    const { PrismaClient } = await import('./generated/sqlite/client.js');
    prisma = new PrismaClient({ adapter: cachingSqliteFactory(await adapterFactory(url), (connection) => (fast = sqliteRunner(connection))) });
  }
  if (provider === 'sqlite') {
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await prisma.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
    // Sorts and groupings (search ranking) in memory rather than in temporary files.
    await prisma.$queryRawUnsafe('PRAGMA temp_store = MEMORY');
  }
  if (fast) registerFastSql(prisma, fast);
  return {
    provider,
    url,
    prisma,
    close: () => prisma.$disconnect(),
  };
}
