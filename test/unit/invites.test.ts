import { describe, expect, it } from 'vitest';
import { INVITE_DEFAULTS, checkInvite, inviteLink, inviteSettings, isInviteCode, parseInviteArgs } from '../../src/domain/invites.js';

const NOW = new Date('2026-11-20T03:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

describe('parseInviteArgs', () => {
  it.each([
    { text: '', expected: {} },
    { text: '   ', expected: {} },
    { text: 'peserta', expected: { role: 'EXHIBITOR' } },
    { text: 'UMKM', expected: { role: 'EXHIBITOR' } },
    { text: 'exhibitor 10', expected: { role: 'EXHIBITOR', maxUses: 10 } },
    { text: 'peserta 100 14', expected: { role: 'EXHIBITOR', maxUses: 100, days: 14 } },
    { text: 'petugas', expected: { role: 'OFFICIAL' } },
    { text: 'official 2 1', expected: { role: 'OFFICIAL', maxUses: 2, days: 1 } },
    { text: 'petugas 1000 90', expected: { role: 'OFFICIAL', maxUses: 1000, days: 90 } },
  ])('$text → $expected', ({ text, expected }) => {
    expect(parseInviteArgs(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    { text: 'pembeli', reason: 'unknown_role' },
    { text: '100', reason: 'unknown_role' },
    { text: 'peserta 0', reason: 'bad_uses' },
    { text: 'peserta 1001', reason: 'bad_uses' },
    { text: 'peserta -5', reason: 'bad_uses' },
    { text: 'peserta 1,5', reason: 'bad_uses' },
    { text: 'peserta banyak', reason: 'bad_uses' },
    { text: 'peserta 10 0', reason: 'bad_days' },
    { text: 'peserta 10 91', reason: 'bad_days' },
    { text: 'peserta 10 7hari', reason: 'bad_days' },
    { text: 'peserta 10 7 lagi', reason: 'too_many_args' },
  ])('$text is refused: $reason', ({ text, reason }) => {
    expect(parseInviteArgs(text)).toEqual({ ok: false, reason });
  });
});

describe('inviteSettings', () => {
  it('fills in the defaults: exhibitors 50 uses, officials 1, both 7 days', () => {
    expect(INVITE_DEFAULTS).toEqual({ EXHIBITOR: { maxUses: 50, days: 7 }, OFFICIAL: { maxUses: 1, days: 7 } });
    expect(inviteSettings({ role: 'EXHIBITOR' }, NOW)).toEqual({ role: 'EXHIBITOR', maxUses: 50, expiresAt: new Date(NOW.getTime() + 7 * DAY) });
    expect(inviteSettings({ role: 'OFFICIAL' }, NOW)).toEqual({ role: 'OFFICIAL', maxUses: 1, expiresAt: new Date(NOW.getTime() + 7 * DAY) });
  });

  it('keeps what the official typed', () => {
    expect(inviteSettings({ role: 'EXHIBITOR', maxUses: 100, days: 14 }, NOW)).toEqual({
      role: 'EXHIBITOR',
      maxUses: 100,
      expiresAt: new Date(NOW.getTime() + 14 * DAY),
    });
  });
});

describe('checkInvite', () => {
  const expiresAt = new Date(NOW.getTime() + DAY);
  it.each([
    { invite: { expiresAt, maxUses: 2, uses: 0 }, now: NOW, expected: 'ok' },
    { invite: { expiresAt, maxUses: 2, uses: 1 }, now: NOW, expected: 'ok' },
    { invite: { expiresAt, maxUses: 2, uses: 2 }, now: NOW, expected: 'used_up' },
    { invite: { expiresAt, maxUses: 2, uses: 0 }, now: expiresAt, expected: 'expired' },
    { invite: { expiresAt, maxUses: 2, uses: 0 }, now: new Date(expiresAt.getTime() - 1), expected: 'ok' },
    { invite: { expiresAt, maxUses: 1, uses: 1 }, now: new Date(expiresAt.getTime() + 1), expected: 'expired' },
    { invite: { expiresAt: null, maxUses: null, uses: 10_000 }, now: NOW, expected: 'ok' },
  ])('$invite at $now → $expected', ({ invite, now, expected }) => {
    const result = checkInvite(invite, now);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });
});

describe('invite codes and links', () => {
  it.each([
    ['AbCdEfGhIjKlMnOpQrStUvWx', true],
    ['a-b_c-d_e-f_g-h_i', true],
    ['x'.repeat(32), true],
    ['x'.repeat(33), false],
    ['short', false],
    ['has space in the code!!', false],
    ['ÄbCdEfGhIjKlMnOpQrSt', false],
    ['', false],
  ] as const)('isInviteCode(%j) → %s', (code, expected) => {
    expect(isInviteCode(code)).toBe(expected);
  });

  it('builds the t.me deep link with the join_ payload', () => {
    expect(inviteLink('misi_dagang_bot', 'AbC123')).toBe('https://t.me/misi_dagang_bot?start=join_AbC123');
  });
});
