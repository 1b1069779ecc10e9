import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { formatRupiahCompact } from '../domain/money.js';
import { formatDateId } from '../domain/time.js';
import type { KindSplit } from '../domain/digest.js';
import type { Lang } from '../domain/entities.js';
import { catalogue } from '../i18n/index.js';
import { FONT, FONT_FILES } from './fonts.js';

/**
 * What the digest hands in: amounts in whole rupiah, days as local
 * `YYYY-MM-DD`, category labels already translated. `days` are the running
 * totals by part (cumulativeSplit) from the first day through the digest's day.
 */
export interface DigestChartInput {
  title: string;
  lang: Lang;
  target: bigint;
  startDate: string;
  endDate: string;
  /** The digest's local date, written under the title. */
  date: string;
  days: ({ date: string } & KindSplit)[];
  categories: { label: string; amount: bigint }[];
}

// The chart is laid out at phone-like CSS sizes and rasterised at 2×, so the
// PNG is ~1100 px wide and its labels stay readable when Telegram shrinks it
// to the width of a phone screen.
const WIDTH = 370;
const LINE_HEIGHT = 240;
const BAR_STEP = 34;
const ZOOM = 2;
const INK = '#1f2937';
const MUTED = '#6b7280';
const TARGET_COLOR = '#dc2626';
const PACE_COLOR = '#6b7280';
const BAR_COLOR = '#2563eb';
/** Realised, committed, investment: stacked bottom to top in this order. */
const PART_COLORS = ['#0f766e', '#f59e0b', '#7c3aed'];
const TOTAL_COLOR = '#0f766e';
const DAY_MS = 86_400_000;
// More day labels than this overlap at 13 px; the rest are thinned out evenly.
const MAX_DAY_TICKS = 7;
// Characters of the bold title per line at the chart's width.
const TITLE_CHARS = 38;
const MAX_TITLE_LINES = 3;

const langOf = (value: unknown): Lang => (value === 'en' ? 'en' : 'id');

// Vega's own number and time formats are English (3,000,000,000, "Mon 08");
// axis labels go through these two functions instead, in the chart's
// language (Rp3 M / Rp3 bn). Registered once per process; vega keeps them in
// a global table.
vega.expressionFunction('misiRupiah', (value: unknown, lang: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? formatRupiahCompact(BigInt(Math.round(value)), langOf(lang)) : '',
);
vega.expressionFunction('misiDay', (value: unknown, lang: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? dayLabel(new Date(value).toISOString().slice(0, 10), langOf(lang)) : '',
);

/** "26 Nov" / "3 Agu": the day and month of a local date, without the year. */
export function dayLabel(date: string, lang: Lang): string {
  return formatDateId(date, lang).split(' ').slice(0, 2).join(' ');
}

function utcMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * The title in at most three lines of about TITLE_CHARS characters, broken
 * at spaces; vega would otherwise cut a long mission name off with an ellipsis.
 */
function titleLines(title: string): string[] {
  const words = title.trim().split(/\s+/);
  const out: string[] = [];
  for (const word of words) {
    const current = out.at(-1);
    if (current !== undefined && (current + ' ' + word).length <= TITLE_CHARS) out[out.length - 1] = `${current} ${word}`;
    else out.push(word);
  }
  return out.length <= MAX_TITLE_LINES ? out : [...out.slice(0, MAX_TITLE_LINES - 1), out.slice(MAX_TITLE_LINES - 1).join(' ')];
}

/** Every day from `start` through `end`. */
function missionDays(start: string, end: string): string[] {
  const out: string[] = [];
  for (let ms = utcMs(start); ms <= utcMs(end); ms += DAY_MS) out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
}

/** Up to MAX_DAY_TICKS days spread evenly, always keeping the first and the last. */
function dayTicks(dates: readonly string[]): number[] {
  if (dates.length <= MAX_DAY_TICKS) return dates.map(utcMs);
  const step = (dates.length - 1) / (MAX_DAY_TICKS - 1);
  const picked = new Set<number>();
  for (let i = 0; i < MAX_DAY_TICKS; i++) picked.add(Math.round(i * step));
  return [...picked].map((index) => utcMs(dates[index] ?? dates[0] ?? '1970-01-01'));
}

const totalOf = (day: KindSplit): bigint => day.realised + day.committed + day.investment;

/**
 * The vega-lite spec of the chart. Top: the running total over the mission's
 * whole calendar (first to last day, also the days still to come), stacked
 * as realised / committed / investment, against the dashed target and a
 * dotted pace line from zero on the first day to the target on the last.
 * Below: totals by category as bars. Amounts become numbers only for the
 * scales (a float is exact up to 2^53 rupiah and the picture needs no more);
 * every amount written on the chart is formatted from the bigint itself.
 */
export function digestChartSpec(input: DigestChartInput): TopLevelSpec {
  const { lang } = input;
  const t = catalogue(lang).chart;
  const money = (amount: bigint) => formatRupiahCompact(amount, lang);
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  const categories = [...input.categories]
    .filter((category) => category.amount > 0n)
    .sort((a, b) => (a.amount === b.amount ? a.label.localeCompare(b.label) : a.amount > b.amount ? -1 : 1));
  const lastDay = days.at(-1);
  const peak = days.reduce((max, day) => (totalOf(day) > max ? totalOf(day) : max), 0n);
  const yMax = Number(peak > input.target ? peak : input.target) * 1.12 || 1;
  const firstMs = utcMs(input.startDate);
  const lastMs = utcMs(input.endDate < input.startDate ? input.startDate : input.endDate);
  // A day's room on the left: the pace line starts there, at zero, on the eve of the first day.
  const xPad = Math.max(DAY_MS, (lastMs - firstMs) * 0.04);
  const xScale = { domain: [firstMs - xPad, lastMs + xPad * 0.6], nice: false, zero: false };
  const dayCount = Math.round((lastMs - firstMs) / DAY_MS) + 1;
  // A day's column takes 60 % of a day's width.
  const barWidth = Math.max(2, Math.min(48, (WIDTH * DAY_MS * 0.6) / (lastMs - firstMs + xPad * 1.6)));
  const lastTotal = lastDay ? totalOf(lastDay) : 0n;
  // The latest figure is written above its point; just under the target it
  // would sit on the dashed line, so there it goes above that line.
  const lastUnderTarget = lastDay !== undefined && lastTotal <= input.target && Number(input.target - lastTotal) < yMax * 0.12;

  const axisBase = { labelFontSize: 13, labelColor: MUTED, titleFontSize: 13, grid: true, gridColor: '#e5e7eb', domain: false, ticks: false } as const;
  const yAxis = { ...axisBase, title: null, labelExpr: `misiRupiah(datum.value, '${lang}')`, tickCount: 5, labelPadding: 6 };
  const xAxis = {
    ...axisBase,
    grid: false,
    title: null,
    values: dayTicks(missionDays(input.startDate, input.endDate)),
    labelExpr: `misiDay(datum.value, '${lang}')`,
    labelPadding: 6,
  };
  const yScale = { domain: [0, yMax], nice: false, zero: true };
  const x = { field: 't', type: 'quantitative' as const, scale: xScale, axis: xAxis };
  const y = { field: 'value', type: 'quantitative' as const, scale: yScale, axis: yAxis };

  const targetLayer = {
    data: { values: [{ target: Number(input.target), label: t.target(money(input.target)) }] },
    layer: [
      {
        mark: { type: 'rule' as const, color: TARGET_COLOR, strokeDash: [8, 5], strokeWidth: 2 },
        encoding: { y: { field: 'target', type: 'quantitative' as const } },
      },
      {
        // Above the dashed line, unless the latest figure is written there: then just below it, at the left, where the pace line is still low.
        mark: { type: 'text' as const, align: 'left' as const, baseline: lastUnderTarget ? ('top' as const) : ('bottom' as const), dx: 4, dy: lastUnderTarget ? 4 : -4, fontSize: 13, fontWeight: 'bold' as const, color: TARGET_COLOR },
        encoding: { x: { value: 0 }, y: { field: 'target', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
      },
    ],
  };
  // The pace the target asks for: zero before the first day, the target at the end of the last.
  const paceLayer = {
    data: { values: [{ t: firstMs - DAY_MS, value: 0 }, { t: lastMs, value: Number(input.target) }] },
    mark: { type: 'line' as const, color: PACE_COLOR, strokeDash: [2, 4], strokeWidth: 2, description: 'pace' },
    encoding: { x, y },
  };
  const parts = [t.realised, t.committed, t.investment];
  const stackLayer = {
    data: {
      values: days.flatMap((day) =>
        [day.realised, day.committed, day.investment].map((amount, order) => ({ t: utcMs(day.date), value: Number(amount), part: parts[order], order })),
      ),
    },
    // Columns, not an area: on the first day there is one point, and an area of one point is invisible.
    mark: { type: 'bar' as const, width: barWidth, opacity: 0.9 },
    encoding: {
      x,
      y: { ...y, stack: 'zero' as const },
      color: {
        field: 'part',
        type: 'nominal' as const,
        scale: { domain: parts, range: PART_COLORS },
        // Under this view's day labels, not under the whole picture (the default for a vconcat).
        legend: {
          orient: 'none' as const,
          legendX: 0,
          legendY: LINE_HEIGHT + 30,
          direction: 'horizontal' as const,
          title: null,
          labelFontSize: 13,
          labelColor: INK,
          symbolType: 'square',
          columnPadding: 14,
        },
      },
      order: { field: 'order', type: 'quantitative' as const },
    },
  };
  const totalLayer = {
    data: { values: days.map((day) => ({ t: utcMs(day.date), value: Number(totalOf(day)), label: money(totalOf(day)), last: day === lastDay })) },
    encoding: { x, y },
    layer: [
      { mark: { type: 'line' as const, color: TOTAL_COLOR, strokeWidth: 2.5 } },
      { mark: { type: 'point' as const, filled: true, color: TOTAL_COLOR, size: dayCount > 20 ? 24 : 50, opacity: 1 } },
      {
        transform: [{ filter: 'datum.last' }],
        mark: { type: 'text' as const, align: 'center' as const, baseline: 'bottom' as const, dy: -8, fontSize: 14, fontWeight: 'bold' as const, color: INK },
        encoding: {
          text: { field: 'label', type: 'nominal' as const },
          ...(lastUnderTarget ? { y: { datum: Number(input.target), type: 'quantitative' as const } } : {}),
        },
      },
    ],
  };

  const lineTitle = { text: t.cumulative, anchor: 'start' as const, frame: 'group' as const, fontSize: 15, color: INK, offset: 10 };
  const lineView = lastDay
    ? { title: lineTitle, width: WIDTH, height: LINE_HEIGHT, layer: [stackLayer, paceLayer, targetLayer, totalLayer] }
    : {
        title: lineTitle,
        width: WIDTH,
        height: LINE_HEIGHT,
        layer: [paceLayer, targetLayer, emptyNote(t.noReports, LINE_HEIGHT / 2)],
      };

  const maxAmount = categories.reduce((max, category) => (category.amount > max ? category.amount : max), 0n);
  const barView =
    categories.length > 0
      ? {
          title: { text: t.byCategory, anchor: 'start' as const, frame: 'group' as const, fontSize: 15, color: INK, offset: 10 },
          width: WIDTH,
          height: { step: BAR_STEP },
          data: { values: categories.map((category) => ({ category: category.label, value: Number(category.amount), label: money(category.amount) })) },
          encoding: {
            y: {
              field: 'category',
              type: 'nominal' as const,
              sort: null,
              axis: { ...axisBase, grid: false, title: null, labelFontSize: 14, labelColor: INK, labelPadding: 8, labelLimit: 200 },
            },
            // Room on the right for the amount written after the longest bar.
            x: {
              field: 'value',
              type: 'quantitative' as const,
              scale: { domain: [0, Number(maxAmount) * 1.3], nice: false },
              axis: { ...axisBase, title: null, labelExpr: `misiRupiah(datum.value, '${lang}')`, tickCount: 4, labelPadding: 6, labelOverlap: true },
            },
          },
          layer: [
            { mark: { type: 'bar' as const, color: BAR_COLOR, cornerRadiusEnd: 3, height: { band: 0.7 } } },
            {
              mark: { type: 'text' as const, align: 'left' as const, baseline: 'middle' as const, dx: 6, fontSize: 14, fontWeight: 'bold' as const, color: INK },
              encoding: { text: { field: 'label', type: 'nominal' as const } },
            },
          ],
        }
      : {
          title: { text: t.byCategory, anchor: 'start' as const, frame: 'group' as const, fontSize: 15, color: INK, offset: 10 },
          width: WIDTH,
          height: 60,
          ...emptyNote(t.noReports, 30),
        };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: titleLines(input.title),
      subtitle: t.asOf(formatDateId(input.date, lang)),
      anchor: 'start',
      fontSize: 18,
      fontWeight: 'bold',
      color: INK,
      subtitleFontSize: 14,
      subtitleColor: MUTED,
      subtitlePadding: 6,
      offset: 14,
      lineHeight: 24,
      limit: 640,
    },
    background: 'white',
    padding: { left: 16, right: 24, top: 16, bottom: 16 },
    config: {
      font: FONT,
      view: { stroke: null },
      concat: { spacing: 64 },
      axis: { labelFont: FONT, titleFont: FONT },
      legend: { labelFont: FONT, titleFont: FONT },
      title: { font: FONT, subtitleFont: FONT },
      text: { font: FONT },
    },
    vconcat: [lineView, barView],
  } as TopLevelSpec;
}

function emptyNote(text: string, y: number) {
  return {
    data: { values: [{ text }] },
    mark: { type: 'text' as const, align: 'center' as const, baseline: 'middle' as const, fontSize: 15, color: MUTED },
    encoding: { x: { value: WIDTH / 2 }, y: { value: y }, text: { field: 'text', type: 'nominal' as const } },
  };
}

/**
 * The spec with every inline `data.values` moved out, in order of
 * appearance, as datasets named misi_0, misi_1, …: what remains (the shape)
 * is the same for every digest of a mission on a day while the figures stay
 * under the target, so its compiled form can be kept.
 */
function splitData(spec: TopLevelSpec): { shape: TopLevelSpec; datasets: [string, unknown[]][] } {
  const datasets: [string, unknown[]][] = [];
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const values = key === 'data' && value !== null && typeof value === 'object' ? (value as { values?: unknown }).values : undefined;
      if (Array.isArray(values) && Object.keys(value as object).length === 1) {
        const name = `misi_${datasets.length}`;
        datasets.push([name, values]);
        out[key] = { name };
      } else out[key] = walk(value);
    }
    return out;
  };
  return { shape: walk(spec) as TopLevelSpec, datasets };
}

// Parsed vega dataflows by shape, most recently used last. vega-lite's
// compile and vega's parse cost 15–40 ms a picture; a runtime serves any
// number of views.
const RUNTIME_CACHE_SIZE = 4;
const runtimes = new Map<string, vega.Runtime>();

function runtimeOf(shape: TopLevelSpec, names: readonly string[]): vega.Runtime {
  const key = JSON.stringify(shape);
  let runtime = runtimes.get(key);
  if (runtime) runtimes.delete(key);
  else {
    // Empty placeholders: the figures go into each view (view.data) instead.
    const { spec } = compile({ ...shape, datasets: Object.fromEntries(names.map((name) => [name, []])) } as TopLevelSpec);
    runtime = vega.parse(spec);
    if (runtimes.size >= RUNTIME_CACHE_SIZE) runtimes.delete(runtimes.keys().next().value as string);
  }
  runtimes.set(key, runtime);
  return runtime;
}

/**
 * The chart as SVG text: the step that decides what is drawn, kept apart so
 * a test can read the labels before they become pixels.
 */
export async function renderDigestChartSvg(input: DigestChartInput): Promise<string> {
  const { shape, datasets } = splitData(digestChartSpec(input));
  const view = new vega.View(runtimeOf(shape, datasets.map(([name]) => name)), { renderer: 'none' });
  try {
    for (const [name, values] of datasets) view.data(name, values);
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The key of an input in the PNG cache: every field, bigints as decimal text. */
function cacheKey(input: DigestChartInput): string {
  return JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));
}

// The last few pictures, by input: /ringkasan asked again with no new report
// in between (or the daily digest sent to several chats) costs nothing. About
// 100 KB a picture.
const CACHE_SIZE = 8;
const cache = new Map<string, Buffer>();

/**
 * The digest's chart as a PNG, rendered in-process (vega-lite → vega SVG →
 * resvg) with fonts shipped in node_modules: nothing to install on the
 * server, nothing downloaded at run time. resvg parses and rasterises on
 * libuv's thread pool, so other updates go on meanwhile; only the PNG
 * encoding runs on the main thread. The same input gives the same bytes, from
 * the cache when it was drawn lately.
 */
export async function renderDigestChart(input: DigestChartInput): Promise<Buffer> {
  const key = cacheKey(input);
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last: the Map keeps insertion order.
    cache.delete(key);
    cache.set(key, hit);
    return Buffer.from(hit);
  }
  const png = await renderDigestChartUncached(input);
  cache.set(key, png);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return Buffer.from(png);
}

/** The chart drawn afresh, without the cache (for tests and the benchmark). */
export async function renderDigestChartUncached(input: DigestChartInput): Promise<Buffer> {
  const svg = await renderDigestChartSvg(input);
  // resvg-js's native binding passes options as JSON: font files by path
  // (read by resvg on each picture, about 15–40 ms with the text layout);
  // it has no way to hand it font bytes kept in memory.
  const image = await renderAsync(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: 'zoom', value: ZOOM },
    background: 'white',
  });
  return Buffer.from(image.asPng());
}

/** How many pictures and dataflows are kept (for tests). */
export function digestChartCacheSizes(): { pictures: number; dataflows: number } {
  return { pictures: cache.size, dataflows: runtimes.size };
}

/** Forgets every kept picture and dataflow: the next render starts from the spec (for tests). */
export function clearDigestChartCaches(): void {
  cache.clear();
  runtimes.clear();
}
