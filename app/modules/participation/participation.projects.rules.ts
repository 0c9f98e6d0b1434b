// Co-designed projects (co-progettazione, art. 55 c. 3 D.Lgs. 117/2017): the constants of a project's record and the
// totals of its resources. Pure: numbers in, numbers out (amounts in integer cents), tested next to this file.

/** How the partnership was formed. */
export const PROJECT_PROCEDURES = ['avviso_pubblico', 'accordo_partenariato', 'convenzione', 'altro'] as const;
export type ProjectProcedure = (typeof PROJECT_PROCEDURES)[number];

export const PROJECT_STATUSES = ['in_progettazione', 'attivo', 'concluso', 'sospeso'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The 17 goals of the 2030 Agenda with their official Italian names (UNRIC Italia / ASviS). */
export const SDG_GOALS: readonly { goal: number; name: string }[] = [
  { goal: 1, name: 'Sconfiggere la povertà' },
  { goal: 2, name: 'Sconfiggere la fame' },
  { goal: 3, name: 'Salute e benessere' },
  { goal: 4, name: 'Istruzione di qualità' },
  { goal: 5, name: 'Parità di genere' },
  { goal: 6, name: 'Acqua pulita e servizi igienico-sanitari' },
  { goal: 7, name: 'Energia pulita e accessibile' },
  { goal: 8, name: 'Lavoro dignitoso e crescita economica' },
  { goal: 9, name: 'Imprese, innovazione e infrastrutture' },
  { goal: 10, name: 'Ridurre le disuguaglianze' },
  { goal: 11, name: 'Città e comunità sostenibili' },
  { goal: 12, name: 'Consumo e produzione responsabili' },
  { goal: 13, name: 'Lotta contro il cambiamento climatico' },
  { goal: 14, name: 'Vita sott’acqua' },
  { goal: 15, name: 'Vita sulla terra' },
  { goal: 16, name: 'Pace, giustizia e istituzioni solide' },
  { goal: 17, name: 'Partnership per gli obiettivi' },
];

export const sdgName = (goal: number) => SDG_GOALS.find((g) => g.goal === goal)?.name ?? null;

export interface ResourceLine {
  projectId: string;
  fundingSource: string;
  /** Null when the act does not say which year. */
  year: number | null;
  amountCents: number;
}

export interface ResourceTotals {
  totalCents: number;
  byProject: { projectId: string; cents: number }[];
  /** By funding source as written, largest first. */
  bySource: { fundingSource: string; cents: number }[];
  /** By year, oldest first; the lines without a year last (year null). */
  byYear: { year: number | null; cents: number }[];
  /** Every (project, year) pair with resources: the chart's cells. */
  byProjectYear: { projectId: string; year: number | null; cents: number }[];
}

function sumBy<K>(lines: readonly ResourceLine[], key: (l: ResourceLine) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const l of lines) out.set(key(l), (out.get(key(l)) ?? 0) + l.amountCents);
  return out;
}

const yearOrder = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b);

/** The totals of resource lines by project, by funding source, by year and by project and year (integer cents). */
export function resourceTotals(lines: readonly ResourceLine[]): ResourceTotals {
  const projectYear = new Map<string, { projectId: string; year: number | null; cents: number }>();
  for (const l of lines) {
    const key = `${l.projectId}|${l.year ?? ''}`;
    const cell = projectYear.get(key) ?? { projectId: l.projectId, year: l.year, cents: 0 };
    cell.cents += l.amountCents;
    projectYear.set(key, cell);
  }
  return {
    totalCents: lines.reduce((s, l) => s + l.amountCents, 0),
    byProject: [...sumBy(lines, (l) => l.projectId)].map(([projectId, cents]) => ({ projectId, cents })),
    bySource: [...sumBy(lines, (l) => l.fundingSource.trim())]
      .map(([fundingSource, cents]) => ({ fundingSource, cents }))
      .sort((a, b) => b.cents - a.cents || a.fundingSource.localeCompare(b.fundingSource, 'it')),
    byYear: [...sumBy(lines, (l) => l.year)].map(([year, cents]) => ({ year, cents })).sort((a, b) => yearOrder(a.year, b.year)),
    byProjectYear: [...projectYear.values()].sort((a, b) => yearOrder(a.year, b.year)),
  };
}

/** The years a project's period covers (both ends included), or [] when the period is not known. */
export function periodYears(startsOn: string | null, endsOn: string | null): number[] {
  if (!startsOn || !endsOn) return [];
  const from = Number(startsOn.slice(0, 4));
  const to = Number(endsOn.slice(0, 4));
  if (!(to >= from)) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A resource line's year must fall within the project's period when both are known. */
export function yearOutsidePeriod(year: number | null, startsOn: string | null, endsOn: string | null): boolean {
  const years = periodYears(startsOn, endsOn);
  return year !== null && years.length > 0 && !years.includes(year);
}
