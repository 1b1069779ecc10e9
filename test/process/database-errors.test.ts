/**
 * A database the bot cannot use, as an operator meets it: `npm run db:migrate`
 * and start-up print one line that names DATABASE_URL and the cause (server
 * unreachable, database missing, SQLite path not writable), exit 1, no stack
 * trace, no password. Start-up waits for a PostgreSQL server that is not up
 * yet, logging each wait, for a bounded time.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/config.js';
import { BotApiSimulator } from '../../src/simulator/index.js';
import { createTestDatabase } from '../support/databases.js';
import { PROCESS_TOKEN, ROOT, allOutput, exitWithin, freePort, killIfRunning, launchBot, tempDir, waitForLog, type BotProcess } from './process-helpers.js';

const started: BotProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const bot of started.splice(0)) await killIfRunning(bot);
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 30_000);

/** `npm run db:migrate` with DATABASE_URL set; its exit code and output. */
function migrate(databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CONFIG_VARIABLES) delete env[name];
  const child = spawn('npm', ['run', 'db:migrate', '--silent'], { cwd: ROOT, env: { ...env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '' && !/^npm (error|ERR!|warn)/.test(line));

function expectOneClearLine(stderr: string, cause: RegExp): void {
  expect(lines(stderr), `stderr:\n${stderr}`).toHaveLength(1);
  expect(stderr).toContain('DATABASE_URL');
  expect(stderr).toMatch(cause);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain(':secret@');
}

/** A folder path under a regular file: no user, root included, can create it. */
async function unwritableSqliteUrl(): Promise<string> {
  const dir = await tempDir();
  cleanups.push(() => dir.remove());
  writeFileSync(join(dir.path, 'not-a-folder'), '');
  return `file:${join(dir.path, 'not-a-folder', 'bot.db')}`;
}

describe('npm run db:migrate with a database it cannot use', () => {
  it('PostgreSQL down: one line naming DATABASE_URL and "cannot be reached", exit 1', async () => {
    const port = await freePort();
    const result = await migrate(`postgresql://misi:secret@127.0.0.1:${port}/misi_dagang`);
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, new RegExp(`PostgreSQL server at 127\\.0\\.0\\.1:${port} cannot be reached`));
    expect(result.stderr).toContain('misi:***@');
  }, 60_000);

  it('SQLite path not writable: one line naming DATABASE_URL and the path, exit 1', async () => {
    const url = await unwritableSqliteUrl();
    const result = await migrate(url);
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /SQLite file .*not-a-folder\/bot\.db cannot be created or written/);
  }, 60_000);

  it('a working SQLite path: applies the migrations, then says it is up to date', async () => {
    const dir = await tempDir();
    cleanups.push(() => dir.remove());
    const first = await migrate(dir.databaseUrl);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/applied .*_init/);
    const second = await migrate(dir.databaseUrl);
    expect(second.stdout).toMatch(/up to date/);
  }, 60_000);
});

describe('start-up with a database it cannot use', () => {
  it('SQLite path not writable: exit 1 at once with one line naming DATABASE_URL', async () => {
    const bot = launchBot({ BOT_TOKEN: PROCESS_TOKEN, DATABASE_URL: await unwritableSqliteUrl(), PORT: '0' });
    started.push(bot);
    expect(await exitWithin(bot, 20_000)).toEqual({ code: 1, signal: null });
    expectOneClearLine(bot.stderr(), /cannot be created or written/);
  }, 30_000);

  it('PostgreSQL down for good: logs each wait, gives up after 30 s with one line, exit 1', async () => {
    const port = await freePort();
    const bot = launchBot({ BOT_TOKEN: PROCESS_TOKEN, DATABASE_URL: `postgresql://misi:secret@127.0.0.1:${port}/misi_dagang`, PORT: '0' });
    started.push(bot);
    const outcome = await exitWithin(bot, 45_000);
    expect(outcome, allOutput(bot)).toEqual({ code: 1, signal: null });
    const waits = bot.logLines().filter((line) => line.msg === 'waiting for the database');
    // 1 + 2 + 4 + 5 + 5 + 5 + 5 + (what is left of 30 s): about eight waits, each logged.
    expect(waits.length).toBeGreaterThanOrEqual(6);
    expect(waits.every((line) => String(line.problem).includes('cannot be reached'))).toBe(true);
    expectOneClearLine(bot.stderr(), /cannot be reached.*gave up after 3\d s/);
  }, 60_000);
});

// These need a PostgreSQL server to reach (CI sets TEST_POSTGRES_URL).
describe.each(process.env.TEST_POSTGRES_URL ? [process.env.TEST_POSTGRES_URL] : [])('with a PostgreSQL server (%s)', (adminUrl) => {
  it('a database that does not exist: one line naming it, from db:migrate and from start-up', async () => {
    const url = new URL(adminUrl);
    url.pathname = '/misi_no_such_database';
    const result = await migrate(url.toString());
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /the database "misi_no_such_database" does not exist/);
    const bot = launchBot({ BOT_TOKEN: PROCESS_TOKEN, DATABASE_URL: url.toString(), PORT: '0' });
    started.push(bot);
    expect(await exitWithin(bot, 20_000)).toEqual({ code: 1, signal: null });
    expectOneClearLine(bot.stderr(), /does not exist/);
  }, 60_000);

  it('a server that comes up while the bot waits: the bot logs the waits, then starts', async () => {
    const database = await createTestDatabase('postgresql');
    cleanups.push(() => database.drop());
    const sim = new BotApiSimulator({ token: PROCESS_TOKEN });
    await sim.start();
    cleanups.push(() => sim.stop());
    // The "server" is a TCP relay to the real one, opened only after the bot has started waiting.
    const real = new URL(database.url);
    const port = await freePort();
    const viaRelay = new URL(database.url);
    viaRelay.port = String(port);
    const bot = launchBot({ BOT_TOKEN: PROCESS_TOKEN, TELEGRAM_API_ROOT: sim.apiRoot, DATABASE_URL: viaRelay.toString(), PORT: '0' });
    started.push(bot);
    await waitForLog(bot, (line) => line.msg === 'waiting for the database', 20_000);
    const relay = await openRelay(port, real.hostname, Number(real.port || 5432));
    cleanups.push(() => relay.close());
    await waitForLog(bot, (line) => line.msg === 'bot started', 30_000);
    expect(bot.stderr()).toBe('');
  }, 60_000);
});

function openRelay(port: number, host: string, targetPort: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
