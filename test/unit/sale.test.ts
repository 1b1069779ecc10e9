import { describe, expect, it } from 'vitest';
import {
  SALE_DIRECTIONS,
  SALE_KINDS,
  defaultDirection,
  isSaleDirection,
  isSaleKind,
} from '../../src/domain/sale.js';
import type { SaleDirection } from '../../src/domain/sale.js';

describe('sale enums', () => {
  it('mirror the database enums', () => {
    expect(SALE_KINDS).toEqual(['RETAIL', 'ORDER', 'LOI', 'INVESTMENT']);
    expect(SALE_DIRECTIONS).toEqual(['SELL', 'BUY']);
  });

  it.each<{ value: string; kind: boolean; direction: boolean }>([
    { value: 'RETAIL', kind: true, direction: false },
    { value: 'LOI', kind: true, direction: false },
    { value: 'SELL', kind: false, direction: true },
    { value: 'BUY', kind: false, direction: true },
    { value: 'retail', kind: false, direction: false },
    { value: '', kind: false, direction: false },
  ])('$value', ({ value, kind, direction }) => {
    expect(isSaleKind(value)).toBe(kind);
    expect(isSaleDirection(value)).toBe(direction);
  });
});

describe('defaultDirection', () => {
  it.each<{ exhibitor: string | undefined; origin: string; expected: SaleDirection }>([
    { exhibitor: 'JATIM', origin: 'JATIM', expected: 'SELL' },
    { exhibitor: 'Jawa Timur', origin: 'JATIM', expected: 'SELL' },
    { exhibitor: 'jatim', origin: 'Jawa Timur', expected: 'SELL' },
    { exhibitor: 'SULSEL', origin: 'JATIM', expected: 'BUY' },
    { exhibitor: 'Sulawesi Selatan', origin: 'Jawa Timur', expected: 'BUY' },
    { exhibitor: 'BALI', origin: 'JATIM', expected: 'BUY' },
    { exhibitor: undefined, origin: 'JATIM', expected: 'SELL' },
    { exhibitor: '  ', origin: 'JATIM', expected: 'SELL' },
    // unknown strings fall back to a plain comparison
    { exhibitor: 'Atlantis', origin: 'atlantis', expected: 'SELL' },
    { exhibitor: 'Atlantis', origin: 'JATIM', expected: 'BUY' },
  ])('$exhibitor in a mission from $origin → $expected', ({ exhibitor, origin, expected }) => {
    expect(defaultDirection(exhibitor, origin)).toBe(expected);
  });
});
