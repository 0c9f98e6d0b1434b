import type { ReactNode } from 'react';
import type { CellValue, Column } from './table.rules.ts';

/**
 * The DataTable column that names each row (`th scope="row"`) with more than its raw value: sorted and exported by
 * `value`, shown by `render`. The cell is interface text (`data: false`), so `render` marks the data it shows (a
 * name as entered) with `translate="no"` itself, next to the words it takes from the dictionary.
 */
export function rowHeaderColumn<R>(
  key: string,
  header: ReactNode,
  cell: { value: (r: R) => CellValue; render: (r: R) => ReactNode } & Omit<Partial<Column<R>>, 'key' | 'header'>,
): Column<R> {
  return { key, header, rowHeader: true, data: false, ...cell };
}
