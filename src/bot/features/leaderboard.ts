import { Composer } from 'telegraf';
import { isCategory } from '../../domain/categories.js';
import type { Lang, Mission } from '../../domain/entities.js';
import { leaderboard, rankMeetings, type Leaderboard, type RankedEntry, type RankedMeetingEntry } from '../../domain/leaderboard.js';
import { formatRupiahCompact } from '../../domain/money.js';
import type { Catalogue } from '../../i18n/index.js';
import type { LeaderboardLineView, LeaderboardView } from '../../i18n/messages/leaderboard.js';
import { requireOfficial } from '../access.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { say } from '../reply.js';

// Long business names would push the message past a phone screen (and, with
// many sections, toward Telegram's 4,096 characters).
const NAME_LIMIT = 40;

function shorten(name: string): string {
  const chars = [...name];
  return chars.length <= NAME_LIMIT ? name : `${chars.slice(0, NAME_LIMIT - 1).join('')}…`;
}

function categoryName(key: string, t: Catalogue): string {
  return isCategory(key) ? t.categories[key] : key;
}

/** The ranking as the catalogue prints it: amounts compact, names shortened (escaped later by `html`). */
export function leaderboardView(mission: Mission, board: Leaderboard, t: Catalogue, lang: Lang, meetings?: RankedMeetingEntry[]): LeaderboardView {
  const line = (entry: RankedEntry, amount: bigint, withCategory: boolean): LeaderboardLineView => ({
    rank: entry.rank,
    name: shorten(entry.name),
    category: withCategory ? categoryName(entry.category, t) : '',
    amount: formatRupiahCompact(amount, lang),
  });
  return {
    mission: mission.name,
    byRealised: board.byRealised.map((entry) => line(entry, entry.realised, true)),
    byTotal: board.byTotal.map((entry) => line(entry, entry.total, true)),
    byCategory: board.byCategory.map((section) => ({
      label: categoryName(section.category, t),
      lines: section.entries.map((entry) => line(entry, entry.total, false)),
    })),
    ...(meetings ? { meetings: meetings.map((entry) => ({ rank: entry.rank, name: shorten(entry.name), held: entry.held, deals: entry.deals })) } : {}),
  };
}

/** /peringkat: top exhibitors of the active mission; officials only, in private or in a group. */
export function createLeaderboardFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('peringkat'), requireOfficial, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const [entries, meetingEntries] = await Promise.all([ctx.deps.repos.leaderboard.entries(mission.id), ctx.deps.repos.leaderboard.meetingEntries(mission.id)]);
    const board = leaderboard(entries);
    // With business matching, the meetings section: undefined without a session, so nothing about meetings is said.
    const meetings = meetingEntries && rankMeetings(meetingEntries);
    if (board.byTotal.length === 0) return say(ctx, ctx.t.leaderboard.empty(mission.name));
    return say(ctx, ctx.t.leaderboard.message(leaderboardView(mission, board, ctx.t, ctx.lang, meetings)));
  });
  return feature;
}
