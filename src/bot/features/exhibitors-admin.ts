import { Composer, Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { isCategory } from '../../domain/categories.js';
import type { Mission } from '../../domain/entities.js';
import { requireOfficial } from '../access.js';
import { catalogueFor } from '../../views/admin-presenters.js';
import { CB, onButton } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { requireOfficialTap } from '../official-guard.js';
import { provinceName } from '../../views/presenters.js';
import { editTapped, say } from '../reply.js';
import { optional } from '../../telegram/errors.js';

// Eight lines and their buttons fit a phone screen without scrolling.
const PAGE_SIZE = 8;
// Button labels longer than this wrap badly.
const NAME_MAX = 28;

/**
 * /peserta (/exhibitors): officials list the active mission's exhibitors,
 * eight per page, with a ✔️ button under each unverified one. Verifying is
 * audited and the exhibitor is told through the outbox. Works in a group:
 * every tap checks the tapper's own role.
 */
export function createExhibitorsAdminFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('peserta'), requireOfficial, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const page = await renderPage(ctx, mission, 0);
    return say(ctx, page.text, page.keyboard);
  });

  feature.action(onButton(CB.exhibitorPage, 'n'), requireOfficialTap, async (ctx) => {
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    const mission = await ctx.activeMission();
    if (!mission) return editTapped(ctx, ctx.t.common.noActiveMission);
    const page = await renderPage(ctx, mission, Number(ctx.match[1]));
    return editTapped(ctx, page.text, page.keyboard);
  });

  feature.action(onButton(CB.exhibitorVerify, 'n', 'n'), requireOfficialTap, async (ctx) => {
    const mission = await ctx.activeMission();
    const exhibitorId = Number(ctx.match[1]);
    const exhibitor = await ctx.deps.repos.exhibitors.findById(exhibitorId);
    if (!mission || !exhibitor || exhibitor.missionId !== mission.id) {
      return ctx.answerCbQuery(ctx.t.exhibitorsAdmin.notFound, { show_alert: true });
    }
    const result = await ctx.deps.repos.exhibitorAdmin.verify(exhibitorId, ctx.user.id, ctx.deps.now());
    if (result.ok) {
      await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(ctx.t.exhibitorsAdmin.verifiedToast(exhibitor.name)));
      ctx.log.info({ exhibitorId }, 'exhibitor verified');
      await notifyOwner(ctx, mission, exhibitor.ownerId, exhibitor.name, exhibitorId);
    } else {
      await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(ctx.t.exhibitorsAdmin.alreadyVerified(exhibitor.name)));
    }
    const page = await renderPage(ctx, mission, Number(ctx.match[2]));
    return editTapped(ctx, page.text, page.keyboard);
  });
  return feature;
}

async function renderPage(ctx: BotContext, mission: Mission, requested: number) {
  const first = await ctx.deps.repos.exhibitorAdmin.page(mission.id, requested, PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
  // A page beyond the end (exhibitors left since the list was shown) shows the last one.
  const pageIndex = Math.min(requested, pages - 1);
  const { exhibitors, total, verified } = pageIndex === requested ? first : await ctx.deps.repos.exhibitorAdmin.page(mission.id, pageIndex, PAGE_SIZE);
  if (total === 0) return { text: ctx.t.exhibitorsAdmin.empty(mission.name), keyboard: Markup.inlineKeyboard([]) };
  const numbered = exhibitors.map((exhibitor, index) => ({ exhibitor, number: pageIndex * PAGE_SIZE + index + 1 }));
  const text = ctx.t.exhibitorsAdmin.page({
    mission: mission.name,
    total,
    verified,
    page: pageIndex + 1,
    pages,
    lines: numbered.map(({ exhibitor, number }) => ({
      number,
      name: exhibitor.name,
      category: isCategory(exhibitor.category) ? ctx.t.categories[exhibitor.category] : exhibitor.category,
      province: provinceName(exhibitor.province),
      booth: exhibitor.booth,
      verified: exhibitor.verified,
    })),
  });
  const verifyButtons = numbered
    .filter(({ exhibitor }) => !exhibitor.verified)
    .map(({ exhibitor, number }) =>
      Markup.button.callback(ctx.t.exhibitorsAdmin.verifyButton(number, shorten(exhibitor.name)), `${CB.exhibitorVerify}${exhibitor.id}:${pageIndex}`),
    );
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < verifyButtons.length; i += 2) rows.push(verifyButtons.slice(i, i + 2));
  const navigation: InlineKeyboardButton[] = [];
  if (pageIndex > 0) navigation.push(Markup.button.callback(ctx.t.exhibitorsAdmin.previousButton, CB.exhibitorPage + (pageIndex - 1)));
  if (pageIndex < pages - 1) navigation.push(Markup.button.callback(ctx.t.exhibitorsAdmin.nextButton, CB.exhibitorPage + (pageIndex + 1)));
  if (navigation.length > 0) rows.push(navigation);
  return { text, keyboard: Markup.inlineKeyboard(rows) };
}

/** Tells the owner their business was verified, through the outbox (their chat may be blocked; the sender deals with it). */
async function notifyOwner(ctx: BotContext, mission: Mission, ownerId: bigint, business: string, exhibitorId: number): Promise<void> {
  const t = catalogueFor(await ctx.deps.repos.users.findById(ownerId));
  await ctx.deps.repos.pushes.enqueue({
    chatId: ownerId,
    purpose: 'notice',
    method: 'sendMessage',
    payload: { text: t.exhibitorsAdmin.verifiedNotice(business, mission.name).value, parse_mode: 'HTML' },
    dedupeKey: `verified:${exhibitorId}`,
  });
}

function shorten(name: string): string {
  return name.length <= NAME_MAX ? name : `${name.slice(0, NAME_MAX - 1)}…`;
}
