import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isUpdateShaped } from '../domain/update-order.js';

export interface WebhookIngestOptions {
  /** The secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (set with setWebhook). */
  secretToken: string;
  /** Writes the update to the inbox; resolves once it is stored. */
  record(update: Record<string, unknown> & { update_id: number }): Promise<void>;
  /** True while the bot is stopping: Telegram is asked to come back later. */
  stopping(): boolean;
  /** Called when a POST failed to be stored (the database is away). */
  onError?(error: unknown): void;
}

/** Telegram's updates are small; a body beyond this is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Receives Telegram's webhook POSTs: checks the secret, checks that the body
 * is an update, writes it to the inbox and answers 200 as soon as the row
 * exists (handling happens in the inbox workers, not while Telegram waits).
 * Anything that is not an update gets 400 and changes nothing; a failure to
 * store gets 500, which Telegram retries, and the inbox drops the copy if
 * the first one was stored after all.
 */
export function createWebhookIngest(options: WebhookIngestOptions) {
  const secret = Buffer.from(options.secretToken);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const header = req.headers['x-telegram-bot-api-secret-token'];
    const given = Buffer.from(typeof header === 'string' ? header : '');
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) {
      req.resume();
      return answer(res, 403);
    }
    if (options.stopping()) {
      req.resume();
      return answer(res, 503);
    }
    let body: Buffer | undefined;
    try {
      body = await readBody(req);
    } catch {
      return answer(res, 400);
    }
    if (!body) return answer(res, 413);
    let update: unknown;
    try {
      update = JSON.parse(body.toString('utf8'));
    } catch {
      return answer(res, 400);
    }
    if (!isUpdateShaped(update)) return answer(res, 400);
    try {
      await options.record(update);
    } catch (error) {
      options.onError?.(error);
      return answer(res, 500);
    }
    answer(res, 200);
  };
}

function answer(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(status === 200 ? '{}' : JSON.stringify({ ok: false, status }));
}

/** The body, or undefined when it is larger than any update (the rest is drained, not kept). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined));
    req.on('error', reject);
  });
}
