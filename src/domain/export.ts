import { CATEGORIES } from './categories.js';
import type { Exhibitor, Mission, SaleReport } from './entities.js';
import type { ExportMeetings } from './matching.js';
import { addKindSums, emptyKindSums, kindTotal, reportDelta, type KindSums } from './running-totals.js';
import { localDate } from './time.js';
import { foldText } from './text.js';

/**
 * What /ekspor writes out: every report of a mission (voided ones too, marked),
 * its exhibitors and their products, with the names a spreadsheet reader needs
 * already joined in.
 */
export interface ExportReport extends SaleReport {
  exhibitorName: string;
  /** The exhibitor's category: reports are summed by who sold, as in the leaderboard. */
  category: string;
  /** The exhibitor's origin province code. */
  province: string;
  /** The linked listing's name, when the report is linked to one. */
  productName: string | null;
}

export interface ExportExhibitor extends Exhibitor {
  registeredAt: Date;
}

export interface ExportProduct {
  id: number;
  exhibitorId: number;
  exhibitorName: string;
  name: string;
  category: string;
  price: bigint;
  unit: string;
  minOrder: number;
  description: string | null;
  active: boolean;
  createdAt: Date;
}

export interface ExportData {
  mission: Mission;
  reports: ExportReport[];
  /** The summary sheet, from the running totals. */
  summary: ExportSummary;
  exhibitors: ExportExhibitor[];
  products: ExportProduct[];
  /** Business matching, only when the mission has a matching session: then the workbook gets a meetings sheet. */
  meetings?: ExportMeetings;
}

/**
 * An export without its reports, which are read page by page: a mission can
 * hold a million of them, more than belongs in memory at once.
 */
export interface ExportHead {
  mission: Mission;
  summary: ExportSummary;
  exhibitors: ExportExhibitor[];
  products: ExportProduct[];
  /** Business matching, only when the mission has a matching session: then the workbook gets a meetings sheet. */
  meetings?: ExportMeetings;
  /** Reports (voided ones included) when the export began. */
  reportCount: number;
  /** The mission's reports have ids after startAfterId, up to maxReportId (reports saved later are left out). */
  startAfterId: number;
  maxReportId: number;
}

/** Reports of one page, and the id the next page starts after (maxReportId: no more). */
export interface ReportPage {
  reports: ExportReport[];
  cursor: number;
}

/** One line of the summary sheet: live reports only, split the way the digest splits them. */
export interface SummaryRow {
  key: string;
  reports: number;
  total: bigint;
  /** RETAIL: paid on the spot. */
  realised: bigint;
  /** ORDER and LOI. */
  committed: bigint;
  investment: bigint;
}

export interface ExportSummary {
  byCategory: SummaryRow[];
  /** Biggest first. */
  byProvince: SummaryRow[];
  /** Local dates (YYYY-MM-DD) in the mission's zone, oldest first. */
  byDay: SummaryRow[];
  /** Live report count and total per exhibitor id, for the exhibitors sheet. */
  byExhibitor: ReadonlyMap<number, { reports: number; total: bigint }>;
  /** All live reports together: the headline figures of the summary sheet. */
  overall: SummaryRow;
  /** Live totals by direction: the visiting province sold / bought. */
  sell: bigint;
  buy: bigint;
  voidedCount: number;
}

/** Live sums of one exhibitor (with where it sits in the summary) or of one local day. */
export interface ExhibitorSums {
  exhibitorId: number;
  category: string;
  province: string;
  sums: KindSums;
}

function emptyRow(key: string): SummaryRow {
  return { key, reports: 0, total: 0n, realised: 0n, committed: 0n, investment: 0n };
}

function add(row: SummaryRow, sums: KindSums): void {
  row.reports += sums.reportCount;
  row.total += kindTotal(sums);
  row.realised += sums.amountRetail;
  row.committed += sums.amountOrder + sums.amountLoi;
  row.investment += sums.amountInvestment;
}

function byTotalThenKey(a: SummaryRow, b: SummaryRow): number {
  if (a.total !== b.total) return a.total > b.total ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

const byKey = (a: SummaryRow, b: SummaryRow): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The summary sheet from live sums per exhibitor and per local day (the
 * running totals): by category and province (who sold, as in the
 * leaderboard), by day, and per exhibitor.
 */
export function summaryFromSums(
  exhibitorSums: readonly ExhibitorSums[],
  daySums: readonly { day: string; sums: KindSums }[],
  voidedCount: number,
  direction: { sell: bigint; buy: bigint },
): ExportSummary {
  const categories = new Map<string, SummaryRow>();
  const provinces = new Map<string, SummaryRow>();
  const exhibitors = new Map<number, { reports: number; total: bigint }>();
  const overall = emptyRow('');
  const rowOf = (map: Map<string, SummaryRow>, key: string): SummaryRow => {
    let row = map.get(key);
    if (!row) map.set(key, (row = emptyRow(key)));
    return row;
  };
  for (const own of exhibitorSums) {
    if (own.sums.reportCount === 0) continue;
    add(overall, own.sums);
    add(rowOf(categories, own.category), own.sums);
    add(rowOf(provinces, own.province), own.sums);
    exhibitors.set(own.exhibitorId, { reports: own.sums.reportCount, total: kindTotal(own.sums) });
  }
  const days = daySums.filter((d) => d.sums.reportCount > 0).map((d) => {
    const row = emptyRow(d.day);
    add(row, d.sums);
    return row;
  });
  const categoryOrder = (key: string): number => {
    const index = (CATEGORIES as readonly string[]).indexOf(key);
    return index < 0 ? CATEGORIES.length : index;
  };
  return {
    byCategory: [...categories.values()].sort((a, b) => categoryOrder(a.key) - categoryOrder(b.key) || byKey(a, b)),
    byProvince: [...provinces.values()].sort(byTotalThenKey),
    byDay: days.sort(byKey),
    byExhibitor: exhibitors,
    overall,
    sell: direction.sell,
    buy: direction.buy,
    voidedCount,
  };
}

/**
 * Sums a mission's live reports by category, province and local day (the
 * day a report was made in the mission's time zone, not the server's).
 * Voided reports are counted apart and never summed. The same summary as
 * the running totals give, counted from the reports themselves.
 */
export function summarizeReports(reports: readonly ExportReport[], timeZone: string): ExportSummary {
  const exhibitors = new Map<number, ExhibitorSums>();
  const days = new Map<string, KindSums>();
  const direction = { sell: 0n, buy: 0n };
  let voidedCount = 0;
  for (const report of reports) {
    if (report.voidedAt !== null) {
      voidedCount += 1;
      continue;
    }
    if (report.direction === 'BUY') direction.buy += report.amount;
    else direction.sell += report.amount;
    const delta = reportDelta({ ...report, verified: false, realisation: 'PENDING', realisedAmount: null }, 1);
    let own = exhibitors.get(report.exhibitorId);
    if (!own) exhibitors.set(report.exhibitorId, (own = { exhibitorId: report.exhibitorId, category: report.category, province: report.province, sums: emptyKindSums() }));
    addKindSums(own.sums, delta);
    const day = localDate(report.createdAt, timeZone);
    let daySums = days.get(day);
    if (!daySums) days.set(day, (daySums = emptyKindSums()));
    addKindSums(daySums, delta);
  }
  return summaryFromSums([...exhibitors.values()], [...days].map(([day, sums]) => ({ day, sums })), voidedCount, direction);
}

/**
 * A file-name-safe slug of a mission name (`Misi Dagang Jawa Timur – Banten`
 * → `misi-dagang-jawa-timur-banten`): ASCII letters and digits only, because
 * some phones and mail gateways mangle anything else in an attachment name.
 */
export function missionSlug(name: string): string {
  const slug = foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug === '' ? 'misi' : slug;
}

/**
 * `misi-<slug>-<YYYY-MM-DD>.<ext>`; a slug that already starts with "misi" is
 * not prefixed twice. One part of a split export: `…-<YYYY-MM-DD>-bagian-2.<ext>`.
 */
export function exportFileName(missionName: string, date: string, extension: 'xlsx' | 'csv' | 'csv.zip', part?: { label: string; index: number }): string {
  const slug = missionSlug(missionName);
  const base = slug === 'misi' || slug.startsWith('misi-') ? slug : `misi-${slug}`;
  return `${base}-${date}${part ? `-${part.label}-${part.index}` : ''}.${extension}`;
}
