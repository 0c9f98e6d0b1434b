import { and, eq, sql } from 'drizzle-orm';
import { actorLabel, type Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, Tx } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { ConflictError, NotFoundError, ValidationError, issuesFromZod } from '../../shared/errors.ts';
import { listAmbitoDecisions } from '../governance/governance.queries.ts';
import { ambiti } from '../territory/territory.schema.ts';
import { Card, findUnsafeHtml, FUNDING_SOURCE_CODES, parsePlanDocument, TARGET_RULE_INDICATOR_KINDS, type PlanStatus } from './plan-document.schema.ts';
import { insertPlanDocument, loadPlanDocument } from './planning.document.ts';
import { authorize } from './planning.policy.ts';
import { canTransition, isAdopted } from './planning.rules.ts';
import { planActions, planBudgetLines, planChapters, planIndicators, planObjectives, plans, planSnapshots } from './planning.schema.ts';
import { getTemplate, statusLabel } from './planning.templates.ts';
import { flattenChapters } from './template.schema.ts';
import { ActionInput, BudgetLineInput, ChangeStatusInput, ChapterInput, CreatePlanInput, IndicatorInput, NewObjectiveInput, ObjectiveInput } from './planning.validation.ts';

function parse<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(issuesFromZod(r.error));
  return r.data;
}

/** The plan and the Ambito scope a write is checked against. */
async function planScope(tx: Tx, planId: string) {
  const [row] = await tx
    .select({ plan: plans, regionCode: ambiti.regionCode })
    .from(plans)
    .innerJoin(ambiti, eq(ambiti.id, plans.ambitoId))
    .where(eq(plans.id, planId));
  if (!row) throw new NotFoundError('Il piano');
  return { plan: row.plan, scope: { id: row.plan.ambitoId, regionCode: row.regionCode, status: row.plan.status as PlanStatus } };
}

async function objectiveScope(tx: Tx, objectiveId: string) {
  const [o] = await tx.select().from(planObjectives).where(eq(planObjectives.id, objectiveId));
  if (!o) throw new NotFoundError('L’obiettivo');
  return { objective: o, ...(await planScope(tx, o.planId)) };
}

async function snapshot(tx: Tx, planId: string, kind: 'baseline' | 'status' | 'import', label: string, actor: Actor) {
  const doc = await loadPlanDocument(tx, planId);
  await tx.insert(planSnapshots).values({ planId, kind, status: doc!.plan.status, label, document: doc, createdBy: actorLabel(actor) });
}

/**
 * Imports a whole plan from the exchange format (JSON v1) into an Ambito: all or nothing; a plan already adopted
 * gets its approved baseline frozen at import. One audit entry.
 */
export async function importPlan({ db, actor, ambitoId, fileName, text }: { db: Db; actor: Actor; ambitoId: string; fileName: string; text: string }) {
  const [ambito] = await db.select().from(ambiti).where(eq(ambiti.id, ambitoId));
  if (!ambito) throw new NotFoundError('L’Ambito');
  authorize(actor, 'plan.create', { id: ambito.id, regionCode: ambito.regionCode });
  const doc = parsePlanDocument(fileName, text);
  const issues = [];
  if (doc.plan.ambitoCode !== ambito.code) issues.push({ path: `${fileName}, plan.ambitoCode`, message: `il piano è dell’Ambito «${doc.plan.ambitoCode}», non di «${ambito.code}»` });
  if (!getTemplate(doc.plan.template.id)) issues.push({ path: `${fileName}, plan.template.id`, message: `modello «${doc.plan.template.id}» non installato` });
  if (issues.length) throw new ValidationError(issues, `Il file ${fileName} non è stato importato. Nessun dato è stato modificato.`);
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.ambitoId, ambitoId), eq(plans.periodStartYear, doc.plan.periodStartYear), eq(plans.periodEndYear, doc.plan.periodEndYear)));
    if (clash) {
      throw new ValidationError(
        [{ path: `${fileName}, plan.periodStartYear`, message: `l’Ambito ha già un piano ${doc.plan.periodStartYear}-${doc.plan.periodEndYear}` }],
        `Il file ${fileName} non è stato importato. Nessun dato è stato modificato.`,
      );
    }
    const planId = await insertPlanDocument(tx, ambitoId, doc);
    await snapshot(tx, planId, 'import', `Importato da ${fileName}`, actor);
    if (isAdopted(doc.plan.status)) await snapshot(tx, planId, 'baseline', 'Versione approvata (importata)', actor);
    const summary = { file: fileName, title: doc.plan.title, objectives: doc.objectives.length };
    await recordAudit(tx, { actor, action: 'planning.plan.imported', entityType: 'plan', entityId: planId, ambitoId, after: summary });
    return { planId, ...summary };
  });
}

/** Exports a plan as the canonical exchange document (readers of the plan may export it). */
export async function exportPlan({ db, actor, planId }: { db: Db; actor: Actor; planId: string }) {
  return db.transaction(async (tx) => {
    const { scope } = await planScope(tx, planId);
    authorize(actor, 'plan.export', scope, { hide: true });
    return (await loadPlanDocument(tx, planId))!;
  });
}

/** Creates a draft plan on a template: the chapters are exactly the template's skeleton. */
export async function createPlan({ db, actor, ambitoId, input }: { db: Db; actor: Actor; ambitoId: string; input: unknown }) {
  const v = parse(CreatePlanInput, input);
  const template = getTemplate(v.templateId);
  if (!template) throw new ValidationError([{ path: 'templateId', message: 'Modello regionale non installato.' }]);
  return db.transaction(async (tx) => {
    const [ambito] = await tx.select().from(ambiti).where(eq(ambiti.id, ambitoId));
    if (!ambito) throw new NotFoundError('L’Ambito');
    authorize(actor, 'plan.create', { id: ambito.id, regionCode: ambito.regionCode });
    const [clash] = await tx.select({ id: plans.id }).from(plans).where(and(eq(plans.ambitoId, ambitoId), eq(plans.periodStartYear, v.periodStartYear), eq(plans.periodEndYear, v.periodEndYear)));
    if (clash) throw new ValidationError([{ path: 'periodStartYear', message: `L’Ambito ha già un piano ${v.periodStartYear}-${v.periodEndYear}.` }]);
    const [plan] = await tx
      .insert(plans)
      .values({ ambitoId, title: v.title, periodStartYear: v.periodStartYear, periodEndYear: v.periodEndYear, templateId: template.id, templateVersion: template.version, status: 'draft' })
      .returning();
    const chapters = flattenChapters(template.chapters).map(({ chapter }, position) => ({ planId: plan!.id, position, number: chapter.number, title: chapter.title, html: null }));
    if (chapters.length) await tx.insert(planChapters).values(chapters);
    await recordAudit(tx, { actor, action: 'planning.plan.created', entityType: 'plan', entityId: plan!.id, ambitoId, after: { ...plan, chapters: chapters.length } });
    return plan!;
  });
}

/**
 * Moves a plan along its workflow. Adoption needs the adoption date and freezes the approved baseline (once);
 * every change of status keeps a snapshot of the whole plan in its history.
 */
export async function changePlanStatus({ db, actor, planId, input }: { db: Db; actor: Actor; planId: string; input: unknown }) {
  const v = parse(ChangeStatusInput, input);
  return db.transaction(async (tx) => {
    const { plan, scope } = await planScope(tx, planId);
    authorize(actor, 'plan.status', scope);
    const from = plan.status as PlanStatus;
    if (plan.version !== v.version) throw new ConflictError('il piano', plan.version);
    if (!canTransition(from, v.status)) {
      throw new ValidationError([{ path: 'status', message: `Da «${statusLabel(plan.templateId, from)}» non si può passare a «${statusLabel(plan.templateId, v.status)}».` }]);
    }
    const patch: Partial<typeof plans.$inferInsert> = { status: v.status };
    if (v.status === 'adopted') {
      let decision: Awaited<ReturnType<typeof listAmbitoDecisions>>[number] | undefined;
      if (v.adoptionDecisionId) {
        decision = (await listAmbitoDecisions(tx, plan.ambitoId)).find((d) => d.id === v.adoptionDecisionId);
        if (!decision) throw new ValidationError([{ path: 'adoptionDecisionId', message: 'La deliberazione scelta non è di un organo di questo Ambito.' }]);
      }
      const date = v.adoptionDate ?? decision?.date ?? null;
      if (!date) throw new ValidationError([{ path: 'adoptionDate', message: 'Per adottare il piano indica la data di adozione dell’Assemblea dei Sindaci (o scegli la deliberazione).' }]);
      patch.adoptionDate = date;
      patch.adoptionDecisionId = decision?.id ?? null;
      patch.adoptionAct = v.adoptionAct ?? (decision ? `${decision.bodyName}, deliberazione n. ${decision.number} del ${decision.date}: ${decision.subject}` : plan.adoptionAct);
    }
    const { before, after } = await updateVersioned(tx, plans, planId, v.version, patch, 'il piano');
    await snapshot(tx, planId, 'status', `${statusLabel(plan.templateId, from)} → ${statusLabel(plan.templateId, v.status)}`, actor);
    if (v.status === 'adopted') {
      const [baseline] = await tx.select({ id: planSnapshots.id }).from(planSnapshots).where(and(eq(planSnapshots.planId, planId), eq(planSnapshots.kind, 'baseline')));
      if (!baseline) await snapshot(tx, planId, 'baseline', `Versione approvata il ${patch.adoptionDate}`, actor);
    }
    await recordAudit(tx, { actor, action: 'planning.plan.status_changed', entityType: 'plan', entityId: planId, ambitoId: plan.ambitoId, before, after });
    return after;
  });
}

/** Saves an objective's heading and card. The card is checked against the exchange format's rules. */
export async function updateObjective({ db, actor, objectiveId, input }: { db: Db; actor: Actor; objectiveId: string; input: unknown }) {
  const v = parse(ObjectiveInput, input);
  const card = Card.safeParse(v.card);
  if (!card.success) throw new ValidationError(issuesFromZod(card.error).map((i) => ({ ...i, path: `card.${i.path}` })));
  return db.transaction(async (tx) => {
    const { objective, plan, scope } = await objectiveScope(tx, objectiveId);
    authorize(actor, 'plan.edit', scope);
    const { before, after } = await updateVersioned(
      tx,
      planObjectives,
      objectiveId,
      v.version,
      { title: v.title, priority: v.priority, macroArea: v.macroArea, policyAreas: v.policyAreas, description: v.description, card: card.data, ...(v.links ? { links: v.links } : {}) },
      'l’obiettivo',
    );
    await recordAudit(tx, { actor, action: 'planning.objective.updated', entityType: 'plan_objective', entityId: objective.id, ambitoId: plan.ambitoId, before, after });
    return after;
  });
}

export async function createObjective({ db, actor, planId, input }: { db: Db; actor: Actor; planId: string; input: unknown }) {
  const v = parse(NewObjectiveInput, input);
  return db.transaction(async (tx) => {
    const { plan, scope } = await planScope(tx, planId);
    authorize(actor, 'plan.edit', scope);
    const [clash] = await tx.select({ id: planObjectives.id }).from(planObjectives).where(and(eq(planObjectives.planId, planId), eq(planObjectives.code, v.code)));
    if (clash) throw new ValidationError([{ path: 'code', message: `Il codice ${v.code} è già usato in questo piano.` }]);
    const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${planObjectives.position}), -1) + 1` }).from(planObjectives).where(eq(planObjectives.planId, planId))) as [{ next: number }];
    const [row] = await tx
      .insert(planObjectives)
      .values({ planId, position: Number(next), code: v.code, title: v.title, kind: v.kind, links: { leps: [], continuesObjective: null, cooperation: null, asst: { needsAnalysis: null, implementation: null }, agenda2030: [] } })
      .returning();
    await recordAudit(tx, { actor, action: 'planning.objective.created', entityType: 'plan_objective', entityId: row!.id, ambitoId: plan.ambitoId, after: row });
    return row!;
  });
}

/** Adds an action to an objective, numbered after the last one. */
export async function addAction({ db, actor, objectiveId, input }: { db: Db; actor: Actor; objectiveId: string; input: unknown }) {
  const v = parse(ActionInput, input);
  return db.transaction(async (tx) => {
    const { plan, scope } = await objectiveScope(tx, objectiveId);
    authorize(actor, 'plan.edit', scope);
    const existing = await tx.select({ number: planActions.number, position: planActions.position }).from(planActions).where(eq(planActions.objectiveId, objectiveId));
    const number = String(Math.max(0, ...existing.map((a) => Math.floor(Number(a.number)) || 0)) + 1);
    const position = Math.max(-1, ...existing.map((a) => a.position)) + 1;
    const [row] = await tx
      .insert(planActions)
      .values({ objectiveId, position, number, description: v.description, responsible: v.responsible, startDate: v.start, endDate: v.end, status: v.status, realisationPercent: v.realisationPercent })
      .returning();
    await recordAudit(tx, { actor, action: 'planning.action.created', entityType: 'plan_action', entityId: row!.id, ambitoId: plan.ambitoId, after: row });
    return row!;
  });
}

/** Adds an indicator to an action, coded `<action>.<n>`, with its yearly targets. */
export async function addIndicator({ db, actor, actionId, input }: { db: Db; actor: Actor; actionId: string; input: unknown }) {
  const v = parse(IndicatorInput, input);
  for (const [i, t] of v.targets.entries()) {
    if (!TARGET_RULE_INDICATOR_KINDS[t.rule.type].includes(v.kind)) {
      throw new ValidationError([{ path: `targets.${i}.rule`, message: `La regola scelta per il ${t.year ?? 'triennio'} non si applica a un indicatore di tipo «${v.kind}».` }]);
    }
  }
  return db.transaction(async (tx) => {
    const [action] = await tx.select().from(planActions).where(eq(planActions.id, actionId));
    if (!action) throw new NotFoundError('L’azione');
    const { plan, scope } = await objectiveScope(tx, action.objectiveId);
    authorize(actor, 'plan.edit', scope);
    for (const t of v.targets) {
      if (t.year !== null && (t.year < plan.periodStartYear - (t.rule.type === 'baseline' ? 10 : 0) || t.year > plan.periodEndYear)) {
        throw new ValidationError([{ path: 'targets', message: `Anno ${t.year} fuori dal periodo del piano (${plan.periodStartYear}-${plan.periodEndYear}).` }]);
      }
    }
    const siblings = await tx.select({ code: planIndicators.code, position: planIndicators.position }).from(planIndicators).where(eq(planIndicators.actionId, actionId));
    const used = new Set((await tx.select({ code: planIndicators.code }).from(planIndicators).where(eq(planIndicators.objectiveId, action.objectiveId))).map((r) => r.code));
    let n = siblings.length + 1;
    while (used.has(`${action.number}.${n}`)) n++;
    const [row] = await tx
      .insert(planIndicators)
      .values({
        objectiveId: action.objectiveId,
        actionId,
        position: Math.max(-1, ...siblings.map((s) => s.position)) + 1,
        code: `${action.number}.${n}`,
        label: v.label,
        kind: v.kind,
        numeratorLabel: v.kind === 'ratio' ? v.numeratorLabel : null,
        denominatorLabel: v.kind === 'ratio' ? v.denominatorLabel : null,
        level: v.level,
        unit: v.unit,
        source: v.source,
        periodicity: v.periodicity,
        aggregation: v.aggregation,
        targets: v.targets,
      })
      .returning();
    await recordAudit(tx, { actor, action: 'planning.indicator.created', entityType: 'plan_indicator', entityId: row!.id, ambitoId: plan.ambitoId, after: row });
    return row!;
  });
}

/** Adds a budget line (fund, year or whole period, amount in euro → cents) to an objective. */
export async function addBudgetLine({ db, actor, objectiveId, input }: { db: Db; actor: Actor; objectiveId: string; input: unknown }) {
  const v = parse(BudgetLineInput, input);
  if (!(FUNDING_SOURCE_CODES as readonly string[]).includes(v.fund)) throw new ValidationError([{ path: 'fund', message: 'Fonte di finanziamento non prevista.' }]);
  return db.transaction(async (tx) => {
    const { plan, scope } = await objectiveScope(tx, objectiveId);
    authorize(actor, 'plan.edit', scope);
    if (v.year !== null && (v.year < plan.periodStartYear || v.year > plan.periodEndYear)) {
      throw new ValidationError([{ path: 'year', message: `Anno fuori dal periodo del piano (${plan.periodStartYear}-${plan.periodEndYear}).` }]);
    }
    const lines = await tx.select({ position: planBudgetLines.position }).from(planBudgetLines).where(eq(planBudgetLines.objectiveId, objectiveId));
    const [row] = await tx
      .insert(planBudgetLines)
      .values({ objectiveId, position: Math.max(-1, ...lines.map((l) => l.position)) + 1, fund: v.fund, year: v.year, amountCents: v.amountEuro, note: v.note })
      .returning();
    await recordAudit(tx, { actor, action: 'planning.budget_line.created', entityType: 'plan_budget_line', entityId: row!.id, ambitoId: plan.ambitoId, after: row });
    return row!;
  });
}

export async function deleteBudgetLine({ db, actor, lineId, version }: { db: Db; actor: Actor; lineId: string; version: number }) {
  return db.transaction(async (tx) => {
    const [line] = await tx.select().from(planBudgetLines).where(eq(planBudgetLines.id, lineId)).for('update');
    if (!line) throw new NotFoundError('La riga di bilancio');
    const { plan, scope } = await objectiveScope(tx, line.objectiveId);
    authorize(actor, 'plan.edit', scope);
    if (line.version !== version) throw new ConflictError('la riga di bilancio', line.version);
    await tx.delete(planBudgetLines).where(eq(planBudgetLines.id, lineId));
    await recordAudit(tx, { actor, action: 'planning.budget_line.deleted', entityType: 'plan_budget_line', entityId: lineId, ambitoId: plan.ambitoId, before: line });
  });
}

/** Saves a chapter's text (HTML restricted to the tags of the exchange format). */
export async function updateChapter({ db, actor, chapterId, input }: { db: Db; actor: Actor; chapterId: string; input: unknown }) {
  const v = parse(ChapterInput, input);
  const html = v.html.trim() || null;
  if (html) {
    const problem = findUnsafeHtml(html);
    if (problem) throw new ValidationError([{ path: 'html', message: `Testo non accettato: ${problem}` }]);
  }
  return db.transaction(async (tx) => {
    const [chapter] = await tx.select().from(planChapters).where(eq(planChapters.id, chapterId));
    if (!chapter) throw new NotFoundError('Il capitolo');
    const { plan, scope } = await planScope(tx, chapter.planId);
    authorize(actor, 'plan.edit', scope);
    const { before, after } = await updateVersioned(tx, planChapters, chapterId, v.version, { html }, 'il capitolo');
    await recordAudit(tx, { actor, action: 'planning.chapter.updated', entityType: 'plan_chapter', entityId: chapterId, ambitoId: plan.ambitoId, before, after });
    return after;
  });
}

