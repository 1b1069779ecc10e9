import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, parseConfig, type Config } from '../../src/config.js';

const TOKEN = '123456789:AAH-config-test-token-0123456789';

/** The parsed config, or a failed expectation showing the message. */
function parsed(env: NodeJS.ProcessEnv): Config {
  const result = parseConfig(env);
  if (!result.ok) throw new Error(`expected a valid configuration, got: ${result.message}`);
  return result.config;
}

describe('parseConfig defaults (DESIGN.md, "Contracts that other tools rely on")', () => {
  it('gives every default when nothing is set', () => {
    expect(parsed({})).toEqual({
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      DATABASE_URL: 'file:./data/bot.db',
      BOT_MODE: 'polling',
      PORT: 3000,
      ADMIN_TELEGRAM_IDS: [],
      DEFAULT_TIMEZONE: 'Asia/Jakarta',
      LOG_LEVEL: 'info',
    });
  });

  it('leaves BOT_TOKEN unset (main.ts explains how to get one)', () => {
    expect(parsed({}).BOT_TOKEN).toBeUndefined();
  });

  it.each(CONFIG_VARIABLES)('treats an empty %s as unset', (variable) => {
    expect(parseConfig({ [variable]: '' })).toEqual(parseConfig({}));
  });

  it('treats every variable empty at once (a copied .env.example with blanks) as all defaults', () => {
    const blank = Object.fromEntries(
      ['BOT_TOKEN', 'TELEGRAM_API_ROOT', 'DATABASE_URL', 'BOT_MODE', 'WEBHOOK_URL', 'WEBHOOK_SECRET', 'PORT', 'ADMIN_TELEGRAM_IDS', 'DEFAULT_TIMEZONE', 'LOG_LEVEL'].map(
        (name) => [name, ''],
      ),
    );
    expect(parseConfig(blank)).toEqual(parseConfig({}));
  });

  it('ignores variables it does not know (the process environment has many)', () => {
    expect(parsed({ PATH: '/usr/bin', HOME: '/root', NODE_ENV: 'test' })).toEqual(parsed({}));
  });
});

describe('parseConfig reads set values', () => {
  it.each<{ name: string; env: NodeJS.ProcessEnv; expected: Partial<Config> }>([
    { name: 'a BotFather-shaped token', env: { BOT_TOKEN: TOKEN }, expected: { BOT_TOKEN: TOKEN } },
    { name: 'a local Bot API server', env: { TELEGRAM_API_ROOT: 'http://127.0.0.1:8081' }, expected: { TELEGRAM_API_ROOT: 'http://127.0.0.1:8081' } },
    { name: 'a PostgreSQL URL', env: { DATABASE_URL: 'postgres://u:p@db/misi' }, expected: { DATABASE_URL: 'postgres://u:p@db/misi' } },
    { name: 'a postgresql:// URL', env: { DATABASE_URL: 'postgresql://u:p@db/misi' }, expected: { DATABASE_URL: 'postgresql://u:p@db/misi' } },
    { name: 'another SQLite file', env: { DATABASE_URL: 'file:/tmp/x.db' }, expected: { DATABASE_URL: 'file:/tmp/x.db' } },
    { name: 'PORT as a number', env: { PORT: '8080' }, expected: { PORT: 8080 } },
    { name: 'PORT 0 (any free port)', env: { PORT: '0' }, expected: { PORT: 0 } },
    { name: 'PORT 65535', env: { PORT: '65535' }, expected: { PORT: 65535 } },
    { name: 'one admin id', env: { ADMIN_TELEGRAM_IDS: '12345' }, expected: { ADMIN_TELEGRAM_IDS: [12345n] } },
    { name: 'admin ids with spaces', env: { ADMIN_TELEGRAM_IDS: ' 12345 , 67890 ,1 ' }, expected: { ADMIN_TELEGRAM_IDS: [12345n, 67890n, 1n] } },
    // Telegram ids may exceed 2^53 one day; bigint keeps them exact.
    { name: 'a large admin id', env: { ADMIN_TELEGRAM_IDS: '9007199254740993' }, expected: { ADMIN_TELEGRAM_IDS: [9007199254740993n] } },
    { name: 'WITA', env: { DEFAULT_TIMEZONE: 'Asia/Makassar' }, expected: { DEFAULT_TIMEZONE: 'Asia/Makassar' } },
    { name: 'WIT', env: { DEFAULT_TIMEZONE: 'Asia/Jayapura' }, expected: { DEFAULT_TIMEZONE: 'Asia/Jayapura' } },
    { name: 'LOG_LEVEL debug', env: { LOG_LEVEL: 'debug' }, expected: { LOG_LEVEL: 'debug' } },
    { name: 'LOG_LEVEL silent', env: { LOG_LEVEL: 'silent' }, expected: { LOG_LEVEL: 'silent' } },
    { name: 'explicit polling', env: { BOT_MODE: 'polling' }, expected: { BOT_MODE: 'polling' } },
  ])('$name', ({ env, expected }) => {
    expect(parsed(env)).toMatchObject(expected);
  });

  it('parses ADMIN_TELEGRAM_IDS to bigint[]', () => {
    const ids = parsed({ ADMIN_TELEGRAM_IDS: '7001,7002' }).ADMIN_TELEGRAM_IDS;
    expect(ids).toEqual([7001n, 7002n]);
    expect(ids.every((id) => typeof id === 'bigint')).toBe(true);
  });

  it('webhook mode with WEBHOOK_URL and WEBHOOK_SECRET', () => {
    const config = parsed({ BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.go.id/telegram/hook', WEBHOOK_SECRET: 's3cret_-X' });
    expect(config).toMatchObject({ BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.go.id/telegram/hook', WEBHOOK_SECRET: 's3cret_-X' });
  });

  it('polling mode does not need (nor check) the webhook settings', () => {
    expect(parsed({ BOT_MODE: 'polling', WEBHOOK_URL: 'not a url', WEBHOOK_SECRET: 'bad secret!' }).BOT_MODE).toBe('polling');
  });
});

describe('parseConfig refuses bad values with one line naming the variable', () => {
  it.each<{ name: string; env: NodeJS.ProcessEnv; variable: string; expected?: RegExp }>([
    { name: 'PORT=abc', env: { PORT: 'abc' }, variable: 'PORT', expected: /^PORT: expected a port number from 0 to 65535$/ },
    { name: 'PORT=70000', env: { PORT: '70000' }, variable: 'PORT', expected: /^PORT: expected a port number from 0 to 65535$/ },
    { name: 'PORT=-1', env: { PORT: '-1' }, variable: 'PORT', expected: /^PORT: expected a port number from 0 to 65535$/ },
    { name: 'PORT=3.5', env: { PORT: '3.5' }, variable: 'PORT', expected: /^PORT: expected a port number from 0 to 65535$/ },
    { name: 'BOT_MODE=hook', env: { BOT_MODE: 'hook' }, variable: 'BOT_MODE', expected: /^BOT_MODE: expected polling or webhook$/ },
    { name: 'BOT_MODE=WEBHOOK', env: { BOT_MODE: 'WEBHOOK' }, variable: 'BOT_MODE', expected: /^BOT_MODE: expected polling or webhook$/ },
    { name: 'webhook mode without WEBHOOK_URL', env: { BOT_MODE: 'webhook', WEBHOOK_SECRET: 's3cret' }, variable: 'WEBHOOK_URL' },
    { name: 'webhook mode without anything', env: { BOT_MODE: 'webhook' }, variable: 'WEBHOOK_URL' },
    { name: 'webhook mode with an empty WEBHOOK_URL', env: { BOT_MODE: 'webhook', WEBHOOK_URL: '', WEBHOOK_SECRET: 's3cret' }, variable: 'WEBHOOK_URL' },
    { name: 'webhook mode with a WEBHOOK_URL that is not a URL', env: { BOT_MODE: 'webhook', WEBHOOK_URL: 'bot.example.com/hook', WEBHOOK_SECRET: 's3cret' }, variable: 'WEBHOOK_URL' },
    { name: 'webhook mode without WEBHOOK_SECRET', env: { BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.com/hook' }, variable: 'WEBHOOK_SECRET' },
    { name: 'webhook mode with an empty WEBHOOK_SECRET', env: { BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.com/hook', WEBHOOK_SECRET: '' }, variable: 'WEBHOOK_SECRET' },
    { name: 'a WEBHOOK_SECRET Telegram refuses', env: { BOT_MODE: 'webhook', WEBHOOK_URL: 'https://bot.example.com/hook', WEBHOOK_SECRET: 'rahasia kita!' }, variable: 'WEBHOOK_SECRET' },
    { name: 'a malformed BOT_TOKEN', env: { BOT_TOKEN: 'abc' }, variable: 'BOT_TOKEN', expected: /@BotFather/ },
    { name: 'a BOT_TOKEN without its secret part', env: { BOT_TOKEN: '123456789:' }, variable: 'BOT_TOKEN' },
    { name: 'TELEGRAM_API_ROOT not a URL', env: { TELEGRAM_API_ROOT: 'api.telegram.org' }, variable: 'TELEGRAM_API_ROOT' },
    { name: 'TELEGRAM_API_ROOT ftp://', env: { TELEGRAM_API_ROOT: 'ftp://api.telegram.org' }, variable: 'TELEGRAM_API_ROOT' },
    { name: 'DATABASE_URL mysql://', env: { DATABASE_URL: 'mysql://u:p@h/db' }, variable: 'DATABASE_URL' },
    { name: 'DATABASE_URL a bare path', env: { DATABASE_URL: './data/bot.db' }, variable: 'DATABASE_URL' },
    { name: 'ADMIN_TELEGRAM_IDS with names', env: { ADMIN_TELEGRAM_IDS: 'budi,sri' }, variable: 'ADMIN_TELEGRAM_IDS' },
    { name: 'ADMIN_TELEGRAM_IDS with an empty item', env: { ADMIN_TELEGRAM_IDS: '1,,2' }, variable: 'ADMIN_TELEGRAM_IDS' },
    { name: 'ADMIN_TELEGRAM_IDS with @usernames', env: { ADMIN_TELEGRAM_IDS: '@budi' }, variable: 'ADMIN_TELEGRAM_IDS' },
    { name: 'DEFAULT_TIMEZONE WIB (an abbreviation, not a zone)', env: { DEFAULT_TIMEZONE: 'WIB' }, variable: 'DEFAULT_TIMEZONE', expected: /Asia\/Jakarta/ },
    { name: 'DEFAULT_TIMEZONE unknown', env: { DEFAULT_TIMEZONE: 'Mars/Olympus' }, variable: 'DEFAULT_TIMEZONE' },
    { name: 'LOG_LEVEL loud', env: { LOG_LEVEL: 'loud' }, variable: 'LOG_LEVEL', expected: /^LOG_LEVEL: expected fatal, error, warn, info, debug, trace, silent$/ },
  ])('$name → "$variable: expected …"', ({ env, variable, expected }) => {
    const result = parseConfig(env);
    expect(result.ok, `accepted ${JSON.stringify(env)}`).toBe(false);
    if (result.ok) return;
    expect(result.message.startsWith(`${variable}: expected `), result.message).toBe(true);
    expect(result.message).not.toContain('\n');
    // zod's own wording ("Invalid input: expected string, received undefined") is not for operators.
    expect(result.message).not.toMatch(/Invalid input|received|undefined|NaN/);
    if (expected) expect(result.message).toMatch(expected);
  });

  it('does not turn a PORT of spaces into port 0 (a random port nobody monitors)', () => {
    // Whitespace only is as good as empty: either the default or an error naming PORT, never 0.
    const result = parseConfig({ PORT: '   ' });
    if (result.ok) expect(result.config.PORT).toBe(3000);
    else expect(result.message).toMatch(/^PORT: expected /);
  });

  it('reports only the first bad variable, as one message', () => {
    const result = parseConfig({ PORT: 'abc', LOG_LEVEL: 'loud', BOT_MODE: 'polling' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.split('\n')).toHaveLength(1);
    expect(result.message).toMatch(/^(PORT|LOG_LEVEL): expected /);
  });

  it('never repeats a bad token in its message', () => {
    const bad = '123456789:short';
    const result = parseConfig({ BOT_TOKEN: bad });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain(bad);
  });
});
