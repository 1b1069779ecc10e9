import type { Lang } from '../domain/entities.js';
import { categories, common, language, money, province } from './messages/common.js';
import { commands } from './messages/commands.js';
import { mission, missionAdmin } from './messages/mission.js';
import { target } from './messages/target.js';
import { invites } from './messages/invites.js';
import { exhibitorsAdmin } from './messages/exhibitors-admin.js';
import { reminders } from './messages/reminders.js';
import { followUps } from './messages/follow-ups.js';
import { announce } from './messages/announce.js';
import { progress } from './messages/progress.js';
import { products } from './messages/products.js';
import { register } from './messages/registration.js';
import { sale, saleWizard } from './messages/sale-report.js';
import { saleVerify, saleVoid } from './messages/sale-void.js';
import { mySales } from './messages/my-sales.js';
import { help, languagePick, start } from './messages/start.js';
import { chart } from './messages/chart.js';
import { exports } from './messages/export.js';
import { leaderboard } from './messages/leaderboard.js';
import { digest } from './messages/digest.js';
import { subscription } from './messages/subscriptions.js';
import { catalog, search } from './messages/catalog.js';
import { inquiries } from './messages/inquiries.js';
import { fallback } from './messages/fallback.js';
import { board } from './messages/board.js';
import { leads } from './messages/leads.js';
import { matching } from './messages/matching.js';
import { matchingAdmin } from './messages/matching-sessions.js';

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
  saleWizard,
  saleVoid,
  saleVerify,
  mySales,
  progress,
  products,
  chart,
  exports,
  leaderboard,
  digest,
  subscription,
  missionAdmin,
  target,
  invites,
  exhibitorsAdmin,
  reminders,
  followUps,
  announce,
  catalog,
  search,
  inquiries,
  fallback,
  board,
  leads,
  matching,
  matchingAdmin,
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
