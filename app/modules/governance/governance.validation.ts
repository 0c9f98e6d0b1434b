import { ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { optionalText, versionField, z } from '../../shared/validation.ts';
import {
  ATTACHMENT_TYPES,
  attachmentTypeName,
  ATTENDANCES,
  BODY_KINDS,
  BODY_TYPES,
  MAX_ATTACHMENT_BYTES,
  MEETING_TIME_ZONE,
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  PARTY_ROLES,
  POSITIONS,
  RULE_TYPES,
  RUNTS_KINDS,
  VOTES,
  type AttachmentExtension,
} from './governance.constants.ts';
import { checkFiscalCode } from './fiscal-code.ts';
import { votingRuleSchema, type Attendance, type Vote, type VotingRule } from './voting.rules.ts';

export * from './governance.constants.ts';

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

const uuid = (what: string) => z.string().trim().uuid(`${what}: scelta non valida, ricarica la pagina.`);
/** An optional reference to another record: '' or absent becomes null. */
const optionalUuid = (what: string) => blankAsNull(z.string().uuid(`${what}: scelta non valida, ricarica la pagina.`));

/** True when `s` is an existing calendar day written AAAA-MM-GG. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export const isoDate = (label: string) =>
  z
    .string({ message: `${label}: data mancante.` })
    .trim()
    .min(1, `${label}: data mancante.`)
    .refine(isIsoDate, `${label}: data non valida, usa il formato AAAA-MM-GG (es. 2025-01-01).`);

export const optionalIsoDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), `${label}: data non valida, usa il formato AAAA-MM-GG (es. 2025-01-01).`);

const optionalEmail = blankAsNull(
  z.string().toLowerCase().email('Indirizzo e-mail non valido (es. nome@comune.it).').max(254, 'Indirizzo e-mail troppo lungo.'),
);

const requiredText = (label: string, min: number, max: number) =>
  z
    .string({ message: `${label}: campo obbligatorio.` })
    .trim()
    .min(min, min === 1 ? `${label}: campo obbligatorio.` : `${label}: almeno ${min} caratteri.`)
    .max(max, `${label}: al massimo ${max} caratteri.`);

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

const timeOfDay = (label: string) =>
  z
    .string({ message: `${label}: ora mancante.` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}: ora non valida, usa il formato OO:MM (es. 17:30).`);

// ---------------------------------------------------------------------------------------------------------------
// Organisations and people

export const OrganisationInput = z
  .object({
    name: requiredText('Nome dell’organizzazione', 2, 200),
    kind: z.enum(ORGANISATION_KINDS, { message: 'Scegli il tipo di organizzazione dall’elenco.' }),
    fiscalCode: z
      .string()
      .optional()
      .transform((v) => (v ?? '').replace(/\s+/g, '').toUpperCase() || null),
    runtsNumber: blankAsNull(z.string().regex(/^[A-Za-z0-9/.-]{1,30}$/, 'Numero RUNTS non valido: lettere, cifre, «/», «.» o «-», al massimo 30 caratteri.')),
    comuneId: optionalUuid('Comune'),
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
          message: 'Il codice fiscale di un’organizzazione è di 11 cifre: questo è il codice di una persona.',
        });
      }
    }
    if (o.runtsNumber !== null && !RUNTS_KINDS.includes(o.kind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['runtsNumber'],
        message: `Il numero RUNTS riguarda gli enti del Terzo settore, non il tipo «${ORGANISATION_KIND_LABELS[o.kind]}».`,
      });
    }
    if (o.kind === 'comune' && o.comuneId === null)
      ctx.addIssue({ code: 'custom', path: ['comuneId'], message: 'Per un Comune scegli quale comune dell’Ambito è.' });
    if (o.kind !== 'comune' && o.comuneId !== null)
      ctx.addIssue({ code: 'custom', path: ['comuneId'], message: 'Il comune si indica solo per le organizzazioni di tipo «Comune».' });
  });
export type OrganisationInput = z.infer<typeof OrganisationInput>;
export const OrganisationEditInput = z.intersection(z.object({ version: versionField }), OrganisationInput);

export const PersonInput = z.object({
  fullName: requiredText('Nome e cognome', 2, 200),
  roleTitle: optionalText(200, 'Ruolo'),
  organisationId: optionalUuid('Organizzazione'),
  email: optionalEmail,
});
export type PersonInput = z.infer<typeof PersonInput>;
export const PersonEditInput = PersonInput.extend({ version: versionField });

// ---------------------------------------------------------------------------------------------------------------
// Bodies, their voting rule, their members

export const BodyInput = z.object({
  name: requiredText('Nome dell’organo', 3, 200),
  type: z.enum(BODY_TYPES, { message: 'Scegli il tipo di organo dall’elenco.' }),
  kind: z.enum(BODY_KINDS, { message: 'Scegli la natura dell’organo dall’elenco.' }),
  description: optionalText(4000, 'Descrizione'),
  parentBodyId: optionalUuid('Organo di riferimento'),
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
    .pipe(z.enum(RULE_TYPES, { message: 'Scegli la regola di voto dall’elenco.' }).nullable()),
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
  if (!f.quorumType && f.quorumPercent !== '')
    issues.push({ path: 'quorumType', message: 'Hai indicato la percentuale del quorum: scegli anche su che cosa si calcola.' });
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
      message: `La frazione ${parsed.data.numerator}/${parsed.data.denominator} supera l’intero: il numeratore non può superare il denominatore.`,
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
    personId: uuid('Persona'),
    organisationId: optionalUuid('Organizzazione'),
    comuneId: optionalUuid('Comune rappresentato'),
    position: z.enum(POSITIONS, { message: 'Scegli la carica dall’elenco.' }),
    delegateOfMemberId: optionalUuid('Delegato di'),
    validFrom: optionalIsoDate('In carica dal'),
    validTo: optionalIsoDate('In carica fino al'),
  })
  .refine((m) => !m.validFrom || !m.validTo || m.validTo >= m.validFrom, { path: ['validTo'], message: 'La fine dell’incarico precede il suo inizio.' });
export type MemberInput = z.infer<typeof MemberInput>;
export const MemberEditInput = z.intersection(z.object({ version: versionField }), MemberInput);

// ---------------------------------------------------------------------------------------------------------------
// Meetings

const onlineUrl = blankAsNull(
  z
    .string()
    .max(500, 'Collegamento troppo lungo (massimo 500 caratteri).')
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'Collegamento non valido: scrivi l’indirizzo completo, che inizia con https://'),
);

export const MeetingInput = z
  .object({
    title: requiredText('Titolo della riunione', 3, 200),
    date: isoDate('Data'),
    startTime: timeOfDay('Ora di inizio'),
    endTime: timeOfDay('Ora di fine'),
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
      .pipe(
        z.array(z.string().max(500, 'Ogni punto all’ordine del giorno ha al massimo 500 caratteri.')).max(50, 'Al massimo 50 punti all’ordine del giorno.'),
      ),
  })
  .superRefine((m, ctx) => {
    if (!m.place && !m.onlineUrl)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'Indica il luogo della riunione o il collegamento per partecipare online.' });
    if (m.endTime <= m.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'L’ora di fine deve seguire l’ora di inizio.' });
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
      issues.push({ path: `status.${m.id}`, message: `${m.label}: indica se è presente, assente o delegato.` });
    } else if (status === 'delegated' && delegate.length < 2) {
      issues.push({ path: `delegate.${m.id}`, message: `${m.label}: scrivi il nome della persona delegata.` });
    } else if (delegate.length > 200) {
      issues.push({ path: `delegate.${m.id}`, message: `${m.label}: nome del delegato troppo lungo (massimo 200 caratteri).` });
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
    minutesApprovedAt: optionalIsoDate('Data di approvazione'),
    minutesApprovedBy: optionalText(200, 'Approvato da'),
  })
  .superRefine((m, ctx) => {
    if (m.minutesApprovedAt && !m.minutesApprovedBy)
      ctx.addIssue({ code: 'custom', path: ['minutesApprovedBy'], message: 'Indica chi ha approvato il verbale.' });
    if (m.minutesApprovedBy && !m.minutesApprovedAt)
      ctx.addIssue({ code: 'custom', path: ['minutesApprovedAt'], message: 'Indica la data di approvazione del verbale.' });
    if ((m.minutesApprovedAt || m.minutesApprovedBy) && !m.minutes)
      ctx.addIssue({ code: 'custom', path: ['minutes'], message: 'Un verbale si approva dopo averlo scritto: il testo è vuoto.' });
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

export const ACCEPTED_ATTACHMENTS = 'PDF, ODT, DOCX, XLSX, ODS, CSV, PNG, JPEG';

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
    throw new ValidationError([{ path: options.field, message }], 'Il file non è stato caricato.');
  };
  const fileName = file.name
    .replace(/[\\/]/g, '_')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(-200);
  if (!fileName || file.bytes.length === 0) fail('Scegli un file da caricare: quello ricevuto è vuoto.');
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) {
    fail(`Il file «${fileName}» pesa ${(file.bytes.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB: il limite è 10 MB.`);
  }
  const extension = (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  const allowed = options.only ?? (Object.keys(ATTACHMENT_TYPES) as AttachmentExtension[]);
  if (!(allowed as readonly string[]).includes(extension)) {
    const accepted = options.only ? [...new Set(options.only.map(attachmentTypeName))].join(', ') : ACCEPTED_ATTACHMENTS;
    fail(`Tipo di file non ammesso${extension ? ` («.${extension}»)` : ''} per «${fileName}»: sono ammessi ${accepted}.`);
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
  if (!matches) fail(`Il contenuto di «${fileName}» non è un file ${attachmentTypeName(ext)}: controlla di aver scelto il file giusto.`);
  return { fileName, mimeType: ATTACHMENT_TYPES[ext], extension: ext, sizeBytes: b.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions

export const DecisionInput = z.object({
  number: requiredText('Numero', 1, 30),
  date: isoDate('Data'),
  subject: requiredText('Oggetto', 3, 300),
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
      issues.push({ path: `vote.${m.id}`, message: `${m.label}: voto non valido.` });
    }
    const vote = rawVote === '' || rawVote === 'none' ? null : (rawVote as Vote);
    if (m.attendance === 'absent' && vote !== null) {
      issues.push({
        path: `vote.${m.id}`,
        message: `${m.label}: risulta assente nelle presenze registrate della riunione, quindi non può votare. Se le presenze sono cambiate, ricarica la pagina e ripeti il voto.`,
      });
    }
    return { memberId: m.id, attendance: m.attendance, vote: m.attendance === 'absent' ? null : vote };
  });
  if (issues.length) throw new ValidationError(issues);
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Accordo di programma

const year = (label: string) =>
  z.coerce
    .number({ message: `${label}: anno non valido.` })
    .int(`${label}: anno non valido.`)
    .min(2000, `${label}: anno non valido (dal 2000).`)
    .max(2100, `${label}: anno non valido (fino al 2100).`);

export const AgreementInput = z
  .object({
    title: requiredText('Titolo', 3, 300),
    periodStartYear: year('Primo anno del Piano'),
    periodEndYear: year('Ultimo anno del Piano'),
    validFrom: isoDate('Valido dal'),
    validTo: isoDate('Valido fino al'),
    adoptedOn: optionalIsoDate('Adottato il'),
  })
  .superRefine((a, ctx) => {
    if (a.periodEndYear < a.periodStartYear) ctx.addIssue({ code: 'custom', path: ['periodEndYear'], message: 'L’ultimo anno del Piano precede il primo.' });
    if (a.validTo < a.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'La fine della validità precede il suo inizio.' });
  });
export type AgreementInput = z.infer<typeof AgreementInput>;
export const AgreementEditInput = z.intersection(z.object({ version: versionField }), AgreementInput);

export const PartyInput = z.object({
  organisationId: uuid('Organizzazione'),
  role: z.enum(PARTY_ROLES, { message: 'Scegli se l’organizzazione sottoscrive o aderisce.' }),
});
export type PartyInput = z.infer<typeof PartyInput>;

export const SignatureInput = z.object({
  organisationId: optionalUuid('Organizzazione'),
  signerName: requiredText('Firmatario', 2, 200),
  signerRole: requiredText('Ruolo del firmatario', 2, 200),
  signedOn: optionalIsoDate('Data della firma'),
});
export type SignatureInput = z.infer<typeof SignatureInput>;
