// Read for the regional workspace (app/modules/region): an Ambito's plan for one year — the plan whose period covers
// the year (an adopted one first), its counts and budget as the plan overview (getPlanOverview) counts them, and the
// plan that closed before the year (the one whose evaluation the workspace shows).
import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import type { PlanStatus } from './plan-document.schema.ts';
import { listPlans } from './planning.queries.ts';
import { budgetTotals, isAdopted } from './planning.rules.ts';
import { planActions, planBudgetLines, planIndicators, planObjectives } from './planning.schema.ts';

export interface PlanRegionFigures {
  /** The plan whose period covers the year: an adopted one (adopted or later) first, else the one starting last. */
  plan: {
    id: string;
    title: string;
    /** planning's status code (PLAN_STATUSES: draft, consultation, adopted, transmitted, implementation, closed). */
    status: string;
    statusLabelKey?: never;
    periodStartYear: number;
    periodEndYear: number;
    /** ISO date of adoption when the plan is adopted (or later) and the date is recorded; else null. */
    adoptedOn: string | null;
  } | null;
  /** Objectives, actions and indicators of that plan (0 without a plan). */
  objectives: number;
  actions: number;
  indicators: number;
  budget: {
    /**
     * 'year': every budget line of the plan has a year, and the figures are the lines of `year`; 'period': some
     * lines are not split by year, and the figures are all the plan's lines (the whole period, as the overview shows).
     */
    scope: 'year' | 'period';
    totalCents: number;
    /** Of which on LEPS objectives (objective kind 'leps'). */
    lepsCents: number;
    /** By the objective's macro-area as stored (plan_objectives.macro_area; '—' when none): areas add up to the total. */
    byArea: Record<string, number>;
    /** By the fund code stored on the line (plan_budget_lines.fund, e.g. FNPS; planning's fundName gives its name). */
    byFund: Record<string, number>;
    /** By year of the lines counted ('triennio': lines not split by year). */
    byYear: Record<string, number>;
    /** Budget lines counted. */
    lines: number;
  };
  /** The most recent plan of the Ambito whose period ended before the year (the one whose evaluation is shown). */
  closedPlan: { id: string; title: string; periodStartYear: number; periodEndYear: number; status: string } | null;
}

const EMPTY_BUDGET: PlanRegionFigures['budget'] = { scope: 'period', totalCents: 0, lepsCents: 0, byArea: {}, byFund: {}, byYear: {}, lines: 0 };

/** The plan figures of an Ambito for `year`: 1 query without a covering plan, 5 with one (4 of them in parallel). */
export async function readPlanForRegion(db: DbOrTx, ambitoId: string, year: number): Promise<PlanRegionFigures> {
  const plans = await listPlans(db, ambitoId);
  const byStartDesc = (a: (typeof plans)[number], b: (typeof plans)[number]) => b.periodStartYear - a.periodStartYear || b.periodEndYear - a.periodEndYear;
  const covering = plans.filter((p) => p.periodStartYear <= year && p.periodEndYear >= year).sort(byStartDesc);
  const plan = covering.find((p) => isAdopted(p.status as PlanStatus)) ?? covering[0] ?? null;
  const closed =
    plans.filter((p) => p.periodEndYear < year).sort((a, b) => b.periodEndYear - a.periodEndYear || b.periodStartYear - a.periodStartYear)[0] ?? null;
  const closedPlan = closed
    ? { id: closed.id, title: closed.title, periodStartYear: closed.periodStartYear, periodEndYear: closed.periodEndYear, status: closed.status }
    : null;
  if (!plan) return { plan: null, objectives: 0, actions: 0, indicators: 0, budget: EMPTY_BUDGET, closedPlan };

  const inPlan = eq(planObjectives.planId, plan.id);
  const [[objectives], [actions], [indicators], lines] = await Promise.all([
    db.select({ n: count() }).from(planObjectives).where(inPlan),
    db.select({ n: count() }).from(planActions).innerJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId)).where(inPlan),
    db.select({ n: count() }).from(planIndicators).innerJoin(planObjectives, eq(planObjectives.id, planIndicators.objectiveId)).where(inPlan),
    db
      .select({
        objectiveCode: planObjectives.code,
        kind: planObjectives.kind,
        macroArea: planObjectives.macroArea,
        fund: planBudgetLines.fund,
        year: planBudgetLines.year,
        amountCents: planBudgetLines.amountCents,
      })
      .from(planBudgetLines)
      .innerJoin(planObjectives, eq(planObjectives.id, planBudgetLines.objectiveId))
      .where(inPlan),
  ]);
  const scope: 'year' | 'period' = lines.length > 0 && lines.every((l) => l.year !== null) ? 'year' : 'period';
  const counted = scope === 'year' ? lines.filter((l) => l.year === year) : lines;
  // The overview's totals (planning.rules budgetTotals): each objective under its macro-area, '—' when it has none.
  const totals = budgetTotals(
    counted.map((l) => ({ objectiveCode: l.objectiveCode, area: l.macroArea ?? '—', fund: l.fund, year: l.year, amountCents: l.amountCents })),
  );
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      status: plan.status,
      periodStartYear: plan.periodStartYear,
      periodEndYear: plan.periodEndYear,
      adoptedOn: isAdopted(plan.status as PlanStatus) ? plan.adoptionDate : null,
    },
    objectives: objectives?.n ?? 0,
    actions: actions?.n ?? 0,
    indicators: indicators?.n ?? 0,
    budget: {
      scope,
      totalCents: totals.total,
      lepsCents: counted.filter((l) => l.kind === 'leps').reduce((s, l) => s + l.amountCents, 0),
      byArea: Object.fromEntries(totals.byArea),
      byFund: Object.fromEntries(totals.byFund),
      byYear: Object.fromEntries(totals.byYear),
      lines: counted.length,
    },
    closedPlan,
  };
}
