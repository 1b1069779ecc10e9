import type ExcelJS from 'exceljs';

/**
 * Page and column layout of the exported sheets, so the file prints as it
 * reads on screen: the officials hand it on as paper or PDF.
 */

// Excel's column width unit is the width of one "0" in the default font.
const MIN_WIDTH = 6;
/** Longer text wraps inside its column instead of widening it past a page. */
export const MAX_WIDTH = 32;
const EXCELJS_DEFAULT_WIDTH = 9;

function groupedDigits(value: number): number {
  const digits = Math.trunc(Math.abs(value)).toString().length;
  return digits + Math.floor((digits - 1) / 3) + (value < 0 ? 1 : 0);
}

/**
 * How many characters a cell shows: an amount in the rupiah format as
 * `Rp1.250.000.000`, a date as long as its format, text by its longest line.
 * An estimate (proportional fonts), erring wide: a number that does not fit
 * shows as `###`, which is what this is here to prevent.
 */
export function shownLength(value: ExcelJS.CellValue, numFmt: string | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') {
    const format = numFmt ?? '';
    if (format.includes('%')) return groupedDigits(value * 100) + 3;
    if (format.includes('Rp')) return 2 + groupedDigits(value);
    return String(value).length;
  }
  if (value instanceof Date) return (numFmt ?? 'dd/mm/yyyy').replace(/[^a-z0-9/:. -]/gi, '').length;
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'string') return Math.max(...value.split('\n').map((line) => [...line].length));
  if (typeof value === 'object' && 'richText' in value) return shownLength(value.richText.map((part) => part.text).join(''), numFmt);
  return String(value).length;
}

/** How many lines `text` takes when wrapped at spaces into `width` characters. */
export function wrappedLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = [...word].length;
      if (used > 0 && used + 1 + length > width) {
        lines += 1;
        used = length;
      } else used += (used > 0 ? 1 : 0) + length;
    }
  }
  return lines;
}

// Points per line of 11-point text, what LibreOffice and Excel use for a default row.
const LINE_POINTS = 15;

/**
 * Sizes every column to its widest cell (merged cells left out: they span
 * several columns), between MIN_WIDTH and MAX_WIDTH; text in a column capped
 * at the maximum wraps. A cell that wraps already (a header) needs only its
 * longest word, so "Komitmen: pesanan + LoI (Rp)" takes two lines, not a wide
 * column. Rows with wrapped text get the height of their lines: a reader
 * (LibreOffice) does not grow a row by itself, and the text would run over
 * the row above.
 */
export function fitColumns(sheet: ExcelJS.Worksheet): void {
  const wraps = (cell: ExcelJS.Cell) => cell.alignment?.wrapText === true && typeof cell.value === 'string';
  const widths: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.isMerged) return;
      const font = cell.font ?? row.font;
      const scale = ((font?.size ?? 11) / 11) * (font?.bold ? 1.05 : 1);
      const shown = wraps(cell) ? Math.max(...String(cell.value).split(/\s+/).map((word) => [...word].length)) : shownLength(cell.value, cell.numFmt);
      widths[column] = Math.max(widths[column] ?? 0, shown * scale);
    });
  });
  widths.forEach((length, column) => {
    const fitted = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(length) + 2));
    // exceljs leaves a width of exactly 9 (its default) out of the file, and the reader's default is narrower.
    sheet.getColumn(column).width = fitted === EXCELJS_DEFAULT_WIDTH ? fitted + 1 : fitted;
  });
  sheet.eachRow({ includeEmpty: false }, (row) => {
    let lines = 1;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cell.isMerged || typeof cell.value !== 'string') return;
      const width = sheet.getColumn(column).width ?? MAX_WIDTH;
      // Cell by cell, not the column's style: that would overwrite each cell's own alignment.
      if (!wraps(cell) && shownLength(cell.value, cell.numFmt) > width - 2) cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
      if (wraps(cell)) lines = Math.max(lines, wrappedLines(cell.value, width));
    });
    if (lines > 1) row.height = LINE_POINTS * lines;
  });
}

/**
 * A4 landscape, as wide as one page and as long as needed, the header row
 * repeated on every page, page numbers in the footer.
 */
export function printSetup(sheet: ExcelJS.Worksheet, footer: { left: string; page: string }): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: '1:1',
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
  };
  // In a header/footer "&" starts a code: a literal one is written twice.
  const escape = (text: string) => text.replace(/&/g, '&&');
  sheet.headerFooter = { oddFooter: `&L${escape(footer.left)}&R${escape(footer.page)} &P / &N` };
}
