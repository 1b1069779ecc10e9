/**
 * Simulated Telegram users and group chats: what an end-to-end test does with
 * its thumbs. Each action queues the update Telegram would send and resolves
 * once the bot has finished handling it.
 */

import type { ChatState } from './chat-state.js';
import type { JsonObject, SimInlineButton, SimMessage } from './sim-types.js';

/** What the simulator lends to users and chats; implemented by `BotApiSimulator`. */
export interface UserHost {
  readonly botUsername: string;
  chatState(id: number): ChatState;
  /** Records a user's message in the chat and delivers it (unless privacy mode hides it). */
  userMessage(user: SimUser, chat: ChatState, content: JsonObject): SimMessage;
  /** Queues a callback query; returns its id. */
  callbackQuery(user: SimUser, chat: ChatState, message: SimMessage, data: string, label: string): string;
  /** Queues a callback query from a button on an inline message (no `message`, only `inline_message_id`); returns its id. */
  inlineCallbackQuery(user: SimUser, inlineMessageId: string, data: string): string;
  /** Queues an inline query; returns its id. */
  inlineQuery(user: SimUser, query: string, offset: string): string;
  callbackAnswer(queryId: string): JsonObject | undefined;
  inlineAnswer(queryId: string): JsonObject | undefined;
  settled(): Promise<void>;
  registerUserFile(file: {
    kind: 'photo' | 'document';
    filename?: string;
    mimeType?: string;
    bytes: Buffer;
  }): { fileId: string; fileUniqueId: string; filePath: string };
}

/** Options of `sim.user()`. */
export interface SimUserOptions {
  id?: number;
  firstName: string;
  lastName?: string;
  username?: string;
  /** IETF language tag the client reports (default `id`, Bahasa Indonesia). */
  languageCode?: string;
  /**
   * The user already talked to the bot before the test. Telegram refuses to
   * let a bot write first (403 "bot can't initiate conversation with a
   * user"); default false, the user's first private message opens the chat.
   */
  startedBot?: boolean;
}

export interface SendOptions {
  /** Group to write in (default: the private chat with the bot). */
  chat?: SimChat;
  /** message_id this message replies to. */
  replyTo?: number;
}

export interface TapOptions {
  chat?: SimChat;
  /** Tap on this message instead of the newest one with a matching button. */
  messageId?: number;
}

/** The bot's `answerCallbackQuery` for a tap, and the message tapped. */
export interface TapResult {
  answer?: { text?: string; show_alert?: boolean; url?: string; cache_time?: number };
  message: SimMessage;
  data: string;
}

/** The bot's `answerInlineQuery` parameters. */
export interface InlineAnswer {
  results: JsonObject[];
  next_offset?: string;
  cache_time?: number;
  is_personal?: boolean;
  button?: JsonObject;
}

// A 1x1 PNG: what a user "photographs" when a test gives no bytes.
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function chatIdOf(chat: SimChat | number | undefined, fallback: number): number {
  if (chat === undefined) return fallback;
  return typeof chat === 'number' ? chat : chat.id;
}

/** A group or a private chat, as handed to tests. */
export class SimChat {
  constructor(
    private readonly host: UserHost,
    readonly id: number,
  ) {}

  /** Live state: all messages, flags. */
  get state(): ChatState {
    return this.host.chatState(this.id);
  }

  get title(): string {
    return this.state.title;
  }

  get type(): ChatState['type'] {
    return this.state.type;
  }

  /** The bot's messages still visible in this chat, oldest first. */
  messages(): SimMessage[] {
    return this.state.botMessages.filter((m) => !m.deleted);
  }

  lastMessage(): SimMessage | undefined {
    return this.messages().at(-1);
  }

  /** Plain text (tags stripped) of the newest visible bot message, or undefined. */
  lastText(): string | undefined {
    return this.lastMessage()?.plain;
  }
}

/** A simulated Telegram user. Actions resolve when the bot has handled them. */
export class SimUser {
  readonly id: number;
  readonly firstName: string;
  readonly lastName: string | undefined;
  readonly username: string | undefined;
  readonly languageCode: string;
  /** The private chat with the bot (chat id = user id, as in Telegram). */
  readonly privateChat: SimChat;

  constructor(
    private readonly host: UserHost,
    options: Required<Pick<SimUserOptions, 'id' | 'firstName'>> & SimUserOptions,
  ) {
    this.id = options.id;
    this.firstName = options.firstName;
    this.lastName = options.lastName;
    this.username = options.username;
    this.languageCode = options.languageCode ?? 'id';
    this.privateChat = new SimChat(host, this.id);
  }

  /** Full name as Telegram clients show it. */
  get name(): string {
    return this.lastName ? `${this.firstName} ${this.lastName}` : this.firstName;
  }

  /** The Telegram `User` object put into updates. */
  get raw(): JsonObject {
    const user: JsonObject = { id: this.id, is_bot: false, first_name: this.firstName };
    if (this.lastName) user.last_name = this.lastName;
    if (this.username) user.username = this.username;
    user.language_code = this.languageCode;
    return user;
  }

  private chatOf(chat: SimChat | undefined): ChatState {
    return this.host.chatState(chat?.id ?? this.id);
  }

  private async deliver(chat: SimChat | undefined, content: JsonObject, replyTo?: number): Promise<SimMessage> {
    const state = this.chatOf(chat);
    if (replyTo !== undefined) {
      const target = state.message(replyTo);
      if (!target) throw new Error(`${this.name} cannot reply to message ${replyTo}: no such message in chat ${state.id}`);
      content.reply_to_message = target.raw;
    }
    const message = this.host.userMessage(this, state, content);
    await this.host.settled();
    return message;
  }

  /**
   * Sends a text message. Text starting with `/` carries a `bot_command`
   * entity for its first word (`/lapor` or `/lapor@misi_dagang_bot`).
   */
  send(text: string, options: SendOptions = {}): Promise<SimMessage> {
    const content: JsonObject = { text };
    const entities: JsonObject[] = [];
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
    for (const mention of text.matchAll(/(^|[^\w/])(@[A-Za-z][A-Za-z0-9_]{3,31})/g)) {
      const offset = (mention.index ?? 0) + (mention[1]?.length ?? 0);
      entities.push({ type: 'mention', offset, length: (mention[2] ?? '').length });
    }
    if (entities.length > 0) content.entities = entities;
    return this.deliver(options.chat, content, options.replyTo);
  }

  /** Sends a photo (three sizes, fresh file ids), optionally with a caption and real bytes. */
  sendPhoto(options: { caption?: string; chat?: SimChat; bytes?: Buffer; replyTo?: number } = {}): Promise<SimMessage> {
    const bytes = options.bytes ?? TINY_PNG;
    const file = this.host.registerUserFile({ kind: 'photo', bytes });
    const content: JsonObject = { photo: photoSizes(file.fileId, file.fileUniqueId, bytes.length) };
    if (options.caption !== undefined) content.caption = options.caption;
    return this.deliver(options.chat, content, options.replyTo);
  }

  /** Shares a phone number (Telegram's "share contact" button). */
  sendContact(
    phone: string,
    options: { chat?: SimChat; firstName?: string; lastName?: string; userId?: number } = {},
  ): Promise<SimMessage> {
    const contact: JsonObject = {
      phone_number: phone,
      first_name: options.firstName ?? this.firstName,
      user_id: options.userId ?? this.id,
    };
    const lastName = options.lastName ?? (options.firstName === undefined ? this.lastName : undefined);
    if (lastName) contact.last_name = lastName;
    return this.deliver(options.chat, { contact });
  }

  /** Sends a file as a document; `bytes` defaults to a small text body. */
  sendDocument(
    filename: string,
    options: { bytes?: Buffer | string; mimeType?: string; caption?: string; chat?: SimChat } = {},
  ): Promise<SimMessage> {
    const bytes =
      options.bytes === undefined
        ? Buffer.from(`contents of ${filename}\n`)
        : typeof options.bytes === 'string'
          ? Buffer.from(options.bytes)
          : options.bytes;
    const mimeType = options.mimeType ?? 'application/octet-stream';
    const file = this.host.registerUserFile({ kind: 'document', filename, mimeType, bytes });
    const content: JsonObject = {
      document: {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        file_name: filename,
        mime_type: mimeType,
        file_size: bytes.length,
      },
    };
    if (options.caption !== undefined) content.caption = options.caption;
    return this.deliver(options.chat, content);
  }

  /**
   * Taps an inline button by its label (exact text or RegExp) on the newest
   * bot message that shows one, and returns the bot's answer to the tap.
   */
  async tap(button: string | RegExp, options: TapOptions = {}): Promise<TapResult> {
    const state = this.chatOf(options.chat);
    const matches = (b: SimInlineButton): boolean =>
      typeof button === 'string' ? b.text === button : button.test(b.text);
    const candidates = state.botMessages
      .filter((m) => !m.deleted && (options.messageId === undefined || m.messageId === options.messageId))
      .reverse();
    for (const message of candidates) {
      const found = inlineButtons(message).find(matches);
      if (!found) continue;
      if (typeof found.callback_data !== 'string') {
        const kind = Object.keys(found).filter((k) => k !== 'text' && k !== 'hide').join(', ') || 'no action';
        throw new Error(`${this.name} tapped «${found.text}» but it is not a callback button (${kind}): it sends nothing to the bot`);
      }
      return this.sendTap(state, message, found.callback_data, `«${found.text}»`);
    }
    const available = candidates
      .filter((m) => inlineButtons(m).length > 0)
      .slice(0, 5)
      .map((m) => `  message ${m.messageId}: ${inlineButtons(m).map((b) => `«${b.text}»`).join(' ')}`);
    const where = options.messageId === undefined ? `chat ${state.title} (${state.id})` : `message ${options.messageId} of chat ${state.id}`;
    throw new Error(
      `${this.name} found no inline button matching ${String(button)} in ${where}.` +
        (available.length > 0 ? `\nButtons available (newest first):\n${available.join('\n')}` : ' The bot shows no inline keyboard there.'),
    );
  }

  /** Sends a callback query with arbitrary data, as a stale or forged button would. */
  async tapData(data: string, options: TapOptions = {}): Promise<TapResult> {
    const state = this.chatOf(options.chat);
    const visible = state.botMessages.filter((m) => !m.deleted);
    const message =
      options.messageId !== undefined
        ? visible.find((m) => m.messageId === options.messageId)
        : (visible.filter((m) => inlineButtons(m).length > 0).at(-1) ?? visible.at(-1));
    if (!message) throw new Error(`${this.name} cannot tap: no bot message in chat ${state.id}`);
    return this.sendTap(state, message, data, `data "${data}"`);
  }

  /**
   * Taps a button with `data` on an inline message (a result of `@bot …`
   * sent into some chat): Telegram then sends `inline_message_id` and no
   * `message`. Resolves with the bot's answer to the tap.
   */
  async tapInline(data: string, inlineMessageId = 'AgAAAFsim-inline-message'): Promise<Omit<TapResult, 'message'>> {
    const queryId = this.host.inlineCallbackQuery(this, inlineMessageId, data);
    await this.host.settled();
    return { data, ...answerOf(this.host.callbackAnswer(queryId)) };
  }

  private async sendTap(state: ChatState, message: SimMessage, data: string, label: string): Promise<TapResult> {
    const queryId = this.host.callbackQuery(this, state, message, data, label);
    await this.host.settled();
    return { message, data, ...answerOf(this.host.callbackAnswer(queryId)) };
  }

  /** Types `@bot query` in any chat; resolves with the bot's answer, if any. */
  async inlineQuery(query: string, offset = ''): Promise<InlineAnswer | undefined> {
    const queryId = this.host.inlineQuery(this, query, offset);
    await this.host.settled();
    return this.host.inlineAnswer(queryId) as InlineAnswer | undefined;
  }

  /** The bot's visible messages in a chat (default: the private chat), oldest first. */
  messages(chat?: SimChat | number): SimMessage[] {
    return this.host
      .chatState(chatIdOf(chat, this.id))
      .botMessages.filter((m) => !m.deleted);
  }

  lastMessage(chat?: SimChat | number): SimMessage | undefined {
    return this.messages(chat).at(-1);
  }

  /** Plain text of the newest visible bot message (what the user reads). */
  lastText(chat?: SimChat | number): string | undefined {
    return this.lastMessage(chat)?.plain;
  }

  /** The user blocks the bot: sends to the private chat answer 403 from now on. */
  block(): void {
    this.host.chatState(this.id).blocked = true;
  }

  /** The user unblocks the bot (sending a message does this too, like the Restart button). */
  unblock(): void {
    this.host.chatState(this.id).blocked = false;
  }
}

/** All inline buttons of a message, row by row. */
/** The parts of a callback answer a test asserts on. */
function answerOf(answer: JsonObject | undefined): Pick<TapResult, 'answer'> {
  if (!answer) return {};
  const picked: NonNullable<TapResult['answer']> = {};
  if (typeof answer.text === 'string') picked.text = answer.text;
  if (typeof answer.show_alert === 'boolean') picked.show_alert = answer.show_alert;
  if (typeof answer.url === 'string') picked.url = answer.url;
  if (typeof answer.cache_time === 'number') picked.cache_time = answer.cache_time;
  return { answer: picked };
}

export function inlineButtons(message: SimMessage): SimInlineButton[] {
  const rows = message.replyMarkup?.inline_keyboard;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown) => (Array.isArray(row) ? (row as SimInlineButton[]) : []));
}

/** Three PhotoSize entries like Telegram generates for one photo. */
export function photoSizes(fileId: string, fileUniqueId: string, size: number): JsonObject[] {
  const dims: [number, number, number][] = [
    [90, 68, 0.05],
    [320, 240, 0.25],
    [1280, 960, 1],
  ];
  return dims.map(([width, height, share], index) => ({
    file_id: index === 2 ? fileId : `${fileId}_s${index}`,
    file_unique_id: index === 2 ? fileUniqueId : `${fileUniqueId}_s${index}`,
    file_size: Math.max(1, Math.round(size * share)),
    width,
    height,
  }));
}
