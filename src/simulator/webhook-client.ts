/**
 * The simulator's side of webhook mode: one POST of one update, as Telegram
 * sends it, with the secret header when the bot set one.
 */

import http from 'node:http';
import https from 'node:https';
import type { JsonObject } from './sim-types.js';

/** HTTP status and body of the bot's answer, or the network error. */
export interface WebhookOutcome {
  status?: number;
  error?: string;
  body?: Buffer;
  contentType?: string;
}

/**
 * POSTs one update; never rejects, failures come back as `error`. `requests`
 * tracks the open request so `stop()` can abort it.
 */
export function postUpdate(
  url: string,
  secretToken: string | undefined,
  update: JsonObject,
  requests: Set<http.ClientRequest>,
): Promise<WebhookOutcome> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const body = JSON.stringify(update);
    const headers: http.OutgoingHttpHeaders = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    };
    if (secretToken) headers['x-telegram-bot-api-secret-token'] = secretToken;
    const options: https.RequestOptions = { method: 'POST', headers, agent: false, timeout: 60_000 };
    if (target.protocol === 'https:') options.rejectUnauthorized = false;
    const request = (target.protocol === 'https:' ? https : http).request(target, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        requests.delete(request);
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks),
          contentType: String(response.headers['content-type'] ?? ''),
        });
      });
      response.on('error', (error) => {
        requests.delete(request);
        resolve({ error: error.message });
      });
    });
    request.on('timeout', () => request.destroy(new Error('Read timeout expired')));
    request.on('error', (error) => {
      requests.delete(request);
      resolve({ error: error.message });
    });
    requests.add(request);
    request.end(body);
  });
}
