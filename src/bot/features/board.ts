import { Composer, Markup } from 'telegraf';
import type { Mission } from '../../domain/entities.js';
import type { BoardAccess } from '../../db/repositories/board.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Catalogue } from '../../i18n/index.js';
import { requireOfficial } from '../access.js';
import { CB } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { requireOfficialTap } from '../official-guard.js';
import { editTapped, say } from '../reply.js';
import { optional } from '../../telegram/errors.js';
import { boardLink, linkOf } from '../../views/board-link.js';

/**
 * The "📺 Papan" URL button officials get under /progres and the digest;
 * none without PUBLIC_URL (Telegram needs an address it can open).
 */
export async function boardButton(repos: Pick<Repositories, 'board'>, mission: Mission, publicUrl: string | undefined, t: Catalogue) {
  const url = await boardLink(repos, mission, publicUrl);
  return url ? Markup.button.url(t.board.openButton, url) : undefined;
}

function boardMessage(ctx: BotContext, mission: Mission, access: BoardAccess) {
  const publicUrl = ctx.deps.publicUrl;
  const text = ctx.t.board.message({ mission: mission.name, link: linkOf(access, publicUrl), isPublic: access.public, hasPublicUrl: publicUrl !== undefined });
  const rows = [
    ...(publicUrl ? [[Markup.button.url(ctx.t.board.openButton, linkOf(access, publicUrl))]] : []),
    [
      access.public
        ? Markup.button.callback(ctx.t.board.makePrivateButton, `${CB.boardPublic}${mission.id}:0`)
        : Markup.button.callback(ctx.t.board.makePublicButton, `${CB.boardPublic}${mission.id}:1`),
      Markup.button.callback(ctx.t.board.rotateButton, `${CB.boardRotate}${mission.id}`),
    ],
  ];
  return { text, keyboard: Markup.inlineKeyboard(rows) };
}

/**
 * /papan: the active mission's live board for officials: its link, and
 * buttons to make it public (or need the key again) and to rotate the key,
 * which closes every board opened with the old link.
 */
export function createBoardFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('papan'), requireOfficial, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const { text, keyboard } = boardMessage(ctx, mission, await ctx.deps.repos.board.ensure(mission.id));
    return say(ctx, text, keyboard);
  });

  /** A button names its mission, so a tap under an old message never changes another mission's board. */
  const missionOf = async (ctx: BotContext, id: number) => ctx.deps.repos.missions.findById(id);

  feature.action(new RegExp(`^${CB.boardPublic}(\\d+):([01])$`), requireOfficialTap, async (ctx) => {
    const mission = await missionOf(ctx, Number(ctx.match[1]));
    if (!mission) return optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(ctx.t.common.staleButton));
    const isPublic = ctx.match[2] === '1';
    const access = await ctx.deps.repos.board.setPublic(mission.id, isPublic, ctx.user.id);
    ctx.log.info({ missionId: mission.id, public: isPublic }, 'board visibility changed');
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(isPublic ? ctx.t.board.madePublic : ctx.t.board.madePrivate));
    const { text, keyboard } = boardMessage(ctx, mission, access);
    return editTapped(ctx, text, keyboard);
  });

  feature.action(new RegExp(`^${CB.boardRotate}(\\d+)$`), requireOfficialTap, async (ctx) => {
    const mission = await missionOf(ctx, Number(ctx.match[1]));
    if (!mission) return optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(ctx.t.common.staleButton));
    const access = await ctx.deps.repos.board.rotateKey(mission.id, ctx.user.id);
    ctx.log.info({ missionId: mission.id }, 'board key rotated');
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(ctx.t.board.rotated, { show_alert: true }));
    const { text, keyboard } = boardMessage(ctx, mission, access);
    return editTapped(ctx, text, keyboard);
  });

  return feature;
}
