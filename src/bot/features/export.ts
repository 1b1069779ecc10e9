import { Composer } from 'telegraf';
import { timeZoneLabel } from '../../domain/time.js';
import type { ExportFile } from '../../export/run-export.js';
import { requireOfficial, requirePrivateChat } from '../access.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { say } from '../reply.js';
import { describeError, isEditTargetGone, optional } from '../../telegram/errors.js';

/** The progress message is edited at most this often: Telegram allows about one edit a second per chat. */
export const PROGRESS_EDIT_INTERVAL_MS = 2_000;

/**
 * One message showing how far the export is, edited as it goes: at most one
 * edit in flight and one every PROGRESS_EDIT_INTERVAL_MS, never blocking the
 * export. An edit that fails is only logged (and, once the message is gone,
 * no more are tried): the files matter, not the percentage.
 */
function progressMessage(ctx: BotContext, messageId: number | undefined) {
  let shown = 0;
  let lastEdit = Date.now();
  let inFlight: Promise<unknown> | null = null;
  let gone = messageId === undefined;
  const edit = (text: string) => {
    if (gone || messageId === undefined) return Promise.resolve();
    const call = ctx.telegram
      .editMessageText(ctx.chat!.id, messageId, undefined, text, { parse_mode: 'HTML' })
      .catch((error: unknown) => {
        if (isEditTargetGone(error)) gone = true;
        ctx.log.info({ err: describeError(error) }, 'export progress edit failed');
      })
      .finally(() => {
        inFlight = null;
      });
    inFlight = call;
    return call;
  };
  return {
    update(share: number): void {
      const percent = Math.floor(share * 100);
      if (percent <= shown || inFlight || Date.now() - lastEdit < PROGRESS_EDIT_INTERVAL_MS) return;
      shown = percent;
      lastEdit = Date.now();
      void edit(ctx.t.exports.progress(percent).value);
    },
    /** The last word in the message, once the edit in flight (if any) is done. */
    async end(text: string): Promise<void> {
      await inFlight;
      await edit(text);
    },
  };
}

function caption(ctx: BotContext, file: ExportFile, first: string | null): string {
  const e = ctx.t.exports;
  const parts = [first, file.part && e.captionPart(file.part).value].filter((part): part is string => Boolean(part));
  return parts.join('\n\n');
}

/**
 * /ekspor: the active mission's data as an Excel workbook and a CSV of the
 * reports, streamed to temporary files page by page (a mission may hold a
 * million reports), while one message shows the share done; then the files,
 * zipped or split to Telegram's 50 MB (the message says which), then the
 * temporary files are removed. Private chat only: the files carry
 * exhibitors' phone numbers, which do not belong in a group.
 */
export function createExportFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command(names('ekspor'), requirePrivateChat, requireOfficial, async (ctx) => {
    const mission = await ctx.activeMission();
    if (!mission) return say(ctx, ctx.t.common.noActiveMission);
    const now = ctx.deps.now();
    const e = ctx.t.exports;
    const started = await optional(ctx.log, 'sendMessage', () => ctx.reply(e.progress(0).value, { parse_mode: 'HTML' }));
    const progress = progressMessage(ctx, started?.message_id);

    // The writers (and exceljs) are loaded with the first export, not at start.
    const { runExport, DEFAULT_EXPORT_LIMITS } = await import('../../export/run-export.js');
    const settings = { ...DEFAULT_EXPORT_LIMITS, ...ctx.deps.exportLimits };
    let result: Awaited<ReturnType<typeof runExport>> | undefined;
    try {
      result = await runExport({
        repo: ctx.deps.repos.exports,
        mission,
        lang: ctx.lang,
        generatedAt: now,
        limits: settings,
        onProgress: (share) => progress.update(share),
      });
      const { head, files, csv } = result;
      const csvFiles = files.filter((file) => file.kind === 'csv');
      await progress.end(
        e.ready({
          workbookParts: result.workbook.parts.length,
          csvParts: csvFiles.length,
          csvZipped: csvFiles.some((file) => file.zipped),
          csvMb: csv.rawBytes / 1e6,
          zippedMb: csvFiles.reduce((sum, file) => sum + file.bytes, 0) / 1e6,
          limitMb: settings.maxFileBytes / 1e6,
        }).value,
      );
      const xlsxCaption = e.captionXlsx({
        mission: mission.name,
        reports: result.reports,
        voided: head.summary.voidedCount,
        exhibitors: head.exhibitors.length,
        products: head.products.length,
        timeZone: timeZoneLabel(mission.timeZone) ?? mission.timeZone,
        textAmounts: result.workbook.textAmounts,
      }).value;
      let firstXlsx = true;
      let firstCsv = true;
      for (const file of files) {
        await optional(ctx.log, 'sendChatAction', () => ctx.sendChatAction('upload_document'));
        let first: string | null = null;
        if (file.kind === 'xlsx' && firstXlsx) first = xlsxCaption;
        if (file.kind === 'csv' && firstCsv) first = (file.zipped ? e.captionCsvZipped : e.captionCsv).value;
        if (file.kind === 'xlsx') firstXlsx = false;
        else firstCsv = false;
        // A path, not a stream: telegraf opens the file again if the upload is retried.
        await ctx.replyWithDocument({ source: file.path, filename: file.filename }, { caption: caption(ctx, file, first), parse_mode: 'HTML' });
      }
      ctx.log.info(
        { missionId: mission.id, reports: result.reports, files: files.map((file) => ({ name: file.filename, bytes: file.bytes })) },
        'export sent',
      );
    } catch (error) {
      await progress.end(e.failed.value);
      throw error;
    } finally {
      await result?.dispose();
    }
  });
  return feature;
}
