/**
 * Callback-data prefixes and scene ids in one place. Telegram allows at most
 * 64 bytes of callback data, so prefixes are short and carry only ids.
 */
export const SCENE = {
  mission: 'mission-create',
  register: 'exhibitor-register',
  productNew: 'product-new',
  productEdit: 'product-edit',
  saleWizard: 'sale-wizard',
  saleVoid: 'sale-void',
  missionEdit: 'mission-edit',
  followUpAmount: 'followup-amount',
  inquiry: 'buyer-inquiry',
  sessionEdit: 'session-edit',
  leadNote: 'lead-note',
  meetingNote: 'meeting-note',
  meetingDeal: 'meeting-deal',
} as const;

export const CB = {
  language: 'lang:',
  saleSave: 'sale:ok:',
  saleCancel: 'sale:no:',
  saleForce: 'sale:dup:',
  // sale:amt:<updateId>:<0|1> picks one of two readings of the amount; sale:big:<updateId> confirms an unusual amount.
  saleAmount: 'sale:amt:',
  saleUnusual: 'sale:big:',
  saleWizardKind: 'sw:kind:',
  saleWizardAmount: 'sw:amt:',
  saleWizardProduct: 'sw:prod:',
  saleWizardSkip: 'sw:skip',
  saleWizardProvince: 'sw:prov:',
  saleWizardOriginAsTyped: 'sw:orig',
  saleVoidPick: 'void:pick:',
  saleVoidConfirm: 'void:ok',
  saleVoidKeep: 'void:keep',
  saleVerify: 'vrf:',
  wizardCancel: 'wiz:cancel',
  // Product wizard and /produkku edits: buttons inside a scene.
  productCategory: 'pn:cat:',
  productUnit: 'pn:unit:',
  productMinOne: 'pn:min1',
  productSkip: 'pn:skip',
  productClear: 'pn:clear',
  productConfirm: 'pn:ok',
  // /produkku: pm:list:<page>, pm:open:<id>, pm:ed:<field>:<id>, pm:act:<0|1>:<id>.
  myProductsPage: 'pm:list:',
  myProductOpen: 'pm:open:',
  myProductEdit: 'pm:ed:',
  myProductActive: 'pm:act:',
  missionProvince: 'mw:prov:',
  missionTimeZone: 'mw:tz:',
  missionConfirm: 'mw:ok',
  registerCategory: 'rg:cat:',
  registerProvince: 'rg:prov:',
  registerSkip: 'rg:skip',
  registerConfirm: 'rg:ok',
  // /misi menu: ms:menu:<new|list|edit|switch|close>, ms:ed:<field>, ms:act:<missionId>, ms:close:<missionId>, ms:keep.
  missionMenu: 'ms:menu:',
  missionEditField: 'ms:ed:',
  missionEditValue: 'ms:val:',
  missionActivate: 'ms:act:',
  missionClose: 'ms:close:',
  missionCloseKeep: 'ms:keep',
  // /undang: inv:<E|O>; /peserta: px:v:<exhibitorId>:<page>, px:p:<page>.
  inviteRole: 'inv:',
  exhibitorVerify: 'px:v:',
  exhibitorPage: 'px:p:',
  // Reminder buttons: rm:off, rm:on. Follow-up answers: fu:<full|part|none>:<reportId>.
  remindersOff: 'rm:off',
  remindersOn: 'rm:on',
  followUp: 'fu:',
  // /pengumuman: an:ok:<updateId>, an:no:<updateId>.
  announceSend: 'an:ok:',
  announceCancel: 'an:no:',
  // Catalog: ct:home, ct:l:<category>:<page>, ct:p:<productId>:<page> (page 0: not opened from a list).
  catalogHome: 'ct:home',
  catalogList: 'ct:l:',
  catalogProduct: 'ct:p:',
  // Inquiries: iq:new:<productId>; in the wizard iq:skip, iq:send; answers iq:ok:<id>, iq:no:<id> (+ ':l' from /pesanan).
  inquiryStart: 'iq:new:',
  inquirySkip: 'iq:skip',
  inquirySend: 'iq:send',
  inquiryAccept: 'iq:ok:',
  inquiryDecline: 'iq:no:',
  // /papan: bd:pub:<missionId>:<0|1> makes the board public or keyed; bd:key:<missionId> rotates the key.
  boardPublic: 'bd:pub:',
  boardRotate: 'bd:key:',
  // Matching sessions (officials, /misi temu): se:e:<sessionId> edit, se:d:<sessionId> delete preview,
  // se:ok:<sessionId>:<spec code>:<meeting set key> save an edit, se:dok:<sessionId>:<meeting set key> delete, se:back.
  // The officials' plan: mp:<h|n>:<meetingId> marks a meeting held or no-show.
  sessionEdit: 'se:e:',
  sessionDelete: 'se:d:',
  sessionSave: 'se:ok:',
  sessionDeleteOk: 'se:dok:',
  sessionBack: 'se:back',
  meetingMark: 'mp:',
  // Booth leads: ld:s:<leadId>:<1-5> score, ld:n:<leadId> note, ld:w:<leadId> withdraw (/privasi),
  // ld:x:<xlsx|csv>:<minScore 0-5>:<YYYY-MM-DD or ->: export the /prospek list as filtered.
  leadScore: 'ld:s:',
  leadNote: 'ld:n:',
  leadWithdraw: 'ld:w:',
  leadExport: 'ld:x:',
  // Business matching: mt:x:<exhibitorId> pick a day, mt:d:<exhibitorId>:<sessionId>:<YYYY-MM-DD> pick a slot,
  // mt:s:<exhibitorId>:<sessionId>:<slot start, epoch minutes>, answers mt:ok:<id> / mt:no:<id>, mt:c:<id> cancel.
  meetExhibitor: 'mt:x:',
  meetDay: 'mt:d:',
  meetSlot: 'mt:s:',
  meetAccept: 'mt:ok:',
  meetDecline: 'mt:no:',
  meetCancel: 'mt:c:',
  // Another slot: the owner opens mt:p:<id> (days), mt:pd:<id>:<YYYY-MM-DD> (a day's slots),
  // mt:ps:<id>:<slot start, epoch minutes> proposes it, mt:pb:<id> back to the request;
  // the buyer answers mt:pc:<id> confirm (mt:pc:<id>:l from /jadwal), mt:pr:<id> decline.
  meetPropose: 'mt:p:',
  meetProposeDay: 'mt:pd:',
  meetProposeSlot: 'mt:ps:',
  meetProposeBack: 'mt:pb:',
  meetProposalConfirm: 'mt:pc:',
  meetProposalDecline: 'mt:pr:',
  // After the slot: mt:o:<id>:<n|f|d> outcome; a deal's kind mt:k:<id>:<ORDER|LOI>.
  meetOutcome: 'mt:o:',
  meetDealKind: 'mt:k:',
} as const;

/**
 * One piece of callback data after its prefix: `'n'` a number (an id, an
 * update id, a page, a choice), `'w'` a code word (a category, a province
 * code, a field), or a list of the exact words allowed.
 */
export type CallbackArg = 'n' | 'w' | readonly string[];

/**
 * The largest number callback data may carry: ids are 32-bit integers in
 * the database (and Telegram's update ids fit too). A forged button with
 * `99999999999999999999` must be "no longer valid", not a database error.
 */
export const MAX_CALLBACK_NUMBER = 2_147_483_647;

const ARG_SOURCE = { n: '(\\d{1,10})', w: '([A-Za-z0-9_]{1,32})' } as const;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new Map<string, RegExp>();

/**
 * The one parser of callback data: `prefix` then the args joined by `:`,
 * every number within bounds. Returns the match (index 0 the whole data,
 * then one string per arg) or null for anything else (wrong arity, a sign,
 * a letter in a number, an unknown word, data over 64 bytes).
 */
export function parseCallback(data: string | undefined, prefix: string, ...args: CallbackArg[]): RegExpExecArray | null {
  if (data === undefined || Buffer.byteLength(data) > 64) return null;
  const key = JSON.stringify([prefix, args]);
  let pattern = patterns.get(key);
  if (!pattern) {
    const parts = args.map((arg) => (typeof arg === 'string' ? ARG_SOURCE[arg] : `(${arg.map(escapeRegExp).join('|')})`));
    pattern = new RegExp(`^${escapeRegExp(prefix)}${parts.join(':')}$`);
    patterns.set(key, pattern);
  }
  const match = pattern.exec(data);
  if (!match) return null;
  const inBounds = args.every((arg, index) => arg !== 'n' || Number(match[index + 1]) <= MAX_CALLBACK_NUMBER);
  return inBounds ? match : null;
}

/**
 * A trigger for `composer.action(...)` built on parseCallback: a button
 * that does not parse falls through to the "no longer valid" answer.
 */
export function onButton(prefix: string, ...args: CallbackArg[]): (data: string) => RegExpExecArray | null {
  return (data) => parseCallback(data, prefix, ...args);
}
