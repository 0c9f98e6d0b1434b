// How the monitoring pages write a measured value and a period in the reader's language (the rules return them
// unformatted: monitoring.rules.ts ShownValue and period keys). Used by the pages (useI18n) and by queries that
// answer other modules (serverFormat and tr).
import type { Formatter } from '../../../shared/format/index.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import type { ShownValue } from '../monitoring.rules.ts';
import { parsePeriod, type ReasonFact, type TargetStatus } from '../targets.rules.ts';

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

/** A target's reason in the reader's language when the rule gave it as facts; otherwise the rule's own text. */
export function reasonText(target: { reason: string; fact?: ReasonFact | null }, t: Translate): string {
  const fact = target.fact;
  if (!fact) return target.reason;
  const text = t(fact.kind === 'notStarted' ? 'mon.reason.notStarted' : 'mon.reason.noDataYet', { year: fact.period });
  return fact.byEnd === undefined ? text : t('mon.reason.byEnd', { end: String(fact.byEnd), reason: text });
}

/** «0 di 2 target valutati» (0 of 2 targets evaluated). */
export function coverageText(evaluated: number, targets: number, f: Formatter, t: Translate): string {
  return t(targets === 1 ? 'mon.realisation.coverage.one' : 'mon.realisation.coverage.other', { evaluated: f.count(evaluated), targets: f.count(targets) });
}

interface RealisationFacts {
  source: 'declared' | 'targets' | 'none';
  value: number | null;
  formula: string;
  targets: number;
  evaluated: number;
  inProgress: number;
  missing: number;
}

/** How an action's realisation is computed, in the reader's language where the rule gave facts. */
export function realisationFormula(r: RealisationFacts, f: Formatter, t: Translate): string {
  if (r.source === 'declared') return t('mon.realisation.declared', { percent: f.percent(r.value) });
  if (r.source === 'targets' && r.targets > 0 && r.evaluated === 0)
    return t('mon.realisation.notEvaluated', { coverage: coverageText(0, r.targets, f, t), inProgress: f.count(r.inProgress), missing: f.count(r.missing) });
  return r.formula;
}
