import { redirect } from 'react-router';
import type { Route } from './+types/proposals';
import { intentAction } from '../../../shared/http/forms.server.ts';
import {
  DataTable,
  FieldGroup,
  IntentForm,
  KpiGrid,
  linkColumn,
  namedChoices,
  PageHeader,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
  type FieldRows,
} from '../../../shared/ui/kit.ts';
import { OUTCOME_TONE, outcomeKey, statusKey } from '../components/labels.ts';
import { organisationNames } from '../participation.names.queries.ts';
import { listNeeds, needChoices } from '../participation.needs.queries.ts';
import { createDraftProposal, recordMeetingProposal } from '../participation.proposals.commands.ts';
import { listProposals } from '../participation.proposals.queries.ts';
import { outcomeCounts } from '../participation.proposals.rules.ts';
import { readParticipation } from './participation.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can, organisations } = await readParticipation(context, request, params.code);
  const [proposals, myOrganisations] = await Promise.all([listProposals(db, ambito.id, organisations), organisationNames(db, organisations)]);
  const writes = can['proposal.answer'] || myOrganisations.length > 0;
  const [choices, needList] = writes ? await Promise.all([needChoices(db, ambito.id), listNeeds(db, ambito.id)]) : [null, []];
  return {
    ambito,
    can,
    proposals,
    counts: outcomeCounts(proposals),
    myOrganisations,
    choices: choices && {
      tables: choices.tables,
      meetings: choices.meetings,
      needs: needList.filter((n) => !n.mergedIntoId).map((n) => ({ id: n.id, name: n.statement })),
    },
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  const here = `/ambiti/${ambito.code}/partecipazione/proposte`;
  const c = { db, actor, ambitoId: ambito.id };
  return intentAction(
    request,
    {
      draft: async (form) => {
        const p = await createDraftProposal(c, form);
        return redirect(`${here}/${p.id}?esito=bozza`);
      },
      meeting: async (form) => {
        const p = await recordMeetingProposal(c, form);
        return redirect(`${here}/${p.id}?esito=registrata`);
      },
    },
    { echo: true },
  );
}

export default function Proposals({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, proposals, counts, myOrganisations, choices } = loaderData;
  const home = `/ambiti/${ambito.code}/partecipazione`;
  const draft = useFormResult(actionData, 'draft');
  const meeting = useFormResult(actionData, 'meeting');
  const share = (n: number) => t('part.proposals.kpi.share', { count: f.number(n), total: f.number(counts.submitted) });
  const content: FieldRows = choices
    ? [
        { name: 'title', label: t('part.proposals.field.title'), required: true, maxLength: 300 },
        { name: 'body', label: t('part.proposals.field.body'), required: true, rows: 5 },
        [
          { name: 'tableId', label: t('part.proposals.field.table'), choices: namedChoices(choices.tables), empty: t('part.needs.noneChoice') },
          { name: 'needId', label: t('part.proposals.field.need'), choices: namedChoices(choices.needs), empty: t('part.needs.noneChoice') },
        ],
      ]
    : [];
  return (
    <>
      <PageHeader
        title={t('part.proposals.title')}
        context={ambito.name}
        lead={t('part.proposals.lead')}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.name'), to: home },
        ]}
      />
      <KpiGrid
        items={[
          { label: t('part.proposals.kpi.submitted'), value: f.number(counts.submitted), testId: 'proposte-presentate' },
          { label: t('part.proposals.kpi.waiting'), value: f.number(counts.waiting), hint: share(counts.waiting) },
          { label: t('part.proposals.kpi.accolta'), value: f.number(counts.accolta), hint: share(counts.accolta) },
          { label: t('part.proposals.kpi.parziale'), value: f.number(counts.parzialmente_accolta), hint: share(counts.parzialmente_accolta) },
          { label: t('part.proposals.kpi.non'), value: f.number(counts.non_accolta), hint: share(counts.non_accolta) },
        ]}
      />
      <DataTable
        id="proposte"
        caption={t('part.proposals.caption', { count: f.number(proposals.length) })}
        rows={proposals}
        rowKey={(p) => p.id}
        csv="proposte"
        empty={t('part.proposals.empty')}
        columns={[
          linkColumn(
            'titolo',
            t('part.proposals.field.title'),
            (p: (typeof proposals)[number]) => ({
              text: p.title ?? t('part.proposals.hidden', { reason: p.hiddenReason ?? '' }),
              to: `${home}/proposte/${p.id}`,
            }),
            {
              className: 'text-break',
            },
          ),
          {
            key: 'da',
            header: t('part.proposals.field.from'),
            value: (p) => p.organisationName ?? p.meetingTitle,
            render: (p) => p.organisationName ?? (p.meetingDate ? `${p.meetingTitle ?? ''} · ${f.date(p.meetingDate)}` : '—'),
          },
          { key: 'tavolo', header: t('part.proposals.field.table'), value: (p) => p.tableName },
          {
            key: 'stato',
            header: t('part.proposals.field.status'),
            data: false,
            value: (p) => p.status,
            render: (p) => (p.status === 'bozza' ? <StatusBadge tone="info">{t(statusKey(p.status))}</StatusBadge> : t(statusKey(p.status))),
          },
          {
            key: 'risposta',
            header: t('part.proposals.field.outcome'),
            data: false,
            value: (p) => p.outcome,
            render: (p) =>
              p.status === 'presentata' ? <StatusBadge tone={OUTCOME_TONE[p.outcome ?? ''] ?? 'secondary'}>{t(outcomeKey(p.outcome))}</StatusBadge> : '—',
          },
          { key: 'obiettivi', header: t('part.proposals.field.objectives'), value: (p) => p.objectives.map((o) => o.code).join(', ') || null },
        ]}
      />
      <p className="small text-secondary">{t('part.proposals.privacy')}</p>
      {choices && myOrganisations.length > 0 && (
        <Section id="bozza" title={t('part.proposals.draft.title')} lead={t('part.proposals.draft.lead')}>
          <IntentForm intent="draft" actionData={actionData} submitLabel={t('part.proposals.draft.submit')}>
            <FieldGroup
              intent="draft"
              errors={draft.errors}
              values={draft.values}
              fields={[
                { name: 'organisationId', label: t('part.proposals.field.organisation'), required: true, choices: namedChoices(myOrganisations) },
                ...content,
              ]}
            />
          </IntentForm>
        </Section>
      )}
      {choices && can['proposal.answer'] && (
        <Section id="da-incontro" title={t('part.proposals.meeting.title')}>
          <IntentForm intent="meeting" actionData={actionData} submitLabel={t('part.proposals.meeting.submit')}>
            <FieldGroup
              intent="meeting"
              errors={meeting.errors}
              values={meeting.values}
              fields={[
                {
                  name: 'meetingId',
                  label: t('part.proposals.field.meeting'),
                  required: true,
                  choices: namedChoices(choices.meetings),
                  empty: t('part.needs.choose'),
                },
                ...content,
              ]}
            />
          </IntentForm>
        </Section>
      )}
    </>
  );
}
