/**
 * Helpers for the tests of pushes (outbox, digests, subscriptions,
 * milestones): a clock the test moves, data written straight into the
 * database (the flows under test are the pushes, not the wizards), a second
 * bot process on the same database, and a wait for the outbox to drain.
 */
import { startApp, type App } from '../../src/app.js';
import { configSchema } from '../../src/config.js';
import type { DbClient } from '../../src/db/database.js';
import { rebuildTotals } from '../../src/db/totals-rebuild.js';
import type { JobsOptions } from '../../src/jobs/index.js';
import { createLogger } from '../../src/logger.js';
import { BotApiSimulator } from '../../src/simulator/index.js';
import { OFFICIAL_ID, TEST_TOKEN, type TestBot } from './bot-harness.js';

/** A clock the test sets; the bot reads it through deps.now(). */
export function testClock(iso: string) {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    set(next: string) {
      current = new Date(next);
    },
  };
}

export interface MissionSeed {
  name?: string;
  originProvince?: string;
  hostProvince?: string;
  city?: string;
  startDate?: string;
  endDate?: string;
  timeZone?: string;
  targetAmount?: bigint;
  status?: 'DRAFT' | 'ACTIVE' | 'CLOSED';
  digestTime?: string;
  createdAt?: Date;
}

let seq = 0;

/** A mission row as the wizard would save it (ACTIVE unless said otherwise). */
export async function seedMission(prisma: DbClient, seed: MissionSeed = {}) {
  seq += 1;
  return prisma.mission.create({
    data: {
      name: seed.name ?? `Misi Uji ${seq}`,
      originProvince: seed.originProvince ?? 'JATIM',
      hostProvince: seed.hostProvince ?? 'BANTEN',
      city: seed.city ?? 'Serang',
      startDate: seed.startDate ?? '2026-11-26',
      endDate: seed.endDate ?? '2026-11-28',
      timeZone: seed.timeZone ?? 'Asia/Jakarta',
      targetAmount: seed.targetAmount ?? 3_000_000_000n,
      status: seed.status ?? 'ACTIVE',
      digestTime: seed.digestTime ?? '20:00',
      ...(seed.createdAt ? { createdAt: seed.createdAt } : {}),
    },
  });
}

/** A Telegram user row (owners and reporters must exist). */
export async function seedUser(prisma: DbClient, id: number, firstName = `User ${id}`, language: 'id' | 'en' | null = null) {
  return prisma.telegramUser.upsert({ where: { id: BigInt(id) }, create: { id: BigInt(id), firstName, language }, update: {} });
}

export async function seedExhibitor(prisma: DbClient, missionId: number, input: { ownerId: number; name: string; category: string; province?: string }) {
  await seedUser(prisma, input.ownerId);
  return prisma.exhibitor.create({
    data: { missionId, ownerId: BigInt(input.ownerId), name: input.name, category: input.category, province: input.province ?? 'JATIM' },
  });
}

export async function seedReport(
  prisma: DbClient,
  input: {
    missionId: number;
    exhibitorId: number;
    ownerId: number;
    amount: bigint;
    createdAt: Date;
    kind?: 'RETAIL' | 'ORDER' | 'LOI' | 'INVESTMENT';
    direction?: 'SELL' | 'BUY';
    voided?: boolean;
  },
) {
  // Written straight to the table, so the running totals are recounted as after a hand edit.
  const row = await prisma.saleReport.create({
    data: {
      missionId: input.missionId,
      exhibitorId: input.exhibitorId,
      amount: input.amount,
      kind: input.kind ?? 'RETAIL',
      direction: input.direction ?? 'SELL',
      reportedById: BigInt(input.ownerId),
      createdAt: input.createdAt,
      ...(input.voided ? { voidedAt: input.createdAt, voidReason: 'salah ketik' } : {}),
    },
  });
  await rebuildTotals(prisma, [input.missionId]);
  return row;
}

/** Resolves when the outbox holds nothing pending or being sent (or throws after `timeoutMs`). */
export async function outboxDrained(prisma: DbClient, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await prisma.outboxMessage.count({ where: { status: { in: ['PENDING', 'SENDING'] } } });
    if (open === 0) return;
    if (Date.now() > until) throw new Error(`outbox not drained within ${timeoutMs} ms: ${open} messages open`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A second bot process on the same database: its own simulator (two
 * polling bots on one Bot API server would take each other's updates), in
 * which the chats the test names exist under the same ids, so whatever
 * process sends a push, it lands in one of the two simulators.
 */
export async function startSecondApp(
  first: TestBot,
  options: { now: () => Date; groups?: { id: number; title: string }[]; jobs?: JobsOptions },
): Promise<{ sim: BotApiSimulator; app: App; stop(): Promise<void> }> {
  const sim = new BotApiSimulator({ token: TEST_TOKEN });
  const apiRoot = await sim.start();
  for (const group of options.groups ?? []) sim.group(group);
  const config = configSchema.parse({
    BOT_MODE: 'polling',
    BOT_TOKEN: sim.token,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_URL: first.app.db.url,
    PORT: '0',
    ADMIN_TELEGRAM_IDS: String(OFFICIAL_ID),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  });
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: [sim.token] });
  const app = await startApp({ config: { ...config, BOT_TOKEN: sim.token }, logger, now: options.now, ...(options.jobs ? { jobs: options.jobs } : {}) });
  return {
    sim,
    app,
    async stop() {
      await app.stop('test done');
      await sim.stop();
    },
  };
}
