import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { outbox } from '../../shared/mail/outbox.schema.ts';
import { getAmbitoByCode, listAmbitoComuni, listComuniPopulation } from '../territory/index.server.ts';
import { CENSUS_2011_DATE } from '../territory/index.ts';
import { BODY_TYPES, instantToRomeLocal } from './governance.validation.ts';
// The tables in the order of this file's sections (and of the schema).
import {
  organisations,
  people,
  bodies,
  bodyMembers,
  meetings,
  agendaItems,
  attendance,
  meetingAttachments,
  decisions,
  decisionVotes,
  agreements,
  agreementParties,
  agreementSignatures,
} from './governance.schema.ts';
import {
  attendanceFingerprint,
  computeOutcome,
  describeVotingRule,
  oldWeights,
  type Attendance,
  type Vote,
  type VotingOutcome,
  type VotingRule,
} from './voting.rules.ts';
import { ValidationError } from '../../shared/errors.ts';

/** The one record of a table that `where` finds, or null. */
async function rowWhere<T extends PgTable>(db: DbOrTx, table: T, where: SQL | undefined) {
  const [row] = (await db
    .select()
    .from(table as PgTable)
    .where(where)) as T['$inferSelect'][];
  return row ?? null;
}

/** One record of a table whose rows belong to an Ambito, or null when it is not there (or of another Ambito). */
const rowInAmbito = <T extends PgTable & { id: PgColumn; ambitoId: PgColumn }>(db: DbOrTx, table: T, ambitoId: string, id: string) =>
  rowWhere(db, table, and(eq(table.ambitoId, ambitoId), eq(table.id, id)));

export const today = () => new Date().toISOString().slice(0, 10);

/** The Ambito a governance page belongs to (with its Region, for the policy), or null. */
export async function getGovernanceAmbito(db: DbOrTx, code: string) {
  const ambito = await getAmbitoByCode(db, code);
  return ambito ? { id: ambito.id, code: ambito.code, name: ambito.name, regionCode: ambito.regionCode } : null;
}
export type GovernanceAmbito = NonNullable<Awaited<ReturnType<typeof getGovernanceAmbito>>>;

/** Membership valid on `day`: started on or before it (or start unknown) and not ended before it. */
const memberOn = (day: string) =>
  and(or(isNull(bodyMembers.validFrom), lte(bodyMembers.validFrom, day)), or(isNull(bodyMembers.validTo), gte(bodyMembers.validTo, day)));

// ---------------------------------------------------------------------------------------------------------------
// Organisations and people

export async function listOrganisations(db: DbOrTx, ambitoId: string) {
  const [rows, members] = await Promise.all([
    db
      .select(pick(organisations, 'id', 'name', 'kind', 'fiscalCode', 'runtsNumber', 'comuneId', 'email', 'address', 'version'))
      .from(organisations)
      .where(eq(organisations.ambitoId, ambitoId))
      .orderBy(asc(organisations.name)),
    db.select({ organisationId: people.organisationId }).from(people).where(eq(people.ambitoId, ambitoId)),
  ]);
  return rows.map((o) => ({ ...o, people: members.filter((p) => p.organisationId === o.id).length }));
}

export const getOrganisation = (db: DbOrTx, ambitoId: string, id: string) => rowInAmbito(db, organisations, ambitoId, id);

export async function listPeople(db: DbOrTx, ambitoId: string) {
  return db
    .select({ ...pick(people, 'id', 'fullName', 'roleTitle', 'email', 'organisationId', 'version'), organisationName: organisations.name })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.ambitoId, ambitoId))
    .orderBy(asc(people.fullName));
}

export const getPerson = (db: DbOrTx, ambitoId: string, id: string) => rowInAmbito(db, people, ambitoId, id);

/** The comuni an organisation of kind «comune» or a member can refer to: the Ambito's members today. */
export async function listComuniChoices(db: DbOrTx, ambitoId: string, day = today()) {
  return (await listAmbitoComuni(db, ambitoId, day)).map((c) => ({ id: c.id, name: c.name, istatCode: c.istatCode }));
}

// ---------------------------------------------------------------------------------------------------------------
// Bodies and members

export async function listBodies(db: DbOrTx, ambitoId: string, day = today()) {
  const rows = await db
    .select(pick(bodies, 'id', 'name', 'type', 'kind', 'description', 'parentBodyId', 'votingRule'))
    .from(bodies)
    .where(eq(bodies.ambitoId, ambitoId))
    .orderBy(asc(bodies.name));
  if (rows.length === 0) return [];
  const ids = rows.map((b) => b.id);
  const [inOffice, meetingRows] = await Promise.all([
    db
      .select({ bodyId: bodyMembers.bodyId })
      .from(bodyMembers)
      .where(and(inArray(bodyMembers.bodyId, ids), memberOn(day))),
    db.select({ bodyId: meetings.bodyId }).from(meetings).where(inArray(meetings.bodyId, ids)),
  ]);
  const typeOrder = (type: string) => (BODY_TYPES as readonly string[]).indexOf(type);
  return rows
    .map((b) => ({
      ...b,
      members: inOffice.filter((m) => m.bodyId === b.id).length,
      meetings: meetingRows.filter((m) => m.bodyId === b.id).length,
    }))
    .sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || a.name.localeCompare(b.name, 'it'));
}

/** A meeting with its start and end as Italian local date and time. */
const withLocalTimes = <M extends { startsAt: Date; endsAt: Date }>(m: M) => ({
  ...m,
  local: instantToRomeLocal(m.startsAt),
  localEnd: instantToRomeLocal(m.endsAt),
});

/** The meetings of the Ambito that have not ended at `now`, soonest first. */
export async function listUpcomingMeetings(db: DbOrTx, ambitoId: string, now: Date, limit = 10) {
  const rows = await db
    .select({ ...pick(meetings, 'id', 'title', 'startsAt', 'endsAt', 'status'), bodyId: bodies.id, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(meetings.ambitoId, ambitoId), gte(meetings.endsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .limit(limit);
  return rows.map(withLocalTimes);
}

export const getBodyRow = (db: DbOrTx, ambitoId: string, bodyId: string) => rowInAmbito(db, bodies, ambitoId, bodyId);

/** The members of a body (all of them, or those in office on `day`), presidents first, then by name. */
/** A member with the person's name, role and e-mail, and the name of the organisation they stand for. */
const memberColumns = {
  ...pick(bodyMembers, 'id', 'personId', 'organisationId', 'comuneId', 'position', 'delegateOfMemberId', 'validFrom', 'validTo', 'version'),
  personName: people.fullName,
  personRole: people.roleTitle,
  email: people.email,
  organisationName: organisations.name,
};

export async function listMembers(db: DbOrTx, bodyId: string, day?: string) {
  const rows = await db
    .select(memberColumns)
    .from(bodyMembers)
    .innerJoin(people, eq(people.id, bodyMembers.personId))
    .leftJoin(organisations, eq(organisations.id, bodyMembers.organisationId))
    .where(day ? and(eq(bodyMembers.bodyId, bodyId), memberOn(day)) : eq(bodyMembers.bodyId, bodyId))
    .orderBy(asc(people.fullName));
  return rows.sort((a, b) => POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position));
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export const getMemberRow = (db: DbOrTx, bodyId: string, memberId: string) =>
  rowWhere(db, bodyMembers, and(eq(bodyMembers.bodyId, bodyId), eq(bodyMembers.id, memberId)));

/** The names of comuni by id (for members that represent a comune). */
async function comuneNames(db: DbOrTx, ambitoId: string, day: string): Promise<Map<string, string>> {
  return new Map((await listAmbitoComuni(db, ambitoId, day)).map((c) => [c.id, c.name]));
}

/** What a member is called in votes and summaries: the comune it represents, else the person. */
export function memberLabel(m: { personName: string; comuneId: string | null }, comuni: Map<string, string>): string {
  return (m.comuneId && comuni.get(m.comuneId)) || m.personName;
}

const POSITION_ORDER = ['presidente', 'vicepresidente', 'segretario', 'componente'];

/**
 * The order members are listed in votes and attendance: by position (the president first), then by what they are
 * called (the comune, like the Accordo's list after the capofila).
 */
export function orderMembers<T extends { position: string; personName: string; comuneId: string | null }>(members: T[], comuni: Map<string, string>): T[] {
  return [...members].sort(
    (a, b) => POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position) || memberLabel(a, comuni).localeCompare(memberLabel(b, comuni), 'it'),
  );
}

/** The body page's read model: the body, its members (all, with who is in office today), meetings and decisions. */
export async function getBodyOverview(db: DbOrTx, ambito: GovernanceAmbito, bodyId: string, day = today()) {
  const body = await getBodyRow(db, ambito.id, bodyId);
  if (!body) return null;
  const [members, comuni, meetingRows, decisionRows, parent, children] = await Promise.all([
    listMembers(db, bodyId),
    comuneNames(db, ambito.id, day),
    db
      .select(pick(meetings, 'id', 'title', 'startsAt', 'endsAt', 'place', 'onlineUrl', 'status'))
      .from(meetings)
      .where(eq(meetings.bodyId, bodyId))
      .orderBy(desc(meetings.startsAt)),
    db
      .select({ id: decisions.id, number: decisions.number, date: decisions.date, subject: decisions.subject })
      .from(decisions)
      .where(eq(decisions.bodyId, bodyId))
      .orderBy(desc(decisions.date), desc(decisions.number)),
    body.parentBodyId ? getBodyRow(db, ambito.id, body.parentBodyId) : Promise.resolve(null),
    db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.parentBodyId, bodyId)).orderBy(asc(bodies.name)),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  const outcomes = await decisionOutcomes(
    db,
    decisionRows.map((d) => d.id),
  );
  const rule = body.votingRule as VotingRule | null;
  return {
    body: { ...body, votingRule: rule, ruleText: rule ? describeVotingRule(rule) : null },
    parent: parent ? { id: parent.id, name: parent.name } : null,
    children,
    members: members.map((m) => ({
      ...m,
      comuneName: m.comuneId ? (comuni.get(m.comuneId) ?? null) : null,
      delegateOfName: m.delegateOfMemberId ? (byId.get(m.delegateOfMemberId)?.personName ?? null) : null,
      inOffice: (!m.validFrom || m.validFrom <= day) && (!m.validTo || m.validTo >= day),
    })),
    meetings: meetingRows.map(withLocalTimes),
    decisions: decisionRows.map((d) => ({ ...d, approved: outcomes.get(d.id) ?? null })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Meetings

export const getMeetingRow = (db: DbOrTx, ambitoId: string, meetingId: string) => rowInAmbito(db, meetings, ambitoId, meetingId);

export async function listAgenda(db: DbOrTx, meetingId: string) {
  return db
    .select(pick(agendaItems, 'id', 'position', 'title', 'description'))
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
}

export async function listAttendance(db: DbOrTx, meetingId: string) {
  return db
    .select({ memberId: attendance.memberId, status: attendance.status, delegateName: attendance.delegateName })
    .from(attendance)
    .where(eq(attendance.meetingId, meetingId));
}

/** The members expected at a meeting: those in office on its (Italian) date. */
export async function listMeetingMembers(db: DbOrTx, ambitoId: string, meeting: { bodyId: string; startsAt: Date }) {
  const day = instantToRomeLocal(meeting.startsAt).date;
  const [members, comuni] = await Promise.all([listMembers(db, meeting.bodyId, day), comuneNames(db, ambitoId, day)]);
  return orderMembers(members, comuni).map((m) => ({ ...m, comuneName: m.comuneId ? (comuni.get(m.comuneId) ?? null) : null, label: memberLabel(m, comuni) }));
}

/** The meeting page's read model: meeting, body, agenda, members with attendance, attachments, decisions, summary. */
export async function getMeetingOverview(db: DbOrTx, ambito: GovernanceAmbito, meetingId: string) {
  const meeting = await getMeetingRow(db, ambito.id, meetingId);
  if (!meeting) return null;
  const body = (await getBodyRow(db, ambito.id, meeting.bodyId))!;
  const [agenda, members, present, files, decisionRows, sent] = await Promise.all([
    listAgenda(db, meeting.id),
    listMeetingMembers(db, ambito.id, meeting),
    listAttendance(db, meeting.id),
    db
      .select(pick(meetingAttachments, 'id', 'fileName', 'mimeType', 'sizeBytes', 'uploadedAt', 'uploadedBy'))
      .from(meetingAttachments)
      .where(eq(meetingAttachments.meetingId, meeting.id))
      .orderBy(asc(meetingAttachments.uploadedAt)),
    db
      .select({ id: decisions.id, number: decisions.number, date: decisions.date, subject: decisions.subject })
      .from(decisions)
      .where(eq(decisions.meetingId, meeting.id))
      .orderBy(asc(decisions.number)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(eq(outbox.topic, `meeting:${meeting.id}`)),
  ]);
  const byMember = new Map(present.map((a) => [a.memberId, a]));
  const rows = members.map((m) => ({
    ...m,
    attendance: (byMember.get(m.id)?.status ?? null) as Attendance | null,
    delegateName: byMember.get(m.id)?.delegateName ?? null,
  }));
  const outcomes = await decisionOutcomes(
    db,
    decisionRows.map((d) => d.id),
  );
  const taken = decisionRows.map((d) => ({ ...d, approved: outcomes.get(d.id) ?? null }));
  const attendees = rows.filter((r) => r.attendance === 'present' || r.attendance === 'delegated');
  const organisationsPresent = [...new Set(attendees.map((r) => r.organisationName ?? r.comuneName).filter((x): x is string => !!x))].sort((a, b) =>
    a.localeCompare(b, 'it'),
  );
  return {
    meeting: withLocalTimes(meeting),
    body: {
      id: body.id,
      name: body.name,
      type: body.type,
      votingRule: body.votingRule as VotingRule | null,
      ruleText: body.votingRule ? describeVotingRule(body.votingRule as VotingRule) : null,
    },
    agenda,
    members: rows,
    attendanceRecorded: present.length > 0,
    /** Every member in office has a recorded attendance (a member added afterwards makes it incomplete). */
    attendanceComplete: rows.every((r) => r.attendance !== null),
    /** Carried by the vote form: the vote is refused if the recorded attendance changed since the form was shown. */
    attendanceFingerprint: attendanceFingerprint(rows.filter((r) => r.attendance !== null).map((r) => ({ memberId: r.id, status: r.attendance! }))),
    attachments: files,
    decisions: taken,
    messagesSent: sent[0]?.n ?? 0,
    summary: {
      attendees: attendees.map((r) => ({
        id: r.id,
        personName: r.personName,
        label: r.label,
        organisationName: r.organisationName,
        attendance: r.attendance!,
        delegateName: r.delegateName,
      })),
      absent: rows.filter((r) => r.attendance === 'absent').map((r) => ({ id: r.id, personName: r.personName, label: r.label })),
      organisations: organisationsPresent,
      decisions: taken,
    },
  };
}

/**
 * The meetings of some bodies of an Ambito (a thematic table's, for participation), soonest last, each with its
 * recorded attendance: `present` members (present or delegated) out of the `recorded` ones (0 and 0: not recorded).
 */
export async function listBodyMeetings(db: DbOrTx, ambitoId: string, bodyIds: readonly string[]) {
  if (bodyIds.length === 0) return [];
  const rows = await db
    .select(pick(meetings, 'id', 'bodyId', 'title', 'startsAt', 'endsAt', 'place', 'onlineUrl', 'status', 'convokedAt'))
    .from(meetings)
    .where(and(eq(meetings.ambitoId, ambitoId), inArray(meetings.bodyId, [...bodyIds])))
    .orderBy(desc(meetings.startsAt));
  if (rows.length === 0) return [];
  const recorded = await db
    .select({
      meetingId: attendance.meetingId,
      recorded: sql<number>`count(*)::int`,
      present: sql<number>`count(*) filter (where ${attendance.status} in ('present', 'delegated'))::int`,
    })
    .from(attendance)
    .where(
      inArray(
        attendance.meetingId,
        rows.map((m) => m.id),
      ),
    )
    .groupBy(attendance.meetingId);
  const byMeeting = new Map(recorded.map((r) => [r.meetingId, r]));
  return rows.map((m) => ({ ...withLocalTimes(m), present: byMeeting.get(m.id)?.present ?? 0, recorded: byMeeting.get(m.id)?.recorded ?? 0 }));
}
export type BodyMeeting = Awaited<ReturnType<typeof listBodyMeetings>>[number];

export async function getAttachment(db: DbOrTx, ambitoId: string, meetingId: string, attachmentId: string) {
  const [row] = await db
    .select(pick(meetingAttachments, 'id', 'fileName', 'mimeType', 'sizeBytes', 'content'))
    .from(meetingAttachments)
    .innerJoin(meetings, eq(meetings.id, meetingAttachments.meetingId))
    .where(and(eq(meetings.ambitoId, ambitoId), eq(meetingAttachments.meetingId, meetingId), eq(meetingAttachments.id, attachmentId)));
  return row ?? null;
}

/** Meetings of the Ambito for its calendar feed, with their body, oldest first. */
export async function listMeetingsForCalendar(db: DbOrTx, ambitoId: string) {
  const rows = await db
    .select({ ...pick(meetings, 'id', 'title', 'startsAt', 'endsAt', 'place', 'onlineUrl', 'icsSequence'), bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(meetings.ambitoId, ambitoId))
    .orderBy(asc(meetings.startsAt));
  const agenda = await listAgendaTitles(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, agenda: agenda(r.id) }));
}

/** The agenda of each of `meetingIds` in order, as a lookup from a meeting to its items' titles. */
export async function listAgendaTitles(db: DbOrTx, meetingIds: readonly string[]) {
  const items = meetingIds.length
    ? await db
        .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
        .from(agendaItems)
        .where(inArray(agendaItems.meetingId, [...meetingIds]))
        .orderBy(asc(agendaItems.position))
    : [];
  return (meetingId: string) => items.filter((i) => i.meetingId === meetingId).map((i) => i.title);
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions and votes

export const getDecisionRow = (db: DbOrTx, ambitoId: string, decisionId: string) => rowInAmbito(db, decisions, ambitoId, decisionId);

/** A vote as frozen (label, weight and its source), with the voter's name and position. */
const voteColumns = {
  ...pick(decisionVotes, 'id', 'memberId', 'label', 'weight', 'weightSource', 'weightReferenceDate', 'attendance', 'vote'),
  personName: people.fullName,
  position: bodyMembers.position,
};

export async function listVotes(db: DbOrTx, decisionId: string) {
  const rows = await db
    .select(voteColumns)
    .from(decisionVotes)
    .innerJoin(bodyMembers, eq(bodyMembers.id, decisionVotes.memberId))
    .innerJoin(people, eq(people.id, bodyMembers.personId))
    .where(eq(decisionVotes.decisionId, decisionId))
    .orderBy(asc(decisionVotes.label));
  return rows.sort((a, b) => POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position) || a.label.localeCompare(b.label, 'it'));
}

/** The outcome of a decision from its frozen rule and votes (voting.rules.ts), or the reason it cannot be computed. */
export function outcomeOf(
  rule: VotingRule,
  votes: readonly { memberId: string; label: string; weight: number | null; attendance: string; vote: string | null }[],
): { outcome: VotingOutcome | null; error: string | null } {
  try {
    return {
      outcome: computeOutcome(
        rule,
        votes.map((v) => ({ memberId: v.memberId, label: v.label, weight: v.weight, attendance: v.attendance as Attendance, vote: v.vote as Vote | null })),
      ),
      error: null,
    };
  } catch (error) {
    if (error instanceof ValidationError) return { outcome: null, error: [error.message, ...error.issues.map((i) => `${i.path}: ${i.message}`)].join(' ') };
    throw error;
  }
}

/** Approved (true), rejected (false) or not computable (null), for a list of decisions. */
async function decisionOutcomes(db: DbOrTx, ids: string[]): Promise<Map<string, boolean | null>> {
  if (ids.length === 0) return new Map();
  const [rules, votes] = await Promise.all([
    db.select({ id: decisions.id, votingRule: decisions.votingRule }).from(decisions).where(inArray(decisions.id, ids)),
    votesOfDecisions(db, ids),
  ]);
  return new Map(rules.map((r) => [r.id, votes.outcome(r).outcome?.approved ?? null]));
}

/** The votes of some decisions (what their outcome is computed from), and the outcome of one of them under its frozen rule. */
async function votesOfDecisions(db: DbOrTx, ids: string[]) {
  const votes = ids.length
    ? await db
        .select(pick(decisionVotes, 'decisionId', 'memberId', 'label', 'weight', 'attendance', 'vote'))
        .from(decisionVotes)
        .where(inArray(decisionVotes.decisionId, ids))
    : [];
  return {
    outcome: (d: { id: string; votingRule: unknown }) =>
      outcomeOf(
        d.votingRule as VotingRule,
        votes.filter((v) => v.decisionId === d.id),
      ),
  };
}

/** The decision page's read model: the decision, its body and meeting, the votes with weights, the outcome. */
export async function getDecisionOverview(db: DbOrTx, ambito: GovernanceAmbito, decisionId: string) {
  const decision = await getDecisionRow(db, ambito.id, decisionId);
  if (!decision) return null;
  const [body, meeting, votes] = await Promise.all([
    getBodyRow(db, ambito.id, decision.bodyId),
    decision.meetingId ? getMeetingRow(db, ambito.id, decision.meetingId) : Promise.resolve(null),
    listVotes(db, decision.id),
  ]);
  const rule = decision.votingRule as VotingRule;
  const { outcome, error } = outcomeOf(rule, votes);
  const day = meeting ? instantToRomeLocal(meeting.startsAt).date : decision.date;
  return {
    /** Set when the frozen weights refer to a date more than five years before the meeting. */
    weightsAge: oldWeights(
      votes.filter((v) => v.weight !== null).map((v) => ({ referenceDate: v.weightReferenceDate, source: v.weightSource })),
      day,
    ),
    decision: { ...decision, votingRule: rule, ruleText: describeVotingRule(rule) },
    body: { id: body!.id, name: body!.name },
    meeting: meeting ? { id: meeting.id, title: meeting.title, local: instantToRomeLocal(meeting.startsAt) } : null,
    votes,
    outcome,
    outcomeError: error,
  };
}

export interface ComuneWeight {
  weight: number;
  /** The source in words, with the date or year the figure refers to. */
  source: string;
  /** The date the population refers to (ISO), to tell how old the weight is. */
  referenceDate: string;
}

/**
 * The weight of each comune for a population-weighted vote on `day` (the meeting's date): its latest population
 * recorded in the population facts at or before that day (a yearly figure without a date counts at the end of its
 * year), else its legal population at the 2011 census, else none. With the source in words and its date.
 */
export async function comuneWeights(db: DbOrTx, ambitoId: string, day: string): Promise<Map<string, ComuneWeight>> {
  const [members, facts] = await Promise.all([listAmbitoComuni(db, ambitoId, day), listComuniPopulation(db, ambitoId, day)]);
  const weights = new Map<string, ComuneWeight>();
  for (const c of members) {
    const latest = facts
      .map((f) => ({ ...f, asOf: f.referenceDate ?? `${f.year}-12-31` }))
      .filter((f) => f.comuneId === c.id && f.asOf <= day)
      .sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0))[0];
    if (latest) {
      const when = latest.referenceDate ? `al ${latest.referenceDate.split('-').reverse().join('/')}` : `dell’anno ${latest.year}`;
      weights.set(c.id, { weight: latest.total, source: `popolazione residente ${when} (${latest.source})`, referenceDate: latest.asOf });
    } else if (c.population !== null) {
      weights.set(c.id, { weight: c.population, source: 'popolazione legale al censimento 2011 (ISTAT)', referenceDate: CENSUS_2011_DATE });
    }
  }
  return weights;
}

// ---------------------------------------------------------------------------------------------------------------
// Accordo di programma

export const listAgreements = (db: DbOrTx, ambitoId: string) =>
  db
    .select(pick(agreements, 'id', 'title', 'periodStartYear', 'periodEndYear'))
    .from(agreements)
    .where(eq(agreements.ambitoId, ambitoId))
    .orderBy(desc(agreements.periodStartYear));

/** An agreement without the signed file's bytes: its size instead. */
export async function getAgreementRow(db: DbOrTx, ambitoId: string, agreementId: string) {
  const { signedFile, createdAt: _createdAt, ...columns } = getTableColumns(agreements);
  const [row] = await db
    .select({ ...columns, signedFileSize: sql<number | null>`octet_length(${signedFile})` })
    .from(agreements)
    .where(and(eq(agreements.ambitoId, ambitoId), eq(agreements.id, agreementId)));
  return row ?? null;
}

/** The Accordo page's read model: one agreement with its parties and signatures. */
export async function getAgreementOverview(db: DbOrTx, ambitoId: string, agreementId: string) {
  const agreement = await getAgreementRow(db, ambitoId, agreementId);
  if (!agreement) return null;
  const [parties, signatures] = await Promise.all([
    db
      .select({ ...pick(agreementParties, 'id', 'organisationId', 'role'), ...pick(organisations, 'name', 'kind') })
      .from(agreementParties)
      .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
      .where(eq(agreementParties.agreementId, agreementId)),
    db
      .select({ ...pick(agreementSignatures, 'id', 'organisationId', 'signerName', 'signerRole', 'signedOn'), organisationName: organisations.name })
      .from(agreementSignatures)
      .leftJoin(organisations, eq(organisations.id, agreementSignatures.organisationId))
      .where(eq(agreementSignatures.agreementId, agreementId)),
  ]);
  // The order of the Accordo's own lists: the capofila, the other comuni, the health bodies, then the others.
  const capofila = new Set((await listAmbitoComuni(db, ambitoId, agreement.validFrom)).filter((c) => c.isCapofila).map((c) => c.id));
  const comuneOf = new Map(
    (await db.select({ id: organisations.id, comuneId: organisations.comuneId }).from(organisations).where(eq(organisations.ambitoId, ambitoId))).map((o) => [
      o.id,
      o.comuneId,
    ]),
  );
  const rank = (organisationId: string | null, kind: string | null) =>
    organisationId && capofila.has(comuneOf.get(organisationId) ?? '') ? 0 : kind === 'comune' ? 1 : kind === 'ente_sanitario' ? 2 : 3;
  parties.sort((a, b) => rank(a.organisationId, a.kind) - rank(b.organisationId, b.kind) || a.name.localeCompare(b.name, 'it'));
  const partyOrder = new Map(parties.map((p, i) => [p.organisationId, i]));
  signatures.sort(
    (a, b) =>
      (partyOrder.get(a.organisationId ?? '') ?? parties.length) - (partyOrder.get(b.organisationId ?? '') ?? parties.length) ||
      a.signerName.localeCompare(b.signerName, 'it'),
  );
  return { agreement, parties, signatures };
}

export async function getAgreementFile(db: DbOrTx, ambitoId: string, agreementId: string) {
  const [row] = await db
    .select({ fileName: agreements.signedFileName, mimeType: agreements.signedFileMime, content: agreements.signedFile })
    .from(agreements)
    .where(and(eq(agreements.ambitoId, ambitoId), eq(agreements.id, agreementId)));
  return row?.content && row.fileName && row.mimeType ? { fileName: row.fileName, mimeType: row.mimeType, content: row.content } : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Outbox

export async function listOutbox(db: DbOrTx, ambitoId: string, limit = 200) {
  return db
    .select({
      ...pick(outbox, 'id', 'toAddress', 'toName', 'subject', 'body', 'topic', 'createdAt', 'sentAt', 'error'),
      hasIcs: sql<boolean>`${outbox.ics} is not null`,
    })
    .from(outbox)
    .where(eq(outbox.ambitoId, ambitoId))
    .orderBy(desc(outbox.createdAt), asc(outbox.toName))
    .limit(limit);
}

export async function getOutboxIcs(db: DbOrTx, ambitoId: string, messageId: string) {
  const [row] = await db
    .select({ ics: outbox.ics, topic: outbox.topic })
    .from(outbox)
    .where(and(eq(outbox.ambitoId, ambitoId), eq(outbox.id, messageId)));
  return row?.ics ? { ...row, ics: row.ics } : null;
}

/**
 * The Ambito's decisions with their body's type and the outcome computed from the frozen rule and the votes
 * (approved true, rejected false, null when it cannot be computed), for other modules that need an approved act
 * (e.g. the adoption of a plan). Read-only; sequential queries, so it can run inside a caller's transaction.
 */
export async function listAmbitoDecisionOutcomes(db: DbOrTx, ambitoId: string) {
  const rows = await db
    .select({ ...pick(decisions, 'id', 'number', 'date', 'subject', 'votingRule'), bodyId: bodies.id, bodyName: bodies.name, bodyType: bodies.type })
    .from(decisions)
    .innerJoin(bodies, eq(bodies.id, decisions.bodyId))
    .where(eq(decisions.ambitoId, ambitoId))
    .orderBy(desc(decisions.date), desc(decisions.number));
  const votes = await votesOfDecisions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map(({ votingRule, ...r }) => {
    const { outcome, error } = votes.outcome({ id: r.id, votingRule });
    return { ...r, approved: outcome?.approved ?? null, outcomeError: error };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Attendance of several bodies (for other modules' figures, e.g. participation's tables)

/**
 * The meetings of some bodies of an Ambito with their members (all, with validity) and the recorded attendance: what
 * another module needs to count who took part, without reading governance's tables itself. Dates of meetings are
 * Italian local dates.
 */
export async function listBodiesAttendance(db: DbOrTx, ambitoId: string, bodyIds: readonly string[]) {
  if (bodyIds.length === 0) return { meetings: [], members: [], attendance: [] };
  const ids = [...bodyIds];
  const meetingRows = await db
    .select(pick(meetings, 'id', 'bodyId', 'title', 'startsAt', 'endsAt', 'status'))
    .from(meetings)
    .where(and(eq(meetings.ambitoId, ambitoId), inArray(meetings.bodyId, ids)))
    .orderBy(asc(meetings.startsAt));
  const [members, attendanceRows] = await Promise.all([
    db
      .select(pick(bodyMembers, 'id', 'bodyId', 'personId', 'organisationId', 'validFrom', 'validTo'))
      .from(bodyMembers)
      .where(inArray(bodyMembers.bodyId, ids)),
    meetingRows.length
      ? db
          .select({ meetingId: attendance.meetingId, memberId: attendance.memberId, status: attendance.status })
          .from(attendance)
          .where(
            inArray(
              attendance.meetingId,
              meetingRows.map((m) => m.id),
            ),
          )
      : Promise.resolve([]),
  ]);
  return {
    meetings: meetingRows.map((m) => ({ ...m, date: instantToRomeLocal(m.startsAt).date })),
    members,
    attendance: attendanceRows,
  };
}
