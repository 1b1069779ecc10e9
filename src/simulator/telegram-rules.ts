/**
 * Telegram's rules as data and small pure checks: limits, error texts,
 * reply_markup validation. Kept apart so the server file stays about HTTP
 * and state.
 */

import { ApiError } from './http-params.js';
import type { ApiErrorBody, JsonObject } from './sim-types.js';

// Telegram's limits (https://core.telegram.org/bots/api).
export const MAX_TEXT_LENGTH = 4096; // sendMessage text, after entity parsing
export const MAX_CAPTION_LENGTH = 1024; // media captions, after entity parsing
export const MAX_CALLBACK_DATA_BYTES = 64; // callback_data, 1-64 bytes
export const MAX_CALLBACK_ANSWER_LENGTH = 200; // answerCallbackQuery text
export const MAX_INLINE_RESULTS = 50; // answerInlineQuery results
export const MAX_GETFILE_BYTES = 20 * 1024 * 1024; // getFile downloads for bots
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024; // sendPhoto uploads
export const MAX_UPDATES_PER_CALL = 100; // getUpdates limit

// Update types Telegram leaves out when allowed_updates is empty (the default).
export const OPT_IN_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

// Real Bot API methods the simulator does not model: recorded, answered `true`.
export const OTHER_METHODS = `logOut close forwardMessage forwardMessages copyMessage copyMessages sendAudio sendVideo
sendAnimation sendVoice sendVideoNote sendPaidMedia sendMediaGroup sendLocation sendVenue sendContact sendPoll sendDice
setMessageReaction getUserProfilePhotos banChatMember kickChatMember unbanChatMember restrictChatMember
promoteChatMember setChatAdministratorCustomTitle banChatSenderChat unbanChatSenderChat setChatPermissions
exportChatInviteLink createChatInviteLink editChatInviteLink createChatSubscriptionInviteLink
editChatSubscriptionInviteLink revokeChatInviteLink approveChatJoinRequest declineChatJoinRequest setChatPhoto
deleteChatPhoto setChatTitle setChatDescription unpinAllChatMessages leaveChat getChatMemberCount
getChatMembersCount setChatStickerSet deleteChatStickerSet getForumTopicIconStickers createForumTopic editForumTopic
closeForumTopic reopenForumTopic deleteForumTopic unpinAllForumTopicMessages editGeneralForumTopic
closeGeneralForumTopic reopenGeneralForumTopic hideGeneralForumTopic unhideGeneralForumTopic
unpinAllGeneralForumTopicMessages getUserChatBoosts getBusinessConnection setMyName getMyName setMyDescription
getMyDescription setMyShortDescription getMyShortDescription setChatMenuButton getChatMenuButton
setMyDefaultAdministratorRights getMyDefaultAdministratorRights editMessageMedia editMessageLiveLocation
stopMessageLiveLocation stopPoll sendSticker getStickerSet getCustomEmojiStickers uploadStickerFile
createNewStickerSet addStickerToSet setStickerPositionInSet deleteStickerFromSet replaceStickerInSet
setStickerEmojiList setStickerKeywords setStickerMaskPosition setStickerSetTitle setStickerSetThumbnail
setCustomEmojiStickerSetThumbnail deleteStickerSet answerWebAppQuery savePreparedInlineMessage sendInvoice
createInvoiceLink answerShippingQuery answerPreCheckoutQuery getStarTransactions refundStarPayment
editUserStarSubscription setPassportDataErrors sendGame setGameScore getGameHighScores setUserEmojiStatus
getAvailableGifts sendGift verifyUser verifyChat removeUserVerification removeChatVerification`.split(/\s+/);

/** Telegram's answer to an edit that changes nothing. */
export const NOT_MODIFIED =
  'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
/** Telegram's answer to an unknown, expired or already answered query. */
export const QUERY_TOO_OLD = 'Bad Request: query is too old and response timeout expired or query ID is invalid';

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A parameter as a string; numbers count, since forms carry them as text. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** A parameter as an integer, whether it came as JSON number or form text. */
export function int(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : undefined;
}

/** Telegram's usual 400 answer. */
export function bad(description: string, parameters?: ApiErrorBody['parameters']): ApiError {
  return new ApiError(400, `Bad Request: ${description}`, parameters);
}

/** The simulator only POSTs to this machine: a test must never reach a real host. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Magic numbers of the image formats Telegram accepts for sendPhoto (SVG is refused). */
export function looksLikeImage(bytes: Buffer): boolean {
  const hex = bytes.subarray(0, 12).toString('hex');
  return (
    hex.startsWith('ffd8ff') || // JPEG
    hex.startsWith('89504e470d0a1a0a') || // PNG
    hex.startsWith('47494638') || // GIF
    (hex.startsWith('52494646') && bytes.subarray(8, 12).toString('latin1') === 'WEBP') ||
    hex.startsWith('424d') // BMP
  );
}

/** Checks a reply_markup like Telegram; returns it, or undefined when absent. */
export function checkReplyMarkup(markup: unknown): JsonObject | undefined {
  if (markup === undefined || markup === null || markup === '') return undefined;
  if (!isObject(markup)) throw bad("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in markup) {
    const rows = markup.inline_keyboard;
    if (!Array.isArray(rows)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array');
    for (const row of rows) {
      if (!Array.isArray(row)) throw bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
      for (const button of row) {
        if (!isObject(button) || typeof button.text !== 'string') throw bad("can't parse inline keyboard button: Field \"text\" must be of type String");
        if (button.text.trim() === '') throw bad('BUTTON_TEXT_INVALID');
        const actions = [
          'callback_data',
          'url',
          'switch_inline_query',
          'switch_inline_query_current_chat',
          'switch_inline_query_chosen_chat',
          'login_url',
          'web_app',
          'callback_game',
          'pay',
          'copy_text',
        ].filter((k) => button[k] !== undefined);
        if (actions.length === 0) throw bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        if (button.callback_data !== undefined) {
          const data = button.callback_data;
          const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : 0;
          if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw bad('BUTTON_DATA_INVALID');
        }
        if (button.url !== undefined) {
          const url = str(button.url) ?? '';
          let valid = false;
          try {
            valid = ['http:', 'https:', 'tg:'].includes(new URL(url).protocol);
          } catch {
            valid = false;
          }
          if (!valid) throw bad(`inline keyboard button URL '${url}' is invalid: Wrong HTTP URL`);
        }
      }
    }
  } else if ('keyboard' in markup) {
    if (!Array.isArray(markup.keyboard) || !markup.keyboard.every(Array.isArray)) {
      throw bad('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
    }
  } else if (!('remove_keyboard' in markup) && !('force_reply' in markup)) {
    throw bad("can't parse reply keyboard markup JSON object");
  }
  return markup;
}

/** setMyCommands stores one list per scope and language, like Telegram. */
export function commandsKey(scope: unknown, languageCode: string | undefined): string {
  const type = isObject(scope) ? JSON.stringify(scope) : JSON.stringify({ type: 'default' });
  return `${type}|${languageCode ?? ''}`;
}

/** Telegram's chat_instance: stable per chat and bot, opaque. */
export function chatInstance(chatId: number, botId: number): string {
  return String((BigInt(Math.abs(chatId)) * 2654435761n + BigInt(botId)) % 9007199254740881n);
}

/** A short label for diagnostics: `message "/start" from Bu Sri`. */
export function describeUpdate(update: JsonObject): string {
  const [type, body] = Object.entries(update).find(([k]) => k !== 'update_id') ?? ['unknown', {}];
  const payload = isObject(body) ? body : {};
  const from = isObject(payload.from)
    ? [str(payload.from.first_name), str(payload.from.last_name)].filter(Boolean).join(' ')
    : undefined;
  const what =
    str(payload.text) ?? str(payload.data) ?? str(payload.query) ?? str(payload.caption) ?? (payload.photo ? '[photo]' : undefined);
  return `${type}${what !== undefined ? ` "${what.length > 40 ? `${what.slice(0, 39)}…` : what}"` : ''}${from ? ` from ${from}` : ''}`;
}
