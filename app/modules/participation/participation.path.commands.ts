// The planning path of a plan: the Ufficio di Piano adopts the path its template proposes, then adapts it (add, edit,
// move, remove a step; start and close a step with its date and act). Every command: authorise ('path.write') →
// validate (parseInput, then the date rules of participation.path.rules.ts) → one transaction → versioned write →
// one audit entry. The import (the demo's file) is all-or-nothing and names file, step and field of each problem.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../shared/db/client.ts';
import { ConflictError, ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { translate, type MessageKey } from '../../shared/i18n/messages.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { isIsoDateInRange, isUuid, noControlCharacters, optionalText, refuseControlCharactersInJson, versionField, z } from '../../shared/validation.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { listBodies } from '../governance/index.server.ts';
import { templateParticipationPath } from '../planning/index.server.ts';
import { auditFact, command, found, invalid, updateAudited, type CommandContext } from './participation.command.ts';
import { blocking, closeProblems, plannedProblems, plannedSchedule, moveTarget, startProblems, type DateProblem } from './participation.path.rules.ts';
import { listPathSteps, planInAmbito, romeToday, type PathStepRow } from './participation.path.queries.ts';
import { pathSteps } from './participation.schema.ts';

// ---------------------------------------------------------------------------------------------------------------
// Input

const say = (key: MessageKey, params?: Record<string, string | number>) => ({ error: () => tr(key, params) });

/** A day of the calendar from 1900 to 2100 (the shared date rule). */
const realDate = isIsoDateInRange;

/** A required date (AAAA-MM-GG, a day that exists). */
const requiredDate = (label: MessageKey) =>
  z
    .string(say('part.path.val.dateRequired', { field: tr(label) }))
    .trim()
    .refine((v) => v.length > 0, { ...say('part.path.val.dateRequired', { field: tr(label) }), abort: true })
    .refine(realDate, say('part.path.val.date', { field: tr(label) }));

/** An optional date: empty is null. */
const optionalDate = (label: MessageKey) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || realDate(v), say('part.path.val.date', { field: tr(label) }));

const bodyId = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isUuid(v), say('part.path.val.body'));

/** What describes a step (the add and edit forms). */
const stepFields = () =>
  z.object({
    name: z
      .string(say('part.path.val.name'))
      .refine(...noControlCharacters())
      .trim()
      .min(1, say('part.path.val.name'))
      .max(200, say('part.path.val.name')),
    description: optionalText(2000, tr('part.path.field.description')),
    inputs: optionalText(2000, tr('part.path.field.inputs')),
    outputs: optionalText(2000, tr('part.path.field.outputs')),
    closingBodyId: bodyId,
    closingBodyName: optionalText(200, tr('part.path.field.closingBodyName')),
    plannedFrom: optionalDate('part.path.field.plannedFrom'),
    plannedTo: optionalDate('part.path.field.plannedTo'),
  });
type StepFields = z.infer<ReturnType<typeof stepFields>>;

const AdoptInput = () => z.object({ startOn: optionalDate('part.path.field.startOn') });
const VersionInput = () => z.object({ version: versionField });
const MoveInput = () => z.object({ version: versionField, direction: z.enum(['up', 'down'], say('part.path.val.direction')) });
const StartInput = () => z.object({ version: versionField, startedOn: requiredDate('part.path.field.startedOn') });
const CloseInput = () =>
  z.object({
    version: versionField,
    closedOn: requiredDate('part.path.field.closedOn'),
    closingAct: optionalText(500, tr('part.path.field.closingAct')),
    reason: optionalText(1000, tr('part.path.field.reason')),
  });

type Input = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------------
// Helpers

const STEP = () => tr('part.path.what.step');

async function planOf(tx: Tx, ambitoId: string, planId: string) {
  return found(isUuid(planId) ? planInAmbito(tx, ambitoId, planId) : null, tr('part.path.what.plan'));
}

/** The step (of the Ambito), locked for the rest of the transaction. */
async function stepOf(tx: Tx, ambitoId: string, stepId: string): Promise<PathStepRow> {
  if (!isUuid(stepId)) return found<PathStepRow>(null, STEP());
  const [row] = await tx
    .select()
    .from(pathSteps)
    .where(and(eq(pathSteps.id, stepId), eq(pathSteps.ambitoId, ambitoId)))
    .for('update');
  return found(row, STEP());
}

function checkVersion(step: PathStepRow, version: number) {
  if (step.version !== version) throw new ConflictError(STEP(), step.version);
}

/** The words of a date problem, and the field it belongs to. */
function problemIssue(p: DateProblem, format: (iso: string) => string): FieldIssue {
  switch (p.code) {
    case 'startInFuture':
      return { path: 'startedOn', message: tr('part.path.val.startInFuture') };
    case 'startAfterClose':
      return { path: 'startedOn', message: tr('part.path.val.startAfterClose', { date: format(p.closedOn) }) };
    case 'notStarted':
      return { path: 'closedOn', message: tr('part.path.val.notStarted') };
    case 'closeInFuture':
      return { path: 'closedOn', message: tr('part.path.val.closeInFuture') };
    case 'closeBeforeStart':
      return { path: 'closedOn', message: tr('part.path.val.closeBeforeStart', { date: format(p.startedOn) }) };
    case 'previousOpen':
      return { path: 'reason', message: tr('part.path.val.previousOpen', { step: p.step }) };
    case 'beforePrevious':
      return { path: 'reason', message: tr('part.path.val.beforePrevious', { step: p.step, date: format(p.closedOn) }) };
    case 'plannedOrder':
      return { path: 'plannedTo', message: tr('part.path.val.plannedOrder') };
  }
}

const italianDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function refuse(problems: readonly DateProblem[]) {
  if (problems.length > 0) throw new ValidationError(problems.map((p) => problemIssue(p, italianDate)));
}

/** The closing body of a form: one of the Ambito's bodies (the written name then does not count), or a name, or none. */
async function closingBody(tx: Tx, ambitoId: string, fields: Pick<StepFields, 'closingBodyId' | 'closingBodyName'>) {
  if (!fields.closingBodyId) return { closingBodyId: null, closingBodyName: fields.closingBodyName };
  const bodies = await listBodies(tx, ambitoId);
  if (!bodies.some((b) => b.id === fields.closingBodyId)) invalid('closingBodyId', tr('part.path.val.body'));
  return { closingBodyId: fields.closingBodyId, closingBodyName: null };
}

function describe(fields: StepFields) {
  refuse(plannedProblems(fields.plannedFrom, fields.plannedTo));
  return {
    name: fields.name,
    description: fields.description,
    inputs: fields.inputs,
    outputs: fields.outputs,
    plannedFrom: fields.plannedFrom,
    plannedTo: fields.plannedTo,
  };
}

/** Moves rows to new positions without breaking the (plan, position) uniqueness: first out of the way, then in place. */
async function reposition(tx: Tx, moves: { id: string; position: number }[]) {
  for (const [i, m] of moves.entries())
    await tx
      .update(pathSteps)
      .set({ position: -1 - i })
      .where(eq(pathSteps.id, m.id));
  for (const m of moves)
    await tx
      .update(pathSteps)
      .set({ position: m.position, version: sql`${pathSteps.version} + 1`, updatedAt: new Date() })
      .where(eq(pathSteps.id, m.id));
}

// ---------------------------------------------------------------------------------------------------------------
// Commands

/**
 * Gives a plan that has no path yet the path its template proposes ("Usa il percorso proposto dal modello"). Each step's
 * closing body is the Ambito's body of the type the template names when there is exactly one, else the type's name.
 * With a start date, the planned dates follow the template's typical durations.
 */
export function adoptTemplatePath(ctx: CommandContext, args: { planId: string; input: Input }) {
  return command(ctx, 'path.write', async (tx) => {
    const input = parseInput(AdoptInput(), args.input);
    const plan = await planOf(tx, ctx.ambitoId, args.planId);
    if ((await listPathSteps(tx, plan.id)).length > 0) invalid('planId', tr('part.path.val.hasPath'));
    const proposal = templateParticipationPath(plan.templateId);
    if (!proposal || proposal.steps.length === 0) invalid('planId', tr('part.path.val.noProposal'));
    const bodies = await listBodies(tx, ctx.ambitoId);
    const schedule = input.startOn
      ? plannedSchedule(
          input.startOn,
          proposal.steps.map((s) => s.typicalDurationDays),
        )
      : null;
    const rows = await tx
      .insert(pathSteps)
      .values(
        proposal.steps.map((s, i) => {
          const ofType = bodies.filter((b) => b.type === s.closingBodyType);
          return {
            ambitoId: ctx.ambitoId,
            planId: plan.id,
            position: i + 1,
            templateKey: s.key,
            name: s.name,
            description: s.description ?? null,
            inputs: s.inputs ?? null,
            outputs: s.outputs ?? null,
            closingBodyId: ofType.length === 1 ? ofType[0]!.id : null,
            closingBodyName: ofType.length === 1 ? null : bodyTypeName(s.closingBodyType),
            plannedFrom: schedule?.[i]?.plannedFrom ?? null,
            plannedTo: schedule?.[i]?.plannedTo ?? null,
          };
        }),
      )
      .returning();
    await auditFact(tx, ctx, {
      action: 'path.adopt',
      entityType: 'plan',
      entityId: plan.id,
      after: { template: proposal.templateId, startOn: input.startOn, steps: rows },
    });
    return rows;
  });
}

/** The name of a body type when the Ambito has no single body of it (e.g. «Tavoli tematici»), stored as data in Italian. */
export function bodyTypeName(type: string): string {
  const key = `part.path.bodyType.${type}` as MessageKey;
  const name = translate('it', key);
  return name === key ? type : name;
}

/** Adds a step at the end of the path. */
export function addStep(ctx: CommandContext, args: { planId: string; input: Input }) {
  return command(ctx, 'path.write', async (tx) => {
    const fields = parseInput(stepFields(), args.input);
    const values = describe(fields);
    const plan = await planOf(tx, ctx.ambitoId, args.planId);
    const steps = await listPathSteps(tx, plan.id);
    const [row] = await tx
      .insert(pathSteps)
      .values({
        ambitoId: ctx.ambitoId,
        planId: plan.id,
        position: (steps.at(-1)?.position ?? 0) + 1,
        ...values,
        ...(await closingBody(tx, ctx.ambitoId, fields)),
      })
      .returning();
    await auditFact(tx, ctx, { action: 'path.step.add', entityType: 'participation_path_step', entityId: row!.id, after: row });
    return row!;
  });
}

/** Edits what describes a step (name, texts, closing body, planned dates) under its version. */
export function editStep(ctx: CommandContext, args: { stepId: string; input: Input }) {
  return command(ctx, 'path.write', async (tx) => {
    const fields = parseInput(stepFields().extend({ version: versionField }), args.input);
    const values = describe(fields);
    const step = await stepOf(tx, ctx.ambitoId, args.stepId);
    return updateAudited(tx, ctx, pathSteps, step.id, {
      action: 'path.step.edit',
      entityType: 'participation_path_step',
      version: fields.version,
      what: STEP(),
      patch: { ...values, ...(await closingBody(tx, ctx.ambitoId, fields)) },
    });
  });
}

/** Moves a step one place up or down (the neighbour takes its place). */
export function moveStep(ctx: CommandContext, args: { stepId: string; input: Input }) {
  return command(ctx, 'path.write', async (tx) => {
    const input = parseInput(MoveInput(), args.input);
    const step = await stepOf(tx, ctx.ambitoId, args.stepId);
    checkVersion(step, input.version);
    const steps = await listPathSteps(tx, step.planId);
    const index = steps.findIndex((s) => s.id === step.id);
    const target = moveTarget(index, steps.length, input.direction);
    if (target === null) invalid('direction', tr(input.direction === 'up' ? 'part.path.val.first' : 'part.path.val.last'));
    const other = steps[target]!;
    await reposition(tx, [
      { id: step.id, position: other.position },
      { id: other.id, position: step.position },
    ]);
    await auditFact(tx, ctx, {
      action: 'path.step.move',
      entityType: 'participation_path_step',
      entityId: step.id,
      before: { position: step.position, swappedWith: { id: other.id, position: other.position } },
      after: { position: other.position, swappedWith: { id: other.id, position: step.position } },
    });
  });
}

/** Removes a step; the steps after it move up one place. */
export function removeStep(ctx: CommandContext, args: { stepId: string; input: Input }) {
  return command(ctx, 'path.write', async (tx) => {
    const input = parseInput(VersionInput(), args.input);
    const step = await stepOf(tx, ctx.ambitoId, args.stepId);
    checkVersion(step, input.version);
    await tx.delete(pathSteps).where(eq(pathSteps.id, step.id));
    const after = await tx.select().from(pathSteps).where(eq(pathSteps.planId, step.planId)).orderBy(asc(pathSteps.position));
    await reposition(
      tx,
      after.map((s, i) => ({ id: s.id, position: i + 1 })).filter((m, i) => after[i]!.position !== m.position),
    );
    await auditFact(tx, ctx, { action: 'path.step.remove', entityType: 'participation_path_step', entityId: step.id, before: step });
  });
}

/** Records the day a step started (or corrects it). */
export function startStep(ctx: CommandContext, args: { stepId: string; input: Input; today?: string }) {
  return command(ctx, 'path.write', async (tx) => {
    const input = parseInput(StartInput(), args.input);
    const step = await stepOf(tx, ctx.ambitoId, args.stepId);
    refuse(startProblems(step, input.startedOn, args.today ?? romeToday()));
    return updateAudited(tx, ctx, pathSteps, step.id, {
      action: 'path.step.start',
      entityType: 'participation_path_step',
      version: input.version,
      what: STEP(),
      patch: { startedOn: input.startedOn },
    });
  });
}

/**
 * Records the day a step closed and its act. It closes after it started, not in the future, and after the steps
 * before it: out of order only with a written reason (kept in the audit entry).
 */
export function closeStep(ctx: CommandContext, args: { stepId: string; input: Input; today?: string }) {
  return command(ctx, 'path.write', async (tx) => {
    const input = parseInput(CloseInput(), args.input);
    const step = await stepOf(tx, ctx.ambitoId, args.stepId);
    const steps = await listPathSteps(tx, step.planId);
    const problems = closeProblems(
      steps,
      steps.findIndex((s) => s.id === step.id),
      input.closedOn,
      args.today ?? romeToday(),
    );
    refuse(blocking(problems, input.reason));
    const row = await updateAudited(tx, ctx, pathSteps, step.id, {
      action: 'path.step.close',
      entityType: 'participation_path_step',
      version: input.version,
      what: STEP(),
      patch: { closedOn: input.closedOn, closingAct: input.closingAct },
    });
    if (problems.length > 0)
      await auditFact(tx, ctx, {
        action: 'path.step.closeOutOfOrder',
        entityType: 'participation_path_step',
        entityId: step.id,
        after: { reason: input.reason, problems },
      });
    return row;
  });
}

/** Reopens a closed step (a closing recorded by mistake): its closing date and act are cleared, under its version. */
export function reopenStep(ctx: CommandContext, args: { stepId: string; input: Input }) {
  return command(ctx, 'path.write', async (tx) => {
    const input = parseInput(VersionInput(), args.input);
    const step = await stepOf(tx, ctx.ambitoId, args.stepId);
    if (!step.closedOn) invalid('closedOn', tr('part.path.val.notClosed'));
    return updateAudited(tx, ctx, pathSteps, step.id, {
      action: 'path.step.reopen',
      entityType: 'participation_path_step',
      version: input.version,
      what: STEP(),
      patch: { closedOn: null, closingAct: null },
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Import (a path as a JSON file: the demo's, or one prepared by the Ufficio di Piano)

const fileDate = z
  .string({ message: 'serve una data AAAA-MM-GG' })
  .refine(realDate, 'data non valida: usa il formato AAAA-MM-GG (es. 2024-12-02)')
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const fileText = (max: number) =>
  z
    .string({ message: 'serve un testo' })
    .trim()
    .max(max, `al massimo ${max} caratteri`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const PathFile = z.strictObject({
  plan: z.strictObject({
    periodStartYear: z.number({ message: 'serve un anno' }).int(),
    periodEndYear: z.number({ message: 'serve un anno' }).int(),
  }),
  source: fileText(1000),
  steps: z
    .array(
      z.strictObject({
        key: z
          .string()
          .regex(/^[a-z][a-z0-9_]{0,59}$/, 'chiave non valida: lettere minuscole, cifre e trattino basso')
          .nullable()
          .optional()
          .transform((v) => v ?? null),
        name: z.string({ message: 'serve il nome della fase' }).trim().min(1, 'serve il nome della fase').max(200, 'al massimo 200 caratteri'),
        description: fileText(2000),
        inputs: fileText(2000),
        outputs: fileText(2000),
        /** The name of one of the Ambito's governance bodies, or of whoever closes the step. */
        closingBody: fileText(200),
        plannedFrom: fileDate,
        plannedTo: fileDate,
        startedOn: fileDate,
        closedOn: fileDate,
        closingAct: fileText(500),
        /** Why the step closed out of order (the rules then let it). */
        reason: fileText(1000),
      }),
    )
    .min(1, 'il percorso deve avere almeno una fase')
    .max(30, 'al massimo 30 fasi'),
});

/** Where a zod path points in the file: «fase 3, closedOn». */
function fileWhere(fileName: string, path: readonly PropertyKey[]): string {
  const [first, index, ...rest] = path;
  if (first === 'steps' && typeof index === 'number') return [fileName, `fase ${index + 1}`, ...rest.map(String)].join(', ');
  return [fileName, ...path.map(String)].join(', ');
}

/**
 * Loads a plan's path from a JSON file, all or nothing: the plan must have no path yet and be the plan the file is
 * for (its period); each problem names the file, the step and the field. A closing body named like one of the
 * Ambito's bodies is that body. Nothing is written when any problem is found.
 */
export function importPath(ctx: CommandContext, args: { planId: string; fileName: string; text: string; today?: string }) {
  return command(ctx, 'path.write', async (tx) => {
    const { fileName } = args;
    const refused = (issues: FieldIssue[]) =>
      new ValidationError(issues.slice(0, 50), tr('part.path.import.refused', { file: fileName, count: issues.length }));
    let data: unknown;
    try {
      data = JSON.parse(args.text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw refused([{ path: fileName, message: `il file non è un JSON valido (${(error as Error).message})` }]);
    }
    refuseControlCharactersInJson(data, fileName);
    const parsed = PathFile.safeParse(data);
    if (!parsed.success) {
      throw refused(
        parsed.error.issues.map((i) => {
          const path = i.code === 'unrecognized_keys' && i.keys.length === 1 ? [...i.path, i.keys[0]!] : i.path;
          return { path: fileWhere(fileName, path), message: i.message };
        }),
      );
    }
    const file = parsed.data;
    const plan = await planOf(tx, ctx.ambitoId, args.planId);
    const issues: FieldIssue[] = [];
    if (file.plan.periodStartYear !== plan.periodStartYear || file.plan.periodEndYear !== plan.periodEndYear)
      issues.push({
        path: fileWhere(fileName, ['plan']),
        message: `il file è per il piano ${file.plan.periodStartYear}-${file.plan.periodEndYear}, il piano scelto è ${plan.periodStartYear}-${plan.periodEndYear}`,
      });
    if ((await listPathSteps(tx, plan.id)).length > 0) issues.push({ path: fileName, message: tr('part.path.val.hasPath') });
    const today = args.today ?? romeToday();
    const keys = new Set<string>();
    file.steps.forEach((s, i) => {
      const at = (field: string) => fileWhere(fileName, ['steps', i, field]);
      if (s.key && keys.has(s.key)) issues.push({ path: at('key'), message: `chiave «${s.key}» già usata da un’altra fase` });
      if (s.key) keys.add(s.key);
      const problems = [
        ...plannedProblems(s.plannedFrom, s.plannedTo),
        ...(s.startedOn ? startProblems(s, s.startedOn, today) : []),
        ...(s.closedOn ? blocking(closeProblems(file.steps, i, s.closedOn, today), s.reason) : []),
      ];
      for (const p of problems) {
        const issue = problemIssue(p, italianDate);
        issues.push({ path: at(issue.path === 'reason' ? 'closedOn' : issue.path), message: issue.message });
      }
    });
    if (issues.length > 0) throw refused(issues);
    const bodies = await listBodies(tx, ctx.ambitoId);
    const byName = new Map(bodies.map((b) => [b.name.toLocaleLowerCase('it'), b.id]));
    const rows = await tx
      .insert(pathSteps)
      .values(
        file.steps.map((s, i) => {
          const id = s.closingBody ? byName.get(s.closingBody.toLocaleLowerCase('it')) : undefined;
          return {
            ambitoId: ctx.ambitoId,
            planId: plan.id,
            position: i + 1,
            templateKey: s.key,
            name: s.name,
            description: s.description,
            inputs: s.inputs,
            outputs: s.outputs,
            closingBodyId: id ?? null,
            closingBodyName: id ? null : s.closingBody,
            plannedFrom: s.plannedFrom,
            plannedTo: s.plannedTo,
            startedOn: s.startedOn,
            closedOn: s.closedOn,
            closingAct: s.closingAct,
          };
        }),
      )
      .returning();
    await auditFact(tx, ctx, {
      action: 'path.import',
      entityType: 'plan',
      entityId: plan.id,
      after: { file: fileName, source: file.source, reasons: file.steps.map((s) => s.reason), steps: rows },
    });
    return rows;
  });
}
