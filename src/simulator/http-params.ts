/**
 * Decoding of Bot API request parameters. Telegram accepts the same call as
 * a query string, a urlencoded form, JSON or multipart (file uploads), and
 * restores numbers, booleans and JSON objects from form strings; so do we.
 */

import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { JsonObject } from './sim-types.js';

/** A file the bot uploaded with multipart/form-data. */
export class UploadedFile {
  constructor(
    readonly filename: string,
    readonly bytes: Buffer,
    readonly mimeType: string,
  ) {}
}

/** A Bot API error raised while handling a call; becomes `{ ok: false, ... }`. */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(description);
    this.name = 'ApiError';
  }
}

// Telegram refuses request bodies above 50 MB (the upload limit for bots).
const MAX_BODY_BYTES = 50 * 1024 * 1024 + 64 * 1024;

const JSON_FIELDS = new Set([
  'reply_markup',
  'entities',
  'caption_entities',
  'results',
  'commands',
  'scope',
  'allowed_updates',
  'link_preview_options',
  'reply_parameters',
  'media',
  'button',
  'message_ids',
  'permissions',
  'reaction',
  'menu_button',
  'rights',
  'input_message_content',
  'options',
]);

const NUMBER_FIELDS = new Set([
  'chat_id',
  'message_id',
  'from_chat_id',
  'reply_to_message_id',
  'message_thread_id',
  'user_id',
  'offset',
  'limit',
  'timeout',
  'cache_time',
  'max_connections',
  'duration',
  'width',
  'height',
  'latitude',
  'longitude',
  'until_date',
]);

const BOOLEAN_FIELDS = new Set([
  'show_alert',
  'disable_notification',
  'protect_content',
  'is_personal',
  'drop_pending_updates',
  'disable_web_page_preview',
  'allow_sending_without_reply',
  'has_spoiler',
  'disable_content_type_detection',
  'show_caption_above_media',
  'revoke_messages',
  'only_if_banned',
  'is_anonymous',
  'allows_multiple_answers',
]);

/** Restores the types Telegram would read from a form string. */
function coerce(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (JSON_FIELDS.has(key) && /^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new ApiError(400, `Bad Request: can't parse ${key} JSON object`);
    }
  }
  if (NUMBER_FIELDS.has(key) && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (BOOLEAN_FIELDS.has(key) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** Replaces `attach://name` references (sendMediaGroup, thumbnails) by the uploaded part. */
function resolveAttachments(value: unknown, uploads: Map<string, UploadedFile>): unknown {
  if (typeof value === 'string' && value.startsWith('attach://')) {
    return uploads.get(value.slice('attach://'.length)) ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveAttachments(v, uploads));
  if (value !== null && typeof value === 'object' && !(value instanceof UploadedFile)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveAttachments(v, uploads)]));
  }
  return value;
}

/** Reads the whole body, refusing what Telegram would refuse as too large. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'Request Entity Too Large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Decodes a body of any content type Telegram accepts, merged over the
 * query-string parameters.
 */
export async function decodeParams(
  headers: IncomingHttpHeaders,
  body: Buffer,
  query: URLSearchParams,
): Promise<JsonObject> {
  const raw: JsonObject = {};
  for (const [key, value] of query) raw[key] = value;
  const contentType = String(headers['content-type'] ?? '').toLowerCase();
  const uploads = new Map<string, UploadedFile>();
  if (body.length > 0) {
    if (contentType.startsWith('application/json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        throw new ApiError(400, 'Bad Request: invalid JSON in request body');
      }
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(raw, parsed);
    } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
      for (const [key, value] of new URLSearchParams(body.toString('utf8'))) raw[key] = value;
    } else if (contentType.startsWith('multipart/form-data')) {
      let form: FormData;
      try {
        form = await new Request('http://simulator.local/', {
          method: 'POST',
          headers: { 'content-type': String(headers['content-type']) },
          body,
          duplex: 'half',
        } as RequestInit).formData();
      } catch (error) {
        throw new ApiError(400, `Bad Request: can't parse multipart/form-data body: ${(error as Error).message}`);
      }
      for (const [key, value] of form.entries()) {
        if (typeof value === 'string') {
          raw[key] = value;
        } else {
          const file = new UploadedFile(value.name, Buffer.from(await value.arrayBuffer()), value.type);
          uploads.set(key, file);
          raw[key] = file;
        }
      }
    }
  }
  const params: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    params[key] = coerce(key, value);
  }
  return uploads.size > 0 ? (resolveAttachments(params, uploads) as JsonObject) : params;
}
