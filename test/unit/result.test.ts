import { describe, expect, it } from 'vitest';
import { err, ok } from '../../src/domain/result.js';
import type { Result } from '../../src/domain/result.js';

describe('result', () => {
  it.each<{ made: Result<number, 'bad'>; expected: unknown }>([
    { made: ok(1), expected: { ok: true, value: 1 } },
    { made: err('bad'), expected: { ok: false, reason: 'bad' } },
  ])('$expected', ({ made, expected }) => {
    expect(made).toEqual(expected);
  });

  it('narrows on ok', () => {
    const pick = (good: boolean): Result<number, 'bad'> => (good ? ok(41) : err('bad'));
    const r = pick(true);
    expect(r.ok ? r.value + 1 : r.reason).toBe(42);
    const e = pick(false);
    expect(e.ok ? e.value : e.reason).toBe('bad');
  });
});
