import {
  euroField,
  isoDate as isoDateField,
  optionalIsoDate,
  optionalRecordId,
  optionalText,
  plainText,
  recordId,
  versionField,
  z,
} from '../../shared/validation.ts';
import { DECREASE_REASONS } from './finance.rules.ts';
import { TRACKED_MEASURES } from './budget-tracking.rules.ts';

/** An amount in euro typed in a form ("12.500", "12500,50", "1.234,56") → cents: the shared rule, zero allowed, at most MAX_CENTS. */
const amountEuro = euroField('Importo');

/** A date (the shared rule: a day of the calendar from 1900 to 2100; a cut-off dated 0001-01-01 is a typo). */
const isoDate = isoDateField('Data');

const year = z.coerce
  .number({ message: 'Anno non valido.' })
  .int('Anno non valido.')
  .min(1990, 'Anno non valido (dal 1990).')
  .max(2100, 'Anno non valido (fino al 2100).');
const yearOrPeriod = z.union([z.literal('').transform(() => null), year]).transform((v) => v ?? null);
const uuid = (what: string) => recordId(what);
const optionalUuid = (what: string) => optionalRecordId(what);
const fundCode = z
  .string({ message: 'Scegli il fondo.' })
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,59}$/, 'Scegli il fondo dal catalogo.');

/** A value of the plan budget at a cut-off date. */
export const CutOffInput = z.object({
  objectiveId: uuid('Obiettivo'),
  actionId: optionalUuid('Azione'),
  fund: fundCode,
  year: yearOrPeriod,
  measure: z.enum(TRACKED_MEASURES, { message: 'Scegli cosa registri: preventivato, impegnato o liquidato.' }),
  date: isoDate,
  amountEuro,
  reason: z
    .union([z.literal('').transform(() => null), z.enum(DECREASE_REASONS, { message: 'Motivo non previsto.' })])
    .nullish()
    .transform((v) => v ?? null),
  note: optionalText(1000, 'Nota'),
});
export type CutOffInput = z.input<typeof CutOffInput>;

/** Carry-over of unspent money to the following year. */
export const CarryOverInput = z.object({
  objectiveId: uuid('Obiettivo'),
  actionId: optionalUuid('Azione'),
  fund: fundCode,
  fromYear: yearOrPeriod,
  amountEuro,
  date: isoDate,
  note: optionalText(1000, 'Nota'),
});

/** A fund's allocation to the Ambito for a year. */
export const AllocationInput = z.object({
  fund: fundCode,
  year,
  amountEuro,
  act: optionalText(300, 'Atto di assegnazione'),
  note: optionalText(1000, 'Nota'),
});

/** The editable fields of a funding source (the code stays: data refer to it). */
export const FundingSourceEditInput = z
  .object({
    version: versionField,
    name: plainText('Nome').trim().min(3, 'Nome mancante o troppo corto.').max(300, 'Nome: al massimo 300 caratteri.'),
    shortName: plainText('Nome breve').trim().min(2, 'Nome breve mancante.').max(40, 'Nome breve: al massimo 40 caratteri.'),
    legalBasis: optionalText(300, 'Base normativa'),
    activeFrom: optionalIsoDate('Attivo dal'),
    activeTo: optionalIsoDate('Attivo fino al'),
    notes: optionalText(1000, 'Note'),
  })
  .superRefine((v, ctx) => {
    if (v.activeFrom && v.activeTo && v.activeTo < v.activeFrom)
      ctx.addIssue({ code: 'custom', path: ['activeTo'], message: 'La data di fine precede quella di inizio.' });
  });
