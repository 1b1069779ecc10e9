import type { Lang } from '../domain/entities.js';
import { en } from './en.js';
import { id, type Catalogue } from './id.js';

export type { Catalogue };
export { escapeHtml, html, lines, raw, SafeHtml } from './html.js';

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { id, en };
export const LANGS: readonly Lang[] = ['id', 'en'];

/** The catalogue for a language. */
export function catalogue(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

/**
 * The language to speak to a user: their /bahasa choice, else Telegram's
 * language (Indonesian for `id`, English for any other), else Indonesian,
 * the language of most of our users.
 */
export function resolveLang(chosen: Lang | null, telegramLanguageCode: string | null | undefined): Lang {
  if (chosen) return chosen;
  if (!telegramLanguageCode) return 'id';
  return telegramLanguageCode.toLowerCase().startsWith('id') ? 'id' : 'en';
}
