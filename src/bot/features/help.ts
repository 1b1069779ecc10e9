import { Composer, Markup } from 'telegraf';
import { CATALOGUES, LANGS, lines } from '../../i18n/index.js';
import type { Lang } from '../../domain/entities.js';
import { standingOf } from '../access.js';
import { CB, onButton } from '../../views/callback-data.js';
import { names, visibleCommands } from '../commands.js';
import type { BotContext } from '../context.js';
import { editTapped, say } from '../reply.js';
import { handleStartPayload } from '../start-payloads.js';

/** /start (deep-link payloads such as join_<code> go to their handlers), /bantuan and /bahasa. */
export function createHelpFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.start(async (ctx) => {
    if (ctx.payload && (await handleStartPayload(ctx, ctx.payload))) return;
    const mission = await ctx.activeMission();
    await say(ctx, ctx.t.start.welcome(ctx.user.firstName, mission?.name));
  });

  feature.command(names('bantuan'), async (ctx) => {
    const standing = await standingOf(ctx);
    const who = { official: standing.official, exhibitor: standing.exhibitor !== undefined };
    const commandLines = visibleCommands(who).map((command) =>
      ctx.t.help.line(command.id, command.en, ctx.t.commands[command.id]),
    );
    await say(
      ctx,
      lines([
        ctx.t.help.title,
        standing.official && ctx.t.help.roleOfficial,
        standing.exhibitor && ctx.t.help.roleExhibitor(standing.exhibitor.name),
        '',
        ...commandLines,
        '',
        standing.exhibitor && ctx.t.help.saleTip,
      ]),
    );
  });

  feature.command(names('bahasa'), async (ctx) => {
    const buttons = LANGS.map((lang) => Markup.button.callback(`${CATALOGUES[lang].language.flag} ${CATALOGUES[lang].language.name}`, CB.language + lang));
    await say(ctx, ctx.t.languagePick.ask, Markup.inlineKeyboard(buttons));
  });

  feature.action(onButton(CB.language, ['id', 'en']), async (ctx) => {
    const lang = ctx.match[1] as Lang;
    await ctx.deps.repos.users.setLanguage(ctx.user.id, lang);
    ctx.lang = lang;
    ctx.t = CATALOGUES[lang];
    await ctx.answerCbQuery();
    await editTapped(ctx, ctx.t.languagePick.changed);
  });

  return feature;
}
