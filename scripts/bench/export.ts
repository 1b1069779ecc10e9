/**
 * Benchmark part: /ekspor on a seeded mission (default 1,000,000 reports),
 * run in a child process (scripts/bench/export-child.ts, with the production
 * command line's --max-semi-space-size=2) so its peak RSS is
 * the export's own: the streamed workbook and CSV, against the peer of the
 * same run, reading every report through the same keyset-paginated query
 * and dropping it (what the database side alone costs).
 */
import { spawn } from 'node:child_process';

export interface ExportChildResult {
  mode: 'stream' | 'select';
  reports: number;
  startRssMiB: number;
  peakMiB: number;
  endRssMiB: number;
  selectMs?: number;
  workbookMs?: number;
  workbookPeakMiB?: number;
  workbookFiles?: number[];
  workbookBuffersMiB?: number;
  csvBuffersMiB?: number;
  csvMs?: number;
  csvRawBytes?: number;
  csvFiles?: number[];
}

async function child(url: string, missionId: number, mode: 'stream' | 'select'): Promise<ExportChildResult> {
  const proc = spawn(process.execPath, ['--max-semi-space-size=2', '--import', 'tsx', 'scripts/bench/export-child.ts', url, String(missionId), mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`export bench child (${mode}) failed with ${code}: ${stdout}`);
  return JSON.parse(line) as ExportChildResult;
}

export async function benchExport(url: string, missionId: number): Promise<{ select: ExportChildResult; stream: ExportChildResult }> {
  const select = await child(url, missionId, 'select');
  const stream = await child(url, missionId, 'stream');
  return { select, stream };
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const s = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(1);

export function printExport(provider: string, { select, stream }: { select: ExportChildResult; stream: ExportChildResult }): void {
  console.log(`\n${provider}, /ekspor on ${stream.reports.toLocaleString('en')} reports (one run each, in a child process; RSS is the process's peak)`);
  console.log('| step | time (s) | peak RSS (MiB) | files (MB) | peer: keyset SELECT of every report, dropped |');
  console.log('| --- | --- | --- | --- | --- |');
  const peer = `${s(select.selectMs)} s, ${select.peakMiB.toFixed(0)} MiB`;
  console.log(`| workbook (streamed .xlsx) | ${s(stream.workbookMs)} (${((stream.workbookMs ?? 0) / (select.selectMs ?? 1)).toFixed(1)}× the SELECT) | ${(stream.workbookPeakMiB ?? 0).toFixed(0)} | ${(stream.workbookFiles ?? []).map(mb).join(' + ')} | ${peer} |`);
  console.log(`| CSV (streamed, zipped above 10 MB) | ${s(stream.csvMs)} (${((stream.csvMs ?? 0) / (select.selectMs ?? 1)).toFixed(1)}× the SELECT) | ${stream.peakMiB.toFixed(0)} (whole export) | ${mb(stream.csvRawBytes ?? 0)} raw → ${(stream.csvFiles ?? []).map(mb).join(' + ')} | ${peer} |`);
  console.log(`Peak Buffer memory (arrayBuffers, sampled every 50 ms): workbook ${(stream.workbookBuffersMiB ?? 0).toFixed(1)} MiB, CSV ${(stream.csvBuffersMiB ?? 0).toFixed(1)} MiB.`);
  console.log(`RSS at the child's start (modules and database loaded): ${stream.startRssMiB.toFixed(0)} MiB; at its end: ${stream.endRssMiB.toFixed(0)} MiB.`);
}
