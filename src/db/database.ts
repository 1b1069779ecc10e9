import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { postgresRunner, registerFastSql, sqliteRunner, type FastSql } from './fast-sql.js';
import { cachingSqliteFactory, pgStatementNames } from './prepared-statements.js';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.js';
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

/** A driver adapter factory for the URL, usable by the client and the schema engine. */
export function adapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(url) === 'postgresql') return new PrismaPg({ connectionString: url });
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
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
  const pool = provider === 'postgresql' ? new pg.Pool({ connectionString: url }) : undefined;
  const adapter = pool
    ? new PrismaPg(pool, { statementNameGenerator: pgStatementNames(), disposeExternalPool: true })
    : cachingSqliteFactory(adapterFactory(url), (connection) => (fast = sqliteRunner(connection)));
  if (pool) {
    // An idle connection the server closed (a restart, a dropped test database) is replaced on the next query.
    pool.on('error', () => undefined);
    fast = postgresRunner(pool);
  }
  const prisma =
    provider === 'postgresql'
      ? (new PostgresClient({ adapter }) as unknown as DbClient)
      : new SqliteClient({ adapter });
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
