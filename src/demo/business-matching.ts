import type { BotApiSimulator, SimMessage, SimUser } from '../simulator/index.js';
import { addDays, formatDateId, localDate } from '../domain/time.js';
import type { OpeningDayCast } from './opening-day.js';

/** The amount Bu Sri's deal from the business meeting becomes; a test checks it. */
export const MEETING_DEAL = { typed: '25 jt', amount: 25_000_000n } as const;

export interface BusinessMatchingOutputs {
  /** The booth QR code Bu Sri printed (a PNG document). */
  qr: SimMessage | undefined;
  /** The visitor who scanned it and shared a contact. */
  visitor: SimUser;
  /** The documents of the official's second /ekspor: now with the meetings sheet. */
  exports: SimMessage[];
}

/**
 * Business matching and booth leads, after the opening day: the official
 * opens matching sessions for tomorrow; Mr. Tan books a meeting with Bu Sri
 * (/meet), she accepts; once the slot is over (`askOutcomes` plays the
 * bot's minute job at that time, so the demo need not wait) she answers
 * "Deal" and the prefilled report is saved in one tap. Bu Sri prints her
 * booth QR; a visitor scans it and shares a contact, and she scores the
 * lead. The official sees it in /peringkat and exports again.
 */
export async function playBusinessMatching(
  sim: BotApiSimulator,
  cast: OpeningDayCast,
  askOutcomes: (at: Date) => Promise<void>,
  now: Date = new Date(),
): Promise<BusinessMatchingOutputs> {
  const { official, sri, buyer } = cast;
  const zone = 'Asia/Jakarta';
  // Tomorrow: always inside the three-day mission, and every slot still ahead.
  const tomorrow = addDays(localDate(now, zone), 1);
  const [year, month, day] = tomorrow.split('-');
  await official.send(`/misi temu ${day}/${month}/${year} 09:00-12:00 20 5`);

  // Mr. Tan searches an exhibitor by name, picks the day and the first slot, and says what he wants.
  await buyer.send('/meet keripik');
  await buyer.tap(formatDateId(tomorrow, 'en'));
  await buyer.tap('09:00');
  await buyer.send('200 packs a month for our shop in Cilegon, private label');
  await waitForText(sim, sri, /Permintaan temu bisnis/);
  await sri.tap('✅ Setuju');
  await waitForText(sim, buyer, /accepted/);

  // 09:20 tomorrow: the slot is over and both sides are asked how it went.
  await askOutcomes(new Date(`${tomorrow}T02:20:00Z`));
  await waitForText(sim, sri, /Bagaimana hasil temu bisnis/);
  await waitForText(sim, buyer, /How did business meeting/);
  await buyer.tap('🔁 Follow up');
  await sri.tap('🤝 Deal');
  await sri.tap('📝 Pesanan / kontrak');
  await sri.send(MEETING_DEAL.typed);
  await sri.tap(/Simpan/);

  // Bu Sri prints her booth QR; a visitor scans it (the deep link in the code) and shares a contact.
  await sri.send('/qr');
  const qr = sri.messages().filter((message) => message.document?.filename?.endsWith('.png')).at(-1);
  const code = /start=(b_[a-z0-9]+)/i.exec(qr?.plain ?? '')?.[1];
  if (!code) throw new Error('the /qr caption has no booth link');
  const visitor = sim.user({ id: 5_300_002, firstName: 'Ibu Maya', lastName: 'Lestari' });
  await visitor.send(`/start ${code}`);
  await visitor.sendContact('0812 9999 0000');
  const notice = await waitForText(sim, sri, /Prospek baru/);
  await sri.tap('5★', { messageId: notice.messageId });

  await official.send('/peringkat');
  const before = official.messages().length;
  await official.send('/ekspor');
  const exports = official.messages().slice(before).filter((message) => message.document);
  return { qr, visitor, exports };
}

/** The bot's pushes (outbox) arrive a moment after the step that queued them. */
async function waitForText(sim: BotApiSimulator, user: SimUser, text: RegExp): Promise<SimMessage> {
  await sim.waitFor((call) => call.method === 'sendMessage' && call.ok && Number(call.params.chat_id) === user.id && text.test(String(call.params.text)), 20_000);
  await sim.settled();
  const message = user.messages().filter((m) => text.test(m.plain)).at(-1);
  if (!message) throw new Error(`no message matching ${text} for ${user.id}`);
  return message;
}
