/**
 * `npm run fuzz`: 2,000 randomized and malformed updates (seeded) through
 * the Bot API simulator to a bot on SQLite, and on PostgreSQL when
 * TEST_POSTGRES_URL is set. Prints, per database, the error-level log lines
 * the input caused (goal 0), the "something went wrong" replies users saw,
 * and how many updates of each kind were sent; then checks that the bot
 * still answers /start. Options: `--count N`, `--seed N`.
 * Exits 1 when there was an error line, so CI can run it.
 */
import { TEST_PROVIDERS } from '../test/support/databases.js';
import { runFuzz, startFuzzStage } from '../test/support/update-fuzz.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
};
const count = option('--count', 2000);
const seed = option('--seed', 20261126);
const GANGGUAN = /gangguan|something went wrong/i;

/** An error line as update id and the end of its message (Prisma's messages put the cause last). */
function describeLine(line: string): string {
  try {
    const parsed = JSON.parse(line) as { update_id?: number; msg?: string; err?: { message?: string } };
    return `update ${parsed.update_id ?? '?'}: ${parsed.msg ?? ''}: ${(parsed.err?.message ?? '').slice(-300)}`;
  } catch {
    return line.slice(0, 400);
  }
}

let failed = false;
for (const provider of TEST_PROVIDERS) {
  const fuzz = await startFuzzStage(provider, 9100);
  const started = Date.now();
  try {
    const acknowledgedBefore = fuzz.stage.bot.sim.acknowledged;
    const kinds = await runFuzz(fuzz, seed, count);
    const updates = fuzz.stage.bot.sim.acknowledged - acknowledgedBefore;
    const sorry = fuzz.stage.bot.sim.callsOf('sendMessage').filter((call) => GANGGUAN.test(String(call.params.text ?? ''))).length;
    const probe = fuzz.stage.bot.sim.user({ id: 9999, firstName: 'Probe' });
    await probe.send('/start');
    const alive = /Halo, <b>Probe<\/b>|Hello, <b>Probe<\/b>|Halo, Probe|Hello, Probe/.test(probe.lastText() ?? '');
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const steps = Object.values(kinds).reduce((sum, n) => sum + n, 0);
    console.log(`${provider}: ${updates} updates delivered in ${steps} fuzz steps (seed ${seed}) in ${seconds} s`);
    console.log(`  error-level log lines: ${fuzz.errors.lines.length} (goal 0)`);
    console.log(`  "something went wrong" replies: ${sorry}`);
    console.log(`  /start answered afterwards: ${alive ? 'yes' : 'NO'}`);
    console.log(`  fuzz steps per kind: ${Object.entries(kinds).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
    for (const line of fuzz.errors.lines.slice(0, 10)) console.log(`  ! ${describeLine(line)}`);
    if (fuzz.errors.lines.length > 0 || !alive) failed = true;
  } finally {
    await fuzz.stop();
  }
}
process.exit(failed ? 1 : 0);
