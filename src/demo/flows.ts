import type { SimUser } from '../simulator/index.js';

/**
 * The bot's conversations as a person has them, step by step through the Bot
 * API simulator. The demo plays them; end-to-end tests use them to set the
 * stage and then test their own flow in detail.
 */
export interface MissionAnswers {
  name: string;
  origin: string;
  host: string;
  city: string;
  start: string;
  end: string;
  /** A button label: WIB, WITA or WIT. */
  timeZone: string;
  target: string;
}

export async function createMissionByChat(official: SimUser, answers: MissionAnswers): Promise<void> {
  await official.send('/misi');
  // /misi opens the officials' menu; its first button starts the creating wizard.
  await official.tap(/Buat misi baru|New mission/);
  await official.send(answers.name);
  await official.send(answers.origin);
  await official.send(answers.host);
  await official.send(answers.city);
  await official.send(answers.start);
  await official.send(answers.end);
  await official.tap(new RegExp(`^(✅ )?${answers.timeZone}$`));
  await official.send(answers.target);
  await official.tap(/Simpan|Save/);
}

export interface BusinessAnswers {
  name: string;
  /** The category button label, e.g. "Makanan". */
  category: string;
  province: string;
  city: string;
  phone: string;
  /** Undefined taps "skip". */
  booth?: string;
}

export async function registerByChat(owner: SimUser, answers: BusinessAnswers): Promise<void> {
  await owner.send('/daftar');
  await owner.send(answers.name);
  await owner.tap(new RegExp(answers.category));
  await owner.send(answers.province);
  await owner.send(answers.city);
  await owner.sendContact(answers.phone);
  if (answers.booth === undefined) await owner.tap(/Lewati|Skip/);
  else await owner.send(answers.booth);
  await owner.tap(/Simpan|Save/);
}

export interface ProductAnswers {
  name: string;
  /** A category button label (e.g. "Makanan", "Drinks"); undefined taps the suggested one (the business's own category). */
  category?: string;
  /** Typed the way people type it: "15rb", "1,5 jt". */
  price: string;
  /** A unit button (pcs, kg, botol, bungkus, dus, kodi, lusin, paket) is tapped; anything else is typed. */
  unit: string;
  /** Undefined taps the "1 <unit>" button. */
  minOrder?: string;
  /** Undefined taps "skip". */
  description?: string;
  /** True sends a photo (the simulator's default picture, or these bytes); undefined or false skips. */
  photo?: boolean | Buffer;
}

const PRODUCT_UNIT_BUTTONS = new Set(['pcs', 'kg', 'botol', 'bungkus', 'dus', 'kodi', 'lusin', 'paket']);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `/produk_baru` answered step by step, then Save. The owner must be a registered exhibitor. */
export async function createProductByChat(owner: SimUser, answers: ProductAnswers): Promise<void> {
  await owner.send('/produk_baru');
  await owner.send(answers.name);
  if (answers.category === undefined) await owner.tap(/^✅ /);
  else await owner.tap(new RegExp(`^(✅ )?\\S+ ${escapeRegExp(answers.category)}$`));
  await owner.send(answers.price);
  if (PRODUCT_UNIT_BUTTONS.has(answers.unit)) await owner.tap(answers.unit);
  else await owner.send(answers.unit);
  if (answers.minOrder === undefined) await owner.tap(new RegExp(`^1 ${escapeRegExp(answers.unit.toLowerCase())}$`));
  else await owner.send(answers.minOrder);
  if (answers.description === undefined) await owner.tap(/Lewati|Skip/);
  else await owner.send(answers.description);
  if (answers.photo) await owner.sendPhoto(Buffer.isBuffer(answers.photo) ? { bytes: answers.photo } : {});
  else await owner.tap(/Lewati|Skip/);
  await owner.tap(/Simpan|Save/);
}

/** `/lapor <line>` and the confirming tap. */
export async function reportSale(owner: SimUser, line: string): Promise<void> {
  await owner.send(`/lapor ${line}`);
  await owner.tap(/Simpan|Save/);
}
