import { data, Form, Link } from 'react-router';
import type { Route } from './+types/audit-log';
import { isAdmin } from '../../../shared/auth/actor.ts';
import { listAuditEntries, listAuditEntityTypes } from '../../../shared/audit/audit.queries.ts';
import { diffSnapshots } from '../../../shared/audit/audit.rules.ts';
import { getServices, requireUser } from '../../../shared/http/request.server.ts';
import { z } from '../../../shared/validation.ts';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { listAmbiti } from '../../territory/index.server.ts';
import { can } from '../audit.policy.ts';

const PAGE = 50;
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const Filters = z.object({
  ambito: z.string().max(60).optional().catch(undefined),
  actor: z.string().trim().max(100).optional().catch(undefined),
  entity: z.string().max(60).optional().catch(undefined),
  from: isoDay,
  to: isoDay,
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const url = new URL(request.url);
  const f = Filters.parse(Object.fromEntries(url.searchParams));
  const readable = (await listAmbiti(db)).filter((a) => can(actor, 'audit.read', a));
  const admin = isAdmin(actor);
  if (!admin && readable.length === 0) throw data('Non hai i permessi per leggere il registro delle attività.', { status: 403 });
  const chosen = f.ambito ? readable.find((a) => a.code === f.ambito) : undefined;
  if (f.ambito && !chosen) throw data('Non hai i permessi per leggere il registro di questo Ambito.', { status: 403 });
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

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const { t, dt, n } = useI18n();
  const { filters, ambiti, entityTypes, entries, total, pages } = loaderData;
  const pageHref = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, page })) if (v !== undefined && v !== '') p.set(k, String(v));
    return `/registro?${p}`;
  };
  return (
    <>
      <title>{`${t('audit.title')} – Cantiere`}</title>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.lead')}</p>
      <Form method="get" className="row g-3 align-items-end mb-4" aria-label={t('audit.filter.submit')}>
        <div className="col-md-4 col-lg-3">
          <label htmlFor="f-ambito" className="form-label">
            {t('audit.filter.ambito')}
          </label>
          <select id="f-ambito" name="ambito" className="form-select" defaultValue={filters.ambito ?? ''}>
            {ambiti.length !== 1 && <option value="">{t('audit.filter.all')}</option>}
            {ambiti.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-4 col-lg-3">
          <label htmlFor="f-actor" className="form-label">
            {t('audit.filter.actor')}
          </label>
          <input id="f-actor" name="actor" type="search" className="form-control" defaultValue={filters.actor ?? ''} />
        </div>
        <div className="col-md-4 col-lg-2">
          <label htmlFor="f-entity" className="form-label">
            {t('audit.filter.entity')}
          </label>
          <select id="f-entity" name="entity" className="form-select" defaultValue={filters.entity ?? ''}>
            <option value="">{t('audit.filter.all')}</option>
            {entityTypes.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-3 col-lg-2">
          <label htmlFor="f-from" className="form-label">
            {t('audit.filter.from')}
          </label>
          <input id="f-from" name="from" type="date" className="form-control" defaultValue={filters.from ?? ''} />
        </div>
        <div className="col-md-3 col-lg-2">
          <label htmlFor="f-to" className="form-label">
            {t('audit.filter.to')}
          </label>
          <input id="f-to" name="to" type="date" className="form-control" defaultValue={filters.to ?? ''} />
        </div>
        <div className="col-md-3">
          <button type="submit" className="btn btn-primary">
            {t('audit.filter.submit')}
          </button>
        </div>
      </Form>
      <p role="status">{t('audit.count', { count: n(total) })}</p>
      {entries.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table align-top">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.when')}</th>
                <th scope="col">{t('audit.col.who')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.entity')}</th>
                <th scope="col">{t('audit.col.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="text-nowrap">{dt(e.at)}</td>
                  <td>{e.actor}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.entityType}
                    {e.ambito ? <div className="small text-secondary">{e.ambito}</div> : null}
                  </td>
                  <td>
                    {e.changes.length > 0 && (
                      <ul className="list-unstyled small mb-1">
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
                        <div className="col-md-6">
                          <p className="small fw-semibold mb-1">{t('audit.before')}</p>
                          <pre className="audit-json">{JSON.stringify(e.before, null, 2)}</pre>
                        </div>
                        <div className="col-md-6">
                          <p className="small fw-semibold mb-1">{t('audit.after')}</p>
                          <pre className="audit-json">{JSON.stringify(e.after, null, 2)}</pre>
                        </div>
                      </div>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label="Pagine del registro" className="d-flex gap-2">
          {filters.page > 1 && (
            <Link className="btn btn-outline-primary btn-sm" to={pageHref(filters.page - 1)}>
              {t('audit.prev')}
            </Link>
          )}
          <span className="align-self-center small">
            {filters.page} / {pages}
          </span>
          {filters.page < pages && (
            <Link className="btn btn-outline-primary btn-sm" to={pageHref(filters.page + 1)}>
              {t('audit.next')}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
