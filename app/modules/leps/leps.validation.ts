import { parseItalianNumber } from '../../shared/format/index.ts';
import { isoDate as isoDateField, optionalIsoDate, optionalText, plainText, requireRecordId, versionField, z } from '../../shared/validation.ts';
import { FUNDING_SOURCE_CODES } from './leps.vocabulary.ts';
import { CONTRACT_KINDS, EMPLOYER_KINDS, SOCIAL_WORKER_RULES } from './leps.rules.ts';

const required = (label: string, max: number) =>
  plainText(label).trim().min(1, `${label}: campo obbligatorio.`).max(max, `${label}: al massimo ${max} caratteri.`);

/** The fields of a catalogue entry the administrator edits (the code and the areas stay as published). */
export const CatalogueEntryInput = z.object({
  version: versionField,
  name: required('Nome del LEPS', 500),
  legalReference: required('Normativa', 1000),
  planningAct: required('Atto di programmazione', 1000),
  fundingText: required('Fonte di finanziamento', 1000),
  note: optionalText(4000, 'Nota'),
});

/** A date: the shared rule (a day of the calendar from 1900 to 2100). */
const isoDate = (label: string) => isoDateField(label);

/** «0,5», «0.5», «18» → number; empty → null; anything else is an error with the field's name. */
const decimal = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      const n = v ? parseItalianNumber(v) : null;
      if (n === null) return null;
      if (Number.isNaN(n) || n < 0) {
        ctx.addIssue({ code: 'custom', message: `${label}: numero non valido «${v}» (es. 0,5).` });
        return z.NEVER;
      }
      return n;
    });

/** One social worker (or post) entered through the form. Exactly one of FTE and weekly hours. */
export const SocialWorkerPostInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._/-]{1,40}$/, 'Codice non valido: lettere, cifre, punti, trattini (es. AS-01); niente nomi di persone.'),
    comuneId: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(z.string().uuid('Comune non valido.').nullable()),
    employerKind: z.enum(EMPLOYER_KINDS, { message: 'Scegli il tipo di datore di lavoro.' }),
    employerName: required('Datore di lavoro', 300),
    contract: z.enum(CONTRACT_KINDS, { message: 'Scegli il tipo di contratto.' }),
    fte: decimal('ETP').pipe(z.number().positive('ETP: deve essere maggiore di 0.').max(1, 'ETP: al massimo 1 (un posto a tempo pieno).').nullable()),
    weeklyHours: decimal('Ore settimanali').pipe(
      z
        .number()
        .positive('Ore settimanali: devono essere maggiori di 0.')
        .max(SOCIAL_WORKER_RULES.fullTimeWeeklyHours, `Ore settimanali: al massimo ${SOCIAL_WORKER_RULES.fullTimeWeeklyHours} (tempo pieno).`)
        .nullable(),
    ),
    fundingSources: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.enum(FUNDING_SOURCE_CODES, { message: 'Fonte di finanziamento non prevista.' }))),
    assignment: optionalText(200, 'Funzione'),
    validFrom: isoDate('In servizio dal'),
    validTo: optionalIsoDate('In servizio fino al'),
  })
  .superRefine((v, ctx) => {
    if ((v.fte === null) === (v.weeklyHours === null))
      ctx.addIssue({ code: 'custom', path: ['fte'], message: 'Indica l’ETP oppure le ore settimanali (uno solo dei due).' });
    if (v.validTo !== null && v.validTo < v.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'La data di fine precede quella di inizio.' });
  });
export type SocialWorkerPostInput = z.input<typeof SocialWorkerPostInput>;

export const DeletePostInput = z.object({ version: versionField });

/** The id of a staff row given by a form's hidden field (`postId`): a UUID, or the input is refused naming the field. */
export const postIdOf = (postId: unknown) => requireRecordId(postId, 'postId');
