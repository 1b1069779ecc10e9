/**
 * Telegram's text formatting, checked the way the Bot API checks it, so a bot
 * that builds invalid HTML fails in tests instead of in front of users.
 * https://core.telegram.org/bots/api#formatting-options
 */

import type { JsonObject } from './sim-types.js';

export interface ParsedText {
  ok: true;
  /** Text as users see it: tags stripped, entities decoded, trimmed. */
  plain: string;
  /** Message entities with UTF-16 offsets into `plain`. */
  entities: JsonObject[];
}

export interface ParseFailure {
  ok: false;
  /** The part after `Bad Request: can't parse entities: `. */
  error: string;
  /** The parse mode itself is unknown (Telegram answers `Bad Request: unsupported parse_mode`). */
  unsupportedMode?: true;
}

export type ParseResult = ParsedText | ParseFailure;

// The only tags Telegram accepts; anything else is "Unsupported start tag".
const ENTITY_OF_TAG: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  span: 'spoiler',
  'tg-spoiler': 'spoiler',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

// The only named entities Telegram decodes.
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), 'utf8');
}

/** Decodes `&...;` at `index`; returns the text and the length consumed, or an error. */
function decodeEntityAt(
  source: string,
  index: number,
): { text: string; length: number } | { error: string } {
  const match = /^&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,31});/.exec(source.slice(index, index + 42));
  const at = byteOffset(source, index);
  if (!match?.[1]) {
    return { error: `Character "&" at byte offset ${at} must be escaped as "&amp;"` };
  }
  const body = match[1];
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return { error: `Invalid character entity "${match[0]}" at byte offset ${at}` };
    }
    return { text: String.fromCodePoint(code), length: match[0].length };
  }
  const named = NAMED_ENTITIES[body.toLowerCase()];
  if (named === undefined) {
    return { error: `Unsupported HTML entity "${match[0]}" at byte offset ${at}; only &lt; &gt; &amp; &quot; and numeric entities are allowed` };
  }
  return { text: named, length: match[0].length };
}

interface OpenTag {
  name: string;
  offset: number;
  attrs: Record<string, string>;
}

/**
 * Parses Telegram HTML. Stricter than Telegram on one point on purpose: a
 * bare `&` is rejected (Telegram sometimes lets it through), because escaped
 * user text never contains one.
 */
export function parseTelegramHtml(source: string): ParseResult {
  let plain = '';
  const entities: JsonObject[] = [];
  const stack: OpenTag[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '&') {
      const decoded = decodeEntityAt(source, i);
      if ('error' in decoded) return { ok: false, error: decoded.error };
      plain += decoded.text;
      i += decoded.length;
      continue;
    }
    if (ch !== '<') {
      plain += ch;
      i += 1;
      continue;
    }
    const tagStart = i;
    const at = byteOffset(source, tagStart);
    if (source[i + 1] === '/') {
      const close = source.indexOf('>', i + 2);
      if (close < 0) return { ok: false, error: `Unclosed end tag at byte offset ${at}` };
      const name = source.slice(i + 2, close).trim().toLowerCase();
      const top = stack.pop();
      if (top === undefined) return { ok: false, error: `Unexpected end tag at byte offset ${at}` };
      if (top.name !== name) {
        return { ok: false, error: `Unmatched end tag at byte offset ${at}, expected "</${top.name}>", found "</${name}>"` };
      }
      addEntity(top, plain.length, stack, entities);
      i = close + 1;
      continue;
    }
    let j = i + 1;
    while (j < source.length && /[a-zA-Z0-9-]/.test(source[j] as string)) j += 1;
    const name = source.slice(i + 1, j).toLowerCase();
    if (name === '' || ENTITY_OF_TAG[name] === undefined) {
      return { ok: false, error: `Unsupported start tag "${name}" at byte offset ${at}` };
    }
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < source.length && /\s/.test(source[j] as string)) j += 1;
      if (j >= source.length) return { ok: false, error: `Unclosed start tag at byte offset ${at}` };
      if (source[j] === '>') break;
      const attrMatch = /^([a-zA-Z_:-][a-zA-Z0-9_:.-]*)/.exec(source.slice(j));
      if (!attrMatch?.[1]) return { ok: false, error: `Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${at}` };
      const attrName = attrMatch[1].toLowerCase();
      j += attrMatch[1].length;
      let value = '';
      if (source[j] === '=') {
        j += 1;
        const quote = source[j];
        let raw: string;
        if (quote === '"' || quote === "'") {
          const end = source.indexOf(quote, j + 1);
          if (end < 0) return { ok: false, error: `Unclosed start tag at byte offset ${at}` };
          raw = source.slice(j + 1, end);
          j = end + 1;
        } else {
          const start = j;
          while (j < source.length && !/[\s>]/.test(source[j] as string)) j += 1;
          raw = source.slice(start, j);
        }
        const decodedValue = decodeAttribute(raw);
        if (decodedValue === undefined) {
          return { ok: false, error: `Invalid attribute value of the tag "${name}" at byte offset ${at}` };
        }
        value = decodedValue;
      }
      attrs[attrName] = value;
    }
    if (name === 'span' && attrs.class !== 'tg-spoiler') {
      return { ok: false, error: `Tag "span" must have class "tg-spoiler" at byte offset ${at}` };
    }
    if (name === 'tg-emoji' && !attrs['emoji-id']) {
      return { ok: false, error: `Tag "tg-emoji" must have attribute "emoji-id" at byte offset ${at}` };
    }
    if (name === 'blockquote' && stack.some((t) => t.name === 'blockquote')) {
      return { ok: false, error: `Nested blockquote at byte offset ${at}` };
    }
    stack.push({ name, offset: plain.length, attrs });
    i = j + 1;
  }
  const unclosed = stack.pop();
  if (unclosed) return { ok: false, error: `Can't find end tag corresponding to start tag "${unclosed.name}"` };
  return trimmed(plain, entities);
}

function decodeAttribute(raw: string): string | undefined {
  let out = '';
  let k = 0;
  while (k < raw.length) {
    if (raw[k] === '&') {
      const decoded = decodeEntityAt(raw, k);
      if ('error' in decoded) return undefined;
      out += decoded.text;
      k += decoded.length;
    } else {
      out += raw[k];
      k += 1;
    }
  }
  return out;
}

function addEntity(tag: OpenTag, end: number, stack: OpenTag[], entities: JsonObject[]): void {
  const length = end - tag.offset;
  if (length <= 0) return;
  const parent = stack[stack.length - 1];
  // <pre><code class="language-x"> is one pre entity with a language.
  if (tag.name === 'code' && parent?.name === 'pre') {
    const language = /^language-(.+)$/.exec(tag.attrs.class ?? '')?.[1];
    if (language) parent.attrs['data-language'] = language;
    return;
  }
  const type = ENTITY_OF_TAG[tag.name] as string;
  const entity: JsonObject = { offset: tag.offset, length, type };
  if (tag.name === 'a') {
    if (!tag.attrs.href) return;
    entity.url = tag.attrs.href;
  }
  if (tag.name === 'pre' && tag.attrs['data-language']) entity.language = tag.attrs['data-language'];
  if (tag.name === 'blockquote' && 'expandable' in tag.attrs) entity.type = 'expandable_blockquote';
  if (tag.name === 'tg-emoji') entity.custom_emoji_id = tag.attrs['emoji-id'];
  entities.push(entity);
}

/** Telegram strips leading and trailing whitespace; entities move with the text. */
function trimmed(text: string, entities: JsonObject[]): ParsedText {
  const lead = text.length - text.trimStart().length;
  const plain = text.trim();
  const out: JsonObject[] = [];
  for (const entity of entities) {
    const start = Math.max(0, (entity.offset as number) - lead);
    const end = Math.min(plain.length, (entity.offset as number) + (entity.length as number) - lead);
    if (end > start) out.push({ ...entity, offset: start, length: end - start });
  }
  out.sort((a, b) => (a.offset as number) - (b.offset as number) || (b.length as number) - (a.length as number));
  return { ok: true, plain, entities: out };
}

// MarkdownV2 reserves these characters outside entities; unescaped, Telegram refuses the text.
const MDV2_RESERVED = new Set(['_', '*', '[', ']', '(', ')', '~', '`', '>', '#', '+', '-', '=', '|', '{', '}', '.', '!']);

/**
 * A close approximation of Telegram's MarkdownV2 parser: catches the classic
 * bug (an unescaped `.` or `-` in user text) and unbalanced markers.
 */
export function parseMarkdownV2(source: string): ParseResult {
  let plain = '';
  const entities: JsonObject[] = [];
  const open: { marker: string; offset: number; at: number }[] = [];
  const typeOf: Record<string, string> = { '*': 'bold', _: 'italic', __: 'underline', '~': 'strikethrough', '||': 'spoiler' };
  let i = 0;
  const toggle = (marker: string, at: number): void => {
    const top = open[open.length - 1];
    if (top?.marker === marker) {
      open.pop();
      if (plain.length > top.offset) {
        entities.push({ type: typeOf[marker], offset: top.offset, length: plain.length - top.offset });
      }
    } else {
      open.push({ marker, offset: plain.length, at });
    }
  };
  while (i < source.length) {
    const ch = source[i] as string;
    const at = byteOffset(source, i);
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined) return { ok: false, error: `Can't parse entities: unexpected end of text after '\\' at byte offset ${at}` };
      plain += next;
      i += 2;
      continue;
    }
    if (ch === '`') {
      const fence = source.startsWith('```', i) ? '```' : '`';
      const end = source.indexOf(fence, i + fence.length);
      if (end < 0) return { ok: false, error: `Can't find end of ${fence === '```' ? 'Pre' : 'Code'} entity at byte offset ${at}` };
      let body = source.slice(i + fence.length, end).replace(/\\([`\\])/g, '$1');
      let language: string | undefined;
      if (fence === '```') {
        const newline = body.indexOf('\n');
        if (newline >= 0 && /^[\w+-]+$/.test(body.slice(0, newline))) {
          language = body.slice(0, newline);
          body = body.slice(newline + 1);
        }
      }
      const entity: JsonObject = { type: fence === '```' ? 'pre' : 'code', offset: plain.length, length: body.length };
      if (language) entity.language = language;
      if (body.length > 0) entities.push(entity);
      plain += body;
      i = end + fence.length;
      continue;
    }
    if (ch === '[') {
      const close = findUnescaped(source, ']', i + 1);
      if (close >= 0 && source[close + 1] === '(') {
        const urlEnd = findUnescaped(source, ')', close + 2);
        if (urlEnd < 0) return { ok: false, error: `Can't find end of a URL at byte offset ${byteOffset(source, close + 1)}` };
        const inner = parseMarkdownV2(source.slice(i + 1, close));
        if (!inner.ok) return inner;
        const url = source.slice(close + 2, urlEnd).replace(/\\([)\\])/g, '$1');
        if (inner.plain.length > 0) entities.push({ type: 'text_link', offset: plain.length, length: inner.plain.length, url });
        plain += inner.plain;
        i = urlEnd + 1;
        continue;
      }
      return { ok: false, error: `Character '[' is reserved and must be escaped with the preceding '\\'` };
    }
    if (source.startsWith('__', i) || source.startsWith('||', i)) {
      toggle(source.slice(i, i + 2), at);
      i += 2;
      continue;
    }
    if (ch === '*' || ch === '_' || ch === '~') {
      toggle(ch, at);
      i += 1;
      continue;
    }
    if (ch === '>' && (i === 0 || source[i - 1] === '\n')) {
      i += 1; // blockquote line marker
      continue;
    }
    if (MDV2_RESERVED.has(ch)) {
      return { ok: false, error: `Character '${ch}' is reserved and must be escaped with the preceding '\\'` };
    }
    plain += ch;
    i += 1;
  }
  const unclosed = open.pop();
  if (unclosed) return { ok: false, error: `Can't find end of ${typeOf[unclosed.marker] ?? 'the'} entity starting at byte offset ${unclosed.at}` };
  return trimmed(plain, entities);
}

function findUnescaped(source: string, char: string, from: number): number {
  for (let k = from; k < source.length; k += 1) {
    if (source[k] === '\\') k += 1;
    else if (source[k] === char) return k;
  }
  return -1;
}

/** Legacy `Markdown`: only strips the markers, it is too lenient to be worth checking. */
function parseLegacyMarkdown(source: string): ParseResult {
  return trimmed(source.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, ''), []);
}

/**
 * Turns text plus `parse_mode` (or explicit `entities`) into what users see.
 * Returns the Telegram error text for invalid markup.
 */
export function parseMessageText(text: string, parseMode: unknown, entities: unknown): ParseResult {
  const mode = typeof parseMode === 'string' ? parseMode : '';
  switch (mode.toLowerCase()) {
    case 'html':
      return parseTelegramHtml(text);
    case 'markdownv2':
      return parseMarkdownV2(text);
    case 'markdown':
      return parseLegacyMarkdown(text);
    case '':
      return trimmed(text, Array.isArray(entities) ? (entities as JsonObject[]) : []);
    default:
      return { ok: false, error: `unsupported parse_mode "${mode}"`, unsupportedMode: true };
  }
}

/** Minimal HTML escaping for the simulator's own output. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
