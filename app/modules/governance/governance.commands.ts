import { createHash } from 'node:crypto';
import { and, eq, ne, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, DbOrTx, Tx } from '../../shared/db/client.ts';
import { lockBusinessKey, lockBusinessKeys } from '../../shared/db/key-lock.ts';
import { periodsOverlap } from '../../shared/periods.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { NotFoundError, ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { registerMessages } from '../../shared/i18n/messages.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import { outbox } from '../../shared/mail/outbox.schema.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { requireRecordId } from '../../shared/validation.ts';
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
  EndMembershipInput,
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
import * as messages from './governance.messages.ts';
import { bundleFailedMessage, nameKey, parseGovernanceFiles, type Located } from './governance.importers.ts';
import { meetingToIcs, type MeetingEvent } from './icalendar.ts';
import { attendanceFingerprint, computeOutcome, type Attendance, type VotingRule } from './voting.rules.ts';

// The commands' messages (tr) also where the app's module registry is not loaded (scripts, tests); registering twice is harmless.
registerMessages(messages);

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

/** The command's one transaction, which authorises the actor for `action` before anything else is read or parsed. */
function command<T>(ctx: CommandContext, action: GovernanceAction, run: (tx: Tx, scope: Scope) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => run(tx, await authorised(tx, ctx.actor, ctx.ambitoId, action)));
}

function invalid(path: string, message: string): never {
  throw new ValidationError([{ path, message }]);
}

/** The record a command works on, which must exist in the Ambito (`what` names it in the 404 message). */
async function found<T>(row: Promise<T | null>, what: string): Promise<T> {
  const r = await row;
  if (!r) throw new NotFoundError(what);
  return r;
}

/** The common part of an audit entry: who, what, which record, in which Ambito. */
function audited(ctx: CommandContext, action: string, entityType: string, entityId: string) {
  return { actor: ctx.actor, action, entityType, entityId, ambitoId: ctx.ambitoId };
}

/** What the audit log says of a write: the action, the kind of record, and (when not the record) the entity's id. */
interface AuditOf<Row, Out = unknown> {
  action: string;
  entityType: string;
  entityId?: string;
  /** The record as logged (default: as stored). */
  snapshot?: (row: Row) => Out;
}

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** Inserts one record and logs it (its `after`), in the command's transaction. */
async function insertAudited<T extends PgTable>(
  tx: Tx,
  ctx: CommandContext,
  table: T,
  values: T['$inferInsert'],
  audit: AuditOf<T['$inferSelect']>,
): Promise<T['$inferSelect']> {
  const [row] = (await tx
    .insert(table)
    .values(values as never)
    .returning()) as T['$inferSelect'][];
  const { action, entityType, entityId, snapshot = (r) => r } = audit;
  await recordAudit(tx, { ...audited(ctx, action, entityType, entityId ?? (row as { id: string }).id), after: snapshot(row) });
  return row!;
}

/** Edits one record under its version (updateVersioned: `what` names it in a conflict) and logs it before and after. */
async function updateAudited<T extends VersionedTable, Out = T['$inferSelect']>(
  tx: Tx,
  ctx: CommandContext,
  table: T,
  id: string,
  change: AuditOf<T['$inferSelect'], Out> & { version: number; patch: Partial<T['$inferInsert']>; what: string },
): Promise<Out> {
  const { before, after } = await updateVersioned(tx, table, id, change.version, change.patch, change.what);
  const { action, entityType, snapshot = (r) => r as Out } = change;
  await recordAudit(tx, { ...audited(ctx, action, entityType, id), before: snapshot(before), after: snapshot(after) });
  return snapshot(after);
}

/** Deletes one record (none found: 404 with `what`) and logs it as it was. */
async function deleteAudited<T extends PgTable>(
  tx: Tx,
  ctx: CommandContext,
  table: T,
  where: SQL | undefined,
  what: string,
  audit: AuditOf<T['$inferSelect']> & { entityId: string },
): Promise<T['$inferSelect']> {
  const [row] = (await tx.delete(table).where(where).returning()) as T['$inferSelect'][];
  if (!row) throw new NotFoundError(what);
  await recordAudit(tx, { ...audited(ctx, audit.action, audit.entityType, audit.entityId), before: row });
  return row;
}

/** The references a form makes to other records of the same Ambito must exist there. */
async function checkOrganisationRef(tx: DbOrTx, ambitoId: string, organisationId: string | null, field = 'organisationId') {
  if (organisationId && !(await getOrganisation(tx, ambitoId, organisationId))) invalid(field, tr('gov.cmd.organisationMissing'));
}

async function checkComuneRef(tx: DbOrTx, ambitoId: string, comuneId: string | null, field = 'comuneId') {
  if (comuneId && !(await listComuniChoices(tx, ambitoId)).some((c) => c.id === comuneId)) invalid(field, tr('gov.cmd.comuneOutside'));
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations and people

async function checkFiscalCodeFree(tx: DbOrTx, ambitoId: string, fiscalCode: string | null, exceptId?: string) {
  if (!fiscalCode) return;
  const [other] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.ambitoId, ambitoId), eq(organisations.fiscalCode, fiscalCode), exceptId ? ne(organisations.id, exceptId) : undefined));
  if (other) invalid('fiscalCode', tr('gov.cmd.fiscalCodeTaken', { code: fiscalCode, name: other.name }));
}

/** Adds an organisation to the Ambito's registry. */
export async function createOrganisation({ input, ...ctx }: CommandContext & { input: unknown }) {
  return command(ctx, 'organisation.write', async (tx) => {
    const data = parseInput(OrganisationInput, input);
    await checkComuneRef(tx, ctx.ambitoId, data.comuneId);
    await checkFiscalCodeFree(tx, ctx.ambitoId, data.fiscalCode);
    return insertAudited(
      tx,
      ctx,
      organisations,
      { ambitoId: ctx.ambitoId, ...data },
      { action: 'governance.organisation.created', entityType: 'organisation' },
    );
  });
}

/** Edits an organisation (optimistic lock on its version). */
export async function updateOrganisation({ organisationId, input, ...ctx }: CommandContext & { organisationId: string; input: unknown }) {
  return command(ctx, 'organisation.write', async (tx) => {
    const { version, ...data } = parseInput(OrganisationEditInput, input);
    await found(getOrganisation(tx, ctx.ambitoId, organisationId), 'L’organizzazione');
    await checkComuneRef(tx, ctx.ambitoId, data.comuneId);
    await checkFiscalCodeFree(tx, ctx.ambitoId, data.fiscalCode, organisationId);
    return updateAudited(tx, ctx, organisations, organisationId, {
      version,
      patch: data,
      what: 'l’organizzazione',
      action: 'governance.organisation.updated',
      entityType: 'organisation',
    });
  });
}

/** Adds a person (name, role, organisation, e-mail) to the Ambito's registry. */
export async function createPerson({ input, ...ctx }: CommandContext & { input: unknown }) {
  return command(ctx, 'organisation.write', async (tx) => {
    const data = parseInput(PersonInput, input);
    await checkOrganisationRef(tx, ctx.ambitoId, data.organisationId);
    return insertAudited(tx, ctx, people, { ambitoId: ctx.ambitoId, ...data }, { action: 'governance.person.created', entityType: 'person' });
  });
}

/** Edits a person (optimistic lock on the version). */
export async function updatePerson({ personId, input, ...ctx }: CommandContext & { personId: string; input: unknown }) {
  return command(ctx, 'organisation.write', async (tx) => {
    const { version, ...data } = parseInput(PersonEditInput, input);
    await found(getPerson(tx, ctx.ambitoId, personId), 'La persona');
    await checkOrganisationRef(tx, ctx.ambitoId, data.organisationId);
    return updateAudited(tx, ctx, people, personId, { version, patch: data, what: 'la persona', action: 'governance.person.updated', entityType: 'person' });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Bodies, rules, members

async function checkParentBody(tx: DbOrTx, ambitoId: string, parentBodyId: string | null, selfId?: string) {
  if (!parentBodyId) return;
  let current: string | null = parentBodyId;
  for (let depth = 0; current; depth++) {
    if (current === selfId || depth > 20) invalid('parentBodyId', tr('gov.cmd.parentCycle'));
    const row = await getBodyRow(tx, ambitoId, current);
    if (!row) invalid('parentBodyId', tr('gov.cmd.parentMissing'));
    current = row.parentBodyId;
  }
}

const BODY = 'governance_body';

/** Creates a governance body of the Ambito (its voting rule is set afterwards, on the body's page). */
export async function createBody({ input, ...ctx }: CommandContext & { input: unknown }) {
  return command(ctx, 'body.write', async (tx) => {
    const data = parseInput(BodyInput, input);
    await checkParentBody(tx, ctx.ambitoId, data.parentBodyId);
    return insertAudited(tx, ctx, bodies, { ambitoId: ctx.ambitoId, ...data }, { action: 'governance.body.created', entityType: BODY });
  });
}

/** Edits a body's name, type, kind, description and parent (optimistic lock). */
export async function updateBody({ bodyId, input, ...ctx }: CommandContext & { bodyId: string; input: unknown }) {
  return command(ctx, 'body.write', async (tx) => {
    const { version, ...data } = parseInput(BodyEditInput, input);
    await found(getBodyRow(tx, ctx.ambitoId, bodyId), 'L’organo');
    await checkParentBody(tx, ctx.ambitoId, data.parentBodyId, bodyId);
    return updateAudited(tx, ctx, bodies, bodyId, { version, patch: data, what: 'l’organo', action: 'governance.body.updated', entityType: BODY });
  });
}

/**
 * Sets a body's voting rule and quorum (or none: the body does not vote). Decisions already taken keep the rule
 * they were voted with (a copy is frozen in each decision).
 */
export async function updateBodyRule({ bodyId, input, ...ctx }: CommandContext & { bodyId: string; input: unknown }) {
  return command(ctx, 'body.write', async (tx) => {
    const { version, rule } = parseRuleForm(input);
    await found(getBodyRow(tx, ctx.ambitoId, bodyId), 'L’organo');
    return updateAudited(tx, ctx, bodies, bodyId, {
      version,
      patch: { votingRule: rule },
      what: 'l’organo',
      action: 'governance.body.rule_updated',
      entityType: BODY,
    });
  });
}

async function checkMember(tx: Tx, ambitoId: string, bodyId: string, data: MemberInput, selfId?: string) {
  if (!(await getPerson(tx, ambitoId, data.personId))) invalid('personId', tr('gov.cmd.personMissing'));
  await checkOrganisationRef(tx, ambitoId, data.organisationId);
  await checkComuneRef(tx, ambitoId, data.comuneId);
  if (data.delegateOfMemberId) {
    if (data.delegateOfMemberId === selfId) invalid('delegateOfMemberId', tr('gov.cmd.selfDelegate'));
    if (!(await getMemberRow(tx, bodyId, data.delegateOfMemberId))) invalid('delegateOfMemberId', tr('gov.cmd.delegatorOutside'));
  }
  // Two requests at once for the same person and body: the second waits here, then sees the first's membership.
  await lockBusinessKey(tx, 'governance_body_members', bodyId, data.personId);
  const others = (await listMembers(tx, bodyId)).filter((m) => m.personId === data.personId && m.id !== selfId);
  const overlap = others.find((m) => periodsOverlap({ from: m.validFrom, to: m.validTo }, { from: data.validFrom, to: data.validTo }));
  if (overlap) invalid('personId', tr('gov.cmd.memberOverlap', { name: overlap.personName }));
}

/** Adds a member to a body: person, organisation, represented comune, position, delegation, validity. */
export async function addMember({ bodyId, input, ...ctx }: CommandContext & { bodyId: string; input: unknown }) {
  return command(ctx, 'body.write', async (tx) => {
    const data = parseInput(MemberInput, input);
    await found(getBodyRow(tx, ctx.ambitoId, bodyId), 'L’organo');
    await checkMember(tx, ctx.ambitoId, bodyId, data);
    return insertAudited(tx, ctx, bodyMembers, { bodyId, ...data }, { action: 'governance.member.added', entityType: 'body_member' });
  });
}

/** Edits a membership (position, represented comune, delegation, dates; optimistic lock). */
export async function updateMember({ bodyId, memberId, input, ...ctx }: CommandContext & { bodyId: string; memberId: string; input: unknown }) {
  return command(ctx, 'body.write', async (tx) => {
    const { version, ...data } = parseInput(MemberEditInput, input);
    if (!(await getBodyRow(tx, ctx.ambitoId, bodyId)) || !(await getMemberRow(tx, bodyId, memberId))) throw new NotFoundError('Il componente');
    await checkMember(tx, ctx.ambitoId, bodyId, data, memberId);
    return updateAudited(tx, ctx, bodyMembers, memberId, {
      version,
      patch: data,
      what: 'il componente',
      action: 'governance.member.updated',
      entityType: 'body_member',
    });
  });
}

/**
 * Ends a membership on `validTo` (its last day in office; optimistic lock). Allowed to the Ufficio di Piano and to the
 * third-sector member of the organisation the member sits for: when that organisation leaves a thematic table
 * (participation calls it with its transaction). A membership already ended earlier keeps its earlier end.
 */
export async function endMembership({ bodyId, memberId, input, ...ctx }: CommandContext & { bodyId: string; memberId: string; input: unknown }) {
  return ctx.db.transaction(async (tx) => {
    const [scope] = await tx.select({ id: ambiti.id, regionCode: ambiti.regionCode }).from(ambiti).where(eq(ambiti.id, ctx.ambitoId));
    if (!scope) throw new NotFoundError('L’Ambito');
    const member = (await getBodyRow(tx, ctx.ambitoId, bodyId)) ? await getMemberRow(tx, bodyId, memberId) : null;
    // Who may not end it learns nothing of the member: the refusal comes before the 404.
    authorize(ctx.actor, 'member.end', { ...scope, organisationId: member?.organisationId ?? null });
    if (!member) throw new NotFoundError('Il componente');
    const { version, validTo } = parseInput(EndMembershipInput, input);
    if (member.validFrom && validTo < member.validFrom) invalid('validTo', tr('gov.cmd.memberEndsBeforeStart', { end: validTo, start: member.validFrom }));
    const end = member.validTo && member.validTo < validTo ? member.validTo : validTo;
    return updateAudited(tx, ctx, bodyMembers, memberId, {
      version,
      patch: { validTo: end },
      what: 'il componente',
      action: 'governance.member.ended',
      entityType: 'body_member',
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Meetings

async function replaceAgenda(tx: Tx, meetingId: string, titles: string[]) {
  await tx.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  if (titles.length) await tx.insert(agendaItems).values(titles.map((title, i) => ({ meetingId, position: i + 1, title })));
}

/** Schedules a meeting of a body, with its ordered agenda. */
export async function createMeeting({ bodyId, input, ...ctx }: CommandContext & { bodyId: string; input: unknown }) {
  return command(ctx, 'meeting.create', async (tx) => {
    const { agenda, ...data } = parseInput(MeetingInput, input);
    await found(getBodyRow(tx, ctx.ambitoId, bodyId), 'L’organo');
    const [row] = await tx
      .insert(meetings)
      .values({ ambitoId: ctx.ambitoId, bodyId, ...data })
      .returning();
    await replaceAgenda(tx, row!.id, agenda);
    await recordAudit(tx, { ...audited(ctx, 'governance.meeting.created', 'meeting', row!.id), after: { ...row, agenda } });
    return row!;
  });
}

/**
 * Edits a meeting and its agenda (optimistic lock). A change of time or place raises the iCalendar SEQUENCE, so
 * that calendars replace the old event when the convocation is sent again or the feed is read.
 */
export async function updateMeeting({ meetingId, input, ...ctx }: CommandContext & { meetingId: string; input: unknown }) {
  return command(ctx, 'meeting.write', async (tx) => {
    const { version, agenda, ...data } = parseInput(MeetingEditInput, input);
    const current = await found(getMeetingRow(tx, ctx.ambitoId, meetingId), 'La riunione');
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
      ...audited(ctx, 'governance.meeting.updated', 'meeting', meetingId),
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
  meetingId,
  input,
  baseUrl,
  now = new Date(),
  ...ctx
}: CommandContext & { meetingId: string; input: unknown; baseUrl?: string; now?: Date }) {
  const { actor, ambitoId } = ctx;
  return command(ctx, 'meeting.write', async (tx, scope) => {
    const { version } = parseInput(VersionOnlyInput, input);
    const meeting = await found(getMeetingRow(tx, ambitoId, meetingId), 'La riunione');
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
    if (members.length === 0) invalid('convocation', tr('gov.cmd.noMembersConvoke'));
    if (withEmail.length === 0) invalid('convocation', tr('gov.cmd.noEmails'));
    const url = baseUrl ? `${baseUrl.replace(/\/$/, '')}/ambiti/${scope.code}/riunioni/${meetingId}` : null;
    const organizer = actor.kind === 'user' ? { name: `Ufficio di Piano – ${scope.name}`, email: actor.email } : null;
    const ics = meetingToIcs({ ...meetingEvent(meeting, body.name, agenda, url), organizer }, now);
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
    await recordAudit(tx, { ...audited(ctx, 'governance.meeting.convoked', 'meeting', meetingId), before, after: { ...after, convocation } });
    return convocation;
  });
}

/** A meeting as a calendar event: titled with its body, its agenda and the link to join online in its description. */
export function meetingEvent(
  meeting: { id: string; title: string; place: string | null; onlineUrl: string | null; startsAt: Date; endsAt: Date; icsSequence: number },
  bodyName: string,
  agenda: string[],
  url: string | null,
): MeetingEvent {
  return {
    uid: `riunione-${meeting.id}@cantiere`,
    title: `${bodyName}: ${meeting.title}`,
    description: icsDescription(agenda, meeting.onlineUrl),
    location: meeting.place ?? meeting.onlineUrl,
    url,
    start: meeting.startsAt,
    end: meeting.endsAt,
    sequence: meeting.icsSequence,
    status: 'CONFIRMED',
  };
}

/** The DESCRIPTION of a meeting's calendar event: the agenda, and the link to join online. */
function icsDescription(agenda: string[], onlineUrl: string | null): string | null {
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
export async function recordAttendance({ meetingId, input, ...ctx }: CommandContext & { meetingId: string; input: Record<string, unknown> }) {
  return command(ctx, 'meeting.write', async (tx) => {
    const meeting = await found(getMeetingRow(tx, ctx.ambitoId, meetingId), 'La riunione');
    const members = await listMeetingMembers(tx, ctx.ambitoId, meeting);
    if (members.length === 0) invalid('attendance', tr('gov.cmd.noMembers'));
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
      ...audited(ctx, 'governance.meeting.attendance_recorded', 'meeting', meetingId),
      before: { status: before.status, version: before.version, attendance: named(previous) },
      after: { status: after.status, version: after.version, attendance: named(rows) },
    });
    return rows;
  });
}

/** Saves the minutes (verbale) and their approval: date and by whom (optimistic lock). */
export async function saveMinutes({ meetingId, input, ...ctx }: CommandContext & { meetingId: string; input: unknown }) {
  return command(ctx, 'meeting.write', async (tx) => {
    const { version, ...data } = parseInput(MinutesInput, input);
    await found(getMeetingRow(tx, ctx.ambitoId, meetingId), 'La riunione');
    return updateAudited(tx, ctx, meetings, meetingId, {
      version,
      patch: data,
      what: 'la riunione',
      action: 'governance.meeting.minutes_saved',
      entityType: 'meeting',
    });
  });
}

/** An attachment as returned and logged: everything but its content. */
const attachmentFacts = {
  id: meetingAttachments.id,
  fileName: meetingAttachments.fileName,
  mimeType: meetingAttachments.mimeType,
  sizeBytes: meetingAttachments.sizeBytes,
  sha256: meetingAttachments.sha256,
  uploadedAt: meetingAttachments.uploadedAt,
  uploadedBy: meetingAttachments.uploadedBy,
};

/** Attaches a file to a meeting (whitelisted types, at most 10 MB), stored in the database with its SHA-256. */
export async function addAttachment({ meetingId, file, ...ctx }: CommandContext & { meetingId: string; file: { name: string; bytes: Uint8Array } }) {
  return command(ctx, 'meeting.write', async (tx) => {
    const checked = checkAttachment(file, { field: 'file' });
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    await found(getMeetingRow(tx, ctx.ambitoId, meetingId), 'La riunione');
    const [row] = await tx
      .insert(meetingAttachments)
      .values({
        meetingId,
        fileName: checked.fileName,
        mimeType: checked.mimeType,
        sizeBytes: checked.sizeBytes,
        content: Buffer.from(file.bytes),
        sha256,
        uploadedBy: uploader(ctx.actor),
      })
      .returning(attachmentFacts);
    await recordAudit(tx, { ...audited(ctx, 'governance.attachment.added', 'meeting_attachment', row!.id), after: { meetingId, ...row } });
    return row!;
  });
}

function uploader(actor: Actor): string {
  return actor.kind === 'user' ? actor.name : actor.kind === 'system' ? `sistema: ${actor.label}` : 'anonimo';
}

/** Removes an attachment of a meeting. */
export async function removeAttachment({ meetingId, attachmentId, ...ctx }: CommandContext & { meetingId: string; attachmentId: string }) {
  return command(ctx, 'meeting.write', async (tx) => {
    requireRecordId(attachmentId, 'attachmentId');
    await found(getMeetingRow(tx, ctx.ambitoId, requireRecordId(meetingId, 'meetingId')), 'La riunione');
    const [row] = await tx
      .delete(meetingAttachments)
      .where(and(eq(meetingAttachments.meetingId, meetingId), eq(meetingAttachments.id, attachmentId)))
      .returning(attachmentFacts);
    if (!row) throw new NotFoundError('L’allegato');
    await recordAudit(tx, { ...audited(ctx, 'governance.attachment.removed', 'meeting_attachment', row.id), before: { meetingId, ...row } });
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
export async function createDecision({ meetingId, input, ...ctx }: CommandContext & { meetingId: string; input: Record<string, unknown> }) {
  const { ambitoId } = ctx;
  return command(ctx, 'decision.write', async (tx) => {
    const data = parseInput(DecisionInput, input);
    const meeting = await found(getMeetingRow(tx, ambitoId, meetingId), 'La riunione');
    // Attendance is replaced by recordAttendance under the meeting's version: lock the meeting so that it cannot
    // change between reading it here and writing the votes.
    await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).for('update');
    const body = (await getBodyRow(tx, ambitoId, meeting.bodyId))!;
    const rule = body.votingRule as VotingRule | null;
    if (!rule) invalid('votingRule', tr('gov.cmd.noRule', { body: body.name }));
    const [taken] = await tx
      .select({ id: decisions.id })
      .from(decisions)
      .where(and(eq(decisions.bodyId, body.id), eq(decisions.number, data.number)));
    if (taken) invalid('number', tr('gov.cmd.decisionNumberTaken', { number: data.number, body: body.name }));
    const meetingDay = instantToRomeLocal(meeting.startsAt).date;
    const members = await listMeetingMembers(tx, ambitoId, meeting);
    if (members.length === 0) invalid('votes', tr('gov.cmd.noMembersDecision'));
    const recorded = new Map((await listAttendance(tx, meetingId)).map((a) => [a.memberId, a]));
    if (recorded.size === 0) {
      invalid('attendance', tr('gov.cmd.attendanceFirst'));
    }
    const missing = members.filter((m) => !recorded.has(m.id));
    if (missing.length) {
      invalid('attendance', tr('gov.cmd.attendanceMissing', { names: missing.map((m) => m.personName).join(', ') }));
    }
    const withAttendance = members.map((m) => ({ ...m, attendance: recorded.get(m.id)!.status as Attendance }));
    const current = attendanceFingerprint(withAttendance.map((m) => ({ memberId: m.id, status: m.attendance })));
    if (String(input.attendanceFingerprint ?? '') !== current) {
      const present = withAttendance.filter((m) => m.attendance !== 'absent').length;
      invalid('attendance', tr('gov.cmd.attendanceChanged', { present: serverFormat().number(present), members: serverFormat().number(members.length) }));
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
      ...audited(ctx, 'governance.decision.created', 'decision', row!.id),
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
export async function updateDecision({ decisionId, input, ...ctx }: CommandContext & { decisionId: string; input: unknown }) {
  return command(ctx, 'decision.write', async (tx) => {
    const { version, ...data } = parseInput(DecisionEditInput, input);
    const current = await found(getDecisionRow(tx, ctx.ambitoId, decisionId), 'La deliberazione');
    const [taken] = await tx
      .select({ id: decisions.id })
      .from(decisions)
      .where(and(eq(decisions.bodyId, current.bodyId), eq(decisions.number, data.number), ne(decisions.id, decisionId)));
    if (taken) invalid('number', tr('gov.cmd.decisionNumberTakenHere', { number: data.number }));
    return updateAudited(tx, ctx, decisions, decisionId, {
      version,
      patch: data,
      what: 'la deliberazione',
      action: 'governance.decision.updated',
      entityType: 'decision',
    });
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
  if (other) invalid('periodStartYear', tr('gov.cmd.agreementTaken', { start, end, title: other.title }));
}

/** Creates the Accordo di programma of a plan period. */
export async function createAgreement({ input, ...ctx }: CommandContext & { input: unknown }) {
  return command(ctx, 'agreement.write', async (tx) => {
    const data = parseInput(AgreementInput, input);
    await checkAgreementPeriodFree(tx, ctx.ambitoId, data.periodStartYear, data.periodEndYear);
    const row = await insertAudited(
      tx,
      ctx,
      agreements,
      { ambitoId: ctx.ambitoId, ...data },
      { action: 'governance.agreement.created', entityType: 'agreement', snapshot: agreementSnapshot },
    );
    return agreementSnapshot(row);
  });
}

const AGREEMENT = 'L’Accordo di programma';

/** The agreement a command works on (its id, often a hidden form field, must be one), which must exist in the Ambito. */
const agreementOf = (tx: Tx, ctx: CommandContext, agreementId: string) =>
  found(getAgreementRow(tx, ctx.ambitoId, requireRecordId(agreementId, 'agreementId')), AGREEMENT);

/** Parties and signatures are logged as changes of their agreement. */
const onAgreement = (agreementId: string, change: string) => ({ action: `governance.agreement.${change}`, entityType: 'agreement', entityId: agreementId });

/** Edits an agreement's title, period, validity and adoption date (optimistic lock). */
export async function updateAgreement({ agreementId, input, ...ctx }: CommandContext & { agreementId: string; input: unknown }) {
  return command(ctx, 'agreement.write', async (tx) => {
    const { version, ...data } = parseInput(AgreementEditInput, input);
    await agreementOf(tx, ctx, agreementId);
    await checkAgreementPeriodFree(tx, ctx.ambitoId, data.periodStartYear, data.periodEndYear, agreementId);
    return updateAudited(tx, ctx, agreements, agreementId, {
      version,
      patch: data,
      what: 'l’Accordo di programma',
      action: 'governance.agreement.updated',
      entityType: 'agreement',
      snapshot: agreementSnapshot,
    });
  });
}

/** Adds a party («sottoscrittore») or an adhering organisation («aderente») to an agreement. */
export async function addParty({ agreementId, input, ...ctx }: CommandContext & { agreementId: string; input: unknown }) {
  return command(ctx, 'agreement.write', async (tx) => {
    const data = parseInput(PartyInput, input);
    await agreementOf(tx, ctx, agreementId);
    const organisation = await getOrganisation(tx, ctx.ambitoId, data.organisationId);
    if (!organisation) invalid('organisationId', tr('gov.cmd.organisationMissing'));
    const [existing] = await tx
      .select({ id: agreementParties.id })
      .from(agreementParties)
      .where(and(eq(agreementParties.agreementId, agreementId), eq(agreementParties.organisationId, data.organisationId)));
    if (existing) invalid('organisationId', tr('gov.cmd.partyTaken', { name: organisation.name }));
    return insertAudited(
      tx,
      ctx,
      agreementParties,
      { agreementId, ...data },
      { ...onAgreement(agreementId, 'party_added'), snapshot: (row) => ({ ...row, organisationName: organisation.name }) },
    );
  });
}

/** Removes a party or adhering organisation from an agreement. */
export async function removeParty({ agreementId, partyId, ...ctx }: CommandContext & { agreementId: string; partyId: string }) {
  return removeFromAgreement(ctx, agreementId, agreementParties, { field: 'partyId', id: partyId }, 'La parte dell’Accordo', 'party_removed');
}

/** Removes one of an agreement's parties or signatures (`what` names it when it is not there). */
function removeFromAgreement<T extends typeof agreementParties | typeof agreementSignatures>(
  ctx: CommandContext,
  agreementId: string,
  table: T,
  record: { field: string; id: string },
  what: string,
  change: string,
) {
  return command(ctx, 'agreement.write', async (tx) => {
    const id = requireRecordId(record.id, record.field);
    await agreementOf(tx, ctx, agreementId);
    return deleteAudited(tx, ctx, table, and(eq(table.agreementId, agreementId), eq(table.id, id)), what, onAgreement(agreementId, change));
  });
}

/** Records a signature of the agreement: signer, role, organisation, date (when known). */
export async function addSignature({ agreementId, input, ...ctx }: CommandContext & { agreementId: string; input: unknown }) {
  return command(ctx, 'agreement.write', async (tx) => {
    const data = parseInput(SignatureInput, input);
    await agreementOf(tx, ctx, agreementId);
    await checkOrganisationRef(tx, ctx.ambitoId, data.organisationId);
    return insertAudited(tx, ctx, agreementSignatures, { agreementId, ...data }, onAgreement(agreementId, 'signature_added'));
  });
}

/** Removes a signature recorded by mistake. */
export async function removeSignature({ agreementId, signatureId, ...ctx }: CommandContext & { agreementId: string; signatureId: string }) {
  return removeFromAgreement(ctx, agreementId, agreementSignatures, { field: 'signatureId', id: signatureId }, 'La firma', 'signature_removed');
}

/** Stores the signed agreement (PDF only, at most 10 MB), replacing a previous one (optimistic lock). */
export async function uploadSignedAgreement({
  agreementId,
  input,
  file,
  ...ctx
}: CommandContext & { agreementId: string; input: unknown; file: { name: string; bytes: Uint8Array } }) {
  return command(ctx, 'agreement.write', async (tx) => {
    const { version } = parseInput(VersionOnlyInput, input);
    const checked = checkAttachment(file, { field: 'signedFile', only: ['pdf'] });
    await agreementOf(tx, ctx, agreementId);
    return updateAudited(tx, ctx, agreements, agreementId, {
      version,
      patch: { signedFileName: checked.fileName, signedFileMime: checked.mimeType, signedFile: Buffer.from(file.bytes) },
      what: 'l’Accordo di programma',
      action: 'governance.agreement.file_uploaded',
      entityType: 'agreement',
      snapshot: agreementSnapshot,
    });
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
    // A member of a body already in the Ambito must not repeat a membership it has there in an overlapping period —
    // checked under the same lock per body and person as the form's (two writers at once see each other's rows).
    await lockBusinessKeys(
      tx,
      'governance_body_members',
      bundle.members.flatMap((m) => {
        const body = existingBodies.get(nameKey(m.body));
        const person = existingPeople.get(nameKey(m.person));
        return body && person ? [[body.id, person.id]] : [];
      }),
    );
    const existingMembers = await tx
      .select({ bodyId: bodyMembers.bodyId, personId: bodyMembers.personId, validFrom: bodyMembers.validFrom, validTo: bodyMembers.validTo })
      .from(bodyMembers)
      .innerJoin(bodies, eq(bodies.id, bodyMembers.bodyId))
      .where(eq(bodies.ambitoId, ambitoId));
    for (const m of bundle.members) {
      const body = existingBodies.get(nameKey(m.body));
      const person = existingPeople.get(nameKey(m.person));
      const overlap =
        body &&
        person &&
        existingMembers.some(
          (e) =>
            e.bodyId === body.id &&
            e.personId === person.id &&
            periodsOverlap({ from: e.validFrom, to: e.validTo }, { from: m.validFrom ?? null, to: m.validTo ?? null }),
        );
      if (overlap) issues.push({ path: where(m, 'persona'), message: tr('gov.cmd.memberOverlap', { name: m.person }) });
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
      const { file: _file, line: _line, ...agreement } = bundle.agreement;
      const [row] = await tx
        .insert(agreements)
        .values({ ambitoId, ...agreement })
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
