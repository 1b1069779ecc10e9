/**
 * Benchmark part: the figures of `/progres`, the digest and `/peringkat` on a
 * mission with many reports, read from the running totals against the full
 * recount they replaced (test/support/full-recount.ts: the same queries the
 * bot ran before), both in the same run on the same data.
 */
import { missionTotalsNow } from '../../src/bot/features/progress.js';
import type { Database } from '../../src/db/database.js';
import { createRepositories } from '../../src/db/repositories/index.js';
import { rebuildTotals } from '../../src/db/totals-rebuild.js';
import type { SaleKindName } from '../../src/domain/entities.js';
import { gatherDigest } from '../../src/jobs/digest-content.js';
import { seededRandom } from '../../src/simulator/bot-api-simulator.js';
import { createFullRecount } from '../../test/support/full-recount.js';

const KINDS: readonly SaleKindName[] = ['RETAIL', 'RETAIL', 'RETAIL', 'ORDER', 'LOI', 'INVESTMENT'];
const EXHIBITORS = 200;
const DAYS = 5;
const START = '2026-11-24';
// The bench's "now": the fourth day of the mission, 19:00 WIB.
const NOW = new Date('2026-11-27T12:00:00Z');

export interface Timing {
  name: string;
  runs: number;
  min: number;
  median: number;
}

/** Runs `fn` once to warm up, then `runs` times, and returns min and median in ms. */
export async function time(name: string, runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn(); // warm-up: the first call prepares statements and fills caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { name, runs, min: samples[0]!, median: samples[Math.floor(samples.length / 2)]! };
}

/**
 * Seeds a mission of `reports` reports (200 exhibitors, 5 days, seeded
 * random kinds and amounts, some voided, verified or answered) with bulk
 * inserts, then fills its totals with the rebuild. `options.start` moves the
 * mission's five days (default 2026-11-24 to 28, which the figures' fixed
 * "now" falls in). Returns the mission id and
 * how long the inserts and the rebuild took.
 */
export async function seedMission(db: Database, reports: number, seed = 1, options: { start?: string } = {}): Promise<{ missionId: number; insertMs: number; rebuildMs: number }> {
  const prisma = db.prisma;
  const start = options.start ?? START;
  const end = new Date(Date.parse(`${start}T00:00:00Z`) + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const random = seededRandom(seed);
  const started = performance.now();
  const previous = await prisma.mission.create({
    data: { name: 'Misi sebelumnya', originProvince: 'JATIM', hostProvince: 'BALI', city: 'Denpasar', startDate: '2026-06-01', endDate: '2026-06-03', timeZone: 'Asia/Makassar', targetAmount: 1_000_000_000n, status: 'CLOSED' },
  });
  const mission = await prisma.mission.create({
    data: { name: 'Misi bench', originProvince: 'JATIM', hostProvince: 'BANTEN', city: 'Serang', startDate: start, endDate: end, timeZone: 'Asia/Jakarta', targetAmount: 50_000_000_000_000n },
  });
  await prisma.telegramUser.createMany({ data: Array.from({ length: EXHIBITORS }, (_, i) => ({ id: BigInt(900_000 + i), firstName: `Pameran ${i}` })) });
  await prisma.exhibitor.createMany({
    data: Array.from({ length: EXHIBITORS }, (_, i) => ({
      missionId: mission.id,
      ownerId: BigInt(900_000 + i),
      name: `Usaha ${String(i).padStart(3, '0')}`,
      category: ['makanan', 'minuman', 'kerajinan', 'fashion', 'pertanian'][i % 5]!,
      province: 'JATIM',
    })),
  });
  const exhibitors = await prisma.exhibitor.findMany({ where: { missionId: mission.id }, select: { id: true, ownerId: true }, orderBy: { id: 'asc' } });
  const from = Date.parse(`${start}T00:00:00+07:00`);
  const CHUNK = 5_000;
  for (let done = 0; done < reports; done += CHUNK) {
    const data = Array.from({ length: Math.min(CHUNK, reports - done) }, () => {
      const exhibitor = exhibitors[Math.floor(random() * exhibitors.length)]!;
      const kind = KINDS[Math.floor(random() * KINDS.length)]!;
      const amount = BigInt(Math.floor(random() * 20_000_000) + 10_000);
      const createdAt = new Date(from + Math.floor(random() * DAYS * 86_400_000));
      const roll = random();
      const answered = kind === 'ORDER' || kind === 'LOI' ? random() < 0.3 : false;
      return {
        missionId: mission.id,
        exhibitorId: exhibitor.id,
        amount,
        kind,
        direction: random() < 0.9 ? ('SELL' as const) : ('BUY' as const),
        reportedById: exhibitor.ownerId,
        createdAt,
        ...(roll < 0.03 ? { voidedAt: createdAt, voidReason: 'salah ketik' } : {}),
        ...(roll > 0.8 ? { verifiedAt: createdAt } : {}),
        ...(answered ? { realisation: 'PARTIAL' as const, realisedAmount: amount / 2n } : {}),
      };
    });
    await insertReports(db, data);
  }
  const other = await prisma.exhibitor.create({ data: { missionId: previous.id, ownerId: 900_000n, name: 'Lama', category: 'makanan', province: 'JATIM' } });
  await prisma.saleReport.create({ data: { missionId: previous.id, exhibitorId: other.id, amount: 5_000_000n, reportedById: 900_000n, createdAt: new Date('2026-06-01T03:00:00Z') } });
  const inserted = performance.now();
  await rebuildTotals(prisma);
  return { missionId: mission.id, insertMs: inserted - started, rebuildMs: performance.now() - inserted };
}

type ReportRow = {
  missionId: number;
  exhibitorId: number;
  amount: bigint;
  kind: SaleKindName;
  direction: 'SELL' | 'BUY';
  reportedById: bigint;
  createdAt: Date;
  voidedAt?: Date;
  voidReason?: string;
  verifiedAt?: Date;
  realisation?: 'PARTIAL';
  realisedAmount?: bigint;
};

const COLUMNS = ['missionId', 'exhibitorId', 'amount', 'kind', 'direction', 'reportedById', 'createdAt', 'voidedAt', 'voidReason', 'verifiedAt', 'realisation', 'realisedAmount'];

/**
 * Multi-row INSERTs, a thousand rows a statement: Prisma's createMany spends
 * about a millisecond a row, which would make generating a million reports
 * take a quarter of an hour. Timestamps are written the way Prisma writes
 * them on each database.
 */
async function insertReports(db: Database, rows: readonly ReportRow[]): Promise<void> {
  const stamp = (at: Date | undefined) => (at === undefined ? null : db.provider === 'sqlite' ? at.toISOString().replace('Z', '+00:00') : at.toISOString());
  const PER_STATEMENT = 1_000;
  for (let i = 0; i < rows.length; i += PER_STATEMENT) {
    const chunk = rows.slice(i, i + PER_STATEMENT);
    let n = 0;
    const placeholder = () => (db.provider === 'sqlite' ? '?' : `$${++n}`);
    const cast = (type: string) => (db.provider === 'sqlite' ? placeholder() : `CAST(${placeholder()} AS ${type})`);
    const values = chunk
      .map(() => `(${[placeholder(), placeholder(), placeholder(), cast('"SaleKind"'), cast('"SaleDirection"'), placeholder(), cast('TIMESTAMP(3)'), cast('TIMESTAMP(3)'), placeholder(), cast('TIMESTAMP(3)'), cast('"RealisationStatus"'), placeholder()].join(', ')})`)
      .join(', ');
    const params = chunk.flatMap((r) => [r.missionId, r.exhibitorId, r.amount, r.kind, r.direction, r.reportedById, stamp(r.createdAt), stamp(r.voidedAt), r.voidReason ?? null, stamp(r.verifiedAt), r.realisation ?? 'PENDING', r.realisedAmount ?? null]);
    await db.prisma.$executeRawUnsafe(`INSERT INTO "SaleReport" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, ...params);
  }
}

export interface FigureRow {
  figure: string;
  totals: Timing;
  recount: Timing;
}

/** Times each figure from the totals and from the full recount, on the seeded mission. */
export async function benchFigures(db: Database, missionId: number, runs: { totals: number; recount: number }): Promise<FigureRow[]> {
  const repos = createRepositories(db);
  const recount = createFullRecount(db.prisma);
  const mission = await repos.missions.findById(missionId);
  if (!mission) throw new Error(`mission ${missionId} not found`);
  // The repositories as they were: every figure recounted from the reports.
  const recountRepos = {
    sales: { totals: recount.totals },
    digests: recount,
    followUps: { summary: recount.summary },
    // Business matching's figures have no totals of their own: the same query on both sides.
    matching: repos.matching,
  } as unknown as Parameters<typeof gatherDigest>[0];
  const recountProgress = async () => {
    const today = '2026-11-27';
    return Promise.all([recount.totals(missionId, today), recount.summary(missionId)]);
  };

  const rows: FigureRow[] = [];
  const pair = async (figure: string, fast: () => Promise<unknown>, slow: () => Promise<unknown>) => {
    rows.push({ figure, totals: await time(figure, runs.totals, fast), recount: await time(figure, runs.recount, slow) });
  };
  await pair('/progres figures', () => missionTotalsNow(repos, mission, NOW), recountProgress);
  await pair('digest data', () => gatherDigest(repos, mission, NOW), () => gatherDigest(recountRepos, mission, NOW));
  await pair('/peringkat entries', () => repos.leaderboard.entries(missionId), () => recount.leaderboard(missionId));
  await pair('milestone total', () => repos.digests.missionTotal(missionId), () => recount.missionTotal(missionId));
  return rows;
}
