import { Writable } from 'node:stream';
import { TelegramError } from 'telegraf';
import { describe, expect, it } from 'vitest';
import { classifyTelegramError, describeError, optional, type TelegramErrorAction } from '../../src/telegram/errors.js';
import { createLogger } from '../../src/logger.js';

const TOKEN = '123456789:AAH-logger-test-token-0123456789';

/** A pino logger writing into an array of JSON lines, scrubbing `secrets` like the real one. */
function memoryLogger(secrets: readonly (string | undefined)[] = [], level = 'trace') {
  const written: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      written.push(String(chunk));
      callback();
    },
  });
  const log = createLogger({ level, secrets, destination });
  return {
    log,
    written,
    records: () => written.flatMap((chunk) => chunk.split('\n').filter((line) => line !== '')).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const telegramError = (error_code: number, description: string, parameters?: { retry_after?: number; migrate_to_chat_id?: number }) =>
  new TelegramError(parameters ? { error_code, description, parameters } : { error_code, description });

describe('classifyTelegramError', () => {
  it.each<{ name: string; error: unknown; expected: TelegramErrorAction }>([
    { name: '429 with retry_after', error: telegramError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }), expected: { action: 'retry_after', seconds: 7 } },
    { name: '429 with a long retry_after', error: telegramError(429, 'Too Many Requests: retry after 35', { retry_after: 35 }), expected: { action: 'retry_after', seconds: 35 } },
    { name: '403 bot blocked by the user', error: telegramError(403, 'Forbidden: bot was blocked by the user'), expected: { action: 'chat_unreachable' } },
    { name: '403 kicked from the group', error: telegramError(403, 'Forbidden: bot was kicked from the group chat'), expected: { action: 'chat_unreachable' } },
    { name: '403 user deactivated', error: telegramError(403, 'Forbidden: user is deactivated'), expected: { action: 'chat_unreachable' } },
    { name: "403 can't initiate conversation", error: telegramError(403, "Forbidden: bot can't initiate conversation with a user"), expected: { action: 'chat_unreachable' } },
    { name: '400 chat not found', error: telegramError(400, 'Bad Request: chat not found'), expected: { action: 'chat_unreachable' } },
    {
      name: '400 group upgraded to a supergroup',
      error: telegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1001234567890 }),
      expected: { action: 'chat_migrated', newChatId: -1001234567890 },
    },
    { name: '400 message is not modified', error: telegramError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message'), expected: { action: 'not_modified' } },
    { name: '500 Internal Server Error', error: telegramError(500, 'Internal Server Error'), expected: { action: 'retry_later' } },
    { name: '502 Bad Gateway', error: telegramError(502, 'Bad Gateway'), expected: { action: 'retry_later' } },
    { name: '503', error: telegramError(503, 'Service Unavailable'), expected: { action: 'retry_later' } },
    { name: 'a network error (connection refused)', error: Object.assign(new Error('request to http://127.0.0.1:1/bot***/sendMessage failed, reason: connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), expected: { action: 'retry_later' } },
    { name: 'a timeout', error: Object.assign(new Error('network timeout'), { name: 'AbortError' }), expected: { action: 'retry_later' } },
    { name: 'a plain TypeError from fetch', error: new TypeError('fetch failed'), expected: { action: 'retry_later' } },
    { name: "400 can't parse entities", error: telegramError(400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0"), expected: { action: 'give_up', description: "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0" } },
    { name: '400 message text is empty', error: telegramError(400, 'Bad Request: message text is empty'), expected: { action: 'give_up', description: 'Bad Request: message text is empty' } },
    { name: '400 query is too old', error: telegramError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid'), expected: { action: 'give_up', description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' } },
    { name: '400 message to edit not found', error: telegramError(400, 'Bad Request: message to edit not found'), expected: { action: 'give_up', description: 'Bad Request: message to edit not found' } },
  ])('$name → $expected.action', ({ error, expected }) => {
    expect(classifyTelegramError(error)).toEqual(expected);
  });

  it('429 without retry_after still waits a positive number of seconds', () => {
    const action = classifyTelegramError(telegramError(429, 'Too Many Requests'));
    expect(action.action).toBe('retry_after');
    if (action.action === 'retry_after') expect(action.seconds).toBeGreaterThan(0);
  });
});

describe('describeError', () => {
  it.each<{ name: string; error: unknown; expected: ReturnType<typeof describeError> }>([
    { name: 'a TelegramError', error: telegramError(403, 'Forbidden: bot was blocked by the user'), expected: { name: 'TelegramError', message: 'Forbidden: bot was blocked by the user', code: 403 } },
    { name: 'an Error', error: new RangeError('out of range'), expected: { name: 'RangeError', message: 'out of range' } },
    { name: 'a string', error: 'boom', expected: { name: 'Unknown', message: 'boom' } },
  ])('$name', ({ error, expected }) => {
    expect(describeError(error)).toEqual(expected);
  });
});

describe('optional', () => {
  it('returns the value of a call that succeeds, and logs nothing', async () => {
    const { log, records } = memoryLogger();
    await expect(optional(log, 'setMyCommands', async () => 'done')).resolves.toBe('done');
    expect(records()).toEqual([]);
  });

  it.each<{ name: string; error: unknown; message: string }>([
    { name: 'a TelegramError', error: telegramError(400, 'Bad Request: nope'), message: 'Bad Request: nope' },
    { name: 'a network error', error: new Error('connect ECONNREFUSED 127.0.0.1:1'), message: 'connect ECONNREFUSED 127.0.0.1:1' },
    { name: 'a thrown string', error: 'weird', message: 'weird' },
  ])('swallows $name and logs one warning naming the call', async ({ error, message }) => {
    const { log, records } = memoryLogger();
    await expect(
      optional(log, 'setMyCommands id', async () => {
        throw error;
      }),
    ).resolves.toBeUndefined();
    const lines = records();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, call: 'setMyCommands id', err: { message } });
  });

  it('keeps the token out of the warning even when the error message carries the request URL', async () => {
    const { log, written } = memoryLogger([TOKEN]);
    await optional(log, 'sendChatAction', async () => {
      throw new Error(`request to https://api.telegram.org/bot${TOKEN}/sendChatAction failed, reason: socket hang up`);
    });
    expect(written.join('')).toContain('sendChatAction');
    expect(written.join('')).not.toContain(TOKEN);
    expect(written.join('')).toContain('/bot***/sendChatAction');
  });
});

describe('createLogger', () => {
  it('writes one JSON object per line, with level, time and msg', () => {
    const { log, records } = memoryLogger();
    log.info({ mission: 1 }, 'bot started');
    expect(records()).toEqual([{ level: 30, time: expect.any(String), mission: 1, msg: 'bot started' }]);
    expect(new Date(records()[0]?.time as string).toISOString()).toBe(records()[0]?.time);
  });

  it('respects the level', () => {
    const { log, records } = memoryLogger([], 'warn');
    log.info('hidden');
    log.warn('shown');
    expect(records().map((line) => line.msg)).toEqual(['shown']);
  });

  it.each<{ name: string; write: (log: ReturnType<typeof memoryLogger>['log']) => void }>([
    { name: 'in the message', write: (log) => log.info(`polling https://api.telegram.org/bot${TOKEN}/getUpdates`) },
    { name: 'in a field', write: (log) => log.info({ token: TOKEN }, 'config') },
    { name: 'in a nested field', write: (log) => log.info({ config: { BOT_TOKEN: TOKEN, list: [TOKEN] } }, 'config') },
    { name: 'in an Error (message and stack)', write: (log) => log.error({ err: new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed`) }, 'could not start') },
    { name: 'in a TelegramError', write: (log) => log.error({ err: new TelegramError({ error_code: 401, description: `Unauthorized ${TOKEN}` }) }, 'polling stopped') },
    { name: 'in a child logger binding', write: (log) => log.child({ url: `https://api.telegram.org/bot${TOKEN}/` }).warn('child') },
    { name: 'several times on one line', write: (log) => log.info({ a: TOKEN, b: TOKEN }, `${TOKEN} ${TOKEN}`) },
    { name: 'at fatal level', write: (log) => log.fatal(TOKEN) },
  ])('scrubs the bot token $name', ({ write }) => {
    const { log, written, records } = memoryLogger([TOKEN]);
    write(log);
    const output = written.join('');
    expect(output.length).toBeGreaterThan(0);
    expect(output).not.toContain(TOKEN);
    expect(output).toContain('***');
    // Still valid JSON lines after scrubbing.
    expect(records().length).toBeGreaterThanOrEqual(1);
  });

  it('scrubs every secret given, and ignores missing or too-short ones', () => {
    const webhookSecret = 'webhook-secret-value';
    const { log, written } = memoryLogger([TOKEN, undefined, webhookSecret, '']);
    log.info({ token: TOKEN, secret: webhookSecret }, 'both');
    expect(written.join('')).not.toContain(TOKEN);
    expect(written.join('')).not.toContain(webhookSecret);
  });

  it('does not scrub a short secret that would mangle ordinary text', () => {
    const { log, records } = memoryLogger(['abc']);
    log.info('abc is fine');
    expect(records()[0]?.msg).toBe('abc is fine');
  });
});
