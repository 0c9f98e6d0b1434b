// The records behind the participation figures (participation.figures.rules.ts): participation's own tables, and
// governance's meetings, members and recorded attendance through its server face.
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { listBodiesAttendance, listOrganisations } from '../governance/index.server.ts';
import type { ParticipationWorld } from './participation.figures.rules.ts';
import { applications, needs, proposals, questionnaireResponses, questionnaires, tableMembers, thematicTables } from './participation.schema.ts';

const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });
/** An instant's Italian calendar date (ISO). */
export const italianDate = (d: Date) => romeDay.format(d);

/** Everything the figures are computed from, read at `now`, with the names the page shows. */
export async function readParticipationWorld(db: DbOrTx, ambitoId: string, now = new Date()) {
  const tables = await db
    .select({ id: thematicTables.id, name: thematicTables.name, policyAreas: thematicTables.policyAreas, bodyId: thematicTables.bodyId })
    .from(thematicTables)
    .where(eq(thematicTables.ambitoId, ambitoId))
    .orderBy(asc(thematicTables.name));
  const [governance, members, admissions, orgs, needRows, proposalRows, responseRows] = await Promise.all([
    listBodiesAttendance(
      db,
      ambitoId,
      tables.map((t) => t.bodyId),
    ),
    db
      .select({
        tableId: tableMembers.tableId,
        organisationId: tableMembers.organisationId,
        bodyMemberId: tableMembers.bodyMemberId,
        leftOn: tableMembers.leftOn,
      })
      .from(tableMembers)
      .innerJoin(thematicTables, eq(thematicTables.id, tableMembers.tableId))
      .where(eq(thematicTables.ambitoId, ambitoId)),
    db
      .select({ organisationId: applications.organisationId, policyAreas: applications.policyAreas, tableIds: applications.tableIds })
      .from(applications)
      .where(and(eq(applications.ambitoId, ambitoId), eq(applications.status, 'ammessa'), isNotNull(applications.organisationId))),
    listOrganisations(db, ambitoId),
    db
      .select({ sourceKind: needs.sourceKind, createdAt: needs.createdAt })
      .from(needs)
      .where(and(eq(needs.ambitoId, ambitoId), isNull(needs.mergedIntoId))),
    db
      .select({ outcome: proposals.outcome, submittedAt: proposals.submittedAt, createdAt: proposals.createdAt })
      .from(proposals)
      .where(and(eq(proposals.ambitoId, ambitoId), eq(proposals.status, 'presentata'), isNull(proposals.hiddenAt))),
    db
      .select({ questionnaireId: questionnaireResponses.questionnaireId, submittedAt: questionnaireResponses.submittedAt })
      .from(questionnaireResponses)
      .innerJoin(questionnaires, eq(questionnaires.id, questionnaireResponses.questionnaireId))
      .where(eq(questionnaires.ambitoId, ambitoId)),
  ]);
  const today = italianDate(now);
  const world: ParticipationWorld = {
    now: now.toISOString(),
    tables,
    meetings: governance.meetings.map((m) => ({ id: m.id, bodyId: m.bodyId, date: m.date, endsAt: m.endsAt.toISOString(), status: m.status })),
    members: governance.members,
    attendance: governance.attendance,
    tableMembers: members.map((m) => ({
      tableId: m.tableId,
      organisationId: m.organisationId,
      bodyMemberId: m.bodyMemberId,
      left: !!m.leftOn && m.leftOn <= today,
    })),
    admissions: admissions.map((a) => ({ organisationId: a.organisationId!, policyAreas: a.policyAreas, tableIds: a.tableIds })),
    organisationKinds: Object.fromEntries(orgs.map((o) => [o.id, o.kind])),
    needs: needRows.map((n) => ({ sourceKind: n.sourceKind, date: italianDate(n.createdAt) })),
    proposals: proposalRows.map((p) => ({ outcome: p.outcome, date: italianDate(p.submittedAt ?? p.createdAt) })),
    responses: responseRows.map((r) => ({ questionnaireId: r.questionnaireId, date: italianDate(r.submittedAt) })),
  };
  return {
    world,
    tableNames: Object.fromEntries(tables.map((t) => [t.id, t.name])),
    tableAreas: Object.fromEntries(tables.map((t) => [t.id, t.policyAreas])),
    meetingTitles: Object.fromEntries(governance.meetings.map((m) => [m.id, m.title])),
  };
}
