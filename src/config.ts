import { existsSync } from 'node:fs';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const idList = z
  .string()
  .trim()
  .regex(/^(\d+\s*(,\s*\d+\s*)*)?$/, 'comma-separated numeric Telegram user ids, e.g. 12345,67890')
  .transform((text) => (text === '' ? [] : text.split(',').map((id) => BigInt(id.trim()))));

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)');

const commonSchema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'the token @BotFather gave you, like 123456789:AAH...')
    .optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: 'an http(s) URL of a Bot API server' }).default('https://api.telegram.org'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, 'file:./path/to.db for SQLite or postgres://user:pass@host/db')
    .default('file:./data/bot.db'),
  // Digits only: Number() would read '0x10' or '1e3', and '  ' as 0 (a random port nobody monitors).
  PORT: z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .pipe(z.number().max(65535))
    .default(3000),
  ADMIN_TELEGRAM_IDS: idList.default([]),
  // Where browsers reach this process's HTTP server (the live board's links); without it the board has no buttons.
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'the http(s) address browsers reach this bot at, e.g. https://bot.example.go.id' }).optional(),
  DEFAULT_TIMEZONE: timeZone.default('Asia/Jakarta'),
  LOG_LEVEL: z.preprocess((value) => (typeof value === 'string' ? value.toLowerCase() : value), z.enum(LOG_LEVELS)).default('info'),
});

/**
 * Every setting of the bot, read once from the environment. The schema varies
 * on BOT_MODE: the webhook URL and secret are required only in webhook mode.
 */
export const configSchema = z.discriminatedUnion('BOT_MODE', [
  commonSchema.extend({ BOT_MODE: z.literal('polling') }),
  commonSchema.extend({
    BOT_MODE: z.literal('webhook'),
    WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'the public https URL Telegram posts updates to' }),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, '1-256 characters A-Z, a-z, 0-9, _ or - (Telegram checks it on every update)'),
  }),
]);
export type Config = z.infer<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

// zod's own wording for type errors ("expected number, received NaN") is not for operators.
const EXPECTED: Record<string, string> = {
  BOT_MODE: 'polling or webhook',
  PORT: 'a port number from 0 to 65535',
  WEBHOOK_URL: 'the public https URL Telegram posts updates to (required when BOT_MODE=webhook)',
  WEBHOOK_SECRET: '1-256 characters A-Z, a-z, 0-9, _ or - (required when BOT_MODE=webhook; Telegram sends it with every update)',
  LOG_LEVEL: LOG_LEVELS.join(', '),
  PUBLIC_URL: 'the http(s) address browsers reach this bot at, e.g. https://bot.example.go.id',
};

/** Parses the environment; a bad value gives one line naming the variable and what is expected. */
export function parseConfig(env: NodeJS.ProcessEnv): ConfigResult {
  // Blank counts as unset, so `PORT=` in a .env file means the default.
  const input = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  input.BOT_MODE ??= 'polling';
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const issue = parsed.error.issues[0];
  const variable = issue?.path[0] === undefined ? 'configuration' : String(issue.path[0]);
  const expected = EXPECTED[variable] ?? issue?.message ?? 'a valid value';
  return { ok: false, message: `${variable}: expected ${expected}` };
}

/** Reads ./.env into process.env when the file exists; variables already set win. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Every environment variable the bot reads, from the schema itself (tests and .env.example checks use it). */
export const CONFIG_VARIABLES: readonly string[] = [...new Set(configSchema.options.flatMap((option) => Object.keys(option.shape)))];
