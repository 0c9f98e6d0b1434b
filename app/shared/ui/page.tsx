import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n.tsx';

export interface Crumb {
  label: string;
  /** The label is data as entered (a plan's or a body's name): not translated (`translate="no"`). */
  data?: boolean;
  /** Omitted for the current page (the last crumb). */
  to?: string;
}

/** Bootstrap Italia breadcrumb: the path to this page, the last item being the page itself. */
export function Breadcrumb({ items }: { items: Crumb[] }) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <nav className="breadcrumb-container" aria-label={t('ui.breadcrumb')}>
      <ol className="breadcrumb flex-wrap">
        {items.map((item, i) => (
          <li key={i} className={`breadcrumb-item${item.to ? '' : ' active'}`} aria-current={item.to ? undefined : 'page'}>
            {item.to ? (
              <Link to={item.to} translate={item.data ? 'no' : undefined}>
                {item.label}
              </Link>
            ) : (
              <span translate={item.data ? 'no' : undefined}>{item.label}</span>
            )}
            {i < items.length - 1 && <span className="separator">/</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * The top of every page: the document title, the breadcrumb, the heading, an optional lead line (usually the
 * Ambito or the plan) and the page's main actions. `title` is the heading; the document title adds `context`.
 */
export function PageHeader({
  title,
  titleIsData,
  context,
  lead,
  breadcrumb = [],
  actions,
  children,
}: {
  title: string;
  /** The heading is data as entered (e.g. the Ambito's or a plan's name): not translated (`translate="no"`). */
  titleIsData?: boolean;
  /** Added to the document title after a dash, e.g. the Ambito's name. */
  context?: string;
  lead?: ReactNode;
  breadcrumb?: Crumb[];
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <title>{context ? `${title} – ${context}` : `${title} – ${t('app.name')}`}</title>
      <Breadcrumb items={breadcrumb.length ? [...breadcrumb, { label: title, data: titleIsData }] : []} />
      <div className="page-header d-flex flex-wrap align-items-start justify-content-between gap-2 mb-3">
        <div className="min-w-0">
          <h1 className="text-break" translate={titleIsData ? 'no' : undefined}>
            {title}
          </h1>
          {lead ? <p className="lead mb-0">{lead}</p> : null}
        </div>
        {actions ? <div className="page-actions d-flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      {children}
    </>
  );
}

/** A section of a page with its own heading (h2) and an anchor. */
export function Section({ id, title, lead, actions, children }: { id?: string; title: string; lead?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section id={id} aria-labelledby={headingId} className="my-4">
      <div className="d-flex flex-wrap align-items-baseline justify-content-between gap-2">
        <h2 id={headingId} className="h3">
          {title}
        </h2>
        {actions}
      </div>
      {lead ? <p>{lead}</p> : null}
      {children}
    </section>
  );
}

export interface Kpi {
  label: ReactNode;
  value: ReactNode;
  /** A line under the label: the formula, the date of the figure, or what is missing («3 comuni su 9»). */
  hint?: ReactNode;
  tone?: 'default' | 'warning' | 'danger' | 'success';
  testId?: string;
}

/** Key figures in a row of cards (two per row on a phone, four on a desktop). */
export function KpiGrid({ items, label }: { items: Kpi[]; label?: string }) {
  return (
    <ul className="row g-3 my-3 list-unstyled kpi-grid" aria-label={label}>
      {items.map((k, i) => (
        <li key={i} className="col-6 col-lg-3">
          <div className={`kpi h-100${k.tone && k.tone !== 'default' ? ` kpi-${k.tone}` : ''}`}>
            <div className="value" data-testid={k.testId}>
              {k.value}
            </div>
            <div>{k.label}</div>
            {k.hint ? <div className="small text-secondary">{k.hint}</div> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** What a page shows when there is nothing yet, with the next step when the user can take it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state border rounded p-4 my-3 bg-light">
      <p className="fw-semibold mb-1">{title}</p>
      {children ? <div className="mb-0">{children}</div> : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}

/** A list of facts (term: value), e.g. a record's details. */
export function Facts({ items, className = '' }: { items: { term: ReactNode; value: ReactNode; testId?: string }[]; className?: string }) {
  return (
    <dl className={`row facts ${className}`}>
      {items.map((item, i) => (
        <div key={i} className="col-sm-6 col-lg-4 mb-2">
          <dt className="small text-secondary fw-normal">{item.term}</dt>
          <dd className="mb-0" data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A coloured label for a status (draft, adopted, overdue…). */
export function StatusBadge({
  tone = 'secondary',
  children,
}: {
  tone?: 'primary' | 'secondary' | 'success' | 'warning' | 'danger' | 'info';
  children: ReactNode;
}) {
  // Bootstrap Italia's warning (#995c00) and info (#5d7083) are dark: white text keeps 4,5:1, dark text had 2,39:1.
  return <span className={`badge bg-${tone}`}>{children}</span>;
}

/** An informative or warning box (not the result of a form: see ResultAlert). */
export function Notice({
  tone = 'info',
  title,
  children,
  id,
}: {
  tone?: 'info' | 'warning' | 'danger' | 'success';
  title?: string;
  children: ReactNode;
  id?: string;
}) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'danger' || tone === 'warning' ? 'note' : undefined} id={id}>
      {title ? <p className="fw-semibold mb-1">{title}</p> : null}
      {children}
    </div>
  );
}

/** The confirmation after a form whose action redirected with `?esito=<what>`: one message per outcome. */
export function DoneNotice({ messages }: { messages: Partial<Record<string, MessageKey>> }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const key = messages[params.get('esito') ?? ''];
  if (!key) return null;
  return (
    <div className="alert alert-success" role="status">
      {t(key)}
    </div>
  );
}
