import { describe, expect, it } from 'vitest';
import {
  isAvailable,
  nextInlineOffset,
  pageOf,
  parseInlineOffset,
  parseProductId,
  productStartPayload,
  truncateText,
} from '../../src/domain/catalog.js';

describe('pageOf', () => {
  it.each([
    // requested, total, size → page, pages, clamped
    [1, 0, 8, 1, 1, false],
    [1, 8, 8, 1, 1, false],
    [2, 9, 8, 2, 2, false],
    [3, 17, 8, 3, 3, false],
    [5, 37, 8, 5, 5, false],
    [6, 37, 8, 5, 5, true],
    [99, 10, 8, 2, 2, true],
    [0, 10, 8, 1, 2, true],
    [-3, 10, 8, 1, 2, true],
    [Number.NaN, 10, 8, 1, 2, true],
  ])('page %d of %d items by %d → page %d of %d (clamped %s)', (requested, total, size, page, pages, clamped) => {
    expect(pageOf(requested, total, size)).toEqual({ page, pages, clamped });
  });
});

describe('isAvailable', () => {
  it.each([
    [true, 'ACTIVE', true],
    [false, 'ACTIVE', false],
    [true, 'CLOSED', false],
    [true, 'DRAFT', false],
  ] as const)('active %s in a %s mission → %s', (active, missionStatus, expected) => {
    expect(isAvailable({ active, missionStatus })).toBe(expected);
  });
});

describe('inline offsets', () => {
  it.each([
    ['', 0],
    ['50', 50],
    ['0', 0],
    ['abc', 0],
    ['-5', 0],
    ['1e3', 0],
    ['9999999', 0],
  ])('offset %j → %d', (offset, expected) => {
    expect(parseInlineOffset(offset)).toBe(expected);
  });

  it.each([
    [0, 50, true, '50'],
    [50, 50, true, '100'],
    [100, 20, false, ''],
    [0, 0, false, ''],
    [0, 0, true, ''],
    [0, 50, false, ''],
  ])('after offset %d showing %d (more: %s) → %j', (offset, shown, more, expected) => {
    expect(nextInlineOffset(offset, shown, more)).toBe(expected);
  });
});

describe('product deep links', () => {
  it('round-trips a product id', () => {
    expect(productStartPayload(42)).toBe('p_42');
    expect(parseProductId('42')).toBe(42);
  });

  it.each(['', '0', 'abc', '4.2', '-1', '1234567890', '12x'])('refuses %j', (text) => {
    expect(parseProductId(text)).toBeUndefined();
  });
});

describe('truncateText', () => {
  it('keeps short text', () => {
    expect(truncateText('Keripik tempe', 20)).toBe('Keripik tempe');
  });

  it('cuts at a word boundary with an ellipsis', () => {
    expect(truncateText('Keripik tempe pedas manis gurih', 20)).toBe('Keripik tempe pedas…');
  });

  it('cuts inside a long word when there is no space', () => {
    const cut = truncateText('x'.repeat(30), 10);
    expect(Array.from(cut)).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
  });
});
