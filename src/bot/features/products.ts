import { Composer, Markup, Scenes } from 'telegraf';
import { isCategory, type Category } from '../../domain/categories.js';
import { COMMON_UNITS, validateProductField, type ProductInput, type TextField } from '../../domain/product.js';
import { lines } from '../../i18n/index.js';
import { requirePrivateChat, standingOf } from '../access.js';
import { CB, SCENE } from '../../views/callback-data.js';
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
  unitKeyboard,
  type ProductInputEvent,
} from '../product-ui.js';
import { editTapped, say } from '../reply.js';
import { tappedArgs } from '../wizard.js';

/** The wizard's answers so far; JSON only (it lives in the database session), so the price is a string. */
interface NewProductDraft {
  missionId: number;
  exhibitorId: number;
  /** The exhibitor's own category, offered first. */
  suggested: Category;
  name?: string;
  category?: Category;
  price?: string;
  unit?: string;
  minOrder?: number;
  description?: string | null;
  photoFileId?: string | null;
  /** Set by the first Save tap, so a second tap racing it cannot list the product twice. */
  saving?: boolean;
}

const draftOf = (ctx: BotContext) => ctx.wizard.state as NewProductDraft;

/** /produk_baru: an exhibitor lists a product. */
export function createNewProductFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('produk_baru'), requirePrivateChat, async (ctx) => {
    const standing = await standingOf(ctx);
    if (!standing.mission) return say(ctx, ctx.t.common.noActiveMission);
    if (!standing.exhibitor) return say(ctx, ctx.t.common.exhibitorOnly);
    const category = standing.exhibitor.category;
    const draft: NewProductDraft = {
      missionId: standing.mission.id,
      exhibitorId: standing.exhibitor.id,
      suggested: isCategory(category) ? category : 'lainnya',
    };
    return ctx.scene.enter(SCENE.productNew, draft);
  });
  return feature;
}

/** Reads a typed answer to `field`; refusals are answered and leave the wizard on the step. */
async function typedField(ctx: BotContext, input: ProductInputEvent, field: TextField) {
  if (input.type !== 'text') {
    await say(ctx, ctx.t.common.textExpected);
    return undefined;
  }
  const result = validateProductField(field, input.text);
  if (!result.ok) {
    await say(ctx, refusal(ctx, result.failure, input.text));
    return undefined;
  }
  return result.patch;
}

/**
 * The seven questions of /produk_baru, then a summary card (a photo with its
 * caption when there is a photo) and Save. The answers wait in the database
 * session, so the wizard continues where it was after a restart.
 */
export function createNewProductScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.productNew,
    async (ctx) => {
      const exhibitor = await ctx.deps.repos.exhibitors.findById(draftOf(ctx).exhibitorId);
      await say(ctx, ctx.t.products.intro(exhibitor?.name ?? ''));
      await say(ctx, ctx.t.products.askName, cancelOnlyKeyboard(ctx));
      return ctx.wizard.next();
    },
    // 1/7 name
    async (ctx) => {
      const input = peekInput(ctx);
      await ackTap(ctx);
      const patch = await typedField(ctx, input, 'name');
      if (!patch?.name) return;
      const draft = draftOf(ctx);
      draft.name = patch.name;
      await say(ctx, ctx.t.products.askCategory(categoryLabel(draft.suggested, ctx.t)), categoryKeyboard(ctx, draft.suggested));
      return ctx.wizard.next();
    },
    // 2/7 category
    async (ctx) => {
      const input = peekInput(ctx);
      await ackTap(ctx);
      const draft = draftOf(ctx);
      let category: Category | undefined;
      if (input.type === 'button' && input.data.startsWith(CB.productCategory)) {
        const picked = tappedArgs(input, CB.productCategory, 'w')?.[1];
        if (picked !== undefined && isCategory(picked)) category = picked;
      } else if (input.type === 'text') {
        const result = validateProductField('category', input.text);
        if (result.ok) category = result.patch.category;
      }
      if (!category) {
        await say(ctx, ctx.t.products.badCategory);
        return;
      }
      draft.category = category;
      if (input.type === 'button') await editTapped(ctx, ctx.t.products.askCategory(categoryLabel(draft.suggested, ctx.t)));
      await say(ctx, lines([ctx.t.products.askPrice, ctx.t.money.examples]), cancelOnlyKeyboard(ctx));
      return ctx.wizard.next();
    },
    // 3/7 price
    async (ctx) => {
      const input = peekInput(ctx);
      await ackTap(ctx);
      const patch = await typedField(ctx, input, 'price');
      if (patch?.price === undefined) return;
      draftOf(ctx).price = patch.price.toString();
      await say(ctx, ctx.t.products.askUnit, unitKeyboard(ctx, undefined));
      return ctx.wizard.next();
    },
    // 4/7 unit
    async (ctx) => {
      const input = peekInput(ctx);
      await ackTap(ctx);
      let unit: string | undefined;
      if (input.type === 'button' && input.data.startsWith(CB.productUnit)) {
        const picked = tappedArgs(input, CB.productUnit, COMMON_UNITS)?.[1];
        if (picked !== undefined) unit = picked;
        else return say(ctx, ctx.t.common.staleButtonHint);
        await editTapped(ctx, ctx.t.products.askUnit);
      } else {
        unit = (await typedField(ctx, input, 'unit'))?.unit;
      }
      if (!unit) return;
      draftOf(ctx).unit = unit;
      await say(ctx, ctx.t.products.askMinOrder(unit), optionKeyboard(ctx, ctx.t.products.minOrderOne(unit), CB.productMinOne));
      return ctx.wizard.next();
    },
    // 5/7 minimum order
    async (ctx) => {
      const input = peekInput(ctx);
      await ackTap(ctx);
      const draft = draftOf(ctx);
      let minOrder: number | undefined;
      if (input.type === 'button' && input.data === CB.productMinOne) {
        minOrder = 1;
        await editTapped(ctx, ctx.t.products.askMinOrder(draft.unit ?? ''));
      } else {
        minOrder = (await typedField(ctx, input, 'minOrder'))?.minOrder;
      }
      if (minOrder === undefined) return;
      draft.minOrder = minOrder;
      await say(ctx, ctx.t.products.askDescription, optionKeyboard(ctx, ctx.t.common.skipButton, CB.productSkip));
      return ctx.wizard.next();
    },
    // 6/7 description
    async (ctx) => {
      const input = peekInput(ctx);
      await ackTap(ctx);
      const draft = draftOf(ctx);
      if (input.type === 'button' && input.data === CB.productSkip) {
        draft.description = null;
        await editTapped(ctx, ctx.t.products.askDescription);
      } else {
        const patch = await typedField(ctx, input, 'description');
        if (!patch?.description) return;
        draft.description = patch.description;
      }
      await say(ctx, ctx.t.products.askPhoto, optionKeyboard(ctx, ctx.t.common.skipButton, CB.productSkip));
      return ctx.wizard.next();
    },
    // 7/7 photo
    async (ctx) => {
      const input = peekInput(ctx);
      await ackTap(ctx);
      const draft = draftOf(ctx);
      if (input.type === 'photo') {
        draft.photoFileId = input.fileId;
      } else if (input.type === 'button' && input.data === CB.productSkip) {
        draft.photoFileId = null;
        await editTapped(ctx, ctx.t.products.askPhoto);
      } else {
        await say(ctx, ctx.t.products.photoExpected);
        return;
      }
      const complete = completeDraft(draft);
      if (!complete) return ctx.scene.leave();
      await sendCard(
        ctx,
        ctx.t.products.summary(productView(complete, ctx.t, ctx.lang)),
        complete.photoFileId,
        Markup.inlineKeyboard([
          Markup.button.callback(ctx.t.common.saveButton, CB.productConfirm),
          Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel),
        ]),
      );
      return ctx.wizard.next();
    },
    // Save
    async (ctx) => {
      const input = peekInput(ctx);
      const draft = draftOf(ctx);
      if (input.type !== 'button' || input.data !== CB.productConfirm) {
        await ackTap(ctx);
        await say(ctx, ctx.t.common.staleButtonHint);
        return;
      }
      // Checked and set before the first await: a second tap handled at the same time shares this session object.
      if (draft.saving) return ackTap(ctx, ctx.t.products.savedToast);
      draft.saving = true;
      const complete = completeDraft(draft);
      await ctx.scene.leave();
      if (!complete) return ackTap(ctx);
      const standing = await standingOf(ctx);
      if (standing.exhibitor?.id !== draft.exhibitorId) {
        await ackTap(ctx);
        return say(ctx, ctx.t.common.exhibitorOnly);
      }
      const product = await ctx.deps.repos.products.create({
        ...complete,
        exhibitorId: draft.exhibitorId,
        actorId: ctx.user.id,
        createdAt: ctx.deps.now(),
      });
      ctx.log.info({ productId: product.id }, 'product listed');
      await ackTap(ctx, ctx.t.products.savedToast);
      await clearTappedButtons(ctx);
      return say(ctx, ctx.t.products.saved(product.name));
    },
  );
}

function completeDraft(draft: NewProductDraft): ProductInput | undefined {
  const { name, category, price, unit, minOrder, description, photoFileId } = draft;
  if (!name || !category || price === undefined || !unit || minOrder === undefined || description === undefined || photoFileId === undefined) return undefined;
  return { name, category, price: BigInt(price), unit, minOrder, description, photoFileId };
}
