import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../src/db/migrations.js';
import type { Provider } from '../../src/db/schema-files.js';

/** A database of the bench's own and how to get rid of it. */
export interface Scratch {
  url: string;
  drop: () => Promise<void>;
}

/**
 * A fresh database for one subject of a bench: a temporary SQLite file, or
 * a PostgreSQL database of its own on the admin URL's server (dropped with
 * FORCE, so a subject still connected does not keep it). Migrated unless
 * `migrate` is false (a bot that migrates at start, or a peer with a table
 * of its own).
 */
export async function scratchDatabase(provider: Provider, adminUrl: string | undefined, label: string, { migrate = true } = {}): Promise<Scratch> {
  let scratch: Scratch;
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `misi-bench-${label}-`));
    scratch = { url: `file:${join(dir, 'bench.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  } else {
    if (!adminUrl) throw new Error('PostgreSQL needs BENCH_POSTGRES_URL or TEST_POSTGRES_URL');
    const name = `misi_bench_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    scratch = { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  if (migrate) await applyMigrations(scratch.url);
  return scratch;
}
