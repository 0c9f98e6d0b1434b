import type { Route } from './+types/figures';
import { renderChartSvg } from '../../../shared/charts/charts.server.ts';
import { serverFormat, tr } from '../../../shared/i18n/tr.server.ts';
import { Chart, DataTable, EmptyState, figureColumn, KpiGrid, Notice, PageHeader, Section, useI18n } from '../../../shared/ui/kit.ts';
import { barChart } from '../../../shared/charts/charts.ts';
import { groupedBars } from '../participation.charts.ts';
import type { Share } from '../participation.figures.rules.ts';
import { figuresOf } from './figures.server.ts';
import { readParticipation } from './participation.server.ts';

/** The participation figures of an Ambito, computed from the records at the moment, with their definitions. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito } = await readParticipation(context, request, params.code);
  const model = await figuresOf(db, ambito.id);
  const { timeline } = model.figures;
  const timelineSvg = timeline.length
    ? renderChartSvg(
        groupedBars({
          categories: timeline.map((q) => tr('part.figures.quarter', { quarter: q.quarter, year: q.year })),
          series: [
            { name: tr('part.figures.time.meetings'), values: timeline.map((q) => q.meetings) },
            { name: tr('part.figures.time.needs'), values: timeline.map((q) => q.needs) },
            { name: tr('part.figures.time.proposals'), values: timeline.map((q) => q.proposals) },
            { name: tr('part.figures.time.responses'), values: timeline.map((q) => q.responses) },
          ],
          locale: serverFormat().locale === 'en' ? 'en-GB' : 'it-IT',
        }),
        { width: 760, height: 340 },
      )
    : null;
  const withBase = model.tables.filter((t) => t.coverage.percent !== null);
  const coverageSvg = withBase.length
    ? renderChartSvg(
        barChart({
          name: tr('part.figures.f.coverage'),
          points: withBase.map((t) => ({ label: t.name.length > 40 ? `${t.name.slice(0, 39)}…` : t.name, value: t.coverage.percent })),
          digits: 1,
          locale: serverFormat().locale === 'en' ? 'en-GB' : 'it-IT',
        }),
        { width: 760, height: 60 + withBase.length * 36 },
      )
    : null;
  return { ambito, ...model, timelineSvg, coverageSvg };
}

export default function Figures({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, figures: fig, meetings, tables, timelineSvg, coverageSvg } = loaderData;
  const home = `/ambiti/${ambito.code}/partecipazione`;
  const shareText = (s: Share) => (s.percent === null ? t('part.figures.noBase') : f.percent(s.percent, 1));
  type M = (typeof meetings)[number];
  type T = (typeof tables)[number];
  type Q = (typeof fig.timeline)[number];
  const quarter = (q: Q) => t('part.figures.quarter', { quarter: q.quarter, year: q.year });
  const incomplete = fig.attendanceRecorded.numerator < fig.attendanceRecorded.denominator;
  return (
    <>
      <PageHeader
        title={t('part.figures.title')}
        context={ambito.name}
        lead={t('part.figures.lead')}
        breadcrumb={[
          { label: ambito.name, data: true, to: `/ambiti/${ambito.code}` },
          { label: t('part.name'), to: home },
        ]}
        actions={
          <a className="btn btn-outline-primary btn-sm" href={`${home}/cifre.csv`} download>
            {t('part.figures.csv')}
          </a>
        }
      />
      {incomplete && (
        <Notice tone="warning" title={t('part.figures.incomplete.title')} id="dati-incompleti">
          <p className="mb-0" data-testid="presenze-registrate">
            {t('part.figures.incomplete.attendance', {
              recorded: f.number(fig.attendanceRecorded.numerator),
              held: f.number(fig.attendanceRecorded.denominator),
            })}
          </p>
        </Notice>
      )}
      <KpiGrid
        items={[
          { label: t('part.figures.kpi.tables'), value: f.number(fig.tables), testId: 'kpi-tavoli' },
          { label: t('part.figures.kpi.members'), value: f.number(fig.memberOrganisations), testId: 'kpi-aderenti' },
          {
            label: t('part.figures.kpi.meetings'),
            value: f.number(fig.meetingsHeld),
            hint: t('part.figures.kpi.meetingsHint', {
              recorded: f.number(fig.attendanceRecorded.numerator),
              held: f.number(fig.attendanceRecorded.denominator),
            }),
            testId: 'kpi-riunioni',
          },
          { label: t('part.figures.kpi.people'), value: f.number(fig.peoplePresent), testId: 'kpi-persone' },
          { label: t('part.figures.kpi.organisations'), value: f.number(fig.organisationsTookPart), testId: 'kpi-organizzazioni' },
          { label: t('part.figures.kpi.needs'), value: f.number(fig.needsTotal), testId: 'kpi-bisogni' },
          {
            label: t('part.figures.kpi.proposals'),
            value: t('part.figures.ofTotal', { part: f.number(fig.proposalsAnswered), total: f.number(fig.proposalsTotal) }),
            testId: 'kpi-proposte',
          },
          { label: t('part.figures.kpi.responses'), value: f.number(fig.responsesTotal), testId: 'kpi-risposte' },
        ]}
      />

      <Section id="definizioni" title={t('part.figures.definitions.title')}>
        <ul>
          <li>{t('part.figures.definitions.held')}</li>
          <li>{t('part.figures.definitions.tookPart')}</li>
          <li>{t('part.figures.definitions.people')}</li>
          <li>{t('part.figures.definitions.coverage')}</li>
          <li>{t('part.figures.definitions.contributions')}</li>
        </ul>
      </Section>

      <Section id="copertura" title={t('part.figures.coverage.title')}>
        {coverageSvg ? (
          <Chart
            svg={coverageSvg}
            caption={t('part.figures.coverage.chart')}
            summary={t('part.figures.coverage.summary', { count: f.number(tables.filter((r) => r.coverage.percent !== null).length) })}
            tableOpen
          >
            <DataTable
              id="copertura-tavoli"
              caption={t('part.figures.coverage.caption')}
              csv="copertura-tavoli"
              rows={tables}
              rowKey={(r) => r.tableId}
              empty={<EmptyState title={t('part.figures.noTables')} />}
              columns={[
                { key: 'tavolo', header: t('part.figures.f.table'), value: (r: T) => r.name, rowHeader: true },
                { key: 'aree', header: t('part.figures.f.areas'), value: (r: T) => r.areas.join(', ') },
                figureColumn('riunioni', t('part.figures.f.held'), (r: T) => r.held, f.number),
                figureColumn('registrate', t('part.figures.f.recorded'), (r: T) => r.recorded, f.number),
                figureColumn('partecipanti', t('part.figures.f.tookPart'), (r: T) => r.organisationsTookPart, f.number),
                {
                  key: 'copertura',
                  header: t('part.figures.f.coverage'),
                  numeric: true,
                  value: (r: T) => r.coverage.percent,
                  render: (r: T) =>
                    t(r.areas.length ? 'part.figures.coverage.formula' : 'part.figures.coverage.formulaNoAreas', {
                      numerator: f.number(r.coverage.numerator),
                      denominator: f.number(r.coverage.denominator),
                      percent: shareText(r.coverage),
                    }),
                },
              ]}
            />
          </Chart>
        ) : (
          <DataTable
            id="copertura-tavoli"
            caption={t('part.figures.coverage.caption')}
            csv="copertura-tavoli"
            rows={tables}
            rowKey={(r) => r.tableId}
            empty={<EmptyState title={t('part.figures.noTables')} />}
            columns={[
              { key: 'tavolo', header: t('part.figures.f.table'), value: (r: T) => r.name, rowHeader: true },
              { key: 'aree', header: t('part.figures.f.areas'), value: (r: T) => r.areas.join(', ') },
              figureColumn('riunioni', t('part.figures.f.held'), (r: T) => r.held, f.number),
              figureColumn('registrate', t('part.figures.f.recorded'), (r: T) => r.recorded, f.number),
              figureColumn('partecipanti', t('part.figures.f.tookPart'), (r: T) => r.organisationsTookPart, f.number),
              {
                key: 'copertura',
                header: t('part.figures.f.coverage'),
                numeric: true,
                value: (r: T) => r.coverage.percent,
                render: (r: T) =>
                  t(r.areas.length ? 'part.figures.coverage.formula' : 'part.figures.coverage.formulaNoAreas', {
                    numerator: f.number(r.coverage.numerator),
                    denominator: f.number(r.coverage.denominator),
                    percent: shareText(r.coverage),
                  }),
              },
            ]}
          />
        )}
      </Section>

      <Section id="riunioni" title={t('part.figures.meetings.title')}>
        <DataTable
          id="presenze"
          caption={t('part.figures.meetings.caption')}
          csv="presenze-riunioni"
          rows={meetings}
          rowKey={(m) => m.meetingId}
          empty={<EmptyState title={t('part.figures.meetings.empty')} />}
          columns={[
            { key: 'data', header: t('part.figures.f.date'), value: (m: M) => m.date, render: (m: M) => f.date(m.date), data: false, rowHeader: true },
            { key: 'tavolo', header: t('part.figures.f.table'), value: (m: M) => m.table },
            { key: 'riunione', header: t('part.figures.f.meeting'), value: (m: M) => m.title },
            {
              key: 'presenti',
              header: t('part.figures.f.present'),
              numeric: true,
              value: (m: M) => (m.recorded ? m.present + m.delegated : null),
              render: (m: M) =>
                m.recorded
                  ? t('part.figures.meetings.formula', {
                      present: f.number(m.present),
                      delegated: f.number(m.delegated),
                      expected: f.number(m.expected),
                      percent: shareText(m.attendance),
                    })
                  : t('part.figures.meetings.notRecorded'),
            },
          ]}
        />
      </Section>

      <Section id="organizzazioni" title={t('part.figures.organisations.title')}>
        <div className="row">
          <div className="col-lg-6">
            <DataTable
              id="per-tipo"
              caption={t('part.figures.organisations.byKind')}
              csv="organizzazioni-per-tipo"
              rows={fig.organisationsByKind}
              rowKey={(r) => r.kind}
              empty={<EmptyState title={t('part.figures.organisations.empty')} />}
              columns={[
                {
                  key: 'tipo',
                  header: t('part.figures.f.kind'),
                  value: (r) => r.kind,
                  render: (r) => t(`gov.enum.orgKind.${r.kind}` as never),
                  data: false,
                  rowHeader: true,
                },
                figureColumn('organizzazioni', t('part.figures.f.organisations'), (r: (typeof fig.organisationsByKind)[number]) => r.count, f.number),
              ]}
            />
          </div>
          <div className="col-lg-6">
            <DataTable
              id="per-area"
              caption={t('part.figures.organisations.byArea')}
              csv="organizzazioni-per-area"
              rows={fig.organisationsByArea}
              rowKey={(r) => r.area}
              empty={<EmptyState title={t('part.figures.organisations.empty')} />}
              columns={[
                { key: 'area', header: t('part.figures.f.area'), value: (r) => r.area, rowHeader: true },
                figureColumn('organizzazioni', t('part.figures.f.organisations'), (r: (typeof fig.organisationsByArea)[number]) => r.count, f.number),
              ]}
            />
          </div>
        </div>
      </Section>

      <Section id="contributi" title={t('part.figures.contributions.title')}>
        <div className="row">
          <div className="col-lg-6">
            <DataTable
              id="bisogni-fonte"
              caption={t('part.figures.contributions.needs', { total: f.number(fig.needsTotal) })}
              csv="bisogni-per-fonte"
              rows={fig.needsBySource}
              rowKey={(r) => r.source}
              columns={[
                {
                  key: 'fonte',
                  header: t('part.figures.f.source'),
                  value: (r) => r.source,
                  render: (r) => t(`part.figures.source.${r.source}` as never),
                  data: false,
                  rowHeader: true,
                },
                figureColumn('bisogni', t('part.figures.f.count'), (r: (typeof fig.needsBySource)[number]) => r.count, f.number),
              ]}
            />
          </div>
          <div className="col-lg-6">
            <DataTable
              id="proposte-esito"
              caption={t('part.figures.contributions.proposals', { total: f.number(fig.proposalsTotal) })}
              csv="proposte-per-esito"
              rows={fig.proposalsByOutcome}
              rowKey={(r) => r.outcome}
              columns={[
                {
                  key: 'esito',
                  header: t('part.figures.f.outcome'),
                  value: (r) => r.outcome,
                  render: (r) => t(`part.figures.outcome.${r.outcome}` as never),
                  data: false,
                  rowHeader: true,
                },
                figureColumn('proposte', t('part.figures.f.count'), (r: (typeof fig.proposalsByOutcome)[number]) => r.count, f.number),
              ]}
            />
          </div>
        </div>
        <p>{t('part.figures.contributions.responses', { total: f.number(fig.responsesTotal) })}</p>
      </Section>

      <Section id="nel-tempo" title={t('part.figures.time.title')}>
        {fig.timeline.length === 0 || !timelineSvg ? (
          <EmptyState title={t('part.figures.time.empty')} />
        ) : (
          <Chart
            svg={timelineSvg}
            caption={t('part.figures.time.caption')}
            summary={t('part.figures.time.summary', {
              from: quarter(fig.timeline[0]!),
              to: quarter(fig.timeline.at(-1)!),
              meetings: f.number(fig.meetingsHeld),
              contributions: f.number(fig.needsTotal + fig.proposalsTotal + fig.responsesTotal),
            })}
          >
            <DataTable
              id="trimestri"
              caption={t('part.figures.time.table')}
              csv="partecipazione-per-trimestre"
              rows={fig.timeline}
              rowKey={(q) => `${q.year}-${q.quarter}`}
              columns={[
                {
                  key: 'trimestre',
                  header: t('part.figures.f.quarter'),
                  value: (q: Q) => `${q.year}-T${q.quarter}`,
                  render: quarter,
                  data: false,
                  rowHeader: true,
                },
                figureColumn('riunioni', t('part.figures.time.meetings'), (q: Q) => q.meetings, f.number),
                figureColumn('bisogni', t('part.figures.time.needs'), (q: Q) => q.needs, f.number),
                figureColumn('proposte', t('part.figures.time.proposals'), (q: Q) => q.proposals, f.number),
                figureColumn('risposte', t('part.figures.time.responses'), (q: Q) => q.responses, f.number),
              ]}
            />
          </Chart>
        )}
      </Section>
    </>
  );
}
