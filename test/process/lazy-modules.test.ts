/**
 * Start and memory (issue 8): the chart (vega, vega-lite, resvg) and workbook
 * (exceljs) libraries load with the first digest or export, not at start;
 * on SQLite, PostgreSQL's adapter, driver and client are not loaded at all,
 * and Prisma's query compiler is the build for size.
 * The compiled bot runs with a loader hook that writes down every module it
 * resolves; at "bot started" none of them may be among them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotApiSimulator } from '../../src/simulator/index.js';
import { PROCESS_TOKEN, killIfRunning, launchCommand, tempDir, waitForLog, type BotProcess } from './process-helpers.js';

const LAZY_PACKAGES = ['vega', 'vega-lite', '@resvg/resvg-js', 'exceljs', '@prisma/adapter-pg', 'pg'];

describe('node dist/main.js at ready', () => {
  let sim: BotApiSimulator;
  let bot: BotProcess;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let loaded: string[];

  beforeAll(async () => {
    sim = new BotApiSimulator({ token: PROCESS_TOKEN });
    const apiRoot = await sim.start();
    dir = await tempDir();
    const traceFile = join(dir.path, 'modules.txt');
    bot = launchCommand(['node', '--import', './test/process/module-trace.mjs', 'dist/main.js'], {
      BOT_TOKEN: PROCESS_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_URL: dir.databaseUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      MODULE_TRACE_FILE: traceFile,
    });
    await waitForLog(bot, (line) => line.msg === 'bot started', 30_000);
    loaded = existsSync(traceFile) ? readFileSync(traceFile, 'utf8').split('\n').filter(Boolean) : [];
  }, 60_000);

  afterAll(async () => {
    await killIfRunning(bot);
    await sim?.stop();
    await dir?.remove();
  }, 30_000);

  it('the trace sees the packages the bot needs to run (telegraf, the database adapter)', () => {
    expect(loaded.filter((url) => url.includes('/node_modules/telegraf/'))).not.toEqual([]);
    expect(loaded.filter((url) => url.includes('/node_modules/@prisma/adapter-better-sqlite3/'))).not.toEqual([]);
  });

  it.each(LAZY_PACKAGES)('has not loaded %s', (name) => {
    expect(loaded.filter((url) => url.includes(`/node_modules/${name}/`))).toEqual([]);
  });

  it('has not loaded the PostgreSQL client (the database is SQLite)', () => {
    expect(loaded.filter((url) => url.includes('/dist/db/generated/sqlite/'))).not.toEqual([]);
    expect(loaded.filter((url) => url.includes('/dist/db/generated/postgresql/'))).toEqual([]);
  });

  it("loaded Prisma's query compiler built for size, not the fast build (about 50 MiB more resident)", () => {
    expect(loaded.filter((url) => url.includes('query_compiler_small_bg.sqlite'))).not.toEqual([]);
    expect(loaded.filter((url) => url.includes('query_compiler_fast_bg'))).toEqual([]);
  });
});
