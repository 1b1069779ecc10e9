/**
 * Readable rendering of what happens in the simulated chats, for the demo and
 * for failing tests: one block per event, buttons on their own lines.
 */

import type { JsonObject, SimEvent, SimFile, SimMessage, TranscriptOptions } from './sim-types.js';

/** `12 KB`, `1.5 MB`: how Telegram clients show file sizes. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function fileLabel(file: SimFile): string {
  if (file.kind === 'photo') return '[photo]';
  return `[document ${file.filename ?? 'file'}, ${formatSize(file.size)}]`;
}

/** Indents every line after the first, so multi-line texts stay under their label. */
function indentRest(text: string): string {
  return text.replace(/\n/g, '\n  ');
}

/** The message body: media label, then text or caption. */
export function formatBody(message: Pick<SimMessage, 'plain' | 'photo' | 'document' | 'contact'>): string {
  const parts: string[] = [];
  if (message.photo) parts.push(fileLabel(message.photo));
  if (message.document) parts.push(fileLabel(message.document));
  if (message.contact) parts.push(`[contact ${message.contact.phone_number} (${message.contact.first_name})]`);
  if (message.plain) parts.push(indentRest(message.plain));
  return parts.join(' ');
}

/** Inline or reply keyboard rows as `  [ Simpan ] [ Batal ]`. */
export function formatKeyboard(markup: JsonObject | undefined): string[] {
  if (!markup) return [];
  const inline = markup.inline_keyboard;
  const reply = markup.keyboard;
  const rows = Array.isArray(inline) ? inline : Array.isArray(reply) ? reply : [];
  const prefix = Array.isArray(inline) ? '  ' : '  ⌨ ';
  return rows.map((row: unknown) => {
    const buttons = Array.isArray(row) ? row : [];
    return (
      prefix +
      buttons
        .map((button: unknown) => {
          if (typeof button === 'string') return `[ ${button} ]`;
          const b = (button ?? {}) as JsonObject;
          const text = typeof b.text === 'string' ? b.text : '?';
          return b.url !== undefined ? `[ ${text} ↗ ]` : `[ ${text} ]`;
        })
        .join(' ')
    );
  });
}

/** A message with its keyboard below it. */
export function formatMessageBlock(header: string, message: SimMessage): string {
  return [`${header} ${formatBody(message)}`.trimEnd(), ...formatKeyboard(message.replyMarkup)].join('\n');
}

function clock(date: Date): string {
  return date.toTimeString().slice(0, 8);
}

/** Joins events into the transcript text that `sim.transcript()` returns. */
export function renderTranscript(events: readonly SimEvent[], options: TranscriptOptions = {}): string {
  const chatId = typeof options.chat === 'number' ? options.chat : options.chat?.id;
  return events
    .filter((e) => chatId === undefined || e.chatId === chatId)
    .filter((e) => options.errors !== false || e.kind !== 'api-error')
    .map((e) => (options.timestamps ? `${clock(e.at)} ${e.line.replace(/\n/g, '\n         ')}` : e.line))
    .join('\n');
}
