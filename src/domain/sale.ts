import { resolveProvince } from './provinces.js';

/**
 * How firm a reported transaction is, in the order the headline figure is
 * usually broken down: paid on the spot, ordered / contracted, letter of
 * intent or MoU, investment. Mirrors the database enum.
 */
export const SALE_KINDS = ['RETAIL', 'ORDER', 'LOI', 'INVESTMENT'] as const;

/** One of {@link SALE_KINDS}. */
export type SaleKind = (typeof SALE_KINDS)[number];

/**
 * Which way the money went, seen from the visiting province: it `SELL`s its
 * UMKM's goods or `BUY`s from the host (reports split "Jatim jual" and
 * "Jatim beli"). Mirrors the database enum.
 */
export const SALE_DIRECTIONS = ['SELL', 'BUY'] as const;

/** One of {@link SALE_DIRECTIONS}. */
export type SaleDirection = (typeof SALE_DIRECTIONS)[number];

/** Narrows a stored or callback string to a {@link SaleKind}. */
export function isSaleKind(value: string): value is SaleKind {
  return (SALE_KINDS as readonly string[]).includes(value);
}

/** Narrows a stored or callback string to a {@link SaleDirection}. */
export function isSaleDirection(value: string): value is SaleDirection {
  return (SALE_DIRECTIONS as readonly string[]).includes(value);
}

/**
 * The direction a report gets when the exhibitor did not say: an exhibitor
 * from the mission's origin province sells (`SELL`), anyone else (the host
 * province's UMKM) is who the delegation buys from (`BUY`). An exhibitor
 * with no province recorded is assumed to travel with the delegation
 * (`SELL`), the common case. Provinces may be given as codes, names or
 * aliases (`JATIM`, `Jawa Timur`, `Jatim`).
 */
export function defaultDirection(exhibitorProvince: string | undefined, missionOrigin: string): SaleDirection {
  if (exhibitorProvince === undefined || exhibitorProvince.trim() === '') return 'SELL';
  const exhibitor = resolveProvince(exhibitorProvince);
  const origin = resolveProvince(missionOrigin);
  const same =
    exhibitor && origin
      ? exhibitor.code === origin.code
      : exhibitorProvince.trim().toLowerCase() === missionOrigin.trim().toLowerCase();
  return same ? 'SELL' : 'BUY';
}
