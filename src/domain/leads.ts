import { localDate, parseLocalDate } from './time.js';
import { err, ok, type Result } from './result.js';

/**
 * Booth leads: a visitor scans the booth QR (`t.me/<bot>?start=b_<code>`)
 * and may share their contact with that exhibitor. Pure rules: the booth
 * code, the score, the note, and the /prospek filters.
 */

export const BOOTH_START_PREFIX = 'b_';

/** Letters and digits that cannot be mistaken for one another when typed from a printed QR label. */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const BOOTH_CODE_LENGTH = 10;
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${BOOTH_CODE_LENGTH}}$`);

/**
 * A booth code from random bytes (the caller draws them: the domain has no
 * randomness). 31^10 ≈ 8·10^14 codes: a booth cannot be found by guessing.
 */
export function makeBoothCode(random: Uint8Array): string {
  if (random.length < BOOTH_CODE_LENGTH) throw new Error(`makeBoothCode needs ${BOOTH_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < BOOTH_CODE_LENGTH; i++) code += CODE_ALPHABET[(random[i] ?? 0) % CODE_ALPHABET.length];
  return code;
}

/** The code of a `b_<code>` payload, or undefined for anything that is not one. */
export function parseBoothCode(text: string): string | undefined {
  const code = text.trim().toLowerCase();
  return CODE_PATTERN.test(code) ? code : undefined;
}

export function boothStartPayload(code: string): string {
  return `${BOOTH_START_PREFIX}${code}`;
}

export function boothDeepLink(botUsername: string, code: string): string {
  return `https://t.me/${botUsername}?start=${boothStartPayload(code)}`;
}

export type LeadScore = 1 | 2 | 3 | 4 | 5;

export function parseLeadScore(value: number): LeadScore | undefined {
  return Number.isInteger(value) && value >= 1 && value <= 5 ? (value as LeadScore) : undefined;
}

/** Five stars, the first `score` filled. */
export function stars(score: number | null): string {
  if (score === null) return '☆☆☆☆☆';
  return '★'.repeat(score) + '☆'.repeat(5 - score);
}

export const LEAD_NOTE_MAX = 300;

export function validateLeadNote(text: string): Result<string, 'empty' | 'too_long'> {
  const note = text.replace(/\s+/g, ' ').trim();
  if (note === '') return err('empty');
  if (note.length > LEAD_NOTE_MAX) return err('too_long');
  return ok(note);
}

export interface LeadRecord {
  id: number;
  missionId: number;
  exhibitorId: number;
  exhibitorName: string;
  ownerId: bigint;
  visitorId: bigint;
  name: string;
  phone: string;
  score: number | null;
  note: string | null;
  createdAt: Date;
}

/** What /prospek shows: leads of at least `minScore` stars, of one local day. */
export interface LeadFilter {
  minScore: LeadScore | null;
  day: string | null;
}

export const NO_FILTER: LeadFilter = { minScore: null, day: null };

/**
 * Reads `/prospek` arguments: a digit 1–5 is the least score (`4` or `4+`),
 * a date (`26/11`, `2026-11-26`, `hari ini`, `kemarin`) the day. Anything
 * else is an error with the word it could not read.
 */
export function parseLeadFilter(args: string, today: string): Result<LeadFilter, 'unreadable'> {
  const text = args.trim();
  if (text === '') return ok(NO_FILTER);
  let minScore: LeadScore | null = null;
  const rest: string[] = [];
  for (const word of text.split(/\s+/)) {
    const score = /^([1-5])\+?\*?$/.exec(word);
    if (score && minScore === null) minScore = parseLeadScore(Number(score[1])) ?? null;
    else rest.push(word);
  }
  if (rest.length === 0) return ok({ minScore, day: null });
  const day = parseLocalDate(rest.join(' '), today);
  if (!day.ok) return err('unreadable');
  return ok({ minScore, day: day.value });
}

export function matchesFilter(lead: Pick<LeadRecord, 'score' | 'createdAt'>, filter: LeadFilter, timeZone: string): boolean {
  if (filter.minScore !== null && (lead.score ?? 0) < filter.minScore) return false;
  if (filter.day !== null && localDate(lead.createdAt, timeZone) !== filter.day) return false;
  return true;
}
