// Progress roll-up of a Piano di Zona under way: action → objective → policy area → plan, and the tally of target
// statuses. Pure rules: no I/O. (The regional grid of DGR XII/2167/2024 grades a *closed* plan by counting realised
// actions, see evaluation.rules.ts; progress here is the mean realisation, which is what a plan under way shows.)
//
// - An action's realisation is the percentage declared by the Ufficio di Piano when there is one (as in the
//   evaluation of seed 002, "Azione 4: 80%"); otherwise it is computed over ALL the targets of its indicators for the
//   plan's period (every year, every target without a year), baselines (T0) excepted, because they are measured, not
//   achieved:  realisation = raggiunti × 100 / targets of the period.  A target still open (in corso, e.g. a later
//   year), or a closed one without its figure (dati mancanti), is not achieved: it counts in the denominator, never
//   in the numerator. So one year met out of three is 33,33 %, not 100 %. The figure says how many targets it rests
//   on: "1 di 3 target valutati" (valutati = raggiunti + non raggiunti, those with a figure and an outcome).
// - When no target has been evaluated yet (none with a figure and an outcome) there is no realisation: n.d., not 0 %.
// - An objective's progress is the mean of its actions' realisation, or the weighted mean when weights are set.
//   Weights need not sum to 1 (nor to 100): they are normalised over the actions that have a figure. Either every
//   action has a weight or none has. Actions without a figure are left out and listed, never counted as 0.
// - A policy area's progress is the mean (or weighted mean) of its objectives; the plan's is the mean over all its
//   objectives (not the mean of the areas, which would weigh a one-objective area like a ten-objective one).

import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { percentIssue } from './percent.rules.ts';
import { TARGET_STATUSES, type TargetStatus } from './targets.rules.ts';

/** A share: numerator, denominator and value (percentage, null when undefined). Pages write its formula. */
export interface Share {
  numerator: number;
  denominator: number;
  value: number | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Action

export interface ActionRealisationInput {
  /** The realisation percentage declared by the Ufficio di Piano (0-100), if any. */
  declaredPercent?: number | null;
  /** The evaluations of the action's targets. */
  targets?: readonly { status: TargetStatus }[];
}

export interface ActionRealisationResult extends Share {
  /** Declared by the Ufficio di Piano, computed over the targets, or neither (no declared figure and no target). */
  source: 'declared' | 'targets' | 'none';
  /** Targets of the period to achieve (baselines excluded). */
  targets: number;
  /** Targets with a figure and an outcome (raggiunti + non raggiunti). */
  evaluated: number;
  /** Of the targets of the period: met, not met, still in progress, closed without their figure. */
  met: number;
  notMet: number;
  inProgress: number;
  missing: number;
}

/**
 * An action's realisation percentage: declared, or computed over all the targets of the plan's period (see the
 * header): raggiunti × 100 / targets (baselines excluded), n.d. while no target has been evaluated.
 */
export function actionRealisation(input: ActionRealisationInput, where = 'azione'): ActionRealisationResult {
  const declared = input.declaredPercent ?? null;
  if (declared !== null) {
    const issue = percentIssue(`${where}, percentuale di realizzazione`, declared);
    if (issue) throw new ValidationError([issue]);
  }
  // A declared figure stands for the targets: none is counted.
  const list = declared === null ? (input.targets ?? []) : [];
  const counts = countTargets(list, where);
  const targets = counts.total - counts.baseline;
  const tally = {
    targets,
    evaluated: counts.raggiunto + counts.non_raggiunto,
    met: counts.raggiunto,
    notMet: counts.non_raggiunto,
    inProgress: counts.in_corso,
    missing: counts.dati_mancanti,
  };
  if (declared !== null) return { source: 'declared', numerator: declared, denominator: 100, value: declared, ...tally };
  if (targets === 0) return { source: list.length ? 'targets' : 'none', numerator: 0, denominator: 0, value: null, ...tally };
  if (tally.evaluated === 0) return { source: 'targets', numerator: 0, denominator: targets, value: null, ...tally };
  return { source: 'targets', numerator: counts.raggiunto, denominator: targets, value: (counts.raggiunto * 100) / targets, ...tally };
}

// ---------------------------------------------------------------------------------------------------------------
// Weighted means (objective from actions, area and plan from objectives)

export interface ProgressItem {
  /** Code of the action ("1") or objective ("A"), used in formulas and messages. */
  code: string;
  /** Percentage 0-100, or null when there is no figure yet. */
  value: number | null;
  /** Optional weight (≥ 0); weights are normalised. Either all items have one or none. */
  weight?: number | null;
}

export interface Progress extends Share {
  method: 'mean' | 'weighted_mean';
  /** Codes counted, in order. */
  included: string[];
  /** The items counted, in order: the terms of the formula (weight null for a plain mean). */
  terms: { code: string; value: number; weight: number | null }[];
  /** Codes left out because they have no figure yet. */
  missing: string[];
  /** Each included item's normalised weight (they sum to 1). */
  weights: { code: string; weight: number }[];
}

/** Mean (or weighted mean, weights normalised) of the items that have a figure. */
export function rollUp(items: readonly ProgressItem[], where = 'elementi'): Progress {
  const issues: FieldIssue[] = [];
  const withWeight = items.filter((i) => i.weight !== undefined && i.weight !== null);
  const weighted = withWeight.length > 0;
  if (weighted && withWeight.length !== items.length) {
    const lacking = items.filter((i) => i.weight === undefined || i.weight === null).map((i) => i.code);
    issues.push({ path: `${where}, pesi`, message: `indica un peso per tutti o per nessuno: manca per ${lacking.join(', ')}` });
  }
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.code)) issues.push({ path: `${where}, ${item.code}`, message: `codice ${item.code} ripetuto` });
    seen.add(item.code);
    const issue = item.value === null ? null : percentIssue(`${where}, ${item.code}, percentuale`, item.value);
    if (issue) issues.push(issue);
    if (item.weight !== undefined && item.weight !== null && (typeof item.weight !== 'number' || !Number.isFinite(item.weight) || item.weight < 0)) {
      issues.push({ path: `${where}, ${item.code}, peso`, message: `peso non valido: «${String(item.weight)}» (numero non negativo)` });
    }
  }
  if (issues.length) throw new ValidationError(issues);

  const counted = items.filter((i) => i.value !== null);
  const missing = items.filter((i) => i.value === null).map((i) => i.code);
  const method: Progress['method'] = weighted ? 'weighted_mean' : 'mean';
  const weightOf = (i: ProgressItem) => (weighted ? (i.weight as number) : 1);
  const denominator = counted.reduce((s, i) => s + weightOf(i), 0);
  if (weighted && counted.length > 0 && denominator === 0) {
    throw new ValidationError([{ path: `${where}, pesi`, message: 'la somma dei pesi è zero: almeno un peso deve essere maggiore di zero' }]);
  }
  const numerator = counted.reduce((s, i) => s + weightOf(i) * (i.value as number), 0);
  const included = counted.map((i) => i.code);
  if (counted.length === 0) {
    return { method, included, terms: [], missing, numerator: 0, denominator: 0, value: null, weights: [] };
  }
  return {
    method,
    included,
    terms: counted.map((i) => ({ code: i.code, value: i.value as number, weight: weighted ? (i.weight as number) : null })),
    missing,
    numerator,
    denominator,
    value: numerator / denominator,
    weights: counted.map((i) => ({ code: i.code, weight: weightOf(i) / denominator })),
  };
}

/** An objective's progress from its actions' realisation (mean, or weighted mean when weights are set). */
export function objectiveProgress(actions: readonly ProgressItem[], objectiveCode?: string): Progress {
  return rollUp(actions, objectiveCode ? `obiettivo ${objectiveCode}, azioni` : 'azioni');
}

export interface ObjectiveProgressItem extends ProgressItem {
  /** The policy area (macro-area) of the objective. */
  area: string;
}

export interface AreaProgress extends Progress {
  area: string;
}

/** Progress by policy area (areas in the order they first appear) and for the whole plan. */
export function planProgress(objectives: readonly ObjectiveProgressItem[]): { areas: AreaProgress[]; plan: Progress } {
  const issues: FieldIssue[] = [];
  objectives.forEach((o, i) => {
    if (typeof o.area !== 'string' || !o.area.trim()) issues.push({ path: `obiettivo ${o.code ?? i + 1}, area`, message: 'area di policy mancante' });
  });
  if (issues.length) throw new ValidationError(issues);
  const plan = rollUp(objectives, 'obiettivi del piano');
  const byArea = new Map<string, ObjectiveProgressItem[]>();
  for (const o of objectives) {
    const list = byArea.get(o.area);
    if (list) list.push(o);
    else byArea.set(o.area, [o]);
  }
  const areas = [...byArea].map(([area, items]) => ({ area, ...rollUp(items, `area ${area}`) }));
  return { areas, plan };
}

// ---------------------------------------------------------------------------------------------------------------
// Target tally

export type TargetCounts = Record<TargetStatus, number> & {
  total: number;
  /** Targets met among those due: raggiunto / (raggiunto + non raggiunto + dati mancanti); null (n.d.) while none has been evaluated. */
  met: Share;
};

/** Counts of targets met / not met / missing / in progress / baseline, and the share met among those due. */
export function countTargets(evaluations: readonly { status: TargetStatus }[], where = 'target'): TargetCounts {
  const counts = Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>;
  const issues: FieldIssue[] = [];
  evaluations.forEach((e, i) => {
    if (!TARGET_STATUSES.includes(e.status)) issues.push({ path: `${where}, elemento ${i + 1}, stato`, message: `stato non valido: «${String(e.status)}»` });
    else counts[e.status]++;
  });
  if (issues.length) throw new ValidationError(issues);
  const due = counts.raggiunto + counts.non_raggiunto + counts.dati_mancanti;
  // No target with a figure and an outcome: no share (n.d.), not 0 % — a missing figure is no data, not a miss.
  const value = counts.raggiunto + counts.non_raggiunto === 0 ? null : (counts.raggiunto * 100) / due;
  return { ...counts, total: evaluations.length, met: { numerator: counts.raggiunto, denominator: due, value } };
}

/** The same tally per group (e.g. policy area or objective), groups in the order they first appear. */
export function countTargetsBy(evaluations: readonly { group: string; status: TargetStatus }[]): { group: string; counts: TargetCounts }[] {
  const groups = new Map<string, { status: TargetStatus }[]>();
  for (const e of evaluations) {
    const list = groups.get(e.group);
    if (list) list.push(e);
    else groups.set(e.group, [e]);
  }
  return [...groups].map(([group, list]) => ({ group, counts: countTargets(list, group) }));
}
