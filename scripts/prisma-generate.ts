/**
 * Generates both Prisma clients (SQLite and PostgreSQL) without the native
 * schema engine, which Prisma's CLI would otherwise download from a host this
 * machine cannot reach. `generate` never runs the engine; pointing
 * PRISMA_SCHEMA_ENGINE_BINARY at any executable stops the download.
 * Runs on `npm install` (postinstall) and as `npm run db:generate`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { PROJECT_ROOT, PROVIDERS, schemaPath, schemaText } from '../src/db/schema-files.js';

const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');

for (const provider of PROVIDERS) {
  const path = schemaPath(provider);
  if (provider !== 'sqlite') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, schemaText(provider));
  }
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', path], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
}
