import { err, ok, type Result } from './result.js';

/**
 * Invite links (`t.me/<bot>?start=join_<code>`): which role they give, how
 * long and how often they work, and how `/undang peserta 100 14` reads.
 * The code itself is random bytes from the adapter; here only its shape.
 */

export type InviteRole = 'EXHIBITOR' | 'OFFICIAL';

/** A stored invite, as the bot sees it. */
export interface Invite {
  id: number;
  code: string;
  missionId: number;
  role: InviteRole;
  expiresAt: Date | null;
  maxUses: number | null;
  uses: number;
}

/** Uses and days when the official does not say: a booth hall full of UMKM, or one colleague. */
export const INVITE_DEFAULTS: Readonly<Record<InviteRole, { maxUses: number; days: number }>> = {
  EXHIBITOR: { maxUses: 50, days: 7 },
  OFFICIAL: { maxUses: 1, days: 7 },
};

/** Upper bounds of what may be typed: a slip (`/undang peserta 100000`) is refused, not stored. */
export const INVITE_LIMITS = { maxUses: 1_000, days: 90 } as const;

/** The start payload prefix of an invite deep link. */
export const JOIN_PREFIX = 'join_';

// base64url of 18 random bytes is 24 characters; accept 16–32 so older or longer codes still parse.
const CODE_RE = /^[A-Za-z0-9_-]{16,32}$/;

/** True for a string shaped like an invite code: URL-safe, 16 to 32 characters. */
export function isInviteCode(code: string): boolean {
  return CODE_RE.test(code);
}

const ROLE_WORDS: ReadonlyMap<string, InviteRole> = new Map([
  ...['peserta', 'umkm', 'exhibitor', 'exhibitors', 'pameran'].map((w) => [w, 'EXHIBITOR'] as const),
  ...['petugas', 'official', 'officials', 'panitia', 'admin'].map((w) => [w, 'OFFICIAL'] as const),
]);

export type InviteArgsError = 'unknown_role' | 'bad_uses' | 'bad_days' | 'too_many_args';

export interface InviteArgs {
  role?: InviteRole;
  maxUses?: number;
  days?: number;
}

/**
 * Reads `/undang [peserta|petugas] [uses] [days]`: nothing at all (the bot
 * asks with buttons), a role word, then optionally the use limit and the
 * number of days it stays valid, each a whole number within
 * {@link INVITE_LIMITS}.
 */
export function parseInviteArgs(text: string): Result<InviteArgs, InviteArgsError> {
  const words = text.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return ok({});
  if (words.length > 3) return err('too_many_args');
  const [roleWord, usesWord, daysWord] = words;
  const role = ROLE_WORDS.get(roleWord ?? '');
  if (!role) return err('unknown_role');
  const args: InviteArgs = { role };
  if (usesWord !== undefined) {
    const uses = wholeNumber(usesWord, INVITE_LIMITS.maxUses);
    if (uses === undefined) return err('bad_uses');
    args.maxUses = uses;
  }
  if (daysWord !== undefined) {
    const days = wholeNumber(daysWord, INVITE_LIMITS.days);
    if (days === undefined) return err('bad_days');
    args.days = days;
  }
  return ok(args);
}

function wholeNumber(word: string, max: number): number | undefined {
  if (!/^\d{1,6}$/.test(word)) return undefined;
  const value = Number(word);
  return value >= 1 && value <= max ? value : undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The stored settings of a new invite: defaults filled in, expiry counted from `now`. */
export function inviteSettings(args: InviteArgs & { role: InviteRole }, now: Date): { role: InviteRole; maxUses: number; expiresAt: Date } {
  const defaults = INVITE_DEFAULTS[args.role];
  const days = args.days ?? defaults.days;
  return { role: args.role, maxUses: args.maxUses ?? defaults.maxUses, expiresAt: new Date(now.getTime() + days * DAY_MS) };
}

export type InviteRefusal = 'expired' | 'used_up';

/** Whether an invite still works at `now`; the repository repeats the use check atomically when counting. */
export function checkInvite(invite: { expiresAt: Date | null; maxUses: number | null; uses: number }, now: Date): Result<true, InviteRefusal> {
  if (invite.expiresAt !== null && now.getTime() >= invite.expiresAt.getTime()) return err('expired');
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return err('used_up');
  return ok(true);
}

/** The deep link an invite is shared as. */
export function inviteLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${JOIN_PREFIX}${code}`;
}
