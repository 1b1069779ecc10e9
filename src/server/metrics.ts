import type { HandledOutcome } from '../jobs/inbox-workers.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Backlog {
  /** Updates received and not yet handled. */
  inbox: number;
  /** Messages due and not yet sent. */
  outbox: number;
}

export interface BotMetrics {
  /** The inbox workers' onHandled hook. */
  updateHandled(type: string, outcome: HandledOutcome, seconds: number): void;
  /** The Bot API call guard's and the outbox sender's onApiError hook (code 0: network error or timeout). */
  apiError(method: string, code: number): void;
  /** GET /metrics: Prometheus text format, backlog gauges read from the database now. */
  render(): Promise<{ contentType: string; body: string }>;
}

/**
 * Prometheus metrics of one bot process, in a registry of its own (tests run
 * several bots in one process). Counters are fed by hooks of the workers and
 * of the call guard; the backlog gauges ask the database on each scrape, so
 * they are never stale and cost nothing between scrapes.
 */
export function createMetrics(options: { backlog: () => Promise<Backlog> }): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const handled = new Counter({
    name: 'bot_updates_handled_total',
    help: 'Telegram updates handled, by update type and outcome (error: the handler failed and the user got the error reply; interrupted: cut short by a stop, handled again after the restart)',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'bot_update_handler_seconds',
    help: 'Time from taking an update from the inbox to the end of its handler, Bot API calls included',
    labelNames: ['type'] as const,
    // A person waits: most replies take well under a second; retries under 429 take up to the 30 s budget.
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const apiErrors = new Counter({
    name: 'bot_api_errors_total',
    help: 'Failed Bot API call attempts, by handlers and the outbox sender, by method and error code (0: network error or deadline)',
    labelNames: ['method', 'code'] as const,
    registers: [registry],
  });
  // One read of both backlogs per scrape, shared by the two gauges.
  let reading: Promise<Backlog> | undefined;
  const read = (): Promise<Backlog> => (reading ??= options.backlog().finally(() => (reading = undefined)));
  new Gauge({
    name: 'bot_inbox_backlog',
    help: 'Updates received and not yet handled',
    registers: [registry],
    async collect() {
      this.set((await read()).inbox);
    },
  });
  new Gauge({
    name: 'bot_outbox_backlog',
    help: 'Messages due and not yet sent (waiting, retrying or being sent)',
    registers: [registry],
    async collect() {
      this.set((await read()).outbox);
    },
  });
  return {
    updateHandled(type, outcome, seconds) {
      handled.inc({ type, outcome });
      latency.observe({ type }, seconds);
    },
    apiError(method, code) {
      apiErrors.inc({ method, code: String(code) });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
