import ExcelJS from 'exceljs';
import type { LeadRecord } from '../domain/leads.js';
import type { Lang } from '../domain/entities.js';
import { catalogue } from '../i18n/index.js';
import { wallClock, wallClockText } from './cells.js';
import { BOM, CSV_SEPARATOR, field, neutralizeFormula } from './csv.js';

/**
 * An exhibitor's leads (/prospek) as a workbook and as a CSV in the dialect
 * of /ekspor. Only the exhibitor gets these: they carry phone numbers the
 * visitors shared with that booth alone.
 */
function headers(lang: Lang, zoneLabel: string): string[] {
  const c = catalogue(lang).leads.columns;
  return [c.number, c.time(zoneLabel), c.name, c.phone, c.score, c.note];
}

export async function buildLeadsWorkbook(leads: readonly LeadRecord[], lang: Lang, zoneLabel: string, timeZone: string, generatedAt: Date): Promise<Buffer> {
  const t = catalogue(lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'misi-dagang-bot';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  const columns = headers(lang, zoneLabel);
  const sheet = workbook.addWorksheet(t.leads.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((header, index) => ({ header, width: [8, 17, 28, 18, 8, 48][index] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.getColumn(2).numFmt = t.exports.dateTimeFormat;
  // Phone numbers stay text: as numbers Excel drops the leading + and shows 6.28E+12.
  sheet.getColumn(4).numFmt = '@';
  for (const lead of leads) sheet.addRow([lead.id, wallClock(lead.createdAt, timeZone), lead.name, lead.phone, lead.score, lead.note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function buildLeadsCsv(leads: readonly LeadRecord[], lang: Lang, zoneLabel: string, timeZone: string): Buffer {
  const text = (value: string | null): string => field(neutralizeFormula(value ?? ''));
  const rows = [headers(lang, zoneLabel).map(field).join(CSV_SEPARATOR)];
  for (const lead of leads) {
    rows.push(
      [String(lead.id), wallClockText(lead.createdAt, timeZone), text(lead.name), text(lead.phone), lead.score === null ? '' : String(lead.score), text(lead.note)].join(
        CSV_SEPARATOR,
      ),
    );
  }
  return Buffer.from(BOM + rows.join('\r\n') + '\r\n', 'utf8');
}
