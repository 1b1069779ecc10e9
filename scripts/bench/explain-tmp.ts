import { openDatabase } from '../../src/db/database.js';
import { rankedSearch } from '../../src/db/search-index.js';
import { parseSearchQuery } from '../../src/domain/search.js';
const db = await openDatabase(process.argv[2]!);
const q = parseSearchQuery(process.argv[3]!);
if (!q.ok) throw new Error();
const spy = {
  $executeRawUnsafe: db.prisma.$executeRawUnsafe.bind(db.prisma),
  $queryRawUnsafe: async (sql: string, ...params: unknown[]) => {
    const plan = await db.prisma.$queryRawUnsafe<Record<string, string>[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, ...params);
    console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
    return db.prisma.$queryRawUnsafe(sql, ...params);
  },
} as unknown as typeof db.prisma;
await rankedSearch(spy, 'postgresql', 1, q.value, { offset: 0, limit: 10 });
await db.close();
