import { data, Link } from 'react-router';
import type { Route } from './+types/profile';
import { ValidationError } from '../../../shared/errors.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { serverFormat, tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { YEAR_RANGE } from '../../../shared/validation.ts';
import { Chart, DataTable, IntentField, Notice, PageHeader, Section, UploadForm, useFormResult, useI18n, type Column } from '../../../shared/ui/kit.ts';
import { importPopulation } from '../territory.commands.ts';
import { abilitiesFor, can } from '../territory.policy.ts';
import { getTerritoryProfile } from '../profile.server.ts';
import { uploadedFile } from '../upload.server.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const profile = await getTerritoryProfile(getServices(context).db, params.code);
  if (!profile) throw data(tr('terr.notFound.ambito'), { status: 404 });
  const actor = getActor(context);
  // The comuni whose figures across years the reader may open (a link on each name of the comparison table).
  const figuresOf = profile.comparison.filter((c) => can(actor, 'comune.figures', { ...profile.ambito, comuneId: c.id })).map((c) => c.id);
  return { ...profile, can: abilitiesFor(actor, profile.ambito), figuresOf };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const profile = await getTerritoryProfile(db, params.code);
  if (!profile) throw data(tr('terr.notFound.ambito'), { status: 404 });
  return intentAction(request, {
    population: async (form) => {
      const file = await uploadedFile(form, { maxMb: 5, choose: 'terr.import.chooseCsv' });
      const yearRaw = String(form.year ?? '').trim();
      const year = yearRaw ? Number(yearRaw) : undefined;
      if (year !== undefined && (!Number.isInteger(year) || year < YEAR_RANGE.min || year > YEAR_RANGE.max)) {
        throw new ValidationError([{ path: 'year', message: tr('terr.import.badYear') }]);
      }
      const s = await importPopulation({ db, actor, ambitoId: profile.ambito.id, fileName: file.name || 'popolazione.csv', text: file.text, year });
      const f = serverFormat();
      return done(
        'population',
        tr('profile.import.done', { records: f.count(s.records), created: f.count(s.created), updated: f.count(s.updated), years: s.years.join(', ') }),
        file.notice,
      );
    },
  });
}

type Unit = string;

export default function TerritoryProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const p = loaderData;
  const { errors } = useFormResult(actionData, 'population');
  /** The population import: the file (with its own hint) and, for an ISTAT table without one, the year. */
  const importWords = { label: t('profile.import.file'), hint: t('profile.import.hint'), submitLabel: t('profile.import.submit') };
  /** A value in its unit: ‰ and % with two decimals, inhabitants per km² without. */
  const inUnit = (value: number | null | undefined, unit: Unit, decimals?: number) => {
    if (value === null || value === undefined) return '—';
    const digits = decimals ?? (unit === 'ab./km²' ? 0 : 2);
    if (unit === '%') return f.percent(value, digits);
    return `${f.number(value, digits)}${unit === '‰' ? ' ‰' : ''}`;
  };
  /** A factor of a formula as the source gives it: whole numbers without decimals, others with up to two. */
  const factor = (v: number | null) => (v === null ? '—' : f.numberUpTo(v, 2));
  const label = (key: string) => t(`terr.ind.${key}` as MessageKey);
  const formula = (key: string, population: MessageKey) => t(`terr.ind.${key}.formula` as MessageKey, { population: t(population) });
  /** A consistency check of the published table in words: the figures printed, implied, the difference and tolerance. */
  const identityMessage = (d: (typeof p.identities.discrepancies)[number]) => {
    const upTo = (n: number, digits: number) => f.numberUpTo(Math.abs(n) < 5e-10 ? 0 : n, digits);
    const identity =
      d.identity === 'recomputed'
        ? t('profile.identity.recomputed', { formula: formula(d.key, d.rateBase === 'meanPopulation' ? 'terr.ind.base.mean' : 'terr.ind.base.resident') })
        : t(`profile.identity.${d.identity}`);
    const head = t('profile.identity.head', {
      code: d.code,
      year: d.year,
      label: label(d.key),
      published: f.number(d.found, d.decimals),
      identity,
      expected: upTo(d.expected, 3),
    });
    return t(d.ok ? 'profile.identity.ok' : 'profile.identity.ko', { head, difference: upTo(d.difference, 4), tolerance: upTo(d.tolerance, 4) });
  };
  const signed = (v: number) => `${v >= 0 ? '+' : ''}${f.number(v)}`;

  const publishedKeys = [...new Set(p.publishedSeries.flatMap((s) => Object.keys(s.published)))];
  const comparisonKeys = (['oldAgeIndex', 'structuralDependencyIndex', 'foreignShare', 'density'] as const).filter((k) =>
    p.comparison.some((c) => c.indicators[k] != null),
  );
  const unitOf = (k: string) => p.publishedLabels[k]!.unit;
  const computed = p.indicators.filter((i) => i.value !== null);
  const computedColumns: Column<(typeof computed)[number]>[] = [
    { key: 'indicatore', header: t('profile.indicator'), rowHeader: true, data: false, value: (i) => label(i.key) },
    { key: 'valore', header: t('profile.value'), numeric: true, value: (i) => i.value, render: (i) => inUnit(i.value, i.unit) },
    {
      key: 'formula',
      header: t('profile.formula'),
      data: false,
      sortable: false,
      className: 'small',
      render: (i) => `${formula(i.key, 'terr.ind.base.resident')} = ${factor(i.numerator)} ÷ ${factor(i.denominator)}`,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('profile.title.territory')}
        context={p.ambito.name}
        breadcrumb={[{ label: p.ambito.name, to: `/ambiti/${p.ambito.code}`, data: true }]}
        lead={<span translate="no">{p.ambito.name}</span>}
      />

      <Section id="andamento" title={t('profile.trend')}>
        {p.trend.points.length === 0 ? (
          <p>{t('profile.noSeries')}</p>
        ) : (
          <>
            {p.trend.svg && (
              <Chart
                svg={p.trend.svg}
                caption={t('profile.trend.caption', { from: p.trend.points[0]!.year, to: p.trend.points.at(-1)!.year })}
                summary={
                  p.trend.overall
                    ? t('profile.trend.summary', {
                        from: p.trend.overall.fromYear,
                        to: p.trend.overall.toYear,
                        variation: signed(p.trend.overall.variation),
                        percent: f.percent(p.trend.overall.percent.value),
                      })
                    : ''
                }
                tableId="tabella-andamento"
              />
            )}
            <DataTable
              id="tabella-andamento"
              caption={t('profile.trend.table')}
              csv="popolazione-per-anno"
              rows={p.trend.points}
              rowKey={(pt) => String(pt.year)}
              columns={[
                { key: 'anno', header: t('profile.year'), rowHeader: true, data: false, value: (pt) => pt.year },
                { key: 'popolazione', header: t('profile.population'), numeric: true, value: (pt) => pt.total, render: (pt) => f.count(pt.total) },
                {
                  key: 'variazione',
                  header: t('profile.variation'),
                  numeric: true,
                  value: (pt) => p.trend.changes.find((c) => c.toYear === pt.year)?.variation ?? null,
                  render: (pt) => {
                    const ch = p.trend.changes.find((c) => c.toYear === pt.year);
                    return ch ? `${signed(ch.variation)} (${ch.percent.value === null ? '—' : f.percent(ch.percent.value)})` : '—';
                  },
                },
                { key: 'fonte', header: t('profile.source'), value: (pt) => pt.source, className: 'small' },
              ]}
            />
          </>
        )}
      </Section>

      {publishedKeys.length > 0 && (
        <Section id="indici" title={t('profile.indices')} lead={t('profile.indices.lead')}>
          <DataTable
            id="tabella-indici"
            caption={t('profile.indices.caption')}
            small
            rows={publishedKeys}
            rowKey={(key) => key}
            columns={[
              { key: 'indicatore', header: t('profile.indicator'), rowHeader: true, data: false, value: (key) => label(key) },
              {
                key: 'formula',
                header: t('profile.formula'),
                data: false,
                sortable: false,
                className: 'small',
                render: (key) => formula(key, 'terr.ind.base.published'),
              },
              ...p.publishedSeries.map((s) => ({
                key: String(s.year),
                header: String(s.year),
                numeric: true,
                value: (key: string) => s.published[key as keyof typeof s.published]?.value ?? null,
                render: (key: string) => {
                  const v = s.published[key as keyof typeof s.published];
                  return v ? inUnit(v.value, p.publishedLabels[key]!.unit, v.decimals) : '—';
                },
              })),
            ]}
          />
          <Notice tone={p.identities.discrepancies.length ? 'warning' : 'success'}>
            <p className="mb-1">{t('profile.identities', { ok: f.count(p.identities.ok), checks: f.count(p.identities.checks) })}</p>
            {p.identities.discrepancies.length > 0 && (
              <ul className="mb-0 small">
                {p.identities.discrepancies.map((d, i) => (
                  <li key={i}>
                    {d.year}: {identityMessage(d)}
                  </li>
                ))}
              </ul>
            )}
          </Notice>
        </Section>
      )}

      {computed.length > 0 && (
        <Section id="calcolati" title={t('profile.computed', { year: p.latestYear ?? '' })}>
          <DataTable id="tabella-calcolati" caption={t('profile.computed.caption')} small rows={computed} rowKey={(i) => i.key} columns={computedColumns} />
        </Section>
      )}

      <Section id="confronto" title={t('profile.comparison')}>
        <Chart
          svg={p.comuniSvg}
          caption={t('profile.comparison.caption')}
          summary={
            p.comparisonTotal === null
              ? t('profile.comparison.mixed', {
                  years: p.comparisonYears.map((y) => t('profile.comparison.years', { year: y.year, count: f.count(y.count) })).join(', '),
                })
              : t('profile.comparison.summary', { total: f.count(p.comparisonTotal), year: String(p.comparisonYear) })
          }
          tableId="tabella-comuni"
        />
        <DataTable
          id="tabella-comuni"
          caption={t('profile.comparison.table')}
          csv="comuni-popolazione"
          rows={p.comparison}
          rowKey={(c) => c.id}
          columns={[
            {
              key: 'comune',
              header: t('ambito.comune'),
              rowHeader: true,
              value: (c) => c.name,
              render: (c) => (p.figuresOf.includes(c.id) ? <Link to={`/ambiti/${p.ambito.code}/comuni/${c.istatCode}/dati`}>{c.name}</Link> : c.name),
            },
            {
              key: 'popolazione',
              header: t('profile.population'),
              numeric: true,
              value: (c) => c.population,
              render: (c) => (c.population === null ? '—' : f.count(c.population)),
            },
            { key: 'anno', header: t('profile.year'), numeric: true, value: (c) => c.year },
            { key: 'quota', header: t('ambito.share'), numeric: true, value: (c) => c.share, render: (c) => (c.share === null ? '—' : f.percent(c.share, 1)) },
            ...comparisonKeys.map((k) => ({
              key: k,
              header: label(k),
              numeric: true,
              value: (c: (typeof p.comparison)[number]) => c.indicators[k] ?? null,
              render: (c: (typeof p.comparison)[number]) => inUnit(c.indicators[k] ?? null, unitOf(k)),
            })),
          ]}
        />
        <p className="small text-secondary">{t('profile.comparison.note')}</p>
      </Section>

      {p.can['population.import'] && (
        <Section id="importa" title={t('profile.import')} lead={t('profile.import.lead')}>
          <UploadForm intent="population" actionData={actionData} accept=".csv,text/csv" {...importWords}>
            <IntentField intent="population" name="year" label={t('profile.import.year')} error={errors.year}>
              {(props) => <input type="number" min={YEAR_RANGE.min} max={YEAR_RANGE.max} inputMode="numeric" {...props} />}
            </IntentField>
          </UploadForm>
        </Section>
      )}
    </>
  );
}
