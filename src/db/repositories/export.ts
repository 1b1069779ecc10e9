import type { Mission } from '../../domain/entities.js';
import { summaryFromSums, type ExportData, type ExportExhibitor, type ExportHead, type ExportProduct, type ExportReport, type ReportPage } from '../../domain/export.js';
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
      const { exhibitors, products, summary } = headParts(exhibitorRows, productRows, totals, exhibitorTotals, dayTotals);
      // After the snapshot: meetings change seldom, and their figures are read as /progres reads them.
      const meetings = await exportMeetings(prisma, mission.id);
      return { mission, reports, summary, exhibitors, products, ...(meetings ? { meetings } : {}) };
    },

    /**
     * Everything of an export but the reports, read in one transaction: the
     * summary from the running totals, the exhibitors and products (a few
     * thousand rows at most), and the highest report id, which bounds the
     * pages of {@link reportPage} so reports saved during a long export do
     * not join it half way.
     */
    async missionHead(mission: Mission): Promise<ExportHead> {
      const [exhibitorRows, productRows, totals, exhibitorTotals, dayTotals, reportCount, first, last] = await prisma.$transaction([
        prisma.exhibitor.findMany({ where: { missionId: mission.id }, orderBy: { id: 'asc' } }),
        prisma.product.findMany({
          where: { exhibitor: { missionId: mission.id } },
          include: { exhibitor: { select: { name: true } } },
          orderBy: [{ exhibitorId: 'asc' }, { id: 'asc' }],
        }),
        prisma.missionTotal.findUnique({ where: { missionId: mission.id }, select: { voidedCount: true, amountSell: true, amountBuy: true } }),
        prisma.exhibitorTotal.findMany({ where: { missionId: mission.id, reportCount: { gt: 0 } } }),
        prisma.dayTotal.findMany({ where: { missionId: mission.id, reportCount: { gt: 0 } } }),
        prisma.saleReport.count({ where: { missionId: mission.id } }),
        prisma.saleReport.findFirst({ where: { missionId: mission.id }, orderBy: { id: 'asc' }, select: { id: true } }),
        prisma.saleReport.findFirst({ where: { missionId: mission.id }, orderBy: { id: 'desc' }, select: { id: true } }),
      ]);
      const { exhibitors, products, summary } = headParts(exhibitorRows, productRows, totals, exhibitorTotals, dayTotals);
      // Meetings change seldom and are few (a table's slots a day): read whole, as /progres reads their figures.
      const meetings = await exportMeetings(prisma, mission.id);
      return { mission, summary, exhibitors, products, ...(meetings ? { meetings } : {}), reportCount, startAfterId: first ? first.id - 1 : 0, maxReportId: last?.id ?? 0 };
    },

    /**
     * One page of a mission's reports in id order: the rows with ids after
     * `afterId` up to the head's last, at most `take` of them looked at,
     * and the id to go on after. The range is read by primary key, and rows
     * of other missions in it are dropped here: with the mission in the
     * WHERE clause, SQLite reads the mission's index and sorts all its
     * remaining reports for every page, which at a million reports never
     * ends. A mission's reports are one run of ids but for missions held at
     * the same time. The exhibitor's and the listing's names are joined from
     * the head, which holds every exhibitor and product of the mission.
     */
    async reportPage(head: ExportHead, afterId: number, take: number): Promise<ReportPage> {
      const rows = await prisma.saleReport.findMany({
        where: { id: { gt: afterId, lte: head.maxReportId } },
        orderBy: { id: 'asc' },
        take,
      });
      const names = joinNames(head);
      const reports: ExportReport[] = [];
      for (const row of rows) {
        if (row.missionId !== head.mission.id) continue;
        const exhibitor = names.exhibitors.get(row.exhibitorId);
        reports.push({
          ...toSaleReport(row),
          exhibitorName: exhibitor?.name ?? '',
          category: exhibitor?.category ?? '',
          province: exhibitor?.province ?? '',
          productName: row.productId === null ? null : (names.products.get(row.productId) ?? null),
        });
      }
      // Fewer rows than asked: the range is read to its end.
      return { reports, cursor: rows.length < take ? head.maxReportId : (rows.at(-1)?.id ?? head.maxReportId) };
    },
  };
}
type ExhibitorRow = Awaited<ReturnType<DbClient['exhibitor']['findMany']>>[number];
type ProductRow = Awaited<ReturnType<DbClient['product']['findMany']>>[number] & { exhibitor: { name: string } };
type TotalsRow = { voidedCount: number; amountSell: bigint; amountBuy: bigint } | null;
type ExhibitorTotalRow = Awaited<ReturnType<DbClient['exhibitorTotal']['findMany']>>[number];
type DayTotalRow = Awaited<ReturnType<DbClient['dayTotal']['findMany']>>[number];

/** The exhibitors, products and summary of an export, from the rows both readers fetch. */
function headParts(exhibitorRows: ExhibitorRow[], productRows: ProductRow[], totals: TotalsRow, exhibitorTotals: ExhibitorTotalRow[], dayTotals: DayTotalRow[]): Pick<ExportHead, 'exhibitors' | 'products' | 'summary'> {
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
  return { exhibitors, products, summary };
}

const joined = new WeakMap<ExportHead, { exhibitors: Map<number, ExportExhibitor>; products: Map<number, string> }>();

/** The head's exhibitors and product names by id, built once per export. */
function joinNames(head: ExportHead): { exhibitors: Map<number, ExportExhibitor>; products: Map<number, string> } {
  let names = joined.get(head);
  if (!names) {
    names = { exhibitors: new Map(head.exhibitors.map((row) => [row.id, row])), products: new Map(head.products.map((row) => [row.id, row.name])) };
    joined.set(head, names);
  }
  return names;
}

export type ExportRepository = ReturnType<typeof createExportRepository>;
