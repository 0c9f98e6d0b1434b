import { redirect } from 'react-router';
import type { Route } from './+types/needs';
import { ValidationError } from '../../../shared/errors.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DataTable,
  FieldGroup,
  FilterField,
  FilterForm,
  IntentField,
  IntentForm,
  KpiGrid,
  linkColumn,
  namedChoices,
  PageHeader,
  Section,
  selectClass,
  StatusBadge,
  UploadForm,
  useFormResult,
  useI18n,
  type Choice,
  type FieldRows,
} from '../../../shared/ui/kit.ts';
import { organisationNames } from '../participation.names.queries.ts';
import { recordNeed, submitNeed } from '../participation.needs.commands.ts';
import { importNeeds } from '../participation.needs.import.ts';
import { listNeeds, needChoices } from '../participation.needs.queries.ts';
import { matchesNeedFilter, NEED_PRIORITIES, NEED_SOURCES } from '../participation.needs.rules.ts';
import { priorityKey, sourceKey } from '../components/labels.ts';
import { readParticipation } from './participation.server.ts';
import { readUploadedText } from '../../../shared/imports/decode.ts';

const param = (url: URL, name: string) => url.searchParams.get(name) || null;

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can, organisations } = await readParticipation(context, request, params.code);
  const url = new URL(request.url);
  const filter = {
    tableId: param(url, 'tavolo'),
    policyArea: param(url, 'area'),
    priority: param(url, 'priorita'),
    sourceKind: param(url, 'fonte'),
    includeMerged: url.searchParams.get('uniti') === '1',
  };
  const [all, choices, orgNames] = await Promise.all([listNeeds(db, ambito.id), needChoices(db, ambito.id), organisationNames(db, organisations)]);
  const live = all.filter((n) => !n.mergedIntoId);
  return {
    ambito,
    can,
    filter,
    needs: all.filter((n) => matchesNeedFilter(n, filter)),
    figures: {
      total: live.length,
      high: live.filter((n) => n.priority === 'alta').length,
      linked: live.filter((n) => n.objectives.length > 0).length,
      merged: all.length - live.length,
    },
    areas: [...new Set(all.map((n) => n.policyArea).filter((a): a is string => !!a))].sort((a, b) => a.localeCompare(b, 'it')),
    choices: { tables: choices.tables, meetings: choices.meetings, questionnaires: choices.questionnaires, comuni: choices.comuni, plans: choices.plans },
    myOrganisations: orgNames,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  const here = `/ambiti/${ambito.code}/partecipazione/bisogni`;
  const c = { db, actor, ambitoId: ambito.id };
  const withComuni = (form: Record<string, unknown>, raw: FormData) => ({ ...form, comuneIds: raw.getAll('comuneIds').map(String) });
  return intentAction(
    request,
    {
      record: async (form, raw) => {
        const need = await recordNeed(c, withComuni(form, raw));
        return redirect(`${here}/${need.id}?esito=registrato`);
      },
      bring: async (form, raw) => {
        const need = await submitNeed(c, withComuni(form, raw));
        return redirect(`${here}/${need.id}?esito=registrato`);
      },
      import: async (form, raw) => {
        const file = raw.get('file');
        if (!(file instanceof File) || file.size === 0) throw new ValidationError([{ path: 'file', message: tr('part.needs.import.error.empty') }]);
        const planId = typeof form.planId === 'string' && form.planId ? form.planId : null;
        const upload = await readUploadedText(file, 'bisogni.csv');
        const r = await importNeeds(c, { fileName: upload.name, text: upload.text, planId });
        return done('import', tr('part.needs.import.done', { created: r.created, skipped: r.skipped, links: r.links }), upload.notice);
      },
    },
    { echo: true },
  );
}

export default function Needs({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, filter, needs, figures, areas, choices, myOrganisations } = loaderData;
  const home = `/ambiti/${ambito.code}/partecipazione`;
  const record = useFormResult(actionData, 'record');
  const bring = useFormResult(actionData, 'bring');
  const dataChoice = (rows: { id: string; name: string }[]) => namedChoices(rows);
  const sourceChoices: Choice[] = NEED_SOURCES.map((s) => ({ value: s, label: t(sourceKey(s)) }));
  const priorityChoices: Choice[] = NEED_PRIORITIES.map((p) => ({ value: p, label: t(priorityKey(p)) }));
  const common: FieldRows = [
    { name: 'statement', label: t('part.needs.field.statement'), required: true, rows: 3 },
    [
      { name: 'tableId', label: t('part.needs.field.table'), choices: dataChoice(choices.tables), empty: t('part.needs.noneChoice') },
      { name: 'category', label: t('part.needs.field.category') },
    ],
    [
      { name: 'targetGroup', label: t('part.needs.field.targetGroup') },
      { name: 'policyArea', label: t('part.needs.field.policyArea') },
    ],
    { name: 'evidence', label: t('part.needs.field.evidence'), rows: 3 },
  ];
  const comuniField = (intent: string, error: string | undefined) => (
    <IntentField intent={intent} name="comuneIds" label={t('part.needs.field.comuni')} hint={t('part.needs.field.comuniHint')} error={error}>
      {(p) => (
        <select {...p} className={selectClass(error)} multiple size={Math.min(choices.comuni.length, 5)}>
          {choices.comuni.map((c) => (
            <option key={c.id} value={c.id} translate="no">
              {c.name}
            </option>
          ))}
        </select>
      )}
    </IntentField>
  );
  return (
    <>
      <PageHeader
        title={t('part.needs.title')}
        context={ambito.name}
        lead={t('part.needs.lead')}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.name'), to: home },
        ]}
      />
      <KpiGrid
        items={[
          { label: t('part.needs.kpi.total'), value: f.number(figures.total), testId: 'bisogni-totale' },
          { label: t('part.needs.kpi.high'), value: f.number(figures.high) },
          {
            label: t('part.needs.kpi.linked'),
            value: f.number(figures.linked),
            hint: t('part.needs.kpi.linkedHint', { linked: f.number(figures.linked), total: f.number(figures.total) }),
          },
          { label: t('part.needs.kpi.merged'), value: f.number(figures.merged) },
        ]}
      />
      <FilterForm label={t('part.needs.filter.submit')} submitLabel={t('part.needs.filter.submit')}>
        <FilterField id="filtro-tavolo" label={t('part.needs.field.table')} col="col-sm-6 col-lg-3">
          <select id="filtro-tavolo" name="tavolo" className="form-select" defaultValue={filter.tableId ?? ''}>
            <option value="">{t('part.needs.filter.all')}</option>
            {choices.tables.map((x) => (
              <option key={x.id} value={x.id} translate="no">
                {x.name}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="filtro-area" label={t('part.needs.field.policyArea')} col="col-sm-6 col-lg-3">
          <select id="filtro-area" name="area" className="form-select" defaultValue={filter.policyArea ?? ''}>
            <option value="">{t('part.needs.filter.all')}</option>
            {areas.map((x) => (
              <option key={x} value={x} translate="no">
                {x}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="filtro-priorita" label={t('part.needs.field.priority')} col="col-sm-6 col-lg-2">
          <select id="filtro-priorita" name="priorita" className="form-select" defaultValue={filter.priority ?? ''}>
            <option value="">{t('part.needs.filter.all')}</option>
            {[...NEED_PRIORITIES, 'nessuna'].map((p) => (
              <option key={p} value={p}>
                {t(priorityKey(p === 'nessuna' ? null : p))}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="filtro-fonte" label={t('part.needs.field.source')} col="col-sm-6 col-lg-2">
          <select id="filtro-fonte" name="fonte" className="form-select" defaultValue={filter.sourceKind ?? ''}>
            <option value="">{t('part.needs.filter.all')}</option>
            {NEED_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(sourceKey(s))}
              </option>
            ))}
          </select>
        </FilterField>
        <div className="col-12 col-lg-2">
          <div className="form-check">
            <input className="form-check-input" type="checkbox" id="filtro-uniti" name="uniti" value="1" defaultChecked={filter.includeMerged} />
            <label className="form-check-label" htmlFor="filtro-uniti">
              {t('part.needs.filter.showMerged')}
            </label>
          </div>
        </div>
      </FilterForm>
      <DataTable
        id="bisogni"
        caption={t('part.needs.caption', { shown: f.number(needs.length), total: f.number(figures.total + figures.merged) })}
        rows={needs}
        rowKey={(n) => n.id}
        csv="bisogni"
        empty={t('part.needs.empty')}
        columns={[
          linkColumn('bisogno', t('part.needs.field.statement'), (n: (typeof needs)[number]) => ({ text: n.statement, to: `${home}/bisogni/${n.id}` }), {
            className: 'text-break',
          }),
          { key: 'tavolo', header: t('part.needs.field.table'), value: (n) => n.tableName },
          { key: 'categoria', header: t('part.needs.field.category'), value: (n) => n.category },
          { key: 'area', header: t('part.needs.field.policyArea'), value: (n) => n.policyArea },
          { key: 'priorita', header: t('part.needs.field.priority'), data: false, value: (n) => n.priority, render: (n) => t(priorityKey(n.priority)) },
          {
            key: 'fonte',
            header: t('part.needs.field.source'),
            data: false,
            value: (n) => n.sourceKind,
            render: (n) => (
              <>
                {t(sourceKey(n.sourceKind))}
                {n.meetingDate && <span className="d-block small text-secondary">{f.date(n.meetingDate)}</span>}
                {n.organisationName && (
                  <span className="d-block small" translate="no">
                    {n.organisationName}
                  </span>
                )}
              </>
            ),
          },
          { key: 'obiettivi', header: t('part.needs.field.objectives'), value: (n) => n.objectives.map((o) => o.code).join(', ') || null },
          {
            key: 'stato',
            header: t('part.needs.field.status'),
            data: false,
            value: (n) => (n.mergedIntoId ? 'unito' : 'attivo'),
            render: (n) => (n.mergedIntoId ? <StatusBadge>{t('part.needs.mergedBadge')}</StatusBadge> : t('part.needs.live')),
          },
        ]}
      />
      <p className="small text-secondary">{t('part.needs.retention')}</p>
      {can['need.write'] && (
        <Section id="registra" title={t('part.needs.record.title')}>
          <IntentForm intent="record" actionData={actionData} submitLabel={t('part.needs.record.submit')}>
            <FieldGroup
              intent="record"
              errors={record.errors}
              values={record.values}
              fields={[
                ...common,
                [
                  { name: 'sourceKind', label: t('part.needs.field.source'), required: true, choices: sourceChoices, empty: t('part.needs.choose') },
                  { name: 'priority', label: t('part.needs.field.priority'), choices: priorityChoices, empty: t('part.needs.priority.nessuna') },
                ],
                [
                  { name: 'meetingId', label: t('part.needs.field.meeting'), choices: dataChoice(choices.meetings), empty: t('part.needs.noneChoice') },
                  {
                    name: 'questionnaireId',
                    label: t('part.needs.field.questionnaire'),
                    choices: dataChoice(choices.questionnaires),
                    empty: t('part.needs.noneChoice'),
                  },
                ],
                { name: 'sourceNote', label: t('part.needs.field.sourceNote') },
                { name: 'planId', label: t('part.needs.field.plan'), choices: dataChoice(choices.plans), empty: t('part.needs.noneChoice') },
              ]}
            />
            {comuniField('record', record.errors.comuneIds)}
          </IntentForm>
        </Section>
      )}
      {myOrganisations.length > 0 && (
        <Section id="segnala" title={t('part.needs.submitOrg.title')} lead={t('part.needs.submitOrg.lead')}>
          <IntentForm intent="bring" actionData={actionData} submitLabel={t('part.needs.submitOrg.submit')}>
            <FieldGroup
              intent="bring"
              errors={bring.errors}
              values={bring.values}
              fields={[{ name: 'organisationId', label: t('part.needs.field.organisation'), required: true, choices: dataChoice(myOrganisations) }, ...common]}
            />
            {comuniField('bring', bring.errors.comuneIds)}
          </IntentForm>
        </Section>
      )}
      {can['need.write'] && (
        <Section id="importa" title={t('part.needs.import.title')}>
          <UploadForm
            intent="import"
            actionData={actionData}
            submitLabel={t('part.needs.import.submit')}
            label={t('part.needs.import.label')}
            hint={t('part.needs.import.hint')}
            accept=".csv,text/csv"
          >
            <FieldGroup
              intent="import"
              errors={{}}
              fields={[{ name: 'planId', label: t('part.needs.field.plan'), choices: dataChoice(choices.plans), empty: t('part.needs.noneChoice') }]}
            />
          </UploadForm>
        </Section>
      )}
    </>
  );
}
