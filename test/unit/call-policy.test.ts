import { describe, expect, it } from 'vitest';
import { INTERACTIVE_BUDGET, onCallFailure } from '../../src/domain/call-policy.js';
import type { SendFailure } from '../../src/domain/outbox-policy.js';

describe('onCallFailure: retries of a call a person waits for', () => {
  it.each<[string, SendFailure, number, number, ReturnType<typeof onCallFailure>]>([
    ['429 waits retry_after', { action: 'retry_after', seconds: 3 }, 1, 0, { kind: 'retry', waitMs: 3_000 }],
    ['429 with retry_after 0 still waits a second', { action: 'retry_after', seconds: 0 }, 1, 0, { kind: 'retry', waitMs: 1_000 }],
    ['429 whose wait ends past the budget fails now', { action: 'retry_after', seconds: 35 }, 1, 0, { kind: 'fail' }],
    ['429 late in the budget fails now', { action: 'retry_after', seconds: 3 }, 4, 28_000, { kind: 'fail' }],
    ['5xx / network: first backoff', { action: 'retry_later' }, 1, 0, { kind: 'retry', waitMs: 500 }],
    ['5xx / network: doubled', { action: 'retry_later' }, 3, 5_000, { kind: 'retry', waitMs: 2_000 }],
    ['5xx / network: capped', { action: 'retry_later' }, 9, 10_000, { kind: 'retry', waitMs: 4_000 }],
    ['5xx / network: out of budget', { action: 'retry_later' }, 6, 29_000, { kind: 'fail' }],
    ['400 does not change on a retry', { action: 'give_up', description: 'Bad Request' }, 1, 0, { kind: 'fail' }],
    ['403 blocked', { action: 'chat_unreachable' }, 1, 0, { kind: 'fail' }],
    ['a migrated group', { action: 'chat_migrated', newChatId: -100 }, 1, 0, { kind: 'fail' }],
    ['not modified', { action: 'not_modified' }, 1, 0, { kind: 'fail' }],
  ])('%s', (_name, failure, attempt, elapsed, expected) => {
    expect(onCallFailure(failure, attempt, elapsed, INTERACTIVE_BUDGET)).toEqual(expected);
  });
});
