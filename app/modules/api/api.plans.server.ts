import { NotFoundError } from '../../shared/errors.ts';
import { can as canPlan } from '../planning/index.ts';
import { planningApi } from '../planning/index.server.ts';
import { Action, BudgetLine, Indicator } from './api.schemas.ts';
import { uuidParam, type ReadContext } from './api.server.ts';

/**
 * The plan of `/piani/:plan` when the caller reads it by the planning policy: a member of the Ambito (or its reviewer)
 * reads every plan, everyone else only adopted ones. A plan the caller may not read answers 404 exactly like a plan
 * that does not exist — anonymous callers included (not 401) — so that a draft's existence does not leak.
 */
export async function readablePlan(read: ReadContext, param: string | undefined) {
  const planId = uuidParam('plan', param);
  const found = await planningApi.getPlanScopeForApi(read.db, planId);
  if (!found || !canPlan(read.actor, 'plan.read', found.scope)) throw new NotFoundError('Il piano');
  return found;
}

const iso = (d: Date) => d.toISOString();

type ActionRow = Awaited<ReturnType<typeof planningApi.listActionsForApi>>[number];
type IndicatorRow = Awaited<ReturnType<typeof planningApi.listIndicatorsForApi>>[number];
type BudgetRow = NonNullable<Awaited<ReturnType<typeof planningApi.getObjectiveForApi>>>['budget'][number];

type PlanRow = Awaited<ReturnType<typeof planningApi.listPlansForApi>>[number];
type ObjectiveRow = Awaited<ReturnType<typeof planningApi.listObjectivesForApi>>[number];

/** What a plan says of itself, in the list and on its own page (PlanSummary, and PlanDetail with more). */
export const planFields = (
  p: Pick<PlanRow, 'id' | 'ambitoCode' | 'title' | 'periodStartYear' | 'periodEndYear' | 'status' | 'adoptionDate' | 'adoptionAct' | 'version' | 'updatedAt'>,
) => ({
  id: p.id,
  ambito: p.ambitoCode,
  title: p.title,
  periodStartYear: p.periodStartYear,
  periodEndYear: p.periodEndYear,
  status: p.status,
  adoptionDate: p.adoptionDate,
  adoptionAct: p.adoptionAct,
  version: p.version,
  updatedAt: iso(p.updatedAt),
});

/** What an objective says of itself, in the list and on its own page (ObjectiveSummary, and ObjectiveDetail with more). */
export const objectiveFields = (
  o: Pick<ObjectiveRow, 'code' | 'title' | 'kind' | 'macroArea' | 'policyAreas' | 'priority' | 'description' | 'version' | 'updatedAt'>,
) => ({
  code: o.code,
  title: o.title,
  kind: o.kind,
  macroArea: o.macroArea,
  policyAreas: o.policyAreas,
  priority: o.priority,
  description: o.description,
  version: o.version,
  updatedAt: iso(o.updatedAt),
});

export const toAction = (a: Omit<ActionRow, 'objectivePosition' | 'position'>) =>
  Action.parse({
    id: a.id,
    objectiveCode: a.objectiveCode,
    number: a.number,
    description: a.description,
    systemObjective: a.systemObjective,
    responsible: a.responsible,
    startDate: a.startDate,
    endDate: a.endDate,
    status: a.status,
    realisationPercent: a.realisationPercent,
    expectedResults: a.expectedResults,
    note: a.note,
    version: a.version,
    updatedAt: iso(a.updatedAt),
  });

export const toIndicator = (i: Omit<IndicatorRow, 'objectivePosition' | 'position'>) =>
  Indicator.parse({
    id: i.id,
    objectiveCode: i.objectiveCode,
    actionNumber: i.actionNumber,
    code: i.code,
    label: i.label,
    kind: i.kind,
    level: i.level,
    unit: i.unit,
    source: i.source,
    periodicity: i.periodicity,
    aggregation: i.aggregation,
    numeratorLabel: i.numeratorLabel,
    denominatorLabel: i.denominatorLabel,
    systemObjective: i.systemObjective,
    targets: i.targets.map((t) => ({ year: t.year ?? null, rule: t.rule, text: t.text })),
    version: i.version,
    updatedAt: iso(i.updatedAt),
  });

export const toBudgetLine = (b: BudgetRow) =>
  BudgetLine.parse({
    id: b.id,
    fund: { code: b.fund, name: b.fundName },
    year: b.year,
    amountCents: b.amountCents,
    note: b.note,
    sharedAmong: b.sharedAmong,
    version: b.version,
    updatedAt: iso(b.updatedAt),
  });
