import { Markup, Scenes } from 'telegraf';
import { formatRupiah, readRupiah } from '../../domain/money.js';
import { matchProduct } from '../../domain/product-match.js';
import { findProvinces, resolveProvince } from '../../domain/provinces.js';
import { SALE_KINDS, isSaleKind, type SaleDirection, type SaleKind } from '../../domain/sale.js';
import { KIND_WORDS, MAX_BUYER_NAME, MAX_PRODUCT_TEXT } from '../../domain/sale-line.js';
import { parseQuantityAnswer } from '../../domain/sale-rules.js';
import { CB, SCENE } from '../../views/callback-data.js';
import type { BotContext } from '../context.js';
import { pickProvince } from '../province-picker.js';
import { editTapped, say } from '../reply.js';
import { optional } from '../../telegram/errors.js';
import { boundedText, cancelKeyboard, expectText, readInput, type StepInput, tappedArgs } from '../wizard.js';
import { offerSaleDraft } from './sale-report.js';

/**
 * The answers of the sale wizard so far. It lives in the database session,
 * so JSON only: the amount is a string.
 */
export interface SaleWizardState {
  missionId: number;
  exhibitorId: number;
  direction: SaleDirection;
  amount?: string;
  /** Two readings of a typed amount (`1,053 jt`), Indonesian first, while the user picks one. */
  amountChoices?: string[];
  kind?: SaleKind;
  productId?: number | null;
  productName?: string | null;
  productUnit?: string | null;
  productText?: string | null;
  quantity?: number | null;
  unit?: string | null;
  buyerName?: string | null;
  /** A typed origin that looks like several provinces, kept while the user picks one or keeps it. */
  originTyped?: string;
}

// Listings beyond this many are typed, not tapped: a keyboard longer than a phone screen is not a choice.
const MAX_PRODUCT_BUTTONS = 8;
// As many provinces as the province picker offers.
const MAX_PROVINCE_BUTTONS = 6;
const MAX_ORIGIN = 60;

const stateOf = (ctx: BotContext) => ctx.wizard.state as SaleWizardState;

const skipTapped = (input: StepInput) => input.type === 'button' && input.data === CB.saleWizardSkip;

function skipCancelRow(ctx: BotContext) {
  return [Markup.button.callback(ctx.t.common.skipButton, CB.saleWizardSkip), Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel)];
}

/** The buttons of an answered question go away, so an old question cannot be answered again. */
async function dropButtons(ctx: BotContext): Promise<void> {
  await optional(ctx.log, 'remove buttons', () => ctx.editMessageReplyMarkup(undefined));
}

/**
 * /lapor without text: amount, kind, product, quantity, buyer, buyer's
 * origin — then the same confirmation card and save as the one-liner
 * (sale-report.ts). The draft's source is the update of the last answer, so
 * the report is saved once however often "save" is tapped.
 */
export function createSaleWizardScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.saleWizard,
    async (ctx) => {
      await say(ctx, ctx.t.saleWizard.intro, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    // 1/6 amount
    async (ctx) => {
      const input = await readInput(ctx);
      const state = stateOf(ctx);
      const choice = tappedArgs(input, CB.saleWizardAmount, 'n');
      if (choice && state.amountChoices) {
        const picked = state.amountChoices[Number(choice[1])];
        if (picked === undefined) return;
        state.amount = picked;
        delete state.amountChoices;
        await editTapped(ctx, ctx.t.sale.amountChosen(formatRupiah(BigInt(picked), ctx.lang)));
      } else {
        const text = await expectText(ctx, input);
        if (text === undefined) return;
        const amount = readRupiah(text);
        if (!amount.ok) {
          await say(ctx, ctx.t.saleWizard.badAmount(ctx.t.money.errors[amount.reason]));
          return;
        }
        const { alternative } = amount.value;
        if (alternative !== undefined) {
          // Two plausible readings: ask with both amounts; the tap answers this step.
          state.amountChoices = [amount.value.amount.toString(), alternative.toString()];
          const a = formatRupiah(amount.value.amount, ctx.lang);
          const b = formatRupiah(alternative, ctx.lang);
          await say(
            ctx,
            ctx.t.sale.amountChoice(a, b),
            Markup.inlineKeyboard([
              [Markup.button.callback(a, `${CB.saleWizardAmount}0`), Markup.button.callback(b, `${CB.saleWizardAmount}1`)],
              [Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel)],
            ]),
          );
          return;
        }
        state.amount = amount.value.amount.toString();
        delete state.amountChoices;
      }
      const buttons = SALE_KINDS.map((kind) => Markup.button.callback(ctx.t.sale.kinds[kind], CB.saleWizardKind + kind));
      await say(
        ctx,
        ctx.t.saleWizard.askKind,
        Markup.inlineKeyboard([buttons.slice(0, 2), buttons.slice(2, 4), [Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel)]]),
      );
      return ctx.wizard.next();
    },
    // 2/6 kind
    async (ctx) => {
      const input = await readInput(ctx);
      const picked =
        input.type === 'button'
          ? tappedArgs(input, CB.saleWizardKind, 'w')?.[1]
          : input.type === 'text'
            ? kindWord(input.text)
            : undefined;
      if (picked === undefined || !isSaleKind(picked)) {
        await say(ctx, ctx.t.saleWizard.badKind);
        return;
      }
      stateOf(ctx).kind = picked;
      if (input.type === 'button') await editTapped(ctx, ctx.t.saleWizard.kindChosen(ctx.t.sale.kinds[picked]));
      await askProduct(ctx);
      return ctx.wizard.next();
    },
    // 3/6 product
    async (ctx) => {
      const input = await readInput(ctx);
      const state = stateOf(ctx);
      if (skipTapped(input)) {
        Object.assign(state, { productId: null, productName: null, productUnit: null, productText: null });
        await dropButtons(ctx);
      } else if (input.type === 'button' && input.data.startsWith(CB.saleWizardProduct)) {
        const productId = tappedArgs(input, CB.saleWizardProduct, 'n')?.[1];
        const product = productId === undefined ? undefined : await ctx.deps.repos.sales.activeProduct(state.exhibitorId, Number(productId));
        if (!product) {
          await say(ctx, ctx.t.saleWizard.badProduct);
          return;
        }
        Object.assign(state, { productId: product.id, productName: product.name, productUnit: product.unit, productText: product.name });
        await editTapped(ctx, ctx.t.saleWizard.productChosen(product.name));
      } else {
        const text = await boundedText(ctx, input, 2, MAX_PRODUCT_TEXT);
        if (text === undefined) return;
        const listing = matchProduct(text, await ctx.deps.repos.sales.activeProducts(state.exhibitorId));
        Object.assign(state, { productId: listing?.id ?? null, productName: listing?.name ?? null, productUnit: listing?.unit ?? null, productText: text });
      }
      await say(ctx, ctx.t.saleWizard.askQuantity, Markup.inlineKeyboard([skipCancelRow(ctx)]));
      return ctx.wizard.next();
    },
    // 4/6 quantity
    async (ctx) => {
      const input = await readInput(ctx);
      const state = stateOf(ctx);
      if (skipTapped(input)) {
        state.quantity = null;
        state.unit = null;
        await dropButtons(ctx);
      } else {
        const text = await expectText(ctx, input);
        if (text === undefined) return;
        const quantity = parseQuantityAnswer(text);
        if (!quantity.ok) {
          await say(ctx, ctx.t.saleWizard.badQuantity);
          return;
        }
        state.quantity = quantity.value.quantity;
        state.unit = quantity.value.unit ?? state.productUnit ?? null;
      }
      await say(ctx, ctx.t.saleWizard.askBuyer, Markup.inlineKeyboard([skipCancelRow(ctx)]));
      return ctx.wizard.next();
    },
    // 5/6 buyer
    async (ctx) => {
      const input = await readInput(ctx);
      const state = stateOf(ctx);
      if (skipTapped(input)) {
        state.buyerName = null;
        await dropButtons(ctx);
      } else {
        const name = await boundedText(ctx, input, 2, MAX_BUYER_NAME);
        if (name === undefined) return;
        state.buyerName = name;
      }
      await say(ctx, ctx.t.saleWizard.askOrigin, Markup.inlineKeyboard([skipCancelRow(ctx)]));
      return ctx.wizard.next();
    },
    // 6/6 buyer's origin, then the confirmation card
    async (ctx) => {
      const input = await readInput(ctx);
      const state = stateOf(ctx);
      let origin: string | null;
      if (skipTapped(input)) {
        origin = null;
        await dropButtons(ctx);
      } else if (input.type === 'button' && input.data.startsWith(CB.saleWizardProvince)) {
        const province = await pickProvince(ctx, input, CB.saleWizardProvince);
        if (!province) {
          await say(ctx, ctx.t.common.staleButtonHint);
          return;
        }
        origin = province.name;
        await dropButtons(ctx);
      } else if (input.type === 'button' && input.data === CB.saleWizardOriginAsTyped && state.originTyped) {
        origin = state.originTyped;
        await dropButtons(ctx);
      } else {
        const text = await boundedText(ctx, input, 2, MAX_ORIGIN);
        if (text === undefined) return;
        const exact = resolveProvince(text);
        const candidates = exact ? [] : findProvinces(text);
        if (!exact && candidates.length > 0) {
          // "Jawa" is several provinces; "Jepang" none: ask only when there is something to pick.
          state.originTyped = text;
          const rows = candidates
            .slice(0, MAX_PROVINCE_BUTTONS)
            .map((province) => [Markup.button.callback(province.name, CB.saleWizardProvince + province.code)]);
          await say(
            ctx,
            ctx.t.saleWizard.originChoose(text),
            Markup.inlineKeyboard([
              ...rows,
              [Markup.button.callback(ctx.t.saleWizard.originAsTypedButton(text), CB.saleWizardOriginAsTyped)],
              [Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel)],
            ]),
          );
          return;
        }
        origin = exact?.name ?? text;
      }
      const { missionId, exhibitorId, direction, amount, kind } = state;
      await ctx.scene.leave();
      if (amount === undefined || kind === undefined) return;
      await offerSaleDraft(ctx, {
        sourceUpdateId: ctx.update.update_id,
        missionId,
        exhibitorId,
        amount,
        kind,
        direction,
        productText: state.productText ?? null,
        productId: state.productId ?? null,
        productName: state.productName ?? null,
        quantity: state.quantity ?? null,
        unit: state.unit ?? null,
        buyerName: state.buyerName ?? null,
        buyerOrigin: origin,
      });
    },
  );
}

/** A kind typed instead of tapped: `tunai`, `Kontrak`, `MoU`. */
function kindWord(text: string): SaleKind | undefined {
  const word = text.toLowerCase().replace(/[^\p{L}]/gu, '');
  return Object.hasOwn(KIND_WORDS, word) ? KIND_WORDS[word] : undefined;
}

async function askProduct(ctx: BotContext): Promise<void> {
  const products = await ctx.deps.repos.sales.activeProducts(stateOf(ctx).exhibitorId);
  const rows = products
    .slice(0, MAX_PRODUCT_BUTTONS)
    .map((product) => [Markup.button.callback(product.name, CB.saleWizardProduct + product.id)]);
  await say(ctx, ctx.t.saleWizard.askProduct(products.length > 0), Markup.inlineKeyboard([...rows, skipCancelRow(ctx)]));
}
