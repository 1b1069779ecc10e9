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

/** `/lapor <line>` and the confirming tap. */
export async function reportSale(owner: SimUser, line: string): Promise<void> {
  await owner.send(`/lapor ${line}`);
  await owner.tap(/Simpan|Save/);
}
