import { Composer, Markup, Scenes } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { isCategory } from '../../domain/categories.js';
import type { Exhibitor } from '../../domain/entities.js';
import { formatRupiah } from '../../domain/money.js';
import {
  COMMON_UNITS,
  pageOf,
  validateProductField,
  type Product,
  type ProductField,
  type ProductPatch,
} from '../../domain/product.js';
import { lines, type SafeHtml } from '../../i18n/index.js';
import { requirePrivateChat, standingOf } from '../access.js';
import { CB, SCENE, onButton } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import {
  ackTap,
  cancelOnlyKeyboard,
  categoryKeyboard,
  categoryLabel,
  clearTappedButtons,
  optionKeyboard,
  peekInput,
  productView,
  refusal,
  sendCard,
  showInPlace,
  unitKeyboard,
} from '../product-ui.js';
import { say } from '../reply.js';
import { tappedArgs } from '../wizard.js';

/** Products per page of /produkku: short enough for a phone screen, far below Telegram's 100 buttons. */
const PAGE_SIZE = 8;
/** Button labels are cut here so a long product name does not push the keyboard off screen. */
const BUTTON_NAME_MAX = 32;

/** One letter per field in callback data (`pm:ed:p:42`), keeping it far below 64 bytes. */
const FIELD_CODES: Readonly<Record<ProductField, string>> = {
  name: 'n',
  price: 'p',
  category: 'c',
  unit: 'u',
  minOrder: 'm',
  description: 'd',
  photo: 'f',
};
const FIELD_BY_CODE = new Map(Object.entries(FIELD_CODES).map(([field, code]) => [code, field as ProductField]));

/** Which product and field the edit scene is asking for; lives in the database session, so it survives a restart. */
interface EditState {
  productId: number;
  exhibitorId: number;
  field: ProductField;
}

const editStateOf = (ctx: BotContext) => ctx.wizard.state as EditState;

/**
 * /produkku: an exhibitor's own listings, a card per product with buttons to
 * edit each field, deactivate or reactivate. Every button carries only a
 * product id; the owner is checked on every tap, so a forged id changes nothing.
 */
export function createMyProductsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('produkku'), requirePrivateChat, async (ctx) => {
    const exhibitor = await exhibitorOrRefuse(ctx);
    if (!exhibitor) return;
    const list = await listMessage(ctx, exhibitor, 0);
    return say(ctx, list.text, list.keyboard);
  });

  feature.action(onButton(CB.myProductsPage, 'n'), async (ctx) => {
    const exhibitor = await exhibitorOrRefuse(ctx);
    if (!exhibitor) return;
    await ackTap(ctx);
    const list = await listMessage(ctx, exhibitor, Number(ctx.match[1]));
    return showInPlace(ctx, list.text, null, list.keyboard);
  });

  feature.action(onButton(CB.myProductOpen, 'n'), async (ctx) => {
    const owned = await ownProductOrRefuse(ctx, Number(ctx.match[1]));
    if (!owned) return;
    await ackTap(ctx);
    return showCard(ctx, owned.product, 'in_place');
  });

  feature.action(onButton(CB.myProductEdit, 'w', 'n'), async (ctx) => {
    const field = FIELD_BY_CODE.get(ctx.match[1] ?? '');
    if (!field) return ackTap(ctx, ctx.t.common.staleButton);
    const owned = await ownProductOrRefuse(ctx, Number(ctx.match[2]));
    if (!owned) return;
    await ackTap(ctx);
    return ctx.scene.enter(SCENE.productEdit, { productId: owned.product.id, exhibitorId: owned.exhibitor.id, field } satisfies EditState);
  });

  feature.action(onButton(CB.myProductActive, ['0', '1'], 'n'), async (ctx) => {
    const active = ctx.match[1] === '1';
    const owned = await ownProductOrRefuse(ctx, Number(ctx.match[2]));
    if (!owned) return;
    const result = await ctx.deps.repos.products.setActive(owned.product.id, owned.exhibitor.id, active, ctx.user.id);
    if (!result.ok) return ackTap(ctx, ctx.t.products.notFound);
    const t = ctx.t.products;
    await ackTap(ctx, result.changed ? (active ? t.reactivated : t.deactivated) : active ? t.alreadyActive : t.alreadyInactive);
    if (result.changed) ctx.log.info({ productId: result.after.id, active }, 'product active flag changed');
    return showCard(ctx, result.after, 'in_place');
  });

  return feature;
}

/**
 * Asks for one field of one product, validates it exactly as the new-product
 * wizard does, saves it with an audit entry, and shows the card again.
 */
export function createProductEditScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.productEdit,
    async (ctx) => {
      const state = editStateOf(ctx);
      const product = await ctx.deps.repos.products.findById(state.productId);
      if (!product || product.exhibitorId !== state.exhibitorId) {
        await say(ctx, ctx.t.products.goneWhileEditing);
        return ctx.scene.leave();
      }
      await askField(ctx, product, state.field);
      return ctx.wizard.next();
    },
    async (ctx, next) => {
      const state = editStateOf(ctx);
      const input = peekInput(ctx);
      // Another /produkku button (a second card, the list): leave this question and let the feature handle the tap.
      if (input.type === 'button' && !isEditAnswerButton(input.data)) {
        await ctx.scene.leave();
        return next();
      }
      await ackTap(ctx);
      const patch = await readFieldAnswer(ctx, state.field);
      if (!patch) return;
      await ctx.scene.leave();
      if (input.type === 'button') await clearTappedButtons(ctx);
      const result = await ctx.deps.repos.products.update(state.productId, state.exhibitorId, patch, ctx.user.id);
      if (!result.ok) return say(ctx, ctx.t.products.goneWhileEditing);
      if (result.changed) ctx.log.info({ productId: state.productId, field: state.field }, 'product edited');
      const note = result.changed ? ctx.t.products.updated(ctx.t.products.fields[state.field]) : ctx.t.products.unchanged;
      return showCard(ctx, result.after, 'new', note);
    },
  );
}

/** The buttons an edit question offers; any other tap is not an answer to it. */
function isEditAnswerButton(data: string): boolean {
  return [CB.productCategory, CB.productUnit].some((prefix) => data.startsWith(prefix)) || data === CB.productMinOne || data === CB.productClear;
}

async function askField(ctx: BotContext, product: Product, field: ProductField): Promise<void> {
  const t = ctx.t.products;
  switch (field) {
    case 'name':
      return void (await say(ctx, t.editAsk.name(product.name), cancelOnlyKeyboard(ctx)));
    case 'price':
      return void (await say(ctx, lines([t.editAsk.price(formatRupiah(product.price, ctx.lang)), ctx.t.money.examples]), cancelOnlyKeyboard(ctx)));
    case 'category':
      return void (await say(ctx, t.editAsk.category(categoryLabel(product.category, ctx.t)), categoryKeyboard(ctx, product.category)));
    case 'unit':
      return void (await say(ctx, t.editAsk.unit(product.unit), unitKeyboard(ctx, product.unit)));
    case 'minOrder':
      return void (await say(
        ctx,
        t.editAsk.minOrder(`${product.minOrder} ${product.unit}`),
        product.minOrder === 1 ? cancelOnlyKeyboard(ctx) : optionKeyboard(ctx, t.minOrderOne(product.unit), CB.productMinOne),
      ));
    case 'description':
      return void (await say(
        ctx,
        t.editAsk.description(product.description ?? '—'),
        product.description === null ? cancelOnlyKeyboard(ctx) : optionKeyboard(ctx, t.clearDescriptionButton, CB.productClear),
      ));
    case 'photo':
      return void (await say(
        ctx,
        t.editAsk.photo(product.photoFileId !== null),
        product.photoFileId === null ? cancelOnlyKeyboard(ctx) : optionKeyboard(ctx, t.clearPhotoButton, CB.productClear),
      ));
  }
}

/** The answer to an edit question as a patch, or undefined after telling the user what is wrong. */
async function readFieldAnswer(ctx: BotContext, field: ProductField): Promise<ProductPatch | undefined> {
  const input = peekInput(ctx);
  if (field === 'photo') {
    if (input.type === 'photo') return { photoFileId: input.fileId };
    if (input.type === 'button' && input.data === CB.productClear) return { photoFileId: null };
    await say(ctx, ctx.t.products.editPhotoExpected);
    return undefined;
  }
  if (input.type === 'button') {
    const { data } = input;
    const category = field === 'category' ? tappedArgs(input, CB.productCategory, 'w')?.[1] : undefined;
    if (category !== undefined && isCategory(category)) return { category };
    const unit = field === 'unit' ? tappedArgs(input, CB.productUnit, COMMON_UNITS)?.[1] : undefined;
    if (unit !== undefined) return { unit };
    if (field === 'minOrder' && data === CB.productMinOne) return { minOrder: 1 };
    if (field === 'description' && data === CB.productClear) return { description: null };
    await say(ctx, ctx.t.common.staleButtonHint);
    return undefined;
  }
  if (input.type !== 'text') {
    await say(ctx, field === 'category' ? ctx.t.products.badCategory : ctx.t.common.textExpected);
    return undefined;
  }
  const result = validateProductField(field, input.text);
  if (!result.ok) {
    await say(ctx, refusal(ctx, result.failure, input.text));
    return undefined;
  }
  return result.patch;
}

/** The active mission's exhibitor of this user, or a polite refusal (a tap is answered too). */
async function exhibitorOrRefuse(ctx: BotContext): Promise<Exhibitor | undefined> {
  const standing = await standingOf(ctx);
  if (standing.exhibitor) return standing.exhibitor;
  await ackTap(ctx);
  await say(ctx, standing.mission ? ctx.t.common.exhibitorOnly : ctx.t.common.noActiveMission);
  return undefined;
}

/**
 * The product behind a button, if it belongs to this user's business. A tap
 * on someone else's product (a forged or mistaken callback) is refused with a
 * toast and changes nothing.
 */
async function ownProductOrRefuse(ctx: BotContext, productId: number): Promise<{ exhibitor: Exhibitor; product: Product } | undefined> {
  const exhibitor = await exhibitorOrRefuse(ctx);
  if (!exhibitor) return undefined;
  const product = await ctx.deps.repos.products.findById(productId);
  if (!product) {
    await ackTap(ctx, ctx.t.products.notFound);
    return undefined;
  }
  if (product.exhibitorId !== exhibitor.id) {
    ctx.log.warn({ productId, exhibitorId: exhibitor.id }, 'refused a product button of another business');
    await ackTap(ctx, ctx.t.products.notYours);
    return undefined;
  }
  return { exhibitor, product };
}

async function listMessage(ctx: BotContext, exhibitor: Exhibitor, requestedPage: number) {
  const products = await ctx.deps.repos.products.listByExhibitor(exhibitor.id);
  const t = ctx.t.products;
  if (products.length === 0) {
    return { text: lines([t.listTitle(exhibitor.name, 0), '', t.listEmpty]), keyboard: {} };
  }
  const page = pageOf(products.length, requestedPage, PAGE_SIZE);
  const shown = products.slice(page.start, page.end);
  const text = lines([
    t.listTitle(exhibitor.name, products.length),
    '',
    ...shown.map((product, i) => t.listLine(page.start + i + 1, productView(product, ctx.t, ctx.lang))),
    '',
    page.pages > 1 && t.page(page.page + 1, page.pages),
    t.listHint,
  ]);
  const rows: InlineKeyboardButton[][] = shown.map((product, i) => [
    Markup.button.callback(`${page.start + i + 1}. ${product.active ? '' : '⏸ '}${shorten(product.name)}`, CB.myProductOpen + product.id),
  ]);
  const nav: InlineKeyboardButton[] = [];
  if (page.page > 0) nav.push(Markup.button.callback(t.prevButton, CB.myProductsPage + (page.page - 1)));
  if (page.page < page.pages - 1) nav.push(Markup.button.callback(t.nextButton, CB.myProductsPage + (page.page + 1)));
  if (nav.length > 0) rows.push(nav);
  return { text, keyboard: Markup.inlineKeyboard(rows) };
}

function shorten(name: string): string {
  const chars = Array.from(name);
  return chars.length <= BUTTON_NAME_MAX ? name : `${chars.slice(0, BUTTON_NAME_MAX - 1).join('')}…`;
}

/** A product's card with its buttons: in place of the tapped message, or as a new message after a typed edit. */
async function showCard(ctx: BotContext, product: Product, how: 'in_place' | 'new', note?: SafeHtml): Promise<void> {
  const t = ctx.t.products;
  const products = await ctx.deps.repos.products.listByExhibitor(product.exhibitorId);
  const index = products.findIndex((p) => p.id === product.id);
  const backPage = Math.max(0, Math.floor(index / PAGE_SIZE));
  const edit = (field: ProductField) => Markup.button.callback(t.editButtons[field], `${CB.myProductEdit}${FIELD_CODES[field]}:${product.id}`);
  const keyboard = Markup.inlineKeyboard([
    [edit('name'), edit('price')],
    [edit('category'), edit('unit')],
    [edit('minOrder'), edit('description')],
    [
      edit('photo'),
      product.active
        ? Markup.button.callback(t.deactivateButton, `${CB.myProductActive}0:${product.id}`)
        : Markup.button.callback(t.reactivateButton, `${CB.myProductActive}1:${product.id}`),
    ],
    [Markup.button.callback(t.backButton, CB.myProductsPage + backPage)],
  ]);
  const text = note ? lines([note, '', t.card(productView(product, ctx.t, ctx.lang))]) : t.card(productView(product, ctx.t, ctx.lang));
  if (how === 'in_place') return showInPlace(ctx, text, product.photoFileId, keyboard);
  return sendCard(ctx, text, product.photoFileId, keyboard);
}
