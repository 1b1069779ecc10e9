/**
 * The streamed CSV cut into zipped parts: a record is never cut inside a
 * quoted field, even one holding line breaks and quotes, and the parts
 * together hold every record once, in order, each part with the header.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportHead, ExportReport } from '../../src/domain/export.js';
import { streamCsv } from '../../src/export/csv-stream.js';
import { parseCsv } from '../support/csv.js';
import { sampleExport } from '../support/export-sample.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function setup(count: number) {
  const sample = sampleExport();
  const template = sample.reports[0]!;
  const reports: ExportReport[] = Array.from({ length: count }, (_, i) => ({
    ...template,
    id: 10 + i * 3,
    amount: BigInt(1_000 + i),
    // Quotes, a separator and a CRLF inside a field, in every third report.
    voidReason: i % 3 === 0 ? `baris satu; "kutip"\r\nbaris ${i} dua` : null,
    voidedAt: i % 3 === 0 ? template.createdAt : null,
  }));
  const head: ExportHead = { ...sample, reportCount: count, startAfterId: 9, maxReportId: reports.at(-1)!.id };
  const read = async (afterId: number, take: number) => {
    const page = reports.filter((report) => report.id > afterId).slice(0, take);
    return { reports: page, cursor: page.length < take ? head.maxReportId : page.at(-1)!.id };
  };
  const dir = mkdtempSync(join(tmpdir(), 'csv-stream-test-'));
  dirs.push(dir);
  return { head, read, dir, reports };
}

describe('streamCsv', () => {
  it('sends a small CSV as it is, a large one zipped, and cuts one too large zipped into parts at record ends', async () => {
    const { head, read, dir, reports } = setup(600);
    const options = { head, lang: 'id' as const, generatedAt: new Date('2026-11-28T10:00:00Z'), read, dir, pageSize: 64, onProgress: () => undefined, entryName: (part?: number) => `laporan${part ? `-${part}` : ''}.csv` };

    const plain = await streamCsv({ ...options, maxFileBytes: 10_000_000, zipAboveBytes: 10_000_000 });
    expect(plain.files).toHaveLength(1);
    expect(plain.files[0]?.zipped).toBe(false);
    const text = readFileSync(plain.files[0]!.path, 'utf8');
    const [header, ...rows] = parseCsv(text.slice(1), ';');
    expect(header?.[0]).toBe('No. laporan');
    expect(rows.map((row) => Number(row[0]))).toEqual(reports.map((report) => report.id));
    expect(rows[0]?.[15]).toBe('baris satu; "kutip"\r\nbaris 0 dua');

    const limit = 4_000;
    const split = await streamCsv({ ...options, maxFileBytes: limit, zipAboveBytes: 1_000 });
    expect(split.files.length).toBeGreaterThan(1);
    const ids: number[] = [];
    for (const [index, file] of split.files.entries()) {
      expect(file.zipped).toBe(true);
      expect(file.bytes).toBeLessThanOrEqual(limit);
      const entries = Object.entries(unzipSync(new Uint8Array(readFileSync(file.path))));
      expect(entries.map(([name]) => name)).toEqual([`laporan-${index + 1}.csv`]);
      const partText = Buffer.from(entries[0]![1]).toString('utf8');
      expect(partText.startsWith('\uFEFFNo. laporan;')).toBe(true);
      const [, ...partRows] = parseCsv(partText.slice(1), ';');
      for (const row of partRows) expect(row).toHaveLength(16);
      expect(partRows[0]?.[0]).toBe(String(file.firstId));
      expect(partRows.at(-1)?.[0]).toBe(String(file.lastId));
      ids.push(...partRows.map((row) => Number(row[0])));
    }
    expect(ids).toEqual(reports.map((report) => report.id));
    // The raw CSV and the parts of both runs are in the folder: the caller removes it (runExport's dispose).
    expect(readdirSync(dir).length).toBeGreaterThan(split.files.length);
  });
});
