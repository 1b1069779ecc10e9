import { Telegraf } from 'telegraf';
import { BotApiSimulator } from '../../src/simulator/index.js';
import type { BotApiSimulatorOptions } from '../../src/simulator/index.js';

/** A simulator and a tiny Telegraf bot polling it; `close()` stops both in the right order. */
export interface Harness {
  sim: BotApiSimulator;
  bot: Telegraf;
  /** Errors that reached bot.catch or ended the polling loop. */
  errors: unknown[];
  close(): Promise<void>;
}

export async function startHarness(
  setup: (bot: Telegraf) => void,
  options: BotApiSimulatorOptions = {},
): Promise<Harness> {
  const sim = new BotApiSimulator({ settleTimeoutMs: 5_000, ...options });
  const apiRoot = await sim.start();
  const bot = new Telegraf(sim.token, { telegram: { apiRoot } });
  const errors: unknown[] = [];
  bot.catch((error) => {
    errors.push(error);
  });
  setup(bot);
  // launch() resolves only when polling stops, so it is not awaited.
  bot.launch({ dropPendingUpdates: false }).catch((error: unknown) => errors.push(error));
  return {
    sim,
    bot,
    errors,
    async close() {
      try {
        bot.stop('test done');
      } catch {
        // the bot never got as far as polling
      }
      await sim.stop();
    },
  };
}

/** A PNG signature plus padding: enough for the simulator's image check. */
export const PNG_BYTES = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]);
