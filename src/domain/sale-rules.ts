import { productKey } from './product-match.js';
import { err, ok, type Result } from './result.js';
import { MAX_QUANTITY, QUANTITY_UNITS } from './sale-line.js';

/**
 * The rules around a sale report after it is typed: is it probably a
 * duplicate, who may void it and until when, may it be verified, and what a
 * wizard answer for the quantity or a void reason must look like. Pure: the
 * clock is a parameter.
 */

const MINUTE = 60_000;

/**
 * A second report with the same amount and product within this window is
 * asked about before saving: on a weak connection people resend a report
 * they think was lost.
 */
export const DUPLICATE_WINDOW_MS = 10 * MINUTE;

/** How long an exhibitor may void their own report; later only an official may (the figure has been reported on). */
export const VOID_WINDOW_MS = 24 * 60 * MINUTE;

/** Bounds of a void reason: enough to mean something, short enough for an audit line. */
export const VOID_REASON_MIN = 3;
export const VOID_REASON_MAX = 200;

/** What the duplicate check compares of a report about to be saved. */
export interface DuplicateProbe {
  amount: bigint;
  productId: number | null;
  productText: string | null;
}

/** An earlier report of the same exhibitor, as the duplicate check sees it. */
export interface EarlierReport extends DuplicateProbe {
  id: number;
  createdAt: Date;
  voidedAt: Date | null;
}

/** The earliest instant whose reports the duplicate check looks at. */
export function duplicateWindowStart(now: Date): Date {
  return new Date(now.getTime() - DUPLICATE_WINDOW_MS);
}

/**
 * Same product: the same listing when both reports are linked to one;
 * otherwise the same text ignoring case, spacing and punctuation (a report
 * typed before the listing existed still matches). Two reports without any
 * product are the same "no product".
 */
export function sameProduct(a: DuplicateProbe, b: DuplicateProbe): boolean {
  if (a.productId !== null && b.productId !== null) return a.productId === b.productId;
  const [keyA, keyB] = [productKey(a.productText ?? ''), productKey(b.productText ?? '')];
  // A listing is a product even without text; only two reports without any product share "none".
  if (keyA === '' && keyB === '') return a.productId === null && b.productId === null;
  return keyA === keyB;
}

/**
 * The newest live report among `earlier` that the probe looks like a repeat
 * of: same amount, same product, reported less than ten minutes before
 * `now`. Voided reports do not count: re-reporting a voided sale is the fix.
 */
export function findDuplicate<T extends EarlierReport>(probe: DuplicateProbe, earlier: readonly T[], now: Date): T | undefined {
  const since = duplicateWindowStart(now).getTime();
  return earlier
    .filter((report) => report.voidedAt === null && report.createdAt.getTime() > since)
    .filter((report) => report.amount === probe.amount && sameProduct(probe, report))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)[0];
}

/** The report fields the void and verify rules look at. */
export interface ReportState {
  missionId: number;
  exhibitorId: number;
  createdAt: Date;
  voidedAt: Date | null;
  verifiedAt: Date | null;
}

/** Who asks to void or verify, in the active mission. */
export interface Actor {
  missionId: number;
  official: boolean;
  /** Their own business in that mission, if they exhibit. */
  exhibitorId: number | undefined;
}

/** Why a void is refused; `not_found` covers a report of another mission (not shown to be there at all). */
export type VoidRefusal = 'not_found' | 'already_voided' | 'not_yours' | 'too_old';

/**
 * May the actor void the report now? Officials may void any report of the
 * mission at any time; an exhibitor only their own, and only within
 * {@link VOID_WINDOW_MS} of reporting it (exactly 24 hours is still in time).
 */
export function canVoid(report: ReportState, actor: Actor, now: Date): Result<'official' | 'owner', VoidRefusal> {
  if (report.missionId !== actor.missionId) return err('not_found');
  if (report.voidedAt !== null) return err('already_voided');
  if (actor.official) return ok('official');
  if (actor.exhibitorId === undefined || report.exhibitorId !== actor.exhibitorId) return err('not_yours');
  if (now.getTime() - report.createdAt.getTime() > VOID_WINDOW_MS) return err('too_old');
  return ok('owner');
}

/** Why a verification is refused. */
export type VerifyRefusal = 'not_found' | 'voided' | 'already_verified';

/** May the report be marked verified? Only a live, not yet verified report of the mission. The caller checks the official role. */
export function canVerify(report: ReportState, missionId: number): Result<true, VerifyRefusal> {
  if (report.missionId !== missionId) return err('not_found');
  if (report.voidedAt !== null) return err('voided');
  if (report.verifiedAt !== null) return err('already_verified');
  return ok(true);
}

/** A void reason with its spaces tidied, or why it does not fit. Lengths count characters, not bytes. */
export function parseVoidReason(text: string): Result<string, 'too_short' | 'too_long'> {
  const reason = text.replace(/\s+/g, ' ').trim();
  const length = [...reason].length;
  if (length < VOID_REASON_MIN) return err('too_short');
  if (length > VOID_REASON_MAX) return err('too_long');
  return ok(reason);
}

/** A report number typed after a command: `12`, `#12`. */
export function parseReportNumber(text: string): number | undefined {
  const match = /^#?\s*(\d{1,9})$/.exec(text.trim());
  if (!match) return undefined;
  const id = Number(match[1]);
  return id > 0 ? id : undefined;
}

/** A quantity typed as a wizard answer. */
export interface QuantityAnswer {
  quantity: number;
  /** Canonical when known (`pieces` → `pcs`), else the word as typed in lower case; null without a unit. */
  unit: string | null;
}

// A unit is one word; longer than this it is a sentence, not a unit.
const MAX_UNIT_LENGTH = 20;

/**
 * Reads the wizard's quantity answer: a whole number, optionally with one
 * unit word (`30`, `30 pcs`, `2 kodi`, `1.000 bungkus`, `30pcs`). The column
 * is an integer, so `1,5 kg` is refused rather than rounded; so are zero,
 * words without a number (`banyak`), and more than ten million pieces.
 */
export function parseQuantityAnswer(text: string): Result<QuantityAnswer, 'quantity_invalid'> {
  const match = /^(\d+(?:\.\d{3})*)\s*(\p{L}+)?\.?$/u.exec(text.replace(/\s+/g, ' ').trim());
  if (!match) return err('quantity_invalid');
  const numeral = match[1] ?? '';
  if (!/^\d+$/.test(numeral) && !/^\d{1,3}(?:\.\d{3})+$/.test(numeral)) return err('quantity_invalid');
  const quantity = Number(numeral.replace(/\./g, ''));
  if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) return err('quantity_invalid');
  const word = match[2]?.toLowerCase();
  if (word === undefined) return ok({ quantity, unit: null });
  if ([...word].length > MAX_UNIT_LENGTH) return err('quantity_invalid');
  return ok({ quantity, unit: Object.hasOwn(QUANTITY_UNITS, word) ? (QUANTITY_UNITS[word] ?? word) : word });
}

/**
 * `part` as a share of `whole` in basis points, floored (so 99,99 % never
 * shows as 100 %), for "how much of the total is verified"; 0 for an empty
 * whole. Integer arithmetic: amounts are BigInt rupiah.
 */
export function shareBasis(part: bigint, whole: bigint): number {
  if (whole <= 0n || part <= 0n) return 0;
  const basis = (part * 10_000n) / whole;
  return basis > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(basis);
}
