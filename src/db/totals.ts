import { localDate } from '../domain/time.js';
import {
  addKindSums,
  addMissionSums,
  emptyKindSums,
  emptyMissionSums,
  movesKindSums,
  reportDelta,
  type KindSums,
  type MissionSums,
} from '../domain/running-totals.js';
import type { DbClient } from './database.js';
import { big, num, registeredFastSql, type SqlRunner } from './fast-sql.js';
import { Prisma } from './generated/sqlite/client.js';

/**
 * The running totals tables (MissionTotal, DayTotal, ExhibitorTotal,
 * ExhibitorDayTotal): changed inside the transaction of the report change
 * they count, by `INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x`, so
 * two bot processes on one PostgreSQL add up instead of overwriting each
 * other. Every writer takes the mission's row first, which orders the locks
 * (no deadlock) and makes a rebuild wait for reports in flight.
 */

/** The client inside a transaction, or the client itself. */
export type TotalsClient = Prisma.TransactionClient | DbClient;

const KIND_COLUMNS = ['reportCount', 'amountRetail', 'amountOrder', 'amountLoi', 'amountInvestment'] as const;
const MISSION_COLUMNS = [...KIND_COLUMNS, 'amountSell', 'amountBuy', 'verifiedAmount', 'answeredCount', 'answeredCommitted', 'answeredRealised', 'voidedCount'] as const;
const COUNT_COLUMNS: ReadonlySet<string> = new Set(['reportCount', 'answeredCount', 'voidedCount']);

// Typed casts: PostgreSQL cannot infer a parameter's type in an INSERT … SELECT list.
function values(columns: readonly string[], sums: Record<string, number | bigint>): Prisma.Sql {
  return Prisma.join(columns.map((c) => (COUNT_COLUMNS.has(c) ? Prisma.sql`CAST(${sums[c]} AS INTEGER)` : Prisma.sql`CAST(${sums[c]} AS BIGINT)`)));
}

const names = (columns: readonly string[]): string => columns.map((c) => `"${c}"`).join(', ');
const increments = (table: string, columns: readonly string[]): string => columns.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(', ');

/**
 * Adds `delta` to the mission's row (created from the Mission row on the
 * first report) and returns the zone its days are counted in: read back from
 * the row this statement locks, so a zone change in flight is seen.
 */
async function bumpMission(tx: TotalsClient, missionId: number, delta: MissionSums): Promise<string> {
  const rows = await tx.$queryRaw<{ timeZone: string }[]>`
    INSERT INTO "MissionTotal" ("missionId", "timeZone", ${Prisma.raw(names(MISSION_COLUMNS))})
    SELECT "id", "timeZone", ${values(MISSION_COLUMNS, { ...delta })} FROM "Mission" WHERE "id" = ${missionId}
    ON CONFLICT ("missionId") DO UPDATE SET ${Prisma.raw(increments('MissionTotal', MISSION_COLUMNS))}
    RETURNING "timeZone"`;
  const row = rows[0];
  if (!row) throw new Error(`mission ${missionId} not found for its totals`);
  return row.timeZone;
}

async function bumpKindRow(tx: TotalsClient, table: string, key: Record<string, number | string>, delta: KindSums): Promise<void> {
  const keyColumns = Object.keys(key);
  const conflict = table === 'DayTotal' ? ['missionId', 'day'] : table === 'ExhibitorTotal' ? ['exhibitorId'] : ['exhibitorId', 'day'];
  await tx.$executeRaw`
    INSERT INTO ${Prisma.raw(`"${table}"`)} (${Prisma.raw(names([...keyColumns, ...KIND_COLUMNS]))})
    VALUES (${Prisma.join(keyColumns.map((c) => key[c]))}, ${values(KIND_COLUMNS, { ...delta })})
    ON CONFLICT (${Prisma.raw(names(conflict))}) DO UPDATE SET ${Prisma.raw(increments(table, KIND_COLUMNS))}`;
}

function kindPart(delta: MissionSums): KindSums {
  const { reportCount, amountRetail, amountOrder, amountLoi, amountInvestment } = delta;
  return { reportCount, amountRetail, amountOrder, amountLoi, amountInvestment };
}

/**
 * Applies one report change to the totals, inside the caller's transaction.
 * `report` is where it counts: mission, exhibitor and the instant it was made.
 */
export async function applyTotals(
  tx: TotalsClient,
  report: { missionId: number; exhibitorId: number; createdAt: Date },
  delta: MissionSums,
): Promise<void> {
  const timeZone = await bumpMission(tx, report.missionId, delta);
  const kinds = kindPart(delta);
  if (!movesKindSums(kinds)) return;
  const day = localDate(report.createdAt, timeZone);
  const { missionId, exhibitorId } = report;
  await bumpKindRow(tx, 'DayTotal', { missionId, day }, kinds);
  await bumpKindRow(tx, 'ExhibitorTotal', { exhibitorId, missionId }, kinds);
  await bumpKindRow(tx, 'ExhibitorDayTotal', { exhibitorId, day, missionId }, kinds);
}

/** A row of sums as the driver gives it: counts as numbers, amounts as bigints. */
function sumsOf<C extends string>(row: Record<string, unknown>, columns: readonly C[]): Record<C, number | bigint> & MissionSums & KindSums {
  const out: Record<string, number | bigint> = {};
  for (const c of columns) out[c] = COUNT_COLUMNS.has(c) ? num(row[c]) : big(row[c] ?? 0);
  return out as Record<C, number | bigint> & MissionSums & KindSums;
}

const KIND_SELECT = { reportCount: true, amountRetail: true, amountOrder: true, amountLoi: true, amountInvestment: true } as const;

/** The mission's row; zeros before its first report. */
export async function missionSums(client: TotalsClient, missionId: number): Promise<MissionSums> {
  const fast = registeredFastSql(client);
  if (fast) {
    const rows = await fast.all<Record<string, unknown>>(`SELECT ${names(MISSION_COLUMNS)} FROM "MissionTotal" WHERE "missionId" = ?`, [missionId]);
    return rows[0] ? sumsOf(rows[0], MISSION_COLUMNS) : emptyMissionSums();
  }
  const row = await client.missionTotal.findUnique({ where: { missionId } });
  if (!row) return emptyMissionSums();
  const { missionId: _id, timeZone: _zone, ...sums } = row;
  return sums;
}

/** One local day of a mission; zeros for a day without reports. */
export async function daySums(client: TotalsClient, missionId: number, day: string): Promise<KindSums> {
  const fast = registeredFastSql(client);
  if (fast) {
    const rows = await fast.all<Record<string, unknown>>(`SELECT ${names(KIND_COLUMNS)} FROM "DayTotal" WHERE "missionId" = ? AND "day" = ?`, [missionId, day]);
    return rows[0] ? sumsOf(rows[0], KIND_COLUMNS) : emptyKindSums();
  }
  const row = await client.dayTotal.findUnique({ where: { missionId_day: { missionId, day } }, select: KIND_SELECT });
  return row ?? emptyKindSums();
}

/** Exhibitors of the mission with at least one live report, and their sums. */
export async function exhibitorSums(client: TotalsClient, missionId: number): Promise<(KindSums & { exhibitorId: number })[]> {
  return client.exhibitorTotal.findMany({ where: { missionId, reportCount: { gt: 0 } }, select: { exhibitorId: true, ...KIND_SELECT } });
}

/** Live report count of each day with one. */
export async function missionDays(client: TotalsClient, missionId: number): Promise<(KindSums & { day: string })[]> {
  return client.dayTotal.findMany({ where: { missionId, reportCount: { gt: 0 } }, select: { day: true, ...KIND_SELECT }, orderBy: { day: 'asc' } });
}

/** Ids of the mission's exhibitors with a live report on a local day. */
export async function exhibitorsOnDay(client: TotalsClient, missionId: number, day: string): Promise<number[]> {
  const rows = await client.exhibitorDayTotal.findMany({ where: { missionId, day, reportCount: { gt: 0 } }, select: { exhibitorId: true } });
  return rows.map((row) => row.exhibitorId);
}

/**
 * localDate for many instants: every zone's offset is a whole number of
 * quarter hours, so the date is the same throughout a quarter hour and is
 * formatted once per quarter hour instead of once per report.
 */
function localDateCache(timeZone: string): (instant: Date) => string {
  const QUARTER = 15 * 60_000;
  const known = new Map<number, string>();
  return (instant) => {
    const quarter = Math.floor(instant.getTime() / QUARTER);
    let day = known.get(quarter);
    if (day === undefined) known.set(quarter, (day = localDate(new Date(quarter * QUARTER), timeZone)));
    return day;
  };
}

// Reports are read in pages so a rebuild of a million reports stays in bounded memory.
const PAGE = 20_000;

/**
 * Recounts one mission's totals from its live reports, inside the caller's
 * transaction: takes the mission's row first (a save in flight waits, or is
 * waited for), then writes every table afresh in the mission's current zone.
 */
export async function recountMission(tx: TotalsClient, missionId: number): Promise<void> {
  const zones = await tx.$queryRaw<{ timeZone: string }[]>`
    INSERT INTO "MissionTotal" ("missionId", "timeZone") SELECT "id", "timeZone" FROM "Mission" WHERE "id" = ${missionId}
    ON CONFLICT ("missionId") DO UPDATE SET "timeZone" = excluded."timeZone"
    RETURNING "timeZone"`;
  const timeZone = zones[0]?.timeZone;
  if (timeZone === undefined) throw new Error(`mission ${missionId} not found for its totals`);

  const mission = emptyMissionSums();
  const days = new Map<string, KindSums>();
  const exhibitors = new Map<number, KindSums>();
  const exhibitorDays = new Map<string, { exhibitorId: number; day: string; sums: KindSums }>();
  const dayOf = localDateCache(timeZone);
  const into = <K,>(map: Map<K, KindSums>, key: K): KindSums => {
    let sums = map.get(key);
    if (!sums) map.set(key, (sums = emptyKindSums()));
    return sums;
  };
  let after = 0;
  for (;;) {
    const rows = await tx.saleReport.findMany({
      where: { missionId, voidedAt: null, id: { gt: after } },
      select: { id: true, exhibitorId: true, kind: true, direction: true, amount: true, createdAt: true, verifiedAt: true, realisation: true, realisedAmount: true },
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    for (const row of rows) {
      const delta = reportDelta({ ...row, verified: row.verifiedAt !== null }, 1);
      const day = dayOf(row.createdAt);
      addMissionSums(mission, delta);
      addKindSums(into(days, day), delta);
      addKindSums(into(exhibitors, row.exhibitorId), delta);
      const key = `${row.exhibitorId}|${day}`;
      let own = exhibitorDays.get(key);
      if (!own) exhibitorDays.set(key, (own = { exhibitorId: row.exhibitorId, day, sums: emptyKindSums() }));
      addKindSums(own.sums, delta);
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }

  mission.voidedCount = await tx.saleReport.count({ where: { missionId, voidedAt: { not: null } } });
  await tx.missionTotal.update({ where: { missionId }, data: mission });
  await tx.dayTotal.deleteMany({ where: { missionId } });
  await tx.exhibitorTotal.deleteMany({ where: { missionId } });
  await tx.exhibitorDayTotal.deleteMany({ where: { missionId } });
  await tx.dayTotal.createMany({ data: [...days].map(([day, sums]) => ({ missionId, day, ...sums })) });
  await tx.exhibitorTotal.createMany({ data: [...exhibitors].map(([exhibitorId, sums]) => ({ exhibitorId, missionId, ...sums })) });
  await tx.exhibitorDayTotal.createMany({ data: [...exhibitorDays.values()].map(({ exhibitorId, day, sums }) => ({ exhibitorId, day, missionId, ...sums })) });
}

// ------------------------------------------------ the same on the fast path

const castOf = (c: string): string => (COUNT_COLUMNS.has(c) ? 'CAST(? AS INTEGER)' : 'CAST(? AS BIGINT)');
const MISSION_BUMP = `INSERT INTO "MissionTotal" ("missionId", "timeZone", ${names(MISSION_COLUMNS)})
    SELECT "id", "timeZone", ${MISSION_COLUMNS.map(castOf).join(', ')} FROM "Mission" WHERE "id" = ?
    ON CONFLICT ("missionId") DO UPDATE SET ${increments('MissionTotal', MISSION_COLUMNS)}
    RETURNING "timeZone"`;
const KIND_BUMPS = new Map(
  (
    [
      ['DayTotal', ['missionId', 'day'], ['missionId', 'day']],
      ['ExhibitorTotal', ['exhibitorId', 'missionId'], ['exhibitorId']],
      ['ExhibitorDayTotal', ['exhibitorId', 'day', 'missionId'], ['exhibitorId', 'day']],
    ] as const
  ).map(([table, keys, conflict]) => [
    table,
    `INSERT INTO "${table}" (${names([...keys, ...KIND_COLUMNS])}) VALUES (${keys.map(() => '?').join(', ')}, ${KIND_COLUMNS.map(castOf).join(', ')})
    ON CONFLICT (${names(conflict)}) DO UPDATE SET ${increments(table, KIND_COLUMNS)}`,
  ]),
);

/**
 * applyTotals on the fast path's transaction (src/db/fast-sql.ts): the same
 * statements, prepared once, without Prisma's client around each.
 */
export async function applyTotalsFast(
  tx: SqlRunner,
  report: { missionId: number; exhibitorId: number; createdAt: Date },
  delta: MissionSums,
): Promise<void> {
  const sums = delta as unknown as Record<string, number | bigint>;
  const rows = await tx.all<{ timeZone: string }>(MISSION_BUMP, [...MISSION_COLUMNS.map((c) => sums[c]), report.missionId]);
  const timeZone = rows[0]?.timeZone;
  if (timeZone === undefined) throw new Error(`mission ${report.missionId} not found for its totals`);
  const kinds = kindPart(delta);
  if (!movesKindSums(kinds)) return;
  const day = localDate(report.createdAt, timeZone);
  const { missionId, exhibitorId } = report;
  const kindValues = KIND_COLUMNS.map((c) => kinds[c]);
  await tx.run(KIND_BUMPS.get('DayTotal')!, [missionId, day, ...kindValues]);
  await tx.run(KIND_BUMPS.get('ExhibitorTotal')!, [exhibitorId, missionId, ...kindValues]);
  await tx.run(KIND_BUMPS.get('ExhibitorDayTotal')!, [exhibitorId, day, missionId, ...kindValues]);
}
