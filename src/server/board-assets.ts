import { createHash } from 'node:crypto';

/**
 * The board's stylesheet and script, served by the bot itself (the venue may
 * have no internet beyond the bot's server): system fonts, no framework.
 * Wide screens get three columns that fill 1920×1080 from across a hall;
 * narrow ones one column.
 */
const CSS = `
:root { --bg:#0a1f2e; --panel:#12324a; --ink:#f3f7fa; --dim:#a9c1d3; --accent:#ffc857; --good:#4cd07d; --pace:#7fb4ff; --gap:clamp(8px,0.9vw,18px); }
* { box-sizing:border-box; }
html,body { margin:0; background:var(--bg); color:var(--ink); font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif; }
body { min-height:100vh; display:flex; flex-direction:column; padding:clamp(10px,1.2vw,26px); gap:var(--gap); }
header { display:flex; justify-content:space-between; align-items:flex-start; gap:1rem; }
h1 { margin:0; font-size:clamp(1.25rem,2vw,2.6rem); line-height:1.15; }
header p { margin:.15em 0 0; color:var(--dim); font-size:clamp(.85rem,1vw,1.3rem); }
.meta { display:flex; flex-direction:column; align-items:flex-end; gap:.3em; font-size:clamp(.8rem,1vw,1.2rem); white-space:nowrap; }
.live::before { content:"●"; margin-right:.35em; color:var(--dim); }
.live.on::before { color:var(--good); }
.live.off { color:var(--accent); }
.lang { color:var(--dim); }
main#board { flex:1; display:grid; gap:var(--gap); grid-template-columns:minmax(0,1fr); }
section { background:var(--panel); border-radius:14px; padding:clamp(12px,1.2vw,24px); min-width:0; }
h2 { margin:0 0 .5em; font-size:clamp(1rem,1.2vw,1.5rem); color:var(--dim); font-weight:600; }
.label { color:var(--dim); font-size:clamp(.85rem,1.1vw,1.4rem); }
.hero .counter { font-size:clamp(3rem,7.6vw,11rem); font-weight:800; line-height:1.02; letter-spacing:-.02em; font-variant-numeric:tabular-nums; color:var(--accent); }
.hero .counter.flash { animation:flash 1.2s ease-out; }
@keyframes flash { from { color:#fff; text-shadow:0 0 .3em var(--accent); } to { color:var(--accent); text-shadow:none; } }
.hero .exact { font-size:clamp(1rem,1.6vw,2rem); font-variant-numeric:tabular-nums; }
.hero .target { color:var(--dim); }
.progress { display:flex; align-items:center; gap:.6em; margin-top:.5em; }
.bar { flex:1; height:clamp(14px,1.8vw,32px); background:#06131c; border-radius:99px; overflow:hidden; }
.bar span { display:block; height:100%; background:linear-gradient(90deg,var(--good),var(--accent)); border-radius:99px; transition:width .8s; }
.percent { font-size:clamp(1.5rem,2.8vw,3.6rem); font-weight:700; font-variant-numeric:tabular-nums; min-width:3.6em; text-align:right; }
.status { font-size:clamp(1rem,1.5vw,1.9rem); color:var(--good); margin-top:.3em; }
.tiles { display:grid; grid-template-columns:repeat(2,minmax(0,1fr)); gap:var(--gap); background:none; padding:0; }
.tile { background:var(--panel); border-radius:14px; padding:clamp(10px,.9vw,18px); display:flex; flex-direction:column; justify-content:space-between; min-width:0; }
.tile .value { font-size:clamp(1.3rem,2.1vw,2.8rem); font-weight:700; font-variant-numeric:tabular-nums; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
.tile .note { color:var(--dim); font-size:clamp(.8rem,.9vw,1.1rem); }
.chart { display:flex; flex-direction:column; }
.chart svg { width:100%; height:clamp(160px,30vh,420px); display:block; background:#0b2536; border-radius:8px; }
.chart polyline, .chart line { fill:none; vector-effect:non-scaling-stroke; }
.chart .actual { stroke:var(--accent); stroke-width:4; stroke-linejoin:round; }
.chart .pace { stroke:var(--pace); stroke-width:2; stroke-dasharray:8 6; }
.chart .target-line { stroke:var(--good); stroke-width:1.5; stroke-dasharray:3 5; }
.axis { display:flex; justify-content:space-between; color:var(--dim); font-size:clamp(.75rem,.9vw,1.1rem); margin-top:.3em; }
.legend { display:flex; flex-wrap:wrap; gap:.3em 1.2em; margin-top:.3em; font-size:clamp(.8rem,.95vw,1.2rem); }
.key::before { content:""; display:inline-block; width:1.4em; height:.25em; vertical-align:middle; margin-right:.4em; border-radius:2px; }
.key.actual::before { background:var(--accent); }
.key.pace::before { background:repeating-linear-gradient(90deg,var(--pace) 0 6px,transparent 6px 10px); }
.key.target-line::before { background:var(--good); height:.12em; }
ul,ol { list-style:none; margin:0; padding:0; }
.categories li { display:grid; grid-template-columns:1fr auto; gap:.15em .8em; margin-bottom:.5em; font-size:clamp(.95rem,1.2vw,1.5rem); }
.categories .amount { font-weight:700; font-variant-numeric:tabular-nums; }
.share { grid-column:1 / -1; height:.4em; background:#06131c; border-radius:99px; overflow:hidden; }
.share span { display:block; height:100%; background:var(--pace); }
.latest li { display:grid; grid-template-columns:auto minmax(0,1fr); grid-template-areas:"time amount" "who who"; gap:.1em .8em; padding:.45em 0; border-bottom:1px solid #1f4763; font-size:clamp(.95rem,1.1vw,1.4rem); }
.latest li:last-child { border-bottom:0; }
.latest time { grid-area:time; color:var(--dim); font-variant-numeric:tabular-nums; white-space:nowrap; }
.latest .who { grid-area:who; min-width:0; overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
.latest .product { color:var(--dim); }
.latest .amount { grid-area:amount; font-weight:700; font-variant-numeric:tabular-nums; text-align:right; }
.empty { color:var(--dim); font-size:clamp(.95rem,1.2vw,1.5rem); margin:0; }
footer { color:var(--dim); font-size:clamp(.75rem,.85vw,1.05rem); text-align:right; }
.not-found main { max-width:40rem; margin:10vh auto; }
@media (min-width:900px) {
  main#board { grid-template-columns:minmax(0,2fr) minmax(0,1fr); grid-template-rows:auto auto minmax(0,1fr); grid-template-areas:"hero latest" "tiles latest" "chart categories"; }
  .hero { grid-area:hero; } .tiles { grid-area:tiles; grid-template-columns:repeat(4,minmax(0,1fr)); } .chart { grid-area:chart; } .categories { grid-area:categories; } .latest { grid-area:latest; }
  .latest li { grid-template-columns:auto minmax(0,1fr) auto; grid-template-areas:"time who amount"; align-items:baseline; }
}
@media (min-width:900px) and (min-height:600px) {
  body { height:100vh; }
  main#board { min-height:0; }
  .chart, .categories, .latest { min-height:0; overflow:hidden; }
  .chart svg { flex:1 1 0; height:0; min-height:100px; }
}
`;

/**
 * Listens to the board's Server-Sent Events and swaps in each new snapshot.
 * EventSource reconnects by itself and sends Last-Event-ID, so the server
 * answers a returning board with the current figures at once. A board whose
 * link stopped working (key rotated) gets a non-200 and is reloaded later,
 * which shows the "not found" page.
 */
const JS = `(function () {
  var body = document.body, url = body.getAttribute('data-events');
  var main = document.getElementById('board'), live = document.getElementById('live'), updated = document.getElementById('updated');
  if (!url || !window.EventSource || !main) return;
  var source = new EventSource(url);
  source.addEventListener('board', function (event) {
    var data = JSON.parse(event.data);
    var before = main.querySelector('[data-total]');
    var previous = before ? before.getAttribute('data-total') : null;
    main.innerHTML = data.main;
    if (updated) updated.textContent = data.updated;
    var counter = main.querySelector('[data-total]');
    if (counter && previous !== null && previous !== counter.getAttribute('data-total')) counter.classList.add('flash');
  });
  source.onopen = function () { live.className = 'live on'; live.textContent = body.getAttribute('data-live'); };
  source.onerror = function () {
    live.className = 'live off';
    live.textContent = body.getAttribute('data-reconnecting');
    if (source.readyState === 2) setTimeout(function () { location.reload(); }, 10000);
  };
})();
`;

export interface BoardAsset {
  body: Buffer;
  type: string;
  etag: string;
}

function asset(text: string, type: string): BoardAsset {
  const body = Buffer.from(text, 'utf8');
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` };
}

export const BOARD_ASSETS: Readonly<Record<string, BoardAsset>> = {
  'board.css': asset(CSS, 'text/css; charset=utf-8'),
  'board.js': asset(JS, 'text/javascript; charset=utf-8'),
};

/** Changes when either file does: pages ask for `?v=<this>`, so a new release is never served a stale script. */
export const BOARD_ASSET_VERSION = createHash('sha256')
  .update(Object.values(BOARD_ASSETS).map((a) => a.etag).join())
  .digest('base64url')
  .slice(0, 10);
