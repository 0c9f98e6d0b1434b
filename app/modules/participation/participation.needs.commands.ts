// The needs register's writes: the Ufficio di Piano records and edits needs (need.write), a third-sector member brings a
// need for its organisation (need.submit); duplicates are merged keeping both histories; needs are linked to the
// objectives they produced. Every write: authorise → validate → one transaction → version → one audit entry.
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../shared/db/client.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { isUuid, noControlCharacters, optionalText, versionField, z } from '../../shared/validation.ts';
import { memberOrganisationIds } from '../../shared/auth/actor.ts';
import { meetings } from '../governance/index.server.ts';
import { planObjectives, plans } from '../planning/index.server.ts';
import { listAmbitoComuni } from '../territory/index.server.ts';
import { auditFact, command, type CommandContext, found, insertAudited, invalid, type ParticipationScope, updateAudited } from './participation.command.ts';
import { linksToMove, mergeRefusal, NEED_PRIORITIES, NEED_SOURCES } from './participation.needs.rules.ts';
import { needObjectives, needs, questionnaires, thematicTables } from './participation.schema.ts';

const optionalId = (label: () => string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isUuid(v), { error: () => tr('part.needs.error.unknown', { what: label() }) });

/** Everything a need says, as the Ufficio di Piano records it (an organisation's need has no priority yet). */
const needFields = {
  statement: z
    .string({ error: () => tr('part.needs.error.statement') })
    .refine(...noControlCharacters())
    .trim()
    .min(3, { error: () => tr('part.needs.error.statement') })
    .max(4000),
  targetGroup: optionalText(300, 'destinatari'),
  policyArea: optionalText(200, 'area di policy'),
  category: optionalText(300, 'categoria'),
  tableId: optionalId(() => tr('part.needs.field.table')),
  planId: optionalId(() => tr('part.needs.field.plan')),
  meetingId: optionalId(() => tr('part.needs.field.meeting')),
  questionnaireId: optionalId(() => tr('part.needs.field.questionnaire')),
  sourceNote: optionalText(500, 'nota sulla fonte'),
  evidence: optionalText(4000, 'evidenze'),
  comuneIds: z
    .array(z.string())
    .default([])
    .transform((ids) => [...new Set(ids.filter((id) => id !== ''))]),
};

const recordSchema = z.object({
  ...needFields,
  sourceKind: z.enum(NEED_SOURCES, { error: () => tr('part.needs.error.source') }),
  priority: z
    .enum(['', ...NEED_PRIORITIES], { error: () => tr('part.needs.error.priority') })
    .nullish()
    .transform((v) => (v ? v : null)),
});
const updateSchema = recordSchema.extend({ version: versionField });
const submitSchema = z.object({
  ...needFields,
  organisationId: z.string({ error: () => tr('part.needs.error.organisation') }).refine(isUuid, { error: () => tr('part.needs.error.organisation') }),
});

export type NeedInput = Record<string, unknown>;

/** The references of a need must be the Ambito's own: its tables, plans, meetings, questionnaires and comuni. */
async function checkReferences(
  tx: Tx,
  scope: ParticipationScope,
  v: { tableId: string | null; planId: string | null; meetingId: string | null; questionnaireId: string | null; comuneIds: string[] },
) {
  if (v.tableId) {
    const [t] = await tx
      .select({ id: thematicTables.id })
      .from(thematicTables)
      .where(and(eq(thematicTables.id, v.tableId), eq(thematicTables.ambitoId, scope.id)));
    if (!t) invalid('tableId', tr('part.needs.error.unknown', { what: tr('part.needs.field.table') }));
  }
  if (v.planId) {
    const [p] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.id, v.planId), eq(plans.ambitoId, scope.id)));
    if (!p) invalid('planId', tr('part.needs.error.unknown', { what: tr('part.needs.field.plan') }));
  }
  if (v.meetingId) {
    const [m] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, v.meetingId), eq(meetings.ambitoId, scope.id)));
    if (!m) invalid('meetingId', tr('part.needs.error.unknown', { what: tr('part.needs.field.meeting') }));
  }
  if (v.questionnaireId) {
    const [q] = await tx
      .select({ id: questionnaires.id })
      .from(questionnaires)
      .where(and(eq(questionnaires.id, v.questionnaireId), eq(questionnaires.ambitoId, scope.id)));
    if (!q) invalid('questionnaireId', tr('part.needs.error.unknown', { what: tr('part.needs.field.questionnaire') }));
  }
  if (v.comuneIds.length) {
    const own = new Set((await listAmbitoComuni(tx, scope.id)).map((c) => c.id));
    if (v.comuneIds.some((id) => !own.has(id))) invalid('comuneIds', tr('part.needs.error.comune'));
  }
}

/** The Ufficio di Piano records a need (from a meeting, a questionnaire, the services' data, a comune or an organisation). */
export function recordNeed(ctx: CommandContext, input: NeedInput) {
  return command(ctx, 'need.write', async (tx, scope) => {
    const v = parseInput(recordSchema, input);
    await checkReferences(tx, scope, v);
    return insertAudited(tx, ctx, needs, { ...v, ambitoId: scope.id, organisationId: null }, { action: 'need.record', entityType: 'need' });
  });
}

/** A third-sector member brings a need for its own organisation (the Ufficio di Piano weighs its priority later). */
export function submitNeed(ctx: CommandContext, input: NeedInput) {
  const organisationId = typeof input.organisationId === 'string' && isUuid(input.organisationId) ? input.organisationId : null;
  return command(
    ctx,
    'need.submit',
    async (tx, scope) => {
      const v = parseInput(submitSchema, input);
      // The organisation must be one the member acts for (the Ufficio di Piano may record for any, through need.write).
      if (!memberOrganisationIds(ctx.actor, scope.id).includes(v.organisationId)) throw new ForbiddenError(tr('part.needs.error.organisation'));
      await checkReferences(tx, scope, v);
      return insertAudited(
        tx,
        ctx,
        needs,
        { ...v, ambitoId: scope.id, sourceKind: 'organizzazione', priority: null },
        { action: 'need.submit', entityType: 'need' },
      );
    },
    { organisationId },
  );
}

async function needOf(tx: Tx, scope: ParticipationScope, needId: string) {
  const [n] = isUuid(needId)
    ? await tx
        .select()
        .from(needs)
        .where(and(eq(needs.id, needId), eq(needs.ambitoId, scope.id)))
    : [];
  return found(n, tr('part.needs.what'));
}

/** The Ufficio di Piano edits a need under its version. */
export function updateNeed(ctx: CommandContext, needId: string, input: NeedInput) {
  return command(ctx, 'need.write', async (tx, scope) => {
    const { version, ...v } = parseInput(updateSchema, input);
    const need = await needOf(tx, scope, needId);
    await checkReferences(tx, scope, v);
    return updateAudited(tx, ctx, needs, need.id, { action: 'need.update', entityType: 'need', version, patch: v, what: tr('part.needs.what') });
  });
}

const mergeSchema = z.object({
  fromId: z.string({ error: () => tr('part.needs.error.mergeFrom') }).refine(isUuid, { error: () => tr('part.needs.error.mergeFrom') }),
  version: versionField,
});

/**
 * Merges need B (`fromId`, at its `version`) into need A (`needId`): B is marked merged into A and stays readable, B's
 * objective links move to A (union), and the audit log keeps both records' histories (B's change, A's new links).
 */
export function mergeNeeds(ctx: CommandContext, needId: string, input: NeedInput) {
  return command(ctx, 'need.write', async (tx, scope) => {
    const v = parseInput(mergeSchema, input);
    const into = await needOf(tx, scope, needId);
    const [from] = await tx
      .select()
      .from(needs)
      .where(and(eq(needs.id, v.fromId), eq(needs.ambitoId, scope.id)));
    if (!from) invalid('fromId', tr('part.needs.error.mergeFrom'));
    const refusal = mergeRefusal(into, from);
    if (refusal) invalid('fromId', tr(`part.needs.error.merge.${refusal}`));
    const links = async (id: string) =>
      (await tx.select({ objectiveId: needObjectives.objectiveId }).from(needObjectives).where(eq(needObjectives.needId, id))).map((l) => l.objectiveId);
    const moved = linksToMove(await links(into.id), await links(from.id));
    const merged = await updateAudited(tx, ctx, needs, from.id, {
      action: 'need.merge',
      entityType: 'need',
      version: v.version,
      patch: { mergedIntoId: into.id, mergedAt: new Date() },
      what: tr('part.needs.what'),
    });
    const who = ctx.actor.kind === 'user' ? ctx.actor.email : 'sistema';
    if (moved.length) await tx.insert(needObjectives).values(moved.map((objectiveId) => ({ needId: into.id, objectiveId, linkedBy: who })));
    await tx.delete(needObjectives).where(eq(needObjectives.needId, from.id));
    await auditFact(tx, ctx, {
      action: 'need.merge.received',
      entityType: 'need',
      entityId: into.id,
      after: { mergedFrom: from.id, statement: from.statement, movedObjectiveIds: moved },
    });
    return merged;
  });
}

const linkSchema = z.object({
  objectiveId: z.string({ error: () => tr('part.needs.error.objective') }).refine(isUuid, { error: () => tr('part.needs.error.objective') }),
});

/** An objective of one of the Ambito's plans (the link's other end); refused, naming the field, otherwise. */
export async function objectiveOfAmbito(tx: Tx, scope: ParticipationScope, objectiveId: string) {
  const [o] = await tx
    .select({ id: planObjectives.id })
    .from(planObjectives)
    .innerJoin(plans, eq(plans.id, planObjectives.planId))
    .where(and(eq(planObjectives.id, objectiveId), eq(plans.ambitoId, scope.id)));
  if (!o) invalid('objectiveId', tr('part.needs.error.objective'));
  return o;
}

/** Links a need to an objective it produced (a need merged into another is linked through that one). */
export function linkNeedObjective(ctx: CommandContext, needId: string, input: NeedInput) {
  return command(ctx, 'need.write', async (tx, scope) => {
    const v = parseInput(linkSchema, input);
    const need = await needOf(tx, scope, needId);
    if (need.mergedIntoId) invalid('objectiveId', tr('part.needs.error.linkMerged'));
    await objectiveOfAmbito(tx, scope, v.objectiveId);
    const [existing] = await tx
      .select({ id: needObjectives.id })
      .from(needObjectives)
      .where(and(eq(needObjectives.needId, need.id), eq(needObjectives.objectiveId, v.objectiveId)));
    if (existing) invalid('objectiveId', tr('part.needs.error.linked'));
    return insertAudited(
      tx,
      ctx,
      needObjectives,
      { needId: need.id, objectiveId: v.objectiveId, linkedBy: ctx.actor.kind === 'user' ? ctx.actor.email : 'sistema' },
      { action: 'need.link', entityType: 'need', entityId: need.id },
    );
  });
}

/** Removes a need's link to an objective. */
export function unlinkNeedObjective(ctx: CommandContext, needId: string, input: NeedInput) {
  return command(ctx, 'need.write', async (tx, scope) => {
    const v = parseInput(linkSchema, input);
    const need = await needOf(tx, scope, needId);
    const removed = await tx
      .delete(needObjectives)
      .where(and(eq(needObjectives.needId, need.id), eq(needObjectives.objectiveId, v.objectiveId)))
      .returning();
    if (!removed.length) invalid('objectiveId', tr('part.needs.error.notLinked'));
    await auditFact(tx, ctx, { action: 'need.unlink', entityType: 'need', entityId: need.id, before: removed[0] });
  });
}

/** The needs of the given ids that belong to the Ambito (for the import's and the trail's checks). */
export async function needIdsOfAmbito(tx: Tx, ambitoId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  return (
    await tx
      .select({ id: needs.id })
      .from(needs)
      .where(and(eq(needs.ambitoId, ambitoId), inArray(needs.id, [...ids])))
  ).map((r) => r.id);
}
