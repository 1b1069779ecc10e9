import { Composer, Markup, Scenes } from 'telegraf';
import { parseRupiah } from '../../domain/money.js';
import { TIME_ZONES, daysBetween, formatDateId, localDate, parseLocalDate, parseTimeZone, timeZoneLabel, type TimeZoneLabel } from '../../domain/time.js';
import { provinceByCode } from '../../domain/provinces.js';
import { requireOfficial, requirePrivateChat } from '../access.js';
import { CB, SCENE } from '../callback-data.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { missionView } from '../presenters.js';
import { pickProvince } from '../province-picker.js';
import { editTapped, say } from '../reply.js';
import { boundedText, cancelKeyboard, expectText, readInput } from '../wizard.js';

/** The answers collected so far; kept in the session, so strings and numbers only. */
interface MissionDraft {
  name?: string;
  originProvince?: string;
  hostProvince?: string;
  city?: string;
  startDate?: string;
  endDate?: string;
  timeZone?: string;
  targetAmount?: string;
}

// A trade mission is a few days; longer is a typo in a date.
const MAX_MISSION_DAYS = 60;

const draftOf = (ctx: BotContext) => ctx.wizard.state as MissionDraft;

/** /misi: officials create a mission in eight questions; it becomes the active mission. */
export function createMissionFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('misi'), requirePrivateChat, requireOfficial, (ctx) => ctx.scene.enter(SCENE.mission));
  return feature;
}

export function createMissionScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.mission,
    async (ctx) => {
      await say(ctx, ctx.t.mission.intro);
      await say(ctx, ctx.t.mission.askName, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const name = await boundedText(ctx, await readInput(ctx), 3, 100);
      if (!name) return;
      draftOf(ctx).name = name;
      await say(ctx, ctx.t.mission.askOrigin, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const province = await pickProvince(ctx, await readInput(ctx), CB.missionProvince);
      if (!province) return;
      draftOf(ctx).originProvince = province.code;
      await say(ctx, ctx.t.mission.askHost, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const province = await pickProvince(ctx, await readInput(ctx), CB.missionProvince);
      if (!province) return;
      if (province.code === draftOf(ctx).originProvince) {
        await say(ctx, ctx.t.mission.sameProvince);
        return;
      }
      draftOf(ctx).hostProvince = province.code;
      await say(ctx, ctx.t.mission.askCity, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const city = await boundedText(ctx, await readInput(ctx), 2, 60);
      if (!city) return;
      draftOf(ctx).city = city;
      await say(ctx, ctx.t.mission.askStart, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const text = await expectText(ctx, await readInput(ctx));
      if (text === undefined) return;
      const date = parseLocalDate(text, todayOf(ctx));
      if (!date.ok) {
        await say(ctx, ctx.t.mission.badDate);
        return;
      }
      draftOf(ctx).startDate = date.value;
      await say(ctx, ctx.t.mission.askEnd, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const draft = draftOf(ctx);
      const start = draft.startDate ?? todayOf(ctx);
      const text = await expectText(ctx, await readInput(ctx));
      if (text === undefined) return;
      const date = parseLocalDate(text, start);
      if (!date.ok) {
        await say(ctx, ctx.t.mission.badDate);
        return;
      }
      if (date.value < start) {
        await say(ctx, ctx.t.mission.endBeforeStart(formatDateId(start, ctx.lang)));
        return;
      }
      if (daysBetween(start, date.value) + 1 > MAX_MISSION_DAYS) {
        await say(ctx, ctx.t.mission.tooLongMission);
        return;
      }
      draft.endDate = date.value;
      const suggested = timeZoneLabel(provinceByCode(draft.hostProvince ?? '')?.timeZone ?? ctx.deps.defaultTimeZone) ?? 'WIB';
      const labels = Object.keys(TIME_ZONES) as TimeZoneLabel[];
      await say(
        ctx,
        ctx.t.mission.askTimeZone(suggested),
        Markup.inlineKeyboard([
          labels.map((label) => Markup.button.callback(label === suggested ? `✅ ${label}` : label, CB.missionTimeZone + label)),
          [Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel)],
        ]),
      );
      return ctx.wizard.next();
    },
    async (ctx) => {
      const input = await readInput(ctx);
      const typed = input.type === 'button' ? input.data.replace(CB.missionTimeZone, '') : input.type === 'text' ? input.text : '';
      const timeZone = parseTimeZone(typed);
      if (!timeZone) {
        await say(ctx, ctx.t.mission.badTimeZone);
        return;
      }
      draftOf(ctx).timeZone = timeZone;
      if (input.type === 'button') await editTapped(ctx, ctx.t.mission.askTimeZone(timeZoneLabel(timeZone) ?? typed));
      await say(ctx, ctx.t.mission.askTarget, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const text = await expectText(ctx, await readInput(ctx));
      if (text === undefined) return;
      const target = parseRupiah(text);
      if (!target.ok) {
        await say(ctx, ctx.t.mission.badTarget(ctx.t.money.errors[target.reason]));
        return;
      }
      const draft = draftOf(ctx);
      draft.targetAmount = target.value.toString();
      const complete = completeDraft(draft);
      if (!complete) return ctx.scene.leave();
      await say(
        ctx,
        ctx.t.mission.summary(missionView(complete, ctx.lang)),
        Markup.inlineKeyboard([
          Markup.button.callback(ctx.t.common.saveButton, CB.missionConfirm),
          Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel),
        ]),
      );
      return ctx.wizard.next();
    },
    async (ctx) => {
      const input = await readInput(ctx);
      if (input.type !== 'button' || input.data !== CB.missionConfirm) {
        await say(ctx, ctx.t.common.staleButtonHint);
        return;
      }
      const complete = completeDraft(draftOf(ctx));
      await ctx.scene.leave();
      if (!complete) return;
      await editTapped(ctx, ctx.t.mission.summary(missionView(complete, ctx.lang)));
      const mission = await ctx.deps.repos.missions.create(complete, ctx.user.id);
      ctx.log.info({ missionId: mission.id }, 'mission created');
      await say(ctx, ctx.t.mission.created(mission.name));
    },
  );
}

function todayOf(ctx: BotContext): string {
  return localDate(ctx.deps.now(), ctx.deps.defaultTimeZone);
}

function completeDraft(draft: MissionDraft) {
  const { name, originProvince, hostProvince, city, startDate, endDate, timeZone, targetAmount } = draft;
  if (!name || !originProvince || !hostProvince || !city || !startDate || !endDate || !timeZone || !targetAmount) return undefined;
  return { name, originProvince, hostProvince, city, startDate, endDate, timeZone, targetAmount: BigInt(targetAmount) };
}
