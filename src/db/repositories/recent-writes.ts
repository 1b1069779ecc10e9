/**
 * What this process wrote (or read) a moment ago, so a write that would
 * change nothing is skipped: the user and chat rows are brought up to date
 * on every update, and they almost never change. Entries last `ttlMs`, so a
 * change made by another process sharing the database is seen within that
 * time; writes through this process's repositories replace or drop entries
 * at once.
 */
export interface RecentWrites<V> {
  /** The value remembered for `key`, unless older than the TTL. */
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
}

export function recentWrites<V>(options: { ttlMs: number; maxEntries?: number; clock?: () => number }): RecentWrites<V> {
  const clock = options.clock ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: V; at: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (clock() - entry.at >= options.ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value) {
      // Bounded: at the cap the oldest entries (Map keeps insertion order) make room.
      entries.delete(key);
      if (entries.size >= maxEntries) {
        for (const oldest of entries.keys()) {
          entries.delete(oldest);
          if (entries.size < maxEntries * 0.9) break;
        }
      }
      entries.set(key, { value, at: clock() });
    },
    delete(key) {
      entries.delete(key);
    },
  };
}

/**
 * One memory per database client and table, shared by every repository made
 * over that client (the outbox sender makes its own chat repository, and its
 * deactivations must reach the one the handlers use).
 */
export function sharedRecentWrites<V>(client: object, table: string): RecentWrites<V> {
  let tables = shared.get(client);
  if (!tables) shared.set(client, (tables = new Map()));
  let memory = tables.get(table);
  if (!memory) tables.set(table, (memory = recentWrites<unknown>({ ttlMs: RECENT_WRITE_TTL_MS })));
  return memory as RecentWrites<V>;
}

const shared = new WeakMap<object, Map<string, RecentWrites<unknown>>>();

/** How long a row this process wrote is taken as still current: long enough for the tap that follows a message. */
export const RECENT_WRITE_TTL_MS = 10_000;
