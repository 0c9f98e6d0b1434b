/**
 * The one CSV writer of Cantiere: every CSV file the product lets someone download (exports, templates, returns, open
 * data, the data tables' «Scarica la tabella») is written here, so that a text a user typed can never reach a
 * spreadsheet as a formula (CSV or formula injection, OWASP; ASVS 5.0 1.2.10). Pure: also runs in the browser (the data
 * table builds its file there). The XLSX writer is `./xlsx.ts`; `exports.test.ts` checks that no module writes either
 * format by hand.
 */

/** A value of a cell: text, a number, a yes/no, or nothing (an empty cell). */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * What makes a spreadsheet read a text as a formula: `=`, `+`, `-`, `@` and their full-width forms (`＝＋－＠`, which
 * Excel turns into the ASCII ones when they are typed with an East Asian input method), possibly after leading blanks
 * (some importers trim them); or a leading tab, carriage return, line feed or NUL (OWASP, ASVS).
 */
const FORMULA_START = /^(?:[\s\0]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n\0])/;

/**
 * A negative number written as text on purpose (`-3`, `-0,25`, `-1.234,56`: the decimal-comma figures of some files),
 * or a lone dash: a spreadsheet reads the first as that number and the second as text, and neither runs anything, so
 * they are left as they are.
 */
const NEGATIVE_NUMBER = /^-(?:\d+(?:[.,]\d+)*)?$/;

/** Whether a text cell would be read as a formula by a spreadsheet (and so is neutralised by the writers). */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text) && !NEGATIVE_NUMBER.test(text);
}

/**
 * A text cell that a spreadsheet would read as a formula, written with a leading apostrophe: spreadsheets read it as
 * text and never run it (LibreOffice shows the apostrophe). Numbers are never touched: a negative
 * amount passed as a number stays a number, and so does a negative number written as text (`-0,5`).
 */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
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
