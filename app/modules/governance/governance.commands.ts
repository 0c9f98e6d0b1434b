import { createHash } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, DbOrTx, Tx } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { NotFoundError, ValidationError, issuesFromZod, type FieldIssue } from '../../shared/errors.ts';
import { outbox } from '../../shared/mail/outbox.schema.ts';
import { ambiti } from '../territory/index.server.ts';
import { authorize, type GovernanceAction } from './governance.policy.ts';
import {
  comuneWeights,
  getAgreementRow,
  getBodyRow,
  getDecisionRow,
  getMeetingRow,
  getMemberRow,
  getOrganisation,
  getPerson,
  listAgenda,
  listAttendance,
  listComuniChoices,
  listMeetingMembers,
  listMembers,
} from './governance.queries.ts';
import {
  agendaItems,
  agreementParties,
  agreements,
  agreementSignatures,
  attendance,
  bodies,
  bodyMembers,
  decisions,
  decisionVotes,
  meetingAttachments,
  meetings,
  organisations,
  people,
} from './governance.schema.ts';
import {
  AgreementEditInput,
  AgreementInput,
  BodyEditInput,
  BodyInput,
  checkAttachment,
  VersionOnlyInput,
  DecisionEditInput,
  DecisionInput,
  instantToRomeLocal,
  MeetingEditInput,
  MeetingInput,
  MemberEditInput,
  MemberInput,
  MEETING_TIME_ZONE,
  MinutesInput,
  OrganisationEditInput,
  OrganisationInput,
  parseAttendanceForm,
  parseRuleForm,
  parseVotesForm,
  PartyInput,
  PersonEditInput,
  PersonInput,
  SignatureInput,
} from './governance.validation.ts';
import { bundleFailedMessage, nameKey, parseGovernanceFiles, type Located } from './governance.importers.ts';
import { meetingToIcs } from './icalendar.ts';
import { attendanceFingerprint, computeOutcome, type Attendance, type VotingRule } from './voting.rules.ts';

// Every write: one transaction that loads the Ambito and authorises the actor (governance.policy.ts) before
// reading the input (who may not write learns nothing from validation messages), validates it with zod, checks
// that the records it refers to belong to the same Ambito, writes (optimistic lock where a record is edited) and
// records exactly one audit entry with the record before and after. Any error rolls everything back.

type Scope = { id: string; code: string; name: string; regionCode: string };

interface CommandContext {
  db: Db;
  actor: Actor;
  ambitoId: string;
}

function parse<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  input: unknown,
): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error));
  return parsed.data;
}

/** Loads the Ambito (the policy's subject) and checks the action, inside the command's transaction. */
async function authorised(tx: DbOrTx, actor: Actor, ambitoId: string, action: GovernanceAction): Promise<Scope> {
  const [scope] = await tx
    .select({ id: ambiti.id, code: ambiti.code, name: ambiti.name, regionCode: ambiti.regionCode })
    .from(ambiti)
    .where(eq(ambiti.id, ambitoId));
  if (!scope) throw new NotFoundError('L’Ambito');
  authorize(actor, action, scope);
  return scope;
}

function invalid(path: string, message: string): never {
  throw new ValidationError([{ path, message }]);
}

/** The references a form makes to other records of the same Ambito must exist there. */
async function checkOrganisationRef(tx: DbOrTx, ambitoId: string, organisationId: string | null, field = 'organisationId') {
  if (organisationId && !(await getOrganisation(tx, ambitoId, organisationId)))
    invalid(field, 'L’organizzazione scelta non esiste in questo Ambito: ricarica la pagina.');
}

async function checkComuneRef(tx: DbOrTx, ambitoId: string, comuneId: string | null, field = 'comuneId') {
  if (comuneId && !(await listComuniChoices(tx, ambitoId)).some((c) => c.id === comuneId)) invalid(field, 'Il comune scelto non fa parte dell’Ambito.');
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations and people

async function checkFiscalCodeFree(tx: DbOrTx, ambitoId: string, fiscalCode: string | null, exceptId?: string) {
  if (!fiscalCode) return;
  const [other] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.ambitoId, ambitoId), eq(organisations.fiscalCode, fiscalCode), exceptId ? ne(organisations.id, exceptId) : undefined));
  if (other) invalid('fiscalCode', `Il codice fiscale ${fiscalCode} è già registrato per «${other.name}».`);
}

/** Adds an organisation to the Ambito's registry. */
export async function createOrganisation({ db, actor, ambitoId, input }: CommandContext & { input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'organisation.write');
    const data = parse(OrganisationInput, input);
    await checkComuneRef(tx, ambitoId, data.comuneId);
    await checkFiscalCodeFree(tx, ambitoId, data.fiscalCode);
    const [row] = await tx
      .insert(organisations)
      .values({ ambitoId, ...data })
      .returning();
    await recordAudit(tx, { actor, action: 'governance.organisation.created', entityType: 'organisation', entityId: row!.id, ambitoId, after: row });
    return row!;
  });
}

/** Edits an organisation (optimistic lock on its version). */
export async function updateOrganisation({ db, actor, ambitoId, organisationId, input }: CommandContext & { organisationId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'organisation.write');
    const { version, ...data } = parse(OrganisationEditInput, input);
    if (!(await getOrganisation(tx, ambitoId, organisationId))) throw new NotFoundError('L’organizzazione');
    await checkComuneRef(tx, ambitoId, data.comuneId);
    await checkFiscalCodeFree(tx, ambitoId, data.fiscalCode, organisationId);
    const { before, after } = await updateVersioned(tx, organisations, organisationId, version, data, 'l’organizzazione');
    await recordAudit(tx, { actor, action: 'governance.organisation.updated', entityType: 'organisation', entityId: organisationId, ambitoId, before, after });
    return after;
  });
}

/** Adds a person (name, role, organisation, e-mail) to the Ambito's registry. */
export async function createPerson({ db, actor, ambitoId, input }: CommandContext & { input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'organisation.write');
    const data = parse(PersonInput, input);
    await checkOrganisationRef(tx, ambitoId, data.organisationId);
    const [row] = await tx
      .insert(people)
      .values({ ambitoId, ...data })
      .returning();
    await recordAudit(tx, { actor, action: 'governance.person.created', entityType: 'person', entityId: row!.id, ambitoId, after: row });
    return row!;
  });
}

/** Edits a person (optimistic lock on the version). */
export async function updatePerson({ db, actor, ambitoId, personId, input }: CommandContext & { personId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'organisation.write');
    const { version, ...data } = parse(PersonEditInput, input);
    if (!(await getPerson(tx, ambitoId, personId))) throw new NotFoundError('La persona');
    await checkOrganisationRef(tx, ambitoId, data.organisationId);
    const { before, after } = await updateVersioned(tx, people, personId, version, data, 'la persona');
    await recordAudit(tx, { actor, action: 'governance.person.updated', entityType: 'person', entityId: personId, ambitoId, before, after });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Bodies, rules, members

async function checkParentBody(tx: DbOrTx, ambitoId: string, parentBodyId: string | null, selfId?: string) {
  if (!parentBodyId) return;
  let current: string | null = parentBodyId;
  for (let depth = 0; current; depth++) {
    if (current === selfId || depth > 20) invalid('parentBodyId', 'Un organo non può far parte di sé stesso né di un organo che ne fa parte.');
    const row = await getBodyRow(tx, ambitoId, current);
    if (!row) invalid('parentBodyId', 'L’organo di riferimento scelto non esiste in questo Ambito: ricarica la pagina.');
    current = row.parentBodyId;
  }
}

/** Creates a governance body of the Ambito (its voting rule is set afterwards, on the body's page). */
export async function createBody({ db, actor, ambitoId, input }: CommandContext & { input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'body.write');
    const data = parse(BodyInput, input);
    await checkParentBody(tx, ambitoId, data.parentBodyId);
    const [row] = await tx
      .insert(bodies)
      .values({ ambitoId, ...data })
      .returning();
    await recordAudit(tx, { actor, action: 'governance.body.created', entityType: 'governance_body', entityId: row!.id, ambitoId, after: row });
    return row!;
  });
}

/** Edits a body's name, type, kind, description and parent (optimistic lock). */
export async function updateBody({ db, actor, ambitoId, bodyId, input }: CommandContext & { bodyId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'body.write');
    const { version, ...data } = parse(BodyEditInput, input);
    if (!(await getBodyRow(tx, ambitoId, bodyId))) throw new NotFoundError('L’organo');
    await checkParentBody(tx, ambitoId, data.parentBodyId, bodyId);
    const { before, after } = await updateVersioned(tx, bodies, bodyId, version, data, 'l’organo');
    await recordAudit(tx, { actor, action: 'governance.body.updated', entityType: 'governance_body', entityId: bodyId, ambitoId, before, after });
    return after;
  });
}

/**
 * Sets a body's voting rule and quorum (or none: the body does not vote). Decisions already taken keep the rule
 * they were voted with (a copy is frozen in each decision).
 */
export async function updateBodyRule({ db, actor, ambitoId, bodyId, input }: CommandContext & { bodyId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'body.write');
    const { version, rule } = parseRuleForm(input);
    if (!(await getBodyRow(tx, ambitoId, bodyId))) throw new NotFoundError('L’organo');
    const { before, after } = await updateVersioned(tx, bodies, bodyId, version, { votingRule: rule }, 'l’organo');
    await recordAudit(tx, { actor, action: 'governance.body.rule_updated', entityType: 'governance_body', entityId: bodyId, ambitoId, before, after });
    return after;
  });
}

async function checkMember(tx: DbOrTx, ambitoId: string, bodyId: string, data: MemberInput, selfId?: string) {
  if (!(await getPerson(tx, ambitoId, data.personId))) invalid('personId', 'La persona scelta non esiste in questo Ambito: ricarica la pagina.');
  await checkOrganisationRef(tx, ambitoId, data.organisationId);
  await checkComuneRef(tx, ambitoId, data.comuneId);
  if (data.delegateOfMemberId) {
    if (data.delegateOfMemberId === selfId) invalid('delegateOfMemberId', 'Un componente non può essere delegato di sé stesso.');
    if (!(await getMemberRow(tx, bodyId, data.delegateOfMemberId))) invalid('delegateOfMemberId', 'Il componente delegante non fa parte di questo organo.');
  }
  const others = (await listMembers(tx, bodyId)).filter((m) => m.personId === data.personId && m.id !== selfId);
  const overlap = others.find(
    (m) => (m.validFrom ?? '0000-01-01') <= (data.validTo ?? '9999-12-31') && (data.validFrom ?? '0000-01-01') <= (m.validTo ?? '9999-12-31'),
  );
  if (overlap) invalid('personId', `${overlap.personName} è già componente di questo organo nello stesso periodo: modifica l’incarico esistente.`);
}

/** Adds a member to a body: person, organisation, represented comune, position, delegation, validity. */
export async function addMember({ db, actor, ambitoId, bodyId, input }: CommandContext & { bodyId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'body.write');
    const data = parse(MemberInput, input);
    if (!(await getBodyRow(tx, ambitoId, bodyId))) throw new NotFoundError('L’organo');
    await checkMember(tx, ambitoId, bodyId, data);
    const [row] = await tx
      .insert(bodyMembers)
      .values({ bodyId, ...data })
      .returning();
    await recordAudit(tx, { actor, action: 'governance.member.added', entityType: 'body_member', entityId: row!.id, ambitoId, after: row });
    return row!;
  });
}

/** Edits a membership (position, represented comune, delegation, dates; optimistic lock). */
export async function updateMember({ db, actor, ambitoId, bodyId, memberId, input }: CommandContext & { bodyId: string; memberId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'body.write');
    const { version, ...data } = parse(MemberEditInput, input);
    if (!(await getBodyRow(tx, ambitoId, bodyId)) || !(await getMemberRow(tx, bodyId, memberId))) throw new NotFoundError('Il componente');
    await checkMember(tx, ambitoId, bodyId, data, memberId);
    const { before, after } = await updateVersioned(tx, bodyMembers, memberId, version, data, 'il componente');
    await recordAudit(tx, { actor, action: 'governance.member.updated', entityType: 'body_member', entityId: memberId, ambitoId, before, after });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Meetings

async function replaceAgenda(tx: Tx, meetingId: string, titles: string[]) {
  await tx.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  if (titles.length) await tx.insert(agendaItems).values(titles.map((title, i) => ({ meetingId, position: i + 1, title })));
}

/** Schedules a meeting of a body, with its ordered agenda. */
export async function createMeeting({ db, actor, ambitoId, bodyId, input }: CommandContext & { bodyId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'meeting.create');
    const { agenda, ...data } = parse(MeetingInput, input);
    if (!(await getBodyRow(tx, ambitoId, bodyId))) throw new NotFoundError('L’organo');
    const [row] = await tx
      .insert(meetings)
      .values({ ambitoId, bodyId, ...data })
      .returning();
    await replaceAgenda(tx, row!.id, agenda);
    await recordAudit(tx, { actor, action: 'governance.meeting.created', entityType: 'meeting', entityId: row!.id, ambitoId, after: { ...row, agenda } });
    return row!;
  });
}

/**
 * Edits a meeting and its agenda (optimistic lock). A change of time or place raises the iCalendar SEQUENCE, so
 * that calendars replace the old event when the convocation is sent again or the feed is read.
 */
export async function updateMeeting({ db, actor, ambitoId, meetingId, input }: CommandContext & { meetingId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'meeting.write');
    const { version, agenda, ...data } = parse(MeetingEditInput, input);
    const current = await getMeetingRow(tx, ambitoId, meetingId);
    if (!current) throw new NotFoundError('La riunione');
    const agendaBefore = (await listAgenda(tx, meetingId)).map((a) => a.title);
    const moved =
      current.startsAt.getTime() !== data.startsAt.getTime() ||
      current.endsAt.getTime() !== data.endsAt.getTime() ||
      current.place !== data.place ||
      current.onlineUrl !== data.onlineUrl ||
      current.title !== data.title;
    const { before, after } = await updateVersioned(
      tx,
      meetings,
      meetingId,
      version,
      { ...data, icsSequence: moved ? current.icsSequence + 1 : current.icsSequence },
      'la riunione',
    );
    await replaceAgenda(tx, meetingId, agenda);
    await recordAudit(tx, {
      actor,
      action: 'governance.meeting.updated',
      entityType: 'meeting',
      entityId: meetingId,
      ambitoId,
      before: { ...before, agenda: agendaBefore },
      after: { ...after, agenda },
    });
    return after;
  });
}

const fullDate = new Intl.DateTimeFormat('it-IT', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: MEETING_TIME_ZONE });

/** The text of a convocation e-mail, in Italian. */
export function convocationText(m: {
  recipient: string;
  ambitoName: string;
  bodyName: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  agenda: string[];
  url: string | null;
  update: boolean;
}): { subject: string; body: string } {
  const when = `${fullDate.format(m.startsAt)}, dalle ${instantToRomeLocal(m.startsAt).time} alle ${instantToRomeLocal(m.endsAt).time}`;
  const lines = [
    `Gentile ${m.recipient},`,
    '',
    m.update
      ? `la convocazione della riunione «${m.title}» (${m.bodyName}) è stata aggiornata. Ecco i dati in vigore:`
      : `è convocata la riunione «${m.title}» (${m.bodyName}):`,
    '',
    `- quando: ${when} (ora italiana)`,
    ...(m.place ? [`- dove: ${m.place}`] : []),
    ...(m.onlineUrl ? [`- collegamento per partecipare online: ${m.onlineUrl}`] : []),
    '',
    ...(m.agenda.length ? ['Ordine del giorno:', ...m.agenda.map((a, i) => `${i + 1}. ${a}`), ''] : []),
    'In allegato l’invito per il calendario (file .ics).',
    ...(m.url ? [`La pagina della riunione: ${m.url}`] : []),
    '',
    `Ufficio di Piano – ${m.ambitoName}`,
  ];
  return { subject: `${m.update ? 'Aggiornamento convocazione' : 'Convocazione'}: ${m.bodyName} – ${fullDate.format(m.startsAt)}`, body: lines.join('\n') };
}

/**
 * Convenes a meeting: one outbox message per member in office on the meeting's day who has an e-mail address, each
 * with the meeting's iCalendar invitation. Without SMTP the messages stay in the Ambito's outbox for users to see.
 * A second convocation (after a change) is sent as an update. `baseUrl` (e.g. https://cantiere.example) links the
 * meeting's page.
 */
export async function convokeMeeting({
  db,
  actor,
  ambitoId,
  meetingId,
  input,
  baseUrl,
  now = new Date(),
}: CommandContext & { meetingId: string; input: unknown; baseUrl?: string; now?: Date }) {
  return db.transaction(async (tx) => {
    const scope = await authorised(tx, actor, ambitoId, 'meeting.write');
    const { version } = parse(VersionOnlyInput, input);
    const meeting = await getMeetingRow(tx, ambitoId, meetingId);
    if (!meeting) throw new NotFoundError('La riunione');
    const body = (await getBodyRow(tx, ambitoId, meeting.bodyId))!;
    const members = await listMeetingMembers(tx, ambitoId, meeting);
    const agenda = (await listAgenda(tx, meetingId)).map((a) => a.title);
    const withEmail = [...new Map(members.filter((m) => m.email).map((m) => [m.email!.toLowerCase(), m])).values()];
    const withoutEmail = members.filter((m) => !m.email).map((m) => m.personName);
    const update = meeting.convokedAt !== null;
    // The version is checked first (a stale page is a conflict); a refusal below rolls the update back.
    const { before, after } = await updateVersioned(
      tx,
      meetings,
      meetingId,
      version,
      { convokedAt: now, status: meeting.status === 'programmata' ? 'convocata' : meeting.status },
      'la riunione',
    );
    if (members.length === 0) invalid('convocation', 'L’organo non ha componenti in carica alla data della riunione: aggiungili nella pagina dell’organo.');
    if (withEmail.length === 0)
      invalid('convocation', 'Nessun componente ha un indirizzo e-mail: aggiungilo alle persone nella pagina Organizzazioni e persone.');
    const url = baseUrl ? `${baseUrl.replace(/\/$/, '')}/ambiti/${scope.code}/riunioni/${meetingId}` : null;
    const ics = meetingToIcs(
      {
        uid: `riunione-${meetingId}@cantiere`,
        title: `${body.name}: ${meeting.title}`,
        description: icsDescription(agenda, meeting.onlineUrl),
        location: meeting.place ?? meeting.onlineUrl,
        url,
        start: meeting.startsAt,
        end: meeting.endsAt,
        organizer: actor.kind === 'user' ? { name: `Ufficio di Piano – ${scope.name}`, email: actor.email } : null,
        sequence: meeting.icsSequence,
        status: 'CONFIRMED',
      },
      now,
    );
    const messages = withEmail.map((m) => {
      const text = convocationText({
        recipient: m.personName,
        ambitoName: scope.name,
        bodyName: body.name,
        title: meeting.title,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        place: meeting.place,
        onlineUrl: meeting.onlineUrl,
        agenda,
        url,
        update,
      });
      return {
        ambitoId,
        toAddress: m.email!,
        toName: m.personName,
        subject: text.subject,
        body: text.body,
        ics,
        topic: `meeting:${meetingId}`,
        createdAt: now,
      };
    });
    await tx.insert(outbox).values(messages);
    const convocation = { messages: messages.length, recipients: messages.map((m) => `${m.toName} <${m.toAddress}>`), withoutEmail, update };
    await recordAudit(tx, {
      actor,
      action: 'governance.meeting.convoked',
      entityType: 'meeting',
      entityId: meetingId,
      ambitoId,
      before,
      after: { ...after, convocation },
    });
    return convocation;
  });
}

/** The DESCRIPTION of a meeting's calendar event: the agenda, and the link to join online. */
export function icsDescription(agenda: string[], onlineUrl: string | null): string | null {
  const parts = [
    ...(agenda.length ? ['Ordine del giorno:', ...agenda.map((a, i) => `${i + 1}. ${a}`)] : []),
    ...(onlineUrl ? [`Collegamento: ${onlineUrl}`] : []),
  ];
  return parts.length ? parts.join('\n') : null;
}

/**
 * Records who attended a meeting (every member in office on its day: present, absent or delegated with the
 * delegate's name), replacing what was recorded before; the meeting is then «svolta». Optimistic lock on the meeting.
 */
export async function recordAttendance({ db, actor, ambitoId, meetingId, input }: CommandContext & { meetingId: string; input: Record<string, unknown> }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'meeting.write');
    const meeting = await getMeetingRow(tx, ambitoId, meetingId);
    if (!meeting) throw new NotFoundError('La riunione');
    const members = await listMeetingMembers(tx, ambitoId, meeting);
    if (members.length === 0) invalid('attendance', 'L’organo non ha componenti in carica alla data della riunione.');
    const { version, rows } = parseAttendanceForm(
      input,
      members.map((m) => ({ id: m.id, label: m.personName })),
    );
    const previous = await listAttendance(tx, meetingId);
    const { before, after } = await updateVersioned(tx, meetings, meetingId, version, { status: 'svolta' }, 'la riunione');
    await tx.delete(attendance).where(eq(attendance.meetingId, meetingId));
    await tx.insert(attendance).values(rows.map((r) => ({ meetingId, memberId: r.memberId, status: r.status, delegateName: r.delegateName })));
    const named = (list: { memberId: string; status: string; delegateName: string | null }[]) =>
      list.map((a) => ({ member: members.find((m) => m.id === a.memberId)?.personName ?? a.memberId, status: a.status, delegateName: a.delegateName }));
    await recordAudit(tx, {
      actor,
      action: 'governance.meeting.attendance_recorded',
      entityType: 'meeting',
      entityId: meetingId,
      ambitoId,
      before: { status: before.status, version: before.version, attendance: named(previous) },
      after: { status: after.status, version: after.version, attendance: named(rows) },
    });
    return rows;
  });
}

/** Saves the minutes (verbale) and their approval: date and by whom (optimistic lock). */
export async function saveMinutes({ db, actor, ambitoId, meetingId, input }: CommandContext & { meetingId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'meeting.write');
    const { version, ...data } = parse(MinutesInput, input);
    if (!(await getMeetingRow(tx, ambitoId, meetingId))) throw new NotFoundError('La riunione');
    const { before, after } = await updateVersioned(tx, meetings, meetingId, version, data, 'la riunione');
    await recordAudit(tx, { actor, action: 'governance.meeting.minutes_saved', entityType: 'meeting', entityId: meetingId, ambitoId, before, after });
    return after;
  });
}

/** Attaches a file to a meeting (whitelisted types, at most 10 MB), stored in the database with its SHA-256. */
export async function addAttachment({
  db,
  actor,
  ambitoId,
  meetingId,
  file,
}: CommandContext & { meetingId: string; file: { name: string; bytes: Uint8Array } }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'meeting.write');
    const checked = checkAttachment(file, { field: 'file' });
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    if (!(await getMeetingRow(tx, ambitoId, meetingId))) throw new NotFoundError('La riunione');
    const [row] = await tx
      .insert(meetingAttachments)
      .values({
        meetingId,
        fileName: checked.fileName,
        mimeType: checked.mimeType,
        sizeBytes: checked.sizeBytes,
        content: Buffer.from(file.bytes),
        sha256,
        uploadedBy: uploader(actor),
      })
      .returning({
        id: meetingAttachments.id,
        fileName: meetingAttachments.fileName,
        mimeType: meetingAttachments.mimeType,
        sizeBytes: meetingAttachments.sizeBytes,
        sha256: meetingAttachments.sha256,
        uploadedAt: meetingAttachments.uploadedAt,
        uploadedBy: meetingAttachments.uploadedBy,
      });
    await recordAudit(tx, {
      actor,
      action: 'governance.attachment.added',
      entityType: 'meeting_attachment',
      entityId: row!.id,
      ambitoId,
      after: { meetingId, ...row },
    });
    return row!;
  });
}

function uploader(actor: Actor): string {
  return actor.kind === 'user' ? actor.name : actor.kind === 'system' ? `sistema: ${actor.label}` : 'anonimo';
}

/** Removes an attachment of a meeting. */
export async function removeAttachment({ db, actor, ambitoId, meetingId, attachmentId }: CommandContext & { meetingId: string; attachmentId: string }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'meeting.write');
    if (!(await getMeetingRow(tx, ambitoId, meetingId))) throw new NotFoundError('La riunione');
    const [row] = await tx
      .delete(meetingAttachments)
      .where(and(eq(meetingAttachments.meetingId, meetingId), eq(meetingAttachments.id, attachmentId)))
      .returning({
        id: meetingAttachments.id,
        fileName: meetingAttachments.fileName,
        mimeType: meetingAttachments.mimeType,
        sizeBytes: meetingAttachments.sizeBytes,
        sha256: meetingAttachments.sha256,
        uploadedAt: meetingAttachments.uploadedAt,
        uploadedBy: meetingAttachments.uploadedBy,
      });
    if (!row) throw new NotFoundError('L’allegato');
    await recordAudit(tx, {
      actor,
      action: 'governance.attachment.removed',
      entityType: 'meeting_attachment',
      entityId: row.id,
      ambitoId,
      before: { meetingId, ...row },
    });
    return row;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions

/**
 * Records a decision taken in a meeting with the vote of every member in office on the meeting's day. Attendance is
 * the meeting's recorded attendance at the moment of the vote, never the form's: without a recorded attendance the
 * vote is refused, and a form rendered on another attendance (its `attendanceFingerprint` no longer matches, or it
 * gives a vote to a member recorded as absent) is refused and the user asked to reload. The body's rule is copied
 * into the decision and each member's weight (the represented comune's latest population at or before the meeting,
 * see comuneWeights) is frozen with its source and date, so the outcome shown later is the one of the day of the
 * vote. The outcome is computed by the rule (voting.rules.ts) before anything is written: a vote the rule cannot
 * count is refused.
 */
export async function createDecision({ db, actor, ambitoId, meetingId, input }: CommandContext & { meetingId: string; input: Record<string, unknown> }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'decision.write');
    const data = parse(DecisionInput, input);
    const meeting = await getMeetingRow(tx, ambitoId, meetingId);
    if (!meeting) throw new NotFoundError('La riunione');
    // Attendance is replaced by recordAttendance under the meeting's version: lock the meeting so that it cannot
    // change between reading it here and writing the votes.
    await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for('update');
    const body = (await getBodyRow(tx, ambitoId, meeting.bodyId))!;
    const rule = body.votingRule as VotingRule | null;
    if (!rule)
      invalid('votingRule', `L’organo «${body.name}» non ha una regola di voto: impostala nella pagina dell’organo prima di registrare una deliberazione.`);
    const [taken] = await tx
      .select({ id: decisions.id })
      .from(decisions)
      .where(and(eq(decisions.bodyId, body.id), eq(decisions.number, data.number)));
    if (taken) invalid('number', `Esiste già la deliberazione n. ${data.number} di «${body.name}»: usa un altro numero.`);
    const meetingDay = instantToRomeLocal(meeting.startsAt).date;
    const members = await listMeetingMembers(tx, ambitoId, meeting);
    if (members.length === 0) invalid('votes', 'L’organo non aveva componenti in carica alla data della riunione: la deliberazione non è stata registrata.');
    const recorded = new Map((await listAttendance(tx, meetingId)).map((a) => [a.memberId, a]));
    if (recorded.size === 0) {
      invalid(
        'attendance',
        'Le presenze della riunione non sono ancora registrate: registrale nella sezione «Presenze» e poi registra la votazione. La deliberazione non è stata registrata.',
      );
    }
    const missing = members.filter((m) => !recorded.has(m.id));
    if (missing.length) {
      invalid(
        'attendance',
        `Le presenze registrate non comprendono ${missing.map((m) => m.personName).join(', ')}: aggiorna le presenze della riunione e poi registra la votazione. La deliberazione non è stata registrata.`,
      );
    }
    const withAttendance = members.map((m) => ({ ...m, attendance: recorded.get(m.id)!.status as Attendance }));
    const current = attendanceFingerprint(withAttendance.map((m) => ({ memberId: m.id, status: m.attendance })));
    if (String(input.attendanceFingerprint ?? '') !== current) {
      const present = withAttendance.filter((m) => m.attendance !== 'absent').length;
      invalid(
        'attendance',
        `Le presenze della riunione sono cambiate dopo che hai aperto questo modulo (ora risultano ${present} presenti su ${members.length}): ricarica la pagina e ripeti la votazione. La deliberazione non è stata registrata.`,
      );
    }
    const rows = parseVotesForm(
      input,
      withAttendance.map((m) => ({ id: m.id, label: m.personName, attendance: m.attendance })),
    );
    const weights = await comuneWeights(tx, ambitoId, meetingDay);
    const votes = withAttendance.map((m, i) => {
      const w = m.comuneId ? weights.get(m.comuneId) : undefined;
      return {
        memberId: m.id,
        label: m.label,
        weight: w?.weight ?? null,
        weightSource: w?.source ?? null,
        weightReferenceDate: w?.referenceDate ?? null,
        attendance: rows[i]!.attendance,
        vote: rows[i]!.vote,
      };
    });
    let outcome;
    try {
      outcome = computeOutcome(rule, votes);
    } catch (error) {
      if (error instanceof ValidationError)
        throw new ValidationError(
          error.issues.map((issue) => voteIssue(issue, members)),
          `${error.message} La deliberazione non è stata registrata.`,
        );
      throw error;
    }
    const [row] = await tx
      .insert(decisions)
      .values({ ambitoId, bodyId: body.id, meetingId, ...data, votingRule: rule })
      .returning();
    await tx.insert(decisionVotes).values(votes.map((v) => ({ decisionId: row!.id, ...v })));
    await recordAudit(tx, {
      actor,
      action: 'governance.decision.created',
      entityType: 'decision',
      entityId: row!.id,
      ambitoId,
      after: { ...row, votes, outcome: { approved: outcome.approved, explanation: outcome.explanation } },
    });
    return { decision: row!, outcome };
  });
}

/** Puts a problem the voting rule found on a member («componente 3 (…), peso») next to that member's vote. */
function voteIssue(issue: FieldIssue, members: readonly { id: string; personName: string }[]): FieldIssue {
  const index = /^componente (\d+)/.exec(issue.path);
  const member = index ? members[Number(index[1]) - 1] : undefined;
  if (!member) return { path: 'votes', message: issue.message };
  const weight = /, peso$/.test(issue.path);
  return {
    path: `vote.${member.id}`,
    message: weight
      ? `${member.personName}: ${issue.message} (il peso è la popolazione del comune rappresentato: indicalo nella pagina dell’organo).`
      : `${member.personName}: ${issue.message}`,
  };
}

/** Edits the number, date, subject and text of a decision (its votes, weights and rule stay as voted). */
export async function updateDecision({ db, actor, ambitoId, decisionId, input }: CommandContext & { decisionId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'decision.write');
    const { version, ...data } = parse(DecisionEditInput, input);
    const current = await getDecisionRow(tx, ambitoId, decisionId);
    if (!current) throw new NotFoundError('La deliberazione');
    const [taken] = await tx
      .select({ id: decisions.id })
      .from(decisions)
      .where(and(eq(decisions.bodyId, current.bodyId), eq(decisions.number, data.number), ne(decisions.id, decisionId)));
    if (taken) invalid('number', `Esiste già la deliberazione n. ${data.number} di questo organo: usa un altro numero.`);
    const { before, after } = await updateVersioned(tx, decisions, decisionId, version, data, 'la deliberazione');
    await recordAudit(tx, { actor, action: 'governance.decision.updated', entityType: 'decision', entityId: decisionId, ambitoId, before, after });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Accordo di programma

/** An agreement row as written to the audit log: the signed file by name, size and fingerprint, not its bytes. */
function agreementSnapshot(row: typeof agreements.$inferSelect) {
  const { signedFile, ...rest } = row;
  return {
    ...rest,
    signedFileSize: signedFile ? signedFile.length : null,
    signedFileSha256: signedFile ? createHash('sha256').update(signedFile).digest('hex') : null,
  };
}

async function checkAgreementPeriodFree(tx: DbOrTx, ambitoId: string, start: number, end: number, exceptId?: string) {
  const [other] = await tx
    .select({ id: agreements.id, title: agreements.title })
    .from(agreements)
    .where(
      and(
        eq(agreements.ambitoId, ambitoId),
        eq(agreements.periodStartYear, start),
        eq(agreements.periodEndYear, end),
        exceptId ? ne(agreements.id, exceptId) : undefined,
      ),
    );
  if (other) invalid('periodStartYear', `Per il Piano ${start}-${end} esiste già «${other.title}».`);
}

/** Creates the Accordo di programma of a plan period. */
export async function createAgreement({ db, actor, ambitoId, input }: CommandContext & { input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'agreement.write');
    const data = parse(AgreementInput, input);
    await checkAgreementPeriodFree(tx, ambitoId, data.periodStartYear, data.periodEndYear);
    const [row] = await tx
      .insert(agreements)
      .values({ ambitoId, ...data })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'governance.agreement.created',
      entityType: 'agreement',
      entityId: row!.id,
      ambitoId,
      after: agreementSnapshot(row!),
    });
    return agreementSnapshot(row!);
  });
}

/** Edits an agreement's title, period, validity and adoption date (optimistic lock). */
export async function updateAgreement({ db, actor, ambitoId, agreementId, input }: CommandContext & { agreementId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'agreement.write');
    const { version, ...data } = parse(AgreementEditInput, input);
    if (!(await getAgreementRow(tx, ambitoId, agreementId))) throw new NotFoundError('L’Accordo di programma');
    await checkAgreementPeriodFree(tx, ambitoId, data.periodStartYear, data.periodEndYear, agreementId);
    const { before, after } = await updateVersioned(tx, agreements, agreementId, version, data, 'l’Accordo di programma');
    await recordAudit(tx, {
      actor,
      action: 'governance.agreement.updated',
      entityType: 'agreement',
      entityId: agreementId,
      ambitoId,
      before: agreementSnapshot(before),
      after: agreementSnapshot(after),
    });
    return agreementSnapshot(after);
  });
}

/** Adds a party («sottoscrittore») or an adhering organisation («aderente») to an agreement. */
export async function addParty({ db, actor, ambitoId, agreementId, input }: CommandContext & { agreementId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'agreement.write');
    const data = parse(PartyInput, input);
    if (!(await getAgreementRow(tx, ambitoId, agreementId))) throw new NotFoundError('L’Accordo di programma');
    const organisation = await getOrganisation(tx, ambitoId, data.organisationId);
    if (!organisation) invalid('organisationId', 'L’organizzazione scelta non esiste in questo Ambito: ricarica la pagina.');
    const [existing] = await tx
      .select({ id: agreementParties.id })
      .from(agreementParties)
      .where(and(eq(agreementParties.agreementId, agreementId), eq(agreementParties.organisationId, data.organisationId)));
    if (existing) invalid('organisationId', `«${organisation.name}» è già tra le parti dell’Accordo.`);
    const [row] = await tx
      .insert(agreementParties)
      .values({ agreementId, ...data })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'governance.agreement.party_added',
      entityType: 'agreement',
      entityId: agreementId,
      ambitoId,
      after: { ...row, organisationName: organisation.name },
    });
    return row!;
  });
}

/** Removes a party or adhering organisation from an agreement. */
export async function removeParty({ db, actor, ambitoId, agreementId, partyId }: CommandContext & { agreementId: string; partyId: string }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'agreement.write');
    if (!(await getAgreementRow(tx, ambitoId, agreementId))) throw new NotFoundError('L’Accordo di programma');
    const [row] = await tx
      .delete(agreementParties)
      .where(and(eq(agreementParties.agreementId, agreementId), eq(agreementParties.id, partyId)))
      .returning();
    if (!row) throw new NotFoundError('La parte dell’Accordo');
    await recordAudit(tx, { actor, action: 'governance.agreement.party_removed', entityType: 'agreement', entityId: agreementId, ambitoId, before: row });
    return row;
  });
}

/** Records a signature of the agreement: signer, role, organisation, date (when known). */
export async function addSignature({ db, actor, ambitoId, agreementId, input }: CommandContext & { agreementId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'agreement.write');
    const data = parse(SignatureInput, input);
    if (!(await getAgreementRow(tx, ambitoId, agreementId))) throw new NotFoundError('L’Accordo di programma');
    await checkOrganisationRef(tx, ambitoId, data.organisationId);
    const [row] = await tx
      .insert(agreementSignatures)
      .values({ agreementId, ...data })
      .returning();
    await recordAudit(tx, { actor, action: 'governance.agreement.signature_added', entityType: 'agreement', entityId: agreementId, ambitoId, after: row });
    return row!;
  });
}

/** Removes a signature recorded by mistake. */
export async function removeSignature({ db, actor, ambitoId, agreementId, signatureId }: CommandContext & { agreementId: string; signatureId: string }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'agreement.write');
    if (!(await getAgreementRow(tx, ambitoId, agreementId))) throw new NotFoundError('L’Accordo di programma');
    const [row] = await tx
      .delete(agreementSignatures)
      .where(and(eq(agreementSignatures.agreementId, agreementId), eq(agreementSignatures.id, signatureId)))
      .returning();
    if (!row) throw new NotFoundError('La firma');
    await recordAudit(tx, { actor, action: 'governance.agreement.signature_removed', entityType: 'agreement', entityId: agreementId, ambitoId, before: row });
    return row;
  });
}

/** Stores the signed agreement (PDF only, at most 10 MB), replacing a previous one (optimistic lock). */
export async function uploadSignedAgreement({
  db,
  actor,
  ambitoId,
  agreementId,
  input,
  file,
}: CommandContext & { agreementId: string; input: unknown; file: { name: string; bytes: Uint8Array } }) {
  return db.transaction(async (tx) => {
    await authorised(tx, actor, ambitoId, 'agreement.write');
    const { version } = parse(VersionOnlyInput, input);
    const checked = checkAttachment(file, { field: 'signedFile', only: ['pdf'] });
    if (!(await getAgreementRow(tx, ambitoId, agreementId))) throw new NotFoundError('L’Accordo di programma');
    const { before, after } = await updateVersioned(
      tx,
      agreements,
      agreementId,
      version,
      { signedFileName: checked.fileName, signedFileMime: checked.mimeType, signedFile: Buffer.from(file.bytes) },
      'l’Accordo di programma',
    );
    await recordAudit(tx, {
      actor,
      action: 'governance.agreement.file_uploaded',
      entityType: 'agreement',
      entityId: agreementId,
      ambitoId,
      before: agreementSnapshot(before),
      after: agreementSnapshot(after),
    });
    return agreementSnapshot(after);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Import of a governance registry (CSV bundle, see governance.importers.ts)

export interface GovernanceImportSummary {
  files: string[];
  organisations: number;
  people: number;
  bodies: number;
  members: number;
  agreement: string | null;
  parties: number;
  signatures: number;
}

/**
 * Imports organisations, people, bodies with their members and voting rules, and an Accordo di programma with its
 * parties and signatures into an Ambito, from CSV files. Names refer to records of the same bundle or already in the
 * Ambito; comuni are referred to by ISTAT code and must belong to the Ambito. All or nothing, one audit entry.
 */
export async function importGovernance({
  db,
  actor,
  ambitoId,
  files,
}: CommandContext & { files: { name: string; text: string }[] }): Promise<GovernanceImportSummary> {
  return db.transaction(async (tx) => {
    for (const action of ['organisation.write', 'body.write', 'agreement.write'] as const) await authorised(tx, actor, ambitoId, action);
    const bundle = parseGovernanceFiles(files);
    const fileNames = files.map((f) => f.name);
    const issues: FieldIssue[] = [];
    const where = (r: Located, column: string) => `${r.file}, riga ${r.line}, colonna ${column}`;

    const comuni = new Map((await listComuniChoices(tx, ambitoId)).map((c) => [c.istatCode, c]));
    const comuneOf = (r: Located, code: string | null) => {
      if (!code) return null;
      const c = comuni.get(code);
      if (!c) issues.push({ path: where(r, 'codice_istat_comune'), message: `il comune ${code} non fa parte dell’Ambito` });
      return c?.id ?? null;
    };

    const existingOrganisations = new Map(
      (
        await tx
          .select({ id: organisations.id, name: organisations.name, fiscalCode: organisations.fiscalCode })
          .from(organisations)
          .where(eq(organisations.ambitoId, ambitoId))
      ).map((o) => [nameKey(o.name), o]),
    );
    const existingPeople = new Map(
      (await tx.select({ id: people.id, name: people.fullName }).from(people).where(eq(people.ambitoId, ambitoId))).map((p) => [nameKey(p.name), p]),
    );
    const existingBodies = new Map(
      (await tx.select({ id: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.ambitoId, ambitoId))).map((b) => [nameKey(b.name), b]),
    );
    const fiscalCodes = new Map([...existingOrganisations.values()].filter((o) => o.fiscalCode).map((o) => [o.fiscalCode!, o.name]));

    for (const o of bundle.organisations) {
      if (existingOrganisations.has(nameKey(o.name))) issues.push({ path: where(o, 'nome'), message: `«${o.name}» è già nel registro dell’Ambito` });
      if (o.fiscalCode && fiscalCodes.has(o.fiscalCode))
        issues.push({ path: where(o, 'codice_fiscale'), message: `il codice fiscale ${o.fiscalCode} è già registrato per «${fiscalCodes.get(o.fiscalCode)}»` });
      if (o.fiscalCode) fiscalCodes.set(o.fiscalCode, o.name);
    }
    for (const p of bundle.people)
      if (existingPeople.has(nameKey(p.fullName))) issues.push({ path: where(p, 'nome'), message: `«${p.fullName}» è già tra le persone dell’Ambito` });
    for (const b of bundle.bodies)
      if (existingBodies.has(nameKey(b.name))) issues.push({ path: where(b, 'nome'), message: `l’organo «${b.name}» esiste già nell’Ambito` });

    const organisationNames = new Set([...existingOrganisations.keys(), ...bundle.organisations.map((o) => nameKey(o.name))]);
    const personNames = new Set([...existingPeople.keys(), ...bundle.people.map((p) => nameKey(p.fullName))]);
    const bodyNames = new Set([...existingBodies.keys(), ...bundle.bodies.map((b) => nameKey(b.name))]);
    const knownOrganisation = (r: Located, name: string | null, column: string) => {
      if (name && !organisationNames.has(nameKey(name)))
        issues.push({ path: where(r, column), message: `organizzazione «${name}» sconosciuta: aggiungila a organizzazioni.csv o al registro` });
    };
    for (const p of bundle.people) knownOrganisation(p, p.organisation, 'organizzazione');
    for (const b of bundle.bodies) {
      if (b.parent && !bodyNames.has(nameKey(b.parent))) issues.push({ path: where(b, 'organo_di_riferimento'), message: `organo «${b.parent}» sconosciuto` });
      if (b.parent && nameKey(b.parent) === nameKey(b.name))
        issues.push({ path: where(b, 'organo_di_riferimento'), message: 'un organo non può far parte di sé stesso' });
    }
    const organisationComuni = new Map(bundle.organisations.map((o) => [nameKey(o.name), comuneOf(o, o.comuneIstatCode)]));
    const memberComuni = bundle.members.map((m) => comuneOf(m, m.comuneIstatCode));
    for (const m of bundle.members) {
      if (!bodyNames.has(nameKey(m.body))) issues.push({ path: where(m, 'organo'), message: `organo «${m.body}» sconosciuto: aggiungilo a organi.csv` });
      if (!personNames.has(nameKey(m.person)))
        issues.push({ path: where(m, 'persona'), message: `persona «${m.person}» sconosciuta: aggiungila a persone.csv` });
      knownOrganisation(m, m.organisation, 'organizzazione');
      if (m.delegateOf && !bundle.members.some((o) => nameKey(o.body) === nameKey(m.body) && nameKey(o.person) === nameKey(m.delegateOf!) && o !== m)) {
        issues.push({ path: where(m, 'delegato_di'), message: `«${m.delegateOf}» non è tra i componenti di «${m.body}» in questo file` });
      }
    }
    for (const p of bundle.parties) knownOrganisation(p, p.organisation, 'organizzazione');
    if (bundle.agreement) {
      const [other] = await tx
        .select({ title: agreements.title })
        .from(agreements)
        .where(
          and(
            eq(agreements.ambitoId, ambitoId),
            eq(agreements.periodStartYear, bundle.agreement.periodStartYear),
            eq(agreements.periodEndYear, bundle.agreement.periodEndYear),
          ),
        );
      if (other)
        issues.push({
          path: where(bundle.agreement, 'anno_inizio'),
          message: `per il Piano ${bundle.agreement.periodStartYear}-${bundle.agreement.periodEndYear} esiste già «${other.title}»`,
        });
    }
    if (issues.length) throw new ValidationError(issues.slice(0, 50), bundleFailedMessage(fileNames, issues.length));

    const organisationIds = new Map([...existingOrganisations].map(([k, o]) => [k, o.id]));
    for (const o of bundle.organisations) {
      const [row] = await tx
        .insert(organisations)
        .values({
          ambitoId,
          name: o.name,
          kind: o.kind,
          fiscalCode: o.fiscalCode,
          runtsNumber: o.runtsNumber,
          comuneId: organisationComuni.get(nameKey(o.name)) ?? null,
          email: o.email,
          address: o.address,
        })
        .returning({ id: organisations.id });
      organisationIds.set(nameKey(o.name), row!.id);
    }
    const orgId = (name: string | null) => (name ? organisationIds.get(nameKey(name))! : null);
    const personIds = new Map([...existingPeople].map(([k, p]) => [k, p.id]));
    for (const p of bundle.people) {
      const [row] = await tx
        .insert(people)
        .values({ ambitoId, fullName: p.fullName, roleTitle: p.roleTitle, organisationId: orgId(p.organisation), email: p.email })
        .returning({ id: people.id });
      personIds.set(nameKey(p.fullName), row!.id);
    }
    const bodyIds = new Map([...existingBodies].map(([k, b]) => [k, b.id]));
    for (const b of bundle.bodies) {
      const [row] = await tx
        .insert(bodies)
        .values({ ambitoId, name: b.name, type: b.type, kind: b.kind, description: b.description, votingRule: b.votingRule })
        .returning({ id: bodies.id });
      bodyIds.set(nameKey(b.name), row!.id);
    }
    for (const b of bundle.bodies) {
      if (b.parent)
        await tx
          .update(bodies)
          .set({ parentBodyId: bodyIds.get(nameKey(b.parent))! })
          .where(eq(bodies.id, bodyIds.get(nameKey(b.name))!));
    }
    const memberIds = new Map<string, string>();
    for (const [i, m] of bundle.members.entries()) {
      const [row] = await tx
        .insert(bodyMembers)
        .values({
          bodyId: bodyIds.get(nameKey(m.body))!,
          personId: personIds.get(nameKey(m.person))!,
          organisationId: orgId(m.organisation),
          comuneId: memberComuni[i] ?? null,
          position: m.position,
          validFrom: m.validFrom,
          validTo: m.validTo,
        })
        .returning({ id: bodyMembers.id });
      memberIds.set(`${nameKey(m.body)}|${nameKey(m.person)}`, row!.id);
    }
    for (const m of bundle.members) {
      if (m.delegateOf) {
        await tx
          .update(bodyMembers)
          .set({ delegateOfMemberId: memberIds.get(`${nameKey(m.body)}|${nameKey(m.delegateOf)}`)! })
          .where(eq(bodyMembers.id, memberIds.get(`${nameKey(m.body)}|${nameKey(m.person)}`)!));
      }
    }
    let signatures = 0;
    if (bundle.agreement) {
      const a = bundle.agreement;
      const [row] = await tx
        .insert(agreements)
        .values({
          ambitoId,
          title: a.title,
          periodStartYear: a.periodStartYear,
          periodEndYear: a.periodEndYear,
          validFrom: a.validFrom,
          validTo: a.validTo,
          adoptedOn: a.adoptedOn,
        })
        .returning({ id: agreements.id });
      for (const p of bundle.parties) {
        await tx.insert(agreementParties).values({ agreementId: row!.id, organisationId: orgId(p.organisation)!, role: p.role });
        if (p.signerName) {
          await tx
            .insert(agreementSignatures)
            .values({ agreementId: row!.id, organisationId: orgId(p.organisation), signerName: p.signerName, signerRole: p.signerRole!, signedOn: p.signedOn });
          signatures++;
        }
      }
    }
    const summary: GovernanceImportSummary = {
      files: fileNames,
      organisations: bundle.organisations.length,
      people: bundle.people.length,
      bodies: bundle.bodies.length,
      members: bundle.members.length,
      agreement: bundle.agreement?.title ?? null,
      parties: bundle.parties.length,
      signatures,
    };
    await recordAudit(tx, { actor, action: 'governance.imported', entityType: 'import', entityId: fileNames.join(', '), ambitoId, after: summary });
    return summary;
  });
}
