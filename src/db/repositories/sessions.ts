import type { DbClient } from '../database.js';
import { toJson } from './mappers.js';
import { fastSqlOf } from '../fast-sql.js';
import type { Provider } from '../schema-files.js';

/**
 * Telegraf's session store contract (get, set, delete) on the Session table,
 * so a conversation survives a restart and is shared by two bot processes.
 *
 * Telegraf writes the session back after every update that looked at it,
 * and nearly every update does (the scenes look). The value read is kept
 * from `get` to the `set` of the same update, which is skipped when the
 * session did not change: most updates then write nothing.
 */
export function createSessionStore<T>(prisma: DbClient, provider: Provider = 'sqlite') {
  /** The stored JSON as read by the update in progress, by key; `null` when there was no row. */
  const read = new Map<string, string | null>();
  // Read and written on every update: straight to the driver.
  const fast = fastSqlOf(prisma, provider);
  return {
    async get(key: string): Promise<T | undefined> {
      const rows = await fast.all<{ value: string }>(`SELECT "value" FROM "Session" WHERE "key" = ?`, [key]);
      const row = rows[0];
      read.set(key, row ? row.value : null);
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async set(key: string, value: T): Promise<void> {
      const text = toJson(value);
      const before = read.get(key);
      read.delete(key);
      // Unchanged, or still the empty default of a chat that has no row.
      if (before === text || (before === null && text === '{}')) return;
      await fast.run(`INSERT INTO "Session" ("key", "value", "updatedAt") VALUES (?, ?, ?) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"`, [
        key,
        text,
        new Date(),
      ]);
    },
    async delete(key: string): Promise<void> {
      read.delete(key);
      await prisma.session.deleteMany({ where: { key } });
    },
  };
}
