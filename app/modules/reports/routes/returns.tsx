import type { ReactNode } from 'react';
import type { Route } from './+types/returns';
import { barChart } from '../../../shared/charts/charts.ts';
import { renderChartSvg } from '../../../shared/charts/charts.server.ts';
import { requestLocale, tr } from '../../../shared/i18n/tr.server.ts';
import { formatLocale } from '../../../shared/i18n/messages.ts';
import {
  Chart,
  DataTable,
  FilterField,
  FilterForm,
  figureColumn,
  KpiGrid,
  moneyColumn,
  Notice,
  PageHeader,
  rowHeaderColumn,
  Section,
  useI18n,
  type TFunction,
} from '../../../shared/ui/kit.ts';
import type { ReturnFile } from '../returns.files.ts';
import type { ReturnsView } from '../returns.queries.ts';
import { openReturns } from '../returns.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { ambito, year, currentYear, view } = await openReturns(context, request, params.code);
  const locale = formatLocale(requestLocale());
  const sw = view.socialWorkers;
  const edges = sw.contribution.bands;
  const staffChart =
    edges.length > 0
      ? renderChartSvg(
          barChart({
            name: tr('rep.returns.sw.chart.name'),
            locale: locale === 'it' ? 'it-IT' : 'en-GB',
            digits: 2,
            points: [
              { label: tr('rep.returns.sw.chart.permanent'), value: sw.permanentFte },
              { label: tr('rep.returns.sw.chart.start'), value: edges[0]!.fromFte },
              { label: tr('rep.returns.sw.chart.leps'), value: edges[0]!.toFte },
              { label: tr('rep.returns.sw.chart.objective'), value: edges[1]!.toFte },
            ],
          }),
          { width: 760, height: 220 },
        )
      : null;
  const fnpsChart =
    view.fnps.totalCents > 0
      ? renderChartSvg(
          barChart({
            name: tr('rep.returns.fnps.chart.name'),
            locale: locale === 'it' ? 'it-IT' : 'en-GB',
            digits: 1,
            points: view.fnps.areas.map((a) => ({
              label: tr(`rep.returns.fnps.area.${a}` as 'rep.returns.fnps.area.non_attribuita'),
              value: Math.round(((view.fnps.rowTotals[a] ?? 0) * 1000) / view.fnps.totalCents) / 10,
            })),
          }),
          { width: 760, height: 220 },
        )
      : null;
  // Every year from the earliest record (at most ten years back) to this one: the choice never hides a year with data.
  const first = Math.min(year, Math.max(currentYear - 10, Math.min(currentYear - 6, ...view.years.posts, ...view.years.services)));
  const last = Math.max(year, currentYear);
  const years = Array.from({ length: last - first + 1 }, (_, i) => last - i);
  return { ambito: { code: ambito.code, name: ambito.name, regionCode: ambito.regionCode }, year, years, view, staffChart, fnpsChart };
}

type Fmt = ReturnType<typeof useI18n>['f'];

const fileLink = (code: string, file: ReturnFile, year: number) => `/ambiti/${code}/adempimenti/${file}?anno=${year}`;

function Download({ href, label }: { href: string; label: string }) {
  return (
    <a className="btn btn-outline-primary btn-sm me-2 mb-2" href={href} download>
      {label}
    </a>
  );
}

/** The sources of a return: a titled list, always shown. */
function Sources({ t, children }: { t: TFunction; children: ReactNode }) {
  return (
    <div className="border-start border-4 ps-3 my-3">
      <p className="fw-semibold mb-1">{t('rep.returns.sources')}</p>
      <ul className="mb-0">{children}</ul>
    </div>
  );
}

const names = (list: readonly string[]) => <span translate="no">{list.join(', ')}</span>;

export default function Returns({ loaderData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, year, years } = loaderData;
  return (
    <>
      <PageHeader
        title={t('rep.returns.title')}
        context={ambito.name}
        lead={t('rep.returns.lead', { year })}
        breadcrumb={[{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }]}
      />
      <FilterForm label={t('rep.returns.chooseYear')} submitLabel={t('rep.returns.show')}>
        <FilterField id="anno" label={t('rep.returns.year')} col="col-sm-3">
          <select id="anno" name="anno" defaultValue={year} className="form-select">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </FilterField>
      </FilterForm>
      <nav aria-label={t('rep.returns.index')}>
        <ul>
          <li>
            <a href="#assistenti-sociali">{t('rep.returns.sw.title', { year })}</a>
          </li>
          <li>
            <a href="#sioss">{t('rep.returns.sioss.title', { year })}</a>
          </li>
          <li>
            <a href="#fondi">{t('rep.returns.funds.title', { year })}</a>
          </li>
          <li>
            <a href="#spesa-area-canale">{t('rep.returns.area.title', { year })}</a>
          </li>
          <li>
            <a href="#fnps">{t('rep.returns.fnps.title', { year })}</a>
          </li>
        </ul>
      </nav>
      <SocialWorkers data={loaderData} t={t} f={f} />
      <Sioss data={loaderData} t={t} f={f} />
      <Funds data={loaderData} t={t} f={f} />
      <AreaChannel data={loaderData} t={t} f={f} />
      <Fnps data={loaderData} t={t} f={f} />
    </>
  );
}

type Data = Route.ComponentProps['loaderData'];
interface PartProps {
  data: Data;
  t: TFunction;
  f: Fmt;
}

// ——— L. 178/2020 ————————————————————————————————————————————————————————————————————————————————

function SocialWorkers({ data, t, f }: PartProps) {
  const { ambito, year, view, staffChart } = data;
  const r = view.socialWorkers;
  const pop = r.population;
  const cov = view.socialWorkersComuni;
  type Band = ReturnsView['socialWorkers']['contribution']['bands'][number];
  type Kind = ReturnsView['socialWorkers']['byEmployer'][number];
  const kindColumns = [
    rowHeaderColumn<Kind>('ente', t('rep.returns.sw.employer'), {
      value: (k) => k.kind,
      render: (k) => t(`leps.employerKind.${k.kind}` as 'leps.employerKind.comune'),
    }),
    figureColumn<Kind>('persone', t('rep.returns.sw.posts'), (k) => k.posts, f.count),
    figureColumn<Kind>('etp', t('rep.returns.sw.fte'), (k) => k.fte, f.fte),
    figureColumn<Kind>('etp_ti', t('rep.returns.sw.permanentFte'), (k) => (k.counted ? k.permanentFte : null), f.fte),
  ];
  return (
    <Section
      id="assistenti-sociali"
      title={t('rep.returns.sw.title', { year })}
      actions={<Download href={fileLink(ambito.code, 'assistenti-sociali-l178.csv', year)} label={t('rep.returns.download')} />}
    >
      <p>{t('rep.returns.sw.rule')}</p>
      {pop === null && <Notice tone="warning">{t('rep.returns.sw.noPopulation')}</Notice>}
      {r.sources.rows === 0 && <Notice tone="warning">{t('rep.returns.sw.noPosts')}</Notice>}
      {r.sources.overlaps.length > 0 && (
        <Notice tone="warning">
          {t('rep.returns.sw.overlaps')} {names(r.sources.overlaps)}
        </Notice>
      )}
      <KpiGrid
        label={t('rep.returns.sw.kpis')}
        items={[
          { label: t('rep.returns.sw.permanentFteAt', { date: f.date(r.day) }), value: f.fte(r.permanentFte), testId: 'l178-fte' },
          {
            label: t('rep.returns.sw.population'),
            value: pop ? f.count(pop.population) : f.na,
            hint: pop
              ? t(pop.basis === 'ambito' ? 'rep.returns.sw.popAmbito' : 'rep.returns.sw.popComuni', { date: f.date(pop.referenceDate), year: pop.year })
              : undefined,
            testId: 'l178-population',
          },
          { label: t('rep.returns.sw.ratio'), value: r.inhabitantsPerFte === null ? f.na : f.number(r.inhabitantsPerFte, 1), testId: 'l178-ratio' },
          { label: t('rep.returns.sw.total'), value: f.money(r.contribution.totalCents), testId: 'l178-total' },
        ]}
      />
      <DataTable
        id="l178-enti-conteggiati"
        caption={t('rep.returns.sw.counted', { date: f.date(r.day) })}
        rows={r.byEmployer.filter((k) => k.counted)}
        rowKey={(k) => k.kind}
        columns={kindColumns}
        empty={t('rep.returns.sw.none')}
      />
      <DataTable
        id="l178-enti-esclusi"
        caption={t('rep.returns.sw.excluded', { date: f.date(r.day) })}
        rows={r.byEmployer.filter((k) => !k.counted)}
        rowKey={(k) => k.kind}
        columns={kindColumns.slice(0, 3)}
        empty={t('rep.returns.sw.none')}
      />
      {r.contribution.bands.length > 0 && (
        <Chart svg={staffChart ?? ''} caption={t('rep.returns.sw.chart.caption')} summary={t('rep.returns.sw.chart.summary')} tableOpen>
          <DataTable<Band>
            id="l178-fasce"
            caption={t('rep.returns.sw.bands')}
            rows={r.contribution.bands}
            rowKey={(b) => b.letter}
            columns={[
              rowHeaderColumn<Band>('fascia', t('rep.returns.sw.band'), {
                value: (b) => b.letter,
                render: (b) =>
                  t('rep.returns.sw.bandName', { letter: b.letter, from: f.count(b.startInhabitantsPerWorker), to: f.count(b.endInhabitantsPerWorker) }),
              }),
              figureColumn<Band>(
                'da',
                t('rep.returns.sw.fromFte'),
                (b) => b.fromFte,
                (n) => f.numberUpTo(n, 4),
              ),
              figureColumn<Band>(
                'a',
                t('rep.returns.sw.toFte'),
                (b) => b.toFte,
                (n) => f.numberUpTo(n, 4),
              ),
              figureColumn<Band>(
                'etp',
                t('rep.returns.sw.countedFte'),
                (b) => b.countedFte,
                (n) => f.numberUpTo(n, 4),
              ),
              moneyColumn<Band>('euro_etp', t('rep.returns.sw.perFte'), (b) => b.centsPerFte, f.money),
              moneyColumn<Band>('importo', t('rep.returns.sw.amount'), (b) => b.amountCents, f.money),
            ]}
            footer={
              <tr>
                <th scope="row" colSpan={5}>
                  {t('rep.returns.sw.total')}
                </th>
                <td className="text-end">{f.money(r.contribution.totalCents)}</td>
              </tr>
            }
          />
        </Chart>
      )}
      <h3 className="h5">{t('rep.returns.sw.movements', { year })}</h3>
      <p>
        {t('rep.returns.sw.hires', { count: r.hires.length })}{' '}
        {r.hires.length > 0 && names(r.hires.map((h) => `${h.code} (${f.date(h.date)}, ${f.fte(h.fte)})`))}
        <br />
        {t('rep.returns.sw.leavers', { count: r.leavers.length })}{' '}
        {r.leavers.length > 0 && names(r.leavers.map((h) => `${h.code} (${f.date(h.date)}, ${f.fte(h.fte)})`))}
      </p>
      <h3 className="h5">{t('rep.returns.sw.forecast', { year: r.forecast.year })}</h3>
      <p data-testid="l178-forecast">
        {t('rep.returns.sw.forecastText', {
          date: f.date(r.forecast.day),
          fte: f.fte(r.forecast.permanentFte),
          amount: f.money(r.forecast.contribution.totalCents),
        })}{' '}
        {r.forecast.population
          ? t('rep.returns.sw.forecastPopulation', { population: f.count(r.forecast.population.population), year: r.forecast.population.year })
          : t('rep.returns.sw.noPopulation')}
      </p>
      <Sources t={t}>
        <li>
          {t('rep.returns.sw.src.rows', {
            rows: r.sources.rows,
            counted: r.sources.counted.length,
            excluded: r.sources.excluded.length,
            out: r.sources.notInService,
          })}
        </li>
        <li>
          {pop
            ? t(pop.basis === 'ambito' ? 'rep.returns.sw.src.popAmbito' : 'rep.returns.sw.src.popComuni', {
                year: pop.year,
                date: f.date(pop.referenceDate),
                members: cov.members,
              })
            : t('rep.returns.sw.noPopulation')}
        </li>
        <li>
          {t('rep.returns.sw.src.comuni', { with: cov.withData, members: cov.members })}{' '}
          {cov.missing.length > 0 && (
            <>
              {t('rep.returns.sw.src.comuniMissing')} {names(cov.missing)}
            </>
          )}
        </li>
        <li>{t('rep.returns.sw.src.norm')}</li>
      </Sources>
    </Section>
  );
}

// ——— SIOSS ——————————————————————————————————————————————————————————————————————————————————————

function Sioss({ data, t, f }: PartProps) {
  const { ambito, year, view } = data;
  const r = view.sioss;
  type Offer = ReturnsView['sioss']['offer'][number];
  type Body = ReturnsView['sioss']['bodies'][number];
  type Mgmt = ReturnsView['sioss']['management'][number];
  const mgmt = (m: string) => t(`rep.returns.management.${m}` as 'rep.returns.management.altro');
  return (
    <Section
      id="sioss"
      title={t('rep.returns.sioss.title', { year })}
      actions={
        <div>
          <Download href={fileLink(ambito.code, 'sioss-servizi.csv', year)} label={t('rep.returns.sioss.downloadOffer')} />
          <Download href={fileLink(ambito.code, 'sioss-enti-attuatori.csv', year)} label={t('rep.returns.sioss.downloadBodies')} />
        </div>
      }
    >
      <p>{t('rep.returns.sioss.rule')}</p>
      <KpiGrid
        label={t('rep.returns.sioss.kpis')}
        items={[
          { label: t('rep.returns.sioss.types'), value: f.count(r.offer.length), testId: 'sioss-types' },
          { label: t('rep.returns.sioss.services'), value: f.count(r.sources.inReturn), testId: 'sioss-services' },
          { label: t('rep.returns.sioss.bodies'), value: f.count(r.bodies.length), testId: 'sioss-bodies' },
          { label: t('rep.returns.sioss.health'), value: f.count(r.healthAgencies), testId: 'sioss-health' },
        ]}
      />
      <DataTable<Offer>
        id="sioss-offerta"
        caption={t('rep.returns.sioss.offer')}
        rows={r.offer}
        rowKey={(o) => o.typeCode}
        empty={t('rep.returns.sioss.none')}
        columns={[
          { key: 'codice', header: t('rep.returns.sioss.typeCode'), value: (o) => o.typeCode, rowHeader: true },
          {
            key: 'tipo',
            header: t('rep.returns.sioss.type'),
            value: (o) => o.typeName ?? '',
            render: (o) => o.typeName ?? t('rep.returns.sioss.unknownType'),
            data: true,
          },
          { key: 'macro', header: t('rep.returns.sioss.macro'), value: (o) => o.macroName ?? o.macroCode ?? '' },
          figureColumn<Offer>('servizi', t('rep.returns.sioss.count'), (o) => o.serviceCodes.length, f.count),
          {
            key: 'gestione',
            header: t('rep.returns.sioss.forms'),
            value: (o) => o.managements.join(' '),
            render: (o) => o.managements.map(mgmt).join('; '),
            data: false,
          },
          { key: 'enti', header: t('rep.returns.sioss.providers'), value: (o) => o.providers.join('; ') },
          figureColumn<Offer>('utenti', t('rep.returns.users'), (o) => o.users, f.count),
          moneyColumn<Offer>('spesa', t('rep.returns.spending'), (o) => o.spendCents, f.money),
        ]}
      />
      <DataTable<Mgmt>
        id="sioss-gestione"
        caption={t('rep.returns.sioss.management')}
        rows={r.management}
        rowKey={(m) => m.management}
        empty={t('rep.returns.sioss.none')}
        columns={[
          rowHeaderColumn<Mgmt>('forma', t('rep.returns.sioss.form'), { value: (m) => m.management, render: (m) => mgmt(m.management) }),
          figureColumn<Mgmt>('servizi', t('rep.returns.sioss.count'), (m) => m.services, f.count),
        ]}
      />
      <DataTable<Body>
        id="sioss-enti"
        caption={t('rep.returns.sioss.bodiesCaption')}
        rows={r.bodies}
        rowKey={(b) => b.key}
        empty={t('rep.returns.sioss.none')}
        columns={[
          { key: 'ente', header: t('rep.returns.sioss.body'), value: (b) => b.name, rowHeader: true },
          { key: 'codice', header: t('rep.returns.sioss.bodyCode'), value: (b) => b.code ?? '' },
          {
            key: 'asl',
            header: t('rep.returns.sioss.isHealth'),
            value: (b) => (b.healthAgency ? 1 : 0),
            render: (b) => t(b.healthAgency ? 'rep.returns.yes' : 'rep.returns.no'),
            data: false,
          },
          {
            key: 'gestione',
            header: t('rep.returns.sioss.forms'),
            value: (b) => b.managements.join(' '),
            render: (b) => b.managements.map(mgmt).join('; '),
            data: false,
          },
          { key: 'servizi', header: t('rep.returns.sioss.serviceCodes'), value: (b) => b.serviceCodes.join(', ') },
        ]}
      />
      <Sources t={t}>
        <li>{t('rep.returns.sioss.src.services', { total: r.sources.services, inReturn: r.sources.inReturn })}</li>
        {r.sources.inactiveExcluded.length > 0 && (
          <li>
            {t('rep.returns.sioss.src.inactive')} {names(r.sources.inactiveExcluded)}
          </li>
        )}
        {r.sources.unknownType.length > 0 && (
          <li>
            {t('rep.returns.sioss.src.unknown')} {names(r.sources.unknownType)}
          </li>
        )}
        <li>
          {r.sources.withoutFigures.length > 0 ? (
            <>
              {t('rep.returns.sioss.src.withoutFigures', { count: r.sources.withoutFigures.length, total: r.sources.inReturn, year })}{' '}
              {names(r.sources.withoutFigures)}
            </>
          ) : (
            t('rep.returns.sioss.src.allFigures', { year })
          )}
        </li>
        <li>
          {t('rep.returns.sioss.src.comuni', { count: r.sources.comuni.length, members: view.members.length })}{' '}
          {r.sources.comuni.length > 0 && names(r.sources.comuni)}
        </li>
        <li>{t('rep.returns.sioss.src.health')}</li>
      </Sources>
    </Section>
  );
}

// ——— National funds —————————————————————————————————————————————————————————————————————————————

function Funds({ data, t, f }: PartProps) {
  const { ambito, year, view } = data;
  type Row = ReturnsView['funds'][number]['rows'][number];
  type Correction = ReturnsView['funds'][number]['corrections'][number];
  const areaName = (code: string) => view.areaNames.find((a) => a.code === code)?.name ?? code;
  const src = view.fundSources;
  return (
    <Section
      id="fondi"
      title={t('rep.returns.funds.title', { year })}
      actions={
        <div>
          <Download href={fileLink(ambito.code, 'fondi-nazionali.csv', year)} label={t('rep.returns.funds.download')} />
          <Download href={fileLink(ambito.code, 'fondi-rettifiche.csv', year)} label={t('rep.returns.funds.downloadCorrections')} />
        </div>
      }
    >
      <p>{t('rep.returns.funds.rule')}</p>
      {view.funds.map((fund) => (
        <div key={fund.rootCode} className="mb-4">
          <h3 className="h5" translate="no">
            {fund.name}
          </h3>
          <KpiGrid
            label={t('rep.returns.funds.figuresOf', { fund: fund.name })}
            items={[
              { label: t('rep.returns.funds.allocated'), value: fund.allocatedCents === null ? f.na : f.money(fund.allocatedCents) },
              { label: t('rep.returns.funds.spent'), value: f.money(fund.spentCents), testId: `fondo-${fund.rootCode}-spesa` },
              { label: t('rep.returns.funds.committed'), value: fund.committedCents === null ? f.na : f.money(fund.committedCents) },
              { label: t('rep.returns.funds.paid'), value: fund.paidCents === null ? f.na : f.money(fund.paidCents) },
            ]}
          />
          <DataTable<Row>
            id={`fondo-${fund.rootCode.toLowerCase()}`}
            caption={t('rep.returns.funds.caption', { fund: fund.name, year })}
            rows={fund.rows}
            rowKey={(r) => `${r.areaCode}|${r.typeCode}|${r.fundCode}`}
            empty={t('rep.returns.funds.none', { year })}
            small
            columns={[
              { key: 'area', header: t('rep.returns.area'), value: (r) => areaName(r.areaCode), rowHeader: true },
              { key: 'attivita', header: t('rep.returns.funds.activity'), value: (r) => `${r.typeCode} ${r.typeName ?? ''}`.trim() },
              { key: 'quota', header: t('rep.returns.funds.quota'), value: (r) => r.fundCode },
              figureColumn<Row>('servizi', t('rep.returns.sioss.count'), (r) => r.serviceCodes.length, f.count),
              moneyColumn<Row>('spesa', t('rep.returns.spending'), (r) => r.amountCents, f.money),
              figureColumn<Row>('utenti', t('rep.returns.users'), (r) => r.users, f.count),
            ]}
            footer={
              fund.rows.length > 0 ? (
                <tr>
                  <th scope="row" colSpan={4}>
                    {t('rep.returns.total')}
                  </th>
                  <td className="text-end">{f.money(fund.spentCents)}</td>
                  <td className="text-end">{fund.users === null ? '—' : f.count(fund.users)}</td>
                </tr>
              ) : undefined
            }
          />
          {fund.corrections.length > 0 && (
            <DataTable<Correction>
              id={`rettifiche-${fund.rootCode.toLowerCase()}`}
              caption={t('rep.returns.funds.corrections', { fund: fund.name })}
              rows={fund.corrections}
              rowKey={(c, i) => `${c.date}-${i}`}
              small
              columns={[
                { key: 'data', header: t('rep.returns.funds.date'), value: (c) => c.date, render: (c) => f.date(c.date), rowHeader: true, data: false },
                { key: 'obiettivo', header: t('rep.returns.funds.objective'), value: (c) => c.objective },
                {
                  key: 'misura',
                  header: t('rep.returns.funds.measure'),
                  value: (c) => c.measure,
                  render: (c) => t(`rep.returns.measure.${c.measure}` as 'rep.returns.measure.paid'),
                  data: false,
                },
                moneyColumn<Correction>('prima', t('rep.returns.funds.previous'), (c) => c.previousCents, f.money),
                moneyColumn<Correction>('dopo', t('rep.returns.funds.newValue'), (c) => c.amountCents, f.money),
                {
                  key: 'motivo',
                  header: t('rep.returns.funds.reason'),
                  value: (c) => c.reason ?? '',
                  render: (c) => (c.reason ? t(`rep.returns.reason.${c.reason}` as 'rep.returns.reason.disimpegno') : t('rep.returns.funds.noReason')),
                  data: false,
                },
              ]}
            />
          )}
          <p className="small text-secondary">
            {t('rep.returns.funds.src.rows', { rows: fund.fundRows })}
            {fund.rows.some((r) => r.usersMissing > 0) && (
              <> {t('rep.returns.funds.src.usersMissing', { count: fund.rows.reduce((s, r) => s + r.usersMissing, 0) })}</>
            )}
            {fund.allocationActs.length > 0 && (
              <>
                {' '}
                {t('rep.returns.funds.src.acts')} {names(fund.allocationActs)}
              </>
            )}
          </p>
        </div>
      ))}
      <Sources t={t}>
        <li>{t('rep.returns.funds.src.services', { count: src.services, year })}</li>
        {src.withoutFundSplit.length > 0 && (
          <li>
            {t('rep.returns.funds.src.withoutSplit', { count: src.withoutFundSplit.length })} {names(src.withoutFundSplit)}
          </li>
        )}
        <li>{t('rep.returns.funds.src.budget', { count: src.budgetRecords, year, allocations: src.allocations })}</li>
        {src.budgetRecordsWithoutYear > 0 && <li>{t('rep.returns.funds.src.withoutYear', { count: src.budgetRecordsWithoutYear })}</li>}
        <li>{t('rep.returns.funds.src.users')}</li>
      </Sources>
    </Section>
  );
}

// ——— Lombardy: area × channel ————————————————————————————————————————————————————————————————————

function AreaChannel({ data, t, f }: PartProps) {
  const { ambito, year, view } = data;
  const table = view.areaChannel;
  const cov = view.spendingCoverage;
  type Area = ReturnsView['areaChannel']['areas'][number];
  return (
    <Section
      id="spesa-area-canale"
      title={t('rep.returns.area.title', { year })}
      actions={<Download href={fileLink(ambito.code, 'spesa-area-canale.csv', year)} label={t('rep.returns.download')} />}
    >
      <p>{t(ambito.regionCode === '03' ? 'rep.returns.area.rule' : 'rep.returns.area.ruleOther')}</p>
      {cov && !cov.complete && (
        <Notice tone="warning" title={t('rep.returns.partial', { with: cov.withData, members: cov.members })}>
          {t('rep.returns.missing')} {names(cov.missing)}
        </Notice>
      )}
      <DataTable<Area>
        id="tabella-area-canale"
        caption={t('rep.returns.area.caption', { year })}
        rows={table.rows === 0 ? [] : table.areas}
        rowKey={(a) => a.code}
        empty={t('rep.returns.area.none', { year })}
        columns={[
          { key: 'area', header: t('rep.returns.area'), value: (a) => a.name, rowHeader: true },
          ...table.channels.map((c) =>
            moneyColumn<Area>(c.code, <span translate="no">{c.name}</span>, (a) => table.cells[a.code]?.[c.code] ?? 0, f.money, { csvHeader: c.name }),
          ),
          moneyColumn<Area>('totale', t('rep.returns.total'), (a) => table.rowTotals[a.code] ?? 0, f.money),
        ]}
        footer={
          table.rows > 0 ? (
            <tr>
              <th scope="row">{t('rep.returns.total')}</th>
              {table.channels.map((c) => (
                <td key={c.code} className="text-end">
                  {f.money(table.columnTotals[c.code] ?? 0)}
                </td>
              ))}
              <td className="text-end" data-testid="area-canale-totale">
                {f.money(table.grandTotal)}
              </td>
            </tr>
          ) : undefined
        }
      />
      <Sources t={t}>
        <li>{t('rep.returns.area.src.rows', { rows: table.rows, total: f.money(table.rowsSumCents) })}</li>
        <li>
          {cov === null
            ? t('rep.returns.area.none', { year })
            : cov.basis === 'ambito'
              ? t('rep.returns.area.src.ambito')
              : cov.complete
                ? t('rep.returns.area.src.complete', { members: cov.members })
                : t('rep.returns.partial', { with: cov.withData, members: cov.members })}
        </li>
        {cov && cov.outside.length > 0 && (
          <li>
            {t('rep.returns.area.src.outside')} {names(cov.outside)}
          </li>
        )}
      </Sources>
    </Section>
  );
}

// ——— FNPS matrix ————————————————————————————————————————————————————————————————————————————————

function Fnps({ data, t, f }: PartProps) {
  const { ambito, year, view, fnpsChart } = data;
  const m = view.fnps;
  const areaLabel = (a: string) => t(`rep.returns.fnps.area.${a}` as 'rep.returns.fnps.area.non_attribuita');
  const goalLabel = (g: string) => {
    const key = `rep.returns.fnps.goal.${g}`;
    const text = t(key as 'rep.returns.fnps.goal.nessuno');
    return text === key ? g : text;
  };
  const areaRows = m.areas.map((a) => ({ area: a }));
  type AreaRow = (typeof areaRows)[number];
  const matrixTable = (
    <DataTable<AreaRow>
      id="fnps-matrice"
      caption={t('rep.returns.fnps.caption', { year })}
      rows={m.totalCents > 0 ? areaRows : []}
      rowKey={(r) => r.area}
      empty={t('rep.returns.fnps.none', { year })}
      columns={[
        rowHeaderColumn<AreaRow>('area', t('rep.returns.fnps.areaHeader'), { value: (r) => r.area, render: (r) => areaLabel(r.area) }),
        ...m.goals.map((g) => moneyColumn<AreaRow>(g, goalLabel(g), (r) => m.cells[r.area]?.[g] ?? 0, f.money)),
        moneyColumn<AreaRow>('totale', t('rep.returns.total'), (r) => m.rowTotals[r.area] ?? 0, f.money),
        figureColumn<AreaRow>(
          'quota',
          t('rep.returns.fnps.shareHeader'),
          (r) => (m.totalCents > 0 ? ((m.rowTotals[r.area] ?? 0) * 100) / m.totalCents : null),
          (n) => f.percent(n, 1),
        ),
      ]}
      footer={
        m.totalCents > 0 ? (
          <tr>
            <th scope="row">{t('rep.returns.total')}</th>
            {m.goals.map((g) => (
              <td key={g} className="text-end">
                {f.money(m.columnTotals[g] ?? 0)}
              </td>
            ))}
            <td className="text-end">{f.money(m.totalCents)}</td>
            <td className="text-end">{f.percent(100, 0)}</td>
          </tr>
        ) : undefined
      }
    />
  );
  return (
    <Section
      id="fnps"
      title={t('rep.returns.fnps.title', { year })}
      actions={<Download href={fileLink(ambito.code, 'fnps-matrice.csv', year)} label={t('rep.returns.download')} />}
    >
      <p>{t('rep.returns.fnps.rule')}</p>
      <KpiGrid
        label={t('rep.returns.fnps.kpis')}
        items={[
          { label: t('rep.returns.fnps.total'), value: f.money(m.totalCents), testId: 'fnps-total' },
          { label: t('rep.returns.fnps.share'), value: f.percent(m.familySharePct, 1), testId: 'fnps-share' },
          {
            label: t(m.minimumScope === 'lombardia' ? 'rep.returns.fnps.minimumLombardy' : 'rep.returns.fnps.minimumNational'),
            value: f.percent(m.minimumPct, 0),
          },
          {
            label: t('rep.returns.fnps.met'),
            value: m.minimumMet === null ? f.na : t(m.minimumMet ? 'rep.returns.fnps.metYes' : 'rep.returns.fnps.metNo'),
            tone: m.minimumMet === false ? 'warning' : undefined,
          },
        ]}
      />
      {fnpsChart ? (
        <Chart svg={fnpsChart} caption={t('rep.returns.fnps.chart.caption')} summary={t('rep.returns.fnps.chart.summary')} tableOpen>
          {matrixTable}
        </Chart>
      ) : (
        matrixTable
      )}
      <Sources t={t}>
        <li>{t('rep.returns.fnps.src.rows', { rows: m.fundRows, year })}</li>
        {m.unattributed.length > 0 && (
          <li>
            {t('rep.returns.fnps.src.unattributed')} {names(m.unattributed)}
          </li>
        )}
        <li>{t('rep.returns.fnps.src.mapping')}</li>
      </Sources>
    </Section>
  );
}
