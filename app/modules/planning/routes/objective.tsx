import type { ReactNode } from 'react';
import { data, Link } from 'react-router';
import type { Route } from './+types/objective';
import { ValidationError } from '../../../shared/errors.ts';
import { done, intentAction, type FormFields } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import {
  DataTable,
  IntentField,
  IntentForm,
  moneyColumn,
  Notice,
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
  RowButtonForm,
} from '../../../shared/ui/kit.ts';
import {
  FUNDING_SOURCES,
  INDICATOR_AGGREGATIONS,
  INDICATOR_KINDS,
  INDICATOR_LEVELS,
  indicatorAggregation,
  LEPS,
  PERIODICITIES,
} from '../plan-document.schema.ts';
import { AddForm, GridInput, GridSelect } from '../components/grid-fields.tsx';
import {
  cardFromForm,
  controlFor,
  keepStoredLinks,
  lf,
  keepStoredValues,
  keyPointOptions,
  linksFromForm,
  optionsFor,
  policyAreasFromForm,
  TARGET_FORM_TYPES,
  targetsFromForm,
} from '../planning.card.ts';
import { addAction, addBudgetLine, addIndicator, deleteBudgetLine, updateObjective } from '../planning.commands.ts';
import { abilitiesFor, authorize } from '../planning.policy.ts';
import { getObjectiveDetail } from '../planning.queries.ts';
import { requirePlanInAmbito } from '../planning.server.ts';
import { publicPlanPath, sendAnonymousToPortal } from '../planning.public.ts';
import { panelsFor } from '../../../shared/panels.server.ts';
import { isAdopted } from '../planning.rules.ts';
import type { PlanStatus } from '../plan-document.schema.ts';
import { isUuid } from '../../../shared/validation.ts';

async function load(db: Parameters<typeof getObjectiveDetail>[0], params: { code: string; planId: string; objectiveId: string }) {
  const { header } = await requirePlanInAmbito(db as never, params.code, params.planId);
  const detail = isUuid(params.objectiveId) ? await getObjectiveDetail(db, params.objectiveId) : null;
  if (!detail || detail.objective.planId !== header.plan.id) throw data(tr('plan.notFound.objective'), { status: 404 });
  return detail;
}

const planYears = (plan: { periodStartYear: number; periodEndYear: number }) =>
  Array.from({ length: plan.periodEndYear - plan.periodStartYear + 1 }, (_, i) => plan.periodStartYear + i);

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const d = await load(db, params);
  const actor = getActor(context);
  // The card editor is internal: an anonymous visitor reads the objective of an adopted plan on the portal.
  sendAnonymousToPortal(actor, d.header.scope, publicPlanPath(params.code, d.header.plan, d.objective.code));
  await guard(request, async () => authorize(actor, 'plan.internal', d.header.scope, { hide: true }));
  return {
    code: params.code,
    plan: { id: d.header.plan.id, title: d.header.plan.title, years: planYears(d.header.plan) },
    /** The card editor shows the objective with the changes proposed in the draft variation, if any. */
    objective: d.proposed,
    adopted: isAdopted(d.header.plan.status as PlanStatus),
    draft: d.draft,
    fields: (d.objective.kind === 'ordinary' ? (d.template?.objectiveCard.fields ?? []) : []).map((f) => ({
      ...f,
      control: controlFor(f),
      options: optionsFor(f, keyPointOptions(d.template?.policyAreas ?? [], d.proposed.policyAreas)),
    })),
    policyAreas: (d.template?.policyAreas ?? []).map((a) => ({ code: a.code, name: a.name })),
    actions: d.actions.map((a) => ({ ...a, indicators: d.indicators.filter((i) => i.actionId === a.id) })),
    budget: d.budget,
    funds: Object.entries(FUNDING_SOURCES).map(([code, name]) => ({ code, name: String(name) })),
    leps: Object.entries(LEPS).map(([code, label]) => ({ code, label })),
    can: abilitiesFor(actor, d.header.scope),
    // What other modules show about this objective (participation: the needs, proposals and meetings behind it).
    panels: await panelsFor(
      db,
      { kind: 'objective', objectiveId: d.objective.id, planId: d.header.plan.id, ambitoId: d.header.plan.ambitoId, ambitoCode: params.code },
      actor,
    ),
  };
}

/** A change proposed in the draft variation (after adoption) rather than saved. */
const proposedOr = (saved: boolean, key: MessageKey) => tr(saved ? key : 'plan.card.proposed');

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const d = await load(db, params);
  const years = planYears(d.header.plan);
  // Every form of the page answers at the top of the page (intent «objective»); refusals stay next to their form.
  const indicator = (actionId: string) => async (form: FormFields, raw: FormData) => {
    const get = (name: string) => raw.getAll(name).map(String);
    const { targets, issues } = targetsFromForm(years, get, (year, percent) =>
      tr(percent ? 'plan.target.percentMissing' : 'plan.target.valueMissing', { year }),
    );
    if (issues.length) throw new ValidationError(issues);
    const row = await addIndicator({ db, actor, actionId, input: { ...form, targets } });
    return done('objective', proposedOr(!!row, 'plan.indicator.added'));
  };
  return intentAction(request, {
    card: async (form, raw) => {
      const get = (name: string) => raw.getAll(name).map(String);
      const card = keepStoredValues(d.objective.card, cardFromForm(d.template?.objectiveCard.fields ?? [], get));
      const saved = await updateObjective({
        db,
        actor,
        objectiveId: d.objective.id,
        input: {
          version: form.version,
          variationVersion: form.variationVersion ?? undefined,
          title: lf(String(form.title ?? '')),
          priority: form.priority === 'on',
          macroArea: form.macroArea,
          policyAreas: policyAreasFromForm(String(form.mainArea ?? ''), get('policyAreas'), d.objective.policyAreas),
          description: lf(String(form.description ?? '')),
          card: d.objective.kind === 'ordinary' ? card : d.objective.card,
          links: keepStoredLinks(d.objective.links, linksFromForm(get)),
        },
      });
      const message = ({ saved: 'plan.card.saved', proposed: 'plan.card.cardProposed', unchanged: 'plan.card.unchanged' } as const)[saved.outcome];
      return done('objective', tr(message));
    },
    action: async (form) => {
      const row = await addAction({ db, actor, objectiveId: d.objective.id, input: form });
      return done('objective', proposedOr(!!row, 'plan.action.added'));
    },
    ...Object.fromEntries(d.actions.map((a) => [`indicator-${a.id}`, indicator(a.id)])),
    budget: async (form) => {
      const row = await addBudgetLine({ db, actor, objectiveId: d.objective.id, input: form });
      return done('objective', proposedOr(!!row, 'plan.budget.added'));
    },
    'delete-budget': async (form) => {
      const outcome = await deleteBudgetLine({ db, actor, lineId: String(form.lineId ?? ''), version: Number(form.version) });
      return done('objective', tr(outcome === 'saved' ? 'plan.budget.deleted' : outcome === 'proposed' ? 'plan.card.proposed' : 'plan.budget.deleteProposed'));
    },
  });
}

function valueOf(card: Record<string, unknown>, key: string) {
  return card[key];
}

type Loaded = Route.ComponentProps['loaderData'];
type CardField = Loaded['fields'][number];

/** One field of the regional card, with the control its type asks for (text, choice, yes/no, ticks). */
function CardFieldControl({ f, index, value, error }: { f: CardField; index: number; value: unknown; error: string | undefined }) {
  const { t } = useI18n();
  const id = `field-card.card.${f.key}`;
  // The question is the template's own words (data): not translated.
  const label = <span translate="no">{t('plan.card.fieldLabel', { n: index + 1, label: f.label, required: f.required ? ' *' : '' })}</span>;
  const v = value;
  return (
    <li className="mb-4 border-start border-3 ps-3">
      {f.control === 'textarea' && (
        <>
          <label htmlFor={id} className="form-label fw-semibold text-break">
            {label}
          </label>
          {f.help && (
            <p className="small text-secondary mb-1" translate="no">
              {f.help}
            </p>
          )}
          <textarea
            id={id}
            name={`card.${f.key}`}
            className={`form-control${error ? ' is-invalid' : ''}`}
            rows={3}
            defaultValue={typeof v === 'string' ? v : ''}
            aria-invalid={error ? true : undefined}
          />
        </>
      )}
      {f.control === 'choice' && (
        <>
          <label htmlFor={id} className="form-label fw-semibold text-break">
            {label}
          </label>
          <select id={id} name={`card.${f.key}`} className={selectClass(error)} defaultValue={typeof v === 'string' ? v : ''} translate="no">
            <option value="">—</option>
            <Options items={[...new Set([...(f.options ?? []), ...(typeof v === 'string' && v ? [v] : [])])]} value={(opt) => opt} label={(opt) => opt} />
          </select>
        </>
      )}
      {(f.control === 'yesno' || f.control === 'yesno_text') && <YesNo f={f} id={id} label={label} value={v} />}
      {f.control === 'checkboxes' && <Ticks f={f} id={id} label={label} value={v} />}
      {error && <div className="invalid-feedback d-block">{error}</div>}
    </li>
  );
}

function YesNo({ f, id, label, value: v }: { f: CardField; id: string; label: ReactNode; value: unknown }) {
  const { t } = useI18n();
  const answer = v && typeof v === 'object' && 'answer' in v ? (v as { answer: boolean | null }).answer : typeof v === 'boolean' ? v : null;
  const text = v && typeof v === 'object' && 'text' in v ? ((v as { text: string | null }).text ?? '') : '';
  const choices = [
    ['si', t('plan.card.yes'), answer === true],
    ['no', t('plan.card.no'), answer === false],
    ['', t('plan.card.notStated'), answer === null],
  ] as const;
  return (
    <fieldset>
      <legend className="fs-6 fw-semibold text-break">{label}</legend>
      <div className="d-flex flex-wrap gap-4">
        {choices.map(([val, lab, checked]) => (
          <div className="form-check" key={val}>
            <input className="form-check-input" type="radio" name={`card.${f.key}.answer`} id={`${id}-${val || 'nd'}`} value={val} defaultChecked={checked} />
            <label className="form-check-label" htmlFor={`${id}-${val || 'nd'}`}>
              {lab}
            </label>
          </div>
        ))}
      </div>
      {(f.control === 'yesno_text' || text) && (
        <>
          <label htmlFor={`${id}-text`} className="form-label small">
            {t('plan.card.details')}
          </label>
          <textarea id={`${id}-text`} name={`card.${f.key}.text`} className="form-control" rows={2} defaultValue={text} />
        </>
      )}
    </fieldset>
  );
}

function Ticks({ f, id, label, value: v }: { f: CardField; id: string; label: ReactNode; value: unknown }) {
  const { t } = useI18n();
  const chosen = Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
  const others = chosen.filter((c) => !f.options.includes(c));
  return (
    <fieldset>
      <legend className="fs-6 fw-semibold text-break">{label}</legend>
      {f.options.map((opt, k) => (
        <Check key={opt} id={`${id}-${k}`} name={`card.${f.key}`} value={opt} checked={chosen.includes(opt)} labelClassName="text-break" data>
          {opt}
        </Check>
      ))}
      <label htmlFor={`${id}-other`} className="form-label small mt-1">
        {t('plan.card.others')}
      </label>
      <textarea id={`${id}-other`} name={`card.${f.key}.other`} className="form-control" rows={2} defaultValue={others.join('\n')} />
    </fieldset>
  );
}

/** The objective's links: LEPS it serves, the previous plan's objective, cooperation, ASST, Agenda 2030. */
function Links({ links: raw, leps }: { links: unknown; leps: Loaded['leps'] }) {
  const { t } = useI18n();
  const links = (raw ?? {}) as {
    leps?: string[];
    continuesObjective?: string | null;
    cooperation?: { ambiti: string[]; leadAmbito: string | null } | null;
    asst?: { needsAnalysis: boolean | null; implementation: boolean | null };
    agenda2030?: number[];
  };
  const yn = (v: boolean | null | undefined) => (v === true ? 'si' : v === false ? 'no' : '');
  return (
    <>
      <fieldset className="mb-3">
        <legend className="fs-6 fw-semibold">{t('plan.links.leps')}</legend>
        <div className="row">
          {leps.map((l) => (
            <div className="col-12 col-md-6" key={l.code}>
              <Check id={`leps-${l.code}`} name="links.leps" value={l.code} checked={links.leps?.includes(l.code)} labelClassName="small" data>
                {l.label}
              </Check>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <Cell className="col-12 col-md-4" id="links-continues" label={t('plan.links.continues')}>
          <input id="links-continues" name="links.continuesObjective" className="form-control mb-3" type="text" defaultValue={links.continuesObjective ?? ''} />
        </Cell>
        <Cell className="col-12 col-md-5" id="links-cooperation" label={t('plan.links.cooperation')}>
          <textarea
            id="links-cooperation"
            name="links.cooperation"
            className="form-control mb-3"
            rows={3}
            defaultValue={links.cooperation?.ambiti.join('\n') ?? ''}
          />
        </Cell>
        <Cell className="col-12 col-md-3" id="links-lead" label={t('plan.links.lead')}>
          <input id="links-lead" name="links.leadAmbito" className="form-control mb-3" type="text" defaultValue={links.cooperation?.leadAmbito ?? ''} />
        </Cell>
      </div>
      <div className="row">
        {(
          [
            ['needsAnalysis', t('plan.links.asstNeeds')],
            ['implementation', t('plan.links.asstImplementation')],
          ] as const
        ).map(([k, label]) => (
          <Cell className="col-12 col-md-6 mb-3" id={`links-asst-${k}`} label={label} key={k}>
            <select id={`links-asst-${k}`} name={`links.asst.${k}`} className="form-select" defaultValue={yn(links.asst?.[k])}>
              <option value="">{t('plan.card.notStated')}</option>
              <option value="si">{t('plan.card.yes')}</option>
              <option value="no">{t('plan.card.no')}</option>
            </select>
          </Cell>
        ))}
      </div>
      <fieldset>
        <legend className="fs-6 fw-semibold">{t('plan.links.agenda2030')}</legend>
        <div className="d-flex flex-wrap gap-3">
          {Array.from({ length: 17 }, (_, i) => i + 1).map((n) => (
            <Check key={n} id={`sdg-${n}`} name="links.agenda2030" value={n} checked={links.agenda2030?.includes(n)}>
              {n}
            </Check>
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** A checkbox with its label; `data` when the label is data as entered (not translated). */
function Check({
  id,
  name,
  value,
  checked,
  labelClassName,
  data,
  children,
}: {
  id: string;
  name: string;
  value?: string | number;
  checked: boolean | undefined;
  labelClassName?: string;
  data?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="form-check">
      <input className="form-check-input" type="checkbox" id={id} name={name} value={value} defaultChecked={checked} />
      <label className={labelClassName ? `form-check-label ${labelClassName}` : 'form-check-label'} htmlFor={id} translate={data ? 'no' : undefined}>
        {children}
      </label>
    </div>
  );
}

/** A column of a form's grid: the label (bold, or `small`) over the control whose id it names. */
function Cell({ id, label, className, small, children }: { id: string; label: string; className: string; small?: boolean; children: ReactNode }) {
  return (
    <div className={className}>
      <label className={small ? 'form-label small' : 'form-label fw-semibold'} htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** The card: heading fields, the regional card's fields, the links. A form only for those who may edit. */
function CardEditor({ loaderData, actionData }: { loaderData: Loaded; actionData: unknown }) {
  const { t } = useI18n();
  const { objective: o, fields, can } = loaderData;
  const editable = can['plan.edit'];
  const { errors } = useFormResult(actionData, 'card');
  const card = o.card as Record<string, unknown>;
  const base = `/ambiti/${loaderData.code}/piani/${loaderData.plan.id}`;
  const body = (
    <>
      <input type="hidden" name="version" value={o.version} />
      {loaderData.adopted && <input type="hidden" name="variationVersion" value={loaderData.draft?.version ?? 0} />}
      <fieldset disabled={!editable}>
        <legend className="visually-hidden">{t('plan.card.header')}</legend>
        <IntentField intent="card" name="title" label={t('plan.card.title')} error={errors.title}>
          {(p) => <input {...p} type="text" defaultValue={o.title} />}
        </IntentField>
        <div className="mb-3">
          <Check id="field-card.priority" name="priority" checked={o.priority}>
            {t('plan.card.priority')}
          </Check>
        </div>
        <IntentField intent="card" name="macroArea" label={t('plan.card.macroArea')} error={errors.macroArea}>
          {(p) => <input {...p} type="text" defaultValue={o.macroArea ?? ''} />}
        </IntentField>
        {loaderData.policyAreas.length > 0 && (
          <fieldset className="mb-4">
            <legend className="fs-6 fw-semibold">{t('plan.card.policyAreas')}</legend>
            <label htmlFor="field-card.mainArea" className="form-label">
              {t('plan.card.mainArea')}
            </label>
            <select id="field-card.mainArea" name="mainArea" className="form-select mb-2" defaultValue={o.policyAreas[0] ?? ''}>
              <option value="">{t('plan.card.noArea')}</option>
              {loaderData.policyAreas.map((a) => (
                <option key={a.code} value={a.code} translate="no">
                  {a.code} – {a.name}
                </option>
              ))}
            </select>
            <p className="small mb-1">{t('plan.card.otherAreas')}</p>
            {loaderData.policyAreas.map((a) => (
              <Check key={a.code} id={`area-${a.code}`} name="policyAreas" value={a.code} checked={o.policyAreas.includes(a.code)} data>
                {a.code} – {a.name}
              </Check>
            ))}
          </fieldset>
        )}
      </fieldset>
      <fieldset disabled={!editable}>
        <legend className="visually-hidden">{t('plan.card.regionalFields')}</legend>
        <ol className="list-unstyled">
          {fields.map((f, i) => (
            <CardFieldControl key={f.key} f={f} index={i} value={valueOf(card, f.key)} error={errors[`card.${f.key}`]} />
          ))}
        </ol>
      </fieldset>
      <fieldset disabled={!editable} className="mb-4 p-3 border rounded">
        <legend className="fs-5 fw-semibold float-none w-auto px-2">{t('plan.links.title')}</legend>
        <Links links={o.links} leps={loaderData.leps} />
      </fieldset>
    </>
  );
  return editable ? (
    <IntentForm intent="card" actionData={actionData} submitLabel={t('plan.card.save')} reloadHref={`${base}/obiettivi/${o.id}`}>
      {body}
    </IntentForm>
  ) : (
    body
  );
}

/** A new indicator for one action, with a target for each year of the plan. */
function IndicatorForm({ action: a, years, actionData }: { action: Loaded['actions'][number]; years: readonly number[]; actionData: unknown }) {
  const { t } = useI18n();
  const intent = `indicator-${a.id}`;
  const { errors } = useFormResult(actionData, intent);
  const field = (name: string) => `field-${intent}.${name}`;
  const submit = { submitLabel: t('plan.indicator.submit'), submitClassName: 'btn btn-outline-primary mt-2' };
  const options = (keys: readonly string[], prefix: string) => <Options items={keys} value={(k) => k} label={(k) => t(`${prefix}.${k}` as MessageKey)} />;
  return (
    <details open={Object.keys(errors).length > 0 || undefined}>
      <summary>{t('plan.indicator.add', { number: a.number })}</summary>
      <IntentForm intent={intent} actionData={actionData} className="mt-3" {...submit}>
        <div className="row">
          <GridInput col="col-12 col-md-6" intent={intent} name="label" label={t('plan.indicator.label')} errors={errors} />
          <GridSelect col="col-12 col-md-3" intent={intent} name="kind" label={t('plan.indicator.kind')} errors={errors} defaultValue="count">
            {options(INDICATOR_KINDS, 'plan.indicatorKind')}
          </GridSelect>
          <GridSelect col="col-12 col-md-3" intent={intent} name="level" label={t('plan.indicator.level')} errors={errors} defaultValue="output">
            {options(INDICATOR_LEVELS, 'plan.indicatorLevel')}
          </GridSelect>
          <GridInput col="col-12 col-md-6" intent={intent} name="numeratorLabel" label={t('plan.indicator.numerator')} errors={errors} />
          <GridInput col="col-12 col-md-6" intent={intent} name="denominatorLabel" label={t('plan.indicator.denominator')} errors={errors} />
          <GridSelect
            col="col-12 col-md-4"
            intent={intent}
            name="periodicity"
            label={t('plan.indicator.periodicity')}
            errors={errors}
            defaultValue="semiannual"
          >
            {options(PERIODICITIES, 'plan.periodicity')}
          </GridSelect>
          <GridSelect
            col="col-12 col-md-4"
            intent={intent}
            name="aggregation"
            label={t('plan.indicator.aggregation')}
            hint={t('plan.indicator.aggregationHint')}
            errors={errors}
            defaultValue=""
          >
            <option value="">{t('plan.indicator.aggregationDefault')}</option>
            {options(INDICATOR_AGGREGATIONS, 'plan.aggregation')}
          </GridSelect>
          <GridInput col="col-12 col-md-4" intent={intent} name="source" label={t('plan.indicator.source')} errors={errors} />
        </div>
        <fieldset>
          <legend className="fs-6 fw-semibold">{t('plan.target.perYear')}</legend>
          {years.map((y) => (
            <div className="row g-2 align-items-end mb-2" key={y}>
              <Cell className="col-12 col-md-4" id={field(`target.${y}.type`)} label={t('plan.target.ruleLabel', { year: y })} small>
                <select id={field(`target.${y}.type`)} name={`target.${y}.type`} className="form-select">
                  {TARGET_FORM_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {type ? t(`plan.target.rule.${type}`) : t('plan.target.none')}
                    </option>
                  ))}
                </select>
              </Cell>
              <Cell className="col-12 col-md-2" id={field(`target.${y}.value`)} label={t('plan.target.threshold', { year: y })} small>
                <input
                  id={field(`target.${y}.value`)}
                  name={`target.${y}.value`}
                  className={`form-control${errors[`target.${y}.value`] ? ' is-invalid' : ''}`}
                  type="text"
                  inputMode="decimal"
                />
              </Cell>
              <Cell className="col-12 col-md-6" id={field(`target.${y}.text`)} label={t('plan.target.text', { year: y })} small>
                <input id={field(`target.${y}.text`)} name={`target.${y}.text`} className="form-control" type="text" />
              </Cell>
            </div>
          ))}
        </fieldset>
      </IntentForm>
    </details>
  );
}

/** One action of the objective: its status, its indicators with their targets, the form for a new indicator. */
function ActionCard({
  action: a,
  years,
  editable,
  actionData,
}: {
  action: Loaded['actions'][number];
  years: readonly number[];
  editable: boolean;
  actionData: unknown;
}) {
  const { t } = useI18n();
  type Indicator = (typeof a.indicators)[number];
  const columns: Column<Indicator>[] = [
    { key: 'code', header: t('plan.indicator.code'), value: (i) => i.code, rowHeader: true },
    {
      key: 'label',
      header: t('plan.indicator.name'),
      value: (i) => i.label,
      render: (i) => (
        <>
          {i.label}
          {i.kind === 'ratio' && (
            <div className="small text-secondary">
              {i.numeratorLabel} / {i.denominatorLabel}
            </div>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      header: t('plan.indicator.kindLevel'),
      data: false,
      className: 'small',
      value: (i) => `${i.kind} ${i.level}`,
      sortable: false,
      render: (i) =>
        `${t(`plan.indicatorKind.${i.kind}` as MessageKey)} · ${t(`plan.indicatorLevel.${i.level}` as MessageKey)} · ${t(`plan.aggregation.${indicatorAggregation(i)}`)}${i.aggregation ? '' : ` ${t('plan.indicator.byDefault')}`}`,
    },
    {
      key: 'targets',
      header: t('plan.indicator.targets'),
      className: 'small',
      sortable: false,
      value: (i) => i.targets.map((x) => `${x.year ?? ''}: ${x.text}`).join('; '),
      render: (i) => (
        <ul className="list-unstyled mb-0">
          {i.targets.map((x, k) => (
            <li key={k}>
              {x.year ?? t('plan.period.whole')}: {x.text}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <article className="mb-4 p-3 border rounded">
      <h3 className="h5">
        {t('plan.action.heading', { number: a.number })}{' '}
        <span className="ms-2">
          <StatusBadge>{t(`plan.actionStatus.${a.status}` as MessageKey)}</StatusBadge>
        </span>
      </h3>
      <p className="text-break" translate="no">
        {a.description}
      </p>
      {a.indicators.length > 0 && (
        <DataTable
          id={`indicatori-${a.number}`}
          caption={t('plan.indicator.caption', { number: a.number })}
          columns={columns}
          rows={a.indicators}
          rowKey={(i) => i.id}
          small
        />
      )}
      {editable && <IndicatorForm action={a} years={years} actionData={actionData} />}
    </article>
  );
}

/** The objective's budget lines, the button that deletes one, the form that adds one. */
function Budget({ loaderData, actionData }: { loaderData: Loaded; actionData: unknown }) {
  const { t, f } = useI18n();
  const { budget, plan, can } = loaderData;
  const editable = can['plan.edit'];
  const { errors } = useFormResult(actionData, 'budget');
  type Line = (typeof budget)[number];
  const fundName = (code: string) => loaderData.funds.find((x) => x.code === code)?.name ?? code;
  const columns: Column<Line>[] = [
    { key: 'fund', header: t('plan.budget.fund'), value: (l) => fundName(l.fund), rowHeader: true },
    {
      key: 'year',
      header: t('plan.budget.year'),
      value: (l) => l.year ?? '',
      render: (l) => (l.year === null ? t('plan.period.whole') : String(l.year)),
      data: false,
    },
    moneyColumn('amount', t('plan.budget.amount'), (l) => l.amountCents, f.money),
    { key: 'note', header: t('plan.budget.note'), value: (l) => l.note ?? '', className: 'small' },
  ];
  if (editable)
    columns.push({
      key: 'delete',
      header: t('plan.budget.actions'),
      data: false,
      render: (l) => (
        // Its outcome is shown above the table (ResultAlert «delete-budget»).
        <RowButtonForm
          intent="delete-budget"
          hidden={{ lineId: l.id, version: l.version }}
          label={t('plan.budget.delete')}
          what={t('plan.budget.deleteLine', { amount: f.money(l.amountCents) })}
        />
      ),
    });
  return (
    <Section id="risorse" title={t('plan.budget.title')}>
      <ResultAlert actionData={actionData} intent="delete-budget" />
      <DataTable
        id="righe-bilancio"
        caption={t('plan.budget.caption', { total: f.money(budget.reduce((s, l) => s + l.amountCents, 0)) })}
        columns={columns}
        rows={budget}
        rowKey={(l) => l.id}
        csv="risorse-obiettivo"
        small
      />
      {editable && (
        <AddForm what="budget" actionData={actionData}>
          <div className="row g-3">
            <GridSelect col="col-12 col-md-5" intent="budget" name="fund" label={t('plan.budget.source')} errors={errors} translate="no">
              <Options items={loaderData.funds} value={(x) => x.code} label={(x) => x.name} />
            </GridSelect>
            <GridSelect col="col-6 col-md-3" intent="budget" name="year" label={t('plan.budget.year')} errors={errors}>
              <option value="">{t('plan.budget.wholePeriod')}</option>
              <Options items={plan.years} value={(y) => y} label={(y) => y} />
            </GridSelect>
            <GridInput
              col="col-6 col-md-4"
              intent="budget"
              name="amountEuro"
              label={t('plan.budget.amountEuro')}
              errors={errors}
              inputMode="decimal"
              placeholder={f.number(12500, 2)}
            />
          </div>
        </AddForm>
      )}
    </Section>
  );
}

export default function ObjectiveEditor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { objective: o, plan, actions, can } = loaderData;
  const editable = can['plan.edit'];
  const base = `/ambiti/${loaderData.code}/piani/${plan.id}`;
  const newAction = useFormResult(actionData, 'action');
  return (
    <>
      <PageHeader
        title={t('plan.objective.heading', { code: o.code, title: o.title })}
        context={plan.title}
        breadcrumb={[
          { label: t('plan.plans.title'), to: `/ambiti/${loaderData.code}/piani` },
          { label: plan.title, data: true, to: base },
        ]}
        actions={
          <Link className="btn btn-outline-primary" to={`${base}/obiettivi/${o.id}/stampa`}>
            {t('plan.objective.print')}
          </Link>
        }
      />
      <ResultAlert actionData={actionData} intent="objective" />
      {loaderData.adopted && (
        <div data-testid="variation-note">
          <Notice>
            <p className="mb-1">{t('plan.objective.adoptedNote')}</p>
            {loaderData.draft && loaderData.draft.items.length > 0 && (
              <>
                <p className="mb-1">
                  <Link to={`${base}#variazione-in-bozza`}>{t('plan.objective.draftLink', { number: loaderData.draft.number })}</Link>
                  {t('plan.objective.draftProposes')}
                </p>
                <ul className="small mb-0" translate="no">
                  {loaderData.draft.items.map((i, k) => (
                    <li key={k} className="text-break">
                      {i.what}: {i.before ?? '—'} → {i.after ?? '—'}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Notice>
        </div>
      )}

      <Panels panels={loaderData.panels} />

      <Section id="scheda" title={t('plan.card.heading')}>
        <CardEditor loaderData={loaderData} actionData={actionData} />
      </Section>

      <Section id="azioni" title={t('plan.action.title')}>
        {actions.length === 0 && <p>{t('plan.action.none')}</p>}
        {actions.map((a) => (
          <ActionCard key={a.id} action={a} years={plan.years} editable={editable} actionData={actionData} />
        ))}
        {editable && (
          <div className="p-3 bg-light rounded">
            <h3 className="h5" id="new-action-title">
              {t('plan.action.new')}
            </h3>
            <AddForm what="action" actionData={actionData}>
              <IntentField intent="action" name="description" label={t('plan.action.description')} error={newAction.errors.description}>
                {(p) => <textarea {...p} rows={2} />}
              </IntentField>
              <div className="row">
                <GridInput col="col-12 col-md-4" intent="action" name="responsible" label={t('plan.action.responsible')} errors={newAction.errors} />
                <GridInput col="col-6 col-md-4" intent="action" name="start" label={t('plan.action.start')} errors={newAction.errors} type="date" />
                <GridInput col="col-6 col-md-4" intent="action" name="end" label={t('plan.action.end')} errors={newAction.errors} type="date" />
              </div>
            </AddForm>
          </div>
        )}
      </Section>

      <Budget loaderData={loaderData} actionData={actionData} />
    </>
  );
}
