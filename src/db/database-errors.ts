import { openDatabase, providerOf, sqlitePath, type Database } from './database.js';

/**
 * A database the bot cannot use, said in one line an operator can act on:
 * the variable, the database (without its password) and the cause. Start-up
 * and `npm run db:migrate` print its message instead of Prisma's stack trace.
 */
export class DatabaseStartError extends Error {
  override readonly name = 'DatabaseStartError';
  constructor(
    message: string,
    /** True when waiting may help: the server is down or still starting. */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** The URL as it may be printed: no password. */
export function redactUrl(url: string): string {
  return url.replace(/^(\w+:\/\/[^:/@]*):[^@/]*@/, '$1:***@');
}

interface DriverCause {
  kind?: string;
  originalCode?: string;
  host?: string;
  port?: number;
  db?: string;
  user?: string;
}

/** The driver adapter's classification, where Prisma carries it (meta.driverAdapterError.cause). */
function driverCause(error: unknown): DriverCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } } | undefined)?.meta;
  return meta?.driverAdapterError?.cause;
}

const FILE_ERRORS = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'EACCES', 'EPERM', 'EROFS', 'EEXIST', 'ENOTDIR']);

/**
 * Turns what the driver threw into a DatabaseStartError when it is one of the
 * causes an operator fixes outside the bot; undefined for anything else (a bug
 * keeps its own message).
 */
export function explainDatabaseError(url: string, error: unknown): DatabaseStartError | undefined {
  if (error instanceof DatabaseStartError) return error;
  const where = `DATABASE_URL=${redactUrl(url)}`;
  if (providerOf(url) === 'sqlite') {
    const code = (error as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && FILE_ERRORS.has(code)) {
      return new DatabaseStartError(
        `Database error — ${where}: the SQLite file ${sqlitePath(url)} cannot be created or written (${code}); point DATABASE_URL at a folder this user may write to.`,
        false,
      );
    }
    return undefined;
  }
  const cause = driverCause(error);
  const message = error instanceof Error ? error.message : String(error);
  if (cause?.kind === 'DatabaseNotReachable' || /Can't reach database server/.test(message)) {
    const at = cause?.host ? `${cause.host}${cause.port ? `:${cause.port}` : ''}` : 'its address';
    return new DatabaseStartError(`Database error — ${where}: the PostgreSQL server at ${at} cannot be reached (is it running and accepting connections?).`, true);
  }
  // 57P03: the server is up but still recovering or starting; 57P01: it is shutting down (a restart).
  if (cause?.originalCode === '57P03' || cause?.originalCode === '57P01' || /the database system is (starting up|shutting down)/.test(message)) {
    return new DatabaseStartError(`Database error — ${where}: the PostgreSQL server is still starting.`, true);
  }
  if (cause?.kind === 'DatabaseDoesNotExist' || /Database `[^`]*` does not exist/.test(message)) {
    const name = cause?.db ?? new URL(url).pathname.slice(1);
    return new DatabaseStartError(`Database error — ${where}: the database "${name}" does not exist on that server (create it first, e.g. createdb ${name}).`, false);
  }
  if (cause?.kind === 'AuthenticationFailed' || /Authentication failed/.test(message)) {
    return new DatabaseStartError(`Database error — ${where}: the server refused the user${cause?.user ? ` "${cause.user}"` : ''} (wrong user name or password).`, false);
  }
  return undefined;
}

/** Runs `fn`, turning the database's operator-fixable failures into one clear DatabaseStartError. */
export async function explainingDatabaseErrors<T>(url: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw explainDatabaseError(url, error) ?? error;
  }
}

/**
 * Connects and asks the cheapest question: does the database answer at all?
 * Returns the open database, for the caller to use (each Prisma client
 * compiles its own query compiler, some MiB that stay resident) and close.
 */
export async function connectDatabase(url: string): Promise<Database> {
  return explainingDatabaseErrors(url, async () => {
    const db = await openDatabase(url);
    try {
      await db.prisma.$queryRawUnsafe('SELECT 1');
      return db;
    } catch (error) {
      await db.close();
      throw error;
    }
  });
}

/** Connects, asks the cheapest question and disconnects: does the database answer at all? */
export async function probeDatabase(url: string): Promise<void> {
  await (await connectDatabase(url)).close();
}

/** How long start-up waits for a database that is down or still starting (a container started with the bot). */
export const DATABASE_WAIT_MS = 30_000;

export interface WaitForDatabaseOptions {
  /** Told before each wait, to log it. */
  onWait(info: { problem: string; waitedMs: number; retryInMs: number }): void;
  /** Aborted by a stop signal during start-up: give up waiting at once. */
  signal?: AbortSignal;
  waitMs?: number;
  clock?: () => number;
}

/**
 * Probes the database until it answers, for at most `waitMs`, waiting 1, 2, 4,
 * then 5 s between tries, and returns it connected (the caller closes it).
 * Only a server that is down or starting is waited for; a missing database,
 * a wrong password or an unwritable path fail at once.
 */
export async function waitForDatabase(url: string, options: WaitForDatabaseOptions): Promise<Database> {
  const clock = options.clock ?? Date.now;
  const budget = options.waitMs ?? DATABASE_WAIT_MS;
  const started = clock();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await connectDatabase(url);
    } catch (error) {
      if (!(error instanceof DatabaseStartError) || !error.retryable) throw error;
      const waitedMs = clock() - started;
      const retryInMs = Math.min(1_000 * 2 ** attempt, 5_000, budget - waitedMs);
      if (retryInMs <= 0) {
        throw new DatabaseStartError(`${error.message.replace(/\.$/, '')}; gave up after ${Math.round(waitedMs / 1000)} s.`, false);
      }
      options.onWait({ problem: error.message, waitedMs, retryInMs });
      await pause(retryInMs, options.signal);
    }
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
