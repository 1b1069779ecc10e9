import { describe, expect, it } from 'vitest';
import { milestoneSteps, milestonesToClaim } from '../../src/domain/milestones.js';

const JT = 1_000_000n;
const TARGET = 100n * JT;

describe('milestonesToClaim', () => {
  it.each<{ name: string; totalAfter: bigint; amount: bigint; highestClaimed: number; target?: bigint; expected: number[] }>([
    { name: 'a report below the first mark', totalAfter: 10n * JT, amount: 10n * JT, highestClaimed: 0, expected: [] },
    { name: 'a report that crosses 25 %', totalAfter: 30n * JT, amount: 10n * JT, highestClaimed: 0, expected: [25] },
    { name: 'landing exactly on 50 % crosses it', totalAfter: 50n * JT, amount: 5n * JT, highestClaimed: 25, expected: [50] },
    { name: 'a report that jumps over two marks', totalAfter: 80n * JT, amount: 40n * JT, highestClaimed: 25, expected: [50, 75] },
    { name: 'no mark between before and after', totalAfter: 60n * JT, amount: 5n * JT, highestClaimed: 50, expected: [] },
    {
      name: 'two reports saved at once both read 60 jt: the 25 % mark nobody "crossed" is still claimed',
      totalAfter: 60n * JT,
      amount: 30n * JT,
      highestClaimed: 0,
      expected: [25, 50],
    },
    { name: 'a mark already alerted is not claimed again', totalAfter: 60n * JT, amount: 30n * JT, highestClaimed: 50, expected: [] },
    { name: '100 % and then 200 %', totalAfter: 210n * JT, amount: 120n * JT, highestClaimed: 75, expected: [100, 200] },
    { name: 'without a target there are no milestones', totalAfter: 60n * JT, amount: 30n * JT, highestClaimed: 0, target: 0n, expected: [] },
    { name: 'after voids the total is below the highest alerted mark: nothing', totalAfter: 40n * JT, amount: 1n * JT, highestClaimed: 50, expected: [] },
  ])('$name', ({ totalAfter, amount, highestClaimed, target, expected }) => {
    expect(milestonesToClaim({ totalAfter, amount, highestClaimed, target: target ?? TARGET })).toEqual(expected);
  });

  it('never claims more than the marks up to the new total, even for a huge report', () => {
    const marks = milestonesToClaim({ totalAfter: 5000n * TARGET, amount: 5000n * TARGET, highestClaimed: 0, target: TARGET });
    expect(marks.slice(0, 4)).toEqual([25, 50, 75, 100]);
    expect(marks.at(-1)).toBe(500_000);
    expect(marks.length).toBeLessThanOrEqual(14);
  });
});

describe('milestoneSteps', () => {
  it.each<{ name: string; marks: number[]; announced: number[]; claimed: number[] }>([
    { name: 'nothing crossed', marks: [], announced: [], claimed: [] },
    { name: 'one mark is announced', marks: [25], announced: [25], claimed: [25] },
    { name: '25, 50 and 75 in one report: one message, for 75', marks: [25, 50, 75], announced: [75], claimed: [25, 50, 75] },
    { name: '100 and 200: only 200', marks: [100, 200], announced: [200], claimed: [100, 200] },
    { name: 'claimed ascending whatever the order given', marks: [75, 25, 50], announced: [75], claimed: [25, 50, 75] },
  ])('$name', ({ marks, announced, claimed }) => {
    const steps = milestoneSteps(marks);
    expect(steps.map((step) => step.percent)).toEqual(claimed);
    expect(steps.filter((step) => step.announce).map((step) => step.percent)).toEqual(announced);
  });
});
