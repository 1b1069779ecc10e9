import type { Lang } from '../domain/entities.js';
import { categories, common, language, money, province } from './messages/common.js';
import { commands } from './messages/commands.js';
import { mission } from './messages/mission.js';
import { progress } from './messages/progress.js';
import { register } from './messages/registration.js';
import { sale } from './messages/sale-report.js';
import { help, languagePick, start } from './messages/start.js';

export { escapeHtml, html, lines, raw, SafeHtml } from './html.js';

/**
 * The message catalogue: every user-facing string, one file per feature under
 * messages/, each in Indonesian first and English second. Add a feature's
 * messages here by name.
 */
const MESSAGES = {
  language,
  common,
  money,
  categories,
  province,
  commands,
  start,
  help,
  languagePick,
  mission,
  register,
  sale,
  progress,
};

export type Catalogue = { [K in keyof typeof MESSAGES]: (typeof MESSAGES)[K]['id'] };

export const LANGS: readonly Lang[] = ['id', 'en'];

function build(lang: Lang): Catalogue {
  return Object.fromEntries(Object.entries(MESSAGES).map(([key, group]) => [key, group[lang]])) as Catalogue;
}

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { id: build('id'), en: build('en') };

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
