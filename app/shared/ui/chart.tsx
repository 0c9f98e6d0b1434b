/**
 * A chart rendered on the server as SVG, inside a figure whose caption says what it shows. The SVG is hidden
 * from assistive technologies; the same numbers are always available in a table on the page (`tableId`).
 */
export function Chart({ svg, caption, summary, tableId }: { svg: string; caption: string; summary: string; tableId?: string }) {
  return (
    <figure className="chart my-3">
      <figcaption className="fw-semibold mb-2">{caption}</figcaption>
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="small text-secondary mb-0">
        {summary}
        {tableId ? (
          <>
            {' '}
            <a href={`#${tableId}`}>I dati sono nella tabella.</a>
          </>
        ) : null}
      </p>
    </figure>
  );
}
