import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { catalogue } from '../i18n/index.js';
import { BOM, csvHeader, csvLine } from './csv.js';
import type { ExportStreamOptions, WrittenPart } from './workbook-stream.js';

export interface CsvFile extends WrittenPart {
  /** A ZIP file holding one CSV (named `entryName`). */
  zipped: boolean;
}

export interface StreamedCsv {
  files: CsvFile[];
  /** Size of the whole CSV before compression. */
  rawBytes: number;
}

export interface CsvStreamOptions extends ExportStreamOptions {
  /** A CSV larger than this is sent zipped: a fraction of the download on a phone, and one tap to open. */
  zipAboveBytes: number;
  /** The name of the CSV inside the ZIP: the whole file, or part `n`. */
  entryName: (part?: number) => string;
}

async function write(file: WriteStream, data: string | Uint8Array): Promise<void> {
  if (!file.write(data)) await once(file, 'drain');
}

/** A ZIP file of one entry, written as the entry's bytes arrive (fflate, deflate level 6). */
class ZipFileWriter {
  private readonly file: WriteStream;
  private readonly zip: Zip;
  private readonly entry: ZipDeflate;
  private failure: Error | null = null;
  private held: Uint8Array[] = [];
  private heldBytes = 0;

  constructor(path: string, entryName: string, mtime: Date) {
    this.file = createWriteStream(path);
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure = error;
      else this.file.write(Buffer.from(chunk));
      if (final) this.file.end();
    });
    this.entry = new ZipDeflate(entryName, { level: 6 });
    this.entry.mtime = mtime;
    this.zip.add(this.entry);
  }

  /** Bytes compressed into the file so far (the compressor holds at most its window more). */
  get bytes(): number {
    return this.file.bytesWritten + this.file.writableLength;
  }

  async push(data: Uint8Array): Promise<void> {
    // Small records are gathered: one deflate call per quarter megabyte, not per line.
    this.held.push(data);
    this.heldBytes += data.length;
    if (this.heldBytes >= 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.heldBytes === 0) return;
    this.entry.push(this.held.length === 1 ? this.held[0]! : Buffer.concat(this.held));
    this.held = [];
    this.heldBytes = 0;
    if (this.failure) throw this.failure;
    if (this.file.writableNeedDrain) await once(this.file, 'drain');
  }

  /** Ends the entry and the ZIP file; its size in bytes. */
  async close(): Promise<number> {
    await this.flush();
    this.entry.push(new Uint8Array(0), true);
    this.zip.end();
    await finished(this.file);
    if (this.failure) throw this.failure;
    return this.file.bytesWritten;
  }

  destroy(): void {
    this.file.destroy();
  }
}

/**
 * The records of a CSV file after its header, as they are read: a line break
 * ends a record only outside quotes (a quoted field may hold one; `"` inside
 * a field is doubled, so counting quotes tells which side we are on).
 */
async function* records(path: string): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  let quoted = false;
  let header = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a && !quoted) {
        const piece = chunk.subarray(start, i + 1);
        const record: Buffer = carry ? Buffer.concat([carry, piece]) : piece;
        carry = null;
        start = i + 1;
        if (header) header = false;
        else yield record;
      }
    }
    if (start < chunk.length) carry = carry ? Buffer.concat([carry, chunk.subarray(start)]) : Buffer.from(chunk.subarray(start));
  }
  if (carry && carry.length > 0 && !header) yield carry;
}

/** The report number at the start of a record (the first field: digits). */
function recordId(record: Buffer): number {
  let id = 0;
  for (const byte of record) {
    if (byte < 0x30 || byte > 0x39) break;
    id = id * 10 + (byte - 0x30);
  }
  return id;
}

/**
 * Cuts the CSV into zipped parts of at most `rawBudget` bytes of records
 * each, every part with the BOM and the header line.
 */
async function splitZipped(options: CsvStreamOptions, rawPath: string, headerBytes: Buffer, rawBudget: number): Promise<CsvFile[]> {
  interface Open {
    writer: ZipFileWriter;
    path: string;
    raw: number;
    rows: number;
    firstId: number | null;
    lastId: number | null;
  }
  const parts: CsvFile[] = [];
  let current: Open | null = null;
  const close = async (part: Open) => {
    const bytes = await part.writer.close();
    parts.push({ path: part.path, bytes, rows: part.rows, firstId: part.firstId, lastId: part.lastId, zipped: true });
  };
  try {
    for await (const record of records(rawPath)) {
      if (current && current.rows > 0 && current.raw + record.length > rawBudget) {
        await close(current);
        current = null;
      }
      if (!current) {
        const path = join(options.dir, `reports-${parts.length + 1}.csv.zip`);
        current = { writer: new ZipFileWriter(path, options.entryName(parts.length + 1), options.generatedAt), path, raw: 0, rows: 0, firstId: null, lastId: null };
        await current.writer.push(headerBytes);
      }
      await current.writer.push(record);
      current.raw += record.length;
      current.rows += 1;
      const id = recordId(record);
      current.firstId ??= id;
      current.lastId = id;
    }
    if (current) await close(current);
    current = null;
  } finally {
    current?.writer.destroy();
  }
  return parts;
}

/**
 * The reports as a CSV streamed to a file, page by page. Small, it is sent
 * as it is (a phone opens a CSV directly); above `zipAboveBytes` (or the
 * file limit) it is zipped, which takes a CSV to about a tenth; still above
 * the limit when zipped, it is cut by rows into zipped parts, each with the
 * header line.
 */
export async function streamCsv(options: CsvStreamOptions): Promise<StreamedCsv> {
  const t = catalogue(options.lang);
  const zone = options.head.mission.timeZone;
  const rawPath = join(options.dir, 'reports.csv');
  const headerBytes = Buffer.from(`${BOM}${csvHeader(t, zone)}\r\n`, 'utf8');
  const file = createWriteStream(rawPath);
  let rows = 0;
  let firstId: number | null = null;
  let lastId: number | null = null;
  try {
    await write(file, headerBytes);
    let cursor = options.head.startAfterId;
    while (cursor < options.head.maxReportId) {
      const { reports: page, cursor: next } = await options.read(cursor, options.pageSize);
      cursor = next;
      if (page.length === 0) continue;
      let text = '';
      for (const report of page) text += `${csvLine(report, t, zone)}\r\n`;
      await write(file, text);
      firstId ??= page[0]!.id;
      lastId = page.at(-1)!.id;
      rows += page.length;
      options.onProgress(rows);
    }
    file.end();
    await finished(file);
  } finally {
    if (!file.closed) file.destroy();
  }
  const rawBytes = file.bytesWritten;
  const whole: WrittenPart = { path: rawPath, bytes: rawBytes, rows, firstId, lastId };
  if (rawBytes <= Math.min(options.zipAboveBytes, options.maxFileBytes)) return { files: [{ ...whole, zipped: false }], rawBytes };

  const zipPath = join(options.dir, 'reports.csv.zip');
  const zip = new ZipFileWriter(zipPath, options.entryName(), options.generatedAt);
  try {
    for await (const chunk of createReadStream(rawPath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) await zip.push(chunk);
  } catch (error) {
    zip.destroy();
    throw error;
  }
  const zipBytes = await zip.close();
  if (zipBytes <= options.maxFileBytes) return { files: [{ ...whole, path: zipPath, bytes: zipBytes, zipped: true }], rawBytes };
  await rm(zipPath, { force: true });

  // Too large even zipped: parts by rows, sized by the compression the whole file got, smaller again if a part came out over.
  let rawBudget = Math.floor(options.maxFileBytes * 0.9 * (rawBytes / zipBytes)) - headerBytes.length;
  for (let attempt = 0; ; attempt++) {
    const parts = await splitZipped(options, rawPath, headerBytes, Math.max(1, rawBudget));
    if (parts.every((part) => part.bytes <= options.maxFileBytes) || attempt >= 5) return { files: parts, rawBytes };
    await Promise.all(parts.map((part) => rm(part.path, { force: true })));
    rawBudget = Math.floor(rawBudget * 0.8);
  }
}
