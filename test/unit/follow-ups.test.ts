import { describe, expect, it } from 'vitest';
import {
  checkRealisedAmount,
  followUpDedupeKey,
  followUpStageDue,
  followUpsDue,
  realisationSummary,
  realisedAmountOf,
  type FollowUpCandidate,
} from '../../src/domain/follow-ups.js';

// Reported 26 Nov 2026 at 15:00 WIB (08:00 UTC).
const REPORTED = new Date('2026-11-26T08:00:00Z');
const base: FollowUpCandidate = { reportId: 1, kind: 'ORDER', createdAt: REPORTED, timeZone: 'Asia/Jakarta', realisation: 'PENDING', followUpsSent: 0, voided: false };
// Local 09:00 WIB is 02:00 UTC.
const at = (localDate: string, utcTime = '02:00') => new Date(`${localDate}T${utcTime}:00Z`);

describe('followUpStageDue', () => {
  it.each([
    { name: 'day 29', candidate: base, now: at('2026-12-25', '12:00'), stage: 0 },
    { name: 'day 30 before 09:00 local', candidate: base, now: at('2026-12-26', '01:59'), stage: 0 },
    { name: 'day 30 at 09:00 local', candidate: base, now: at('2026-12-26'), stage: 1 },
    { name: 'day 31, missed while down', candidate: base, now: at('2026-12-27', '00:00'), stage: 1 },
    { name: 'day 30, already asked', candidate: { ...base, followUpsSent: 1 }, now: at('2026-12-26'), stage: 0 },
    { name: 'day 89, asked once', candidate: { ...base, followUpsSent: 1 }, now: at('2027-02-23', '12:00'), stage: 0 },
    { name: 'day 90, asked once', candidate: { ...base, followUpsSent: 1 }, now: at('2027-02-24'), stage: 2 },
    { name: 'day 90, never asked (down for months): only the latest', candidate: base, now: at('2027-02-24'), stage: 2 },
    { name: 'day 90, asked twice', candidate: { ...base, followUpsSent: 2 }, now: at('2027-02-24'), stage: 0 },
    { name: 'day 90 after a partial answer: asked again', candidate: { ...base, followUpsSent: 1, realisation: 'PARTIAL' as const }, now: at('2027-02-24'), stage: 2 },
    { name: 'day 90 after "not at all": asked again', candidate: { ...base, followUpsSent: 1, realisation: 'NONE' as const }, now: at('2027-02-24'), stage: 2 },
    { name: 'fully realised: never again', candidate: { ...base, followUpsSent: 1, realisation: 'FULL' as const }, now: at('2027-02-24'), stage: 0 },
    { name: 'a LoI too', candidate: { ...base, kind: 'LOI' as const }, now: at('2026-12-26'), stage: 1 },
    { name: 'retail is paid, not followed', candidate: { ...base, kind: 'RETAIL' as const }, now: at('2026-12-26'), stage: 0 },
    { name: 'investment is not followed', candidate: { ...base, kind: 'INVESTMENT' as const }, now: at('2026-12-26'), stage: 0 },
    { name: 'a voided order is not followed', candidate: { ...base, voided: true }, now: at('2026-12-26'), stage: 0 },
  ])('$name → stage $stage', ({ candidate, now, stage }) => {
    expect(followUpStageDue(candidate, now)).toBe(stage);
  });

  it('counts days in the mission zone: 23:30 WIT on 26 Nov is already 27 Nov there', () => {
    // 14:30 UTC on 26 Nov: 21:30 WIB (26 Nov), 23:30 WIT (26 Nov); 15:30 UTC is 00:30 WIT on 27 Nov.
    const lateWit = { ...base, createdAt: new Date('2026-11-26T15:30:00Z'), timeZone: 'Asia/Jayapura' };
    // 30 days after 27 Nov is 27 Dec; 09:00 WIT is 00:00 UTC.
    expect(followUpStageDue(lateWit, new Date('2026-12-26T12:00:00Z'))).toBe(0);
    expect(followUpStageDue(lateWit, new Date('2026-12-27T00:00:00Z'))).toBe(1);
  });
});

describe('followUpsDue', () => {
  it('lists the due reports with their stage', () => {
    const due = followUpsDue(
      [base, { ...base, reportId: 2, followUpsSent: 1 }, { ...base, reportId: 3, createdAt: new Date('2026-12-01T08:00:00Z') }],
      at('2026-12-26'),
    );
    expect(due).toEqual([{ reportId: 1, stage: 1 }]);
  });

  it('keys a question by report and stage', () => {
    expect(followUpDedupeKey(12, 2)).toBe('followup:12:2');
  });
});

describe('checkRealisedAmount', () => {
  it.each([
    { amount: 1n, committed: 500_000_000n, expected: { ok: true, value: { realisation: 'PARTIAL', amount: 1n } } },
    { amount: 250_000_000n, committed: 500_000_000n, expected: { ok: true, value: { realisation: 'PARTIAL', amount: 250_000_000n } } },
    { amount: 500_000_000n, committed: 500_000_000n, expected: { ok: true, value: { realisation: 'FULL', amount: 500_000_000n } } },
    { amount: 500_000_001n, committed: 500_000_000n, expected: { ok: false, reason: 'more_than_committed' } },
  ])('$amount of $committed', ({ amount, committed, expected }) => {
    expect(checkRealisedAmount(amount, committed)).toEqual(expected);
  });

  it.each([
    ['FULL', 300n, undefined, 300n],
    ['NONE', 300n, undefined, 0n],
    ['PARTIAL', 300n, 120n, 120n],
  ] as const)('realisedAmountOf(%s, %s, %s) → %s', (realisation, committed, partial, expected) => {
    expect(realisedAmountOf(realisation, committed, partial)).toBe(expected);
  });
});

describe('realisationSummary', () => {
  it('is realised over committed, in money', () => {
    expect(
      realisationSummary([
        { amount: 1_000_000_000n, realisedAmount: 1_000_000_000n },
        { amount: 500_000_000n, realisedAmount: 100_000_000n },
        { amount: 500_000_000n, realisedAmount: 0n },
      ]),
    ).toEqual({ answered: 3, committed: 2_000_000_000n, realised: 1_100_000_000n, rateBasis: 5500 });
  });

  it('is zero without answers, and floors the basis points', () => {
    expect(realisationSummary([])).toEqual({ answered: 0, committed: 0n, realised: 0n, rateBasis: 0 });
    expect(realisationSummary([{ amount: 3n, realisedAmount: 2n }]).rateBasis).toBe(6666);
    expect(realisationSummary([{ amount: 3n, realisedAmount: null }]).realised).toBe(0n);
  });
});
