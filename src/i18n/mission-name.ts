import type { Lang } from '../domain/entities.js';
import { html, type SafeHtml } from './html.js';

// Mission names usually begin with the word itself ("Misi Dagang Jawa Timur – Banten").
const SAYS_MISSION = /^(?:misi|mission)(?![\p{L}\p{N}])/iu;

/**
 * A mission's name in bold, with the word "misi" / "the mission" in front
 * only when the name does not already start with it, so no message reads
 * "Misi Misi Dagang …". `start` capitalises the word for the start of a sentence.
 */
export function missionName(name: string, lang: Lang, start = false): SafeHtml {
  if (SAYS_MISSION.test(name.trim())) return html`<b>${name}</b>`;
  if (lang === 'id') return html`${start ? 'Misi' : 'misi'} <b>${name}</b>`;
  return html`${start ? 'The mission' : 'the mission'} <b>${name}</b>`;
}
