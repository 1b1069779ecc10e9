import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, onSendFailure, type FailureOutcome, type SendFailure } from '../../src/domain/outbox-policy.js';

const NOW = 5_000_000;
const POLICY = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000 };

describe('backoffDelayMs', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 5_000],
    [40, 5_000],
  ])('after attempt %i waits %i ms', (attempts, expected) => {
    expect(backoffDelayMs(attempts, POLICY)).toBe(expected);
  });

  it('doubles from one second by default', () => {
    expect([1, 2, 3].map((attempt) => backoffDelayMs(attempt))).toEqual([1_000, 2_000, 4_000]);
    expect(backoffDelayMs(100)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
  });
});

describe('onSendFailure', () => {
  it.each<{ name: string; failure: SendFailure; attempts: number; expected: FailureOutcome }>([
    {
      name: '429 waits exactly retry_after',
      failure: { action: 'retry_after', seconds: 7 },
      attempts: 1,
      expected: { kind: 'retry', notBefore: NOW + 7_000, reason: '429 retry after 7 s' },
    },
    {
      name: '429 is obeyed even after many attempts (the flood wait is not the message’s fault)',
      failure: { action: 'retry_after', seconds: 2 },
      attempts: POLICY.maxAttempts + 1,
      expected: { kind: 'retry', notBefore: NOW + 2_000, reason: '429 retry after 2 s' },
    },
    {
      name: '429 without end gives up at last',
      failure: { action: 'retry_after', seconds: 2 },
      attempts: POLICY.maxAttempts * 4,
      expected: { kind: 'failed', reason: '429 too often (16 attempts)' },
    },
    {
      name: '5xx or network after the first attempt backs off one base delay',
      failure: { action: 'retry_later' },
      attempts: 1,
      expected: { kind: 'retry', notBefore: NOW + 1_000, reason: 'transient error (5xx or network)' },
    },
    {
      name: '5xx after the third attempt backs off four base delays',
      failure: { action: 'retry_later' },
      attempts: 3,
      expected: { kind: 'retry', notBefore: NOW + 4_000, reason: 'transient error (5xx or network)' },
    },
    {
      name: '5xx at the last attempt fails the message',
      failure: { action: 'retry_later' },
      attempts: 4,
      expected: { kind: 'failed', reason: 'transient error, gave up after 4 attempts' },
    },
    {
      name: '403 deactivates the chat, no retry',
      failure: { action: 'chat_unreachable' },
      attempts: 1,
      expected: { kind: 'chat_unreachable', reason: 'chat unreachable (blocked, kicked or not found)' },
    },
    {
      name: '400 with migrate_to_chat_id moves the chat',
      failure: { action: 'chat_migrated', newChatId: -1004000000001 },
      attempts: 1,
      expected: { kind: 'chat_migrated', newChatId: -1004000000001n, reason: 'migrated to -1004000000001' },
    },
    {
      name: 'another 400 fails with its description',
      failure: { action: 'give_up', description: "Bad Request: can't parse entities" },
      attempts: 1,
      expected: { kind: 'failed', reason: "Bad Request: can't parse entities" },
    },
  ])('$name', ({ failure, attempts, expected }) => {
    expect(onSendFailure(failure, attempts, NOW, POLICY)).toEqual(expected);
  });
});
