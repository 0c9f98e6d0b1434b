import type { MessageKey } from '../../shared/i18n/messages.ts';
import { requestLocale, tr } from '../../shared/i18n/tr.server.ts';
import { validateRichText } from '../../shared/richtext/richtext.ts';
import { euroField, noControlCharacters, optionalIsoDate, optionalText, PG_INTEGER_MAX, plainText, versionField, z } from '../../shared/validation.ts';
import {
  ACTION_STATUSES,
  INDICATOR_AGGREGATIONS,
  INDICATOR_KIND_AGGREGATIONS,
  INDICATOR_KINDS,
  INDICATOR_LEVELS,
  ObjectiveLinks,
  PERIODICITIES,
  PLAN_STATUSES,
  TargetRule,
} from './plan-document.schema.ts';

/** A message of the dictionary, worded when the input is checked: in the language of the request. */
const says = (key: MessageKey) => ({ error: () => tr(key) });

const year = (label: MessageKey) => {
  const missing = { error: () => tr('plan.val.yearMissing', { label: tr(label) }) };
  const invalid = { error: () => tr('plan.val.yearInvalid', { label: tr(label) }) };
  return z.coerce.number(missing).int(missing).min(2000, invalid).max(2100, invalid);
};
/** An optional form field whose empty value means null; any other value is checked by `schema`. */
const emptyAsNull = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(schema.nullable());
/** The decision of a body (governance module) that adopts the plan or approves a variation, when one is chosen. */
const decisionId = emptyAsNull(z.uuid(says('plan.val.decision')));

export const CreatePlanInput = z
  .object({
    title: plainText('Titolo').trim().min(5, says('plan.val.planTitle')).max(500),
    periodStartYear: year('plan.val.firstYear'),
    periodEndYear: year('plan.val.lastYear'),
    templateId: z
      .string()
      .refine(...noControlCharacters('Modello'))
      .min(1, says('plan.val.template')),
  })
  .refine((v) => v.periodEndYear >= v.periodStartYear, { path: ['periodEndYear'], ...says('plan.val.lastBeforeFirst') })
  .refine((v) => v.periodEndYear - v.periodStartYear <= 9, { path: ['periodEndYear'], ...says('plan.val.tenYears') });

export const ChangeStatusInput = z.object({
  version: versionField,
  status: z.enum(PLAN_STATUSES, says('plan.val.status')),
  /** The decision of the mayors' body that adopted the plan (governance module), when recorded there. */
  adoptionDecisionId: decisionId,
  /** The coordinator's written reason for adopting a plan that does not meet its template's completeness rules. */
  overrideReason: optionalText(2000, 'Motivo dell’adozione senza i requisiti di completezza'),
});

/** Approval, rejection or withdrawal of a draft variation of an adopted plan. */
export const VariationDecisionInput = z.object({
  version: versionField,
  decision: z.enum(['approve', 'reject', 'withdraw'], says('plan.val.choice')),
  /** The approving decision of the competent body (governance module); without it, the coordinator approves a minor variation. */
  adoptionDecisionId: decisionId,
  note: optionalText(2000, 'Nota'),
});

export const ObjectiveInput = z.object({
  version: versionField,
  title: plainText('Titolo').trim().min(3, says('plan.val.objectiveTitle')).max(1000),
  priority: z.boolean(),
  macroArea: optionalText(500, 'Macro-area'),
  policyAreas: z.array(z.string().regex(/^[A-Z]$/, says('plan.val.policyArea'))),
  description: optionalText(20_000, 'Descrizione'),
  card: z.record(z.string(), z.unknown()),
  /** When given, replaces the objective's links (validated against the exchange format). */
  links: ObjectiveLinks.optional(),
  /** After adoption: the version of the draft variation the form was built on (0 = none), to refuse a stale proposal. */
  variationVersion: z.coerce.number().int().min(0).max(PG_INTEGER_MAX).optional(),
});

export const NewObjectiveInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, says('plan.val.objectiveCode')),
  title: plainText('Titolo').trim().min(3, says('plan.val.objectiveTitle')).max(1000),
  kind: z.enum(['ordinary', 'leps']).default('ordinary'),
});

export const ActionInput = z.object({
  description: plainText('Descrizione').trim().min(3, says('plan.val.actionDescription')).max(20_000),
  responsible: optionalText(500, 'Responsabile'),
  start: optionalIsoDate('Inizio'),
  end: optionalIsoDate('Fine'),
  status: z.enum(ACTION_STATUSES, says('plan.val.actionStatus')).default('planned'),
  realisationPercent: z
    .union([z.literal('').transform(() => null), z.coerce.number().min(0, says('plan.val.percent')).max(100, says('plan.val.percent'))])
    .optional()
    .transform((v) => v ?? null),
});

export const IndicatorInput = z
  .object({
    label: plainText('Indicatore').trim().min(3, says('plan.val.indicatorLabel')).max(2000),
    kind: z.enum(INDICATOR_KINDS, says('plan.val.indicatorKind')),
    level: z.enum(INDICATOR_LEVELS, says('plan.val.indicatorLevel')),
    numeratorLabel: optionalText(1000, 'Numeratore'),
    denominatorLabel: optionalText(1000, 'Denominatore'),
    unit: optionalText(100, 'Unità di misura'),
    source: optionalText(1000, 'Fonte del dato'),
    periodicity: emptyAsNull(z.enum(PERIODICITIES, says('plan.val.periodicity'))),
    aggregation: emptyAsNull(z.enum(INDICATOR_AGGREGATIONS, says('plan.val.aggregation'))),
    targets: z.array(z.object({ year: z.number().int().nullable(), rule: TargetRule, text: plainText('Target').trim().min(1).max(4000) })),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'ratio' && !v.numeratorLabel) ctx.addIssue({ code: 'custom', path: ['numeratorLabel'], message: tr('plan.val.numerator') });
    if (v.kind === 'ratio' && !v.denominatorLabel) ctx.addIssue({ code: 'custom', path: ['denominatorLabel'], message: tr('plan.val.denominator') });
    if (v.aggregation && !INDICATOR_KIND_AGGREGATIONS[v.kind].includes(v.aggregation)) {
      ctx.addIssue({
        code: 'custom',
        path: ['aggregation'],
        message: tr('plan.val.aggregationOfKind', {
          kind: tr(`plan.indicatorKind.${v.kind}`),
          allowed: INDICATOR_KIND_AGGREGATIONS[v.kind].map((a) => tr(`plan.aggregation.${a}`)).join('; '),
        }),
      });
    }
  });
export type IndicatorInput = z.input<typeof IndicatorInput>;

export const BudgetLineInput = z.object({
  fund: z
    .string()
    .refine(...noControlCharacters('Fondo'))
    .min(1, says('plan.val.fund')),
  year: z.union([z.literal('').transform(() => null), z.coerce.number().int().min(2000).max(2100)]).transform((v) => v ?? null),
  // The shared money rule: euro typed the Italian way into cents, more than zero and at most 100 miliardi € (a line
  // of 1e17 € would overflow the bigint column).
  amountEuro: euroField('Importo', { positive: true }),
  note: optionalText(2000, 'Nota'),
});

export const ChapterInput = z.object({
  version: versionField,
  // Line breaks as the browser submits them (CRLF) are stored as LF, so that an unchanged text is the same text. The
  // text is Markdown: every problem (a forbidden link, a note without its text, a tag typed by hand, the length) is
  // named with its line, all in one message on the field.
  markdown: z
    .string(says('plan.val.chapterText'))
    .refine(...noControlCharacters('Testo del capitolo'))
    .transform((v) => v.replace(/\r\n?/g, '\n'))
    .superRefine((v, ctx) => {
      const problems = validateRichText(v, requestLocale());
      if (problems.length) ctx.addIssue({ code: 'custom', message: tr('plan.val.chapterProblems', { problems: problems.map((p) => p.message).join(' ') }) });
    }),
});

/** An objective of the previous plan carried into the next one (monitoring's carry-over, see carryIntoPlan). */
export const CarriedObjectiveInput = z.object({
  code: plainText('Codice').trim().min(1, says('plan.val.carriedCode')).max(30, says('plan.val.carriedCodeLong')),
  title: plainText('Titolo').trim().min(1, says('plan.val.carriedTitle')).max(2000),
  macroArea: plainText('Macro-area').trim().max(500).nullable(),
  description: plainText('Descrizione').max(20_000).nullable(),
  continuesObjective: plainText('Obiettivo continuato').trim().min(1).max(30),
  source: plainText('Fonte').trim().min(1).max(1000),
  actions: z.array(
    z.object({
      description: plainText('Azione').trim().min(1, says('plan.val.carriedAction')).max(20_000),
      responsible: plainText('Responsabile').max(500).nullable(),
    }),
  ),
});

/** The continuity link of an objective: the code of the previous plan's objective it continues (see linkContinuity). */
export const LinkContinuityInput = z.object({
  previousCode: plainText('Codice').trim().min(1, says('plan.val.previousCode')).max(30),
});
