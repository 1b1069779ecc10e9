/**
 * The bot as a separate process, started the way outside tools start it
 * (`npm start`, or node on the compiled dist/main.js), configured only through its
 * environment (DESIGN.md, "Contracts that other tools rely on").
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_VARIABLES } from '../../src/config.js';
import type { BotApiSimulator } from '../../src/simulator/index.js';

/** The repository root: `npm start` runs there, relative paths (./data, .env) resolve there. */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** Shaped like a @BotFather token (digits, colon, 20+ of [A-Za-z0-9_-]), so the config accepts it. */
export const PROCESS_TOKEN = '123456789:AAH-process-test-token-0123456789';

export interface BotProcess {
  child: ChildProcess;
  /** Everything written to stdout / stderr so far. */
  stdout(): string;
  stderr(): string;
  /** stdout parsed as pino JSON lines (lines that are not JSON are skipped). */
  logLines(): LogLine[];
  /** Settles with the exit code (or the signal's name) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True once the process has exited. */
  readonly hasExited: boolean;
}

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export type LaunchHow = 'node' | 'npm';

/**
 * Starts the bot with `env` on top of the runner's environment minus the bot's
 * own variables. `how: 'node'` runs `node dist/main.js` (what `npm start`
 * runs, without npm in between; test/global-setup.ts builds dist/ once);
 * `'npm'` runs `npm start --silent`. The child leads a process group of its
 * own, so a test can signal the group the way a terminal or a supervisor does.
 */
export function launchBot(env: Record<string, string>, how: LaunchHow = 'node'): BotProcess {
  return launchCommand(how === 'npm' ? ['npm', 'start', '--silent'] : ['node', 'dist/main.js'], env);
}

/** Runs `command` (`node` is this Node) in the repository root, like launchBot. */
export function launchCommand([name, ...args]: string[], env: Record<string, string>): BotProcess {
  const base: NodeJS.ProcessEnv = { ...process.env };
  // A test sets exactly the variables it means; none leak in from the runner.
  for (const variable of CONFIG_VARIABLES) delete base[variable];
  const command = name === 'node' ? process.execPath : (name as string);
  const child = spawn(command, args, { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  let done = false;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('close', (code, signal) => {
      done = true;
      resolveExit({ code, signal });
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logLines: () => parseLogLines(out),
    exited,
    get hasExited() {
      return done;
    },
  };
}

export function parseLogLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
}

/**
 * Resolves with the first log line that matches; rejects when the process
 * exits first or after `ms`, with the output so far in the message.
 */
export function waitForLog(bot: BotProcess, predicate: (line: LogLine) => boolean, ms = 20_000): Promise<LogLine> {
  return new Promise((resolveLine, reject) => {
    const started = Date.now();
    const check = (): void => {
      const found = bot.logLines().find(predicate);
      if (found) return resolveLine(found);
      if (bot.hasExited) return reject(new Error(`the bot exited before the expected log line\n--- output ---\n${allOutput(bot)}`));
      if (Date.now() - started > ms) return reject(new Error(`no expected log line within ${ms} ms\n--- output ---\n${allOutput(bot)}`));
      setTimeout(check, 50);
    };
    check();
  });
}

/** Resolves with the exit, or with 'timeout' if the process is still running after `ms`. */
export async function exitWithin(bot: BotProcess, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolveTimeout) => (timer = setTimeout(() => resolveTimeout('timeout'), ms)));
  try {
    return await Promise.race([bot.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * SIGTERM, then the exit within `ms` — what an orchestrator does. A process
 * that does not stop in time is killed (so no test leaves one behind) and
 * reported as 'timeout'.
 */
export async function terminate(bot: BotProcess, ms = 8_000): Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'timeout'> {
  if (bot.hasExited) return bot.exited;
  bot.child.kill('SIGTERM');
  const outcome = await exitWithin(bot, ms);
  if (outcome === 'timeout') killGroup(bot);
  await bot.exited;
  return outcome;
}

/** SIGKILL to the bot's whole process group (npm and node alike), so nothing is left behind. */
export function killGroup(bot: BotProcess): void {
  try {
    if (bot.child.pid !== undefined) process.kill(-bot.child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Pids of the processes still in the bot's process group (empty once all are gone). */
export function groupMembers(bot: BotProcess): number[] {
  const pgid = bot.child.pid;
  if (pgid === undefined) return [];
  const lines = spawnSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' }).stdout.split('\n');
  return lines
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, group]) => group === pgid && pid !== undefined)
    .map(([pid]) => pid as number);
}

/** Last resort for afterAll/afterEach: the process is gone when this settles. */
export async function killIfRunning(bot: BotProcess | undefined): Promise<void> {
  if (!bot) return;
  if (!bot.hasExited) await terminate(bot, 5_000);
  // npm gone does not mean node is: nothing of the group may outlive a test.
  if (groupMembers(bot).length > 0) killGroup(bot);
}

/** A port nobody listens on right now (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  return port;
}

/** A fresh directory for one bot's SQLite file; `remove()` deletes it. */
export async function tempDir(): Promise<{ path: string; databaseUrl: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'misi-dagang-process-'));
  return {
    path,
    databaseUrl: `file:${join(path, 'bot.db')}`,
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** Both streams, for assertions about what an operator would see. */
export function allOutput(bot: BotProcess): string {
  return bot.stdout() + bot.stderr();
}

/**
 * Makes `sim.settled()` wait until the bot process has handled what it
 * acknowledged. The bot stores updates in its inbox before acknowledging
 * them, so once /healthz reports an empty inbox in an answer asked for after
 * the simulator counted N acknowledgements, those N are handled. Reads the
 * port from the "bot started" log line. Returns a function that stops following.
 */
export async function followInbox(sim: BotApiSimulator, bot: BotProcess): Promise<() => void> {
  const started = await waitForLog(bot, (line) => line.msg === 'bot started', 30_000);
  const port = Number(started.port);
  // Busy until /healthz has said the inbox is empty since the last acknowledgement.
  // Not "since this process started": rows an earlier (killed) process
  // acknowledged are in the inbox too, and this process handles them.
  let confirmed = -1;
  let following = true;
  const removeProbe = sim.settleWhen(() => confirmed !== sim.acknowledged);
  void (async () => {
    while (following && !bot.hasExited) {
      const acknowledged = sim.acknowledged;
      try {
        const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { backlog?: { inbox?: number } };
        if (health.backlog?.inbox === 0 && confirmed !== acknowledged) {
          confirmed = acknowledged;
          sim.poke();
        }
      } catch {
        // Not up yet, or stopping.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return () => {
    following = false;
    removeProbe();
  };
}
