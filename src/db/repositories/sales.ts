import type { MissionTotals, SaleDirectionName, SaleKindName, SaleReport } from '../../domain/entities.js';
import type { DbClient } from '../database.js';
import { writeAudit } from './audit.js';
import { isUniqueViolation, toSaleReport } from './mappers.js';

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

export type RecordSaleResult = { ok: true; report: SaleReport } | { ok: false; reason: 'already_saved'; report: SaleReport };

const KINDS: readonly SaleKindName[] = ['RETAIL', 'ORDER', 'LOI', 'INVESTMENT'];

export function createSaleRepository(prisma: DbClient) {
  return {
    /**
     * Saves a report once per source update: the unique sourceUpdateId turns a
     * redelivered update or a second tap on "save" into `already_saved`, even
     * when two taps race (the database, not a read-then-write, decides).
     */
    async record(input: NewSaleReport): Promise<RecordSaleResult> {
      try {
        const row = await prisma.$transaction(async (tx) => {
          const created = await tx.saleReport.create({ data: input });
          await writeAudit(tx, { actorId: input.reportedById, action: 'sale.create', entity: 'SaleReport', entityId: created.id, after: created });
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

    /** Sums of the mission's live reports, overall and within [todayStart, todayEnd). */
    async totals(missionId: number, today: { start: Date; end: Date }): Promise<MissionTotals> {
      const live = { missionId, voidedAt: null };
      const [byKindDirection, verified, todays, exhibitors] = await Promise.all([
        prisma.saleReport.groupBy({ by: ['kind', 'direction'], where: live, _sum: { amount: true }, _count: { _all: true } }),
        prisma.saleReport.aggregate({ where: { ...live, verifiedAt: { not: null } }, _sum: { amount: true } }),
        prisma.saleReport.aggregate({
          where: { ...live, createdAt: { gte: today.start, lt: today.end } },
          _sum: { amount: true },
          _count: { _all: true },
        }),
        prisma.saleReport.groupBy({ by: ['exhibitorId'], where: live }),
      ]);
      const byKind = Object.fromEntries(KINDS.map((kind) => [kind, 0n])) as Record<SaleKindName, bigint>;
      const byDirection: Record<SaleDirectionName, bigint> = { SELL: 0n, BUY: 0n };
      let reportCount = 0;
      for (const group of byKindDirection) {
        const sum = group._sum.amount ?? 0n;
        byKind[group.kind] += sum;
        byDirection[group.direction] += sum;
        reportCount += group._count._all;
      }
      return {
        byKind,
        byDirection,
        total: byDirection.SELL + byDirection.BUY,
        reportCount,
        exhibitorCount: exhibitors.length,
        verifiedTotal: verified._sum.amount ?? 0n,
        todayTotal: todays._sum.amount ?? 0n,
        todayCount: todays._count._all,
      };
    },
  };
}
export type SaleRepository = ReturnType<typeof createSaleRepository>;
