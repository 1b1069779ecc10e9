/**
 * Telegram HTML: user text must be escaped or Telegram rejects the whole
 * message ("can't parse entities") — or worse, renders what a user typed as markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A piece of markup that is already safe, so `html` does not escape it again. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks trusted markup (from the catalogue itself) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

type Interpolation = string | number | bigint | SafeHtml | null | undefined | readonly (string | SafeHtml)[];

/**
 * Template tag for catalogue messages: every interpolated value is escaped
 * unless it is SafeHtml, so user text is safe by default and a forgotten
 * escape cannot happen.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item) => render(item)).join('');
  return escapeHtml(String(value));
}

/** Joins safe pieces with a separator (newline by default). */
export function lines(parts: readonly (SafeHtml | string | false | null | undefined)[], separator = '\n'): SafeHtml {
  return new SafeHtml(
    parts
      .filter((part): part is SafeHtml | string => part !== false && part !== null && part !== undefined)
      .map((part) => (part instanceof SafeHtml ? part.value : escapeHtml(part)))
      .join(separator),
  );
}
