import { describe, expect, it } from 'vitest';
import { canAnswer, parseQuantity, validateInquiryMessage } from '../../src/domain/inquiry.js';

describe('validateInquiryMessage', () => {
  it.each([
    ['Ada stok 50 pcs?', { ok: true, value: 'Ada stok 50 pcs?' }],
    ['  abc  ', { ok: true, value: 'abc' }],
    ['Baris satu\nbaris   dua', { ok: true, value: 'Baris satu\nbaris dua' }],
    ['ab', { ok: false, reason: 'too_short' }],
    ['   ', { ok: false, reason: 'too_short' }],
    ['🙂🙂🙂', { ok: true, value: '🙂🙂🙂' }],
    ['x'.repeat(500), { ok: true, value: 'x'.repeat(500) }],
    ['x'.repeat(501), { ok: false, reason: 'too_long' }],
  ])('%j', (input, expected) => {
    expect(validateInquiryMessage(input)).toEqual(expected);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['50', 1, { ok: true, value: 50 }],
    [' 50 pcs ', 1, { ok: true, value: 50 }],
    ['1.000', 1, { ok: true, value: 1000 }],
    ['1,000', 1, { ok: true, value: 1000 }],
    ['10', 10, { ok: true, value: 10 }],
    ['9', 10, { ok: false, reason: 'below_min_order' }],
    ['0', 1, { ok: false, reason: 'not_positive' }],
    ['-5', 1, { ok: false, reason: 'not_positive' }],
    ['abc', 1, { ok: false, reason: 'not_a_number' }],
    ['', 1, { ok: false, reason: 'not_a_number' }],
    ['lima', 1, { ok: false, reason: 'not_a_number' }],
    ['1,5', 1, { ok: false, reason: 'not_whole' }],
    ['2.5 kg', 1, { ok: false, reason: 'not_whole' }],
    ['1000001', 1, { ok: false, reason: 'too_large' }],
    ['99999999999999', 1, { ok: false, reason: 'too_large' }],
  ] as const)('%j with minimum order %d', (input, minOrder, expected) => {
    expect(parseQuantity(input, minOrder)).toEqual(expected);
  });
});

describe('canAnswer', () => {
  it.each([
    [7n, 'OPEN', 7n, { ok: true, value: true }],
    [7n, 'OPEN', 8n, { ok: false, reason: 'not_owner' }],
    [7n, 'ACCEPTED', 7n, { ok: false, reason: 'already_answered' }],
    [7n, 'DECLINED', 7n, { ok: false, reason: 'already_answered' }],
    [7n, 'DECLINED', 8n, { ok: false, reason: 'not_owner' }],
  ] as const)('owner %s, status %s, tapped by %s', (ownerId, status, userId, expected) => {
    expect(canAnswer({ ownerId, status }, userId)).toEqual(expected);
  });
});
