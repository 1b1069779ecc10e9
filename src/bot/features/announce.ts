import { Composer, Markup, type Telegram } from 'telegraf';
import { MAX_ANNOUNCEMENT_LENGTH, announcementDedupeKey, announcementKeyPrefix, checkAnnouncementText, deliveryCount } from '../../domain/announcement.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { Catalogue } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import { requireOfficial } from '../access.js';
import { catalogueFor } from '../../views/admin-presenters.js';
import { CB, onButton } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { requireOfficialTap } from '../official-guard.js';
import { editTapped, say } from '../reply.js';
import { optional } from '../../telegram/errors.js';

// How often the delivery is looked at, and for how long (on the bot's clock) before reporting what is still queued.
const POLL_MS = 1_000;
const WATCH_MS = 3 * 60_000;
// However the clock behaves, stop looking after this many polls (about ten minutes of real time).
const MAX_POLLS = 600;

/**
 * /pengumuman <text>: an official writes to every exhibitor of the active
 * mission. The text is shown back with the number of recipients and sent
 * on one tap: queued in the outbox for each owner's private chat (one
 * transaction, keys announce:<id>:<user>), audited. The official then gets
 * the count delivered and failed once the sender has processed them, or
 * after three minutes what is still queued.
 */
export function createAnnounceFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('pengumuman'), requireOfficial, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const text = checkAnnouncementText(ctx.payload);
    if (!text.ok) return say(ctx, text.reason === 'too_long' ? ctx.t.announce.tooLong(MAX_ANNOUNCEMENT_LENGTH) : ctx.t.announce.usage);
    const recipients = await ctx.deps.repos.pushes.exhibitorOwners(mission.id);
    if (recipients.length === 0) return say(ctx, ctx.t.announce.noExhibitors(mission.name));
    const updateId = ctx.update.update_id;
    ctx.session.announceDraft = { updateId, missionId: mission.id, text: text.value };
    return say(
      ctx,
      ctx.t.announce.preview(mission.name, recipients.length, text.value),
      Markup.inlineKeyboard([
        Markup.button.callback(ctx.t.announce.sendButton, CB.announceSend + updateId),
        Markup.button.callback(ctx.t.common.cancelButton, CB.announceCancel + updateId),
      ]),
    );
  });

  feature.action(onButton(CB.announceSend, 'n'), requireOfficialTap, async (ctx) => {
    const updateId = Number(ctx.match[1]);
    const draft = ctx.session.announceDraft;
    // The update id of the /pengumuman message names the announcement: unique, and the same for a double tap.
    const prefix = announcementKeyPrefix(String(updateId));
    if (!draft || draft.updateId !== updateId) {
      const sent = (await ctx.deps.repos.pushes.deliveryOf(prefix)).length > 0;
      return ctx.answerCbQuery(sent ? ctx.t.announce.alreadySent : ctx.t.announce.expired);
    }
    delete ctx.session.announceDraft;
    const mission = await ctx.deps.repos.missions.findById(draft.missionId);
    if (!mission || mission.status !== 'ACTIVE') {
      await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
      return editTapped(ctx, ctx.t.missionAdmin.notActive);
    }
    const recipients = await ctx.deps.repos.pushes.exhibitorOwners(mission.id);
    const queued = await ctx.deps.repos.pushes.enqueueAll(
      recipients.map((recipient) => ({
        chatId: recipient.user.id,
        purpose: 'announcement' as const,
        method: 'sendMessage' as const,
        payload: { text: catalogueFor(recipient.user).announce.message(mission.name, draft.text).value, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
        dedupeKey: announcementDedupeKey(String(updateId), recipient.user.id),
      })),
      {
        actorId: ctx.user.id,
        action: 'announcement.send',
        entity: 'Mission',
        entityId: mission.id,
        after: { announcementId: String(updateId), text: draft.text, recipients: recipients.length },
      },
    );
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    await editTapped(ctx, ctx.t.announce.preview(mission.name, recipients.length, draft.text));
    if (queued === 0) return; // A second tap raced the first: the first one queued and reports.
    ctx.log.info({ missionId: mission.id, queued }, 'announcement queued');
    await say(ctx, ctx.t.announce.queued(queued));
    if (ctx.chat) {
      watchDelivery({ telegram: ctx.telegram, chatId: ctx.chat.id, prefix, t: ctx.t, repos: ctx.deps.repos, now: ctx.deps.now, log: ctx.log });
    }
  });

  feature.action(onButton(CB.announceCancel, 'n'), requireOfficialTap, async (ctx) => {
    const updateId = Number(ctx.match[1]);
    if (ctx.session.announceDraft?.updateId === updateId) delete ctx.session.announceDraft;
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    const sent = await ctx.deps.repos.pushes.deliveryOf(announcementKeyPrefix(String(updateId)));
    if (sent.length > 0) return; // Cancel tapped after send: the announcement stands.
    return editTapped(ctx, ctx.t.announce.cancelled);
  });
  return feature;
}

interface Watch {
  telegram: Telegram;
  chatId: number;
  prefix: string;
  t: Catalogue;
  repos: Repositories;
  now: () => Date;
  log: Logger;
}

/**
 * Looks at the announcement's outbox rows every second, off the update
 * handler, and reports to the official once none is waiting any more, or
 * after WATCH_MS on the bot's clock with what is still queued (the sender
 * may not be running). The report is a direct reply to the official's own
 * command, not a push through the outbox: when the outbox is stuck, this is
 * the message that must still arrive.
 */
function watchDelivery(watch: Watch): void {
  const started = watch.now().getTime();
  let polls = 0;
  const poll = async (): Promise<void> => {
    polls++;
    try {
      const count = deliveryCount(await watch.repos.pushes.deliveryOf(watch.prefix));
      const elapsed = watch.now().getTime() - started;
      if (!count.done && elapsed < WATCH_MS && polls < MAX_POLLS) {
        setTimeout(() => void poll(), POLL_MS).unref();
        return;
      }
      const view = { ...count, minutes: Math.max(1, Math.round(elapsed / 60_000)) };
      const message = count.done ? watch.t.announce.done(view) : watch.t.announce.stillQueued(view);
      await optional(watch.log, 'announcement report', () =>
        watch.telegram.sendMessage(watch.chatId, message.value, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } }),
      );
    } catch (error) {
      // The database closed under us (the bot is stopping): nothing left to report to.
      watch.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'announcement watch ended');
    }
  };
  setTimeout(() => void poll(), POLL_MS).unref();
}
