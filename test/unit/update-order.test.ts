import { describe, expect, it } from 'vitest';
import { isUpdateShaped, orderKeyOf, updateTypeOf } from '../../src/domain/update-order.js';

const chat = { id: -100123, type: 'supergroup' };
const from = { id: 42, is_bot: false, first_name: 'Sri' };

describe('orderKeyOf: which updates are handled one after another', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a message in a group', { update_id: 1, message: { chat, from } }, 'c-100123'],
    ['an edited message', { update_id: 2, edited_message: { chat, from } }, 'c-100123'],
    ['a button on a message: that message\'s chat', { update_id: 3, callback_query: { from, message: { chat } } }, 'c-100123'],
    ['a button on an inline message: the user', { update_id: 4, callback_query: { from, inline_message_id: 'x' } }, 'u42'],
    ['an inline query: the user', { update_id: 5, inline_query: { from, query: 'kopi' } }, 'u42'],
    ['a chosen inline result', { update_id: 6, chosen_inline_result: { from } }, 'u42'],
    ['the bot added to a group', { update_id: 7, my_chat_member: { chat, from } }, 'c-100123'],
    ['a poll answer: its user', { update_id: 8, poll_answer: { user: from } }, 'u42'],
    ['a poll: no order needed', { update_id: 9, poll: { id: 'p' } }, 'x9'],
    ['a chat id that is not a number', { update_id: 10, message: { chat: { id: '5' } } }, 'x10'],
    ['an update of an unknown kind', { update_id: 11, something_new: {} }, 'x11'],
  ])('%s', (_name, update, key) => {
    expect(orderKeyOf(update)).toBe(key);
  });

  it('names the kind of an update', () => {
    expect(updateTypeOf({ update_id: 1, callback_query: {} })).toBe('callback_query');
    expect(updateTypeOf({ update_id: 1 })).toBe('unknown');
  });
});

describe('isUpdateShaped: what the webhook accepts', () => {
  it.each<[string, unknown, boolean]>([
    ['an update', { update_id: 5, message: {} }, true],
    ['update_id 0', { update_id: 0 }, true],
    ['null', null, false],
    ['an array', [{ update_id: 1 }], false],
    ['a string', 'update', false],
    ['no update_id', {}, false],
    ['a negative id', { update_id: -1 }, false],
    ['a string id', { update_id: '7' }, false],
    ['a fraction', { update_id: 1.5 }, false],
    ['beyond 2^53', { update_id: 2 ** 60 }, false],
  ])('%s → %s', (_name, body, expected) => {
    expect(isUpdateShaped(body)).toBe(expected);
  });
});
