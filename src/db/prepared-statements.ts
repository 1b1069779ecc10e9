import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';
import { Lock, type SqliteConnection } from './fast-sql.js';

/**
 * Statements prepared once and run many times. Prisma's driver adapters
 * prepare every statement anew: better-sqlite3 compiles it again each time,
 * and pg sends it unnamed, so PostgreSQL parses and plans it again. The bot
 * runs a few dozen distinct statements over and over, so both keep them.
 */

/** Distinct statements kept per connection; a statement past the cap is prepared each time, as before. */
const MAX_STATEMENTS = 500;

/**
 * The SQLite adapter with its connection's `prepare` answered from a cache.
 * better-sqlite3 binds parameters to a statement for good, so the cached
 * statement is handed out behind a view that passes each run its own.
 */
export function cachingSqliteFactory(factory: SqlDriverAdapterFactory, onConnect?: (connection: SqliteConnection) => void): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const connection = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
      if (connection && typeof connection.prepare === 'function') {
        const original = connection.prepare.bind(connection);
        cacheStatements(connection);
        const lock = new Lock();
        shareTransactionLock(adapter, lock);
        onConnect?.({ db: connection, prepare: original, lock });
      }
      return adapter;
    },
  };
}

/**
 * Prisma's transactions on the connection wait for `lock` too, so they and
 * the fast path's (src/db/fast-sql.ts) never overlap on the one connection.
 */
function shareTransactionLock(adapter: SqlDriverAdapter, lock: Lock): void {
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => {
    const release = await lock.acquire();
    try {
      const tx = await start(...args);
      let released = false;
      const once = () => {
        if (!released) (released = true), release();
      };
      const commit = tx.commit.bind(tx);
      const rollback = tx.rollback.bind(tx);
      tx.commit = async () => {
        try {
          return await commit();
        } finally {
          once();
        }
      };
      tx.rollback = async () => {
        try {
          return await rollback();
        } finally {
          once();
        }
      };
      return tx;
    } catch (error) {
      release();
      throw error;
    }
  };
}

function cacheStatements(db: BetterSqlite3.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, BetterSqlite3.Statement>();
  (db as { prepare: unknown }).prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= MAX_STATEMENTS) return new ReusedStatement(statement, []);
      cache.set(sql, statement);
    }
    return new ReusedStatement(statement, []);
  };
}

/** The part of a better-sqlite3 statement the Prisma adapter uses, with the parameters of one run. */
class ReusedStatement {
  constructor(
    private readonly statement: BetterSqlite3.Statement,
    private readonly args: unknown[],
  ) {}

  get reader(): boolean {
    return this.statement.reader;
  }

  bind(args: unknown[]): ReusedStatement {
    return new ReusedStatement(this.statement, args);
  }

  columns() {
    return this.statement.columns();
  }

  raw(on = true): this {
    this.statement.raw(on);
    return this;
  }

  run() {
    return this.statement.run(this.args);
  }

  all() {
    return this.statement.all(this.args);
  }

  get() {
    return this.statement.get(this.args);
  }
}

/**
 * Names for pg's prepared statements: a statement with a name is parsed and
 * planned once per connection, then only bound and executed. The name is a
 * hash of the text; after MAX_STATEMENTS distinct texts, the rest stay unnamed.
 */
export function pgStatementNames(): (query: SqlQuery) => string {
  // pg sends a statement without a name (undefined) unnamed, as the adapter does by default; its type says string.
  const names = new Map<string, string>();
  return (query) => {
    let name = names.get(query.sql);
    if (name === undefined && names.size < MAX_STATEMENTS) {
      name = `p${createHash('sha1').update(query.sql).digest('hex').slice(0, 20)}`;
      names.set(query.sql, name);
    }
    return name as string;
  };
}
