import { useId, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from './i18n.tsx';
import { sortRows, tableCsv, type Column } from './table.rules.ts';

export { sortRows, tableCsv, type CellValue, type Column } from './table.rules.ts';

export interface DataTableProps<Row> {
  /** Unique on the page: the anchor of the table and the prefix of its sort parameters. */
  id: string;
  caption: ReactNode;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** Offer the table as a CSV file named `<csv>.csv` (semicolon-separated, as Italian spreadsheets expect). */
  csv?: string;
  /** Shown instead of an empty table. */
  empty?: ReactNode;
  /** A total row or notes (a <tfoot> made of <tr>). */
  footer?: ReactNode;
  /** Classes for a row (e.g. a warning). */
  rowClassName?: (row: Row) => string | undefined;
  small?: boolean;
}

/**
 * The table every page uses: a caption, headers with scope, numeric columns aligned right, sorting by links (works
 * without JavaScript: the page is rendered again, sorted), an optional CSV of the same rows, and a container that
 * scrolls sideways on a phone instead of widening the page (a labelled region the keyboard can reach).
 */
export function DataTable<Row>({ id, caption, columns, rows, rowKey, csv, empty, footer, rowClassName, small }: DataTableProps<Row>) {
  const { t } = useI18n();
  const location = useLocation();
  const captionId = useId();
  const params = new URLSearchParams(location.search);
  const sortKey = params.get(`${id}-ordina`);
  const descending = params.get(`${id}-verso`) === 'disc';
  const sorted = sortRows(columns, rows, sortKey, descending);
  if (rows.length === 0 && empty) return <>{empty}</>;

  const sortHref = (key: string) => {
    const next = new URLSearchParams(location.search);
    const again = sortKey === key && !descending;
    next.set(`${id}-ordina`, key);
    next.set(`${id}-verso`, again ? 'disc' : 'asc');
    return `${location.pathname}?${next.toString()}#${id}`;
  };

  return (
    <div className="data-table my-3" id={id}>
      <div className="table-responsive" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={`table${small ? ' table-sm' : ''} align-middle`}>
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const sortable = (c.sortable ?? Boolean(c.value)) && Boolean(c.value) && rows.length > 1;
                const active = sortKey === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={`${c.numeric ? 'num' : ''} ${c.className ?? ''}`.trim() || undefined}
                    aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}
                  >
                    {sortable ? (
                      <Link to={sortHref(c.key)} preventScrollReset className="sort-link">
                        {c.header}
                        <span className="visually-hidden">
                          {' '}
                          {active ? (descending ? t('ui.table.sortedDesc') : t('ui.table.sortedAsc')) : t('ui.table.sort')}
                        </span>
                        <span aria-hidden="true" className="sort-mark">
                          {active ? (descending ? ' ▼' : ' ▲') : ' ↕'}
                        </span>
                      </Link>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row, i) => (
              <tr key={rowKey(row, i)} className={rowClassName?.(row)}>
                {columns.map((c) => {
                  const content = c.render ? c.render(row) : (c.value?.(row) ?? '');
                  const isData = c.data ?? !c.numeric;
                  const className = `${c.numeric ? 'num' : ''} ${c.className ?? ''}`.trim() || undefined;
                  return c.rowHeader ? (
                    <th key={c.key} scope="row" className={className} translate={isData ? 'no' : undefined}>
                      {content}
                    </th>
                  ) : (
                    <td key={c.key} className={className} translate={isData ? 'no' : undefined}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {footer ? <tfoot>{footer}</tfoot> : null}
        </table>
      </div>
      {csv && rows.length > 0 ? (
        <p className="small mb-0">
          <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(tableCsv(columns, sorted))}`} download={`${csv}.csv`}>
            {t('ui.table.csv')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
