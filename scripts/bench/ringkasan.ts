/**
 * Benchmark part: `/ringkasan` end to end. Two real bot processes (`node
 * dist/main.js`, what `npm start` runs; `npm run build` first), each against
 * its own Bot API simulator and its own database: one whose active mission
 * holds N reports (default 1,000,000, seeded with seedMission), the peer with
 * 10. An official sends /ringkasan; the time runs from the update being
 * queued at the simulator to the digest's photo arriving there (and to the
 * last message of the digest). The first /ringkasan of each process loads
 * vega, vega-lite and resvg and is reported on its own; then the two bots
 * are asked in turn, `runs` times each. The bots' resident memory (VmRSS,
 * and the peak VmHWM) is read from /proc before the first /ringkasan and
 * after the last.
 */
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../src/db/database.js';
import type { Provider } from '../../src/db/schema-files.js';
import { BotApiSimulator, type SimUser } from '../../src/simulator/index.js';
import { PROCESS_TOKEN, followInbox, freePort, launchBot, terminate, type BotProcess } from '../../test/process/process-helpers.js';
import { seedMission } from './figures.js';
import { scratchDatabase } from './scratch.js';

const OFFICIAL_ID = 9_000_001;

export interface Memory {
  rssMiB: number;
  hwmMiB: number;
}

export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, hwmMiB: kib('VmHWM') / 1024 };
}

interface Sample {
  photoMs: number;
  lastMs: number;
}

/** The date `days` before today in Jakarta, as YYYY-MM-DD: the seeded mission's five days end today. */
function jakartaDate(daysBefore: number): string {
  return new Date(Date.now() + 7 * 3_600_000 - daysBefore * 86_400_000).toISOString().slice(0, 10);
}

interface Subject {
  label: string;
  reports: number;
  seedMs: number;
  rebuildMs: number;
  bot: BotProcess;
  sim: BotApiSimulator;
  official: SimUser;
  unfollow: () => void;
  drop: () => Promise<void>;
  cold?: Sample;
  samples: Sample[];
  idle?: Memory;
  after?: Memory;
}

async function prepare(provider: Provider, reports: number, label: string, adminUrl?: string): Promise<Subject> {
  const { url, drop } = await scratchDatabase(provider, adminUrl, `ringkasan_${label}`);
  const db = await openDatabase(url);
  let seeded: Awaited<ReturnType<typeof seedMission>>;
  try {
    seeded = await seedMission(db, reports, 1, { start: jakartaDate(4) });
  } finally {
    await db.close();
  }
  const sim = new BotApiSimulator({ token: PROCESS_TOKEN, settleTimeoutMs: 120_000 });
  const apiRoot = await sim.start();
  const bot = launchBot({
    BOT_TOKEN: PROCESS_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_URL: url,
    PORT: String(await freePort()),
    ADMIN_TELEGRAM_IDS: String(OFFICIAL_ID),
    LOG_LEVEL: 'info',
    BOT_MODE: 'polling',
    // The production command line's flag (npm start, the Dockerfile, the systemd unit).
    NODE_OPTIONS: '--max-semi-space-size=2',
  });
  const unfollow = await followInbox(sim, bot);
  const official = sim.user({ id: OFFICIAL_ID, firstName: 'Pak Budi', languageCode: 'id' });
  return { label, reports, seedMs: seeded.insertMs, rebuildMs: seeded.rebuildMs, bot, sim, official, unfollow, drop, samples: [] };
}

/** One /ringkasan: ms from the update queued to the digest's photo, and to its last message, at the simulator. */
async function ask(subject: Subject): Promise<Sample> {
  const chatId = subject.official.id;
  let photoAt: number | undefined;
  let lastAt = 0;
  const off = subject.sim.onCall((call) => {
    if (!call.ok || Number(call.params.chat_id) !== chatId) return;
    if (call.method === 'sendPhoto') photoAt ??= performance.now();
    if (call.method === 'sendPhoto' || call.method === 'sendMessage') lastAt = performance.now();
  });
  const started = performance.now();
  try {
    await subject.official.send('/ringkasan');
  } finally {
    off();
  }
  if (photoAt === undefined) throw new Error(`${subject.label}: /ringkasan sent no photo; last text: ${subject.official.lastText()}`);
  return { photoMs: photoAt - started, lastMs: lastAt - started };
}

async function stop(subject: Subject): Promise<void> {
  subject.unfollow();
  await terminate(subject.bot);
  await subject.sim.stop();
  await subject.drop();
}

export interface RingkasanResult {
  provider: Provider;
  subjects: Subject[];
}

/** Both bots on `provider`: the one with `reports` reports and the peer with 10. */
export async function benchRingkasan(provider: Provider, reports: number, runs: number, adminUrl?: string): Promise<RingkasanResult> {
  const subjects: Subject[] = [];
  try {
    for (const [label, count] of [['big', reports], ['small', 10]] as const) {
      subjects.push(await prepare(provider, count, label, adminUrl));
      const subject = subjects.at(-1)!;
      console.log(`${provider}: seeded ${count.toLocaleString('en')} reports in ${(subject.seedMs / 1000).toFixed(1)} s, totals rebuilt in ${(subject.rebuildMs / 1000).toFixed(1)} s`);
    }
    await new Promise((wait) => setTimeout(wait, 2_000)); // let both settle after start
    for (const subject of subjects) subject.idle = memoryOf(subject.bot.child.pid!);
    for (const subject of subjects) subject.cold = await ask(subject);
    for (let run = 0; run < runs; run++) {
      for (const subject of run % 2 === 0 ? subjects : [...subjects].reverse()) subject.samples.push(await ask(subject));
    }
    for (const subject of subjects) subject.after = memoryOf(subject.bot.child.pid!);
    return { provider, subjects };
  } finally {
    for (const subject of subjects) await stop(subject);
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor((values.length - 1) / 2)]!;
const f0 = (value: number) => value.toFixed(0);

export function printRingkasan(result: RingkasanResult): void {
  const [big, small] = result.subjects as [Subject, Subject];
  console.log(`\n/ringkasan end to end, ${result.provider} (ms from the update queued to the photo / to the digest's last message at the simulator; ${big.samples.length} alternated runs after the first, min / median)`);
  console.log('| reports in the mission | first /ringkasan (loads vega, resvg) | warm: photo | warm: last message | RSS idle → after, MiB | peak RSS (VmHWM), MiB |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const subject of [big, small]) {
    const photo = subject.samples.map((s) => s.photoMs);
    const last = subject.samples.map((s) => s.lastMs);
    console.log(
      `| ${subject.reports.toLocaleString('en')} | ${f0(subject.cold!.photoMs)} | ${f0(Math.min(...photo))} / ${f0(median(photo))} | ${f0(Math.min(...last))} / ${f0(median(last))} | ${f0(subject.idle!.rssMiB)} → ${f0(subject.after!.rssMiB)} | ${f0(subject.after!.hwmMiB)} |`,
    );
  }
  const ratio = median(big.samples.map((s) => s.photoMs)) / median(small.samples.map((s) => s.photoMs));
  console.log(`warm photo, ${big.reports.toLocaleString('en')} ÷ 10 reports (median): ${ratio.toFixed(2)}`);
}
