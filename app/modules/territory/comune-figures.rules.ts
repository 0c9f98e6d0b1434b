/**
 * A comune's figures across years beside the Ambito's, pure: social spending (total, per inhabitant, the comune's
 * share of the Ambito, the change from the year before), users per area, social workers in FTE at 31 December.
 *
 * The Ambito's figure of a year follows finance's coverage rule (finance/spending-coverage.rules.ts): the rows
 * recorded for the Ambito as a whole when the year has them, otherwise the sum of the comuni that were members in
 * that year, complete only when every member has data ("dati di 3 comuni su 9"). A partial sum is shown as such: its
 * per-inhabitant figure uses the population of the comuni with data only, it is not drawn in the chart, and no share
 * of it is computed. A missing figure is never 0: it is null with the reason (a code the page says in words).
 */

/** Why a figure is not available. */
export type MissingReason =
  | 'noComuneSpending'
  | 'noAmbitoSpending'
  | 'noMembers'
  | 'noComunePopulation'
  | 'noAmbitoPopulation'
  | 'noPartialPopulation'
  | 'partialAmbito'
  | 'zeroAmbito'
  | 'noPreviousYear'
  | 'zeroPreviousYear'
  | 'noStaff'
  | 'noComuneStaff'
  | 'noComuneUsers'
  | 'noAmbitoUsers'
  | 'usersNotRecorded';

/** A figure or the reason it is missing (value null ⇔ reason set). */
export interface Figure {
  value: number | null;
  reason: MissingReason | null;
}

const present = (value: number): Figure => ({ value, reason: null });
const missing = (reason: MissingReason): Figure => ({ value: null, reason });

/** Coverage of a year as finance gives it (basis, members in that year, members with data). */
export interface YearCoverage {
  year: number;
  basis: 'ambito' | 'comuni';
  members: readonly { istatCode: string; name: string }[];
  withData: readonly { istatCode: string; name: string }[];
  complete: boolean;
}

/** The Ambito's figure of a year, with whose data it is made of. */
export interface AmbitoFigure extends Figure {
  basis: 'ambito' | 'comuni' | null;
  /** Members with data and members in that year ("dati di N comuni su M"); 0/0 for the Ambito's own rows. */
  withData: number;
  members: number;
  /** True when the figure is a sum of some members only. */
  partial: boolean;
}

export interface FiguresInput {
  comune: { istatCode: string };
  /** The comune's spending rows (any area and channel). */
  comuneSpending: readonly { year: number; amountCents: number }[];
  /** The comune's users rows (users null = not recorded). */
  comuneUsers: readonly { year: number; area: string; users: number | null }[];
  /** Every spending row of the Ambito: of a comune (istatCode) or of the Ambito as a whole (istatCode null). */
  ambitoSpending: readonly { year: number; istatCode: string | null; amountCents: number }[];
  ambitoUsers: readonly { year: number; istatCode: string | null; area: string; users: number | null }[];
  spendingCoverage: readonly YearCoverage[];
  usersCoverage: readonly YearCoverage[];
  /** Population at the end of each year: the Ambito's own published totals and the comuni's figures. */
  population: {
    ambito: readonly { year: number; total: number }[];
    comuni: readonly { year: number; istatCode: string; total: number }[];
  };
  /** Social workers in FTE at 31 December of each year (computed by leps' staffFteOn), the comune's and the Ambito's. */
  staff: readonly { year: number; comune: { posts: number; fte: number }; ambito: { posts: number; fte: number } }[];
}

export interface YearFigures {
  year: number;
  population: { comune: Figure; ambito: Figure };
  spending: {
    comune: Figure;
    /** Cents per inhabitant. */
    comunePerInhabitant: Figure;
    ambito: AmbitoFigure;
    /** Cents per inhabitant; `partial` when it is the per-inhabitant figure of the comuni with data only. */
    ambitoPerInhabitant: Figure & { partial: boolean };
    /** The comune's spending as a percentage of the Ambito's. */
    share: Figure;
    /** Change of the comune's spending from the year before, in percent (with the difference in cents). */
    comuneChange: Figure & { differenceCents: number | null };
    ambitoChange: Figure & { differenceCents: number | null };
  };
  staff: { comune: Figure & { posts: number }; ambito: Figure & { posts: number } };
}

export interface UsersRow {
  year: number;
  area: string;
  comune: Figure;
  ambito: AmbitoFigure;
  /** The comune's users as a percentage of the Ambito's (complete Ambito figures only). */
  share: Figure;
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/** Cents per inhabitant, rounded to the cent; null when the population is not known. */
export function centsPerInhabitant(cents: number, population: number | null): number | null {
  if (population === null || population <= 0) return null;
  return Math.round(cents / population);
}

/** part × 100 / whole; null when the whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : (part * 100) / whole;
}

/** Change from `previous` to `current` in percent of `previous` (null when `previous` is 0). */
export function changeFrom(previous: number, current: number): { difference: number; percent: number | null } {
  return { difference: current - previous, percent: previous === 0 ? null : ((current - previous) * 100) / previous };
}

/**
 * The rows that make the Ambito's figure of a year: its own rows when the coverage's basis is 'ambito', otherwise
 * the rows of the comuni that were members in that year (rows of a former member are not part of it).
 */
function ambitoDataset<R extends { year: number; istatCode: string | null }>(rows: readonly R[], coverage: YearCoverage | undefined): R[] {
  if (!coverage) return [];
  const ofYear = rows.filter((r) => r.year === coverage.year);
  if (coverage.basis === 'ambito') return ofYear.filter((r) => r.istatCode === null);
  const members = new Set(coverage.members.map((m) => m.istatCode));
  return ofYear.filter((r) => r.istatCode !== null && members.has(r.istatCode));
}

/** The Ambito's figure from its dataset: a sum with the coverage, or the reason it is missing. */
function ambitoFigure(values: readonly number[], coverage: YearCoverage | undefined, none: MissingReason): AmbitoFigure {
  if (!coverage) return { ...missing(none), basis: null, withData: 0, members: 0, partial: false };
  const counts = { basis: coverage.basis, withData: coverage.withData.length, members: coverage.members.length };
  if (coverage.basis === 'comuni' && coverage.members.length === 0) return { ...missing('noMembers'), ...counts, partial: false };
  if (values.length === 0) return { ...missing(none), ...counts, partial: false };
  return { ...present(sum(values)), ...counts, partial: !coverage.complete };
}

/** The population of the Ambito at the end of a year: its published total, else the sum of every member's. */
function ambitoPopulation(input: FiguresInput, year: number, coverage: YearCoverage | undefined): number | null {
  const own = input.population.ambito.find((p) => p.year === year);
  if (own) return own.total;
  const members = coverage?.members ?? [];
  const rows = members.map((m) => input.population.comuni.find((p) => p.year === year && p.istatCode === m.istatCode));
  return members.length > 0 && rows.every(Boolean) ? sum(rows.map((r) => r!.total)) : null;
}

/** The population of some comuni at the end of a year, when every one of them has it. */
function populationOf(input: FiguresInput, year: number, istatCodes: readonly string[]): number | null {
  const rows = istatCodes.map((c) => input.population.comuni.find((p) => p.year === year && p.istatCode === c));
  return istatCodes.length > 0 && rows.every(Boolean) ? sum(rows.map((r) => r!.total)) : null;
}

/** Every year with at least one figure of the comune or of the Ambito (spending, users, social workers), oldest first. */
export function yearsWithFigures(input: FiguresInput): number[] {
  const years = new Set<number>([
    ...input.comuneSpending.map((r) => r.year),
    ...input.comuneUsers.map((r) => r.year),
    ...input.ambitoSpending.map((r) => r.year),
    ...input.ambitoUsers.map((r) => r.year),
    ...input.staff.filter((s) => s.ambito.posts > 0).map((s) => s.year),
  ]);
  return [...years].sort((a, b) => a - b);
}

/** The comune's and the Ambito's figures of every year with any figure. */
export function comuneFiguresByYear(input: FiguresInput): YearFigures[] {
  const years = yearsWithFigures(input);
  const spendingCoverage = new Map(input.spendingCoverage.map((c) => [c.year, c]));
  const comuneTotal = (year: number): number | null => {
    const rows = input.comuneSpending.filter((r) => r.year === year);
    return rows.length ? sum(rows.map((r) => r.amountCents)) : null;
  };
  const ambitoTotal = (year: number): AmbitoFigure => {
    const coverage = spendingCoverage.get(year);
    return ambitoFigure(
      ambitoDataset(input.ambitoSpending, coverage).map((r) => r.amountCents),
      coverage,
      'noAmbitoSpending',
    );
  };
  return years.map((year): YearFigures => {
    const coverage = spendingCoverage.get(year);
    const comunePopulation = input.population.comuni.find((p) => p.year === year && p.istatCode === input.comune.istatCode)?.total ?? null;
    const ambitoPop = ambitoPopulation(input, year, coverage);

    const own = comuneTotal(year);
    const comune = own === null ? missing('noComuneSpending') : present(own);
    const comunePerInhabitant =
      own === null
        ? missing('noComuneSpending')
        : comunePopulation === null
          ? missing('noComunePopulation')
          : present(centsPerInhabitant(own, comunePopulation)!);

    const ambito = ambitoTotal(year);
    let ambitoPerInhabitant: Figure & { partial: boolean };
    if (ambito.value === null) ambitoPerInhabitant = { ...missing(ambito.reason!), partial: false };
    else if (!ambito.partial)
      ambitoPerInhabitant =
        ambitoPop === null
          ? { ...missing('noAmbitoPopulation'), partial: false }
          : { ...present(centsPerInhabitant(ambito.value, ambitoPop)!), partial: false };
    else {
      const withDataPopulation = populationOf(
        input,
        year,
        (coverage?.withData ?? []).map((c) => c.istatCode),
      );
      ambitoPerInhabitant =
        withDataPopulation === null
          ? { ...missing('noPartialPopulation'), partial: true }
          : { ...present(centsPerInhabitant(ambito.value, withDataPopulation)!), partial: true };
    }

    let share: Figure;
    if (own === null) share = missing('noComuneSpending');
    else if (ambito.value === null) share = missing(ambito.reason!);
    else if (ambito.partial) share = missing('partialAmbito');
    else share = percentOf(own, ambito.value) === null ? missing('zeroAmbito') : present(percentOf(own, ambito.value)!);

    const previous = comuneTotal(year - 1);
    const comuneChange =
      own === null
        ? { ...missing('noComuneSpending'), differenceCents: null }
        : previous === null
          ? { ...missing('noPreviousYear'), differenceCents: null }
          : (() => {
              const c = changeFrom(previous, own);
              return c.percent === null
                ? { ...missing('zeroPreviousYear'), differenceCents: c.difference }
                : { ...present(c.percent), differenceCents: c.difference };
            })();
    const previousAmbito = ambitoTotal(year - 1);
    const ambitoChange =
      ambito.value === null
        ? { ...missing(ambito.reason!), differenceCents: null }
        : ambito.partial
          ? { ...missing('partialAmbito'), differenceCents: null }
          : previousAmbito.value === null || previousAmbito.partial
            ? { ...missing('noPreviousYear'), differenceCents: null }
            : (() => {
                const c = changeFrom(previousAmbito.value, ambito.value);
                return c.percent === null
                  ? { ...missing('zeroPreviousYear'), differenceCents: c.difference }
                  : { ...present(c.percent), differenceCents: c.difference };
              })();

    const staff = input.staff.find((s) => s.year === year);
    const staffFigures =
      !staff || staff.ambito.posts === 0
        ? { comune: { ...missing('noStaff'), posts: 0 }, ambito: { ...missing('noStaff'), posts: 0 } }
        : {
            comune: staff.comune.posts === 0 ? { ...missing('noComuneStaff'), posts: 0 } : { ...present(staff.comune.fte), posts: staff.comune.posts },
            ambito: { ...present(staff.ambito.fte), posts: staff.ambito.posts },
          };

    return {
      year,
      population: {
        comune: comunePopulation === null ? missing('noComunePopulation') : present(comunePopulation),
        ambito: ambitoPop === null ? missing('noAmbitoPopulation') : present(ambitoPop),
      },
      spending: { comune, comunePerInhabitant, ambito, ambitoPerInhabitant, share, comuneChange, ambitoChange },
      staff: staffFigures,
    };
  });
}

/**
 * Users per area and year: the comune's count beside the Ambito's (its own rows, or the sum of the members with
 * data, with the coverage of the users' table). A blank count (users null) is "not recorded", never zero; an Ambito
 * sum that leaves out a blank count is partial.
 */
export function usersByYearAndArea(input: Pick<FiguresInput, 'comuneUsers' | 'ambitoUsers' | 'usersCoverage'>, areaOrder: readonly string[] = []): UsersRow[] {
  const coverage = new Map(input.usersCoverage.map((c) => [c.year, c]));
  const keys = new Map<string, { year: number; area: string }>();
  for (const r of [...input.comuneUsers, ...input.ambitoUsers]) keys.set(`${r.year}|${r.area}`, { year: r.year, area: r.area });
  const position = (area: string) => {
    const i = areaOrder.indexOf(area);
    return i === -1 ? areaOrder.length : i;
  };
  return [...keys.values()]
    .sort((a, b) => a.year - b.year || position(a.area) - position(b.area) || a.area.localeCompare(b.area))
    .map(({ year, area }): UsersRow => {
      const own = input.comuneUsers.find((r) => r.year === year && r.area === area);
      const comune = !own ? missing('noComuneUsers') : own.users === null ? missing('usersNotRecorded') : present(own.users);
      const cov = coverage.get(year);
      const rows = ambitoDataset(input.ambitoUsers, cov).filter((r) => r.area === area);
      const counted = rows.filter((r) => r.users !== null).map((r) => r.users!);
      let ambito = ambitoFigure(counted, cov, rows.length > 0 ? 'usersNotRecorded' : 'noAmbitoUsers');
      if (ambito.value !== null && counted.length < rows.length) ambito = { ...ambito, partial: true };
      const share =
        comune.value === null
          ? missing(comune.reason!)
          : ambito.value === null
            ? missing(ambito.reason!)
            : ambito.partial
              ? missing('partialAmbito')
              : percentOf(comune.value, ambito.value) === null
                ? missing('zeroAmbito')
                : present(percentOf(comune.value, ambito.value)!);
      return { year, area, comune, ambito, share };
    });
}

/** One line of the sources table: which figure of which year, its source text, how many rows, when last written. */
export interface SourceLine {
  figure: 'comuneSpending' | 'comuneUsers' | 'ambitoSpending' | 'ambitoUsers' | 'comunePopulation' | 'ambitoPopulation' | 'staff';
  year: number | null;
  source: string;
  rows: number;
  /** ISO timestamp of the latest write among the rows. */
  updatedAt: string;
}

/** Rows with a source, grouped by figure, year and source text; the latest write of each group; newest year first. */
export function groupSources(rows: readonly { figure: SourceLine['figure']; year: number | null; source: string; updatedAt: Date | string }[]): SourceLine[] {
  const groups = new Map<string, SourceLine>();
  for (const r of rows) {
    const at = typeof r.updatedAt === 'string' ? r.updatedAt : r.updatedAt.toISOString();
    const key = `${r.figure}|${r.year ?? ''}|${r.source}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { figure: r.figure, year: r.year, source: r.source, rows: 1, updatedAt: at });
    else {
      g.rows++;
      if (at > g.updatedAt) g.updatedAt = at;
    }
  }
  const order: SourceLine['figure'][] = ['comuneSpending', 'comuneUsers', 'staff', 'comunePopulation', 'ambitoSpending', 'ambitoUsers', 'ambitoPopulation'];
  return [...groups.values()].sort(
    (a, b) => (b.year ?? 0) - (a.year ?? 0) || order.indexOf(a.figure) - order.indexOf(b.figure) || a.source.localeCompare(b.source, 'it'),
  );
}
