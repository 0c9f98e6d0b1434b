/**
 * Spreadsheet (XLSX) side of the spending import (docs/formats/spending-csv.md, § 3): a workbook with a sheet
 * `spesa` and, optionally, a sheet `utenti`, the header in row 1 and the same columns as the CSV files. Each sheet
 * becomes a RawTable whose row numbers are the sheet's, so errors name file, sheet, row and column. Also builds the
 * downloadable template (the two sheets with their headers and a sheet of instructions with the allowed codes).
 */
import ExcelJS from 'exceljs';
import { ValidationError } from '../../shared/errors.ts';
import type { FundingSource, SpendingArea } from './catalogues.ts';
import { AMBITO_ENTE, SPENDING_COLUMNS, SPENDING_OPTIONAL_COLUMNS, USERS_COLUMNS, USERS_OPTIONAL_COLUMNS, type RawTable } from './spending-import.ts';

export const SPENDING_SHEET = 'spesa';
export const USERS_SHEET = 'utenti';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as the text a CSV file would hold: numbers without artefacts (104318.5 → "104318.5"), dates as ISO. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    const cents = Math.round(value * 100);
    return Math.abs(value * 100 - cents) < 1e-6 ? (cents / 100).toFixed(2) : String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'VERO' : 'FALSO';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function sheetTable(sheet: ExcelJS.Worksheet): RawTable {
  const header: string[] = [];
  const rows: RawTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    const last = row.cellCount;
    for (let c = 1; c <= last; c++) values.push(cellText(row.getCell(c).value).trim());
    while (values.length && values[values.length - 1] === '') values.pop();
    if (rowNumber === 1) {
      header.push(...values);
      return;
    }
    if (values.every((v) => v === '')) return;
    // Short rows are padded (trailing empty cells are not stored in a sheet); longer ones keep their extra cells.
    while (values.length < header.length) values.push('');
    rows.push({ row: rowNumber, cells: values });
  });
  return { header, rows };
}

/**
 * Reads the `spesa` and `utenti` sheets of a workbook. A file that is not a readable XLSX, or lacks the `spesa`
 * sheet, is refused with the file named; other sheets (e.g. the template's instructions) are ignored.
 */
export async function readSpendingWorkbook(fileName: string, data: Uint8Array): Promise<{ spending: RawTable; users: RawTable | null }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ValidationError(
      [{ path: fileName, message: 'il file non è un foglio di calcolo XLSX leggibile (salvalo come «Cartella di lavoro di Excel (.xlsx)»)' }],
      `Il file ${fileName} non è stato importato. Nessun dato è stato modificato.`,
    );
  }
  const find = (name: string) => workbook.worksheets.find((w) => w.name.trim().toLowerCase() === name);
  const spending = find(SPENDING_SHEET);
  if (!spending) {
    const names = workbook.worksheets.map((w) => `«${w.name}»`).join(', ') || 'nessuno';
    throw new ValidationError(
      [{ path: fileName, message: `manca il foglio «${SPENDING_SHEET}» (fogli presenti: ${names})` }],
      `Il file ${fileName} non è stato importato. Nessun dato è stato modificato.`,
    );
  }
  const users = find(USERS_SHEET);
  return { spending: sheetTable(spending), users: users ? sheetTable(users) : null };
}

/** The CSV templates: the header and nothing else. */
export function spendingCsvTemplate(kind: 'spesa' | 'utenti'): string {
  const columns = kind === 'spesa' ? [...SPENDING_COLUMNS, ...SPENDING_OPTIONAL_COLUMNS] : [...USERS_COLUMNS, ...USERS_OPTIONAL_COLUMNS];
  return `\ufeff${columns.join(';')}\n`;
}

/**
 * The XLSX template: sheets `spesa` and `utenti` with their headers (texts for `ente` so that ISTAT codes keep their
 * leading zero), and a sheet `istruzioni` listing the columns and the codes of areas and funding channels.
 */
export async function buildSpendingTemplate(catalogue: { areas: readonly SpendingArea[]; fundingSources: readonly FundingSource[] }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cantiere';
  const spending = workbook.addWorksheet(SPENDING_SHEET);
  spending.addRow([...SPENDING_COLUMNS, ...SPENDING_OPTIONAL_COLUMNS]);
  const users = workbook.addWorksheet(USERS_SHEET);
  users.addRow([...USERS_COLUMNS, ...USERS_OPTIONAL_COLUMNS]);
  for (const sheet of [spending, users]) {
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn(2).numFmt = '@';
    sheet.columns.forEach((c) => (c.width = 22));
  }
  const help = workbook.addWorksheet('istruzioni');
  help.columns = [{ width: 34 }, { width: 90 }];
  const lines: [string, string][] = [
    ['Foglio «spesa»', 'una riga per anno × ente × area × canale di finanziamento, con l’importo in euro'],
    ['anno', 'quattro cifre, es. 2024'],
    ['ente', `codice ISTAT del comune a 6 cifre (es. 012070), oppure «${AMBITO_ENTE}» per gli importi dell’Ambito nel suo insieme`],
    ['area', 'codice dell’area di spesa (elenco sotto), oppure TOTALE per un totale di controllo'],
    ['canale', 'codice del canale di finanziamento (elenco sotto), oppure TOTALE per un totale di controllo'],
    ['importo_euro', 'importo in euro, al massimo due decimali; 0 se non c’è spesa'],
    ['Foglio «utenti»', 'facoltativo: una riga per anno × ente × area con il numero di utenti (vuoto se non rilevato) e, se la fonte la riporta, la spesa'],
    ['', ''],
    ['Aree di spesa', ''],
    ...catalogue.areas.map((a): [string, string] => [a.code, a.name]),
    ['', ''],
    ['Canali di finanziamento', ''],
    ...catalogue.fundingSources.map((s): [string, string] => [s.code, s.name]),
  ];
  for (const l of lines) help.addRow(l);
  help.getColumn(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Writes the two tables to a workbook (used by tests to build files the way a user's spreadsheet would be). */
export async function writeSpendingWorkbook(tables: { spending: (string | number | null)[][]; users?: (string | number | null)[][] }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const spending = workbook.addWorksheet(SPENDING_SHEET);
  for (const r of tables.spending) spending.addRow(r);
  if (tables.users) {
    const users = workbook.addWorksheet(USERS_SHEET);
    for (const r of tables.users) users.addRow(r);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
