/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (from the
 * environment or .env) through the WebAssembly schema engine. The bot does the
 * same when it starts; this is for deploy scripts and for looking.
 */
import { loadDotEnv } from '../src/config.js';
import { DatabaseStartError, explainingDatabaseErrors, probeDatabase, redactUrl } from '../src/db/database-errors.js';
import { applyMigrations } from '../src/db/migrations.js';

loadDotEnv();
const url = process.env.DATABASE_URL?.trim() || 'file:./data/bot.db';
let applied: string[];
try {
  // The probe first: the schema engine's own errors are multi-line and name no variable.
  await probeDatabase(url);
  applied = await explainingDatabaseErrors(url, () => applyMigrations(url));
} catch (error) {
  if (!(error instanceof DatabaseStartError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const where = redactUrl(url);
console.log(applied.length === 0 ? `${where}: up to date.` : `${where}: applied ${applied.join(', ')}`);
