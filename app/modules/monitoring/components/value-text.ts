// How the monitoring pages write a measured value and a period in the reader's language (the rules return them
// unformatted: monitoring.rules.ts ShownValue and period keys). Used by the pages (useI18n) and by queries that
// answer other modules (serverFormat and tr).
import type { Formatter, Locale } from '../../../shared/format/index.ts';
import { describeTargetRule, type TargetRule } from '../../planning/index.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import type { ShownValue } from '../monitoring.rules.ts';
import type { AchievementGrade, PlanMeanGrade, SpendingCoincidence } from '../evaluation.rules.ts';
import type { ActionRealisationResult, Progress, TargetCounts } from '../progress.rules.ts';
import { parsePeriod, type PeriodIndexes, type Reason, type ReasonValue, type TargetStatus } from '../targets.rules.ts';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** «12», «sì», «48,00 % (12/25)», «0/0 (non calcolabile)», ««protocollo attivato»», «—» when there is none. */
export function valueText(v: ShownValue, f: Formatter, t: Translate): string {
  switch (v.type) {
    case 'none':
      return '—';
    case 'boolean':
      return t(v.value ? 'mon.value.yes' : 'mon.value.no');
    case 'text':
      return `«${v.value}»`;
    case 'number':
      return f.numberUpTo(v.value, 2);
    case 'ratio': {
      const fraction = `${f.numberUpTo(v.numerator, 2)}/${f.numberUpTo(v.denominator, 2)}`;
      return v.percent === null ? `${fraction} (${t('mon.value.notComputable')})` : `${f.percent(v.percent)} (${fraction})`;
    }
  }
}

/** «2° semestre 2026», «anno 2026», «3° trimestre 2026» (2nd half of 2026…); an unknown key as it is. */
export function periodText(key: string, t: Translate): string {
  const p = parsePeriod(key);
  if (!p) return key;
  if (p.granularity === 'year') return t('mon.period.year', { year: p.year });
  return t(p.granularity === 'semester' ? 'mon.period.semester' : 'mon.period.quarter', { index: p.index, year: p.year });
}

/** The dictionary key of a target status («Raggiunto», «Dati mancanti»…). */
export const statusKey = (status: TargetStatus) => `mon.status.${status}` as const;

/** «1 valore», «3 valori», «1 indicatore», «2 indicatori» (en: value(s), indicator(s)). */
export function countText(t: Translate, f: Formatter, what: 'values' | 'indicators', n: number): string {
  return t(n === 1 ? `mon.count.${what}.one` : `mon.count.${what}.many`, { count: f.count(n) });
}

/** The dictionary key of a dashboard area that is not a macro-area of the plan (LEPS objectives, none stated). */
export const areaKey = (kind: 'leps' | 'none') => (kind === 'leps' ? 'mon.area.leps' : 'mon.area.none');

/** «25 %», «14,29 %», «87,5 %» (en «25%»): a percentage with at most `digits` decimals, as formulas write it. */
export function percentUpTo(value: number, f: Formatter, t: Translate, digits = 2): string {
  return t('mon.percent', { value: f.numberUpTo(value, digits) });
}

/** «2025: ≥ 50 %», «entro il 2027: ≥ 3»: a target and when it is due, the rule in planning's words. */
export function targetDescription(target: { year: number | null; rule: TargetRule }, planEndYear: number, locale: Locale, t: Translate): string {
  const rule = describeTargetRule(target.rule, locale);
  return target.year === null ? t('mon.target.byEnd', { end: planEndYear, rule }) : t('mon.target.inYear', { year: target.year, rule });
}

/** A value in a target's reason: «12», «78 %», «sì», ««protocollo attivato»», «0/0 (non calcolabile)». */
export function reasonValueText(v: ReasonValue, f: Formatter, t: Translate): string {
  switch (v.type) {
    case 'number':
      return f.numberUpTo(v.value, v.digits);
    case 'percent':
      return percentUpTo(v.value, f, t, v.digits);
    case 'boolean':
      return t(v.value ? 'mon.value.yes' : 'mon.value.no');
    case 'stage':
      return `«${v.value}»`;
    case 'notComputable':
      return `${f.numberUpTo(v.numerator, 2)}/${f.numberUpTo(v.denominator, 2)} (${t('mon.value.notComputable')})`;
  }
}

/** «1° semestre», «1° e 2° trimestre», «1°, 2° e 3° trimestre» (en «half 1», «quarters 1 and 2»). */
export function periodIndexesText(p: PeriodIndexes, t: Translate): string {
  const items = p.indexes.map((n) => t('mon.ordinal', { n }));
  const list = items.length <= 1 ? items.join('') : t('mon.list.and', { items: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
  const many = items.length > 1 ? 'many' : 'one';
  return t(p.granularity === 'semester' ? `mon.periods.semester.${many}` : `mon.periods.quarter.${many}`, { list });
}

/** A target's reason in the reader's language, e.g. «2026: 12 > 9 (2025) → raggiunto». */
export function reasonText(reason: Reason, f: Formatter, t: Translate): string {
  const text = reasonBodyText(reason, f, t);
  if (reason.byEnd === undefined) return text;
  return t(reason.latest ? 'mon.reason.byEndLatest' : 'mon.reason.byEnd', { end: String(reason.byEnd), reason: text });
}

function reasonBodyText(r: Reason, f: Formatter, t: Translate): string {
  const year = r.period;
  const value = (v: ReasonValue) => reasonValueText(v, f, t);
  const verdict = (met: boolean) => t(met ? 'mon.verdict.met' : 'mon.verdict.notMet');
  const partial = (periods: PeriodIndexes, v: ReasonValue, closed: boolean) =>
    t(`mon.reason.${closed ? 'partialData' : 'data'}.${periods.indexes.length === 1 ? 'one' : 'many'}`, {
      periods: periodIndexesText(periods, t),
      value: value(v),
    });
  switch (r.kind) {
    case 'notStarted':
      return t('mon.reason.notStarted', { year });
    case 'noDataYet':
      return t('mon.reason.noDataYet', { year });
    case 'partialSoFar':
      return t('mon.reason.partialSoFar', { year, data: partial(r.periods, r.value, false) });
    case 'missing':
      return t('mon.reason.missing', { year });
    case 'missingPeriods':
      return t('mon.reason.missingPeriods', { year, missing: periodIndexesText(r.missing, t), data: partial(r.periods, r.value, true) });
    case 'notComputable':
      return r.referenceYear === undefined
        ? t('mon.reason.notComputable', { year })
        : t('mon.reason.referenceNotComputable', { year, reference: r.referenceYear });
    case 'baseline':
      return t('mon.reason.baseline', { year, value: value(r.value) });
    case 'yesNo':
      return t('mon.reason.yesNo', { year, value: t(r.value ? 'mon.value.yes' : 'mon.value.no'), verdict: verdict(r.met) });
    case 'compare': {
      const params = { year, actual: value(r.actual), relation: r.relation, expected: value(r.expected), verdict: verdict(r.met) };
      return r.referenceYear === undefined ? t('mon.reason.compare', params) : t('mon.reason.compareYear', { ...params, reference: r.referenceYear });
    }
    case 'inRange':
      return t('mon.reason.inRange', { year, actual: value(r.actual), min: value(r.min), max: value(r.max), verdict: verdict(true) });
    case 'stage':
      return r.met
        ? t('mon.reason.stageMet', { year, actual: r.actual, verdict: verdict(true) })
        : t('mon.reason.stageNotMet', { year, actual: r.actual, expected: r.expected, verdict: verdict(false) });
    case 'noReference':
      return r.missing === null
        ? t('mon.reason.noReference', { year, reference: r.referenceYear })
        : t('mon.reason.partialReference', { year, reference: r.referenceYear, missing: periodIndexesText(r.missing, t) });
    case 'sum': {
      const params = { year, actual: value(r.actual), relation: r.relation, expected: value(r.expected) };
      return r.met === null ? t('mon.reason.sumSoFar', params) : t('mon.reason.sum', { ...params, verdict: verdict(r.met) });
    }
    case 'sumMissing':
      return t('mon.reason.sumMissing', {
        year,
        actual: value(r.actual),
        relation: r.relation,
        expected: value(r.expected),
        count: f.count(r.missingPeriods.length),
        periods: r.missingPeriods.join(', '),
      });
    case 'invalidTarget':
      return t('mon.reason.invalidTarget', { message: r.message });
  }
}

/** The reasons of an indicator's targets in one line, for a chart's summary. */
export function reasonsText(reasons: readonly Reason[], f: Formatter, t: Translate): string {
  return t('mon.reason.list', { reasons: reasons.map((r) => reasonText(r, f, t)).join('; ') });
}

/** How a progress is computed: «(100 + 50)/2 = 75 % (senza dati: 3)», «(100×3 + 50×1)/(3 + 1) = 87,5 %». */
export function progressFormula(p: Pick<Progress, 'terms' | 'missing' | 'value'>, f: Formatter, t: Translate): string {
  if (p.value === null || p.terms.length === 0) return t('mon.progress.noData');
  const n = (x: number) => f.numberUpTo(x, 2);
  const result = percentUpTo(p.value, f, t);
  const formula = p.terms.some((x) => x.weight !== null)
    ? t('mon.progress.weighted', {
        terms: p.terms.map((x) => `${n(x.value)}×${n(x.weight ?? 0)}`).join(' + '),
        weights: p.terms.map((x) => n(x.weight ?? 0)).join(' + '),
        result,
      })
    : t('mon.progress.mean', { terms: p.terms.map((x) => n(x.value)).join(' + '), count: p.terms.length, result });
  return p.missing.length ? t('mon.progress.withMissing', { formula, missing: p.missing.join(', ') }) : formula;
}

/** «0 di 2 target valutati» (0 of 2 targets evaluated). */
export function coverageText(evaluated: number, targets: number, f: Formatter, t: Translate): string {
  return t(targets === 1 ? 'mon.realisation.coverage.one' : 'mon.realisation.coverage.other', { evaluated: f.count(evaluated), targets: f.count(targets) });
}

/** «2 raggiunti + 1 non raggiunto». */
function tallyText(met: number, notMet: number, f: Formatter, t: Translate): string {
  return t('mon.tally', {
    met: t(met === 1 ? 'mon.tally.met.one' : 'mon.tally.met.many', { count: f.count(met) }),
    notMet: t(notMet === 1 ? 'mon.tally.notMet.one' : 'mon.tally.notMet.many', { count: f.count(notMet) }),
  });
}

export type RealisationFacts = Pick<
  ActionRealisationResult,
  'source' | 'value' | 'numerator' | 'targets' | 'evaluated' | 'met' | 'notMet' | 'inProgress' | 'missing'
>;

/** How an action's realisation is computed: declared, or raggiunti × 100 / targets of the plan's period. */
export function realisationFormula(r: RealisationFacts, f: Formatter, t: Translate): string {
  if (r.source === 'declared') return t('mon.realisation.declared', { percent: percentUpTo(r.value ?? 0, f, t) });
  if (r.source === 'none') return t('mon.realisation.none');
  if (r.targets === 0) return t('mon.realisation.baselineOnly');
  const coverage = coverageText(r.evaluated, r.targets, f, t);
  const rest = t('mon.realisation.rest', { inProgress: f.count(r.inProgress), missing: f.count(r.missing) });
  if (r.value === null) return t('mon.realisation.notEvaluated', { coverage, rest });
  return t('mon.realisation.targets', {
    met: f.count(r.met),
    targets: f.count(r.targets),
    percent: percentUpTo(r.value, f, t),
    coverage,
    tally: tallyText(r.met, r.notMet, f, t),
    rest,
  });
}

/** How the share of targets met is computed: raggiunti × 100 / targets with an outcome (or n.d.). */
export function metFormula(c: Pick<TargetCounts, 'raggiunto' | 'non_raggiunto' | 'dati_mancanti' | 'met'>, f: Formatter, t: Translate): string {
  if (c.met.value === null) return c.dati_mancanti ? t('mon.met.noneEvaluated', { missing: f.count(c.dati_mancanti) }) : t('mon.met.noOutcome');
  return t('mon.met.formula', {
    met: f.count(c.raggiunto),
    due: f.count(c.met.denominator),
    tally: tallyText(c.raggiunto, c.non_raggiunto, f, t),
    missing: f.count(c.dati_mancanti),
    percent: percentUpTo(c.met.value, f, t),
  });
}

// The regional grid's formulas (DGR XII/2167/2024), with its notation: «%» close to the figure, «*» for times.

/** «(n. azioni realizzate*100)/n. azioni programmate = (4*100)/6 = 66,67% → 67%». */
export function gradeFormula(g: Pick<AchievementGrade, 'realised' | 'planned' | 'value' | 'percent'>, f: Formatter, t: Translate): string {
  const exact = f.numberUpTo(g.value, 2);
  const shown = f.numberUpTo(g.percent, 0);
  const result = exact === shown ? t('mon.grid.percent', { value: shown }) : t('mon.grid.rounded', { exact, shown });
  return t('mon.grade.formula', { realised: g.realised, planned: g.planned, result });
}

/** «(100 + 75 + …)/16 = 1225/16 = 76,5625% → 76,56%». */
export function meanFormula(m: Pick<PlanMeanGrade, 'terms' | 'numerator' | 'denominator' | 'value' | 'percent'>, f: Formatter, t: Translate): string {
  return t('mon.mean.formula', {
    terms: m.terms.join(' + '),
    numerator: m.numerator,
    denominator: m.denominator,
    result: t('mon.grid.rounded', { exact: f.numberUpTo(m.value, 6), shown: f.numberUpTo(m.percent, 2) }),
  });
}

/** «(pagato*100)/preventivato = (€ 16.600,00*100)/€ 16.000,00 = 103,75%», or why there is no percentage. */
export function spendingFormula(s: Pick<SpendingCoincidence, 'budgetedCents' | 'paidCents' | 'percent'>, f: Formatter, t: Translate): string {
  const euro = (cents: number) => t('mon.grid.euro', { amount: f.number(cents / 100, 2) });
  if (s.budgetedCents === 0) return s.paidCents === 0 ? t('mon.spending.formula.none') : t('mon.spending.formula.unplanned', { paid: euro(s.paidCents) });
  return t('mon.spending.formula', {
    paid: euro(s.paidCents),
    budgeted: euro(s.budgetedCents),
    result: t('mon.grid.percent', { value: f.numberUpTo(s.percent ?? 0, 2) }),
  });
}
