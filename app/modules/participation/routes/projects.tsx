import { redirect } from 'react-router';
import type { Route } from './+types/projects';
import { renderChartSvg } from '../../../shared/charts/charts.server.ts';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { serverFormat, tr } from '../../../shared/i18n/tr.server.ts';
import {
  Chart,
  DataTable,
  DoneNotice,
  EmptyState,
  IntentForm,
  KpiGrid,
  linkColumn,
  moneyColumn,
  PageHeader,
  Section,
  StatusBadge,
  figureColumn,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import { stackedBars } from '../participation.charts.ts';
import { createProject } from '../participation.projects.commands.ts';
import { listProjects, projectChoices } from '../participation.projects.queries.ts';
import { readParticipation } from './participation.server.ts';
import { ProjectFields, SdgGoalsField, statusTone } from './project-fields.tsx';

/** The co-designed projects of an Ambito: the list, the totals by source and year, a chart of resources by project and year. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, can } = await readParticipation(context, request, params.code);
  const { projects, totals } = await listProjects(db, ambito.id);
  const names = new Map(projects.map((p) => [p.id, p.title]));
  const years = totals.byYear.map((y) => y.year);
  const yearLabel = (y: number | null) => (y === null ? tr('part.projects.noYear') : String(y));
  const chartSvg =
    totals.byProjectYear.length > 0
      ? renderChartSvg(
          stackedBars({
            categories: years.map(yearLabel),
            series: totals.byProject.map((p) => ({
              name: names.get(p.projectId) ?? '',
              values: years.map((y) => (totals.byProjectYear.find((c) => c.projectId === p.projectId && c.year === y)?.cents ?? 0) / 100),
            })),
            unit: '€',
            locale: serverFormat().locale === 'en' ? 'en-GB' : 'it-IT',
          }),
          { width: 760, height: 360 + Math.ceil(totals.byProject.length / 2) * 24 },
        )
      : null;
  return {
    ambito,
    can: { write: can['project.write'] },
    projects,
    totals,
    cells: totals.byProjectYear.map((c) => ({ ...c, title: names.get(c.projectId) ?? '' })),
    chartSvg,
    choices: can['project.write'] ? await projectChoices(db, ambito.id) : null,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito } = await readParticipation(context, request, params.code);
  return intentAction(
    request,
    {
      create: async (form, raw) => {
        const project = await createProject({ db, actor, ambitoId: ambito.id, input: { ...form, sdgGoals: raw.getAll('sdgGoals').map(String) } });
        return redirect(`/ambiti/${ambito.code}/partecipazione/progetti/${project.id}?esito=creato`);
      },
    },
    { echo: true },
  );
}

export default function Projects({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, can, projects, totals, cells, chartSvg, choices } = loaderData;
  const home = `/ambiti/${ambito.code}/partecipazione`;
  const { errors, values } = useFormResult(actionData, 'create');
  type P = (typeof projects)[number];
  type Cell = (typeof cells)[number];
  const yearText = (y: number | null) => (y === null ? t('part.projects.noYear') : String(y));
  const biggest = [...totals.byProject].sort((a, b) => b.cents - a.cents)[0];
  return (
    <>
      <PageHeader
        title={t('part.projects.title')}
        context={ambito.name}
        lead={t('part.projects.lead')}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.name'), to: home },
        ]}
      />
      <DoneNotice messages={{ importato: 'part.projects.done.imported' }} />
      <KpiGrid
        items={[
          { label: t('part.projects.kpi.projects'), value: f.number(projects.length), testId: 'kpi-progetti' },
          { label: t('part.projects.kpi.active'), value: f.number(projects.filter((p) => p.status === 'attivo').length) },
          { label: t('part.projects.kpi.resources'), value: f.money(totals.totalCents), testId: 'kpi-risorse' },
          { label: t('part.projects.kpi.sources'), value: f.number(totals.bySource.length) },
        ]}
      />

      <Section id="elenco" title={t('part.projects.list')}>
        <DataTable
          id="progetti"
          caption={t('part.projects.caption', { count: f.number(projects.length) })}
          csv="progetti-coprogettati"
          rows={projects}
          rowKey={(p) => p.id}
          empty={<EmptyState title={t('part.projects.empty')}>{can.write ? t('part.projects.emptyWrite') : null}</EmptyState>}
          columns={[
            linkColumn('titolo', t('part.projects.f.title'), (p: P) => ({ text: p.title, to: `${home}/progetti/${p.id}` })),
            { key: 'capofila', header: t('part.projects.f.lead'), value: (p: P) => p.leadName ?? '' },
            {
              key: 'procedura',
              header: t('part.projects.f.procedure'),
              value: (p: P) => p.procedure,
              render: (p: P) => t(`part.projects.procedure.${p.procedure}` as never),
              data: false,
            },
            {
              key: 'periodo',
              header: t('part.projects.f.period'),
              value: (p: P) => p.startsOn ?? '',
              render: (p: P) =>
                p.startsOn || p.endsOn ? `${p.startsOn ? f.date(p.startsOn) : '…'} – ${p.endsOn ? f.date(p.endsOn) : '…'}` : t('part.projects.periodUnknown'),
              data: false,
            },
            {
              key: 'stato',
              header: t('part.projects.f.status'),
              value: (p: P) => p.status,
              render: (p: P) => <StatusBadge tone={statusTone(p.status)}>{t(`part.projects.status.${p.status}` as never)}</StatusBadge>,
              data: false,
            },
            figureColumn('partner', t('part.projects.f.partners'), (p: P) => p.partners, f.number),
            moneyColumn('risorse', t('part.projects.f.resources'), (p: P) => p.resourcesCents, f.money),
          ]}
        />
      </Section>

      {totals.byProjectYear.length > 0 && (
        <Section id="risorse" title={t('part.projects.resources.title')}>
          <Chart
            svg={chartSvg ?? ''}
            caption={t('part.projects.chart.caption')}
            summary={
              <>
                {t('part.projects.chart.summary', { total: f.money(totals.totalCents), count: f.number(totals.byProject.length) })}{' '}
                {biggest && (
                  <>
                    {t('part.projects.chart.biggest')} <span translate="no">{projects.find((p) => p.id === biggest.projectId)?.title}</span> (
                    {f.money(biggest.cents)}).
                  </>
                )}
              </>
            }
          >
            <DataTable
              id="risorse-progetto-anno"
              caption={t('part.projects.chart.table')}
              csv="risorse-progetto-anno"
              rows={cells}
              rowKey={(c) => `${c.projectId}-${c.year ?? 'nd'}`}
              columns={[
                { key: 'progetto', header: t('part.projects.f.title'), value: (c: Cell) => c.title, rowHeader: true },
                { key: 'anno', header: t('part.projects.f.year'), value: (c: Cell) => c.year, render: (c: Cell) => yearText(c.year), data: false },
                moneyColumn('importo', t('part.projects.f.amount'), (c: Cell) => c.cents, f.money),
              ]}
            />
          </Chart>
          <div className="row">
            <div className="col-lg-6">
              <DataTable
                id="per-fonte"
                caption={t('part.projects.bySource')}
                csv="risorse-per-fonte"
                rows={totals.bySource}
                rowKey={(s) => s.fundingSource}
                columns={[
                  { key: 'fonte', header: t('part.projects.f.source'), value: (s) => s.fundingSource, rowHeader: true },
                  moneyColumn('importo', t('part.projects.f.amount'), (s: (typeof totals.bySource)[number]) => s.cents, f.money),
                ]}
              />
            </div>
            <div className="col-lg-6">
              <DataTable
                id="per-anno"
                caption={t('part.projects.byYear')}
                csv="risorse-per-anno"
                rows={totals.byYear}
                rowKey={(y) => String(y.year)}
                columns={[
                  { key: 'anno', header: t('part.projects.f.year'), value: (y) => y.year, render: (y) => yearText(y.year), rowHeader: true, data: false },
                  moneyColumn('importo', t('part.projects.f.amount'), (y: (typeof totals.byYear)[number]) => y.cents, f.money),
                ]}
              />
            </div>
          </div>
        </Section>
      )}

      {can.write && choices && (
        <Section id="nuovo" title={t('part.projects.new')}>
          <IntentForm intent="create" actionData={actionData} submitLabel={t('part.projects.create')} noValidate>
            <ProjectFields intent="create" errors={errors} values={values ?? {}} choices={choices} />
            <SdgGoalsField intent="create" error={errors.sdgGoals} selected={[]} />
          </IntentForm>
        </Section>
      )}
    </>
  );
}
