/**
 * Public API of the Bot API simulator: a local fake Telegram server for
 * end-to-end tests and the demo (point `TELEGRAM_API_ROOT` at `sim.start()`).
 */
export { BotApiSimulator, seededRandom } from './bot-api-simulator.js';
export { ChatState } from './chat-state.js';
export type { SimChatType } from './chat-state.js';
export { SimChat, SimUser, inlineButtons } from './sim-user.js';
export type { InlineAnswer, SendOptions, SimUserOptions, TapOptions, TapResult } from './sim-user.js';
export { parseTelegramHtml, parseMarkdownV2, parseMessageText } from './html-check.js';
export type { ParseResult } from './html-check.js';
export { renderTranscript, formatSize } from './transcript.js';
export type {
  ApiErrorBody,
  ApiOkBody,
  ApiResponse,
  BotApiSimulatorOptions,
  FaultAnswer,
  FaultOptions,
  JsonObject,
  SimCall,
  SimEvent,
  SimFile,
  SimInlineButton,
  SimInlineKeyboard,
  SimMessage,
  TranscriptOptions,
  WebhookDelivery,
} from './sim-types.js';
export type { FaultMix } from './bot-api-simulator.js';
