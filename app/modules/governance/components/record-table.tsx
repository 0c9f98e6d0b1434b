// The governance tables: records with an id (their row key) in the kit's DataTable, and the columns they repeat.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, EmptyState, useI18n, type Column, type DataTableProps } from '../../../shared/ui/kit.ts';
import { labelOf, type Vocabulary } from './labels.ts';

/** A DataTable of records keyed by their id; `empty` is what the table says when there is no record. */
export function RecordTable<R extends { id: string }>({ empty, ...table }: Omit<DataTableProps<R>, 'rowKey' | 'empty'> & { empty?: string }) {
  return <DataTable rowKey={(r) => r.id} empty={empty === undefined ? undefined : <EmptyState title={empty} />} {...table} />;
}

type Extra<R> = Omit<Partial<Column<R>>, 'key' | 'header' | 'value'>;

/**
 * Column builders typed on a table's rows (like the kit's `columnsOf`): `const c = useRecordColumns(rows)`, then in
 * `columns` `c.name('nome', t('…'), (r) => r.name, { to: (r) => href })`, `c.code('tipo', t('…'), 'orgKind', (r) => r.kind)`.
 */
export function useRecordColumns<R>(rows: readonly R[]) {
  void rows;
  const { t } = useI18n();
  return {
    /** The row's header cell: its name, a link to its page when `to` gives one. */
    name: (key: string, header: ReactNode, text: (r: R) => string, { to, ...extra }: Extra<R> & { to?: (r: R) => string | null } = {}): Column<R> => ({
      key,
      header,
      rowHeader: true,
      value: text,
      render: (r) => {
        const href = to?.(r);
        return href ? <Link to={href}>{text(r)}</Link> : text(r);
      },
      ...extra,
    }),
    /** A code of a controlled vocabulary (governance.constants.ts), shown in words, sorted and exported by its code. */
    code: (key: string, header: ReactNode, vocabulary: Vocabulary, code: (r: R) => string, extra: Extra<R> = {}): Column<R> => ({
      key,
      header,
      data: false,
      value: code,
      render: (r) => labelOf(t, vocabulary, code(r)),
      ...extra,
    }),
    /** Text as entered, a dash when there is none. */
    text: (key: string, header: ReactNode, text: (r: R) => string | null, extra: Extra<R> = {}): Column<R> => ({
      key,
      header,
      value: (r) => text(r) ?? '—',
      ...extra,
    }),
  };
}
