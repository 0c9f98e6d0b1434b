// Reads of the needs register: the list (with its table, source meeting, organisation and objectives), one need with
// the needs merged into it, and the choices of the forms.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { meetings, organisations } from '../governance/index.server.ts';
import { listObjectivesWithLinks, listPlans, planObjectives, plans } from '../planning/index.server.ts';
import { listAmbitoComuni } from '../territory/index.server.ts';
import { priorityRank } from './participation.needs.rules.ts';
import { needObjectives, needs, questionnaires, thematicTables } from './participation.schema.ts';

const needColumns = {
  need: needs,
  tableName: thematicTables.name,
  meetingTitle: meetings.title,
  meetingStartsAt: meetings.startsAt,
  organisationName: organisations.name,
  questionnaireTitle: questionnaires.title,
};

function needsQuery(db: DbOrTx) {
  return db
    .select(needColumns)
    .from(needs)
    .leftJoin(thematicTables, eq(thematicTables.id, needs.tableId))
    .leftJoin(meetings, eq(meetings.id, needs.meetingId))
    .leftJoin(organisations, eq(organisations.id, needs.organisationId))
    .leftJoin(questionnaires, eq(questionnaires.id, needs.questionnaireId));
}

type Row = Awaited<ReturnType<ReturnType<typeof needsQuery>['where']>>[number];

const shape = (r: Row, objectives: { needId: string; objectiveId: string; code: string; title: string }[], comuneNames: Map<string, string>) => ({
  ...r.need,
  tableName: r.tableName,
  meetingTitle: r.meetingTitle,
  meetingDate: r.meetingStartsAt ? r.meetingStartsAt.toISOString().slice(0, 10) : null,
  organisationName: r.organisationName,
  questionnaireTitle: r.questionnaireTitle,
  comuni: r.need.comuneIds.map((id) => comuneNames.get(id) ?? id),
  objectives: objectives.filter((o) => o.needId === r.need.id).map(({ objectiveId, code, title }) => ({ id: objectiveId, code, title })),
});

async function objectivesOfNeeds(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ needId: needObjectives.needId, objectiveId: needObjectives.objectiveId, code: planObjectives.code, title: planObjectives.title })
    .from(needObjectives)
    .innerJoin(planObjectives, eq(planObjectives.id, needObjectives.objectiveId))
    .where(inArray(needObjectives.needId, ids))
    .orderBy(asc(planObjectives.position));
}

async function comuneNamesOf(db: DbOrTx, ambitoId: string) {
  return new Map((await listAmbitoComuni(db, ambitoId)).map((c) => [c.id, c.name]));
}

/** Every need of the Ambito (merged ones too: the page filters), by table, category, priority. */
export async function listNeeds(db: DbOrTx, ambitoId: string) {
  const rows = await needsQuery(db).where(eq(needs.ambitoId, ambitoId));
  const [objectives, comuneNames] = await Promise.all([
    objectivesOfNeeds(
      db,
      rows.map((r) => r.need.id),
    ),
    comuneNamesOf(db, ambitoId),
  ]);
  return rows
    .map((r) => shape(r, objectives, comuneNames))
    .sort(
      (a, b) =>
        (a.tableName ?? '\uffff').localeCompare(b.tableName ?? '\uffff', 'it') ||
        (a.category ?? '').localeCompare(b.category ?? '', 'it') ||
        priorityRank(a.priority) - priorityRank(b.priority) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
}

/** One need of the Ambito with the need it was merged into and the needs merged into it. */
export async function getNeed(db: DbOrTx, ambitoId: string, needId: string) {
  const [row] = await needsQuery(db).where(and(eq(needs.id, needId), eq(needs.ambitoId, ambitoId)));
  if (!row) return null;
  const merged = await db
    .select({ id: needs.id, statement: needs.statement, mergedAt: needs.mergedAt, version: needs.version })
    .from(needs)
    .where(eq(needs.mergedIntoId, needId));
  const [into] = row.need.mergedIntoId
    ? await db.select({ id: needs.id, statement: needs.statement }).from(needs).where(eq(needs.id, row.need.mergedIntoId))
    : [];
  const [objectives, comuneNames] = await Promise.all([objectivesOfNeeds(db, [needId]), comuneNamesOf(db, ambitoId)]);
  return { ...shape(row, objectives, comuneNames), mergedInto: into ?? null, mergedFrom: merged };
}

/** What the needs' forms choose from: the Ambito's tables, plans, meetings, questionnaires, comuni and objectives. */
export async function needChoices(db: DbOrTx, ambitoId: string) {
  const [tables, planList, meetingList, questionnaireList, comuni] = await Promise.all([
    db
      .select({ id: thematicTables.id, name: thematicTables.name })
      .from(thematicTables)
      .where(eq(thematicTables.ambitoId, ambitoId))
      .orderBy(asc(thematicTables.name)),
    listPlans(db, ambitoId),
    db
      .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
      .from(meetings)
      .where(eq(meetings.ambitoId, ambitoId))
      .orderBy(asc(meetings.startsAt)),
    db.select({ id: questionnaires.id, title: questionnaires.title }).from(questionnaires).where(eq(questionnaires.ambitoId, ambitoId)),
    listAmbitoComuni(db, ambitoId),
  ]);
  const objectives = (
    await Promise.all(
      planList.map(async (p) =>
        (await listObjectivesWithLinks(db, p.id)).map((o) => ({
          id: o.id,
          name: `${p.periodStartYear}-${p.periodEndYear} · ${o.code ? `${o.code} ` : ''}${o.title}`,
        })),
      ),
    )
  ).flat();
  return {
    tables,
    plans: planList.map((p) => ({ id: p.id, name: p.title })),
    meetings: meetingList.map((m) => ({ id: m.id, name: `${m.startsAt.toISOString().slice(0, 10)} · ${m.title}` })),
    questionnaires: questionnaireList.map((q) => ({ id: q.id, name: q.title })),
    comuni: comuni.map((c) => ({ id: c.id, name: c.name })),
    objectives,
  };
}

/** The plan of an objective, when it is the Ambito's (for the trail page). */
export async function objectiveInAmbito(db: DbOrTx, ambitoId: string, objectiveId: string) {
  const [o] = await db
    .select({ id: planObjectives.id, code: planObjectives.code, title: planObjectives.title, planId: plans.id, planTitle: plans.title })
    .from(planObjectives)
    .innerJoin(plans, eq(plans.id, planObjectives.planId))
    .where(and(eq(planObjectives.id, objectiveId), eq(plans.ambitoId, ambitoId)));
  return o ?? null;
}
