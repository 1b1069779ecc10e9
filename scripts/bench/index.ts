/**
 * `npm run bench`: the project's benchmark. Each part starts what it
 * measures, generates its own data, prints a table with ratios against peers
 * measured in the same run, and stops everything it started.
 * Parts so far: webhook ingest (scripts/bench/ingest.ts).
 */
import { ingestOptionsFromArgs, runIngestBench } from './ingest.js';

const ingest = ingestOptionsFromArgs();
console.log(`npm run bench: ${new Date().toISOString()}, node ${process.version}, ${(await import('node:os')).cpus().length} CPUs`);
if (ingest.providers.length === 1) console.log('PostgreSQL skipped: set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to an admin connection URL.');
await runIngestBench(ingest);
