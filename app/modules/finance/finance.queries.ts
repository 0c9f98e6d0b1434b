import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { planActions, planBudgetLines, planObjectives, plans } from '../planning/index.server.ts';
import { comuni } from '../territory/index.server.ts';
import { budgetStatus, type CutOffRecord } from './budget-tracking.rules.ts';
import type { FundingSource, SpendingAreaCatalogue, SpendingArea } from './catalogues.ts';
import {
  budgetCarryOvers,
  budgetCutOffs,
  fundAllocations,
  fundingSources,
  serviceUsers,
  spendingAreaMappings,
  spendingAreas,
  spendingFacts,
} from './finance.schema.ts';

/** The classification the spending files and the dashboard use (the areas of the Lombardy Piani di Zona). */
export const SPENDING_CLASSIFICATION = 'LOMBARDIA';

/** The installation's catalogues as the pure rules and the importer expect them. */
export async function getCatalogue(db: DbOrTx): Promise<{ fundingSources: FundingSource[]; areaCatalogue: SpendingAreaCatalogue; areas: SpendingArea[] }> {
  const [sources, areas, mappings] = await Promise.all([
    db.select().from(fundingSources).orderBy(asc(fundingSources.position)),
    db.select().from(spendingAreas).orderBy(asc(spendingAreas.classificationCode), asc(spendingAreas.position)),
    db.select().from(spendingAreaMappings).orderBy(asc(spendingAreaMappings.fromClassification), asc(spendingAreaMappings.fromArea)),
  ]);
  const fs: FundingSource[] = sources.map((s) => ({
    code: s.code,
    name: s.name,
    shortName: s.shortName,
    kind: s.kind as FundingSource['kind'],
    parent: s.parentCode,
    legalBasis: s.legalBasis,
    activeFrom: s.activeFrom,
    activeTo: s.activeTo,
    aliases: s.aliases,
    notes: s.notes,
  }));
  const classifications = [...new Map(areas.map((a) => [a.classificationCode, a.classificationName])).entries()].map(([code, name]) => ({
    code,
    name,
    description: null,
    areas: areas.filter((a) => a.classificationCode === code).map((a) => ({ code: a.code, name: a.name, aliases: a.aliases, description: a.description })),
  }));
  const pairs = [...new Set(mappings.map((m) => `${m.fromClassification}|${m.toClassification}`))];
  const areaCatalogue: SpendingAreaCatalogue = {
    classifications,
    mappings: pairs.map((p) => {
      const [from, to] = p.split('|') as [string, string];
      return {
        from,
        to,
        entries: mappings
          .filter((m) => m.fromClassification === from && m.toClassification === to)
          .map((m) => ({ from: m.fromArea, to: m.toArea, fit: m.fit as 'exact' | 'approximate', note: m.note })),
      };
    }),
  };
  return { fundingSources: fs, areaCatalogue, areas: classifications.find((c) => c.code === SPENDING_CLASSIFICATION)?.areas ?? [] };
}

export async function listFundingSourceRows(db: DbOrTx) {
  return db.select().from(fundingSources).orderBy(asc(fundingSources.position));
}

export async function hasCatalogue(db: DbOrTx): Promise<boolean> {
  return (await db.select({ id: fundingSources.id }).from(fundingSources).limit(1)).length > 0;
}

/** All spending rows of an Ambito, with the comune's ISTAT code and name (null for the Ambito's own rows). */
export async function listSpendingFacts(db: DbOrTx, ambitoId: string) {
  return db
    .select({
      id: spendingFacts.id,
      year: spendingFacts.year,
      comuneId: spendingFacts.comuneId,
      istatCode: comuni.istatCode,
      comuneName: comuni.name,
      areaCode: spendingFacts.areaCode,
      channelCode: spendingFacts.channelCode,
      amountCents: spendingFacts.amountCents,
      source: spendingFacts.source,
    })
    .from(spendingFacts)
    .leftJoin(comuni, eq(comuni.id, spendingFacts.comuneId))
    .where(eq(spendingFacts.ambitoId, ambitoId))
    .orderBy(asc(spendingFacts.year));
}

export async function listServiceUsers(db: DbOrTx, ambitoId: string) {
  return db
    .select({
      year: serviceUsers.year,
      comuneId: serviceUsers.comuneId,
      istatCode: comuni.istatCode,
      comuneName: comuni.name,
      areaCode: serviceUsers.areaCode,
      users: serviceUsers.users,
      spendCents: serviceUsers.spendCents,
      published: serviceUsers.published,
      note: serviceUsers.note,
      source: serviceUsers.source,
    })
    .from(serviceUsers)
    .leftJoin(comuni, eq(comuni.id, serviceUsers.comuneId))
    .where(eq(serviceUsers.ambitoId, ambitoId))
    .orderBy(asc(serviceUsers.year));
}

export async function hasSpending(db: DbOrTx, ambitoId: string): Promise<boolean> {
  return (await db.select({ id: spendingFacts.id }).from(spendingFacts).where(eq(spendingFacts.ambitoId, ambitoId)).limit(1)).length > 0;
}

export async function listFundAllocations(db: DbOrTx, ambitoId: string) {
  return db
    .select()
    .from(fundAllocations)
    .where(eq(fundAllocations.ambitoId, ambitoId))
    .orderBy(asc(fundAllocations.fundCode), asc(fundAllocations.year), asc(fundAllocations.createdAt));
}

/** Everything the plan budget needs: objectives, actions, the plan's budget lines, cut-off records and carry-overs. */
export async function loadPlanBudgetData(db: DbOrTx, planId: string) {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) return null;
  const objectives = await db
    .select({
      id: planObjectives.id,
      code: planObjectives.code,
      title: planObjectives.title,
      kind: planObjectives.kind,
      macroArea: planObjectives.macroArea,
      position: planObjectives.position,
    })
    .from(planObjectives)
    .where(eq(planObjectives.planId, planId))
    .orderBy(asc(planObjectives.position));
  const ids = objectives.map((o) => o.id);
  const [actions, lines, cutOffs, carryOvers] = await Promise.all([
    ids.length
      ? db
          .select({ id: planActions.id, objectiveId: planActions.objectiveId, number: planActions.number, description: planActions.description })
          .from(planActions)
          .where(inArray(planActions.objectiveId, ids))
          .orderBy(asc(planActions.position))
      : Promise.resolve([]),
    ids.length
      ? db.select().from(planBudgetLines).where(inArray(planBudgetLines.objectiveId, ids)).orderBy(asc(planBudgetLines.position))
      : Promise.resolve([]),
    db.select().from(budgetCutOffs).where(eq(budgetCutOffs.planId, planId)).orderBy(asc(budgetCutOffs.cutOffDate), asc(budgetCutOffs.createdAt)),
    db.select().from(budgetCarryOvers).where(eq(budgetCarryOvers.planId, planId)).orderBy(asc(budgetCarryOvers.createdAt)),
  ]);
  return { plan, objectives, actions, lines, cutOffs, carryOvers };
}

/** The status of every budget key of the plan (planned, recorded, carried), from its loaded budget data. */
export function planBudgetStatus(data: NonNullable<Awaited<ReturnType<typeof loadPlanBudgetData>>>) {
  return budgetStatus({
    planned: data.lines.map((l) => ({ objectiveId: l.objectiveId, actionId: null, fund: l.fund, year: l.year, amountCents: l.amountCents })),
    cutOffs: data.cutOffs.map(toCutOffRecord),
    carryOvers: data.carryOvers.map((c) => ({
      objectiveId: c.objectiveId,
      actionId: c.actionId,
      fund: c.fundCode,
      fromYear: c.fromYear,
      toYear: c.toYear,
      amountCents: c.amountCents,
    })),
  });
}

/** A cut-off row as the budget rules read it. */
export function toCutOffRecord(r: typeof budgetCutOffs.$inferSelect): CutOffRecord {
  return {
    objectiveId: r.objectiveId,
    actionId: r.actionId,
    fund: r.fundCode,
    year: r.year,
    measure: r.measure as CutOffRecord['measure'],
    date: r.cutOffDate,
    amountCents: r.amountCents,
    reason: r.reason,
    sequence: r.createdAt.getTime(),
  };
}

/** The member comuni of an Ambito by ISTAT code (members at any time: past figures of a former member stay valid). */
export async function comuniByIstat(db: DbOrTx, istatCodes: readonly string[]) {
  if (istatCodes.length === 0) return new Map<string, { id: string; name: string }>();
  const rows = await db
    .select({ id: comuni.id, istatCode: comuni.istatCode, name: comuni.name })
    .from(comuni)
    .where(inArray(comuni.istatCode, [...istatCodes]));
  return new Map(rows.map((r) => [r.istatCode, { id: r.id, name: r.name }]));
}

export async function getFundingSourceRow(db: DbOrTx, code: string) {
  const [row] = await db
    .select()
    .from(fundingSources)
    .where(and(eq(fundingSources.code, code)));
  return row ?? null;
}
