import { Composer, Markup } from 'telegraf';
import type { Mission } from '../../domain/entities.js';
import { inviteLink, inviteSettings, isInviteCode, parseInviteArgs, type InviteArgs, type InviteRole } from '../../domain/invites.js';
import { requireOfficial, requirePrivateChat } from '../access.js';
import { localMoment } from '../../views/admin-presenters.js';
import { CB, onButton } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { requireOfficialTap } from '../official-guard.js';
import { editTapped, say } from '../reply.js';
import type { StartPayloadHandler } from '../start-payloads.js';
import { optional } from '../../telegram/errors.js';

const ROLE_CODE: Record<InviteRole, string> = { EXHIBITOR: 'E', OFFICIAL: 'O' };

/**
 * /undang: officials create invite deep links for the exhibitor or the
 * official role. `/undang` asks with buttons; `/undang peserta 100 14` sets
 * the role, the use limit and the days it stays valid at once. Private chat
 * only: an official link posted in a group would make anyone an official.
 */
export function createInviteFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('undang'), requireOfficial, requirePrivateChat, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const args = parseInviteArgs(ctx.payload);
    if (!args.ok) return say(ctx, ctx.t.invites.bad(ctx.t.invites.errors[args.reason], ctx.t.invites.usage));
    if (!args.value.role) {
      return say(
        ctx,
        ctx.t.invites.askRole(mission.name),
        Markup.inlineKeyboard([
          Markup.button.callback(ctx.t.invites.exhibitorButton, CB.inviteRole + ROLE_CODE.EXHIBITOR),
          Markup.button.callback(ctx.t.invites.officialButton, CB.inviteRole + ROLE_CODE.OFFICIAL),
        ]),
      );
    }
    return say(ctx, await createInvite(ctx, mission, { ...args.value, role: args.value.role }));
  });

  feature.action(onButton(CB.inviteRole, ['E', 'O']), requireOfficialTap, async (ctx) => {
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    const mission = await ctx.activeMission();
    if (!mission) return editTapped(ctx, ctx.t.common.noActiveMission);
    const role: InviteRole = ctx.match[1] === ROLE_CODE.OFFICIAL ? 'OFFICIAL' : 'EXHIBITOR';
    return editTapped(ctx, await createInvite(ctx, mission, { role }));
  });
  return feature;
}

async function createInvite(ctx: BotContext, mission: Mission, args: InviteArgs & { role: InviteRole }) {
  const now = ctx.deps.now();
  const settings = inviteSettings(args, now);
  const invite = await ctx.deps.repos.invites.create({ missionId: mission.id, ...settings, createdById: ctx.user.id, createdAt: now });
  ctx.log.info({ inviteId: invite.id, role: invite.role, missionId: mission.id }, 'invite created');
  return ctx.t.invites.created({
    mission: mission.name,
    role: invite.role,
    link: inviteLink(ctx.botInfo.username, invite.code),
    expires: localMoment(settings.expiresAt, mission.timeZone, ctx.lang),
    maxUses: settings.maxUses,
  });
}

/**
 * `/start join_<code>`: joins the invite's mission in its role, counting one
 * use (atomically: of two people racing for the last use, one gets in).
 * Expired, used-up, unknown codes and closed missions get a clear answer.
 */
export const joinPayload: StartPayloadHandler = {
  prefix: 'join_',
  async handle(ctx, code) {
    if (ctx.chat?.type !== 'private') return say(ctx, ctx.t.common.privateOnly);
    if (!isInviteCode(code)) return say(ctx, ctx.t.invites.unknown);
    const result = await ctx.deps.repos.invites.join(code, ctx.user.id, ctx.deps.now());
    const t = ctx.t.invites;
    if (!result.ok) {
      switch (result.reason) {
        case 'unknown':
          return say(ctx, t.unknown);
        case 'expired':
          return say(ctx, t.expired(result.invite.expiresAt ? localMoment(result.invite.expiresAt, result.mission.timeZone, ctx.lang) : ''));
        case 'used_up':
          return say(ctx, t.usedUp(result.invite.maxUses ?? result.invite.uses));
        case 'mission_closed':
          return say(ctx, t.missionClosed(result.mission.name));
      }
    }
    const { invite, mission, already } = result;
    ctx.log.info({ inviteId: invite.id, role: invite.role, already }, 'invite used');
    if (invite.role === 'OFFICIAL') return say(ctx, already ? t.alreadyOfficial(mission.name) : t.joinedOfficial(mission.name));
    const business = await ctx.deps.repos.exhibitors.findByOwner(mission.id, ctx.user.id);
    if (business) return say(ctx, t.alreadyRegistered(mission.name, business.name));
    if (already) return say(ctx, t.alreadyExhibitor(mission.name));
    return say(ctx, mission.status === 'ACTIVE' ? t.joinedExhibitor(mission.name) : t.joinedExhibitorLater(mission.name));
  },
};
