import { describe, expect, it } from 'vitest';
import { MAX_ANNOUNCEMENT_LENGTH, announcementDedupeKey, announcementKeyPrefix, checkAnnouncementText, deliveryCount } from '../../src/domain/announcement.js';

describe('checkAnnouncementText', () => {
  it.each([
    { text: 'Besok pameran dibuka jam 08.00.', expected: { ok: true, value: 'Besok pameran dibuka jam 08.00.' } },
    { text: '  Baris satu\nBaris dua  ', expected: { ok: true, value: 'Baris satu\nBaris dua' } },
    { text: '', expected: { ok: false, reason: 'empty' } },
    { text: '  \n ', expected: { ok: false, reason: 'empty' } },
    { text: 'x'.repeat(MAX_ANNOUNCEMENT_LENGTH), expected: { ok: true, value: 'x'.repeat(MAX_ANNOUNCEMENT_LENGTH) } },
    { text: 'x'.repeat(MAX_ANNOUNCEMENT_LENGTH + 1), expected: { ok: false, reason: 'too_long' } },
  ])('$text.length characters', ({ text, expected }) => {
    expect(checkAnnouncementText(text)).toEqual(expected);
  });
});

describe('announcement keys', () => {
  it('share one prefix per announcement', () => {
    expect(announcementKeyPrefix('100000123')).toBe('announce:100000123:');
    expect(announcementDedupeKey('100000123', 8001n)).toBe('announce:100000123:8001');
    expect(announcementDedupeKey('100000123', 8001n).startsWith(announcementKeyPrefix('100000123'))).toBe(true);
    // 1000001 is not a prefix match of 100000123's keys.
    expect(announcementDedupeKey('100000123', 1n).startsWith(announcementKeyPrefix('10000012'))).toBe(false);
  });
});

describe('deliveryCount', () => {
  it.each([
    { rows: [], expected: { total: 0, sent: 0, failed: 0, queued: 0, done: true } },
    { rows: [{ status: 'SENT' as const, count: 3 }, { status: 'FAILED' as const, count: 1 }], expected: { total: 4, sent: 3, failed: 1, queued: 0, done: true } },
    {
      rows: [{ status: 'SENT' as const, count: 2 }, { status: 'PENDING' as const, count: 2 }, { status: 'SENDING' as const, count: 1 }],
      expected: { total: 5, sent: 2, failed: 0, queued: 3, done: false },
    },
  ])('$rows', ({ rows, expected }) => {
    expect(deliveryCount(rows)).toEqual(expected);
  });
});
