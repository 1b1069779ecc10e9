import { Composer, Markup, Scenes } from 'telegraf';
import { isAvailable } from '../../domain/catalog.js';
import { parseQuantity, validateInquiryMessage, type InquiryRecord } from '../../domain/inquiry.js';
import { formatPhone } from '../../domain/phone.js';
import { catalogue, lines, resolveLang, type Catalogue } from '../../i18n/index.js';
import { requirePrivateChat, standingOf } from '../access.js';
import { CB, SCENE, onButton } from '../../views/callback-data.js';
import { buyerContact, inquiryView, sellerContact } from '../catalog-views.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { editTapped, say } from '../reply.js';
import { describeError, optional } from '../../telegram/errors.js';
import { cancelKeyboard, readInput } from '../wizard.js';

/** The wizard's state: JSON only, it lives in the database session. */
interface InquiryDraft {
  productId?: number;
  productName?: string;
  exhibitorName?: string;
  unit?: string;
  minOrder?: number;
  message?: string;
  quantity?: number | null;
  /** Set by the first "send" tap, before anything is awaited: a second tap racing it sends nothing. */
  sending?: boolean;
}

const draftOf = (ctx: BotContext) => ctx.wizard.state as InquiryDraft;

/** /pesanan lists this many per side and state; two short sections stay under Telegram's 4096 characters. */
const LIST_LIMITS = { open: 8, past: 6 } as const;

/**
 * Inquiries: "Tanya / pesan" on a product card starts a short wizard
 * (message, optional quantity, confirm); the exhibitor's owner gets it in a
 * private chat with accept and decline buttons; on accept both sides get
 * each other's contact. /pesanan lists both sides.
 */
export function createInquiryFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.action(onButton(CB.inquiryStart, 'n'), async (ctx) => {
    const product = await ctx.deps.repos.catalog.findProduct(Number(ctx.match[1]));
    const mission = await ctx.activeMission();
    if (!product || !isAvailable(product) || product.missionId !== mission?.id) return ctx.answerCbQuery(ctx.t.catalog.productGone);
    await ctx.answerCbQuery();
    if (ctx.chat?.type !== 'private') return say(ctx, ctx.t.common.privateOnly);
    if (product.ownerId === ctx.user.id) return say(ctx, ctx.t.inquiries.ownProduct);
    const draft: InquiryDraft = {
      productId: product.id,
      productName: product.name,
      exhibitorName: product.exhibitorName,
      unit: product.unit,
      minOrder: product.minOrder,
    };
    return ctx.scene.enter(SCENE.inquiry, draft);
  });

  // A "send" tap after the wizard has finished: the first tap sent it.
  feature.action(CB.inquirySend, (ctx) => ctx.answerCbQuery(ctx.t.inquiries.alreadySent));

  // iq:ok:<id> / iq:no:<id>, with ':l' when tapped in /pesanan.
  const answers = [CB.inquiryAccept, CB.inquiryDecline].flatMap((prefix) => [onButton(prefix, 'n'), onButton(prefix, 'n', ['l'])]);
  feature.action(answers, async (ctx) => {
    const accept = ctx.match[0].startsWith(CB.inquiryAccept);
    const fromList = ctx.match[2] !== undefined;
    const result = await ctx.deps.repos.inquiries.answer({ id: Number(ctx.match[1]), actorId: ctx.user.id, accept, at: ctx.deps.now() });
    if (!result.ok) {
      if (result.reason === 'not_found') return ctx.answerCbQuery(ctx.t.inquiries.notFound);
      if (result.reason === 'not_owner') {
        ctx.log.warn({ inquiryId: result.inquiry.id }, 'inquiry answer by someone else refused');
        return ctx.answerCbQuery(ctx.t.inquiries.notOwner, { show_alert: true });
      }
      return ctx.answerCbQuery(ctx.t.inquiries.alreadyAnswered(result.inquiry.status));
    }
    const inquiry = result.inquiry;
    ctx.log.info({ inquiryId: inquiry.id, status: inquiry.status }, 'inquiry answered');
    await ctx.answerCbQuery(accept ? ctx.t.inquiries.acceptedToast : ctx.t.inquiries.declinedToast);
    const view = inquiryView(inquiry);
    const forExhibitor = accept ? ctx.t.inquiries.acceptedForExhibitor(view, buyerContact(inquiry)) : ctx.t.inquiries.declinedForExhibitor(view);
    // The notification becomes the answer; from the /pesanan list the answer comes as its own message.
    if (fromList) await say(ctx, forExhibitor);
    else await editTapped(ctx, forExhibitor);

    const buyerT = await catalogueOf(ctx, inquiry.buyerId);
    const forBuyer = accept ? buyerT.inquiries.acceptedForBuyer(view, sellerContact(inquiry)) : buyerT.inquiries.declinedForBuyer(view);
    try {
      await ctx.telegram.sendMessage(Number(inquiry.buyerId), forBuyer.value, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    } catch (error) {
      ctx.log.warn({ err: describeError(error), inquiryId: inquiry.id }, 'buyer not reachable');
      await say(ctx, accept ? ctx.t.inquiries.buyerUnreachable : ctx.t.inquiries.buyerUnreachableDeclined);
    }
  });

  feature.command(names('pesanan'), requirePrivateChat, async (ctx) => {
    const [asBuyer, asOwner, standing] = await Promise.all([
      ctx.deps.repos.inquiries.asBuyer(ctx.user.id, LIST_LIMITS),
      ctx.deps.repos.inquiries.asOwner(ctx.user.id, LIST_LIMITS),
      standingOf(ctx),
    ]);
    const bought = [...asBuyer.open, ...asBuyer.past];
    const received = [...asOwner.open, ...asOwner.past];
    const exhibitorName = standing.exhibitor?.name ?? received[0]?.exhibitorName;
    // An exhibitor who never asked anything is spared an empty buyer section.
    const showBought = bought.length > 0 || exhibitorName === undefined;
    if (showBought) {
      await say(
        ctx,
        lines([
          ctx.t.inquiries.listTitle,
          '',
          ctx.t.inquiries.asBuyer,
          ...(bought.length === 0
            ? [ctx.t.inquiries.noneAsBuyer]
            : bought.map((inquiry) => ctx.t.inquiries.buyerLine(inquiryView(inquiry), inquiry.status === 'ACCEPTED' && inquiry.exhibitorPhone !== null ? formatPhone(inquiry.exhibitorPhone) : null))),
        ]),
      );
    }
    if (exhibitorName === undefined) return;
    const rows = asOwner.open.map((inquiry) => [
      Markup.button.callback(ctx.t.inquiries.acceptNumbered(inquiry.id), `${CB.inquiryAccept}${inquiry.id}:l`),
      Markup.button.callback(ctx.t.inquiries.declineNumbered(inquiry.id), `${CB.inquiryDecline}${inquiry.id}:l`),
    ]);
    await say(
      ctx,
      lines([
        !showBought && ctx.t.inquiries.listTitle,
        !showBought && '',
        ctx.t.inquiries.asExhibitor(exhibitorName),
        '',
        ...(received.length === 0
          ? [ctx.t.inquiries.noneAsExhibitor]
          : received.map((inquiry) =>
              ctx.t.inquiries.exhibitorLine(inquiryView(inquiry), inquiry.status === 'ACCEPTED' ? ctx.t.inquiries.contactLink(buyerContact(inquiry)) : null),
            )),
        rows.length > 0 && '',
        rows.length > 0 && ctx.t.inquiries.answerHint,
      ]),
      Markup.inlineKeyboard(rows),
    );
  });

  return feature;
}

/** The buyer's side of an inquiry: message, optional quantity, confirm. */
export function createInquiryScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.inquiry,
    async (ctx) => {
      const draft = draftOf(ctx);
      await say(ctx, ctx.t.inquiries.askMessage(draft.productName ?? '', draft.exhibitorName ?? ''), cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const input = await readInput(ctx);
      if (input.type !== 'text') return say(ctx, ctx.t.common.textExpected);
      const message = validateInquiryMessage(input.text);
      if (!message.ok) return say(ctx, message.reason === 'too_short' ? ctx.t.inquiries.messageTooShort : ctx.t.inquiries.messageTooLong);
      const draft = draftOf(ctx);
      draft.message = message.value;
      await say(
        ctx,
        ctx.t.inquiries.askQuantity(draft.unit ?? '', draft.minOrder ?? 1),
        Markup.inlineKeyboard([
          Markup.button.callback(ctx.t.common.skipButton, CB.inquirySkip),
          Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel),
        ]),
      );
      return ctx.wizard.next();
    },
    async (ctx) => {
      const input = await readInput(ctx);
      const draft = draftOf(ctx);
      if (input.type === 'button' && input.data === CB.inquirySkip) {
        draft.quantity = null;
        await editTapped(ctx, ctx.t.inquiries.askQuantity(draft.unit ?? '', draft.minOrder ?? 1));
      } else if (input.type === 'text') {
        const quantity = parseQuantity(input.text, draft.minOrder ?? 1);
        if (!quantity.ok) {
          return say(ctx, lines([ctx.t.inquiries.quantityErrors[quantity.reason], ctx.t.inquiries.quantityHint(draft.minOrder ?? 1, draft.unit ?? '')]));
        }
        draft.quantity = quantity.value;
      } else {
        return say(ctx, ctx.t.common.textExpected);
      }
      await say(
        ctx,
        ctx.t.inquiries.summary({
          id: 0,
          product: draft.productName ?? '',
          exhibitor: draft.exhibitorName ?? '',
          quantity: draft.quantity === null || draft.quantity === undefined ? null : `${draft.quantity} ${draft.unit ?? ''}`,
          message: draft.message ?? '',
          buyer: ctx.user.firstName,
          status: 'OPEN',
        }),
        Markup.inlineKeyboard([
          Markup.button.callback(ctx.t.inquiries.sendButton, CB.inquirySend),
          Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel),
        ]),
      );
      return ctx.wizard.next();
    },
    async (ctx) => {
      const draft = draftOf(ctx);
      const tapped = ctx.callbackQuery && 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
      if (tapped !== CB.inquirySend) {
        await readInput(ctx);
        return say(ctx, ctx.t.common.staleButtonHint);
      }
      // Claimed synchronously: concurrent taps share this session object, so only one gets past.
      if (draft.sending || draft.productId === undefined) return ctx.answerCbQuery(ctx.t.inquiries.alreadySent);
      draft.sending = true;
      const { productId, message, quantity } = draft;
      await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
      await ctx.scene.leave();
      await optional(ctx.log, 'remove buttons', () => ctx.editMessageReplyMarkup(undefined));
      const [product, mission] = await Promise.all([ctx.deps.repos.catalog.findProduct(productId), ctx.activeMission()]);
      if (!product || !isAvailable(product) || product.missionId !== mission?.id || !message) return say(ctx, ctx.t.catalog.productGoneText);
      const inquiry = await ctx.deps.repos.inquiries.create({
        productId: product.id,
        exhibitorId: product.exhibitorId,
        buyerId: ctx.user.id,
        message,
        quantity: quantity ?? null,
        createdAt: ctx.deps.now(),
      });
      ctx.log.info({ inquiryId: inquiry.id, productId: product.id }, 'inquiry saved');
      const delivered = await notifyExhibitor(ctx, inquiry);
      return say(ctx, delivered ? ctx.t.inquiries.sent(inquiry.exhibitorName, inquiry.id) : ctx.t.inquiries.unreachable(inquiry.exhibitorName, inquiry.id));
    },
  );
}

/** The catalogue in the language of another user (the other side of an inquiry). */
async function catalogueOf(ctx: BotContext, userId: bigint): Promise<Catalogue> {
  const user = await ctx.deps.repos.users.findById(userId);
  return catalogue(resolveLang(user?.language ?? null, user?.languageCode));
}

/**
 * Sends the inquiry to the exhibitor's owner, in their language, with the
 * answer buttons. False when Telegram refuses (403: the owner never started
 * the bot or blocked it); the inquiry stays saved and waits in /pesanan.
 */
async function notifyExhibitor(ctx: BotContext, inquiry: InquiryRecord): Promise<boolean> {
  const t = await catalogueOf(ctx, inquiry.ownerId);
  try {
    await ctx.telegram.sendMessage(Number(inquiry.ownerId), t.inquiries.toExhibitor(inquiryView(inquiry)).value, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...Markup.inlineKeyboard([
        Markup.button.callback(t.inquiries.acceptButton, `${CB.inquiryAccept}${inquiry.id}`),
        Markup.button.callback(t.inquiries.declineButton, `${CB.inquiryDecline}${inquiry.id}`),
      ]),
    });
    return true;
  } catch (error) {
    ctx.log.warn({ err: describeError(error), inquiryId: inquiry.id }, 'exhibitor not reachable');
    return false;
  }
}
