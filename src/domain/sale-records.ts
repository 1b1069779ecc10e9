import type { SaleKindName, SaleReport } from './entities.js';

/**
 * What the sale repository hands to the void, verify, recap and duplicate
 * flows: a report with the fields those flows need beyond {@link SaleReport},
 * and the names to show it by.
 */
export interface SaleRecord extends SaleReport {
  /** update_id the report was saved from; a second tap of the same save finds its own report by it. */
  sourceUpdateId: bigint | null;
  voidedById: bigint | null;
  verifiedById: bigint | null;
  /** The linked listing's name, when the report is linked to one. */
  productName: string | null;
  exhibitorName: string;
}

/** An exhibitor's own active listing, offered as a button in the sale wizard. */
export interface ProductChoice {
  id: number;
  name: string;
  unit: string;
}

/** Sums of live reports over some period, split by kind. */
export interface KindTotals {
  byKind: Record<SaleKindName, bigint>;
  total: bigint;
  count: number;
}

/** /rekapku: one exhibitor's figures today and over the whole mission, with the latest reports. */
export interface ExhibitorSales {
  today: KindTotals;
  mission: KindTotals;
  latest: SaleRecord[];
}

/** What a report is shown by in lists and confirmations: the listing's name, else what was typed. */
export function productLabel(report: Pick<SaleRecord, 'productName' | 'productText'>): string | null {
  return report.productName ?? report.productText;
}
