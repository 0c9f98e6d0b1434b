// Pure rules of the planning module: the status workflow, budget totals, completeness and the variance of a
// plan against its approved baseline.
import type { IndicatorAggregation, PlanDocument, PlanStatus } from './plan-document.schema.ts';

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

/** A required field of the regional card, with what it is about (its rows may live in actions, indicators, budget). */
export interface CardFieldRule {
  key: string;
  label?: string;
  type: string;
  indicatorLevel?: string;
}

export interface CompletenessInput {
  code: string;
  title: string;
  requiredFields: readonly CardFieldRule[];
  card: Record<string, unknown>;
  actions: { number: string; indicators: number }[];
  indicators: { code: string; targets: number; level: string }[];
  budgetLines: number;
}

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Whether a card field is filled. The rows the card keeps in structured form read the real data: «azioni
 * programmate» (actions) is filled by the objective's actions, the indicator rows by its indicators (see below),
 * «risultati attesi» (results) by indicators with targets, «risorse economiche» (money) by budget lines; a text
 * written in the card counts too.
 */
export function cardFieldFilled(field: CardFieldRule, o: Pick<CompletenessInput, 'card' | 'actions' | 'indicators' | 'budgetLines'>): boolean {
  if (!blank(o.card[field.key])) return true;
  switch (field.type) {
    case 'actions':
      return o.actions.length > 0;
    case 'indicators':
      // Impact (outcome) and input rows need indicators of their level; the rows of the actions' indicators
      // (process, output) are filled by any indicator of an action — the card prints them per action, whatever the level.
      if (field.indicatorLevel === 'outcome' || field.indicatorLevel === 'input') return o.indicators.some((i) => i.level === field.indicatorLevel);
      return o.actions.some((a) => a.indicators > 0) || o.indicators.some((i) => !field.indicatorLevel || i.level === field.indicatorLevel);
    case 'results':
      return o.indicators.some((i) => i.targets > 0);
    case 'money':
      return o.budgetLines > 0;
    default:
      return false;
  }
}

/** What is incomplete in an objective, in Italian, so the office knows what is left to write. */
export function incompleteItems(o: CompletenessInput): string[] {
  const items: string[] = [];
  const missing = o.requiredFields.filter((f) => !cardFieldFilled(f, o));
  if (missing.length) items.push(`${missing.length} ${missing.length === 1 ? 'campo obbligatorio' : 'campi obbligatori'} della scheda da compilare`);
  if (o.actions.length === 0) items.push('nessuna azione');
  for (const a of o.actions) if (a.indicators === 0) items.push(`l’azione ${a.number} non ha indicatori`);
  for (const i of o.indicators) if (i.targets === 0) items.push(`l’indicatore ${i.code} non ha target`);
  if (o.budgetLines === 0) items.push('nessuna risorsa preventivata');
  return items;
}

/** A completeness rule of the template (template.schema.ts, `adoption.completeness`). */
export interface CompletenessRule {
  rule: 'min_objectives' | 'required_card_fields' | 'actions_per_objective' | 'indicators_per_action' | 'budget_per_objective';
  min?: number;
}

/**
 * Why a plan cannot be adopted yet under its template's completeness rules, in Italian (empty = complete).
 * Card and per-objective rules apply to the ordinary objectives (the LEPS cards follow their own card).
 */
export function adoptionProblems(rules: readonly CompletenessRule[], objectives: readonly (CompletenessInput & { kind: string })[]): string[] {
  const out: string[] = [];
  const ordinary = objectives.filter((o) => o.kind === 'ordinary');
  for (const r of rules) {
    const min = r.min ?? 1;
    switch (r.rule) {
      case 'min_objectives':
        if (objectives.length < min) out.push(`Il piano ha ${objectives.length} obiettivi: ne servono almeno ${min}.`);
        break;
      case 'required_card_fields':
        for (const o of ordinary) {
          const missing = o.requiredFields.filter((f) => !cardFieldFilled(f, o));
          if (missing.length)
            out.push(
              `Obiettivo ${o.code}: ${missing.length === 1 ? 'manca il campo obbligatorio' : 'mancano i campi obbligatori'} della scheda ${missing.map((f) => `«${f.label ?? f.key}»`).join(', ')}.`,
            );
        }
        break;
      case 'actions_per_objective':
        for (const o of ordinary) if (o.actions.length < min) out.push(`Obiettivo ${o.code}: ${o.actions.length} azioni, ne serve almeno ${min}.`);
        break;
      case 'indicators_per_action':
        for (const o of ordinary)
          for (const a of o.actions)
            if (a.indicators < min) out.push(`Obiettivo ${o.code}, azione ${a.number}: ${a.indicators} indicatori, ne serve almeno ${min}.`);
        break;
      case 'budget_per_objective':
        for (const o of ordinary) if (o.budgetLines < min) out.push(`Obiettivo ${o.code}: nessuna risorsa preventivata.`);
        break;
    }
  }
  return out;
}

export interface VarianceItem {
  objectiveCode: string | null;
  what: string;
  before: string | null;
  after: string | null;
}

/** JSON with object keys sorted: stored documents (jsonb) do not keep key order, so compare canonically. */
export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

/** Words for the keys of structured values (objective fields, links, actions, indicators, budget lines). */
const KEY_WORDS: Record<string, string> = {
  title: 'titolo',
  priority: 'obiettivo prioritario',
  macroArea: 'macro-area',
  policyAreas: 'aree di policy',
  description: 'descrizione',
  links: 'collegamenti',
  leps: 'LEPS',
  continuesObjective: 'continua l’obiettivo',
  cooperation: 'cooperazione con altri Ambiti',
  ambiti: 'Ambiti',
  leadAmbito: 'Ambito capofila',
  asst: 'ASST',
  needsAnalysis: 'nell’analisi del bisogno',
  implementation: 'nella realizzazione',
  agenda2030: 'Agenda 2030',
  responsible: 'responsabile',
  start: 'inizio',
  end: 'fine',
  status: 'stato',
  realisationPercent: 'realizzazione (%)',
  note: 'nota',
  expectedResults: 'risultati attesi',
  systemObjective: 'obiettivo di sistema',
  label: 'nome',
  kind: 'tipo',
  level: 'livello',
  unit: 'unità di misura',
  source: 'fonte',
  periodicity: 'periodicità',
  numeratorLabel: 'numeratore',
  denominatorLabel: 'denominatore',
  targets: 'target',
  fund: 'fonte di finanziamento',
  year: 'anno',
  amountCents: 'importo',
  sharedAmong: 'condiviso con',
  text: 'testo',
  answer: 'risposta',
};
export const keyWord = (k: string) => KEY_WORDS[k] ?? k;

/** A value in words for the variation tables: text as is, Sì/No, lists joined, structured values as «chiave: valore». */
export function valueText(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'Sì' : 'No';
  if (typeof v === 'number') return new Intl.NumberFormat('it-IT').format(v);
  if (Array.isArray(v)) {
    const parts = v.map(valueText).filter((x): x is string => x !== null);
    return parts.length ? parts.join('; ') : null;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('answer' in o && Object.keys(o).every((k) => k === 'answer' || k === 'text')) {
      const answer = o.answer === true ? 'Sì' : o.answer === false ? 'No' : null;
      return [answer, valueText(o.text)].filter(Boolean).join(' — ') || null;
    }
    if ('rule' in o && typeof o.text === 'string') return `${o.year ?? 'triennio'}: ${o.text}`;
    const parts = Object.entries(o)
      .map(([k, x]) => [k, valueText(x)] as const)
      .filter(([, x]) => x !== null)
      .map(([k, x]) => `${keyWord(k)}: ${x}`);
    return parts.length ? parts.join('; ') : null;
  }
  return String(v);
}

export interface VarianceLabels {
  /** The template card's labels by field key. */
  card: Record<string, string>;
  /** Euro from cents. */
  money: (cents: number) => string;
  /** The name of a funding source. */
  fund: (code: string) => string;
}

const same = (a: unknown, b: unknown) => stableJson(a ?? null) === stableJson(b ?? null);

/** The label of an objective field (`title`, `card.<key>` …) in words. */
export function fieldLabel(key: string, labels: Pick<VarianceLabels, 'card'>): string {
  return key.startsWith('card.') ? `scheda: ${labels.card[key.slice(5)] ?? key.slice(5)}` : keyWord(key);
}

const budgetText = (l: { fund: string; year: number | null; amountCents: number; note?: string | null }, labels: VarianceLabels) =>
  `${labels.fund(l.fund)}, ${l.year ?? 'triennio'}: ${labels.money(l.amountCents)}${l.note ? ` (${l.note})` : ''}`;

/**
 * What changed in a plan against its approved baseline, field by field and in words: objectives added or removed,
 * each changed field of an objective (with the card's label), the actions and their fields, the indicators and the
 * budget lines.
 */
export function planVariance(
  baseline: PlanDocument,
  current: PlanDocument,
  labels: VarianceLabels = { card: {}, money: (c) => String(c), fund: (f) => f },
): VarianceItem[] {
  const out: VarianceItem[] = [];
  const before = new Map(baseline.objectives.map((o) => [o.code, o]));
  const after = new Map(current.objectives.map((o) => [o.code, o]));
  for (const [code, o] of after) if (!before.has(code)) out.push({ objectiveCode: code, what: 'obiettivo aggiunto', before: null, after: o.title });
  for (const [code, o] of before) if (!after.has(code)) out.push({ objectiveCode: code, what: 'obiettivo eliminato', before: o.title, after: null });
  for (const [code, b] of before) {
    const a = after.get(code);
    if (!a) continue;
    for (const key of ['title', 'priority', 'macroArea', 'policyAreas', 'description', 'links'] as const) {
      if (!same(a[key], b[key])) out.push({ objectiveCode: code, what: keyWord(key), before: valueText(b[key]), after: valueText(a[key]) });
    }
    const keys = new Set([...Object.keys(b.card), ...Object.keys(a.card)]);
    for (const k of keys)
      if (!same(a.card[k], b.card[k]))
        out.push({ objectiveCode: code, what: fieldLabel(`card.${k}`, labels), before: valueText(b.card[k]), after: valueText(a.card[k]) });
    const actionsB = new Map(b.actions.map((x) => [x.number, x]));
    const actionsA = new Map(a.actions.map((x) => [x.number, x]));
    for (const [n, x] of actionsA) {
      const y = actionsB.get(n);
      if (!y) {
        out.push({ objectiveCode: code, what: `azione ${n} aggiunta`, before: null, after: x.description });
        continue;
      }
      for (const k of Object.keys(x) as (keyof typeof x)[]) {
        if (k === 'indicators' || same(x[k], y[k])) continue;
        out.push({ objectiveCode: code, what: `azione ${n}: ${keyWord(k)}`, before: valueText(y[k]), after: valueText(x[k]) });
      }
      out.push(...indicatorVariance(code, `azione ${n}, `, y.indicators, x.indicators));
    }
    for (const [n, y] of actionsB) if (!actionsA.has(n)) out.push({ objectiveCode: code, what: `azione ${n} eliminata`, before: y.description, after: null });
    out.push(...indicatorVariance(code, '', b.indicators, a.indicators));
    const lines = (o: typeof a) => o.budget.map((l) => budgetText(l, labels));
    const lb = lines(b);
    const la = lines(a);
    for (const l of la) if (!lb.includes(l)) out.push({ objectiveCode: code, what: 'riga di bilancio aggiunta', before: null, after: l });
    for (const l of lb) if (!la.includes(l)) out.push({ objectiveCode: code, what: 'riga di bilancio eliminata', before: l, after: null });
    const total = (o: typeof a) => o.budget.reduce((s, l) => s + l.amountCents, 0);
    if (total(a) !== total(b)) out.push({ objectiveCode: code, what: 'risorse preventivate', before: labels.money(total(b)), after: labels.money(total(a)) });
  }
  if (current.plan.title !== baseline.plan.title)
    out.push({ objectiveCode: null, what: 'titolo del piano', before: baseline.plan.title, after: current.plan.title });
  return out;
}

type IndicatorDoc = PlanDocument['objectives'][number]['indicators'][number];

function indicatorVariance(code: string, prefix: string, before: readonly IndicatorDoc[], after: readonly IndicatorDoc[]): VarianceItem[] {
  const out: VarianceItem[] = [];
  const b = new Map(before.map((i) => [i.code, i]));
  const a = new Map(after.map((i) => [i.code, i]));
  for (const [c, i] of a) {
    const j = b.get(c);
    if (!j) {
      out.push({
        objectiveCode: code,
        what: `${prefix}indicatore ${c} aggiunto`,
        before: null,
        after: [i.label, valueText(i.targets)].filter(Boolean).join(' — '),
      });
      continue;
    }
    for (const k of Object.keys(i) as (keyof IndicatorDoc)[]) {
      if (!same(i[k], j[k]))
        out.push({ objectiveCode: code, what: `${prefix}indicatore ${c}: ${keyWord(k)}`, before: valueText(j[k]), after: valueText(i[k]) });
    }
  }
  for (const [c, j] of b) if (!a.has(c)) out.push({ objectiveCode: code, what: `${prefix}indicatore ${c} eliminato`, before: j.label, after: null });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Variations of an adopted plan

export interface FieldChange {
  /** `title`, `priority`, `macroArea`, `policyAreas`, `description`, `links` or `card.<key>`. */
  key: string;
  before: unknown;
  after: unknown;
}

export interface ActionValues {
  description: string;
  responsible: string | null;
  start: string | null;
  end: string | null;
  status: string;
  realisationPercent: number | null;
}
export interface IndicatorValues {
  label: string;
  kind: string;
  level: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  unit: string | null;
  source: string | null;
  periodicity: string | null;
  aggregation: IndicatorAggregation | null;
  targets: { year: number | null; rule: Record<string, unknown>; text: string }[];
}
export interface BudgetValues {
  fund: string;
  year: number | null;
  amountCents: number;
  note: string | null;
}

/** An objective of a previous plan carried into this one (monitoring's carry-over), with the actions chosen. */
export interface CarriedObjective {
  code: string;
  title: string;
  macroArea: string | null;
  description: string | null;
  /** The code of the objective of the previous plan it continues. */
  continuesObjective: string;
  source: string;
  actions: { description: string; responsible: string | null }[];
}

/** One proposed change of a variation, as stored (plan_variations.changes). */
export type VariationChange =
  | { kind: 'objective.add'; objectiveCode: string; values: { code: string; title: string; kind: 'ordinary' | 'leps' } }
  | { kind: 'objective.carry'; objectiveCode: string; values: CarriedObjective }
  | { kind: 'objective.update'; objectiveId: string; objectiveCode: string; fields: FieldChange[] }
  | { kind: 'action.add'; objectiveId: string; objectiveCode: string; values: ActionValues }
  | { kind: 'indicator.add'; objectiveId: string; objectiveCode: string; actionId: string; actionNumber: string; values: IndicatorValues }
  | { kind: 'budget.add'; objectiveId: string; objectiveCode: string; values: BudgetValues }
  | { kind: 'budget.delete'; objectiveId: string; objectiveCode: string; lineId: string; values: BudgetValues };

/** The fields of an objective that differ between its current values and the proposed ones (card field by field). */
export function objectiveFieldChanges(
  current: Record<string, unknown> & { card: Record<string, unknown> },
  proposed: Record<string, unknown> & { card: Record<string, unknown> },
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const key of ['title', 'priority', 'macroArea', 'policyAreas', 'description', 'links']) {
    if (key in proposed && !same(current[key], proposed[key])) out.push({ key, before: current[key] ?? null, after: proposed[key] ?? null });
  }
  const keys = [...new Set([...Object.keys(current.card), ...Object.keys(proposed.card)])];
  for (const k of keys)
    if (!same(current.card[k], proposed.card[k])) out.push({ key: `card.${k}`, before: current.card[k] ?? null, after: proposed.card[k] ?? null });
  return out;
}

/** The changes with this objective's update replacing any earlier one (none when nothing differs any more). */
export function withObjectiveUpdate(changes: readonly VariationChange[], objectiveId: string, objectiveCode: string, fields: FieldChange[]): VariationChange[] {
  const at = changes.findIndex((c) => c.kind === 'objective.update' && c.objectiveId === objectiveId);
  const entry: VariationChange = { kind: 'objective.update', objectiveId, objectiveCode, fields };
  if (at < 0) return fields.length ? [...changes, entry] : [...changes];
  return fields.length ? changes.map((c, i) => (i === at ? entry : c)) : changes.filter((_, i) => i !== at);
}

/** The proposed values of an objective: its current ones with the draft variation's fields applied. */
export function proposedObjective<T extends Record<string, unknown> & { id: string; card: Record<string, unknown> }>(
  objective: T,
  changes: readonly VariationChange[],
): T {
  const update = changes.find(
    (c): c is Extract<VariationChange, { kind: 'objective.update' }> => c.kind === 'objective.update' && c.objectiveId === objective.id,
  );
  if (!update) return objective;
  const out: Record<string, unknown> = { ...objective, card: { ...objective.card } };
  for (const f of update.fields) {
    if (f.key.startsWith('card.')) {
      const k = f.key.slice(5);
      if (f.after === null || f.after === undefined) delete (out.card as Record<string, unknown>)[k];
      else (out.card as Record<string, unknown>)[k] = f.after;
    } else out[f.key] = f.after;
  }
  return out as T;
}

/** A variation is minor when every change is listed as minor by the template (fields by key, other changes by kind). */
export function isMinorVariation(changes: readonly VariationChange[], minorChanges: readonly string[]): boolean {
  if (changes.length === 0) return false;
  return changes.every((c) => (c.kind === 'objective.update' ? c.fields.every((f) => minorChanges.includes(f.key)) : minorChanges.includes(c.kind)));
}

/** A variation's proposed changes in words, field by field: what, before → after. */
export function describeChanges(changes: readonly VariationChange[], labels: VarianceLabels): VarianceItem[] {
  return changes.flatMap((c): VarianceItem[] => {
    switch (c.kind) {
      case 'objective.add':
        return [{ objectiveCode: c.objectiveCode, what: 'nuovo obiettivo', before: null, after: c.values.title }];
      case 'objective.carry':
        return [
          {
            objectiveCode: c.objectiveCode,
            what: `nuovo obiettivo riportato dall’obiettivo ${c.values.continuesObjective} del piano precedente`,
            before: null,
            after: [c.values.title, c.values.actions.length === 1 ? '1 azione' : `${c.values.actions.length} azioni`].join(' — '),
          },
        ];
      case 'objective.update':
        return c.fields.map((f) => ({
          objectiveCode: c.objectiveCode,
          what: fieldLabel(f.key, labels),
          before: valueText(f.before),
          after: valueText(f.after),
        }));
      case 'action.add':
        return [
          {
            objectiveCode: c.objectiveCode,
            what: 'nuova azione',
            before: null,
            after: [c.values.description, c.values.responsible ? `responsabile: ${c.values.responsible}` : null].filter(Boolean).join(' — '),
          },
        ];
      case 'indicator.add':
        return [
          {
            objectiveCode: c.objectiveCode,
            what: `nuovo indicatore dell’azione ${c.actionNumber}`,
            before: null,
            after: [c.values.label, valueText(c.values.targets)].filter(Boolean).join(' — '),
          },
        ];
      case 'budget.add':
        return [{ objectiveCode: c.objectiveCode, what: 'nuova riga di bilancio', before: null, after: budgetText(c.values, labels) }];
      case 'budget.delete':
        return [{ objectiveCode: c.objectiveCode, what: 'riga di bilancio eliminata', before: budgetText(c.values, labels), after: null }];
    }
  });
}
