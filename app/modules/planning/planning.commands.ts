import { and, eq, ne, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { actorLabel, type Actor } from '../../shared/auth/actor.ts';
import { recordAudit, type AuditInput } from '../../shared/audit/audit.ts';
import type { Db, Tx } from '../../shared/db/client.ts';
import { lockBusinessKey } from '../../shared/db/key-lock.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { ConflictError, NotFoundError, ValidationError, issuesFromZod } from '../../shared/errors.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import { requireRecordId } from '../../shared/validation.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { listAmbitoDecisionOutcomes } from '../governance/index.server.ts';
import { ambiti } from '../territory/index.server.ts';
import { Card, FUNDING_SOURCE_CODES, parsePlanDocument, TARGET_RULE_INDICATOR_KINDS, type PlanStatus } from './plan-document.schema.ts';
import { insertPlanDocument, loadPlanDocument } from './planning.document.ts';
import { authorize } from './planning.policy.ts';
import { loadCompleteness } from './planning.queries.ts';
import {
  adoptionProblems,
  canTransition,
  isAdopted,
  isMinorVariation,
  objectiveFieldChanges,
  stableJson,
  withObjectiveUpdate,
  type ActionValues,
  type CarriedObjective,
  type BudgetValues,
  type IndicatorValues,
  type VariationChange,
} from './planning.rules.ts';
import { planActions, planBudgetLines, planChapters, planIndicators, planObjectives, plans, planSnapshots, planVariations } from './planning.schema.ts';
import { getTemplate, statusLabel } from './planning.templates.ts';
import { DEFAULT_ADOPTION, flattenChapters } from './template.schema.ts';
import {
  ActionInput,
  BudgetLineInput,
  CarriedObjectiveInput,
  ChangeStatusInput,
  ChapterInput,
  CreatePlanInput,
  IndicatorInput,
  LinkContinuityInput,
  NewObjectiveInput,
  ObjectiveInput,
  VariationDecisionInput,
} from './planning.validation.ts';

/** The audit entry of a write on a plan or one of its rows: in the plan's Ambito, inside the command's transaction. */
function auditPlanWrite(tx: Tx, actor: Actor, plan: { ambitoId: string }, entry: Omit<AuditInput, 'actor' | 'ambitoId'>) {
  return recordAudit(tx, { actor, ambitoId: plan.ambitoId, ...entry });
}

/** Inserts one row of the plan's tables and returns it as written. */
async function insertOne<T extends PgTable>(tx: Tx, table: T, values: T['$inferInsert']): Promise<T['$inferSelect']> {
  const [row] = await tx.insert(table).values(values).returning();
  return row!;
}

/** The objective of `planId` that already has `code`, if any. */
async function objectiveWithCode(tx: Tx, planId: string, code: string) {
  const [clash] = await tx
    .select({ id: planObjectives.id })
    .from(planObjectives)
    .where(and(eq(planObjectives.planId, planId), eq(planObjectives.code, code)));
  return clash;
}

/** The plan of the Ambito that already covers these years, if any. */
async function planOfPeriod(tx: Tx, ambitoId: string, period: { periodStartYear: number; periodEndYear: number }) {
  const [clash] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.ambitoId, ambitoId), eq(plans.periodStartYear, period.periodStartYear), eq(plans.periodEndYear, period.periodEndYear)));
  return clash;
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

/** The objective (with its plan and scope) that a command changes, once the actor's right to edit the plan is checked. */
async function editableObjective(tx: Tx, actor: Actor, objectiveId: string) {
  const found = await objectiveScope(tx, objectiveId);
  authorize(actor, 'plan.edit', found.scope);
  return found;
}

async function snapshot(tx: Tx, planId: string, kind: 'baseline' | 'status' | 'import' | 'variation', label: string, actor: Actor) {
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
  if (doc.plan.ambitoCode !== ambito.code)
    issues.push({ path: `${fileName}, plan.ambitoCode`, message: tr('plan.cmd.import.otherAmbito', { file: doc.plan.ambitoCode, ambito: ambito.code }) });
  if (!getTemplate(doc.plan.template.id))
    issues.push({ path: `${fileName}, plan.template.id`, message: tr('plan.cmd.import.template', { template: doc.plan.template.id }) });
  if (issues.length) throw new ValidationError(issues, tr('plan.cmd.import.refused', { file: fileName }));
  return db.transaction(async (tx) => {
    if (await planOfPeriod(tx, ambitoId, doc.plan)) {
      throw new ValidationError(
        [{ path: `${fileName}, plan.periodStartYear`, message: tr('plan.cmd.import.clash', { start: doc.plan.periodStartYear, end: doc.plan.periodEndYear }) }],
        tr('plan.cmd.import.refused', { file: fileName }),
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
  return db.transaction(async (tx) => {
    const [ambito] = await tx.select().from(ambiti).where(eq(ambiti.id, ambitoId));
    if (!ambito) throw new NotFoundError('L’Ambito');
    authorize(actor, 'plan.create', { id: ambito.id, regionCode: ambito.regionCode });
    const v = parseInput(CreatePlanInput, input);
    const template = getTemplate(v.templateId);
    if (!template) throw new ValidationError([{ path: 'templateId', message: tr('plan.cmd.templateMissing') }]);
    if (await planOfPeriod(tx, ambitoId, v))
      throw new ValidationError([{ path: 'periodStartYear', message: tr('plan.cmd.planExists', { start: v.periodStartYear, end: v.periodEndYear }) }]);
    const plan = await insertOne(tx, plans, {
      ambitoId,
      title: v.title,
      periodStartYear: v.periodStartYear,
      periodEndYear: v.periodEndYear,
      templateId: template.id,
      templateVersion: template.version,
      status: 'draft',
    });
    const chapters = flattenChapters(template.chapters).map(({ chapter }, position) => ({
      planId: plan.id,
      position,
      number: chapter.number,
      title: chapter.title,
      html: null,
    }));
    if (chapters.length) await tx.insert(planChapters).values(chapters);
    await recordAudit(tx, {
      actor,
      action: 'planning.plan.created',
      entityType: 'plan',
      entityId: plan.id,
      ambitoId,
      after: { ...plan, chapters: chapters.length },
    });
    return plan;
  });
}

/**
 * The decision that adopts a plan (or approves a variation): chosen explicitly, of a body of this Ambito of the
 * type the template names (the mayors' assembly when it names none), approved according to the outcome governance
 * computes from its votes, and not already used to adopt another plan or approve another variation.
 */
async function competentDecision(
  tx: Tx,
  ambitoId: string,
  templateId: string,
  decisionId: string | null,
  own: { planId?: string; variationId?: string },
  what: string,
) {
  if (!decisionId)
    throw new ValidationError([{ path: 'adoptionDecisionId', message: tr('plan.cmd.decision.missing', { what }) }], tr('plan.cmd.nothingChanged'));
  const bodyType = (getTemplate(templateId)?.adoption ?? DEFAULT_ADOPTION).bodyType;
  const decision = (await listAmbitoDecisionOutcomes(tx, ambitoId)).find((d) => d.id === decisionId);
  const refuse = (message: string) => new ValidationError([{ path: 'adoptionDecisionId', message }], tr('plan.cmd.nothingChanged'));
  if (!decision) throw refuse(tr('plan.cmd.decision.otherAmbito'));
  const name = tr('plan.cmd.decision.name', { number: decision.number, date: serverFormat().date(decision.date), body: decision.bodyName });
  if (decision.bodyType !== bodyType)
    throw refuse(
      tr('plan.cmd.decision.body', {
        name,
        what,
        body: bodyType === 'assemblea_sindaci' ? tr('plan.cmd.decision.assembly') : tr('plan.cmd.decision.bodyType', { type: bodyType }),
      }),
    );
  if (decision.approved === false) throw refuse(tr('plan.cmd.decision.rejected', { name, what }));
  if (decision.approved !== true)
    throw refuse(tr('plan.cmd.decision.unknown', { name, what, why: decision.outcomeError ? ` (${decision.outcomeError})` : '' }));
  const [otherPlan] = await tx
    .select({ title: plans.title })
    .from(plans)
    .where(and(eq(plans.adoptionDecisionId, decision.id), ...(own.planId ? [ne(plans.id, own.planId)] : [])));
  if (otherPlan) throw refuse(tr('plan.cmd.decision.usedByPlan', { name, title: otherPlan.title }));
  const [otherVariation] = await tx
    .select({ number: planVariations.number, title: plans.title })
    .from(planVariations)
    .innerJoin(plans, eq(plans.id, planVariations.planId))
    .where(and(eq(planVariations.decisionId, decision.id), ...(own.variationId ? [ne(planVariations.id, own.variationId)] : [])));
  if (otherVariation) throw refuse(tr('plan.cmd.decision.usedByVariation', { name, number: otherVariation.number, title: otherVariation.title }));
  return decision;
}

/**
 * Moves a plan along its workflow. Adoption needs the adoption date and freezes the approved baseline (once);
 * every change of status keeps a snapshot of the whole plan in its history.
 */
export async function changePlanStatus({ db, actor, planId, input }: { db: Db; actor: Actor; planId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const { plan, scope } = await planScope(tx, planId);
    authorize(actor, 'plan.status', scope);
    const v = parseInput(ChangeStatusInput, input);
    const from = plan.status as PlanStatus;
    if (plan.version !== v.version) throw new ConflictError('il piano', plan.version);
    if (!canTransition(from, v.status)) {
      throw new ValidationError([
        { path: 'status', message: tr('plan.cmd.transition', { from: statusLabel(plan.templateId, from), to: statusLabel(plan.templateId, v.status) }) },
      ]);
    }
    const patch: Partial<typeof plans.$inferInsert> = { status: v.status };
    let incomplete: string[] = [];
    if (v.status === 'adopted') {
      const template = getTemplate(plan.templateId);
      const decision = await competentDecision(tx, plan.ambitoId, plan.templateId, v.adoptionDecisionId, { planId }, tr('plan.cmd.what.adopt'));
      const completeness = await loadCompleteness(tx, planId, template);
      if (completeness.length === 0) {
        throw new ValidationError([{ path: 'status', message: tr('plan.cmd.emptyPlan') }], tr('plan.cmd.notAdopted'));
      }
      incomplete = adoptionProblems((template?.adoption ?? DEFAULT_ADOPTION).completeness, completeness);
      if (incomplete.length && !v.overrideReason) {
        const shown = incomplete.slice(0, 6).join(' ') + (incomplete.length > 6 ? tr('plan.cmd.morePoints', { count: incomplete.length - 6 }) : '');
        throw new ValidationError(
          [
            {
              path: 'overrideReason',
              message: tr('plan.cmd.incomplete', { shown }),
            },
          ],
          tr('plan.cmd.notAdopted'),
        );
      }
      // The adoption is the recorded decision's: its date and its act, never typed over it.
      patch.adoptionDate = decision.date;
      patch.adoptionDecisionId = decision.id;
      patch.adoptionAct = `${decision.bodyName}, deliberazione n. ${decision.number} del ${decision.date}: ${decision.subject}`;
      patch.adoptionOverrideReason = incomplete.length ? v.overrideReason : null;
    }
    const { before, after } = await updateVersioned(tx, plans, planId, v.version, patch, 'il piano');
    await snapshot(tx, planId, 'status', `${statusLabel(plan.templateId, from)} → ${statusLabel(plan.templateId, v.status)}`, actor);
    if (v.status === 'adopted') {
      const [baseline] = await tx
        .select({ id: planSnapshots.id })
        .from(planSnapshots)
        .where(and(eq(planSnapshots.planId, planId), eq(planSnapshots.kind, 'baseline')));
      if (!baseline) await snapshot(tx, planId, 'baseline', `Versione approvata il ${patch.adoptionDate}`, actor);
    }
    await auditPlanWrite(tx, actor, plan, {
      action: 'planning.plan.status_changed',
      entityType: 'plan',
      entityId: planId,
      before,
      after: incomplete.length ? { ...after, incompleteAtAdoption: incomplete } : after,
    });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Content: written directly while the plan is a draft; after adoption every change is proposed in the plan's draft
// variation and reaches the plan only when the variation is approved.

/** The result of an edit: written to the plan, proposed in the draft variation, or nothing to do. */
export type EditOutcome = 'saved' | 'proposed' | 'unchanged';

/**
 * Puts a change in the plan's draft variation (created when there is none). `change` returns the new list of
 * changes; when it equals the current one nothing is written. One audit entry.
 */
async function propose(
  tx: Tx,
  actor: Actor,
  plan: { id: string; ambitoId: string },
  change: (changes: VariationChange[]) => VariationChange[],
  stale?: () => ConflictError,
  expectedVersion?: number,
): Promise<EditOutcome> {
  // Without a draft yet, two proposals at once would both open one: the second waits here and then finds the first's.
  await lockBusinessKey(tx, 'plan_variations', plan.id);
  const [draft] = await tx
    .select()
    .from(planVariations)
    .where(and(eq(planVariations.planId, plan.id), eq(planVariations.status, 'draft')))
    .for('update');
  // A form built on another state of the draft variation (someone proposed or decided meanwhile) is refused.
  if (stale && expectedVersion !== undefined && (draft?.version ?? 0) !== expectedVersion) throw stale();
  const current = (draft?.changes ?? []) as VariationChange[];
  const next = change(current);
  if (stableJson(next) === stableJson(current)) return 'unchanged';
  if (draft) {
    const { before, after } = await updateVersioned(tx, planVariations, draft.id, draft.version, { changes: next }, 'la variazione');
    await auditPlanWrite(tx, actor, plan, { action: 'planning.variation.changed', entityType: 'plan_variation', entityId: draft.id, before, after });
  } else {
    const [{ last }] = (await tx
      .select({ last: sql<number>`coalesce(max(${planVariations.number}), 0)` })
      .from(planVariations)
      .where(eq(planVariations.planId, plan.id))) as [{ last: number }];
    const row = await insertOne(tx, planVariations, { planId: plan.id, number: Number(last) + 1, status: 'draft', changes: next });
    await auditPlanWrite(tx, actor, plan, { action: 'planning.variation.created', entityType: 'plan_variation', entityId: row.id, after: row });
  }
  return 'proposed';
}

/** The row a proposed addition creates, and its audit action. */
const ADDED_ROWS = {
  'action.add': { entityType: 'plan_action', action: 'planning.action.created' },
  'indicator.add': { entityType: 'plan_indicator', action: 'planning.indicator.created' },
  'budget.add': { entityType: 'plan_budget_line', action: 'planning.budget_line.created' },
} as const;
type AddChange = Extract<VariationChange, { kind: keyof typeof ADDED_ROWS }>;

/**
 * A new row of an objective (action, indicator, budget line): written and audited while the plan is not adopted,
 * proposed in the draft variation once it is (null is returned: nothing changed in the plan yet).
 */
async function addOrPropose<T extends { id: string }>(
  tx: Tx,
  actor: Actor,
  plan: { id: string; ambitoId: string; status: string },
  change: AddChange,
  insert: () => Promise<T>,
): Promise<T | null> {
  if (isAdopted(plan.status as PlanStatus)) {
    await propose(tx, actor, plan, (changes) => [...changes, change]);
    return null;
  }
  const row = await insert();
  await auditPlanWrite(tx, actor, plan, { ...ADDED_ROWS[change.kind], entityId: row.id, after: row });
  return row;
}

/**
 * Saves an objective's heading and card (checked against the exchange format's rules). A save that changes
 * nothing writes nothing. After adoption the differences, field by field, go into the draft variation.
 */
export async function updateObjective({ db, actor, objectiveId, input }: { db: Db; actor: Actor; objectiveId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const { objective, plan } = await editableObjective(tx, actor, objectiveId);
    const v = parseInput(ObjectiveInput, input);
    const card = Card.safeParse(v.card);
    if (!card.success) throw new ValidationError(issuesFromZod(card.error).map((i) => ({ ...i, path: `card.${i.path}` })));
    if (objective.version !== v.version) throw new ConflictError('l’obiettivo', objective.version);
    const proposed = {
      title: v.title,
      priority: v.priority,
      macroArea: v.macroArea,
      policyAreas: v.policyAreas,
      description: v.description,
      card: card.data as Record<string, unknown>,
      ...(v.links ? { links: v.links } : {}),
    };
    const fields = objectiveFieldChanges(objective as unknown as Record<string, unknown> & { card: Record<string, unknown> }, proposed);
    if (isAdopted(plan.status as PlanStatus)) {
      const outcome = await propose(
        tx,
        actor,
        plan,
        (changes) => withObjectiveUpdate(changes, objective.id, objective.code, fields),
        () => new ConflictError('l’obiettivo', objective.version),
        v.variationVersion,
      );
      return { ...objective, outcome };
    }
    if (fields.length === 0) return { ...objective, outcome: 'unchanged' as EditOutcome };
    const { before, after } = await updateVersioned(tx, planObjectives, objectiveId, v.version, proposed, 'l’obiettivo');
    await auditPlanWrite(tx, actor, plan, { action: 'planning.objective.updated', entityType: 'plan_objective', entityId: objective.id, before, after });
    return { ...after, outcome: 'saved' as EditOutcome };
  });
}

async function insertObjective(tx: Tx, planId: string, values: { code: string; title: string; kind: 'ordinary' | 'leps' }) {
  if (await objectiveWithCode(tx, planId, values.code)) throw new ValidationError([{ path: 'code', message: tr('plan.cmd.codeUsed', { code: values.code }) }]);
  const [{ next }] = (await tx
    .select({ next: sql<number>`coalesce(max(${planObjectives.position}), -1) + 1` })
    .from(planObjectives)
    .where(eq(planObjectives.planId, planId))) as [{ next: number }];
  return insertOne(tx, planObjectives, {
    planId,
    position: Number(next),
    code: values.code,
    title: values.title,
    kind: values.kind,
    links: { leps: [], continuesObjective: null, cooperation: null, asst: { needsAnalysis: null, implementation: null }, agenda2030: [] },
  });
}

/** Adds an objective; after adoption it is proposed in the draft variation (null is returned). */
export async function createObjective({ db, actor, planId, input }: { db: Db; actor: Actor; planId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const { plan, scope } = await planScope(tx, planId);
    authorize(actor, 'plan.edit', scope);
    const v = parseInput(NewObjectiveInput, input);
    if (isAdopted(plan.status as PlanStatus)) {
      if (await objectiveWithCode(tx, planId, v.code)) throw new ValidationError([{ path: 'code', message: tr('plan.cmd.codeUsed', { code: v.code }) }]);
      await propose(tx, actor, plan, (changes) => {
        if (changes.some((c) => c.kind === 'objective.add' && c.objectiveCode === v.code))
          throw new ValidationError([{ path: 'code', message: tr('plan.cmd.codeProposed', { code: v.code }) }]);
        return [...changes, { kind: 'objective.add', objectiveCode: v.code, values: { code: v.code, title: v.title, kind: v.kind } }];
      });
      return null;
    }
    const row = await insertObjective(tx, planId, v);
    await auditPlanWrite(tx, actor, plan, { action: 'planning.objective.created', entityType: 'plan_objective', entityId: row.id, after: row });
    return row;
  });
}

async function insertAction(tx: Tx, objectiveId: string, v: ActionValues) {
  // Numbered after the last one: two additions at once take their numbers one after the other.
  await lockBusinessKey(tx, 'plan_actions', objectiveId);
  const existing = await tx
    .select({ number: planActions.number, position: planActions.position })
    .from(planActions)
    .where(eq(planActions.objectiveId, objectiveId));
  const number = String(Math.max(0, ...existing.map((a) => Math.floor(Number(a.number)) || 0)) + 1);
  const position = Math.max(-1, ...existing.map((a) => a.position)) + 1;
  const { start, end, ...same } = v;
  return insertOne(tx, planActions, { objectiveId, position, number, ...same, startDate: start, endDate: end });
}

/** Adds an action to an objective, numbered after the last one; after adoption it is proposed (null is returned). */
export async function addAction({ db, actor, objectiveId, input }: { db: Db; actor: Actor; objectiveId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const { objective, plan } = await editableObjective(tx, actor, objectiveId);
    const values: ActionValues = parseInput(ActionInput, input);
    const change: AddChange = { kind: 'action.add', objectiveId, objectiveCode: objective.code, values };
    return addOrPropose(tx, actor, plan, change, () => insertAction(tx, objectiveId, values));
  });
}

async function insertIndicator(tx: Tx, action: { id: string; objectiveId: string; number: string }, v: IndicatorValues) {
  // Coded after the action's last one: two additions at once take their codes one after the other.
  await lockBusinessKey(tx, 'plan_indicators', action.objectiveId);
  const siblings = await tx
    .select({ code: planIndicators.code, position: planIndicators.position })
    .from(planIndicators)
    .where(eq(planIndicators.actionId, action.id));
  const used = new Set(
    (await tx.select({ code: planIndicators.code }).from(planIndicators).where(eq(planIndicators.objectiveId, action.objectiveId))).map((r) => r.code),
  );
  let n = siblings.length + 1;
  while (used.has(`${action.number}.${n}`)) n++;
  return insertOne(tx, planIndicators, {
    objectiveId: action.objectiveId,
    actionId: action.id,
    position: Math.max(-1, ...siblings.map((s) => s.position)) + 1,
    code: `${action.number}.${n}`,
    ...v,
    numeratorLabel: v.kind === 'ratio' ? v.numeratorLabel : null,
    denominatorLabel: v.kind === 'ratio' ? v.denominatorLabel : null,
  });
}

/** Adds an indicator to an action, coded `<action>.<n>`, with its yearly targets; after adoption it is proposed (null). */
export async function addIndicator({ db, actor, actionId, input }: { db: Db; actor: Actor; actionId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const [action] = await tx
      .select()
      .from(planActions)
      .where(eq(planActions.id, requireRecordId(actionId, 'actionId')));
    if (!action) throw new NotFoundError('L’azione');
    const { objective, plan } = await editableObjective(tx, actor, action.objectiveId);
    const v = parseInput(IndicatorInput, input);
    for (const [i, t] of v.targets.entries()) {
      if (!TARGET_RULE_INDICATOR_KINDS[t.rule.type].includes(v.kind)) {
        throw new ValidationError([{ path: `targets.${i}.rule`, message: tr('plan.cmd.ruleKind', { year: t.year ?? tr('plan.period.whole'), kind: v.kind }) }]);
      }
    }
    const values: IndicatorValues = {
      ...v,
      numeratorLabel: v.kind === 'ratio' ? v.numeratorLabel : null,
      denominatorLabel: v.kind === 'ratio' ? v.denominatorLabel : null,
      aggregation: v.aggregation ?? null,
      targets: v.targets as IndicatorValues['targets'],
    };
    for (const t of v.targets) {
      if (t.year !== null && (t.year < plan.periodStartYear - (t.rule.type === 'baseline' ? 10 : 0) || t.year > plan.periodEndYear)) {
        throw new ValidationError([
          { path: 'targets', message: tr('plan.cmd.targetYear', { year: t.year, start: plan.periodStartYear, end: plan.periodEndYear }) },
        ]);
      }
    }
    const change: AddChange = {
      kind: 'indicator.add',
      objectiveId: objective.id,
      objectiveCode: objective.code,
      actionId,
      actionNumber: action.number,
      values,
    };
    return addOrPropose(tx, actor, plan, change, () => insertIndicator(tx, action, values));
  });
}

async function insertBudgetLine(tx: Tx, objectiveId: string, v: BudgetValues) {
  const lines = await tx.select({ position: planBudgetLines.position }).from(planBudgetLines).where(eq(planBudgetLines.objectiveId, objectiveId));
  return insertOne(tx, planBudgetLines, { objectiveId, position: Math.max(-1, ...lines.map((l) => l.position)) + 1, ...v });
}

/** Adds a budget line (fund, year or whole period, amount in euro → cents); after adoption it is proposed (null). */
export async function addBudgetLine({ db, actor, objectiveId, input }: { db: Db; actor: Actor; objectiveId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const { objective, plan } = await editableObjective(tx, actor, objectiveId);
    const v = parseInput(BudgetLineInput, input);
    if (!(FUNDING_SOURCE_CODES as readonly string[]).includes(v.fund)) throw new ValidationError([{ path: 'fund', message: tr('plan.cmd.fund') }]);
    const values: BudgetValues = { fund: v.fund, year: v.year, amountCents: v.amountEuro, note: v.note };
    if (v.year !== null && (v.year < plan.periodStartYear || v.year > plan.periodEndYear)) {
      throw new ValidationError([{ path: 'year', message: tr('plan.cmd.budgetYear', { start: plan.periodStartYear, end: plan.periodEndYear }) }]);
    }
    const change: AddChange = { kind: 'budget.add', objectiveId, objectiveCode: objective.code, values };
    return addOrPropose(tx, actor, plan, change, () => insertBudgetLine(tx, objectiveId, values));
  });
}

/** Deletes a budget line; after adoption the deletion is proposed in the draft variation ('proposed'). */
export async function deleteBudgetLine({ db, actor, lineId, version }: { db: Db; actor: Actor; lineId: string; version: number }): Promise<EditOutcome> {
  return db.transaction(async (tx) => {
    const [line] = await tx
      .select()
      .from(planBudgetLines)
      .where(eq(planBudgetLines.id, requireRecordId(lineId, 'lineId')))
      .for('update');
    if (!line) throw new NotFoundError('La riga di bilancio');
    const { objective, plan } = await editableObjective(tx, actor, line.objectiveId);
    if (line.version !== version) throw new ConflictError('la riga di bilancio', line.version);
    if (isAdopted(plan.status as PlanStatus)) {
      const values: BudgetValues = { fund: line.fund, year: line.year, amountCents: line.amountCents, note: line.note };
      return propose(tx, actor, plan, (changes) =>
        changes.some((c) => c.kind === 'budget.delete' && c.lineId === lineId)
          ? changes
          : [...changes, { kind: 'budget.delete', objectiveId: objective.id, objectiveCode: objective.code, lineId, values }],
      );
    }
    await tx.delete(planBudgetLines).where(eq(planBudgetLines.id, lineId));
    await auditPlanWrite(tx, actor, plan, { action: 'planning.budget_line.deleted', entityType: 'plan_budget_line', entityId: lineId, before: line });
    return 'saved';
  });
}

/** Applies one approved change to the plan's tables (inside the approval's transaction). */
async function applyChange(tx: Tx, planId: string, c: VariationChange) {
  const gone = (what: string) => new ConflictError(what, null);
  switch (c.kind) {
    case 'objective.add':
      await insertObjective(tx, planId, c.values);
      return;
    case 'objective.carry':
      await insertCarried(tx, planId, c.values);
      return;
    case 'objective.update': {
      const [o] = await tx
        .select()
        .from(planObjectives)
        .where(and(eq(planObjectives.id, c.objectiveId), eq(planObjectives.planId, planId)))
        .for('update');
      if (!o) throw gone(`l’obiettivo ${c.objectiveCode}`);
      const card = { ...(o.card as Record<string, unknown>) };
      const patch: Record<string, unknown> = {};
      for (const f of c.fields) {
        const now = f.key.startsWith('card.') ? card[f.key.slice(5)] : (o as Record<string, unknown>)[f.key];
        if (stableJson(now ?? null) !== stableJson(f.before ?? null)) throw gone(`l’obiettivo ${c.objectiveCode}`);
        if (f.key.startsWith('card.')) {
          if (f.after === null || f.after === undefined) delete card[f.key.slice(5)];
          else card[f.key.slice(5)] = f.after;
        } else patch[f.key] = f.after;
      }
      await updateVersioned(tx, planObjectives, o.id, o.version, { ...patch, card } as Partial<typeof planObjectives.$inferInsert>, 'l’obiettivo');
      return;
    }
    case 'action.add':
      await insertAction(tx, c.objectiveId, c.values);
      return;
    case 'indicator.add': {
      const [action] = await tx.select().from(planActions).where(eq(planActions.id, c.actionId));
      if (!action) throw gone(`l’azione ${c.actionNumber}`);
      await insertIndicator(tx, action, c.values);
      return;
    }
    case 'budget.add':
      await insertBudgetLine(tx, c.objectiveId, c.values);
      return;
    case 'budget.delete': {
      const deleted = await tx.delete(planBudgetLines).where(eq(planBudgetLines.id, c.lineId)).returning({ id: planBudgetLines.id });
      if (deleted.length === 0) throw gone('la riga di bilancio');
      return;
    }
  }
}

/**
 * Decides the plan's draft variation. Approval needs an approved decision of the competent body that is not
 * already used by another act — or, when the template counts every proposed change as minor, the coordinator's
 * approval alone; the changes are then applied in this one transaction and the approved plan is kept in its
 * history. Rejection (coordinator) and withdrawal (Ufficio di Piano) discard the changes. One audit entry.
 */
export async function decideVariation({
  db,
  actor,
  planId,
  variationId,
  input,
}: {
  db: Db;
  actor: Actor;
  planId: string;
  variationId: string;
  input: unknown;
}) {
  return db.transaction(async (tx) => {
    const { plan, scope } = await planScope(tx, planId);
    // Withdrawing needs the right to edit; approving or rejecting (or anything else asked) the right to decide.
    const asked = input && typeof input === 'object' ? (input as { decision?: unknown }).decision : undefined;
    authorize(actor, asked === 'withdraw' ? 'plan.edit' : 'plan.status', scope);
    const v = parseInput(VariationDecisionInput, input);
    const [variation] = await tx
      .select()
      .from(planVariations)
      .where(and(eq(planVariations.id, requireRecordId(variationId, 'variationId')), eq(planVariations.planId, planId)));
    if (!variation) throw new NotFoundError('La variazione');
    if (variation.version !== v.version) throw new ConflictError('la variazione', variation.version);
    if (variation.status !== 'draft')
      throw new ValidationError([{ path: 'decision', message: tr('plan.cmd.variation.decided', { number: variation.number }) }]);
    if (v.decision === 'approve' && !isAdopted(plan.status as PlanStatus)) {
      throw new ValidationError([{ path: 'decision', message: tr('plan.cmd.variation.notAdopted', { number: variation.number }) }]);
    }
    const changes = variation.changes as VariationChange[];
    const patch: Partial<typeof planVariations.$inferInsert> = { decidedAt: new Date(), decidedBy: actorLabel(actor), note: v.note };
    let label = '';
    if (v.decision === 'approve') {
      if (changes.length === 0) throw new ValidationError([{ path: 'decision', message: tr('plan.cmd.variation.empty') }]);
      if (v.adoptionDecisionId) {
        const decision = await competentDecision(tx, plan.ambitoId, plan.templateId, v.adoptionDecisionId, { variationId }, tr('plan.cmd.what.variation'));
        patch.decisionId = decision.id;
        label = `deliberazione n. ${decision.number} del ${decision.date}`;
      } else {
        const minor = (getTemplate(plan.templateId)?.adoption ?? DEFAULT_ADOPTION).minorChanges;
        if (!isMinorVariation(changes, minor)) {
          throw new ValidationError(
            [
              {
                path: 'adoptionDecisionId',
                message: tr('plan.cmd.variation.notMinor'),
              },
            ],
            tr('plan.cmd.variation.notApproved'),
          );
        }
        label = 'modifiche minori, approvate dal coordinatore';
      }
      for (const c of changes) await applyChange(tx, planId, c);
      patch.status = 'approved';
    } else {
      patch.status = v.decision === 'reject' ? 'rejected' : 'withdrawn';
    }
    const { before, after } = await updateVersioned(tx, planVariations, variationId, v.version, patch, 'la variazione');
    if (v.decision === 'approve') await snapshot(tx, planId, 'variation', `Variazione n. ${variation.number} approvata (${label})`, actor);
    await auditPlanWrite(tx, actor, plan, { action: `planning.variation.${after.status}`, entityType: 'plan_variation', entityId: variationId, before, after });
    return after;
  });
}

async function insertCarried(tx: Tx, planId: string, v: CarriedObjective) {
  const objective = await insertObjective(tx, planId, { code: v.code, title: v.title, kind: 'ordinary' });
  const links = { ...(objective.links as Record<string, unknown>), continuesObjective: v.continuesObjective };
  const { after } = await updateVersioned(
    tx,
    planObjectives,
    objective.id,
    objective.version,
    { macroArea: v.macroArea, description: v.description, links, source: v.source },
    'l’obiettivo',
  );
  if (v.actions.length) {
    await tx.insert(planActions).values(
      v.actions.map((a, i) => ({
        objectiveId: objective.id,
        position: i,
        number: String(i + 1),
        description: a.description,
        responsible: a.responsible,
        status: 'planned',
      })),
    );
  }
  return after;
}

/**
 * For monitoring's carry-over, inside the caller's transaction: an objective of the previous plan with the chosen
 * actions enters `planId` — written while the plan is not adopted, proposed in its draft variation once it is (the
 * approved plan changes only when the variation is approved). Returns the new objective, or null when proposed.
 */
export async function carryIntoPlan(tx: Tx, actor: Actor, planId: string, input: CarriedObjective) {
  const { plan, scope } = await planScope(tx, planId);
  authorize(actor, 'plan.edit', scope);
  const values: CarriedObjective = parseInput(CarriedObjectiveInput, input);
  if (await objectiveWithCode(tx, planId, values.code))
    throw new ValidationError([
      { path: 'code', message: tr('plan.cmd.codeUsedIn', { code: values.code, start: plan.periodStartYear, end: plan.periodEndYear }) },
    ]);
  if (isAdopted(plan.status as PlanStatus)) {
    const proposed = await propose(tx, actor, plan, (changes) => {
      if (changes.some((c) => (c.kind === 'objective.add' || c.kind === 'objective.carry') && c.objectiveCode === values.code)) {
        throw new ValidationError([{ path: 'code', message: tr('plan.cmd.codeProposed', { code: values.code }) }]);
      }
      return [...changes, { kind: 'objective.carry', objectiveCode: values.code, values }];
    });
    return { objective: null, outcome: proposed };
  }
  const objective = await insertCarried(tx, planId, values);
  await auditPlanWrite(tx, actor, plan, {
    action: 'planning.objective.created',
    entityType: 'plan_objective',
    entityId: objective.id,
    after: { ...objective, actions: values.actions },
  });
  return { objective, outcome: 'saved' as EditOutcome };
}

/**
 * For monitoring's carry-over, inside the caller's transaction: records that an objective continues one of the
 * previous plan (its continuity link) — directly, or as a proposed change of its links once the plan is adopted.
 */
export async function linkContinuity(tx: Tx, actor: Actor, objectiveId: string, code: string) {
  const { objective, plan } = await editableObjective(tx, actor, objectiveId);
  const { previousCode } = parseInput(LinkContinuityInput, { previousCode: code });
  const links = objective.links as { continuesObjective: string | null };
  if (links.continuesObjective && links.continuesObjective !== previousCode) {
    throw new ValidationError([{ path: 'targetObjectiveId', message: tr('plan.cmd.continues', { code: objective.code, previous: links.continuesObjective }) }]);
  }
  const after = { ...(objective.links as Record<string, unknown>), continuesObjective: previousCode };
  const fields = objectiveFieldChanges(objective as unknown as Record<string, unknown> & { card: Record<string, unknown> }, {
    links: after,
    card: objective.card as Record<string, unknown>,
  });
  if (fields.length === 0) return { objective, outcome: 'unchanged' as EditOutcome };
  if (isAdopted(plan.status as PlanStatus)) {
    const outcome = await propose(tx, actor, plan, (changes) => withObjectiveUpdate(changes, objective.id, objective.code, fields));
    return { objective, outcome };
  }
  const { before, after: row } = await updateVersioned(tx, planObjectives, objective.id, objective.version, { links: after }, 'l’obiettivo');
  await auditPlanWrite(tx, actor, plan, { action: 'planning.objective.updated', entityType: 'plan_objective', entityId: objective.id, before, after: row });
  return { objective: row, outcome: 'saved' as EditOutcome };
}

/**
 * Saves a chapter's text, in Markdown (app/shared/richtext; problems are named with their line). A chapter still
 * stored as HTML from before rich text is written as Markdown from then on (its HTML is cleared).
 */
export async function updateChapter({ db, actor, chapterId, input }: { db: Db; actor: Actor; chapterId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const [chapter] = await tx.select().from(planChapters).where(eq(planChapters.id, chapterId)).for('update');
    if (!chapter) throw new NotFoundError('Il capitolo');
    const { plan, scope } = await planScope(tx, chapter.planId);
    authorize(actor, 'plan.edit', scope);
    const v = parseInput(ChapterInput, input);
    const markdown = v.markdown.trim() || null;
    if (chapter.version !== v.version) throw new ConflictError('il capitolo', chapter.version);
    if (chapter.markdown === markdown && chapter.html === null) return chapter;
    const { before, after } = await updateVersioned(tx, planChapters, chapterId, v.version, { markdown, html: null }, 'il capitolo');
    await auditPlanWrite(tx, actor, plan, { action: 'planning.chapter.updated', entityType: 'plan_chapter', entityId: chapterId, before, after });
    return after;
  });
}

/** What monitoring records of an action under way: its status and how much of it was realised (0-100, or unknown). */
export interface ActionProgressValues {
  /** The version of the action the user saw. */
  version: number;
  status: string;
  realisationPercent: number | null;
}

/**
 * For monitoring, inside the caller's transaction: records an action's progress (status and realisation
 * percentage, the figures the progress roll-up and the regional grade use). The caller has authorised the write
 * (monitoring's `progress.write`: progress is recorded on a plan under way, which planning's own edits no longer
 * touch). Planning checks that the action exists, that status and percentage agree, and the version the user saw;
 * one audit entry.
 */
export async function recordActionProgress(tx: Tx, actor: Actor, actionId: string, values: ActionProgressValues) {
  const [action] = await tx.select().from(planActions).where(eq(planActions.id, actionId));
  if (!action) throw new NotFoundError('L’azione');
  const { plan } = await objectiveScope(tx, action.objectiveId);
  const { version, status, realisationPercent } = values;
  if (status === 'completed' && realisationPercent !== null && realisationPercent < 100) {
    throw new ValidationError([{ path: 'realisationPercent', message: tr('plan.cmd.completedPercent') }]);
  }
  if ((status === 'not_realised' || status === 'planned') && realisationPercent !== null && realisationPercent > 0) {
    throw new ValidationError([{ path: 'realisationPercent', message: tr('plan.cmd.notRealisedPercent') }]);
  }
  const { before, after } = await updateVersioned(tx, planActions, actionId, version, { status, realisationPercent }, 'l’azione');
  await auditPlanWrite(tx, actor, plan, { action: 'planning.action.progress_updated', entityType: 'plan_action', entityId: actionId, before, after });
  return after;
}
