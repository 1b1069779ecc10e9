import { bilingual } from '../bilingual.js';
import { html, lines, type SafeHtml } from '../html.js';
import { plural } from '../plural.js';

/** One ranked exhibitor, ready to print (amount already formatted, name shortened). */
export interface LeaderboardLineView {
  rank: number;
  name: string;
  /** Category label; empty inside a category section, where it would repeat. */
  category: string;
  amount: string;
}

/** One exhibitor's business meetings: held, and how many ended in a deal. */
export interface MeetingLeaderLineView {
  rank: number;
  name: string;
  held: number;
  deals: number;
}

export interface LeaderboardView {
  mission: string;
  byRealised: LeaderboardLineView[];
  byTotal: LeaderboardLineView[];
  byCategory: { label: string; lines: LeaderboardLineView[] }[];
  /** Only when the mission runs business matching: the exhibitors by deals from meetings, then meetings held. */
  meetings?: MeetingLeaderLineView[];
}

const MEDALS = ['🥇', '🥈', '🥉'];

function line(entry: LeaderboardLineView): SafeHtml {
  const place = MEDALS[entry.rank - 1] ?? `${entry.rank}.`;
  return entry.category === ''
    ? html`${place} <b>${entry.name}</b> — ${entry.amount}`
    : html`${place} <b>${entry.name}</b> (${entry.category}) — ${entry.amount}`;
}

const placeOf = (rank: number) => MEDALS[rank - 1] ?? `${rank}.`;

/** The meetings section, or nothing when the mission has no matching session. */
function meetingSection(entries: MeetingLeaderLineView[] | undefined, title: SafeHtml, none: SafeHtml, line: (entry: MeetingLeaderLineView) => SafeHtml): (SafeHtml | string)[] {
  if (entries === undefined) return [];
  return ['', title, ...(entries.length > 0 ? entries.map(line) : [none])];
}

/** /peringkat: names are exhibitors' own text, so they pass through `html` escaping. */
export const leaderboard = bilingual({
  id: {
    message: (v: LeaderboardView) =>
      lines([
        html`🏆 <b>Peringkat peserta — ${v.mission}</b>`,
        '',
        html`<b>💵 Terealisasi (tunai)</b>`,
        ...(v.byRealised.length > 0 ? v.byRealised.map(line) : [html`<i>Belum ada penjualan tunai.</i>`]),
        '',
        html`<b>📈 Total transaksi</b>`,
        ...v.byTotal.map(line),
        ...(v.byCategory.length > 0 ? ['', html`<b>🗂 Teratas per kategori</b>`] : []),
        ...v.byCategory.flatMap((section) => [html`<u>${section.label}</u>`, ...section.lines.map(line)]),
        ...meetingSection(v.meetings, html`<b>🤝 Temu bisnis</b> (deal · terlaksana)`, html`<i>Belum ada temu bisnis yang terlaksana.</i>`, (m) =>
          html`${placeOf(m.rank)} <b>${m.name}</b> — ${m.deals} deal dari ${m.held} temu`,
        ),
      ]),
    empty: (mission: string) => html`🏆 <b>Peringkat peserta — ${mission}</b>\n\nBelum ada laporan transaksi, jadi belum ada peringkat.`,
  },
  en: {
    message: (v) =>
      lines([
        html`🏆 <b>Exhibitor leaderboard — ${v.mission}</b>`,
        '',
        html`<b>💵 Realised (retail)</b>`,
        ...(v.byRealised.length > 0 ? v.byRealised.map(line) : [html`<i>No retail sales yet.</i>`]),
        '',
        html`<b>📈 Total transactions</b>`,
        ...v.byTotal.map(line),
        ...(v.byCategory.length > 0 ? ['', html`<b>🗂 Top per category</b>`] : []),
        ...v.byCategory.flatMap((section) => [html`<u>${section.label}</u>`, ...section.lines.map(line)]),
        ...meetingSection(v.meetings, html`<b>🤝 Business meetings</b> (deals · held)`, html`<i>No business meeting held yet.</i>`, (m) =>
          html`${placeOf(m.rank)} <b>${m.name}</b> — ${plural(m.deals, 'deal', 'deals')} from ${plural(m.held, 'meeting', 'meetings')}`,
        ),
      ]),
    empty: (mission) => html`🏆 <b>Exhibitor leaderboard — ${mission}</b>\n\nNo transactions reported yet, so there is no ranking.`,
  },
});
