/**
 * `npx tsx scripts/render-digest-charts.ts [out-dir]`: draws the digest chart
 * for a few typical days (day one of three, the last day in English, a long
 * mission, no reports yet) as PNG files, to look at after changing the chart.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderDigestChart, type DigestChartInput } from '../src/charts/digest-chart.js';

const out = resolve(process.argv[2] ?? 'data/chart-check');
mkdirSync(out, { recursive: true });
const JT = 1_000_000n;
const split = (realised: bigint, committed = 0n, investment = 0n) => ({ realised, committed, investment });
const base: DigestChartInput = {
  title: 'Ringkasan Misi Dagang Jawa Timur – Banten',
  lang: 'id',
  target: 3_000n * JT,
  startDate: '2026-11-26',
  endDate: '2026-11-28',
  date: '2026-11-26',
  days: [{ date: '2026-11-26', ...split(5n * JT, 120n * JT) }],
  categories: [
    { label: 'Minuman', amount: 120n * JT },
    { label: 'Makanan', amount: 5n * JT },
  ],
};
const cases: Record<string, DigestChartInput> = {
  'day-1-of-3': base,
  'day-3-en': {
    ...base,
    title: 'Digest of Misi Dagang Jawa Timur – Banten',
    lang: 'en',
    date: '2026-11-28',
    days: [
      { date: '2026-11-26', ...split(5n * JT, 120n * JT) },
      { date: '2026-11-27', ...split(40n * JT, 1_370n * JT, 500n * JT) },
      { date: '2026-11-28', ...split(52n * JT, 1_900n * JT, 500n * JT) },
    ],
    categories: [
      { label: 'Fashion', amount: 1_250n * JT },
      { label: 'Drinks', amount: 620n * JT },
      { label: 'Food', amount: 582n * JT },
    ],
  },
  'day-9-of-14': {
    ...base,
    startDate: '2026-11-20',
    endDate: '2026-12-03',
    date: '2026-11-28',
    days: Array.from({ length: 9 }, (_, i) => ({
      date: `2026-11-${String(20 + i).padStart(2, '0')}`,
      ...split(BigInt(i + 1) * 30n * JT, BigInt(i * i) * 25n * JT, i > 4 ? 400n * JT : 0n),
    })),
  },
  'no-reports': { ...base, days: [], categories: [] },
};
for (const [name, input] of Object.entries(cases)) {
  const file = join(out, `${name}.png`);
  writeFileSync(file, await renderDigestChart(input));
  console.log(file);
}
