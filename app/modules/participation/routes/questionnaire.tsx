import { Link, redirect } from 'react-router';
import type { Route } from './+types/questionnaire';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DataTable,
  DoneNotice,
  Facts,
  FieldGroup,
  IntentForm,
  Notice,
  PageHeader,
  ResultAlert,
  RowButtonForm,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import {
  addQuestion,
  changeQuestionnaireStatus,
  deleteQuestion,
  moveQuestion,
  setPublishedFigures,
  updateQuestion,
  updateQuestionnaire,
} from '../participation.questionnaires.commands.ts';
import { questionFields, questionnaireFields, statusTone, questionnairePath } from '../participation.questionnaires.parts.tsx';
import { listQuestions, listTablesForAudience } from '../participation.questionnaires.queries.ts';
import { readQuestionnaire } from './questionnaires.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can, organisations, questionnaire } = await readQuestionnaire(context, request, params.code, params.qid);
  const write = !!can['questionnaire.write'];
  const [questions, tables] = await Promise.all([listQuestions(db, questionnaire.id), write ? listTablesForAudience(db, ambito.id) : []]);
  const editing = new URL(request.url).searchParams.get('domanda');
  const origin = new URL(request.url).origin;
  return {
    ambito,
    can,
    questionnaire: { ...questionnaire, publicToken: write ? questionnaire.publicToken : null },
    publicUrl: write && questionnaire.publicToken ? `${origin}/ambiti/${ambito.code}/questionario/${questionnaire.publicToken}` : null,
    questions,
    tables,
    editing: write && questionnaire.status === 'bozza' ? (questions.find((q) => q.id === editing) ?? null) : null,
    member: organisations.length > 0,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito, questionnaire } = await readQuestionnaire(context, request, params.code, params.qid);
  const ctx = { db, actor, ambitoId: ambito.id };
  const here = questionnairePath(ambito.code, questionnaire.id);
  const id = (form: Record<string, FormDataEntryValue>) => (typeof form.questionId === 'string' ? form.questionId : '');
  return intentAction(
    request,
    {
      settings: async (form) => {
        await updateQuestionnaire(ctx, questionnaire.id, form);
        return done('settings', tr('part.quest.done.settings'));
      },
      published: async (form) => {
        await setPublishedFigures(ctx, questionnaire.id, form);
        return done('published', tr('part.quest.done.published'));
      },
      status: async (form) => {
        await changeQuestionnaireStatus(ctx, questionnaire.id, form);
        return done('status', tr(form.status === 'aperto' ? 'part.quest.done.opened' : 'part.quest.done.closed'));
      },
      'add-question': async (form) => {
        await addQuestion(ctx, questionnaire.id, form);
        return done('add-question', tr('part.quest.done.questionAdded'));
      },
      'edit-question': async (form) => {
        await updateQuestion(ctx, id(form), form);
        return redirect(`${here}?esito=domanda`);
      },
      move: async (form) => {
        await moveQuestion(ctx, id(form), form);
        return done('move', tr('part.quest.done.moved'));
      },
      'delete-question': async (form) => {
        await deleteQuestion(ctx, id(form), form);
        return done('delete-question', tr('part.quest.done.deleted'));
      },
    },
    { echo: true },
  );
}

export default function QuestionnairePage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, questionnaire: q, publicUrl, questions, tables, editing, member } = loaderData;
  const base = questionnairePath(ambito.code);
  const here = `${base}/${q.id}`;
  const write = !!can['questionnaire.write'];
  const draft = q.status === 'bozza';
  const settings = useFormResult(actionData, 'settings');
  const published = useFormResult(actionData, 'published');
  const adding = useFormResult(actionData, 'add-question');
  const edit = useFormResult(actionData, 'edit-question');
  const kindOf = (k: string) => t(`part.quest.kind.${k}` as never);
  const questionValues = (x: (typeof questions)[number]) => ({
    ...x,
    required: x.required ? 'on' : '',
    options: x.options.join('\n'),
    publishedShares: x.publishedShares
      ? Object.entries(x.publishedShares)
          .map(([k, v]) => `${k} = ${String(v).replace('.', ',')}`)
          .join('\n')
      : '',
  });
  return (
    <>
      <PageHeader
        title={q.title}
        titleIsData
        context={ambito.name}
        lead={q.intro ? <span translate="no">{q.intro}</span> : undefined}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.nav'), to: `/ambiti/${ambito.code}/partecipazione` },
          { label: t('part.quest.list.title'), to: base },
        ]}
        actions={
          <ul className="list-unstyled mb-0">
            {!draft && (
              <li>
                <Link to={`${here}/risultati`}>{t('part.quest.results.link')}</Link>
              </li>
            )}
            {member && q.status === 'aperto' && q.audience === 'membri' && (
              <li>
                <Link to={`${here}/rispondi`}>{t('part.quest.answer.link')}</Link>
              </li>
            )}
          </ul>
        }
      />
      <DoneNotice messages={{ creato: 'part.quest.done.created', domanda: 'part.quest.done.questionSaved' }} />
      <p>
        <StatusBadge tone={statusTone(q.status)}>{t(`part.quest.status.${q.status}` as never)}</StatusBadge>
      </p>
      <Facts
        items={[
          {
            term: t('part.quest.field.audience'),
            value:
              q.audience === 'pubblico' ? (
                t('part.quest.audience.pubblico')
              ) : q.tableName ? (
                <>
                  {t('part.quest.audience.membri')}: <span translate="no">{q.tableName}</span>
                </>
              ) : (
                `${t('part.quest.audience.membri')}: ${t('part.quest.field.table.all')}`
              ),
          },
          { term: t('part.quest.field.respondent'), value: t(`part.quest.respondent.${q.respondent}` as never) },
          { term: t('part.quest.field.opensOn'), value: f.date(q.opensOn) },
          { term: t('part.quest.field.closesOn'), value: f.date(q.closesOn) },
          {
            term: t('part.quest.field.purpose'),
            value: q.personalDataPurpose ? <span translate="no">{q.personalDataPurpose}</span> : t('part.quest.purpose.none'),
          },
          { term: t('part.quest.field.retention'), value: <span translate="no">{q.retention}</span> },
          {
            term: t('part.quest.field.publishedRespondents'),
            value:
              q.publishedRespondents === null ? (
                '—'
              ) : (
                <>
                  {f.number(q.publishedRespondents)}
                  {q.publishedSource ? (
                    <>
                      {' '}
                      (<span translate="no">{q.publishedSource}</span>)
                    </>
                  ) : null}
                </>
              ),
          },
        ]}
      />
      {publicUrl && (
        <Notice title={t('part.quest.publicLink')}>
          <p className="mb-1">
            <a href={publicUrl} translate="no" className="text-break">
              {publicUrl}
            </a>
          </p>
          <p className="mb-0 small">{t('part.quest.publicLink.hint')}</p>
        </Notice>
      )}

      <Section id="domande" title={t('part.quest.questions.title')} lead={draft ? t('part.quest.questions.draftLead') : t('part.quest.questions.lockedLead')}>
        {write && (
          <>
            <ResultAlert actionData={actionData} intent="move" />
            <ResultAlert actionData={actionData} intent="delete-question" />
          </>
        )}
        <DataTable
          id="elenco-domande"
          caption={t('part.quest.questions.caption')}
          rows={questions}
          rowKey={(x) => x.id}
          empty={t('part.quest.questions.empty')}
          columns={[
            {
              key: 'n',
              header: t('part.quest.questions.n'),
              value: (x) => x.position,
              numeric: true,
              sortable: false,
              render: (x) => String(questions.indexOf(x) + 1),
            },
            { key: 'domanda', header: t('part.quest.field.label'), value: (x) => x.label, rowHeader: true, sortable: false },
            { key: 'tipo', header: t('part.quest.field.kind'), value: (x) => kindOf(x.kind), data: false, sortable: false },
            {
              key: 'obbligatoria',
              header: t('part.quest.field.required'),
              value: (x) => (x.required ? t('part.quest.yes') : t('part.quest.no')),
              data: false,
              sortable: false,
            },
            {
              key: 'opzioni',
              header: t('part.quest.field.options'),
              sortable: false,
              value: (x) => (x.kind === 'scala' ? `${x.scaleMin}–${x.scaleMax}` : x.options.join(' | ')),
            },
            ...(write && draft
              ? [
                  {
                    key: 'azioni',
                    header: t('part.quest.list.actions'),
                    sortable: false,
                    data: false,
                    render: (x: (typeof questions)[number]) => {
                      const what = <span translate="no">{x.label}</span>;
                      const i = questions.indexOf(x);
                      return (
                        <span className="d-flex flex-wrap gap-1">
                          <Link className="btn btn-outline-primary btn-sm" to={`${here}?domanda=${x.id}#modifica-domanda`}>
                            {t('part.quest.questions.edit')}
                            <span className="visually-hidden"> {what}</span>
                          </Link>
                          {i > 0 && (
                            <RowButtonForm
                              intent="move"
                              hidden={{ questionId: x.id, version: x.version, direction: 'su' }}
                              label={t('part.quest.questions.up')}
                              what={what}
                              className="btn btn-outline-secondary btn-sm"
                            />
                          )}
                          {i < questions.length - 1 && (
                            <RowButtonForm
                              intent="move"
                              hidden={{ questionId: x.id, version: x.version, direction: 'giu' }}
                              label={t('part.quest.questions.down')}
                              what={what}
                              className="btn btn-outline-secondary btn-sm"
                            />
                          )}
                          <RowButtonForm
                            intent="delete-question"
                            hidden={{ questionId: x.id, version: x.version }}
                            label={t('part.quest.questions.delete')}
                            what={what}
                          />
                        </span>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </Section>

      {write && draft && editing && (
        <Section id="modifica-domanda" title={t('part.quest.questions.editTitle')}>
          <div className="col-lg-9">
            <IntentForm
              intent="edit-question"
              actionData={actionData}
              submitLabel={t('part.quest.save')}
              noValidate
              reloadHref={`${here}?domanda=${editing.id}`}
            >
              <input type="hidden" name="questionId" value={editing.id} />
              <input type="hidden" name="version" value={editing.version} />
              <FieldGroup intent="edit-question" errors={edit.errors} values={edit.values ?? questionValues(editing)} fields={questionFields(t)} />
            </IntentForm>
          </div>
        </Section>
      )}

      {write && draft && (
        <Section id="nuova-domanda" title={t('part.quest.questions.addTitle')} lead={t('part.quest.questions.addLead')}>
          <div className="col-lg-9">
            <IntentForm intent="add-question" actionData={actionData} submitLabel={t('part.quest.questions.add')} noValidate>
              <FieldGroup intent="add-question" errors={adding.errors} values={adding.values ?? { kind: 'scelta_singola' }} fields={questionFields(t)} />
            </IntentForm>
          </div>
        </Section>
      )}

      {write && q.status !== 'chiuso' && (
        <Section id="stato" title={t('part.quest.status.title')} lead={t(draft ? 'part.quest.status.openLead' : 'part.quest.status.closeLead')}>
          <IntentForm intent="status" actionData={actionData} submitLabel={t(draft ? 'part.quest.status.open' : 'part.quest.status.close')} reloadHref={here}>
            <input type="hidden" name="version" value={q.version} />
            <input type="hidden" name="status" value={draft ? 'aperto' : 'chiuso'} />
          </IntentForm>
        </Section>
      )}

      {write && draft && (
        <Section id="impostazioni" title={t('part.quest.settings.title')}>
          <div className="col-lg-9">
            <IntentForm intent="settings" actionData={actionData} submitLabel={t('part.quest.save')} noValidate reloadHref={here}>
              <input type="hidden" name="version" value={q.version} />
              <FieldGroup
                intent="settings"
                errors={settings.errors}
                values={settings.values ?? { ...q, tableId: q.tableId ?? '' }}
                fields={questionnaireFields(t, tables)}
              />
            </IntentForm>
          </div>
        </Section>
      )}

      {write && (
        <Section id="dati-pubblicati" title={t('part.quest.publishedForm.title')} lead={t('part.quest.publishedForm.lead')}>
          <div className="col-lg-9">
            <IntentForm intent="published" actionData={actionData} submitLabel={t('part.quest.save')} noValidate reloadHref={here}>
              <input type="hidden" name="version" value={q.version} />
              <FieldGroup
                intent="published"
                errors={published.errors}
                values={published.values ?? q}
                fields={[
                  [
                    { name: 'publishedRespondents', label: t('part.quest.field.publishedRespondents'), inputMode: 'numeric' },
                    { name: 'publishedSource', label: t('part.quest.field.publishedSource') },
                  ],
                ]}
              />
            </IntentForm>
          </div>
        </Section>
      )}
    </>
  );
}
