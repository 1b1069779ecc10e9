import { describe, expect, it } from 'vitest';
import {
  addMissionSums,
  emptyMissionSums,
  missionTotalsOf,
  movesKindSums,
  realisationDelta,
  realisationOf,
  reportDelta,
  verifyDelta,
  voidDelta,
  type CountedReport,
  type MissionSums,
} from '../../src/domain/running-totals.js';

const report = (overrides: Partial<CountedReport> = {}): CountedReport => ({
  kind: 'RETAIL',
  direction: 'SELL',
  amount: 1_000n,
  verified: false,
  realisation: 'PENDING',
  realisedAmount: null,
  ...overrides,
});

const sums = (overrides: Partial<MissionSums>): MissionSums => ({ ...emptyMissionSums(), ...overrides });

describe('reportDelta', () => {
  it.each<[string, CountedReport, 1 | -1, Partial<MissionSums>]>([
    ['a retail sale', report(), 1, { reportCount: 1, amountRetail: 1_000n, amountSell: 1_000n }],
    ['a bought LoI', report({ kind: 'LOI', direction: 'BUY', amount: 9n }), 1, { reportCount: 1, amountLoi: 9n, amountBuy: 9n }],
    ['a verified investment', report({ kind: 'INVESTMENT', verified: true }), 1, { reportCount: 1, amountInvestment: 1_000n, amountSell: 1_000n, verifiedAmount: 1_000n }],
    [
      'an answered order',
      report({ kind: 'ORDER', realisation: 'PARTIAL', realisedAmount: 400n }),
      1,
      { reportCount: 1, amountOrder: 1_000n, amountSell: 1_000n, answeredCount: 1, answeredCommitted: 1_000n, answeredRealised: 400n },
    ],
    ['a retail sale with an answer (never asked: not counted)', report({ realisation: 'FULL', realisedAmount: 1_000n }), 1, { reportCount: 1, amountRetail: 1_000n, amountSell: 1_000n }],
    [
      'an answered LoI taken out',
      report({ kind: 'LOI', realisation: 'NONE', realisedAmount: 0n, verified: true }),
      -1,
      { reportCount: -1, amountLoi: -1_000n, amountSell: -1_000n, verifiedAmount: -1_000n, answeredCount: -1, answeredCommitted: -1_000n },
    ],
  ])('%s', (_name, counted, sign, expected) => {
    expect(reportDelta(counted, sign)).toEqual(sums(expected));
  });

  it('beyond 2^53 stays exact', () => {
    const huge = 9_007_199_254_740_993n;
    expect(reportDelta(report({ amount: huge }), 1).amountRetail).toBe(huge);
  });
});

describe('voidDelta, verifyDelta, realisationDelta', () => {
  it.each<[string, MissionSums, Partial<MissionSums>]>([
    ['void takes the report out and counts it voided', voidDelta(report({ verified: true })), { reportCount: -1, amountRetail: -1_000n, amountSell: -1_000n, verifiedAmount: -1_000n, voidedCount: 1 }],
    ['verify moves only the verified sum', verifyDelta(500n), { verifiedAmount: 500n }],
    [
      'a first answer adds the commitment',
      realisationDelta(report({ kind: 'ORDER' }), report({ kind: 'ORDER', realisation: 'FULL', realisedAmount: 1_000n })),
      { answeredCount: 1, answeredCommitted: 1_000n, answeredRealised: 1_000n },
    ],
    [
      'a changed answer moves only the realised part',
      realisationDelta(report({ kind: 'LOI', realisation: 'PARTIAL', realisedAmount: 300n }), report({ kind: 'LOI', realisation: 'NONE', realisedAmount: 0n })),
      { answeredRealised: -300n },
    ],
  ])('%s', (_name, delta, expected) => {
    expect(delta).toEqual(sums(expected));
  });

  it.each<[string, MissionSums, boolean]>([
    ['a save', reportDelta(report(), 1), true],
    ['a void', voidDelta(report()), true],
    ['a verification', verifyDelta(1n), false],
    ['an answer', realisationDelta(report({ kind: 'ORDER' }), report({ kind: 'ORDER', realisation: 'FULL', realisedAmount: 1n })), false],
  ])('%s moves the day and exhibitor tables: %s', (_name, delta, moves) => {
    expect(movesKindSums(delta)).toBe(moves);
  });
});

describe('reading the totals back', () => {
  it('sums deltas and gives the figures progress and the digest use', () => {
    const total = emptyMissionSums();
    for (const delta of [
      reportDelta(report({ amount: 100n }), 1),
      reportDelta(report({ kind: 'ORDER', direction: 'BUY', amount: 50n }), 1),
      reportDelta(report({ amount: 7n }), 1),
      voidDelta(report({ amount: 7n })),
      verifyDelta(100n),
      realisationDelta(report({ kind: 'ORDER', amount: 50n }), report({ kind: 'ORDER', amount: 50n, realisation: 'PARTIAL', realisedAmount: 20n })),
    ]) {
      addMissionSums(total, delta);
    }
    const today = { reportCount: 1, amountRetail: 100n, amountOrder: 0n, amountLoi: 0n, amountInvestment: 0n };
    expect(missionTotalsOf(total, today, 1)).toEqual({
      byKind: { RETAIL: 100n, ORDER: 50n, LOI: 0n, INVESTMENT: 0n },
      byDirection: { SELL: 100n, BUY: 50n },
      total: 150n,
      reportCount: 2,
      exhibitorCount: 1,
      verifiedTotal: 100n,
      todayTotal: 100n,
      todayCount: 1,
    });
    expect(realisationOf(total)).toEqual({ answered: 1, committed: 50n, realised: 20n, rateBasis: 4_000 });
    expect(total.voidedCount).toBe(1);
  });
});
