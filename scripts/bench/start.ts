/**
 * Start to ready and idle RSS of the compiled bot (`node
 * --max-semi-space-size=2 dist/main.js`, what `npm start` runs) against a bare telegraf bot that only polls, both pointed
 * at the Bot API simulator. Runs alternate so both see the same machine load.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BotApiSimulator } from '../../src/simulator/index.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const TOKEN = '123456789:AAH-bench-start-token-0123456789';

/** The peer: telegraf alone, ready once getMe answered and polling began. */
const BARE_BOT = `
import { Telegraf } from 'telegraf';
const bot = new Telegraf(process.env.BOT_TOKEN, { telegram: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.on('message', (ctx) => ctx.reply('ok'));
bot.launch(() => console.log(JSON.stringify({ msg: 'bot started' })));
process.once('SIGTERM', () => bot.stop('SIGTERM'));
`;

export interface StartCommand {
  label: string;
  /** Arguments to this node. */
  args: string[];
}

// What `npm start`, the Dockerfile (NODE_OPTIONS) and the systemd unit run.
export const BOT_COMMAND: StartCommand = { label: 'bot (node --max-semi-space-size=2 dist/main.js)', args: ['--max-semi-space-size=2', 'dist/main.js'] };
export const BARE_COMMAND: StartCommand = { label: 'bare telegraf (node)', args: ['--input-type=module', '-e', BARE_BOT] };

export interface StartSample {
  readyMs: number;
  rssMiB: number;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kib / 1024;
}

/** One start: spawn, wait for the "bot started" line, idle `idleMs`, read RSS, SIGTERM. */
async function startOnce(command: StartCommand, env: Record<string, string>, idleMs: number): Promise<StartSample> {
  const started = performance.now();
  const child = spawn(process.execPath, command.args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<void>((resolveExit) => child.once('close', () => resolveExit()));
  try {
    const readyMs = await new Promise<number>((resolveReady, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        if (out.includes('"msg":"bot started"')) resolveReady(performance.now() - started);
      });
      void exited.then(() => reject(new Error(`${command.label} exited before it was ready\n${out}\n${err}`)));
    });
    await new Promise((wait) => setTimeout(wait, idleMs));
    return { readyMs, rssMiB: rssMiB(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
    await exited;
    clearTimeout(timer);
  }
}

export interface StartRow {
  label: string;
  samples: StartSample[];
}

/**
 * `runs` starts of each command, alternated, after one unmeasured warm-up
 * each (it also migrates the bot's database, which a real restart finds done).
 */
export async function benchStart(commands: StartCommand[], runs = 5, idleMs = 2_000): Promise<StartRow[]> {
  const sim = new BotApiSimulator({ token: TOKEN });
  const apiRoot = await sim.start();
  const dir = mkdtempSync(join(tmpdir(), 'misi-bench-start-'));
  const env = { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, DATABASE_URL: `file:${join(dir, 'start.db')}`, PORT: '0', LOG_LEVEL: 'info', BOT_MODE: 'polling' };
  const rows = commands.map((command) => ({ label: command.label, samples: [] as StartSample[] }));
  try {
    for (const command of commands) await startOnce(command, env, 0);
    for (let run = 0; run < runs; run++) {
      for (const [index, command] of commands.entries()) rows[index]!.samples.push(await startOnce(command, env, idleMs));
    }
    return rows;
  } finally {
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor((values.length - 1) / 2)]!;

export function printStart(rows: StartRow[]): void {
  const peer = rows.at(-1)!;
  console.log(`\nstart to ready ("bot started" log line) and RSS after ${peer.samples.length} alternated starts (min / median)`);
  console.log(`| process | start to ready, ms | idle RSS, MiB | ratio to ${peer.label} (median ready / RSS) |`);
  console.log('| --- | --- | --- | --- |');
  for (const row of rows) {
    const ready = row.samples.map((sample) => sample.readyMs);
    const rss = row.samples.map((sample) => sample.rssMiB);
    const readyRatio = median(ready) / median(peer.samples.map((sample) => sample.readyMs));
    const rssRatio = median(rss) / median(peer.samples.map((sample) => sample.rssMiB));
    console.log(`| ${row.label} | ${Math.min(...ready).toFixed(0)} / ${median(ready).toFixed(0)} | ${Math.min(...rss).toFixed(0)} / ${median(rss).toFixed(0)} | ${readyRatio.toFixed(2)} / ${rssRatio.toFixed(2)} |`);
  }
}
