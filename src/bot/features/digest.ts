import { Composer } from 'telegraf';
import { composeDigest, digestMessages } from '../../jobs/digest-content.js';
import { toApiParams } from '../../jobs/outbox-sender.js';
import { requireOfficial } from '../access.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { say } from '../reply.js';
import { boardLink } from '../../views/board-link.js';
import { optional } from '../../telegram/errors.js';

/**
 * /ringkasan: the active mission's digest (chart and figures) now, in the
 * chat that asked, group or private. An answer to a command, so it is sent
 * directly rather than through the outbox, and it is not the day's digest:
 * the daily one still comes at its time.
 */
export function createDigestFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('ringkasan'), requireOfficial, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    // The chat action's round trip to Telegram and the board's link are
    // awaited alongside the figures and the chart rather than before and
    // after them; the chat action still goes out first, the digest after all three.
    const [, content, boardUrl] = await Promise.all([
      optional(ctx.log, 'sendChatAction', () => ctx.sendChatAction('upload_photo')),
      composeDigest(ctx.deps.repos, mission, ctx.deps.now(), ctx.lang, ctx.log),
      boardLink(ctx.deps.repos, mission, ctx.deps.publicUrl),
    ]);
    const button = boardUrl ? { text: ctx.t.board.openButton, url: boardUrl } : undefined;
    for (const message of digestMessages(content, BigInt(ctx.chat.id), 'digest', undefined, button)) {
      await ctx.telegram.callApi(message.method, toApiParams(message.method, message.payload, ctx.chat.id) as never);
    }
  });

  return feature;
}
