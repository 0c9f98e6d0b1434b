import type { Route } from './+types/projects';
import { barChart } from '../../../shared/charts/charts.ts';
import { renderChartSvg } from '../../../shared/charts/charts.server.ts';
import { getServices } from '../../../shared/http/request.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { serverFormat, tr } from '../../../shared/i18n/tr.server.ts';
import { Chart, DataTable, EmptyState, Facts, KpiGrid, moneyColumn, PageHeader, StatusBadge, useI18n } from '../../../shared/ui/kit.ts';
import { getPortalProjects } from '../portal.queries.ts';
import { requirePortalAmbito } from '../portal.server.ts';
import { portalBase, PublishedCountText } from '../portal.ui.tsx';

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requirePortalAmbito(db, params.code);
  const projects = await getPortalProjects(db, ambito);
  const sourcesSvg = projects.bySource.length
    ? renderChartSvg(
        barChart({
          name: tr('portal.projects.resources'),
          locale: serverFormat().locale,
          points: projects.bySource.map((s) => ({ label: s.fundingSource.slice(0, 40), value: Math.round(s.cents / 100) })),
        }),
        { width: 760, height: Math.max(140, projects.bySource.length * 34) },
      )
    : null;
  return { ambito, ...projects, sourcesSvg };
}

const STATUSES = ['in_progettazione', 'attivo', 'concluso', 'sospeso'];
const PROCEDURES = ['avviso_pubblico', 'accordo_partenariato', 'convenzione', 'altro'];

type Data = Route.ComponentProps['loaderData'];
type Project = Data['projects'][number];
type Source = Data['bySource'][number];

function ProjectCard({ project: p, index }: { project: Project; index: number }) {
  const { t, f } = useI18n();
  const word = (list: string[], prefix: string, value: string) =>
    list.includes(value) ? t(`${prefix}.${value}` as MessageKey) : <span translate="no">{value}</span>;
  return (
    <article className="border rounded p-3 mb-4" data-testid="portal-project">
      <h2 className="h4 text-break">
        <span translate="no">{p.title}</span>{' '}
        <StatusBadge tone={p.status === 'attivo' ? 'success' : 'secondary'}>{word(STATUSES, 'portal.projects.status', p.status)}</StatusBadge>
      </h2>
      <Facts
        items={[
          { term: t('portal.projects.procedure'), value: word(PROCEDURES, 'portal.projects.procedure', p.procedure) },
          {
            term: t('portal.projects.dates'),
            value: p.startsOn || p.endsOn ? t('portal.projects.fromTo', { from: f.date(p.startsOn), to: f.date(p.endsOn) }) : '—',
          },
          { term: t('portal.projects.lead'), value: p.leadName ? <span translate="no">{p.leadName}</span> : '—' },
          { term: t('portal.projects.beneficiaries'), value: <PublishedCountText count={p.beneficiaries} /> },
          { term: t('portal.projects.total'), value: f.money(p.resourcesCents) },
        ]}
      />
      <h3 className="h5">{t('portal.projects.partners')}</h3>
      {p.partners.length === 0 ? (
        <p>{t('portal.projects.noPartners')}</p>
      ) : (
        <ul>
          {p.partners.map((x, i) => (
            <li key={i} className="text-break">
              <span translate="no">{x.name}</span>
              {x.role ? (
                <>
                  {' '}
                  (<span translate="no">{x.role}</span>)
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <DataTable
        id={`progetto-${index + 1}-fonti`}
        caption={t('portal.projects.bySource')}
        rows={p.bySource}
        rowKey={(s) => s.fundingSource}
        small
        empty={<p>{t('portal.projects.noResources')}</p>}
        columns={[
          { key: 'source', header: t('portal.projects.source'), value: (s: Source) => s.fundingSource, rowHeader: true },
          moneyColumn<Source>('amount', t('portal.plan.amount'), (s) => s.cents, f.money),
        ]}
      />
      <h3 className="h5">{t('portal.projects.sdg')}</h3>
      {p.sdgGoals.length === 0 ? (
        <p>{t('portal.projects.noSdg')}</p>
      ) : (
        <ul>
          {p.sdgGoals.map((g) => (
            <li key={g}>{t('portal.projects.sdgGoal', { goal: g, name: g >= 1 && g <= 17 ? t(`portal.sdg.${g}` as MessageKey) : '' })}</li>
          ))}
        </ul>
      )}
      {p.objectives.length > 0 ? (
        <p className="small text-break">
          {t('portal.projects.objectives')}: <span translate="no">{p.objectives.map((o) => `${o.code} ${o.title}`).join('; ')}</span>
        </p>
      ) : null}
    </article>
  );
}

export default function PortalProjects({ loaderData: d }: Route.ComponentProps) {
  const { t, f } = useI18n();
  return (
    <>
      <PageHeader title={t('portal.projects.title')} context={d.ambito.name} breadcrumb={[{ label: t('portal.nav.home'), to: portalBase(d.ambito.code) }]} />
      <p>{t('portal.projects.intro')}</p>
      {d.projects.length === 0 ? (
        <EmptyState title={t('portal.projects.none')}>{t('portal.projects.noneText')}</EmptyState>
      ) : (
        <>
          <KpiGrid
            label={t('portal.home.keyFigures')}
            items={[
              { label: t('portal.projects.count'), value: f.count(d.projects.length), testId: 'portal-projects-count' },
              { label: t('portal.projects.totalAll'), value: f.money(d.totalCents), testId: 'portal-projects-total' },
            ]}
          />
          {d.sourcesSvg ? (
            <Chart svg={d.sourcesSvg} caption={t('portal.projects.chart')} summary={t('portal.projects.chartSummary', { total: f.money(d.totalCents) })}>
              <DataTable
                id="fonti"
                caption={t('portal.projects.bySourceAll')}
                rows={d.bySource}
                rowKey={(s) => s.fundingSource}
                csv="progetti-risorse-per-fonte"
                small
                columns={[
                  { key: 'source', header: t('portal.projects.source'), value: (s: Source) => s.fundingSource, rowHeader: true },
                  moneyColumn<Source>('amount', t('portal.plan.amount'), (s) => s.cents, f.money),
                ]}
              />
            </Chart>
          ) : null}
          {d.projects.map((p, i) => (
            <ProjectCard key={p.id} project={p} index={i} />
          ))}
        </>
      )}
    </>
  );
}
