/**
 * Callback-data prefixes and scene ids in one place. Telegram allows at most
 * 64 bytes of callback data, so prefixes are short and carry only ids.
 */
export const SCENE = {
  mission: 'mission-create',
  register: 'exhibitor-register',
} as const;

export const CB = {
  language: 'lang:',
  saleSave: 'sale:ok:',
  saleCancel: 'sale:no:',
  wizardCancel: 'wiz:cancel',
  missionProvince: 'mw:prov:',
  missionTimeZone: 'mw:tz:',
  missionConfirm: 'mw:ok',
  registerCategory: 'rg:cat:',
  registerProvince: 'rg:prov:',
  registerSkip: 'rg:skip',
  registerConfirm: 'rg:ok',
} as const;
