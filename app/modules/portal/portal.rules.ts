// The public portal's pure rules: which plan the portal shows, how a plan is named in its address, which result of
// an objective is the latest, which meetings are next, and how many comuni a figure covers. No I/O, no clock: the
// callers pass `today` (ISO day, Europe/Rome) and `now`.

/** Statuses of a plan after adoption that are not closed: the plan is in force (or about to be). */
const IN_FORCE = ['adopted', 'transmitted', 'implementation'];

export interface PlanChoice {
  id: string;
  status: string;
  periodStartYear: number;
  periodEndYear: number;
}

/** The `periodo` of a plan in the portal's addresses: «2025-2027» (one plan per Ambito and period). */
export const periodOf = (p: Pick<PlanChoice, 'periodStartYear' | 'periodEndYear'>) => `${p.periodStartYear}-${p.periodEndYear}`;

/**
 * The plan the portal shows by default, among the Ambito's public plans (adopted or later): the plan in force today
 * (adopted, transmitted or under way, with today's year in its period; the latest starting when periods overlap),
 * else the latest adopted one not closed (adopted before its period starts), else the latest closed one. Null when
 * the Ambito has no public plan.
 */
export function defaultPlan<P extends PlanChoice>(plans: readonly P[], today: string): P | null {
  const year = Number(today.slice(0, 4));
  const latest = (list: P[]) => [...list].sort((a, b) => b.periodStartYear - a.periodStartYear)[0] ?? null;
  const open = plans.filter((p) => IN_FORCE.includes(p.status));
  return latest(open.filter((p) => p.periodStartYear <= year && year <= p.periodEndYear)) ?? latest(open) ?? latest(plans.filter((p) => p.status === 'closed'));
}

/**
 * The plan a portal page shows: the one of the period asked for (`periodo=2021-2023`), else the default plan. A period
 * asked for that names no public plan gives null (the page answers 404); `isDefault` tells the pages whether their
 * links must carry the period.
 */
export function choosePlan<P extends PlanChoice>(plans: readonly P[], today: string, periodo: string | null): { plan: P; isDefault: boolean } | null {
  const fallback = defaultPlan(plans, today);
  if (periodo) {
    const asked = plans.find((p) => periodOf(p) === periodo.trim()) ?? null;
    return asked ? { plan: asked, isDefault: asked.id === fallback?.id } : null;
  }
  return fallback ? { plan: fallback, isDefault: true } : null;
}

/** The query string that keeps a non-default plan across the portal's links ('' for the default plan). */
export const planQuery = (choice: { plan: Pick<PlanChoice, 'periodStartYear' | 'periodEndYear'>; isDefault: boolean }) =>
  choice.isDefault ? '' : `?periodo=${periodOf(choice.plan)}`;

/** Where a monitoring period ends, as a sortable number: `2025` → 202512, `2025-S1` → 202506, `2025-Q3` → 202509. */
export function periodOrder(period: string): number | null {
  const m = /^(\d{4})(?:-([SQ])([1-4]))?$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return year * 100 + 12;
  const index = Number(m[3]);
  if (m[2] === 'S' && index > 2) return null;
  return year * 100 + (m[2] === 'S' ? index * 6 : index * 3);
}

/**
 * The latest of some results (one per indicator, with the period of its latest value, null when nothing is measured):
 * the one whose period ends last; between equal periods the first given (the plan's order). Null when none is measured.
 */
export function latestResult<R extends { period: string | null }>(results: readonly R[]): R | null {
  let best: R | null = null;
  let bestOrder = -1;
  for (const r of results) {
    const order = r.period === null ? null : periodOrder(r.period);
    if (order !== null && order > bestOrder) {
      best = r;
      bestOrder = order;
    }
  }
  return best;
}

/** The `limit` latest results of a plan, latest period first (the plan's order between equal periods), measured only. */
export function latestResults<R extends { period: string | null }>(results: readonly R[], limit: number): R[] {
  return results
    .map((r, i) => ({ r, i, order: r.period === null ? null : periodOrder(r.period) }))
    .filter((x): x is { r: R; i: number; order: number } => x.order !== null)
    .sort((a, b) => b.order - a.order || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.r);
}

/** The meetings that have not ended at `now`, soonest first, at most `limit`. */
export function nextMeetings<M extends { startsAt: string; endsAt: string }>(meetings: readonly M[], now: Date, limit: number): M[] {
  return meetings
    .filter((m) => new Date(m.endsAt).getTime() >= now.getTime())
    .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime())
    .slice(0, limit);
}

/** Sums amounts in cents by a key, largest first (ties by key), e.g. a plan's budget lines by fund. */
export function sumBy<T>(rows: readonly T[], key: (r: T) => string, cents: (r: T) => number): { key: string; cents: number }[] {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + cents(r));
  return [...out].map(([k, c]) => ({ key: k, cents: c })).sort((a, b) => b.cents - a.cents || a.key.localeCompare(b.key, 'it'));
}
