/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF, a BOM, and either ',' or ';'
 * as delimiter (Italian spreadsheets export ';'), chosen from the header line.
 */
export interface CsvTable {
  header: string[];
  /** Data rows with their 1-based line number in the file (the header is line 1). */
  rows: { line: number; cells: string[] }[];
  delimiter: ',' | ';';
}

export function parseCsv(text: string): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delimiter = (firstLine.split(';').length > firstLine.split(',').length ? ';' : ',') as ',' | ';';
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (c === delimiter) {
      cells.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      cells.push(field);
      if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
      cells = [];
      field = '';
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
  }
  const [head, ...rows] = records;
  return { header: (head?.cells ?? []).map((h) => h.trim()), rows, delimiter };
}

/** A value of a CSV cell: text, a number, a yes/no, or nothing (an empty cell). */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Text cells that a spreadsheet would read as a formula (CSV injection, OWASP): starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return. They are written with a leading apostrophe, which spreadsheets show as text and do not run.
 * Numbers are never touched (a negative amount stays a number).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell: numbers as written by JavaScript (dot decimal, no grouping), text neutralised and quoted when needed. */
export function csvCell(value: CsvValue, delimiter: ',' | ';' = ';'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV file (RFC 4180, CRLF line ends): one header row, then the rows. With `bom` (the default) it starts with the
 * UTF-8 byte order mark, so that spreadsheets read accented letters right; `;` is the default separator, the one
 * Italian spreadsheets (and OpenCoesione's files) expect.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: { delimiter?: ',' | ';'; bom?: boolean } = {}): string {
  const delimiter = options.delimiter ?? ';';
  const line = (cells: readonly CsvValue[]) => cells.map((c) => csvCell(c, delimiter)).join(delimiter);
  return (options.bom === false ? '' : '\ufeff') + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
