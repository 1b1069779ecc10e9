/**
 * What an operator sees when the bot cannot start: one clear message that
 * names the variable (or the way out), exit code 1, never a stack trace and
 * never the token.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/config.js';
import { BotApiSimulator } from '../../src/simulator/index.js';
import {
  PROCESS_TOKEN,
  ROOT,
  allOutput,
  exitWithin,
  killIfRunning,
  launchBot,
  tempDir,
  type BotProcess,
} from './process-helpers.js';

const started: BotProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const bot of started.splice(0)) await killIfRunning(bot);
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 30_000);

/** Starts the bot and waits for it to exit on its own (it must: the configuration is wrong). */
async function runToExit(env: Record<string, string>, how: 'node' | 'npm' = 'node', ms = 20_000) {
  const dir = await tempDir();
  cleanups.push(() => dir.remove());
  const bot = launchBot({ DATABASE_URL: dir.databaseUrl, PORT: '0', ...env }, how);
  started.push(bot);
  const outcome = await exitWithin(bot, ms);
  return { bot, outcome };
}

/** stderr without npm's own lines (when run through npm). */
const messageLines = (bot: BotProcess) =>
  bot
    .stderr()
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^npm (error|ERR!|warn)/.test(line));

describe('npm start with a configuration it cannot run with', () => {
  it('without BOT_TOKEN: exits 1 with one message that points to @BotFather and `npm run demo`', async () => {
    const { bot, outcome } = await runToExit({}, 'npm');
    expect(outcome).toEqual({ code: 1, signal: null });
    const message = messageLines(bot).join('\n');
    expect(message).toContain('BOT_TOKEN');
    expect(message).toContain('@BotFather');
    expect(message).toContain('npm run demo');
    // One message, not a stack trace.
    expect(allOutput(bot)).not.toMatch(/\n\s+at /);
    expect(messageLines(bot).length).toBeLessThanOrEqual(2);
  }, 60_000);

  it.each<{ name: string; env: Record<string, string>; variable: string }>([
    { name: 'PORT=abc', env: { BOT_TOKEN: PROCESS_TOKEN, PORT: 'abc' }, variable: 'PORT' },
    { name: 'PORT=70000', env: { BOT_TOKEN: PROCESS_TOKEN, PORT: '70000' }, variable: 'PORT' },
    { name: 'BOT_MODE=webhook without WEBHOOK_URL', env: { BOT_TOKEN: PROCESS_TOKEN, BOT_MODE: 'webhook', WEBHOOK_SECRET: 's3cret' }, variable: 'WEBHOOK_URL' },
    { name: 'BOT_MODE=hook', env: { BOT_TOKEN: PROCESS_TOKEN, BOT_MODE: 'hook' }, variable: 'BOT_MODE' },
    { name: 'a malformed BOT_TOKEN', env: { BOT_TOKEN: 'not-a-token' }, variable: 'BOT_TOKEN' },
    { name: 'DATABASE_URL=mysql://…', env: { BOT_TOKEN: PROCESS_TOKEN, DATABASE_URL: 'mysql://u:p@h/db' }, variable: 'DATABASE_URL' },
  ])('$name: exits 1 with one line naming $variable', async ({ env, variable }) => {
    const { bot, outcome } = await runToExit(env);
    expect(outcome).toEqual({ code: 1, signal: null });
    const lines = messageLines(bot);
    expect(lines, `stderr:\n${bot.stderr()}`).toHaveLength(1);
    expect(lines[0]).toContain(`${variable}: expected`);
    expect(bot.stdout().trim()).toBe('');
    expect(allOutput(bot)).not.toContain(PROCESS_TOKEN);
  }, 30_000);

  it('the configuration error points to .env.example, and that file lists every variable of DESIGN.md', async () => {
    const { bot } = await runToExit({ BOT_TOKEN: PROCESS_TOKEN, PORT: 'abc' });
    expect(bot.stderr()).toContain('.env.example');
    const example = join(ROOT, '.env.example');
    expect(existsSync(example), `${example} is missing`).toBe(true);
    const text = readFileSync(example, 'utf8');
    for (const variable of CONFIG_VARIABLES) {
      expect(text, variable).toMatch(new RegExp(`^#?\\s*${variable}=`, 'm'));
    }
  }, 30_000);

  it('with a token the Bot API server refuses (401): exits non-zero with a clear log line, without the token', async () => {
    const sim = new BotApiSimulator({ token: PROCESS_TOKEN });
    const apiRoot = await sim.start();
    cleanups.push(() => sim.stop());
    const wrongToken = '987654321:AAH-wrong-token-for-this-server-xyz';
    const { bot, outcome } = await runToExit({ BOT_TOKEN: wrongToken, TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: 'info' }, 'node', 20_000);
    expect(outcome, `the bot did not exit on its own; output:\n${allOutput(bot)}`).not.toBe('timeout');
    if (outcome === 'timeout') return;
    expect(outcome.code).not.toBe(0);
    expect(outcome.code).not.toBeNull();
    const fatal = bot.logLines().filter((line) => line.level >= 50);
    expect(fatal.length, `stdout:\n${bot.stdout()}`).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(fatal)).toMatch(/401|Unauthorized/);
    expect(allOutput(bot)).not.toContain(wrongToken);
    expect(allOutput(bot)).not.toContain(wrongToken.split(':')[1]);
    expect(sim.callsOf('getMe').some((call) => call.response.ok === false)).toBe(true);
  }, 60_000);
});
