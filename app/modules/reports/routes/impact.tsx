import { Link } from 'react-router';
import type { Route } from './+types/impact';
import {
  Chart,
  DataTable,
  EmptyState,
  Facts,
  KpiGrid,
  Notice,
  PageHeader,
  RichText,
  rowHeaderColumn,
  Section,
  StatusBadge,
  useI18n,
  type TFunction,
} from '../../../shared/ui/kit.ts';
import {
  countText,
  figureKey,
  lepsSentence,
  publishedText,
  sdgKey,
  sectionKey,
  statusKey,
  type Agenda2030Section,
  type ImpactSection,
  type LepsSection,
  type ParticipationSection,
  type PlanSection,
  type ProjectsSection,
  type SpendingSection,
  type UsersSection,
} from '../impact.build.ts';
import { openImpactReport } from '../impact.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { ambito, view, can, years } = await openImpactReport(context, request, params.code);
  return { ambito: { code: ambito.code, name: ambito.name }, view, can, years };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return loaderData?.view ? [{ name: 'description', content: loaderData.view.report.title }] : [];
}

type Fmt = ReturnType<typeof useI18n>['f'];

export default function ImpactReport({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, view, can, years } = loaderData;
  const base = `/ambiti/${ambito.code}/bilancio-sociale`;
  const breadcrumb = [{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }];
  if (!view)
    return (
      <>
        <PageHeader title={t('rep.impact.title')} context={ambito.name} breadcrumb={breadcrumb} />
        <EmptyState title={t('rep.impact.none')} action={can['impact.edit'] ? <Link to={`${base}/modifica`}>{t('rep.impact.editLink')}</Link> : undefined}>
          {years.length > 0 && <YearLinks years={years} base={base} current={null} />}
        </EmptyState>
      </>
    );
  const { report } = view;
  const draft = report.status !== 'published';
  return (
    <>
      <PageHeader
        title={report.title}
        titleIsData
        context={ambito.name}
        lead={t('rep.impact.lead', { year: report.year })}
        breadcrumb={breadcrumb}
        actions={
          <>
            <a className="btn btn-primary me-2 mb-2" href={`${base}/pdf?anno=${report.year}`}>
              {t('rep.impact.pdf')}
            </a>
            {can['impact.edit'] && (
              <Link className="btn btn-outline-primary mb-2" to={`${base}/modifica?anno=${report.year}`}>
                {t('rep.impact.editLink')}
              </Link>
            )}
          </>
        }
      >
        <p className="mb-0">
          {draft ? (
            <StatusBadge tone="warning">{t('rep.impact.status.draft')}</StatusBadge>
          ) : (
            <StatusBadge tone="success">{t('rep.impact.status.publishedOn', { date: f.date(report.publishedAt) })}</StatusBadge>
          )}
        </p>
      </PageHeader>
      {draft && <Notice tone="warning">{t('rep.impact.draftNotice')}</Notice>}
      {years.length > 1 && <YearLinks years={years} base={base} current={report.year} />}
      {view.sections.length === 0 && <EmptyState title={t('rep.impact.noSections')} />}
      {view.sections.map((s) => (
        <Section key={s.key} id={s.key} title={t(sectionKey(s.key))}>
          {s.intro && <RichText source={s.intro} headingOffset={2} id={`intro-${s.key}`} />}
          <SectionBody section={s} year={report.year} t={t} f={f} />
        </Section>
      ))}
      <p className="small text-secondary">{t('rep.impact.sourceNote')}</p>
    </>
  );
}

function YearLinks({ years, base, current }: { years: { year: number; published: boolean }[]; base: string; current: number | null }) {
  const { t } = useI18n();
  return (
    <p>
      {t('rep.impact.otherYears')}{' '}
      {years.map((y, i) => (
        <span key={y.year}>
          {i > 0 && ', '}
          {y.year === current ? (
            <strong aria-current="page">{y.year}</strong>
          ) : (
            <Link to={`${base}?anno=${y.year}`}>{y.published ? String(y.year) : t('rep.impact.yearDraft', { year: y.year })}</Link>
          )}
        </span>
      ))}
    </p>
  );
}

function SectionBody({ section, year, t, f }: { section: ImpactSection; year: number; t: TFunction; f: Fmt }) {
  switch (section.key) {
    case 'plan':
      return <PlanBody s={section} t={t} f={f} />;
    case 'participation':
      return <ParticipationBody s={section} t={t} f={f} />;
    case 'agenda2030':
      return <AgendaBody s={section} t={t} f={f} />;
    case 'projects':
      return <ProjectsBody s={section} t={t} f={f} />;
    case 'leps':
      return <LepsBody s={section} t={t} f={f} />;
    case 'users':
      return <UsersBody s={section} year={year} t={t} f={f} />;
    case 'spending':
      return <SpendingBody s={section} t={t} f={f} />;
  }
}

const data = (text: string | null | undefined) => <span translate="no">{text ?? '—'}</span>;

function PlanBody({ s, t, f }: { s: PlanSection; t: TFunction; f: Fmt }) {
  if (!s.plan) return <EmptyState title={t('rep.impact.plan.none')} />;
  const p = s.plan;
  return (
    <>
      <Facts
        items={[
          { term: t('rep.impact.plan.title'), value: data(p.title) },
          { term: t('rep.impact.plan.period'), value: `${p.periodStartYear}-${p.periodEndYear}` },
          { term: t('rep.impact.plan.status'), value: data(p.statusLabel) },
          { term: t('rep.impact.plan.adoption'), value: p.adoptionDate ? f.date(p.adoptionDate) : f.na },
          ...(p.adoptionAct ? [{ term: t('rep.impact.plan.act'), value: data(p.adoptionAct) }] : []),
          ...(p.templateName ? [{ term: t('rep.impact.plan.template'), value: data(p.templateName) }] : []),
          { term: t('rep.impact.plan.objectives'), value: f.count(p.objectivesCount) },
        ]}
      />
      {p.purpose && (
        <>
          <h3 className="h5 mt-3">{t('rep.impact.plan.purpose')}</h3>
          <RichText source={p.purpose} headingOffset={3} id="finalita" />
        </>
      )}
    </>
  );
}

function ParticipationBody({ s, t, f }: { s: ParticipationSection; t: TFunction; f: Fmt }) {
  const published = s.figures.filter((x) => x.published);
  return (
    <>
      {published.length > 0 && (
        <KpiGrid
          label={t('rep.impact.participation.kpi')}
          items={published.map((x) => ({
            label: t(figureKey(x.figure)),
            value: publishedText({ t, f }, x.published!),
            hint: t('rep.impact.participation.publishedHint'),
          }))}
        />
      )}
      <DataTable
        id="partecipazione-cifre"
        caption={t('rep.impact.participation.table')}
        rows={s.figures}
        rowKey={(r) => r.figure}
        columns={[
          rowHeaderColumn<ParticipationSection['figures'][number]>('cifra', t('rep.impact.participation.col.figure'), {
            value: (r) => t(figureKey(r.figure)),
            render: (r) => t(figureKey(r.figure)),
          }),
          {
            key: 'pubblicata',
            header: t('rep.impact.participation.col.published'),
            value: (r) => r.published?.value ?? null,
            render: (r) => (r.published ? publishedText({ t, f }, r.published) : f.na),
            numeric: true,
          },
          {
            key: 'registrata',
            header: t('rep.impact.participation.col.recorded'),
            value: (r) => r.recorded,
            render: (r) => f.count(r.recorded),
            numeric: true,
          },
          { key: 'fonte', header: t('rep.impact.participation.col.source'), value: (r) => r.published?.source ?? '' },
        ]}
      />
      <p className="small text-secondary">{t('rep.impact.participation.note')}</p>
      {s.tables.length > 0 && (
        <DataTable
          id="partecipazione-tavoli"
          caption={t('rep.impact.participation.tables')}
          rows={s.tables}
          rowKey={(r) => r.name}
          columns={[
            rowHeaderColumn<ParticipationSection['tables'][number]>('tavolo', t('rep.impact.participation.col.table'), {
              value: (r) => r.name,
              render: (r) => data(r.name),
            }),
          ]}
        />
      )}
    </>
  );
}

function AgendaBody({ s, t, f }: { s: Agenda2030Section; t: TFunction; f: Fmt }) {
  if (s.goals.length === 0 || !s.chart) return <EmptyState title={t('rep.impact.agenda.none')} />;
  const goalName = (goal: number) => t('rep.impact.sdg.short', { goal, name: t(sdgKey(goal)) });
  return (
    <>
      <Chart svg={s.chart.svg} caption={s.chart.caption} summary={s.chart.summary}>
        <DataTable
          id="agenda-dati"
          caption={s.chart.table.caption}
          rows={s.goals}
          rowKey={(g) => String(g.goal)}
          columns={[
            rowHeaderColumn<Agenda2030Section['goals'][number]>('goal', t('rep.impact.agenda.col.goal'), {
              value: (g) => g.goal,
              render: (g) => goalName(g.goal),
            }),
            {
              key: 'obiettivi',
              header: t('rep.impact.agenda.col.objectives'),
              value: (g) => g.objectives.length,
              render: (g) => f.count(g.objectives.length),
              numeric: true,
            },
            {
              key: 'progetti',
              header: t('rep.impact.agenda.col.projects'),
              value: (g) => g.projects.length,
              render: (g) => f.count(g.projects.length),
              numeric: true,
            },
          ]}
        />
      </Chart>
      {s.goals.map((g) => (
        <div key={g.goal} className="mb-3">
          <h3 className="h5">{goalName(g.goal)}</h3>
          <ul translate="no">
            {g.objectives.map((o) => (
              <li key={`o-${o.code}`}>
                {o.code} – {o.title}
              </li>
            ))}
            {g.projects.map((p) => (
              <li key={`p-${p}`}>{p}</li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function ProjectsBody({ s, t, f }: { s: ProjectsSection; t: TFunction; f: Fmt }) {
  if (s.projects.length === 0 || !s.chart) return <EmptyState title={t('rep.impact.projects.none')} />;
  return (
    <>
      <KpiGrid
        items={[
          { label: t('rep.impact.projects.kpi.count'), value: f.count(s.projects.length), testId: 'impact-projects' },
          { label: t('rep.impact.projects.kpi.total'), value: f.money(s.totalCents), testId: 'impact-projects-total' },
          { label: t('rep.impact.projects.kpi.sources'), value: f.count(s.bySource.length) },
        ]}
      />
      <Chart svg={s.chart.svg} caption={s.chart.caption} summary={s.chart.summary}>
        <DataTable
          id="progetti-fonti"
          caption={s.chart.table.caption}
          rows={s.bySource}
          rowKey={(r) => r.source}
          columns={[
            rowHeaderColumn<ProjectsSection['bySource'][number]>('fonte', t('rep.impact.projects.col.source'), {
              value: (r) => r.source,
              render: (r) => data(r.source),
            }),
            { key: 'importo', header: t('rep.impact.projects.col.amount'), value: (r) => r.cents / 100, render: (r) => f.money(r.cents), numeric: true },
          ]}
        />
      </Chart>
      {s.projects.map((p) => (
        <div key={p.title} className="mb-4">
          <h3 className="h5" translate="no">
            {p.title}
          </h3>
          {p.summary && <p translate="no">{p.summary}</p>}
          <Facts
            items={[
              { term: t('rep.impact.projects.partners'), value: data(p.partners.length ? p.partners.join(', ') : null) },
              ...p.resources.map((r, i) => ({
                term: r.year === null ? data(r.fundingSource) : data(`${r.fundingSource} (${r.year})`),
                value: f.money(r.amountCents),
                testId: `risorsa-${i}`,
              })),
              { term: t('rep.impact.total'), value: f.money(p.totalCents) },
              ...(p.sdgGoals.length
                ? [{ term: t('rep.impact.projects.sdg'), value: p.sdgGoals.map((g) => t('rep.impact.sdg.short', { goal: g, name: t(sdgKey(g)) })).join('; ') }]
                : []),
            ]}
          />
        </div>
      ))}
    </>
  );
}

function LepsBody({ s, t, f }: { s: LepsSection; t: TFunction; f: Fmt }) {
  if (!s.current || !s.chart) return <EmptyState title={t('rep.impact.leps.none')} />;
  const c = s.current;
  const tone = (x: 'raggiunto' | 'non_raggiunto' | 'dati_mancanti') => (x === 'raggiunto' ? 'success' : x === 'non_raggiunto' ? 'warning' : 'default');
  return (
    <>
      <KpiGrid
        items={[
          { label: t('rep.impact.leps.kpi.fte', { year: c.year }), value: f.fte(c.fte), testId: 'impact-fte' },
          {
            label: t('rep.impact.leps.kpi.perWorker'),
            value: c.inhabitantsPerWorker === null ? f.na : f.number(c.inhabitantsPerWorker, 0),
            testId: 'impact-per-worker',
          },
          { label: t('rep.impact.leps.kpi.leps'), value: t(statusKey(c.leps)), tone: tone(c.leps) },
          { label: t('rep.impact.leps.kpi.objective'), value: t(statusKey(c.serviceObjective)), tone: tone(c.serviceObjective) },
        ]}
      />
      <p>{lepsSentence({ t, f }, c)}</p>
      <Chart svg={s.chart.svg} caption={s.chart.caption} summary={s.chart.summary}>
        <DataTable
          id="leps-dati"
          caption={s.chart.table.caption}
          rows={s.years}
          rowKey={(y) => String(y.year)}
          columns={[
            rowHeaderColumn<LepsSection['years'][number]>('anno', t('rep.impact.col.year'), { value: (y) => y.year, render: (y) => String(y.year) }),
            { key: 'etp', header: t('rep.impact.leps.col.fte'), value: (y) => y.fte, render: (y) => f.fte(y.fte), numeric: true },
            {
              key: 'popolazione',
              header: t('rep.impact.leps.col.population'),
              value: (y) => y.population,
              render: (y) =>
                y.population === null
                  ? f.na
                  : y.populationYear !== null && y.populationYear !== y.year
                    ? t('rep.impact.leps.populationOf', { population: f.count(y.population), year: y.populationYear })
                    : f.count(y.population),
              numeric: true,
            },
            {
              key: 'abitanti',
              header: t('rep.impact.leps.col.perWorker'),
              value: (y) => y.inhabitantsPerWorker,
              render: (y) => (y.inhabitantsPerWorker === null ? f.na : f.number(y.inhabitantsPerWorker, 0)),
              numeric: true,
            },
            { key: 'leps', header: t('rep.impact.leps.col.leps'), value: (y) => y.leps, render: (y) => t(statusKey(y.leps)), data: false },
            {
              key: 'obiettivo',
              header: t('rep.impact.leps.col.objective'),
              value: (y) => y.serviceObjective,
              render: (y) => t(statusKey(y.serviceObjective)),
              data: false,
            },
          ]}
        />
      </Chart>
      <p className="small text-secondary">{t('rep.impact.leps.population')}</p>
    </>
  );
}

function UsersBody({ s, year, t, f }: { s: UsersSection; year: number; t: TFunction; f: Fmt }) {
  if (s.rows.length === 0) return <EmptyState title={t('rep.impact.users.none')} />;
  return (
    <>
      <DataTable
        id="utenti"
        caption={t('rep.impact.users.table', { year })}
        rows={s.rows}
        rowKey={(r) => `${r.objectiveCode}-${r.label}`}
        columns={[
          rowHeaderColumn<UsersSection['rows'][number]>('servizio', t('rep.impact.users.col.service'), {
            value: (r) => r.objectiveTitle,
            render: (r) => data(r.objectiveTitle),
          }),
          { key: 'indicatore', header: t('rep.impact.users.col.indicator'), value: (r) => r.label },
          { key: 'persone', header: t('rep.impact.users.col.count'), value: (r) => r.count.value, render: (r) => countText({ t, f }, r.count), numeric: true },
          { key: 'unita', header: t('rep.impact.users.col.unit'), value: (r) => r.unit ?? '' },
        ]}
      />
      <p className="small text-secondary">{t('rep.impact.privacy')}</p>
    </>
  );
}

function SpendingBody({ s, t, f }: { s: SpendingSection; t: TFunction; f: Fmt }) {
  if (s.years.length === 0 && s.coDesign.length === 0) return <EmptyState title={t('rep.impact.spending.none')} />;
  const natures = (['servizi', 'contributi', 'strutture', 'notStated'] as const).filter((n) => s.byNature.some((r) => r[n] > 0));
  const natureLabel = (n: (typeof natures)[number]) => t(n === 'notStated' ? 'rep.impact.nature.notStated' : `rep.impact.nature.${n}`);
  return (
    <>
      {s.years.length === 0 ? (
        <Notice>{t('rep.impact.spending.noSeries')}</Notice>
      ) : (
        <>
          <h3 className="h5">{t('rep.impact.spending.natureTitle')}</h3>
          {s.natureChart && (
            <Chart svg={s.natureChart.svg} caption={s.natureChart.caption} summary={s.natureChart.summary}>
              <DataTable
                id="spesa-natura"
                caption={s.natureChart.table.caption}
                rows={s.byNature}
                rowKey={(r) => String(r.year)}
                columns={[
                  rowHeaderColumn<SpendingSection['byNature'][number]>('anno', t('rep.impact.col.year'), {
                    value: (r) => r.year,
                    render: (r) => String(r.year),
                  }),
                  ...natures.map((n) => ({
                    key: n,
                    header: natureLabel(n),
                    value: (r: (typeof s.byNature)[number]) => r[n] / 100,
                    render: (r: (typeof s.byNature)[number]) => f.money(r[n]),
                    numeric: true,
                  })),
                  { key: 'totale', header: t('rep.impact.total'), value: (r) => r.total / 100, render: (r) => f.money(r.total), numeric: true },
                ]}
              />
            </Chart>
          )}
          {s.byNature.every((r) => r.servizi === 0) && <Notice>{t('rep.impact.spending.noServices')}</Notice>}
          <h3 className="h5">{t('rep.impact.spending.areaTitle')}</h3>
          {s.areaChart && (
            <Chart svg={s.areaChart.svg} caption={s.areaChart.caption} summary={s.areaChart.summary}>
              <DataTable
                id="spesa-aree"
                caption={s.areaChart.table.caption}
                rows={s.byArea}
                rowKey={(r) => r.areaCode}
                columns={[
                  rowHeaderColumn<SpendingSection['byArea'][number]>('area', t('rep.impact.spending.col.area'), {
                    value: (r) => r.areaName,
                    render: (r) => data(r.areaName),
                  }),
                  ...s.years.map((y, i) => ({
                    key: String(y),
                    header: String(y),
                    value: (r: (typeof s.byArea)[number]) => r.cents[i]! / 100,
                    render: (r: (typeof s.byArea)[number]) => f.money(r.cents[i]!),
                    numeric: true,
                  })),
                  { key: 'totale', header: t('rep.impact.total'), value: (r) => r.total / 100, render: (r) => f.money(r.total), numeric: true },
                ]}
              />
            </Chart>
          )}
        </>
      )}
      {s.coDesignChart && (
        <>
          <h3 className="h5">{t('rep.impact.spending.coDesignTitle')}</h3>
          <Chart svg={s.coDesignChart.svg} caption={s.coDesignChart.caption} summary={s.coDesignChart.summary}>
            <DataTable
              id="spesa-coprogettazione"
              caption={s.coDesignChart.table.caption}
              rows={s.coDesign}
              rowKey={(r) => r.project}
              columns={[
                rowHeaderColumn<SpendingSection['coDesign'][number]>('progetto', t('rep.impact.projects.col.project'), {
                  value: (r) => r.project,
                  render: (r) => data(r.project),
                }),
                { key: 'importo', header: t('rep.impact.projects.col.amount'), value: (r) => r.cents / 100, render: (r) => f.money(r.cents), numeric: true },
              ]}
            />
          </Chart>
          <p className="small text-secondary">{t('rep.impact.spending.coDesignNote')}</p>
        </>
      )}
    </>
  );
}
