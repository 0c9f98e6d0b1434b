import { noControlCharacters, optionalEuro, optionalText, PG_INTEGER_MAX, plainText, versionField, z } from '../../shared/validation.ts';
import { RESOURCE_ADEQUACY_LEVELS, SPENDING_CLASSES, YES_NO_ANSWERS } from './evaluation.rules.ts';

/** A value typed in the form, read by the command for the indicator's kind (a text value is stored as it is). */
const loose = (label: string) =>
  plainText(label)
    .optional()
    .transform((v) => (v ?? '').trim());

/** A measurement from the entry form (the value is read for the indicator's kind by the command). */
export const MeasurementInput = z.object({
  period: z
    .string({ message: 'Indica il periodo.' })
    .refine(...noControlCharacters('Periodo'))
    .trim()
    .min(1, 'Indica il periodo.')
    .max(20, 'Periodo non valido: scrivi ad esempio 2026-S1 oppure 2026.'),
  comuneId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.uuid('Comune non valido.').nullable()),
  value: loose('Valore'),
  numerator: loose('Numeratore'),
  denominator: loose('Denominatore'),
  note: optionalText(2000, 'Nota'),
  /** The version the user started from when the measurement already exists (empty for a new one). */
  version: z
    .union([z.literal('').transform(() => null), versionField])
    .optional()
    .transform((v) => v ?? null),
});

const PERIOD = /^\d{4}(-S[12]|-Q[1-4])?$/;

export const LockInput = z.object({
  period: z.string({ message: 'Indica il periodo.' }).trim().regex(PERIOD, 'Periodo non valido: scrivi ad esempio 2026-S1 oppure 2026.'),
  note: optionalText(2000, 'Nota'),
});

export const UnlockInput = z.object({
  period: z.string({ message: 'Indica il periodo.' }).trim().regex(PERIOD, 'Periodo non valido: scrivi ad esempio 2026-S1 oppure 2026.'),
  reason: z
    .string({ message: 'Scrivi perché sblocchi il periodo.' })
    .refine(...noControlCharacters('Motivo'))
    .trim()
    .min(5, 'Scrivi perché sblocchi il periodo (almeno 5 caratteri): resta nel registro.')
    .max(2000),
});

export const ACTION_PROGRESS_STATUSES = ['planned', 'in_progress', 'completed', 'partially_completed', 'not_realised', 'cancelled'] as const;

export const ActionProgressInput = z.object({
  version: versionField,
  status: z.enum(ACTION_PROGRESS_STATUSES, { message: 'Stato dell’azione non previsto.' }),
  realisationPercent: z
    .union([
      z.literal('').transform(() => null),
      z.coerce.number({ message: 'Percentuale non valida.' }).min(0, 'La percentuale va da 0 a 100.').max(100, 'La percentuale va da 0 a 100.'),
    ])
    .optional()
    .transform((v) => v ?? null),
});

const nullableEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.enum(values, { message }).nullable());

/** The regional grid of one objective (DGR XII/2167/2024, «Schema di valutazione»). */
export const EvaluationInput = z
  .object({
    version: z.coerce
      .number()
      .int()
      .min(0, 'Versione del record non valida: ricarica la pagina.')
      .max(PG_INTEGER_MAX, 'Versione del record non valida: ricarica la pagina.'),
    usersEvaluation: optionalText(20_000, 'Valutazione degli utenti'),
    resourceAdequacyText: optionalText(20_000, 'Adeguatezza delle risorse'),
    resourceAdequacyLevel: nullableEnum(RESOURCE_ADEQUACY_LEVELS, 'Livello di adeguatezza non previsto.'),
    spendingText: optionalText(20_000, 'Coincidenza delle risorse'),
    spendingClass: nullableEnum(SPENDING_CLASSES, 'Classe di coincidenza non prevista.'),
    spendingPercent: z
      .union([z.literal('').transform(() => null), z.coerce.number({ message: 'Percentuale non valida.' }).min(0, 'Percentuale non valida.')])
      .optional()
      .transform((v) => v ?? null),
    /** Amounts in euro (the shared money rule: cents, at most 100 miliardi €), or null when empty. */
    spendingBudgetedCents: optionalEuro('Risorse stanziate'),
    spendingPaidCents: optionalEuro('Risorse impegnate/liquidate'),
    criticalIssues: optionalText(20_000, 'Criticità'),
    needAnswered: nullableEnum(YES_NO_ANSWERS, 'Risposta non prevista.'),
    needAnsweredText: optionalText(20_000, 'Risposta al bisogno'),
    continuityWithPrevious: nullableEnum(['yes', 'no'] as const, 'Risposta non prevista.'),
    reproposed: nullableEnum(YES_NO_ANSWERS, 'Risposta non prevista.'),
    reproposedText: optionalText(20_000, 'Riproposizione'),
  })
  .superRefine((v, ctx) => {
    if ((v.spendingBudgetedCents === null) !== (v.spendingPaidCents === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.spendingBudgetedCents === null ? 'spendingBudgetedCents' : 'spendingPaidCents'],
        message: 'Per calcolare la coincidenza servono entrambi gli importi, stanziato e impegnato/liquidato.',
      });
    }
  });

/** Carry an evaluated objective into the next plan: link an objective already there, or create one. */
export const CarryOverInput = z
  .object({
    mode: z.enum(['link', 'new'], { message: 'Scegli se collegare un obiettivo esistente o crearne uno nuovo.' }),
    targetObjectiveId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.uuid('Scegli l’obiettivo del nuovo piano.').nullable()),
    code: z
      .string()
      .refine(...noControlCharacters('Codice'))
      .optional()
      .transform((v) => (v ?? '').trim()),
    copyTitle: z.literal('on').optional().transform(Boolean),
    title: optionalText(1000, 'Titolo'),
    copyMacroArea: z.literal('on').optional().transform(Boolean),
    copyDescription: z.literal('on').optional().transform(Boolean),
    copyCriticalIssues: z.literal('on').optional().transform(Boolean),
    actionIds: z.array(z.uuid('Azione non valida.')).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'link' && !v.targetObjectiveId)
      ctx.addIssue({ code: 'custom', path: ['targetObjectiveId'], message: 'Scegli l’obiettivo del nuovo piano da collegare.' });
    if (v.mode === 'new' && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/.test(v.code))
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'Codice del nuovo obiettivo non valido (es. A, 5, S).' });
    if (v.mode === 'new' && !v.copyTitle && (!v.title || v.title.length < 3))
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'Copia il titolo o scrivine uno nuovo (almeno 3 caratteri).' });
  });
