import { describe, expect, it } from 'vitest';
import {
  MAX_EXTRA_MILESTONES,
  formatPercent,
  milestonesCrossed,
  progress,
  progressBar,
} from '../../src/domain/progress.js';
import type { Progress, ProgressInput } from '../../src/domain/progress.js';

const JT = 1_000_000n;
const M = 1_000_000_000n;

// A five-day mission, 23–27 Nov 2026, target Rp3 M.
const base: ProgressInput = {
  target: 3n * M,
  totals: { RETAIL: 0n, ORDER: 0n, LOI: 0n, INVESTMENT: 0n },
  sell: 0n,
  buy: 0n,
  reportCount: 0,
  verifiedTotal: 0n,
  today: '2026-11-25',
  startDate: '2026-11-23',
  endDate: '2026-11-27',
  todayTotal: 0n,
};

describe('progress: the breakdown', () => {
  it('sums the kinds and splits realised, committed and investment', () => {
    const p = progress({
      ...base,
      totals: { RETAIL: 300n * JT, ORDER: 500n * JT, LOI: 200n * JT, INVESTMENT: 234n * JT },
      sell: 1_000n * JT,
      buy: 234n * JT,
      reportCount: 42,
      verifiedTotal: 100n * JT,
      todayTotal: 50n * JT,
    });
    expect(p).toEqual<Progress>({
      total: 1_234n * JT,
      percentBasis: 4113, // 1 234 / 3 000 = 41.13 %
      realised: 300n * JT,
      committed: 700n * JT,
      investment: 234n * JT,
      sell: 1_000n * JT,
      buy: 234n * JT,
      todayTotal: 50n * JT,
      reportCount: 42,
      verifiedTotal: 100n * JT,
      remaining: 1_766n * JT,
      totalDays: 5,
      daysLeft: 3,
      daysElapsed: 3,
      requiredDailyRate: 588_666_667n, // ceil(1 766 jt / 3)
      projectedTotal: 2_056_666_666n, // 1 234 jt / 3 × 5, floored
      reached: false,
    });
  });
});

describe('progress: the calendar', () => {
  it.each<{ today: string; daysLeft: number; daysElapsed: number; note: string }>([
    { today: '2026-11-01', daysLeft: 5, daysElapsed: 0, note: 'weeks before the start' },
    { today: '2026-11-22', daysLeft: 5, daysElapsed: 0, note: 'the day before the start' },
    { today: '2026-11-23', daysLeft: 5, daysElapsed: 1, note: 'the first day' },
    { today: '2026-11-25', daysLeft: 3, daysElapsed: 3, note: 'the middle day' },
    { today: '2026-11-27', daysLeft: 1, daysElapsed: 5, note: 'the last day' },
    { today: '2026-11-28', daysLeft: 0, daysElapsed: 5, note: 'the day after the end' },
    { today: '2027-03-01', daysLeft: 0, daysElapsed: 5, note: 'months after the end' },
  ])('$note ($today): $daysLeft left, $daysElapsed elapsed', ({ today, daysLeft, daysElapsed }) => {
    const p = progress({ ...base, today });
    expect(p.totalDays).toBe(5);
    expect(p.daysLeft).toBe(daysLeft);
    expect(p.daysElapsed).toBe(daysElapsed);
  });

  it('counts a one-day mission', () => {
    const p = progress({ ...base, startDate: '2026-11-23', endDate: '2026-11-23', today: '2026-11-23' });
    expect([p.totalDays, p.daysLeft, p.daysElapsed]).toEqual([1, 1, 1]);
  });

  it('crosses a month and a year end', () => {
    const p = progress({ ...base, startDate: '2026-12-30', endDate: '2027-01-02', today: '2026-12-31' });
    expect([p.totalDays, p.daysLeft, p.daysElapsed]).toEqual([4, 3, 2]);
  });

  it.each<{ startDate: string; endDate: string; today: string }>([
    { startDate: '2026-11-27', endDate: '2026-11-23', today: '2026-11-25' },
    { startDate: '2026-11-23', endDate: '2026-11-27', today: '25/11/2026' },
    { startDate: '2026-11-23', endDate: 'soon', today: '2026-11-25' },
  ])('throws on a broken calendar: $startDate..$endDate, today $today', (dates) => {
    expect(() => progress({ ...base, ...dates })).toThrow();
  });
});

describe('progress: rates, projection and target', () => {
  const withRetail = (retail: bigint, fields: Partial<ProgressInput> = {}): Progress =>
    progress({ ...base, totals: { ...base.totals, RETAIL: retail }, ...fields });

  it.each<{
    note: string;
    retail: bigint;
    fields: Partial<ProgressInput>;
    expected: Partial<Progress>;
  }>([
    {
      note: 'before the start: the whole target over the whole mission, projection = total',
      retail: 0n,
      fields: { today: '2026-11-20' },
      expected: { percentBasis: 0, remaining: 3n * M, requiredDailyRate: 600n * JT, projectedTotal: 0n, reached: false },
    },
    {
      note: 'before the start with early reports',
      retail: 100n * JT,
      fields: { today: '2026-11-20' },
      expected: { requiredDailyRate: 580n * JT, projectedTotal: 100n * JT },
    },
    {
      note: 'first day: projection × 5',
      retail: 100n * JT,
      fields: { today: '2026-11-23' },
      expected: { percentBasis: 333, requiredDailyRate: 580n * JT, projectedTotal: 500n * JT },
    },
    {
      note: 'last day: everything missing is needed today',
      retail: 2n * M,
      fields: { today: '2026-11-27' },
      expected: { percentBasis: 6666, remaining: 1n * M, requiredDailyRate: 1n * M, projectedTotal: 2n * M },
    },
    {
      note: 'after the end, short of target: no daily rate',
      retail: 2n * M,
      fields: { today: '2026-12-01' },
      expected: { remaining: 1n * M, requiredDailyRate: 0n, projectedTotal: 2n * M, reached: false },
    },
    {
      note: 'exactly reached',
      retail: 3n * M,
      fields: {},
      expected: { percentBasis: 10_000, remaining: 0n, requiredDailyRate: 0n, reached: true },
    },
    {
      note: 'one rupiah short is not reached and not 100 %',
      retail: 3n * M - 1n,
      fields: {},
      expected: { percentBasis: 9999, remaining: 1n, requiredDailyRate: 1n, reached: false },
    },
    {
      note: 'overshot',
      retail: 9n * M,
      fields: {},
      expected: { percentBasis: 30_000, remaining: 0n, requiredDailyRate: 0n, reached: true, projectedTotal: 15n * M },
    },
    {
      note: 'zero target: no percentage, nothing required, never reached',
      retail: 5n * M,
      fields: { target: 0n },
      expected: { percentBasis: 0, remaining: 0n, requiredDailyRate: 0n, reached: false },
    },
    {
      note: 'negative target is treated as none',
      retail: 5n * M,
      fields: { target: -1n },
      expected: { percentBasis: 0, remaining: 0n, requiredDailyRate: 0n, reached: false },
    },
    {
      note: 'rate rounds up to the rupiah',
      retail: 0n,
      fields: { target: 10n, today: '2026-11-25' },
      expected: { requiredDailyRate: 4n }, // 10 / 3 days
    },
    {
      note: 'absurd overshoot clamps basis points to a safe integer',
      retail: 10n ** 15n,
      fields: { target: 1n },
      expected: { percentBasis: Number.MAX_SAFE_INTEGER, reached: true },
    },
  ])('$note', ({ retail, fields, expected }) => {
    expect(withRetail(retail, fields)).toMatchObject(expected);
  });
});

describe('formatPercent', () => {
  it.each<{ basis: number; id: string; en: string }>([
    { basis: 0, id: '0%', en: '0%' },
    { basis: 5, id: '0%', en: '0%' },
    { basis: 10, id: '0,1%', en: '0.1%' },
    { basis: 1234, id: '12,3%', en: '12.3%' },
    { basis: 1239, id: '12,3%', en: '12.3%' },
    { basis: 5000, id: '50%', en: '50%' },
    { basis: 9999, id: '99,9%', en: '99.9%' },
    { basis: 10_000, id: '100%', en: '100%' },
    { basis: 25_050, id: '250,5%', en: '250.5%' },
    { basis: 12_345_678, id: '123.456,7%', en: '123,456.7%' },
    { basis: -1234, id: '-12,3%', en: '-12.3%' },
  ])('$basis → $id / $en', ({ basis, id, en }) => {
    expect(formatPercent(basis, 'id')).toBe(id);
    expect(formatPercent(basis, 'en')).toBe(en);
  });

  it('throws on a non-integer basis (a caller bug)', () => {
    expect(() => formatPercent(12.5, 'id')).toThrow();
  });
});

describe('progressBar', () => {
  it.each<{ basis: number; width?: number; expected: string }>([
    { basis: 0, expected: '░░░░░░░░░░' },
    { basis: -50, expected: '░░░░░░░░░░' },
    { basis: 1, expected: '▓░░░░░░░░░' },
    { basis: 999, expected: '▓░░░░░░░░░' },
    { basis: 1000, expected: '▓░░░░░░░░░' },
    { basis: 2999, expected: '▓▓░░░░░░░░' },
    { basis: 3000, expected: '▓▓▓░░░░░░░' },
    { basis: 5000, expected: '▓▓▓▓▓░░░░░' },
    { basis: 9999, expected: '▓▓▓▓▓▓▓▓▓░' },
    { basis: 10_000, expected: '▓▓▓▓▓▓▓▓▓▓' },
    { basis: 35_000, expected: '▓▓▓▓▓▓▓▓▓▓' },
    { basis: 5000, width: 4, expected: '▓▓░░' },
    { basis: 1, width: 1, expected: '▓' },
    { basis: 0, width: 1, expected: '░' },
    { basis: 2500, width: 20, expected: '▓▓▓▓▓░░░░░░░░░░░░░░░' },
  ])('$basis at width $width → $expected', ({ basis, width, expected }) => {
    expect(width === undefined ? progressBar(basis) : progressBar(basis, width)).toBe(expected);
  });

  it.each([0, -1, 2.5])('throws on width %s', (width) => {
    expect(() => progressBar(5000, width)).toThrow();
  });
});

describe('milestonesCrossed', () => {
  const target = 1_000n;
  it.each<{ before: bigint; after: bigint; target?: bigint; expected: number[] }>([
    { before: 0n, after: 100n, expected: [] },
    { before: 0n, after: 250n, expected: [25] },
    { before: 249n, after: 250n, expected: [25] },
    { before: 250n, after: 251n, expected: [] },
    { before: 250n, after: 499n, expected: [] },
    { before: 240n, after: 760n, expected: [25, 50, 75] },
    { before: 0n, after: 1_000n, expected: [25, 50, 75, 100] },
    { before: 999n, after: 1_000n, expected: [100] },
    { before: 1_000n, after: 1_999n, expected: [] },
    { before: 1_000n, after: 2_000n, expected: [200] },
    { before: 900n, after: 3_500n, expected: [100, 200, 300] },
    { before: 2_500n, after: 4_000n, expected: [300, 400] },
    { before: 0n, after: 2_000n, expected: [25, 50, 75, 100, 200] },
    // a void or a correction down crosses nothing
    { before: 800n, after: 200n, expected: [] },
    { before: 500n, after: 500n, expected: [] },
    // no target, no milestones
    { before: 0n, after: 5_000n, target: 0n, expected: [] },
    { before: 0n, after: 5_000n, target: -10n, expected: [] },
    // rounding: 25 % of 3 is 0.75
    { before: 0n, after: 1n, target: 3n, expected: [25] },
    { before: 1n, after: 2n, target: 3n, expected: [50] },
    { before: 2n, after: 3n, target: 3n, expected: [75, 100] },
    // realistic: Rp3 M target
    { before: 740_000_000n, after: 760_000_000n, target: 3_000_000_000n, expected: [25] },
  ])('$before → $after of $target', ({ before, after, target: t, expected }) => {
    expect(milestonesCrossed(before, after, t ?? target)).toEqual(expected);
  });

  it(`caps the marks above 100 % at the highest ${MAX_EXTRA_MILESTONES}`, () => {
    // a target mistyped as Rp1 and a Rp5 jt sale
    const marks = milestonesCrossed(0n, 5_000_000n, 1n);
    expect(marks.slice(0, 4)).toEqual([25, 50, 75, 100]);
    expect(marks.slice(4)).toHaveLength(MAX_EXTRA_MILESTONES);
    expect(marks[marks.length - 1]).toBe(500_000_000);
    expect(marks[4]).toBe(499_999_100);
  });
});
