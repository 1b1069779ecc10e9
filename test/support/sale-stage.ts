import { registerByChat } from '../../src/demo/flows.js';
import { createMissionRepository } from '../../src/db/repositories/missions.js';
import type { Provider } from '../../src/db/schema-files.js';
import { inlineButtons, type SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, startTestBot, type TestBot, type TestBotOptions } from './bot-harness.js';
import { JATIM_BANTEN_ROW } from './fixtures.js';

/**
 * The stage of the sale-report tests: a running bot with a clock the test
 * moves, the Jawa Timur – Banten mission (26–28 Nov 2026, WIB) created by
 * the official, and helpers to register exhibitors and list products.
 */

/** 10:00 WIB on the first day of the mission. */
export const MISSION_START = new Date('2026-11-26T03:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface SaleStage {
  bot: TestBot;
  official: SimUser;
  /** The bot's clock now. */
  now(): Date;
  /** Moves the bot's clock to an instant. */
  setNow(instant: Date): void;
  /** Moves the bot's clock forward. */
  advance(ms: number): void;
  /** A new registered exhibitor (id-speaking unless languageCode says otherwise). */
  exhibitor(options?: { province?: string; languageCode?: string; name?: string }): Promise<{ user: SimUser; exhibitorId: number }>;
  /** Lists a product straight in the database (the product wizard is another feature). */
  product(exhibitorId: number, name: string, options?: { unit?: string; active?: boolean }): Promise<number>;
  stop(): Promise<void>;
}

export async function startSaleStage(provider: Provider, firstUserId: number, options: Omit<TestBotOptions, 'now'> = {}): Promise<SaleStage> {
  let clock = MISSION_START;
  const bot = await startTestBot(provider, { ...options, now: () => clock });
  const official = bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
  // The mission is the stage, not the subject: created through the repository, so these tests do
  // not depend on the /misi conversation (tested in mission-wizard.test.ts). /start makes the official known.
  await official.send('/start');
  await createMissionRepository(bot.db.prisma).create(
    JATIM_BANTEN_ROW,
    BigInt(OFFICIAL_ID),
  );
  let nextId = firstUserId;
  return {
    bot,
    official,
    now: () => clock,
    setNow: (instant) => {
      clock = instant;
    },
    advance: (ms) => {
      clock = new Date(clock.getTime() + ms);
    },
    async exhibitor(options = {}) {
      const id = nextId++;
      const languageCode = options.languageCode ?? 'id';
      const user = bot.sim.user({ id, firstName: `UMKM ${id}`, languageCode });
      await registerByChat(user, {
        name: options.name ?? `Usaha ${id}`,
        category: languageCode === 'en' ? 'Food' : 'Makanan',
        province: options.province ?? 'Jawa Timur',
        city: 'Malang',
        phone: `0812000${id}`,
      });
      const row = await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { ownerId: BigInt(id) } });
      return { user, exhibitorId: row.id };
    },
    async product(exhibitorId, name, options = {}) {
      const row = await bot.db.prisma.product.create({
        data: { exhibitorId, name, category: 'makanan', price: 25_000n, unit: options.unit ?? 'pcs', active: options.active ?? true },
      });
      return row.id;
    },
    stop: () => bot.stop(),
  };
}

/** Labels of the inline buttons on the bot's newest message to the user. */
export function buttonsOf(user: SimUser): string[] {
  const message = user.lastMessage();
  return message ? inlineButtons(message).map((button) => button.text) : [];
}

/** Texts of the bot's messages to the user after the first `since`. */
export function textsSince(user: SimUser, since: number): string[] {
  return user
    .messages()
    .slice(since)
    .map((message) => message.plain);
}
