/**
 * `npm run db:rebuild-totals [-- <mission id> ...]`: recomputes the running
 * totals (MissionTotal, DayTotal, ExhibitorTotal, ExhibitorDayTotal) of
 * DATABASE_URL from the reports, for every mission or the ones named. Safe
 * while the bot runs; use it after editing reports by hand.
 */
import { loadDotEnv } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { rebuildTotals } from '../src/db/totals-rebuild.js';

loadDotEnv();
const url = process.env.DATABASE_URL ?? 'file:./data/bot.db';
const ids = process.argv.slice(2).map(Number);
if (ids.some((id) => !Number.isInteger(id) || id <= 0)) {
  console.error('Usage: npm run db:rebuild-totals [-- <mission id> ...]');
  process.exit(1);
}
const db = await openDatabase(url);
try {
  const started = performance.now();
  const count = await rebuildTotals(db.prisma, ids.length > 0 ? ids : undefined);
  console.log(`Rebuilt the totals of ${count} mission(s) in ${Math.round(performance.now() - started)} ms.`);
} finally {
  await db.close();
}
