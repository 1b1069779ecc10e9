import { Composer, type MiddlewareFn } from 'telegraf';
import { digestDue } from '../../domain/digest-schedule.js';
import { parseLocalTime, timeZoneLabel } from '../../domain/time.js';
import { lines } from '../../i18n/index.js';
import { requireOfficial } from '../access.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { say } from '../reply.js';
import { describeError } from '../../telegram/errors.js';

/**
 * Keeps the Chat table current for the chats the bot talks in, so the
 * outbox knows which are reachable: any update from a chat marks it active
 * (a user who blocked the bot and writes again, a group that re-added it),
 * my_chat_member "left"/"kicked" marks it inactive, and a group's
 * migrate_to_chat_id service message moves it to its supergroup id. A
 * failure here is logged and never stops the update.
 */
export const trackChats: MiddlewareFn<BotContext> = async (ctx, next) => {
  const chat = ctx.chat;
  if (chat) {
    try {
      const message = ctx.message;
      const member = ctx.myChatMember;
      if (message && 'migrate_to_chat_id' in message && message.migrate_to_chat_id) {
        await ctx.deps.repos.chats.migrate(BigInt(chat.id), BigInt(message.migrate_to_chat_id));
      } else if (member && (member.new_chat_member.status === 'left' || member.new_chat_member.status === 'kicked')) {
        await ctx.deps.repos.chats.deactivate(BigInt(chat.id), `bot ${member.new_chat_member.status}`);
      } else {
        await ctx.deps.repos.chats.seen(chat);
      }
    } catch (error) {
      ctx.log.warn({ err: describeError(error), chatId: chat.id }, 'chat tracking failed');
    }
  }
  return next();
};

/**
 * /langganan [HH:MM] and /berhenti: an official subscribes a group chat to
 * the active mission's daily digest at a local time of the mission's zone
 * (default: the mission's digest time), or stops it. Groups only: the
 * digest is for the officials' group; in a private chat the answer points
 * there, and to /ringkasan for a digest on demand.
 */
export function createSubscriptionsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('langganan'), requireOfficial, async (ctx) => {
    if (ctx.chat.type === 'private') return say(ctx, ctx.t.subscription.groupOnly);
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const typed = ctx.payload.trim();
    let localTime = mission.digestTime;
    if (typed !== '') {
      const parsed = parseLocalTime(typed);
      if (!parsed.ok) return say(ctx, ctx.t.subscription.badTime(typed.slice(0, 40)));
      localTime = parsed.value;
    }
    const result = await ctx.deps.repos.subscriptions.subscribe({ missionId: mission.id, chat: ctx.chat, localTime, actorId: ctx.user.id });
    const zone = timeZoneLabel(mission.timeZone) ?? mission.timeZone;
    const t = ctx.t.subscription;
    const confirmation =
      result.kind === 'changed'
        ? t.timeChanged(mission.name, result.previousTime, localTime, zone)
        : result.kind === 'unchanged'
          ? t.unchanged(mission.name, localTime, zone)
          : t.subscribed(mission.name, localTime, zone);
    const due = digestDue({ timeZone: mission.timeZone, startDate: mission.startDate, endDate: mission.endDate, localTime }, ctx.deps.now());
    const soon = due.due && !(await ctx.deps.repos.digests.runExists(mission.id, BigInt(ctx.chat.id), due.localDate));
    return say(ctx, lines([confirmation, soon && t.todaySoon]));
  });

  feature.command(names('berhenti'), requireOfficial, async (ctx) => {
    if (ctx.chat.type === 'private') return say(ctx, ctx.t.subscription.groupOnly);
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const stopped = await ctx.deps.repos.subscriptions.unsubscribe(mission.id, BigInt(ctx.chat.id), ctx.user.id);
    return say(ctx, stopped ? ctx.t.subscription.unsubscribed(mission.name) : ctx.t.subscription.notSubscribed);
  });

  return feature;
}
