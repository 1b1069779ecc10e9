import type { MissionTotals, SaleDirectionName, SaleKindName, SaleReport } from '../../domain/entities.js';
import type { ExhibitorSales, KindTotals, ProductChoice, SaleRecord } from '../../domain/sale-records.js';
import type { DbClient } from '../database.js';
import type * as Db from '../generated/sqlite/client.js';
import { missionTotalsOf, reportDelta, verifyDelta, voidDelta } from '../../domain/running-totals.js';
import { applyTotals, applyTotalsFast, daySums, missionSums } from '../totals.js';
import { big, bigOrNull, date, dateOrNull, fastSqlOf, num, numOrNull, registeredFastSql } from '../fast-sql.js';
import type { Provider } from '../schema-files.js';
import { writeAudit } from './audit.js';
import { bumpBoardRevision } from './board.js';
import { isUniqueViolation, toJson, toSaleReport } from './mappers.js';

export interface NewSaleReport {
  missionId: number;
  exhibitorId: number;
  productId: number | null;
  productText: string | null;
  amount: bigint;
  kind: SaleKindName;
  direction: SaleDirectionName;
  quantity: number | null;
  unit: string | null;
  buyerName: string | null;
  buyerOrigin: string | null;
  reportedById: bigint;
  /** update_id of the message the report was typed in. */
  sourceUpdateId: bigint;
  /** When it was reported: the bot's clock, not the database's, so "today" is one notion everywhere. */
  createdAt: Date;
}

/** A report as the checks before a save see it. */
export type RecentReport = SaleReport & { sourceUpdateId: bigint | null };

export type RecordSaleResult = { ok: true; report: SaleReport } | { ok: false; reason: 'already_saved'; report: SaleReport };

const KINDS: readonly SaleKindName[] = ['RETAIL', 'ORDER', 'LOI', 'INVESTMENT'];

/** Outcome of a void: `already_voided` when another tap or official got there first. */
export type VoidResult = { ok: true; report: SaleRecord } | { ok: false; reason: 'not_found' | 'already_voided'; report?: SaleRecord };

/** Outcome of a verification; the refusals name what the row is now. */
export type VerifyResult = { ok: true; report: SaleRecord } | { ok: false; reason: 'not_found' | 'voided' | 'already_verified'; report?: SaleRecord };

// The names a report is shown by come with it.
const WITH_NAMES = { product: { select: { name: true } }, exhibitor: { select: { name: true } } } as const;
type RowWithNames = Db.SaleReport & { product: { name: string } | null; exhibitor: { name: string } };

function toSaleRecord(row: RowWithNames): SaleRecord {
  return {
    ...toSaleReport(row),
    sourceUpdateId: row.sourceUpdateId,
    voidedById: row.voidedById,
    verifiedById: row.verifiedById,
    productName: row.product?.name ?? null,
    exhibitorName: row.exhibitor.name,
  };
}

/** A bare row for the audit log: what the table holds, without the joined names. */
function auditRow(row: RowWithNames): Db.SaleReport {
  const { product: _product, exhibitor: _exhibitor, ...bare } = row;
  return bare;
}

function emptyKinds(): Record<SaleKindName, bigint> {
  return Object.fromEntries(KINDS.map((kind) => [kind, 0n])) as Record<SaleKindName, bigint>;
}

function kindTotals(groups: readonly { kind: SaleKindName; _sum: { amount: bigint | null }; _count: { _all: number } }[]): KindTotals {
  const byKind = emptyKinds();
  let total = 0n;
  let count = 0;
  for (const group of groups) {
    const sum = group._sum.amount ?? 0n;
    byKind[group.kind] += sum;
    total += sum;
    count += group._count._all;
  }
  return { byKind, total, count };
}

const REPORT_COLUMNS = `"id", "missionId", "exhibitorId", "productId", "productText", "amount", "kind", "direction", "quantity", "unit", "buyerName", "buyerOrigin", "reportedById", "createdAt", "voidedAt", "voidReason", "verifiedAt", "sourceUpdateId"`;
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A SaleReport row as the driver gives it (fast-sql.ts). */
function recentOf(row: Record<string, unknown>): RecentReport {
  return {
    id: num(row.id),
    missionId: num(row.missionId),
    exhibitorId: num(row.exhibitorId),
    productId: numOrNull(row.productId),
    productText: text(row.productText),
    amount: big(row.amount),
    kind: row.kind as SaleKindName,
    direction: row.direction as SaleDirectionName,
    quantity: numOrNull(row.quantity),
    unit: text(row.unit),
    buyerName: text(row.buyerName),
    buyerOrigin: text(row.buyerOrigin),
    reportedById: big(row.reportedById),
    createdAt: date(row.createdAt),
    voidedAt: dateOrNull(row.voidedAt),
    voidReason: text(row.voidReason),
    verifiedAt: dateOrNull(row.verifiedAt),
    sourceUpdateId: bigOrNull(row.sourceUpdateId),
  };
}

const INSERT_REPORT = `INSERT INTO "SaleReport" ("missionId", "exhibitorId", "productId", "productText", "amount", "kind", "direction", "quantity", "unit",
  "buyerName", "buyerOrigin", "reportedById", "sourceUpdateId", "createdAt", "realisation", "followUpsSent")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0) RETURNING "id"`;
const INSERT_AUDIT = `INSERT INTO "AuditLog" ("at", "actorId", "action", "entity", "entityId", "before", "after") VALUES (?, ?, ?, ?, ?, ?, ?)`;
const BUMP_BOARD = `INSERT INTO "BoardRevision" ("missionId", "revision", "changedAt") VALUES (?, 1, ?)
  ON CONFLICT ("missionId") DO UPDATE SET "revision" = "BoardRevision"."revision" + 1, "changedAt" = excluded."changedAt"`;

export function createSaleRepository(prisma: DbClient, provider: Provider = 'sqlite') {
  return {
    /**
     * Saves a report once per source update: the unique sourceUpdateId turns a
     * redelivered update or a second tap on "save" into `already_saved`, even
     * when two taps race (the database, not a read-then-write, decides).
     */
    async record(input: NewSaleReport): Promise<RecordSaleResult> {
      try {
        // The hottest write of the bot, on the fast path: one transaction of prepared statements.
        const row = await fastSqlOf(prisma, provider).transaction(async (tx) => {
          const inserted = await tx.all<{ id: unknown }>(INSERT_REPORT, [
            input.missionId,
            input.exhibitorId,
            input.productId,
            input.productText,
            input.amount,
            input.kind,
            input.direction,
            input.quantity,
            input.unit,
            input.buyerName,
            input.buyerOrigin,
            input.reportedById,
            input.sourceUpdateId,
            input.createdAt,
          ]);
          const created: Db.SaleReport = {
            id: num(inserted[0]?.id),
            missionId: input.missionId,
            exhibitorId: input.exhibitorId,
            productId: input.productId,
            productText: input.productText,
            amount: input.amount,
            kind: input.kind,
            direction: input.direction,
            quantity: input.quantity,
            unit: input.unit,
            buyerName: input.buyerName,
            buyerOrigin: input.buyerOrigin,
            reportedById: input.reportedById,
            sourceUpdateId: input.sourceUpdateId,
            createdAt: input.createdAt,
            voidedAt: null,
            voidReason: null,
            voidedById: null,
            verifiedAt: null,
            verifiedById: null,
            realisation: 'PENDING',
            realisedAmount: null,
            followUpsSent: 0,
          };
          await applyTotalsFast(tx, created, reportDelta({ ...created, verified: false }, 1));
          await tx.run(INSERT_AUDIT, [new Date(), input.reportedById, 'sale.create', 'SaleReport', String(created.id), null, toJson(created)]);
          await tx.run(BUMP_BOARD, [input.missionId, input.createdAt]);
          return created;
        });
        return { ok: true, report: toSaleReport(row) };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const existing = await prisma.saleReport.findUniqueOrThrow({ where: { sourceUpdateId: input.sourceUpdateId } });
        return { ok: false, reason: 'already_saved', report: toSaleReport(existing) };
      }
    },

    async findBySourceUpdate(sourceUpdateId: bigint): Promise<SaleReport | undefined> {
      const row = await prisma.saleReport.findUnique({ where: { sourceUpdateId } });
      return row ? toSaleReport(row) : undefined;
    },

    async findById(id: number): Promise<SaleReport | undefined> {
      const row = await prisma.saleReport.findUnique({ where: { id } });
      return row ? toSaleReport(row) : undefined;
    },

    /** A report with the names it is shown by. */
    async findRecord(id: number): Promise<SaleRecord | undefined> {
      const row = await prisma.saleReport.findUnique({ where: { id }, include: WITH_NAMES });
      return row ? toSaleRecord(row) : undefined;
    },

    /**
     * The exhibitor's active listings, for the wizard's product buttons and
     * the one-liner's product matching. Read straight from the Product table
     * so the sale flows do not wait for the product feature's repository.
     */
    async activeProducts(exhibitorId: number): Promise<ProductChoice[]> {
      const fast = registeredFastSql(prisma);
      if (fast) {
        const rows = await fast.all<{ id: unknown; name: string; unit: string }>(
          `SELECT "id", "name", "unit" FROM "Product" WHERE "exhibitorId" = ? AND "active" = ? ORDER BY "name" ASC, "id" ASC`,
          [exhibitorId, true],
        );
        return rows.map((row) => ({ id: num(row.id), name: row.name, unit: String(row.unit) }));
      }
      const rows = await prisma.product.findMany({
        where: { exhibitorId, active: true },
        select: { id: true, name: true, unit: true },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      });
      return rows;
    },

    /** One active listing of the exhibitor, or undefined (another's, deactivated, or gone): a tapped button is checked again. */
    async activeProduct(exhibitorId: number, productId: number): Promise<ProductChoice | undefined> {
      const row = await prisma.product.findFirst({ where: { id: productId, exhibitorId, active: true }, select: { id: true, name: true, unit: true } });
      return row ?? undefined;
    },

    /**
     * What the checks before a save look at, in one statement: the
     * exhibitor's newest `limit` live reports, newest first, and at least
     * every live report since `since` (the duplicate window; read in full
     * only when the window holds more than `limit`). Without the names: the
     * one duplicate found is read again with findRecord.
     */
    async recentLive(exhibitorId: number, limit: number, since: Date): Promise<RecentReport[]> {
      // Every Save tap asks: straight to the driver when there is one.
      const fast = registeredFastSql(prisma);
      if (fast) {
        const order = `ORDER BY "createdAt" DESC, "id" DESC`;
        let rows = await fast.all<Record<string, unknown>>(`SELECT ${REPORT_COLUMNS} FROM "SaleReport" WHERE "exhibitorId" = ? AND "voidedAt" IS NULL ${order} LIMIT ?`, [exhibitorId, limit]);
        const oldest = rows.at(-1);
        if (rows.length === limit && oldest && date(oldest.createdAt) >= since) {
          rows = await fast.all(`SELECT ${REPORT_COLUMNS} FROM "SaleReport" WHERE "exhibitorId" = ? AND "voidedAt" IS NULL AND "createdAt" >= ? ${order}`, [exhibitorId, since]);
        }
        return rows.map(recentOf);
      }
      const live = { exhibitorId, voidedAt: null };
      const order = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
      let rows = await prisma.saleReport.findMany({ where: live, orderBy: order, take: limit });
      const oldest = rows.at(-1);
      if (rows.length === limit && oldest && oldest.createdAt >= since) {
        rows = await prisma.saleReport.findMany({ where: { ...live, createdAt: { gte: since } }, orderBy: order });
      }
      return rows.map((row) => ({ ...toSaleReport(row), sourceUpdateId: row.sourceUpdateId }));
    },

    /** The exhibitor's newest live reports, newest first: what /batal offers. */
    async latestLive(exhibitorId: number, limit: number): Promise<SaleRecord[]> {
      const rows = await prisma.saleReport.findMany({
        where: { exhibitorId, voidedAt: null },
        include: WITH_NAMES,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit,
      });
      return rows.map(toSaleRecord);
    },

    /** The mission's newest live reports nobody has verified yet, for /verifikasi. */
    async unverified(missionId: number, limit: number): Promise<{ reports: SaleRecord[]; total: number }> {
      const where = { missionId, voidedAt: null, verifiedAt: null };
      const [rows, total] = await Promise.all([
        prisma.saleReport.findMany({ where, include: WITH_NAMES, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit }),
        prisma.saleReport.count({ where }),
      ]);
      return { reports: rows.map(toSaleRecord), total };
    },

    /**
     * Voids a report: it stays, marked with when, why and by whom, and leaves
     * every total. The conditional update makes a second void (a double tap,
     * an official at the same moment) a no-op answered `already_voided`.
     */
    async voidReport(input: { id: number; reason: string; actorId: bigint; at: Date }): Promise<VoidResult> {
      return prisma.$transaction(async (tx) => {
        const before = await tx.saleReport.findUnique({ where: { id: input.id }, include: WITH_NAMES });
        if (!before) return { ok: false, reason: 'not_found' } as const;
        const updated = await tx.saleReport.updateMany({
          where: { id: input.id, voidedAt: null },
          data: { voidedAt: input.at, voidReason: input.reason, voidedById: input.actorId },
        });
        if (updated.count === 0) return { ok: false, reason: 'already_voided', report: toSaleRecord(before) } as const;
        const after = await tx.saleReport.findUniqueOrThrow({ where: { id: input.id }, include: WITH_NAMES });
        // Read after the update holds the row: a realisation or verification committed meanwhile is taken out too.
        await applyTotals(tx, after, voidDelta({ ...after, verified: after.verifiedAt !== null }));
        await writeAudit(tx, { actorId: input.actorId, action: 'sale.void', entity: 'SaleReport', entityId: input.id, before: auditRow(before), after: auditRow(after) });
        await bumpBoardRevision(tx, after.missionId, input.at);
        return { ok: true, report: toSaleRecord(after) } as const;
      });
    },

    /** Marks a live report verified by an official; verifying twice or a voided report is refused, not an error. */
    async verifyReport(input: { id: number; actorId: bigint; at: Date }): Promise<VerifyResult> {
      return prisma.$transaction(async (tx) => {
        const before = await tx.saleReport.findUnique({ where: { id: input.id }, include: WITH_NAMES });
        if (!before) return { ok: false, reason: 'not_found' } as const;
        const updated = await tx.saleReport.updateMany({
          where: { id: input.id, voidedAt: null, verifiedAt: null },
          data: { verifiedAt: input.at, verifiedById: input.actorId },
        });
        if (updated.count === 0) {
          const now = await tx.saleReport.findUniqueOrThrow({ where: { id: input.id }, include: WITH_NAMES });
          return { ok: false, reason: now.voidedAt ? 'voided' : 'already_verified', report: toSaleRecord(now) } as const;
        }
        const after = await tx.saleReport.findUniqueOrThrow({ where: { id: input.id }, include: WITH_NAMES });
        await applyTotals(tx, after, verifyDelta(after.amount));
        await writeAudit(tx, { actorId: input.actorId, action: 'sale.verify', entity: 'SaleReport', entityId: input.id, before: auditRow(before), after: auditRow(after) });
        await bumpBoardRevision(tx, after.missionId, input.at);
        return { ok: true, report: toSaleRecord(after) } as const;
      });
    },

    /** /rekapku: the exhibitor's live sums today and over the mission, by kind, and the latest live reports. */
    async exhibitorSales(exhibitorId: number, today: { start: Date; end: Date }, latest: number): Promise<ExhibitorSales> {
      const live = { exhibitorId, voidedAt: null };
      const [all, todays, rows] = await Promise.all([
        prisma.saleReport.groupBy({ by: ['kind'], where: live, _sum: { amount: true }, _count: { _all: true } }),
        prisma.saleReport.groupBy({
          by: ['kind'],
          where: { ...live, createdAt: { gte: today.start, lt: today.end } },
          _sum: { amount: true },
          _count: { _all: true },
        }),
        prisma.saleReport.findMany({ where: live, include: WITH_NAMES, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: latest }),
      ]);
      return { today: kindTotals(todays), mission: kindTotals(all), latest: rows.map(toSaleRecord) };
    },

    /** Sums of the mission's live reports, overall and on its local day `today` (YYYY-MM-DD): read from the running totals. */
    async totals(missionId: number, today: string): Promise<MissionTotals> {
      const [mission, day, exhibitorCount] = await Promise.all([
        missionSums(prisma, missionId),
        daySums(prisma, missionId, today),
        fastSqlOf(prisma, provider)
          .all<{ n: unknown }>(`SELECT COUNT(*) AS "n" FROM "ExhibitorTotal" WHERE "missionId" = ? AND "reportCount" > 0`, [missionId])
          .then((rows) => num(rows[0]?.n)),
      ]);
      return missionTotalsOf(mission, day, exhibitorCount);
    },
  };
}
export type SaleRepository = ReturnType<typeof createSaleRepository>;
