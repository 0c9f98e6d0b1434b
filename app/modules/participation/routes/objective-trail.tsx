import { data, Link } from 'react-router';
import type { Route } from './+types/objective-trail';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { isUuid } from '../../../shared/validation.ts';
import { DataTable, linkColumn, PageHeader, Section, StatusBadge, useI18n } from '../../../shared/ui/kit.ts';
import { TrailResults } from '../components/trail-results.tsx';
import { OUTCOME_TONE, outcomeKey, priorityKey, sourceKey } from '../components/labels.ts';
import { objectiveInAmbito } from '../participation.needs.queries.ts';
import { objectiveResults, objectiveTrail } from '../participation.trail.queries.ts';
import { readParticipation } from './participation.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito } = await readParticipation(context, request, params.code);
  const objective = isUuid(params.objectiveId) ? await objectiveInAmbito(db, ambito.id, params.objectiveId) : null;
  if (!objective) throw data(tr('part.trail.notFound'), { status: 404 });
  const [trail, results] = await Promise.all([objectiveTrail(db, ambito.id, objective.id), objectiveResults(db, [objective.id])]);
  return { ambito, objective, trail, results };
}

export default function ObjectiveTrail({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, objective, trail, results } = loaderData;
  const home = `/ambiti/${ambito.code}/partecipazione`;
  return (
    <>
      <PageHeader
        title={`${objective.code} · ${objective.title}`}
        titleIsData
        context={ambito.name}
        lead={t('part.trail.lead')}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.name'), to: home },
        ]}
        actions={<Link to={`/ambiti/${ambito.code}/piani/${objective.planId}/obiettivi/${objective.id}`}>{t('part.trail.openObjective')}</Link>}
      />
      <Section id="risultati" title={t('part.trail.results')}>
        <TrailResults id="risultati-obiettivo" objectives={results} ambitoCode={ambito.code} />
      </Section>
      <Section id="bisogni" title={t('part.trail.needs')}>
        <DataTable
          id="traccia-bisogni"
          caption={t('part.trail.needs')}
          rows={trail.needs}
          rowKey={(n) => n.id}
          csv="traccia-bisogni"
          empty={t('part.trail.needsEmpty')}
          columns={[
            linkColumn(
              'bisogno',
              t('part.needs.field.statement'),
              (n: (typeof trail.needs)[number]) => ({ text: n.statement, to: `${home}/bisogni/${n.id}` }),
              { className: 'text-break' },
            ),
            { key: 'tavolo', header: t('part.needs.field.table'), value: (n) => n.tableName },
            { key: 'fonte', header: t('part.needs.field.source'), data: false, value: (n) => n.sourceKind, render: (n) => t(sourceKey(n.sourceKind)) },
            { key: 'priorita', header: t('part.needs.field.priority'), data: false, value: (n) => n.priority, render: (n) => t(priorityKey(n.priority)) },
            { key: 'organizzazione', header: t('part.needs.field.organisation'), value: (n) => n.organisationName },
          ]}
        />
      </Section>
      <Section id="proposte" title={t('part.trail.proposals')}>
        <DataTable
          id="traccia-proposte"
          caption={t('part.trail.proposals')}
          rows={trail.proposals}
          rowKey={(p) => p.id}
          csv="traccia-proposte"
          empty={t('part.trail.proposalsEmpty')}
          columns={[
            linkColumn(
              'proposta',
              t('part.proposals.field.title'),
              (p: (typeof trail.proposals)[number]) => ({ text: p.title ?? '—', to: `${home}/proposte/${p.id}` }),
              { className: 'text-break' },
            ),
            { key: 'da', header: t('part.proposals.field.from'), value: (p) => p.organisationName ?? p.meetingTitle },
            {
              key: 'risposta',
              header: t('part.proposals.field.outcome'),
              data: false,
              value: (p) => p.outcome,
              render: (p) => <StatusBadge tone={OUTCOME_TONE[p.outcome ?? ''] ?? 'secondary'}>{t(outcomeKey(p.outcome))}</StatusBadge>,
            },
            { key: 'motivazioni', header: t('part.proposals.field.reasons'), className: 'text-break', value: (p) => p.outcomeReasons },
          ]}
        />
      </Section>
      <Section id="incontri" title={t('part.trail.meetings')}>
        <DataTable
          id="traccia-incontri"
          caption={t('part.trail.meetings')}
          rows={trail.meetings}
          rowKey={(m) => m.id}
          empty={t('part.trail.meetingsEmpty')}
          columns={[
            { key: 'incontro', header: t('part.trail.meeting'), rowHeader: true, value: (m) => m.title },
            { key: 'data', header: t('part.trail.date'), data: false, value: (m) => m.date, render: (m) => f.date(m.date) },
          ]}
        />
      </Section>
      <Section id="organizzazioni" title={t('part.trail.organisations')}>
        <DataTable
          id="traccia-organizzazioni"
          caption={t('part.trail.organisations')}
          rows={trail.organisations}
          rowKey={(o) => o.id}
          empty={t('part.trail.organisationsEmpty')}
          columns={[{ key: 'nome', header: t('part.needs.field.organisation'), rowHeader: true, value: (o) => o.name }]}
        />
      </Section>
    </>
  );
}
