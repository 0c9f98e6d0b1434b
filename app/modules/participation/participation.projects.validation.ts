// The inputs of the co-designed projects' commands (forms and the import file), with Italian messages naming the field.
import { tr } from '../../shared/i18n/tr.server.ts';
import {
  euroField,
  isIsoDateInRange,
  isUuid,
  MAX_CENTS,
  MAX_PERSONS,
  noControlCharacters,
  optionalPersons,
  optionalText,
  versionField,
  z,
} from '../../shared/validation.ts';
import { PROJECT_PROCEDURES, PROJECT_STATUSES } from './participation.projects.rules.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const optionalId = (field: string) =>
  z
    .unknown()
    .optional()
    .transform((v) => (blank(v) ? null : String(v).trim()))
    .refine((v) => v === null || isUuid(v), { error: () => tr('part.projects.val.choice', { field: tr(`part.projects.f.${field}` as never) }) });

const requiredId = (field: string) =>
  z
    .unknown()
    .optional()
    .refine(isUuid, { error: () => tr('part.projects.val.choice', { field: tr(`part.projects.f.${field}` as never) }) }) as unknown as z.ZodType<string>;

const optionalDate = (field: string) =>
  z
    .unknown()
    .optional()
    .transform((v) => (blank(v) ? null : String(v).trim()))
    .refine((v) => v === null || isIsoDateInRange(v), {
      error: () => tr('part.projects.val.date', { field: tr(`part.projects.f.${field}` as never) }),
    });

/** The SDG goals ticked in the form (one value per box) or listed in the file. */
const sdgGoals = z
  .unknown()
  .optional()
  .transform((v) => (blank(v) ? [] : (Array.isArray(v) ? v : [v]).map((g) => Number(g))))
  .refine((goals) => goals.every((g) => Number.isInteger(g) && g >= 1 && g <= 17), { error: () => tr('part.projects.val.sdg') })
  .transform((goals) => [...new Set(goals)].sort((a, b) => a - b));

export const ProjectInput = z
  .object({
    title: z
      .string({ error: () => tr('part.projects.val.title') })
      .refine(...noControlCharacters())
      .trim()
      .min(3, { error: () => tr('part.projects.val.title') })
      .max(300, { error: () => tr('part.projects.val.title') }),
    summary: optionalText(4000, 'Sintesi e obiettivi'),
    planId: optionalId('plan'),
    tableId: optionalId('table'),
    procedure: z.enum(PROJECT_PROCEDURES, { error: () => tr('part.projects.val.procedure') }),
    procedureAct: optionalText(500, 'Atto'),
    startsOn: optionalDate('startsOn'),
    endsOn: optionalDate('endsOn'),
    beneficiaries: optionalText(2000, 'Beneficiari'),
    beneficiariesCount: optionalPersons(() => tr('part.projects.f.beneficiariesCount')),
    sdgGoals,
    status: z.enum(PROJECT_STATUSES, { error: () => tr('part.projects.val.status') }),
    leadOrganisationId: optionalId('lead'),
  })
  .superRefine((p, ctx) => {
    if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: tr('part.projects.val.endsBeforeStart') });
  });
export type ProjectInput = z.infer<typeof ProjectInput>;
export const ProjectEditInput = z.intersection(z.object({ version: versionField }), ProjectInput);

export const PartnerInput = z.object({
  version: versionField,
  organisationId: requiredId('partner'),
  role: optionalText(300, 'Ruolo nel progetto'),
});

const fundingSource = z
  .string({ error: () => tr('part.projects.val.source') })
  .refine(...noControlCharacters())
  .trim()
  .min(2, { error: () => tr('part.projects.val.source') })
  .max(200, { error: () => tr('part.projects.val.source') });

const resourceYear = z
  .unknown()
  .optional()
  .transform((v) => (blank(v) ? null : Number(String(v).trim())))
  .refine((v) => v === null || (Number.isInteger(v) && v >= 2000 && v <= 2100), { error: () => tr('part.projects.val.year') });

export const ResourceInput = z.object({
  version: versionField,
  fundingSource,
  year: resourceYear,
  /** An amount typed in euro («1.234,56 €»), read into integer cents: more than zero, at most MAX_CENTS. */
  amount: euroField(() => tr('part.projects.f.amount'), { positive: true }),
  note: optionalText(500, 'Nota'),
});

export const ObjectiveLinkInput = z.object({ version: versionField, objectiveId: requiredId('objective') });
export const RemoveInput = z.object({ version: versionField, id: requiredId('line') });

// ---------------------------------------------------------------------------------------------------------------
// The import file (fixtures/demo/*/progetti*.json): projects with partners and resources named as in the source act.

const FileOrganisation = z.object({
  name: z.string().trim().min(2).max(200),
  /** A governance organisation kind, used only when the organisation is not yet in the Ambito's registry. */
  kind: z.string().trim().min(2).max(60),
  role: z.string().trim().max(300).nullish(),
});

export const ProjectsFile = z.object({
  source: z.string().trim().min(3),
  projects: z.array(
    z.object({
      title: z.string().trim().min(3).max(300),
      summary: z.string().trim().max(4000).nullish(),
      procedure: z.enum(PROJECT_PROCEDURES),
      procedureAct: z.string().trim().max(500).nullish(),
      startsOn: z.string().regex(ISO_DATE).nullish(),
      endsOn: z.string().regex(ISO_DATE).nullish(),
      beneficiaries: z.string().trim().max(2000).nullish(),
      beneficiariesCount: z.number().int().min(0).max(MAX_PERSONS).nullish(),
      sdgGoals: z.array(z.number().int().min(1).max(17)).default([]),
      status: z.enum(PROJECT_STATUSES),
      lead: FileOrganisation.nullish(),
      partners: z.array(FileOrganisation).default([]),
      resources: z.array(
        z.object({
          fundingSource: z.string().trim().min(2).max(200),
          year: z.number().int().min(2000).max(2100).nullish(),
          amountCents: z.number().int().positive().max(MAX_CENTS),
          note: z.string().trim().max(500).nullish(),
        }),
      ),
    }),
  ),
});
export type ProjectsFile = z.infer<typeof ProjectsFile>;
