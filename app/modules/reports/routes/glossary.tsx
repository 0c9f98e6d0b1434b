import { data, redirect } from 'react-router';
import type { Route } from './+types/glossary';
import { ValidationError } from '../../../shared/errors.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DoneNotice,
  EmptyState,
  IntentForm,
  PageHeader,
  ResultAlert,
  RichText,
  RichTextEditor,
  RowButtonForm,
  Section,
  TextField,
  UploadForm,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import { getAmbitoByCode } from '../../territory/index.server.ts';
import { addGlossaryTerm, importGlossary, removeGlossaryTerm, updateGlossaryTerm } from '../glossary.commands.ts';
import { listGlossaryTerms } from '../glossary.queries.ts';
import { byInitial, SOURCE_MAX_LENGTH, TERM_MAX_LENGTH } from '../glossary.rules.ts';
import { abilitiesFor } from '../reports.policy.ts';
import { readUploadedText } from '../../../shared/imports/decode.ts';

/**
 * The glossary of an Ambito (public, no sign-in): its terms in alphabetical order under their initials, each an anchor
 * (`#<slug>`) that the plan's texts link to, with its definition and source. The Ufficio di Piano adds terms, edits one
 * at a time (`?modifica=<slug>`: a plain link, no JavaScript needed), removes them and loads the glossary file.
 */
async function ambitoOf(db: Parameters<typeof getAmbitoByCode>[0], code: string) {
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data(tr('rep.glossary.notFound.ambito'), { status: 404 });
  return ambito;
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await ambitoOf(db, params.code);
  const can = abilitiesFor(getActor(context), { id: ambito.id, regionCode: ambito.regionCode });
  const terms = await listGlossaryTerms(db, ambito.id);
  const editing = can['glossary.edit'] ? new URL(request.url).searchParams.get('modifica') : null;
  return {
    ambito: { code: ambito.code, name: ambito.name },
    can,
    terms: terms.map((t) => ({ id: t.id, term: t.term, slug: t.slug, definition: t.definition, source: t.source, version: t.version })),
    editing: terms.some((t) => t.slug === editing) ? editing : null,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await ambitoOf(db, params.code);
  const page = `/ambiti/${ambito.code}/glossario`;
  return intentAction(
    request,
    {
      add: async (form) => {
        const row = await addGlossaryTerm({ db, actor, ambitoId: ambito.id, input: form });
        return redirect(`${page}?esito=aggiunto#${row.slug}`);
      },
      edit: async (form) => {
        const { term } = await updateGlossaryTerm({ db, actor, termId: String(form.termId ?? ''), input: form });
        return redirect(`${page}?esito=salvato#${term.slug}`);
      },
      remove: async (form) => {
        await removeGlossaryTerm({ db, actor, termId: String(form.termId ?? ''), input: { version: form.version } });
        return redirect(`${page}?esito=eliminato`);
      },
      import: async (_form, raw) => {
        const file = raw.get('file');
        if (!(file instanceof File) || file.size === 0 || file.size > 2 * 1024 * 1024)
          throw new ValidationError([{ path: 'file', message: tr('rep.glossary.import.noFile.field') }], tr('rep.glossary.import.noFile'));
        const upload = await readUploadedText(file, 'glossario.csv');
        const r = await importGlossary({ db, actor, ambitoId: ambito.id, fileName: upload.name, text: upload.text });
        return done('import', tr('rep.glossary.imported', { added: r.added, updated: r.updated, unchanged: r.unchanged }), upload.notice);
      },
    },
    { echo: true },
  );
}

type Term = Route.ComponentProps['loaderData']['terms'][number];

/** The fields of a term, for adding one or editing it. */
function TermFields({ intent, actionData, term }: { intent: string; actionData: unknown; term?: Term }) {
  const { t } = useI18n();
  const { errors, values } = useFormResult(actionData, intent);
  return (
    <>
      <TextField
        intent={intent}
        name="term"
        label={`${t('rep.glossary.field.term')} (${t('form.required')})`}
        hint={t('rep.glossary.field.termHint')}
        error={errors.term}
        defaultValue={values?.term ?? term?.term}
        required
        maxLength={TERM_MAX_LENGTH}
      />
      <RichTextEditor
        intent={intent}
        name="definition"
        label={`${t('rep.glossary.field.definition')} (${t('form.required')})`}
        error={errors.definition}
        defaultValue={values?.definition ?? term?.definition}
        rows={5}
        headingOffset={2}
      />
      <TextField
        intent={intent}
        name="source"
        label={t('rep.glossary.field.source')}
        hint={t('rep.glossary.field.sourceHint')}
        error={errors.source}
        defaultValue={values?.source ?? term?.source}
        maxLength={SOURCE_MAX_LENGTH}
      />
    </>
  );
}

function EditTerm({ term, actionData, page }: { term: Term; actionData: unknown; page: string }) {
  const { t } = useI18n();
  return (
    <div id={`modifica-${term.slug}`} className="border rounded p-3 my-3">
      <h3 className="h5">
        {t('rep.glossary.editTitle')} <span translate="no">«{term.term}»</span>
      </h3>
      <IntentForm
        intent="edit"
        actionData={actionData}
        submitLabel={t('rep.glossary.save')}
        reloadHref={`${page}?modifica=${term.slug}#modifica-${term.slug}`}
        footer={
          <a className="btn btn-link" href={`${page}#${term.slug}`}>
            {t('rep.glossary.cancel')}
          </a>
        }
      >
        <input type="hidden" name="termId" value={term.id} />
        <input type="hidden" name="version" value={term.version} />
        <TermFields intent="edit" actionData={actionData} term={term} />
      </IntentForm>
      <div className="mt-3">
        <RowButtonForm
          intent="remove"
          hidden={{ termId: term.id, version: term.version }}
          label={t('rep.glossary.remove')}
          what={<span translate="no">{term.term}</span>}
        />
      </div>
    </div>
  );
}

export default function Glossary({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { ambito, can, terms, editing } = loaderData;
  const page = `/ambiti/${ambito.code}/glossario`;
  const groups = byInitial(terms);
  const editor = can['glossary.edit'];
  return (
    <>
      <PageHeader
        title={t('rep.glossary.title')}
        context={ambito.name}
        lead={
          <>
            {t('rep.glossary.lead')} <span translate="no">{ambito.name}</span>
          </>
        }
        breadcrumb={[{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }]}
      />
      <DoneNotice messages={{ aggiunto: 'rep.glossary.done.added', salvato: 'rep.glossary.done.saved', eliminato: 'rep.glossary.done.removed' }} />
      <ResultAlert actionData={actionData} intent="remove" />
      {terms.length === 0 ? (
        <EmptyState title={t('rep.glossary.empty')}>{editor ? <p className="mb-0">{t('rep.glossary.emptyEditor')}</p> : null}</EmptyState>
      ) : (
        <>
          <p className="text-secondary">{t('rep.glossary.count', { count: terms.length })}</p>
          <nav aria-label={t('rep.glossary.index')} className="mb-4">
            <ul className="list-inline mb-0 glossary-index">
              {groups.map((g) => (
                <li key={g.letter} className="list-inline-item">
                  <a href={`#lettera-${g.letter}`} className="d-inline-block px-2 py-1" translate="no">
                    {g.letter}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {groups.map((g) => (
            <section key={g.letter} aria-labelledby={`lettera-${g.letter}`} className="mb-4">
              <h2 id={`lettera-${g.letter}`} className="h4 border-bottom pb-1" translate="no">
                {g.letter}
              </h2>
              <dl className="glossary mb-0">
                {g.terms.map((term) => (
                  <div key={term.id} id={term.slug} className="glossary-entry py-2">
                    <dt>
                      <dfn translate="no">{term.term}</dfn>
                    </dt>
                    <dd className="mb-0">
                      <RichText source={term.definition} headingOffset={2} id={`definizione-${term.slug}`} />
                      {term.source && (
                        <p className="small text-secondary mb-1">
                          {t('rep.glossary.source')}: <span translate="no">{term.source}</span>
                        </p>
                      )}
                      {editor &&
                        (editing === term.slug ? (
                          <EditTerm term={term} actionData={actionData} page={page} />
                        ) : (
                          <a href={`${page}?modifica=${term.slug}#modifica-${term.slug}`} className="small">
                            {t('rep.glossary.edit')}
                            <span className="visually-hidden">
                              {' '}
                              <span translate="no">{term.term}</span>
                            </span>
                          </a>
                        ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </>
      )}
      {editor && (
        <Section id="gestione" title={t('rep.glossary.manage')} lead={t('rep.glossary.manage.lead')}>
          <h3 className="h5">{t('rep.glossary.add.title')}</h3>
          <IntentForm intent="add" actionData={actionData} submitLabel={t('rep.glossary.add.submit')} label={t('rep.glossary.add.title')}>
            <TermFields intent="add" actionData={actionData} />
          </IntentForm>
          <h3 className="h5 mt-4">{t('rep.glossary.import.title')}</h3>
          <UploadForm
            intent="import"
            actionData={actionData}
            submitLabel={t('rep.glossary.import.submit')}
            label={t('rep.glossary.import.label')}
            hint={t('rep.glossary.import.hint')}
            accept=".csv,text/csv"
            formLabel={t('rep.glossary.import.title')}
          />
        </Section>
      )}
    </>
  );
}
