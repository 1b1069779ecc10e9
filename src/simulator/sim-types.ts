/**
 * Types shared by the Bot API simulator. They describe Telegram objects only
 * as far as the simulator reads or writes them; everything else passes
 * through untouched as JSON.
 */

/** Any JSON object as it travels over the Bot API. */
export type JsonObject = Record<string, unknown>;

/** What Telegram answers on failure; the HTTP status equals `error_code`. */
export interface ApiErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** What Telegram answers on success. */
export interface ApiOkBody {
  ok: true;
  result: unknown;
  description?: string;
}

export type ApiResponse = ApiOkBody | ApiErrorBody;

/** One API call the bot made, in the order the simulator finished answering them. */
export interface SimCall {
  /** Method name as the bot spelled it in the URL (Telegram ignores case). */
  method: string;
  /** Parameters after decoding (JSON, form or multipart; numbers and objects restored). */
  params: JsonObject;
  /** When the answer was sent. */
  at: Date;
  ok: boolean;
  response: ApiResponse;
}

/** A file the simulator knows: uploaded by the bot, or sent by a simulated user. */
export interface SimFile {
  fileId: string;
  fileUniqueId: string;
  kind: 'photo' | 'document';
  filename?: string;
  mimeType?: string;
  /** Present when the bot uploaded the file (multipart) or a test supplied bytes. */
  bytes?: Buffer;
  size: number;
  /** Path served under `/file/bot<token>/<filePath>` (what getFile returns). */
  filePath: string;
}

/** An inline keyboard button as Telegram stores it. */
export interface SimInlineButton {
  text: string;
  callback_data?: string;
  url?: string;
  switch_inline_query?: string;
  switch_inline_query_current_chat?: string;
  [key: string]: unknown;
}

export interface SimInlineKeyboard {
  inline_keyboard: SimInlineButton[][];
}

/** A message as users see it now (edits applied, deletion flagged). */
export interface SimMessage {
  messageId: number;
  chatId: number;
  /** `'bot'` or the id of the user who sent it. */
  fromId: number | 'bot';
  date: number;
  /** Raw text or caption as sent (with HTML tags when `parseMode` is HTML). */
  text?: string;
  caption?: string;
  parseMode?: string;
  /** Text or caption with tags stripped and entities decoded: what tests assert on. */
  plain: string;
  entities?: JsonObject[];
  replyMarkup?: JsonObject;
  photo?: SimFile;
  document?: SimFile;
  contact?: { phone_number: string; first_name: string; user_id?: number };
  replyToMessageId?: number;
  /** How many times the bot edited it. */
  edited: number;
  deleted: boolean;
  /** Older than Telegram's 48 hours (see `ageMessage`): edits answer 400 "message can't be edited". */
  tooOldToEdit?: boolean;
  /** The Telegram `Message` object as the bot would receive it now. */
  raw: JsonObject;
}

/** Options of {@link BotApiSimulator}'s constructor. */
export interface BotApiSimulatorOptions {
  token?: string;
  botId?: number;
  botUsername?: string;
  botFirstName?: string;
  /** Default timeout of `settled()` and of the user actions that wait on it. */
  settleTimeoutMs?: number;
  /**
   * Telegram's group privacy mode (default on, as for every new bot): in
   * groups the bot receives only commands, replies to its own messages and
   * mentions of it. Other group messages are shown in the transcript but not
   * delivered.
   */
  privacyMode?: boolean;
}

/** An error answer to inject with `sim.fail()`. */
export interface FaultAnswer {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export interface FaultOptions {
  /** How many matching calls the fault affects (default 1). */
  times?: number;
  /** Only calls whose `chat_id` is this chat. */
  chatId?: number;
}

/** One line (or block) of the human-readable conversation. */
export interface SimEvent {
  at: Date;
  kind:
    | 'user-message'
    | 'bot-message'
    | 'bot-edit'
    | 'bot-delete'
    | 'tap'
    | 'tap-answer'
    | 'inline-query'
    | 'inline-answer'
    | 'api-error'
    | 'note';
  chatId?: number;
  /** Readable text, possibly several lines (buttons go on their own lines). */
  line: string;
}

export interface TranscriptOptions {
  /** Only events of this chat. */
  chat?: number | { id: number };
  /** Prefix lines with `HH:MM:SS` (default false). */
  timestamps?: boolean;
  /** Include failed API calls (default true). */
  errors?: boolean;
}

/** A webhook POST attempt, for tests of webhook mode. */
export interface WebhookDelivery {
  updateId: number;
  at: Date;
  status?: number;
  error?: string;
}
