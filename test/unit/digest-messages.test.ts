import { describe, expect, it } from 'vitest';
import { raw } from '../../src/i18n/index.js';
import { digestMessages, type DigestContent } from '../../src/jobs/digest-content.js';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
const content = (text: string, chart: Buffer | null = PNG): DigestContent => ({
  localDate: '2026-11-26',
  text: raw(text),
  caption: raw('📊 <b>Ringkasan</b> · 26 Nov 2026'),
  chart,
});
const lines = (count: number, width = 60) => Array.from({ length: count }, (_, i) => `${String(i).padStart(3, '0')} ${'x'.repeat(width)}`).join('\n');

describe('digestMessages', () => {
  it('puts a digest that fits a caption (1,024 characters) under its chart: one message', () => {
    const short = lines(15); // 15 lines of 64 characters and 14 newlines: 974
    expect(short.length).toBeLessThanOrEqual(1024);
    const messages = digestMessages(content(short), -5n, 'digest', 'digest:1:-5:2026-11-26');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ chatId: -5n, purpose: 'digest', method: 'sendPhoto', dedupeKey: 'digest:1:-5:2026-11-26' });
    expect(messages[0]?.payload).toMatchObject({ caption: short, parse_mode: 'HTML', photo: { base64: PNG.toString('base64'), filename: 'ringkasan-2026-11-26.png' } });
  });

  it('sends a longer digest as the chart with a short caption, then the text', () => {
    const text = lines(20);
    expect(text.length).toBeGreaterThan(1024);
    const messages = digestMessages(content(text), -5n, 'digest', 'k');
    expect(messages.map((m) => [m.method, m.dedupeKey])).toEqual([
      ['sendPhoto', 'k'],
      ['sendMessage', 'k:1'],
    ]);
    expect(messages[0]?.payload.caption).toBe('📊 <b>Ringkasan</b> · 26 Nov 2026');
    expect(messages[1]?.payload).toMatchObject({ text, parse_mode: 'HTML' });
  });

  it('splits a text beyond 4,096 characters at line boundaries', () => {
    const text = lines(150); // ~9.7k characters
    const messages = digestMessages(content(text), -5n, 'digest', 'k');
    expect(messages.map((m) => m.dedupeKey)).toEqual(['k', 'k:1', 'k:2', 'k:3']);
    const parts = messages.slice(1).map((m) => String(m.payload.text));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.join('\n')).toBe(text);
  });

  it('sends the text alone when there is no chart, and sets no keys without a dedupe key', () => {
    const messages = digestMessages(content('📊 singkat', null), 7n, 'digest');
    expect(messages).toEqual([{ chatId: 7n, purpose: 'digest', method: 'sendMessage', payload: { text: '📊 singkat', parse_mode: 'HTML', link_preview_options: { is_disabled: true } } }]);
  });
});
