import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { adapterFactory, openDatabase, providerOf, type Database } from './database.js';
import { withSchemaEngine } from './schema-engine.js';
import { EXTERNAL_TABLES, migrationsDir, type Provider } from './schema-files.js';
import { rebuildTotals, TOTALS_MIGRATION_SUFFIX } from './totals-rebuild.js';

// Defined beside the schema files, where prisma.config.ts can read them without loading a client.
export { EXTERNAL_TABLES } from './schema-files.js';

/** The migration folders of a provider, oldest first, as the schema engine wants them. */
export function migrationsList(provider: Provider) {
  const baseDir = migrationsDir(provider);
  const lockPath = join(baseDir, 'migration_lock.toml');
  const names = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(baseDir, entry.name, 'migration.sql')))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/**
 * Applies the pending migrations to the database the URL names and returns
 * their names. Records them in `_prisma_migrations`, like `prisma migrate
 * deploy`, so either tool can take over a database.
 */
export async function applyMigrations(url: string, log?: (line: string) => void): Promise<string[]> {
  const provider = providerOf(url);
  const list = migrationsList(provider);
  // The schema engine takes SQLite's exclusive lock even when nothing is
  // pending, which in WAL mode fails while any other connection (a second
  // reader, a restarting process's predecessor) is open. Ask first, cheaply.
  const applied = await appliedMigrationNames(url);
  if (list.migrationDirectories.every((dir) => applied.has(dir.path))) return [];
  const output = await withSchemaEngine(
    provider,
    await adapterFactory(url),
    (engine) =>
      engine.applyMigrations({
        migrationsList: list,
        filters: { externalTables: EXTERNAL_TABLES, externalEnums: [] },
      }),
    log,
  );
  // The totals tables start empty: count the reports already there (a zone
  // is needed to bucket days, which SQL cannot do on SQLite).
  if (output.appliedMigrationNames.some((name) => name.endsWith(TOTALS_MIGRATION_SUFFIX))) {
    const db = await openDatabase(url);
    try {
      await rebuildTotals(db.prisma);
    } finally {
      await db.close();
    }
  }
  return output.appliedMigrationNames;
}

/** Names of the migrations recorded as finished; empty for a new database. */
async function appliedMigrationNames(url: string): Promise<Set<string>> {
  const db = await openDatabase(url);
  try {
    return await appliedMigrationNamesIn(db);
  } finally {
    await db.close();
  }
}

async function appliedMigrationNamesIn(db: Database): Promise<Set<string>> {
  try {
    const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return new Set(rows.map((row) => row.migration_name));
  } catch {
    // No _prisma_migrations table yet: nothing applied.
    return new Set();
  }
}

/**
 * True when a migration is still to apply, asked on an open database (start-up
 * asks on the connection it keeps, rather than opening a client of its own).
 */
export async function hasPendingMigrations(db: Database): Promise<boolean> {
  const applied = await appliedMigrationNamesIn(db);
  return !migrationsList(db.provider).migrationDirectories.every((dir) => applied.has(dir.path));
}
