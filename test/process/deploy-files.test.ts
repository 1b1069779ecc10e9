/**
 * The deployment files, checked as far as a machine without Docker or systemd
 * can: docker-compose.yml parses and gives the bot only variables the
 * configuration knows; the Dockerfile's start command and health check work
 * outside Docker; the systemd unit stops the bot the way it expects; the
 * Prisma CLI loads prisma.config.ts for both databases.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, configSchema } from '../../src/config.js';
import { BotApiSimulator } from '../../src/simulator/index.js';
import { PROCESS_TOKEN, ROOT, allOutput, freePort, killIfRunning, launchCommand, tempDir, terminate, waitForLog, type BotProcess } from './process-helpers.js';

const run = promisify(execFile);
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
  ports?: string[];
  stop_grace_period?: string;
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
  const bot = compose.services.bot;
  const db = compose.services.db;

  it('has PostgreSQL with a health check and the bot built from the Dockerfile, started once the database is healthy', () => {
    expect(db?.image).toMatch(/^postgres:\d+/);
    expect(db?.healthcheck?.test?.join(' ')).toContain('pg_isready');
    expect(bot?.build).toBe('.');
    expect(bot?.depends_on?.db?.condition).toBe('service_healthy');
    expect(bot?.stop_grace_period).toBe('15s');
  });

  it('gives the bot only variables of the configuration, in webhook mode, on PostgreSQL in the db service', () => {
    const env = bot?.environment ?? {};
    for (const name of Object.keys(env)) expect(CONFIG_VARIABLES, name).toContain(name);
    expect(env.BOT_MODE).toBe('webhook');
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/misi:\$\{POSTGRES_PASSWORD\}@db:5432\/misi_dagang$/);
    // With the ${…} placeholders filled in as an operator would, the configuration accepts it.
    const filled = Object.fromEntries(
      Object.entries(env).map(([name, value]) => [
        name,
        value.replace(/\$\{(\w+)(?::[-?][^}]*)?\}/g, (_, variable: string) =>
          ({ BOT_TOKEN: PROCESS_TOKEN, WEBHOOK_URL: 'https://bot.example.go.id/telegram/hook', WEBHOOK_SECRET: 'long-random-string', POSTGRES_PASSWORD: 'secret', DEFAULT_TIMEZONE: 'Asia/Jakarta', LOG_LEVEL: 'info' })[variable] ?? ''),
      ]),
    );
    const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(filled).filter(([, value]) => value !== '')));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(bot?.ports).toEqual([`${env.PORT}:${env.PORT}`]);
  });
});

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const finalStage = text.split(/^FROM /m).at(-1) ?? '';
  const jsonArray = (instruction: string) => {
    const match = new RegExp(`^${instruction} (\\[.*\\])$`, 'm').exec(finalStage);
    return match ? (JSON.parse(match[1] as string) as string[]) : undefined;
  };

  it('is multi-stage, runs as a non-root user under tini, with a health check by node on /healthz', () => {
    expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(finalStage).toMatch(/^USER node$/m);
    expect(jsonArray('ENTRYPOINT')).toEqual(['/usr/bin/tini', '--']);
    expect(finalStage).toMatch(/HEALTHCHECK[^\n]*\\\n\s+CMD \["node", "-e", "[^\n]*\/healthz/);
  });

  it('copies only files that exist, and .dockerignore keeps out what the image builds itself', () => {
    const sources = [...text.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) => (match[1] as string).split(/\s+/));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    for (const path of ['node_modules', 'dist', '.env', 'data', 'src/db/generated']) expect(ignored, path).toContain(path);
  });

  describe('its CMD, run outside Docker with the environment of docker-compose.yml', () => {
    let sim: BotApiSimulator;
    let bot: BotProcess | undefined;
    let dir: Awaited<ReturnType<typeof tempDir>>;

    afterAll(async () => {
      await killIfRunning(bot);
      await sim?.stop();
      await dir?.remove();
    }, 30_000);

    it('starts in webhook mode, passes the HEALTHCHECK command, and stops on SIGTERM with exit code 0', async () => {
      const cmd = jsonArray('CMD');
      expect(cmd).toEqual(['node', 'dist/main.js']);
      sim = new BotApiSimulator({ token: PROCESS_TOKEN });
      await sim.start();
      dir = await tempDir();
      const port = String(await freePort());
      bot = launchCommand(cmd as string[], {
        BOT_TOKEN: PROCESS_TOKEN,
        TELEGRAM_API_ROOT: sim.apiRoot,
        DATABASE_URL: dir.databaseUrl,
        BOT_MODE: 'webhook',
        WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
        WEBHOOK_SECRET: 'long-random-string',
        PORT: port,
      });
      await waitForLog(bot, (line) => line.msg === 'bot started', 30_000);
      const healthcheck = /HEALTHCHECK[^\n]*\\\n\s+CMD (\[.*\])$/m.exec(finalStage);
      const [command, ...args] = JSON.parse(healthcheck?.[1] as string) as string[];
      expect(command).toBe('node');
      await expect(run(process.execPath, args, { env: { ...process.env, PORT: port } })).resolves.toBeDefined();
      // And it fails when nothing answers.
      await expect(run(process.execPath, args, { env: { ...process.env, PORT: String(await freePort()) } })).rejects.toThrow();
      expect(await terminate(bot, 10_000), allOutput(bot)).toEqual({ code: 0, signal: null });
    }, 60_000);
  });
});

describe('deploy/misi-dagang-bot.service', () => {
  const unit = Object.fromEntries(
    read('deploy/misi-dagang-bot.service')
      .split('\n')
      .filter((line) => /^\w+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

  it('runs the compiled bot directly, restarts it on failure, stops it with SIGTERM and waits longer than its 10 s stop', () => {
    expect(unit.ExecStart).toMatch(/\/node dist\/main\.js$/);
    expect(unit.Restart).toBe('on-failure');
    expect(unit.KillSignal).toBe('SIGTERM');
    expect(Number(unit.TimeoutStopSec)).toBeGreaterThan(10);
    expect(unit.EnvironmentFile).toMatch(/^\//);
    expect(unit.User).not.toBe('root');
  });
});

describe('prisma.config.ts', () => {
  // Validating needs no schema engine; pointing at any executable stops the CLI's download of one.
  const prisma = (databaseUrl: string) =>
    run(process.execPath, [join(ROOT, 'node_modules/prisma/build/index.js'), 'validate'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
    });

  it.each([
    { url: 'file:./data/bot.db', schema: 'prisma/schema.prisma' },
    { url: 'postgresql://misi:secret@db:5432/misi_dagang', schema: 'prisma/postgresql/schema.prisma' },
  ])('is loaded by the Prisma CLI for $url and picks $schema', async ({ url, schema }) => {
    const { stdout, stderr } = await prisma(url);
    const output = stdout + stderr;
    expect(output).toContain('Loaded Prisma config from prisma.config.ts');
    expect(output).toContain(`The schema at ${schema} is valid`);
  }, 60_000);
});
