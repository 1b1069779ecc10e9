/**
 * One measured /ekspor in a process of its own (spawned by scripts/bench/export.ts),
 * so the seeding's memory does not count: `export-child.ts <databaseUrl> <missionId> <stream|select>`.
 * Prints one JSON line: times in ms and the peak RSS in MiB, read from the
 * kernel's high-water mark (process.resourceUsage().maxRSS).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/database.js';
import { createExportRepository } from '../../src/db/repositories/export.js';
import { DEFAULT_EXPORT_LIMITS } from '../../src/export/run-export.js';

const [url, missionArg, mode] = process.argv.slice(2);
// EXPORT_PAGE_SIZE: reports a page (default the bot's).
const PAGE_SIZE = Number(process.env.EXPORT_PAGE_SIZE ?? DEFAULT_EXPORT_LIMITS.pageSize);
const db = await openDatabase(url!);
const repo = createExportRepository(db.prisma);
const mission = await db.prisma.mission.findUniqueOrThrow({ where: { id: Number(missionArg) } });
const peakMiB = () => process.resourceUsage().maxRSS / 1024;
// Buffer memory (process.memoryUsage().arrayBuffers) sampled during each step: the compressor's backlog shows here.
const buffers = { peak: 0 };
const sampler = setInterval(() => (buffers.peak = Math.max(buffers.peak, process.memoryUsage().arrayBuffers)), 50);
const takeBuffersMiB = () => {
  const peak = Math.max(buffers.peak, process.memoryUsage().arrayBuffers) / 1024 / 1024;
  buffers.peak = 0;
  return peak;
};
const startRss = process.memoryUsage().rss / 1024 / 1024;
const dir = mkdtempSync(join(tmpdir(), 'misi-bench-export-'));
const out: Record<string, unknown> = { mode, startRssMiB: startRss };
try {
  const whole = await repo.missionHead(mission);
  // EXPORT_MAX_REPORTS: only the first N reports of the mission (a shorter run on the same data).
  const cap = Number(process.env.EXPORT_MAX_REPORTS ?? 0);
  const head = cap > 0 && cap < whole.reportCount ? { ...whole, reportCount: cap, maxReportId: whole.startAfterId + cap } : whole;
  const read = (afterId: number, take: number) => repo.reportPage(head, afterId, take);
  out['reports'] = head.reportCount;
  if (mode === 'select') {
    // The peer: every report read page by page through the same query, and dropped.
    const started = performance.now();
    let cursor = head.startAfterId;
    let rows = 0;
    while (cursor < head.maxReportId) {
      const page = await read(cursor, PAGE_SIZE);
      rows += page.reports.length;
      cursor = page.cursor;
    }
    out['selectMs'] = performance.now() - started;
    out['rows'] = rows;
    out['peakMiB'] = peakMiB();
  } else {
    const { streamWorkbook } = await import('../../src/export/workbook-stream.js');
    const { streamCsv } = await import('../../src/export/csv-stream.js');
    const generatedAt = new Date();
    const common = { head, lang: 'id' as const, generatedAt, read, dir, maxFileBytes: DEFAULT_EXPORT_LIMITS.maxFileBytes, pageSize: PAGE_SIZE, onProgress: () => undefined };
    takeBuffersMiB();
    let started = performance.now();
    const workbook = await streamWorkbook(common);
    out['workbookMs'] = performance.now() - started;
    out['workbookPeakMiB'] = peakMiB();
    out['workbookBuffersMiB'] = takeBuffersMiB();
    out['workbookFiles'] = workbook.parts.map((part) => part.bytes);
    started = performance.now();
    const csv = await streamCsv({ ...common, zipAboveBytes: DEFAULT_EXPORT_LIMITS.zipCsvAboveBytes, entryName: (part) => `reports${part ?? ''}.csv` });
    out['csvMs'] = performance.now() - started;
    out['csvRawBytes'] = csv.rawBytes;
    out['csvFiles'] = csv.files.map((file) => file.bytes);
    out['csvBuffersMiB'] = takeBuffersMiB();
    out['peakMiB'] = peakMiB();
  }
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
  await db.close();
}
out['endRssMiB'] = process.memoryUsage().rss / 1024 / 1024;
console.log(JSON.stringify(out));
