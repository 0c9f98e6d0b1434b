/**
 * The one XLSX writer of Cantiere (exports and templates), on exceljs. A cell is what a CSV cell is (`CsvValue`):
 * text, a number, a yes/no or nothing — never a formula, a hyperlink or rich text, which this API cannot express.
 *
 * Text is stored as a string cell (`t="s"`, shared strings): a spreadsheet shows it and never evaluates it, whatever it
 * starts with. Only a `<f>` element is a formula, and exceljs writes one only for a `{ formula }` value (LibreOffice 7.4
 * opens a string `=1+1` as the text «=1+1» and a `{ formula: '1+1' }` as 2). A text that would be a formula in a CSV
 * file (`isFormulaLike`) keeps its value — a leading apostrophe would be a visible character of the text in XLSX, not
 * Excel's hidden quote prefix, which is a style attribute (`quotePrefix`) exceljs cannot write — and gets the Text
 * number format (`@`): a person who edits that cell (F2, Enter) in Excel or LibreOffice keeps the text, instead of
 * turning it into a formula.
 */
import ExcelJS from 'exceljs';
import { isFormulaLike, type CsvValue } from './csv.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Text number format: the cell keeps what is typed in it as text (leading zeros of ISTAT codes, formulas). */
export const TEXT_FORMAT = '@';

export interface XlsxColumn {
  /** Width in characters. */
  width?: number;
  /** Number format of the whole column, e.g. TEXT_FORMAT for codes with leading zeros. */
  numFmt?: string;
  bold?: boolean;
}

export interface XlsxSheet {
  /** The sheet's name (at most 31 characters, none of `[]:*?/\`). */
  name: string;
  /** The first row, in bold; omitted for a sheet of plain rows. */
  header?: readonly string[];
  rows: readonly (readonly CsvValue[])[];
  /** The columns from the first: width, number format, bold. */
  columns?: readonly (XlsxColumn | undefined)[];
  /** The width of every header column that `columns` does not size. */
  width?: number;
  /** Rows and columns kept in view while scrolling (the header, the names). */
  freeze?: { rows: number; columns?: number };
}

/** A cell as exceljs stores it: only the four value types, never an object (formula, hyperlink, rich text, date). */
const cellValue = (v: CsvValue): string | number | boolean | null =>
  v === undefined || v === null ? null : typeof v === 'number' ? (Number.isFinite(v) ? v : null) : v;

function addRow(sheet: ExcelJS.Worksheet, cells: readonly CsvValue[]): ExcelJS.Row {
  const row = sheet.addRow(cells.map(cellValue));
  cells.forEach((v, i) => {
    if (typeof v === 'string' && isFormulaLike(v)) row.getCell(i + 1).numFmt = TEXT_FORMAT;
  });
  return row;
}

/** A workbook with the sheets in order, as the bytes of an .xlsx file. */
export async function writeXlsx(sheets: readonly XlsxSheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cantiere';
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    if (s.header) {
      addRow(sheet, s.header).font = { bold: true };
      if (s.width !== undefined) s.header.forEach((_, i) => (sheet.getColumn(i + 1).width = s.width));
    }
    s.columns?.forEach((c, i) => {
      if (!c) return;
      const column = sheet.getColumn(i + 1);
      if (c.width !== undefined) column.width = c.width;
      if (c.numFmt !== undefined) column.numFmt = c.numFmt;
      if (c.bold) column.font = { bold: true };
    });
    for (const r of s.rows) addRow(sheet, r);
    if (s.freeze) sheet.views = [{ state: 'frozen', ySplit: s.freeze.rows, xSplit: s.freeze.columns ?? 0 }];
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
