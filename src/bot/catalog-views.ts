import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { CATEGORY_EMOJI, isCategory } from '../domain/categories.js';
import { productStartPayload, truncateText, type CatalogProduct } from '../domain/catalog.js';
import type { InquiryRecord } from '../domain/inquiry.js';
import type { Lang } from '../domain/entities.js';
import { formatRupiah } from '../domain/money.js';
import { formatPhone } from '../domain/phone.js';
import type { Catalogue, SafeHtml } from '../i18n/index.js';
import type { ProductLineView, ProductView } from '../i18n/messages/catalog.js';
import type { ContactView, InquiryView } from '../i18n/messages/inquiries.js';
import { CB } from '../views/callback-data.js';
import type { BotContext } from './context.js';
import { provinceName } from '../views/presenters.js';
import { editTapped, say } from './reply.js';
import { classifyTelegramError, optional } from '../telegram/errors.js';

/** Catalog records to the views the catalogue words, and the keyboards around them. */

/** A description longer than this is cut on the card: a photo caption holds 1024 characters in all. */
const CARD_DESCRIPTION_MAX = 500;
/** Product names on buttons are cut here, so a keyboard row stays readable on a phone. */
const BUTTON_NAME_MAX = 40;

export function categoryLabel(category: string, t: Catalogue): string {
  return isCategory(category) ? `${CATEGORY_EMOJI[category]} ${t.categories[category]}` : category;
}

export function productView(product: CatalogProduct, t: Catalogue, lang: Lang): ProductView {
  return {
    name: product.name,
    price: formatRupiah(product.price, lang),
    unit: product.unit,
    minOrder: product.minOrder,
    category: categoryLabel(product.category, t),
    description: product.description ? truncateText(product.description, CARD_DESCRIPTION_MAX) : null,
    exhibitor: product.exhibitorName,
    province: provinceName(product.province),
    city: product.city,
    booth: product.booth,
  };
}

export function productLineView(product: CatalogProduct, number: number, lang: Lang): ProductLineView {
  return {
    number,
    name: product.name,
    price: formatRupiah(product.price, lang),
    unit: product.unit,
    exhibitor: product.exhibitorName,
    province: provinceName(product.province),
  };
}

/** A button that opens a product's card; `page` is the list page it came from (0: not from a list). */
export function productButton(product: CatalogProduct, number: number, page: number): InlineKeyboardButton {
  return Markup.button.callback(`${number}. ${truncateText(product.name, BUTTON_NAME_MAX)}`, `${CB.catalogProduct}${product.id}:${page}`);
}

/** `https://t.me/<bot>?start=p_<id>`: opens the product card in a private chat with the bot. */
export function productDeepLink(ctx: BotContext, productId: number): string {
  return `https://t.me/${ctx.botInfo.username}?start=${productStartPayload(productId)}`;
}

/**
 * The card's buttons. In a private chat "ask" starts the inquiry here; in a
 * group it links to the private chat, where a conversation with the seller belongs.
 */
export function cardKeyboard(ctx: BotContext, product: CatalogProduct, page: number, meet = false) {
  const ask =
    ctx.chat?.type === 'private'
      ? Markup.button.callback(ctx.t.catalog.askButton, `${CB.inquiryStart}${product.id}`)
      : Markup.button.url(ctx.t.catalog.askButton, productDeepLink(ctx, product.id));
  // "Ask to meet" only where a meeting can be booked: a private chat, and the mission has matching sessions.
  const meetRow = meet && ctx.chat?.type === 'private' ? [[Markup.button.callback(ctx.t.matching.meetButton, `${CB.meetExhibitor}${product.exhibitorId}`)]] : [];
  return Markup.inlineKeyboard([[ask], ...meetRow, [Markup.button.callback(ctx.t.catalog.backButton, `${CB.catalogList}${product.category}:${Math.max(page, 1)}`)]]);
}

type Keyboard = ReturnType<typeof Markup.inlineKeyboard>;

/**
 * Shows a screen of the catalog. `replace` puts it in place of the message
 * whose button was tapped, so paging never floods the chat; a photo message
 * cannot become text, so it is deleted and the screen sent anew.
 */
export async function showScreen(ctx: BotContext, text: SafeHtml, keyboard: Keyboard, how: 'new' | 'replace'): Promise<void> {
  const tapped = ctx.callbackQuery?.message;
  if (how === 'replace' && tapped && !('photo' in tapped)) return editTapped(ctx, text, keyboard);
  if (how === 'replace' && tapped) await optional(ctx.log, 'delete photo card', () => ctx.deleteMessage());
  await say(ctx, text, keyboard);
}

/**
 * Shows a product card: a photo with the card as its caption when the
 * product has one (the file_id Telegram gave the exhibitor), text otherwise.
 * A photo Telegram no longer knows falls back to the text card.
 */
export async function showProductCard(ctx: BotContext, product: CatalogProduct, how: 'new' | 'replace', page: number): Promise<void> {
  const text = ctx.t.catalog.card(productView(product, ctx.t, ctx.lang));
  const meet = product.ownerId !== ctx.user.id && (await ctx.deps.repos.matching.hasSession(product.missionId));
  const keyboard = cardKeyboard(ctx, product, page, meet);
  if (!product.photoFileId) return showScreen(ctx, text, keyboard, how);
  if (how === 'replace' && ctx.callbackQuery?.message) await optional(ctx.log, 'delete list', () => ctx.deleteMessage());
  try {
    await ctx.replyWithPhoto(product.photoFileId, { caption: text.value, parse_mode: 'HTML', ...keyboard });
  } catch (error) {
    if (classifyTelegramError(error).action !== 'give_up') throw error;
    ctx.log.warn({ productId: product.id }, 'product photo refused, showing the text card');
    await say(ctx, text, keyboard);
  }
}

export function inquiryView(inquiry: InquiryRecord): InquiryView {
  return {
    id: inquiry.id,
    product: inquiry.productName,
    exhibitor: inquiry.exhibitorName,
    quantity: inquiry.quantity === null ? null : `${inquiry.quantity} ${inquiry.unit}`,
    message: inquiry.message,
    buyer: inquiry.buyerName,
    status: inquiry.status,
  };
}

/** The seller as the buyer may reach them, once the inquiry is accepted. */
export function sellerContact(inquiry: InquiryRecord): ContactView {
  return {
    name: inquiry.ownerName,
    username: inquiry.ownerUsername,
    userId: inquiry.ownerId.toString(),
    phone: inquiry.exhibitorPhone === null ? null : formatPhone(inquiry.exhibitorPhone),
    booth: inquiry.exhibitorBooth,
  };
}

/** The buyer as the seller may reach them, once the inquiry is accepted. */
export function buyerContact(inquiry: InquiryRecord): ContactView {
  return { name: inquiry.buyerName, username: inquiry.buyerUsername, userId: inquiry.buyerId.toString(), phone: null };
}
