import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Column } from './table.rules.ts';

/**
 * The DataTable column that names each row with a link to the row's own page (`th scope="row"`): `link` gives the
 * text, data as entered (a plan's title, an Ambito's name, an objective's code) by which the column is sorted and
 * exported, and the address it leads to.
 */
export function linkColumn<R>(
  key: string,
  header: ReactNode,
  link: (r: R) => { text: string; to: string },
  extra: Omit<Partial<Column<R>>, 'key' | 'header' | 'value' | 'render'> = {},
): Column<R> {
  const render = (r: R) => {
    const { text, to } = link(r);
    return <Link to={to}>{text}</Link>;
  };
  return { key, header, rowHeader: true, value: (r) => link(r).text, render, ...extra };
}
