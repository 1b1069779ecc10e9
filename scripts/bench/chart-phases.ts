/**
 * The digest chart's phases, timed in one process: vega-lite compile, vega
 * parse, SVG (each afresh, and as the chart does it with the dataflow kept), resvg (fonts + parse), render, PNG encode, the whole
 * fresh render and a cached one. `npx tsx scripts/bench/chart-phases.ts [runs]`.
 */
import { performance } from 'node:perf_hooks';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { digestChartSpec, renderDigestChart, renderDigestChartSvg, renderDigestChartUncached, type DigestChartInput } from '../../src/charts/digest-chart.js';
import { FONT, FONT_FILES } from '../../src/charts/fonts.js';

const runs = Number(process.argv[2] ?? 20);
const split = (realised: bigint, committed = 0n, investment = 0n) => ({ realised, committed, investment });
const start = Date.UTC(2026, 10, 26);
const day = (i: number) => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
const input: DigestChartInput = {
  title: 'Ringkasan Misi Dagang Jawa Timur – Banten',
  lang: 'id',
  target: 3_000_000_000n,
  startDate: day(0),
  endDate: day(4),
  date: day(2),
  days: [0, 1, 2].map((i) => ({ date: day(i), ...split(50_000_000n * BigInt(i + 1), 600_000_000n * BigInt(i + 1), 100_000_000n * BigInt(i)) })),
  categories: [
    { label: 'Makanan', amount: 1_250_000_000n },
    { label: 'Minuman', amount: 420_500_000n },
    { label: 'Kerajinan', amount: 180_000_000n },
    { label: 'Tembakau/rokok', amount: 95_750_000n },
  ],
};

const times: Record<string, number[]> = {};
const lap = (name: string, since: number) => {
  (times[name] ??= []).push(performance.now() - since);
  return performance.now();
};

for (let i = 0; i < runs; i++) {
  let t = performance.now();
  const spec = compile(digestChartSpec(input)).spec;
  t = lap('1 vega-lite compile', t);
  const runtime = vega.parse(spec);
  t = lap('2 vega parse', t);
  const view = new vega.View(runtime, { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  t = lap('3 view + toSVG', t);
  const resvg = new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT }, fitTo: { mode: 'zoom', value: 2 }, background: 'white' });
  t = lap('4 resvg fonts + parse svg', t);
  const image = resvg.render();
  t = lap('5 resvg render', t);
  image.asPng();
  t = lap('6 PNG encode', t);
  const ts = performance.now();
  await renderDigestChartSvg(input);
  lap('3b spec → SVG as rendered (cached dataflow)', ts);
  const t0 = performance.now();
  await renderDigestChartUncached(input);
  lap('7 renderDigestChartUncached total', t0);
  const t1 = performance.now();
  await renderDigestChart(input);
  lap('8 renderDigestChart (cache hit after run 1)', t1);
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!.toFixed(1), median: s[Math.floor(s.length / 2)]!.toFixed(1) };
};
for (const [name, xs] of Object.entries(times).sort()) {
  const { min, median } = stat(xs);
  console.log(`${name.padEnd(42)} min ${min.padStart(7)} ms   median ${median.padStart(7)} ms`);
}
