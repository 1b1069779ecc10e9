import { Resvg } from '@resvg/resvg-js';
import QRCode from 'qrcode';
import { truncateText } from '../domain/catalog.js';
import { FONT, FONT_FILES } from './fonts.js';

/** What is printed: the deep link as a QR code, the business name under it, and one smaller line (booth, hint). */
export interface BoothQrInput {
  link: string;
  title: string;
  subtitle: string;
}

// About 1024 px of code plus the quiet zone: sharp on an A5/A4 print at 150–300 dpi.
const CODE_PX = 1024;
// The quiet zone QR readers need around the code, in modules (ISO/IEC 18004).
const QUIET_MODULES = 4;
const TITLE_PX = 56;
const SUBTITLE_PX = 34;
// Characters of the bold title per line at this width; a longer name wraps once, then is cut.
const TITLE_CHARS = 30;
const INK = '#111827';
const MUTED = '#4b5563';

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The name in at most two lines, broken at a space where one is near. */
function titleLines(title: string): string[] {
  const text = title.replace(/\s+/g, ' ').trim();
  if (text.length <= TITLE_CHARS) return [text];
  const cut = text.lastIndexOf(' ', TITLE_CHARS);
  const at = cut > TITLE_CHARS / 2 ? cut : TITLE_CHARS;
  return [text.slice(0, at).trim(), truncateText(text.slice(at).trim(), TITLE_CHARS)];
}

/** The booth card as SVG: the code as one path of whole-pixel squares, so it stays crisp when rasterised. */
export function boothQrSvg(input: BoothQrInput): string {
  // Level M: survives a smudge or a fold on a printed sheet, and keeps the modules large.
  const qr = QRCode.create(input.link, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const module = Math.floor(CODE_PX / size);
  const quiet = QUIET_MODULES * module;
  const width = size * module + 2 * quiet;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.modules.get(row, col)) path += `M${quiet + col * module} ${quiet + row * module}h${module}v${module}h-${module}z`;
    }
  }
  const title = titleLines(input.title);
  const textTop = width;
  const titleSvg = title
    .map((line, index) => `<text x="${width / 2}" y="${textTop + TITLE_PX * (index + 1) * 1.15}" font-size="${TITLE_PX}" font-weight="bold" fill="${INK}" text-anchor="middle">${xml(line)}</text>`)
    .join('');
  const subtitleY = textTop + TITLE_PX * title.length * 1.15 + SUBTITLE_PX * 1.6;
  const height = Math.ceil(subtitleY + quiet);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<path d="${path}" fill="#000000" shape-rendering="crispEdges"/>`,
    titleSvg,
    `<text x="${width / 2}" y="${subtitleY}" font-size="${SUBTITLE_PX}" fill="${MUTED}" text-anchor="middle">${xml(truncateText(input.subtitle, 60))}</text>`,
    '</svg>',
  ].join('');
}

/**
 * The booth QR as a PNG, rendered in-process (qrcode's matrix → SVG →
 * resvg) with the fonts shipped in node_modules: nothing downloaded.
 */
export function renderBoothQr(input: BoothQrInput): Buffer {
  const resvg = new Resvg(boothQrSvg(input), { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT }, background: 'white' });
  return Buffer.from(resvg.render().asPng());
}
