import { Link, redirect } from 'react-router';
import type { Route } from './+types/questionnaires';
import { intentAction } from '../../../shared/http/forms.server.ts';
import {
  DataTable,
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
} from '../../../shared/ui/kit.ts';
import { questionnaireFields, statusTone, questionnairePath } from '../participation.questionnaires.parts.tsx';
import { createQuestionnaire } from '../participation.questionnaires.commands.ts';
import { listQuestionnaires, listTablesForAudience } from '../participation.questionnaires.queries.ts';
import { readParticipation } from './participation.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can, organisations } = await readParticipation(context, request, params.code);
  const write = !!can['questionnaire.write'];
  const [rows, tables] = await Promise.all([listQuestionnaires(db, ambito.id, { drafts: write }), write ? listTablesForAudience(db, ambito.id) : []]);
  return { ambito, can, rows, tables, member: organisations.length > 0 };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  return intentAction(
    request,
    {
      create: async (form) => {
        const q = await createQuestionnaire({ db, actor, ambitoId: ambito.id }, form);
        return redirect(`${questionnairePath(ambito.code, q.id)}?esito=creato`);
      },
    },
    { echo: true },
  );
}

export default function Questionnaires({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, rows, tables, member } = loaderData;
  const home = `/ambiti/${ambito.code}/partecipazione`;
  const base = questionnairePath(ambito.code);
  const { errors, values } = useFormResult(actionData, 'create');
  return (
    <>
      <PageHeader
        title={t('part.quest.list.title')}
        context={ambito.name}
        lead={t('part.quest.list.lead')}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.nav'), to: home },
        ]}
      />
      <Section id="elenco" title={t('part.quest.list.section')}>
        {rows.length === 0 ? (
          <EmptyState title={t('part.quest.list.empty')} />
        ) : (
          <DataTable
            id="questionari"
            caption={t('part.quest.list.caption', { ambito: ambito.name })}
            csv="questionari"
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              linkColumn<(typeof rows)[number]>('titolo', t('part.quest.field.title'), (r) => ({ text: r.title, to: `${base}/${r.id}` })),
              {
                key: 'stato',
                header: t('part.quest.field.status'),
                value: (r) => r.status,
                data: false,
                render: (r) => <StatusBadge tone={statusTone(r.status)}>{t(`part.quest.status.${r.status}` as never)}</StatusBadge>,
              },
              {
                key: 'destinatari',
                header: t('part.quest.field.audience'),
                value: (r) => (r.audience === 'pubblico' ? t('part.quest.audience.pubblico') : (r.tableName ?? t('part.quest.field.table.all'))),
                data: false,
                render: (r) =>
                  r.audience === 'pubblico' ? (
                    t('part.quest.audience.pubblico')
                  ) : r.tableName ? (
                    <span translate="no">{r.tableName}</span>
                  ) : (
                    t('part.quest.field.table.all')
                  ),
              },
              {
                key: 'periodo',
                header: t('part.quest.field.period'),
                value: (r) => r.opensOn ?? '',
                data: false,
                render: (r) => (r.opensOn || r.closesOn ? `${f.date(r.opensOn)} – ${f.date(r.closesOn)}` : '—'),
              },
              figureColumn<(typeof rows)[number]>('domande', t('part.quest.list.questions'), (r) => r.questions, f.number),
              figureColumn<(typeof rows)[number]>('risposte', t('part.quest.list.responses'), (r) => r.responses, f.number),
              {
                key: 'azioni',
                header: t('part.quest.list.actions'),
                sortable: false,
                data: false,
                render: (r) => (
                  <span className="d-flex flex-wrap gap-2">
                    {r.status !== 'bozza' && (
                      <Link to={`${base}/${r.id}/risultati`}>
                        {t('part.quest.results.link')}
                        <span className="visually-hidden" translate="no">
                          {' '}
                          {r.title}
                        </span>
                      </Link>
                    )}
                    {member && r.status === 'aperto' && r.audience === 'membri' && (
                      <Link to={`${base}/${r.id}/rispondi`}>
                        {t('part.quest.answer.link')}
                        <span className="visually-hidden" translate="no">
                          {' '}
                          {r.title}
                        </span>
                      </Link>
                    )}
                  </span>
                ),
              },
            ]}
          />
        )}
      </Section>
      {can['questionnaire.write'] && (
        <Section id="nuovo" title={t('part.quest.create.title')} lead={t('part.quest.create.lead')}>
          <div className="col-lg-9">
            <IntentForm intent="create" actionData={actionData} submitLabel={t('part.quest.create.submit')} noValidate>
              <FieldGroup
                intent="create"
                errors={errors}
                values={values ?? { audience: 'membri', respondent: 'organizzazione' }}
                fields={questionnaireFields(t, tables)}
              />
            </IntentForm>
          </div>
        </Section>
      )}
    </>
  );
}
