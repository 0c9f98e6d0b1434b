// The bridge between the plan exchange format (plan-document.schema.ts) and the planning tables: a document is
// stored row by row and rebuilt in the same order, so export → import → export yields the same bytes.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { htmlToMarkdown } from '../../shared/richtext/html-to-markdown.ts';
import { ambiti } from '../territory/index.server.ts';
import { PLAN_FORMAT, PLAN_FORMAT_VERSION, type Indicator, type PlanDocument } from './plan-document.schema.ts';
import { planActions, planBudgetLines, planChapters, planIndicators, planObjectives, plans, type PlanIndicator } from './planning.schema.ts';

/** Writes a parsed plan document for an Ambito; returns the new plan's id. Call inside a transaction. */
export async function insertPlanDocument(tx: DbOrTx, ambitoId: string, doc: PlanDocument): Promise<string> {
  const p = doc.plan;
  const [plan] = await tx
    .insert(plans)
    .values({
      ambitoId,
      title: p.title,
      periodStartYear: p.periodStartYear,
      periodEndYear: p.periodEndYear,
      templateId: p.template.id,
      templateVersion: p.template.version,
      status: p.status,
      adoptionDate: p.adoption?.date ?? null,
      adoptionAct: p.adoption?.act ?? null,
      predecessor: p.predecessor,
      source: p.source,
    })
    .returning({ id: plans.id });
  const planId = plan!.id;
  if (doc.chapters.length) {
    await tx.insert(planChapters).values(doc.chapters.map((c, position) => ({ planId, position, number: c.number, title: c.title, markdown: c.markdown })));
  }
  for (const [position, o] of doc.objectives.entries()) {
    const [row] = await tx
      .insert(planObjectives)
      .values({
        planId,
        position,
        code: o.code,
        title: o.title,
        kind: o.kind,
        macroArea: o.macroArea,
        policyAreas: o.policyAreas,
        priority: o.priority,
        description: o.description,
        systemObjectives: o.systemObjectives,
        card: o.card,
        links: o.links,
        source: o.source,
      })
      .returning({ id: planObjectives.id });
    const objectiveId = row!.id;
    const indicatorRows = (actionId: string | null, list: Indicator[], offset: number) =>
      list.map((ind, i) => ({
        objectiveId,
        actionId,
        position: offset + i,
        code: ind.code,
        label: ind.label,
        kind: ind.kind,
        numeratorLabel: ind.numeratorLabel,
        denominatorLabel: ind.denominatorLabel,
        level: ind.level,
        unit: ind.unit,
        source: ind.source,
        periodicity: ind.periodicity,
        aggregation: ind.aggregation ?? null,
        systemObjective: ind.systemObjective,
        targets: ind.targets,
      }));
    if (o.indicators.length) await tx.insert(planIndicators).values(indicatorRows(null, o.indicators, 0));
    for (const [aPos, a] of o.actions.entries()) {
      const [action] = await tx
        .insert(planActions)
        .values({
          objectiveId,
          position: aPos,
          number: a.number,
          description: a.description,
          systemObjective: a.systemObjective,
          responsible: a.responsible,
          startDate: a.start,
          endDate: a.end,
          status: a.status,
          realisationPercent: a.realisationPercent,
          note: a.note,
          expectedResults: a.expectedResults,
        })
        .returning({ id: planActions.id });
      if (a.indicators.length) await tx.insert(planIndicators).values(indicatorRows(action!.id, a.indicators, 0));
    }
    if (o.budget.length) {
      await tx.insert(planBudgetLines).values(
        o.budget.map((l, i) => ({
          objectiveId,
          position: i,
          fund: l.fund,
          year: l.year,
          amountCents: l.amountCents,
          note: l.note,
          sharedAmong: l.sharedAmong,
        })),
      );
    }
  }
  return planId;
}

/** A chapter's text as Markdown: the stored Markdown, or a chapter written before rich text converted from its HTML. */
export const chapterMarkdown = (c: { markdown: string | null; html: string | null }): string | null =>
  c.markdown ?? (c.html ? htmlToMarkdown(c.html) || null : null);

const toIndicator = (r: PlanIndicator): Indicator => ({
  code: r.code,
  label: r.label,
  kind: r.kind as Indicator['kind'],
  numeratorLabel: r.numeratorLabel,
  denominatorLabel: r.denominatorLabel,
  level: r.level as Indicator['level'],
  unit: r.unit,
  source: r.source,
  periodicity: r.periodicity as Indicator['periodicity'],
  ...(r.aggregation ? { aggregation: r.aggregation as NonNullable<Indicator['aggregation']> } : {}),
  systemObjective: r.systemObjective,
  targets: r.targets as Indicator['targets'],
});

/** Rebuilds the plan document (exchange format v1) from the tables, in stored order. */
export async function loadPlanDocument(db: DbOrTx, planId: string): Promise<PlanDocument | null> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
  if (!plan) return null;
  const [ambito] = await db.select({ code: ambiti.code }).from(ambiti).where(eq(ambiti.id, plan.ambitoId));
  const chapters = await db.select().from(planChapters).where(eq(planChapters.planId, planId)).orderBy(asc(planChapters.position));
  const objectives = await db.select().from(planObjectives).where(eq(planObjectives.planId, planId)).orderBy(asc(planObjectives.position));
  const ids = objectives.map((o) => o.id);
  // Sequential on purpose: inside a transaction there is one connection, and queries on it must not overlap.
  const actions = ids.length ? await db.select().from(planActions).where(inArray(planActions.objectiveId, ids)).orderBy(asc(planActions.position)) : [];
  const indicators = ids.length
    ? await db.select().from(planIndicators).where(inArray(planIndicators.objectiveId, ids)).orderBy(asc(planIndicators.position))
    : [];
  const budget = ids.length
    ? await db.select().from(planBudgetLines).where(inArray(planBudgetLines.objectiveId, ids)).orderBy(asc(planBudgetLines.position))
    : [];
  return {
    format: PLAN_FORMAT,
    formatVersion: PLAN_FORMAT_VERSION,
    plan: {
      ambitoCode: ambito!.code,
      title: plan.title,
      periodStartYear: plan.periodStartYear,
      periodEndYear: plan.periodEndYear,
      template: { id: plan.templateId as PlanDocument['plan']['template']['id'], version: plan.templateVersion },
      status: plan.status as PlanDocument['plan']['status'],
      adoption: plan.adoptionDate || plan.adoptionAct ? { date: plan.adoptionDate, act: plan.adoptionAct } : null,
      predecessor: plan.predecessor as PlanDocument['plan']['predecessor'],
      source: plan.source,
    },
    chapters: chapters.map((c) => ({ number: c.number, title: c.title, markdown: chapterMarkdown(c) })),
    objectives: objectives.map((o) => ({
      code: o.code,
      title: o.title,
      kind: o.kind as 'ordinary' | 'leps',
      macroArea: o.macroArea,
      policyAreas: o.policyAreas,
      priority: o.priority,
      description: o.description,
      systemObjectives: o.systemObjectives,
      card: o.card as PlanDocument['objectives'][number]['card'],
      indicators: indicators.filter((i) => i.objectiveId === o.id && i.actionId === null).map(toIndicator),
      actions: actions
        .filter((a) => a.objectiveId === o.id)
        .map((a) => ({
          number: a.number,
          description: a.description,
          systemObjective: a.systemObjective,
          responsible: a.responsible,
          start: a.startDate,
          end: a.endDate,
          status: a.status as PlanDocument['objectives'][number]['actions'][number]['status'],
          realisationPercent: a.realisationPercent,
          note: a.note,
          expectedResults: a.expectedResults,
          indicators: indicators.filter((i) => i.actionId === a.id).map(toIndicator),
        })),
      budget: budget
        .filter((l) => l.objectiveId === o.id)
        .map((l) => ({
          fund: l.fund as PlanDocument['objectives'][number]['budget'][number]['fund'],
          year: l.year,
          amountCents: l.amountCents,
          note: l.note,
          sharedAmong: l.sharedAmong,
        })),
      links: o.links as PlanDocument['objectives'][number]['links'],
      source: o.source,
    })),
  };
}
