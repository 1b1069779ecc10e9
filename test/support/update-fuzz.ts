import { Writable } from 'node:stream';
import { CB } from '../../src/views/callback-data.js';
import { COMMANDS } from '../../src/bot/commands.js';
import { inlineButtons, seededRandom, type JsonObject, type SimChat, type SimUser } from '../../src/simulator/index.js';
import type { Provider } from '../../src/db/schema-files.js';
import { startSaleStage, type SaleStage } from './sale-stage.js';

/**
 * Randomized and malformed updates, seeded so a failure can be replayed:
 * forged and stale callback data, buttons on inline messages, edits of aged
 * messages, unknown commands, loose and oversized text, updates without a
 * sender or without text, update kinds the bot never asked for. The bot
 * must answer all of it without one error-level log line.
 * Used by `npm run fuzz` (2,000 updates) and test/e2e/fuzz.test.ts.
 */
export type FuzzKind =
  | 'text'
  | 'command'
  | 'tap-real'
  | 'tap-forged'
  | 'tap-aged'
  | 'tap-inline'
  | 'photo'
  | 'inline-query'
  | 'scenario'
  | 'malformed';

const WEIGHTS: Readonly<Record<FuzzKind, number>> = {
  text: 18,
  command: 20,
  'tap-real': 18,
  'tap-forged': 16,
  'tap-aged': 5,
  'tap-inline': 5,
  photo: 3,
  'inline-query': 4,
  scenario: 3,
  malformed: 11,
};

/** Log lines at error level or above (pino: 50 error, 60 fatal), kept for the report. */
export class ErrorLines extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      try {
        const parsed = JSON.parse(line) as { level?: number };
        if ((parsed.level ?? 0) >= 50) this.lines.push(line);
      } catch {
        this.lines.push(line);
      }
    }
    done();
  }
}

export interface FuzzStage {
  stage: SaleStage;
  errors: ErrorLines;
  exhibitor: SimUser;
  stranger: SimUser;
  english: SimUser;
  group: SimChat;
  stop(): Promise<void>;
}

/** A bot on a fresh database with an active mission, an exhibitor with a product, a stranger, and a group; error lines captured. */
export async function startFuzzStage(provider: Provider, firstUserId: number): Promise<FuzzStage> {
  const errors = new ErrorLines();
  const stage = await startSaleStage(provider, firstUserId, { log: { level: 'warn', destination: errors } });
  const { user: exhibitor, exhibitorId } = await stage.exhibitor({ name: 'Keripik Fuzz' });
  await stage.product(exhibitorId, 'Keripik tempe');
  const stranger = stage.bot.sim.user({ id: firstUserId + 50, firstName: 'Tamu' });
  const english = stage.bot.sim.user({ id: firstUserId + 51, firstName: 'John', languageCode: 'en' });
  const group = stage.bot.sim.group({ title: 'UMKM Fuzz', admins: [stage.official], botIsAdmin: true });
  return { stage, errors, exhibitor, stranger, english, group, stop: () => stage.stop() };
}

const PREFIXES = Object.values(CB);
const COMMAND_NAMES = COMMANDS.flatMap((command) => [command.id, command.en]);
const WORDS = ['kopi', 'keripik', 'tempe', 'Banten', 'jawa timur', 'ya', 'batal', 'halo', 'berapa?', 'pcs', 'x30', 'kontrak', 'loi', 'beli', 'PT Maju', '<b>', '&amp;', '"', "'", '🙂', '👨‍👩‍👧', 'é', '\u202e', '\u0000'];
const AMOUNTS = ['1,5jt', '750rb', '2 M', '1.500.000', 'Rp 1.500.000,00', 'sejuta', '-5', '0', '99999999999999999999', '1e9', '5000 T', 'abc', '1.5.5'];
const NUMBERS = ['0', '1', '-1', '2147483647', '2147483648', '18446744073709551616', '99999999999999999999999', '1.5', 'abc', '', ' ', '00001', '١٢'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function randomText(rand: () => number): string {
  const roll = rand();
  if (roll < 0.08) return pick(rand, ['x', '🙂', '👨‍👩‍👧‍👦', 'é'])!.repeat(1 + Math.floor(rand() * 4500));
  if (roll < 0.4) return `${pick(rand, AMOUNTS)} ${pick(rand, WORDS)} ${Math.floor(rand() * 100)} pcs`;
  const count = 1 + Math.floor(rand() * 6);
  return Array.from({ length: count }, () => pick(rand, [...WORDS, ...AMOUNTS])).join(' ');
}

/**
 * Callback data as a forger or a stale client would send it: half the time a
 * real button's data with its numbers replaced (right prefix and arity, so
 * it reaches the handler), else any prefix with random args.
 */
function forgedData(rand: () => number, real: readonly string[] = []): string {
  if (real.length > 0 && rand() < 0.5) return pick(rand, real).replace(/\d+/g, () => pick(rand, NUMBERS));
  const prefix = pick(rand, PREFIXES);
  const roll = rand();
  if (roll < 0.1) return 'x'.repeat(60 + Math.floor(rand() * 40));
  if (roll < 0.15) return pick(rand, ['', ':', 'unknown:1', '🙂', 'sale:', 'sale:ok', 'pm:ed::1']);
  const arity = Math.floor(rand() * 4);
  const args = Array.from({ length: arity }, () => pick(rand, [...NUMBERS, 'id', 'en', 'full', 'E', 'O', 'makanan', 'JATIM', 'p', 'l']));
  return `${prefix}${args.join(':')}`;
}

/** Updates Telegram may send that carry no sender, no text, or a kind the bot never asked for. */
function malformedUpdate(rand: () => number, fuzz: FuzzStage, seq: number): JsonObject {
  const user = pick(rand, [fuzz.exhibitor, fuzz.stranger, fuzz.english]);
  const chat = { id: user.id, type: 'private', first_name: user.firstName };
  const date = Math.floor(Date.now() / 1000);
  const message = (extra: JsonObject): JsonObject => ({ message_id: 100_000 + seq, date, chat, from: user.raw, ...extra });
  const variants: (() => JsonObject)[] = [
    () => ({ callback_query: { id: `nofrom${seq}`, chat_instance: '1', data: forgedData(rand), message: message({ text: 'x' }) } }),
    () => ({ callback_query: { id: `nodata${seq}`, from: user.raw, chat_instance: '1', game_short_name: 'game', message: message({ text: 'x' }) } }),
    () => ({ callback_query: { id: `inacc${seq}`, from: user.raw, chat_instance: '1', data: forgedData(rand), message: { chat, message_id: 1, date: 0 } } }),
    () => ({ message: message({ sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } }) }),
    () => ({ message: message({ location: { latitude: -6.1, longitude: 106.1 } }) }),
    () => ({ message: message({ text: '' }) }),
    () => ({ message: { message_id: 200_000 + seq, date, chat, text: '/start' } }),
    () => ({ message: message({ text: '/lapor 1jt', entities: [{ type: 'bot_command', offset: 0, length: 999 }] }) }),
    () => ({ edited_message: message({ text: '/lapor 1jt kopi', edit_date: date }) }),
    () => ({ channel_post: { message_id: seq, date, chat: { id: -100777, type: 'channel', title: 'Kanal' }, text: '/progres' } }),
    () => ({ chat_boost: { chat: { id: -100777, type: 'channel', title: 'Kanal' }, boost: { boost_id: 'b', add_date: date, expiration_date: date + 1, source: { source: 'premium', user: user.raw } } } }),
    () => ({ message_reaction: { chat, message_id: 1, date, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }], user: user.raw } }),
    () => ({ my_chat_member: { chat, from: user.raw, date, old_chat_member: { status: 'member', user: user.raw }, new_chat_member: { status: 'kicked', user: user.raw, until_date: 0 } } }),
    () => ({ poll: { id: 'p', question: 'q', options: [], total_voter_count: 0, is_closed: true, is_anonymous: true, type: 'regular', allows_multiple_answers: false } }),
    () => ({ inline_query: { id: `iq${seq}`, query: 'x'.repeat(300), offset: 'abc', chat_type: 'sender' } }),
    () => ({ chosen_inline_result: { result_id: 'p1', from: user.raw, query: 'kopi' } }),
    () => ({ some_future_update: { anything: true } }),
  ];
  return pick(rand, variants)();
}

/** Adds the callback data of every button the bot shows in the fuzz chats. */
function collectData(fuzz: FuzzStage, seen: string[]): void {
  const known = new Set(seen);
  for (const user of [fuzz.exhibitor, fuzz.stranger, fuzz.english, fuzz.stage.official]) {
    for (const message of [...user.messages(), ...user.messages(fuzz.group)]) {
      for (const button of inlineButtons(message)) {
        const data = button.callback_data;
        if (typeof data === 'string' && !known.has(data)) {
          known.add(data);
          seen.push(data);
        }
      }
    }
  }
}

const huge = (rand: () => number) => pick(rand, ['x', 'é', '🙂', 'Jawa Timur ']).repeat(4200 + Math.floor(rand() * 900));

/**
 * Short scripted paths to the deep steps random text rarely reaches, ending
 * in an oversized or odd answer (each action is one update, counted as one).
 */
const SCENARIOS: readonly ((fuzz: FuzzStage, rand: () => number) => Promise<void>)[] = [
  // The sale wizard's last step (the buyer's province) answered with more than 4,096 characters.
  async ({ exhibitor }, rand) => {
    await exhibitor.send('/lapor');
    await exhibitor.send('1 jt');
    await exhibitor.tap(/Investasi|Investment/);
    await exhibitor.tap(/Lewati|Skip/);
    await exhibitor.send('3');
    await exhibitor.send('PT Maju');
    await exhibitor.send(huge(rand));
    await exhibitor.send('/batal');
  },
  // Registration's province step, the same.
  async ({ stranger }, rand) => {
    await stranger.send('/daftar');
    await stranger.send('Usaha Tamu');
    await stranger.send('makanan');
    await stranger.send(huge(rand));
    await stranger.send('/batal');
  },
  // /cari and /lapor with oversized payloads.
  async ({ exhibitor }, rand) => {
    await exhibitor.send(`/cari ${huge(rand)}`);
    await exhibitor.send(`/lapor 1jt ${huge(rand)}`);
  },
  // Officials' commands that quote their argument back, with oversized ones.
  async ({ stage }, rand) => {
    const command = pick(rand, ['pengumuman', 'target', 'verifikasi', 'batal', 'undang', 'peserta', 'langganan', 'ringkasan']);
    await stage.official.send(`/${command} ${huge(rand)}`);
  },
  // A new product whose every answer is oversized.
  async ({ exhibitor }, rand) => {
    await exhibitor.send('/produk_baru');
    for (let step = 0; step < 4; step++) await exhibitor.send(huge(rand));
    await exhibitor.send('/batal');
  },
];

/**
 * Runs fuzz steps until the bot has received `count` updates (a scripted
 * path is several; an update kind the bot did not ask for is dropped by
 * Telegram, so none); returns how many steps of each kind ran.
 */
export async function runFuzz(fuzz: FuzzStage, seed: number, count: number): Promise<Record<FuzzKind, number>> {
  const rand = seededRandom(seed);
  const kinds = Object.keys(WEIGHTS) as FuzzKind[];
  const total = kinds.reduce((sum, kind) => sum + WEIGHTS[kind], 0);
  const counts = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<FuzzKind, number>;
  const { sim } = fuzz.stage.bot;
  const people = [fuzz.exhibitor, fuzz.stranger, fuzz.english, fuzz.stage.official];
  // Every callback data the bot has shown so far: the material forged and inline taps are made of.
  const seenData: string[] = [];
  const start = sim.acknowledged;
  for (let seq = 0; sim.acknowledged - start < count && seq < count * 2; seq++) {
    if (seq % 20 === 0) collectData(fuzz, seenData);
    let roll = rand() * total;
    const kind = kinds.find((candidate) => (roll -= WEIGHTS[candidate]) < 0) ?? 'text';
    counts[kind] += 1;
    const user = pick(rand, people);
    const inGroup = rand() < 0.15;
    const chat = inGroup ? { chat: fuzz.group } : {};
    switch (kind) {
      case 'text':
        await user.send(randomText(rand), chat);
        break;
      case 'command': {
        const name = rand() < 0.75 ? pick(rand, [...COMMAND_NAMES, 'cancel', 'batal']) : pick(rand, ['foo', 'x'.repeat(40), 'Lapor', 'start_', '123']);
        const mention = rand() < 0.2 ? `@${sim.botUsername}` : '';
        const payload = rand() < 0.5 ? ` ${randomText(rand)}` : '';
        await user.send(`/${name}${mention}${payload}`, chat);
        break;
      }
      case 'tap-real':
      case 'tap-aged': {
        const withButtons = user.messages(inGroup ? fuzz.group : undefined).filter((m) => inlineButtons(m).some((b) => typeof b.callback_data === 'string'));
        const message = withButtons.at(-1 - Math.floor(rand() * Math.min(3, withButtons.length)));
        if (!message) {
          await user.send('/start');
          break;
        }
        if (kind === 'tap-aged') sim.ageMessage(message.chatId, message.messageId);
        const button = pick(rand, inlineButtons(message).filter((b) => typeof b.callback_data === 'string'));
        await user.tapData(String(button.callback_data), { messageId: message.messageId, ...chat });
        break;
      }
      case 'tap-forged':
        if (user.messages(inGroup ? fuzz.group : undefined).length === 0) await user.send('/bantuan', chat);
        await user.tapData(forgedData(rand, seenData), chat);
        break;
      case 'tap-inline':
        // Real data from the bot's own buttons reaches the handlers, which must not try to reply in a chat there is none of.
        await user.tapInline(rand() < 0.6 && seenData.length > 0 ? pick(rand, seenData) : forgedData(rand, seenData));
        break;
      case 'scenario':
        // A path the random taps before it have blocked (the mission closed, say) ends early; that is not the bot's error.
        await pick(rand, SCENARIOS)(fuzz, rand).catch((error: unknown) => {
          if (!(error instanceof Error && error.message.includes('found no inline button'))) throw error;
        });
        break;
      case 'photo':
        await user.sendPhoto({ caption: randomText(rand).slice(0, 1024), ...chat });
        break;
      case 'inline-query':
        await user.inlineQuery(randomText(rand).slice(0, 256), pick(rand, ['', '0', '5', '-1', 'abc', '99999999999']));
        break;
      case 'malformed':
        sim.pushUpdate(malformedUpdate(rand, fuzz, seq));
        await sim.settled();
        break;
    }
  }
  return counts;
}
