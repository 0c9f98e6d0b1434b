// Parts of the monitoring tables: the column that links a row by its code, and an indicator's yearly figures against
// its targets (the chart with its data table, or the table alone when there is no chart).
import { Link } from 'react-router';
import { Chart, DataTable, useI18n, type Column } from '../../../shared/ui/kit.ts';

/** The first column of a table of objectives or indicators: the code, linked to its page (`label` names the link). */
export function codeLinkColumn<Row extends { code: string }>(
  header: string,
  href: (row: Row) => string,
  label: (row: Row) => string,
  key = 'codice',
): Column<Row> {
  return {
    key,
    header,
    rowHeader: true,
    value: (r) => r.code,
    render: (r) => (
      <Link to={href(r)} aria-label={label(r)}>
        {r.code}
      </Link>
    ),
  };
}

export interface YearRow {
  year: number;
  /** The year's value (partial while not complete), null when nothing is measured. */
  actual: number | null;
  complete: boolean;
  /** The target of that year as the plan writes it. */
  targetText: string | null;
}

/**
 * An indicator's value per year against its target: a chart (server-rendered SVG) with the table as its data, or the
 * table alone when there is no chart.
 */
export function YearlyFigures({
  id,
  caption,
  rows,
  valueHeader,
  chart,
}: {
  id: string;
  caption: string;
  rows: readonly YearRow[];
  valueHeader?: string;
  chart: { svg: string | null; caption: string; summary: string; tableOpen?: boolean };
}) {
  const { t, f } = useI18n();
  const table = (
    <DataTable
      id={id}
      small
      caption={caption}
      rows={[...rows]}
      rowKey={(y) => String(y.year)}
      columns={[
        { key: 'anno', header: t('mon.chart.col.year'), rowHeader: true, data: false, value: (y) => y.year },
        {
          key: 'valore',
          header: valueHeader ?? t('mon.chart.col.value'),
          numeric: true,
          value: (y) => y.actual,
          render: (y) => (y.actual === null ? f.na : y.complete ? f.numberUpTo(y.actual, 2) : t('mon.value.partial', { value: f.numberUpTo(y.actual, 2) })),
        },
        { key: 'target', header: t('mon.chart.col.target'), value: (y) => y.targetText ?? '', render: (y) => y.targetText ?? '—' },
      ]}
    />
  );
  if (!chart.svg) return table;
  return (
    <Chart svg={chart.svg} caption={chart.caption} summary={chart.summary} tableOpen={chart.tableOpen}>
      {table}
    </Chart>
  );
}
