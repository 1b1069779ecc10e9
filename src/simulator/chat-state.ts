import type { JsonObject, SimMessage } from './sim-types.js';

export type SimChatType = 'private' | 'group' | 'supergroup';

/**
 * One chat as Telegram holds it: every message in it (users' and the bot's,
 * with one message_id sequence per chat, as in Telegram) and the flags that
 * decide whether the bot may still write there.
 */
export class ChatState {
  /** Messages in the order they were sent; edits change them in place. */
  readonly messages: SimMessage[] = [];
  /** Ids of messages the bot pinned, oldest first. */
  readonly pinnedMessageIds: number[] = [];
  /** Users who are administrators (groups only). */
  readonly adminIds = new Set<number>();
  /** The user blocked the bot (private chats): sends answer 403. */
  blocked = false;
  /** The user has written to the bot at least once (private chats); before that Telegram refuses with 403. */
  started = false;
  /** The bot is an administrator of the group: privacy mode does not apply to it. */
  botIsAdmin = false;
  /** The bot was removed from the group: sends answer 403. */
  botKicked = false;
  /** Set by `migrateGroup`: sends answer 400 with `migrate_to_chat_id`. */
  migratedTo: number | undefined;
  private nextMessageId = 1;

  constructor(
    readonly id: number,
    readonly type: SimChatType,
    /** Group title, or the user's full name for a private chat. */
    readonly title: string,
    /** The Telegram `Chat` object as put into updates and messages. */
    readonly chat: JsonObject,
  ) {}

  /** Telegram numbers messages per chat, users' and bot's alike. */
  takeMessageId(): number {
    const id = this.nextMessageId;
    this.nextMessageId += 1;
    return id;
  }

  /** The bot's messages (deleted ones included, flagged). */
  get botMessages(): SimMessage[] {
    return this.messages.filter((m) => m.fromId === 'bot');
  }

  /** Messages the users sent in this chat. */
  get userMessages(): SimMessage[] {
    return this.messages.filter((m) => m.fromId !== 'bot');
  }

  /** The message with this id, deleted or not. */
  message(messageId: number): SimMessage | undefined {
    return this.messages.find((m) => m.messageId === messageId);
  }
}
