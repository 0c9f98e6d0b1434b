import { Link, redirect } from 'react-router';
import type { Route } from './+types/tables';
import { done, intentAction, type FormFields } from '../../../shared/http/forms.server.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DataTable,
  DoneNotice,
  EmptyState,
  FieldGroup,
  figureColumn,
  IntentForm,
  linkColumn,
  namedChoices,
  PageHeader,
  Section,
  UploadForm,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import { BODY_KIND_CODES, TableAreasField, tableFieldRows } from '../components/table-form.tsx';
import { policyAreaText, tablesLabel } from '../components/tables-labels.ts';
import { createTable, importTables } from '../participation.tables.commands.ts';
import { getTableChoices, listTables } from '../participation.tables.queries.ts';
import { readParticipation } from './participation.server.ts';
import { readUploadedText } from '../../../shared/imports/decode.ts';

/** The policy areas of a table form: the Lombardy letters ticked, and the free areas one per line. */
export function areasOf(form: FormFields, raw: FormData): string[] {
  const free = String(form.otherAreas ?? '')
    .split(/\r?\n/)
    .map((a) => a.trim())
    .filter(Boolean);
  return [...raw.getAll('policyAreas').map(String), ...free];
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can, organisations } = await readParticipation(context, request, params.code);
  const tables = await listTables(db, ambito.id);
  const choices = can['table.write'] ? await getTableChoices(db, ambito.id) : null;
  return {
    ambito,
    can,
    member: organisations.length > 0,
    tables: tables.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      theme: t.theme,
      policyAreas: t.policyAreas,
      periodStartYear: t.periodStartYear,
      periodEndYear: t.periodEndYear,
      members: t.members,
      meetings: t.meetings,
      nextMeeting: t.nextMeeting,
    })),
    choices,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  const ctx = { db, actor, ambitoId: ambito.id };
  return intentAction(request, {
    create: async (form, raw) => {
      const table = await createTable({ ...ctx, input: { ...form, policyAreas: areasOf(form, raw) } });
      return redirect(`/ambiti/${ambito.code}/partecipazione/tavoli/${table.id}?esito=creato`);
    },
    import: async (_form, raw) => {
      const file = raw.get('file');
      if (!(file instanceof File) || file.size === 0) throw new ValidationError([{ path: 'file', message: tr('part.tables.import.choose') }]);
      const upload = await readUploadedText(file);
      const summary = await importTables({ ...ctx, file: { fileName: upload.name, text: upload.text } });
      return done(
        'import',
        tr('part.tables.import.done', {
          created: summary.tablesCreated,
          skipped: summary.tablesSkipped,
          meetings: summary.meetingsCreated,
          members: summary.membersCreated,
        }),
        upload.notice,
      );
    },
  });
}

export default function TablesPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, member, tables, choices } = loaderData;
  const home = `/ambiti/${ambito.code}/partecipazione`;
  const create = useFormResult(actionData, 'create');
  return (
    <>
      <PageHeader
        title={t('part.tables.title')}
        context={ambito.name}
        lead={t('part.tables.lead')}
        actions={
          member ? (
            <Link className="btn btn-outline-primary" to={`${home}/mia`}>
              {t('part.mine.title')}
            </Link>
          ) : undefined
        }
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.home.title'), to: home },
        ]}
      />
      <DoneNotice messages={{ creato: 'part.tables.done.created' }} />
      <DataTable
        id="tavoli"
        caption={t('part.tables.caption', { ambito: ambito.name })}
        csv="tavoli"
        rows={tables}
        rowKey={(r) => r.id}
        empty={<EmptyState title={t('part.tables.empty')}>{can['table.write'] ? t('part.tables.emptyWriter') : null}</EmptyState>}
        columns={[
          linkColumn<(typeof tables)[number]>('nome', t('part.tables.f.name'), (r) => ({ text: r.name, to: `${home}/tavoli/${r.id}` })),
          { key: 'tipo', header: t('part.tables.f.kind'), value: (r) => tablesLabel(t, 'kind', r.kind), data: false },
          {
            key: 'periodo',
            header: t('part.tables.period'),
            value: (r) => `${r.periodStartYear}-${r.periodEndYear}`,
            render: (r) => f.years(r.periodStartYear, r.periodEndYear),
          },
          { key: 'aree', header: t('part.tables.f.policyAreas'), value: (r) => r.policyAreas.map(policyAreaText).join('; ') },
          figureColumn<(typeof tables)[number]>(
            'membri',
            t('part.tables.membersNow'),
            (r) => r.members,
            (n) => f.number(n),
          ),
          figureColumn<(typeof tables)[number]>(
            'incontri',
            t('part.tables.meetingsCount'),
            (r) => r.meetings,
            (n) => f.number(n),
          ),
          {
            key: 'prossimo',
            header: t('part.tables.nextMeeting'),
            value: (r) => r.nextMeeting?.startsAt ?? null,
            render: (r) => (r.nextMeeting ? f.dateTime(r.nextMeeting.startsAt) : t('part.tables.noNextMeeting')),
            data: false,
          },
        ]}
      />
      {can['table.write'] && choices && (
        <>
          <Section id="nuovo" title={t('part.tables.new.title')} lead={t('part.tables.new.lead')}>
            <IntentForm intent="create" actionData={actionData} submitLabel={t('part.tables.new.submit')} className="col-lg-10" noValidate>
              <FieldGroup
                intent="create"
                errors={create.errors}
                values={create.values ?? { kind: 'tavolo_tematico', periodStartYear: 2025, periodEndYear: 2027, bodyKind: 'coprogettazione' }}
                fields={[
                  ...tableFieldRows(t, choices.people),
                  [
                    {
                      name: 'bodyId',
                      label: t('part.tables.f.body'),
                      hint: t('part.tables.f.bodyHint'),
                      choices: namedChoices(choices.freeBodies),
                      empty: t('part.tables.f.bodyNew'),
                    },
                    {
                      name: 'bodyKind',
                      label: t('part.tables.f.bodyKind'),
                      choices: BODY_KIND_CODES.map((k) => ({ value: k, label: t(`part.tables.bodyKind.${k}`) })),
                    },
                    { name: 'parentBodyId', label: t('part.tables.f.parentBody'), choices: namedChoices(choices.bodies), empty: t('part.tables.f.none') },
                  ],
                ]}
              />
              <TableAreasField intent="create" selected={[]} error={create.errors.policyAreas} />
            </IntentForm>
          </Section>
          <Section id="importa" title={t('part.tables.import.title')} lead={t('part.tables.import.lead')}>
            <UploadForm
              intent="import"
              actionData={actionData}
              submitLabel={t('part.tables.import.submit')}
              label={t('part.tables.import.file')}
              accept=".json,application/json"
            />
          </Section>
        </>
      )}
    </>
  );
}
