import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The two databases one source schema serves. */
export type Provider = 'sqlite' | 'postgresql';
export const PROVIDERS: readonly Provider[] = ['sqlite', 'postgresql'];

/** Which database a DATABASE_URL selects: a postgres:// URL PostgreSQL, anything else an SQLite file. */
export function providerOf(url: string): Provider {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgresql' : 'sqlite';
}

/** The SQLite file a `file:` URL names, relative to the working directory. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, '').replace(/\?.*$/, '');
  if (path === ':memory:') return path;
  return isAbsolute(path) ? path : resolve(process.cwd(), path);
}

/** Project root, found from this file so scripts work from any working directory. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SOURCE_SCHEMA_PATH = join(PROJECT_ROOT, 'prisma', 'schema.prisma');

/** Where a provider's schema file lives; the PostgreSQL one is derived. */
export function schemaPath(provider: Provider): string {
  return provider === 'sqlite' ? SOURCE_SCHEMA_PATH : join(PROJECT_ROOT, 'prisma', 'postgresql', 'schema.prisma');
}

/** One migrations folder per provider: their SQL differs, their history is the same. */
export function migrationsDir(provider: Provider): string {
  return join(PROJECT_ROOT, 'prisma', 'migrations', provider);
}

/**
 * The schema text for a provider. Prisma fixes the provider per schema file and
 * per generated client, so the PostgreSQL variant is the source with two lines
 * changed: the provider and the client's output folder.
 */
export function schemaText(provider: Provider, source = readFileSync(SOURCE_SCHEMA_PATH, 'utf8')): string {
  if (provider === 'sqlite') return source;
  const derived = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/src\/db\/generated\/sqlite"/, 'output       = "../../src/db/generated/postgresql"');
  if (!derived.includes('"postgresql"') || !derived.includes('generated/postgresql')) {
    throw new Error('prisma/schema.prisma: could not derive the PostgreSQL schema (provider or output line changed?)');
  }
  return `// GENERATED from prisma/schema.prisma by npm run db:generate. Do not edit.\n${derived}`;
}

/**
 * The source schema as of the newest migration. The next migration is the
 * diff from it to the current schema, computed without any database, so
 * writing a PostgreSQL migration needs no PostgreSQL server.
 */
export const MIGRATED_SCHEMA_SNAPSHOT_PATH = join(PROJECT_ROOT, 'prisma', 'migrations', 'schema-at-last-migration.prisma.txt');

// Tables that migrations create by hand and the schema does not model (full-text
// indexes); the engine must not treat them as drift.
export const EXTERNAL_TABLES: string[] = [
  // SQLite product search (migration *_product_search_ranked): the FTS5 trigram
  // table over the search words and its shadow tables (external content: no _content).
  'SearchTermTrigram',
  'SearchTermTrigram_data',
  'SearchTermTrigram_idx',
  'SearchTermTrigram_docsize',
  'SearchTermTrigram_config',
];
