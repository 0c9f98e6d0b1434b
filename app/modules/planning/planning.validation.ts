import { optionalText, versionField, z } from '../../shared/validation.ts';
import {
  ACTION_STATUSES,
  INDICATOR_AGGREGATION_LABELS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_KIND_AGGREGATIONS,
  INDICATOR_KIND_LABELS,
  INDICATOR_KINDS,
  INDICATOR_LEVELS,
  ObjectiveLinks,
  PERIODICITIES,
  PLAN_STATUSES,
  TargetRule,
} from './plan-document.schema.ts';

const year = (label: string) =>
  z.coerce
    .number({ message: `${label}: serve un anno` })
    .int(`${label}: serve un anno`)
    .min(2000, `${label}: anno non valido`)
    .max(2100, `${label}: anno non valido`);
const isoDate = z
  .string()
  .trim()
  .transform((v) => v || null)
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'data non valida: usa AAAA-MM-GG')
      .nullable(),
  );

export const CreatePlanInput = z
  .object({
    title: z.string().trim().min(5, 'Il titolo del piano deve avere almeno 5 caratteri.').max(500),
    periodStartYear: year('Primo anno'),
    periodEndYear: year('Ultimo anno'),
    templateId: z.string().min(1, 'Scegli il modello regionale.'),
  })
  .refine((v) => v.periodEndYear >= v.periodStartYear, { path: ['periodEndYear'], message: 'L’ultimo anno non può precedere il primo.' })
  .refine((v) => v.periodEndYear - v.periodStartYear <= 9, { path: ['periodEndYear'], message: 'Un piano copre al massimo dieci anni.' });

export const ChangeStatusInput = z.object({
  version: versionField,
  status: z.enum(PLAN_STATUSES, { message: 'Stato non previsto.' }),
  /** The decision of the mayors' body that adopted the plan (governance module), when recorded there. */
  adoptionDecisionId: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.uuid('Deliberazione non valida.').nullable()),
  /** The coordinator's written reason for adopting a plan that does not meet its template's completeness rules. */
  overrideReason: optionalText(2000, 'Motivo dell’adozione senza i requisiti di completezza'),
});

/** Approval, rejection or withdrawal of a draft variation of an adopted plan. */
export const VariationDecisionInput = z.object({
  version: versionField,
  decision: z.enum(['approve', 'reject', 'withdraw'], { message: 'Scelta non prevista.' }),
  /** The approving decision of the competent body (governance module); without it, the coordinator approves a minor variation. */
  adoptionDecisionId: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.uuid('Deliberazione non valida.').nullable()),
  note: optionalText(2000, 'Nota'),
});

export const ObjectiveInput = z.object({
  version: versionField,
  title: z.string().trim().min(3, 'Il titolo dell’obiettivo deve avere almeno 3 caratteri.').max(1000),
  priority: z.boolean(),
  macroArea: optionalText(500, 'Macro-area'),
  policyAreas: z.array(z.string().regex(/^[A-Z]$/, 'Area di policy: una lettera maiuscola.')),
  description: optionalText(20_000, 'Descrizione'),
  card: z.record(z.string(), z.unknown()),
  /** When given, replaces the objective's links (validated against the exchange format). */
  links: ObjectiveLinks.optional(),
  /** After adoption: the version of the draft variation the form was built on (0 = none), to refuse a stale proposal. */
  variationVersion: z.coerce.number().int().min(0).optional(),
});

export const NewObjectiveInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/, 'Codice non valido (es. A, 5, LEPS-PUA).'),
  title: z.string().trim().min(3, 'Il titolo dell’obiettivo deve avere almeno 3 caratteri.').max(1000),
  kind: z.enum(['ordinary', 'leps']).default('ordinary'),
});

export const ActionInput = z.object({
  description: z.string().trim().min(3, 'Descrivi l’azione (almeno 3 caratteri).').max(20_000),
  responsible: optionalText(500, 'Responsabile'),
  start: isoDate.optional().transform((v) => v ?? null),
  end: isoDate.optional().transform((v) => v ?? null),
  status: z.enum(ACTION_STATUSES, { message: 'Stato dell’azione non previsto.' }).default('planned'),
  realisationPercent: z
    .union([z.literal('').transform(() => null), z.coerce.number().min(0, 'Da 0 a 100.').max(100, 'Da 0 a 100.')])
    .optional()
    .transform((v) => v ?? null),
});

export const IndicatorInput = z
  .object({
    label: z.string().trim().min(3, 'Scrivi il nome dell’indicatore (almeno 3 caratteri).').max(2000),
    kind: z.enum(INDICATOR_KINDS, { message: 'Tipo di indicatore non previsto.' }),
    level: z.enum(INDICATOR_LEVELS, { message: 'Livello non previsto.' }),
    numeratorLabel: optionalText(1000, 'Numeratore'),
    denominatorLabel: optionalText(1000, 'Denominatore'),
    unit: optionalText(100, 'Unità di misura'),
    source: optionalText(1000, 'Fonte del dato'),
    periodicity: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.enum(PERIODICITIES, { message: 'Periodicità non prevista.' }).nullable()),
    aggregation: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.enum(INDICATOR_AGGREGATIONS, { message: 'Aggregazione annuale non prevista.' }).nullable()),
    targets: z.array(z.object({ year: z.number().int().nullable(), rule: TargetRule, text: z.string().trim().min(1).max(4000) })),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'ratio' && !v.numeratorLabel)
      ctx.addIssue({ code: 'custom', path: ['numeratorLabel'], message: 'Un indicatore di tipo rapporto richiede il numeratore.' });
    if (v.kind === 'ratio' && !v.denominatorLabel)
      ctx.addIssue({ code: 'custom', path: ['denominatorLabel'], message: 'Un indicatore di tipo rapporto richiede il denominatore.' });
    if (v.aggregation && !INDICATOR_KIND_AGGREGATIONS[v.kind].includes(v.aggregation)) {
      ctx.addIssue({
        code: 'custom',
        path: ['aggregation'],
        message: `Per un indicatore di tipo «${INDICATOR_KIND_LABELS[v.kind]}» l’aggregazione annuale può essere: ${INDICATOR_KIND_AGGREGATIONS[v.kind].map((a) => INDICATOR_AGGREGATION_LABELS[a]).join('; ')}.`,
      });
    }
  });
export type IndicatorInput = z.input<typeof IndicatorInput>;

export const BudgetLineInput = z.object({
  fund: z.string().min(1, 'Scegli la fonte di finanziamento.'),
  year: z.union([z.literal('').transform(() => null), z.coerce.number().int().min(2000).max(2100)]).transform((v) => v ?? null),
  amountEuro: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/, 'Importo non valido: scrivi ad esempio 12.500 oppure 12500,50.')
    .transform((v) => Math.round(Number(v.replaceAll('.', '').replace(',', '.')) * 100))
    .refine((c) => c > 0, 'L’importo deve essere maggiore di zero.'),
  note: optionalText(2000, 'Nota'),
});

export const ChapterInput = z.object({
  version: versionField,
  // Line breaks as the browser submits them (CRLF) are stored as LF, so that an unchanged text is the same text.
  html: z
    .string()
    .max(200_000, 'Il testo del capitolo è troppo lungo.')
    .transform((v) => v.replace(/\r\n?/g, '\n')),
});

/** An objective of the previous plan carried into the next one (monitoring's carry-over, see carryIntoPlan). */
export const CarriedObjectiveInput = z.object({
  code: z.string().trim().min(1, 'Scrivi il codice del nuovo obiettivo.').max(30, 'Il codice dell’obiettivo ha al massimo 30 caratteri.'),
  title: z.string().trim().min(1, 'Scrivi il titolo del nuovo obiettivo.').max(2000),
  macroArea: z.string().trim().max(500).nullable(),
  description: z.string().max(20_000).nullable(),
  continuesObjective: z.string().trim().min(1).max(30),
  source: z.string().trim().min(1).max(1000),
  actions: z.array(
    z.object({ description: z.string().trim().min(1, 'Un’azione riportata non ha descrizione.').max(20_000), responsible: z.string().max(500).nullable() }),
  ),
});

/** The continuity link of an objective: the code of the previous plan's objective it continues (see linkContinuity). */
export const LinkContinuityInput = z.object({
  previousCode: z.string().trim().min(1, 'Manca il codice dell’obiettivo del piano precedente.').max(30),
});
