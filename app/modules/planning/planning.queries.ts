import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { pick } from '../../shared/db/columns.ts';
import { barChart } from '../../shared/charts/charts.ts';
import { renderChartSvg } from '../../shared/charts/charts.server.ts';
import { ambiti } from '../territory/index.server.ts';
import { FUNDING_SOURCES, type PlanDocument, type PlanStatus } from './plan-document.schema.ts';
import { chapterMarkdown, loadPlanDocument } from './planning.document.ts';
import {
  budgetTotals,
  describeChanges,
  incompleteItems,
  isMinorVariation,
  planVariance,
  proposedObjective,
  type CompletenessInput,
  type VarianceLabels,
  type VariationChange,
} from './planning.rules.ts';
import {
  planActions,
  planBudgetLines,
  planChapters,
  planIndicators,
  planObjectives,
  plans,
  planSnapshots,
  planVariations,
  type PlanAction,
  type PlanBudgetLine,
  type PlanIndicator,
  type PlanObjective,
} from './planning.schema.ts';
import { getTemplate, statusLabel } from './planning.templates.ts';
import { DEFAULT_ADOPTION, type PlanTemplate } from './template.schema.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';

/** The objectives of a plan, in the plan's order. */
const objectivesOf = (db: DbOrTx, planId: string) =>
  db.select().from(planObjectives).where(eq(planObjectives.planId, planId)).orderBy(asc(planObjectives.position));

export async function listPlans(db: DbOrTx, ambitoId: string) {
  return db.select().from(plans).where(eq(plans.ambitoId, ambitoId)).orderBy(desc(plans.periodStartYear));
}

export async function getPlanHeader(db: DbOrTx, planId: string) {
  const [row] = await db
    .select({ plan: plans, ambitoCode: ambiti.code, ambitoName: ambiti.name, regionCode: ambiti.regionCode })
    .from(plans)
    .innerJoin(ambiti, eq(ambiti.id, plans.ambitoId))
    .where(eq(plans.id, planId));
  if (!row) return null;
  return { ...row, scope: { id: row.plan.ambitoId, regionCode: row.regionCode, status: row.plan.status as PlanStatus } };
}

/** A macro-area heading without its prefix, short enough for a chart label. */
export const shortArea = (a: string) => {
  const t = a.replace(/^Obiettivi macro-area:\s*/i, '');
  return t.length > 48 ? `${t.slice(0, 47)}…` : t;
};

const fundLabel = (code: string) => (FUNDING_SOURCES as Record<string, { label?: string; name?: string } | string>)[code];
export function fundName(code: string): string {
  const f = fundLabel(code);
  return typeof f === 'string' ? f : (f?.label ?? f?.name ?? code);
}

/** The completeness of each objective from its real rows: the card, its actions, indicators (by level) and budget lines. */
export function completenessInputs(
  template: PlanTemplate | null,
  objectives: readonly PlanObjective[],
  actions: readonly PlanAction[],
  indicators: readonly PlanIndicator[],
  budget: readonly PlanBudgetLine[],
): (CompletenessInput & { id: string; kind: string })[] {
  const required = (template?.objectiveCard.fields ?? [])
    .filter((f) => f.required)
    .map((f) => ({ key: f.key, label: f.label, type: f.type, indicatorLevel: f.indicatorLevel }));
  return objectives.map((o) => {
    const acts = actions.filter((a) => a.objectiveId === o.id);
    const inds = indicators.filter((i) => i.objectiveId === o.id);
    return {
      id: o.id,
      kind: o.kind,
      code: o.code,
      title: o.title,
      requiredFields: o.kind === 'ordinary' ? required : [],
      card: o.card,
      actions: acts.map((a) => ({ number: a.number, indicators: inds.filter((i) => i.actionId === a.id).length })),
      indicators: inds.map((i) => ({ code: i.code, targets: i.targets.length, level: i.level })),
      budgetLines: budget.filter((b) => b.objectiveId === o.id).length,
    };
  });
}

/** The completeness inputs of a whole plan (sequential queries: usable inside a command's transaction). */
export async function loadCompleteness(db: DbOrTx, planId: string, template: PlanTemplate | null) {
  const objectives = await objectivesOf(db, planId);
  const ids = objectives.map((o) => o.id);
  const actions = ids.length ? await db.select().from(planActions).where(inArray(planActions.objectiveId, ids)).orderBy(asc(planActions.position)) : [];
  const indicators = ids.length
    ? await db.select().from(planIndicators).where(inArray(planIndicators.objectiveId, ids)).orderBy(asc(planIndicators.position))
    : [];
  const budget = ids.length ? await db.select().from(planBudgetLines).where(inArray(planBudgetLines.objectiveId, ids)) : [];
  return completenessInputs(template, objectives, actions, indicators, budget);
}

/** The labels that put a variation in words: the template card's labels, euro, the funding sources' names. */
export function varianceLabels(template: PlanTemplate | null): VarianceLabels {
  return {
    card: Object.fromEntries((template?.objectiveCard.fields ?? []).map((f) => [f.key, f.label])),
    money: (cents: number) => serverFormat().money(cents),
    fund: fundName,
  };
}

/** The plan's variations, newest first, with their changes in words. */
export async function listVariations(db: DbOrTx, planId: string, template: PlanTemplate | null) {
  const rows = await db.select().from(planVariations).where(eq(planVariations.planId, planId)).orderBy(desc(planVariations.number));
  const labels = varianceLabels(template);
  const minor = (template?.adoption ?? DEFAULT_ADOPTION).minorChanges;
  return rows.map((v) => ({
    ...v,
    changes: v.changes as VariationChange[],
    items: describeChanges(v.changes as VariationChange[], labels),
    minor: isMinorVariation(v.changes as VariationChange[], minor),
  }));
}

/** The actions, indicators and budget lines of some objectives (none when there are none), each in the plan's order. */
async function objectiveParts(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return { actions: [], indicators: [], budget: [] };
  const [actions, indicators, budget] = await Promise.all([
    db.select().from(planActions).where(inArray(planActions.objectiveId, ids)).orderBy(asc(planActions.position)),
    db.select().from(planIndicators).where(inArray(planIndicators.objectiveId, ids)).orderBy(asc(planIndicators.position)),
    db.select().from(planBudgetLines).where(inArray(planBudgetLines.objectiveId, ids)).orderBy(asc(planBudgetLines.position)),
  ]);
  return { actions, indicators, budget };
}

/** The plan overview: objectives by policy area, budget totals by area and fund (with charts), counts, what is incomplete. */
export async function getPlanOverview(db: DbOrTx, planId: string) {
  const header = await getPlanHeader(db, planId);
  if (!header) return null;
  const template = getTemplate(header.plan.templateId);
  const objectives = await objectivesOf(db, planId);
  const ids = objectives.map((o) => o.id);
  const [{ actions, indicators, budget }, chapters, snapshots] = await Promise.all([
    objectiveParts(db, ids),
    db
      .select({
        id: planChapters.id,
        number: planChapters.number,
        title: planChapters.title,
        hasText: sql<boolean>`(${planChapters.markdown} is not null or ${planChapters.html} is not null)`,
      })
      .from(planChapters)
      .where(eq(planChapters.planId, planId))
      .orderBy(asc(planChapters.position)),
    db
      .select(pick(planSnapshots, 'id', 'kind', 'label', 'status', 'createdAt', 'createdBy'))
      .from(planSnapshots)
      .where(eq(planSnapshots.planId, planId))
      .orderBy(asc(planSnapshots.createdAt)),
  ]);
  const areaNames = new Map((template?.policyAreas ?? []).map((a) => [a.code, a.name]));
  const completeness = completenessInputs(template, objectives, actions, indicators, budget);
  const rows = objectives.map((o, k) => ({
    id: o.id,
    code: o.code,
    title: o.title,
    kind: o.kind,
    priority: o.priority,
    macroArea: o.macroArea,
    policyAreas: o.policyAreas,
    budgetCents: budget.filter((b) => b.objectiveId === o.id).reduce((s, b) => s + b.amountCents, 0),
    actions: completeness[k]!.actions.length,
    indicators: completeness[k]!.indicators.length,
    incomplete: incompleteItems(completeness[k]!),
  }));
  const budgetRows = (kind: string) =>
    objectives
      .filter((o) => o.kind === kind)
      .flatMap((o) =>
        budget
          .filter((b) => b.objectiveId === o.id)
          .map((b) => ({ objectiveCode: o.code, area: o.macroArea ?? '—', fund: b.fund, year: b.year, amountCents: b.amountCents })),
      );
  const ordinary = budgetTotals(budgetRows('ordinary'));
  const leps = budgetTotals(budgetRows('leps'));
  const euros = (c: number) => Math.round(c / 100);
  const areaSvg = ordinary.byArea.length
    ? renderChartSvg(barChart({ name: tr('plan.chart.resources'), points: ordinary.byArea.map(([a, v]) => ({ label: shortArea(a), value: euros(v) })) }), {
        width: 760,
        height: Math.max(140, ordinary.byArea.length * 34),
      })
    : null;
  const fundSvg = ordinary.byFund.length
    ? renderChartSvg(
        barChart({ name: tr('plan.chart.resources'), points: ordinary.byFund.map(([f, v]) => ({ label: fundName(f).slice(0, 40), value: euros(v) })) }),
        {
          width: 760,
          height: Math.max(140, ordinary.byFund.length * 34),
        },
      )
    : null;

  let variance: ReturnType<typeof planVariance> | null = null;
  const baseline = snapshots.find((s) => s.kind === 'baseline');
  if (baseline) {
    const [b] = await db.select({ document: planSnapshots.document }).from(planSnapshots).where(eq(planSnapshots.id, baseline.id));
    const current = await loadPlanDocument(db, planId);
    variance = planVariance(b!.document as PlanDocument, current!, varianceLabels(template));
  }
  const variations = await listVariations(db, planId, template);
  return {
    ...header,
    statusLabel: statusLabel(header.plan.templateId, header.plan.status as PlanStatus),
    template: template ? { id: template.id, name: template.name, version: template.version } : null,
    objectives: rows,
    areaNames: Object.fromEntries(areaNames),
    ordinary: { ...ordinary, byFund: ordinary.byFund.map(([f, v]) => [f, fundName(f), v] as const) },
    leps: { total: leps.total, byFund: leps.byFund.map(([f, v]) => [f, fundName(f), v] as const) },
    counts: { objectives: objectives.length, actions: actions.length, indicators: indicators.length },
    chapters: chapters.map((c) => ({ id: c.id, number: c.number, title: c.title, hasText: !!c.hasText })),
    snapshots,
    baseline: baseline ?? null,
    variance,
    variations,
    adoption: template?.adoption ?? DEFAULT_ADOPTION,
    areaSvg,
    fundSvg,
  };
}

/** One objective with everything its card editor needs. */
export async function getObjectiveDetail(db: DbOrTx, objectiveId: string) {
  const [objective] = await db.select().from(planObjectives).where(eq(planObjectives.id, objectiveId));
  if (!objective) return null;
  const header = await getPlanHeader(db, objective.planId);
  const template = getTemplate(header!.plan.templateId);
  const [actions, indicators, budget] = await Promise.all([
    db.select().from(planActions).where(eq(planActions.objectiveId, objectiveId)).orderBy(asc(planActions.position)),
    db.select().from(planIndicators).where(eq(planIndicators.objectiveId, objectiveId)).orderBy(asc(planIndicators.position)),
    db.select().from(planBudgetLines).where(eq(planBudgetLines.objectiveId, objectiveId)).orderBy(asc(planBudgetLines.position)),
  ]);
  const [draft] = await db
    .select()
    .from(planVariations)
    .where(and(eq(planVariations.planId, objective.planId), eq(planVariations.status, 'draft')));
  const draftChanges = (draft?.changes ?? []) as VariationChange[];
  const own = draftChanges.filter((c) => 'objectiveId' in c && c.objectiveId === objectiveId);
  return {
    objective,
    /** What the card editor shows: the objective with the draft variation's proposed fields. */
    proposed: proposedObjective(objective, draftChanges),
    draft: draft ? { id: draft.id, number: draft.number, version: draft.version, items: describeChanges(own, varianceLabels(template)) } : null,
    header: header!,
    template,
    actions,
    indicators,
    budget,
  };
}

/** A chapter of the plan with its text as Markdown (a chapter stored as HTML before rich text comes converted). */
export async function getChapter(db: DbOrTx, planId: string, chapterId: string) {
  const [c] = await db
    .select(pick(planChapters, 'id', 'planId', 'position', 'number', 'title', 'markdown', 'html', 'version'))
    .from(planChapters)
    .where(and(eq(planChapters.id, chapterId), eq(planChapters.planId, planId)));
  if (!c) return null;
  const { html: _html, ...chapter } = c;
  return { ...chapter, markdown: chapterMarkdown(c) };
}

/**
 * The objectives of a plan with their card, action descriptions, links, indicators (with targets) and budget lines, in
 * the plan's order: what
 * other modules (the LEPS dashboard) read of the plan. The links are those recorded in the card, imported or set by
 * hand in the objective's card editor.
 */
export async function listObjectivesWithLinks(db: DbOrTx, planId: string) {
  const objectives = await objectivesOf(db, planId);
  const { actions, indicators, budget } = await objectiveParts(
    db,
    objectives.map((o) => o.id),
  );
  return objectives.map((o) => ({
    id: o.id,
    code: o.code,
    title: o.title,
    kind: o.kind,
    card: o.card,
    actions: actions.filter((a) => a.objectiveId === o.id).map((a) => ({ description: a.description })),
    leps: [...new Set(((o.links as { leps?: string[] } | null)?.leps ?? []) as string[])],
    indicators: indicators
      .filter((i) => i.objectiveId === o.id)
      .map(({ id, objectiveId, code, label, kind, targets }) => ({ id, objectiveId, code, label, kind, targets })),
    budgetLines: budget.filter((b) => b.objectiveId === o.id).map(({ id, objectiveId, fund, amountCents }) => ({ id, objectiveId, fund, amountCents })),
  }));
}
