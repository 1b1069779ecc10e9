import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { boardView } from '../domain/board.js';
import type { Lang, Mission } from '../domain/entities.js';
import { localDate, localTime } from '../domain/time.js';
import type { BoardMarker, BoardRepository } from '../db/repositories/board.js';
import { LANGS } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { renderBoardMain, renderUpdated } from './board-page.js';

export interface BoardHubOptions {
  board: Pick<BoardRepository, 'figures' | 'marker'>;
  now: () => Date;
  logger: Logger;
  /** How often a watched mission's marker is read (two primary-key reads). */
  intervalMs?: number;
  /** A mission nobody has watched for this long stops being polled. */
  idleMs?: number;
  /** A comment line this often keeps proxies and idle-timeouts from closing quiet streams. */
  heartbeatMs?: number;
  /** Refreshes prompted by {@link BoardHub.changed} are at least this far apart. */
  minGapMs?: number;
}

/** One state of a mission's board, rendered once per language, whatever the number of viewers. */
export interface BoardSnapshot {
  /** The marker and the local date: the SSE event id, and the page's ETag. */
  id: string;
  mission: Mission;
  access: BoardMarker['access'];
  main: Record<Lang, string>;
  updated: Record<Lang, string>;
  /** The SSE frame, serialized once and written to every client as is. */
  frame: Record<Lang, Buffer>;
}

interface Client {
  res: ServerResponse;
  lang: Lang;
  key: string | null;
}

/** A client further behind than this (a stalled phone) is dropped rather than buffered without end; it reconnects and catches up. */
const MAX_BUFFERED = 1 << 20;
const HEARTBEAT = Buffer.from(': ping\n\n');

/** Whether a key opens a board: any request when public, else only the current key (compared in constant time). */
export function boardAllows(access: BoardMarker['access'], key: string | null): boolean {
  if (access.public) return true;
  if (!key || !access.key) return false;
  const given = Buffer.from(key);
  const expected = Buffer.from(access.key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The live board's fan-out. Per watched mission, ONE poller reads the
 * mission's change marker every `intervalMs` (O(1) database work per tick,
 * independent of the number of open boards); only when the marker moves does
 * it read the figures once, render each language once and write the same
 * bytes to every open stream. Polling the marker, rather than PostgreSQL's
 * LISTEN/NOTIFY, needs no dedicated connection and sees a report saved by
 * any process on the same database (and works on SQLite too), at the cost of
 * up to one interval of delay.
 */
export class BoardHub {
  private readonly channels = new Map<number, MissionChannel>();
  private stopped = false;

  constructor(private readonly options: BoardHubOptions) {}

  /**
   * The mission's current snapshot (polling starts if it was not running);
   * undefined when the mission is gone. With a key the snapshot refuses, the
   * database is asked once more first: a link given out a moment ago (a new
   * or rotated key) must not get 404 until the next poll.
   */
  async snapshot(missionId: number, key?: string | null): Promise<BoardSnapshot | undefined> {
    if (this.stopped) return undefined;
    const channel = this.channel(missionId);
    channel.touch();
    await channel.ready();
    if (key !== undefined && channel.snapshot && !boardAllows(channel.snapshot.access, key)) await channel.refreshNow();
    return channel.snapshot;
  }

  /**
   * Keeps an SSE response open for a mission's board. `lastEventId` (sent by
   * a reconnecting EventSource) decides whether the current snapshot is sent
   * at once: a board that missed changes catches up; one that did not gets
   * nothing until the next change.
   */
  async subscribe(missionId: number, res: ServerResponse, client: { lang: Lang; key: string | null; lastEventId: string | null }): Promise<boolean> {
    const snapshot = await this.snapshot(missionId, client.key);
    if (!snapshot || !boardAllows(snapshot.access, client.key)) return false;
    const channel = this.channel(missionId);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    if (client.lastEventId !== snapshot.id) res.write(snapshot.frame[client.lang]);
    const entry: Client = { res, lang: client.lang, key: client.key };
    channel.clients.add(entry);
    res.on('close', () => channel.clients.delete(entry));
    return true;
  }

  /**
   * A report of the mission changed in this process: boards update at once
   * instead of at the next poll (other processes' changes still arrive by
   * polling). A mission nobody watches costs nothing.
   */
  changed(missionId: number): void {
    this.channels.get(missionId)?.poke();
  }

  /** Open streams and polled missions, for the load check and /healthz. */
  stats(): { missions: number; clients: number } {
    let clients = 0;
    for (const channel of this.channels.values()) clients += channel.clients.size;
    return { missions: this.channels.size, clients };
  }

  /** Stops every poller, ends every stream and waits for a refresh in flight (at shutdown, before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    const closing = [...this.channels.values()].map((channel) => channel.close());
    this.channels.clear();
    await Promise.all(closing);
  }

  private channel(missionId: number): MissionChannel {
    let channel = this.channels.get(missionId);
    if (!channel) {
      channel = new MissionChannel(missionId, this.options, () => this.channels.delete(missionId));
      this.channels.set(missionId, channel);
    }
    return channel;
  }
}

class MissionChannel {
  readonly clients = new Set<Client>();
  snapshot: BoardSnapshot | undefined;
  private first: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastUsed = Date.now();
  private lastBeat = Date.now();
  private closed = false;
  private failures = 0;
  private running: Promise<void> | undefined;
  private ticking = false;
  private again = false;
  private lastTick = 0;

  constructor(
    private readonly missionId: number,
    private readonly options: BoardHubOptions,
    private readonly onIdle: () => void,
  ) {}

  touch(): void {
    this.lastUsed = Date.now();
  }

  /** Settles once the first snapshot was read; starts the polling loop. */
  ready(): Promise<void> {
    this.first ??= this.tick().finally(() => this.schedule());
    return this.first;
  }

  /** Reads the marker now (or waits for the read in progress). */
  async refreshNow(): Promise<void> {
    if (this.ticking) await this.running;
    else await this.tick();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const client of this.clients) client.res.end();
    this.clients.clear();
    await this.running;
  }

  /**
   * A report was saved in this process: refresh soon rather than at the next
   * poll, but never more often than every `minGapMs`, so a burst of reports
   * still costs a bounded number of refreshes per second.
   */
  poke(): void {
    if (this.closed || !this.first) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.arm(Math.max(0, this.lastTick + (this.options.minGapMs ?? 200) - Date.now()));
  }

  private schedule(): void {
    if (this.closed) return;
    const idleMs = this.options.idleMs ?? 60_000;
    if (this.clients.size === 0 && Date.now() - this.lastUsed > idleMs) {
      this.closed = true;
      this.onIdle();
      return;
    }
    const interval = this.options.intervalMs ?? 500;
    const gap = this.options.minGapMs ?? 200;
    this.arm(this.again ? Math.min(interval, gap) : interval);
    this.again = false;
  }

  /** One timer at a time: whoever arms last wins, so a poke and the poll never run two loops. */
  private arm(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick().finally(() => this.schedule()), delayMs);
    this.timer.unref();
  }

  private tick(): Promise<void> {
    this.ticking = true;
    this.lastTick = Date.now();
    this.running = this.refreshLogged().finally(() => (this.ticking = false));
    return this.running;
  }

  private async refreshLogged(): Promise<void> {
    try {
      await this.refresh();
      this.failures = 0;
    } catch (error) {
      // A database hiccup: boards keep the last figures and the next tick tries again. Logged once per streak.
      if (this.failures++ === 0) this.options.logger.error({ err: error, missionId: this.missionId }, 'board refresh failed');
    }
    this.heartbeat();
  }

  private async refresh(): Promise<void> {
    const marked = await this.options.board.marker(this.missionId);
    if (!marked) {
      this.snapshot = undefined;
      for (const client of this.clients) client.res.end();
      this.clients.clear();
      return;
    }
    const now = this.options.now();
    // The local date is part of the id: "today" and "days left" change at midnight without a report.
    const id = `${marked.marker}.${localDate(now, marked.mission.timeZone)}`;
    if (this.snapshot?.id === id) return;
    const board = boardView(await this.options.board.figures(marked.mission, now));
    const time = localTime(now, marked.mission.timeZone);
    const main = {} as Record<Lang, string>;
    const updated = {} as Record<Lang, string>;
    const frame = {} as Record<Lang, Buffer>;
    for (const lang of LANGS) {
      main[lang] = renderBoardMain(board, marked.mission, lang);
      updated[lang] = renderUpdated(lang, marked.mission, time);
      frame[lang] = Buffer.from(`id: ${id}\nevent: board\ndata: ${JSON.stringify({ main: main[lang], updated: updated[lang] })}\n\n`);
    }
    this.snapshot = { id, mission: marked.mission, access: marked.access, main, updated, frame };
    this.broadcast(this.snapshot);
  }

  private broadcast(snapshot: BoardSnapshot): void {
    for (const client of this.clients) {
      // A rotated key or a board made private again closes the streams opened with the old link.
      if (!boardAllows(snapshot.access, client.key)) {
        client.res.end();
        this.clients.delete(client);
      } else this.write(client, snapshot.frame[client.lang]);
    }
  }

  private heartbeat(): void {
    if (Date.now() - this.lastBeat < (this.options.heartbeatMs ?? 15_000)) return;
    this.lastBeat = Date.now();
    for (const client of this.clients) this.write(client, HEARTBEAT);
  }

  private write(client: Client, bytes: Buffer): void {
    if (client.res.writableLength > MAX_BUFFERED) {
      client.res.destroy();
      this.clients.delete(client);
      return;
    }
    client.res.write(bytes);
  }
}
