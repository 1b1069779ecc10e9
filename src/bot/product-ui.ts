import { Markup } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { CATEGORIES, CATEGORY_EMOJI, type Category } from '../domain/categories.js';
import type { Lang } from '../domain/entities.js';
import { formatRupiah } from '../domain/money.js';
import { COMMON_UNITS, largestPhoto, type FieldFailure, type ProductInput } from '../domain/product.js';
import { lines, type Catalogue, type SafeHtml } from '../i18n/index.js';
import type { ProductView } from '../i18n/messages/products.js';
import { CB } from '../views/callback-data.js';
import { amountReason } from './amount-reason.js';
import type { BotContext } from './context.js';
import { editOrSend, editTapped, say } from './reply.js';
import { optional } from '../telegram/errors.js';

/**
 * Keyboards, views and replies the new-product wizard and the /produkku
 * edits share, so a field is asked, refused and shown the same way in both.
 */

/** A category as a person reads it: emoji and label in their language. */
export function categoryLabel(category: Category, t: Catalogue): string {
  return `${CATEGORY_EMOJI[category]} ${t.categories[category]}`;
}

/** A product (or the wizard's answers) as the catalogue prints it, in the user's language. */
export function productView(product: ProductInput & { active?: boolean }, t: Catalogue, lang: Lang): ProductView {
  return {
    name: product.name,
    category: categoryLabel(product.category, t),
    price: formatRupiah(product.price, lang),
    unit: product.unit,
    minOrder: product.minOrder,
    description: product.description,
    hasPhoto: product.photoFileId !== null,
    active: product.active ?? true,
  };
}

const cancelButton = (ctx: BotContext) => Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel);

/** The six categories, two a row, the suggested one ticked, then cancel. */
export function categoryKeyboard(ctx: BotContext, marked: Category | undefined): Markup.Markup<InlineKeyboardMarkup> {
  const buttons = CATEGORIES.map((category) =>
    Markup.button.callback(`${category === marked ? '✅ ' : ''}${categoryLabel(category, ctx.t)}`, CB.productCategory + category),
  );
  return Markup.inlineKeyboard([buttons.slice(0, 2), buttons.slice(2, 4), buttons.slice(4, 6), [cancelButton(ctx)]]);
}

/** The common units, four a row (the current one ticked when editing), then cancel. */
export function unitKeyboard(ctx: BotContext, marked: string | undefined): Markup.Markup<InlineKeyboardMarkup> {
  const buttons = COMMON_UNITS.map((unit) => Markup.button.callback(unit === marked ? `✅ ${unit}` : unit, CB.productUnit + unit));
  return Markup.inlineKeyboard([buttons.slice(0, 4), buttons.slice(4, 8), [cancelButton(ctx)]]);
}

/** One extra button (skip, "1 pcs", remove) next to cancel. */
export function optionKeyboard(ctx: BotContext, label: string, data: string): Markup.Markup<InlineKeyboardMarkup> {
  return Markup.inlineKeyboard([Markup.button.callback(label, data), cancelButton(ctx)]);
}

/** Just the cancel button, for questions answered by typing. */
export function cancelOnlyKeyboard(ctx: BotContext): Markup.Markup<InlineKeyboardMarkup> {
  return Markup.inlineKeyboard([cancelButton(ctx)]);
}

/** The catalogue's answer to a refused field; price reasons are worded by the money errors. */
export function refusal(ctx: BotContext, failure: FieldFailure, typed = ''): SafeHtml {
  switch (failure.field) {
    case 'price':
      return lines([ctx.t.products.badPrice(amountReason(ctx, typed, failure.reason)), ctx.t.money.examples]);
    case 'category':
      return ctx.t.products.badCategory;
    case 'name':
      return ctx.t.products.errors.name[failure.reason];
    case 'unit':
      return ctx.t.products.errors.unit[failure.reason];
    case 'minOrder':
      return ctx.t.products.errors.minOrder[failure.reason];
    case 'description':
      return ctx.t.products.errors.description[failure.reason];
  }
}

/** What a step received, read without answering a tap yet (the caller may pass the tap on). */
export type ProductInputEvent =
  | { type: 'text'; text: string }
  | { type: 'button'; data: string }
  | { type: 'photo'; fileId: string }
  | { type: 'other' };

/**
 * Reads the answer to a question without acknowledging a tap, so a step can
 * hand a tap that is not its own on to the feature that owns the button. A
 * photo is read as its largest size.
 */
export function peekInput(ctx: BotContext): ProductInputEvent {
  if (ctx.callbackQuery) return 'data' in ctx.callbackQuery ? { type: 'button', data: ctx.callbackQuery.data } : { type: 'other' };
  const message = ctx.message;
  if (message && 'text' in message) return { type: 'text', text: message.text.trim() };
  if (message && 'photo' in message) {
    const fileId = largestPhoto(message.photo);
    if (fileId) return { type: 'photo', fileId };
  }
  return { type: 'other' };
}

/** Stops the phone's spinner after a tap; harmless when the query is already answered or old. */
export async function ackTap(ctx: BotContext, text?: string): Promise<void> {
  if (ctx.callbackQuery) await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery(text));
}

/** Takes the buttons off the message a button was tapped on, so an answered question cannot be answered again. */
export async function clearTappedButtons(ctx: BotContext): Promise<void> {
  if (ctx.callbackQuery?.message) await optional(ctx.log, 'remove buttons', () => ctx.editMessageReplyMarkup(undefined));
}

/** Inline buttons for a message, or none (`{}`: an edit without them takes the old ones away). */
type Keyboard = { reply_markup?: InlineKeyboardMarkup };

/** Sends a card: a photo with the text as its caption when there is a photo, a text message otherwise. */
export async function sendCard(ctx: BotContext, text: SafeHtml, photoFileId: string | null, keyboard: Keyboard): Promise<void> {
  if (photoFileId) await ctx.replyWithPhoto(photoFileId, { caption: text.value, parse_mode: 'HTML', ...keyboard });
  else await say(ctx, text, keyboard);
}

/**
 * Shows a card or a list in answer to a tap: edits the tapped message in place
 * when it can (text to text, photo to photo), else sends a new message and
 * takes the old one's buttons away. Telegram cannot turn a text message into
 * a photo by an edit of its text.
 */
export async function showInPlace(ctx: BotContext, text: SafeHtml, photoFileId: string | null, keyboard: Keyboard): Promise<void> {
  const tapped = ctx.callbackQuery?.message;
  const tappedPhoto = tapped !== undefined && 'photo' in tapped ? largestPhoto(tapped.photo) : undefined;
  if (tapped && !tappedPhoto && !photoFileId) return editTapped(ctx, text, keyboard);
  // The same photo: only the caption changes. A replaced photo needs a new message (no editMessageMedia here).
  if (tapped && tappedPhoto && tappedPhoto === photoFileId) {
    return editOrSend(
      ctx,
      () => ctx.editMessageCaption(text.value, { parse_mode: 'HTML', ...keyboard }),
      () => sendCard(ctx, text, photoFileId, keyboard),
    );
  }
  await clearTappedButtons(ctx);
  await sendCard(ctx, text, photoFileId, keyboard);
}
