/**
 * Prisma CLI configuration (Prisma 7), for a machine that has Prisma's native
 * schema engine: `npx prisma migrate status` and `npx prisma migrate deploy`
 * work on the bot's database. The bot itself never needs the CLI (it migrates
 * through the WebAssembly engine, src/db/migrations.ts); both record applied
 * migrations in the same `_prisma_migrations` table, so either can take over.
 *
 * DATABASE_URL (environment or .env, as for the bot) picks the provider, and
 * with it the schema file and the migrations folder.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from 'prisma/config';
import { EXTERNAL_TABLES, migrationsDir, providerOf, schemaPath, sqlitePath } from './src/db/schema-files.js';

if (existsSync('.env')) process.loadEnvFile('.env');
const url = process.env.DATABASE_URL?.trim() || 'file:./data/bot.db';
const provider = providerOf(url);

export default defineConfig({
  schema: schemaPath(provider),
  migrations: { path: migrationsDir(provider) },
  // The bot resolves a relative SQLite path from the working directory; so does the CLI, with this.
  datasource: { url: provider === 'sqlite' ? `file:${sqlitePath(url)}` : url },
  // The FTS5 search table and its shadow tables are created by a migration by hand: not drift.
  experimental: { externalTables: true },
  tables: { external: EXTERNAL_TABLES },
});
