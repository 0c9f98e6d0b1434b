import type { ReactNode } from 'react';
import { data, Form, Link } from 'react-router';
import type { Route } from './+types/audit-log';
import { isAdmin } from '../../../shared/auth/actor.ts';
import { listAuditEntries, listAuditEntityTypes } from '../../../shared/audit/audit.queries.ts';
import { diffSnapshots } from '../../../shared/audit/audit.rules.ts';
import { getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DataTable, EmptyState, PageHeader, useI18n } from '../../../shared/ui/kit.ts';
import { listAmbiti } from '../../territory/index.server.ts';
import { parseAuditFilters } from '../audit.filters.ts';
import { can } from '../audit.policy.ts';

const PAGE = 50;

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const url = new URL(request.url);
  const f = parseAuditFilters(url.searchParams);
  const readable = (await listAmbiti(db)).filter((a) => can(actor, 'audit.read', a));
  const admin = isAdmin(actor);
  if (!admin && readable.length === 0) throw data(tr('audit.forbidden'), { status: 403 });
  const chosen = f.ambito ? readable.find((a) => a.code === f.ambito) : undefined;
  if (f.ambito && !chosen) throw data(tr('audit.forbidden.ambito'), { status: 403 });
  const ambitoIds = chosen ? [chosen.id] : admin ? null : readable.map((a) => a.id);
  const { rows, total } = await listAuditEntries(db, {
    ambitoIds,
    actor: f.actor || undefined,
    entityType: f.entity || undefined,
    from: f.from,
    to: f.to,
    limit: PAGE,
    offset: (f.page - 1) * PAGE,
  });
  const names = new Map(readable.map((a) => [a.id, a.name]));
  return {
    filters: f,
    ambiti: readable.map((a) => ({ code: a.code, name: a.name })),
    entityTypes: await listAuditEntityTypes(db),
    total,
    pages: Math.max(1, Math.ceil(total / PAGE)),
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      ambito: r.ambitoId ? (names.get(r.ambitoId) ?? null) : null,
      requestId: r.requestId,
      changes: diffSnapshots(r.before, r.after),
      before: r.before,
      after: r.after,
    })),
  };
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A filter of the form: its label over its control (whose id is `f-<name>`): the given one, or a text or date input. */
function Filter(
  props: { name: string; label: string; className: string } & ({ children: ReactNode } | { input: 'search' | 'date'; value: string | undefined }),
) {
  const { name, label, className } = props;
  return (
    <div className={className}>
      <label htmlFor={`f-${name}`} className="form-label">
        {label}
      </label>
      {'input' in props ? <input id={`f-${name}`} name={name} type={props.input} className="form-control" defaultValue={props.value ?? ''} /> : props.children}
    </div>
  );
}

/** A select of data values (Ambiti, entity types: not translated), with an optional "all" choice first. */
function DataSelect({ name, value, all, options }: { name: string; value: string | undefined; all: string | null; options: [string, string][] }) {
  return (
    <select id={`f-${name}`} name={name} className="form-select" defaultValue={value ?? ''}>
      {all !== null && <option value="">{all}</option>}
      {options.map(([code, label]) => (
        <option key={code} value={code} translate="no">
          {label}
        </option>
      ))}
    </select>
  );
}

/** The record before or after the change, as stored. */
function Snapshot({ title, value }: { title: string; value: unknown }) {
  return (
    <div className="col-md-6">
      <p className="small fw-semibold mb-1">{title}</p>
      <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

function PageLink({ to, label }: { to: string; label: string }) {
  return (
    <Link className="btn btn-outline-primary btn-sm" to={to}>
      {label}
    </Link>
  );
}

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { filters, ambiti, entityTypes, entries, total, pages } = loaderData;
  const pageHref = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, page })) if (v !== undefined && v !== '') p.set(k, String(v));
    return `/registro?${p}`;
  };
  return (
    <>
      <PageHeader title={t('audit.title')} lead={t('audit.lead')} />
      <Form method="get" className="row g-3 align-items-end mb-4" aria-label={t('audit.filter.submit')}>
        <Filter name="ambito" className="col-md-4 col-lg-3" label={t('audit.filter.ambito')}>
          <DataSelect
            name="ambito"
            value={filters.ambito}
            all={ambiti.length !== 1 ? t('audit.filter.all') : null}
            options={ambiti.map((a) => [a.code, a.name])}
          />
        </Filter>
        <Filter name="actor" className="col-md-4 col-lg-3" label={t('audit.filter.actor')} input="search" value={filters.actor} />
        <Filter name="entity" className="col-md-4 col-lg-2" label={t('audit.filter.entity')}>
          <DataSelect name="entity" value={filters.entity} all={t('audit.filter.all')} options={entityTypes.map((e) => [e, e])} />
        </Filter>
        <Filter name="from" className="col-md-3 col-lg-2" label={t('audit.filter.from')} input="date" value={filters.from} />
        <Filter name="to" className="col-md-3 col-lg-2" label={t('audit.filter.to')} input="date" value={filters.to} />
        <div className="col-md-3">
          <button type="submit" className="btn btn-primary">
            {t('audit.filter.submit')}
          </button>
        </div>
      </Form>
      <p role="status">{t('audit.count', { count: f.count(total) })}</p>
      <DataTable
        id="registro"
        caption={<span className="visually-hidden">{t('audit.title')}</span>}
        rows={entries}
        rowKey={(e) => String(e.id)}
        empty={<EmptyState title={t('audit.empty')} />}
        columns={[
          { key: 'quando', header: t('audit.col.when'), data: false, className: 'text-nowrap', value: (e) => e.at, render: (e) => f.dateTime(e.at) },
          { key: 'chi', header: t('audit.col.who'), value: (e) => e.actor },
          { key: 'azione', header: t('audit.col.action'), value: (e) => e.action, render: (e) => <code>{e.action}</code> },
          {
            key: 'oggetto',
            header: t('audit.col.entity'),
            value: (e) => e.entityType,
            render: (e) => (
              <>
                {e.entityType}
                {e.ambito ? <div className="small text-secondary">{e.ambito}</div> : null}
              </>
            ),
          },
          {
            key: 'modifiche',
            header: t('audit.col.changes'),
            data: false,
            sortable: false,
            render: (e) => (
              <>
                {e.changes.length > 0 && (
                  <ul className="list-unstyled small mb-1" translate="no">
                    {e.changes.slice(0, 8).map((c) => (
                      <li key={c.field}>
                        <strong>{c.field}</strong>: <del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>
                      </li>
                    ))}
                  </ul>
                )}
                <details>
                  <summary className="small">{t('audit.details')}</summary>
                  <div className="row">
                    <Snapshot title={t('audit.before')} value={e.before} />
                    <Snapshot title={t('audit.after')} value={e.after} />
                  </div>
                </details>
              </>
            ),
          },
        ]}
      />
      {pages > 1 && (
        <nav aria-label={t('audit.pages')} className="d-flex gap-2">
          {filters.page > 1 && <PageLink to={pageHref(filters.page - 1)} label={t('audit.prev')} />}
          <span className="align-self-center small">
            {f.count(filters.page)} / {f.count(pages)}
          </span>
          {filters.page < pages && <PageLink to={pageHref(filters.page + 1)} label={t('audit.next')} />}
        </nav>
      )}
    </>
  );
}
