import type { Lang } from '../domain/entities.js';
import { formatRupiah, formatRupiahCompact } from '../domain/money.js';
import { productLabel, type SaleRecord } from '../domain/sale-records.js';
import { formatDateId, localDate, localTime } from '../domain/time.js';
import type { Catalogue } from '../i18n/index.js';
import type { SaleCardView } from '../i18n/messages/sale-report.js';
import type { SaleDraftState } from './context.js';

/** Sale reports to what the sale messages print; formatting lives here, once. */

/** The confirmation card of a draft, one-liner or wizard: the listing's name when linked, else the typed text. */
export function saleCardView(draft: SaleDraftState, t: Catalogue, lang: Lang): SaleCardView {
  const listed = draft.productId !== undefined && draft.productId !== null;
  return {
    amount: formatRupiah(BigInt(draft.amount), lang),
    kind: t.sale.kinds[draft.kind],
    direction: t.sale.directions[draft.direction],
    product: (listed ? draft.productName : null) ?? draft.productText,
    listed: listed && Boolean(draft.productName),
    quantity: draft.quantity === null ? null : `${draft.quantity}${draft.unit ? ` ${draft.unit}` : ''}`,
    buyer: draft.buyerName,
    buyerOrigin: draft.buyerOrigin ?? null,
  };
}

// Button labels must stay short enough to read on a phone in one line.
const MAX_LABEL_PRODUCT = 22;

/** A product name cut for a button or a list line. */
export function shortProduct(report: Pick<SaleRecord, 'productName' | 'productText'>, max = MAX_LABEL_PRODUCT): string {
  const label = productLabel(report) ?? '';
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

/** When a report was made, in the mission's zone: `14:05` today, `25 Nov 14:05` another day. */
export function reportTime(createdAt: Date, timeZone: string, now: Date, lang: Lang): string {
  const day = localDate(createdAt, timeZone);
  const time = localTime(createdAt, timeZone);
  if (day === localDate(now, timeZone)) return time;
  return `${formatDateId(day, lang).replace(/ \d{4}$/, '')} ${time}`;
}

/** An amount for a button or list line: compact (`Rp1,5 jt`), it has to fit. */
export const compactAmount = formatRupiahCompact;
/** An amount in a sentence: exact (`Rp1.500.000`). */
export const exactAmount = formatRupiah;
