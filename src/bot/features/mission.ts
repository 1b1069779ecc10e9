import { Composer, Markup, Scenes } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Mission } from '../../domain/entities.js';
import {
  MISSION_CITY_LENGTH,
  MISSION_FIELDS,
  MISSION_NAME_LENGTH,
  checkMissionDates,
  isMissionField,
  parseRegistrationOpen,
  parseReminderSetting,
  sortMissionsForList,
  type MissionField,
  type MissionPatch,
} from '../../domain/mission-admin.js';
import { parseRupiah } from '../../domain/money.js';
import { TIME_ZONES, formatDateId, localDate, parseLocalDate, parseLocalTime, parseTimeZone, timeZoneLabel, type TimeZoneLabel } from '../../domain/time.js';
import { provinceByCode } from '../../domain/provinces.js';
import { lines } from '../../i18n/index.js';
import { requireOfficial, requirePrivateChat } from '../access.js';
import { fieldValue, missionFieldsView, missionListItem } from '../../views/admin-presenters.js';
import { CB, SCENE, onButton } from '../../views/callback-data.js';
import { names } from '../commands.js';
import { amountReason } from '../amount-reason.js';
import type { BotContext } from '../context.js';
import { requireOfficialTap } from '../official-guard.js';
import { missionView } from '../../views/presenters.js';
import { pickProvince } from '../province-picker.js';
import { editTapped, say } from '../reply.js';
import { optional } from '../../telegram/errors.js';
import { boundedText, cancelKeyboard, expectText, readInput, type StepInput, tappedArgs } from '../wizard.js';

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

/** What the edit wizard changes: one field of one mission (the one active when the button was tapped). */
interface EditState {
  missionId?: number;
  field?: MissionField;
}

// How many missions the list and the switch buttons show; the 33rd visit still fits a phone screen.
const LIST_LIMIT = 15;
const SWITCH_LIMIT = 8;
// A mission name longer than this in a button label wraps badly on a phone.
const LABEL_MAX = 40;

const MENU_ACTIONS = ['new', 'list', 'edit', 'switch', 'close'] as const;
type MenuAction = (typeof MENU_ACTIONS)[number];

const draftOf = (ctx: BotContext) => ctx.wizard.state as MissionDraft;
const editOf = (ctx: BotContext) => ctx.wizard.state as EditState;

/**
 * /misi: the officials' mission menu — create (the wizard), list, edit the
 * active mission, switch which mission is active, close it. `/misi baru`
 * (`/mission new`) goes straight to the wizard.
 */
export function createMissionFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('misi'), requireOfficial, requirePrivateChat, async (ctx) => {
    if (/^(baru|new)$/i.test(ctx.payload.trim())) return ctx.scene.enter(SCENE.mission);
    return showMenu(ctx);
  });

  feature.action(onButton(CB.missionMenu, MENU_ACTIONS), requireOfficialTap, async (ctx) => {
    const action = ctx.match[1] as MenuAction;
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    // The menu keeps its text and loses its buttons: one tap, one action.
    await optional(ctx.log, 'remove menu buttons', () => ctx.editMessageReplyMarkup(undefined));
    switch (action) {
      case 'new':
        return ctx.scene.enter(SCENE.mission);
      case 'list':
        return showList(ctx);
      case 'edit':
        return showEditMenu(ctx);
      case 'switch':
        return showSwitch(ctx);
      case 'close':
        return askClose(ctx);
    }
  });

  feature.action(onButton(CB.missionEditField, 'w'), requireOfficialTap, async (ctx) => {
    const field = ctx.match[1] ?? '';
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    const mission = await ctx.activeMission();
    if (!isMissionField(field) || !mission) return say(ctx, ctx.t.missionAdmin.notActive);
    await optional(ctx.log, 'remove edit buttons', () => ctx.editMessageReplyMarkup(undefined));
    return ctx.scene.enter(SCENE.missionEdit, { missionId: mission.id, field } satisfies EditState);
  });

  feature.action(onButton(CB.missionActivate, 'n'), requireOfficialTap, async (ctx) => {
    const result = await ctx.deps.repos.missionAdmin.activate(Number(ctx.match[1]), ctx.user.id);
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    if (!result.ok) {
      return editTapped(ctx, result.reason === 'unchanged' && result.mission ? ctx.t.missionAdmin.alreadyActive(result.mission.name) : ctx.t.missionAdmin.notFound);
    }
    ctx.log.info({ missionId: result.mission.id }, 'mission activated');
    return editTapped(ctx, ctx.t.missionAdmin.activated(result.mission.name));
  });

  feature.action(onButton(CB.missionClose, 'n'), requireOfficialTap, async (ctx) => {
    const result = await ctx.deps.repos.missionAdmin.close(Number(ctx.match[1]), ctx.user.id);
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    if (!result.ok) return editTapped(ctx, result.reason === 'not_found' ? ctx.t.missionAdmin.notFound : ctx.t.missionAdmin.notActive);
    ctx.log.info({ missionId: result.mission.id }, 'mission closed');
    return editTapped(ctx, ctx.t.missionAdmin.closed(result.mission.name));
  });

  feature.action(CB.missionCloseKeep, requireOfficialTap, async (ctx) => {
    await optional(ctx.log, 'answerCbQuery', () => ctx.answerCbQuery());
    return editTapped(ctx, ctx.t.missionAdmin.closeKept);
  });
  return feature;
}

async function showMenu(ctx: BotContext) {
  const [active, all] = await Promise.all([ctx.activeMission(), ctx.deps.repos.missionAdmin.list()]);
  const a = ctx.t.missionAdmin;
  const button = (label: string, action: MenuAction) => Markup.button.callback(label, CB.missionMenu + action);
  const rows: InlineKeyboardButton[][] = [[button(a.newButton, 'new'), ...(all.length > 0 ? [button(a.listButton, 'list')] : [])]];
  if (active) rows.push([button(a.editButton, 'edit')]);
  if (all.some((mission) => mission.status !== 'ACTIVE')) rows.push([button(a.switchButton, 'switch')]);
  if (active) rows.push([button(a.closeButton, 'close')]);
  return say(ctx, a.menu(active?.name), Markup.inlineKeyboard(rows));
}

async function showList(ctx: BotContext) {
  const missions = sortMissionsForList(await ctx.deps.repos.missionAdmin.list());
  if (missions.length === 0) return say(ctx, ctx.t.missionAdmin.noMissions);
  const shown = missions.slice(0, LIST_LIMIT);
  return say(
    ctx,
    lines([
      ctx.t.missionAdmin.listTitle(missions.length),
      '',
      ...shown.map((mission) => ctx.t.missionAdmin.listLine(missionListItem(mission, ctx.lang))),
      missions.length > shown.length && ctx.t.missionAdmin.listMore(missions.length - shown.length),
    ]),
  );
}

async function showEditMenu(ctx: BotContext) {
  const mission = await ctx.activeMission();
  if (!mission) return say(ctx, ctx.t.common.noActiveMission);
  const labels = ctx.t.missionAdmin.fields;
  const buttons = MISSION_FIELDS.map((field) => Markup.button.callback(labels[field], CB.missionEditField + field));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return say(ctx, ctx.t.missionAdmin.editMenu(missionFieldsView(mission, ctx.lang)), Markup.inlineKeyboard(rows));
}

async function showSwitch(ctx: BotContext) {
  const missions = sortMissionsForList(await ctx.deps.repos.missionAdmin.list());
  const active = missions.find((mission) => mission.status === 'ACTIVE');
  const others = missions.filter((mission) => mission.status !== 'ACTIVE').slice(0, SWITCH_LIMIT);
  if (others.length === 0) return say(ctx, ctx.t.missionAdmin.switchNone);
  const icon = { ACTIVE: '🟢', DRAFT: '📝', CLOSED: '🔒' } as const;
  return say(
    ctx,
    ctx.t.missionAdmin.switchPick(active?.name),
    Markup.inlineKeyboard(
      others.map((mission) => [
        Markup.button.callback(`${icon[mission.status]} ${shorten(mission.name)} · ${formatDateId(mission.startDate, ctx.lang)}`, CB.missionActivate + mission.id),
      ]),
    ),
  );
}

async function askClose(ctx: BotContext) {
  const mission = await ctx.activeMission();
  if (!mission) return say(ctx, ctx.t.common.noActiveMission);
  return say(
    ctx,
    ctx.t.missionAdmin.closeConfirm(mission.name),
    Markup.inlineKeyboard([
      Markup.button.callback(ctx.t.missionAdmin.closeYes, CB.missionClose + mission.id),
      Markup.button.callback(ctx.t.missionAdmin.closeNo, CB.missionCloseKeep),
    ]),
  );
}

function shorten(label: string): string {
  return label.length <= LABEL_MAX ? label : `${label.slice(0, LABEL_MAX - 1)}…`;
}

/** The wizard that creates a mission in eight questions; saved, it becomes the active mission. */
export function createMissionScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.mission,
    async (ctx) => {
      await say(ctx, ctx.t.mission.intro);
      await say(ctx, ctx.t.mission.askName, cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const name = await boundedText(ctx, await readInput(ctx), MISSION_NAME_LENGTH.min, MISSION_NAME_LENGTH.max);
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
      const city = await boundedText(ctx, await readInput(ctx), MISSION_CITY_LENGTH.min, MISSION_CITY_LENGTH.max);
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
      const range = checkMissionDates(start, date.value);
      if (!range.ok) {
        await say(ctx, range.reason === 'end_before_start' ? ctx.t.mission.endBeforeStart(formatDateId(start, ctx.lang)) : ctx.t.mission.tooLongMission);
        return;
      }
      draft.endDate = date.value;
      const suggested = timeZoneLabel(provinceByCode(draft.hostProvince ?? '')?.timeZone ?? ctx.deps.defaultTimeZone) ?? 'WIB';
      await say(ctx, ctx.t.mission.askTimeZone(suggested), timeZoneKeyboard(ctx, CB.missionTimeZone, suggested));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const input = await readInput(ctx);
      const typed = input.type === 'button' ? (tappedArgs(input, CB.missionTimeZone, 'w')?.[1] ?? '') : input.type === 'text' ? input.text : '';
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
        await say(ctx, ctx.t.mission.badTarget(amountReason(ctx, text, target.reason)));
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
      // The new mission becomes the one active mission; the one active before becomes a draft.
      const mission = await ctx.deps.repos.missionAdmin.createActive(complete, ctx.user.id);
      ctx.log.info({ missionId: mission.id }, 'mission created');
      await say(ctx, ctx.t.mission.created(mission.name));
    },
  );
}

/**
 * Edits one field of the active mission: asks with the current value, checks
 * the answer the way the creating wizard does, saves with before/after in
 * the audit log. Wrong answers keep the question open; /batal leaves.
 */
export function createMissionEditScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.missionEdit,
    async (ctx) => {
      const { missionId, field } = editOf(ctx);
      const mission = missionId === undefined ? undefined : await ctx.deps.repos.missions.findById(missionId);
      if (!mission || mission.status !== 'ACTIVE' || !field) {
        await ctx.scene.leave();
        return say(ctx, ctx.t.missionAdmin.notActive);
      }
      await askField(ctx, mission, field);
      return ctx.wizard.next();
    },
    async (ctx) => {
      const { missionId, field } = editOf(ctx);
      const mission = missionId === undefined ? undefined : await ctx.deps.repos.missions.findById(missionId);
      if (!mission || mission.status !== 'ACTIVE' || !field) {
        await ctx.scene.leave();
        return say(ctx, ctx.t.missionAdmin.notActive);
      }
      const input = await readInput(ctx);
      const patch = await readFieldValue(ctx, mission, field, input);
      if (!patch) return;
      await ctx.scene.leave();
      if (input.type === 'button') await optional(ctx.log, 'remove edit buttons', () => ctx.editMessageReplyMarkup(undefined));
      const result = await ctx.deps.repos.missionAdmin.update(mission.id, patch, ctx.user.id);
      if (!result.ok) return say(ctx, result.reason === 'unchanged' ? ctx.t.missionAdmin.unchanged : ctx.t.missionAdmin.notActive);
      ctx.log.info({ missionId: mission.id, field }, 'mission updated');
      return say(
        ctx,
        ctx.t.missionAdmin.updated(ctx.t.missionAdmin.fields[field], fieldValue(field, result.before, ctx.t, ctx.lang), fieldValue(field, result.mission, ctx.t, ctx.lang)),
      );
    },
  );
}

async function askField(ctx: BotContext, mission: Mission, field: MissionField) {
  const ask = ctx.t.missionAdmin.ask;
  const current = fieldValue(field, mission, ctx.t, ctx.lang);
  const cancel = Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel);
  switch (field) {
    case 'name':
    case 'city':
    case 'startDate':
    case 'endDate':
    case 'digestTime':
      return say(ctx, ask[field](current), cancelKeyboard(ctx));
    case 'timeZone':
      return say(ctx, ask.timeZone(current), timeZoneKeyboard(ctx, CB.missionEditValue, timeZoneLabel(mission.timeZone)));
    case 'reminderTime':
      return say(
        ctx,
        ask.reminderTime(mission.reminderTime),
        Markup.inlineKeyboard([[Markup.button.callback(ctx.t.missionAdmin.reminderOffButton, `${CB.missionEditValue}off`)], [cancel]]),
      );
    case 'registrationOpen':
      return say(
        ctx,
        ask.registrationOpen(mission.registrationOpen),
        Markup.inlineKeyboard([
          [
            Markup.button.callback(ctx.t.missionAdmin.openButton, `${CB.missionEditValue}open`),
            Markup.button.callback(ctx.t.missionAdmin.closedButton, `${CB.missionEditValue}closed`),
          ],
          [cancel],
        ]),
      );
  }
}

/** The answer to an edit question as a patch, or undefined after telling the user what was wrong. */
async function readFieldValue(ctx: BotContext, mission: Mission, field: MissionField, input: StepInput): Promise<MissionPatch | undefined> {
  const a = ctx.t.missionAdmin;
  const tapped = tappedArgs(input, CB.missionEditValue, 'w')?.[1];
  switch (field) {
    case 'name': {
      const name = await boundedText(ctx, input, MISSION_NAME_LENGTH.min, MISSION_NAME_LENGTH.max);
      return name === undefined ? undefined : { name };
    }
    case 'city': {
      const city = await boundedText(ctx, input, MISSION_CITY_LENGTH.min, MISSION_CITY_LENGTH.max);
      return city === undefined ? undefined : { city };
    }
    case 'startDate':
    case 'endDate': {
      const text = await expectText(ctx, input);
      if (text === undefined) return undefined;
      const date = parseLocalDate(text, field === 'startDate' ? localDate(ctx.deps.now(), mission.timeZone) : mission.startDate);
      if (!date.ok) {
        await say(ctx, ctx.t.mission.badDate);
        return undefined;
      }
      const [start, end] = field === 'startDate' ? [date.value, mission.endDate] : [mission.startDate, date.value];
      const range = checkMissionDates(start, end);
      if (!range.ok) {
        if (range.reason === 'too_long') await say(ctx, ctx.t.mission.tooLongMission);
        else if (field === 'startDate') await say(ctx, a.startAfterEnd(formatDateId(end, ctx.lang)));
        else await say(ctx, ctx.t.mission.endBeforeStart(formatDateId(start, ctx.lang)));
        return undefined;
      }
      return { [field]: date.value };
    }
    case 'timeZone': {
      const timeZone = parseTimeZone(tapped ?? (input.type === 'text' ? input.text : ''));
      if (!timeZone) {
        await say(ctx, ctx.t.mission.badTimeZone);
        return undefined;
      }
      return { timeZone };
    }
    case 'digestTime': {
      const text = await expectText(ctx, input);
      if (text === undefined) return undefined;
      const time = parseLocalTime(text);
      if (!time.ok) {
        await say(ctx, a.badTime);
        return undefined;
      }
      return { digestTime: time.value };
    }
    case 'reminderTime': {
      if (tapped === 'off') return { reminderTime: null };
      const text = await expectText(ctx, input);
      if (text === undefined) return undefined;
      const time = parseReminderSetting(text);
      if (!time.ok) {
        await say(ctx, a.badReminder);
        return undefined;
      }
      return { reminderTime: time.value };
    }
    case 'registrationOpen': {
      const open = tapped === 'open' ? true : tapped === 'closed' ? false : input.type === 'text' ? parseRegistrationOpen(input.text) : undefined;
      if (open === undefined) {
        await say(ctx, a.badRegistration);
        return undefined;
      }
      return { registrationOpen: open };
    }
  }
}

function timeZoneKeyboard(ctx: BotContext, prefix: string, suggested: TimeZoneLabel | undefined) {
  const labels = Object.keys(TIME_ZONES) as TimeZoneLabel[];
  return Markup.inlineKeyboard([
    labels.map((label) => Markup.button.callback(label === suggested ? `✅ ${label}` : label, prefix + label)),
    [Markup.button.callback(ctx.t.common.cancelButton, CB.wizardCancel)],
  ]);
}

function todayOf(ctx: BotContext): string {
  return localDate(ctx.deps.now(), ctx.deps.defaultTimeZone);
}

function completeDraft(draft: MissionDraft) {
  const { name, originProvince, hostProvince, city, startDate, endDate, timeZone, targetAmount } = draft;
  if (!name || !originProvince || !hostProvince || !city || !startDate || !endDate || !timeZone || !targetAmount) return undefined;
  return { name, originProvince, hostProvince, city, startDate, endDate, timeZone, targetAmount: BigInt(targetAmount) };
}
