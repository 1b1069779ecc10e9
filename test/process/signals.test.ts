/**
 * A clean stop whatever gets the signal: `npm start` as a supervisor, a
 * terminal or `docker stop` would signal it (npm alone, the whole process
 * group, or node alone), SIGTERM and SIGINT. Each path must log "stopped",
 * exit 0 within 10 s and leave no process of the group behind. One run stops
 * while a handler's reply hangs: the update is handed back, not lost.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { BotApiSimulator } from '../../src/simulator/index.js';
import {
  PROCESS_TOKEN,
  allOutput,
  exitWithin,
  groupMembers,
  killIfRunning,
  launchBot,
  tempDir,
  waitForLog,
  type BotProcess,
} from './process-helpers.js';

type Target = 'npm' | 'group' | 'node';

let sim: BotApiSimulator;
const started: BotProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  sim = new BotApiSimulator({ token: PROCESS_TOKEN, settleTimeoutMs: 15_000 });
  await sim.start();
});

afterEach(async () => {
  sim.clearFaults();
  for (const bot of started.splice(0)) await killIfRunning(bot);
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 30_000);

afterAll(async () => {
  await sim?.stop();
});

async function startThroughNpm(): Promise<{ bot: BotProcess; databaseUrl: string }> {
  const dir = await tempDir();
  cleanups.push(() => dir.remove());
  const bot = launchBot({ BOT_TOKEN: PROCESS_TOKEN, TELEGRAM_API_ROOT: sim.apiRoot, DATABASE_URL: dir.databaseUrl, PORT: '0', LOG_LEVEL: 'info' }, 'npm');
  started.push(bot);
  await waitForLog(bot, (line) => line.msg === 'bot started', 30_000);
  return { bot, databaseUrl: dir.databaseUrl };
}

/** The node process npm started (npm's child, `exec`ed by the script's shell). */
function nodePid(bot: BotProcess): number {
  const pid = groupMembers(bot).find((member) => member !== bot.child.pid);
  if (pid === undefined) throw new Error(`no node process in the group of npm (${bot.child.pid})`);
  return pid;
}

function signal(bot: BotProcess, target: Target, name: NodeJS.Signals): void {
  const npmPid = bot.child.pid as number;
  if (target === 'npm') process.kill(npmPid, name);
  else if (target === 'group') process.kill(-npmPid, name);
  else process.kill(nodePid(bot), name);
}

async function expectCleanStop(bot: BotProcess, sentAt: number): Promise<number> {
  const outcome = await exitWithin(bot, 10_000);
  const ms = Date.now() - sentAt;
  expect(outcome, `output:\n${allOutput(bot)}`).toEqual({ code: 0, signal: null });
  expect(bot.logLines().some((line) => line.msg === 'stopped'), `stdout:\n${bot.stdout()}`).toBe(true);
  // npm waits for its child, but give a stray grandchild a moment to show itself.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(groupMembers(bot)).toEqual([]);
  return ms;
}

describe('npm start stops cleanly, whatever gets the signal', () => {
  it.each<{ target: Target; name: NodeJS.Signals }>([
    { target: 'npm', name: 'SIGTERM' },
    { target: 'npm', name: 'SIGINT' },
    { target: 'group', name: 'SIGTERM' },
    { target: 'group', name: 'SIGINT' },
    { target: 'node', name: 'SIGTERM' },
    { target: 'node', name: 'SIGINT' },
  ])('$name to $target: "stopped", exit 0 within 10 s, nothing left running', async ({ target, name }) => {
    const { bot } = await startThroughNpm();
    const sentAt = Date.now();
    signal(bot, target, name);
    await expectCleanStop(bot, sentAt);
    const stopping = bot.logLines().find((line) => line.msg === 'stopping');
    expect(stopping?.reason).toBe(name);
  }, 60_000);

  it('SIGTERM to npm while a reply hangs: exit 0 within 10 s and the update is handed back, not lost', async () => {
    const { bot, databaseUrl } = await startThroughNpm();
    const user = sim.user({ id: 7301, firstName: 'Rina' });
    sim.delay('sendMessage', 60_000, { chatId: user.id });
    void user.send('/start').catch(() => undefined);
    const deadline = Date.now() + 15_000;
    while (!sim.callsInFlight().includes('sendMessage')) {
      if (Date.now() > deadline) throw new Error(`the reply never started\n${allOutput(bot)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const sentAt = Date.now();
    signal(bot, 'npm', 'SIGTERM');
    await expectCleanStop(bot, sentAt);
    const db = await openDatabase(databaseUrl);
    try {
      const rows = await db.prisma.inboxUpdate.findMany();
      expect(rows).toHaveLength(1);
      // Handed back: still to be handled, held by nobody, so the next start takes it at once.
      expect(rows[0]).toMatchObject({ status: 'PENDING', lockedBy: null });
    } finally {
      await db.close();
    }
  }, 60_000);
});
