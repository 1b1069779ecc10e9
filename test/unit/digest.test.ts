import { describe, expect, it } from 'vitest';
import { buildDigest, cumulativeByDay, cumulativeSplit, MAX_MESSAGE_LENGTH, splitMessage, type DigestInput } from '../../src/domain/digest.js';
import type { MissionTotals } from '../../src/domain/entities.js';

const JT = 1_000_000n;

function totals(partial: Partial<MissionTotals> = {}): MissionTotals {
  return {
    byKind: { RETAIL: 0n, ORDER: 0n, LOI: 0n, INVESTMENT: 0n },
    byDirection: { SELL: 0n, BUY: 0n },
    total: 0n,
    reportCount: 0,
    exhibitorCount: 0,
    verifiedTotal: 0n,
    todayTotal: 0n,
    todayCount: 0,
    ...partial,
  };
}

const base: DigestInput = {
  target: 3_000n * JT,
  startDate: '2026-11-26',
  endDate: '2026-11-28',
  today: '2026-11-27',
  totals: totals({
    byKind: { RETAIL: 300n * JT, ORDER: 700n * JT, LOI: 500n * JT, INVESTMENT: 0n },
    byDirection: { SELL: 1_400n * JT, BUY: 100n * JT },
    total: 1_500n * JT,
    reportCount: 9,
    exhibitorCount: 7,
    todayTotal: 600n * JT,
    todayCount: 4,
  }),
  exhibitorsToday: 3,
  exhibitors: [
    { name: 'Batik Bu Ani', category: 'fashion', amount: 500n * JT },
    { name: 'Keripik Tempe', category: 'makanan', amount: 300n * JT },
    { name: 'Kopi Ijen', category: 'minuman', amount: 300n * JT },
    { name: 'Anyaman Pandan', category: 'kerajinan', amount: 150n * JT },
    { name: 'Sambal Bu Rudy', category: 'makanan', amount: 150n * JT },
    { name: 'Rokok Kretek', category: 'tembakau', amount: 90n * JT },
    { name: 'Tas Rotan', category: 'kerajinan', amount: 10n * JT },
  ],
  dailyAmounts: [
    { date: '2026-11-27', amount: 600n * JT },
    { date: '2026-11-26', amount: 900n * JT },
  ],
  previous: { name: 'Misi Dagang Jatim – Bali', hostProvince: 'BA', total: 2_000n * JT },
  yearToDate: { year: 2026, total: 9_500n * JT, missionCount: 4 },
};

describe('buildDigest', () => {
  const digest = buildDigest(base);

  it('has the progress figures: total, % of target, realised vs committed, days left, needed per day and projection', () => {
    expect(digest.progress.total).toBe(1_500n * JT);
    expect(digest.progress.percentBasis).toBe(5_000);
    expect(digest.progress.realised).toBe(300n * JT);
    expect(digest.progress.committed).toBe(1_200n * JT);
    expect(digest.progress.daysLeft).toBe(2);
    expect(digest.progress.requiredDailyRate).toBe(750n * JT);
    expect(digest.progress.projectedTotal).toBe(2_250n * JT);
    expect(digest.dayNumber).toBe(2);
  });

  it('has today: amount, transactions and exhibitors reporting', () => {
    expect([digest.todayTotal, digest.todayCount, digest.exhibitorsToday]).toEqual([600n * JT, 4, 3]);
  });

  it('ranks the top 3 categories by their exhibitors’ sums', () => {
    expect(digest.topCategories).toEqual([
      { category: 'fashion', amount: 500n * JT },
      { category: 'makanan', amount: 450n * JT },
      { category: 'minuman', amount: 300n * JT },
    ]);
    expect(digest.categories).toHaveLength(5);
  });

  it('ranks the top 5 exhibitors, ties by name', () => {
    expect(digest.topExhibitors.map((e) => e.name)).toEqual(['Batik Bu Ani', 'Keripik Tempe', 'Kopi Ijen', 'Anyaman Pandan', 'Sambal Bu Rudy']);
  });

  it('compares with the previous mission (75 % of its final figure) and carries the year to date', () => {
    expect(digest.previous).toEqual({ name: 'Misi Dagang Jatim – Bali', hostProvince: 'BA', total: 2_000n * JT, ratioBasis: 7_500 });
    expect(digest.yearToDate).toEqual({ year: 2026, total: 9_500n * JT, missionCount: 4 });
  });

  it('runs the cumulative line from the first day to today', () => {
    expect(digest.cumulativeByDay).toEqual([
      { date: '2026-11-26', cumulative: 900n * JT },
      { date: '2026-11-27', cumulative: 1_500n * JT },
    ]);
  });

  it('has no comparison without a previous mission, and 0 % against a previous mission without reports', () => {
    expect(buildDigest({ ...base, previous: null }).previous).toBeNull();
    expect(buildDigest({ ...base, previous: { name: 'x', hostProvince: 'BA', total: 0n } }).previous?.ratioBasis).toBe(0);
  });

  it('leaves exhibitors without a live sum out of the lists', () => {
    const empty = buildDigest({ ...base, exhibitors: [{ name: 'Nol', category: 'makanan', amount: 0n }] });
    expect(empty.topExhibitors).toEqual([]);
    expect(empty.topCategories).toEqual([]);
  });
});

describe('cumulativeByDay', () => {
  const days = [
    { date: '2026-11-25', amount: 5n }, // before the start: counts from the first day
    { date: '2026-11-26', amount: 10n },
    { date: '2026-11-28', amount: 20n },
    { date: '2026-11-30', amount: 1n }, // after the end: in the last point
  ];
  it.each([
    ['before the start: nothing to draw', '2026-11-25', []],
    ['the first day', '2026-11-26', [{ date: '2026-11-26', cumulative: 36n }]],
    [
      'the last day',
      '2026-11-28',
      [
        { date: '2026-11-26', cumulative: 15n },
        { date: '2026-11-27', cumulative: 15n },
        { date: '2026-11-28', cumulative: 36n },
      ],
    ],
    [
      'after the end: up to the last day, ending at the whole total',
      '2026-12-02',
      [
        { date: '2026-11-26', cumulative: 15n },
        { date: '2026-11-27', cumulative: 15n },
        { date: '2026-11-28', cumulative: 36n },
      ],
    ],
  ] as const)('%s', (_name, today, expected) => {
    expect(cumulativeByDay(days, '2026-11-26', '2026-11-28', today)).toEqual(expected);
  });
});

describe('splitMessage', () => {
  it('leaves a short message whole', () => {
    expect(splitMessage('a\nb')).toEqual(['a\nb']);
  });

  it('splits at line boundaries into parts within the limit, losing no line', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `<b>Baris ${i}</b> — ${'x'.repeat(i % 40)}`);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(MAX_MESSAGE_LENGTH);
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(parts.join('\n').split('\n')).toEqual(lines);
  });

  it('drops the blank lines at a cut, keeps them inside a part', () => {
    expect(splitMessage('aaaa\n\nbbbb\n\ncc', 10)).toEqual(['aaaa\n\nbbbb', 'cc']);
  });

  it('cuts a single over-long line at a space, or hard without splitting an emoji', () => {
    expect(splitMessage('aaa bbb ccc', 8)).toEqual(['aaa bbb', 'ccc']);
    const emoji = `${'a'.repeat(5)}😀${'b'.repeat(5)}`;
    const parts = splitMessage(emoji, 6);
    expect(parts.join('')).toBe(emoji);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(6);
    expect(parts[0]).toBe('aaaaa');
  });

  it('refuses a nonsensical limit', () => {
    expect(() => splitMessage('abc', 1)).toThrow();
  });
});

describe('cumulativeSplit', () => {
  const part = (realised: bigint, committed: bigint, investment: bigint) => ({ realised, committed, investment });
  const days = [
    { date: '2026-11-28', ...part(0n, 20n, 0n) }, // out of order: sorted by date
    { date: '2026-11-25', ...part(5n, 0n, 0n) }, // before the start: counts from the first day
    { date: '2026-11-26', ...part(1n, 2n, 7n) },
    { date: '2026-11-30', ...part(0n, 0n, 100n) }, // after the end: in the last point
  ];
  it.each([
    ['before the start: nothing to draw', '2026-11-25', []],
    ['the first day holds everything so far, also later-dated reports', '2026-11-26', [{ date: '2026-11-26', ...part(6n, 22n, 107n) }]],
    [
      'the second day: a day without reports repeats the running totals',
      '2026-11-27',
      [
        { date: '2026-11-26', ...part(6n, 2n, 7n) },
        { date: '2026-11-27', ...part(6n, 22n, 107n) },
      ],
    ],
    [
      'after the end: up to the last day, ending at the whole total',
      '2026-12-02',
      [
        { date: '2026-11-26', ...part(6n, 2n, 7n) },
        { date: '2026-11-27', ...part(6n, 2n, 7n) },
        { date: '2026-11-28', ...part(6n, 22n, 107n) },
      ],
    ],
  ] as const)('%s', (_name, today, expected) => {
    const split = cumulativeSplit(days, '2026-11-26', '2026-11-28', today);
    expect(split).toEqual(expected);
    // The stack's top is the running total line.
    const totals = cumulativeByDay(days.map((d) => ({ date: d.date, amount: d.realised + d.committed + d.investment })), '2026-11-26', '2026-11-28', today);
    expect(split.map((d) => ({ date: d.date, cumulative: d.realised + d.committed + d.investment }))).toEqual(totals);
  });
});
