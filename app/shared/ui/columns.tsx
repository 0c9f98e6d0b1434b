import type { ReactNode } from 'react';
import type { Column } from './table.rules.ts';

type Extra<R> = Omit<Partial<Column<R>>, 'key' | 'header' | 'value' | 'render' | 'numeric'>;

/**
 * A DataTable column of a figure: right-aligned, sorted and exported by the raw number, shown with `show` (a format
 * of `f`, e.g. `f.count`, `f.fte`); a missing figure (null) shows `empty`.
 */
export function figureColumn<R>(
  key: string,
  header: ReactNode,
  figure: (r: R) => number | null,
  show: (n: number) => ReactNode,
  { empty = '—', ...extra }: Extra<R> & { empty?: ReactNode } = {},
): Column<R> {
  return {
    key,
    header,
    numeric: true,
    value: figure,
    render: (r) => {
      const n = figure(r);
      return n === null ? empty : show(n);
    },
    ...extra,
  };
}

/** A DataTable column of an amount in cents: exported and sorted in euro, shown with `money` (`f.money`). */
export function moneyColumn<R>(
  key: string,
  header: ReactNode,
  cents: (r: R) => number | null,
  money: (cents: number) => string,
  options: Extra<R> & { empty?: ReactNode } = {},
): Column<R> {
  const column = figureColumn(key, header, cents, money, options);
  return { ...column, value: (r) => (cents(r) === null ? null : cents(r)! / 100) };
}

/**
 * A DataTable column of a name as entered (data: not translated), sorted and exported by it, with an optional note
 * under it in interface words (e.g. «parte di FNA»).
 */
export function nameColumn<R>(key: string, header: ReactNode, name: (r: R) => string, note?: (r: R) => ReactNode, extra: Extra<R> = {}): Column<R> {
  return {
    key,
    header,
    value: name,
    data: false,
    render: (r) => {
      const n = note?.(r);
      return (
        <>
          <span translate="no">{name(r)}</span>
          {n ? <span className="d-block small text-secondary">{n}</span> : null}
        </>
      );
    },
    ...extra,
  };
}

/**
 * The same builders typed on a table's rows, so that the row of each accessor is known:
 * `const c = columnsOf(rows)`, then `c.money('importo', t('…'), (r) => r.amountCents, f.money)` in `columns`.
 */
export function columnsOf<R>(rows: readonly R[]) {
  void rows;
  return {
    figure: (key: string, header: ReactNode, figure: (r: R) => number | null, show: (n: number) => ReactNode, options?: Extra<R> & { empty?: ReactNode }) =>
      figureColumn<R>(key, header, figure, show, options),
    money: (key: string, header: ReactNode, cents: (r: R) => number | null, money: (cents: number) => string, options?: Extra<R> & { empty?: ReactNode }) =>
      moneyColumn<R>(key, header, cents, money, options),
    name: (key: string, header: ReactNode, name: (r: R) => string, note?: (r: R) => ReactNode, extra?: Extra<R>) =>
      nameColumn<R>(key, header, name, note, extra),
    /** A percentage shown with `percent` (`f.percent` with its decimals), which also says how a missing value reads. */
    percent: (key: string, header: ReactNode, value: (r: R) => number | null, percent: (v: number | null) => string) =>
      figureColumn<R>(key, header, value, percent, { empty: percent(null) }),
  };
}
