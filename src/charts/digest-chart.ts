import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { formatRupiahCompact } from '../domain/money.js';
import { formatDateId } from '../domain/time.js';
import type { Lang } from '../domain/entities.js';
import { catalogue } from '../i18n/index.js';

/** What the digest hands in: amounts in whole rupiah, days as local `YYYY-MM-DD`, category labels already translated. */
export interface DigestChartInput {
  title: string;
  lang: 'id' | 'en';
  target: bigint;
  days: { date: string; cumulative: bigint }[];
  categories: { label: string; amount: bigint }[];
}

// The chart is laid out at phone-like CSS sizes and rasterised at 2×, so the
// PNG is ~1100 px wide and its labels stay readable when Telegram shrinks it
// to the width of a phone screen.
const WIDTH = 370;
const LINE_HEIGHT = 240;
const BAR_STEP = 34;
const ZOOM = 2;
const FONT = 'DejaVu Sans';
const INK = '#1f2937';
const MUTED = '#6b7280';
const LINE_COLOR = '#0f766e';
const TARGET_COLOR = '#dc2626';
const BAR_COLOR = '#2563eb';
const DAY_MS = 86_400_000;
// More day labels than this overlap at 13 px; the rest are thinned out evenly.
const MAX_DAY_TICKS = 7;
// Characters of the bold title per line at the chart's width.
const TITLE_CHARS = 38;
const MAX_TITLE_LINES = 3;

const require = createRequire(import.meta.url);
// TrueType only: resvg silently drops every label drawn with a WOFF font.
// Loading the files explicitly (and no system fonts) makes the picture the
// same on every machine.
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

// Vega's own number and time formats are English (3,000,000,000, "Mon 08");
// axis labels go through these two functions instead. Registered once per
// process; vega keeps them in a global table.
vega.expressionFunction('misiRupiah', (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? formatRupiahCompact(BigInt(Math.round(value))) : '',
);
vega.expressionFunction('misiDay', (value: unknown, lang: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? dayLabel(new Date(value).toISOString().slice(0, 10), lang === 'en' ? 'en' : 'id') : '',
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

/** Up to MAX_DAY_TICKS days spread evenly, always keeping the first and the last. */
function dayTicks(dates: readonly string[]): number[] {
  if (dates.length <= MAX_DAY_TICKS) return dates.map(utcMs);
  const step = (dates.length - 1) / (MAX_DAY_TICKS - 1);
  const picked = new Set<number>();
  for (let i = 0; i < MAX_DAY_TICKS; i++) picked.add(Math.round(i * step));
  return [...picked].map((index) => utcMs(dates[index] ?? dates[0] ?? '1970-01-01'));
}

/**
 * The vega-lite spec of the chart: cumulative amount per day against a dashed
 * target line, then totals by category as horizontal bars. Amounts become
 * numbers only for the scales (a float is exact up to 2^53 rupiah and the
 * picture needs no more); every amount written on the chart is formatted
 * from the bigint itself.
 */
export function digestChartSpec(input: DigestChartInput): TopLevelSpec {
  const t = catalogue(input.lang).chart;
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  const categories = [...input.categories]
    .filter((category) => category.amount > 0n)
    .sort((a, b) => (a.amount === b.amount ? a.label.localeCompare(b.label) : a.amount > b.amount ? -1 : 1));
  const lastDay = days.at(-1);
  const peak = days.reduce((max, day) => (day.cumulative > max ? day.cumulative : max), 0n);
  const yMax = Number(peak > input.target ? peak : input.target) * 1.12 || 1;
  const firstMs = utcMs(days[0]?.date ?? '1970-01-01');
  const lastMs = lastDay ? utcMs(lastDay.date) : firstMs;
  // Room left and right of the first and last day, so their labels clear the axes.
  const xPad = Math.max(DAY_MS / 2, (lastMs - firstMs) * 0.04);
  // The latest figure is written above its point; just under the target it
  // would sit on the dashed line, so there it goes above that line, at the
  // right end (the target's own label is at the left end).
  const lastUnderTarget =
    lastDay !== undefined && lastDay.cumulative <= input.target && Number(input.target - lastDay.cumulative) < yMax * 0.12;

  const axisBase = { labelFontSize: 13, labelColor: MUTED, titleFontSize: 13, grid: true, gridColor: '#e5e7eb', domain: false, ticks: false } as const;
  const yAxis = { ...axisBase, title: null, labelExpr: 'misiRupiah(datum.value)', tickCount: 5, labelPadding: 6 };
  const targetLayer = {
    data: { values: [{ target: Number(input.target), label: t.target(formatRupiahCompact(input.target)) }] },
    layer: [
      {
        mark: { type: 'rule' as const, color: TARGET_COLOR, strokeDash: [8, 5], strokeWidth: 2 },
        encoding: { y: { field: 'target', type: 'quantitative' as const } },
      },
      {
        mark: { type: 'text' as const, align: 'left' as const, baseline: 'bottom' as const, dx: 4, dy: -4, fontSize: 13, fontWeight: 'bold' as const, color: TARGET_COLOR },
        encoding: { x: { value: 0 }, y: { field: 'target', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
      },
    ],
  };

  const yScale = { domain: [0, yMax], nice: false, zero: true };
  const lineView = lastDay
    ? {
        title: { text: t.cumulative, anchor: 'start' as const, frame: 'group' as const, fontSize: 15, color: INK, offset: 10 },
        width: WIDTH,
        height: LINE_HEIGHT,
        layer: [
          {
            data: {
              values: days.map((day) => ({
                t: utcMs(day.date),
                value: Number(day.cumulative),
                label: formatRupiahCompact(day.cumulative),
                last: day === lastDay,
              })),
            },
            encoding: {
              x: {
                field: 't',
                type: 'quantitative' as const,
                scale: { domain: [firstMs - xPad, lastMs + xPad], nice: false, zero: false },
                axis: { ...axisBase, grid: false, title: null, values: dayTicks(days.map((day) => day.date)), labelExpr: `misiDay(datum.value, '${input.lang}')`, labelPadding: 6 },
              },
              y: { field: 'value', type: 'quantitative' as const, scale: yScale, axis: yAxis },
            },
            layer: [
              { mark: { type: 'area' as const, color: LINE_COLOR, opacity: 0.12 } },
              { mark: { type: 'line' as const, color: LINE_COLOR, strokeWidth: 3 } },
              { mark: { type: 'point' as const, filled: true, color: LINE_COLOR, size: days.length > 20 ? 30 : 70, opacity: 1 } },
              {
                transform: [{ filter: 'datum.last' }],
                mark: { type: 'text' as const, align: 'right' as const, baseline: 'bottom' as const, dx: -6, dy: -8, fontSize: 14, fontWeight: 'bold' as const, color: LINE_COLOR },
                encoding: {
                  text: { field: 'label', type: 'nominal' as const },
                  ...(lastUnderTarget ? { x: { value: WIDTH }, y: { datum: Number(input.target), type: 'quantitative' as const } } : {}),
                },
              },
            ],
          },
          targetLayer,
        ],
      }
    : {
        title: { text: t.cumulative, anchor: 'start' as const, frame: 'group' as const, fontSize: 15, color: INK, offset: 10 },
        width: WIDTH,
        height: LINE_HEIGHT,
        layer: [
          {
            ...targetLayer,
            encoding: { y: { field: 'target', type: 'quantitative' as const, scale: yScale, axis: yAxis } },
            layer: targetLayer.layer.map((layer) => ({ mark: layer.mark, encoding: { ...layer.encoding, y: { field: 'target', type: 'quantitative' as const } } })),
          },
          emptyNote(t.noReports, LINE_HEIGHT / 2),
        ],
      };

  const maxAmount = categories.reduce((max, category) => (category.amount > max ? category.amount : max), 0n);
  const barView =
    categories.length > 0
      ? {
          title: { text: t.byCategory, anchor: 'start' as const, frame: 'group' as const, fontSize: 15, color: INK, offset: 10 },
          width: WIDTH,
          height: { step: BAR_STEP },
          data: { values: categories.map((category) => ({ category: category.label, value: Number(category.amount), label: formatRupiahCompact(category.amount) })) },
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
              axis: { ...axisBase, title: null, labelExpr: 'misiRupiah(datum.value)', tickCount: 4, labelPadding: 6, labelOverlap: true },
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
    title: { text: titleLines(input.title), anchor: 'start', fontSize: 18, fontWeight: 'bold', color: INK, offset: 14, lineHeight: 24, limit: 640 },
    background: 'white',
    padding: { left: 16, right: 24, top: 16, bottom: 16 },
    config: {
      font: FONT,
      view: { stroke: null },
      concat: { spacing: 34 },
      axis: { labelFont: FONT, titleFont: FONT },
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
 * The chart as SVG text: the step that decides what is drawn, kept apart so
 * a test can read the labels before they become pixels.
 */
export async function renderDigestChartSvg(input: DigestChartInput): Promise<string> {
  const { spec } = compile(digestChartSpec(input));
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The digest's chart as a PNG, rendered in-process (vega-lite → vega SVG →
 * resvg) with fonts shipped in node_modules: nothing to install on the
 * server, nothing downloaded at run time.
 */
export async function renderDigestChart(input: {
  title: string;
  lang: 'id' | 'en';
  target: bigint;
  days: { date: string; cumulative: bigint }[];
  categories: { label: string; amount: bigint }[];
}): Promise<Buffer> {
  const svg = await renderDigestChartSvg(input);
  const resvg = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: 'zoom', value: ZOOM },
    background: 'white',
  });
  return Buffer.from(resvg.render().asPng());
}
