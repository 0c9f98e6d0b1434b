// The trail both ways (Decidim's accountability): from a need or a proposal, the objectives it fed with their
// indicators' latest measured results and target status (computed by monitoring, never typed); from an objective, the
// needs, proposals (with their official answers), meetings and organisations behind it.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { meetings, organisations } from '../governance/index.server.ts';
import { listLatestMeasurements } from '../monitoring/index.server.ts';
import { planIndicators, planObjectives, plans } from '../planning/index.server.ts';
import { needObjectives, needs, proposalObjectives, proposals, thematicTables } from './participation.schema.ts';

/**
 * The objectives with their indicators' latest results: for each indicator its latest period and value and the status
 * of the target of that year (monitoring's listLatestMeasurements), in the plan's order.
 */
export async function objectiveResults(db: DbOrTx, objectiveIds: readonly string[], today?: string) {
  if (!objectiveIds.length) return [];
  const objectives = await db
    .select({ id: planObjectives.id, code: planObjectives.code, title: planObjectives.title, planId: plans.id, planTitle: plans.title })
    .from(planObjectives)
    .innerJoin(plans, eq(plans.id, planObjectives.planId))
    .where(inArray(planObjectives.id, [...objectiveIds]))
    .orderBy(asc(plans.periodStartYear), asc(planObjectives.position));
  const indicators = await db
    .select({ id: planIndicators.id, objectiveId: planIndicators.objectiveId, code: planIndicators.code, label: planIndicators.label })
    .from(planIndicators)
    .where(inArray(planIndicators.objectiveId, [...objectiveIds]))
    .orderBy(asc(planIndicators.position));
  const latest = await listLatestMeasurements(
    db,
    indicators.map((i) => i.id),
    today,
  );
  const byIndicator = new Map(latest.map((l) => [l.indicatorId, l]));
  return objectives.map((o) => ({
    ...o,
    indicators: indicators
      .filter((i) => i.objectiveId === o.id)
      .map((i) => {
        const l = byIndicator.get(i.id);
        return {
          id: i.id,
          code: i.code,
          label: i.label,
          period: l?.period ?? null,
          periodLabel: l?.periodLabel ?? null,
          value: l?.display ?? null,
          targetStatus: l?.target?.status ?? null,
          targetStatusLabel: l?.target?.statusLabel ?? null,
          targetDescription: l?.target?.description ?? null,
        };
      }),
  }));
}

/** From a need: the objectives it fed (its own links; a merged need's links moved to the need it joined). */
export async function needTrail(db: DbOrTx, needId: string, today?: string) {
  const links = await db.select({ objectiveId: needObjectives.objectiveId }).from(needObjectives).where(eq(needObjectives.needId, needId));
  return objectiveResults(
    db,
    links.map((l) => l.objectiveId),
    today,
  );
}

/** From a proposal: the objectives it fed with their latest results. */
export async function proposalTrail(db: DbOrTx, proposalId: string, today?: string) {
  const links = await db.select({ objectiveId: proposalObjectives.objectiveId }).from(proposalObjectives).where(eq(proposalObjectives.proposalId, proposalId));
  return objectiveResults(
    db,
    links.map((l) => l.objectiveId),
    today,
  );
}

/**
 * From an objective: the live needs linked to it, the submitted proposals linked to it (with their answers; hidden
 * ones without their title), the meetings they came from and the organisations that brought them.
 */
export async function objectiveTrail(db: DbOrTx, ambitoId: string, objectiveId: string) {
  const [needRows, proposalRows] = await Promise.all([
    db
      .select({
        id: needs.id,
        statement: needs.statement,
        category: needs.category,
        priority: needs.priority,
        sourceKind: needs.sourceKind,
        tableName: thematicTables.name,
        meetingId: needs.meetingId,
        organisationId: needs.organisationId,
      })
      .from(needObjectives)
      .innerJoin(needs, eq(needs.id, needObjectives.needId))
      .leftJoin(thematicTables, eq(thematicTables.id, needs.tableId))
      .where(and(eq(needObjectives.objectiveId, objectiveId), eq(needs.ambitoId, ambitoId), isNull(needs.mergedIntoId)))
      .orderBy(asc(needs.createdAt)),
    db
      .select({
        id: proposals.id,
        title: proposals.title,
        hiddenAt: proposals.hiddenAt,
        outcome: proposals.outcome,
        outcomeReasons: proposals.outcomeReasons,
        tableName: thematicTables.name,
        meetingId: proposals.meetingId,
        organisationId: proposals.organisationId,
      })
      .from(proposalObjectives)
      .innerJoin(proposals, eq(proposals.id, proposalObjectives.proposalId))
      .leftJoin(thematicTables, eq(thematicTables.id, proposals.tableId))
      .where(and(eq(proposalObjectives.objectiveId, objectiveId), eq(proposals.ambitoId, ambitoId), eq(proposals.status, 'presentata')))
      .orderBy(asc(proposals.createdAt)),
  ]);
  const meetingIds = [...new Set([...needRows, ...proposalRows].map((r) => r.meetingId).filter((id): id is string => !!id))];
  const organisationIds = [...new Set([...needRows, ...proposalRows].map((r) => r.organisationId).filter((id): id is string => !!id))];
  const [meetingList, organisationList] = await Promise.all([
    meetingIds.length
      ? db
          .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, bodyId: meetings.bodyId })
          .from(meetings)
          .where(inArray(meetings.id, meetingIds))
          .orderBy(asc(meetings.startsAt))
      : [],
    organisationIds.length
      ? db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, organisationIds))
          .orderBy(asc(organisations.name))
      : [],
  ]);
  const meetingOf = new Map(meetingList.map((m) => [m.id, m]));
  const orgOf = new Map(organisationList.map((o) => [o.id, o.name]));
  const date = (id: string | null) => (id ? (meetingOf.get(id)?.startsAt.toISOString().slice(0, 10) ?? null) : null);
  return {
    needs: needRows.map(({ meetingId, organisationId, ...n }) => ({
      ...n,
      meetingDate: date(meetingId),
      meetingTitle: meetingId ? (meetingOf.get(meetingId)?.title ?? null) : null,
      organisationName: organisationId ? (orgOf.get(organisationId) ?? null) : null,
    })),
    proposals: proposalRows.map(({ meetingId, organisationId, hiddenAt, title, ...p }) => ({
      ...p,
      title: hiddenAt ? null : title,
      hidden: !!hiddenAt,
      meetingDate: date(meetingId),
      meetingTitle: meetingId ? (meetingOf.get(meetingId)?.title ?? null) : null,
      organisationName: organisationId ? (orgOf.get(organisationId) ?? null) : null,
    })),
    meetings: meetingList.map((m) => ({ id: m.id, title: m.title, date: m.startsAt.toISOString().slice(0, 10), bodyId: m.bodyId })),
    organisations: organisationList,
  };
}
