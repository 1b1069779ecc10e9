import { describe, expect, it } from 'vitest';
import { compareEntries, leaderboard, rankBy, rankMeetings, type LeaderboardEntry, type RankMetric } from '../../src/domain/leaderboard.js';

let nextId = 1;
function entry(name: string, realised: bigint, total: bigint, extra: Partial<LeaderboardEntry> = {}): LeaderboardEntry {
  return { exhibitorId: nextId++, name, category: 'makanan', realised, total, reportCount: 1, ...extra };
}

const names = (ranked: readonly { name: string }[]) => ranked.map((e) => e.name);

describe('rankBy', () => {
  it.each<{ name: string; metric: RankMetric; entries: LeaderboardEntry[]; limit: number; expected: string[] }>([
    {
      name: 'biggest first',
      metric: 'total',
      entries: [entry('A', 0n, 5n), entry('B', 0n, 9n), entry('C', 0n, 7n)],
      limit: 5,
      expected: ['B', 'C', 'A'],
    },
    {
      name: 'by realised, not total',
      metric: 'realised',
      entries: [entry('A', 1n, 100n), entry('B', 9n, 9n), entry('C', 5n, 50n)],
      limit: 5,
      expected: ['B', 'C', 'A'],
    },
    {
      name: 'a tie on the metric goes to the bigger other metric',
      metric: 'realised',
      entries: [entry('A', 5n, 5n), entry('B', 5n, 8n)],
      limit: 5,
      expected: ['B', 'A'],
    },
    {
      name: 'a tie on both goes to more reports',
      metric: 'total',
      entries: [entry('A', 0n, 5n, { reportCount: 1 }), entry('B', 0n, 5n, { reportCount: 3 })],
      limit: 5,
      expected: ['B', 'A'],
    },
    {
      name: 'then to the name, case-insensitively',
      metric: 'total',
      entries: [entry('bakso', 0n, 5n), entry('Anyaman', 0n, 5n), entry('Cendol', 0n, 5n)],
      limit: 5,
      expected: ['Anyaman', 'bakso', 'Cendol'],
    },
    {
      name: 'then to the older exhibitor (lower id)',
      metric: 'total',
      entries: [entry('Sama', 0n, 5n, { exhibitorId: 902 }), entry('Sama', 0n, 5n, { exhibitorId: 901 })],
      limit: 5,
      expected: ['Sama', 'Sama'],
    },
    {
      name: 'nobody with nothing in the metric',
      metric: 'realised',
      entries: [entry('A', 0n, 500n), entry('B', 1n, 1n)],
      limit: 5,
      expected: ['B'],
    },
    {
      name: 'at most the limit',
      metric: 'total',
      entries: [entry('A', 0n, 1n), entry('B', 0n, 2n), entry('C', 0n, 3n)],
      limit: 2,
      expected: ['C', 'B'],
    },
    { name: 'no entries', metric: 'total', entries: [], limit: 5, expected: [] },
    { name: 'a zero limit', metric: 'total', entries: [entry('A', 0n, 1n)], limit: 0, expected: [] },
    {
      name: 'amounts beyond 2^53 compared exactly',
      metric: 'total',
      entries: [entry('A', 0n, 9_007_199_254_740_993n), entry('B', 0n, 9_007_199_254_740_994n)],
      limit: 5,
      expected: ['B', 'A'],
    },
  ])('$name', ({ metric, entries, limit, expected }) => {
    const ranked = rankBy(entries, metric, limit);
    expect(names(ranked)).toEqual(expected);
    expect(ranked.map((e) => e.rank)).toEqual(expected.map((_, i) => i + 1));
  });

  it('gives the same order whatever order the entries come in', () => {
    const entries = [
      entry('A', 5n, 10n, { reportCount: 2 }),
      entry('B', 5n, 10n, { reportCount: 2 }),
      entry('a', 5n, 10n, { reportCount: 2 }),
      entry('C', 5n, 10n, { reportCount: 3 }),
      entry('D', 7n, 10n),
      entry('E', 5n, 12n),
    ];
    const expected = rankBy(entries, 'realised', 10).map((e) => e.exhibitorId);
    for (const shuffled of [[...entries].reverse(), [entries[3], entries[0], entries[5], entries[2], entries[1], entries[4]]]) {
      expect(rankBy(shuffled as LeaderboardEntry[], 'realised', 10).map((e) => e.exhibitorId)).toEqual(expected);
    }
    expect(names(rankBy(entries, 'realised', 10))).toEqual(['D', 'E', 'C', 'A', 'a', 'B']);
  });

  it('does not reorder its input', () => {
    const entries = [entry('A', 0n, 1n), entry('B', 0n, 2n)];
    rankBy(entries, 'total', 5);
    expect(names(entries)).toEqual(['A', 'B']);
  });
});

describe('compareEntries', () => {
  it('is a strict order: an entry equals only itself', () => {
    const a = entry('Sama', 1n, 1n, { exhibitorId: 1 });
    const b = entry('Sama', 1n, 1n, { exhibitorId: 2 });
    expect(compareEntries('total')(a, a)).toBe(0);
    expect(compareEntries('total')(a, b)).toBeLessThan(0);
    expect(compareEntries('total')(b, a)).toBeGreaterThan(0);
  });
});

describe('leaderboard', () => {
  const entries = [
    entry('Keripik Sri', 5_000_000n, 5_000_000n, { category: 'makanan' }),
    entry('Kopi Ijen', 2_000_000n, 12_000_000n, { category: 'minuman', reportCount: 2 }),
    entry('Batik Madura', 0n, 30_000_000n, { category: 'fashion' }),
    entry('Sambal Bu Rudy', 4_000_000n, 4_000_000n, { category: 'makanan' }),
    entry('Rengginang', 1_000_000n, 1_000_000n, { category: 'makanan' }),
    entry('Tempe Chips', 500_000n, 500_000n, { category: 'makanan' }),
    entry('Belum Lapor', 0n, 0n, { category: 'kerajinan', reportCount: 0 }),
    entry('Lain', 0n, 2_000n, { category: 'unknown-key' }),
  ];

  it('ranks by realised and by total', () => {
    const board = leaderboard(entries);
    expect(names(board.byRealised)).toEqual(['Keripik Sri', 'Sambal Bu Rudy', 'Kopi Ijen', 'Rengginang', 'Tempe Chips']);
    expect(names(board.byTotal)).toEqual(['Batik Madura', 'Kopi Ijen', 'Keripik Sri', 'Sambal Bu Rudy', 'Rengginang']);
  });

  it('ranks each category with a report, in the catalogue order, unknown keys last', () => {
    const board = leaderboard(entries);
    expect(board.byCategory.map((section) => section.category)).toEqual(['makanan', 'minuman', 'fashion', 'unknown-key']);
    expect(names(board.byCategory[0]?.entries ?? [])).toEqual(['Keripik Sri', 'Sambal Bu Rudy', 'Rengginang']);
    expect(board.byCategory[0]?.entries.map((e) => e.rank)).toEqual([1, 2, 3]);
  });

  it.each([
    { overall: 1, perCategory: 1, realised: ['Keripik Sri'], makanan: ['Keripik Sri'] },
    { overall: 10, perCategory: 10, realised: ['Keripik Sri', 'Sambal Bu Rudy', 'Kopi Ijen', 'Rengginang', 'Tempe Chips'], makanan: ['Keripik Sri', 'Sambal Bu Rudy', 'Rengginang', 'Tempe Chips'] },
  ])('keeps to the limits $overall / $perCategory', ({ overall, perCategory, realised, makanan }) => {
    const board = leaderboard(entries, { overall, perCategory });
    expect(names(board.byRealised)).toEqual(realised);
    expect(names(board.byCategory[0]?.entries ?? [])).toEqual(makanan);
  });

  it('is empty without reports', () => {
    expect(leaderboard([entry('Belum Lapor', 0n, 0n)])).toEqual({ byRealised: [], byTotal: [], byCategory: [] });
  });
});

describe('leaderboardView', () => {
  it('shortens long names, formats amounts compactly and names categories in the reader\'s language', async () => {
    const { leaderboardView } = await import('../../src/bot/features/leaderboard.js');
    const { catalogue } = await import('../../src/i18n/index.js');
    const long = 'Usaha Dagang Keripik Tempe dan Aneka Camilan Khas Malang Bu Sri';
    const board = leaderboard([entry(long, 1_500_000n, 2_250_000_000n, { category: 'makanan' }), entry('Kopi', 0n, 750_000n, { category: 'minuman' })]);
    const mission = { name: 'Misi' } as Parameters<typeof leaderboardView>[0];
    const view = leaderboardView(mission, board, catalogue('en'), 'en');
    expect(view.byTotal).toEqual([
      { rank: 1, name: `${[...long].slice(0, 39).join('')}…`, category: 'Food', amount: 'Rp2.25 bn' },
      { rank: 2, name: 'Kopi', category: 'Drinks', amount: 'Rp750 k' },
    ]);
    expect(view.byRealised).toEqual([{ rank: 1, name: `${[...long].slice(0, 39).join('')}…`, category: 'Food', amount: 'Rp1.5 m' }]);
    expect(view.byCategory.map((section) => [section.label, section.lines.map((line) => line.category)])).toEqual([
      ['Food', ['']],
      ['Drinks', ['']],
    ]);
  });
});

describe('rankMeetings', () => {
  const meet = (exhibitorId: number, name: string, held: number, deals: number) => ({ exhibitorId, name, held, deals });

  it('ranks by deals, then meetings held, then name and id; leaves out exhibitors with no held meeting', () => {
    const ranked = rankMeetings([meet(1, 'Batik', 4, 1), meet(2, 'Kopi', 2, 2), meet(3, 'apel', 4, 1), meet(4, 'Belum', 0, 0), meet(5, 'Zaitun', 6, 1)]);
    expect(ranked.map((entry) => [entry.rank, entry.name])).toEqual([
      [1, 'Kopi'],
      [2, 'Zaitun'],
      [3, 'apel'],
      [4, 'Batik'],
    ]);
  });

  it('keeps the top five', () => {
    const many = Array.from({ length: 8 }, (_, index) => meet(index + 1, `Usaha ${index + 1}`, 8 - index, 0));
    expect(rankMeetings(many).map((entry) => entry.exhibitorId)).toEqual([1, 2, 3, 4, 5]);
  });
});
