import { Composer, Markup } from 'telegraf';
import { parseOnOff } from '../../domain/mission-admin.js';
import { standingOf } from '../access.js';
import { zoneLabel } from '../../views/admin-presenters.js';
import { CB } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { say } from '../reply.js';
import { optional } from '../../telegram/errors.js';

/**
 * The exhibitor's side of the daily reminder: the "stop" button under each
 * reminder, and /pengingat [on|off] to see or change the setting. Both are
 * audited (user.reminders) by the repository.
 */
export function createRemindersFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('pengingat'), async (ctx) => {
    const standing = await standingOf(ctx);
    if (!standing.mission) return say(ctx, ctx.t.common.noActiveMission);
    if (!standing.exhibitor) return say(ctx, ctx.t.common.exhibitorOnly);
    const typed = ctx.payload.trim();
    if (typed !== '') {
      const on = parseOnOff(typed);
      if (on === undefined) return say(ctx, ctx.t.reminders.usage);
      await ctx.deps.repos.pushes.setRemindersOff(ctx.user.id, !on);
      return say(ctx, on ? ctx.t.reminders.turnedOn : ctx.t.reminders.turnedOff);
    }
    const off = await ctx.deps.repos.pushes.remindersOff(ctx.user.id);
    const time = standing.mission.reminderTime === null ? null : `${standing.mission.reminderTime} ${zoneLabel(standing.mission.timeZone)}`;
    return say(
      ctx,
      ctx.t.reminders.status(!off, time),
      Markup.inlineKeyboard([
        off
          ? Markup.button.callback(ctx.t.reminders.startButton, CB.remindersOn)
          : Markup.button.callback(ctx.t.reminders.stopButton, CB.remindersOff),
      ]),
    );
  });

  // The button under a reminder (or /pengingat): whoever taps changes only their own setting.
  feature.action([CB.remindersOff, CB.remindersOn], async (ctx) => {
    const off = ctx.callbackQuery && 'data' in ctx.callbackQuery && ctx.callbackQuery.data === CB.remindersOff;
    await ctx.deps.repos.pushes.setRemindersOff(ctx.user.id, off);
    ctx.log.info({ remindersOff: off }, 'reminder setting changed');
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(off ? ctx.t.reminders.offToast : ctx.t.reminders.onToast));
    // The reminder keeps its text; the button goes, and the answer says how to undo it.
    await optional(ctx.log, 'remove reminder button', () => ctx.editMessageReplyMarkup(undefined));
    return say(ctx, off ? ctx.t.reminders.turnedOff : ctx.t.reminders.turnedOn);
  });
  return feature;
}
