import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import type { Provider } from './schema-files.js';

/**
 * Raw SQL for the hot path (the inbox, the session, a sale's save), straight
 * to the driver the Prisma adapter holds: a better-sqlite3 statement prepared
 * once per connection, or a named pg statement (parsed and planned once per
 * pooled connection). Prisma's client spends most of an update's time around
 * its statements; these skip it. Statements are written with `?`
 * placeholders; PostgreSQL gets `$1…`. Values come back as the driver gives
 * them: read them through `num`, `big` and `date`.
 *
 * A client without a driver of its own (one made elsewhere, a test's) gets
 * the same interface over Prisma's raw queries.
 */
export interface SqlRunner {
  readonly provider: Provider;
  /** Rows of a statement that returns rows. */
  all<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Affected rows of a statement that returns none. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface FastSql extends SqlRunner {
  /** `fn` inside one transaction; a throw rolls it back. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

/** An error of the database: `code` 'P2002' on a unique violation, as Prisma says it, so callers test one code. */
export class FastSqlError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

function wrapError(error: unknown, provider: Provider): never {
  const code = (error as { code?: unknown }).code;
  const unique = provider === 'sqlite' ? code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' : code === '23505';
  throw new FastSqlError(error instanceof Error ? error.message : String(error), unique ? 'P2002' : typeof code === 'string' ? code : undefined, error);
}

/** `?` → `$1…` for PostgreSQL. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const big = (value: unknown): bigint => (typeof value === 'bigint' ? value : BigInt(value as string | number));
export const bigOrNull = (value: unknown): bigint | null => (value === null || value === undefined ? null : big(value));
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
/** A DateTime column as Prisma stores it: ISO text on SQLite, TIMESTAMP(3) (read as UTC below) on PostgreSQL. */
export const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
export const dateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));

// ---------------------------------------------------------------- SQLite

/** The better-sqlite3 connection of the SQLite adapter, with its original (uncached) `prepare`. */
export interface SqliteConnection {
  db: BetterSqlite3.Database;
  prepare(sql: string): BetterSqlite3.Statement;
  /** Serialises transactions: Prisma's (the adapter's startTransaction waits on it) and these. */
  lock: Lock;
}

/** A FIFO lock: `acquire` resolves with the release. */
export class Lock {
  private tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }
}

function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

export function sqliteRunner(connection: SqliteConnection): FastSql {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const statement = (sql: string): BetterSqlite3.Statement => {
    let prepared = cache.get(sql);
    if (!prepared) {
      prepared = connection.prepare(sql);
      if (cache.size < 500) cache.set(sql, prepared);
    }
    return prepared;
  };
  const runner: SqlRunner = {
    provider: 'sqlite',
    async all<T>(sql: string, params: readonly unknown[] = []) {
      try {
        return statement(sql).all(...params.map(sqliteValue)) as T[];
      } catch (error) {
        return wrapError(error, 'sqlite');
      }
    },
    async run(sql: string, params: readonly unknown[] = []) {
      try {
        return statement(sql).run(...params.map(sqliteValue)).changes;
      } catch (error) {
        return wrapError(error, 'sqlite');
      }
    },
  };
  return {
    ...runner,
    async transaction(fn) {
      const release = await connection.lock.acquire();
      try {
        statement('BEGIN').run();
        try {
          const result = await fn(runner);
          statement('COMMIT').run();
          return result;
        } catch (error) {
          if (connection.db.inTransaction) statement('ROLLBACK').run();
          throw error;
        }
      } finally {
        release();
      }
    },
  };
}

// ------------------------------------------------------------ PostgreSQL

const TIMESTAMP = 1114;
const INT8 = 20;
/**
 * BIGINT as bigint, TIMESTAMP (UTC as Prisma writes it) as a Date; the
 * pool's own parsers are left alone for Prisma. `base` is pg's types, passed
 * in so that pg is loaded only for a PostgreSQL database.
 */
function typeParsers(base: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (format !== 'binary' && oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
      if (format !== 'binary' && oid === INT8) return (text: string) => BigInt(text);
      return base.getTypeParser(oid, format as 'text');
    },
  } as unknown as pg.CustomTypesConfig;
}

function pgValue(value: unknown): unknown {
  // TIMESTAMP(3) has no zone: written as UTC text (pg would write local time with an offset the column drops).
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** One name per text, for every connection of the pool: a name pg has prepared on a connection must keep its text. */
type StatementNames = Map<string, { name: string; text: string }>;

function pgRunner(query: (config: pg.QueryConfig) => Promise<pg.QueryResult>, names: StatementNames, types: pg.CustomTypesConfig): SqlRunner {
  // Past 500 distinct texts (a multi-row insert has one per row count), the rest run unnamed.
  const named = (sql: string): { name?: string; text: string } => {
    let entry = names.get(sql);
    if (!entry) {
      if (names.size >= 500) return { text: numbered(sql) };
      names.set(sql, (entry = { name: `fast${names.size}`, text: numbered(sql) }));
    }
    return entry;
  };
  const go = async (sql: string, params: readonly unknown[]) => {
    const { name, text } = named(sql);
    try {
      return await query({ ...(name ? { name } : {}), text, values: params.map(pgValue), types });
    } catch (error) {
      return wrapError(error, 'postgresql');
    }
  };
  return {
    provider: 'postgresql',
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await go(sql, params)).rows as T[];
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return (await go(sql, params)).rowCount ?? 0;
    },
  };
}

export function postgresRunner(pool: pg.Pool, pgTypes: typeof pg.types): FastSql {
  const names: StatementNames = new Map();
  const types = typeParsers(pgTypes);
  const outside = pgRunner((config) => pool.query(config), names, types);
  return {
    ...outside,
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        try {
          // One query at a time on the transaction's connection, even when fn runs several at once (pg 9 will refuse overlapping ones).
          let last: Promise<unknown> = Promise.resolve();
          const serial = (config: pg.QueryConfig): Promise<pg.QueryResult> => {
            const next = last.then(() => client.query(config));
            last = next.catch(() => undefined);
            return next;
          };
          const result = await fn(pgRunner(serial, names, types));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => (broken = true));
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
  };
}

// ----------------------------------------------------- over Prisma (fallback)

interface RawClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

function prismaRunner(client: RawClient, provider: Provider): SqlRunner {
  const text = (sql: string) => (provider === 'sqlite' ? sql : numbered(sql));
  return {
    provider,
    all: <T>(sql: string, params: readonly unknown[] = []) => client.$queryRawUnsafe<T[]>(text(sql), ...params),
    run: (sql: string, params: readonly unknown[] = []) => client.$executeRawUnsafe(text(sql), ...params),
  };
}

/** The same interface over a Prisma client's raw queries, for a client opened without a driver of its own. */
export function prismaFastSql(client: RawClient & { $transaction<T>(fn: (tx: RawClient) => Promise<T>): Promise<T> }, provider: Provider): FastSql {
  return {
    ...prismaRunner(client, provider),
    transaction: (fn) => client.$transaction((tx) => fn(prismaRunner(tx, provider))),
  };
}

// ------------------------------------------------------------- registry

const registry = new WeakMap<object, FastSql>();

/** Registers the fast path of a Prisma client (openDatabase does). */
export function registerFastSql(client: object, sql: FastSql): void {
  registry.set(client, sql);
}

/** The fast path of a client: its driver when openDatabase registered one, else its raw queries. */
export function fastSqlOf(client: object, provider: Provider): FastSql {
  let sql = registry.get(client);
  if (!sql) registry.set(client, (sql = prismaFastSql(client as Parameters<typeof prismaFastSql>[0], provider)));
  return sql;
}

/** The fast path of a client opened by openDatabase; undefined for others (a transaction client, a test's). */
export function registeredFastSql(client: object): FastSql | undefined {
  return registry.get(client);
}
