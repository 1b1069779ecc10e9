import { isCategory } from '../domain/categories.js';
import type { ExportReport } from '../domain/export.js';
import { provinceByCode } from '../domain/provinces.js';
import { timeZoneLabel } from '../domain/time.js';
import type { Catalogue } from '../i18n/index.js';

/**
 * One report as a row of the export, before it becomes cells (workbook) or
 * text (CSV): both files show the same columns in the same order.
 */
export interface ReportRow {
  id: number;
  createdAt: Date;
  kind: string;
  direction: string;
  exhibitor: string;
  category: string;
  province: string;
  product: string | null;
  quantity: number | null;
  unit: string | null;
  buyer: string | null;
  buyerOrigin: string | null;
  amount: bigint;
  verified: string;
  status: string;
  voidReason: string | null;
}

export function categoryLabel(key: string, t: Catalogue): string {
  return isCategory(key) ? t.categories[key] : key;
}

export function provinceLabel(code: string): string {
  return provinceByCode(code)?.name ?? code;
}

/** `WIB`, or the IANA name for a zone outside Indonesia. */
export function zoneLabel(timeZone: string): string {
  return timeZoneLabel(timeZone) ?? timeZone;
}

/** The header of the reports sheet and the CSV, in the order of {@link reportRow}'s fields. */
export function reportHeaders(t: Catalogue, timeZone: string): string[] {
  const c = t.exports.reportColumns;
  return [
    c.id, c.time(zoneLabel(timeZone)), c.kind, c.direction, c.exhibitor, c.category, c.province, c.product,
    c.quantity, c.unit, c.buyer, c.buyerOrigin, c.amount, c.verified, c.status, c.voidReason,
  ];
}

export function reportRow(report: ExportReport, t: Catalogue): ReportRow {
  const voided = report.voidedAt !== null;
  return {
    id: report.id,
    createdAt: report.createdAt,
    kind: t.sale.kinds[report.kind],
    direction: t.sale.directions[report.direction],
    exhibitor: report.exhibitorName,
    category: categoryLabel(report.category, t),
    province: provinceLabel(report.province),
    product: report.productName ?? report.productText,
    quantity: report.quantity,
    unit: report.unit,
    buyer: report.buyerName,
    buyerOrigin: report.buyerOrigin,
    amount: report.amount,
    verified: report.verifiedAt !== null ? t.exports.yes : t.exports.no,
    status: voided ? t.exports.voided : t.exports.live,
    voidReason: report.voidReason,
  };
}
