import { Composer } from 'telegraf';
import { exportFileName } from '../../domain/export.js';
import { localDate, timeZoneLabel } from '../../domain/time.js';
import { buildReportsCsv } from '../../export/csv.js';
import { requireOfficial, requirePrivateChat } from '../access.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { say } from '../reply.js';
import { optional } from '../../telegram/errors.js';

/**
 * /ekspor: the active mission's data as an Excel workbook and a CSV of the
 * reports, sent as two documents. Private chat only: the files carry
 * exhibitors' phone numbers, which do not belong in a group.
 */
export function createExportFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('ekspor'), requirePrivateChat, requireOfficial, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const now = ctx.deps.now();
    await optional(ctx.log, 'sendChatAction', () => ctx.sendChatAction('upload_document'));

    const data = await ctx.deps.repos.exports.missionData(mission);
    // exceljs is loaded with the first export, not at start.
    const { buildWorkbook } = await import('../../export/workbook.js');
    const workbook = await buildWorkbook(data, ctx.lang, now);
    const csv = buildReportsCsv(data, ctx.lang);
    const date = localDate(now, mission.timeZone);
    const caption = ctx.t.exports.captionXlsx({
      mission: mission.name,
      reports: data.reports.length,
      voided: data.reports.filter((report) => report.voidedAt !== null).length,
      exhibitors: data.exhibitors.length,
      products: data.products.length,
      timeZone: timeZoneLabel(mission.timeZone) ?? mission.timeZone,
      textAmounts: workbook.textAmounts,
    });
    await ctx.replyWithDocument(
      { source: workbook.buffer, filename: exportFileName(mission.name, date, 'xlsx') },
      { caption: caption.value, parse_mode: 'HTML' },
    );
    await ctx.replyWithDocument(
      { source: csv, filename: exportFileName(mission.name, date, 'csv') },
      { caption: ctx.t.exports.captionCsv.value, parse_mode: 'HTML' },
    );
    ctx.log.info({ missionId: mission.id, reports: data.reports.length }, 'export sent');
  });
  return feature;
}
