/**
 * Which updates must be handled one after another. Telegram delivers a chat's
 * updates in order, and a conversation (a wizard step, a draft in the
 * session) depends on that order; updates of different chats are independent
 * and may be handled in parallel (the idea of grammY runner's
 * `sequentialize`, made durable by the inbox table).
 */

type Json = Record<string, unknown>;

function objectAt(value: unknown, key: string): Json | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const inner = (value as Json)[key];
  return inner && typeof inner === 'object' ? (inner as Json) : undefined;
}

function idAt(value: Json | undefined): string | undefined {
  const id = value?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : undefined;
}

/** The kinds of update that happen in a chat, each carrying `chat`. */
const CHAT_UPDATES = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'message_reaction',
  'message_reaction_count',
  'chat_boost',
  'removed_chat_boost',
  'business_message',
  'edited_business_message',
] as const;

/**
 * The ordering key of an update: `c<chat id>` for anything that happens in a
 * chat (a button on a message counts as that message's chat), `u<user id>` for
 * what has a user but no chat (inline queries, buttons on inline messages),
 * and `x<update id>` for the rest, which need no order at all.
 */
export function orderKeyOf(update: Json): string {
  for (const kind of CHAT_UPDATES) {
    const chat = idAt(objectAt(objectAt(update, kind), 'chat'));
    if (chat !== undefined) return `c${chat}`;
  }
  const callback = objectAt(update, 'callback_query');
  if (callback) {
    const chat = idAt(objectAt(objectAt(callback, 'message'), 'chat'));
    if (chat !== undefined) return `c${chat}`;
    const user = idAt(objectAt(callback, 'from'));
    if (user !== undefined) return `u${user}`;
  }
  for (const kind of ['inline_query', 'chosen_inline_result', 'shipping_query', 'pre_checkout_query', 'poll_answer']) {
    const user = idAt(objectAt(objectAt(update, kind), kind === 'poll_answer' ? 'user' : 'from'));
    if (user !== undefined) return `u${user}`;
  }
  return `x${String(update.update_id)}`;
}

/** The update's kind (`message`, `callback_query`, …): the first field besides update_id. */
export function updateTypeOf(update: Json): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
}

/**
 * What a body posted to the webhook must be to count as an update: a JSON
 * object with a non-negative integer update_id. Anything else is refused
 * before it reaches the inbox.
 */
export function isUpdateShaped(value: unknown): value is Json & { update_id: number } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const id = (value as Json).update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
}
