/**
 * Spreadsheet (XLSX) side of the spending import (docs/formats/spending-csv.md, § 3): a workbook with a sheet
 * `spesa` and, optionally, a sheet `utenti`, the header in row 1 and the same columns as the CSV files. Each sheet is
 * streamed row by row into the same readers as a CSV file, with the sheet's row numbers, so errors name file, sheet,
 * row and column; the workbook is checked against the import limits before it is parsed. Also builds the
 * downloadable template (the two sheets with their headers and a sheet of instructions with the allowed codes).
 */
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { ValidationError } from '../../shared/errors.ts';
import { writeCsv } from '../../shared/exports/csv.ts';
import { TEXT_FORMAT, writeXlsx, type XlsxSheet } from '../../shared/exports/xlsx.ts';
import { checkZipLimits, IMPORT_LIMITS, measureInflated, readZipDirectory, rowCounter, UnreadableZip, type ZipEntry } from '../../shared/imports/limits.ts';
import type { FundingSource, SpendingArea } from './catalogues.ts';
import {
  AMBITO_ENTE,
  at,
  SPENDING_COLUMNS,
  SPENDING_OPTIONAL_COLUMNS,
  USERS_COLUMNS,
  USERS_OPTIONAL_COLUMNS,
  type RowPace,
  type TableSink,
} from './spending-import.ts';

export const SPENDING_SHEET = 'spesa';
export const USERS_SHEET = 'utenti';
export { XLSX_MIME } from '../../shared/exports/xlsx.ts';

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

/** The refusal of a file that is not a workbook this importer can read. */
function unreadable(fileName: string): ValidationError {
  return new ValidationError(
    [{ path: fileName, message: 'il file non è un foglio di calcolo XLSX leggibile (salvalo come «Cartella di lavoro di Excel (.xlsx)»)' }],
    `Il file ${fileName} non è stato importato. Nessun dato è stato modificato.`,
  );
}

/**
 * Checks an uploaded workbook from its central directory alone, before anything is unzipped: a ZIP archive within the
 * limits of IMPORT_LIMITS (the page's action refuses at once what is over them). Returns its entries.
 */
export function checkWorkbook(fileName: string, data: Uint8Array): ZipEntry[] {
  const entries = readZipDirectory(data);
  if (!entries) throw unreadable(fileName);
  checkZipLimits(fileName, entries);
  return entries;
}

/** The parts of a workbook the reader needs before the sheets, in the order it needs them. */
const PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
const needed = (e: ZipEntry) => PARTS.includes(e.name) || SHEET_PART.test(e.name);

/** A stored (not compressed) ZIP entry written here: an empty table of shared strings for a workbook without one. */
function storedEntry(name: string, text: string): Buffer {
  const nameBytes = Buffer.from(name);
  const data = Buffer.from(text);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, data]);
}

/** An end-of-central-directory record listing no entries: the close of a stream of local entries. */
function endOfCentralDirectory(): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  return record;
}

/** A sheet row as the text a CSV file would hold, trailing empty cells dropped. */
function rowValues(row: ExcelJS.Row): string[] {
  const values: string[] = [];
  const last = row.cellCount;
  for (let c = 1; c <= last; c++) values.push(cellText(row.getCell(c).value).trim());
  while (values.length && values[values.length - 1] === '') values.pop();
  return values;
}

/**
 * Gives a sheet to a reader row by row, as a CSV file would give it: the header in row 1, empty rows skipped, short
 * rows padded (trailing empty cells are not stored in a sheet) and longer ones kept with their extra cells.
 */
async function feedSheet(rows: AsyncIterable<ExcelJS.Row>, sink: TableSink, counter: { add(): void }, pace: RowPace): Promise<void> {
  let width: number | null = null;
  for await (const row of rows) {
    const values = rowValues(row);
    if (row.number === 1) {
      width = values.length;
      sink.header(values);
      continue;
    }
    if (width === null) {
      width = 0;
      sink.header([]);
    }
    // Every row read counts for the pace (a sheet of formatted empty rows is long to read too, and can be cancelled).
    const wait = pace.tick();
    if (wait) await wait;
    if (values.every((v) => v === '')) continue;
    while (values.length < width) values.push('');
    counter.add();
    sink.row(row.number, values);
  }
  if (width === null) sink.header([]);
}

/**
 * Reads the `spesa` and `utenti` sheets of a workbook as streams, row by row, into the two readers. Before anything
 * is parsed the workbook is checked against the limits twice: its central directory's declared sizes, then the bytes
 * its entries actually unzip to (counted as a stream; IMPORT_LIMITS), and each sheet's rows are counted as they come.
 * A file that is not a readable XLSX, or lacks the `spesa` sheet, is refused with the file named; other sheets (e.g.
 * the template's instructions) are skipped unread. Returns whether the workbook has a `utenti` sheet.
 */
export async function feedSpendingWorkbook(
  fileName: string,
  data: Uint8Array,
  sinks: { spending: TableSink; users: TableSink },
  pace: RowPace,
): Promise<{ users: boolean }> {
  const entries = checkWorkbook(fileName, data);
  try {
    await measureInflated(fileName, data, entries, IMPORT_LIMITS, needed);
  } catch (error) {
    throw error instanceof UnreadableZip ? unreadable(fileName) : error;
  }
  // The entries the reader needs, in the order it needs them (relationships, workbook, shared strings, styles, then
  // the sheets): exceljs's streaming reader copies to a temporary file a sheet met before those.
  const order = (e: ZipEntry) => (PARTS.includes(e.name) ? PARTS.indexOf(e.name) : PARTS.length);
  const parts = entries.filter(needed).sort((a, b) => order(a) - order(b) || a.localHeaderOffset - b.localHeaderOffset);
  const chunks = parts.map((e) => Buffer.from(data.buffer, data.byteOffset + e.localHeaderOffset, Math.max(0, e.end - e.localHeaderOffset)));
  if (!parts.some((e) => e.name === 'xl/sharedStrings.xml'))
    chunks.splice(parts.filter((e) => order(e) < 2).length, 0, storedEntry('xl/sharedStrings.xml', '<sst/>'));
  // The entries end with an end-of-central-directory record of their own: without one, the unzipper asks for a next
  // record after the last entry, finds the input ended and fails — or not, as the last sheet's reading races with it
  // (a large workbook on a busy machine failed as «not a workbook»).
  chunks.push(endOfCentralDirectory());
  const input = Readable.from(chunks, { objectMode: false });
  // exceljs decodes every piece of an entry on its own, which breaks a letter whose UTF-8 bytes fall across two pieces
  // (an «è» of a note becomes two «�»): the entries are set to give text, decoded across pieces, before it reads them.
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(zip: T, options?: { end?: boolean }) => {
    (zip as unknown as Readable).on('data', (entry: Readable) => entry.setEncoding('utf8'));
    return pipe(zip, options);
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const found = { spending: false, users: false };
  // What the readers, the row counter or the pace throw (a limit, a cancel) goes through as it is; what exceljs
  // throws means the file is not a workbook it can read.
  let ours: unknown = null;
  const own = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      ours = error;
      throw error;
    }
  };
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name?.trim().toLowerCase();
      const which = name === SPENDING_SHEET && !found.spending ? 'spending' : name === USERS_SHEET && !found.users ? 'users' : null;
      if (!which) continue;
      found[which] = true;
      const source = { file: fileName, sheet: which === 'spending' ? SPENDING_SHEET : USERS_SHEET };
      const sink = sinks[which];
      const counter = rowCounter(at(source));
      await feedSheet(
        sheet,
        { header: (cells) => own(() => sink.header(cells)), row: (row, cells) => own(() => sink.row(row, cells)) },
        { add: () => own(() => counter.add()) },
        {
          tick: () => {
            const wait = own(() => pace.tick());
            return wait?.catch((error: unknown) => {
              ours = error;
              throw error;
            });
          },
        },
      );
    }
  } catch (error) {
    if (error === ours) throw error;
    throw unreadable(fileName);
  }
  if (!found.spending) {
    const sheets = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? [];
    const names = sheets.map((w) => `«${w.name}»`).join(', ') || 'nessuno';
    throw new ValidationError(
      [{ path: fileName, message: `manca il foglio «${SPENDING_SHEET}» (fogli presenti: ${names})` }],
      `Il file ${fileName} non è stato importato. Nessun dato è stato modificato.`,
    );
  }
  return { users: found.users };
}

/** The CSV templates: the header and nothing else. */
export function spendingCsvTemplate(kind: 'spesa' | 'utenti'): string {
  return writeCsv(kind === 'spesa' ? [...SPENDING_COLUMNS, ...SPENDING_OPTIONAL_COLUMNS] : [...USERS_COLUMNS, ...USERS_OPTIONAL_COLUMNS], []);
}

/**
 * The XLSX template: sheets `spesa` and `utenti` with their headers (texts for `ente` so that ISTAT codes keep their
 * leading zero), and a sheet `istruzioni` listing the columns and the codes of areas and funding channels.
 */
export async function buildSpendingTemplate(catalogue: {
  areas: readonly SpendingArea[];
  fundingSources: readonly FundingSource[];
}): Promise<Uint8Array<ArrayBuffer>> {
  const table = (name: string, header: readonly string[]): XlsxSheet => ({ name, header, rows: [], width: 22, columns: [undefined, { numFmt: TEXT_FORMAT }] });
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
  return writeXlsx([
    table(SPENDING_SHEET, [...SPENDING_COLUMNS, ...SPENDING_OPTIONAL_COLUMNS]),
    table(USERS_SHEET, [...USERS_COLUMNS, ...USERS_OPTIONAL_COLUMNS]),
    { name: 'istruzioni', rows: lines, columns: [{ width: 34, bold: true }, { width: 90 }] },
  ]);
}

/** Writes the two tables to a workbook (used by tests to build files the way a user's spreadsheet would be). */
export function writeSpendingWorkbook(tables: {
  spending: (string | number | null)[][];
  users?: (string | number | null)[][];
}): Promise<Uint8Array<ArrayBuffer>> {
  return writeXlsx([{ name: SPENDING_SHEET, rows: tables.spending }, ...(tables.users ? [{ name: USERS_SHEET, rows: tables.users }] : [])]);
}
