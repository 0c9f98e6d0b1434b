// The data table's pure parts: columns, sorting and the CSV file (tested without a browser).
import type { ReactNode } from 'react';
import { writeCsv, type CsvValue } from '../exports/csv.ts';

/** A value a column sorts and exports by: numbers sort as numbers, null last. */
export type CellValue = CsvValue;

export interface Column<Row> {
  /** Stable key: used in the sort parameter and as the CSV header when `csvHeader` is not given. */
  key: string;
  header: ReactNode;
  /** The raw value: used for sorting and for the CSV file (ISO dates, plain numbers, cents as euro with a dot). */
  value?: (row: Row) => CellValue;
  /** What the cell shows; defaults to the raw value. */
  render?: (row: Row) => ReactNode;
  /** Right-aligned with tabular digits. */
  numeric?: boolean;
  /**
   * The cell holds data as entered (names, plan text): it is marked translate="no" so neither a translator nor the
   * dictionary check touches it. Default: true for text columns, false for numeric ones.
   */
  data?: boolean;
  /** The first column of a row that names it (th scope="row"). */
  rowHeader?: boolean;
  /** Offer sorting on this column (needs `value`). Default: true when `value` is given. */
  sortable?: boolean;
  /** Header of the column in the CSV file (plain text); defaults to `key`. */
  csvHeader?: string;
  className?: string;
}

function compare(a: CellValue, b: CellValue): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'it', { numeric: true, sensitivity: 'base' });
}

/**
 * The rows as a CSV file (UTF-8 with BOM, `;` separator), built from the columns' raw values by the shared writer,
 * which neutralises text a spreadsheet would run as a formula.
 */
export function tableCsv<Row>(columns: Column<Row>[], rows: readonly Row[]): string {
  const cols = columns.filter((c) => c.value);
  return writeCsv(
    cols.map((c) => c.csvHeader ?? c.key),
    rows.map((r) => cols.map((c) => c.value!(r))),
  );
}

/** Sorts rows by the column named in the URL (`<id>-ordina`, `<id>-verso`); stable, nulls last. */
export function sortRows<Row>(columns: Column<Row>[], rows: readonly Row[], sortKey: string | null, descending: boolean): readonly Row[] {
  const col = columns.find((c) => c.key === sortKey && c.value);
  if (!col) return rows;
  const indexed = rows.map((r, i) => [r, i] as const);
  indexed.sort(([a, ia], [b, ib]) => {
    const va = col.value!(a);
    const vb = col.value!(b);
    const blankA = va === null || va === undefined || va === '';
    const blankB = vb === null || vb === undefined || vb === '';
    if (blankA || blankB) return blankA === blankB ? ia - ib : blankA ? 1 : -1;
    return (descending ? -compare(va, vb) : compare(va, vb)) || ia - ib;
  });
  return indexed.map(([r]) => r);
}
