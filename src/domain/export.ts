import { CATEGORIES } from './categories.js';
import type { Exhibitor, Mission, SaleKindName, SaleReport } from './entities.js';
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
  exhibitors: ExportExhibitor[];
  products: ExportProduct[];
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

function emptyRow(key: string): SummaryRow {
  return { key, reports: 0, total: 0n, realised: 0n, committed: 0n, investment: 0n };
}

function add(row: SummaryRow, kind: SaleKindName, amount: bigint): void {
  row.reports += 1;
  row.total += amount;
  if (kind === 'RETAIL') row.realised += amount;
  else if (kind === 'INVESTMENT') row.investment += amount;
  else row.committed += amount;
}

function byTotalThenKey(a: SummaryRow, b: SummaryRow): number {
  if (a.total !== b.total) return a.total > b.total ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Sums a mission's live reports by category, province and local day (the
 * day a report was made in the mission's time zone, not the server's).
 * Voided reports are counted apart and never summed.
 */
export function summarizeReports(reports: readonly ExportReport[], timeZone: string): ExportSummary {
  const categories = new Map<string, SummaryRow>();
  const provinces = new Map<string, SummaryRow>();
  const days = new Map<string, SummaryRow>();
  const exhibitors = new Map<number, { reports: number; total: bigint }>();
  const overall = emptyRow('');
  const direction = { SELL: 0n, BUY: 0n };
  let voidedCount = 0;
  const rowOf = (map: Map<string, SummaryRow>, key: string): SummaryRow => {
    let row = map.get(key);
    if (!row) map.set(key, (row = emptyRow(key)));
    return row;
  };
  for (const report of reports) {
    if (report.voidedAt !== null) {
      voidedCount += 1;
      continue;
    }
    add(overall, report.kind, report.amount);
    direction[report.direction] += report.amount;
    add(rowOf(categories, report.category), report.kind, report.amount);
    add(rowOf(provinces, report.province), report.kind, report.amount);
    add(rowOf(days, localDate(report.createdAt, timeZone)), report.kind, report.amount);
    const own = exhibitors.get(report.exhibitorId) ?? { reports: 0, total: 0n };
    exhibitors.set(report.exhibitorId, { reports: own.reports + 1, total: own.total + report.amount });
  }
  const categoryOrder = (key: string): number => {
    const index = (CATEGORIES as readonly string[]).indexOf(key);
    return index < 0 ? CATEGORIES.length : index;
  };
  return {
    byCategory: [...categories.values()].sort((a, b) => categoryOrder(a.key) - categoryOrder(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    byProvince: [...provinces.values()].sort(byTotalThenKey),
    byDay: [...days.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    byExhibitor: exhibitors,
    overall,
    sell: direction.SELL,
    buy: direction.BUY,
    voidedCount,
  };
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

/** `misi-<slug>-<YYYY-MM-DD>.<ext>`; a slug that already starts with "misi" is not prefixed twice. */
export function exportFileName(missionName: string, date: string, extension: 'xlsx' | 'csv'): string {
  const slug = missionSlug(missionName);
  const base = slug === 'misi' || slug.startsWith('misi-') ? slug : `misi-${slug}`;
  return `${base}-${date}.${extension}`;
}
