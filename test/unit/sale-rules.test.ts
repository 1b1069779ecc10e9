import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_WINDOW_MS,
  VOID_WINDOW_MS,
  canVerify,
  canVoid,
  duplicateWindowStart,
  findDuplicate,
  parseQuantityAnswer,
  parseReportNumber,
  parseVoidReason,
  sameProduct,
  shareBasis,
  type Actor,
  type DuplicateProbe,
  type EarlierReport,
  type ReportState,
} from '../../src/domain/sale-rules.js';

const NOW = new Date('2026-11-26T03:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

describe('sameProduct', () => {
  const probe = (productId: number | null, productText: string | null): DuplicateProbe => ({ amount: 1n, productId, productText });
  it.each<{ a: DuplicateProbe; b: DuplicateProbe; same: boolean; why: string }>([
    { a: probe(1, 'keripik'), b: probe(1, 'kripik'), same: true, why: 'same listing, other text' },
    { a: probe(1, 'keripik'), b: probe(2, 'keripik'), same: false, why: 'two listings, even with the same text' },
    { a: probe(1, 'Keripik Tempe'), b: probe(null, 'keripik  tempe'), same: true, why: 'listing vs. text: the text decides' },
    { a: probe(null, 'Keripik Tempe'), b: probe(null, 'keripik tempe!'), same: true, why: 'case, spacing, punctuation ignored' },
    { a: probe(null, 'keripik tempe'), b: probe(null, 'keripik singkong'), same: false, why: 'other text' },
    { a: probe(null, null), b: probe(null, null), same: true, why: 'both without product' },
    { a: probe(null, null), b: probe(null, 'kopi'), same: false, why: 'one without product' },
    { a: probe(3, null), b: probe(null, null), same: false, why: 'a listing without text vs. no product' },
    { a: probe(3, ''), b: probe(null, '  '), same: false, why: 'a listing vs. blank text' },
  ])('$why → $same', ({ a, b, same }) => {
    expect(sameProduct(a, b)).toBe(same);
    expect(sameProduct(b, a)).toBe(same);
  });
});

describe('findDuplicate', () => {
  const report = (id: number, fields: Partial<EarlierReport>): EarlierReport => ({
    id,
    amount: 1_500_000n,
    productId: null,
    productText: 'keripik tempe',
    createdAt: minutesAgo(3),
    voidedAt: null,
    ...fields,
  });
  const probe: DuplicateProbe = { amount: 1_500_000n, productId: null, productText: 'Keripik Tempe' };

  it.each<{ earlier: EarlierReport[]; expected: number | undefined; why: string }>([
    { earlier: [report(1, {})], expected: 1, why: 'same amount and product 3 minutes ago' },
    { earlier: [report(1, { createdAt: minutesAgo(9.9) })], expected: 1, why: 'just inside ten minutes' },
    { earlier: [report(1, { createdAt: minutesAgo(10) })], expected: undefined, why: 'exactly ten minutes ago is outside' },
    { earlier: [report(1, { createdAt: minutesAgo(11) })], expected: undefined, why: 'eleven minutes ago' },
    { earlier: [report(1, { amount: 1_500_001n })], expected: undefined, why: 'another amount' },
    { earlier: [report(1, { productText: 'keripik singkong' })], expected: undefined, why: 'another product' },
    { earlier: [report(1, { voidedAt: minutesAgo(1) })], expected: undefined, why: 'the earlier one was voided' },
    { earlier: [report(1, { createdAt: minutesAgo(8) }), report(2, { createdAt: minutesAgo(2) })], expected: 2, why: 'the newest of several' },
    { earlier: [report(1, { createdAt: minutesAgo(0) })], expected: 1, why: 'the same instant' },
    { earlier: [], expected: undefined, why: 'nothing earlier' },
  ])('$why', ({ earlier, expected }) => {
    expect(findDuplicate(probe, earlier, NOW)?.id).toBe(expected);
  });

  it('compares listings by id when both reports are linked', () => {
    const linked: DuplicateProbe = { amount: 1_500_000n, productId: 7, productText: 'tempe' };
    expect(findDuplicate(linked, [report(1, { productId: 7, productText: 'Keripik Tempe' })], NOW)?.id).toBe(1);
    expect(findDuplicate(linked, [report(1, { productId: 8, productText: 'tempe' })], NOW)).toBeUndefined();
  });

  it('looks back exactly the window', () => {
    expect(DUPLICATE_WINDOW_MS).toBe(10 * 60_000);
    expect(duplicateWindowStart(NOW).toISOString()).toBe('2026-11-26T02:50:00.000Z');
  });
});

describe('canVoid', () => {
  const report = (fields: Partial<ReportState> = {}): ReportState => ({
    missionId: 1,
    exhibitorId: 10,
    createdAt: minutesAgo(60),
    voidedAt: null,
    verifiedAt: null,
    ...fields,
  });
  const owner: Actor = { missionId: 1, official: false, exhibitorId: 10 };
  const other: Actor = { missionId: 1, official: false, exhibitorId: 11 };
  const official: Actor = { missionId: 1, official: true, exhibitorId: undefined };
  const stranger: Actor = { missionId: 1, official: false, exhibitorId: undefined };
  const day = VOID_WINDOW_MS / 60_000;

  it.each<{ who: string; actor: Actor; state: ReportState; expected: string }>([
    { who: 'the owner, an hour later', actor: owner, state: report(), expected: 'owner' },
    { who: 'the owner, exactly 24 hours later', actor: owner, state: report({ createdAt: minutesAgo(day) }), expected: 'owner' },
    { who: 'the owner, 24 hours and a minute later', actor: owner, state: report({ createdAt: minutesAgo(day + 1) }), expected: 'too_old' },
    { who: 'the owner, three days later', actor: owner, state: report({ createdAt: minutesAgo(3 * day) }), expected: 'too_old' },
    { who: 'the owner of a verified report', actor: owner, state: report({ verifiedAt: minutesAgo(5) }), expected: 'owner' },
    { who: 'another exhibitor', actor: other, state: report(), expected: 'not_yours' },
    { who: 'someone who does not exhibit', actor: stranger, state: report(), expected: 'not_yours' },
    { who: 'an official, an hour later', actor: official, state: report(), expected: 'official' },
    { who: 'an official, three days later', actor: official, state: report({ createdAt: minutesAgo(3 * day) }), expected: 'official' },
    { who: 'anyone, of a voided report', actor: official, state: report({ voidedAt: minutesAgo(1) }), expected: 'already_voided' },
    { who: 'the owner, of a voided report', actor: owner, state: report({ voidedAt: minutesAgo(1) }), expected: 'already_voided' },
    { who: 'an official, of another mission', actor: official, state: report({ missionId: 2 }), expected: 'not_found' },
    { who: 'the owner, of another mission', actor: owner, state: report({ missionId: 2 }), expected: 'not_found' },
  ])('$who → $expected', ({ actor, state, expected }) => {
    const result = canVoid(state, actor, NOW);
    expect(result.ok ? result.value : result.reason).toBe(expected);
  });
});

describe('canVerify', () => {
  const state = (fields: Partial<ReportState>): ReportState => ({
    missionId: 1,
    exhibitorId: 10,
    createdAt: minutesAgo(5),
    voidedAt: null,
    verifiedAt: null,
    ...fields,
  });
  it.each<{ why: string; report: ReportState; expected: string }>([
    { why: 'a live, unverified report', report: state({}), expected: 'ok' },
    { why: 'a voided report', report: state({ voidedAt: minutesAgo(1) }), expected: 'voided' },
    { why: 'a verified report', report: state({ verifiedAt: minutesAgo(1) }), expected: 'already_verified' },
    { why: 'voided after it was verified', report: state({ verifiedAt: minutesAgo(2), voidedAt: minutesAgo(1) }), expected: 'voided' },
    { why: 'another mission', report: state({ missionId: 2 }), expected: 'not_found' },
  ])('$why → $expected', ({ report, expected }) => {
    const result = canVerify(report, 1);
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });
});

describe('parseVoidReason', () => {
  it.each<{ input: string; expected: string }>([
    { input: 'salah ketik', expected: 'salah ketik' },
    { input: '  salah   ketik\nnilai ', expected: 'salah ketik nilai' },
    { input: 'dup', expected: 'dup' },
    { input: 'x'.repeat(200), expected: 'x'.repeat(200) },
    { input: '🙏🙏🙏', expected: '🙏🙏🙏' },
  ])('accepts "$input"', ({ input, expected }) => {
    expect(parseVoidReason(input)).toEqual({ ok: true, value: expected });
  });

  it.each<{ input: string; reason: string }>([
    { input: '', reason: 'too_short' },
    { input: 'ab', reason: 'too_short' },
    { input: '  a  ', reason: 'too_short' },
    { input: ' a\n\n ', reason: 'too_short' },
    { input: 'x'.repeat(201), reason: 'too_long' },
    { input: '🙏'.repeat(201), reason: 'too_long' },
  ])('refuses "$input" as $reason', ({ input, reason }) => {
    expect(parseVoidReason(input)).toEqual({ ok: false, reason });
  });
});

describe('parseReportNumber', () => {
  it.each<{ input: string; expected: number | undefined }>([
    { input: '12', expected: 12 },
    { input: '#12', expected: 12 },
    { input: ' # 7 ', expected: 7 },
    { input: '0', expected: undefined },
    { input: '-3', expected: undefined },
    { input: '1.5', expected: undefined },
    { input: 'abc', expected: undefined },
    { input: '12 13', expected: undefined },
    { input: '', expected: undefined },
    { input: '1234567890', expected: undefined },
  ])('"$input" → $expected', ({ input, expected }) => {
    expect(parseReportNumber(input)).toBe(expected);
  });
});

describe('parseQuantityAnswer', () => {
  it.each<{ input: string; quantity: number; unit: string | null }>([
    { input: '30', quantity: 30, unit: null },
    { input: '30 pcs', quantity: 30, unit: 'pcs' },
    { input: '30pcs', quantity: 30, unit: 'pcs' },
    { input: '30 PCS', quantity: 30, unit: 'pcs' },
    { input: '2 kodi', quantity: 2, unit: 'kodi' },
    { input: '5 dos', quantity: 5, unit: 'dus' },
    { input: '12 pieces', quantity: 12, unit: 'pcs' },
    { input: '1.000 bungkus', quantity: 1000, unit: 'bungkus' },
    { input: '10 tas', quantity: 10, unit: 'tas' },
    { input: ' 7  botol. ', quantity: 7, unit: 'botol' },
    { input: '10000000', quantity: 10_000_000, unit: null },
  ])('"$input" → $quantity $unit', ({ input, quantity, unit }) => {
    expect(parseQuantityAnswer(input)).toEqual({ ok: true, value: { quantity, unit } });
  });

  it.each(['0', '0 pcs', '-5', 'banyak', '', 'pcs', '1,5 kg', '1.5', '1.00 pcs', '10000001', '30 pcs kopi', 'x30', `3 ${'a'.repeat(21)}`, '99999999999999999999'])(
    'refuses "%s"',
    (input) => {
      expect(parseQuantityAnswer(input)).toEqual({ ok: false, reason: 'quantity_invalid' });
    },
  );
});

describe('shareBasis', () => {
  it.each<{ part: bigint; whole: bigint; expected: number }>([
    { part: 0n, whole: 0n, expected: 0 },
    { part: 5n, whole: 0n, expected: 0 },
    { part: 0n, whole: 100n, expected: 0 },
    { part: 50n, whole: 100n, expected: 5000 },
    { part: 1n, whole: 3n, expected: 3333 },
    { part: 9_999n, whole: 10_000n, expected: 9999 },
    { part: 100n, whole: 100n, expected: 10_000 },
    { part: 1_500_000n, whole: 4_000_000n, expected: 3750 },
  ])('$part of $whole → $expected', ({ part, whole, expected }) => {
    expect(shareBasis(part, whole)).toBe(expected);
  });
});
