/**
 * `npm run board:load`: the live board under load. The bot runs as its own
 * process (as `npm start` runs it) against the Bot API simulator; exhibitors
 * report sales through the simulator as fast as the bot answers them. The
 * ingest rate (reports saved per minute, counted in the database) is
 * measured without board clients, then with 1,000 Server-Sent Events
 * clients on loopback held for a minute, then without them again. Meanwhile
 * a probe exhibitor reports once a second and every client measures the time
 * from the probe's tap on "Save" to the first board frame that includes it
 * (an upper bound: it includes the bot's handling of the tap). The clients
 * run in a child process of their own, so their parsing does not slow the
 * bot or the reporters. Prints the rates, the delivery latency (p50/p95/max)
 * and the bot's resident memory.
 *
 * Options (environment): BOARD_CLIENTS (1000), HOLD_SECONDS (60),
 * BASELINE_SECONDS (30), REPORTERS (4), LOAD_DATABASE_URL (a fresh SQLite
 * file; a postgres:// URL of an empty database works too).
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/database.js';
import { createMissionByChat, registerByChat, reportSale } from '../src/demo/flows.js';
import { BotApiSimulator, type SimUser } from '../src/simulator/index.js';
import { JATIM_BANTEN } from '../test/support/fixtures.js';
import { PROCESS_TOKEN, followInbox, freePort, launchBot, tempDir, terminate } from '../test/process/process-helpers.js';

const OFFICIAL_ID = 9_000_001;

type ToClients = { type: 'probe'; revision: number; t0: number; saved: number } | { type: 'finish' };
type FromClients = { type: 'connected'; count: number; failed: number } | { type: 'done'; fromTap: number[]; fromSave: number[]; frames: number; closedEarly: number };

/** The child: N SSE clients on one URL, each noting when it first sees each probe's revision. */
async function runClients(): Promise<void> {
  const url = new URL(process.argv[process.argv.indexOf('--clients') + 1] ?? '');
  const count = Number(process.argv[process.argv.indexOf('--clients') + 2] ?? 1000);
  const probes: { revision: number; t0: number; saved: number }[] = [];
  // Per client, when each frame arrived and the revision it showed: matched with the probes at the end,
  // since a probe's revision is known only after its frame may already have arrived.
  const arrivals: { revision: number; at: number }[][] = [];
  let frames = 0;
  let closedEarly = 0;
  let finishing = false;
  const responses: IncomingMessage[] = [];
  const send = (message: FromClients) => process.send?.(message);

  process.on('message', (message: ToClients) => {
    if (message.type === 'probe') probes.push({ revision: message.revision, t0: message.t0, saved: message.saved });
    if (message.type === 'finish') {
      finishing = true;
      for (const response of responses) response.destroy();
      const fromTap: number[] = [];
      const fromSave: number[] = [];
      for (const probe of probes) {
        for (const seen of arrivals) {
          const first = seen.find((arrival) => arrival.revision >= probe.revision);
          if (!first) continue;
          fromTap.push(first.at - probe.t0);
          fromSave.push(first.at - probe.saved);
        }
      }
      send({ type: 'done', fromTap, fromSave, frames, closedEarly });
      setTimeout(() => process.exit(0), 200);
    }
  });

  const open = () =>
    new Promise<boolean>((resolve) => {
      const req = request(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return resolve(false);
        }
        responses.push(res);
        const seen: { revision: number; at: number }[] = [];
        arrivals.push(seen);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (\d+)\./m.exec(frame);
            if (!id) continue;
            frames++;
            seen.push({ revision: Number(id[1]), at: Date.now() });
          }
        });
        res.on('close', () => {
          if (!finishing) closedEarly++;
        });
        resolve(true);
      });
      req.on('error', () => resolve(false));
      req.end();
    });

  let connected = 0;
  let failed = 0;
  // In batches, as a hall of screens and phones would arrive (and not to overflow the listen backlog).
  for (let index = 0; index < count; index += 50) {
    const results = await Promise.all(Array.from({ length: Math.min(50, count - index) }, open));
    connected += results.filter(Boolean).length;
    failed += results.filter((ok) => !ok).length;
  }
  send({ type: 'connected', count: connected, failed });
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

async function main(): Promise<void> {
  const clients = Number(process.env.BOARD_CLIENTS ?? 1000);
  const holdSeconds = Number(process.env.HOLD_SECONDS ?? 60);
  const baselineSeconds = Number(process.env.BASELINE_SECONDS ?? 30);
  const reporterCount = Number(process.env.REPORTERS ?? 4);
  const dir = await tempDir();
  const databaseUrl = process.env.LOAD_DATABASE_URL ?? dir.databaseUrl;
  const sim = new BotApiSimulator({ token: PROCESS_TOKEN, settleTimeoutMs: 60_000 });
  const apiRoot = await sim.start();
  const port = await freePort();
  const bot = launchBot({ BOT_TOKEN: PROCESS_TOKEN, TELEGRAM_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, PORT: String(port), ADMIN_TELEGRAM_IDS: String(OFFICIAL_ID), LOG_LEVEL: 'info' });
  const unfollow = await followInbox(sim, bot);
  const db = await openDatabase(databaseUrl);
  const pid = bot.child.pid ?? 0;
  try {
    console.log(`board load check: ${clients} SSE clients held ${holdSeconds} s, ${reporterCount} exhibitors reporting; database ${db.provider}`);
    const official = sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi' });
    await createMissionByChat(official, JATIM_BANTEN);
    const reporters: SimUser[] = [];
    for (let index = 0; index <= reporterCount; index++) {
      const owner = sim.user({ id: 9_100_000 + index, firstName: `Peserta ${index}` });
      await registerByChat(owner, { name: `UMKM Beban ${index}`, category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: `08123456${String(index).padStart(4, '0')}` });
      reporters.push(owner);
    }
    const probe = reporters.pop()!;
    await official.send('/papan');
    const path = /\/papan\/\S+/.exec(official.lastText() ?? '')?.[0];
    if (!path) throw new Error(`no board link in: ${official.lastText()}`);
    const boardUrl = `http://127.0.0.1:${port}${path.replace(/\?/, '/events?')}`;
    console.log(`board: http://127.0.0.1:${port}${path}`);

    let running = true;
    let failures = 0;
    // Distinct amounts, so the bot's "same sale twice?" check never asks.
    const amount = () => String(100_000 + Math.floor(Math.random() * 9_900_000));
    const loops = reporters.map(async (owner) => {
      while (running) {
        try {
          await reportSale(owner, `${amount()} keripik tempe`);
        } catch (error) {
          // Logged once; a pause keeps a failing loop from starving the timers.
          if (failures++ === 0) console.error('a report failed:', error instanceof Error ? error.message : error);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    });
    const count = () => db.prisma.saleReport.count();
    const measure = async (label: string, seconds: number, during?: () => Promise<void>) => {
      const before = await count();
      const started = Date.now();
      let peakRss = rssOf(pid);
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 1_000);
      const extra = during?.();
      await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
      clearInterval(sampler);
      const saved = (await count()) - before;
      const perMinute = (saved * 60_000) / (Date.now() - started);
      console.log(`${label}: ${saved} reports in ${seconds} s = ${perMinute.toFixed(0)} reports/min; bot RSS now ${mb(rssOf(pid))}, peak ${mb(peakRss)}`);
      await extra;
      return perMinute;
    };

    await new Promise((resolve) => setTimeout(resolve, 3_000)); // warm up
    const baseline = await measure('without board clients', baselineSeconds);

    // Several client processes, so that reading 1,000 streams is not one busy event loop's queue.
    const processes = Math.max(1, Math.min(clients, Number(process.env.CLIENT_PROCESSES ?? 4)));
    const children = Array.from({ length: processes }, (_, index) =>
      fork(fileURLToPath(import.meta.url), ['--clients', boardUrl, String(Math.floor(clients / processes) + (index < clients % processes ? 1 : 0))], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    const fromChildren = <T extends FromClients['type']>(type: T) =>
      Promise.all(children.map((child) => new Promise<Extract<FromClients, { type: T }>>((resolve) => child.on('message', (message: FromClients) => message.type === type && resolve(message as Extract<FromClients, { type: T }>)))));
    const connectedAt = Date.now();
    const connected = await fromChildren('connected');
    console.log(
      `${connected.reduce((sum, c) => sum + c.count, 0)} clients connected (${connected.reduce((sum, c) => sum + c.failed, 0)} failed) from ${processes} processes in ${((Date.now() - connectedAt) / 1000).toFixed(1)} s`,
    );
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { board?: { clients: number } };
    console.log(`the bot counts ${health.board?.clients ?? '?'} open board streams`);

    let probing = true;
    const probes = async () => {
      while (probing) {
        try {
          await probe.send(`/lapor ${amount()} kopi`);
          const t0 = Date.now();
          await probe.tap(/Simpan|Save/);
          const [row, report] = await Promise.all([
            db.prisma.boardRevision.findFirst({ orderBy: { revision: 'desc' } }),
            db.prisma.saleReport.findFirst({ where: { reportedById: BigInt(probe.id) }, orderBy: { id: 'desc' } }),
          ]);
          const message: ToClients = { type: 'probe', revision: row?.revision ?? 0, t0, saved: report?.createdAt.getTime() ?? t0 };
          for (const child of children) child.send(message);
        } catch {
          failures++;
        }
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    };
    const loaded = await measure(`with ${clients} board clients`, holdSeconds, async () => {
      const run = probes();
      await new Promise((resolve) => setTimeout(resolve, holdSeconds * 1_000));
      probing = false;
      await run;
    });
    const done = fromChildren('done');
    for (const child of children) child.send({ type: 'finish' } satisfies ToClients);
    const results = await done;
    const after = await measure('without board clients again', baselineSeconds);

    running = false;
    await Promise.all(loops);
    const describe = (label: string, samples: number[]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      console.log(`delivery (${label}), ${sorted.length} samples: p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms, max ${sorted.at(-1) ?? NaN} ms`);
    };
    describe('tap on Save → frame at the client', results.flatMap((r) => r.fromTap));
    describe('report saved → frame at the client', results.flatMap((r) => r.fromSave));
    console.log(`${results.reduce((sum, r) => sum + r.frames, 0)} frames received; ${results.reduce((sum, r) => sum + r.closedEarly, 0)} streams closed early`);
    console.log(`ingest with clients / without: ${((loaded / ((baseline + after) / 2)) * 100).toFixed(0)} %; ${failures} reports did not go through`);
  } finally {
    unfollow();
    await terminate(bot);
    await db.close();
    await sim.stop();
    await dir.remove();
  }
  process.exit(0);
}

if (process.argv.includes('--clients')) await runClients();
else await main();
