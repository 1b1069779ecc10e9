import { Composer } from 'telegraf';
import { localDayBounds } from '../../domain/day-bounds.js';
import { SALE_KINDS } from '../../domain/sale.js';
import type { KindTotals } from '../../domain/sale-records.js';
import { formatDateId, localDate } from '../../domain/time.js';
import { lines, type SafeHtml } from '../../i18n/index.js';
import { requirePrivateChat, standingOf } from '../access.js';
import { names } from '../commands.js';
import type { BotContext } from '../context.js';
import { say } from '../reply.js';
import { exactAmount, reportTime, shortProduct } from '../sale-presenters.js';

/** How many of their latest reports /rekapku lists. */
const LATEST = 5;

/**
 * /rekapku (/mysales): an exhibitor's own live figures — today (the
 * mission's local day) and the whole mission, by kind — and their last
 * reports. Voided reports count nowhere.
 */
export function createMySalesFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command(names('rekapku'), requirePrivateChat, async (ctx) => {
    const standing = await standingOf(ctx);
    if (!standing.mission) return say(ctx, ctx.t.common.noActiveMission);
    if (!standing.exhibitor) return say(ctx, ctx.t.common.exhibitorOnly);
    const { mission, exhibitor } = standing;
    const now = ctx.deps.now();
    const today = localDate(now, mission.timeZone);
    const sales = await ctx.deps.repos.sales.exhibitorSales(exhibitor.id, localDayBounds(today, mission.timeZone), LATEST);
    const title = ctx.t.mySales.title(exhibitor.name, mission.name);
    if (sales.mission.count === 0) return say(ctx, lines([title, '', ctx.t.mySales.none]));

    const kindLines = (totals: KindTotals): SafeHtml[] =>
      SALE_KINDS.filter((kind) => totals.byKind[kind] > 0n).map((kind) => ctx.t.mySales.kindLine(ctx.t.sale.kinds[kind], exactAmount(totals.byKind[kind], ctx.lang)));
    return say(
      ctx,
      lines([
        title,
        '',
        ctx.t.mySales.today(formatDateId(today, ctx.lang), exactAmount(sales.today.total, ctx.lang), sales.today.count),
        ...kindLines(sales.today),
        ctx.t.mySales.mission(exactAmount(sales.mission.total, ctx.lang), sales.mission.count),
        ...kindLines(sales.mission),
        '',
        ctx.t.mySales.latestTitle(sales.latest.length),
        ...sales.latest.map((report) =>
          ctx.t.mySales.latestLine(
            report.id,
            reportTime(report.createdAt, mission.timeZone, now, ctx.lang),
            exactAmount(report.amount, ctx.lang),
            shortProduct(report, 40),
            ctx.t.sale.kinds[report.kind],
            report.verifiedAt !== null,
          ),
        ),
        '',
        ctx.t.mySales.verifiedHint,
      ]),
    );
  });

  return feature;
}
