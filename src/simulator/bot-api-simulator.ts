/**
 * A fake Telegram Bot API server for end-to-end tests and the demo. The bot
 * under test talks HTTP to it exactly as to api.telegram.org (via
 * `TELEGRAM_API_ROOT`), and the simulator answers with Telegram's own
 * validations and error codes, so the bot's bugs surface before production.
 */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { ChatState } from './chat-state.js';
import { parseMessageText } from './html-check.js';
import type { ParseResult } from './html-check.js';
import { ApiError, UploadedFile, decodeParams, readBody } from './http-params.js';
import type {
  ApiErrorBody,
  ApiResponse,
  BotApiSimulatorOptions,
  FaultAnswer,
  FaultOptions,
  JsonObject,
  SimCall,
  SimEvent,
  SimFile,
  SimMessage,
  TranscriptOptions,
  WebhookDelivery,
} from './sim-types.js';
import { SimChat, SimUser, inlineButtons, photoSizes } from './sim-user.js';
import type { SimUserOptions, UserHost } from './sim-user.js';
import {
  CHAT_ACTIONS,
  MAX_CALLBACK_ANSWER_LENGTH,
  MAX_CAPTION_LENGTH,
  MAX_GETFILE_BYTES,
  MAX_INLINE_RESULTS,
  MAX_PHOTO_BYTES,
  MAX_TEXT_LENGTH,
  MAX_UPDATES_PER_CALL,
  NOT_MODIFIED,
  OPT_IN_UPDATES,
  OTHER_METHODS,
  QUERY_TOO_OLD,
  bad,
  chatInstance,
  checkReplyMarkup,
  commandsKey,
  describeUpdate,
  int,
  isLoopback,
  isObject,
  looksLikeImage,
  str,
} from './telegram-rules.js';
import { formatBody, formatKeyboard, formatMessageBlock, renderTranscript } from './transcript.js';
import { postUpdate } from './webhook-client.js';

// Timers captured at load, so tests that fake timers do not freeze the server.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

type Handler = (params: JsonObject) => unknown;

interface QueuedUpdate {
  id: number;
  update: JsonObject;
  label: string;
  /** A second delivery of an update already acknowledged (redeliverAll). */
  echo?: boolean;
}

/** Random faults on every call (see faultMix). Rates are shares between 0 and 1. */
export interface FaultMix {
  rate429?: number;
  retryAfterSeconds?: number;
  rate5xx?: number;
  rateHang?: number;
  hangMs?: number;
  seed?: number;
}

/** A small deterministic generator (mulberry32), so a fault mix (or a fuzz run) can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PollWaiter {
  limit: number;
  finish: (response: ApiResponse) => void;
}

interface Fault {
  method: string;
  chatId: number | undefined;
  remaining: number;
  action: { kind: 'fail'; answer: FaultAnswer } | { kind: 'delay'; ms: number } | { kind: 'drop' };
}

interface Webhook {
  url: string;
  secretToken: string | undefined;
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

interface QueryRecord {
  answered: boolean;
  answer?: JsonObject;
  user: SimUser;
  chatId?: number;
}

/** Marker for a long poll whose client went away before it was answered. */
const ABANDONED: ApiResponse = { ok: false, error_code: 0, description: 'client closed the request' };

/**
 * A local Telegram Bot API server. Start it, point the bot's `apiRoot` at
 * `await sim.start()`, then drive conversations with `sim.user(...)`.
 *
 * Teardown order matters: stop the bot first, then `await sim.stop()`, or the
 * bot's polling loop will retry against a closed port.
 */
export class BotApiSimulator {
  readonly token: string;
  readonly botId: number;
  readonly botUsername: string;
  readonly botFirstName: string;
  /** Every API call, in the order the simulator answered them. */
  readonly calls: SimCall[] = [];
  /** Every webhook POST attempt, successful or not. */
  readonly webhookDeliveries: WebhookDelivery[] = [];

  private readonly settleTimeoutMs: number;
  private readonly privacyMode: boolean;
  private server: http.Server | undefined;
  private root: string | undefined;
  private stopped = false;
  private readonly chats = new Map<number, ChatState>();
  private readonly users = new Map<number, SimUser>();
  private readonly files = new Map<string, SimFile>();
  private readonly filesByPath = new Map<string, SimFile>();
  private readonly queue: QueuedUpdate[] = [];
  private readonly pending = new Map<number, string>();
  private nextUpdateId = 100_000_001;
  private nextUserId = 700_000_001;
  private nextGroupSeq = 1;
  private fileSeq = 1;
  private querySeq = 1;
  private readonly pollWaiters: PollWaiter[] = [];
  private lastPoll: { at: Date; offset: number } | undefined;
  private allowedUpdates: string[] | undefined;
  private webhook: Webhook | undefined;
  private webhookBusy = false;
  private readonly webhookRequests = new Set<http.ClientRequest>();
  private readonly faults: Fault[] = [];
  private mix: (FaultMix & { random: () => number }) | undefined;
  private redeliverEach = false;
  private acknowledgedCount = 0;
  /** Copies of acknowledged updates to deliver once more (redeliverAll). */
  private readonly echoes: QueuedUpdate[] = [];
  private readonly inFlight = new Map<number, string>();
  private inFlightSeq = 0;
  private readonly stateWatchers = new Set<() => void>();
  /** Every settled() call waiting, released together at a quiet moment. */
  private readonly settleWaiters = new Set<() => void>();
  private readonly busyProbes = new Set<() => boolean>();
  private readonly callWatchers = new Set<(call: SimCall) => void>();
  private readonly eventListeners = new Set<(event: SimEvent) => void>();
  private readonly events: SimEvent[] = [];
  private readonly sleeps = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: () => void }>();
  private readonly callbackQueries = new Map<string, QueryRecord>();
  private readonly inlineQueries = new Map<string, QueryRecord>();
  private readonly commands = new Map<string, JsonObject[]>();
  private readonly handlers: Map<string, Handler>;
  private readonly host: UserHost;

  constructor(options: BotApiSimulatorOptions = {}) {
    this.token = options.token ?? '123456:TEST-TOKEN';
    const fromToken = Number(this.token.split(':')[0]);
    this.botId = options.botId ?? (Number.isSafeInteger(fromToken) && fromToken > 0 ? fromToken : 123456);
    this.botUsername = options.botUsername ?? 'misi_dagang_bot';
    this.botFirstName = options.botFirstName ?? 'Misi Dagang';
    this.settleTimeoutMs = options.settleTimeoutMs ?? 10_000;
    this.privacyMode = options.privacyMode ?? true;
    this.handlers = this.buildHandlers();
    this.host = this.buildHost();
  }

  // ---------------------------------------------------------------- lifecycle

  /** Listens on an ephemeral 127.0.0.1 port; returns the apiRoot for the bot. */
  async start(): Promise<string> {
    if (this.root) return this.root;
    const server = http.createServer((req, res) => {
      void this.handleHttp(req, res);
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.root = `http://127.0.0.1:${port}`;
    return this.root;
  }

  /** The apiRoot once started (`http://127.0.0.1:<port>`). */
  get apiRoot(): string {
    if (!this.root) throw new Error('BotApiSimulator is not started: call await sim.start() first');
    return this.root;
  }

  /**
   * Closes the server: hanging long polls are answered with [] first, delayed
   * answers are released, webhook POSTs aborted, keep-alive sockets closed.
   */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const waiter of this.pollWaiters.splice(0)) waiter.finish({ ok: true, result: [] });
    for (const sleep of this.sleeps) {
      realClearTimeout(sleep.timer);
      sleep.resolve();
    }
    this.sleeps.clear();
    for (const request of this.webhookRequests) request.destroy();
    this.notifyState();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      // Give the answers just written a moment to leave before cutting sockets.
      realSetTimeout(() => server.closeAllConnections(), 20);
    });
  }

  // ------------------------------------------------------------ test-side API

  /**
   * Creates a simulated user. The private chat (id = user id) exists at once,
   * but the bot may write there only after the user wrote first, unless
   * `startedBot` is true.
   */
  user(options: SimUserOptions): SimUser {
    const id = options.id ?? this.nextUserId++;
    if (this.users.has(id)) throw new Error(`sim.user: a user with id ${id} already exists`);
    const user = new SimUser(this.host, { ...options, id });
    this.users.set(id, user);
    const chat: JsonObject = { id, type: 'private', first_name: user.firstName };
    if (user.lastName) chat.last_name = user.lastName;
    if (user.username) chat.username = user.username;
    const state = new ChatState(id, 'private', user.name, chat);
    state.started = options.startedBot ?? false;
    this.chats.set(id, state);
    return user;
  }

  /**
   * Creates a group the bot is a member of. Basic groups get ids like
   * -4000000001, supergroups -100…, as Telegram does.
   */
  group(options: {
    id?: number;
    title: string;
    type?: 'group' | 'supergroup';
    /** Users who administer the group (the first one is its creator). */
    admins?: SimUser[];
    /** Administrator bots receive every group message despite privacy mode. */
    botIsAdmin?: boolean;
  }): SimChat {
    const type = options.type ?? 'group';
    const seq = this.nextGroupSeq++;
    const id = options.id ?? (type === 'supergroup' ? -(1_002_000_000_000 + seq) : -(4_000_000_000 + seq));
    if (id >= 0) throw new Error(`sim.group: group ids are negative in Telegram, got ${id}`);
    if (this.chats.has(id)) throw new Error(`sim.group: chat ${id} already exists`);
    const state = new ChatState(id, type, options.title, { id, type, title: options.title });
    for (const admin of options.admins ?? []) state.adminIds.add(admin.id);
    state.botIsAdmin = options.botIsAdmin ?? false;
    this.chats.set(id, state);
    return new SimChat(this.host, id);
  }

  /** State of a chat (messages as users see them now, flags); throws for unknown ids. */
  chat(id: number | SimChat | SimUser): ChatState {
    return this.host.chatState(typeof id === 'number' ? id : id.id);
  }

  /**
   * Upgrades a group to a supergroup: from now on calls with the old id
   * answer 400 with `parameters.migrate_to_chat_id`, as Telegram does.
   * Returns the new supergroup (default id -100<old digits>).
   */
  migrateGroup(chat: SimChat | number, newId?: number): SimChat {
    const old = this.chat(typeof chat === 'number' ? chat : chat.id);
    if (old.type !== 'group') throw new Error(`sim.migrateGroup: chat ${old.id} is a ${old.type}, only basic groups migrate`);
    const id = newId ?? Number(`-100${Math.abs(old.id)}`);
    const state = new ChatState(id, 'supergroup', old.title, { id, type: 'supergroup', title: old.title });
    for (const admin of old.adminIds) state.adminIds.add(admin);
    state.botIsAdmin = old.botIsAdmin;
    this.chats.set(id, state);
    old.migratedTo = id;
    this.emit('note', old.id, `[${old.title} was upgraded to a supergroup: ${old.id} → ${id}]`);
    return new SimChat(this.host, id);
  }

  /** The bot is removed from a group: sends there answer 403 from now on. */
  kickBot(chat: SimChat | number): void {
    const state = this.chat(typeof chat === 'number' ? chat : chat.id);
    state.botKicked = true;
    this.emit('note', state.id, `[bot was removed from ${state.title}]`);
  }

  /**
   * Makes a bot message older than Telegram's 48-hour edit window (by
   * default the newest one in the chat): from now on every edit of it
   * answers 400 "message can't be edited", as Telegram does.
   */
  ageMessage(chat: SimChat | SimUser | number, messageId?: number): SimMessage {
    const state = this.chat(typeof chat === 'number' ? chat : chat.id);
    const message = messageId === undefined ? state.botMessages.filter((m) => !m.deleted).at(-1) : state.message(messageId);
    if (!message || message.fromId !== 'bot') throw new Error(`No bot message ${messageId ?? '(newest)'} in chat ${state.id} to age`);
    message.tooOldToEdit = true;
    this.emit('note', state.id, `[message #${message.messageId} is now older than 48 hours: edits are refused]`);
    return message;
  }

  /**
   * Queues an update (update_id is assigned) for the bot's next getUpdates
   * or webhook POST. Returns the update_id.
   */
  pushUpdate(partial: JsonObject): number {
    const id = this.nextUpdateId++;
    const update: JsonObject = { update_id: id, ...partial };
    update.update_id = id;
    const type = Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';
    const allowed = this.allowedUpdates;
    if (allowed ? !allowed.includes(type) : OPT_IN_UPDATES.has(type)) {
      // Telegram never stores updates the bot did not ask for.
      this.emit('note', undefined, `[update ${id} (${type}) dropped: not in the bot's allowed_updates]`);
      return id;
    }
    const label = describeUpdate(update);
    this.queue.push({ id, update, label });
    this.pending.set(id, label);
    this.wakePollers();
    void this.pumpWebhook();
    return id;
  }

  /**
   * Resolves when the bot has handled every queued update: in polling mode,
   * when it asked for updates with an offset beyond them (telegraf handles a
   * whole batch before polling again); in webhook mode, when the POST was
   * answered. Also waits for API calls still in flight, and for every busy
   * probe (settleWhen) to say the bot is idle: a bot with an inbox
   * acknowledges before it handles.
   */
  settled(timeoutMs = this.settleTimeoutMs): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      const quiet = (): boolean => this.pending.size === 0 && this.inFlight.size === 0 && ![...this.busyProbes].some((busy) => busy());
      const done = (error?: Error): void => {
        realClearTimeout(timer);
        if (graceTimer) realClearTimeout(graceTimer);
        this.stateWatchers.delete(check);
        this.settleWaiters.delete(release);
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        if (this.stopped && this.pending.size > 0) {
          done(new Error(`settled(): the simulator was stopped with ${this.describePending()}`));
          return;
        }
        if (!quiet() || graceTimer) return;
        // A call the handler fired without awaiting may still be on its way.
        graceTimer = realSetTimeout(() => {
          graceTimer = undefined;
          // Everyone waiting is released at the same quiet moment: released one
          // by one, the first waiter's next step (a tap, say) would make the
          // others wait for it, and concurrent users would be served in turn.
          if (quiet()) for (const waiter of [...this.settleWaiters]) waiter();
        }, 5);
      };
      const release = (): void => done();
      const timer = realSetTimeout(() => done(new Error(this.settleTimeoutMessage(timeoutMs))), timeoutMs);
      this.settleWaiters.add(release);
      this.stateWatchers.add(check);
      check();
    });
  }

  /**
   * A bot that acknowledges updates before handling them (it stores them
   * first, as a durable inbox does) tells the simulator here when it is still
   * busy, so settled() also waits for its handlers. `busy` is asked whenever
   * the simulator's state changes; call `poke()` when the bot's own state
   * changes. Returns a function that removes the probe.
   */
  settleWhen(busy: () => boolean): () => void {
    this.busyProbes.add(busy);
    this.notifyState();
    return () => {
      this.busyProbes.delete(busy);
      this.notifyState();
    };
  }

  /**
   * How many deliveries the bot has acknowledged so far (polling: confirmed
   * by a later offset; webhook: answered 2xx). A bot that stores before it
   * acknowledges holds at least these in its inbox.
   */
  get acknowledged(): number {
    return this.acknowledgedCount;
  }

  /** Tells settled() to look again (a busy probe may have changed). */
  poke(): void {
    this.notifyState();
  }

  /** Calls `listener` with every API call as it is answered (the bench watches completions this way); returns an unsubscribe function. */
  onCall(listener: (call: SimCall) => void): () => void {
    this.callWatchers.add(listener);
    return () => this.callWatchers.delete(listener);
  }

  /**
   * Opens a callback query the bot may answer, for a driver that posts the
   * callback_query update itself (the bench posts straight to the webhook).
   * Returns the query id to put in the update.
   */
  openCallbackQuery(user: SimUser, chatId: number = user.id): string {
    const id = `${this.botId}${String(this.querySeq++).padStart(6, '0')}`;
    this.callbackQueries.set(id, { answered: false, user, chatId });
    return id;
  }

  /** Records of one method's calls, in order (method name matched case-insensitively). */
  callsOf(method: string): SimCall[] {
    const wanted = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === wanted);
  }

  /**
   * Resolves with the first call, past or future, that matches: the way to
   * wait for messages the bot sends on its own (cron jobs, outbox).
   */
  waitFor(predicate: (call: SimCall) => boolean, timeoutMs = this.settleTimeoutMs): Promise<SimCall> {
    const past = this.calls.find(predicate);
    if (past) return Promise.resolve(past);
    return new Promise<SimCall>((resolve, reject) => {
      const watcher = (call: SimCall): void => {
        if (!predicate(call)) return;
        realClearTimeout(timer);
        this.callWatchers.delete(watcher);
        resolve(call);
      };
      const timer = realSetTimeout(() => {
        this.callWatchers.delete(watcher);
        const recent = this.calls
          .slice(-8)
          .map((c) => c.method)
          .join(', ');
        reject(new Error(`waitFor(): no matching API call within ${timeoutMs} ms (recent calls: ${recent || 'none'})`));
      }, timeoutMs);
      this.callWatchers.add(watcher);
    });
  }

  /**
   * Makes the next `times` calls of `method` (optionally only for one chat)
   * fail with this answer. Faults are consumed in the order they were added;
   * `'*'` matches any method except getUpdates.
   */
  fail(method: string, answer: FaultAnswer, options: FaultOptions = {}): void {
    this.addFault(method, { kind: 'fail', answer }, options);
  }

  /** Flood control: the next calls answer 429 with `parameters.retry_after`. */
  failWith429(method: string, retryAfterSeconds: number, options: FaultOptions = {}): void {
    this.fail(
      method,
      {
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfterSeconds}`,
        parameters: { retry_after: retryAfterSeconds },
      },
      options,
    );
  }

  /** Slow network: the next calls are answered after `ms`. */
  delay(method: string, ms: number, options: FaultOptions = {}): void {
    this.addFault(method, { kind: 'delay', ms }, options);
  }

  /** Network failure: the next calls get their socket destroyed, no answer. */
  dropConnection(method: string, options: FaultOptions = {}): void {
    this.addFault(method, { kind: 'drop' }, options);
  }

  /** Methods of the bot's calls being answered right now (long polls excluded): a test can wait for a hung one. */
  callsInFlight(): string[] {
    return [...this.inFlight.values()];
  }

  /** Forgets faults not yet consumed, and the fault mix. */
  clearFaults(): void {
    this.faults.length = 0;
    this.mix = undefined;
  }

  /**
   * Random faults on every call but getUpdates (after the counted faults
   * above): a share answers 429 with retry_after, a share 500, a share hangs
   * for `hangMs` and is then answered normally. Seeded, so a run can be
   * repeated. `undefined` switches the mix off.
   */
  faultMix(mix: FaultMix | undefined): void {
    this.mix = mix ? { ...mix, random: seededRandom(mix.seed ?? 1) } : undefined;
  }

  /**
   * Telegram delivers at least once: with this on, every update is delivered
   * a second time (same update_id) after the bot acknowledged it (polling:
   * in a later getUpdates answer; webhook: a second POST), as happens after a
   * crash before the acknowledgement reached Telegram or a webhook retry.
   */
  redeliverAll(on = true): void {
    this.redeliverEach = on;
  }

  /** The commands the bot registered with setMyCommands for a scope and language. */
  myCommands(options: { scope?: JsonObject; languageCode?: string } = {}): JsonObject[] {
    return this.commands.get(commandsKey(options.scope, options.languageCode)) ?? [];
  }

  /** The current webhook URL, if the bot set one. */
  get webhookUrl(): string | undefined {
    return this.webhook?.url;
  }

  /** The conversation so far, readable, in time order. */
  transcript(options: TranscriptOptions = {}): string {
    return renderTranscript(this.events, options);
  }

  /** Receives each transcript event as it happens; returns an unsubscribe function. */
  onEvent(listener: (event: SimEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** A known file (uploaded by the bot or sent by a user), by file_id. */
  file(fileId: string): SimFile | undefined {
    return this.files.get(fileId);
  }

  // ------------------------------------------------------------------- HTTP

  private async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) {
      this.serveFile(file[1] ?? '', decodeURIComponent(file[2] ?? ''), res);
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z0-9_]*)\/?$/.exec(url.pathname);
    if (!match || (req.method !== 'GET' && req.method !== 'POST')) {
      req.resume();
      this.write(res, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const method = match[2] ?? '';
    if (match[1] !== this.token) {
      req.resume();
      const response: ApiResponse = { ok: false, error_code: 401, description: 'Unauthorized' };
      // Recorded, so a test can see that a bot with a wrong token was turned away.
      this.record(method, {}, response);
      this.write(res, response);
      return;
    }
    const isPoll = method.toLowerCase() === 'getupdates';
    const flightId = this.inFlightSeq++;
    if (!isPoll) this.inFlight.set(flightId, method);
    try {
      let params: JsonObject;
      try {
        params = await decodeParams(req.headers, await readBody(req), url.searchParams);
      } catch (error) {
        const response = this.errorBody(error);
        this.record(method, {}, response);
        this.write(res, response);
        return;
      }
      delete params.method; // telegraf repeats the method name in multipart bodies
      const fault = this.takeFault(method, params);
      if (fault?.kind === 'drop') {
        this.record(method, params, { ok: false, error_code: 0, description: 'connection dropped by the simulator' });
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'delay') {
        // A bot that gives up on a hung call closes the connection: the call is then never executed.
        let gaveUp = false;
        const onClose = (): void => {
          if (!res.writableEnded) gaveUp = true;
        };
        res.on('close', onClose);
        await Promise.race([this.sleep(fault.ms), new Promise<void>((resolve) => res.once('close', () => resolve()))]);
        res.off('close', onClose);
        if (gaveUp) {
          this.record(method, params, { ok: false, error_code: 0, description: `the bot gave up waiting (hung for ${fault.ms} ms)` });
          return;
        }
      }
      let response: ApiResponse;
      if (fault?.kind === 'fail') {
        const { error_code, description, parameters } = fault.answer;
        response = { ok: false, error_code, description, ...(parameters ? { parameters } : {}) };
      } else {
        response = await this.execute(method, params, res);
      }
      if (response === ABANDONED) return;
      this.record(method, params, response);
      this.write(res, response);
    } finally {
      if (!isPoll) this.inFlight.delete(flightId);
      this.notifyState();
    }
  }

  private write(res: http.ServerResponse, response: ApiResponse): void {
    if (res.writableEnded || res.destroyed) return;
    const status = response.ok ? 200 : response.error_code;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(response));
  }

  private serveFile(token: string, path: string, res: http.ServerResponse): void {
    const file = token === this.token ? this.filesByPath.get(path) : undefined;
    if (!file) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    const bytes = file.bytes ?? Buffer.alloc(file.size, 0);
    res.writeHead(200, { 'content-type': file.mimeType ?? 'application/octet-stream', 'content-length': bytes.length });
    res.end(bytes);
  }

  private errorBody(error: unknown): ApiErrorBody {
    if (error instanceof ApiError) {
      const body: ApiErrorBody = { ok: false, error_code: error.errorCode, description: error.description };
      if (error.parameters) body.parameters = error.parameters;
      return body;
    }
    // A simulator bug must not look like a Telegram answer the bot should handle.
    return { ok: false, error_code: 500, description: `Internal Server Error: simulator bug: ${(error as Error).message}` };
  }

  /** Runs one method; `res` lets long polls notice that the bot went away. */
  private async execute(method: string, params: JsonObject, res?: http.ServerResponse): Promise<ApiResponse> {
    const lower = method.toLowerCase();
    try {
      if (lower === 'getupdates') return await this.getUpdates(params, res);
      const handler = this.handlers.get(lower);
      if (!handler) return { ok: false, error_code: 404, description: 'Not Found: method not found' };
      const result = await handler(params);
      if (lower === 'setwebhook' || lower === 'deletewebhook') {
        return { ok: true, result: true, description: result as string };
      }
      return { ok: true, result };
    } catch (error) {
      return this.errorBody(error);
    }
  }

  private record(method: string, params: JsonObject, response: ApiResponse): void {
    const call: SimCall = { method, params, at: new Date(), ok: response.ok, response };
    this.calls.push(call);
    if (!response.ok && response.error_code !== 0) {
      const chatId = int(params.chat_id);
      const where = chatId !== undefined && this.chats.has(chatId) ? ` → ${this.chats.get(chatId)?.title}` : '';
      this.emit('api-error', chatId, `[bot ✗ ${method}${where}: ${response.error_code} ${response.description}]`);
    }
    for (const watcher of [...this.callWatchers]) watcher(call);
  }

  private addFault(method: string, action: Fault['action'], options: FaultOptions): void {
    const times = options.times ?? 1;
    if (!(times >= 1)) throw new Error(`fault times must be at least 1, got ${times}`);
    this.faults.push({ method: method.toLowerCase(), chatId: options.chatId, remaining: times, action });
  }

  private takeFault(method: string, params: JsonObject): Fault['action'] | undefined {
    const lower = method.toLowerCase();
    const index = this.faults.findIndex(
      (f) =>
        (f.method === lower || (f.method === '*' && lower !== 'getupdates')) &&
        (f.chatId === undefined || int(params.chat_id) === f.chatId),
    );
    const fault = this.faults[index];
    if (!fault) return this.mixedFault(lower);
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.action;
  }

  private mixedFault(method: string): Fault['action'] | undefined {
    const mix = this.mix;
    if (!mix || method === 'getupdates') return undefined;
    const roll = mix.random();
    const r429 = mix.rate429 ?? 0;
    const r5xx = mix.rate5xx ?? 0;
    const rHang = mix.rateHang ?? 0;
    if (roll < r429) {
      const seconds = mix.retryAfterSeconds ?? 3;
      return { kind: 'fail', answer: { error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } } };
    }
    if (roll < r429 + r5xx) return { kind: 'fail', answer: { error_code: 500, description: 'Internal Server Error' } };
    if (roll < r429 + r5xx + rHang) return { kind: 'delay', ms: mix.hangMs ?? 120_000 };
    return undefined;
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: realSetTimeout(() => {
          this.sleeps.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.sleeps.add(entry);
    });
  }

  private notifyState(): void {
    for (const watcher of [...this.stateWatchers]) watcher();
  }

  private emit(kind: SimEvent['kind'], chatId: number | undefined, line: string): void {
    const event: SimEvent = { at: new Date(), kind, line };
    if (chatId !== undefined) event.chatId = chatId;
    this.events.push(event);
    for (const listener of [...this.eventListeners]) listener(event);
  }

  // --------------------------------------------------------------- updates

  private confirmUpTo(offset: number): void {
    // Confirmed updates are forgotten for good, as on Telegram's side.
    while (this.queue.length > 0 && (this.queue[0]?.id ?? Infinity) < offset) {
      const item = this.queue.shift();
      if (item) {
        this.pending.delete(item.id);
        this.acknowledgedCount++;
        this.echo(item);
      }
    }
  }

  /** With redeliverAll on, queues a second delivery of an acknowledged update. */
  private echo(item: QueuedUpdate): void {
    if (!this.redeliverEach || item.echo) return;
    const copy: QueuedUpdate = { ...item, echo: true };
    this.echoes.push(copy);
    this.pending.set(-item.id, `${item.label} (again)`);
  }

  /** A batch for getUpdates: redeliveries first (they ignore the offset, as a redelivery does), then the queue. */
  private batch(limit: number): JsonObject[] {
    const echoes = this.echoes.splice(0);
    for (const echo of echoes) this.pending.delete(-echo.id);
    this.acknowledgedCount += echoes.length;
    if (echoes.length > 0) this.notifyState();
    return [...echoes.map((u) => u.update), ...this.queue.slice(0, limit).map((u) => u.update)];
  }

  private getUpdates(params: JsonObject, res?: http.ServerResponse): ApiResponse | Promise<ApiResponse> {
    if (this.webhook) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = int(params.offset) ?? 0;
    const limit = Math.min(MAX_UPDATES_PER_CALL, Math.max(1, int(params.limit) ?? MAX_UPDATES_PER_CALL));
    const timeout = Math.max(0, int(params.timeout) ?? 0);
    if (Array.isArray(params.allowed_updates)) {
      this.allowedUpdates = params.allowed_updates.length > 0 ? params.allowed_updates.map(String) : undefined;
    }
    if (offset > 0) this.confirmUpTo(offset);
    if (offset < 0) {
      // A negative offset keeps only the last |offset| updates.
      const drop = this.queue.length + offset;
      if (drop > 0) this.confirmUpTo((this.queue[drop]?.id ?? Infinity));
    }
    this.lastPoll = { at: new Date(), offset };
    this.notifyState();
    // Only one getUpdates may wait at a time; Telegram ends the older one.
    for (const waiter of this.pollWaiters.splice(0)) {
      waiter.finish({
        ok: false,
        error_code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
    }
    if (this.queue.length > 0 || this.echoes.length > 0 || timeout === 0 || this.stopped) {
      return { ok: true, result: this.batch(limit) };
    }
    return new Promise<ApiResponse>((resolve) => {
      let finished = false;
      const waiter: PollWaiter = {
        limit,
        finish: (response) => {
          if (finished) return;
          finished = true;
          realClearTimeout(timer);
          const index = this.pollWaiters.indexOf(waiter);
          if (index >= 0) this.pollWaiters.splice(index, 1);
          resolve(response);
        },
      };
      const timer = realSetTimeout(() => waiter.finish({ ok: true, result: [] }), timeout * 1000);
      res?.on('close', () => {
        if (!res.writableEnded) waiter.finish(ABANDONED);
      });
      this.pollWaiters.push(waiter);
    });
  }

  private wakePollers(): void {
    if (this.queue.length === 0 && this.echoes.length === 0) return;
    for (const waiter of this.pollWaiters.splice(0)) {
      waiter.finish({ ok: true, result: this.batch(waiter.limit) });
    }
  }

  /** Delivers queued updates to the webhook one at a time, in order, retrying failures. */
  private async pumpWebhook(): Promise<void> {
    if (this.webhookBusy) return;
    this.webhookBusy = true;
    let backoff = 50;
    try {
      while (this.webhook && !this.stopped && (this.queue.length > 0 || this.echoes.length > 0)) {
        const item = (this.echoes[0] ?? this.queue[0]) as QueuedUpdate;
        const hook = this.webhook;
        const outcome = await postUpdate(hook.url, hook.secretToken, item.update, this.webhookRequests);
        this.webhookDeliveries.push({
          updateId: item.id,
          at: new Date(),
          ...(outcome.status !== undefined ? { status: outcome.status } : {}),
          ...(outcome.error !== undefined ? { error: outcome.error } : {}),
        });
        if (outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300) {
          backoff = 50;
          if (outcome.body && outcome.body.length > 0) await this.runWebhookReply(outcome.contentType, outcome.body);
          this.acknowledgedCount++;
          if (item.echo) {
            this.echoes.shift();
            this.pending.delete(-item.id);
          } else {
            if (this.queue[0] === item) this.queue.shift();
            this.pending.delete(item.id);
            this.echo(item);
          }
          this.notifyState();
          continue;
        }
        hook.lastErrorDate = Math.floor(Date.now() / 1000);
        hook.lastErrorMessage = outcome.error ?? `Wrong response from the webhook: ${outcome.status}`;
        // Telegram retries failed deliveries with growing pauses.
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, 1000);
      }
    } finally {
      this.webhookBusy = false;
    }
  }

  /** Telegram executes a method the bot put in its webhook answer (telegraf's webhookReply). */
  private async runWebhookReply(contentType: string | undefined, body: Buffer): Promise<void> {
    let params: JsonObject;
    try {
      params = await decodeParams({ 'content-type': contentType || 'application/json' }, body, new URLSearchParams());
    } catch {
      return; // Telegram ignores an answer it cannot read
    }
    const method = str(params.method);
    if (!method) return;
    delete params.method;
    const response = await this.execute(method, params);
    this.record(method, params, response);
  }

  // ------------------------------------------------------------- the methods

  private buildHandlers(): Map<string, Handler> {
    const h: Record<string, Handler> = {
      getMe: () => ({
        id: this.botId,
        is_bot: true,
        first_name: this.botFirstName,
        username: this.botUsername,
        can_join_groups: true,
        can_read_all_group_messages: !this.privacyMode,
        supports_inline_queries: true,
        can_connect_to_business: false,
        has_main_web_app: false,
      }),
      setWebhook: (p) => this.setWebhook(p),
      deleteWebhook: (p) => {
        if (p.drop_pending_updates === true) this.dropPending();
        const had = this.webhook !== undefined;
        this.webhook = undefined;
        return had ? 'Webhook was deleted' : 'Webhook is already deleted';
      },
      getWebhookInfo: () => {
        const info: JsonObject = {
          url: this.webhook?.url ?? '',
          has_custom_certificate: false,
          pending_update_count: this.queue.length,
        };
        if (this.webhook) {
          info.max_connections = this.webhook.maxConnections;
          if (this.webhook.lastErrorDate) {
            info.last_error_date = this.webhook.lastErrorDate;
            info.last_error_message = this.webhook.lastErrorMessage;
          }
        }
        if (this.allowedUpdates) info.allowed_updates = this.allowedUpdates;
        return info;
      },
      sendMessage: (p) => this.sendMessage(p),
      editMessageText: (p) => this.editMessageText(p),
      editMessageCaption: (p) => this.editMessageCaption(p),
      editMessageReplyMarkup: (p) => this.editMessageReplyMarkup(p),
      deleteMessage: (p) => this.deleteMessage(p),
      deleteMessages: (p) => {
        const chat = this.chatForEdit(p);
        const ids = Array.isArray(p.message_ids) ? p.message_ids.map(int) : [];
        if (ids.length === 0 || ids.length > 100) throw bad('message_ids must contain 1-100 identifiers');
        for (const id of ids) {
          const message = id === undefined ? undefined : chat.message(id);
          if (message && !message.deleted) this.markDeleted(chat, message);
        }
        return true;
      },
      answerCallbackQuery: (p) => this.answerCallbackQuery(p),
      answerInlineQuery: (p) => this.answerInlineQuery(p),
      sendPhoto: (p) => this.sendMedia(p, 'photo'),
      sendDocument: (p) => this.sendMedia(p, 'document'),
      sendChatAction: (p) => {
        this.chatForSend(p);
        if (!CHAT_ACTIONS.has(str(p.action) ?? '')) throw bad('wrong parameter action in request');
        return true;
      },
      setMyCommands: (p) => {
        const commands = p.commands;
        if (!Array.isArray(commands)) throw bad("field \"commands\" must be an Array");
        if (commands.length > 100) throw bad('too many commands');
        for (const command of commands) {
          if (!isObject(command) || !/^[a-z0-9_]{1,32}$/.test(str(command.command) ?? '')) {
            throw bad('BOT_COMMAND_INVALID');
          }
          const description = str(command.description) ?? '';
          if (description.length < 1 || description.length > 256) throw bad('command description is empty or too long');
        }
        this.commands.set(commandsKey(p.scope, str(p.language_code)), commands as JsonObject[]);
        return true;
      },
      deleteMyCommands: (p) => {
        this.commands.delete(commandsKey(p.scope, str(p.language_code)));
        return true;
      },
      getMyCommands: (p) => this.commands.get(commandsKey(p.scope, str(p.language_code))) ?? [],
      getChat: (p) => {
        const chat = this.chatForRead(p);
        return { ...chat.chat, accent_color_id: 0, max_reaction_count: 11 };
      },
      getChatMember: (p) => {
        const chat = this.chatForRead(p);
        const userId = int(p.user_id);
        if (userId === this.botId) {
          const status = chat.botIsAdmin ? 'administrator' : 'member';
          return { status, user: this.botUser(), ...(chat.botIsAdmin ? { can_delete_messages: true, can_manage_chat: true } : {}) };
        }
        const user = userId === undefined ? undefined : this.users.get(userId);
        if (!user) throw bad('user not found');
        if (chat.type === 'private' && chat.id !== user.id) throw bad('user not found');
        return this.memberOf(chat, user);
      },
      getChatAdministrators: (p) => {
        const chat = this.chatForRead(p);
        return [...chat.adminIds].flatMap((id) => {
          const user = this.users.get(id);
          return user ? [this.memberOf(chat, user)] : [];
        });
      },
      getFile: (p) => {
        const file = this.files.get(str(p.file_id) ?? '');
        if (!file) throw bad('invalid file_id');
        if (file.size > MAX_GETFILE_BYTES) throw bad('file is too big');
        return { file_id: str(p.file_id), file_unique_id: file.fileUniqueId, file_size: file.size, file_path: file.filePath };
      },
      pinChatMessage: (p) => {
        const chat = this.chatForEdit(p);
        const message = chat.message(int(p.message_id) ?? -1);
        if (!message || message.deleted) throw bad('message to pin not found');
        if (!chat.pinnedMessageIds.includes(message.messageId)) chat.pinnedMessageIds.push(message.messageId);
        return true;
      },
      unpinChatMessage: (p) => {
        const chat = this.chatForEdit(p);
        const id = int(p.message_id) ?? chat.pinnedMessageIds.at(-1);
        const index = id === undefined ? -1 : chat.pinnedMessageIds.indexOf(id);
        if (index >= 0) chat.pinnedMessageIds.splice(index, 1);
        return true;
      },
    };
    const map = new Map<string, Handler>();
    for (const name of OTHER_METHODS) map.set(name.toLowerCase(), () => true);
    for (const [name, handler] of Object.entries(h)) map.set(name.toLowerCase(), handler);
    return map;
  }

  private botUser(): JsonObject {
    return { id: this.botId, is_bot: true, first_name: this.botFirstName, username: this.botUsername };
  }

  private memberOf(chat: ChatState, user: SimUser): JsonObject {
    if (chat.adminIds.has(user.id)) {
      const first = [...chat.adminIds][0] === user.id;
      return first
        ? { status: 'creator', user: user.raw, is_anonymous: false }
        : {
            status: 'administrator',
            user: user.raw,
            can_be_edited: false,
            is_anonymous: false,
            can_manage_chat: true,
            can_delete_messages: true,
            can_manage_video_chats: true,
            can_restrict_members: true,
            can_promote_members: false,
            can_change_info: true,
            can_invite_users: true,
            can_post_stories: false,
            can_edit_stories: false,
            can_delete_stories: false,
          };
    }
    return { status: 'member', user: user.raw };
  }

  private setWebhook(p: JsonObject): string {
    const url = str(p.url) ?? '';
    if (url === '') {
      this.webhook = undefined;
      return 'Webhook was deleted';
    }
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw bad('bad webhook: Failed to resolve host: Name or service not known');
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw bad('bad webhook: An HTTPS URL must be provided for webhook');
    if (!isLoopback(target.hostname)) {
      throw bad(`bad webhook: the simulator delivers only to loopback hosts (127.0.0.1, localhost, ::1), not ${target.hostname}`);
    }
    const secret = str(p.secret_token);
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
      throw bad('secret token contains unallowed characters');
    }
    if (p.drop_pending_updates === true) this.dropPending();
    if (Array.isArray(p.allowed_updates)) {
      this.allowedUpdates = p.allowed_updates.length > 0 ? p.allowed_updates.map(String) : undefined;
    }
    // A waiting long poll is cut off when the bot switches to a webhook.
    for (const waiter of this.pollWaiters.splice(0)) {
      waiter.finish({ ok: false, error_code: 409, description: 'Conflict: terminated by setWebhook request' });
    }
    this.webhook = { url, secretToken: secret, maxConnections: int(p.max_connections) ?? 40 };
    realSetTimeout(() => void this.pumpWebhook(), 0);
    return 'Webhook was set';
  }

  private dropPending(): void {
    for (const item of this.queue.splice(0)) {
      this.pending.delete(item.id);
      this.emit('note', undefined, `[update ${item.id} dropped: drop_pending_updates]`);
    }
    this.notifyState();
  }

  /** Resolves `chat_id` for sending, with Telegram's 400 and 403 answers. */
  private chatForSend(p: JsonObject): ChatState {
    const chat = this.chatForRead(p);
    if (chat.migratedTo !== undefined) {
      throw bad('group chat was upgraded to a supergroup chat', { migrate_to_chat_id: chat.migratedTo });
    }
    if (chat.type === 'private') {
      if (chat.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
      if (!chat.started) throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
    } else if (chat.botKicked) {
      throw new ApiError(403, `Forbidden: bot was kicked from the ${chat.type === 'supergroup' ? 'supergroup' : 'group'} chat`);
    }
    return chat;
  }

  private chatForEdit(p: JsonObject): ChatState {
    const chat = this.chatForRead(p);
    if (chat.migratedTo !== undefined) {
      throw bad('group chat was upgraded to a supergroup chat', { migrate_to_chat_id: chat.migratedTo });
    }
    if (chat.type === 'private' && chat.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    if (chat.type !== 'private' && chat.botKicked) throw new ApiError(403, 'Forbidden: bot is not a member of the group chat');
    return chat;
  }

  private chatForRead(p: JsonObject): ChatState {
    const raw = p.chat_id;
    if (raw === undefined || raw === '') throw bad('chat_id is empty');
    const id = typeof raw === 'number' ? raw : Number(raw);
    const chat = Number.isSafeInteger(id) ? this.chats.get(id) : undefined;
    if (!chat) throw bad('chat not found');
    return chat;
  }

  private parseText(text: string, parseMode: unknown, entities: unknown, field: 'text' | 'caption'): ParseResult & { ok: true } {
    const parsed = parseMessageText(text, parseMode, entities);
    if (!parsed.ok) {
      if (parsed.unsupportedMode) throw bad('unsupported parse_mode');
      throw bad(`can't parse entities: ${parsed.error}`);
    }
    if (field === 'text') {
      if (parsed.plain.length === 0) throw bad('message text is empty');
      if (parsed.plain.length > MAX_TEXT_LENGTH) throw bad('message is too long');
    } else if (parsed.plain.length > MAX_CAPTION_LENGTH) {
      throw bad('message caption is too long');
    }
    return parsed;
  }

  private replyTarget(chat: ChatState, p: JsonObject): SimMessage | undefined {
    const parameters = isObject(p.reply_parameters) ? p.reply_parameters : undefined;
    const id = int(parameters?.message_id ?? p.reply_to_message_id);
    if (id === undefined) return undefined;
    const target = chat.message(id);
    const allowMissing = parameters?.allow_sending_without_reply === true || p.allow_sending_without_reply === true;
    if ((!target || target.deleted) && !allowMissing) throw bad('message to be replied not found');
    return target && !target.deleted ? target : undefined;
  }

  private newBotMessage(
    chat: ChatState,
    fields: Omit<SimMessage, 'messageId' | 'chatId' | 'fromId' | 'date' | 'edited' | 'deleted' | 'raw'>,
    replyTo: SimMessage | undefined,
  ): SimMessage {
    const message: SimMessage = {
      messageId: chat.takeMessageId(),
      chatId: chat.id,
      fromId: 'bot',
      date: Math.floor(Date.now() / 1000),
      edited: 0,
      deleted: false,
      raw: {},
      ...fields,
    };
    if (replyTo) message.replyToMessageId = replyTo.messageId;
    message.raw = this.rawOf(chat, message, replyTo);
    chat.messages.push(message);
    return message;
  }

  /** The `Message` object Telegram returns and puts into updates. */
  private rawOf(chat: ChatState, message: SimMessage, replyTo?: SimMessage): JsonObject {
    const raw: JsonObject = {
      message_id: message.messageId,
      from: message.fromId === 'bot' ? this.botUser() : this.users.get(message.fromId)?.raw,
      chat: chat.chat,
      date: message.date,
    };
    if (replyTo) {
      const { reply_to_message: _ignored, ...shallow } = replyTo.raw;
      raw.reply_to_message = shallow;
    }
    if (message.edited > 0) raw.edit_date = Math.floor(Date.now() / 1000);
    if (message.photo) raw.photo = photoSizes(message.photo.fileId, message.photo.fileUniqueId, message.photo.size);
    if (message.document) {
      const doc: JsonObject = {
        file_id: message.document.fileId,
        file_unique_id: message.document.fileUniqueId,
        file_size: message.document.size,
      };
      if (message.document.filename) doc.file_name = message.document.filename;
      if (message.document.mimeType) doc.mime_type = message.document.mimeType;
      raw.document = doc;
    }
    const isMedia = message.photo !== undefined || message.document !== undefined;
    const plainKey = isMedia ? 'caption' : 'text';
    if (!isMedia || message.plain !== '') raw[plainKey] = message.plain;
    if (message.entities && message.entities.length > 0) raw[isMedia ? 'caption_entities' : 'entities'] = message.entities;
    // Only inline keyboards belong to a message; reply keyboards belong to the chat.
    if (message.replyMarkup && 'inline_keyboard' in message.replyMarkup) raw.reply_markup = message.replyMarkup;
    return raw;
  }

  private refreshRaw(chat: ChatState, message: SimMessage): void {
    const replyTo = message.replyToMessageId === undefined ? undefined : chat.message(message.replyToMessageId);
    message.raw = this.rawOf(chat, message, replyTo);
  }

  private sendMessage(p: JsonObject): JsonObject {
    const chat = this.chatForSend(p);
    if (typeof p.text !== 'string' && typeof p.text !== 'number') throw bad('message text is empty');
    const text = String(p.text);
    const parsed = this.parseText(text, p.parse_mode, p.entities, 'text');
    const replyMarkup = checkReplyMarkup(p.reply_markup);
    const replyTo = this.replyTarget(chat, p);
    const message = this.newBotMessage(
      chat,
      {
        text,
        plain: parsed.plain,
        entities: parsed.entities,
        ...(str(p.parse_mode) ? { parseMode: str(p.parse_mode) } : {}),
        ...(replyMarkup ? { replyMarkup } : {}),
      },
      replyTo,
    );
    this.emit('bot-message', chat.id, formatMessageBlock(`[bot → ${chat.title}]`, message));
    return message.raw;
  }

  private async sendMedia(p: JsonObject, kind: 'photo' | 'document'): Promise<JsonObject> {
    const chat = this.chatForSend(p);
    const file = this.fileParam(p[kind], kind);
    const caption = str(p.caption);
    const parsed = caption === undefined ? undefined : this.parseText(caption, p.parse_mode, p.caption_entities, 'caption');
    const replyMarkup = checkReplyMarkup(p.reply_markup);
    const replyTo = this.replyTarget(chat, p);
    const message = this.newBotMessage(
      chat,
      {
        plain: parsed?.plain ?? '',
        ...(caption !== undefined ? { caption } : {}),
        ...(parsed ? { entities: parsed.entities } : {}),
        ...(str(p.parse_mode) ? { parseMode: str(p.parse_mode) } : {}),
        ...(replyMarkup ? { replyMarkup } : {}),
        [kind]: file,
      },
      replyTo,
    );
    this.emit('bot-message', chat.id, formatMessageBlock(`[bot → ${chat.title}]`, message));
    return message.raw;
  }

  /** Resolves a photo/document parameter: an upload, a known file_id, or an HTTP URL. */
  private fileParam(value: unknown, kind: 'photo' | 'document'): SimFile {
    if (value instanceof UploadedFile) {
      if (value.bytes.length === 0) throw bad('file must be non-empty');
      if (kind === 'photo') {
        if (value.bytes.length > MAX_PHOTO_BYTES) throw bad('PHOTO_SAVE_FILE_INVALID');
        if (!looksLikeImage(value.bytes)) throw bad('IMAGE_PROCESS_FAILED');
      }
      return this.registerFile({
        kind,
        filename: value.filename,
        mimeType: value.mimeType || (kind === 'photo' ? 'image/jpeg' : 'application/octet-stream'),
        bytes: value.bytes,
      });
    }
    const ref = str(value);
    if (!ref) throw bad(`there is no ${kind} in the request`);
    const known = this.files.get(ref);
    if (known) {
      if (known.kind !== kind) throw bad('type of file mismatch');
      return known;
    }
    if (/^https?:\/\//.test(ref)) {
      const name = decodeURIComponent(new URL(ref).pathname.split('/').pop() || `file.${kind === 'photo' ? 'jpg' : 'dat'}`);
      return this.registerFile({ kind, filename: name, size: 2048 });
    }
    throw bad('wrong file identifier/HTTP URL specified');
  }

  private nextFileIds(kind: 'photo' | 'document'): { fileId: string; fileUniqueId: string } {
    const seq = this.fileSeq++;
    const noise = randomBytes(6).toString('base64url');
    // Real file ids start with a type-specific prefix; keep the look.
    const prefix = kind === 'photo' ? 'AgACAgUAAxkBAAI' : 'BQACAgUAAxkBAAI';
    return { fileId: `${prefix}${seq}${noise}`, fileUniqueId: `AQAD${seq}${noise.slice(0, 4)}` };
  }

  private registerFile(input: {
    kind: 'photo' | 'document';
    filename?: string;
    mimeType?: string;
    bytes?: Buffer;
    size?: number;
  }): SimFile {
    const { fileId, fileUniqueId } = this.nextFileIds(input.kind);
    const ext = input.kind === 'photo' ? 'jpg' : (/\.([A-Za-z0-9]{1,8})$/.exec(input.filename ?? '')?.[1] ?? 'dat');
    const file: SimFile = {
      fileId,
      fileUniqueId,
      kind: input.kind,
      size: input.bytes?.length ?? input.size ?? 0,
      filePath: `${input.kind === 'photo' ? 'photos' : 'documents'}/file_${this.fileSeq}.${ext}`,
    };
    if (input.filename !== undefined) file.filename = input.filename;
    if (input.mimeType !== undefined) file.mimeType = input.mimeType;
    if (input.bytes !== undefined) file.bytes = input.bytes;
    this.files.set(fileId, file);
    this.filesByPath.set(file.filePath, file);
    if (input.kind === 'photo') {
      // The smaller PhotoSize ids name the same photo.
      for (const size of photoSizes(fileId, fileUniqueId, file.size).slice(0, 2)) this.files.set(String(size.file_id), file);
    }
    return file;
  }

  /** The bot's message addressed by chat_id + message_id, or an error naming the action. */
  private botMessageFor(p: JsonObject, action: 'edit' | 'delete'): { chat: ChatState; message: SimMessage } {
    const chat = this.chatForEdit(p);
    const id = int(p.message_id);
    if (id === undefined) throw bad('message identifier is not specified');
    const message = chat.message(id);
    if (!message || message.deleted) throw bad(`message to ${action} not found`);
    if (action === 'edit' && (message.fromId !== 'bot' || message.tooOldToEdit)) throw bad("message can't be edited");
    return { chat, message };
  }

  private sameContent(a: SimMessage, plain: string, entities: JsonObject[] | undefined, markup: JsonObject | undefined): boolean {
    const inline = (m: JsonObject | undefined): string => (m && 'inline_keyboard' in m ? JSON.stringify(m.inline_keyboard) : '');
    return (
      a.plain === plain &&
      JSON.stringify(a.entities ?? []) === JSON.stringify(entities ?? []) &&
      inline(a.replyMarkup) === inline(markup)
    );
  }

  private editMessageText(p: JsonObject): JsonObject | true {
    if (p.inline_message_id !== undefined) {
      this.parseText(str(p.text) ?? '', p.parse_mode, p.entities, 'text');
      checkReplyMarkup(p.reply_markup);
      return true;
    }
    const { chat, message } = this.botMessageFor(p, 'edit');
    if (message.photo || message.document) throw bad('there is no text in the message to edit');
    const text = str(p.text) ?? '';
    const parsed = this.parseText(text, p.parse_mode, p.entities, 'text');
    // Without reply_markup Telegram removes the inline keyboard.
    const markup = checkReplyMarkup(p.reply_markup);
    if (this.sameContent(message, parsed.plain, parsed.entities, markup)) throw bad(NOT_MODIFIED.slice('Bad Request: '.length));
    const hadButtons = inlineButtons(message).length > 0;
    message.text = text;
    message.plain = parsed.plain;
    message.entities = parsed.entities;
    setOptional(message, 'parseMode', str(p.parse_mode));
    setOptional(message, 'replyMarkup', markup);
    message.edited += 1;
    this.refreshRaw(chat, message);
    const removed = hadButtons && inlineButtons(message).length === 0 ? '\n  (buttons removed)' : '';
    this.emit('bot-edit', chat.id, formatMessageBlock(`[bot edits #${message.messageId} → ${chat.title}]`, message) + removed);
    return message.raw;
  }

  private editMessageCaption(p: JsonObject): JsonObject | true {
    if (p.inline_message_id !== undefined) return true;
    const { chat, message } = this.botMessageFor(p, 'edit');
    if (!message.photo && !message.document) throw bad('there is no caption in the message to edit');
    const caption = str(p.caption) ?? '';
    const parsed = this.parseText(caption, p.parse_mode, p.caption_entities, 'caption');
    const markup = checkReplyMarkup(p.reply_markup);
    if (this.sameContent(message, parsed.plain, parsed.entities, markup)) throw bad(NOT_MODIFIED.slice('Bad Request: '.length));
    message.caption = caption;
    message.plain = parsed.plain;
    message.entities = parsed.entities;
    setOptional(message, 'parseMode', str(p.parse_mode));
    setOptional(message, 'replyMarkup', markup);
    message.edited += 1;
    this.refreshRaw(chat, message);
    this.emit('bot-edit', chat.id, formatMessageBlock(`[bot edits caption #${message.messageId} → ${chat.title}]`, message));
    return message.raw;
  }

  private editMessageReplyMarkup(p: JsonObject): JsonObject | true {
    if (p.inline_message_id !== undefined) {
      checkReplyMarkup(p.reply_markup);
      return true;
    }
    const { chat, message } = this.botMessageFor(p, 'edit');
    const markup = checkReplyMarkup(p.reply_markup);
    if (this.sameContent(message, message.plain, message.entities, markup)) throw bad(NOT_MODIFIED.slice('Bad Request: '.length));
    setOptional(message, 'replyMarkup', markup);
    message.edited += 1;
    this.refreshRaw(chat, message);
    const buttons = formatKeyboard(markup);
    this.emit(
      'bot-edit',
      chat.id,
      [`[bot edits buttons #${message.messageId} → ${chat.title}]`, ...(buttons.length > 0 ? buttons : ['  (buttons removed)'])].join('\n'),
    );
    return message.raw;
  }

  private deleteMessage(p: JsonObject): true {
    const { chat, message } = this.botMessageFor(p, 'delete');
    this.markDeleted(chat, message);
    return true;
  }

  private markDeleted(chat: ChatState, message: SimMessage): void {
    message.deleted = true;
    const preview = formatBody(message).split('\n')[0] ?? '';
    const short = preview.length > 50 ? `${preview.slice(0, 49)}…` : preview;
    this.emit('bot-delete', chat.id, `[bot deletes #${message.messageId} in ${chat.title}: «${short}»]`);
  }

  private answerCallbackQuery(p: JsonObject): true {
    const record = this.callbackQueries.get(str(p.callback_query_id) ?? '');
    if (!record || record.answered) throw bad(QUERY_TOO_OLD.slice('Bad Request: '.length));
    const text = str(p.text);
    if (text !== undefined && text.length > MAX_CALLBACK_ANSWER_LENGTH) throw bad('MESSAGE_TOO_LONG');
    record.answered = true;
    record.answer = { ...p };
    if (text) {
      const verb = p.show_alert === true ? 'alerts' : 'answers';
      this.emit('tap-answer', record.chatId, `[bot ${verb} ${record.user.name}: «${text}»]`);
    }
    return true;
  }

  private answerInlineQuery(p: JsonObject): true {
    const record = this.inlineQueries.get(str(p.inline_query_id) ?? '');
    if (!record || record.answered) throw bad(QUERY_TOO_OLD.slice('Bad Request: '.length));
    const results = p.results;
    if (!Array.isArray(results)) throw bad('field "results" must be an Array');
    if (results.length > MAX_INLINE_RESULTS) throw bad('RESULTS_TOO_MUCH');
    const ids = new Set<string>();
    for (const result of results) {
      if (!isObject(result)) throw bad("can't parse InlineQueryResult");
      const id = str(result.id) ?? '';
      if (Buffer.byteLength(id) < 1 || Buffer.byteLength(id) > 64) throw bad('RESULT_ID_INVALID');
      if (ids.has(id)) throw bad('RESULT_ID_DUPLICATE');
      ids.add(id);
      const content = result.input_message_content;
      if (isObject(content) && typeof content.message_text === 'string') {
        this.parseText(content.message_text, content.parse_mode, content.entities, 'text');
      }
      checkReplyMarkup(result.reply_markup);
    }
    const nextOffset = str(p.next_offset);
    if (nextOffset !== undefined && Buffer.byteLength(nextOffset) > 64) throw bad('NEXT_OFFSET_INVALID');
    record.answered = true;
    record.answer = { ...p };
    const titles = (results as JsonObject[]).map((r) => str(r.title) ?? str(r.id) ?? '?');
    const shown = titles.slice(0, 5).join(' · ') + (titles.length > 5 ? ' · …' : '');
    this.emit('inline-answer', undefined, `[bot offers ${results.length} result(s) to ${record.user.name}${shown ? `: ${shown}` : ''}]`);
    return true;
  }

  // ------------------------------------------------------------ diagnostics

  private describePending(): string {
    const items = [...this.pending.entries()].slice(0, 5).map(([id, label]) => `#${id} ${label}`);
    const more = this.pending.size > 5 ? `, and ${this.pending.size - 5} more` : '';
    return `${this.pending.size} update(s) not handled: ${items.join('; ')}${more}`;
  }

  private settleTimeoutMessage(timeoutMs: number): string {
    const parts = [`settled() timed out after ${timeoutMs} ms.`];
    if (this.pending.size > 0) parts.push(`${this.describePending()}.`);
    if (this.inFlight.size > 0) parts.push(`API calls still in flight: ${[...this.inFlight.values()].join(', ')}.`);
    if (this.webhook) {
      const last = this.webhookDeliveries.at(-1);
      parts.push(
        `Webhook mode (${this.webhook.url}); last delivery: ${last ? `${last.status ?? last.error ?? '?'}` : 'none yet'}.`,
      );
    } else if (this.lastPoll) {
      const ago = ((Date.now() - this.lastPoll.at.getTime()) / 1000).toFixed(1);
      parts.push(`Last getUpdates ${ago} s ago with offset ${this.lastPoll.offset}: is the bot still handling an update, or stopped?`);
    } else {
      parts.push(`The bot never called getUpdates: is it running with apiRoot ${this.root ?? '(simulator not started)'} and token ${this.token.split(':')[0]}:…?`);
    }
    return parts.join(' ');
  }

  // -------------------------------------------------------- host for users

  private buildHost(): UserHost {
    return {
      botUsername: this.botUsername,
      chatState: (id) => {
        const chat = this.chats.get(id);
        if (!chat) throw new Error(`The simulator knows no chat ${id}; create it with sim.user() or sim.group()`);
        return chat;
      },
      userMessage: (user, chat, content) => this.userMessage(user, chat, content),
      callbackQuery: (user, chat, message, data, label) => {
        const id = `${this.botId}${String(this.querySeq++).padStart(6, '0')}`;
        this.callbackQueries.set(id, { answered: false, user, chatId: chat.id });
        if (chat.type === 'private') chat.started = true;
        const where = chat.type === 'private' ? '' : ` in ${chat.title}`;
        this.emit('tap', chat.id, `[${user.name} taps ${label}${where}]`);
        this.pushUpdate({
          callback_query: {
            id,
            from: user.raw,
            message: message.raw,
            chat_instance: chatInstance(chat.id, this.botId),
            data,
          },
        });
        return id;
      },
      inlineCallbackQuery: (user, inlineMessageId, data) => {
        const id = `${this.botId}${String(this.querySeq++).padStart(6, '0')}`;
        this.callbackQueries.set(id, { answered: false, user, chatId: undefined });
        this.emit('tap', undefined, `[${user.name} taps data "${data}" on inline message ${inlineMessageId}]`);
        this.pushUpdate({ callback_query: { id, from: user.raw, inline_message_id: inlineMessageId, chat_instance: chatInstance(user.id, this.botId), data } });
        return id;
      },
      inlineQuery: (user, query, offset) => {
        const id = `${this.botId}${String(this.querySeq++).padStart(6, '0')}`;
        this.inlineQueries.set(id, { answered: false, user });
        this.emit('inline-query', undefined, `[${user.name} types "@${this.botUsername} ${query}"${offset ? ` (offset ${offset})` : ''}]`);
        this.pushUpdate({ inline_query: { id, from: user.raw, query, offset, chat_type: 'sender' } });
        return id;
      },
      callbackAnswer: (id) => this.callbackQueries.get(id)?.answer,
      inlineAnswer: (id) => this.inlineQueries.get(id)?.answer,
      settled: () => this.settled(),
      registerUserFile: (input) => {
        const file = this.registerFile(input);
        return { fileId: file.fileId, fileUniqueId: file.fileUniqueId, filePath: file.filePath };
      },
    };
  }

  private userMessage(user: SimUser, chat: ChatState, content: JsonObject): SimMessage {
    if (chat.type === 'private') {
      if (chat.id !== user.id) throw new Error(`${user.name} cannot write in the private chat of another user (${chat.id})`);
      chat.started = true;
      chat.blocked = false; // writing again means the user pressed Restart/Unblock
    } else if (chat.migratedTo !== undefined) {
      throw new Error(`${chat.title} (${chat.id}) was upgraded to supergroup ${chat.migratedTo}: write there instead`);
    }
    const text = str(content.text) ?? str(content.caption) ?? '';
    const message: SimMessage = {
      messageId: chat.takeMessageId(),
      chatId: chat.id,
      fromId: user.id,
      date: Math.floor(Date.now() / 1000),
      plain: text,
      edited: 0,
      deleted: false,
      raw: {},
    };
    if (typeof content.text === 'string') message.text = content.text;
    if (typeof content.caption === 'string') message.caption = content.caption;
    if (Array.isArray(content.entities)) message.entities = content.entities as JsonObject[];
    if (Array.isArray(content.photo)) {
      const biggest = content.photo.at(-1) as JsonObject;
      const file = this.files.get(str(biggest.file_id) ?? '');
      if (file) message.photo = file;
    }
    if (isObject(content.document)) {
      const file = this.files.get(str(content.document.file_id) ?? '');
      if (file) message.document = file;
    }
    if (isObject(content.contact)) message.contact = content.contact as SimMessage['contact'];
    const replyTo = isObject(content.reply_to_message) ? content.reply_to_message : undefined;
    if (replyTo) message.replyToMessageId = int(replyTo.message_id);
    message.raw = {
      message_id: message.messageId,
      from: user.raw,
      chat: chat.chat,
      date: message.date,
      ...content,
    };
    chat.messages.push(message);
    const delivered = this.deliverable(chat, message, replyTo);
    const header = chat.type === 'private' ? `[${user.name} → bot]` : `[${user.name} → ${chat.title}]`;
    const note = delivered ? '' : '  (not delivered to the bot: group privacy mode)';
    this.emit('user-message', chat.id, `${header} ${formatBody(message)}${note}`);
    if (delivered) this.pushUpdate({ message: message.raw });
    return message;
  }

  /** Group privacy mode: only commands, replies to the bot and mentions reach it. */
  private deliverable(chat: ChatState, message: SimMessage, replyTo: JsonObject | undefined): boolean {
    if (chat.type === 'private' || !this.privacyMode || chat.botIsAdmin) return true;
    const text = message.text ?? message.caption ?? '';
    const command = /^\/[A-Za-z0-9_]+(?:@([A-Za-z0-9_]+))?/.exec(text);
    if (command) return command[1] === undefined || command[1].toLowerCase() === this.botUsername.toLowerCase();
    if (replyTo && isObject(replyTo.from) && replyTo.from.id === this.botId) return true;
    return text.toLowerCase().includes(`@${this.botUsername.toLowerCase()}`);
  }
}

function setOptional<K extends 'parseMode' | 'replyMarkup'>(message: SimMessage, key: K, value: SimMessage[K] | undefined): void {
  if (value === undefined) delete message[key];
  else message[key] = value;
}
