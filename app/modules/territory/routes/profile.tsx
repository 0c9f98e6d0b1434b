import { data, Form, useNavigation } from 'react-router';
import type { Route } from './+types/profile';
import { ValidationError } from '../../../shared/errors.ts';
import { formAction, getActor, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { Chart } from '../../../shared/ui/chart.tsx';
import { CsrfField, IssuesAlert } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { importPopulation } from '../territory.commands.ts';
import { abilitiesFor } from '../territory.policy.ts';
import { getTerritoryProfile } from '../profile.server.ts';

const MAX_BYTES = 5 * 1024 * 1024;

export async function loader({ params, context }: Route.LoaderArgs) {
  const profile = await getTerritoryProfile(getServices(context).db, params.code);
  if (!profile) throw data('Ambito non trovato', { status: 404 });
  return { ...profile, can: abilitiesFor(getActor(context), profile.ambito) };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const profile = await getTerritoryProfile(db, params.code);
  if (!profile) throw data('Ambito non trovato', { status: 404 });
  const form = await request.formData();
  return formAction(request, async () => {
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0)
      throw new ValidationError([{ path: 'file', message: 'Scegli un file CSV da importare.' }], 'Nessun file ricevuto.');
    if (file.size > MAX_BYTES)
      throw new ValidationError([{ path: 'file', message: `Il file supera i 5 MB (${Math.round(file.size / 1024)} kB).` }], 'File troppo grande.');
    const yearRaw = String(form.get('year') ?? '').trim();
    const year = yearRaw ? Number(yearRaw) : undefined;
    if (year !== undefined && (!Number.isInteger(year) || year < 1861 || year > 2100)) {
      throw new ValidationError([{ path: 'year', message: 'Anno non valido: scrivi un anno di quattro cifre, es. 2024.' }]);
    }
    const summary = await importPopulation({ db, actor, ambitoId: profile.ambito.id, fileName: file.name || 'popolazione.csv', text: await file.text(), year });
    return { ok: true as const, summary };
  });
}

/** A factor of a formula as the source gives it: whole numbers without decimals, others with up to two. */
function factor(n: (v: number, d?: number) => string, v: number | null) {
  if (v === null) return '—';
  return Number.isInteger(v) ? n(v) : n(v, Math.round(v * 10) === v * 10 ? 1 : 2);
}

function fmtValue(n: (v: number, d?: number) => string, value: number | null, unit: string) {
  if (value === null) return '—';
  const digits = unit === 'ab./km²' ? 0 : 2;
  return `${n(value, digits)}${unit === '%' ? ' %' : unit === '‰' ? ' ‰' : ''}`;
}

export default function TerritoryProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { t, n } = useI18n();
  const p = loaderData;
  const navigation = useNavigation();
  const failed = actionData && 'fieldErrors' in actionData ? actionData : null;
  const done = actionData && 'summary' in actionData ? actionData.summary : null;
  const publishedKeys = [...new Set(p.publishedSeries.flatMap((s) => Object.keys(s.published)))];
  const comparisonKeys = (['oldAgeIndex', 'structuralDependencyIndex', 'foreignShare', 'density'] as const).filter((k) =>
    p.comparison.some((c) => c.indicators[k] != null),
  );
  const unitOf = (k: (typeof comparisonKeys)[number]) => p.publishedLabels[k]!.unit;
  return (
    <>
      <title>{`${t('profile.title.territory')} – ${p.ambito.name}`}</title>
      <h1>{t('profile.title.territory')}</h1>
      <p className="lead">{p.ambito.name}</p>

      <h2 className="h3 mt-4">{t('profile.trend')}</h2>
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
                      variation: `${p.trend.overall.variation >= 0 ? '+' : ''}${n(p.trend.overall.variation)}`,
                      percent: p.trend.overall.percent.value === null ? '—' : `${n(p.trend.overall.percent.value, 2)} %`,
                    })
                  : ''
              }
              tableId="tabella-andamento"
            />
          )}
          <div className="table-responsive">
            <table className="table" id="tabella-andamento">
              <caption>{t('profile.trend.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('profile.year')}</th>
                  <th scope="col" className="num">
                    {t('profile.population')}
                  </th>
                  <th scope="col" className="num">
                    {t('profile.variation')}
                  </th>
                  <th scope="col">{t('profile.source')}</th>
                </tr>
              </thead>
              <tbody>
                {p.trend.points.map((pt) => {
                  const ch = p.trend.changes.find((c) => c.toYear === pt.year);
                  return (
                    <tr key={pt.year}>
                      <th scope="row">{pt.year}</th>
                      <td className="num">{n(pt.total)}</td>
                      <td className="num">
                        {ch ? `${ch.variation >= 0 ? '+' : ''}${n(ch.variation)} (${ch.percent.value === null ? '—' : `${n(ch.percent.value, 2)} %`})` : '—'}
                      </td>
                      <td className="small">{pt.source}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      {publishedKeys.length > 0 && (
        <>
          <h2 className="h3 mt-5">{t('profile.indices')}</h2>
          <p>{t('profile.indices.lead')}</p>
          <div className="table-responsive">
            <table className="table table-sm" id="tabella-indici">
              <caption>{t('profile.indices.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('profile.indicator')}</th>
                  <th scope="col">{t('profile.formula')}</th>
                  {p.publishedSeries.map((s) => (
                    <th scope="col" className="num" key={s.year}>
                      {s.year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {publishedKeys.map((key) => {
                  const meta = p.publishedLabels[key]!;
                  return (
                    <tr key={key}>
                      <th scope="row">{meta.label}</th>
                      <td className="small">{meta.formula}</td>
                      {p.publishedSeries.map((s) => {
                        const v = s.published[key as keyof typeof s.published];
                        return (
                          <td className="num" key={s.year}>
                            {v ? `${n(v.value, v.decimals)}${meta.unit === '%' ? ' %' : meta.unit === '‰' ? ' ‰' : ''}` : '—'}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className={`alert ${p.identities.discrepancies.length ? 'alert-warning' : 'alert-success'}`} role="note">
            <p className="mb-1">{t('profile.identities', { ok: p.identities.ok, checks: p.identities.checks })}</p>
            {p.identities.discrepancies.length > 0 && (
              <ul className="mb-0 small">
                {p.identities.discrepancies.map((d, i) => (
                  <li key={i}>
                    {d.year}: {d.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}

      {p.indicators.some((i) => i.value !== null) && (
        <>
          <h2 className="h3 mt-5">{t('profile.computed', { year: p.latestYear ?? '' })}</h2>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t('profile.computed.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('profile.indicator')}</th>
                  <th scope="col" className="num">
                    {t('profile.value')}
                  </th>
                  <th scope="col">{t('profile.formula')}</th>
                </tr>
              </thead>
              <tbody>
                {p.indicators
                  .filter((i) => i.value !== null)
                  .map((i) => (
                    <tr key={i.key}>
                      <th scope="row">{i.label}</th>
                      <td className="num">{fmtValue(n, i.value, i.unit)}</td>
                      <td className="small">
                        {i.formula} = {factor(n, i.numerator)} ÷ {factor(n, i.denominator)}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h2 className="h3 mt-5">{t('profile.comparison')}</h2>
      <Chart
        svg={p.comuniSvg}
        caption={t('profile.comparison.caption')}
        summary={
          p.comparisonTotal === null
            ? t('profile.comparison.mixed', { years: p.comparisonYears.map((y) => `${y.year}: ${n(y.count)} comuni`).join(', ') })
            : t('profile.comparison.summary', { total: n(p.comparisonTotal), year: String(p.comparisonYear) })
        }
        tableId="tabella-comuni"
      />
      <div className="table-responsive">
        <table className="table table-striped" id="tabella-comuni">
          <caption>{t('profile.comparison.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ambito.comune')}</th>
              <th scope="col" className="num">
                {t('profile.population')}
              </th>
              <th scope="col" className="num">
                {t('profile.year')}
              </th>
              <th scope="col" className="num">
                {t('ambito.share')}
              </th>
              {comparisonKeys.map((k) => (
                <th scope="col" className="num" key={k}>
                  {p.publishedLabels[k]!.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.comparison.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td className="num">{c.population === null ? '—' : n(c.population)}</td>
                <td className="num">{c.year}</td>
                <td className="num">{c.share === null ? '—' : `${n(c.share, 1)} %`}</td>
                {comparisonKeys.map((k) => (
                  <td className="num" key={k}>
                    {fmtValue(n, c.indicators[k] ?? null, unitOf(k))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small text-secondary">{t('profile.comparison.note')}</p>

      {p.can['population.import'] && (
        <section className="mt-5" aria-labelledby="import-title">
          <h2 className="h3" id="import-title">
            {t('profile.import')}
          </h2>
          <p>{t('profile.import.lead')}</p>
          {done && (
            <div className="alert alert-success" role="status">
              {t('profile.import.done', { records: done.records, created: done.created, updated: done.updated, years: done.years.join(', ') })}
            </div>
          )}
          <IssuesAlert result={failed ?? undefined} />
          <Form method="post" encType="multipart/form-data" className="row g-3 align-items-end">
            <CsrfField />
            <div className="col-md-6">
              <label htmlFor="population-file" className="form-label fw-semibold">
                {t('profile.import.file')}
              </label>
              <input
                id="population-file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                className="form-control"
                required
                aria-describedby="population-file-hint"
              />
              <small id="population-file-hint" className="form-text d-block">
                {t('profile.import.hint')}
              </small>
            </div>
            <div className="col-md-3">
              <label htmlFor="population-year" className="form-label fw-semibold">
                {t('profile.import.year')}
              </label>
              <input id="population-year" name="year" type="number" min={1861} max={2100} inputMode="numeric" className="form-control" />
            </div>
            <div className="col-md-3">
              <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
                {navigation.state === 'submitting' ? t('profile.import.busy') : t('profile.import.submit')}
              </button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
