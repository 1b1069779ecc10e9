import type { Mission } from '../../domain/entities.js';
import { summaryFromSums, type ExportData, type ExportExhibitor, type ExportProduct, type ExportReport } from '../../domain/export.js';
import type { DbClient } from '../database.js';
import { exportMeetings } from './matching.js';
import { toExhibitor, toSaleReport } from './mappers.js';

/** Reads everything /ekspor writes out; a spreadsheet wants all rows, in a stable order. */
export function createExportRepository(prisma: DbClient) {
  return {
    /**
     * A mission's reports (voided ones too: the sheet marks them), exhibitors
     * and products, oldest first. One snapshot: read in one transaction so
     * the summary and the rows agree even while exhibitors keep reporting.
     */
    async missionData(mission: Mission): Promise<ExportData> {
      const [reportRows, exhibitorRows, productRows, totals, exhibitorTotals, dayTotals] = await prisma.$transaction([
        prisma.saleReport.findMany({
          where: { missionId: mission.id },
          include: { exhibitor: { select: { name: true, category: true, province: true } }, product: { select: { name: true } } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
        prisma.exhibitor.findMany({ where: { missionId: mission.id }, orderBy: { id: 'asc' } }),
        prisma.product.findMany({
          where: { exhibitor: { missionId: mission.id } },
          include: { exhibitor: { select: { name: true } } },
          orderBy: [{ exhibitorId: 'asc' }, { id: 'asc' }],
        }),
        prisma.missionTotal.findUnique({ where: { missionId: mission.id }, select: { voidedCount: true, amountSell: true, amountBuy: true } }),
        prisma.exhibitorTotal.findMany({ where: { missionId: mission.id, reportCount: { gt: 0 } } }),
        prisma.dayTotal.findMany({ where: { missionId: mission.id, reportCount: { gt: 0 } } }),
      ]);
      const reports: ExportReport[] = reportRows.map((row) => ({
        ...toSaleReport(row),
        exhibitorName: row.exhibitor.name,
        category: row.exhibitor.category,
        province: row.exhibitor.province,
        productName: row.product?.name ?? null,
      }));
      const exhibitors: ExportExhibitor[] = exhibitorRows.map((row) => ({ ...toExhibitor(row), registeredAt: row.createdAt }));
      const products: ExportProduct[] = productRows.map((row) => ({
        id: row.id,
        exhibitorId: row.exhibitorId,
        exhibitorName: row.exhibitor.name,
        name: row.name,
        category: row.category,
        price: row.price,
        unit: row.unit,
        minOrder: row.minOrder,
        description: row.description,
        active: row.active,
        createdAt: row.createdAt,
      }));
      const exhibitorById = new Map(exhibitorRows.map((row) => [row.id, row]));
      const summary = summaryFromSums(
        exhibitorTotals.flatMap((sums) => {
          const exhibitor = exhibitorById.get(sums.exhibitorId);
          return exhibitor ? [{ exhibitorId: exhibitor.id, category: exhibitor.category, province: exhibitor.province, sums }] : [];
        }),
        dayTotals.map(({ day, ...sums }) => ({ day, sums })),
        totals?.voidedCount ?? 0,
        { sell: totals?.amountSell ?? 0n, buy: totals?.amountBuy ?? 0n },
      );
      // After the snapshot: meetings change seldom, and their figures are read as /progres reads them.
      const meetings = await exportMeetings(prisma, mission.id);
      return { mission, reports, summary, exhibitors, products, ...(meetings ? { meetings } : {}) };
    },
  };
}
export type ExportRepository = ReturnType<typeof createExportRepository>;
