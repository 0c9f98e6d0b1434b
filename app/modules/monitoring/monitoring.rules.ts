// Monitoring of a Piano di Zona under way: which period an indicator is measured in, how a typed value is read for
// the indicator's kind, which measurements a locked period covers, what is due, and the evaluation of every yearly
// target of an indicator with the target engine (targets.rules.ts). DGR XII/2167/2024 asks the Ambiti to monitor the
// indicators of each objective card; the default rhythm is the semester. Pure rules: no I/O, no clock (`today` is
// passed in as YYYY-MM-DD).
//
// Decisions:
// - Granularity from the indicator's periodicity: semiannual (and none stated) → semester `2026-S1`; annual and
//   triennial → year `2026`; quarterly → quarter `2026-Q1`; monthly → quarter as well (the target engine measures by
//   year, semester or quarter; monthly figures are entered as quarterly totals).
// - Kinds: count and duration are numbers, ratio is numerator/denominator, boolean is yes/no, category is the stage
//   or state reached (text). The yearly value follows the indicator's aggregation (planning's vocabulary, default
//   from the kind): a flow is summed, a stock is the last value (or the mean), a rate is recomputed — see yearlyRuleOf.
// - A target without a year ("entro il triennio") is judged on the latest plan year that has measurements (the plan's
//   last year when there are none): met there → raggiunto; not met while the plan's last year has not closed →
//   in corso.
// - A baseline (T0) of a yes/no or category indicator is recorded, not judged, like the baselines of numbers.
// - A lock on a period covers the measurements whose period lies within it: a year covers its semesters and quarters;
//   a semester its two quarters.

import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { formatNumberUpTo, parseItalianNumber } from '../../shared/format/index.ts';
import { indicatorAggregation, type IndicatorAggregation } from '../planning/index.ts';
import {
  evaluateTarget,
  parsePeriod,
  PERIODS_PER_YEAR,
  type Aggregation,
  type Measurement,
  type MeasurementValue,
  type PeriodGranularity,
  type TargetEvaluation,
  type TargetRule,
  relation,
  type TargetStatus,
  type Reason,
} from './targets.rules.ts';

export type IndicatorKind = 'count' | 'ratio' | 'boolean' | 'duration' | 'category';
export type Periodicity = 'monthly' | 'quarterly' | 'semiannual' | 'annual' | 'triennial';

/** The period granularity an indicator is measured in. */
export function granularityOf(periodicity: string | null | undefined): PeriodGranularity {
  switch (periodicity) {
    case 'annual':
    case 'triennial':
      return 'year';
    case 'quarterly':
    case 'monthly':
      return 'quarter';
    default:
      return 'semester';
  }
}

export interface YearlyRule {
  /** The indicator's aggregation (stated in the plan, or the default of its kind). */
  aggregation: IndicatorAggregation;
  /** What the target engine does with the periods of a year. */
  engine: Aggregation;
  /** In words, for the pages: "somma dei periodi dell’anno", "tasso dell’ultimo periodo (…)". */
  text: string;
}

/**
 * How the periods of a year make an indicator's yearly value, from its aggregation (planning's vocabulary):
 * a flow is summed; a stock is the last value of the year (or the mean of its periods, stock_mean); a rate is
 * recomputed from the year's numerators and denominators when the indicator records them (kind ratio), otherwise
 * it is the rate of the last period, and the text says so.
 */
export function yearlyRuleOf(indicator: { kind: string; aggregation?: string | null }): YearlyRule {
  const aggregation = indicatorAggregation(indicator);
  switch (aggregation) {
    case 'flow':
      return { aggregation, engine: 'sum', text: 'flusso: somma dei periodi dell’anno' };
    case 'stock':
      return { aggregation, engine: 'last', text: 'stock: ultimo valore dell’anno' };
    case 'stock_mean':
      return { aggregation, engine: 'mean', text: 'stock: media dei periodi dell’anno' };
    case 'rate':
      return indicator.kind === 'ratio'
        ? { aggregation, engine: 'sum', text: 'tasso: ricalcolato da Σ numeratori / Σ denominatori dell’anno' }
        : {
            aggregation,
            engine: 'last',
            text: 'tasso dell’ultimo periodo: l’indicatore non registra numeratore e denominatore, il tasso dell’anno non si può ricalcolare',
          };
  }
}

/** The yearly aggregation of an indicator for the target engine (see yearlyRuleOf). */
export function aggregationOf(kind: string, aggregation?: string | null): Aggregation {
  return yearlyRuleOf({ kind, aggregation }).engine;
}

/** `2026`, `2026-S1`, `2026-Q3` for a year, granularity and index. */
export function periodKey(year: number, granularity: PeriodGranularity, index: number): string {
  if (granularity === 'year') return String(year);
  return `${year}-${granularity === 'semester' ? 'S' : 'Q'}${index}`;
}

/** Every period of a year at a granularity, in order. */
export function periodsOfYear(year: number, granularity: PeriodGranularity): string[] {
  return Array.from({ length: PERIODS_PER_YEAR[granularity] }, (_, i) => periodKey(year, granularity, i + 1));
}

const MONTHS_PER_PERIOD: Record<PeriodGranularity, number> = { year: 12, semester: 6, quarter: 3 };

/** First and last month (1-12) a period covers. */
function monthsOf(key: string): { year: number; from: number; to: number } | null {
  const p = parsePeriod(key);
  if (!p) return null;
  const span = MONTHS_PER_PERIOD[p.granularity];
  return { year: p.year, from: (p.index - 1) * span + 1, to: p.index * span };
}

/** True when period `inner` lies within period `outer` (a period lies within itself). */
export function periodWithin(inner: string, outer: string): boolean {
  const a = monthsOf(inner);
  const b = monthsOf(outer);
  if (!a || !b) return false;
  return a.year === b.year && a.from >= b.from && a.to <= b.to;
}

/** The last day of a period, YYYY-MM-DD. */
export function periodEnd(key: string): string {
  const m = monthsOf(key);
  if (!m) throw new ValidationError([{ path: 'periodo', message: `periodo non valido: «${key}»` }]);
  const last = new Date(Date.UTC(m.year, m.to, 0)).getUTCDate();
  return `${m.year}-${String(m.to).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** The period of a granularity that contains a day. */
export function periodContaining(day: string, granularity: PeriodGranularity): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return periodKey(year, granularity, Math.floor((month - 1) / MONTHS_PER_PERIOD[granularity]) + 1);
}

/** The last period of a granularity that has ended by `today` (the one whose figures are now due). */
export function lastClosedPeriod(today: string, granularity: PeriodGranularity): string {
  const current = parsePeriod(periodContaining(today, granularity))!;
  if (current.index > 1) return periodKey(current.year, granularity, current.index - 1);
  return periodKey(current.year - 1, granularity, PERIODS_PER_YEAR[granularity]);
}

/** "1° semestre 2026", "anno 2026", "3° trimestre 2026". */
export function periodName(key: string): string {
  const p = parsePeriod(key);
  if (!p) return key;
  if (p.granularity === 'year') return `anno ${p.year}`;
  return `${p.index}° ${p.granularity === 'semester' ? 'semestre' : 'trimestre'} ${p.year}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** A stored measurement's columns. */
export interface StoredValue {
  valueNumber: number | null;
  valueBoolean: boolean | null;
  valueText: string | null;
  numerator: number | null;
  denominator: number | null;
}

/** The value of a stored measurement for the target engine. */
export function valueOf(kind: string, v: StoredValue): MeasurementValue | null {
  switch (kind) {
    case 'ratio':
      return v.numerator !== null && v.denominator !== null ? { numerator: v.numerator, denominator: v.denominator } : null;
    case 'boolean':
      return v.valueBoolean;
    case 'category':
      return v.valueText;
    default:
      return v.valueNumber;
  }
}

/**
 * A stored value as the pages show it, unformatted: a number, a yes/no, a stage or state (text as entered), or a
 * ratio with its percentage (null when the denominator is 0: not computable). Pages format it (components/value-text.ts).
 */
export type ShownValue =
  | { type: 'none' }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'text'; value: string }
  | { type: 'ratio'; numerator: number; denominator: number; percent: number | null };

/** What a measurement value is, for the pages (see ShownValue). */
export function shownValue(value: MeasurementValue | null): ShownValue {
  if (value === null) return { type: 'none' };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (typeof value === 'string') return { type: 'text', value };
  if (typeof value === 'number') return { type: 'number', value };
  const { numerator, denominator } = value;
  return { type: 'ratio', numerator, denominator, percent: denominator === 0 ? null : (numerator * 100) / denominator };
}

/** A stored measurement's value for the pages: «12», «sì», «48 % (12/25)», ««protocollo attivato»» once formatted. */
export function describeValue(kind: string, v: StoredValue): ShownValue {
  return shownValue(valueOf(kind, v));
}

/** A number typed for a measurement: the Italian notation, never negative (a negative figure reads as invalid). */
function readNumber(raw: string): number | null {
  const n = parseItalianNumber(raw);
  return n !== null && n < 0 ? Number.NaN : n;
}

const YES = new Set(['sì', 'si', 's', 'yes', 'true', '1', 'vero']);
const NO = new Set(['no', 'n', 'false', '0', 'falso']);

/** The raw fields of a value as typed in a form or a CSV row. */
export interface RawValue {
  value?: string;
  numerator?: string;
  denominator?: string;
}

/**
 * Reads a typed value for an indicator's kind into the stored columns. Problems come back as issues on the field
 * names of `fields` (form field names or CSV columns), prefixed with `where`.
 */
export function readValue(
  kind: string,
  raw: RawValue,
  where: (field: 'value' | 'numerator' | 'denominator') => string,
): { value: StoredValue; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const value: StoredValue = { valueNumber: null, valueBoolean: null, valueText: null, numerator: null, denominator: null };
  const text = (raw.value ?? '').trim();
  if (kind === 'ratio') {
    if (text) issues.push({ path: where('value'), message: 'per un rapporto scrivi numeratore e denominatore, non il valore' });
    for (const field of ['numerator', 'denominator'] as const) {
      const t = (raw[field] ?? '').trim();
      const label = field === 'numerator' ? 'numeratore' : 'denominatore';
      const n = readNumber(t);
      if (n === null) issues.push({ path: where(field), message: `${label} mancante` });
      else if (Number.isNaN(n)) issues.push({ path: where(field), message: `${label} non valido: «${t}» (scrivi un numero, es. 12 o 1.234,5)` });
      else value[field] = n;
    }
    if (value.numerator !== null && value.denominator !== null && value.numerator > value.denominator) {
      issues.push({
        path: where('numerator'),
        message: `il numeratore (${formatNumberUpTo('it', value.numerator, 2)}) supera il denominatore (${formatNumberUpTo('it', value.denominator, 2)})`,
      });
    }
    return { value, issues };
  }
  for (const field of ['numerator', 'denominator'] as const) {
    if ((raw[field] ?? '').trim()) issues.push({ path: where(field), message: 'numeratore e denominatore valgono solo per gli indicatori di tipo rapporto' });
  }
  if (!text) {
    issues.push({ path: where('value'), message: 'valore mancante' });
    return { value, issues };
  }
  if (kind === 'boolean') {
    const t = text.toLocaleLowerCase('it-IT');
    if (YES.has(t)) value.valueBoolean = true;
    else if (NO.has(t)) value.valueBoolean = false;
    else issues.push({ path: where('value'), message: `risposta non valida: «${text}» (scrivi sì o no)` });
  } else if (kind === 'category') {
    if (text.length > 300) issues.push({ path: where('value'), message: 'fase o stato: al massimo 300 caratteri' });
    else value.valueText = text;
  } else {
    const n = readNumber(text);
    if (n === null || Number.isNaN(n)) issues.push({ path: where('value'), message: `numero non valido: «${text}» (scrivi ad esempio 12 o 1.234,5)` });
    else value.valueNumber = n;
  }
  return { value, issues };
}

// ---------------------------------------------------------------------------------------------------------------
// Target evaluation of one indicator

export interface IndicatorTarget {
  year: number | null;
  rule: TargetRule;
  text: string;
}

export interface IndicatorTargetEvaluation {
  year: number | null;
  /** The year actually judged (the target's year, or for a target without a year the year chosen). */
  judgedYear: number;
  rule: TargetRule;
  text: string;
  status: TargetStatus;
  reason: Reason;
}

/**
 * Evaluates every target of an indicator against its Ambito-level measurements. `planYears` is the plan's period
 * (for targets without a year).
 */
export function evaluateIndicatorTargets(
  indicator: { kind: string; aggregation?: string | null; targets: readonly IndicatorTarget[] },
  measurements: readonly Measurement[],
  context: { today: string; planStartYear: number; planEndYear: number },
): IndicatorTargetEvaluation[] {
  const rule = yearlyRuleOf(indicator);
  const aggregation = rule.engine;
  return indicator.targets.map((t) => {
    if (t.year !== null) {
      const e = judge(t.rule, measurements, t.year, context.today, aggregation, indicator.kind);
      return {
        year: t.year,
        judgedYear: t.year,
        rule: t.rule,
        text: t.text,
        status: e.status,
        reason: e.reason,
      };
    }
    // Only a flow adds up over the triennium; a stock or a rate is judged on its latest year, like other targets.
    if ((t.rule.type === 'gte' || t.rule.type === 'lte') && indicator.kind === 'count' && rule.aggregation === 'flow') {
      const e = judgeTriennium(t.rule, measurements, context);
      return { year: null, judgedYear: context.planEndYear, rule: t.rule, text: t.text, ...e };
    }
    const measuredYears = measurements
      .map((m) => parsePeriod(m.period)?.year)
      .filter((y): y is number => y !== undefined && y >= context.planStartYear && y <= context.planEndYear);
    const year = measuredYears.length ? Math.max(...measuredYears) : context.planEndYear;
    const e = judge(t.rule, measurements, year, context.today, aggregation, indicator.kind);
    const planOpen = context.today <= `${context.planEndYear}-12-31`;
    if (e.status !== 'raggiunto' && e.status !== 'baseline' && planOpen && year < context.planEndYear) {
      return {
        year: null,
        judgedYear: year,
        rule: t.rule,
        text: t.text,
        status: 'in_corso',
        reason: { ...e.reason, byEnd: context.planEndYear, latest: true },
      };
    }
    return {
      year: null,
      judgedYear: year,
      rule: t.rule,
      text: t.text,
      status: e.status,
      reason: { ...e.reason, byEnd: context.planEndYear },
    };
  });
}

/**
 * A count threshold without a year ("almeno 3 iniziative nel triennio") is judged on the sum over the plan's years:
 * reached as soon as the sum reaches it (for ≥); otherwise in progress until the plan's last year closes, then not
 * reached when every period was measured, missing data when some was not.
 */
function judgeTriennium(
  rule: Extract<TargetRule, { type: 'gte' | 'lte' }>,
  measurements: readonly Measurement[],
  context: { today: string; planStartYear: number; planEndYear: number },
): { status: TargetStatus; reason: Reason } {
  const period = `${context.planStartYear}-${context.planEndYear}`;
  const inPlan = measurements.filter((m) => {
    const y = parsePeriod(m.period)?.year;
    return y !== undefined && y >= context.planStartYear && y <= context.planEndYear && typeof m.value === 'number';
  });
  const total = inPlan.reduce((s, m) => s + (m.value as number), 0);
  const sign = Math.sign(total - rule.value);
  const met = rule.type === 'gte' ? sign >= 0 : sign <= 0;
  const sum = {
    actual: { type: 'number', value: total, digits: 2 },
    relation: relation(sign),
    expected: { type: 'number', value: rule.value, digits: 2 },
  } as const;
  if (rule.type === 'gte' && met) return { status: 'raggiunto', reason: { period, kind: 'sum', ...sum, met } };
  if (context.today <= `${context.planEndYear}-12-31`) {
    return inPlan.length
      ? { status: 'in_corso', reason: { period, kind: 'sum', ...sum, met: null } }
      : { status: 'in_corso', reason: { period, kind: 'noDataYet' } };
  }
  const expected = new Set<string>();
  const granularity = inPlan[0] ? parsePeriod(inPlan[0].period)!.granularity : 'semester';
  for (let y = context.planStartYear; y <= context.planEndYear; y++) for (const k of periodsOfYear(y, granularity)) expected.add(k);
  for (const m of inPlan) expected.delete(m.period);
  if (!met && expected.size) return { status: 'dati_mancanti', reason: { period, kind: 'sumMissing', ...sum, missingPeriods: [...expected].sort() } };
  return { status: met ? 'raggiunto' : 'non_raggiunto', reason: { period, kind: 'sum', ...sum, met } };
}

function judge(
  rule: TargetRule,
  measurements: readonly Measurement[],
  year: number,
  today: string,
  aggregation: Aggregation,
  kind: string,
): Pick<TargetEvaluation, 'status' | 'reason'> {
  if (rule.type === 'baseline' && (kind === 'boolean' || kind === 'category')) {
    const period = String(year);
    const inYear = measurements.filter((m) => parsePeriod(m.period)?.year === year).sort((a, b) => (a.period < b.period ? -1 : 1));
    const last = inYear[inYear.length - 1];
    if (!last)
      return today > `${year}-12-31`
        ? { status: 'dati_mancanti', reason: { period, kind: 'missing' } }
        : { status: 'in_corso', reason: { period, kind: 'noDataYet' } };
    const value = typeof last.value === 'boolean' ? ({ type: 'boolean', value: last.value } as const) : ({ type: 'stage', value: String(last.value) } as const);
    return { status: 'baseline', reason: { period, kind: 'baseline', value } };
  }
  const e = evaluateTarget(rule, measurements, { year, today, aggregation });
  return { status: e.status, reason: e.reason };
}

/** The Ambito-level series of an indicator: its own Ambito rows, or for counts and ratios the sum of its comuni. */
export function ambitoSeries(
  kind: string,
  rows: readonly (StoredValue & { period: string; comuneId: string | null })[],
  aggregation?: string | null,
): { measurements: Measurement[]; summedPeriods: string[] } {
  // Comuni's counts add up to the Ambito's (flows and stocks alike), ratios by their numerators and denominators;
  // a rate typed as a bare number (no numerator/denominator) cannot be added up.
  const summable = kind === 'ratio' || (kind === 'count' && indicatorAggregation({ kind, aggregation }) !== 'rate');
  const own = new Map<string, MeasurementValue>();
  const byComune = new Map<string, (StoredValue & { period: string })[]>();
  for (const r of rows) {
    const v = valueOf(kind, r);
    if (v === null) continue;
    if (r.comuneId === null) own.set(r.period, v);
    else byComune.set(r.period, [...(byComune.get(r.period) ?? []), r]);
  }
  const summedPeriods: string[] = [];
  if (summable) {
    for (const [period, list] of byComune) {
      if (own.has(period)) continue;
      summedPeriods.push(period);
      if (kind === 'count')
        own.set(
          period,
          list.reduce((s, r) => s + (r.valueNumber ?? 0), 0),
        );
      else own.set(period, { numerator: list.reduce((s, r) => s + (r.numerator ?? 0), 0), denominator: list.reduce((s, r) => s + (r.denominator ?? 0), 0) });
    }
  }
  const measurements = [...own].map(([period, value]) => ({ period, value })).sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return { measurements, summedPeriods: summedPeriods.sort() };
}

/** The status that sums up an indicator's targets for the dashboard: the worst of those due, else in progress. */
export function summaryStatus(statuses: readonly TargetStatus[]): TargetStatus | null {
  if (statuses.length === 0) return null;
  for (const s of ['non_raggiunto', 'dati_mancanti', 'in_corso', 'raggiunto', 'baseline'] as const) if (statuses.includes(s)) return s;
  return null;
}

/**
 * Checks a period chosen by a user against the indicator's periods: its granularity, the plan's years (the year
 * before the plan is admitted, for the baseline), and — when `now` is given — a period that has not started yet is
 * refused (a value is measured during or after its period, never before).
 */
export function checkPeriodFor(
  key: string,
  granularity: PeriodGranularity,
  plan: { periodStartYear: number; periodEndYear: number },
  now?: string,
): string | null {
  const p = parsePeriod(key.trim());
  const example = periodKey(plan.periodStartYear + 1, granularity, 1);
  if (!p) return `periodo non valido: «${key}» (es. ${example})`;
  if (p.granularity !== granularity) {
    const name = granularity === 'year' ? 'annuale' : granularity === 'semester' ? 'semestrale' : 'trimestrale';
    return `l’indicatore si misura con cadenza ${name}: scegli uno dei suoi periodi, come ${example}, non «${key}»`;
  }
  if (p.year < plan.periodStartYear - 1 || p.year > plan.periodEndYear) {
    return `periodo ${key} fuori dal piano (${plan.periodStartYear}-${plan.periodEndYear}; è ammesso anche l’anno precedente, per il valore di partenza)`;
  }
  if (now !== undefined && periodStart(p.key) > now) {
    return `il periodo ${periodName(p.key)} non è ancora iniziato: il suo valore si inserisce quando è in corso o chiuso`;
  }
  return null;
}

export interface PeriodChoice {
  key: string;
  /** "1° semestre 2026 (chiuso)", "2° semestre 2026 (in corso)", "anno 2024 (valore di partenza, prima del piano)". */
  label: string;
  state: 'closed' | 'open';
  /** A year before the plan: the value is the baseline. */
  baseline: boolean;
}

/**
 * The periods a value can be entered for, for the select of the entry form: the indicator's periods (its
 * granularity) over the year before the plan (baseline) and the plan's years, those already started at `now`, in
 * order. Exactly the periods `checkPeriodFor` accepts.
 */
export function periodChoices(periodicity: string | null | undefined, plan: { periodStartYear: number; periodEndYear: number }, now: string): PeriodChoice[] {
  const granularity = granularityOf(periodicity);
  const out: PeriodChoice[] = [];
  for (let y = plan.periodStartYear - 1; y <= plan.periodEndYear; y++) {
    for (const key of periodsOfYear(y, granularity)) {
      const state = periodState(key, now);
      if (state === 'future') continue;
      const note = y < plan.periodStartYear ? 'valore di partenza, prima del piano' : state === 'open' ? 'in corso' : 'chiuso';
      out.push({ key, label: `${periodName(key)} (${note})`, state, baseline: y < plan.periodStartYear });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// What is overdue and what is to be collected

/** The first day of a period, YYYY-MM-DD. */
export function periodStart(key: string): string {
  const m = monthsOf(key);
  if (!m) throw new ValidationError([{ path: 'periodo', message: `periodo non valido: «${key}»` }]);
  return `${m.year}-${String(m.from).padStart(2, '0')}-01`;
}

/** Every period of the plan's years at an indicator's granularity, in order (the periods a value is asked for). */
export function indicatorPeriods(periodicity: string | null | undefined, plan: { periodStartYear: number; periodEndYear: number }): string[] {
  const granularity = granularityOf(periodicity);
  const out: string[] = [];
  for (let y = plan.periodStartYear; y <= plan.periodEndYear; y++) out.push(...periodsOfYear(y, granularity));
  return out;
}

/** A period is closed when its last day is before `now`; open when `now` lies within it; otherwise still to come. */
export function periodState(key: string, now: string): 'closed' | 'open' | 'future' {
  if (periodEnd(key) < now) return 'closed';
  return periodStart(key) <= now ? 'open' : 'future';
}

/**
 * The periods of the plan's years at an indicator's granularity that still lack a value at `now` (`has` tells which
 * have one): those that have closed (their last day is before `now`) and the one under way (open); periods still
 * to come are neither. In order. The one loop behind what is overdue (dueMeasurements) and what a comune owes
 * (comuneDue).
 */
export function missingPeriods(
  periodicity: string | null | undefined,
  plan: { periodStartYear: number; periodEndYear: number },
  now: string,
  has: (period: string) => boolean,
): { period: string; state: 'closed' | 'open' }[] {
  const out: { period: string; state: 'closed' | 'open' }[] = [];
  for (const period of indicatorPeriods(periodicity, plan)) {
    if (has(period)) continue;
    const state = periodState(period, now);
    if (state !== 'future') out.push({ period, state });
  }
  return out;
}

/** What the label of a missing responsible reads: said only where the plan really names nobody. */
export const NO_RESPONSIBLE = 'Responsabile non indicato nel piano';

export interface DueIndicatorInput {
  indicatorId: string;
  objectiveCode: string;
  objectiveTitle: string;
  code: string;
  label: string;
  periodicity: string | null;
  /** The responsible of the action, else of the objective as the plan card records it; null when none is recorded. */
  responsible: string | null;
}

export interface DueItem {
  indicatorId: string;
  objectiveCode: string;
  code: string;
  label: string;
  period: string;
}

export interface DueList {
  now: string;
  /** Overdue: periods that have closed (end date before `now`) without a value, one item per indicator and period. */
  total: number;
  /** The indicators with at least one overdue value. */
  indicators: number;
  /** The closed periods some value is missing for, in order. */
  periods: string[];
  /** Overdue items grouped by responsible (alphabetical, the missing responsible last). */
  groups: { responsible: string; named: boolean; items: DueItem[] }[];
  /** Overdue items grouped by objective, in plan order. */
  byObjective: { objectiveCode: string; objectiveTitle: string; responsible: string; items: DueItem[] }[];
  /** «Da rilevare»: the current (not yet closed) period of each indicator still without a value — not overdue. */
  toCollect: { total: number; periods: string[]; items: DueItem[] };
}

/**
 * What is overdue in a plan under way at `now` (YYYY-MM-DD): for each indicator, every period of the plan's years at
 * its granularity that has CLOSED (its last day is before `now`) and has no value; the period under way is «da
 * rilevare», never overdue; periods still to come are neither. `measured` holds `indicatorId|period` of the values
 * entered (for the Ambito or for any of its comuni). Indicators come in plan order.
 */
export function dueMeasurements(
  indicators: readonly DueIndicatorInput[],
  measured: ReadonlySet<string>,
  plan: { periodStartYear: number; periodEndYear: number },
  now: string,
): DueList {
  const overdue: (DueItem & { responsible: string | null; objectiveTitle: string })[] = [];
  const toCollect: DueItem[] = [];
  for (const i of indicators) {
    for (const { period, state } of missingPeriods(i.periodicity, plan, now, (p) => measured.has(`${i.indicatorId}|${p}`))) {
      const item = { indicatorId: i.indicatorId, objectiveCode: i.objectiveCode, code: i.code, label: i.label, period };
      if (state === 'closed') overdue.push({ ...item, responsible: i.responsible?.trim() || null, objectiveTitle: i.objectiveTitle });
      else toCollect.push(item);
    }
  }
  const strip = ({ responsible: _r, objectiveTitle: _t, ...item }: (typeof overdue)[number]): DueItem => item;
  const byResponsible = new Map<string | null, DueItem[]>();
  for (const o of overdue) byResponsible.set(o.responsible, [...(byResponsible.get(o.responsible) ?? []), strip(o)]);
  const groups = [...byResponsible]
    .map(([who, items]) => ({ responsible: who ?? NO_RESPONSIBLE, named: who !== null, items }))
    .sort((a, b) => Number(b.named) - Number(a.named) || a.responsible.localeCompare(b.responsible, 'it'));
  const byObjective = new Map<string, { objectiveCode: string; objectiveTitle: string; responsibles: Set<string>; items: DueItem[] }>();
  for (const o of overdue) {
    const g = byObjective.get(o.objectiveCode) ?? {
      objectiveCode: o.objectiveCode,
      objectiveTitle: o.objectiveTitle,
      responsibles: new Set<string>(),
      items: [],
    };
    g.responsibles.add(o.responsible ?? NO_RESPONSIBLE);
    g.items.push(strip(o));
    byObjective.set(o.objectiveCode, g);
  }
  return {
    now,
    total: overdue.length,
    indicators: new Set(overdue.map((o) => o.indicatorId)).size,
    periods: [...new Set(overdue.map((o) => o.period))].sort(),
    groups,
    byObjective: [...byObjective.values()].map((g) => ({
      objectiveCode: g.objectiveCode,
      objectiveTitle: g.objectiveTitle,
      responsible: [...g.responsibles].join('; '),
      items: g.items,
    })),
    toCollect: { total: toCollect.length, periods: [...new Set(toCollect.map((t) => t.period))].sort(), items: toCollect },
  };
}

/**
 * The responsible an objective's plan card records, if any: the first card field whose key names a responsible or a
 * referent (e.g. `responsabile`, `referente`) with a text value.
 */
export function cardResponsible(card: Record<string, unknown> | null | undefined): string | null {
  for (const [key, value] of Object.entries(card ?? {})) {
    if (!/^(responsabil|referent)/i.test(key)) continue;
    const text =
      typeof value === 'string'
        ? value
        : value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string'
          ? (value as { text: string }).text
          : null;
    if (text?.trim()) return text.trim();
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Values per comune

/**
 * The indicators measured per comune: those with at least one value recorded for a comune. The Ufficio di Piano
 * decides that an indicator is collected comune by comune by entering (or importing) the first comune's value;
 * from then on each comune referent enters its own comune's value, and only for these indicators.
 */
export function measuredPerComune(rows: readonly { indicatorId: string; comuneId: string | null }[]): Set<string> {
  return new Set(rows.filter((r) => r.comuneId !== null).map((r) => r.indicatorId));
}

export interface ComuneDueItem {
  indicatorId: string;
  period: string;
  /** closed: the period has ended without the comune's value; open: the current period, still to be entered. */
  state: 'closed' | 'open';
  /** A closed period approved and locked by the coordinator: the value can no longer be entered from the form. */
  locked: boolean;
}

/**
 * What a comune still owes for the indicators measured per comune: for each, every period of the plan that has
 * ended by `today` without the comune's value (closed), and the current period if it has none yet (open).
 */
export function comuneDue(input: {
  indicators: readonly { id: string; periodicity: string | null }[];
  values: readonly { indicatorId: string; period: string; comuneId: string | null }[];
  comuneId: string;
  plan: { periodStartYear: number; periodEndYear: number };
  locks: readonly string[];
  today: string;
}): ComuneDueItem[] {
  const perComune = measuredPerComune(input.values);
  const own = new Set(input.values.filter((v) => v.comuneId === input.comuneId).map((v) => `${v.indicatorId}|${v.period}`));
  return input.indicators
    .filter((ind) => perComune.has(ind.id))
    .flatMap((ind) =>
      missingPeriods(ind.periodicity, input.plan, input.today, (p) => own.has(`${ind.id}|${p}`)).map(({ period, state }) => ({
        indicatorId: ind.id,
        period,
        state,
        locked: state === 'closed' && input.locks.some((l) => periodWithin(period, l)),
      })),
    );
}
