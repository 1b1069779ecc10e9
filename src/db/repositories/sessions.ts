import type { DbClient } from '../database.js';
import { toJson } from './mappers.js';

/**
 * Telegraf's session store contract (get, set, delete) on the Session table,
 * so a conversation survives a restart and is shared by two bot processes.
 */
export function createSessionStore<T>(prisma: DbClient) {
  return {
    async get(key: string): Promise<T | undefined> {
      const row = await prisma.session.findUnique({ where: { key } });
      return row ? (JSON.parse(row.value) as T) : undefined;
    },
    async set(key: string, value: T): Promise<void> {
      const text = toJson(value);
      await prisma.session.upsert({ where: { key }, create: { key, value: text }, update: { value: text } });
    },
    async delete(key: string): Promise<void> {
      await prisma.session.deleteMany({ where: { key } });
    },
  };
}
