// The social-impact report's sections and the pure rules its pages and its commands share (client-safe).

/**
 * The sections a report may hold, in their default order: the plan, the participation figures, the Agenda 2030 map,
 * the co-designed projects, the LEPS reached (the social-worker ratio), the users of the services, the spending over
 * the years. Each is computed from the records of the module that owns them.
 */
export const IMPACT_SECTIONS = ['plan', 'participation', 'agenda2030', 'projects', 'leps', 'users', 'spending'] as const;
export type ImpactSectionKey = (typeof IMPACT_SECTIONS)[number];

export const IMPACT_STATUSES = ['draft', 'published'] as const;
export type ImpactStatus = (typeof IMPACT_STATUSES)[number];

/** How many years back a new report's series start by default (the year and the three before it). */
export const DEFAULT_SERIES_YEARS = 4;

export const isSectionKey = (key: string): key is ImpactSectionKey => (IMPACT_SECTIONS as readonly string[]).includes(key);

/** The sections of a new report: all of them, in the default order, without introductions. */
export const defaultSections = () => IMPACT_SECTIONS.map((key) => ({ key, intro: null as string | null }));

/**
 * The chosen sections in the order the coordinator gave: the included ones sorted by their position (ties keep the
 * default order), each with its introduction (blank → null).
 */
export function orderSections(choices: readonly { key: ImpactSectionKey; include: boolean; position: number; intro: string | null }[]) {
  return choices
    .map((c, i) => ({ ...c, i }))
    .filter((c) => c.include)
    .sort((a, b) => a.position - b.position || IMPACT_SECTIONS.indexOf(a.key) - IMPACT_SECTIONS.indexOf(b.key) || a.i - b.i)
    .map((c) => ({ key: c.key, intro: c.intro && c.intro.trim() ? c.intro.trim() : null }));
}

/** Years from `from` to `to`, both included. */
export function yearsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
