import { missionDates, provinceName } from '../views/presenters.js';
import { CHART_HEIGHT, CHART_WIDTH, type Board } from '../domain/board.js';
import { isCategory } from '../domain/categories.js';
import type { Lang, Mission } from '../domain/entities.js';
import { formatRupiah, formatRupiahCompact } from '../domain/money.js';
import { formatPercent } from '../domain/progress.js';
import { formatDateId, timeZoneLabel } from '../domain/time.js';
import { catalogue, html, raw, type SafeHtml } from '../i18n/index.js';

/** Where the page's own files live; `_` never occurs in a board slug. */
export const BOARD_ASSET_PATH = '/papan/_';

const money = formatRupiahCompact;

function zone(mission: Mission): string {
  return timeZoneLabel(mission.timeZone) ?? mission.timeZone;
}

function tile(label: string, value: string, note?: string): SafeHtml {
  return html`<div class="tile"><div class="label">${label}</div><div class="value">${value}</div>${note ? html`<div class="note">${note}</div>` : ''}</div>`;
}

/**
 * The part of the page that changes with the figures: rendered once per
 * snapshot and language, sent whole to every open board (so the page's
 * script only swaps it in and holds no formatting of its own).
 */
export function renderBoardMain(board: Board, mission: Mission, lang: Lang): string {
  const t = catalogue(lang);
  const p = t.board.page;
  const figures = board.progress;
  const hasTarget = mission.targetAmount > 0n;
  const status =
    board.phase === 'before'
      ? p.startsIn(board.startsIn)
      : board.phase === 'after'
        ? p.ended
        : figures.reached
          ? p.reached
          : null;
  const categoryName = (key: string) => (isCategory(key) ? t.categories[key] : key);
  const maxCategory = board.categories[0]?.amount ?? 0n;
  const width = (amount: bigint) => (maxCategory > 0n ? Math.max(1, Number((amount * 100n) / maxCategory)) : 0);
  const chart = board.chart;
  return html`<section class="hero">
<div class="label">${p.total}</div>
<div class="counter" id="total" data-total="${figures.total.toString()}">${money(figures.total)}</div>
<div class="exact">${formatRupiah(figures.total)} <span class="target">· ${hasTarget ? p.ofTarget(money(mission.targetAmount)) : p.noTarget}</span></div>
<div class="progress"><div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${board.barPercent}"><span style="width:${board.barPercent}%"></span></div><div class="percent" id="percent">${formatPercent(figures.percentBasis, lang)}</div></div>
${status ? html`<div class="status">${status}</div>` : ''}
</section>
<section class="tiles">
${tile(p.today, money(figures.todayTotal), p.transactions(board.todayCount))}
${tile(p.realised, money(figures.realised), p.realisedNote)}
${tile(p.committed, money(figures.committed), p.committedNote)}
${tile(p.investment, money(figures.investment))}
${tile(p.sell, money(figures.sell))}
${tile(p.buy, money(figures.buy))}
${tile(p.daysLeft, String(figures.daysLeft))}
${tile(p.neededPerDay, hasTarget && !figures.reached && figures.daysLeft > 0 ? money(figures.requiredDailyRate) : '–')}
${board.meetings ? tile(p.meetingsHeld, String(board.meetings.held), p.meetingsNote(board.meetings.booked, board.meetings.deals)) : ''}
</section>
<section class="chart">
<h2>${p.chart}</h2>
<svg viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" preserveAspectRatio="none" role="img" aria-label="${p.chart}">
${chart.targetY === null ? '' : html`<line class="target-line" x1="0" x2="${CHART_WIDTH}" y1="${chart.targetY}" y2="${chart.targetY}"/>`}
${chart.pace ? html`<polyline class="pace" points="${chart.pace}"/>` : ''}
${chart.actual ? html`<polyline class="actual" points="${chart.actual}"/>` : ''}
</svg>
<div class="axis"><span>${formatDateId(mission.startDate, lang)}</span><span>${formatDateId(mission.endDate, lang)}</span></div>
<div class="legend"><span class="key actual">${p.cumulative}</span><span class="key pace">${p.pace}</span>${chart.targetY === null ? '' : html`<span class="key target-line">${p.target} ${money(mission.targetAmount)}</span>`}</div>
</section>
<section class="categories">
<h2>${p.categories}</h2>
${board.categories.length === 0
    ? html`<p class="empty">${p.noReports}</p>`
    : html`<ul>${board.categories.map(
        (entry) =>
          html`<li><span class="name">${categoryName(entry.category)}</span><span class="amount">${money(entry.amount)}</span><span class="share"><span style="width:${width(entry.amount)}%"></span></span></li>`,
      )}</ul>`}
</section>
<section class="latest">
<h2>${p.latest}</h2>
${board.latest.length === 0
    ? html`<p class="empty">${p.noReports}</p>`
    : html`<ol>${board.latest.map(
        (report) =>
          html`<li><time>${report.isToday ? report.localTime : `${formatDateId(report.localDate, lang).replace(/ \d{4}$/, '')} ${report.localTime}`}</time><span class="who"><b>${report.exhibitorName}</b>${report.productName ? html`<span class="product"> · ${report.productName}</span>` : ''}</span><span class="amount">${money(report.amount)}</span></li>`,
      )}</ol>`}
</section>`.value;
}

/** The "updated" line under the board, in the mission's zone. */
export function renderUpdated(lang: Lang, mission: Mission, localTime: string): string {
  return catalogue(lang).board.page.updated(localTime, zone(mission));
}

export interface BoardPageInput {
  mission: Mission;
  lang: Lang;
  main: string;
  updated: string;
  /** The Server-Sent Events address the page's script listens to. */
  eventsUrl: string;
  /** The same page in the other language. */
  otherLanguageUrl: string;
  assetVersion: string;
}

/** The whole page: the shell around {@link renderBoardMain}; everything it loads comes from the bot. */
export function renderBoardPage(input: BoardPageInput): string {
  const { mission, lang } = input;
  const p = catalogue(lang).board.page;
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${p.title(mission.name)}</title>
<link rel="stylesheet" href="${BOARD_ASSET_PATH}/board.css?v=${input.assetVersion}">
<script defer src="${BOARD_ASSET_PATH}/board.js?v=${input.assetVersion}"></script>
</head>
<body data-events="${input.eventsUrl}" data-live="${p.live}" data-reconnecting="${p.reconnecting}">
<header>
<div class="mission"><h1>${mission.name}</h1><p>${mission.city}, ${provinceName(mission.hostProvince)} · ${missionDates(mission, lang)} (${zone(mission)})</p></div>
<div class="meta"><span id="live" class="live">${p.live}</span><a class="lang" href="${input.otherLanguageUrl}">${p.otherLanguage}</a></div>
</header>
<main id="board">${raw(input.main)}</main>
<footer id="updated">${input.updated}</footer>
</body>
</html>
`.value;
}

/** The page a wrong slug or key gets, with status 404: it says nothing about which part was wrong. */
export function renderNotFound(lang: Lang, assetVersion: string): string {
  const p = catalogue(lang).board.page;
  return html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${p.notFoundTitle}</title><link rel="stylesheet" href="${BOARD_ASSET_PATH}/board.css?v=${assetVersion}"></head>
<body class="not-found"><main><h1>${p.notFoundTitle}</h1><p>${p.notFound}</p></main></body>
</html>
`.value;
}
