/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (from the
 * environment or .env) through the WebAssembly schema engine. The bot does the
 * same when it starts; this is for deploy scripts and for looking.
 */
import { loadDotEnv } from '../src/config.js';
import { applyMigrations } from '../src/db/migrations.js';

loadDotEnv();
const url = process.env.DATABASE_URL ?? 'file:./data/bot.db';
const applied = await applyMigrations(url);
const where = url.replace(/\/\/[^@/]*@/, '//***@');
console.log(applied.length === 0 ? `${where}: up to date.` : `${where}: applied ${applied.join(', ')}`);
