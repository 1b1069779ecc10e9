import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { openDatabase } from '../../src/db/database.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { indexPendingProducts, rankedSearch } from '../../src/db/search-index.js';
import { parseSearchQuery } from '../../src/domain/search.js';
import { seedCatalog, seedQueries, seededRandom } from '../../test/support/search-catalog.js';
const url = process.argv[2]!;
const fresh = url.startsWith('file:') ? !existsSync(url.slice(5)) : process.argv[3] === 'seed';
if (fresh) await applyMigrations(url);
const db = await openDatabase(url);
if (fresh) {
  const m = await db.prisma.mission.create({ data: { name: 'M', originProvince: 'JATIM', hostProvince: 'BANTEN', city: 'S', startDate: '2026-11-26', endDate: '2026-11-28', timeZone: 'Asia/Jakarta', targetAmount: 1n } });
  await seedCatalog(db.prisma, m.id, 2026, { exhibitors: 2000, products: 100_000 });
  let s = performance.now();
  await indexPendingProducts(db.prisma, db.provider);
  console.log('index', performance.now() - s);
  await db.prisma.$executeRawUnsafe('ANALYZE');
}
const qs = seedQueries(seededRandom(7), 200);
const times: [number, string, number][] = [];
for (const text of qs) {
  const q = parseSearchQuery(text);
  if (!q.ok) continue;
  const s = performance.now();
  const r = await rankedSearch(db.prisma, db.provider, 1, q.value, { offset: 0, limit: 10 });
  times.push([performance.now() - s, text, r.total]);
}
times.sort((a, b) => a[0] - b[0]);
console.log('p50', times[100]?.[0].toFixed(1), 'p95', times[190]?.[0].toFixed(1));
console.log(times.slice(-12).map((t) => `${t[0].toFixed(1)} ${t[1]} ${t[2]}`).join('\n'));
await db.close();
