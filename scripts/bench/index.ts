/**
 * `npm run bench [-- --reports N]`: the project's benchmark. Generates its own
 * data in a temporary SQLite file and, when BENCH_POSTGRES_URL (or
 * TEST_POSTGRES_URL) names a server, in a temporary PostgreSQL database;
 * drops both at the end. Prints min and median of repeated runs and the ratio
 * against the peer measured in the same run. Parts: webhook ingest
 * (scripts/bench/ingest.ts), the figures at scale (scripts/bench/figures.ts)
 * and start to ready with idle RSS (scripts/bench/start.ts, on dist/: `npm run build`
 * first) and the live board's load check (scripts/board-load.ts: 1,000 SSE
 * clients for a minute while reports arrive), search at 10k and 100k products
 * against a raw FTS5 query (scripts/bench/search.ts), /ekspor's streamed files
 * with their peak RSS (scripts/bench/export.ts, 1,000,000 reports unless
 * `--reports`) and `/ringkasan` end to end on 1M reports
 * (scripts/bench/ringkasan.ts, on dist/ too; `--ringkasan-reports N`,
 * `--ringkasan-runs N`); `--only ingest|figures|start|board|search|export|ringkasan` runs one.
 */
import { openDatabase, type Database } from '../../src/db/database.js';
import type { Provider } from '../../src/db/schema-files.js';
import { benchFigures, seedMission, type FigureRow } from './figures.js';
import { ingestOptionsFromArgs, runIngestBench } from './ingest.js';
import { benchRingkasan, printRingkasan } from './ringkasan.js';
import { scratchDatabase } from './scratch.js';
import { BARE_COMMAND, BOT_COMMAND, benchStart, printStart } from './start.js';
import { benchExport, printExport } from './export.js';
import { run as runSearchBench, type SearchBenchResult } from './search.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** A fresh migrated database of its own, opened, and how to get rid of it. */
async function openScratch(provider: Provider, adminUrl?: string): Promise<{ db: Database; url: string; drop: () => Promise<void> }> {
  const scratch = await scratchDatabase(provider, adminUrl, 'figures');
  const db = await openDatabase(scratch.url);
  return { db, url: scratch.url, drop: async () => (await db.close(), await scratch.drop()) };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

function printFigures(provider: Provider, reports: number, rows: FigureRow[]): void {
  console.log(`\n${provider}, ${reports.toLocaleString('en')} reports in the mission (ms, min / median of the runs)`);
  console.log('| figure | running totals | full recount (before) | median ratio |');
  console.log('| --- | --- | --- | --- |');
  for (const row of rows) {
    const ratio = row.recount.median / row.totals.median;
    console.log(`| ${row.figure} | ${ms(row.totals.min)} / ${ms(row.totals.median)} (${row.totals.runs} runs) | ${ms(row.recount.min)} / ${ms(row.recount.median)} (${row.recount.runs} runs) | ${ratio.toFixed(0)}× faster |`);
  }
}

const reports = option('reports', 100_000);
const runs = { totals: option('runs', 21), recount: option('recount-runs', 5) };
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
// `--db sqlite|postgresql` runs the database parts on one of them only.
const onlyDb = process.argv.includes('--db') ? process.argv[process.argv.indexOf('--db') + 1] : undefined;
const providers: Provider[] = (postgresUrl ? (['sqlite', 'postgresql'] as Provider[]) : (['sqlite'] as Provider[])).filter((provider) => onlyDb === undefined || provider === onlyDb);
console.log(`npm run bench: ${new Date().toISOString()}, node ${process.version}, ${(await import('node:os')).cpus().length} CPUs`);
if (!postgresUrl) console.log('PostgreSQL skipped: set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to an admin connection URL.');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
if (only === undefined || only === 'ingest') await runIngestBench(ingestOptionsFromArgs());
for (const provider of only === undefined || only === 'figures' ? providers : []) {
  const { db, drop } = await openScratch(provider, postgresUrl);
  try {
    const seeded = await seedMission(db, reports);
    console.log(`\n${provider}: generated ${reports.toLocaleString('en')} reports in ${(seeded.insertMs / 1000).toFixed(1)} s; db:rebuild-totals over them took ${(seeded.rebuildMs / 1000).toFixed(1)} s`);
    printFigures(provider, reports, await benchFigures(db, seeded.missionId, runs));
  } finally {
    await drop();
  }
}
for (const provider of only === undefined || only === 'export' ? providers : []) {
  const exportReports = option('reports', 1_000_000);
  const { db, url, drop } = await openScratch(provider, postgresUrl);
  try {
    const seeded = await seedMission(db, exportReports);
    console.log(`\n${provider}: generated ${exportReports.toLocaleString('en')} reports in ${(seeded.insertMs / 1000).toFixed(1)} s; db:rebuild-totals over them took ${(seeded.rebuildMs / 1000).toFixed(1)} s`);
    printExport(provider, await benchExport(url, seeded.missionId));
  } finally {
    await drop();
  }
}
if (only === undefined || only === 'search') {
  const results: SearchBenchResult[] = [];
  for (const products of [10_000, 100_000]) {
    results.push(...(await runSearchBench({ products, queries: option('search-queries', 200), repeats: option('search-repeats', 3), providers, log: (line) => (line.startsWith('| database') ? undefined : console.log(line)) })));
  }
  const { formatTable } = await import('./search.js');
  console.log(`\nsearch (ms, min / median of the repeats)\n${formatTable(results)}`);
}
if (only === undefined || only === 'start') printStart(await benchStart([BOT_COMMAND, BARE_COMMAND], option('start-runs', 5)));
for (const provider of only === undefined || only === 'ringkasan' ? providers : []) {
  printRingkasan(await benchRingkasan(provider, option('ringkasan-reports', 1_000_000), option('ringkasan-runs', 11), postgresUrl));
}
if (only === undefined || only === 'board') {
  // The board's load check (1,000 SSE clients for a minute while reports arrive) runs as its own process: it forks its clients and exits when done.
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/board-load.ts'], { stdio: 'inherit' });
  await new Promise((resolve) => child.once('exit', resolve));
}
