// The rules of the regional workspace, as plain functions: the figures of one Ambito as a row of the table (per
// inhabitant figures with their formula), the size classes, the filters, the sort (missing values last), the median
// and the distribution of a measure across the Ambiti shown. No database, no React: the page, the exports and the
// tests use the same functions.
import type { SpendingRegionFigures } from '../finance/index.server.ts';
import type { LepsRegionFigures } from '../leps/index.server.ts';
import type { MonitoringRegionFigures } from '../monitoring/index.server.ts';
import type { ParticipationRegionFigures } from '../participation/index.server.ts';
import type { PlanRegionFigures } from '../planning/index.server.ts';
import type { TerritoryRegionFigures } from '../territory/index.server.ts';

/**
 * The figures of one Ambito for one year, as the refresh stores them: one read of each module's face (the same
 * functions as the Ambito's own pages), kept as they are.
 */
export interface AmbitoFigures {
  territory: TerritoryRegionFigures;
  plan: PlanRegionFigures;
  spending: SpendingRegionFigures;
  monitoring: MonitoringRegionFigures;
  leps: LepsRegionFigures;
  participation: ParticipationRegionFigures;
}

/** An Ambito's stored figures with who it is and when they were computed. */
export interface StoredFigures {
  ambitoId: string;
  ambitoCode: string;
  ambitoName: string;
  regionCode: string;
  regionName: string;
  figures: AmbitoFigures;
  computedAt: string;
  /** A write about the Ambito came after the figures were computed: the refresh is queued. */
  stale: boolean;
}

/** The year a page opens on without one asked: the latest with figures up to this year, else this year. */
export function defaultYear(yearsWithFigures: readonly number[], currentYear: number): number {
  return [...yearsWithFigures].sort((a, b) => b - a).find((y) => y <= currentYear) ?? currentYear;
}

/** Size classes of an Ambito by its population (the filter «dimensione»). */
export const SIZE_CLASSES = ['fino_50000', 'da_50000_a_100000', 'oltre_100000'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export function sizeClassOf(population: number | null): SizeClass | null {
  if (population === null) return null;
  if (population <= 50_000) return 'fino_50000';
  if (population <= 100_000) return 'da_50000_a_100000';
  return 'oltre_100000';
}

/** Cents per inhabitant (rounded to the cent), null without a population. Formula: amount ÷ population. */
export function perInhabitantCents(cents: number, population: number | null): number | null {
  if (population === null || population <= 0) return null;
  return Math.round(cents / population);
}

/** One row of the table: the stored figures flattened, with the derived figures computed here, once. */
export interface WorkspaceRow {
  ambitoId: string;
  ambitoCode: string;
  ambitoName: string;
  regionCode: string;
  regionName: string;
  /** The province with most of the Ambito's comuni (the filter), and all of them. */
  provinceCode: string | null;
  provinceName: string | null;
  provinces: string[];
  healthAuthority: string | null;
  healthTrust: string | null;
  comuni: number;
  population: number | null;
  populationYear: number | null;
  populationComuni: number;
  sizeClass: SizeClass | null;
  planTitle: string | null;
  planStatus: string | null;
  planPeriod: string | null;
  adoptedOn: string | null;
  objectives: number;
  actions: number;
  indicators: number;
  budgetCents: number;
  budgetPerInhabitantCents: number | null;
  budgetScope: 'year' | 'period';
  budgetByArea: Record<string, number>;
  budgetByFund: Record<string, number>;
  spendingCents: number;
  spendingPerInhabitantCents: number | null;
  spendingByArea: Record<string, number>;
  spendingByChannel: Record<string, number>;
  coverageWithData: number;
  coverageMembers: number;
  coverageAmbitoRows: boolean;
  /** Share of the indicators with a target whose status is «raggiunto», as a fraction (null without targets). */
  targets: AmbitoFigures['monitoring']['targets'];
  onTrackShare: number | null;
  evaluation: AmbitoFigures['monitoring']['evaluation'];
  closedPlanTitle: string | null;
  leps: AmbitoFigures['leps'];
  participation: AmbitoFigures['participation'];
  computedAt: string;
  stale: boolean;
}

/** The target status that counts in the share of indicators whose target is reached (monitoring's TargetStatus). */
export const ON_TRACK_STATUSES = new Set(['raggiunto']);

export function toRow(s: StoredFigures): WorkspaceRow {
  const f = s.figures;
  const mainProvince = f.territory.provinces[0] ?? null;
  const population = f.territory.population;
  const targets = f.monitoring.targets;
  const withTarget = targets?.withTarget ?? 0;
  const onTrack = targets ? Object.entries(targets.byStatus).reduce((n, [k, v]) => n + (ON_TRACK_STATUSES.has(k) ? v : 0), 0) : 0;
  return {
    ambitoId: s.ambitoId,
    ambitoCode: s.ambitoCode,
    ambitoName: s.ambitoName,
    regionCode: s.regionCode,
    regionName: s.regionName,
    provinceCode: mainProvince?.code ?? null,
    provinceName: mainProvince?.name ?? null,
    provinces: f.territory.provinces.map((p) => p.name),
    healthAuthority: f.territory.healthAuthority,
    healthTrust: f.territory.healthTrust,
    comuni: f.territory.comuni,
    population,
    populationYear: f.territory.populationYear,
    populationComuni: f.territory.populationComuni,
    sizeClass: sizeClassOf(population),
    planTitle: f.plan.plan?.title ?? null,
    planStatus: f.plan.plan?.status ?? null,
    planPeriod: f.plan.plan ? `${f.plan.plan.periodStartYear}–${f.plan.plan.periodEndYear}` : null,
    adoptedOn: f.plan.plan?.adoptedOn ?? null,
    objectives: f.plan.objectives,
    actions: f.plan.actions,
    indicators: f.plan.indicators,
    budgetCents: f.plan.budget.totalCents,
    budgetPerInhabitantCents: perInhabitantCents(f.plan.budget.totalCents, population),
    budgetScope: f.plan.budget.scope,
    budgetByArea: f.plan.budget.byArea,
    budgetByFund: f.plan.budget.byFund,
    spendingCents: f.spending.totalCents,
    spendingPerInhabitantCents: f.spending.rows > 0 ? perInhabitantCents(f.spending.totalCents, population) : null,
    spendingByArea: f.spending.byArea,
    spendingByChannel: f.spending.byChannel,
    coverageWithData: f.spending.coverage.withData,
    coverageMembers: f.spending.coverage.members,
    coverageAmbitoRows: f.spending.coverage.ambitoRows,
    targets,
    onTrackShare: withTarget > 0 ? onTrack / withTarget : null,
    evaluation: f.monitoring.evaluation,
    closedPlanTitle: f.plan.closedPlan?.title ?? null,
    leps: f.leps,
    participation: f.participation,
    computedAt: s.computedAt,
    stale: s.stale,
  };
}

// ——— Filters ————————————————————————————————————————————————————————————————————————————————————————————

export interface WorkspaceFilters {
  province: string | null;
  healthAuthority: string | null;
  size: SizeClass | null;
  region: string | null;
}

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/** Reads the filters from the query string; unknown values are ignored (the page shows every Ambito). */
export function parseFilters(params: URLSearchParams): WorkspaceFilters {
  const text = (k: string) => {
    const v = params.get(k)?.trim();
    return v ? v.slice(0, 200) : null;
  };
  return { province: text('provincia'), healthAuthority: text('ats'), size: oneOf(text('dimensione'), SIZE_CLASSES), region: text('regione') };
}

export function applyFilters(rows: readonly WorkspaceRow[], f: WorkspaceFilters): WorkspaceRow[] {
  return rows.filter(
    (r) =>
      (!f.province || r.provinceCode === f.province) &&
      (!f.healthAuthority || r.healthAuthority === f.healthAuthority) &&
      (!f.size || r.sizeClass === f.size) &&
      (!f.region || r.regionCode === f.region),
  );
}

/** The choices of the filters, from the rows of the whole scope (not only the ones shown). */
export function filterChoices(rows: readonly WorkspaceRow[]) {
  const provinces = new Map<string, string>();
  const authorities = new Set<string>();
  const regions = new Map<string, string>();
  for (const r of rows) {
    if (r.provinceCode) provinces.set(r.provinceCode, r.provinceName ?? r.provinceCode);
    if (r.healthAuthority) authorities.add(r.healthAuthority);
    regions.set(r.regionCode, r.regionName);
  }
  const byName = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1], 'it');
  return {
    provinces: [...provinces].sort(byName).map(([code, name]) => ({ code, name })),
    healthAuthorities: [...authorities].sort((a, b) => a.localeCompare(b, 'it')),
    regions: [...regions].sort(byName).map(([code, name]) => ({ code, name })),
  };
}

// ——— Measures: sort keys, charts, medians ——————————————————————————————————————————————————————————————

export const MEASURES = [
  'popolazione',
  'comuni',
  'obiettivi',
  'risorse_per_abitante',
  'spesa_per_abitante',
  'copertura',
  'target_raggiunti',
  'abitanti_per_as',
  'gap_leps',
  'partecipazione',
] as const;
export type Measure = (typeof MEASURES)[number];
export const SORT_KEYS = ['ambito', 'stato', ...MEASURES] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The charted measures (a number per Ambito). */
export const CHART_MEASURES: readonly Measure[] = [
  'spesa_per_abitante',
  'risorse_per_abitante',
  'abitanti_per_as',
  'target_raggiunti',
  'gap_leps',
  'popolazione',
];

/** Participation as one number: the tables, needs, proposals and co-design projects recorded (null when none at all). */
const participationTotal = (p: WorkspaceRow['participation']) => (p.recorded ? p.tables + p.needs + p.proposals + p.projects : null);

/** The value of a measure for a row (null when it cannot be computed: missing population, no data…). */
export function measureValue(r: WorkspaceRow, m: Measure): number | null {
  switch (m) {
    case 'popolazione':
      return r.population;
    case 'comuni':
      return r.comuni;
    case 'obiettivi':
      return r.planTitle === null ? null : r.objectives;
    case 'risorse_per_abitante':
      return r.budgetPerInhabitantCents;
    case 'spesa_per_abitante':
      return r.spendingPerInhabitantCents;
    case 'copertura':
      return r.coverageAmbitoRows ? 1 : r.coverageMembers > 0 ? r.coverageWithData / r.coverageMembers : null;
    case 'target_raggiunti':
      return r.onTrackShare;
    case 'abitanti_per_as':
      return r.leps.inhabitantsPerWorker;
    case 'gap_leps':
      return r.leps.gapLepsFte;
    case 'partecipazione':
      return participationTotal(r.participation);
  }
}

/** Plan statuses from the furthest along (planning's workflow); a closed plan last. */
export const PLAN_STATUS_ORDER = ['implementation', 'transmitted', 'adopted', 'consultation', 'draft', 'closed'];

export function parseSort(key: string | null, direction: string | null): { key: SortKey; direction: 'asc' | 'desc' } {
  return { key: oneOf(key, SORT_KEYS) ?? 'ambito', direction: direction === 'disc' || direction === 'desc' ? 'desc' : 'asc' };
}

/** Sorted by a key: values missing last in both directions, ties by the Ambito's name. */
export function sortRows(rows: readonly WorkspaceRow[], key: SortKey, direction: 'asc' | 'desc'): WorkspaceRow[] {
  const sign = direction === 'desc' ? -1 : 1;
  const byName = (a: WorkspaceRow, b: WorkspaceRow) => a.ambitoName.localeCompare(b.ambitoName, 'it');
  if (key === 'ambito') return [...rows].sort((a, b) => sign * byName(a, b));
  const value = (r: WorkspaceRow): number | string | null => {
    if (key === 'stato') {
      if (r.planStatus === null) return null;
      const i = PLAN_STATUS_ORDER.indexOf(r.planStatus);
      return i === -1 ? PLAN_STATUS_ORDER.length : i;
    }
    return measureValue(r, key);
  };
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return byName(a, b);
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    return c === 0 ? byName(a, b) : sign * c;
  });
}

/** The median of the values (the mean of the two middle ones for an even count); null with no value. */
export function median(values: readonly (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** The median of every measure over the rows (the whole Region, not only the filtered rows). */
export function medians(rows: readonly WorkspaceRow[]): Record<Measure, number | null> {
  return Object.fromEntries(MEASURES.map((m) => [m, median(rows.map((r) => measureValue(r, m)))])) as Record<Measure, number | null>;
}

/**
 * The distribution of a measure: `bins` equal-width classes between the smallest and the largest value (each class
 * [from, to), the last one closed), with how many Ambiti fall in each; the Ambiti without a value are counted apart.
 */
export function distribution(values: readonly (number | null)[], bins = 8): { classes: { from: number; to: number; count: number }[]; missing: number } {
  const present = values.filter((x): x is number => x !== null && Number.isFinite(x));
  const missing = values.length - present.length;
  if (present.length === 0) return { classes: [], missing };
  const min = Math.min(...present);
  const max = Math.max(...present);
  if (min === max) return { classes: [{ from: min, to: max, count: present.length }], missing };
  const n = Math.max(1, Math.min(bins, present.length));
  const width = (max - min) / n;
  const classes = Array.from({ length: n }, (_, i) => ({ from: min + i * width, to: i === n - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (const v of present) classes[Math.min(n - 1, Math.floor((v - min) / width))]!.count++;
  return { classes, missing };
}
