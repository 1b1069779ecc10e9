/**
 * A small RFC 4180 reader for the tests: quoted fields, doubled quotes,
 * separators and line breaks inside quotes, CRLF or LF line ends. Written
 * apart from the exporter so a quoting bug there cannot hide here.
 */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text.charAt(i + 1) === '\n') {
      endRow();
      i += 1;
    } else if (ch === '\n') endRow();
    else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;

  function endRow(): void {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  }
}
