import { Composer, Markup, Scenes } from 'telegraf';
import { CATEGORIES, CATEGORY_EMOJI, isCategory, matchCategory, type Category } from '../../domain/categories.js';
import { formatPhone, normalizePhone } from '../../domain/phone.js';
import { provinceByCode } from '../../domain/provinces.js';
import { lines } from '../../i18n/index.js';
import { requirePrivateChat, standingOf } from '../access.js';
import { CB, SCENE } from '../../views/callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { pickProvince } from '../province-picker.js';
import { editTapped, say } from '../reply.js';
import { optional } from '../../telegram/errors.js';
import { boundedText, cancelKeyboard, readInput, tappedArgs } from '../wizard.js';

interface RegistrationDraft {
  missionId?: number;
  name?: string;
  category?: Category;
  province?: string;
  city?: string;
  phone?: string;
  booth?: string | null;
}

const draftOf = (ctx: BotContext) => ctx.wizard.state as RegistrationDraft;

/** /daftar: an UMKM owner registers the business for the active mission. */
export function createRegistrationFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('daftar'), requirePrivateChat, async (ctx) => {
    const standing = await standingOf(ctx);
    if (!standing.mission) return say(ctx, ctx.t.common.noActiveMission);
    if (standing.exhibitor) return say(ctx, ctx.t.register.already(standing.exhibitor.name));
    // Closed registration still lets in whoever joined through an exhibitor invite (/start join_<code>).
    const invited = async (missionId: number) => (await ctx.deps.repos.missions.rolesOf(missionId, ctx.user.id)).includes('EXHIBITOR');
    if (!standing.mission.registrationOpen && !standing.official && !(await invited(standing.mission.id))) return say(ctx, ctx.t.register.closed);
    return ctx.scene.enter(SCENE.register, { missionId: standing.mission.id } satisfies RegistrationDraft);
  });
  return feature;
}

export function createRegistrationScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.register,
    async (ctx) => {
      const mission = await ctx.activeMission();
      // One step, one message: the introduction and the first question together.
      await say(ctx, lines([ctx.t.register.intro(mission?.name ?? ''), '', ctx.t.register.askName]), cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const name = await boundedText(ctx, await readInput(ctx), 2, 80);
      if (!name) return;
      draftOf(ctx).name = name;
      await askCategory(ctx);
      return ctx.wizard.next();
    },
    async (ctx) => {
      const input = await readInput(ctx);
      const picked =
        input.type === 'button'
          ? tappedArgs(input, CB.registerCategory, 'w')?.[1]
          : input.type === 'text'
            ? matchCategory(input.text)
            : undefined;
      if (!picked || !isCategory(picked)) {
        await say(ctx, ctx.t.register.badCategory);
        return;
      }
      draftOf(ctx).category = picked;
      if (input.type === 'button') await editTapped(ctx, ctx.t.register.askCategory);
      await say(ctx, ctx.t.register.askProvince, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const province = await pickProvince(ctx, await readInput(ctx), CB.registerProvince);
      if (!province) return;
      draftOf(ctx).province = province.code;
      await say(ctx, ctx.t.register.askCity, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const city = await boundedText(ctx, await readInput(ctx), 2, 60);
      if (!city) return;
      draftOf(ctx).city = city;
      await say(
        ctx,
        ctx.t.register.askContact,
        Markup.keyboard([Markup.button.contactRequest(ctx.t.register.shareContactButton)]).oneTime().resize(),
      );
      return ctx.wizard.next();
    },
    async (ctx) => {
      const input = await readInput(ctx);
      if (input.type === 'contact' && input.userId !== undefined && input.userId !== Number(ctx.user.id)) {
        await say(ctx, ctx.t.register.notOwnContact);
        return;
      }
      const typed = input.type === 'contact' ? input.phone : input.type === 'text' ? input.text : '';
      const phone = normalizePhone(typed);
      if (!phone.ok) {
        await say(ctx, ctx.t.register.badPhone);
        return;
      }
      draftOf(ctx).phone = phone.value;
      // One message with the inline skip button. A message carries one keyboard only, so the
      // contact keyboard is not removed here: it is one-time (gone once used), and the
      // closing message of the registration removes it for those who typed their number.
      await say(ctx, lines([ctx.t.register.askBooth, ctx.t.register.boothHint]), Markup.inlineKeyboard([
        Markup.button.callback(ctx.t.common.skipButton, CB.registerSkip),
        Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel),
      ]));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const input = await readInput(ctx);
      const draft = draftOf(ctx);
      if (input.type === 'button' && input.data === CB.registerSkip) {
        draft.booth = null;
        await editTapped(ctx, lines([ctx.t.register.askBooth, ctx.t.register.boothHint]));
      } else {
        const booth = await boundedText(ctx, input, 1, 20);
        if (!booth) return;
        draft.booth = booth;
      }
      const complete = completeDraft(draft);
      if (!complete) return ctx.scene.leave();
      await say(
        ctx,
        ctx.t.register.summary({
          ...complete,
          phone: formatPhone(complete.phone),
          category: `${CATEGORY_EMOJI[complete.category]} ${ctx.t.categories[complete.category]}`,
          province: provinceByCode(complete.province)?.name ?? complete.province,
        }),
        Markup.inlineKeyboard([
          Markup.button.callback(ctx.t.common.saveButton, CB.registerConfirm),
          Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel),
        ]),
      );
      return ctx.wizard.next();
    },
    async (ctx) => {
      const input = await readInput(ctx);
      if (input.type !== 'button' || input.data !== CB.registerConfirm) {
        await say(ctx, ctx.t.common.staleButtonHint);
        return;
      }
      const complete = completeDraft(draftOf(ctx));
      await ctx.scene.leave();
      if (!complete) return;
      await optional(ctx.log, 'remove buttons', () => ctx.editMessageReplyMarkup(undefined));
      const result = await ctx.deps.repos.exhibitors.register({ ...complete, ownerId: ctx.user.id });
      if (!result.ok) return say(ctx, ctx.t.register.already(result.exhibitor.name), Markup.removeKeyboard());
      ctx.log.info({ exhibitorId: result.exhibitor.id }, 'exhibitor registered');
      return say(ctx, ctx.t.register.done(result.exhibitor.name), Markup.removeKeyboard());
    },
  );
}

async function askCategory(ctx: BotContext): Promise<void> {
  const buttons = CATEGORIES.map((category) =>
    Markup.button.callback(`${CATEGORY_EMOJI[category]} ${ctx.t.categories[category]}`, CB.registerCategory + category),
  );
  await say(
    ctx,
    ctx.t.register.askCategory,
    Markup.inlineKeyboard([buttons.slice(0, 2), buttons.slice(2, 4), buttons.slice(4, 6), [Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel)]]),
  );
}

function completeDraft(draft: RegistrationDraft) {
  const { missionId, name, category, province, city, phone, booth } = draft;
  if (!missionId || !name || !category || !province || !city || !phone || booth === undefined) return undefined;
  return { missionId, name, category, province, city, phone, booth };
}
