import { isUuid, optionalEuro, optionalPersons, optionalText, plainText, versionField, z } from '../../shared/validation.ts';
import { MANAGEMENT_FORMS, MAX_YEAR, MIN_YEAR, splitCodes } from './services.rules.ts';

const required = (label: string, max: number) =>
  plainText(label).trim().min(1, `${label}: campo obbligatorio.`).max(max, `${label}: al massimo ${max} caratteri.`);

/** The LEPS served: checkboxes (several values) or codes written in one field. */
const lepsCodes = z
  .union([z.array(plainText('LEPS')), plainText('LEPS')])
  .optional()
  .transform((v) => splitCodes(Array.isArray(v) ? v.join(',') : v));

/** A service as the form sends it (new or changed). */
export const ServiceInput = z.object({
  code: required('Codice del servizio', 40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Codice del servizio: lettere, cifre, punti, trattini (es. SAD-01).'),
  name: required('Nome', 300),
  typeCode: required('Voce del nomenclatore', 10).transform((s) => s.toUpperCase()),
  areaCode: required('Area', 60),
  targetGroup: required('Destinatari', 300),
  management: z.enum(MANAGEMENT_FORMS, { message: `Forma di gestione: scegli una delle forme previste (${MANAGEMENT_FORMS.join(', ')}).` }),
  comuneId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isUuid(v), 'Comune: scegli un comune dell’Ambito.'),
  providerName: required('Ente erogatore', 300),
  providerCode: optionalText(40, 'Codice fiscale o IPA dell’ente'),
  accessPoint: optionalText(300, 'Dove si accede'),
  contact: optionalText(300, 'Contatti'),
  description: optionalText(2000, 'Descrizione'),
  lepsCodes,
  source: optionalText(500, 'Fonte'),
});
export type ServiceInput = z.infer<typeof ServiceInput>;

export const ServiceUpdateInput = ServiceInput.extend({ version: versionField });

export const VersionInput = z.object({ version: versionField });

/** How many fund lines the year form offers. */
export const FUND_LINES = 4;

/**
 * A year's figures as the form sends them: year, users, spending and up to FUND_LINES funds; amounts and counts by the
 * shared rules (cents at most MAX_CENTS, persons at most MAX_PERSONS; empty is null).
 */
export const ServiceYearInput = z
  .object({
    year: z.coerce
      .number({ message: 'Anno: campo obbligatorio.' })
      .int('Anno: un anno di quattro cifre.')
      .min(MIN_YEAR, `Anno: tra ${MIN_YEAR} e ${MAX_YEAR}.`)
      .max(MAX_YEAR, `Anno: tra ${MIN_YEAR} e ${MAX_YEAR}.`),
    users: optionalPersons('Utenti'),
    spend: optionalEuro('Spesa'),
    note: optionalText(1000, 'Nota'),
    source: optionalText(500, 'Fonte'),
    /** The year's record version when it is being changed (absent for a new year). */
    version: versionField.optional().or(z.literal('').transform(() => undefined)),
    fund_1: z.string().trim().optional(),
    amount_1: optionalEuro('Importo del fondo 1'),
    fundUsers_1: optionalPersons('Utenti del fondo 1'),
    fund_2: z.string().trim().optional(),
    amount_2: optionalEuro('Importo del fondo 2'),
    fundUsers_2: optionalPersons('Utenti del fondo 2'),
    fund_3: z.string().trim().optional(),
    amount_3: optionalEuro('Importo del fondo 3'),
    fundUsers_3: optionalPersons('Utenti del fondo 3'),
    fund_4: z.string().trim().optional(),
    amount_4: optionalEuro('Importo del fondo 4'),
    fundUsers_4: optionalPersons('Utenti del fondo 4'),
  })
  .transform((v, ctx) => {
    const raw = v as unknown as Record<string, string | number | null | undefined>;
    const funds: { fundCode: string; amountCents: number; users: number | null }[] = [];
    for (let i = 1; i <= FUND_LINES; i++) {
      const code = ((raw[`fund_${i}`] as string | undefined) ?? '').toUpperCase();
      const amount = raw[`amount_${i}`] as number | null;
      const users = raw[`fundUsers_${i}`] as number | null;
      if (!code && amount === null && users === null) continue;
      if (!code) ctx.addIssue({ code: 'custom', path: [`fund_${i}`], message: `Fondo ${i}: scegli il fondo dell’importo.` });
      else if (amount === null) ctx.addIssue({ code: 'custom', path: [`amount_${i}`], message: `Importo del fondo ${i}: campo obbligatorio.` });
      else funds.push({ fundCode: code, amountCents: amount, users });
    }
    return { year: v.year, users: v.users, spendCents: v.spend, note: v.note, source: v.source, version: v.version, funds };
  });
export type ServiceYearInput = z.infer<typeof ServiceYearInput>;
