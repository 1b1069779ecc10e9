import { registerByChat, type BusinessAnswers } from '../../src/demo/flows.js';
import type { SimUser } from '../../src/simulator/index.js';
import { OFFICIAL_ID, type TestBot } from './bot-harness.js';
import { JATIM_BANTEN_ROW } from './fixtures.js';

/**
 * The stage of the buyer-side tests: a running mission, exhibitors who
 * registered through the chat, and products written straight into the
 * database (the product wizard is tested on its own).
 */

// 10:00 WIB on the first day of a three-day mission.
export const NOW = new Date('2026-11-26T03:00:00Z');

/**
 * The running mission, written straight into the database: the /misi
 * conversation is another feature's, and its tests cover it.
 */
export async function createMission(bot: TestBot): Promise<number> {
  bot.sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
  const mission = await bot.db.prisma.mission.create({
    data: {
      ...JATIM_BANTEN_ROW,
      status: 'ACTIVE',
    },
  });
  return mission.id;
}

/** Registers a business through /daftar and returns its id. */
export async function registerExhibitor(bot: TestBot, owner: SimUser, answers: BusinessAnswers): Promise<number> {
  await registerByChat(owner, answers);
  const row = await bot.db.prisma.exhibitor.findFirstOrThrow({ where: { ownerId: BigInt(owner.id) }, orderBy: { id: 'desc' } });
  return row.id;
}

export interface ProductFields {
  name: string;
  category?: string;
  price?: bigint;
  unit?: string;
  minOrder?: number;
  description?: string | null;
  photoFileId?: string | null;
  active?: boolean;
  createdAt?: Date;
}

/** A listing, as /produk_baru would save it. */
export async function createProduct(bot: TestBot, exhibitorId: number, fields: ProductFields): Promise<number> {
  const row = await bot.db.prisma.product.create({
    data: {
      exhibitorId,
      name: fields.name,
      category: fields.category ?? 'makanan',
      price: fields.price ?? 15_000n,
      unit: fields.unit ?? 'pcs',
      minOrder: fields.minOrder ?? 1,
      description: fields.description ?? null,
      photoFileId: fields.photoFileId ?? null,
      active: fields.active ?? true,
      ...(fields.createdAt ? { createdAt: fields.createdAt } : {}),
    },
  });
  return row.id;
}

/**
 * A photo file_id Telegram (the simulator) knows: the exhibitor sends a
 * photo, as they would to the product wizard.
 */
export async function photoOf(user: SimUser): Promise<string> {
  const message = await user.sendPhoto();
  const fileId = message.photo?.fileId;
  if (!fileId) throw new Error('the simulator gave the photo no file_id');
  return fileId;
}
