/**
 * The streamed /ekspor workbook alone, without a database: `tsx scripts/bench/workbook-memory.ts [reports]`
 * (default 100,000). Reports come from an in-memory reader, faster than any
 * database, so a compressor that falls behind shows at once: RSS, heap and
 * Buffer memory (arrayBuffers) are printed every 10,000 rows, then the file
 * size, the time and the peaks. Flat arrayBuffers means the writer waits for
 * the compressor (issue 8: before the fix they grew ~0.5 MB a thousand rows).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportHead, ExportReport, ReportPage } from '../../src/domain/export.js';
import { streamWorkbook } from '../../src/export/workbook-stream.js';
import { sampleExport } from '../../test/support/export-sample.js';

const count = Number(process.argv[2] ?? 100_000);
const sample = sampleExport();
const templates = sample.reports;
const head: ExportHead = { ...sample, reportCount: count, startAfterId: 0, maxReportId: count };
const read = async (afterId: number, take: number): Promise<ReportPage> => {
  const reports: ExportReport[] = [];
  const last = Math.min(count, afterId + take);
  for (let id = afterId + 1; id <= last; id++) reports.push({ ...templates[id % templates.length]!, id, amount: BigInt(1_000 + id) });
  return { reports, cursor: last };
};
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const dir = mkdtempSync(join(tmpdir(), 'misi-workbook-memory-'));
let peakBuffers = 0;
const sampler = setInterval(() => (peakBuffers = Math.max(peakBuffers, process.memoryUsage().arrayBuffers)), 50);
let nextLine = 10_000;
const started = performance.now();
try {
  const workbook = await streamWorkbook({
    head,
    lang: 'id',
    generatedAt: new Date(),
    read,
    dir,
    maxFileBytes: 50 * 1000 * 1000,
    pageSize: 1_000,
    onProgress: (rows) => {
      if (rows < nextLine) return;
      nextLine += 10_000;
      const m = process.memoryUsage();
      console.log(`${rows} rows: RSS ${mib(m.rss)} MiB, heap ${mib(m.heapUsed)} MiB, external ${mib(m.external)} MiB, arrayBuffers ${mib(m.arrayBuffers)} MiB`);
    },
  });
  console.log(`files ${workbook.parts.map((part) => (part.bytes / 1e6).toFixed(1)).join(' + ')} MB in ${((performance.now() - started) / 1000).toFixed(1)} s; peak arrayBuffers ${mib(peakBuffers)} MiB, peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB`);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
