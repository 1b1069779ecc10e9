/**
 * ~150 seeded random and malformed updates (see test/support/update-fuzz.ts;
 * `npm run fuzz` sends 2,000): not one error-level log line, no "something
 * went wrong" reply, and the bot still answers a normal /start afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PROVIDERS } from '../support/databases.js';
import { runFuzz, startFuzzStage, type FuzzStage } from '../support/update-fuzz.js';

describe.each(TEST_PROVIDERS)('fuzzed updates (%s)', (provider) => {
  let fuzz: FuzzStage;

  beforeAll(async () => {
    fuzz = await startFuzzStage(provider, 8800);
  });
  afterAll(async () => fuzz?.stop());

  it('handles 150 random and malformed updates without an error line, then still answers /start', async () => {
    const before = fuzz.stage.bot.sim.acknowledged;
    const kinds = await runFuzz(fuzz, 7, 150);
    expect(fuzz.stage.bot.sim.acknowledged - before).toBeGreaterThanOrEqual(150);
    // Every kind was exercised, so a passing run means something.
    for (const [kind, count] of Object.entries(kinds)) expect(count, kind).toBeGreaterThan(0);
    expect(fuzz.errors.lines).toEqual([]);
    const sorry = fuzz.stage.bot.sim.callsOf('sendMessage').filter((call) => /gangguan|something went wrong/i.test(String(call.params.text ?? '')));
    expect(sorry).toHaveLength(0);

    const probe = fuzz.stage.bot.sim.user({ id: 8899, firstName: 'Probe' });
    await probe.send('/start');
    expect(probe.lastText()).toContain('Halo, Probe!');
  }, 120_000);
});
