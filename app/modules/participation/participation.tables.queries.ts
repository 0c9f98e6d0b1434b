// The thematic tables' reads: the Ambito's tables, one table's page (facts, members, meetings with replies and
// attendance), the memberships (for coverage figures), and a third-sector member's own page. Figures are computed here
// from the records at this moment (participation.tables.rules.ts); dates are ISO, instants are ISO strings.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { bodies, listBodyMeetings, listMembers, organisations, people, type BodyMeeting } from '../governance/index.server.ts';
import { meetingReplies, needs, proposals, questionnaireResponses, questionnaires, tableMembers, thematicTables } from './participation.schema.ts';
import { canReplyAt, hasLeft, isMemberOn, replyFigures, romeDay } from './participation.tables.rules.ts';

export type TableRow = typeof thematicTables.$inferSelect;

/** The tables of an Ambito, newest period first, then by name; with their members today and their meetings. */
export async function listTables(db: DbOrTx, ambitoId: string, now = new Date()) {
  const rows = await db
    .select()
    .from(thematicTables)
    .where(eq(thematicTables.ambitoId, ambitoId))
    .orderBy(desc(thematicTables.periodStartYear), asc(thematicTables.name));
  if (rows.length === 0) return [];
  const today = romeDay(now);
  const [members, held] = await Promise.all([
    db
      .select()
      .from(tableMembers)
      .where(
        inArray(
          tableMembers.tableId,
          rows.map((t) => t.id),
        ),
      ),
    listBodyMeetings(
      db,
      ambitoId,
      rows.map((t) => t.bodyId),
    ),
  ]);
  return rows.map((t) => {
    const own = held.filter((m) => m.bodyId === t.bodyId);
    const next = own.filter((m) => m.endsAt.getTime() >= now.getTime()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0] ?? null;
    return {
      ...t,
      members: members.filter((m) => m.tableId === t.id && isMemberOn(m, today)).length,
      meetings: own.length,
      nextMeeting: next ? { id: next.id, startsAt: next.startsAt.toISOString() } : null,
    };
  });
}

/** Every organisation's membership of the Ambito's tables (left ones too): the base of coverage figures. */
export async function getTableMemberships(db: DbOrTx, ambitoId: string) {
  return db
    .select({
      id: tableMembers.id,
      tableId: thematicTables.id,
      tableName: thematicTables.name,
      periodStartYear: thematicTables.periodStartYear,
      periodEndYear: thematicTables.periodEndYear,
      policyAreas: thematicTables.policyAreas,
      organisationId: tableMembers.organisationId,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      validFrom: tableMembers.validFrom,
      validTo: tableMembers.validTo,
      leftOn: tableMembers.leftOn,
    })
    .from(tableMembers)
    .innerJoin(thematicTables, eq(thematicTables.id, tableMembers.tableId))
    .innerJoin(organisations, eq(organisations.id, tableMembers.organisationId))
    .where(eq(thematicTables.ambitoId, ambitoId))
    .orderBy(asc(thematicTables.name), asc(organisations.name));
}
export type TableMembership = Awaited<ReturnType<typeof getTableMemberships>>[number];

/** The replies to some meetings, with the organisation's name. */
async function repliesTo(db: DbOrTx, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({
      id: meetingReplies.id,
      meetingId: meetingReplies.meetingId,
      organisationId: meetingReplies.organisationId,
      organisationName: organisations.name,
      reply: meetingReplies.reply,
      attendeeName: meetingReplies.attendeeName,
      note: meetingReplies.note,
      version: meetingReplies.version,
      updatedAt: meetingReplies.updatedAt,
    })
    .from(meetingReplies)
    .innerJoin(organisations, eq(organisations.id, meetingReplies.organisationId))
    .where(inArray(meetingReplies.meetingId, [...meetingIds]))
    .orderBy(asc(organisations.name));
}

type Member = typeof tableMembers.$inferSelect;

/** A meeting of a table as its pages show it: when, where, status, the replies against the members of that day, attendance. */
function meetingView(m: BodyMeeting, members: readonly Member[], replies: Awaited<ReturnType<typeof repliesTo>>, now: Date) {
  const day = romeDay(m.startsAt);
  const expected = members.filter((x) => isMemberOn(x, day)).map((x) => x.organisationId);
  const own = replies.filter((r) => r.meetingId === m.id);
  const counted = own.filter((r) => expected.includes(r.organisationId));
  return {
    id: m.id,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    place: m.place,
    onlineUrl: m.onlineUrl,
    status: m.status,
    past: m.endsAt.getTime() < now.getTime(),
    open: canReplyAt(m.startsAt, now),
    replies: replyFigures(expected, own),
    confirmed: counted.filter((r) => r.reply === 'partecipa').map((r) => r.organisationName),
    declined: counted.filter((r) => r.reply === 'non_partecipa').map((r) => r.organisationName),
    attendance: { present: m.present, recorded: m.recorded },
  };
}
export type TableMeetingView = ReturnType<typeof meetingView>;

/**
 * A table's page: its facts, its referent, its governance body, its members (organisations with their period, left
 * ones marked, and the people who sit for them in the body), its meetings (next first, then past) with the replies and
 * the recorded attendance. Null when the table is not of this Ambito.
 */
export async function getTable(db: DbOrTx, ambitoId: string, tableId: string, now = new Date()) {
  const [table] = await db
    .select()
    .from(thematicTables)
    .where(and(eq(thematicTables.ambitoId, ambitoId), eq(thematicTables.id, tableId)));
  if (!table) return null;
  const today = romeDay(now);
  const [[body], [referent], members, bodyMembers, held] = await Promise.all([
    db.select({ id: bodies.id, name: bodies.name, kind: bodies.kind }).from(bodies).where(eq(bodies.id, table.bodyId)),
    table.referentPersonId
      ? db.select({ id: people.id, fullName: people.fullName }).from(people).where(eq(people.id, table.referentPersonId))
      : Promise.resolve([]),
    db
      .select({ member: tableMembers, organisationName: organisations.name, organisationKind: organisations.kind })
      .from(tableMembers)
      .innerJoin(organisations, eq(organisations.id, tableMembers.organisationId))
      .where(eq(tableMembers.tableId, tableId))
      .orderBy(asc(organisations.name)),
    listMembers(db, table.bodyId),
    listBodyMeetings(db, ambitoId, [table.bodyId]),
  ]);
  const replies = await repliesTo(
    db,
    held.map((m) => m.id),
  );
  const rows = members.map((r) => r.member);
  const views = held.map((m) => meetingView(m, rows, replies, now));
  return {
    table: { ...table, referentPersonName: referent?.fullName ?? null },
    body: body ?? null,
    members: members.map(({ member, organisationName, organisationKind }) => ({
      id: member.id,
      version: member.version,
      organisationId: member.organisationId,
      organisationName,
      organisationKind,
      validFrom: member.validFrom,
      validTo: member.validTo,
      leftOn: member.leftOn,
      leftReason: member.leftReason,
      left: hasLeft(member, today),
      current: isMemberOn(member, today),
      people: bodyMembers
        .filter((b) => b.organisationId === member.organisationId && (!b.validTo || b.validTo >= today) && (!b.validFrom || b.validFrom <= today))
        .map((b) => b.personName),
    })),
    nextMeetings: views.filter((m) => !m.past).reverse(),
    pastMeetings: views.filter((m) => m.past),
  };
}
export type TableOverview = NonNullable<Awaited<ReturnType<typeof getTable>>>;

/**
 * A third-sector member's own page, for the organisations it acts for: their tables (memberships, left ones too),
 * the next meetings of those tables with the organisation's reply (a reply can be changed until the meeting starts),
 * and what became of their contributions (needs, proposals with the answer, questionnaire answers).
 */
export async function getMyParticipation(db: DbOrTx, ambitoId: string, organisationIds: readonly string[], now = new Date()) {
  if (organisationIds.length === 0) return { organisations: [], memberships: [], meetings: [], needs: [], proposals: [], responses: [] };
  const ids = [...organisationIds];
  const today = romeDay(now);
  const [orgs, memberships] = await Promise.all([
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.ambitoId, ambitoId), inArray(organisations.id, ids)))
      .orderBy(asc(organisations.name)),
    db
      .select({ member: tableMembers, table: thematicTables, organisationName: organisations.name })
      .from(tableMembers)
      .innerJoin(thematicTables, eq(thematicTables.id, tableMembers.tableId))
      .innerJoin(organisations, eq(organisations.id, tableMembers.organisationId))
      .where(and(eq(thematicTables.ambitoId, ambitoId), inArray(tableMembers.organisationId, ids)))
      .orderBy(asc(thematicTables.name)),
  ]);
  const held = await listBodyMeetings(db, ambitoId, [...new Set(memberships.map((m) => m.table.bodyId))]);
  const upcoming = held.filter((m) => m.endsAt.getTime() >= now.getTime()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const replies = await repliesTo(
    db,
    upcoming.map((m) => m.id),
  );
  const meetingsOut = upcoming.flatMap((m) =>
    memberships
      .filter((ms) => ms.table.bodyId === m.bodyId && isMemberOn(ms.member, romeDay(m.startsAt)))
      .map((ms) => {
        const reply = replies.find((r) => r.meetingId === m.id && r.organisationId === ms.member.organisationId) ?? null;
        return {
          key: `${m.id}:${ms.member.organisationId}`,
          meetingId: m.id,
          title: m.title,
          tableId: ms.table.id,
          tableName: ms.table.name,
          organisationId: ms.member.organisationId,
          organisationName: ms.organisationName,
          startsAt: m.startsAt.toISOString(),
          endsAt: m.endsAt.toISOString(),
          place: m.place,
          onlineUrl: m.onlineUrl,
          status: m.status,
          /** Replies are taken until the meeting starts. */
          deadline: m.startsAt.toISOString(),
          open: canReplyAt(m.startsAt, now),
          reply: reply ? { reply: reply.reply, attendeeName: reply.attendeeName, note: reply.note, version: reply.version } : null,
        };
      }),
  );
  const [needRows, proposalRows, responseRows] = await Promise.all([
    db
      .select({
        id: needs.id,
        statement: needs.statement,
        category: needs.category,
        priority: needs.priority,
        mergedIntoId: needs.mergedIntoId,
        createdAt: needs.createdAt,
        organisationId: needs.organisationId,
        tableName: thematicTables.name,
      })
      .from(needs)
      .leftJoin(thematicTables, eq(thematicTables.id, needs.tableId))
      .where(and(eq(needs.ambitoId, ambitoId), inArray(needs.organisationId, ids)))
      .orderBy(desc(needs.createdAt)),
    db
      .select({
        id: proposals.id,
        title: proposals.title,
        status: proposals.status,
        outcome: proposals.outcome,
        submittedAt: proposals.submittedAt,
        answeredAt: proposals.answeredAt,
        organisationId: proposals.organisationId,
      })
      .from(proposals)
      .where(and(eq(proposals.ambitoId, ambitoId), inArray(proposals.organisationId, ids)))
      .orderBy(desc(proposals.createdAt)),
    db
      .select({
        id: questionnaireResponses.id,
        questionnaireId: questionnaires.id,
        title: questionnaires.title,
        status: questionnaires.status,
        submittedAt: questionnaireResponses.submittedAt,
        organisationId: questionnaireResponses.organisationId,
      })
      .from(questionnaireResponses)
      .innerJoin(questionnaires, eq(questionnaires.id, questionnaireResponses.questionnaireId))
      .where(and(eq(questionnaires.ambitoId, ambitoId), inArray(questionnaireResponses.organisationId, ids)))
      .orderBy(desc(questionnaireResponses.submittedAt)),
  ]);
  return {
    organisations: orgs,
    memberships: memberships.map(({ member, table, organisationName }) => ({
      id: member.id,
      version: member.version,
      tableId: table.id,
      tableName: table.name,
      tableKind: table.kind,
      organisationId: member.organisationId,
      organisationName,
      validFrom: member.validFrom,
      validTo: member.validTo,
      leftOn: member.leftOn,
      leftReason: member.leftReason,
      current: isMemberOn(member, today),
      left: member.leftOn !== null,
    })),
    meetings: meetingsOut,
    needs: needRows.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
    proposals: proposalRows.map((p) => ({ ...p, submittedAt: p.submittedAt?.toISOString() ?? null, answeredAt: p.answeredAt?.toISOString() ?? null })),
    responses: responseRows.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
  };
}

/** What the table forms choose from: the Ambito's people (the referent) and the bodies not yet attached to a table. */
export async function getTableChoices(db: DbOrTx, ambitoId: string) {
  const [peopleRows, bodyRows, attached] = await Promise.all([
    db.select({ id: people.id, name: people.fullName }).from(people).where(eq(people.ambitoId, ambitoId)).orderBy(asc(people.fullName)),
    db.select({ id: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.ambitoId, ambitoId)).orderBy(asc(bodies.name)),
    db.select({ bodyId: thematicTables.bodyId }).from(thematicTables).where(eq(thematicTables.ambitoId, ambitoId)),
  ]);
  const taken = new Set(attached.map((a) => a.bodyId));
  return { people: peopleRows, bodies: bodyRows, freeBodies: bodyRows.filter((b) => !taken.has(b.id)) };
}
