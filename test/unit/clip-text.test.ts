import { Telegram } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { guardCalls } from '../../src/telegram/calls.js';
import { createLogger } from '../../src/logger.js';
import { ECHO_MAX, TELEGRAM_LIMITS, clipText } from '../../src/domain/text.js';
import { escapeHtml } from '../../src/i18n/index.js';

describe('clipText: cut to Telegram limits in UTF-16 units, never inside a grapheme', () => {
  it.each<[string, string, number, string]>([
    // name, text, max → clipped
    ['short text stays', 'Banten', 10, 'Banten'],
    ['exactly max stays', 'abcde', 5, 'abcde'],
    ['one over is cut with an ellipsis', 'abcdef', 5, 'abcd…'],
    ['an emoji (two UTF-16 units) is kept whole or dropped', 'ab🙂cd', 4, 'ab…'],
    ['a family emoji (one grapheme, 8 units) is never split', 'a👨‍👩‍👧b', 6, 'a…'],
    ['a combining accent stays with its letter', 'cafe\u0301 latte', 5, 'caf…'],
    ['…or goes with it', 'cafe\u0301 latte', 6, 'cafe\u0301…'],
    ['a flag (two regional indicators) is not split', 'x🇮🇩y', 3, 'x…'],
  ])('%s', (_name, text, max, expected) => {
    const clipped = clipText(text, max);
    expect(clipped).toBe(expected);
    expect(clipped.length).toBeLessThanOrEqual(max);
  });

  it('fits a 5,000-character answer into a message, with no lone surrogate', () => {
    const clipped = clipText('🙂'.repeat(5000), TELEGRAM_LIMITS.text);
    expect(clipped.length).toBeLessThanOrEqual(TELEGRAM_LIMITS.text);
    // No lone surrogate: every code point is whole.
    expect(clipped).toMatch(/^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/);
  });

  it('escapes after clipping, so no HTML entity is cut in half', () => {
    const echoed = escapeHtml(clipText('&'.repeat(ECHO_MAX * 2), ECHO_MAX));
    expect(echoed).toBe(`${'&amp;'.repeat(ECHO_MAX - 1)}…`);
  });
});

describe('Bot API calls: a callback answer over 200 characters is cut to fit, not refused', () => {
  it.each([
    ['x'.repeat(300), 200],
    ['🙂'.repeat(150), 199],
    ['short', 5],
  ])('%#: answerCallbackQuery text → %i UTF-16 units', async (text, length) => {
    const telegram = new Telegram('123:test-token');
    const sent: { text?: string }[] = [];
    telegram.callApi = (async (_method: string, payload: { text?: string }) => {
      sent.push(payload);
      return true;
    }) as unknown as Telegram['callApi'];
    guardCalls(telegram, createLogger({ level: 'silent' }));
    await telegram.answerCbQuery('q1', text);
    expect(sent[0]?.text).toHaveLength(length);
  });
});
