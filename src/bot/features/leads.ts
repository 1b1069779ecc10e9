import { randomBytes } from 'node:crypto';
import { Composer, Markup, Scenes } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { truncateText } from '../../domain/catalog.js';
import type { Lang, Mission } from '../../domain/entities.js';
import { missionSlug } from '../../domain/export.js';
import {
  BOOTH_CODE_LENGTH,
  BOOTH_START_PREFIX,
  boothDeepLink,
  makeBoothCode,
  matchesFilter,
  parseBoothCode,
  parseLeadFilter,
  parseLeadScore,
  stars,
  validateLeadNote,
  type LeadFilter,
  type LeadRecord,
} from '../../domain/leads.js';
import { normalizePhone } from '../../domain/phone.js';
import { localDate } from '../../domain/time.js';
import { CATALOGUES, catalogue, lines, resolveLang, type Catalogue } from '../../i18n/index.js';
import type { LeadView } from '../../i18n/messages/leads.js';
import { requirePrivateChat, standingOf } from '../access.js';
import { localMoment, zoneLabel } from '../../views/admin-presenters.js';
import { CB, SCENE } from '../../views/callback-data.js';
import { categoryLabel, productButton } from '../catalog-views.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { provinceName } from '../../views/presenters.js';
import { editTapped, say } from '../reply.js';
import type { StartPayloadHandler } from '../start-payloads.js';
import { optional } from '../../telegram/errors.js';
import { cancelKeyboard, expectText, readInput } from '../wizard.js';

/** /prospek shows this many lines; the export files hold all of them. */
const LIST_LIMIT = 20;
/** Products listed on the booth card as buttons. */
const BOOTH_PRODUCTS = 10;
const BUTTON_NAME_MAX = 30;

function leadView(lead: LeadRecord, mission: Pick<Mission, 'timeZone'>, lang: Lang): LeadView {
  return { id: lead.id, name: lead.name, phone: lead.phone, stars: stars(lead.score), note: lead.note, time: localMoment(lead.createdAt, mission.timeZone, lang) };
}

/** Score buttons and the note button under a lead notice. */
function leadKeyboard(t: Catalogue, leadId: number): InlineKeyboardButton[][] {
  const scores = [1, 2, 3, 4, 5].map((score) => Markup.button.callback(`${score}★`, `${CB.leadScore}${leadId}:${score}`));
  return [scores, [Markup.button.callback(t.leads.noteButton, `${CB.leadNote}${leadId}`)]];
}

/** The "share contact" reply keyboard: only a tap on it sends Telegram's contact card, with the visitor's own number. */
function shareKeyboard(t: Catalogue) {
  return Markup.keyboard([[Markup.button.contactRequest(t.leads.shareButton)], [Markup.button.text(t.leads.notNowButton)]])
    .oneTime()
    .resize();
}

/** The exhibitor of the active mission the user owns, or a polite refusal. */
async function ownExhibitor(ctx: BotContext) {
  const standing = await standingOf(ctx);
  if (!standing.mission || !standing.exhibitor) {
    await say(ctx, ctx.t.leads.notExhibitor);
    return undefined;
  }
  return { mission: standing.mission, exhibitor: standing.exhibitor };
}

/**
 * Booth leads: /qr prints the booth's deep link as a QR code; a visitor who
 * scans it sees the booth and may share their contact, which is the only
 * way a lead comes to exist. The exhibitor scores and notes leads and lists
 * or exports them in /prospek; the visitor sees and withdraws shares in /privasi.
 */
export function createLeadsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('qr'), requirePrivateChat, async (ctx) => {
    const own = await ownExhibitor(ctx);
    if (!own) return;
    const { exhibitor } = own;
    let code: string | undefined;
    // A fresh random code collides with another booth's about never; three draws make it never.
    for (let attempt = 0; attempt < 3 && code === undefined; attempt++) {
      code = await ctx.deps.repos.leads.boothCode(exhibitor.id, makeBoothCode(randomBytes(BOOTH_CODE_LENGTH)));
    }
    if (code === undefined) throw new Error(`no free booth code for exhibitor ${exhibitor.id}`);
    const link = boothDeepLink(ctx.botInfo.username, code);
    await optional(ctx.log, 'sendChatAction', () => ctx.sendChatAction('upload_document'));
    // resvg and the QR encoder load with the first /qr, not at start.
    const { renderBoothQr } = await import('../../charts/booth-qr.js');
    const png = renderBoothQr({ link, title: exhibitor.name, subtitle: ctx.t.leads.qrSubtitle(exhibitor.booth) });
    // As a document, not a photo: Telegram recompresses photos, which blurs a code meant for print.
    await ctx.replyWithDocument(
      { source: png, filename: `qr-${missionSlug(exhibitor.name)}.png` },
      { caption: ctx.t.leads.qrCaption(exhibitor.name, link).value, parse_mode: 'HTML' },
    );
    ctx.log.info({ exhibitorId: exhibitor.id }, 'booth qr sent');
  });

  feature.on('contact', async (ctx, next) => {
    const exhibitorId = ctx.session.leadBooth;
    // A contact nobody asked for (no booth scanned) is left alone, as before there were leads.
    if (ctx.chat.type !== 'private' || exhibitorId === undefined) return next();
    const contact = ctx.message.contact;
    if (contact.user_id !== Number(ctx.user.id)) return say(ctx, ctx.t.leads.notOwnContact);
    const mission = await ctx.activeMission();
    const exhibitor = mission ? await ctx.deps.repos.exhibitors.findById(exhibitorId) : undefined;
    delete ctx.session.leadBooth;
    if (!mission || !exhibitor || exhibitor.missionId !== mission.id) return say(ctx, ctx.t.leads.boothClosed, Markup.removeKeyboard());
    const phone = normalizePhone(contact.phone_number);
    const name = [contact.first_name, contact.last_name].filter(Boolean).join(' ').trim() || ctx.user.firstName;
    const owner = await ctx.deps.repos.users.findById(exhibitor.ownerId);
    const ownerLang = resolveLang(owner?.language ?? null, owner?.languageCode);
    const ownerT = catalogue(ownerLang);
    const { created } = await ctx.deps.repos.leads.share(
      { missionId: mission.id, exhibitorId: exhibitor.id, visitorId: ctx.user.id, name, phone: phone.ok ? phone.value : contact.phone_number, at: ctx.deps.now() },
      (lead) => ({
        chatId: exhibitor.ownerId,
        purpose: 'notice',
        method: 'sendMessage',
        payload: {
          text: ownerT.leads.notice(exhibitor.name, leadView(lead, mission, ownerLang)).value,
          parse_mode: 'HTML',
          reply_markup: { inline_keyboard: leadKeyboard(ownerT, lead.id) },
        },
        dedupeKey: `lead:${lead.id}`,
      }),
    );
    ctx.log.info({ exhibitorId: exhibitor.id, created }, 'lead shared');
    return say(ctx, created ? ctx.t.leads.shared(exhibitor.name) : ctx.t.leads.sharedAgain(exhibitor.name), Markup.removeKeyboard());
  });

  feature.hears([CATALOGUES.id.leads.notNowButton, CATALOGUES.en.leads.notNowButton], async (ctx, next) => {
    if (ctx.session.leadBooth === undefined) return next();
    delete ctx.session.leadBooth;
    return say(ctx, ctx.t.leads.notNow, Markup.removeKeyboard());
  });

  feature.action(new RegExp(`^${CB.leadScore}(\\d{1,9}):(\\d)$`), async (ctx) => {
    const score = parseLeadScore(Number(ctx.match[2]));
    if (score === undefined) return ctx.answerCbQuery(ctx.t.common.staleButton);
    const result = await ctx.deps.repos.leads.setScore(Number(ctx.match[1]), ctx.user.id, score);
    if (!result.ok) return ctx.answerCbQuery(result.reason === 'not_found' ? ctx.t.leads.leadGone : ctx.t.leads.notOwner, { show_alert: result.reason === 'not_owner' });
    await ctx.answerCbQuery(ctx.t.leads.scored(score));
    return showNotice(ctx, result.lead);
  });

  feature.action(new RegExp(`^${CB.leadNote}(\\d{1,9})$`), async (ctx) => {
    const found = await ctx.deps.repos.leads.findOwned(Number(ctx.match[1]), ctx.user.id);
    if (!found.ok) return ctx.answerCbQuery(found.reason === 'not_found' ? ctx.t.leads.leadGone : ctx.t.leads.notOwner, { show_alert: found.reason === 'not_owner' });
    await ctx.answerCbQuery();
    return ctx.scene.enter(SCENE.leadNote, { leadId: found.lead.id, name: found.lead.name });
  });

  feature.command(names('prospek'), requirePrivateChat, async (ctx) => {
    const own = await ownExhibitor(ctx);
    if (!own) return;
    const { mission, exhibitor } = own;
    const filter = parseLeadFilter(ctx.payload, localDate(ctx.deps.now(), mission.timeZone));
    if (!filter.ok) return say(ctx, ctx.t.leads.badFilter);
    const all = await ctx.deps.repos.leads.forExhibitor(exhibitor.id);
    if (all.length === 0) return say(ctx, ctx.t.leads.none);
    const chosen = all.filter((lead) => matchesFilter(lead, filter.value, mission.timeZone));
    const shown = chosen.slice(0, LIST_LIMIT);
    const filterData = `${filter.value.minScore ?? 0}:${filter.value.day ?? '-'}`;
    return say(
      ctx,
      lines([
        ctx.t.leads.listTitle(exhibitor.name, chosen.length, all.length),
        ctx.t.leads.filterLine(filter.value.minScore, filter.value.day),
        '',
        ...(chosen.length === 0 ? [ctx.t.leads.noneFiltered] : shown.map((lead) => ctx.t.leads.listLine(leadView(lead, mission, ctx.lang)))),
        chosen.length > shown.length && ctx.t.leads.listMore(chosen.length - shown.length),
        '',
        ctx.t.leads.filterHint,
      ]),
      chosen.length === 0
        ? {}
        : Markup.inlineKeyboard([
            Markup.button.callback(ctx.t.leads.exportXlsxButton, `${CB.leadExport}xlsx:${filterData}`),
            Markup.button.callback(ctx.t.leads.exportCsvButton, `${CB.leadExport}csv:${filterData}`),
          ]),
    );
  });

  feature.action(new RegExp(`^${CB.leadExport}(xlsx|csv):([0-5]):(\\d{4}-\\d{2}-\\d{2}|-)$`), async (ctx) => {
    const standing = await standingOf(ctx);
    if (!standing.mission || !standing.exhibitor) return ctx.answerCbQuery(ctx.t.common.staleButton);
    const { mission, exhibitor } = standing;
    await ctx.answerCbQuery();
    const filter: LeadFilter = { minScore: parseLeadScore(Number(ctx.match[2])) ?? null, day: ctx.match[3] === '-' ? null : (ctx.match[3] ?? null) };
    const chosen = (await ctx.deps.repos.leads.forExhibitor(exhibitor.id)).filter((lead) => matchesFilter(lead, filter, mission.timeZone));
    const zone = zoneLabel(mission.timeZone);
    const now = ctx.deps.now();
    const base = `prospek-${missionSlug(exhibitor.name)}-${localDate(now, mission.timeZone)}`;
    const xlsx = ctx.match[1] === 'xlsx';
    await optional(ctx.log, 'sendChatAction', () => ctx.sendChatAction('upload_document'));
    // exceljs loads with the first export, not at start.
    const { buildLeadsCsv, buildLeadsWorkbook } = await import('../../export/leads.js');
    const file = xlsx ? await buildLeadsWorkbook(chosen, ctx.lang, zone, mission.timeZone, now) : buildLeadsCsv(chosen, ctx.lang, zone, mission.timeZone);
    await ctx.replyWithDocument(
      { source: file, filename: `${base}.${xlsx ? 'xlsx' : 'csv'}` },
      { caption: ctx.t.leads.exportCaption(exhibitor.name, chosen.length).value, parse_mode: 'HTML' },
    );
  });

  feature.command(names('privasi'), requirePrivateChat, async (ctx) => {
    const shared = await ctx.deps.repos.leads.forVisitor(ctx.user.id);
    if (shared.length === 0) return say(ctx, lines([ctx.t.leads.privacyTitle, '', ctx.t.leads.privacyNone]));
    const mission = await ctx.activeMission();
    const zone = mission?.timeZone ?? ctx.deps.defaultTimeZone;
    return say(
      ctx,
      lines([
        ctx.t.leads.privacyTitle,
        '',
        ...shared.map((lead, index) => ctx.t.leads.privacyLine({ number: index + 1, exhibitor: lead.exhibitorName, time: localMoment(lead.createdAt, zone, ctx.lang) })),
        '',
        ctx.t.leads.privacyHint,
      ]),
      Markup.inlineKeyboard(
        shared.map((lead, index) => [Markup.button.callback(ctx.t.leads.withdrawButton(index + 1, truncateText(lead.exhibitorName, BUTTON_NAME_MAX)), `${CB.leadWithdraw}${lead.id}`)]),
      ),
    );
  });

  feature.action(new RegExp(`^${CB.leadWithdraw}(\\d{1,9})$`), async (ctx) => {
    const lead = await ctx.deps.repos.leads.withdraw(Number(ctx.match[1]), ctx.user.id);
    if (!lead) return ctx.answerCbQuery(ctx.t.leads.withdrawGone);
    ctx.log.info({ exhibitorId: lead.exhibitorId }, 'lead withdrawn');
    await ctx.answerCbQuery();
    return say(ctx, ctx.t.leads.withdrawn(lead.exhibitorName));
  });

  return feature;
}

/** The lead notice redrawn with its current score and note, in place of the tapped message. */
async function showNotice(ctx: BotContext, lead: LeadRecord): Promise<void> {
  const mission = await ctx.deps.repos.missions.findById(lead.missionId);
  const zone = mission?.timeZone ?? ctx.deps.defaultTimeZone;
  await editTapped(ctx, ctx.t.leads.notice(lead.exhibitorName, leadView(lead, { timeZone: zone }, ctx.lang)), Markup.inlineKeyboard(leadKeyboard(ctx.t, lead.id)));
}

/** `/start b_<code>`: the booth card, its products, and the invitation to share a contact. */
export const boothStartHandler: StartPayloadHandler = {
  prefix: BOOTH_START_PREFIX,
  async handle(ctx, rest) {
    const code = parseBoothCode(rest);
    const [booth, mission] = await Promise.all([code ? ctx.deps.repos.leads.findBooth(code) : undefined, ctx.activeMission()]);
    if (!booth || !mission || booth.exhibitor.missionId !== mission.id) {
      ctx.log.info({ payload: rest.slice(0, 20) }, 'unknown booth code');
      return say(ctx, ctx.t.leads.boothUnknown);
    }
    const { exhibitor } = booth;
    const [products, meet] = await Promise.all([ctx.deps.repos.catalog.ofExhibitor(exhibitor.id, BOOTH_PRODUCTS), ctx.deps.repos.matching.hasSession(mission.id)]);
    const meetRow = meet && ctx.chat?.type === 'private' && exhibitor.ownerId !== ctx.user.id ? [[Markup.button.callback(ctx.t.matching.meetButton, `${CB.meetExhibitor}${exhibitor.id}`)]] : [];
    const place = exhibitor.city ? `${exhibitor.city}, ${provinceName(exhibitor.province)}` : provinceName(exhibitor.province);
    await say(
      ctx,
      ctx.t.leads.boothCard({ name: exhibitor.name, category: categoryLabel(exhibitor.category, ctx.t), place, booth: exhibitor.booth, products: products.total }),
      Markup.inlineKeyboard([...products.items.map((product, index) => [productButton(product, index + 1, 0)]), ...meetRow]),
    );
    if (ctx.chat?.type !== 'private') return;
    if (exhibitor.ownerId === ctx.user.id) return say(ctx, ctx.t.leads.ownBooth);
    ctx.session.leadBooth = exhibitor.id;
    return say(ctx, ctx.t.leads.shareInvite(exhibitor.name), shareKeyboard(ctx.t));
  },
};

/** The exhibitor's note on a lead: one line of text. */
export function createLeadNoteScene(): Scenes.WizardScene<BotContext> {
  return new Scenes.WizardScene<BotContext>(
    SCENE.leadNote,
    async (ctx) => {
      const state = ctx.wizard.state as { name?: string };
      await say(ctx, ctx.t.leads.askNote(state.name ?? ''), cancelKeyboard(ctx));
      return ctx.wizard.next();
    },
    async (ctx) => {
      const state = ctx.wizard.state as { leadId?: number };
      const text = await expectText(ctx, await readInput(ctx));
      if (text === undefined) return;
      const note = validateLeadNote(text);
      if (!note.ok) return say(ctx, note.reason === 'empty' ? ctx.t.leads.noteEmpty : ctx.t.leads.noteTooLong);
      await ctx.scene.leave();
      const result = await ctx.deps.repos.leads.setNote(state.leadId ?? 0, ctx.user.id, note.value);
      if (!result.ok) return say(ctx, ctx.t.leads.leadGoneText);
      return say(ctx, ctx.t.leads.noted(result.lead.name));
    },
  );
}
