// The one vocabulary of yearly targets, owned by planning: the kinds of target rule, their fields and their names in
// Italian and English. The regional templates (template.schema.ts), the plan exchange file (plan-document.schema.ts)
// and the forms use it; monitoring evaluates it (monitoring/targets.rules.ts imports it from planning's face).
// Documented for users in docs/formats/plan-json.md («Target») and docs/templates.md («Scheda LEPS»).
import { formatNumberUpTo } from '../../shared/format/index.ts';
import { z } from '../../shared/validation.ts';

/**
 * Kinds of yearly target, as a rule the monitoring can check:
 * - `gte` / `lte`: value ≥ / ≤ `value` (counts, durations);
 * - `gte_percent`: numerator/denominator × 100 ≥ `value` (ratios; "100%" is `gte_percent` 100);
 * - `gt_previous` / `lt_previous`: value greater / smaller than the value of `referenceYear` (default: the year before;
 *   e.g. seed 002 L5769: "N° abitazioni rimesse in disponibilità da ALER nel 2027 > N° … nel 2025");
 * - `eq_yes`: the answer is yes;
 * - `baseline`: the year is the baseline (T0): measured, not judged;
 * - `milestone`: the process reached the stage named in `stage` (e.g. protocol defined, activated, monitored);
 * - `range_percent`: the ratio lies between `min` % and `max` % (both included).
 */
export const TARGET_RULE_TYPES = ['gte', 'gte_percent', 'gt_previous', 'lt_previous', 'eq_yes', 'baseline', 'milestone', 'range_percent', 'lte'] as const;
export type TargetRuleType = (typeof TARGET_RULE_TYPES)[number];

/** A yearly target rule (the fields of each kind are in TARGET_RULE_FIELDS). */
export type TargetRule =
  | { type: 'gte'; value: number }
  | { type: 'gte_percent'; value: number }
  | { type: 'gt_previous'; referenceYear?: number }
  | { type: 'lt_previous'; referenceYear?: number }
  | { type: 'eq_yes' }
  | { type: 'baseline' }
  | { type: 'milestone'; stage: string }
  | { type: 'range_percent'; min: number; max: number }
  | { type: 'lte'; value: number };

/** The fields each kind of rule carries besides `type`. */
export const TARGET_RULE_FIELDS: Record<TargetRuleType, readonly string[]> = {
  gte: ['value'],
  gte_percent: ['value'],
  gt_previous: ['referenceYear'],
  lt_previous: ['referenceYear'],
  eq_yes: [],
  baseline: [],
  milestone: ['stage'],
  range_percent: ['min', 'max'],
  lte: ['value'],
};

/** The name of each kind of rule, as offered in forms and shown next to a target. */
export const TARGET_RULE_LABELS: Record<'it' | 'en', Record<TargetRuleType, string>> = {
  it: {
    gte: 'almeno (≥)',
    gte_percent: 'almeno il … % (≥)',
    gt_previous: 'più dell’anno prima (>)',
    lt_previous: 'meno dell’anno prima (<)',
    eq_yes: 'sì',
    baseline: 'valore di partenza (T0)',
    milestone: 'fase da raggiungere',
    range_percent: 'tra il … % e il … %',
    lte: 'al massimo (≤)',
  },
  en: {
    gte: 'at least (≥)',
    gte_percent: 'at least … % (≥)',
    gt_previous: 'more than the year before (>)',
    lt_previous: 'less than the year before (<)',
    eq_yes: 'yes',
    baseline: 'starting value (T0)',
    milestone: 'stage to reach',
    range_percent: 'between … % and … %',
    lte: 'at most (≤)',
  },
};

const referenceYear = z
  .number({ message: 'anno di confronto non valido' })
  .int('l’anno di confronto deve essere un numero intero')
  .min(1900, 'anno di confronto non valido')
  .max(2200, 'anno di confronto non valido')
  .optional();
const countThreshold = z.number({ message: 'soglia non valida' }).min(0, 'la soglia non può essere negativa');
const percentThreshold = z
  .number({ message: 'soglia percentuale non valida' })
  .min(0, 'la soglia percentuale va da 0 a 100')
  .max(100, 'la soglia percentuale va da 0 a 100');
const stage = z.string({ message: 'fase da raggiungere mancante' }).trim().min(1, 'fase da raggiungere mancante').max(300, 'fase: al massimo 300 caratteri');

/** Every kind of rule but the milestone, whose stage a template may leave to the target's printed text. */
const rules = [
  z.strictObject({ type: z.literal('gte'), value: countThreshold }),
  z.strictObject({ type: z.literal('gte_percent'), value: percentThreshold }),
  z.strictObject({ type: z.literal('gt_previous'), referenceYear }),
  z.strictObject({ type: z.literal('lt_previous'), referenceYear }),
  z.strictObject({ type: z.literal('eq_yes') }),
  z.strictObject({ type: z.literal('baseline') }),
  z
    .strictObject({ type: z.literal('range_percent'), min: percentThreshold, max: percentThreshold })
    .refine((r) => r.min <= r.max, { message: 'il minimo dell’intervallo supera il massimo', path: ['min'] }),
  z.strictObject({ type: z.literal('lte'), value: countThreshold }),
] as const;
const unknownType = { message: `tipo di regola non previsto (ammessi: ${TARGET_RULE_TYPES.join(', ')})` };

/** The zod schema of a target rule (plan file, forms, monitoring). */
export const targetRuleSchema: z.ZodType<TargetRule> = z.discriminatedUnion(
  'type',
  [...rules, z.strictObject({ type: z.literal('milestone'), stage })],
  unknownType,
);

/** A target rule in a regional template: a milestone may name its stage only in the target's printed text. */
export const templateTargetRuleSchema = z.discriminatedUnion(
  'type',
  [...rules, z.strictObject({ type: z.literal('milestone'), stage: stage.optional() })],
  unknownType,
);
export type TemplateTargetRule = z.infer<typeof templateTargetRuleSchema>;

const upTo2 = (locale: 'it' | 'en', n: number) => formatNumberUpTo(locale, n, 2);
const pct = (locale: 'it' | 'en', n: number) => (locale === 'it' ? `${upTo2(locale, n)} %` : `${upTo2(locale, n)}%`);

/**
 * A target in a few words — «≥ 50 %», «> anno precedente», «valore di partenza (T0)» — written into the plan as the
 * target's text when the planner leaves it blank (the plan is an Italian document: Italian unless asked otherwise).
 */
export function describeTargetRule(rule: TargetRule, locale: 'it' | 'en' = 'it'): string {
  const it = locale === 'it';
  switch (rule.type) {
    case 'gte':
      return `≥ ${upTo2(locale, rule.value)}`;
    case 'gte_percent':
      return `≥ ${pct(locale, rule.value)}`;
    case 'lte':
      return `≤ ${upTo2(locale, rule.value)}`;
    case 'gt_previous':
    case 'lt_previous': {
      const sign = rule.type === 'gt_previous' ? '>' : '<';
      if (rule.referenceYear === undefined) return `${sign} ${it ? 'anno precedente' : 'previous year'}`;
      return `${sign} ${it ? 'valore del' : 'value of'} ${rule.referenceYear}`;
    }
    case 'eq_yes':
      return it ? 'sì' : 'yes';
    case 'baseline':
      return TARGET_RULE_LABELS[locale].baseline;
    case 'range_percent':
      return it ? `tra ${pct(locale, rule.min)} e ${pct(locale, rule.max)}` : `between ${pct(locale, rule.min)} and ${pct(locale, rule.max)}`;
    case 'milestone':
      return `${it ? 'fase' : 'stage'} «${rule.stage}»`;
  }
}
