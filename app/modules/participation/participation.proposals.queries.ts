// Reads of proposals: the list a reader may see (submitted ones, and its own organisation's drafts), one proposal with
// its comments (hidden ones show the coordinator's reason, never their text) and the objectives it fed.
import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { meetings, organisations } from '../governance/index.server.ts';
import { planObjectives } from '../planning/index.server.ts';
import { proposalVisible } from './participation.proposals.rules.ts';
import { needs, proposalComments, proposalObjectives, proposals, thematicTables } from './participation.schema.ts';

function proposalsQuery(db: DbOrTx) {
  return db
    .select({
      proposal: proposals,
      tableName: thematicTables.name,
      meetingTitle: meetings.title,
      meetingStartsAt: meetings.startsAt,
      organisationName: organisations.name,
      needStatement: needs.statement,
    })
    .from(proposals)
    .leftJoin(thematicTables, eq(thematicTables.id, proposals.tableId))
    .leftJoin(meetings, eq(meetings.id, proposals.meetingId))
    .leftJoin(organisations, eq(organisations.id, proposals.organisationId))
    .leftJoin(needs, eq(needs.id, proposals.needId));
}

type Row = Awaited<ReturnType<ReturnType<typeof proposalsQuery>['where']>>[number];

/** A proposal as pages show it: a hidden one keeps its title and text out of the page (the audit log has them). */
function shape(r: Row) {
  const p = r.proposal;
  const hidden = !!p.hiddenAt;
  return {
    id: p.id,
    version: p.version,
    status: p.status,
    title: hidden ? null : p.title,
    body: hidden ? null : p.body,
    hiddenReason: p.hiddenReason,
    hidden,
    organisationId: p.organisationId,
    organisationName: r.organisationName,
    tableId: p.tableId,
    tableName: r.tableName,
    meetingId: p.meetingId,
    meetingTitle: r.meetingTitle,
    meetingDate: r.meetingStartsAt ? r.meetingStartsAt.toISOString().slice(0, 10) : null,
    needId: p.needId,
    needStatement: r.needStatement,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    outcome: p.outcome,
    outcomeReasons: p.outcomeReasons,
    answeredAt: p.answeredAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  };
}

/** The condition a reader's visible proposals meet (the SQL twin of proposalVisible). */
function visibleTo(readerOrganisationIds: readonly string[]): SQL {
  const submitted = eq(proposals.status, 'presentata');
  if (!readerOrganisationIds.length) return submitted;
  return or(submitted, and(eq(proposals.status, 'bozza'), inArray(proposals.organisationId, [...readerOrganisationIds])))!;
}

/** The proposals of the Ambito this reader sees: submitted ones, and the drafts of the organisations it acts for. */
export async function listProposals(db: DbOrTx, ambitoId: string, readerOrganisationIds: readonly string[]) {
  const rows = await proposalsQuery(db)
    .where(and(eq(proposals.ambitoId, ambitoId), visibleTo(readerOrganisationIds)))
    .orderBy(desc(proposals.createdAt));
  const ids = rows.map((r) => r.proposal.id);
  const links = ids.length
    ? await db
        .select({ proposalId: proposalObjectives.proposalId, id: planObjectives.id, code: planObjectives.code, title: planObjectives.title })
        .from(proposalObjectives)
        .innerJoin(planObjectives, eq(planObjectives.id, proposalObjectives.objectiveId))
        .where(inArray(proposalObjectives.proposalId, ids))
    : [];
  return rows.map((r) => ({
    ...shape(r),
    objectives: links.filter((l) => l.proposalId === r.proposal.id).map(({ id, code, title }) => ({ id, code, title })),
  }));
}

/** One proposal as this reader may see it (null: unknown, or a draft that is not the reader's), with comments and links. */
export async function getProposal(db: DbOrTx, ambitoId: string, proposalId: string, readerOrganisationIds: readonly string[]) {
  const [row] = await proposalsQuery(db).where(and(eq(proposals.id, proposalId), eq(proposals.ambitoId, ambitoId)));
  if (!row || !proposalVisible(row.proposal, readerOrganisationIds)) return null;
  const [comments, objectives] = await Promise.all([
    db
      .select({ comment: proposalComments, organisationName: organisations.name })
      .from(proposalComments)
      .leftJoin(organisations, eq(organisations.id, proposalComments.organisationId))
      .where(eq(proposalComments.proposalId, proposalId))
      .orderBy(asc(proposalComments.createdAt)),
    db
      .select({ id: planObjectives.id, code: planObjectives.code, title: planObjectives.title })
      .from(proposalObjectives)
      .innerJoin(planObjectives, eq(planObjectives.id, proposalObjectives.objectiveId))
      .where(eq(proposalObjectives.proposalId, proposalId))
      .orderBy(asc(planObjectives.position)),
  ]);
  return {
    ...shape(row),
    objectives,
    comments: comments.map(({ comment: c, organisationName }) => ({
      id: c.id,
      version: c.version,
      organisationName,
      createdAt: c.createdAt.toISOString(),
      hidden: !!c.hiddenAt,
      // A hidden comment's text is never sent to the page: only the coordinator's reason.
      body: c.hiddenAt ? null : c.body,
      hiddenReason: c.hiddenReason,
    })),
  };
}
