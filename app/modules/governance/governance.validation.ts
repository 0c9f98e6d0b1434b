import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { registerMessages, type MessageKey } from '../../shared/i18n/messages.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import {
  hasControlCharacters,
  isIsoDateInRange,
  isoDate as isoDateField,
  optionalIsoDate as optionalIsoDateField,
  optionalText,
  plainText,
  versionField,
  z,
} from '../../shared/validation.ts';
import {
  ACCEPTED_ATTACHMENTS,
  ATTACHMENT_TYPES,
  attachmentTypeName,
  ATTENDANCES,
  BODY_KINDS,
  BODY_TYPES,
  MAX_ATTACHMENT_BYTES,
  MEETING_TIME_ZONE,
  ORGANISATION_KINDS,
  PARTY_ROLES,
  POSITIONS,
  RULE_TYPES,
  RUNTS_KINDS,
  VOTES,
  type AttachmentExtension,
} from './governance.constants.ts';
import { checkFiscalCode } from './fiscal-code.ts';
import * as messages from './governance.messages.ts';
import { votingRuleSchema, type Attendance, type Vote, type VotingRule } from './voting.rules.ts';

export * from './governance.constants.ts';

// The messages are the module's dictionary, worded when the input is checked: in the language of the request (also
// where the app's module registry is not loaded: importers, scripts, tests).
registerMessages(messages);

/** A message of the dictionary, worded when the input is checked. */
const says = (key: MessageKey, params?: () => Record<string, string | number>) => ({ error: () => tr(key, params?.()) });
/** A field's name in a message (the label is a dictionary key). */
const named = (label: MessageKey) => () => ({ label: tr(label) });

// ---------------------------------------------------------------------------------------------------------------
// Shared field types

/** An optional field: trimmed, '' or absent becomes null, anything else must pass `schema`. */
const blankAsNull = <S extends z.ZodType<string, string>>(schema: S) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .pipe(schema.nullable());

const choice = (what: MessageKey) => says('gov.val.choice', () => ({ what: tr(what) }));
const uuid = (what: MessageKey) => z.string().trim().uuid(choice(what));
/** An optional reference to another record: '' or absent becomes null. */
const optionalUuid = (what: MessageKey) => blankAsNull(z.string().uuid(choice(what)));

/** True when `s` is an existing calendar day written AAAA-MM-GG within the years the app accepts (1900–2100). */
export const isIsoDate = (s: string): boolean => isIsoDateInRange(s);

/** A date field (the shared rule: a day of the calendar from 1900 to 2100), named by its dictionary label. */
export const isoDate = (label: MessageKey) => isoDateField(() => tr(label));
export const optionalIsoDate = (label: MessageKey) => optionalIsoDateField(() => tr(label));

const optionalEmail = blankAsNull(z.string().toLowerCase().email(says('gov.val.email')).max(254, says('gov.val.emailLong')));

/** A required text (no control characters: the shared text rule), named by its dictionary label. */
const requiredText = (label: MessageKey, min: number, max: number) =>
  plainText(() => tr(label))
    .trim()
    .min(min, min === 1 ? says('gov.val.required', named(label)) : says('gov.val.minChars', () => ({ label: tr(label), min })))
    .max(
      max,
      says('gov.val.maxChars', () => ({ label: tr(label), max })),
    );

// ---------------------------------------------------------------------------------------------------------------
// Times of meetings: entered and shown as local time in Italy (Europe/Rome), stored as instants (UTC).

function romeParts(instant: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: MEETING_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The offset of Italian time from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function romeOffsetMs(instant: Date): number {
  const p = romeParts(instant);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant of a local Italian date and time («2025-03-12», «17:30»). In the hour skipped when summer time
 * starts the time is moved forward (02:30 → 03:30); in the hour repeated when it ends, the first occurrence is taken.
 */
export function romeLocalToInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const day = 24 * 60 * 60 * 1000;
  // The offsets in force a day before and a day after: equal, except around a change of summer time.
  const candidates = [...new Set([romeOffsetMs(new Date(asUtc - day)), romeOffsetMs(new Date(asUtc + day))])].map((offset) => asUtc - offset);
  const wanted = `${date} ${time}`;
  const valid = candidates.filter((c) => {
    const local = instantToRomeLocal(new Date(c));
    return `${local.date} ${local.time}` === wanted;
  });
  return new Date(valid.length ? Math.min(...valid) : Math.max(...candidates));
}

/** The local Italian date («2025-03-12») and time («17:30») of an instant. */
export function instantToRomeLocal(instant: Date): { date: string; time: string } {
  const p = romeParts(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

const timeOfDay = (label: MessageKey) =>
  z
    .string(says('gov.val.timeMissing', named(label)))
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('gov.val.timeInvalid', named(label)));

// ---------------------------------------------------------------------------------------------------------------
// Organisations and people

export const OrganisationInput = z
  .object({
    name: requiredText('gov.val.f.orgName', 2, 200),
    kind: z.enum(ORGANISATION_KINDS, says('gov.val.orgKind')),
    fiscalCode: z
      .string()
      .optional()
      .transform((v) => (v ?? '').replace(/\s+/g, '').toUpperCase() || null),
    runtsNumber: blankAsNull(z.string().regex(/^[A-Za-z0-9/.-]{1,30}$/, says('gov.val.runts'))),
    comuneId: optionalUuid('gov.val.f.comune'),
    email: optionalEmail,
    address: optionalText(300, 'Indirizzo'),
  })
  .superRefine((o, ctx) => {
    if (o.fiscalCode !== null) {
      const check = checkFiscalCode(o.fiscalCode);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: ['fiscalCode'], message: check.message });
      else if (check.kind !== 'organisation') {
        ctx.addIssue({
          code: 'custom',
          path: ['fiscalCode'],
          message: tr('gov.val.fiscalCodePerson'),
        });
      }
    }
    if (o.runtsNumber !== null && !RUNTS_KINDS.includes(o.kind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['runtsNumber'],
        message: tr('gov.val.runtsKind', { kind: tr(`gov.enum.orgKind.${o.kind}`) }),
      });
    }
    if (o.kind === 'comune' && o.comuneId === null) ctx.addIssue({ code: 'custom', path: ['comuneId'], message: tr('gov.val.comuneRequired') });
    if (o.kind !== 'comune' && o.comuneId !== null) ctx.addIssue({ code: 'custom', path: ['comuneId'], message: tr('gov.val.comuneOnly') });
  });
export type OrganisationInput = z.infer<typeof OrganisationInput>;
export const OrganisationEditInput = z.intersection(z.object({ version: versionField }), OrganisationInput);

export const PersonInput = z.object({
  fullName: requiredText('gov.val.f.fullName', 2, 200),
  roleTitle: optionalText(200, 'Ruolo'),
  organisationId: optionalUuid('gov.val.f.organisation'),
  email: optionalEmail,
});
export type PersonInput = z.infer<typeof PersonInput>;
export const PersonEditInput = PersonInput.extend({ version: versionField });

// ---------------------------------------------------------------------------------------------------------------
// Bodies, their voting rule, their members

export const BodyInput = z.object({
  name: requiredText('gov.val.f.bodyName', 3, 200),
  type: z.enum(BODY_TYPES, says('gov.val.bodyType')),
  kind: z.enum(BODY_KINDS, says('gov.val.bodyKind')),
  description: optionalText(4000, 'Descrizione'),
  parentBodyId: optionalUuid('gov.val.f.parentBody'),
});
export type BodyInput = z.infer<typeof BodyInput>;
export const BodyEditInput = BodyInput.extend({ version: versionField });

/** A number typed in a form, Italian decimal comma accepted («50,5»); '' is absent. */
const formNumber = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.replace(',', '.') : ''));

/** Form field of each part of a voting rule (for error messages next to the right field). */
const RULE_FORM_FIELDS: Record<string, string> = {
  type: 'ruleType',
  abstentionsCountAsAgainst: 'abstentionsCountAsAgainst',
  numerator: 'numerator',
  denominator: 'denominator',
  base: 'base',
  thresholdPercent: 'thresholdPercent',
  quorum: 'quorumType',
  'quorum.type': 'quorumType',
  'quorum.percent': 'quorumPercent',
};

const RuleForm = z.object({
  version: versionField,
  ruleType: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.enum(RULE_TYPES, says('gov.val.ruleType')).nullable()),
  abstentionsCountAsAgainst: z.string().optional(),
  numerator: formNumber,
  denominator: formNumber,
  base: z.string().optional(),
  thresholdPercent: formNumber,
  quorumType: z.string().optional(),
  quorumPercent: formNumber,
});

/**
 * Reads the voting-rule form of a body into a rule (null: the body does not vote), checked with the rule's own
 * schema (voting.rules.ts). Errors name the form field.
 */
export function parseRuleForm(input: unknown): { version: number; rule: VotingRule | null } {
  const form = RuleForm.safeParse(input);
  if (!form.success)
    throw new ValidationError(form.error.issues.map((i) => ({ path: RULE_FORM_FIELDS[String(i.path[0])] ?? String(i.path[0]), message: i.message })));
  const f = form.data;
  if (f.ruleType === null) return { version: f.version, rule: null };
  const num = (v: string) => (v === '' ? undefined : Number(v));
  const quorum = f.quorumType ? { type: f.quorumType, percent: num(f.quorumPercent) } : undefined;
  const issues: FieldIssue[] = [];
  if (!f.quorumType && f.quorumPercent !== '') issues.push({ path: 'quorumType', message: tr('gov.val.quorumTypeMissing') });
  let candidate: Record<string, unknown>;
  switch (f.ruleType) {
    case 'majority_present':
      candidate = { type: f.ruleType, abstentionsCountAsAgainst: f.abstentionsCountAsAgainst === 'on' || f.abstentionsCountAsAgainst === 'true' };
      break;
    case 'qualified_majority':
      candidate = { type: f.ruleType, numerator: num(f.numerator), denominator: num(f.denominator), base: f.base };
      break;
    case 'unanimity':
      candidate = { type: f.ruleType, base: f.base };
      break;
    case 'population_weighted':
      candidate = { type: f.ruleType, thresholdPercent: num(f.thresholdPercent), base: f.base };
      break;
  }
  if (quorum) candidate.quorum = quorum;
  const parsed = votingRuleSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const key = i.path.map(String).join('.');
      issues.push({ path: RULE_FORM_FIELDS[key] ?? 'ruleType', message: capitalise(i.message) });
    }
  } else if (parsed.data.type === 'qualified_majority' && parsed.data.numerator > parsed.data.denominator) {
    issues.push({
      path: 'numerator',
      message: tr('gov.val.fractionOverOne', { numerator: parsed.data.numerator, denominator: parsed.data.denominator }),
    });
  }
  if (issues.length) throw new ValidationError(issues);
  return { version: f.version, rule: parsed.data! };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.');
}

export const MemberInput = z
  .object({
    personId: uuid('gov.val.f.person'),
    organisationId: optionalUuid('gov.val.f.organisation'),
    comuneId: optionalUuid('gov.val.f.comuneRepresented'),
    position: z.enum(POSITIONS, says('gov.val.position')),
    delegateOfMemberId: optionalUuid('gov.val.f.delegateOf'),
    validFrom: optionalIsoDate('gov.val.f.validFrom'),
    validTo: optionalIsoDate('gov.val.f.validTo'),
  })
  .refine((m) => !m.validFrom || !m.validTo || m.validTo >= m.validFrom, { path: ['validTo'], ...says('gov.val.memberEndsBeforeStart') });
export type MemberInput = z.infer<typeof MemberInput>;
export const MemberEditInput = z.intersection(z.object({ version: versionField }), MemberInput);

/** The end of a membership (its organisation left, or the person stepped down): the last day in office. */
export const EndMembershipInput = z.object({ version: versionField, validTo: isoDate('gov.val.f.validTo') });

// ---------------------------------------------------------------------------------------------------------------
// Meetings

const onlineUrl = blankAsNull(
  plainText(() => tr('gov.val.f.link'))
    .max(500, says('gov.val.linkLong'))
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    }, says('gov.val.linkInvalid')),
);

export const MeetingInput = z
  .object({
    title: requiredText('gov.val.f.meetingTitle', 3, 200),
    date: isoDate('gov.val.f.date'),
    startTime: timeOfDay('gov.val.f.startTime'),
    endTime: timeOfDay('gov.val.f.endTime'),
    place: optionalText(300, 'Luogo'),
    onlineUrl,
    agenda: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(/\r?\n/)
          .map((line) => line.trim().replace(/^(\d+[.)]|[-*•])\s*/, ''))
          .filter(Boolean),
      )
      .pipe(z.array(plainText(() => tr('gov.val.f.agenda')).max(500, says('gov.val.agendaItemLong'))).max(50, says('gov.val.agendaLong'))),
  })
  .superRefine((m, ctx) => {
    if (!m.place && !m.onlineUrl) ctx.addIssue({ code: 'custom', path: ['place'], message: tr('gov.val.placeOrLink') });
    if (m.endTime <= m.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: tr('gov.val.endBeforeStart') });
  })
  .transform((m) => ({
    title: m.title,
    startsAt: romeLocalToInstant(m.date, m.startTime),
    endsAt: romeLocalToInstant(m.date, m.endTime),
    place: m.place,
    onlineUrl: m.onlineUrl,
    agenda: m.agenda,
  }));
export type MeetingInput = z.infer<typeof MeetingInput>;
export const MeetingEditInput = z.intersection(z.object({ version: versionField }), MeetingInput);

/**
 * Reads the attendance form: for each member `status.<memberId>` (present / absent / delegated) and, when
 * delegated, `delegate.<memberId>` with the delegate's name. Every member of the meeting must be answered.
 */
export function parseAttendanceForm(input: Record<string, unknown>, members: readonly { id: string; label: string }[]) {
  const version = versionField.safeParse(input.version);
  const issues: FieldIssue[] = [];
  if (!version.success) issues.push({ path: 'version', message: version.error.issues[0]!.message });
  const rows = members.map((m) => {
    const status = String(input[`status.${m.id}`] ?? '');
    const delegate = String(input[`delegate.${m.id}`] ?? '').trim();
    if (!(ATTENDANCES as readonly string[]).includes(status)) {
      issues.push({ path: `status.${m.id}`, message: tr('gov.val.attendanceMissing', { member: m.label }) });
    } else if (status === 'delegated' && delegate.length < 2) {
      issues.push({ path: `delegate.${m.id}`, message: tr('gov.val.delegateMissing', { member: m.label }) });
    } else if (delegate.length > 200) {
      issues.push({ path: `delegate.${m.id}`, message: tr('gov.val.delegateLong', { member: m.label }) });
    } else if (hasControlCharacters(delegate)) {
      issues.push({ path: `delegate.${m.id}`, message: tr('validation.text.control', { label: m.label }) });
    }
    return { memberId: m.id, status: status as Attendance, delegateName: status === 'delegated' ? delegate : null };
  });
  if (issues.length) throw new ValidationError(issues);
  return { version: version.data!, rows };
}

export const MinutesInput = z
  .object({
    version: versionField,
    minutes: optionalText(100_000, 'Verbale'),
    minutesApprovedAt: optionalIsoDate('gov.val.f.approvedAt'),
    minutesApprovedBy: optionalText(200, 'Approvato da'),
  })
  .superRefine((m, ctx) => {
    if (m.minutesApprovedAt && !m.minutesApprovedBy) ctx.addIssue({ code: 'custom', path: ['minutesApprovedBy'], message: tr('gov.val.minutesApprover') });
    if (m.minutesApprovedBy && !m.minutesApprovedAt) ctx.addIssue({ code: 'custom', path: ['minutesApprovedAt'], message: tr('gov.val.minutesDate') });
    if ((m.minutesApprovedAt || m.minutesApprovedBy) && !m.minutes) ctx.addIssue({ code: 'custom', path: ['minutes'], message: tr('gov.val.minutesEmpty') });
  });
export type MinutesInput = z.infer<typeof MinutesInput>;

/** A form whose only field is the record's version (convocation, upload of the signed Accordo). */
export const VersionOnlyInput = z.object({ version: versionField });

// ---------------------------------------------------------------------------------------------------------------
// Attachments: type by extension, confirmed by the file's first bytes (a renamed executable is refused).

const MAGIC: Record<'pdf' | 'zip' | 'png' | 'jpeg', number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  zip: [0x50, 0x4b, 0x03, 0x04], // PK♥♦: ODT, ODS, DOCX, XLSX are ZIP packages
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
};

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Checks an uploaded file against the whitelist and the size limit. The type comes from the extension and must
 * match the content (PDF signature, ZIP package for OpenDocument/Office files, PNG and JPEG signatures, text
 * without NUL bytes for CSV); the MIME type of the download is ours, never the browser's.
 */
export function checkAttachment(
  file: { name: string; bytes: Uint8Array },
  options: { field: string; only?: readonly AttachmentExtension[] } = { field: 'file' },
): { fileName: string; mimeType: string; extension: AttachmentExtension; sizeBytes: number } {
  const fail = (message: string): never => {
    throw new ValidationError([{ path: options.field, message }], tr('gov.upload.notUploaded'));
  };
  const fileName = file.name
    .replace(/[\\/]/g, '_')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(-200);
  if (!fileName || file.bytes.length === 0) fail(tr('gov.val.fileEmpty'));
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) {
    fail(tr('gov.val.fileTooLarge', { file: fileName, size: serverFormat().number(file.bytes.length / 1024 / 1024, 1) }));
  }
  const extension = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  const allowed = options.only ?? (Object.keys(ATTACHMENT_TYPES) as AttachmentExtension[]);
  if (!(allowed as readonly string[]).includes(extension)) {
    const accepted = options.only ? [...new Set(options.only.map(attachmentTypeName))].join(', ') : ACCEPTED_ATTACHMENTS;
    fail(tr('gov.val.fileType', { extension: extension ? ` («.${extension}»)` : '', file: fileName, accepted }));
  }
  const ext = extension as AttachmentExtension;
  const b = file.bytes;
  const matches =
    ext === 'pdf'
      ? startsWith(b, MAGIC.pdf)
      : ext === 'png'
        ? startsWith(b, MAGIC.png)
        : ext === 'jpg' || ext === 'jpeg'
          ? startsWith(b, MAGIC.jpeg)
          : ext === 'csv'
            ? !b.includes(0)
            : startsWith(b, MAGIC.zip);
  if (!matches) fail(tr('gov.val.fileContent', { file: fileName, type: attachmentTypeName(ext) }));
  return { fileName, mimeType: ATTACHMENT_TYPES[ext], extension: ext, sizeBytes: b.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions

export const DecisionInput = z.object({
  number: requiredText('gov.val.f.number', 1, 30),
  date: isoDate('gov.val.f.date'),
  subject: requiredText('gov.val.f.subject', 3, 300),
  text: optionalText(20_000, 'Testo'),
});
export type DecisionInput = z.infer<typeof DecisionInput>;
export const DecisionEditInput = DecisionInput.extend({ version: versionField });

/**
 * Reads the vote form against the meeting's recorded attendance: `vote.<memberId>` (for / against / abstained, or
 * '' / 'none' for no vote) for each member. Attendance is not read from the form (it is the meeting's record): a
 * vote given for a member recorded as absent means the form was filled in on an attendance that is no longer the
 * recorded one, and is refused.
 */
export function parseVotesForm(input: Record<string, unknown>, members: readonly { id: string; label: string; attendance: Attendance }[]) {
  const issues: FieldIssue[] = [];
  const rows = members.map((m) => {
    const rawVote = String(input[`vote.${m.id}`] ?? '');
    if (rawVote !== '' && rawVote !== 'none' && !(VOTES as readonly string[]).includes(rawVote)) {
      issues.push({ path: `vote.${m.id}`, message: tr('gov.val.voteInvalid', { member: m.label }) });
    }
    const vote = rawVote === '' || rawVote === 'none' ? null : (rawVote as Vote);
    if (m.attendance === 'absent' && vote !== null) {
      issues.push({ path: `vote.${m.id}`, message: tr('gov.val.voteAbsent', { member: m.label }) });
    }
    return { memberId: m.id, attendance: m.attendance, vote: m.attendance === 'absent' ? null : vote };
  });
  if (issues.length) throw new ValidationError(issues);
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Accordo di programma

const year = (label: MessageKey) =>
  z.coerce
    .number(says('gov.val.yearInvalid', named(label)))
    .int(says('gov.val.yearInvalid', named(label)))
    .min(2000, says('gov.val.yearFrom', named(label)))
    .max(2100, says('gov.val.yearTo', named(label)));

export const AgreementInput = z
  .object({
    title: requiredText('gov.val.f.title', 3, 300),
    periodStartYear: year('gov.val.f.firstYear'),
    periodEndYear: year('gov.val.f.lastYear'),
    validFrom: isoDate('gov.val.f.validFromAgreement'),
    validTo: isoDate('gov.val.f.validToAgreement'),
    adoptedOn: optionalIsoDate('gov.val.f.adoptedOn'),
  })
  .superRefine((a, ctx) => {
    if (a.periodEndYear < a.periodStartYear) ctx.addIssue({ code: 'custom', path: ['periodEndYear'], message: tr('gov.val.planEndBeforeStart') });
    if (a.validTo < a.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: tr('gov.val.validityEndBeforeStart') });
  });
export type AgreementInput = z.infer<typeof AgreementInput>;
export const AgreementEditInput = z.intersection(z.object({ version: versionField }), AgreementInput);

export const PartyInput = z.object({
  organisationId: uuid('gov.val.f.organisation'),
  role: z.enum(PARTY_ROLES, says('gov.val.partyRole')),
});
export type PartyInput = z.infer<typeof PartyInput>;

export const SignatureInput = z.object({
  organisationId: optionalUuid('gov.val.f.organisation'),
  signerName: requiredText('gov.val.f.signer', 2, 200),
  signerRole: requiredText('gov.val.f.signerRole', 2, 200),
  signedOn: optionalIsoDate('gov.val.f.signedOn'),
});
export type SignatureInput = z.infer<typeof SignatureInput>;
