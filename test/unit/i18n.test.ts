import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGS, SafeHtml, catalogue, escapeHtml, html, lines, raw, resolveLang } from '../../src/i18n/index.js';
import type { Lang } from '../../src/domain/entities.js';
import type { MissionView, ProgressView, SaleView } from '../../src/i18n/views.js';

describe('escapeHtml', () => {
  it.each<{ input: string; expected: string }>([
    { input: '<b>bold</b>', expected: '&lt;b&gt;bold&lt;/b&gt;' },
    { input: 'Tahu & Tempe', expected: 'Tahu &amp; Tempe' },
    { input: 'say "hi"', expected: 'say &quot;hi&quot;' },
    { input: '<a href="x">&amp;</a>', expected: '&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;' },
    { input: 'Keripik Sri', expected: 'Keripik Sri' },
    { input: '', expected: '' },
    { input: '1 < 2 > 0', expected: '1 &lt; 2 &gt; 0' },
    { input: 'emoji 🇮🇩 ✅', expected: 'emoji 🇮🇩 ✅' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('the html tag', () => {
  it.each<{ name: string; build: () => SafeHtml; expected: string }>([
    { name: 'escapes a tag in user text', build: () => html`<b>${'<b>Sri</b>'}</b>`, expected: '<b>&lt;b&gt;Sri&lt;/b&gt;</b>' },
    { name: 'escapes &', build: () => html`Toko ${'Tahu & Tempe'}`, expected: 'Toko Tahu &amp; Tempe' },
    { name: 'escapes double quotes', build: () => html`«${'"Makmur"'}»`, expected: '«&quot;Makmur&quot;»' },
    { name: 'does not escape SafeHtml', build: () => html`x ${raw('<i>ok</i>')} y`, expected: 'x <i>ok</i> y' },
    { name: 'does not escape another html result', build: () => html`<b>${html`<i>${'<u>'}</i>`}</b>`, expected: '<b><i>&lt;u&gt;</i></b>' },
    { name: 'renders numbers and bigints', build: () => html`${3} / ${1_500_000n}`, expected: '3 / 1500000' },
    { name: 'renders null and undefined as nothing', build: () => html`a${null}b${undefined}c`, expected: 'abc' },
    { name: 'joins arrays, escaping their strings only', build: () => html`${['<x>', raw('<b>'), '&']}`, expected: '&lt;x&gt;<b>&amp;' },
    { name: 'keeps the template markup itself', build: () => html`<code>/lapor</code>`, expected: '<code>/lapor</code>' },
  ])('$name', ({ build, expected }) => {
    const result = build();
    expect(result).toBeInstanceOf(SafeHtml);
    expect(result.value).toBe(expected);
    expect(String(result)).toBe(expected);
  });
});

describe('lines', () => {
  it.each<{ name: string; parts: Parameters<typeof lines>[0]; separator?: string; expected: string }>([
    { name: 'joins with newlines', parts: [html`<b>a</b>`, html`b`], expected: '<b>a</b>\nb' },
    { name: 'escapes plain strings', parts: ['<b>', html`<i>x</i>`], expected: '&lt;b&gt;\n<i>x</i>' },
    { name: 'keeps an empty string as a blank line', parts: [html`a`, '', html`b`], expected: 'a\n\nb' },
    { name: 'drops false, null and undefined', parts: [html`a`, false, null, undefined, html`b`], expected: 'a\nb' },
    { name: 'nothing gives nothing', parts: [], expected: '' },
    { name: 'a custom separator', parts: ['a', 'b & c'], separator: ' · ', expected: 'a · b &amp; c' },
  ])('$name', ({ parts, separator, expected }) => {
    const result = separator === undefined ? lines(parts) : lines(parts, separator);
    expect(result).toBeInstanceOf(SafeHtml);
    expect(result.value).toBe(expected);
  });
});

describe('resolveLang', () => {
  it.each<{ chosen: Lang | null; telegram: string | null | undefined; expected: Lang }>([
    { chosen: 'en', telegram: 'id', expected: 'en' },
    { chosen: 'id', telegram: 'en', expected: 'id' },
    { chosen: 'id', telegram: 'de', expected: 'id' },
    { chosen: 'en', telegram: undefined, expected: 'en' },
    { chosen: null, telegram: 'id', expected: 'id' },
    { chosen: null, telegram: 'id-ID', expected: 'id' },
    { chosen: null, telegram: 'ID', expected: 'id' },
    { chosen: null, telegram: 'en', expected: 'en' },
    { chosen: null, telegram: 'en-US', expected: 'en' },
    { chosen: null, telegram: 'de', expected: 'en' },
    { chosen: null, telegram: 'ms', expected: 'en' },
    { chosen: null, telegram: undefined, expected: 'id' },
    { chosen: null, telegram: null, expected: 'id' },
    { chosen: null, telegram: '', expected: 'id' },
  ])('chosen $chosen, Telegram $telegram → $expected', ({ chosen, telegram, expected }) => {
    expect(resolveLang(chosen, telegram)).toBe(expected);
  });
});

// ------------------------------------------------------------- catalogues

type Leaf = { path: string; value: unknown };

/** Every leaf of a catalogue (string, SafeHtml or function), by dotted path. */
function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'string' || typeof node === 'function' || node instanceof SafeHtml) return [{ path, value: node }];
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [{ path, value: node }];
}

/** Every key path of a catalogue, objects included, so a missing branch shows up too. */
function keyPaths(node: unknown, path = ''): string[] {
  if (node === null || typeof node !== 'object' || node instanceof SafeHtml) return [];
  return Object.entries(node).flatMap(([key, child]) => {
    const here = path ? `${path}.${key}` : key;
    return [here, ...keyPaths(child, here)];
  });
}

const kindOf = (value: unknown): string =>
  value instanceof SafeHtml ? 'SafeHtml' : typeof value === 'function' ? 'function' : typeof value;

/** Text of a leaf or of what a function leaf returned. */
const textOf = (value: unknown): string => (value instanceof SafeHtml ? value.value : String(value));

const USER_TEXT = '<b>Sri & "Tempe"</b>';

// A matching session and a meeting as the officials' session edits show them.
const SESSION_SAMPLE = { days: '26 Nov 2026 – 27 Nov 2026', hours: '09:00–12:00', slotMinutes: 20, tableCount: 10, slots: 9 };
const MEETING_SAMPLE = { id: 12, day: 'Kam, 26 Nov 2026', time: '09:20–09:40 WIB', table: 3, exhibitor: USER_TEXT, booth: 'A12', buyer: USER_TEXT, note: null, status: 'ACCEPTED' };

const MISSION_VIEW: MissionView = {
  name: USER_TEXT,
  origin: 'Jawa Timur',
  host: 'Banten',
  city: 'Serang',
  dates: '20–21 Nov 2026',
  timeZone: 'WIB',
  target: 'Rp3 M',
};
const SALE_VIEW: SaleView = {
  amount: 'Rp1.500.000',
  kind: 'Tunai (retail)',
  direction: 'Jual',
  product: USER_TEXT,
  quantity: '30 pcs',
  buyer: 'Toko Makmur',
};
const progressView = (phase: ProgressView['phase'], reached: boolean): ProgressView => ({
  mission: USER_TEXT,
  place: 'Serang, Banten',
  dates: '20–21 Nov 2026',
  total: 'Rp1,5 jt',
  target: 'Rp3 M',
  bar: '▓░░░░░░░░░',
  percent: '0,05%',
  today: 'Rp1,5 jt',
  todayCount: 1,
  realised: 'Rp1,5 jt',
  committed: 'Rp0',
  investment: 'Rp0',
  sell: 'Rp1,5 jt',
  buy: 'Rp0',
  verified: 'Rp0',
  reportCount: 1,
  exhibitorCount: 1,
  phase,
  startsIn: 2,
  daysLeft: 1,
  reached,
  neededPerDay: 'Rp2,9 M',
  projected: 'Rp3 jt',
});

const PRODUCT_VIEW = {
  name: USER_TEXT,
  price: 'Rp15.000',
  unit: 'pcs',
  minOrder: 10,
  category: '🍱 Makanan',
  description: USER_TEXT,
  exhibitor: USER_TEXT,
  province: 'Jawa Timur',
  city: 'Malang',
  booth: 'A12',
};
const PRODUCT_LINE = { number: 9, name: USER_TEXT, price: 'Rp15.000', unit: 'pcs', exhibitor: USER_TEXT, province: 'Jawa Timur' };
const INQUIRY_VIEW = { id: 7, product: USER_TEXT, exhibitor: USER_TEXT, quantity: '50 pcs', message: USER_TEXT, buyer: USER_TEXT, status: 'OPEN' };
const CONTACT = { name: USER_TEXT, username: 'andi_pembeli', userId: '9403', phone: '+6281234567890', booth: 'A12' };

/**
 * Sample arguments per function entry; each list is one call. A function not
 * listed here gets string arguments (enough for every entry that only prints them).
 */
/** A digest view (i18n/messages/digest.ts) with every figure filled, or without the optional parts. */
function digestSample(phase: 'before' | 'during' | 'after', full: boolean) {
  return {
    mission: USER_TEXT,
    place: 'Serang, Banten',
    date: '26 Nov 2026',
    phase,
    dayNumber: 1,
    totalDays: 3,
    startsIn: phase === 'before' ? 2 : 0,
    today: 'Rp1,5 M',
    todayCount: 6,
    exhibitorsToday: 5,
    total: 'Rp1,5 M',
    target: full ? 'Rp3 M' : null,
    bar: '▓▓▓▓▓░░░░░',
    percent: '50%',
    realised: 'Rp56,5 jt',
    committed: 'Rp700 jt',
    investment: 'Rp1 M',
    sell: 'Rp1,4 M',
    buy: 'Rp50 jt',
    reportCount: 6,
    daysLeft: 3,
    reached: false,
    neededPerDay: 'Rp500 jt',
    projected: full ? 'Rp4,5 M' : null,
    topCategories: full ? [{ label: 'Makanan', amount: 'Rp1 M' }] : [],
    topExhibitors: full ? [{ name: USER_TEXT, amount: 'Rp1 M' }] : [],
    previous: full ? { name: USER_TEXT, host: 'Bali', total: 'Rp2 M', ratio: '75%' } : null,
    yearToDate: { year: 2026, province: 'Jawa Timur', total: 'Rp9 M', missionCount: 3 },
  };
}

const MEETING_VIEW = { id: 12, day: '26 Nov 2026', time: '13:30–14:00 WIB', table: 2, exhibitor: USER_TEXT, booth: 'A12', buyer: USER_TEXT, note: USER_TEXT, status: 'PROPOSED' };

const SAMPLES: Record<string, unknown[][]> = {
  'matching.proposePickDay': [[MEETING_VIEW]],
  'matching.proposePickSlot': [[MEETING_VIEW, '27 Nov 2026']],
  'matching.proposeNoSlot': [[MEETING_VIEW]],
  'matching.proposeDayButton': [['26 Nov 2026', 1], ['27 Nov 2026', 3]],
  'matching.proposedByYou': [[MEETING_VIEW, '26 Nov 2026, 13:00 WIB'], [{ ...MEETING_VIEW, booth: null }, '26 Nov 2026, 13:00 WIB']],
  'matching.proposalForBuyer': [[MEETING_VIEW, '26 Nov 2026, 13:00 WIB', USER_TEXT]],
  'matching.proposalConfirmedByYou': [[MEETING_VIEW]],
  'matching.proposalDeclinedByYou': [[MEETING_VIEW]],
  'matching.proposalDeclinedForExhibitor': [[MEETING_VIEW]],
  'matching.scheduleLine': [[MEETING_VIEW, USER_TEXT], [{ ...MEETING_VIEW, status: 'ACCEPTED' }, USER_TEXT]],
  'matching.planLine': [[MEETING_VIEW]],
  'matching.alreadyAnswered': [['ACCEPTED'], ['CANCELLED'], ['PROPOSED']],
  'board.page.meetingsNote': [[1, 1], [3, 0]],
  'common.tooLong': [[120]],
  'common.tooShort': [[2]],
  // Counts are numbers: the English catalogue words them with plural rules.
  'mySales.latestTitle': [[1], [5]],
  'announce.queued': [[1], [40]],
  'catalog.categories': [[USER_TEXT, 1], [USER_TEXT, 12]],
  'digest.message': [[digestSample('during', true)], [digestSample('before', false)], [digestSample('after', true)], [{ ...digestSample('during', false), reached: true }], [{ ...digestSample('during', true), meetings: { booked: 3, held: 1, deals: 1, dealAmount: 'Rp5 jt' } }]],
  'digest.milestone': [[{ mission: USER_TEXT, percent: 50, total: 'Rp1,5 M', target: 'Rp3 M' }], [{ mission: USER_TEXT, percent: 200, total: 'Rp6 M', target: 'Rp3 M' }]],
  'digest.caption': [[USER_TEXT, '26 Nov 2026']],
  'matching.figures': [[{ booked: 0, held: 0, deals: 0, dealAmount: 'Rp0' }], [{ booked: 12, held: 9, deals: 1, dealAmount: 'Rp25 jt' }]],
  'start.welcome': [[USER_TEXT, USER_TEXT], [USER_TEXT, undefined]],
  'help.line': [['lapor', 'sale', 'Laporkan penjualan'], ['start', 'start', 'Mulai']],
  'help.roleExhibitor': [[USER_TEXT]],
  'province.notFound': [[USER_TEXT]],
  'mission.askTimeZone': [['WIB']],
  'mission.endBeforeStart': [['20-11-2026']],
  'mission.badTarget': [['Nilainya belum diisi.']],
  'mission.summary': [[MISSION_VIEW]],
  'mission.created': [[USER_TEXT]],
  'register.intro': [[USER_TEXT]],
  'register.already': [[USER_TEXT]],
  'register.summary': [
    [{ name: USER_TEXT, category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '+6281234567890', booth: 'A-12' }],
    [{ name: USER_TEXT, category: 'Makanan', province: 'Jawa Timur', city: 'Malang', phone: '+6281234567890', booth: null }],
  ],
  'register.done': [[USER_TEXT]],
  'sale.parseError': [['nilainya tidak ada di awal pesan.']],
  'sale.confirm': [[SALE_VIEW], [{ ...SALE_VIEW, product: null, quantity: null, buyer: null }]],
  'sale.saved': [[SALE_VIEW, 42, 'Rp1,5 jt', '0,05%'], [{ ...SALE_VIEW, product: null, quantity: null }, 43, 'Rp3 jt', '0,1%']],
  'leaderboard.message': [
    [
      {
        mission: USER_TEXT,
        byRealised: [{ rank: 1, name: USER_TEXT, category: 'Makanan', amount: 'Rp6 jt' }],
        byTotal: [{ rank: 1, name: USER_TEXT, category: 'Makanan', amount: 'Rp6 jt' }, { rank: 4, name: 'Kopi', category: 'Minuman', amount: 'Rp2 jt' }],
        byCategory: [{ label: 'Makanan', lines: [{ rank: 1, name: USER_TEXT, category: '', amount: 'Rp6 jt' }] }],
      },
    ],
    [{ mission: USER_TEXT, byRealised: [], byTotal: [{ rank: 1, name: 'Batik', category: 'Fashion', amount: 'Rp30 jt' }], byCategory: [] }],
    // With business matching: the meetings section, ranked, and before any meeting was held.
    [
      {
        mission: USER_TEXT,
        byRealised: [],
        byTotal: [{ rank: 1, name: 'Batik', category: 'Fashion', amount: 'Rp30 jt' }],
        byCategory: [],
        meetings: [{ rank: 1, name: USER_TEXT, held: 5, deals: 2 }, { rank: 4, name: 'Kopi', held: 1, deals: 0 }],
      },
    ],
    [{ mission: USER_TEXT, byRealised: [], byTotal: [{ rank: 1, name: 'Batik', category: 'Fashion', amount: 'Rp30 jt' }], byCategory: [], meetings: [] }],
  ],
  'leaderboard.empty': [[USER_TEXT]],
  'exports.captionXlsx': [
    [{ mission: USER_TEXT, reports: 5, voided: 1, exhibitors: 2, products: 1, timeZone: 'WIB', textAmounts: 0 }],
    [{ mission: USER_TEXT, reports: 5, voided: 0, exhibitors: 2, products: 0, timeZone: 'WITA', textAmounts: 2 }],
  ],
  // Catalog, search and inquiries (messages/catalog.ts, messages/inquiries.ts).
  'catalog.card': [[PRODUCT_VIEW], [{ ...PRODUCT_VIEW, description: null, city: null, booth: null }]],
  'catalog.page': [['🍱 Makanan', 2, 5, 37, [PRODUCT_LINE]]],
  'search.results': [[USER_TEXT, 1, 1, [PRODUCT_LINE]], [USER_TEXT, 10, 23, [PRODUCT_LINE]], [USER_TEXT, 10, 51, [PRODUCT_LINE]]],
  'inquiries.summary': [[INQUIRY_VIEW], [{ ...INQUIRY_VIEW, quantity: null }]],
  'inquiries.toExhibitor': [[INQUIRY_VIEW]],
  'inquiries.acceptedForExhibitor': [[INQUIRY_VIEW, CONTACT], [INQUIRY_VIEW, { ...CONTACT, username: null, phone: null }]],
  'inquiries.acceptedForBuyer': [[INQUIRY_VIEW, CONTACT], [INQUIRY_VIEW, { ...CONTACT, phone: null, booth: null }]],
  'inquiries.declinedForExhibitor': [[INQUIRY_VIEW]],
  'inquiries.declinedForBuyer': [[INQUIRY_VIEW]],
  'inquiries.alreadyAnswered': [['ACCEPTED'], ['DECLINED']],
  'inquiries.status': [['OPEN'], ['ACCEPTED'], ['DECLINED']],
  'inquiries.buyerLine': [[INQUIRY_VIEW, '+6281234567890'], [{ ...INQUIRY_VIEW, quantity: null }, null]],
  'inquiries.exhibitorLine': [[INQUIRY_VIEW, null], [{ ...INQUIRY_VIEW, message: 'x'.repeat(120) }, raw('<a href="tg://user?id=1">Andi</a>')]],
  'inquiries.contactLink': [[CONTACT], [{ ...CONTACT, username: null }]],
  'progress.message': [
    [progressView('before', false)],
    [progressView('during', false)],
    [progressView('during', true)],
    [progressView('after', false)],
    [{ ...progressView('during', true), realisation: { answered: 2, realised: 'Rp400 jt', committed: 'Rp700 jt', percent: '57,1%' } }],
    [{ ...progressView('during', true), meetings: { booked: 12, held: 9, deals: 2, dealAmount: 'Rp25 jt' } }],
  ],
  // Officials: missions, target, invites, exhibitors; pushes to exhibitors (reminders, follow-ups, announcements).
  'missionAdmin.menu': [[USER_TEXT], [undefined]],
  'missionAdmin.listLine': [
    [{ status: 'ACTIVE', name: USER_TEXT, place: 'Serang, Banten', dates: '26 Nov 2026 – 28 Nov 2026', target: 'Rp3 M' }],
    [{ status: 'CLOSED', name: USER_TEXT, place: 'Denpasar, Bali', dates: '1 Des 2026', target: 'Rp2 M' }],
  ],
  'missionAdmin.editMenu': [
    [{ name: USER_TEXT, city: USER_TEXT, startDate: '26 Nov 2026', endDate: '28 Nov 2026', timeZone: 'WIB', digestTime: '20:00', reminderTime: '17:00', registrationOpen: true }],
    [{ name: USER_TEXT, city: USER_TEXT, startDate: '26 Nov 2026', endDate: '28 Nov 2026', timeZone: 'WITA', digestTime: '20:00', reminderTime: null, registrationOpen: false }],
  ],
  'missionAdmin.ask.reminderTime': [['17:00'], [null]],
  'missionAdmin.ask.registrationOpen': [[true], [false]],
  'missionAdmin.switchPick': [[USER_TEXT], [undefined]],
  'missionAdmin.updated': [['Nama', USER_TEXT, USER_TEXT]],
  'missionAdmin.activated': [[USER_TEXT]],
  'missionAdmin.closeConfirm': [[USER_TEXT]],
  'target.show': [[{ mission: USER_TEXT, target: 'Rp3.000.000.000', targetCompact: 'Rp3 M', total: 'Rp750 jt', percent: '25%' }]],
  'target.changed': [['Rp3.000.000.000', { mission: USER_TEXT, target: 'Rp5.000.000.000', targetCompact: 'Rp5 M', total: 'Rp750 jt', percent: '15%' }]],
  'invites.created': [
    [{ mission: USER_TEXT, role: 'EXHIBITOR', link: 'https://t.me/misi_dagang_bot?start=join_AbCdEfGhIjKlMnOpQrStUvWx', expires: '27 Nov 2026 10:00 WIB', maxUses: 50 }],
    [{ mission: USER_TEXT, role: 'OFFICIAL', link: 'https://t.me/misi_dagang_bot?start=join_AbCdEfGhIjKlMnOpQrStUvWx', expires: '27 Nov 2026 10:00 WIB', maxUses: 1 }],
  ],
  'invites.usedUp': [[1], [50]],
  'invites.alreadyRegistered': [[USER_TEXT, USER_TEXT]],
  'invites.joinedExhibitor': [[USER_TEXT]],
  'exhibitorsAdmin.page': [
    [
      {
        mission: USER_TEXT,
        total: 11,
        verified: 1,
        page: 1,
        pages: 2,
        lines: [
          { number: 1, name: USER_TEXT, category: 'Makanan', province: 'Jawa Timur', booth: 'A1', verified: true },
          { number: 2, name: 'Kopi', category: 'Minuman', province: 'Bali', booth: null, verified: false },
        ],
      },
    ],
    [{ mission: USER_TEXT, total: 1, verified: 0, page: 1, pages: 1, lines: [{ number: 1, name: USER_TEXT, category: 'Makanan', province: 'Jawa Timur', booth: null, verified: false }] }],
  ],
  'exhibitorsAdmin.verifiedNotice': [[USER_TEXT, USER_TEXT]],
  'reminders.reminder': [[USER_TEXT, USER_TEXT, USER_TEXT]],
  'reminders.status': [[true, '18:00 WIB'], [false, null]],
  'followUps.question': [
    [{ days: 30, kind: 'ORDER', amount: 'Rp500.000.000', date: '26 Nov 2026', mission: USER_TEXT, product: USER_TEXT, buyer: USER_TEXT }],
    [{ days: 90, kind: 'LOI', amount: 'Rp200.000.000', date: '26 Nov 2026', mission: USER_TEXT, product: null, buyer: null }],
  ],
  'announce.preview': [[USER_TEXT, 4, USER_TEXT]],
  'announce.message': [[USER_TEXT, USER_TEXT]],
  'announce.done': [[{ total: 4, sent: 3, failed: 1, queued: 0, minutes: 1 }]],
  'announce.stillQueued': [[{ total: 4, sent: 0, failed: 0, queued: 4, minutes: 3 }]],
  // Officials editing matching sessions and marking attendance (messages/matching-sessions.ts).
  'matchingAdmin.listLine': [[3, SESSION_SAMPLE]],
  'matchingAdmin.askSpec': [[3, SESSION_SAMPLE]],
  'matchingAdmin.previewEdit': [
    [3, SESSION_SAMPLE, { ...SESSION_SAMPLE, hours: '10:00–12:00' }, [], 0],
    [3, SESSION_SAMPLE, SESSION_SAMPLE, [{ meeting: MEETING_SAMPLE, reason: 'hours' }, { meeting: MEETING_SAMPLE, reason: 'table' }], 2],
    [3, SESSION_SAMPLE, SESSION_SAMPLE, [{ meeting: MEETING_SAMPLE, reason: 'day' }], 40],
  ],
  'matchingAdmin.previewDelete': [[3, SESSION_SAMPLE, [], 0], [3, SESSION_SAMPLE, [MEETING_SAMPLE], 1], [3, SESSION_SAMPLE, [MEETING_SAMPLE], 30]],
  'matchingAdmin.edited': [[3, SESSION_SAMPLE, 0, 0], [3, SESSION_SAMPLE, 1, 2], [3, SESSION_SAMPLE, 2, 3]],
  'matchingAdmin.deleted': [[3, 0, 0], [3, 1, 2]],
  'matchingAdmin.cancelledBySession': [[MEETING_SAMPLE, USER_TEXT, 'edit'], [MEETING_SAMPLE, USER_TEXT, 'delete']],
  'matchingAdmin.markHeldButton': [[12, true], [12, false]],
  'matchingAdmin.markNoShowButton': [[12, true], [12, false]],
};

function samplesFor(path: string, fn: (...args: unknown[]) => unknown): unknown[][] {
  return SAMPLES[path] ?? [Array.from({ length: fn.length }, (_, index) => `sample ${index + 1}`)];
}

const functionLeaves = LANGS.flatMap((lang) =>
  leaves(CATALOGUES[lang])
    .filter((leaf) => typeof leaf.value === 'function')
    .map((leaf) => ({ lang, path: leaf.path, fn: leaf.value as (...args: unknown[]) => unknown })),
);

describe('the catalogues', () => {
  it('are Indonesian and English, Indonesian first', () => {
    expect(LANGS).toEqual(['id', 'en']);
    expect(Object.keys(CATALOGUES).sort()).toEqual(['en', 'id']);
    expect(catalogue('id')).toBe(CATALOGUES.id);
    expect(catalogue('en')).toBe(CATALOGUES.en);
  });

  it('have exactly the same keys, recursively', () => {
    expect(keyPaths(CATALOGUES.en).sort()).toEqual(keyPaths(CATALOGUES.id).sort());
  });

  it('have the same kind of entry (text, markup, function) at every key', () => {
    const kinds = (lang: Lang) => Object.fromEntries(leaves(CATALOGUES[lang]).map((leaf) => [leaf.path, kindOf(leaf.value)]));
    expect(kinds('en')).toEqual(kinds('id'));
  });

  it('take the same number of arguments in both languages', () => {
    const arity = (lang: Lang) =>
      Object.fromEntries(functionLeaves.filter((f) => f.lang === lang).map((f) => [f.path, f.fn.length]));
    expect(arity('en')).toEqual(arity('id'));
  });

  it.each(LANGS.flatMap((lang) => leaves(CATALOGUES[lang]).filter((leaf) => typeof leaf.value !== 'function').map((leaf) => ({ lang, ...leaf }))))(
    '$lang $path is not empty',
    ({ value }) => {
      expect(['string', 'SafeHtml']).toContain(kindOf(value));
      expect(textOf(value).trim()).not.toBe('');
    },
  );

  it.each(functionLeaves)('$lang $path() returns non-empty text for sample arguments', ({ path, fn }) => {
    for (const args of samplesFor(path, fn)) {
      const result = fn(...args);
      expect(['string', 'SafeHtml'], `${path}(${JSON.stringify(args)})`).toContain(kindOf(result));
      const text = textOf(result);
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/undefined|null|NaN|\[object Object\]/);
    }
  });

  it.each(functionLeaves.filter((f) => JSON.stringify(SAMPLES[f.path] ?? []).includes('Sri')))(
    '$lang $path() escapes user text',
    ({ path, fn }) => {
      for (const args of samplesFor(path, fn)) {
        const text = textOf(fn(...args));
        if (!JSON.stringify(args).includes('Sri')) continue;
        expect(text).toContain('&lt;b&gt;Sri &amp; &quot;Tempe&quot;&lt;/b&gt;');
        expect(text).not.toContain(USER_TEXT);
      }
    },
  );

  it('describe every command of COMMANDS in both languages', async () => {
    const { COMMANDS } = await import('../../src/bot/commands.js');
    for (const lang of LANGS) {
      for (const command of COMMANDS) {
        const description: string = CATALOGUES[lang].commands[command.id];
        expect(description.length, `${lang} ${command.id}`).toBeGreaterThan(0);
        // Telegram's limit for a command description in setMyCommands.
        expect(description.length, `${lang} ${command.id}`).toBeLessThanOrEqual(256);
      }
    }
  });
});
