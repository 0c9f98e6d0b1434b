import { redirect } from 'react-router';
import type { Route } from './+types/calls';
import { intentAction } from '../../../shared/http/forms.server.ts';
import {
  DataTable,
  DoneNotice,
  EmptyState,
  FieldGroup,
  figureColumn,
  IntentForm,
  linkColumn,
  PageHeader,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
  type TFunction,
} from '../../../shared/ui/kit.ts';
import { createCall } from '../participation.call.commands.ts';
import { listApplicationCounts, listCalls, listTableChoices } from '../participation.call.queries.ts';
import { callState, romeDay, type CallState } from '../participation.call.rules.ts';
import { CheckGroup } from './check-group.tsx';
import { readParticipation } from './participation.server.ts';

/** The Ambito's calls (every member reads them); the Ufficio di Piano publishes a new one here. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readParticipation(context, request, params.code);
  const today = romeDay(new Date());
  const [calls, counts, tables] = await Promise.all([
    listCalls(db, ambito.id),
    listApplicationCounts(db, ambito.id),
    can['call.write'] ? listTableChoices(db, ambito.id) : [],
  ]);
  return {
    ambito,
    can,
    today,
    tables: tables.map((t) => ({ id: t.id, name: t.name, period: [t.periodStartYear, t.periodEndYear] as const })),
    calls: calls.map((c) => ({
      id: c.id,
      title: c.title,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      periodStartYear: c.periodStartYear,
      periodEndYear: c.periodEndYear,
      state: callState(c, today),
      applications: counts.get(c.id) ?? 0,
    })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  return intentAction(
    request,
    {
      'create-call': async (form, raw) => {
        const call = await createCall({ db, actor, ambitoId: ambito.id, input: { ...form, tableIds: raw.getAll('tableIds') } });
        return redirect(`/ambiti/${ambito.code}/partecipazione/avvisi/${call.id}?esito=pubblicato`);
      },
    },
    { echo: true },
  );
}

export const stateTone = (state: CallState) => (state === 'aperto' ? 'success' : state === 'programmato' ? 'info' : 'secondary');
export const stateBadge = (t: TFunction, state: CallState) => <StatusBadge tone={stateTone(state)}>{t(`part.call.state.${state}`)}</StatusBadge>;

export default function Calls({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, calls, tables } = loaderData;
  const base = `/ambiti/${ambito.code}`;
  const { errors, values } = useFormResult(actionData, 'create-call');
  const chosen = new Set((values?.tableIds ?? '').split(','));
  type Row = (typeof calls)[number];
  return (
    <>
      <PageHeader
        title={t('part.call.list.title')}
        context={ambito.name}
        lead={t('part.call.list.lead')}
        breadcrumb={[
          { label: ambito.name, data: true, to: base },
          { label: t('part.nav'), to: `${base}/partecipazione` },
        ]}
      />
      <DoneNotice messages={{ pubblicato: 'part.call.done.created' }} />
      {calls.length === 0 ? (
        <EmptyState title={t('part.call.list.empty')}>{can['call.write'] ? t('part.call.list.emptyHint') : null}</EmptyState>
      ) : (
        <DataTable<Row>
          id="avvisi"
          caption={t('part.call.list.caption', { count: f.number(calls.length) })}
          rows={calls}
          rowKey={(c) => c.id}
          csv="avvisi"
          columns={[
            linkColumn('titolo', t('part.call.col.title'), (c) => ({
              text: c.title,
              to: can['application.decide'] ? `${base}/partecipazione/avvisi/${c.id}` : `${base}/avviso/${c.id}`,
            })),
            { key: 'periodo', header: t('part.call.col.period'), value: (c) => `${c.periodStartYear}-${c.periodEndYear}`, data: false },
            { key: 'apertura', header: t('part.call.col.opens'), value: (c) => c.opensOn, render: (c) => f.date(c.opensOn), data: false },
            { key: 'chiusura', header: t('part.call.col.closes'), value: (c) => c.closesOn, render: (c) => f.date(c.closesOn), data: false },
            { key: 'stato', header: t('part.call.col.state'), value: (c) => c.state, render: (c) => stateBadge(t, c.state), data: false },
            figureColumn('domande', t('part.call.col.applications'), (c: Row) => c.applications, f.number),
            {
              key: 'pubblica',
              header: t('part.call.col.public'),
              render: (c) => <a href={`${base}/avviso/${c.id}`}>{t('part.call.publicLink')}</a>,
              data: false,
              sortable: false,
            },
          ]}
        />
      )}

      {can['call.write'] && (
        <Section id="nuovo-avviso" title={t('part.call.new')}>
          <IntentForm intent="create-call" actionData={actionData} submitLabel={t('part.call.create')} label={t('part.call.new')} noValidate>
            <FieldGroup
              intent="create-call"
              errors={errors}
              values={values}
              fields={[
                { name: 'title', label: t('part.call.f.title'), required: true, maxLength: 200 },
                { name: 'description', label: t('part.call.f.description'), rows: 5 },
                [
                  { name: 'opensOn', label: t('part.call.f.opensOn'), type: 'date', required: true },
                  { name: 'closesOn', label: t('part.call.f.closesOn'), type: 'date', required: true },
                ],
                [
                  { name: 'periodStartYear', label: t('part.call.f.periodStartYear'), type: 'number', required: true, min: 2000, max: 2100 },
                  { name: 'periodEndYear', label: t('part.call.f.periodEndYear'), type: 'number', required: true, min: 2000, max: 2100 },
                ],
              ]}
            />
            {tables.length === 0 ? (
              <p className="mb-4">{t('part.call.f.noTables')}</p>
            ) : (
              <CheckGroup
                intent="create-call"
                name="tableIds"
                legend={`${t('part.call.f.tables')} (${t('form.required')})`}
                error={errors.tableIds}
                checked={chosen}
                options={tables.map((table) => ({ value: table.id, label: `${table.name} (${table.period[0]}-${table.period[1]})`, data: true }))}
              />
            )}
            <FieldGroup
              intent="create-call"
              errors={errors}
              values={values}
              fields={[
                { name: 'privacyNotice', label: t('part.call.f.privacyNotice'), hint: t('part.call.f.privacyHint'), rows: 6, required: true },
                { name: 'retention', label: t('part.call.f.retention'), hint: t('part.call.f.retentionHint'), required: true, maxLength: 500 },
              ]}
            />
          </IntentForm>
        </Section>
      )}
    </>
  );
}
