import { parseCsv } from '../../shared/csv.ts';
import { ValidationError, type FieldIssue } from '../../shared/errors.ts';

const MAX_ISSUES = 50;

/** The columns of the measurements CSV (',' or ';'); `comune_istat` empty = the whole Ambito. */
export const MEASUREMENT_CSV_COLUMNS = ['obiettivo', 'indicatore', 'periodo', 'comune_istat', 'valore', 'numeratore', 'denominatore', 'nota'] as const;
const REQUIRED = ['obiettivo', 'indicatore', 'periodo', 'valore'] as const;

export interface MeasurementCsvRow {
  line: number;
  objective: string;
  indicator: string;
  period: string;
  comuneIstat: string | null;
  value: string;
  numerator: string;
  denominator: string;
  note: string | null;
}

export const importFailed = (fileName: string, count: number) =>
  `Il file ${fileName} non è stato importato (${count === 1 ? '1 errore' : `${count} errori`}). Nessuna misura è stata salvata: correggi il file e riprova.`;

/**
 * Reads a measurements CSV: one row per indicator, period and (optionally) comune. The shape is checked here (columns,
 * empty cells, a row twice); the values are read against each indicator's kind by the import command. All or
 * nothing: every problem comes back with file, row and column.
 */
export function parseMeasurementsCsv(fileName: string, text: string): MeasurementCsvRow[] {
  const table = parseCsv(text);
  const header = table.header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new ValidationError(
      [{ path: `${fileName}, riga 1`, message: `colonne mancanti nell’intestazione: ${missing.join(', ')} (attese: ${MEASUREMENT_CSV_COLUMNS.join(', ')})` }],
      importFailed(fileName, 1),
    );
  }
  const unknown = header.filter((h) => h && !(MEASUREMENT_CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) {
    throw new ValidationError(
      [{ path: `${fileName}, riga 1`, message: `colonne non previste: ${unknown.join(', ')} (ammesse: ${MEASUREMENT_CSV_COLUMNS.join(', ')})` }],
      importFailed(fileName, 1),
    );
  }
  const issues: FieldIssue[] = [];
  const rows: MeasurementCsvRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    if (cells.every((c) => !c.trim())) continue;
    if (cells.length !== header.length) {
      issues.push({ path: `${fileName}, riga ${line}`, message: `la riga ha ${cells.length} colonne, l’intestazione ${header.length}` });
      continue;
    }
    const cell = (name: string) => (cells[header.indexOf(name)] ?? '').trim();
    const row: MeasurementCsvRow = {
      line,
      objective: cell('obiettivo'),
      indicator: cell('indicatore'),
      period: cell('periodo'),
      comuneIstat: cell('comune_istat') || null,
      value: cell('valore'),
      numerator: cell('numeratore'),
      denominator: cell('denominatore'),
      note: cell('nota') || null,
    };
    let ok = true;
    for (const [column, v] of [
      ['obiettivo', row.objective],
      ['indicatore', row.indicator],
      ['periodo', row.period],
    ] as const) {
      if (!v) {
        issues.push({ path: `${fileName}, riga ${line}, colonna ${column}`, message: 'cella vuota' });
        ok = false;
      }
    }
    if (row.comuneIstat !== null && !/^\d{6}$/.test(row.comuneIstat)) {
      issues.push({
        path: `${fileName}, riga ${line}, colonna comune_istat`,
        message: `codice ISTAT non valido: «${row.comuneIstat}» (6 cifre, vuoto per l’intero Ambito)`,
      });
      ok = false;
    }
    if (!ok) continue;
    const key = [row.objective, row.indicator, row.period, row.comuneIstat ?? ''].join('|');
    const previous = seen.get(key);
    if (previous !== undefined) {
      issues.push({ path: `${fileName}, riga ${line}`, message: `misura già presente alla riga ${previous} (stesso obiettivo, indicatore, periodo e comune)` });
      continue;
    }
    seen.set(key, line);
    rows.push(row);
  }
  if (issues.length) throw new ValidationError(issues.slice(0, MAX_ISSUES), importFailed(fileName, issues.length));
  if (rows.length === 0) throw new ValidationError([{ path: fileName, message: 'il file non contiene misure' }], importFailed(fileName, 1));
  return rows;
}
