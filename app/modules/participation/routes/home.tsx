import { Link } from 'react-router';
import type { Route } from './+types/home';
import { KpiGrid, PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { participationFigures } from '../participation.figures.rules.ts';
import { readParticipationWorld } from '../participation.figures.queries.ts';
import { homeContext } from '../participation.home.queries.ts';
import { readParticipation } from './participation.server.ts';

/** The participation home of an Ambito: where each part of the path, the tables and the contributions stand. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, organisations } = await readParticipation(context, request, params.code);
  const [{ world }, extra] = await Promise.all([readParticipationWorld(db, ambito.id), homeContext(db, ambito.id)]);
  const f = participationFigures(world);
  return {
    ambito,
    member: organisations.length > 0,
    figures: {
      tables: f.tables,
      memberOrganisations: f.memberOrganisations,
      meetingsHeld: f.meetingsHeld,
      needs: f.needsTotal,
      proposalsAnswered: f.proposalsAnswered,
      proposalsTotal: f.proposalsTotal,
    },
    ...extra,
  };
}

export default function ParticipationHome({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, member, figures, plan, openCall, openQuestionnaires } = loaderData;
  const base = `/ambiti/${ambito.code}/partecipazione`;
  const links: { key: string; to: string; label: MessageKey; text: MessageKey }[] = [
    ...(plan
      ? [
          {
            key: 'percorso',
            to: `/ambiti/${ambito.code}/piani/${plan.id}/percorso`,
            label: 'part.home.link.path' as const,
            text: 'part.home.link.pathText' as const,
          },
        ]
      : []),
    { key: 'tavoli', to: `${base}/tavoli`, label: 'part.home.link.tables', text: 'part.home.link.tablesText' },
    { key: 'avvisi', to: `${base}/avvisi`, label: 'part.home.link.calls', text: 'part.home.link.callsText' },
    { key: 'bisogni', to: `${base}/bisogni`, label: 'part.home.link.needs', text: 'part.home.link.needsText' },
    { key: 'proposte', to: `${base}/proposte`, label: 'part.home.link.proposals', text: 'part.home.link.proposalsText' },
    { key: 'questionari', to: `${base}/questionari`, label: 'part.home.link.questionnaires', text: 'part.home.link.questionnairesText' },
    { key: 'progetti', to: `${base}/progetti`, label: 'part.home.link.projects', text: 'part.home.link.projectsText' },
    { key: 'cifre', to: `${base}/cifre`, label: 'part.home.link.figures', text: 'part.home.link.figuresText' },
    ...(member ? [{ key: 'mia', to: `${base}/mia`, label: 'part.home.link.mine' as const, text: 'part.home.link.mineText' as const }] : []),
  ];
  return (
    <>
      <PageHeader
        title={t('part.home.title')}
        context={ambito.name}
        lead={t('part.home.lead')}
        breadcrumb={[{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }]}
      />
      <KpiGrid
        label={t('part.home.kpi.label')}
        items={[
          { label: t('part.home.kpi.tables'), value: f.number(figures.tables), testId: 'kpi-tavoli' },
          { label: t('part.home.kpi.members'), value: f.number(figures.memberOrganisations), testId: 'kpi-aderenti' },
          { label: t('part.home.kpi.meetings'), value: f.number(figures.meetingsHeld), testId: 'kpi-riunioni' },
          { label: t('part.home.kpi.needs'), value: f.number(figures.needs), testId: 'kpi-bisogni' },
          {
            label: t('part.home.kpi.proposals'),
            value: t('part.figures.ofTotal', { part: f.number(figures.proposalsAnswered), total: f.number(figures.proposalsTotal) }),
            testId: 'kpi-proposte',
          },
          {
            label: t('part.home.kpi.call'),
            value: openCall ? t('part.home.kpi.callOpen') : t('part.home.kpi.callNone'),
            hint: openCall ? (
              <>
                <span translate="no">{openCall.title}</span> — {t('part.home.kpi.callCloses', { date: f.date(openCall.closesOn) })}
              </>
            ) : undefined,
            testId: 'kpi-avviso',
          },
          { label: t('part.home.kpi.questionnaires'), value: f.number(openQuestionnaires), testId: 'kpi-questionari' },
        ]}
      />
      <Section id="parti" title={t('part.home.parts')}>
        <ul className="list-unstyled row g-3">
          {links.map((l) => (
            <li key={l.key} className="col-12 col-md-6 col-lg-4">
              <div className="border rounded p-3 h-100">
                <Link to={l.to} className="fw-semibold">
                  {t(l.label)}
                </Link>
                <p className="small mb-0 mt-1">
                  {t(l.text)}
                  {l.key === 'percorso' && plan ? (
                    <>
                      {' '}
                      <span translate="no">{plan.title}</span>
                    </>
                  ) : null}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
