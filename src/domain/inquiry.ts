import { parseWholeNumber } from './product.js';
import { err, ok, type Result } from './result.js';

/**
 * A buyer's inquiry about a product, and the rules of answering it. The
 * exhibitor's phone is part of the answer, never of the question: it is only
 * handed over once the owner accepts.
 */
export type InquiryStatusName = 'OPEN' | 'ACCEPTED' | 'DECLINED';

export interface Inquiry {
  id: number;
  productId: number;
  exhibitorId: number;
  buyerId: bigint;
  message: string;
  quantity: number | null;
  status: InquiryStatusName;
  createdAt: Date;
  answeredAt: Date | null;
}

/** An inquiry with the names both sides see it by. */
export interface InquiryRecord extends Inquiry {
  productName: string;
  unit: string;
  exhibitorName: string;
  /** Shown to the buyer only when the inquiry is accepted. */
  exhibitorPhone: string | null;
  exhibitorBooth: string | null;
  ownerId: bigint;
  ownerName: string;
  ownerUsername: string | null;
  buyerName: string;
  buyerUsername: string | null;
}

export const INQUIRY_MESSAGE_MIN = 3;
export const INQUIRY_MESSAGE_MAX = 500;
/** Far above any order at an exhibition; a bigger number is a slip of the thumb. */
export const INQUIRY_QUANTITY_MAX = 1_000_000;

export type InquiryMessageError = 'too_short' | 'too_long';

/** The buyer's message: 3–500 characters as a person counts them, line breaks kept, outer spaces trimmed. */
export function validateInquiryMessage(input: string): Result<string, InquiryMessageError> {
  const text = input.replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
  const length = Array.from(text).length;
  if (length < INQUIRY_MESSAGE_MIN) return err('too_short');
  if (length > INQUIRY_MESSAGE_MAX) return err('too_long');
  return ok(text);
}

export type QuantityError = 'not_a_number' | 'not_whole' | 'not_positive' | 'too_large' | 'below_min_order';

/**
 * The quantity a buyer wants: a positive whole number, `1.000` read as a
 * thousand (as prices are), optionally followed by the unit (`50 pcs`). At
 * least the product's minimum order: the exhibitor set it for a reason.
 */
export function parseQuantity(input: string, minOrder: number): Result<number, QuantityError> {
  // A unit word after the number ("200 bungkus") is allowed and ignored.
  const match = /^([-\u2212]?[\d.,]+)\s*(\p{L}[\p{L} ]*)?$/u.exec(input.trim());
  if (!match?.[1]) return err('not_a_number');
  if (/^[-\u2212]/.test(match[1]) && !/\d/.test(match[1])) return err('not_a_number');
  const quantity = parseWholeNumber(match[1], INQUIRY_QUANTITY_MAX);
  if (!quantity.ok) return quantity;
  if (quantity.value < minOrder) return err('below_min_order');
  return quantity;
}

export type AnswerRefusal = 'not_owner' | 'already_answered';

/**
 * Whether this user may accept or decline this inquiry now: only the owner
 * of the exhibitor asked, and only once.
 */
export function canAnswer(inquiry: Pick<InquiryRecord, 'ownerId' | 'status'>, userId: bigint): Result<true, AnswerRefusal> {
  if (inquiry.ownerId !== userId) return err('not_owner');
  if (inquiry.status !== 'OPEN') return err('already_answered');
  return ok(true);
}
