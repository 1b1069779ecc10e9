import { describe, expect, it } from 'vitest';
import { isGroupChatId, nextSendAt, pruneHistory, TELEGRAM_LIMITS, type SendRecord } from '../../src/domain/rate-limit.js';

const NOW = 1_000_000;
const GROUP = '-4000000001';
const OTHER_GROUP = '-1002000000001';
const USER = '8001';

/** `count` sends to `chatId`, the newest at `newest`, `gap` ms apart going back. */
function sends(chatId: string, count: number, newest: number, gap: number): SendRecord[] {
  return Array.from({ length: count }, (_, i) => ({ chatId, at: newest - i * gap }));
}

/** 30 sends to 30 different private chats, the newest at `newest`, spread evenly over the previous 900 ms. */
function burst(newest: number): SendRecord[] {
  return Array.from({ length: 30 }, (_, i) => ({ chatId: String(9000 + i), at: newest - i * 30 }));
}

describe('nextSendAt', () => {
  it.each<{ name: string; history: SendRecord[]; chat: string; expected: number }>([
    { name: 'nothing sent yet: at once', history: [], chat: USER, expected: NOW },
    { name: 'a send to another chat does not hold this one', history: [{ chatId: '8002', at: NOW - 10 }], chat: USER, expected: NOW },
    { name: 'one per second per chat: 400 ms after the last send, wait 600 ms', history: [{ chatId: USER, at: NOW - 400 }], chat: USER, expected: NOW + 600 },
    { name: 'exactly one second after the last send: at once', history: [{ chatId: USER, at: NOW - 1000 }], chat: USER, expected: NOW },
    { name: 'a group also waits a second after its last send', history: [{ chatId: GROUP, at: NOW - 100 }], chat: GROUP, expected: NOW + 900 },
    {
      name: '30 sends within the last second: wait until the oldest of them is a second old',
      history: burst(NOW - 10), // oldest at NOW - 10 - 870 = NOW - 880
      chat: USER,
      expected: NOW - 880 + 1000,
    },
    { name: '29 sends within the last second: at once', history: burst(NOW - 10).slice(0, 29), chat: USER, expected: NOW },
    {
      name: '20 sends to a group within a minute: wait until the oldest is a minute old',
      history: sends(GROUP, 20, NOW - 2000, 2500), // oldest at NOW - 2000 - 47500 = NOW - 49500
      chat: GROUP,
      expected: NOW - 49_500 + 60_000,
    },
    { name: '19 sends to a group within a minute: only the per-chat second applies', history: sends(GROUP, 19, NOW - 2000, 2500), chat: GROUP, expected: NOW },
    { name: '20 sends to a group are no reason to wait for another group', history: sends(GROUP, 20, NOW - 2000, 2500), chat: OTHER_GROUP, expected: NOW },
    { name: '20 sends to a user within a minute do not matter (no per-minute limit for private chats)', history: sends(USER, 20, NOW - 2000, 2500), chat: USER, expected: NOW },
    {
      name: 'the latest of the limits wins',
      history: [...sends(GROUP, 20, NOW - 100, 2500)],
      chat: GROUP,
      expected: NOW - 100 - 19 * 2500 + 60_000,
    },
  ])('$name', ({ history, chat, expected }) => {
    expect(nextSendAt(history, chat, NOW)).toBe(expected);
  });

  it('lets a send go once the oldest of 30 sends has left the window', () => {
    // 30 sends, the oldest at NOW - 1070 (outside the last second), so only 29 count: at once.
    expect(nextSendAt(burst(NOW - 200), USER, NOW)).toBe(NOW);
  });

  it('never answers earlier than now', () => {
    expect(nextSendAt([{ chatId: USER, at: NOW - 60_000 }], USER, NOW)).toBe(NOW);
  });

  it('follows custom limits', () => {
    const limits = { ...TELEGRAM_LIMITS, perChatGapMs: 50 };
    expect(nextSendAt([{ chatId: USER, at: NOW - 10 }], USER, NOW, limits)).toBe(NOW + 40);
  });
});

describe('pruneHistory', () => {
  it('keeps what is younger than the longest window and drops the rest', () => {
    const history = [
      { chatId: GROUP, at: NOW - 61_000 },
      { chatId: GROUP, at: NOW - 59_000 },
      { chatId: USER, at: NOW - 10 },
    ];
    expect(pruneHistory(history, NOW)).toEqual(history.slice(1));
  });
});

describe('isGroupChatId', () => {
  it.each([
    ['-4000000001', true],
    ['-1002000000001', true],
    ['8001', false],
    [8001n, false],
    [-5, true],
  ] as const)('%s → %s', (id, expected) => {
    expect(isGroupChatId(id)).toBe(expected);
  });
});
