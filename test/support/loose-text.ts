import { expect } from 'vitest';
import type { SimUser } from '../../src/simulator/index.js';

/** The answers loose text gets outside a conversation: a hint, or (an exhibitor's sale-like line) a draft offer. */
export const LOOSE_TEXT_ANSWER = /Saya belum paham pesan ini|I didn't understand this message|Sepertinya ini laporan penjualan|This looks like a sale/;

/**
 * After a text typed outside any conversation: exactly one new message, the
 * short answer for loose text, and no wizard step or anything else.
 */
export function expectLooseTextAnswer(user: SimUser, countBefore: number): void {
  expect(user.messages()).toHaveLength(countBefore + 1);
  expect(user.lastText()).toMatch(LOOSE_TEXT_ANSWER);
}
