import { describe, expect, it } from 'vitest';
import { BOARD_LATEST, boardChart, boardSlug, boardUrl, boardView, CHART_HEIGHT, CHART_WIDTH, sumByCategory, type BoardFigures } from '../../src/domain/board.js';
import type { MissionTotals } from '../../src/domain/entities.js';

const MISSION = {
  name: 'Misi Dagang Jawa Timur – Banten',
  city: 'Serang',
  hostProvince: 'BANTEN',
  startDate: '2026-11-26',
  endDate: '2026-11-28',
  timeZone: 'Asia/Jakarta',
  targetAmount: 3_000_000_000n,
};

function totals(over: Partial<MissionTotals> = {}): MissionTotals {
  return {
    byKind: { RETAIL: 0n, ORDER: 0n, LOI: 0n, INVESTMENT: 0n },
    byDirection: { SELL: 0n, BUY: 0n },
    total: 0n,
    reportCount: 0,
    exhibitorCount: 0,
    verifiedTotal: 0n,
    todayTotal: 0n,
    todayCount: 0,
    ...over,
  };
}

function figures(over: Partial<BoardFigures> = {}): BoardFigures {
  return { mission: MISSION, totals: totals(), dailyAmounts: [], categories: [], latest: [], now: new Date('2026-11-27T05:00:00Z'), ...over };
}

describe('boardView', () => {
  it('computes the headline, today and the kinds from the sums', () => {
    const view = boardView(
      figures({
        totals: totals({
          byKind: { RETAIL: 500_000_000n, ORDER: 400_000_000n, LOI: 300_000_000n, INVESTMENT: 100_000_000n },
          byDirection: { SELL: 1_200_000_000n, BUY: 100_000_000n },
          todayTotal: 200_000_000n,
          todayCount: 7,
        }),
      }),
    );
    expect(view.progress).toMatchObject({ total: 1_300_000_000n, realised: 500_000_000n, committed: 700_000_000n, investment: 100_000_000n, sell: 1_200_000_000n, buy: 100_000_000n, todayTotal: 200_000_000n });
    expect(view.progress.percentBasis).toBe(4333);
    expect(view.barPercent).toBe(43);
    expect(view.todayCount).toBe(7);
    // 27 Nov at 12:00 WIB: day 2 of 3, two days left with today, 1,7 M still needed.
    expect(view).toMatchObject({ today: '2026-11-27', phase: 'during', startsIn: 0 });
    expect(view.progress.daysLeft).toBe(2);
    expect(view.progress.requiredDailyRate).toBe(850_000_000n);
  });

  it.each([
    ['before the start', '2026-11-20T05:00:00Z', 'before', 6],
    ['on the first day', '2026-11-26T00:30:00Z', 'during', 0],
    ['after the end', '2026-11-29T05:00:00Z', 'after', 0],
  ] as const)('knows the phase %s', (_, at, phase, startsIn) => {
    const view = boardView(figures({ now: new Date(at) }));
    expect(view.phase).toBe(phase);
    expect(view.startsIn).toBe(startsIn);
  });

  it.each([
    [0n, 0],
    [1n, 1],
    [1_500_000_000n, 50],
    [3_000_000_000n, 100],
    [9_000_000_000n, 100],
  ])('draws a bar of %s rupiah as %s %%', (amount, bar) => {
    expect(boardView(figures({ totals: totals({ byKind: { RETAIL: amount, ORDER: 0n, LOI: 0n, INVESTMENT: 0n } }) })).barPercent).toBe(bar);
  });

  it('orders categories largest first (ties by name), drops empty ones and gives their share', () => {
    const view = boardView(
      figures({
        totals: totals({ byKind: { RETAIL: 400n, ORDER: 0n, LOI: 0n, INVESTMENT: 0n } }),
        categories: [
          { category: 'minuman', amount: 100n },
          { category: 'makanan', amount: 200n },
          { category: 'fashion', amount: 100n },
          { category: 'lainnya', amount: 0n },
        ],
      }),
    );
    expect(view.categories).toEqual([
      { category: 'makanan', amount: 200n, shareBasis: 5000 },
      { category: 'fashion', amount: 100n, shareBasis: 2500 },
      { category: 'minuman', amount: 100n, shareBasis: 2500 },
    ]);
  });

  it('lists the latest reports newest first, at most ten, with local time and whether they are from today', () => {
    const latest = Array.from({ length: 12 }, (_, index) => ({
      exhibitorName: `Peserta ${index}`,
      productName: index % 2 ? 'Keripik' : null,
      amount: BigInt(index + 1) * 1000n,
      kind: 'RETAIL' as const,
      createdAt: new Date(Date.UTC(2026, 10, 26, 10 + index, 5)),
    }));
    const view = boardView(figures({ latest, now: new Date('2026-11-27T05:00:00Z') }));
    expect(view.latest).toHaveLength(BOARD_LATEST);
    expect(view.latest[0]).toMatchObject({ exhibitorName: 'Peserta 11', localDate: '2026-11-27', localTime: '04:05', isToday: true });
    expect(view.latest.at(-1)).toMatchObject({ exhibitorName: 'Peserta 2', localDate: '2026-11-26', localTime: '19:05', isToday: false });
    // Nothing but these fields reaches the board: no buyer, no phone.
    expect(Object.keys(view.latest[0]!).sort()).toEqual(['amount', 'createdAt', 'exhibitorName', 'isToday', 'kind', 'localDate', 'localTime', 'productName']);
  });
});

describe('boardChart', () => {
  const mission = { startDate: '2026-11-26', endDate: '2026-11-28', targetAmount: 1_000n };

  it('draws the running total per day so far against the straight pace to the target', () => {
    const chart = boardChart([{ date: '2026-11-26', amount: 220n }, { date: '2026-11-27', amount: 110n }], mission, '2026-11-27', 3, 330n);
    // Top of the box: the target plus a tenth (1,100), so 330 sits at 30 % of the height.
    expect(chart.top).toBe(1_100n);
    expect(chart.actual).toBe(`0,${CHART_HEIGHT} 333.3,320 666.7,280`);
    expect(chart.pace).toBe(`0,${CHART_HEIGHT} ${CHART_WIDTH},36.4`);
    expect(chart.targetY).toBe(36.4);
  });

  it('keeps an overshoot on the chart and has no pace without a target', () => {
    const over = boardChart([{ date: '2026-11-26', amount: 2_000n }], mission, '2026-11-26', 3, 2_000n);
    expect(over.top).toBe(2_200n);
    expect(over.actual).toBe(`0,${CHART_HEIGHT} 333.3,36.4`);
    const none = boardChart([], { ...mission, targetAmount: 0n }, '2026-11-26', 3, 0n);
    expect(none).toMatchObject({ pace: '', targetY: null, actual: `0,${CHART_HEIGHT} 333.3,${CHART_HEIGHT}` });
  });

  it('is empty before the mission starts', () => {
    expect(boardChart([], mission, '2026-11-20', 3, 0n).actual).toBe('');
  });
});

describe('boardSlug', () => {
  it.each([
    ['Misi Dagang Jawa Timur – Banten', 'misi-dagang-jawa-timur-banten'],
    ['  Misi   Dagang  ', 'misi-dagang'],
    ['Misi Dagang Jatim—NTB 2026!', 'misi-dagang-jatim-ntb-2026'],
    ['Pameran Kopí & Teh', 'pameran-kopi-teh'],
    ['___', 'misi'],
    ['😀', 'misi'],
    ['a'.repeat(80), 'a'.repeat(48)],
    ['Misi dagang dan investasi provinsi jawa timur ke kalimantan', 'misi-dagang-dan-investasi-provinsi-jawa-timur-ke'],
  ])('%s → %s', (name, slug) => {
    expect(boardSlug(name)).toBe(slug);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('boardUrl', () => {
  it.each([
    ['https://bot.example.go.id', 'misi', 'abc_-1', 'https://bot.example.go.id/papan/misi?key=abc_-1'],
    ['https://bot.example.go.id/', 'misi', null, 'https://bot.example.go.id/papan/misi'],
    ['', 'misi', 'k', '/papan/misi?key=k'],
  ])('%s + %s + %s', (base, slug, key, url) => {
    expect(boardUrl(base, slug, key)).toBe(url);
  });
});

it('sumByCategory adds exhibitors of one category', () => {
  expect(
    sumByCategory([
      { category: 'makanan', amount: 5n },
      { category: 'minuman', amount: 2n },
      { category: 'makanan', amount: 3n },
    ]),
  ).toEqual([
    { category: 'makanan', amount: 8n },
    { category: 'minuman', amount: 2n },
  ]);
});
