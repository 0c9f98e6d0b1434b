import type { DbOrTx } from '../../shared/db/client.ts';
import { barChart, lineChart } from '../../shared/charts/charts.ts';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import {
  checkDemographicIdentities,
  computeIndicators,
  INDICATORS,
  populationTrend,
  type IndicatorKey,
  type PopulationFacts,
  type PublishedIndicators,
  type PublishedTableRow,
} from './demography.rules.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { getAmbitoOverview, listAmbitoPopulation, listComuniPopulation } from './territory.queries.ts';
import { populationShare, sameYearTotal } from './territory.rules.ts';
import type { PopulationFactsRow } from './territory.schema.ts';

const toFacts = (r: PopulationFactsRow): PopulationFacts => ({
  year: r.year,
  total: r.total,
  males: r.males,
  females: r.females,
  age0to14: r.age0to14,
  age15to64: r.age15to64,
  age65plus: r.age65plus,
  age75plus: r.age75plus,
  age0to17: r.age0to17,
  births: r.births,
  deaths: r.deaths,
  migrationBalance: r.migrationBalance,
  foreigners: r.foreigners,
  olderAlone: r.olderAlone,
  areaKm2: r.areaKm2,
});

/** Indicators shown in the comparison across comuni (the ones computable from ISTAT's yearly age file). */
const COMPARISON: IndicatorKey[] = ['oldAgeIndex', 'ageingIndex', 'structuralDependencyIndex', 'elderlyDependencyIndex', 'foreignShare', 'density'];

/**
 * The context profile of an Ambito: the population trend, the demographic indicators of the latest year with
 * their formulas (computed from the facts, or as published when the source gives only the indicator), the checks
 * of the published table's identities, and the comparison across the member comuni — with its charts as SVG.
 */
export async function getTerritoryProfile(db: DbOrTx, code: string) {
  const overview = await getAmbitoOverview(db, code);
  if (!overview) return null;
  const { ambito } = overview;
  const ambitoRows = await listAmbitoPopulation(db, ambito.id);
  const comuniRows = await listComuniPopulation(db, ambito.id);

  // The Ambito series: published Ambito totals where they exist, else the sum of the comuni for complete years.
  const byYear = new Map<number, { total: number; source: string }>();
  const comuniByYear = new Map<number, PopulationFactsRow[]>();
  for (const r of comuniRows) comuniByYear.set(r.year, [...(comuniByYear.get(r.year) ?? []), r]);
  for (const [year, rows] of comuniByYear) {
    if (rows.length === overview.comuni.length) byYear.set(year, { total: rows.reduce((s, r) => s + r.total, 0), source: tr('profile.sumOfComuni') });
  }
  for (const r of ambitoRows) byYear.set(r.year, { total: r.total, source: r.source });
  const trend = populationTrend([...byYear.entries()].map(([year, v]) => ({ year, total: v.total })));

  const latestAmbito = ambitoRows.at(-1) ?? null;
  const previousAmbito = ambitoRows.at(-2) ?? null;
  const indicators = latestAmbito
    ? computeIndicators(toFacts(latestAmbito), { populationAtStart: previousAmbito?.year === latestAmbito.year - 1 ? previousAmbito.total : null }).map(
        (ind) => ({
          ...ind,
          published: ((latestAmbito.published ?? {}) as PublishedIndicators)[ind.key] ?? null,
        }),
      )
    : [];
  const publishedSeries = ambitoRows.map((r) => ({ year: r.year, published: (r.published ?? {}) as PublishedIndicators }));
  const identities = checkDemographicIdentities(
    ambitoRows.map((r): PublishedTableRow => ({ ...toFacts(r), code: ambito.code, published: (r.published ?? {}) as PublishedIndicators })),
  );

  // Comparison across comuni: the latest facts of each comune, or its 2011 census population.
  const latestByComune = new Map<string, PopulationFactsRow>();
  for (const r of comuniRows) latestByComune.set(r.comuneId!, r);
  const comparison = overview.comuni.map((c) => {
    const facts = latestByComune.get(c.id);
    const population = facts?.total ?? c.population;
    const values = facts ? computeIndicators(toFacts(facts)).filter((i) => COMPARISON.includes(i.key)) : [];
    return {
      id: c.id,
      name: c.name,
      istatCode: c.istatCode,
      isCapofila: c.isCapofila,
      population,
      year: facts?.year ?? 2011,
      source: facts ? facts.source : 'ISTAT, censimento 2011',
      indicators: Object.fromEntries(values.map((i) => [i.key, i.value])) as Partial<Record<IndicatorKey, number | null>>,
    };
  });
  // A total (and shares of it) only when every comune's figure is of the same year: never a sum of different years.
  const comparisonSum = sameYearTotal(comparison);
  const comparisonTotal = comparisonSum.total;

  const trendSvg =
    trend.points.length > 0
      ? renderChartSvg(
          lineChart({
            categories: trend.points.map((p) => String(p.year)),
            series: [{ name: tr('profile.chart.population'), values: trend.points.map((p) => p.total) }],
          }),
          { width: 720, height: 300 },
        )
      : null;
  const comuniSvg = renderChartSvg(barChart({ name: tr('profile.chart.comuni'), points: comparison.map((c) => ({ label: c.name, value: c.population })) }), {
    width: 720,
    height: Math.max(160, comparison.length * 34),
  });

  return {
    ambito,
    trend: {
      points: trend.points.map((p) => ({ ...p, source: byYear.get(p.year)!.source })),
      changes: trend.changes,
      overall: trend.overall,
      svg: trendSvg,
    },
    latestYear: latestAmbito?.year ?? null,
    indicators,
    publishedSeries,
    publishedLabels: Object.fromEntries(Object.entries(INDICATORS).map(([k, v]) => [k, { label: v.label, unit: v.unit, formula: v.formula }])),
    identities: {
      checks: identities.checks.length,
      discrepancies: identities.discrepancies,
      ok: identities.checks.filter((c) => c.ok).length,
    },
    comparison: comparison.map((c) => ({
      ...c,
      share: c.population === null || comparisonTotal === null ? null : populationShare(c.population, comparisonTotal),
    })),
    comparisonTotal,
    comparisonYear: 'year' in comparisonSum ? comparisonSum.year : null,
    comparisonYears: 'years' in comparisonSum ? comparisonSum.years : [],
    comuniSvg,
  };
}
