import { data, Link, redirect } from 'react-router';
import type { Route } from './+types/need';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { isUuid } from '../../../shared/validation.ts';
import {
  DataTable,
  DoneNotice,
  EmptyState,
  Facts,
  FieldGroup,
  IntentField,
  IntentForm,
  namedChoices,
  Notice,
  PageHeader,
  RowButtonForm,
  Section,
  selectClass,
  useFormResult,
  useI18n,
  type Choice,
} from '../../../shared/ui/kit.ts';
import { TrailResults } from '../components/trail-results.tsx';
import { priorityKey, sourceKey } from '../components/labels.ts';
import { linkNeedObjective, mergeNeeds, unlinkNeedObjective, updateNeed } from '../participation.needs.commands.ts';
import { getNeed, listNeeds, needChoices } from '../participation.needs.queries.ts';
import { NEED_PRIORITIES, NEED_SOURCES } from '../participation.needs.rules.ts';
import { needTrail } from '../participation.trail.queries.ts';
import { readParticipation } from './participation.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readParticipation(context, request, params.code);
  const need = isUuid(params.needId) ? await getNeed(db, ambito.id, params.needId) : null;
  if (!need) throw data(tr('part.needs.what'), { status: 404 });
  const [trail, choices, all] = await Promise.all([
    needTrail(db, need.id),
    can['need.write'] ? needChoices(db, ambito.id) : null,
    can['need.write'] ? listNeeds(db, ambito.id) : [],
  ]);
  return {
    ambito,
    can,
    need: { ...need, createdAt: need.createdAt.toISOString(), updatedAt: need.updatedAt.toISOString(), mergedAt: need.mergedAt?.toISOString() ?? null },
    trail,
    choices,
    // The live needs another one can be merged from (never this one or a merged one).
    duplicates: all
      .filter((n) => n.id !== need.id && !n.mergedIntoId)
      .map((n) => ({ id: n.id, version: n.version, name: n.tableName ? `${n.statement} (${n.tableName})` : n.statement })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  const here = `/ambiti/${ambito.code}/partecipazione/bisogni/${params.needId}`;
  const c = { db, actor, ambitoId: ambito.id };
  return intentAction(
    request,
    {
      edit: async (form, raw) => {
        await updateNeed(c, params.needId, { ...form, comuneIds: raw.getAll('comuneIds').map(String) });
        return redirect(`${here}?esito=modificato`);
      },
      merge: async (form) => {
        // The choice carries the duplicate's id and the version the user saw («id@version»): a stale page is a conflict.
        const [fromId, version] = String(form.duplicate ?? '').split('@');
        await mergeNeeds(c, params.needId, { fromId, version });
        return redirect(`${here}?esito=unito#uniti`);
      },
      link: async (form) => {
        await linkNeedObjective(c, params.needId, form);
        return redirect(`${here}?esito=collegato#obiettivi`);
      },
      unlink: async (form) => {
        await unlinkNeedObjective(c, params.needId, form);
        return redirect(`${here}?esito=scollegato#obiettivi`);
      },
    },
    { echo: true },
  );
}

export default function NeedPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, need, trail, choices, duplicates } = loaderData;
  const home = `/ambiti/${ambito.code}/partecipazione`;
  const edit = useFormResult(actionData, 'edit');
  const merge = useFormResult(actionData, 'merge');
  const link = useFormResult(actionData, 'link');
  const orNone = (v: string | null) => (v ? <span translate="no">{v}</span> : t('part.needs.none'));
  const writer = can['need.write'] && !need.mergedIntoId;
  const sourceChoices: Choice[] = NEED_SOURCES.map((s) => ({ value: s, label: t(sourceKey(s)) }));
  const priorityChoices: Choice[] = NEED_PRIORITIES.map((p) => ({ value: p, label: t(priorityKey(p)) }));
  const linked = new Set(need.objectives.map((o) => o.id));
  return (
    <>
      <PageHeader
        title={need.statement}
        titleIsData
        context={ambito.name}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.name'), to: home },
          { label: t('part.needs.title'), to: `${home}/bisogni` },
        ]}
      />
      <DoneNotice
        messages={{
          registrato: 'part.needs.done.recorded',
          modificato: 'part.needs.done.saved',
          unito: 'part.needs.done.merged',
          collegato: 'part.needs.done.linked',
          scollegato: 'part.needs.done.unlinked',
        }}
      />
      {need.mergedInto && (
        <Notice tone="warning">
          <p className="mb-1">{t('part.needs.detail.mergedInto', { statement: need.mergedInto.statement })}</p>
          <Link to={`${home}/bisogni/${need.mergedInto.id}`}>{t('part.needs.detail.openMerged')}</Link>
        </Notice>
      )}
      <Facts
        items={[
          { term: t('part.needs.field.table'), value: orNone(need.tableName) },
          { term: t('part.needs.field.category'), value: orNone(need.category) },
          { term: t('part.needs.field.targetGroup'), value: orNone(need.targetGroup) },
          { term: t('part.needs.field.policyArea'), value: orNone(need.policyArea) },
          {
            term: t('part.needs.field.comuni'),
            value: need.comuni.length ? <span translate="no">{need.comuni.join(', ')}</span> : t('part.needs.wholeAmbito'),
          },
          {
            term: t('part.needs.field.source'),
            value: (
              <>
                {t(sourceKey(need.sourceKind))}
                {need.meetingTitle && <span translate="no">{` · ${need.meetingTitle}`}</span>}
                {need.meetingDate && ` · ${f.date(need.meetingDate)}`}
                {need.questionnaireTitle && <span translate="no">{` · ${need.questionnaireTitle}`}</span>}
                {need.sourceNote && (
                  <span className="d-block small" translate="no">
                    {need.sourceNote}
                  </span>
                )}
              </>
            ),
          },
          { term: t('part.needs.field.organisation'), value: orNone(need.organisationName) },
          { term: t('part.needs.field.priority'), value: t(priorityKey(need.priority)) },
          { term: t('part.needs.field.evidence'), value: orNone(need.evidence) },
        ]}
      />

      <Section id="obiettivi" title={t('part.needs.detail.objectives')} lead={t('part.trail.resultsLead')}>
        <TrailResults id="risultati" objectives={trail} ambitoCode={ambito.code} />
        {writer && need.objectives.length > 0 && (
          <ul className="list-unstyled mt-2">
            {need.objectives.map((o) => (
              <li key={o.id} className="d-flex flex-wrap gap-2 align-items-center mb-1">
                <span translate="no">{`${o.code} · ${o.title}`}</span>
                <RowButtonForm
                  intent="unlink"
                  hidden={{ objectiveId: o.id }}
                  label={t('part.needs.detail.unlink')}
                  what={<span translate="no">{o.code}</span>}
                />
              </li>
            ))}
          </ul>
        )}
        {writer && choices && (
          <IntentForm
            intent="link"
            actionData={actionData}
            submitLabel={t('part.needs.detail.linkSubmit')}
            label={t('part.needs.detail.link')}
            className="mt-3"
          >
            <FieldGroup
              intent="link"
              errors={link.errors}
              fields={[
                {
                  name: 'objectiveId',
                  label: t('part.needs.field.objective'),
                  required: true,
                  choices: namedChoices(choices.objectives.filter((o) => !linked.has(o.id))),
                  empty: t('part.needs.choose'),
                },
              ]}
            />
          </IntentForm>
        )}
      </Section>

      <Section id="uniti" title={t('part.needs.detail.mergedFrom')}>
        {need.mergedFrom.length === 0 ? (
          <EmptyState title={t('part.needs.detail.mergedFromEmpty')} />
        ) : (
          <DataTable
            id="bisogni-uniti"
            caption={t('part.needs.detail.mergedFrom')}
            rows={need.mergedFrom}
            rowKey={(m) => m.id}
            columns={[
              {
                key: 'bisogno',
                header: t('part.needs.field.statement'),
                rowHeader: true,
                value: (m) => m.statement,
                render: (m) => <Link to={`${home}/bisogni/${m.id}`}>{m.statement}</Link>,
              },
              {
                key: 'data',
                header: t('part.trail.date'),
                data: false,
                value: (m) => (m.mergedAt ? new Date(m.mergedAt).toISOString() : null),
                render: (m) => (m.mergedAt ? f.date(new Date(m.mergedAt).toISOString().slice(0, 10)) : '—'),
              },
            ]}
          />
        )}
        {writer && duplicates.length > 0 && (
          <IntentForm
            intent="merge"
            actionData={actionData}
            submitLabel={t('part.needs.detail.mergeSubmit')}
            label={t('part.needs.detail.merge')}
            className="mt-3"
          >
            <p>{t('part.needs.detail.mergeLead')}</p>
            <MergeField duplicates={duplicates} error={merge.errors.fromId ?? merge.errors.version} />
          </IntentForm>
        )}
      </Section>

      {writer && choices && (
        <Section id="modifica" title={t('part.needs.detail.edit')}>
          <IntentForm intent="edit" actionData={actionData} submitLabel={t('part.needs.detail.save')} reloadHref={`${home}/bisogni/${need.id}`}>
            <input type="hidden" name="version" value={need.version} />
            <FieldGroup
              intent="edit"
              errors={edit.errors}
              values={edit.values ?? need}
              fields={[
                { name: 'statement', label: t('part.needs.field.statement'), required: true, rows: 3 },
                [
                  { name: 'tableId', label: t('part.needs.field.table'), choices: namedChoices(choices.tables), empty: t('part.needs.noneChoice') },
                  { name: 'category', label: t('part.needs.field.category') },
                ],
                [
                  { name: 'targetGroup', label: t('part.needs.field.targetGroup') },
                  { name: 'policyArea', label: t('part.needs.field.policyArea') },
                ],
                [
                  { name: 'sourceKind', label: t('part.needs.field.source'), required: true, choices: sourceChoices },
                  { name: 'priority', label: t('part.needs.field.priority'), choices: priorityChoices, empty: t('part.needs.priority.nessuna') },
                ],
                [
                  { name: 'meetingId', label: t('part.needs.field.meeting'), choices: namedChoices(choices.meetings), empty: t('part.needs.noneChoice') },
                  {
                    name: 'questionnaireId',
                    label: t('part.needs.field.questionnaire'),
                    choices: namedChoices(choices.questionnaires),
                    empty: t('part.needs.noneChoice'),
                  },
                ],
                { name: 'sourceNote', label: t('part.needs.field.sourceNote') },
                { name: 'evidence', label: t('part.needs.field.evidence'), rows: 3 },
                { name: 'planId', label: t('part.needs.field.plan'), choices: namedChoices(choices.plans), empty: t('part.needs.noneChoice') },
              ]}
            />
            <IntentField
              intent="edit"
              name="comuneIds"
              label={t('part.needs.field.comuni')}
              hint={t('part.needs.field.comuniHint')}
              error={edit.errors.comuneIds}
            >
              {(p) => (
                <select {...p} className={selectClass(edit.errors.comuneIds)} multiple size={Math.min(choices.comuni.length, 5)} defaultValue={need.comuneIds}>
                  {choices.comuni.map((c) => (
                    <option key={c.id} value={c.id} translate="no">
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </IntentField>
          </IntentForm>
        </Section>
      )}
    </>
  );
}

function MergeField({ duplicates, error }: { duplicates: { id: string; version: number; name: string }[]; error: string | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <IntentField intent="merge" name="duplicate" label={t('part.needs.detail.mergeField')} error={error}>
        {(p) => (
          <select {...p} className={selectClass(error)} required defaultValue="">
            <option value="">{t('part.needs.choose')}</option>
            {duplicates.map((d) => (
              <option key={d.id} value={`${d.id}@${d.version}`} translate="no">
                {d.name}
              </option>
            ))}
          </select>
        )}
      </IntentField>
    </>
  );
}
