import { data, Link } from 'react-router';
import type { Route } from './+types/objective-print';
import { getActor, getServices, guard } from '../../../shared/http/request.server.ts';
import { DataTable, useI18n, type Column } from '../../../shared/ui/kit.ts';
import { FUNDING_SOURCES } from '../plan-document.schema.ts';
import { cardValueText } from '../planning.card.ts';
import { authorize } from '../planning.policy.ts';
import { getObjectiveDetail } from '../planning.queries.ts';
import { requirePlanInAmbito } from '../planning.server.ts';
import { publicPlanPath, sendAnonymousToPortal } from '../planning.public.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { isUuid } from '../../../shared/validation.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requirePlanInAmbito(db, params.code, params.planId);
  const d = isUuid(params.objectiveId) ? await getObjectiveDetail(db, params.objectiveId) : null;
  if (!d || d.objective.planId !== header.plan.id) throw data(tr('plan.notFound.objective'), { status: 404 });
  // The printable card is internal: an anonymous visitor reads the objective of an adopted plan on the portal.
  sendAnonymousToPortal(getActor(context), header.scope, publicPlanPath(params.code, header.plan, d.objective.code));
  await guard(request, async () => authorize(getActor(context), 'plan.internal', header.scope, { hide: true }));
  const card = d.objective.card as Record<string, unknown>;
  return {
    back: `/ambiti/${params.code}/piani/${params.planId}/obiettivi/${params.objectiveId}`,
    plan: header.plan.title,
    ambito: header.ambitoName,
    objective: { code: d.objective.code, title: d.objective.title, priority: d.objective.priority, policyAreas: d.objective.policyAreas },
    rows: (d.template?.objectiveCard.fields ?? []).map((f) => ({ label: f.label, value: cardValueText(card[f.key]) })),
    actions: d.actions.map((a) => ({
      number: a.number,
      description: a.description,
      indicators: d.indicators
        .filter((i) => i.actionId === a.id)
        .map((i) => ({ code: i.code, label: i.label, targets: i.targets.map((t) => ({ year: t.year, text: t.text })) })),
    })),
    budget: d.budget.map((l) => ({ fund: String((FUNDING_SOURCES as Record<string, string>)[l.fund] ?? l.fund), year: l.year, cents: l.amountCents })),
    total: d.budget.reduce((s, l) => s + l.amountCents, 0),
  };
}

/**
 * One objective card laid out like the regional card, for printing (the browser's print removes the shell): the
 * card's fields as a two-column DataTable (field, content) without sorting links or CSV, then its actions and budget.
 */
export default function ObjectivePrint({ loaderData: p }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const year = (y: number | null) => (y === null ? t('plan.period.whole') : String(y));
  const cardColumns: Column<(typeof p.rows)[number]>[] = [
    { key: 'field', header: t('plan.print.field'), value: (r) => r.label, rowHeader: true, sortable: false },
    {
      key: 'content',
      header: t('plan.print.content'),
      value: (r) => r.value || '—',
      sortable: false,
      className: 'text-break',
      render: (r) => <span style={{ whiteSpace: 'pre-line' }}>{r.value || '—'}</span>,
    },
  ];
  const actionColumns: Column<(typeof p.actions)[number]>[] = [
    { key: 'action', header: t('plan.print.action'), value: (a) => `${a.number}. ${a.description}`, rowHeader: true, sortable: false },
    {
      key: 'indicators',
      header: t('plan.print.indicators'),
      sortable: false,
      render: (a) => (
        <ul className="mb-0">
          {a.indicators.map((i) => (
            <li key={i.code}>
              {i.code} {i.label}
              {i.targets.length ? ` — ${i.targets.map((x) => `${year(x.year)}: ${x.text}`).join('; ')}` : ''}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <article className="print-card">
      <title>{t('plan.print.title', { code: p.objective.code, plan: p.plan })}</title>
      <p className="d-print-none">
        <Link to={p.back}>{t('plan.print.back')}</Link> · {t('plan.print.how')}
      </p>
      <p className="small mb-1" translate="no">
        {p.ambito} · {p.plan}
      </p>
      <h1 className="h2 text-break">
        <span translate="no">
          {p.objective.code} – {p.objective.title}
        </span>
        {p.objective.priority ? ` ${t('plan.print.priority')}` : ''}
      </h1>
      <p>
        {t('plan.objectives.policyAreas')}: <span translate="no">{p.objective.policyAreas.join(', ') || '—'}</span>
      </p>
      <DataTable id="scheda" caption={t('plan.card.heading')} rows={p.rows} rowKey={(_, i) => String(i)} columns={cardColumns} />
      <h2 className="h4">{t('plan.print.actions')}</h2>
      <DataTable id="azioni" caption={t('plan.action.title')} rows={p.actions} rowKey={(a) => a.number} columns={actionColumns} />
      <h2 className="h4">{t('plan.print.budget', { total: f.money(p.total) })}</h2>
      <ul>
        {p.budget.map((b, i) => (
          <li key={i}>
            <span translate="no">{b.fund}</span>, {year(b.year)}: {f.money(b.cents)}
          </li>
        ))}
      </ul>
    </article>
  );
}
