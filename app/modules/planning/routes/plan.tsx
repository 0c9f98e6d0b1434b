import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Route } from './+types/plan';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  Chart,
  DataTable,
  figureColumn,
  IntentField,
  IntentForm,
  KpiGrid,
  moneyColumn,
  PageHeader,
  Panels,
  ResultAlert,
  Section,
  selectClass,
  StatusBadge,
  useFormResult,
  useI18n,
  type Column,
  Options,
  linkColumn,
} from '../../../shared/ui/kit.ts';
import { changePlanStatus, createObjective, decideVariation } from '../planning.commands.ts';
import { abilitiesFor, authorize } from '../planning.policy.ts';
import { getPlanOverview } from '../planning.queries.ts';
import { listAmbitoDecisionOutcomes } from '../../governance/index.server.ts';
import { isAdopted, TRANSITIONS } from '../planning.rules.ts';
import { requirePlanInAmbito } from '../planning.server.ts';
import { publicPlanPath, sendAnonymousToPortal } from '../planning.public.ts';
import { panelsFor } from '../../../shared/panels.server.ts';
import { AddForm, GridInput, GridSelect } from '../components/grid-fields.tsx';
import { statusLabel } from '../planning.templates.ts';
import type { PlanStatus } from '../plan-document.schema.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { header } = await requirePlanInAmbito(db, params.code, params.planId);
  const actor = getActor(context);
  // The internal work page: an anonymous visitor reads an adopted plan on the portal, any other plan after signing in.
  sendAnonymousToPortal(actor, header.scope, publicPlanPath(params.code, header.plan));
  await guard(request, async () => authorize(actor, 'plan.internal', header.scope, { hide: true }));
  const overview = (await getPlanOverview(db, params.planId))!;
  const status = header.plan.status as PlanStatus;
  const canStatus = abilitiesFor(actor, header.scope)['plan.status'];
  const all = await listAmbitoDecisionOutcomes(db, header.plan.ambitoId);
  // The decisions offered for adoption or a variation: those of the body the template names (with their outcome).
  const decisions = canStatus
    ? all
        .filter((d) => d.bodyType === overview.adoption.bodyType)
        .map((d) => ({ id: d.id, body: d.bodyName, number: d.number, date: d.date, subject: d.subject, approved: d.approved }))
    : [];
  const decisionName = (id: string | null) => {
    const d = id ? all.find((x) => x.id === id) : undefined;
    return d ? { id: d.id, number: d.number, date: d.date } : null;
  };
  const adoptionDecision = decisionName(header.plan.adoptionDecisionId);
  // What other modules show about this plan (participation: where the plan stands on its planning path).
  const panels = await panelsFor(db, { kind: 'plan', planId: header.plan.id, ambitoId: header.plan.ambitoId, ambitoCode: params.code }, actor);
  return {
    panels,
    ...overview,
    code: params.code,
    decisions,
    adoptionDecision,
    adopted: isAdopted(status),
    variationDecisions: Object.fromEntries(overview.variations.filter((v) => v.decisionId).map((v) => [v.id, decisionName(v.decisionId)])),
    next: TRANSITIONS[status].map((s) => ({ status: s, label: statusLabel(header.plan.templateId, s) })),
    can: abilitiesFor(actor, header.scope),
  };
}

const VARIATION_DONE: Record<string, MessageKey> = {
  approved: 'plan.variation.done.approved',
  rejected: 'plan.variation.done.rejected',
  withdrawn: 'plan.variation.done.withdrawn',
};

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await requirePlanInAmbito(db, params.code, params.planId);
  const planId = params.planId;
  // Confirmations are shown at the top of the page (intent «plan»): the form that was used may be gone (a decided
  // variation, a closed plan); refusals stay next to their form.
  const variation = (decision: 'approve' | 'reject' | 'withdraw') => async (form: Record<string, FormDataEntryValue>) => {
    const v = await decideVariation({ db, actor, planId, variationId: String(form.variationId ?? ''), input: { ...form, decision } });
    const key = VARIATION_DONE[v.status];
    return done('plan', key ? tr(key, { number: v.number }) : tr('plan.variation.done.other', { number: v.number, status: v.status }));
  };
  return intentAction(request, {
    status: async (form) => {
      await changePlanStatus({ db, actor, planId, input: form });
      return done('plan', tr('plan.status.done'));
    },
    objective: async (form) => {
      const o = await createObjective({ db, actor, planId, input: form });
      return done('plan', o ? tr('plan.objective.added', { code: o.code }) : tr('plan.objective.proposed'));
    },
    'variation-approve': variation('approve'),
    'variation-reject': variation('reject'),
    'variation-withdraw': variation('withdraw'),
  });
}

type Overview = Route.ComponentProps['loaderData'];
type ObjectiveRow = Overview['objectives'][number];
type Change = Overview['variations'][number]['items'][number];

/** The changes of a variation (or of the plan since adoption), field by field. */
function ChangesTable({ id, items, caption }: { id: string; items: readonly Change[]; caption: string }) {
  const { t } = useI18n();
  const columns: Column<Change>[] = [
    { key: 'objective', header: t('plan.changes.objective'), value: (v) => v.objectiveCode ?? '—', rowHeader: true },
    { key: 'what', header: t('plan.changes.what'), value: (v) => v.what },
    { key: 'before', header: t('plan.changes.before'), value: (v) => v.before ?? '—', className: 'small text-break' },
    { key: 'after', header: t('plan.changes.after'), value: (v) => v.after ?? '—', className: 'small text-break' },
  ];
  return <DataTable id={id} caption={caption} columns={columns} rows={items} rowKey={(_, i) => String(i)} small />;
}

/** An objective's title (data), marked when it is a priority, with its policy areas. */
function ObjectiveTitle({ objective: o }: { objective: ObjectiveRow }) {
  const { t } = useI18n();
  return (
    <>
      <span translate="no">{o.title}</span>
      {o.priority && (
        <span className="ms-2">
          <StatusBadge tone="primary">{t('plan.objectives.priority')}</StatusBadge>
        </span>
      )}
      {o.policyAreas.length > 0 && (
        <div className="small text-secondary">
          {t('plan.objectives.policyAreas')}: <span translate="no">{o.policyAreas.join(', ')}</span>
        </div>
      )}
    </>
  );
}

/** Objectives of one macro-area (or the LEPS cards), with their counts and resources. */
function ObjectivesTable({ id, caption, rows, base }: { id: string; caption: ReactNode; rows: readonly ObjectiveRow[]; base: string }) {
  const { t, f } = useI18n();
  const columns: Column<ObjectiveRow>[] = [
    linkColumn<ObjectiveRow>('code', t('plan.objectives.code'), (o) => ({ text: o.code, to: `${base}/obiettivi/${o.id}` }), { className: 'text-nowrap' }),
    { key: 'title', header: t('plan.objectives.title'), value: (o) => o.title, data: false, render: (o) => <ObjectiveTitle objective={o} /> },
    figureColumn('actions', t('plan.objectives.actions'), (o) => o.actions, f.count),
    figureColumn('indicators', t('plan.objectives.indicators'), (o) => o.indicators, f.count),
    moneyColumn('budget', t('plan.objectives.budget'), (o) => o.budgetCents, f.money),
  ];
  return <DataTable id={id} caption={caption} columns={columns} rows={rows} rowKey={(o) => o.id} csv={id} small />;
}

/** The deliberations of the Ambito to choose from (adoption of the plan, approval of a variation), with their outcome. */
function DecisionSelect({
  field,
  decisions,
  error,
}: {
  field: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string };
  decisions: Overview['decisions'];
  error: string | undefined;
}) {
  const { t, f } = useI18n();
  const outcome = (approved: boolean | null) =>
    approved === true ? t('plan.decision.approved') : approved === false ? t('plan.decision.rejected') : t('plan.decision.unknown');
  const name = (d: (typeof decisions)[number]) =>
    t('plan.decision.option', { body: d.body, number: d.number, date: f.date(d.date), subject: d.subject.slice(0, 60), outcome: outcome(d.approved) });
  return (
    <select {...field} className={selectClass(error)}>
      <option value="">—</option>
      <Options items={decisions} value={(d) => d.id} label={name} />
    </select>
  );
}

/** One of the three answers to the draft variation: approve (with its deliberation), reject, withdraw. */
function VariationDecision({
  intent,
  draft,
  actionData,
  label,
  className,
}: {
  intent: 'variation-reject' | 'variation-withdraw';
  draft: { id: string; version: number };
  actionData: unknown;
  label: string;
  className: string;
}) {
  return (
    <IntentForm intent={intent} actionData={actionData} submitLabel={label} submitClassName={className} label={label}>
      <input type="hidden" name="variationId" value={draft.id} />
      <input type="hidden" name="version" value={draft.version} />
    </IntentForm>
  );
}

/** The two breakdowns of the plan's ordinary resources: their table ids, CSV files and words. */
const BREAKDOWNS = {
  area: { id: 'tabella-aree', csv: 'risorse-per-area', chart: 'plan.budget.byAreaChart', caption: 'plan.budget.byArea', header: 'plan.budget.area' },
  fund: { id: 'tabella-fondi', csv: 'risorse-per-fonte', chart: 'plan.budget.byFundChart', caption: 'plan.budget.byFund', header: 'plan.budget.fund' },
} as const;

/** One breakdown of the plan's ordinary resources (by area, by fund): its chart, when there is one, over its table. */
function Breakdown({
  by,
  svg,
  rows,
  total,
  children,
}: {
  by: keyof typeof BREAKDOWNS;
  svg: string | null;
  rows: { key: string; label: string; cents: number }[];
  /** The formatted total, for the chart's summary. */
  total: string;
  children?: ReactNode;
}) {
  const { t, f } = useI18n();
  const { id, csv, chart, caption, header } = BREAKDOWNS[by];
  return (
    <div className="col-12 col-lg-6">
      {svg && <Chart svg={svg} caption={t(chart)} summary={t('plan.budget.total', { total })} tableId={id} />}
      <DataTable
        id={id}
        caption={t(caption)}
        rows={rows}
        rowKey={(r) => r.key}
        csv={csv}
        small
        columns={[
          { key: by, header: t(header), value: (r) => r.label, rowHeader: true },
          moneyColumn<(typeof rows)[number]>('amount', t('plan.budget.amount'), (r) => r.cents, f.money),
        ]}
      />
      {children}
    </div>
  );
}

export default function PlanOverview({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const p = loaderData;
  const base = `/ambiti/${p.code}/piani/${p.plan.id}`;
  const status = useFormResult(actionData, 'status');
  const objective = useFormResult(actionData, 'objective');
  const approve = useFormResult(actionData, 'variation-approve');
  // Objectives grouped by the plan's macro-areas (the sections of the regional template), in plan order.
  const byArea = new Map<string, ObjectiveRow[]>();
  for (const o of p.objectives.filter((x) => x.kind === 'ordinary')) {
    const area = o.macroArea ?? '';
    byArea.set(area, [...(byArea.get(area) ?? []), o]);
  }
  const leps = p.objectives.filter((o) => o.kind === 'leps');
  const incomplete = p.objectives.filter((o) => o.incomplete.length > 0);
  const draft = p.variations.find((v) => v.status === 'draft') ?? null;
  const decided = p.variations.filter((v) => v.status !== 'draft');
  const variationStatus = (s: string) =>
    ({
      draft: t('plan.variation.status.draft'),
      approved: t('plan.variation.status.approved'),
      rejected: t('plan.variation.status.rejected'),
      withdrawn: t('plan.variation.status.withdrawn'),
    })[s] ?? s;
  const decidedCaption = (v: (typeof decided)[number]) => {
    const d = p.variationDecisions[v.id];
    const how = d
      ? t('plan.variation.byDecision', { number: d.number, date: f.date(d.date) })
      : v.status === 'approved'
        ? t('plan.variation.byCoordinator')
        : '';
    return t('plan.variation.decidedCaption', { number: v.number, status: variationStatus(v.status), how, by: v.decidedBy ? ` – ${v.decidedBy}` : '' });
  };
  const total = f.money(p.ordinary.total);

  return (
    <>
      <PageHeader
        title={p.plan.title}
        titleIsData
        context={p.ambitoName}
        breadcrumb={[{ label: t('plan.plans.title'), to: `/ambiti/${p.code}/piani` }]}
        lead={
          <>
            <span translate="no">{p.ambitoName}</span> · {f.years(p.plan.periodStartYear, p.plan.periodEndYear)}
          </>
        }
        actions={
          p.can['plan.export'] ? (
            <a className="btn btn-outline-primary" href={`${base}/esporta.json`} download>
              {t('plan.plan.export')}
            </a>
          ) : null
        }
      >
        <p className="mb-0 text-break">
          {t('plan.plan.status')}:{' '}
          <strong data-testid="plan-status" translate="no">
            {p.statusLabel}
          </strong>
          {p.plan.adoptionDate ? ` ${t('plan.plan.adoptedOn', { date: f.date(p.plan.adoptionDate) })}` : ''} · {t('plan.plan.template')}:{' '}
          <span translate="no">{p.template?.name ?? p.plan.templateId}</span>
          {p.adoptionDecision && (
            <>
              {' · '}
              <Link to={`/ambiti/${p.code}/decisioni/${p.adoptionDecision.id}`}>
                {t('plan.plan.decision', { number: p.adoptionDecision.number, date: f.date(p.adoptionDecision.date) })}
              </Link>
            </>
          )}
        </p>
        {p.plan.adoptionOverrideReason && (
          <p className="mb-0 mt-2 text-break" data-testid="adoption-override">
            <strong>{t('plan.plan.override')}</strong> {t('plan.plan.overrideReason')}: <span translate="no">{p.plan.adoptionOverrideReason}</span>
          </p>
        )}
      </PageHeader>

      <KpiGrid
        items={[
          { label: t('plan.kpi.objectives', { leps: leps.length }), value: f.count(p.counts.objectives) },
          { label: t('plan.kpi.actions'), value: f.count(p.counts.actions) },
          { label: t('plan.kpi.indicators'), value: f.count(p.counts.indicators) },
          { label: t('plan.kpi.budget'), value: total, testId: 'budget-total' },
        ]}
      />

      <Panels panels={p.panels} />

      <ResultAlert actionData={actionData} intent="plan" />
      {p.can['plan.status'] && p.next.length > 0 && (
        <Section id="status" title={t('plan.status.title')}>
          <IntentForm intent="status" actionData={actionData} submitLabel={t('plan.status.submit')} reloadHref={base} label={t('plan.status.title')}>
            <input type="hidden" name="version" value={p.plan.version} />
            <div className="row g-3">
              <GridSelect col="col-12 col-md-4" intent="status" name="status" label={t('plan.status.new')} errors={status.errors}>
                {p.next.map((n) => (
                  <option key={n.status} value={n.status} translate="no">
                    {n.label}
                  </option>
                ))}
              </GridSelect>
              {p.next.some((n) => n.status === 'adopted') && (
                <>
                  <div className="col-12 col-md-8">
                    <IntentField intent="status" name="adoptionDecisionId" label={t('plan.status.decision')} error={status.errors.adoptionDecisionId}>
                      {(fld) => <DecisionSelect field={fld} decisions={p.decisions} error={status.errors.adoptionDecisionId} />}
                    </IntentField>
                  </div>
                  <div className="col-12">
                    <IntentField intent="status" name="overrideReason" label={t('plan.status.override')} error={status.errors.overrideReason}>
                      {(fld) => <textarea {...fld} rows={2} />}
                    </IntentField>
                  </div>
                </>
              )}
            </div>
          </IntentForm>
        </Section>
      )}

      <Section id="obiettivi" title={t('plan.objectives.byArea')}>
        {[...byArea.entries()].map(([area, list], i) => (
          <ObjectivesTable
            key={area}
            id={`obiettivi-${i + 1}`}
            caption={area ? <span translate="no">{area}</span> : t('plan.objectives.noArea')}
            rows={list}
            base={base}
          />
        ))}
        {leps.length > 0 && <ObjectivesTable id="schede-leps" caption={t('plan.objectives.leps')} rows={leps} base={base} />}
        {p.can['plan.edit'] && (
          <AddForm what="objective" actionData={actionData} className="mb-4">
            <div className="row g-3">
              <GridInput col="col-12 col-md-3" intent="objective" name="code" label={t('plan.objective.code')} errors={objective.errors} />
              <GridInput col="col-12 col-md-9" intent="objective" name="title" label={t('plan.objective.title')} errors={objective.errors} />
            </div>
          </AddForm>
        )}
      </Section>

      <Section id="risorse" title={t('plan.budget.title')}>
        <div className="row">
          <Breakdown by="area" svg={p.areaSvg} rows={p.ordinary.byArea.map(([area, cents]) => ({ key: area, label: area, cents }))} total={total} />
          <Breakdown by="fund" svg={p.fundSvg} rows={p.ordinary.byFund.map(([code, name, cents]) => ({ key: code, label: name, cents }))} total={total}>
            {p.leps.total > 0 && <p className="small">{t('plan.budget.lepsMore', { total: f.money(p.leps.total) })}</p>}
          </Breakdown>
        </div>
      </Section>

      {incomplete.length > 0 && (
        <Section id="da-completare" title={t('plan.incomplete.title')}>
          <p>{t('plan.incomplete.count', { count: f.count(incomplete.length), total: f.count(p.objectives.length) })}</p>
          <details>
            <summary>{t('plan.incomplete.show')}</summary>
            <ul className="small mt-2">
              {incomplete.map((o) => (
                <li key={o.id} className="text-break">
                  <Link to={`${base}/obiettivi/${o.id}`} aria-label={t('plan.incomplete.link', { code: o.code })}>
                    <span translate="no">{o.code}</span>
                  </Link>
                  : <span translate="no">{o.incomplete.join('; ')}</span>
                </li>
              ))}
            </ul>
          </details>
        </Section>
      )}

      <Section id="capitoli" title={t('plan.chapters.title')}>
        <ol className="list-unstyled">
          {p.chapters.map((c) => (
            <li key={c.id}>
              <Link to={`${base}/capitoli/${c.id}`} translate="no">
                {c.number ? `${c.number} ` : ''}
                {c.title}
              </Link>
              {!c.hasText && <span className="small text-secondary"> {t('plan.chapters.toWrite')}</span>}
            </li>
          ))}
        </ol>
      </Section>

      {p.adopted && (
        <Section id="variazioni" title={t('plan.variation.title')}>
          <p className="small">
            {t('plan.variation.lead')}
            {p.adoption.minorChanges.length > 0 ? t('plan.variation.leadMinor') : ''}.
          </p>
          <h3 className="h5" id="variazione-in-bozza">
            {t('plan.variation.draft')}
          </h3>
          {!draft || draft.items.length === 0 ? (
            <p data-testid="draft-variation">{t('plan.variation.none')}</p>
          ) : (
            <div data-testid="draft-variation">
              <ChangesTable
                id="variazione-bozza"
                items={draft.items}
                caption={t(draft.minor ? 'plan.variation.draftCaptionMinor' : 'plan.variation.draftCaption', { number: draft.number })}
              />
              {p.can['plan.status'] && (
                <IntentForm
                  intent="variation-approve"
                  actionData={actionData}
                  submitLabel={t('plan.variation.approve')}
                  label={t('plan.variation.approve')}
                  className="mb-3"
                >
                  <input type="hidden" name="variationId" value={draft.id} />
                  <input type="hidden" name="version" value={draft.version} />
                  <IntentField
                    intent="variation-approve"
                    name="adoptionDecisionId"
                    label={t(draft.minor ? 'plan.variation.decisionMinor' : 'plan.variation.decision')}
                    error={approve.errors.adoptionDecisionId}
                  >
                    {(fld) => <DecisionSelect field={fld} decisions={p.decisions} error={approve.errors.adoptionDecisionId} />}
                  </IntentField>
                </IntentForm>
              )}
              <div className="d-flex flex-wrap gap-2">
                {(
                  [
                    ['variation-reject', p.can['plan.status'], t('plan.variation.reject'), 'btn btn-outline-danger'],
                    ['variation-withdraw', p.can['plan.edit'], t('plan.variation.withdraw'), 'btn btn-outline-secondary'],
                  ] as const
                ).map(
                  ([intent, allowed, label, className]) =>
                    allowed && <VariationDecision key={intent} intent={intent} draft={draft} actionData={actionData} label={label} className={className} />,
                )}
              </div>
            </div>
          )}
          {decided.length > 0 && (
            <>
              <h3 className="h5 mt-4">{t('plan.variation.decided')}</h3>
              {decided.map((v) => (
                <ChangesTable key={v.id} id={`variazione-${v.number}`} items={v.items} caption={decidedCaption(v)} />
              ))}
            </>
          )}
        </Section>
      )}

      {p.variance && (
        <Section id="differenze" title={t('plan.variance.title')}>
          <p className="small">{t('plan.variance.lead', { label: p.baseline?.label ?? '', date: f.date(p.baseline!.createdAt) })}</p>
          {p.variance.length === 0 ? (
            <p data-testid="variance">{t('plan.variance.none')}</p>
          ) : (
            <ChangesTable id="differenze-tabella" items={p.variance} caption={t('plan.variance.caption')} />
          )}
        </Section>
      )}

      <Section id="cronologia" title={t('plan.history.title')}>
        <ul>
          {p.snapshots.map((s) => (
            <li key={s.id} className="text-break">
              {f.dateTime(s.createdAt)} —{' '}
              <span translate="no">
                {s.label} ({s.createdBy})
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
