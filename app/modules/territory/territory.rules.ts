/** Is a membership (validFrom … validTo, both inclusive, validTo null = still valid) in force on `day` (ISO)? */
export function isInForce(m: { validFrom: string; validTo: string | null }, day: string): boolean {
  return m.validFrom <= day && (m.validTo === null || day <= m.validTo);
}

/**
 * The population of an Ambito as the sum of its comuni. Returns the total and how many comuni lack a figure,
 * so that a partial sum is never shown as if it were complete.
 */
export function populationTotal(comuni: readonly { population: number | null }[]): { total: number; missing: number } {
  let total = 0;
  let missing = 0;
  for (const c of comuni) {
    if (c.population === null) missing++;
    else total += c.population;
  }
  return { total, missing };
}

/** Each comune's share of the Ambito population, in percent with one decimal (formula: pop × 100 / total). */
export function populationShare(population: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((population * 1000) / total) / 10;
}

/** The reference date of the legal population at the 2011 census (ISTAT: 9 October 2011). */
export const CENSUS_2011_DATE = '2011-10-09';
export const CENSUS_2011_SOURCE = 'ISTAT, popolazione legale al censimento 2011';

export interface PopulationFigure {
  year: number;
  total: number;
  /** The date the figure refers to (ISO); null when the source gives only the year. */
  referenceDate: string | null;
  source: string;
}

export interface HeadlinePopulation {
  /** ambito: the Ambito's own series; comuni: the sum of every comune's figure of one year; census: the 2011 census. */
  level: 'ambito' | 'comuni' | 'census';
  total: number;
  year: number;
  referenceDate: string | null;
  source: string;
  /** How many comuni the total covers, of how many: less than all only for a census with missing comuni. */
  covered: number;
  of: number;
  /** A more recent year that only some comuni have (so not summed), with its coverage; null when there is none. */
  partial: { year: number; covered: number; of: number } | null;
}

const asOf = (f: { year: number; referenceDate: string | null }) => f.referenceDate ?? `${f.year}-12-31`;

/**
 * The population an Ambito's page shows as its headline, on `day`: the most recent figure recorded at the level shown
 * (the Ambito), never a sum of figures of different years. The Ambito's own series when it has one (latest figure
 * at or before `day`); otherwise the sum of its comuni for the latest year that every comune has; otherwise the
 * 2011 census (with how many comuni it covers). A more recent year that only some comuni have is reported as
 * `partial` («2024: 3 comuni su 9»), not summed.
 */
export function headlinePopulation(input: {
  ambitoSeries: readonly PopulationFigure[];
  comuni: readonly { id: string; population: number | null }[];
  comuniFacts: readonly (PopulationFigure & { comuneId: string })[];
  day: string;
}): HeadlinePopulation {
  const of = input.comuni.length;
  const ids = new Set(input.comuni.map((c) => c.id));
  const facts = input.comuniFacts.filter((f) => ids.has(f.comuneId) && asOf(f) <= input.day);
  const byYear = new Map<number, Map<string, PopulationFigure>>();
  for (const f of facts) {
    const year = byYear.get(f.year) ?? new Map<string, PopulationFigure>();
    year.set(f.comuneId, f);
    byYear.set(f.year, year);
  }
  const years = [...byYear.keys()].sort((a, b) => b - a);
  const complete = years.find((y) => byYear.get(y)!.size === of && of > 0);

  const series = input.ambitoSeries.filter((f) => asOf(f) <= input.day).sort((a, b) => asOf(b).localeCompare(asOf(a)));
  let headline: Omit<HeadlinePopulation, 'partial'>;
  if (series[0]) {
    const s = series[0];
    headline = { level: 'ambito', total: s.total, year: s.year, referenceDate: s.referenceDate, source: s.source, covered: of, of };
  } else if (complete !== undefined) {
    const rows = [...byYear.get(complete)!.values()];
    const dates = new Set(rows.map((r) => r.referenceDate));
    const sources = [...new Set(rows.map((r) => r.source))];
    headline = {
      level: 'comuni',
      total: rows.reduce((s, r) => s + r.total, 0),
      year: complete,
      referenceDate: dates.size === 1 ? rows[0]!.referenceDate : null,
      source: `somma dei ${of} comuni (${sources.join('; ')})`,
      covered: of,
      of,
    };
  } else {
    const { total, missing } = populationTotal(input.comuni);
    headline = { level: 'census', total, year: 2011, referenceDate: CENSUS_2011_DATE, source: CENSUS_2011_SOURCE, covered: of - missing, of };
  }
  const newer = years.find((y) => y > headline.year && byYear.get(y)!.size < of);
  return { ...headline, partial: headline.level !== 'ambito' && newer !== undefined ? { year: newer, covered: byYear.get(newer)!.size, of } : null };
}

/**
 * The total of the comuni's figures when they all refer to the same year (then their shares are comparable);
 * otherwise null with the years found and how many comuni each, so that no sum of different years is shown.
 */
export function sameYearTotal(
  items: readonly { population: number | null; year: number }[],
): { total: number; year: number } | { total: null; years: { year: number; count: number }[] } {
  const years = new Map<number, number>();
  for (const i of items) years.set(i.year, (years.get(i.year) ?? 0) + 1);
  if (years.size === 1 && items.every((i) => i.population !== null)) return { total: items.reduce((s, i) => s + i.population!, 0), year: items[0]!.year };
  return { total: null, years: [...years.entries()].sort((a, b) => b[0] - a[0]).map(([year, count]) => ({ year, count })) };
}
