import { describe, expect, it } from 'vitest';
import {
  clearDigestChartCaches,
  dayLabel,
  digestChartCacheSizes,
  digestChartSpec,
  renderDigestChart, renderDigestChartSvg, renderDigestChartUncached, type DigestChartInput } from '../../src/charts/digest-chart.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which a valid PNG has right after its signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.readUInt32BE(8)).toBe(13);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect(png.subarray(-8, -4).toString('ascii')).toBe('IEND');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const split = (realised: bigint, committed = 0n, investment = 0n) => ({ realised, committed, investment });

/** `count` mission days, each adding `perDay` cash, as the chart input's calendar and running totals. */
function days(count: number, start = Date.UTC(2026, 10, 26), perDay = 75_000_000n) {
  const day = (i: number) => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
  const list = Array.from({ length: count }, (_, i) => ({ date: day(i), ...split(perDay * BigInt(i + 1)) }));
  return { startDate: day(0), endDate: day(count - 1), date: day(count - 1), days: list };
}

const base: DigestChartInput = {
  title: 'Misi Dagang Jawa Timur – Banten',
  lang: 'id',
  target: 3_000_000_000n,
  startDate: '2026-11-26',
  endDate: '2026-11-28',
  date: '2026-11-28',
  days: [
    { date: '2026-11-26', ...split(50_000_000n, 800_000_000n) },
    { date: '2026-11-27', ...split(100_000_000n, 1_400_000_000n, 200_000_000n) },
    { date: '2026-11-28', ...split(138_750_000n, 1_750_000_000n, 200_000_000n) },
  ],
  categories: [
    { label: 'Minuman', amount: 420_500_000n },
    { label: 'Makanan', amount: 1_250_000_000n },
    { label: 'Tembakau/rokok', amount: 95_750_000n },
  ],
};

// Text inside the SVG: what vega will draw (tags stripped, entities decoded).
function svgTexts(svg: string): string[] {
  // A multi-line title is one <text> with a <tspan> per line.
  return [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]+)<\/(?:text|tspan)>/g)].map((m) =>
    (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  );
}

describe('renderDigestChart', () => {
  it.each<{ name: string; input: DigestChartInput }>([
    { name: 'three days', input: base },
    { name: 'no reports at all', input: { ...base, days: [], categories: [] } },
    { name: 'day one of three', input: { ...base, date: '2026-11-26', days: [{ date: '2026-11-26', ...split(1_500_000n) }], categories: [{ label: 'Makanan', amount: 1_500_000n }] } },
    { name: 'sixty days', input: { ...base, ...days(60), categories: base.categories } },
    { name: 'a total far above the target', input: { ...base, target: 1_000_000n, ...days(3, Date.UTC(2026, 4, 1), 9_000_000_000n) } },
  ])('renders a phone-sized PNG for $name', async ({ input }) => {
    const png = await renderDigestChart(input);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThanOrEqual(1000);
    expect(width).toBeLessThanOrEqual(1250);
    expect(height).toBeGreaterThan(600);
    expect(height).toBeLessThan(2000);
  });

  it('draws the text with a real font: a different title of the same length gives different pixels', async () => {
    // Same layout, only the glyphs differ. Without a usable font resvg drops
    // every label silently, and the two pictures would be identical.
    const a = await renderDigestChart({ ...base, title: 'Misi Dagang AAAA' });
    const b = await renderDigestChart({ ...base, title: 'Misi Dagang BBBB' });
    expect(a.equals(b)).toBe(false);
    expect(a.equals(await renderDigestChartUncached({ ...base, title: 'Misi Dagang AAAA' }))).toBe(true);
  });
});

describe('renderDigestChart cache', () => {
  it('gives the bytes of a fresh render for each of two data sets, in any order, never the other one\'s picture', async () => {
    const a: DigestChartInput = { ...base, title: 'Misi Dagang Cache A' };
    // Same shape, other figures: one more report on the last day and another category amount.
    const b: DigestChartInput = {
      ...a,
      days: [...base.days.slice(0, 2), { date: '2026-11-28', ...split(140_000_000n, 1_750_000_000n, 200_000_000n) }],
      categories: [...base.categories.slice(0, 2), { label: 'Tembakau/rokok', amount: 97_750_000n }],
    };
    // Fresh: compiled and parsed from the spec, nothing kept from an earlier picture.
    clearDigestChartCaches();
    const freshA = await renderDigestChartUncached(a);
    clearDigestChartCaches();
    const freshB = await renderDigestChartUncached(b);
    expect(freshA.equals(freshB)).toBe(false);
    // Both have one shape: b is drawn on the dataflow a was drawn on, with b's data.
    clearDigestChartCaches();
    for (const [input, fresh] of [[a, freshA], [b, freshB], [a, freshA], [b, freshB], [b, freshB], [a, freshA]] as const) {
      expect((await renderDigestChart(input)).equals(fresh)).toBe(true);
    }
    expect(digestChartCacheSizes()).toEqual({ pictures: 2, dataflows: 1 });
    // A caller that scribbles on its buffer does not spoil the cached picture.
    (await renderDigestChart(a)).fill(0);
    expect((await renderDigestChart(a)).equals(freshA)).toBe(true);
    // Equal inputs built apart (new bigints, new arrays) are the same picture.
    expect((await renderDigestChart(structuredClone(b))).equals(freshB)).toBe(true);
  });
});

describe('renderDigestChartSvg', () => {
  it('writes the title, rupiah labels from the bigints, Indonesian dates and the category labels', async () => {
    const texts = svgTexts(await renderDigestChartSvg(base));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Misi Dagang Jawa Timur – Banten',
        'Transaksi kumulatif per hari',
        'Total per kategori',
        'Target Rp3 M',
        'Rp2,09 M',
        '26 Nov',
        '27 Nov',
        '28 Nov',
        'Makanan',
        'Minuman',
        'Tembakau/rokok',
        'Rp1,25 M',
        'Rp420,5 jt',
        'Rp95,75 jt',
        'Rp0',
      ]),
    );
    // Categories biggest first, whatever order they came in.
    expect(texts.indexOf('Makanan')).toBeLessThan(texts.indexOf('Minuman'));
  });

  it('uses no English default number or date formats', async () => {
    const texts = svgTexts(await renderDigestChartSvg({ ...base, ...days(20) }));
    for (const text of texts) {
      expect(text).not.toMatch(/\d,\d{3}/); // 3,000,000,000
      expect(text).not.toMatch(/^\d+(\.\d+)?[kMGB]$/); // 3G, 500M
      expect(text).not.toMatch(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/);
    }
    // Every y-axis label is a rupiah amount.
    expect(texts.filter((text) => /^Rp/.test(text)).length).toBeGreaterThan(5);
  });

  it.each<{ lang: 'id' | 'en'; expected: string[]; absent: string[] }>([
    { lang: 'id', expected: ['1 Mei', '3 Agu', 'Transaksi kumulatif per hari'], absent: ['1 May'] },
    { lang: 'en', expected: ['1 May', '3 Aug', 'Cumulative value per day', 'Total by category'], absent: ['1 Mei'] },
  ])('writes $lang dates and headings', async ({ lang, expected, absent }) => {
    const input = { ...base, lang, startDate: '2026-05-01', endDate: '2026-08-03', date: '2026-08-03', days: [{ date: '2026-05-01', ...split(1n) }, { date: '2026-08-03', ...split(2n) }] };
    const texts = svgTexts(await renderDigestChartSvg(input));
    expect(texts).toEqual(expect.arrayContaining(expected));
    for (const text of absent) expect(texts).not.toContain(text);
  });

  it('says so when there are no reports yet, and still shows the target', async () => {
    const texts = svgTexts(await renderDigestChartSvg({ ...base, days: [], categories: [] }));
    expect(texts.filter((text) => text === 'Belum ada laporan')).toHaveLength(2);
    expect(texts).toContain('Target Rp3 M');
  });

  it('leaves out categories with nothing reported', async () => {
    const texts = svgTexts(await renderDigestChartSvg({ ...base, categories: [{ label: 'Makanan', amount: 5n }, { label: 'Fashion', amount: 0n }] }));
    expect(texts).toContain('Makanan');
    expect(texts).not.toContain('Fashion');
  });

  it('escapes a mission name with markup characters instead of breaking the SVG', async () => {
    const svg = await renderDigestChartSvg({ ...base, title: 'Misi <Jatim> & "Banten"' });
    expect(svg).not.toContain('<Jatim>');
    expect(svgTexts(svg)).toContain('Misi <Jatim> & "Banten"');
    const png = await renderDigestChart({ ...base, title: 'Misi <Jatim> & "Banten"' });
    expect(pngSize(png).width).toBeGreaterThan(0);
  });

  it('labels amounts beyond 2^53 exactly from the bigint', async () => {
    const huge = 9_007_199_254_740_993n; // 2^53 + 1: not a double
    const texts = svgTexts(await renderDigestChartSvg({ ...base, target: huge, categories: [{ label: 'Makanan', amount: huge }] }));
    expect(texts).toContain('Target Rp9.007,2 T');
    expect(texts).toContain('Rp9.007,2 T');
  });

  it.each([
    ['Misi Dagang dan Investasi Provinsi Jawa Timur ke Sulawesi Selatan', 2],
    // A 100-character mission name behind the digest's "Ringkasan".
    [`Ringkasan ${'Misi Dagang dan Investasi Pemerintah Provinsi Jawa Timur ke Kota Makassar, Sulawesi Selatan 2026'.padEnd(100, '!')}`, 3],
  ])('breaks a long title over lines instead of cutting it off: %s', async (title, lineCount) => {
    const svg = await renderDigestChartSvg({ ...base, title });
    // The title is the one <text> drawn in lines, one <tspan> each.
    const titleText = [...svg.matchAll(/<text[^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g)].map((m) => m[1] ?? '');
    expect(titleText).toHaveLength(1);
    const titleLines = svgTexts(titleText[0] ?? '');
    expect(titleLines).toHaveLength(lineCount);
    for (const line of titleLines) expect(line.length).toBeLessThanOrEqual(lineCount === 3 ? 70 : 38);
    const texts = svgTexts(svg);
    expect(titleLines.join(' ')).toBe(title);
    expect(texts.some((text) => text.includes('…'))).toBe(false);
    expect(pngSize(await renderDigestChart({ ...base, title })).width).toBeLessThanOrEqual(1250);
  });
});

describe('the mission calendar, pace and split', () => {
  const dayOne: DigestChartInput = { ...base, date: '2026-11-26', days: [{ date: '2026-11-26', ...split(5_000_000n, 120_000_000n) }] };
  // The first view of the vconcat is the running total; its layers carry the encodings.
  const layersOf = (input: DigestChartInput) => {
    const spec = digestChartSpec(input) as unknown as { vconcat: { layer: Record<string, any>[] }[] };
    return spec.vconcat[0]?.layer ?? [];
  };
  const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

  it('spans the whole mission on day one, not just the days with reports', () => {
    for (const layer of layersOf(dayOne).filter((l) => l.encoding?.x?.scale)) {
      const [from, to] = layer.encoding.x.scale.domain as [number, number];
      expect(from).toBeLessThan(ms('2026-11-26'));
      expect(to).toBeGreaterThan(ms('2026-11-28'));
      expect(layer.encoding.x.axis.values).toEqual([ms('2026-11-26'), ms('2026-11-27'), ms('2026-11-28')]);
    }
  });

  it('draws the pace from zero before the first day to the target on the last', () => {
    const pace = layersOf(dayOne).find((layer) => layer.mark?.description === 'pace');
    expect(pace?.data.values).toEqual([
      { t: ms('2026-11-25'), value: 0 },
      { t: ms('2026-11-28'), value: 3_000_000_000 },
    ]);
  });

  it('stacks realised, committed and investment, bottom to top', () => {
    const stack = layersOf(base).find((layer) => layer.encoding?.color?.field === 'part');
    expect(stack?.encoding.y.stack).toBe('zero');
    expect(stack?.data.values.filter((row: { t: number }) => row.t === ms('2026-11-27'))).toEqual([
      { t: ms('2026-11-27'), value: 100_000_000, part: 'Tunai', order: 0 },
      { t: ms('2026-11-27'), value: 1_400_000_000, part: 'Pesanan + LoI', order: 1 },
      { t: ms('2026-11-27'), value: 200_000_000, part: 'Investasi', order: 2 },
    ]);
  });

  it('writes the target label below its line when the latest figure sits just under the target, so the two never overlap', () => {
    const targetText = (input: DigestChartInput) =>
      layersOf(input)
        .flatMap((layer) => (layer.layer ?? []) as Record<string, any>[])
        .find((layer) => layer.mark?.type === 'text' && layer.encoding?.y?.field === 'target')?.mark;
    expect(targetText(dayOne)).toMatchObject({ baseline: 'bottom', dy: -4 });
    const close: DigestChartInput = { ...dayOne, days: [{ date: '2026-11-26', ...split(0n, 2_670_000_000n) }] };
    expect(targetText(close)).toMatchObject({ baseline: 'top', dy: 4 });
  });

  it.each<{ lang: 'id' | 'en'; texts: string[] }>([
    { lang: 'id', texts: ['Per 26 Nov 2026', 'Target Rp3 M', 'Rp125 jt', '28 Nov', 'Tunai', 'Pesanan + LoI', 'Investasi'] },
    { lang: 'en', texts: ['As of 26 Nov 2026', 'Target Rp3 bn', 'Rp125 m', '28 Nov', 'Cash', 'Orders + LoI', 'Investment', 'Rp1.5 bn'] },
  ])('writes the digest date, the last day and $lang amounts into the picture', async ({ lang, texts }) => {
    const drawn = svgTexts(await renderDigestChartSvg({ ...dayOne, lang }));
    expect(drawn).toEqual(expect.arrayContaining(texts));
    if (lang === 'en') expect(drawn.filter((text) => /\bM\b|jt/.test(text))).toEqual([]);
  });
});

describe('dayLabel', () => {
  it.each([
    ['2026-11-26', 'id', '26 Nov'],
    ['2026-05-01', 'id', '1 Mei'],
    ['2026-08-17', 'id', '17 Agu'],
    ['2026-12-31', 'id', '31 Des'],
    ['2026-05-01', 'en', '1 May'],
    ['2026-08-17', 'en', '17 Aug'],
  ] as const)('%s in %s is %s', (date, lang, expected) => {
    expect(dayLabel(date, lang)).toBe(expected);
  });
});
