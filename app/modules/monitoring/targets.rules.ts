// DGR XII/2167/2024 (Regione Lombardia), Linee di indirizzo per la programmazione sociale territoriale 2025-2027:
// schede "LEPS prioritari" con "Range di raggiungimento 2025 | 2026 | 2027" (seed 003 L2223-L2778; seed 002 §7.1,
// L10128-L13432). Pure rules: no I/O, no clock — the caller passes `year` and `today`.
//
// A target is evaluated for one year against the measurements of one indicator:
// - measurements are per period: a year `2026`, a semester `2026-S1`/`2026-S2` (the default rhythm of monitoring)
//   or a quarter `2026-Q1`…`2026-Q4`; within one year all measurements share one granularity;
// - a value is a count or a duration (number), a yes/no output (boolean), a ratio `{ numerator, denominator }` (the
//   percentage is computed here, Σ numerators × 100 / Σ denominators over the year, never stored) or the stage a
//   process has reached (text, for `milestone` targets such as "Anno 2026: attivazione del protocollo");
// - the yearly value of a count is the sum, the last value or the mean of the periods (`aggregation`, default
//   'sum'); the yearly value of a ratio is recomputed from the year's sums (default) or, with 'last', is the ratio of
//   the last period; the yearly value of a yes/no output or of a stage is the value of the last period (the state at
//   year end);
// - a year is complete when all its periods are measured; a year that has not closed yet (today ≤ 31/12) and is
//   not complete is `in_corso`; a closed year with a period missing is `dati_mancanti`;
// - comparisons of ratios are made on integers (a·100 vs t·b, a·d vs c·b), so scaling a ratio never changes a status.

import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { isCalendarDate } from '../../shared/validation.ts';
import { describeTargetRule, targetRuleSchema, type TargetRule, type TargetRuleType } from '../planning/index.ts';

// ---------------------------------------------------------------------------------------------------------------
// Target rules

// The vocabulary of target rules (kinds, fields, names) is planning's: evaluated here.
export { targetRuleSchema, type TargetRule, type TargetRuleType };

/** The target in a few Italian words, e.g. "≥ 50 %", "> anno precedente", "valore di partenza (T0)" (planning's words). */
export function describeTarget(rule: TargetRule): string {
  return describeTargetRule(rule);
}

// ---------------------------------------------------------------------------------------------------------------
// Periods and measurements

export type PeriodGranularity = 'year' | 'semester' | 'quarter';

export interface Period {
  key: string;
  year: number;
  granularity: PeriodGranularity;
  /** 1 for a year; 1-2 for a semester; 1-4 for a quarter. */
  index: number;
}

export const PERIODS_PER_YEAR: Record<PeriodGranularity, number> = { year: 1, semester: 2, quarter: 4 };

const PERIOD_PATTERN = /^(\d{4})(?:-([SQ])(\d))?$/;

/** Reads `2026`, `2026-S1`, `2026-Q3`; null when the text is not a period. */
export function parsePeriod(key: string): Period | null {
  const match = PERIOD_PATTERN.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (!match[2]) return { key, year, granularity: 'year', index: 1 };
  const index = Number(match[3]);
  const granularity: PeriodGranularity = match[2] === 'S' ? 'semester' : 'quarter';
  if (index < 1 || index > PERIODS_PER_YEAR[granularity]) return null;
  return { key, year, granularity, index };
}

/** "1° semestre", "3° trimestre", "anno 2026". */
export function periodLabel(period: Pick<Period, 'year' | 'granularity' | 'index'>): string {
  if (period.granularity === 'year') return `anno ${period.year}`;
  return `${period.index}° ${period.granularity === 'semester' ? 'semestre' : 'trimestre'}`;
}

export interface Ratio {
  numerator: number;
  denominator: number;
}

/** A count or duration, a yes/no output, a ratio, or the stage a process has reached (text). */
export type MeasurementValue = number | boolean | Ratio | string;

export interface Measurement {
  period: string;
  value: MeasurementValue;
}

export type Aggregation = 'sum' | 'last' | 'mean';

type ValueKind = 'count' | 'boolean' | 'ratio' | 'stage';

function kindOf(value: MeasurementValue): ValueKind {
  if (typeof value === 'number') return 'count';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'stage';
  return 'ratio';
}

/** How the messages name each kind of value. */
const KIND_LABELS: Record<ValueKind, string> = {
  count: 'numero',
  boolean: 'sì/no',
  ratio: 'rapporto (numeratore/denominatore)',
  stage: 'fase (testo)',
};

interface CheckedMeasurement {
  period: Period;
  value: MeasurementValue;
}

/**
 * Checks the measurements of one indicator: valid periods, valid values, one kind of value, one granularity per
 * year, no period twice. Every problem is reported with its position; one bad measurement refuses them all.
 */
export function checkMeasurements(measurements: readonly Measurement[]): CheckedMeasurement[] {
  const issues: FieldIssue[] = [];
  const checked: CheckedMeasurement[] = [];
  let firstKind: { kind: ValueKind; position: number } | null = null;
  const byYear = new Map<number, { granularity: PeriodGranularity; position: number }>();
  const seen = new Map<string, number>();
  measurements.forEach((m, i) => {
    const position = i + 1;
    const where = `misure, elemento ${position}`;
    const period = typeof m?.period === 'string' ? parsePeriod(m.period) : null;
    if (!period) {
      issues.push({ path: `${where}, campo periodo`, message: `periodo non valido: «${String(m?.period)}» (usa 2026, 2026-S1…S2 o 2026-Q1…Q4)` });
      return;
    }
    const valueIssue = checkValue(m.value);
    if (valueIssue) {
      issues.push({ path: `${where} (${period.key}), campo valore`, message: valueIssue });
      return;
    }
    const kind = kindOf(m.value);
    if (!firstKind) firstKind = { kind, position };
    else if (firstKind.kind !== kind) {
      issues.push({
        path: `${where} (${period.key}), campo valore`,
        message: `tipo di valore diverso dalle altre misure: ${KIND_LABELS[kind]}, mentre l’elemento ${firstKind.position} è ${KIND_LABELS[firstKind.kind]}`,
      });
      return;
    }
    const previous = seen.get(period.key);
    if (previous !== undefined) {
      issues.push({ path: `${where}, campo periodo`, message: `periodo ${period.key} già presente all’elemento ${previous}` });
      return;
    }
    seen.set(period.key, position);
    const yearGranularity = byYear.get(period.year);
    if (yearGranularity && yearGranularity.granularity !== period.granularity) {
      issues.push({
        path: `${where}, campo periodo`,
        message: `per il ${period.year} l’elemento ${yearGranularity.position} usa un periodo di tipo diverso (${granularityName(yearGranularity.granularity)}): in un anno usa un solo tipo di periodo, non ${granularityName(period.granularity)}`,
      });
      return;
    }
    if (!yearGranularity) byYear.set(period.year, { granularity: period.granularity, position });
    checked.push({ period, value: m.value });
  });
  if (issues.length) throw new ValidationError(issues, 'Alcune misure non sono valide: correggile e riprova.');
  return checked;
}

function granularityName(g: PeriodGranularity): string {
  return g === 'year' ? 'anno' : g === 'semester' ? 'semestre' : 'trimestre';
}

function checkValue(value: unknown): string | null {
  if (typeof value === 'boolean') return null;
  if (typeof value === 'string') {
    if (!value.trim()) return 'fase vuota: scrivi la fase raggiunta';
    if (value.length > 300) return 'fase: al massimo 300 caratteri';
    return null;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `numero non valido: «${String(value)}»`;
    if (value < 0) return `il valore non può essere negativo: «${formatNumber(value)}»`;
    return null;
  }
  if (value && typeof value === 'object') {
    const { numerator, denominator } = value as Partial<Ratio>;
    if (typeof numerator !== 'number' || !Number.isFinite(numerator) || numerator < 0) {
      return `numeratore non valido: «${String(numerator)}» (serve un numero non negativo)`;
    }
    if (typeof denominator !== 'number' || !Number.isFinite(denominator) || denominator < 0) {
      return `denominatore non valido: «${String(denominator)}» (serve un numero non negativo)`;
    }
    return null;
  }
  return `valore non valido: «${String(value)}» (serve un numero, sì/no, un rapporto numeratore/denominatore o una fase)`;
}

// ---------------------------------------------------------------------------------------------------------------
// The value of a year

/** A ratio over a year: Σ numerators, Σ denominators and the percentage (null when the denominator is 0). */
export interface RatioFigure {
  numerator: number;
  denominator: number;
  /** Percentage, numerator × 100 / denominator; null when the denominator is 0. */
  value: number | null;
}

export interface YearFigure {
  year: number;
  completeness: 'complete' | 'partial' | 'empty';
  granularity: PeriodGranularity | null;
  /** The measured periods, in order. */
  periods: Period[];
  /** Labels of the periods not yet measured ("2° semestre"), when partial. */
  missingPeriods: string[];
  kind: ValueKind | null;
  /** Count (aggregated), yes/no or stage (last period), percentage (ratio; null when the denominator is 0). */
  value: number | boolean | string | null;
  ratio: RatioFigure | null;
}

/** The yearly figure of an indicator from its measurements (already checked). */
export function yearFigure(measurements: readonly Measurement[], year: number, aggregation: Aggregation = 'sum'): YearFigure {
  return figureOf(checkMeasurements(measurements), year, aggregation);
}

function figureOf(checked: readonly CheckedMeasurement[], year: number, aggregation: Aggregation): YearFigure {
  const inYear = checked.filter((m) => m.period.year === year).sort((a, b) => a.period.index - b.period.index);
  if (inYear.length === 0) {
    return { year, completeness: 'empty', granularity: null, periods: [], missingPeriods: [], kind: null, value: null, ratio: null };
  }
  const granularity = inYear[0]!.period.granularity;
  const expected = PERIODS_PER_YEAR[granularity];
  const present = new Set(inYear.map((m) => m.period.index));
  const missingPeriods: string[] = [];
  for (let index = 1; index <= expected; index++) {
    if (!present.has(index)) missingPeriods.push(periodLabel({ year, granularity, index }));
  }
  const kind = kindOf(inYear[0]!.value);
  let value: number | boolean | string | null;
  let ratio: RatioFigure | null = null;
  if (kind === 'boolean' || kind === 'stage') {
    value = inYear[inYear.length - 1]!.value as boolean | string;
  } else if (kind === 'ratio') {
    // A rate is recomputed over the year (Σ numerators / Σ denominators); a share at a date ('last') is the
    // ratio of the last period measured.
    const parts = inYear.map((m) => m.value as Ratio);
    ratio = aggregation === 'last' ? ratioFigure(parts.slice(-1)) : ratioFigure(parts);
    value = ratio.value;
  } else {
    const numbers = inYear.map((m) => m.value as number);
    value =
      aggregation === 'last'
        ? numbers[numbers.length - 1]!
        : aggregation === 'mean'
          ? numbers.reduce((s, n) => s + n, 0) / numbers.length
          : numbers.reduce((s, n) => s + n, 0);
  }
  return {
    year,
    completeness: missingPeriods.length ? 'partial' : 'complete',
    granularity,
    periods: inYear.map((m) => m.period),
    missingPeriods,
    kind,
    value,
    ratio,
  };
}

function ratioFigure(parts: readonly Ratio[]): RatioFigure {
  const numerator = parts.reduce((s, p) => s + p.numerator, 0);
  const denominator = parts.reduce((s, p) => s + p.denominator, 0);
  return { numerator, denominator, value: denominator === 0 ? null : (numerator * 100) / denominator };
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

export type TargetStatus = 'raggiunto' | 'non_raggiunto' | 'in_corso' | 'baseline' | 'dati_mancanti';

export const TARGET_STATUSES: readonly TargetStatus[] = ['raggiunto', 'non_raggiunto', 'in_corso', 'baseline', 'dati_mancanti'];

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  raggiunto: 'Raggiunto',
  non_raggiunto: 'Non raggiunto',
  in_corso: 'In corso',
  baseline: 'Valore di partenza (T0)',
  dati_mancanti: 'Dati mancanti',
};

/**
 * A value as a reason shows it (the page formats it): a count, a percentage, yes/no, a stage, or a ratio that cannot
 * be computed. `digits`: the decimals needed so that two different values compared never print the same.
 */
export type ReasonValue =
  | { type: 'number'; value: number; digits: number }
  | { type: 'percent'; value: number; digits: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'stage'; value: string }
  | { type: 'notComputable'; numerator: number; denominator: number };

/** Some periods of one year: the 1st and 2nd quarter. */
export interface PeriodIndexes {
  granularity: PeriodGranularity;
  indexes: number[];
}

export type Relation = '>' | '<' | '=';

/** Why a target has its status, as facts: the page says it in the reader's language (`mon.reason.*`). */
export type ReasonBody =
  | { kind: 'notStarted' }
  | { kind: 'noDataYet' }
  /** A year under way with some of its periods measured. */
  | { kind: 'partialSoFar'; periods: PeriodIndexes; value: ReasonValue }
  | { kind: 'missing' }
  /** A closed year with some of its periods not measured. */
  | { kind: 'missingPeriods'; missing: PeriodIndexes; periods: PeriodIndexes; value: ReasonValue }
  /** The ratio of the year (or of the reference year) has a zero denominator. */
  | { kind: 'notComputable'; referenceYear?: number }
  | { kind: 'baseline'; value: ReasonValue }
  | { kind: 'yesNo'; value: boolean; met: boolean }
  /** actual relation expected, against a threshold or the value of `referenceYear`. */
  | { kind: 'compare'; actual: ReasonValue; relation: Relation; expected: ReasonValue; referenceYear?: number; met: boolean }
  | { kind: 'inRange'; actual: ReasonValue; min: ReasonValue; max: ReasonValue }
  | { kind: 'stage'; actual: string; expected: string; met: boolean }
  /** The reference year has no figure (`missing` null) or a partial one. */
  | { kind: 'noReference'; referenceYear: number; missing: PeriodIndexes | null }
  /** A sum over the plan's years: met or not (`met` null while the plan is under way). */
  | { kind: 'sum'; actual: ReasonValue; relation: Relation; expected: ReasonValue; met: boolean | null }
  | { kind: 'sumMissing'; actual: ReasonValue; relation: Relation; expected: ReasonValue; missingPeriods: string[] }
  /** The target does not fit the indicator's values (the rule's message). */
  | { kind: 'invalidTarget'; message: string };

export type Reason = ReasonBody & {
  /** The year or span judged ("2026", "2025-2027"). */
  period: string;
  /** For a target without a year: the plan's last year ("entro il 2027, …"). */
  byEnd?: number;
  /** With byEnd: the reason is about the latest year measured, the plan still open ("entro il 2027, ultimo dato …"). */
  latest?: boolean;
};

export interface TargetEvaluation {
  year: number;
  status: TargetStatus;
  /** Why, as facts, e.g. 2026: 12 > 9 (2025) → raggiunto. */
  reason: Reason;
  /** The year's value (partial while in progress): a count, yes/no, a stage, or a percentage for ratios. */
  actual: number | boolean | string | null;
  /** The threshold, the compared year's value, `true` for yes/no, the range, the stage; null for a baseline. */
  expected: number | boolean | string | { min: number; max: number } | null;
  /** The year's ratio, for ratio indicators. */
  ratio: RatioFigure | null;
  /** The year compared with, for `gt_previous` / `lt_previous`. */
  comparedWith: { year: number; value: number | null; ratio: RatioFigure | null } | null;
}

export interface EvaluationContext {
  year: number;
  /** ISO date YYYY-MM-DD: decides whether the year has closed. */
  today: string;
  /** Yearly value of counts: sum of the periods (default), last value or mean. */
  aggregation?: Aggregation;
}

const RULE_KINDS: Record<TargetRuleType, readonly ValueKind[]> = {
  gte: ['count'],
  lte: ['count'],
  gte_percent: ['ratio'],
  range_percent: ['ratio'],
  eq_yes: ['boolean'],
  gt_previous: ['count', 'ratio'],
  lt_previous: ['count', 'ratio'],
  baseline: ['count', 'ratio'],
  milestone: ['stage'],
};

/** Evaluates one yearly target against the measurements of its indicator. */
export function evaluateTarget(rule: TargetRule, measurements: readonly Measurement[], context: EvaluationContext): TargetEvaluation {
  const checkedRule = checkRule(rule);
  checkContext(context);
  const checked = checkMeasurements(measurements);
  checkRuleKind(checkedRule, checked);
  return evaluateChecked(checkedRule, checked, context);
}

/** A target per year, as on the LEPS cards ("2025: T0 · 2026: > 2025 · 2027: > 2026"). */
export interface ScheduledTarget {
  year: number;
  rule: TargetRule;
}

/** Evaluates every year of a target schedule, in year order. */
export function evaluateTargetSchedule(
  schedule: readonly ScheduledTarget[],
  measurements: readonly Measurement[],
  context: Omit<EvaluationContext, 'year'>,
): TargetEvaluation[] {
  const checked = checkMeasurements(measurements);
  const issues: FieldIssue[] = [];
  const years = new Set<number>();
  const rules = schedule.map((s, i) => {
    if (years.has(s.year)) issues.push({ path: `target, elemento ${i + 1}, campo anno`, message: `anno ${s.year} già presente` });
    years.add(s.year);
    return { year: s.year, rule: checkRule(s.rule, `target ${s.year}`) };
  });
  if (issues.length) throw new ValidationError(issues);
  return rules
    .sort((a, b) => a.year - b.year)
    .map(({ year, rule }) => {
      const ctx = { ...context, year };
      checkContext(ctx);
      checkRuleKind(rule, checked);
      return evaluateChecked(rule, checked, ctx);
    });
}

function checkRule(rule: TargetRule, where = 'target'): TargetRule {
  const parsed = targetRuleSchema.safeParse(rule);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => ({ path: `${where}${i.path.length ? `, campo ${i.path.map(String).join('.')}` : ''}`, message: i.message })),
      'Il target non è valido: correggilo e riprova.',
    );
  }
  return parsed.data;
}

function checkContext(context: EvaluationContext): void {
  const issues: FieldIssue[] = [];
  if (!Number.isInteger(context.year) || context.year < 1900 || context.year > 2200) {
    issues.push({ path: 'anno', message: `anno non valido: «${String(context.year)}»` });
  }
  if (typeof context.today !== 'string' || !isCalendarDate(context.today))
    issues.push({ path: 'oggi', message: `data non valida: «${String(context.today)}» (formato AAAA-MM-GG)` });
  if (context.aggregation !== undefined && !['sum', 'last', 'mean'].includes(context.aggregation)) {
    issues.push({ path: 'aggregazione', message: `aggregazione non valida: «${String(context.aggregation)}» (somma, ultimo valore o media)` });
  }
  if (issues.length) throw new ValidationError(issues);
}

function checkRuleKind(rule: TargetRule, checked: readonly CheckedMeasurement[]): void {
  if (checked.length === 0) return;
  const kind = kindOf(checked[0]!.value);
  if (!RULE_KINDS[rule.type].includes(kind)) {
    throw new ValidationError(
      [
        {
          path: 'target',
          message: `il target «${describeTarget(rule)}» non si applica a misure di tipo ${KIND_LABELS[kind]} (richiede: ${RULE_KINDS[rule.type].map((k) => KIND_LABELS[k]).join(' o ')})`,
        },
      ],
      'Il target non è compatibile con le misure dell’indicatore.',
    );
  }
}

function isClosed(year: number, today: string): boolean {
  return today > `${year}-12-31`;
}

function hasStarted(year: number, today: string): boolean {
  return today >= `${year}-01-01`;
}

function evaluateChecked(rule: TargetRule, checked: readonly CheckedMeasurement[], context: EvaluationContext): TargetEvaluation {
  const { year, today } = context;
  const aggregation = context.aggregation ?? 'sum';
  const current = figureOf(checked, year, aggregation);
  const expected = expectedOf(rule);
  const base = { year, actual: current.value, expected, ratio: current.ratio, comparedWith: null };
  const period = String(year);
  const outcome = (met: boolean, body: ReasonBody): TargetEvaluation => ({
    ...base,
    status: met ? 'raggiunto' : 'non_raggiunto',
    reason: { period, ...body },
  });

  // 1. Is this year's figure there?
  if (current.completeness !== 'complete') {
    if (!isClosed(year, today)) {
      if (!hasStarted(year, today)) return { ...base, status: 'in_corso', reason: { period, kind: 'notStarted' } };
      if (current.completeness === 'empty') return { ...base, status: 'in_corso', reason: { period, kind: 'noDataYet' } };
      return { ...base, status: 'in_corso', reason: { period, kind: 'partialSoFar', periods: measuredIndexes(current), value: reasonValue(current) } };
    }
    const reason: Reason =
      current.completeness === 'empty'
        ? { period, kind: 'missing' }
        : { period, kind: 'missingPeriods', missing: missingIndexes(current), periods: measuredIndexes(current), value: reasonValue(current) };
    return { ...base, status: 'dati_mancanti', reason };
  }
  if (current.kind === 'ratio' && current.value === null) {
    return { ...base, status: 'dati_mancanti', reason: { period, kind: 'notComputable' } };
  }

  // 2. Compare.
  const actual = current.value!;
  switch (rule.type) {
    case 'baseline':
      return { ...base, status: 'baseline', reason: { period, kind: 'baseline', value: reasonValue(current) } };
    case 'eq_yes': {
      const met = actual === true;
      return outcome(met, { kind: 'yesNo', value: actual === true, met });
    }
    case 'gte':
    case 'lte': {
      const sign = Math.sign((actual as number) - rule.value);
      const met = rule.type === 'gte' ? sign >= 0 : sign <= 0;
      return outcome(met, { kind: 'compare', ...comparedPair(actual as number, rule.value, false), relation: relation(sign), met });
    }
    case 'gte_percent': {
      const sign = compareRatioWithPercent(current.ratio!, rule.value);
      const met = sign >= 0;
      return outcome(met, { kind: 'compare', ...comparedPair(actual as number, rule.value, true), relation: relation(sign), met });
    }
    case 'range_percent': {
      const belowMin = compareRatioWithPercent(current.ratio!, rule.min) < 0;
      const aboveMax = compareRatioWithPercent(current.ratio!, rule.max) > 0;
      if (belowMin) return outcome(false, { kind: 'compare', ...comparedPair(actual as number, rule.min, true), relation: '<', met: false });
      if (aboveMax) return outcome(false, { kind: 'compare', ...comparedPair(actual as number, rule.max, true), relation: '>', met: false });
      return outcome(true, { kind: 'inRange', actual: percentValue(actual as number), min: percentValue(rule.min), max: percentValue(rule.max) });
    }
    case 'milestone': {
      const met = sameStage(actual as string, rule.stage);
      return outcome(met, { kind: 'stage', actual: (actual as string).trim(), expected: rule.stage, met });
    }
    case 'gt_previous':
    case 'lt_previous':
      return compareWithYear(rule, current, checked, aggregation, base);
  }
}

/** Stages compare without regard to case, spacing or accents' composition. */
function sameStage(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('it-IT').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

function compareWithYear(
  rule: Extract<TargetRule, { type: 'gt_previous' | 'lt_previous' }>,
  current: YearFigure,
  checked: readonly CheckedMeasurement[],
  aggregation: Aggregation,
  base: Omit<TargetEvaluation, 'status' | 'reason'>,
): TargetEvaluation {
  const year = current.year;
  const period = String(year);
  const referenceYear = rule.referenceYear ?? year - 1;
  if (referenceYear >= year) {
    throw new ValidationError([
      { path: `target ${year}, campo referenceYear`, message: `l’anno di confronto (${referenceYear}) deve precedere l’anno del target (${year})` },
    ]);
  }
  const reference = figureOf(checked, referenceYear, aggregation);
  const comparedWith = { year: referenceYear, value: reference.value as number | null, ratio: reference.ratio };
  const withRef = { ...base, expected: reference.completeness === 'complete' ? (reference.value as number | null) : null, comparedWith };
  if (reference.completeness !== 'complete') {
    const missing = reference.completeness === 'partial' ? missingIndexes(reference) : null;
    return { ...withRef, status: 'dati_mancanti', reason: { period, kind: 'noReference', referenceYear, missing } };
  }
  if (reference.kind === 'ratio' && reference.value === null) {
    return { ...withRef, status: 'dati_mancanti', reason: { period, kind: 'notComputable', referenceYear } };
  }
  const sign =
    current.kind === 'ratio'
      ? Math.sign(current.ratio!.numerator * reference.ratio!.denominator - reference.ratio!.numerator * current.ratio!.denominator)
      : Math.sign((current.value as number) - (reference.value as number));
  const met = rule.type === 'gt_previous' ? sign > 0 : sign < 0;
  const pair = comparedPair(current.value as number, reference.value as number, current.kind === 'ratio');
  return {
    ...withRef,
    status: met ? 'raggiunto' : 'non_raggiunto',
    reason: { period, kind: 'compare', ...pair, relation: relation(sign), referenceYear, met },
  };
}

function expectedOf(rule: TargetRule): TargetEvaluation['expected'] {
  switch (rule.type) {
    case 'gte':
    case 'lte':
    case 'gte_percent':
      return rule.value;
    case 'range_percent':
      return { min: rule.min, max: rule.max };
    case 'eq_yes':
      return true;
    case 'milestone':
      return rule.stage;
    default:
      return null;
  }
}

/** Sign of (ratio % − threshold), computed as numerator·100 − threshold·denominator to stay exact. */
function compareRatioWithPercent(ratio: RatioFigure, threshold: number): number {
  return Math.sign(ratio.numerator * 100 - threshold * ratio.denominator);
}

export function relation(sign: number): Relation {
  return sign > 0 ? '>' : sign < 0 ? '<' : '=';
}

/** The periods of a year measured so far. */
function measuredIndexes(figure: YearFigure): PeriodIndexes {
  return { granularity: figure.granularity!, indexes: figure.periods.map((p) => p.index) };
}

/** The periods of a partial year not yet measured. */
function missingIndexes(figure: YearFigure): PeriodIndexes {
  const present = new Set(figure.periods.map((p) => p.index));
  const indexes: number[] = [];
  for (let index = 1; index <= PERIODS_PER_YEAR[figure.granularity!]; index++) if (!present.has(index)) indexes.push(index);
  return { granularity: figure.granularity!, indexes };
}

const percentValue = (value: number): ReasonValue => ({ type: 'percent', value, digits: 2 });

/** The year's figure as a reason shows it. */
function reasonValue(figure: YearFigure): ReasonValue {
  if (figure.kind === 'boolean') return { type: 'boolean', value: figure.value as boolean };
  if (figure.kind === 'stage') return { type: 'stage', value: (figure.value as string).trim() };
  if (figure.kind === 'ratio') {
    const r = figure.ratio!;
    return r.value === null ? { type: 'notComputable', numerator: r.numerator, denominator: r.denominator } : percentValue(r.value);
  }
  return { type: 'number', value: figure.value as number, digits: 2 };
}

/** Two values compared, with enough decimals that different values never print the same. */
export function comparedPair(actual: number, expected: number, percent: boolean): { actual: ReasonValue; expected: ReasonValue } {
  const fmt = percent ? formatPercent : formatNumber;
  let digits = 2;
  while (digits < 6 && actual !== expected && fmt(actual, digits) === fmt(expected, digits)) digits++;
  const type = percent ? 'percent' : 'number';
  return { actual: { type, value: actual, digits }, expected: { type, value: expected, digits } };
}

// ---------------------------------------------------------------------------------------------------------------
// Italian number formatting

const formatters = new Map<number, Intl.NumberFormat>();

/** Italian number, at most `digits` decimals, e.g. 1.234,5. */
export function formatNumber(n: number, digits = 2): string {
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('it-IT', { maximumFractionDigits: digits, useGrouping: 'always' });
    formatters.set(digits, f);
  }
  return f.format(n);
}

/** "48 %", "66,67 %". */
export function formatPercent(n: number, digits = 2): string {
  return `${formatNumber(n, digits)} %`;
}
