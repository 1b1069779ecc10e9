import { describe, expect, it } from 'vitest';
import {
  BOOTH_CODE_LENGTH,
  boothDeepLink,
  makeBoothCode,
  matchesFilter,
  parseBoothCode,
  parseLeadFilter,
  parseLeadScore,
  stars,
  validateLeadNote,
} from '../../src/domain/leads.js';

const TODAY = '2026-11-26';
const ZONE = 'Asia/Jakarta';

describe('booth codes', () => {
  it('makes a code of the fixed length from random bytes, only from the unambiguous alphabet', () => {
    const bytes = Uint8Array.from({ length: BOOTH_CODE_LENGTH }, (_, i) => i * 37);
    const code = makeBoothCode(bytes);
    expect(code).toHaveLength(BOOTH_CODE_LENGTH);
    expect(code).toMatch(/^[a-hjkmnp-z2-9]+$/);
    expect(makeBoothCode(bytes)).toBe(code);
    expect(makeBoothCode(Uint8Array.from({ length: BOOTH_CODE_LENGTH }, () => 0))).toBe('aaaaaaaaaa');
  });

  it('refuses too few random bytes (a bug, not a user mistake)', () => {
    expect(() => makeBoothCode(new Uint8Array(3))).toThrow();
  });

  it.each([
    ['abcdefghjk', 'abcdefghjk'],
    ['ABCDEFGHJK', 'abcdefghjk'],
    [' abcdefghjk ', 'abcdefghjk'],
    ['abcdefghj', undefined],
    ['abcdefghjkm', undefined],
    ['abcdefghj1', undefined],
    ['abcdefghjl', undefined],
    ['abc-efghjk', undefined],
    ['', undefined],
  ])('parseBoothCode(%j) → %j', (input, expected) => {
    expect(parseBoothCode(input)).toBe(expected);
  });

  it('links to the bot with the b_ payload', () => {
    expect(boothDeepLink('misi_bot', 'abcdefghjk')).toBe('https://t.me/misi_bot?start=b_abcdefghjk');
  });
});

describe('scores and notes', () => {
  it.each([
    [1, 1],
    [5, 5],
    [0, undefined],
    [6, undefined],
    [2.5, undefined],
    [Number.NaN, undefined],
  ])('parseLeadScore(%s) → %s', (input, expected) => {
    expect(parseLeadScore(input)).toBe(expected);
  });

  it.each([
    [null, '☆☆☆☆☆'],
    [1, '★☆☆☆☆'],
    [4, '★★★★☆'],
    [5, '★★★★★'],
  ])('stars(%s) → %s', (score, expected) => {
    expect(stars(score)).toBe(expected);
  });

  it.each([
    ['  minat 100 pcs,\n kirim ke Serang ', { ok: true, value: 'minat 100 pcs, kirim ke Serang' }],
    ['   ', { ok: false, reason: 'empty' }],
    ['x'.repeat(300), { ok: true, value: 'x'.repeat(300) }],
    ['x'.repeat(301), { ok: false, reason: 'too_long' }],
  ])('validateLeadNote(%j)', (input, expected) => {
    expect(validateLeadNote(input)).toEqual(expected);
  });
});

describe('/prospek filters', () => {
  it.each([
    ['', { minScore: null, day: null }],
    ['4', { minScore: 4, day: null }],
    ['4+', { minScore: 4, day: null }],
    ['hari ini', { minScore: null, day: '2026-11-26' }],
    ['today', { minScore: null, day: '2026-11-26' }],
    ['3 kemarin', { minScore: 3, day: '2026-11-25' }],
    ['5 27/11', { minScore: 5, day: '2026-11-27' }],
    ['2026-11-24', { minScore: null, day: '2026-11-24' }],
  ])('parseLeadFilter(%j)', (input, expected) => {
    expect(parseLeadFilter(input, TODAY)).toEqual({ ok: true, value: expected });
  });

  it.each(['7', 'bagus', '4 besok lusa', '31/02'])('refuses %j', (input) => {
    expect(parseLeadFilter(input, TODAY)).toEqual({ ok: false, reason: 'unreadable' });
  });

  // 10:00 WIB on the 26th, and 23:30 WIB on the 26th, which is already the 26th at 16:30 UTC.
  const morning = new Date('2026-11-26T03:00:00Z');
  const lateNight = new Date('2026-11-26T16:30:00Z');
  it.each([
    [{ score: 4, createdAt: morning }, { minScore: 4, day: null }, true],
    [{ score: 3, createdAt: morning }, { minScore: 4, day: null }, false],
    [{ score: null, createdAt: morning }, { minScore: 1, day: null }, false],
    [{ score: null, createdAt: morning }, { minScore: null, day: null }, true],
    [{ score: 5, createdAt: morning }, { minScore: null, day: '2026-11-26' }, true],
    [{ score: 5, createdAt: lateNight }, { minScore: null, day: '2026-11-26' }, true],
    [{ score: 5, createdAt: lateNight }, { minScore: null, day: '2026-11-27' }, false],
    [{ score: 2, createdAt: morning }, { minScore: 3, day: '2026-11-26' }, false],
  ] as const)('matchesFilter(%o, %o) → %s', (lead, filter, expected) => {
    expect(matchesFilter(lead, filter, ZONE)).toBe(expected);
  });
});
