import { Composer, Markup } from 'telegraf';
import { isCategory, matchCategory } from '../../domain/categories.js';
import { CATALOG_PAGE_SIZE, isAvailable, parseProductId, PRODUCT_START_PREFIX, type CatalogProduct } from '../../domain/catalog.js';
import type { Mission } from '../../domain/entities.js';
import { CB, onButton } from '../../views/callback-data.js';
import { categoryLabel, productButton, productLineView, showProductCard, showScreen } from '../catalog-views.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { say } from '../reply.js';
import type { StartPayloadHandler } from '../start-payloads.js';
import { optional } from '../../telegram/errors.js';

/**
 * /katalog: the shelves of the active mission with their counts, a page of
 * eight products per shelf (previous/next edit the same message), and the
 * product card with the button to ask the seller. Everyone may browse.
 */
export function createCatalogFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('katalog'), async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    // `/katalog makanan` (or `food`, `rokok`) opens that shelf right away.
    const category = ctx.payload.trim() === '' ? undefined : matchCategory(ctx.payload);
    if (category) return showList(ctx, mission, category, 1, 'new');
    return showCategories(ctx, mission, 'new');
  });

  feature.action(CB.catalogHome, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return ctx.answerCbQuery(ctx.t.common.staleButton);
    await ctx.answerCbQuery();
    return showCategories(ctx, mission, 'replace');
  });

  feature.action(onButton(CB.catalogList, 'w', 'n'), async (ctx) => {
    const [, category = '', page = '1'] = ctx.match;
    const mission = await ctx.activeMission();
    if (!mission || !isCategory(category)) return ctx.answerCbQuery(ctx.t.common.staleButton);
    return showList(ctx, mission, category, Number(page), 'replace');
  });

  feature.action(onButton(CB.catalogProduct, 'n', 'n'), async (ctx) => {
    const product = await availableProduct(ctx, Number(ctx.match[1]));
    if (!product) return ctx.answerCbQuery(ctx.t.catalog.productGone);
    await ctx.answerCbQuery();
    const page = Number(ctx.match[2]);
    // From a list the card takes the list's place; from search results it comes as a new message.
    if (page > 0) return showProductCard(ctx, product, 'replace', page);
    return showProductCard(ctx, product, 'new', await ctx.deps.repos.catalog.pageOfProduct(product));
  });

  return feature;
}

/** `/start p_<id>`: the deep link of inline results and shared cards opens the product card. */
export const productStartHandler: StartPayloadHandler = {
  prefix: PRODUCT_START_PREFIX,
  async handle(ctx, rest) {
    const id = parseProductId(rest);
    const product = id === undefined ? undefined : await availableProduct(ctx, id);
    if (!product) return say(ctx, ctx.t.catalog.productGoneText);
    return showProductCard(ctx, product, 'new', await ctx.deps.repos.catalog.pageOfProduct(product));
  },
};

/** `/start katalog`: where inline mode sends a buyer who found nothing. */
export const catalogStartHandler: StartPayloadHandler = {
  prefix: 'katalog',
  async handle(ctx) {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    return showCategories(ctx, mission, 'new');
  },
};

/** A product buyers may see now: listed, in the active mission. */
async function availableProduct(ctx: BotContext, id: number): Promise<CatalogProduct | undefined> {
  const [product, mission] = await Promise.all([ctx.deps.repos.catalog.findProduct(id), ctx.activeMission()]);
  if (!product || !isAvailable(product) || product.missionId !== mission?.id) return undefined;
  return product;
}

async function showCategories(ctx: BotContext, mission: Mission, how: 'new' | 'replace'): Promise<void> {
  const counts = await ctx.deps.repos.catalog.categoryCounts(mission.id);
  const total = counts.reduce((sum, shelf) => sum + shelf.count, 0);
  const buttons = counts.map((shelf) =>
    Markup.button.callback(ctx.t.catalog.categoryButton(categoryLabel(shelf.category, ctx.t), shelf.count), `${CB.catalogList}${shelf.category}:1`),
  );
  const rows = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  const text = total === 0 ? ctx.t.catalog.empty(mission.name) : ctx.t.catalog.categories(mission.name, total);
  await showScreen(ctx, text, Markup.inlineKeyboard(rows), how);
}

/**
 * A page of a shelf. A page that no longer exists (a stale or forged
 * button) shows the nearest one and says so; an emptied shelf goes back to
 * the shelves.
 */
async function showList(ctx: BotContext, mission: Mission, category: string, requested: number, how: 'new' | 'replace'): Promise<void> {
  const { items, total, spec } = await ctx.deps.repos.catalog.page(mission.id, category, requested);
  if (total === 0) {
    if (ctx.callbackQuery) await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(ctx.t.catalog.categoryEmpty));
    return showCategories(ctx, mission, how);
  }
  if (ctx.callbackQuery) {
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(spec.clamped ? ctx.t.catalog.pageGone(requested, spec.page) : undefined));
  }
  const first = (spec.page - 1) * CATALOG_PAGE_SIZE + 1;
  const lines = items.map((product, index) => productLineView(product, first + index, ctx.lang));
  const rows = items.map((product, index) => [productButton(product, first + index, spec.page)]);
  const nav = [];
  if (spec.page > 1) nav.push(Markup.button.callback(ctx.t.catalog.prevButton, `${CB.catalogList}${category}:${spec.page - 1}`));
  if (spec.page < spec.pages) nav.push(Markup.button.callback(ctx.t.catalog.nextButton, `${CB.catalogList}${category}:${spec.page + 1}`));
  if (nav.length > 0) rows.push(nav);
  rows.push([Markup.button.callback(ctx.t.catalog.categoriesButton, CB.catalogHome)]);
  await showScreen(ctx, ctx.t.catalog.page(categoryLabel(category, ctx.t), spec.page, spec.pages, total, lines), Markup.inlineKeyboard(rows), how);
}
