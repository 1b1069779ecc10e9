import { Composer, Markup } from 'telegraf';
import type { InlineQueryResult } from 'telegraf/types';
import { INLINE_PAGE_SIZE, nextInlineOffset, parseInlineOffset, SEARCH_RESULT_LIMIT, type CatalogProduct } from '../../domain/catalog.js';
import { parseSearchQuery, SEARCH_MAX_QUERY } from '../../domain/search.js';
import { formatRupiah } from '../../domain/money.js';
import { catalogStartHandler } from './catalog.js';
import { productButton, productDeepLink, productLineView, productView } from '../catalog-views.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { provinceName } from '../../views/presenters.js';
import { say } from '../reply.js';

/**
 * Telegram caches inline answers; short, because listings change during the
 * exhibition. Answers are per user (`is_personal`): they speak the user's language.
 */
const INLINE_CACHE_SECONDS = 30;

/**
 * /cari: full-text search over the active mission's products, best match
 * first, and the same search in inline mode (`@bot kopi` in any chat).
 */
export function createSearchFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('cari'), async (ctx) => {
    const typed = Array.from(ctx.payload.trim()).slice(0, SEARCH_MAX_QUERY).join('');
    const query = parseSearchQuery(typed);
    if (!query.ok && query.reason === 'empty') return say(ctx, ctx.t.search.usage);
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.search.noMission);
    if (!query.ok) return say(ctx, ctx.t.search.tooShort);
    const found = await ctx.deps.repos.catalog.search(mission.id, query.value, { offset: 0, limit: SEARCH_RESULT_LIMIT });
    if (found.items.length === 0) return say(ctx, ctx.t.search.none(typed));
    const top = found.items.map((result) => result.item);
    return say(
      ctx,
      ctx.t.search.results(typed, top.length, found.total, top.map((product, index) => productLineView(product, index + 1, ctx.lang))),
      Markup.inlineKeyboard(top.map((product, index) => [productButton(product, index + 1, 0)])),
    );
  });

  feature.on('inline_query', async (ctx) => {
    const offset = parseInlineOffset(ctx.inlineQuery.offset);
    const { items, more } = await inlineMatches(ctx, ctx.inlineQuery.query, offset);
    const results = items.map((product) => inlineResult(ctx, product));
    await ctx.answerInlineQuery(results, {
      cache_time: INLINE_CACHE_SECONDS,
      is_personal: true,
      next_offset: nextInlineOffset(offset, items.length, more),
      // Nothing found: a way into the bot, where the whole catalog is.
      ...(offset === 0 && items.length === 0 ? { button: { text: ctx.t.search.inlineNothingButton, start_parameter: catalogStartHandler.prefix } } : {}),
    });
  });

  return feature;
}

/** The products an inline query shows from `offset` (the newest for an empty query, else the best matches), and whether more follow. */
async function inlineMatches(ctx: BotContext, text: string, offset: number): Promise<{ items: CatalogProduct[]; more: boolean }> {
  const mission = await ctx.activeMission();
  if (!mission) return { items: [], more: false };
  if (text.trim() === '') {
    const newest = await ctx.deps.repos.catalog.newest(mission.id, offset, INLINE_PAGE_SIZE);
    return { items: newest.items, more: offset + newest.items.length < newest.total };
  }
  const query = parseSearchQuery(text);
  if (!query.ok) return { items: [], more: false };
  const found = await ctx.deps.repos.catalog.search(mission.id, query.value, { offset, limit: INLINE_PAGE_SIZE });
  return { items: found.items.map((result) => result.item), more: found.more };
}

/**
 * One product as an inline result: the photo (cached at Telegram, by its
 * file_id) with the card as caption, or an article with the card as text.
 * Its one button opens the card in a private chat with the bot.
 */
function inlineResult(ctx: BotContext, product: CatalogProduct): InlineQueryResult {
  const card = ctx.t.catalog.card(productView(product, ctx.t, ctx.lang));
  const keyboard = Markup.inlineKeyboard([Markup.button.url(ctx.t.search.openInBotButton, productDeepLink(ctx, product.id))]);
  const id = `p${product.id}`;
  const title = product.name;
  const description = ctx.t.search.inlineDescription(formatRupiah(product.price, ctx.lang), product.unit, product.exhibitorName, provinceName(product.province));
  if (product.photoFileId) {
    return { type: 'photo', id, photo_file_id: product.photoFileId, title, description, caption: card.value, parse_mode: 'HTML', ...keyboard };
  }
  return {
    type: 'article',
    id,
    title,
    description,
    input_message_content: { message_text: card.value, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    ...keyboard,
  };
}
