/**
 * setMyCommands is nice to have (DESIGN.md, STYLE.md "optional" calls): a Bot
 * API server that refuses it must not keep the bot from starting, and the
 * refusal is logged as a warning, not swallowed silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiSimulator } from '../../src/simulator/index.js';
import { PROCESS_TOKEN, allOutput, killIfRunning, launchBot, terminate, tempDir, waitForLog, followInbox, type BotProcess } from './process-helpers.js';

describe('a Bot API server that refuses setMyCommands', () => {
  let sim: BotApiSimulator;
  let bot: BotProcess;
  let unfollow = (): void => undefined;
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    sim = new BotApiSimulator({ token: PROCESS_TOKEN, settleTimeoutMs: 15_000 });
    sim.fail('setMyCommands', { error_code: 400, description: 'Bad Request: nope' }, { times: 5 });
    const apiRoot = await sim.start();
    dir = await tempDir();
    bot = launchBot({
      BOT_TOKEN: PROCESS_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_URL: dir.databaseUrl,
      PORT: '0',
      ADMIN_TELEGRAM_IDS: '7201',
      LOG_LEVEL: 'info',
    });
    await waitForLog(bot, (line) => line.msg === 'bot started', 30_000);
    // The bot acknowledges updates once stored in its inbox: settled() also waits for them to be handled.
    unfollow = await followInbox(sim, bot);
  }, 60_000);

  afterAll(async () => {
    unfollow();
    await killIfRunning(bot);
    await sim?.stop();
    await dir?.remove();
  }, 30_000);

  it('still starts and answers /start', async () => {
    expect(sim.callsOf('setMyCommands').length).toBeGreaterThanOrEqual(1);
    expect(sim.callsOf('setMyCommands').every((call) => !call.ok)).toBe(true);
    const rina = sim.user({ id: 7202, firstName: 'Rina' });
    await rina.send('/start');
    expect(rina.lastText()).toMatch(/^Halo, Rina!/);
  });

  it('logs a warning that names the optional call and the error', () => {
    const warnings = bot.logLines().filter((line) => line.level === 40);
    const about = warnings.filter((line) => /setMyCommands/.test(JSON.stringify(line)));
    expect(about.length, `stdout:\n${bot.stdout()}`).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(about[0])).toContain('Bad Request: nope');
    expect(allOutput(bot)).not.toContain(PROCESS_TOKEN);
  });

  it('still stops on SIGTERM with exit code 0', async () => {
    expect(await terminate(bot, 10_000)).toEqual({ code: 0, signal: null });
  }, 30_000);
});
