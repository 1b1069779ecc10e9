import type { DbClient } from '../database.js';
import type { Provider } from '../schema-files.js';
import { fastSqlOf, type SqlRunner } from '../fast-sql.js';

/** An update waiting to be handled, as a worker takes it. */
export interface InboxRow {
  updateId: bigint;
  orderKey: string;
  payload: string;
  attempts: number;
}

export interface IncomingUpdate {
  updateId: number;
  orderKey: string;
  payload: string;
}

type RawRow = { updateId: bigint | number; orderKey: string; payload: string; attempts: number | bigint };

const ROW_COLUMNS = `i."updateId", i."orderKey", i."payload", i."attempts"`;

/** A pending row nobody holds (at `?`, now) with no older pending row of its order key. */
const HEAD = `i."status" = 'PENDING' AND (i."lockedUntil" IS NULL OR i."lockedUntil" < ?)
  AND NOT EXISTS (SELECT 1 FROM "InboxUpdate" j WHERE j."status" = 'PENDING' AND j."orderKey" = i."orderKey" AND j."updateId" < i."updateId")`;

/**
 * claimHeads on SQLite. The one-statement form (UPDATE … WHERE "updateId" IN
 * (SELECT … LIMIT ?)) costs SQLite about a millisecond even when it takes
 * nothing, against microseconds for the SELECT; so the heads are read, then
 * each is taken by the conditional UPDATE, whose conditions decide between two
 * connections to one file.
 */
async function takeHeads(db: SqlRunner, me: string, now: number, until: number, limit: number): Promise<InboxRow[]> {
  const heads = await db.all<{ updateId: bigint | number }>(`SELECT i."updateId" FROM "InboxUpdate" i WHERE ${HEAD} ORDER BY i."updateId" LIMIT ?`, [BigInt(now), limit]);
  const taken: InboxRow[] = [];
  for (const head of heads) {
    const rows = await db.all<RawRow>(
      `UPDATE "InboxUpdate" SET "lockedBy" = ?, "lockedUntil" = ?, "attempts" = "attempts" + 1
       WHERE "updateId" = ? AND "status" = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ?)
       RETURNING "updateId", "orderKey", "payload", "attempts"`,
      [me, BigInt(until), BigInt(head.updateId), BigInt(now)],
    );
    for (const row of rows) taken.push(toRow(row, 1));
  }
  return taken;
}

/** `counted`: attempts already made by the statement that returned the row. */
function toRow(row: RawRow, counted: number): InboxRow {
  return { updateId: BigInt(row.updateId), orderKey: row.orderKey, payload: row.payload, attempts: Number(row.attempts) - counted };
}

/**
 * The inbox table: updates are written here before Telegram hears they were
 * received, and workers take them from here. Every state change is a
 * conditional UPDATE whose affected-row count says who won, so two bot
 * processes on one PostgreSQL never both handle a row (the outbox works the
 * same way). Times are epoch milliseconds in BIGINT columns, so the raw
 * queries read the same on both databases.
 */
export function createInboxRepository(prisma: DbClient, provider: Provider) {
  // Straight to the driver: every update passes here three times (record, claim, finish).
  const fast = fastSqlOf(prisma, provider);
  const sql = (text: string): string => text;
  return {
    /**
     * Records updates; ones already recorded (a redelivery) are skipped.
     * Returns how many were new.
     */
    async record(updates: readonly IncomingUpdate[], now: number): Promise<number> {
      if (updates.length === 0) return 0;
      const values = updates.map(() => '(?, ?, ?, ?)').join(', ');
      const params = updates.flatMap((u) => [BigInt(u.updateId), u.orderKey, u.payload, BigInt(now)]);
      return fast.run(sql(`INSERT INTO "InboxUpdate" ("updateId", "orderKey", "payload", "receivedAt") VALUES ${values} ON CONFLICT ("updateId") DO NOTHING`), [...params]);
    },

    /**
     * The oldest pending row of each order key that nobody holds, oldest
     * first. A key whose oldest row is held (being handled) offers nothing,
     * which keeps one chat's updates in order across workers and processes.
     */
    async heads(now: number, limit: number): Promise<InboxRow[]> {
      const rows = await fast.all<RawRow>(sql(`SELECT ${ROW_COLUMNS} FROM "InboxUpdate" i WHERE ${HEAD} ORDER BY i."updateId" LIMIT ?`), [BigInt(now), limit]);
      return rows.map((row) => toRow(row, 0));
    },

    /**
     * `heads` and `claim` in one statement, for the workers: takes up to
     * `limit` heads for `me` until `until` and returns them, oldest first,
     * with their attempts before this one. The outer condition is checked
     * again on the locked row, so of two processes taking the same head at
     * once only one gets it (PostgreSQL re-reads a row updated meanwhile).
     */
    async claimHeads(me: string, now: number, until: number, limit: number): Promise<InboxRow[]> {
      if (provider === 'sqlite') return takeHeads(fast, me, now, until, limit);
      const rows = await fast.all<RawRow>(sql(`UPDATE "InboxUpdate" SET "lockedBy" = ?, "lockedUntil" = ?, "attempts" = "attempts" + 1
         WHERE "updateId" IN (SELECT i."updateId" FROM "InboxUpdate" i WHERE ${HEAD} ORDER BY i."updateId" LIMIT ?)
           AND "status" = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ?)
         RETURNING "updateId", "orderKey", "payload", "attempts"`), [me,
        BigInt(until),
        BigInt(now),
        limit,
        BigInt(now)]);
      return rows.map((row) => toRow(row, 1)).sort((a, b) => (a.updateId < b.updateId ? -1 : 1));
    },

    /**
     * Finishes `done` (handled rows of `me`) and takes heads as claimHeads
     * does, in one transaction: one commit per pass of the workers instead of
     * one per finished row and one per pass. A finished row no longer holds
     * its key back, so the next update of the same chat is taken here.
     */
    async finishAndClaim(done: readonly bigint[], me: string, now: number, until: number, limit: number): Promise<InboxRow[]> {
      if (done.length === 0) return this.claimHeads(me, now, until, limit);
      if (provider !== 'sqlite') {
        await fast.run(
          `UPDATE "InboxUpdate" SET "status" = 'DONE', "handledAt" = ?, "payload" = '', "lockedBy" = NULL, "lockedUntil" = NULL WHERE "updateId" = ANY(CAST(? AS BIGINT[])) AND "lockedBy" = ?`,
          [BigInt(now), `{${done.join(',')}}`, me],
        );
        return this.claimHeads(me, now, until, limit);
      }
      return fast.transaction(async (tx) => {
        for (const updateId of done) {
          await tx.run(
            `UPDATE "InboxUpdate" SET "status" = ?, "handledAt" = ?, "payload" = '', "lockedBy" = NULL, "lockedUntil" = NULL
         WHERE "updateId" = ? AND "lockedBy" = ?`,
            ['DONE', BigInt(now), updateId, me],
          );
        }
        return takeHeads(tx, me, now, until, limit);
      });
    },

    /** Takes a row for `me` until `until`; false when another worker was first. */
    async claim(updateId: bigint, me: string, now: number, until: number): Promise<boolean> {
      const count = await fast.run(sql(`UPDATE "InboxUpdate" SET "lockedBy" = ?, "lockedUntil" = ?, "attempts" = "attempts" + 1
         WHERE "updateId" = ? AND "status" = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ?)`), [me,
        BigInt(until),
        updateId,
        BigInt(now)]);
      return count === 1;
    },

    /** Handled (or given up: FAILED); the payload is dropped, the id kept to recognise a redelivery. */
    async finish(updateId: bigint, me: string, now: number, status: 'DONE' | 'FAILED' = 'DONE'): Promise<void> {
      await fast.run(sql(`UPDATE "InboxUpdate" SET "status" = ?, "handledAt" = ?, "payload" = '', "lockedBy" = NULL, "lockedUntil" = NULL
         WHERE "updateId" = ? AND "lockedBy" = ?`), [status,
        BigInt(now),
        updateId,
        me]);
    },

    /** Hands a row back unhandled (a stop in the middle), for this or another process to take again at once; not counted as an attempt. */
    async release(updateId: bigint, me: string): Promise<void> {
      await fast.run(sql(`UPDATE "InboxUpdate" SET "lockedBy" = NULL, "lockedUntil" = NULL, "attempts" = "attempts" - 1
         WHERE "updateId" = ? AND "lockedBy" = ? AND "status" = 'PENDING'`), [updateId,
        me]);
    },

    /** Extends the hold on every row `me` is handling (a slow handler must not lose its row). */
    async renew(me: string, until: number): Promise<void> {
      await fast.run(sql(`UPDATE "InboxUpdate" SET "lockedUntil" = ? WHERE "lockedBy" = ? AND "status" = 'PENDING'`), [BigInt(until), me]);
    },

    /**
     * Frees every held row. Only for SQLite at start: one process owns an
     * SQLite file, so rows still held belong to a process that died.
     */
    async releaseAll(): Promise<number> {
      return fast.run(`UPDATE "InboxUpdate" SET "lockedBy" = NULL, "lockedUntil" = NULL WHERE "status" = 'PENDING' AND "lockedBy" IS NOT NULL`, []);
    },

    /** Rows not yet handled, for /healthz and /metrics. */
    async backlog(): Promise<number> {
      const rows = await fast.all<{ n: bigint | number }>(`SELECT COUNT(*) AS n FROM "InboxUpdate" WHERE "status" = 'PENDING'`, []);
      return Number(rows[0]?.n ?? 0);
    },

    /** Forgets handled rows older than `before`: Telegram redelivers an update for 24 hours at most. */
    async prune(before: number): Promise<number> {
      return fast.run(sql(`DELETE FROM "InboxUpdate" WHERE "status" <> 'PENDING' AND "handledAt" < ?`), [BigInt(before)]);
    },
  };
}

export type InboxRepository = ReturnType<typeof createInboxRepository>;
