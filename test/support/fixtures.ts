import type { MissionAnswers } from '../../src/demo/flows.js';
import type { NewMission } from '../../src/db/repositories/missions.js';

/**
 * The mission most end-to-end tests run in, as an official types it: three
 * days in Serang, WIB, target Rp3 miliar. Tests fix the clock inside it.
 */
export const JATIM_BANTEN: MissionAnswers = {
  name: 'Misi Dagang Jawa Timur – Banten',
  origin: 'Jawa Timur',
  host: 'Banten',
  city: 'Serang',
  start: '26-11-2026',
  end: '28-11-2026',
  timeZone: 'WIB',
  target: '3 M',
};

/** The same mission as a row, for tests that create it without the chat. */
export const JATIM_BANTEN_ROW: NewMission = {
  name: 'Misi Dagang Jawa Timur – Banten',
  originProvince: 'JATIM',
  hostProvince: 'BANTEN',
  city: 'Serang',
  startDate: '2026-11-26',
  endDate: '2026-11-28',
  timeZone: 'Asia/Jakarta',
  targetAmount: 3_000_000_000n,
};
