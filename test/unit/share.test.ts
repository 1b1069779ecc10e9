import { describe, expect, it } from 'vitest';
import { formatShare } from '../../src/domain/share.js';

const JT = 1_000_000n;
const M = 1_000_000_000n;

describe('formatShare', () => {
  it.each<{ name: string; part: bigint; whole: bigint; id: string; en: string }>([
    { name: 'nothing yet', part: 0n, whole: 3n * M, id: '0%', en: '0%' },
    { name: 'no target', part: 5n * JT, whole: 0n, id: '0%', en: '0%' },
    { name: 'Rp1,5 jt of Rp3 M: two decimals, not 0 %', part: 1_500_000n, whole: 3n * M, id: '0,05%', en: '0.05%' },
    { name: 'half a percent drops the trailing zero', part: 15n * JT, whole: 3n * M, id: '0,5%', en: '0.5%' },
    { name: 'a sliver still counts', part: 1000n, whole: 3n * M, id: '<0,01%', en: '<0.01%' },
    { name: 'below 1 %, floored', part: 29_999_999n, whole: 3n * M, id: '0,99%', en: '0.99%' },
    { name: 'from 1 % one decimal', part: 37n * JT, whole: 3n * M, id: '1,2%', en: '1.2%' },
    { name: 'a whole percentage has no decimal', part: 750n * JT, whole: 3n * M, id: '25%', en: '25%' },
    { name: '99,99 % is not 100 %', part: 2_999_999_999n, whole: 3n * M, id: '99,9%', en: '99.9%' },
    { name: 'exactly the target', part: 3n * M, whole: 3n * M, id: '100%', en: '100%' },
    { name: 'far above: thousands grouped per language', part: 40n * M, whole: 3n * JT, id: '1.333.333,3%', en: '1,333,333.3%' },
  ])('$name', ({ part, whole, id, en }) => {
    expect(formatShare(part, whole, 'id')).toBe(id);
    expect(formatShare(part, whole, 'en')).toBe(en);
  });
});
