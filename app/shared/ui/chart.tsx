import type { ReactNode } from 'react';
import { useI18n } from './i18n.tsx';

/**
 * A chart rendered on the server as SVG, inside a figure whose caption says what it shows. The SVG is hidden from
 * assistive technologies and scales to the width of the screen; the same numbers are always on the page as a table:
 * either the one given as `children` (shown under the chart, folded on request) or one elsewhere (`tableId`).
 */
export function Chart({
  svg,
  caption,
  summary,
  tableId,
  children,
  tableOpen = false,
}: {
  svg: string;
  caption: string;
  /** One line with what the chart shows; data in it (names as entered) wrapped in `translate="no"`. */
  summary: ReactNode;
  tableId?: string;
  /** The chart's data table (usually a DataTable). */
  children?: ReactNode;
  /** Show the data table unfolded. */
  tableOpen?: boolean;
}) {
  const { t } = useI18n();
  return (
    <figure className="chart my-3">
      <figcaption className="fw-semibold mb-2">{caption}</figcaption>
      <div className="chart-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="small text-secondary mb-0">
        {summary}
        {tableId && !children ? (
          <>
            {' '}
            <a href={`#${tableId}`}>{t('ui.chart.dataInTable')}</a>
          </>
        ) : null}
      </p>
      {children ? (
        <details className="chart-data mt-2" open={tableOpen}>
          <summary>{t('ui.chart.showData')}</summary>
          {children}
        </details>
      ) : null}
    </figure>
  );
}
