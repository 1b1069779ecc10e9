import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mission, Lang } from '../domain/entities.js';
import { exportFileName, type ExportHead } from '../domain/export.js';
import { localDate } from '../domain/time.js';
import type { ExportRepository } from '../db/repositories/export.js';
import { catalogue } from '../i18n/index.js';
import { streamCsv, type StreamedCsv } from './csv-stream.js';
import { streamWorkbook, type StreamedWorkbook } from './workbook-stream.js';

/** How /ekspor sizes its work and its files. */
export interface ExportLimits {
  /** The largest file sent: Telegram takes 50 MB from a bot (a test sets it small to see the split). */
  maxFileBytes: number;
  /** A CSV larger than this is sent zipped. */
  zipCsvAboveBytes: number;
  /** Reports read from the database at a time. */
  pageSize: number;
  /** Where the export's private temporary folder is made (default: the system's). */
  tempDir?: string;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = {
  // Telegram's 50 MB (50 × 2^20 bytes) in decimal megabytes: 2.4 MB of room for the multipart envelope.
  maxFileBytes: 50 * 1000 * 1000,
  zipCsvAboveBytes: 10 * 1000 * 1000,
  // Small pages: each is garbage once written, and a big one only grows the heap the collector must sweep.
  pageSize: 1_000,
};

/** One file of the export, on disk until the export is disposed. */
export interface ExportFile {
  kind: 'xlsx' | 'csv';
  path: string;
  /** The name the official sees. */
  filename: string;
  bytes: number;
  zipped: boolean;
  /** Part `index` of `count` when the file is split; reports `first`..`last` in it. */
  part: { index: number; count: number; first: number | null; last: number | null } | null;
}

export interface ExportResult {
  head: ExportHead;
  files: ExportFile[];
  workbook: StreamedWorkbook;
  csv: StreamedCsv;
  /** Reports written (voided ones included). */
  reports: number;
  /** Removes the temporary files; safe to call more than once. */
  dispose(): Promise<void>;
}

export interface ExportRun {
  repo: Pick<ExportRepository, 'missionHead' | 'reportPage'>;
  mission: Mission;
  lang: Lang;
  generatedAt: Date;
  limits?: Partial<ExportLimits>;
  /** The share of the work done, 0 to 1, as it goes (it may step back when a part is written again). */
  onProgress?: (share: number) => void;
}

/**
 * The whole of /ekspor but the sending: reads the mission's reports page by
 * page into a streamed workbook and a streamed CSV in a private temporary
 * folder, zipped or split to Telegram's size limit. Memory stays flat at any
 * number of reports. On failure the folder is removed; on success the
 * caller sends the files and then calls `dispose()`.
 */
export async function runExport(run: ExportRun): Promise<ExportResult> {
  const limits: ExportLimits = { ...DEFAULT_EXPORT_LIMITS, ...run.limits };
  const dir = await mkdtemp(join(limits.tempDir ?? tmpdir(), 'misi-ekspor-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const head = await run.repo.missionHead(run.mission);
    const read = (afterId: number, take: number) => run.repo.reportPage(head, afterId, take);
    const total = Math.max(1, head.reportCount * 2);
    const progress = run.onProgress ?? (() => undefined);
    const t = catalogue(run.lang);
    const date = localDate(run.generatedAt, run.mission.timeZone);
    const name = (extension: 'xlsx' | 'csv' | 'csv.zip', index?: number) =>
      exportFileName(run.mission.name, date, extension, index === undefined ? undefined : { label: t.exports.partLabel, index });

    const workbook = await streamWorkbook({
      head,
      lang: run.lang,
      generatedAt: run.generatedAt,
      read,
      dir,
      maxFileBytes: limits.maxFileBytes,
      pageSize: limits.pageSize,
      onProgress: (rows) => progress(Math.min(rows, head.reportCount) / total),
    });
    const csv = await streamCsv({
      head,
      lang: run.lang,
      generatedAt: run.generatedAt,
      read,
      dir,
      maxFileBytes: limits.maxFileBytes,
      zipAboveBytes: limits.zipCsvAboveBytes,
      pageSize: limits.pageSize,
      onProgress: (rows) => progress((head.reportCount + Math.min(rows, head.reportCount)) / total),
      entryName: (part) => name('csv', part),
    });
    progress(1);

    const split = <T extends { firstId: number | null; lastId: number | null }>(parts: readonly T[], index: number) =>
      parts.length > 1 ? { index: index + 1, count: parts.length, first: parts[index]!.firstId, last: parts[index]!.lastId } : null;
    const files: ExportFile[] = [
      ...workbook.parts.map((part, index) => ({
        kind: 'xlsx' as const,
        path: part.path,
        filename: name('xlsx', workbook.parts.length > 1 ? index + 1 : undefined),
        bytes: part.bytes,
        zipped: false,
        part: split(workbook.parts, index),
      })),
      ...csv.files.map((file, index) => ({
        kind: 'csv' as const,
        path: file.path,
        filename: name(file.zipped ? 'csv.zip' : 'csv', csv.files.length > 1 ? index + 1 : undefined),
        bytes: file.bytes,
        zipped: file.zipped,
        part: split(csv.files, index),
      })),
    ];
    const reports = workbook.parts.reduce((sum, part) => sum + part.rows, 0);
    return { head, files, workbook, csv, reports, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
