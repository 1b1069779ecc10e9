import { describe, expect, it } from 'vitest';
import { missionName } from '../../src/i18n/mission-name.js';

describe('missionName never says "Misi Misi"', () => {
  it.each<{ name: string; lang: 'id' | 'en'; start: boolean; expected: string }>([
    { name: 'Misi Dagang Jawa Timur – Banten', lang: 'id', start: true, expected: '<b>Misi Dagang Jawa Timur – Banten</b>' },
    { name: 'misi dagang jatim', lang: 'id', start: false, expected: '<b>misi dagang jatim</b>' },
    { name: 'Jatim ke Banten 2026', lang: 'id', start: true, expected: 'Misi <b>Jatim ke Banten 2026</b>' },
    { name: 'Jatim ke Banten 2026', lang: 'id', start: false, expected: 'misi <b>Jatim ke Banten 2026</b>' },
    // A name that merely starts with the letters is not the word.
    { name: 'Misiran Expo', lang: 'id', start: false, expected: 'misi <b>Misiran Expo</b>' },
    { name: 'Misi Dagang Jawa Timur – Banten', lang: 'en', start: true, expected: '<b>Misi Dagang Jawa Timur – Banten</b>' },
    { name: 'Mission to Banten', lang: 'en', start: false, expected: '<b>Mission to Banten</b>' },
    { name: 'East Java to Banten', lang: 'en', start: true, expected: 'The mission <b>East Java to Banten</b>' },
    { name: 'East Java to Banten', lang: 'en', start: false, expected: 'the mission <b>East Java to Banten</b>' },
    { name: 'Misi <Jatim> & Co', lang: 'id', start: true, expected: '<b>Misi &lt;Jatim&gt; &amp; Co</b>' },
  ])('$lang "$name"', ({ name, lang, start, expected }) => {
    expect(missionName(name, lang, start).value).toBe(expected);
  });
});
