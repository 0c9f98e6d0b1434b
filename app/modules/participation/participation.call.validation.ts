// The inputs of the open call's commands (zod). Messages are dictionary entries (messages/call.ts), written in the
// language of the request when the input is checked.
import { PASSWORD_MIN_LENGTH } from '../../shared/auth/password.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { isIsoDateInRange, isUuid, noControlCharacters, versionField, z } from '../../shared/validation.ts';
import { checkFiscalCode } from '../governance/index.server.ts';
import { LOMBARDY_POLICY_AREAS } from '../planning/index.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { LEGAL_FORMS, runtsAllowed } from './participation.call.rules.ts';

const says = (key: MessageKey, params?: Record<string, string | number>) => ({ error: () => tr(key, params) });

/** A day of the calendar AAAA-MM-GG from 1900 to 2100 (the shared date rule). */
export const isIsoDay = (s: string): boolean => isIsoDateInRange(s);

const text = (key: MessageKey, min: number, max: number) =>
  z
    .string(says(key))
    .refine(...noControlCharacters())
    .trim()
    .min(min, says(key))
    .max(max, says('part.call.val.tooLong', { max }));

const optional = (max: number) =>
  z
    .string()
    .refine(...noControlCharacters())
    .trim()
    .max(max, says('part.call.val.tooLong', { max }))
    .nullish()
    .transform((v) => (v ? v : null));

const day = (key: MessageKey) => z.string(says(key)).trim().refine(isIsoDay, says(key));

const year = (key: MessageKey) => z.coerce.number(says(key)).int(says(key)).min(2000, says(key)).max(2100, says(key));

/** A list from a form: checkboxes (FormData.getAll), a single value or nothing. */
const list = (item: z.ZodType<string>) =>
  z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]), z.array(item));

const tableId = z.string().refine(isUuid, says('part.call.val.tableUnknown'));

export const CallInput = z
  .object({
    title: text('part.call.val.title', 5, 200),
    description: optional(8000),
    opensOn: day('part.call.val.opensOn'),
    closesOn: day('part.call.val.closesOn'),
    periodStartYear: year('part.call.val.periodStart'),
    periodEndYear: year('part.call.val.periodEnd'),
    tableIds: list(tableId).pipe(z.array(z.string()).min(1, says('part.call.val.callTables'))),
    privacyNotice: text('part.call.val.privacyNotice', 20, 8000),
    retention: text('part.call.val.retention', 3, 500),
  })
  .refine((c) => c.closesOn >= c.opensOn, { path: ['closesOn'], ...says('part.call.val.closesBeforeOpens') })
  .refine((c) => c.periodEndYear >= c.periodStartYear, { path: ['periodEndYear'], ...says('part.call.val.periodOrder') });
export type CallInput = z.infer<typeof CallInput>;

export const VersionInput = z.object({ version: versionField });

const POLICY_AREA_CODES = Object.keys(LOMBARDY_POLICY_AREAS) as [string, ...string[]];

export const ApplicationInput = z
  .object({
    organisationName: text('part.call.val.organisationName', 2, 200),
    fiscalCode: z.string(says('part.call.val.fiscalCodeMissing')).transform((v) => v.replace(/\s+/g, '').toUpperCase()),
    legalForm: z.enum(LEGAL_FORMS, says('part.call.val.legalForm')),
    runtsNumber: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v.toUpperCase() : null))
      .refine((v) => v === null || /^[A-Z0-9/.-]{1,30}$/.test(v), says('part.call.val.runts')),
    policyAreas: list(z.enum(POLICY_AREA_CODES, says('part.call.val.policyArea'))),
    tableIds: list(tableId).pipe(z.array(z.string()).min(1, says('part.call.val.tablesNone'))),
    contactName: text('part.call.val.contactName', 2, 200),
    contactEmail: z
      .string(says('part.call.val.email'))
      .trim()
      .toLowerCase()
      .pipe(z.email(says('part.call.val.email')).max(200, says('part.call.val.email'))),
    contactPhone: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^\+?[0-9][0-9 ./-]{5,19}$/.test(v), says('part.call.val.phone')),
    password: z
      .string(says('part.call.val.password', { min: PASSWORD_MIN_LENGTH }))
      .min(PASSWORD_MIN_LENGTH, says('part.call.val.password', { min: PASSWORD_MIN_LENGTH }))
      .max(200, says('part.call.val.passwordLong')),
    privacyAccepted: z.preprocess((v) => v === 'on' || v === '1' || v === 'true' || v === true, z.literal(true, says('part.call.val.privacy'))),
  })
  .superRefine((a, ctx) => {
    if (!a.fiscalCode) {
      ctx.addIssue({ code: 'custom', path: ['fiscalCode'], message: tr('part.call.val.fiscalCodeMissing') });
      return;
    }
    const check = checkFiscalCode(a.fiscalCode);
    if (!check.ok) ctx.addIssue({ code: 'custom', path: ['fiscalCode'], message: tr('part.call.val.fiscalCode', { reason: check.message }) });
    else if (check.kind !== 'organisation') ctx.addIssue({ code: 'custom', path: ['fiscalCode'], message: tr('part.call.val.fiscalCodePerson') });
    if (a.runtsNumber !== null && !runtsAllowed(a.legalForm)) ctx.addIssue({ code: 'custom', path: ['runtsNumber'], message: tr('part.call.val.runtsForm') });
    if (new Set(a.tableIds).size !== a.tableIds.length) ctx.addIssue({ code: 'custom', path: ['tableIds'], message: tr('part.call.val.tablesRepeated') });
  });
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const RejectInput = z.object({ version: versionField, reason: text('part.call.val.reason', 5, 2000) });

/** The call file of the importer (fixtures/demo/gallarate/partecipazione/avviso-2025-2027.json). */
export const CallFile = z.strictObject({
  calls: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z0-9-]{3,60}$/, 'chiave di 3-60 caratteri: lettere minuscole, cifre, trattini'),
        title: z.string().min(5).max(200),
        description: z.string().max(8000).nullable(),
        opensOn: z.string().refine(isIsoDay, 'data ISO (AAAA-MM-GG) non valida'),
        closesOn: z.string().refine(isIsoDay, 'data ISO (AAAA-MM-GG) non valida'),
        /** A day the call was closed early (null: not closed early). */
        closedOn: z.string().refine(isIsoDay, 'data ISO (AAAA-MM-GG) non valida').nullable(),
        periodStartYear: z.number().int().min(2000).max(2100),
        periodEndYear: z.number().int().min(2000).max(2100),
        /** The tables by name, as the Ambito's table records name them. */
        tables: z.array(z.string().min(2)).min(1, 'serve almeno un tavolo'),
        privacyNotice: z.string().min(20).max(8000),
        retention: z.string().min(3).max(500),
      }),
    )
    .min(1, 'serve almeno un avviso'),
});
export type CallFile = z.infer<typeof CallFile>;
