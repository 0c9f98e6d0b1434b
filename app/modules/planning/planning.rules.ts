// Pure rules of the planning module: the status workflow, budget totals, completeness and the variance of a
// plan against its approved baseline.
import type { PlanDocument, PlanStatus } from './plan-document.schema.ts';

/**
 * Allowed status changes. Forward along bozza → in consultazione → adottato → trasmesso → in attuazione → chiuso;
 * back only from "in consultazione" to "bozza" (the text goes back to the office). Adoption freezes the baseline.
 */
export const TRANSITIONS: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['consultation'],
  consultation: ['draft', 'adopted'],
  adopted: ['transmitted'],
  transmitted: ['implementation'],
  implementation: ['closed'],
  closed: [],
};

export function canTransition(from: PlanStatus, to: PlanStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses in which the plan's content can still change (as a draft, or as variations after adoption). */
export const isEditable = (status: PlanStatus) => status !== 'closed';
/** Statuses after adoption: changes are variations against the baseline. */
export const isAdopted = (status: PlanStatus) => ['adopted', 'transmitted', 'implementation', 'closed'].includes(status);

export interface BudgetRow {
  objectiveCode: string;
  /** The area the objective is counted under: its macro-area (the plan's section), so that areas add up to the total. */
  area: string;
  fund: string;
  year: number | null;
  amountCents: number;
}

/**
 * Budget totals in cents: overall, by objective, by fund, by year ("triennio" when a line is not split by year) and
 * by area (each objective counts under one area, so that areas add up to the total).
 */
export function budgetTotals(rows: readonly BudgetRow[]) {
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const byObjective = new Map<string, number>();
  const byFund = new Map<string, number>();
  const byYear = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    total += r.amountCents;
    add(byObjective, r.objectiveCode, r.amountCents);
    add(byFund, r.fund, r.amountCents);
    add(byYear, r.year === null ? 'triennio' : String(r.year), r.amountCents);
    add(byArea, r.area, r.amountCents);
  }
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { total, byObjective: sorted(byObjective), byFund: sorted(byFund), byYear: [...byYear.entries()].sort(), byArea: sorted(byArea) };
}

export interface CompletenessInput {
  code: string;
  title: string;
  requiredCardKeys: readonly string[];
  card: Record<string, unknown>;
  actions: { number: string; indicators: number }[];
  indicators: { code: string; targets: number }[];
  budgetLines: number;
}

/** What is incomplete in an objective, in Italian, so the office knows what is left to write. */
export function incompleteItems(o: CompletenessInput): string[] {
  const items: string[] = [];
  const missing = o.requiredCardKeys.filter((k) => {
    const v = o.card[k];
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  });
  if (missing.length) items.push(`${missing.length} ${missing.length === 1 ? 'campo obbligatorio' : 'campi obbligatori'} della scheda da compilare`);
  if (o.actions.length === 0) items.push('nessuna azione');
  for (const a of o.actions) if (a.indicators === 0) items.push(`l’azione ${a.number} non ha indicatori`);
  for (const i of o.indicators) if (i.targets === 0) items.push(`l’indicatore ${i.code} non ha target`);
  if (o.budgetLines === 0) items.push('nessuna risorsa preventivata');
  return items;
}

export interface VarianceItem {
  objectiveCode: string | null;
  what: string;
  before: string | null;
  after: string | null;
}

/** JSON with object keys sorted: stored documents (jsonb) do not keep key order, so compare canonically. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
}

const show = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : stableJson(v));

/**
 * What changed in a plan against its approved baseline: objectives added or removed, and for each objective the
 * fields, actions, indicators (with targets) and budget lines that differ.
 */
export function planVariance(baseline: PlanDocument, current: PlanDocument): VarianceItem[] {
  const out: VarianceItem[] = [];
  const before = new Map(baseline.objectives.map((o) => [o.code, o]));
  const after = new Map(current.objectives.map((o) => [o.code, o]));
  for (const [code, o] of after) if (!before.has(code)) out.push({ objectiveCode: code, what: 'obiettivo aggiunto', before: null, after: o.title });
  for (const [code, o] of before) if (!after.has(code)) out.push({ objectiveCode: code, what: 'obiettivo eliminato', before: o.title, after: null });
  for (const [code, b] of before) {
    const a = after.get(code);
    if (!a) continue;
    for (const key of ['title', 'priority', 'macroArea', 'policyAreas', 'description'] as const) {
      if (show(a[key]) !== show(b[key])) out.push({ objectiveCode: code, what: key, before: show(b[key]), after: show(a[key]) });
    }
    const keys = new Set([...Object.keys(b.card), ...Object.keys(a.card)]);
    for (const k of keys) if (show(a.card[k]) !== show(b.card[k])) out.push({ objectiveCode: code, what: `scheda: ${k}`, before: show(b.card[k]), after: show(a.card[k]) });
    const actionsB = new Map(b.actions.map((x) => [x.number, x]));
    const actionsA = new Map(a.actions.map((x) => [x.number, x]));
    for (const [n, x] of actionsA) {
      const y = actionsB.get(n);
      if (!y) out.push({ objectiveCode: code, what: `azione ${n} aggiunta`, before: null, after: x.description });
      else if (stableJson(x) !== stableJson(y)) out.push({ objectiveCode: code, what: `azione ${n} modificata`, before: y.description, after: x.description });
    }
    for (const [n, y] of actionsB) if (!actionsA.has(n)) out.push({ objectiveCode: code, what: `azione ${n} eliminata`, before: y.description, after: null });
    const budget = (o: typeof a) => o.budget.reduce((s, l) => s + l.amountCents, 0);
    if (budget(a) !== budget(b)) out.push({ objectiveCode: code, what: 'risorse preventivate (centesimi)', before: String(budget(b)), after: String(budget(a)) });
    if (stableJson(a.indicators) !== stableJson(b.indicators)) out.push({ objectiveCode: code, what: 'indicatori dell’obiettivo', before: null, after: null });
  }
  if (current.plan.title !== baseline.plan.title) out.push({ objectiveCode: null, what: 'titolo del piano', before: baseline.plan.title, after: current.plan.title });
  return out;
}
