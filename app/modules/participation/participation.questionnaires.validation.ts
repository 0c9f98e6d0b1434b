// The inputs of the questionnaire commands (zod), with messages from the dictionary worded when the input is checked.
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import {
  hasControlCharacters,
  isIsoDateInRange,
  MAX_PERSONS,
  noControlCharacters,
  optionalInteger,
  optionalPersons,
  versionField,
  z,
} from '../../shared/validation.ts';
import { AUDIENCES, parseAnswerNumber, QUESTION_KINDS, QUESTIONNAIRE_STATUSES, RESPONDENTS } from './participation.questionnaires.rules.ts';

const says = (key: MessageKey, params?: Record<string, string | number>) => ({ error: () => tr(key, params) });

/** An optional text: trimmed, '' or absent becomes null. */
const optional = (max: number, label: MessageKey) =>
  z
    .string()
    .refine(...noControlCharacters(() => tr(label)))
    .trim()
    .max(max, { error: () => tr('part.quest.val.tooLong', { label: tr(label), max }) })
    .nullish()
    .transform((v) => (v ? v : null));

const required = (min: number, max: number, label: MessageKey) =>
  z
    .string({ error: () => tr('part.quest.val.required', { label: tr(label) }) })
    .refine(...noControlCharacters(() => tr(label)))
    .trim()
    .min(min, { error: () => tr('part.quest.val.required', { label: tr(label) }) })
    .max(max, { error: () => tr('part.quest.val.tooLong', { label: tr(label), max }) });

const isoDay = (label: MessageKey) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isIsoDateInRange(v), {
      error: () => tr('part.quest.val.date', { label: tr(label) }),
    });

const checkbox = z
  .union([z.boolean(), z.string()])
  .nullish()
  .transform((v) => v === true || v === 'on' || v === 'true' || v === '1' || v === 'sì');

const optionalUuid = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v), says('part.quest.val.table'));

export const QuestionnaireInput = z
  .object({
    title: required(3, 200, 'part.quest.field.title'),
    intro: optional(4000, 'part.quest.field.intro'),
    audience: z.enum(AUDIENCES, says('part.quest.val.audience')),
    tableId: optionalUuid,
    respondent: z.enum(RESPONDENTS, says('part.quest.val.respondent')),
    opensOn: isoDay('part.quest.field.opensOn'),
    closesOn: isoDay('part.quest.field.closesOn'),
    personalDataPurpose: optional(1000, 'part.quest.field.purpose'),
    retention: required(3, 500, 'part.quest.field.retention'),
  })
  .superRefine((v, ctx) => {
    if (v.opensOn && v.closesOn && v.closesOn < v.opensOn)
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: tr('part.quest.val.closesBeforeOpens') });
    if (v.audience === 'pubblico' && v.respondent !== 'persona')
      ctx.addIssue({ code: 'custom', path: ['respondent'], message: tr('part.quest.val.publicPerPerson') });
    if (v.audience === 'pubblico' && v.tableId) ctx.addIssue({ code: 'custom', path: ['tableId'], message: tr('part.quest.val.publicNoTable') });
  });
export type QuestionnaireInput = z.infer<typeof QuestionnaireInput>;

export const QuestionnaireEdit = z.intersection(QuestionnaireInput, z.object({ version: versionField }));

export const PublishedFiguresInput = z.object({
  version: versionField,
  publishedRespondents: optionalPersons(() => tr('part.quest.field.publishedRespondents')),
  publishedSource: optional(500, 'part.quest.field.publishedSource'),
});

export const StatusInput = z.object({ version: versionField, status: z.enum(QUESTIONNAIRE_STATUSES, says('part.quest.val.status')) });

/** Options typed one per line (or given as a list): trimmed, blank lines dropped. */
const optionList = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((v) => (v === null || v === undefined ? [] : typeof v === 'string' ? v.split(/\r?\n/) : v).map((o) => o.trim()).filter((o) => o !== ''));

/** Published shares typed one per line «Opzione = 66,7» (or given as an object). */
const sharesField = z
  .union([z.string(), z.record(z.string(), z.number())])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    if (typeof v !== 'string') return Object.keys(v).length ? v : null;
    const out: Record<string, number> = {};
    for (const [i, line] of v.split(/\r?\n/).entries()) {
      if (!line.trim()) continue;
      const at = line.lastIndexOf('=');
      const n = at > 0 ? parseAnswerNumber(line.slice(at + 1).replace('%', '')) : null;
      if (at <= 0 || n === null || n < 0 || n > 100) {
        ctx.addIssue({ code: 'custom', message: tr('part.quest.val.shareLine', { line: i + 1 }) });
        return z.NEVER;
      }
      out[line.slice(0, at).trim()] = n;
    }
    return Object.keys(out).length ? out : null;
  });

export const QuestionInput = z
  .object({
    kind: z.enum(QUESTION_KINDS, says('part.quest.val.kind')),
    label: required(3, 500, 'part.quest.field.label'),
    help: optional(1000, 'part.quest.field.help'),
    required: checkbox,
    options: optionList,
    scaleMin: optionalInteger(() => tr('part.quest.field.scaleMin'), { min: -100, max: 100 }),
    scaleMax: optionalInteger(() => tr('part.quest.field.scaleMax'), { min: -100, max: 100 }),
    scaleMinLabel: optional(100, 'part.quest.field.scaleMinLabel'),
    scaleMaxLabel: optional(100, 'part.quest.field.scaleMaxLabel'),
    publishedShares: sharesField,
  })
  .superRefine((v, ctx) => {
    const choice = v.kind === 'scelta_singola' || v.kind === 'scelta_multipla';
    if (choice && v.options.length < 2) ctx.addIssue({ code: 'custom', path: ['options'], message: tr('part.quest.val.optionsFew') });
    if (choice && new Set(v.options).size !== v.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: tr('part.quest.val.optionsTwice') });
    if (choice && v.options.some((o) => o.length > 200)) ctx.addIssue({ code: 'custom', path: ['options'], message: tr('part.quest.val.optionLong') });
    if (v.options.some(hasControlCharacters))
      ctx.addIssue({ code: 'custom', path: ['options'], message: tr('validation.text.control', { label: tr('part.quest.field.options') }) });
    if (v.kind === 'scala') {
      if (v.scaleMin === null || v.scaleMax === null || v.scaleMax <= v.scaleMin || v.scaleMax - v.scaleMin > 10)
        ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: tr('part.quest.val.scale') });
    }
    if (v.publishedShares && choice) {
      const unknown = Object.keys(v.publishedShares).filter((k) => !v.options.includes(k));
      if (unknown.length)
        ctx.addIssue({ code: 'custom', path: ['publishedShares'], message: tr('part.quest.val.shareOption', { option: unknown.join(', ') }) });
    }
    if (v.publishedShares && !choice) ctx.addIssue({ code: 'custom', path: ['publishedShares'], message: tr('part.quest.val.shareKind') });
  })
  .transform((v) => {
    const choice = v.kind === 'scelta_singola' || v.kind === 'scelta_multipla';
    const scale = v.kind === 'scala';
    return {
      ...v,
      options: choice ? v.options : [],
      scaleMin: scale ? v.scaleMin : null,
      scaleMax: scale ? v.scaleMax : null,
      scaleMinLabel: scale ? v.scaleMinLabel : null,
      scaleMaxLabel: scale ? v.scaleMaxLabel : null,
    };
  });
export type QuestionInput = z.infer<typeof QuestionInput>;

export const QuestionEdit = z.intersection(QuestionInput, z.object({ version: versionField }));
export const MoveInput = z.object({ version: versionField, direction: z.enum(['su', 'giu'], says('part.quest.val.direction')) });
export const VersionInput = z.object({ version: versionField });

/** The respondent's details, asked only when the questionnaire states why. */
export const PersonalDataInput = z.object({
  respondentName: required(2, 200, 'part.quest.field.respondentName'),
  respondentEmail: z.string().trim().toLowerCase().email(says('part.quest.val.email')),
});

// ---------------------------------------------------------------- the import file (fixtures, all-or-nothing)

const ImportQuestion = z.object({
  kind: z.enum(QUESTION_KINDS),
  label: z.string().min(3),
  help: z.string().nullish(),
  required: z.boolean().default(false),
  options: z.array(z.string().min(1)).default([]),
  scaleMin: z.number().int().nullish(),
  scaleMax: z.number().int().nullish(),
  scaleMinLabel: z.string().nullish(),
  scaleMaxLabel: z.string().nullish(),
  publishedShares: z.record(z.string(), z.number().min(0).max(100)).nullish(),
});

export const ImportFile = z.object({
  ambitoCode: z.string().min(1),
  questionnaires: z
    .array(
      z.object({
        title: z.string().min(3),
        intro: z.string().nullish(),
        audience: z.enum(AUDIENCES),
        tableName: z.string().nullish(),
        respondent: z.enum(RESPONDENTS),
        status: z.enum(QUESTIONNAIRE_STATUSES),
        opensOn: z.iso.date().refine(isIsoDateInRange).nullish(),
        closesOn: z.iso.date().refine(isIsoDateInRange).nullish(),
        publicToken: z
          .string()
          .regex(/^[A-Za-z0-9_-]{16,64}$/)
          .nullish(),
        personalDataPurpose: z.string().nullish(),
        retention: z.string().min(3),
        publishedRespondents: z.number().int().min(0).max(MAX_PERSONS).nullish(),
        publishedSource: z.string().nullish(),
        questions: z.array(ImportQuestion).min(1),
      }),
    )
    .min(1),
});
export type ImportFile = z.infer<typeof ImportFile>;
