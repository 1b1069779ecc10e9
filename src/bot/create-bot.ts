import { Context, Scenes, Telegraf, Telegram, session, type MiddlewareFn } from 'telegraf';
import { catalogue, resolveLang } from '../i18n/index.js';
import type { Mission } from '../domain/entities.js';
import { COMMANDS } from './commands.js';
import type { BotContext, BotDeps, BotSession } from './context.js';
import { createFeatures, createScenes } from './features/index.js';
import { wizardGuard } from './wizard.js';
import { describeError, optional } from '../telegram/errors.js';
import { guardCalls } from '../telegram/calls.js';
import { say } from './reply.js';
import { trackChats } from './features/subscriptions.js';
import { createFallbackFeature, declineInlineButtons, dropNulCharacters } from './features/fallback.js';

export interface BotOptions {
  token: string;
  /** Any Bot API server: Telegram's, a local one, or the simulator. */
  apiRoot: string;
}

/**
 * Builds the bot: middlewares, then one composer per feature. Nothing starts
 * here; main.ts (or a test) launches it.
 */
export function createBot(options: BotOptions, deps: BotDeps): Telegraf<BotContext> {
  const bot = new Telegraf<BotContext>(options.token, {
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
    // Bot API calls end within their own budget (telegram-calls.ts); this only catches a handler stuck elsewhere.
    handlerTimeout: 90_000,
    // Each update's Telegram client gets the deadline and retry policy of telegram-calls.ts.
    contextType: guardedContext(deps) as unknown as new (...args: ConstructorParameters<typeof Context>) => BotContext,
  });

  bot.use(contextMiddleware(deps));
  // Before the session: a button on an inline message belongs to no chat.
  bot.use(declineInlineButtons);
  bot.use(dropNulCharacters);
  // Which chats are reachable, for the outbox: before any feature can end the update.
  bot.use(trackChats);
  bot.use(
    session<BotSession, BotContext, 'session'>({
      store: deps.repos.sessions,
      defaultSession: () => ({}),
    }),
  );
  bot.use(wizardGuard);
  bot.use(new Scenes.Stage<BotContext>(createScenes()).middleware());
  for (const feature of createFeatures()) bot.use(feature);
  bot.use(createFallbackFeature());

  bot.catch(async (error, ctx) => {
    // Cut short by a stop: the update is handed back and handled again after the restart; nobody is told it failed.
    if (deps.calls?.stopSignal?.aborted) {
      ctx.log.warn({ err: describeError(error) }, 'update interrupted by stop');
      return;
    }
    ctx.log.error({ err: describeError(error), stack: error instanceof Error ? error.stack : undefined }, 'update failed');
    deps.events.updateFailed?.(ctx.update.update_id);
    // Not before the context middleware ran (ctx.t is its work).
    if (ctx.chat && ctx.t) await optional(ctx.log, 'reply error', () => say(ctx, ctx.t.common.error));
  });
  return bot;
}

/**
 * A client for the calls the bot makes at start (getMe, the command menu,
 * the webhook): the same deadline and retries as handlers get, so a hung
 * Bot API server cannot hold the start forever. The poller and the outbox
 * keep the raw client: they have policies of their own.
 */
export function startupTelegram(bot: Telegraf<BotContext>, deps: BotDeps): Telegram {
  return guardCalls(new Telegram(bot.telegram.token, bot.telegram.options), deps.logger, deps.calls);
}

/** The context class of every update: its Telegram client has deadlines and retries on every call. */
function guardedContext(deps: BotDeps) {
  return class GuardedContext extends Context {
    constructor(...args: ConstructorParameters<typeof Context>) {
      const [update, telegram, botInfo] = args;
      super(update, guardCalls(telegram, deps.logger, deps.calls), botInfo);
    }
  };
}

/** Per update: a child logger carrying update_id, the user (kept current in the database), language and catalogue. */
function contextMiddleware(deps: BotDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    // Channel posts and service updates without a sender are not for this bot.
    if (!ctx.from) return;
    ctx.user = await deps.repos.users.upsert(ctx.from);
    ctx.lang = resolveLang(ctx.user.language, ctx.from.language_code);
    ctx.t = catalogue(ctx.lang);
    let mission: Promise<Mission | undefined> | undefined;
    ctx.activeMission = () => (mission ??= deps.repos.missions.findActive());
    return next();
  };
}

/**
 * Publishes the command menu in both languages. Optional: a Bot API server
 * that refuses it must not stop the bot.
 */
export async function publishCommands(telegram: Telegram, deps: BotDeps): Promise<void> {
  const menu = COMMANDS.filter((command) => command.audience !== 'official' && command.id !== 'start');
  await optional(deps.logger, 'setMyCommands id', () =>
    telegram.setMyCommands(menu.map((command) => ({ command: command.id, description: catalogue('id').commands[command.id] }))),
  );
  await optional(deps.logger, 'setMyCommands en', () =>
    telegram.setMyCommands(
      menu.map((command) => ({ command: command.en, description: catalogue('en').commands[command.id] })),
      { language_code: 'en' },
    ),
  );
}
