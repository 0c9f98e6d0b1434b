// Indicatori demografici del capitolo «Dati di contesto e quadro della conoscenza» del Piano di Zona
// (DGR XII/2167/2024, Linee di indirizzo per la programmazione sociale territoriale 2025-2027, Regione Lombardia).
// Definizioni: ISTAT, glossario degli indicatori demografici (indice di vecchiaia, indici di dipendenza, tassi
// generici per 1.000 abitanti). Pure functions: no I/O, no clock; every indicator keeps its formula.

/** What is known about a population in one year (a comune, an Ambito or any other territory). Counts are people. */
export interface PopulationFacts {
  year: number;
  /** Resident population (the stock the record refers to, e.g. at 31/12 or at 1/1). */
  total: number;
  males?: number | null;
  females?: number | null;
  age0to14?: number | null;
  age15to64?: number | null;
  age65plus?: number | null;
  age75plus?: number | null;
  age0to17?: number | null;
  /** Live births in the year. */
  births?: number | null;
  deaths?: number | null;
  /** Total migration balance of the year (registrations − cancellations, all reasons); may be negative. */
  migrationBalance?: number | null;
  foreigners?: number | null;
  /** People aged 65 and over who live alone. */
  olderAlone?: number | null;
  areaKm2?: number | null;
}

type Field = Exclude<keyof PopulationFacts, 'year'>;

/** Italian names of the facts, used in `missing` and in formulas. */
export const FACT_LABELS: Record<Field, string> = {
  total: 'popolazione totale',
  males: 'maschi',
  females: 'femmine',
  age0to14: 'popolazione di 0-14 anni',
  age15to64: 'popolazione di 15-64 anni',
  age65plus: 'popolazione di 65 anni e più',
  age75plus: 'popolazione di 75 anni e più',
  age0to17: 'popolazione di 0-17 anni',
  births: 'nati vivi',
  deaths: 'morti',
  migrationBalance: 'saldo migratorio totale',
  foreigners: 'stranieri residenti',
  olderAlone: 'anziani (65 anni e più) che vivono soli',
  areaKm2: 'superficie in km²',
};

export const INDICATOR_KEYS = [
  'oldAgeIndex',
  'ageingIndex',
  'structuralDependencyIndex',
  'elderlyDependencyIndex',
  'birthRate',
  'deathRate',
  'naturalGrowthRate',
  'migrationRate',
  'totalGrowthRate',
  'foreignShare',
  'density',
  'over75Share',
  'minorShare',
  'olderAloneShare',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
export type IndicatorUnit = '%' | '‰' | 'ab./km²' | 'indice';

export interface Indicator {
  key: IndicatorKey;
  label: string;
  /** Unrounded; null when a fact is missing or the denominator is zero (never NaN). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  formula: string;
  unit: IndicatorUnit;
  /** What is needed and absent (Italian), empty when value is a number. */
  missing: string[];
}

/**
 * Denominator of the crude rates (natalità, mortalità, crescita, migratorio). The plans' tables divide by the
 * population figure they print: the ATS Brescia table in the Sebino plan (seed 003, L2919-L2961) is reproduced
 * exactly with `population` for all 15 territories. ISTAT's own rates use the mean population of the year
 * ((1/1 + 31/12) ÷ 2): choose `meanPopulation` and pass the population at the start of the year.
 */
export type RateBase = 'population' | 'meanPopulation';
export interface RateOptions {
  rateBase?: RateBase;
  /** Population at 1 January (or 31/12 of the previous year); needed with `meanPopulation`. */
  populationAtStart?: number | null;
}

interface Term {
  field: Field;
  sign: 1 | -1;
}

interface Spec {
  label: string;
  unit: IndicatorUnit;
  scale: number;
  numerator: Term[];
  /** A list of facts summed, or 'population' for the crude-rate denominator (total or mean population). */
  denominator: Term[] | 'population';
  formula: string;
}

const plus = (field: Field): Term => ({ field, sign: 1 });
const minus = (field: Field): Term => ({ field, sign: -1 });

/** An indicator as (Σ numerator ÷ denominator) × scale, in its unit. */
const ratio =
  (unit: IndicatorUnit, scale: number) =>
  (label: string, numerator: Term[], denominator: Spec['denominator'], formula: string): Spec => ({ label, unit, scale, numerator, denominator, formula });
/** ISTAT indices (× 100). */
const index = ratio('indice', 100);
const percent = ratio('%', 100);
/** Crude rates per 1.000 inhabitants: denominator 'population' (see RateBase). */
const perThousand = ratio('‰', 1000);

export const INDICATORS: Record<IndicatorKey, Spec> = {
  oldAgeIndex: index('Indice di vecchiaia', [plus('age65plus')], [plus('age0to14')], 'popolazione di 65 anni e più ÷ popolazione di 0-14 anni × 100'),
  ageingIndex: percent('Indice di invecchiamento', [plus('age65plus')], [plus('total')], 'popolazione di 65 anni e più ÷ popolazione totale × 100'),
  structuralDependencyIndex: index(
    'Indice di dipendenza strutturale',
    [plus('age0to14'), plus('age65plus')],
    [plus('age15to64')],
    '(popolazione di 0-14 anni + popolazione di 65 anni e più) ÷ popolazione di 15-64 anni × 100',
  ),
  elderlyDependencyIndex: index(
    'Indice di dipendenza degli anziani',
    [plus('age65plus')],
    [plus('age15to64')],
    'popolazione di 65 anni e più ÷ popolazione di 15-64 anni × 100',
  ),
  birthRate: perThousand('Tasso di natalità', [plus('births')], 'population', 'nati vivi nell’anno ÷ {popolazione} × 1.000'),
  deathRate: perThousand('Tasso di mortalità', [plus('deaths')], 'population', 'morti nell’anno ÷ {popolazione} × 1.000'),
  naturalGrowthRate: perThousand(
    'Tasso di crescita naturale',
    [plus('births'), minus('deaths')],
    'population',
    '(nati vivi − morti) ÷ {popolazione} × 1.000 (= tasso di natalità − tasso di mortalità)',
  ),
  migrationRate: perThousand(
    'Tasso migratorio totale',
    [plus('migrationBalance')],
    'population',
    'saldo migratorio totale (iscritti − cancellati) ÷ {popolazione} × 1.000',
  ),
  totalGrowthRate: perThousand(
    'Tasso di crescita totale',
    [plus('births'), minus('deaths'), plus('migrationBalance')],
    'population',
    '(nati vivi − morti + saldo migratorio totale) ÷ {popolazione} × 1.000 (= tasso di crescita naturale + tasso migratorio totale)',
  ),
  foreignShare: percent('Percentuale di stranieri residenti', [plus('foreigners')], [plus('total')], 'stranieri residenti ÷ popolazione totale × 100'),
  density: ratio('ab./km²', 1)('Densità abitativa', [plus('total')], [plus('areaKm2')], 'popolazione totale ÷ superficie in km²'),
  over75Share: percent('Percentuale di over 75', [plus('age75plus')], [plus('total')], 'popolazione di 75 anni e più ÷ popolazione totale × 100'),
  minorShare: percent('Percentuale di minori (0-17 anni)', [plus('age0to17')], [plus('total')], 'popolazione di 0-17 anni ÷ popolazione totale × 100'),
  olderAloneShare: percent(
    'Percentuale di anziani soli',
    [plus('olderAlone')],
    [plus('age65plus')],
    'anziani (65 anni e più) che vivono soli ÷ popolazione di 65 anni e più × 100',
  ),
};

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function sumTerms(facts: PopulationFacts, terms: Term[]): { value: number | null; missing: string[] } {
  const missing: string[] = [];
  let value = 0;
  for (const { field, sign } of terms) {
    const v = facts[field];
    if (isNumber(v)) value += sign * v;
    else missing.push(FACT_LABELS[field]);
  }
  return missing.length ? { value: null, missing } : { value, missing };
}

function termsLabel(terms: Term[]): string {
  return terms.map((t) => FACT_LABELS[t.field]).join(' + ');
}

/** Computes one indicator from the facts, with its formula; null (and what is missing) when it cannot. */
export function computeIndicator(key: IndicatorKey, facts: PopulationFacts, options: RateOptions = {}): Indicator {
  const spec = INDICATORS[key];
  const num = sumTerms(facts, spec.numerator);
  let den: { value: number | null; missing: string[] };
  let denLabel: string;
  let formula = spec.formula;
  if (spec.denominator === 'population') {
    if ((options.rateBase ?? 'population') === 'meanPopulation') {
      formula = formula.replace('{popolazione}', 'popolazione media dell’anno ((popolazione a inizio anno + popolazione a fine anno) ÷ 2)');
      denLabel = 'popolazione media dell’anno';
      const start = options.populationAtStart;
      den = isNumber(start) ? { value: (start + facts.total) / 2, missing: [] } : { value: null, missing: ['popolazione a inizio anno'] };
    } else {
      formula = formula.replace('{popolazione}', 'popolazione residente');
      denLabel = FACT_LABELS.total;
      den = sumTerms(facts, [plus('total')]);
    }
  } else {
    den = sumTerms(facts, spec.denominator);
    denLabel = termsLabel(spec.denominator);
  }
  const missing = [...num.missing, ...den.missing];
  if (den.value !== null && den.value <= 0) missing.push(`${denLabel} maggiore di zero`);
  const value = missing.length === 0 && num.value !== null && den.value !== null ? (num.value / den.value) * spec.scale : null;
  return { key, label: spec.label, value, numerator: num.value, denominator: den.value, formula, unit: spec.unit, missing };
}

export const oldAgeIndex = (f: PopulationFacts) => computeIndicator('oldAgeIndex', f);
export const ageingIndex = (f: PopulationFacts) => computeIndicator('ageingIndex', f);
export const structuralDependencyIndex = (f: PopulationFacts) => computeIndicator('structuralDependencyIndex', f);
export const elderlyDependencyIndex = (f: PopulationFacts) => computeIndicator('elderlyDependencyIndex', f);
export const birthRate = (f: PopulationFacts, o?: RateOptions) => computeIndicator('birthRate', f, o);
export const deathRate = (f: PopulationFacts, o?: RateOptions) => computeIndicator('deathRate', f, o);
export const naturalGrowthRate = (f: PopulationFacts, o?: RateOptions) => computeIndicator('naturalGrowthRate', f, o);
export const migrationRate = (f: PopulationFacts, o?: RateOptions) => computeIndicator('migrationRate', f, o);
export const totalGrowthRate = (f: PopulationFacts, o?: RateOptions) => computeIndicator('totalGrowthRate', f, o);
export const foreignShare = (f: PopulationFacts) => computeIndicator('foreignShare', f);
export const density = (f: PopulationFacts) => computeIndicator('density', f);
export const over75Share = (f: PopulationFacts) => computeIndicator('over75Share', f);
export const minorShare = (f: PopulationFacts) => computeIndicator('minorShare', f);
export const olderAloneShare = (f: PopulationFacts) => computeIndicator('olderAloneShare', f);

/** Every indicator, in the order the regional template's context chapter presents them. */
export function computeIndicators(facts: PopulationFacts, options: RateOptions = {}): Indicator[] {
  return INDICATOR_KEYS.map((key) => computeIndicator(key, facts, options));
}

// ---------------------------------------------------------------------------------------------------------------
// Yearly trend of a population series.

export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
  formula: string;
}

export interface PopulationChange {
  fromYear: number;
  toYear: number;
  from: number;
  to: number;
  /** to − from (people). */
  variation: number;
  /** Variation as a percentage of the starting population. */
  percent: Ratio;
}

function change(a: { year: number; total: number }, b: { year: number; total: number }): PopulationChange {
  const variation = b.total - a.total;
  return {
    fromYear: a.year,
    toYear: b.year,
    from: a.total,
    to: b.total,
    variation,
    percent: {
      numerator: variation,
      denominator: a.total,
      value: a.total > 0 ? (variation / a.total) * 100 : null,
      formula: `(popolazione ${b.year} − popolazione ${a.year}) ÷ popolazione ${a.year} × 100`,
    },
  };
}

/**
 * Year-on-year variation (people and %) of a population series, plus the variation from the first to the last
 * year. The series is sorted by year; a year given twice is a programming error.
 */
export function populationTrend(series: readonly { year: number; total: number }[]): {
  points: { year: number; total: number }[];
  changes: PopulationChange[];
  overall: PopulationChange | null;
} {
  const points = [...series].map(({ year, total }) => ({ year, total })).sort((a, b) => a.year - b.year);
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.year === points[i - 1]!.year) throw new RangeError(`L’anno ${points[i]!.year} compare due volte nella serie della popolazione.`);
  }
  const changes = points.slice(1).map((p, i) => change(points[i]!, p));
  const overall = points.length >= 2 ? change(points[0]!, points[points.length - 1]!) : null;
  return { points, changes, overall };
}

// ---------------------------------------------------------------------------------------------------------------
// Aggregation (Ambito = Σ comuni).

/** Every fact of a population record (all of them are counts or areas, so all can be summed). */
export const FACT_FIELDS = Object.keys(FACT_LABELS) as Field[];

/** The facts of a record as a stored row holds them: every fact, null where the record lacks it. */
export function factValues(facts: PopulationFacts): Record<Field, number | null> & { total: number } {
  return { ...(Object.fromEntries(FACT_FIELDS.map((f) => [f, facts[f] ?? null])) as Record<Field, number | null>), total: facts.total };
}

/**
 * Sums the facts of several territories of the same year (e.g. the comuni of an Ambito). A fact is summed only
 * when every territory has it; otherwise it is null and listed in `incomplete` with how many territories lack it.
 */
export function aggregateFacts(
  year: number,
  parts: readonly PopulationFacts[],
): { facts: PopulationFacts; incomplete: { field: Field; label: string; lacking: number }[] } {
  if (parts.length === 0) throw new RangeError('Non ci sono territori da sommare.');
  const wrongYear = parts.find((p) => p.year !== year);
  if (wrongYear) throw new RangeError(`Non si possono sommare dati di anni diversi (${wrongYear.year} invece di ${year}).`);
  const sums: Partial<Record<Field, number | null>> = {};
  const incomplete: { field: Field; label: string; lacking: number }[] = [];
  for (const field of FACT_FIELDS) {
    const lacking = parts.filter((p) => !isNumber(p[field])).length;
    if (lacking > 0) {
      sums[field] = null;
      incomplete.push({ field, label: FACT_LABELS[field], lacking });
      continue;
    }
    const sum = parts.reduce((s, p) => s + (p[field] as number), 0);
    // Areas are decimals: keep the sum free of binary floating-point noise (77,4 + 0,1 is not 77,50000000000001).
    sums[field] = field === 'areaKm2' ? Math.round(sum * 1e6) / 1e6 : sum;
  }
  const facts: PopulationFacts = { ...sums, year, total: sums.total ?? 0 };
  return { facts, incomplete };
}

// ---------------------------------------------------------------------------------------------------------------
// Identities of a published table.

/** A figure as printed in a plan: its value and how many decimals it was rounded to. */
export interface PublishedValue {
  value: number;
  decimals: number;
}
export type PublishedIndicators = Partial<Record<IndicatorKey, PublishedValue>>;

/** One row of a published table: the facts it gives and the indicators it prints. */
export interface PublishedTableRow extends PopulationFacts {
  /** The territory (comune ISTAT code or Ambito code), used in messages and to find the previous year. */
  code: string;
  published?: PublishedIndicators;
}

export type IdentityKind = 'rates' | 'coherence' | 'recomputed';

export interface IdentityCheck {
  code: string;
  year: number;
  kind: IdentityKind;
  key: IndicatorKey;
  /** Which identity (the page says it in words): a rate or coherence identity, or the recomputation of the indicator. */
  identity: IdentityId;
  /** The rate base of a recomputed rate (which population divides). */
  rateBase: RateBase;
  /** How many decimals the table prints the figure with. */
  decimals: number;
  /** What the other figures imply (unrounded). */
  expected: number;
  /** What the table prints. */
  found: number;
  difference: number;
  /** The largest difference rounding alone can explain. */
  tolerance: number;
  ok: boolean;
}

export type IdentityId =
  'naturalFromRates' | 'totalFromNatural' | 'totalFromRates' | 'structuralFromOldAge' | 'ageingFromStructural' | 'ageingFromOldAge' | 'recomputed';

export interface IdentityReport {
  checks: IdentityCheck[];
  discrepancies: IdentityCheck[];
  /** Printed indicators that cannot be recomputed because the table does not give the facts behind them. */
  unverifiable: { code: string; year: number; key: IndicatorKey; label: string; missing: string[] }[];
}

const EPSILON = 1e-9;
const halfUnit = (p: PublishedValue) => 0.5 * 10 ** -p.decimals;

/** Range of f over the box of the inputs' rounding intervals (f is monotone in each input on that box). */
function rangeOver(inputs: PublishedValue[], f: (...v: number[]) => number): { min: number; max: number; central: number } {
  let min = Infinity;
  let max = -Infinity;
  const corners = 2 ** inputs.length;
  for (let mask = 0; mask < corners; mask++) {
    const v = f(...inputs.map((p, i) => p.value + ((mask >> i) & 1 ? halfUnit(p) : -halfUnit(p))));
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { min, max, central: f(...inputs.map((p) => p.value)) };
}

/**
 * Checks a published demographic table against itself and against its facts:
 * - rates: crescita naturale = natalità − mortalità; crescita totale = crescita naturale + migratorio;
 * - coherence of the printed indices (they share one population, so dipendenza strutturale =
 *   dipendenza anziani × (1 + 100 ÷ vecchiaia) and invecchiamento = 100 × dipendenza anziani ÷ (100 + strutturale));
 * - recomputed: every printed indicator whose facts the table gives is recomputed with the formulas above.
 * Each check allows exactly the error that rounding to the printed decimals can cause.
 */
export function checkDemographicIdentities(rows: readonly PublishedTableRow[], options: { rateBase?: RateBase } = {}): IdentityReport {
  const checks: IdentityCheck[] = [];
  const unverifiable: IdentityReport['unverifiable'] = [];

  const push = (
    row: PublishedTableRow,
    kind: IdentityKind,
    key: IndicatorKey,
    identity: IdentityId,
    found: PublishedValue,
    range: { min: number; max: number; central: number },
  ) => {
    const h = halfUnit(found);
    const ok = range.min <= found.value + h + EPSILON && range.max >= found.value - h - EPSILON;
    const tolerance = Math.max(range.max - range.central, range.central - range.min) + h;
    const difference = found.value - range.central;
    checks.push({
      code: row.code,
      year: row.year,
      kind,
      key,
      identity,
      rateBase: options.rateBase ?? 'population',
      decimals: found.decimals,
      expected: range.central,
      found: found.value,
      difference,
      tolerance,
      ok,
    });
  };

  for (const row of rows) {
    const p = row.published ?? {};
    // 1. Rate identities.
    if (p.naturalGrowthRate && p.birthRate && p.deathRate) {
      push(
        row,
        'rates',
        'naturalGrowthRate',
        'naturalFromRates',
        p.naturalGrowthRate,
        rangeOver([p.birthRate, p.deathRate], (b, d) => b - d),
      );
    }
    if (p.totalGrowthRate && p.naturalGrowthRate && p.migrationRate) {
      push(
        row,
        'rates',
        'totalGrowthRate',
        'totalFromNatural',
        p.totalGrowthRate,
        rangeOver([p.naturalGrowthRate, p.migrationRate], (n, m) => n + m),
      );
    } else if (p.totalGrowthRate && p.birthRate && p.deathRate && p.migrationRate) {
      push(
        row,
        'rates',
        'totalGrowthRate',
        'totalFromRates',
        p.totalGrowthRate,
        rangeOver([p.birthRate, p.deathRate, p.migrationRate], (b, d, m) => b - d + m),
      );
    }
    // 2. Coherence of the printed indices.
    if (p.structuralDependencyIndex && p.elderlyDependencyIndex && p.oldAgeIndex) {
      push(
        row,
        'coherence',
        'structuralDependencyIndex',
        'structuralFromOldAge',
        p.structuralDependencyIndex,
        rangeOver([p.elderlyDependencyIndex, p.oldAgeIndex], (a, v) => a * (1 + 100 / v)),
      );
    }
    if (p.ageingIndex && p.elderlyDependencyIndex && p.structuralDependencyIndex) {
      push(
        row,
        'coherence',
        'ageingIndex',
        'ageingFromStructural',
        p.ageingIndex,
        rangeOver([p.elderlyDependencyIndex, p.structuralDependencyIndex], (a, s) => (100 * a) / (100 + s)),
      );
    } else if (p.ageingIndex && p.elderlyDependencyIndex && p.oldAgeIndex) {
      push(
        row,
        'coherence',
        'ageingIndex',
        'ageingFromOldAge',
        p.ageingIndex,
        rangeOver([p.elderlyDependencyIndex, p.oldAgeIndex], (a, v) => (100 * a) / (100 + a * (1 + 100 / v))),
      );
    }
    // 3. Recomputation from the facts.
    const rateOptions: RateOptions = { rateBase: options.rateBase ?? 'population' };
    if (rateOptions.rateBase === 'meanPopulation') {
      rateOptions.populationAtStart = rows.find((r) => r.code === row.code && r.year === row.year - 1)?.total ?? null;
    }
    for (const key of INDICATOR_KEYS) {
      const printed = p[key];
      if (!printed) continue;
      const computed = computeIndicator(key, row, rateOptions);
      if (computed.value === null) {
        unverifiable.push({ code: row.code, year: row.year, key, label: computed.label, missing: computed.missing });
        continue;
      }
      const v = computed.value;
      push(row, 'recomputed', key, 'recomputed', printed, { min: v, max: v, central: v });
    }
  }
  return { checks, discrepancies: checks.filter((c) => !c.ok), unverifiable };
}
