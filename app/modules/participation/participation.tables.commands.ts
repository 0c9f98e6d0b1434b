// The thematic tables' writes: a table (with its governance body), an organisation's membership and its leaving, an
// organisation's reply to a convocation, and the import of tables, meetings and members from a JSON file. Each goes
// through participation's pipeline (participation.command.ts): authorise → validate → one transaction → versioned
// write → audit. Governance's bodies, people, members and meetings are written only through governance's commands,
// called with this transaction.
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../shared/db/client.ts';
import { NotFoundError, ValidationError, type FieldIssue } from '../../shared/errors.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { isIsoDateInRange, noControlCharacters, refuseControlCharactersInJson, versionField, z } from '../../shared/validation.ts';
import { linkGrantsToOrganisation } from '../accounts/index.server.ts';
import {
  addMember,
  bodies,
  bodyMembers,
  BODY_KINDS,
  createBody,
  createMeeting,
  createOrganisation,
  createPerson,
  endMembership,
  meetings,
  organisations,
  people,
} from '../governance/index.server.ts';
import { auditFact, authorizeAlso, command, type CommandContext, found, insertAudited, invalid, loadScope, updateAudited } from './participation.command.ts';
import { authorize } from './participation.policy.ts';
import { meetingReplies, tableMembers, thematicTables } from './participation.schema.ts';
import { canReplyAt, isMemberOn, REPLIES, romeDay, TABLE_KINDS } from './participation.tables.rules.ts';

// ---------------------------------------------------------------------------------------------------------------
// Inputs

const says = (key: MessageKey, params?: Record<string, string | number>) => ({ error: () => tr(key, params) });
const label = (key: MessageKey) => tr(key);

const requiredText = (field: MessageKey, min: number, max: number) =>
  z
    .string(says('part.tables.val.required', { field: label(field) }))
    .refine(...noControlCharacters())
    .trim()
    .min(min, says('part.tables.val.tooShort', { field: label(field), min }))
    .max(max, says('part.tables.val.tooLong', { field: label(field), max }));

const optionalText = (field: MessageKey, max: number) =>
  z
    .string()
    .refine(...noControlCharacters())
    .trim()
    .max(max, says('part.tables.val.tooLong', { field: label(field), max }))
    .nullish()
    .transform((v) => (v ? v : null));

const optionalUuid = (field: MessageKey) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .pipe(
      z
        .string()
        .uuid(says('part.tables.val.choice', { field: label(field) }))
        .nullable(),
    );

/** A day of the calendar from 1900 to 2100 (the shared date rule). */
const isIsoDay = isIsoDateInRange;
const optionalDay = (field: MessageKey) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDay(v), says('part.tables.val.date', { field: label(field) }));

const year = (field: MessageKey) =>
  z.coerce
    .number(says('part.tables.val.year', { field: label(field) }))
    .int(says('part.tables.val.year', { field: label(field) }))
    .min(2000, says('part.tables.val.year', { field: label(field) }))
    .max(2100, says('part.tables.val.year', { field: label(field) }));

/** Policy areas: the Lombardy letters (A…K) or free areas, from a form (several values, or one per line) or a file. */
const policyAreas = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((v) => [...new Set((Array.isArray(v) ? v : (v ?? '').split(/\r?\n|;/)).map((a) => a.trim()).filter(Boolean))].slice(0, 30))
  .pipe(
    z.array(
      z
        .string()
        .refine(...noControlCharacters())
        .max(200, says('part.tables.val.tooLong', { field: label('part.tables.f.policyAreas'), max: 200 })),
    ),
  );

const tableFields = {
  kind: z.enum(TABLE_KINDS, says('part.tables.val.choice', { field: label('part.tables.f.kind') })),
  name: requiredText('part.tables.f.name', 3, 200),
  theme: optionalText('part.tables.f.theme', 500),
  policyAreas,
  referentPersonId: optionalUuid('part.tables.f.referentPerson'),
  referentName: optionalText('part.tables.f.referentName', 200),
  objectives: optionalText('part.tables.f.objectives', 4000),
  method: optionalText('part.tables.f.method', 4000),
  calendar: optionalText('part.tables.f.calendar', 2000),
  places: optionalText('part.tables.f.places', 2000),
  periodStartYear: year('part.tables.f.periodStart'),
  periodEndYear: year('part.tables.f.periodEnd'),
};

const periodOrder = <T extends { periodStartYear: number; periodEndYear: number }>(t: T, ctx: z.RefinementCtx) => {
  if (t.periodEndYear < t.periodStartYear) ctx.addIssue({ code: 'custom', path: ['periodEndYear'], message: tr('part.tables.val.periodOrder') });
  else if (t.periodEndYear - t.periodStartYear > 5) ctx.addIssue({ code: 'custom', path: ['periodEndYear'], message: tr('part.tables.val.periodLong') });
};

export const TableInput = z
  .object({
    ...tableFields,
    /** An existing governance body to attach (its meetings become the table's); empty: a new body is created. */
    bodyId: optionalUuid('part.tables.f.body'),
    bodyKind: z.enum(BODY_KINDS, says('part.tables.val.choice', { field: label('part.tables.f.bodyKind') })).default('coprogettazione'),
    parentBodyId: optionalUuid('part.tables.f.parentBody'),
  })
  .superRefine(periodOrder);
export const TableEditInput = z.object({ version: versionField, ...tableFields }).superRefine(periodOrder);

export const ReplyInput = z
  .object({
    version: versionField.nullish(),
    reply: z.enum(REPLIES, says('part.mine.val.reply')),
    attendeeName: optionalText('part.mine.f.attendee', 200),
    note: optionalText('part.mine.f.note', 1000),
  })
  .superRefine((r, ctx) => {
    if (r.reply === 'partecipa' && !r.attendeeName) ctx.addIssue({ code: 'custom', path: ['attendeeName'], message: tr('part.mine.val.attendee') });
  });

export const LeaveInput = z.object({
  version: versionField,
  reason: requiredText('part.mine.f.leaveReason', 3, 1000),
  leftOn: optionalDay('part.mine.f.leftOn'),
});

// ---------------------------------------------------------------------------------------------------------------
// Checks shared by the commands

async function checkReferent(tx: DbOrTx, ambitoId: string, personId: string | null) {
  if (!personId) return;
  const [p] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.ambitoId, ambitoId), eq(people.id, personId)));
  if (!p) invalid('referentPersonId', tr('part.tables.cmd.referentMissing'));
}

async function tableInAmbito(tx: DbOrTx, ambitoId: string, tableId: string) {
  const [t] = await tx
    .select()
    .from(thematicTables)
    .where(and(eq(thematicTables.ambitoId, ambitoId), eq(thematicTables.id, tableId)));
  return t ?? null;
}

async function checkNameFree(tx: DbOrTx, ambitoId: string, t: { name: string; periodStartYear: number; periodEndYear: number }, exceptId?: string) {
  const same = await tx
    .select({ id: thematicTables.id, name: thematicTables.name })
    .from(thematicTables)
    .where(
      and(eq(thematicTables.ambitoId, ambitoId), eq(thematicTables.periodStartYear, t.periodStartYear), eq(thematicTables.periodEndYear, t.periodEndYear)),
    );
  if (same.some((s) => s.id !== exceptId && s.name.trim().toLowerCase() === t.name.trim().toLowerCase()))
    invalid('name', tr('part.tables.cmd.nameTaken', { name: t.name, start: t.periodStartYear, end: t.periodEndYear }));
}

const bodyTypeOf = () => 'tavolo_tematico';

/** The table's governance body: an existing one of the Ambito not yet attached to a table, or a new one created now. */
async function bodyFor(
  tx: Tx,
  ctx: CommandContext,
  data: { bodyId: string | null; name: string; theme: string | null; bodyKind: string; parentBodyId: string | null },
  field = 'bodyId',
): Promise<string> {
  if (data.bodyId) {
    const [body] = await tx
      .select({ id: bodies.id, name: bodies.name })
      .from(bodies)
      .where(and(eq(bodies.ambitoId, ctx.ambitoId), eq(bodies.id, data.bodyId)));
    if (!body) invalid(field, tr('part.tables.cmd.bodyMissing'));
    const [taken] = await tx.select({ name: thematicTables.name }).from(thematicTables).where(eq(thematicTables.bodyId, body.id));
    if (taken) invalid(field, tr('part.tables.cmd.bodyTaken', { body: body.name, table: taken.name }));
    return body.id;
  }
  const body = await createBody({
    db: tx,
    actor: ctx.actor,
    ambitoId: ctx.ambitoId,
    input: { name: data.name, type: bodyTypeOf(), kind: data.bodyKind, description: data.theme ?? '', parentBodyId: data.parentBodyId ?? '' },
  });
  return body.id;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

/**
 * Creates a table of the Ambito for a plan period. Its meetings are a governance body's: an existing body is attached
 * (`bodyId`), or a new body of type «tavolo tematico» is created through governance's command in this transaction.
 */
export async function createTable({ input, ...ctx }: CommandContext & { input: unknown }) {
  return command(ctx, 'table.write', async (tx) => {
    const { bodyId, bodyKind, parentBodyId, ...data } = parseInput(TableInput, input);
    await checkReferent(tx, ctx.ambitoId, data.referentPersonId);
    await checkNameFree(tx, ctx.ambitoId, data);
    const body = await bodyFor(tx, ctx, { bodyId, name: data.name, theme: data.theme, bodyKind, parentBodyId });
    return insertAudited(
      tx,
      ctx,
      thematicTables,
      { ambitoId: ctx.ambitoId, ...data, bodyId: body },
      { action: 'participation.table.created', entityType: 'participation_table' },
    );
  });
}

/** Edits a table's facts (kind, name, theme, areas, referent, objectives, method, calendar, places, period; optimistic lock). */
export async function updateTable({ tableId, input, ...ctx }: CommandContext & { tableId: string; input: unknown }) {
  return command(ctx, 'table.write', async (tx) => {
    const { version, ...data } = parseInput(TableEditInput, input);
    await found(tableInAmbito(tx, ctx.ambitoId, tableId), 'Il tavolo');
    await checkReferent(tx, ctx.ambitoId, data.referentPersonId);
    await checkNameFree(tx, ctx.ambitoId, data, tableId);
    return updateAudited(tx, ctx, thematicTables, tableId, {
      version,
      patch: data,
      what: 'il tavolo',
      action: 'participation.table.updated',
      entityType: 'participation_table',
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Replies to convocations

/**
 * An organisation's reply to a meeting of one of its tables: it will take part (with who) or not. Allowed to the
 * third-sector member acting for that organisation, when the organisation is a member of the table on the meeting's
 * day and the meeting has not started; changeable until then (optimistic lock on the reply).
 */
export async function replyToMeeting({
  meetingId,
  organisationId,
  input,
  now = new Date(),
  ...ctx
}: CommandContext & { meetingId: string; organisationId: string; input: unknown; now?: Date }) {
  return command(
    ctx,
    'meeting.reply',
    async (tx) => {
      const data = parseInput(ReplyInput, input);
      const [meeting] = await tx
        .select({ id: meetings.id, bodyId: meetings.bodyId, startsAt: meetings.startsAt })
        .from(meetings)
        .where(and(eq(meetings.ambitoId, ctx.ambitoId), eq(meetings.id, meetingId)));
      if (!meeting) throw new NotFoundError('La riunione');
      const [table] = await tx
        .select({ id: thematicTables.id, name: thematicTables.name })
        .from(thematicTables)
        .where(and(eq(thematicTables.ambitoId, ctx.ambitoId), eq(thematicTables.bodyId, meeting.bodyId)));
      if (!table) invalid('meetingId', tr('part.mine.cmd.notTableMeeting'));
      const [member] = await tx
        .select()
        .from(tableMembers)
        .where(and(eq(tableMembers.tableId, table.id), eq(tableMembers.organisationId, organisationId)));
      if (!member || !isMemberOn(member, romeDay(meeting.startsAt))) invalid('meetingId', tr('part.mine.cmd.notMember', { table: table.name }));
      if (!canReplyAt(meeting.startsAt, now)) invalid('reply', tr('part.mine.cmd.started'));
      const values = {
        reply: data.reply,
        attendeeName: data.reply === 'partecipa' ? data.attendeeName : null,
        note: data.note,
        repliedBy: ctx.actor.kind === 'user' ? ctx.actor.email : 'sistema',
      };
      const [existing] = await tx
        .select({ id: meetingReplies.id })
        .from(meetingReplies)
        .where(and(eq(meetingReplies.meetingId, meetingId), eq(meetingReplies.organisationId, organisationId)));
      if (existing) {
        if (!data.version) invalid('version', tr('part.mine.val.version'));
        return updateAudited(tx, ctx, meetingReplies, existing.id, {
          version: data.version,
          patch: values,
          what: 'la risposta alla convocazione',
          action: 'participation.reply.updated',
          entityType: 'participation_meeting_reply',
        });
      }
      return insertAudited(
        tx,
        ctx,
        meetingReplies,
        { meetingId, organisationId, ...values },
        { action: 'participation.reply.created', entityType: 'participation_meeting_reply' },
      );
    },
    { organisationId },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Membership

/**
 * An organisation leaves a table (its third-sector member, or the Ufficio di Piano for it): the membership records
 * the day (today unless given) and the reason, and the people who sat for the organisation in the table's governance
 * body end their membership that day (governance's endMembership, in this transaction).
 */
export async function leaveTable({ memberId, input, now = new Date(), ...ctx }: CommandContext & { memberId: string; input: unknown; now?: Date }) {
  return ctx.db.transaction(async (tx) => {
    const scope = await loadScope(tx, ctx.ambitoId);
    const [row] = await tx
      .select({ member: tableMembers, table: thematicTables })
      .from(tableMembers)
      .innerJoin(thematicTables, eq(thematicTables.id, tableMembers.tableId))
      .where(and(eq(thematicTables.ambitoId, ctx.ambitoId), eq(tableMembers.id, memberId)));
    // Who may not act for the organisation learns nothing of the membership: the refusal comes before the 404.
    authorizeAlso(ctx, scope, 'membership.leave', row?.member.organisationId ?? null);
    if (!row) throw new NotFoundError('L’adesione al tavolo');
    const { member, table } = row;
    const data = parseInput(LeaveInput, input);
    const leftOn = data.leftOn ?? romeDay(now);
    if (member.leftOn) invalid('reason', tr('part.mine.cmd.alreadyLeft', { date: member.leftOn }));
    if (leftOn < member.validFrom || leftOn > member.validTo)
      invalid('leftOn', tr('part.mine.cmd.leftOutside', { from: member.validFrom, to: member.validTo }));
    const after = await updateAudited(tx, ctx, tableMembers, memberId, {
      version: data.version,
      patch: { leftOn, leftReason: data.reason },
      what: 'l’adesione al tavolo',
      action: 'participation.membership.left',
      entityType: 'participation_member',
    });
    const sitting = await tx
      .select({ id: bodyMembers.id, version: bodyMembers.version })
      .from(bodyMembers)
      .where(
        and(
          eq(bodyMembers.bodyId, table.bodyId),
          eq(bodyMembers.organisationId, member.organisationId),
          or(isNull(bodyMembers.validTo), gt(bodyMembers.validTo, leftOn)),
        ),
      );
    for (const m of sitting)
      await endMembership({
        db: tx,
        actor: ctx.actor,
        ambitoId: ctx.ambitoId,
        bodyId: table.bodyId,
        memberId: m.id,
        input: { version: m.version, validTo: leftOn },
      });
    return { ...after, bodyMembersEnded: sitting.length };
  });
}

/**
 * Adds an organisation of the registry to a table for a period (admissions and the import call it with their
 * transaction). Returns the membership, or the existing one when the organisation is already a member.
 */
export async function addTableMember(
  tx: Tx,
  ctx: CommandContext,
  m: { tableId: string; organisationId: string; validFrom: string; validTo: string; bodyMemberId?: string | null; applicationId?: string | null },
) {
  const scope = await loadScope(tx, ctx.ambitoId);
  authorize(ctx.actor, 'table.write', scope);
  await found(tableInAmbito(tx, ctx.ambitoId, m.tableId), 'Il tavolo');
  const [existing] = await tx
    .select()
    .from(tableMembers)
    .where(and(eq(tableMembers.tableId, m.tableId), eq(tableMembers.organisationId, m.organisationId)));
  if (existing) return { member: existing, created: false };
  const member = await insertAudited(
    tx,
    ctx,
    tableMembers,
    {
      tableId: m.tableId,
      organisationId: m.organisationId,
      validFrom: m.validFrom,
      validTo: m.validTo,
      bodyMemberId: m.bodyMemberId ?? null,
      applicationId: m.applicationId ?? null,
    },
    { action: 'participation.membership.added', entityType: 'participation_member' },
  );
  return { member, created: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Import (fixtures/demo/gallarate/partecipazione/tavoli.json)

const fileText = (max: number) =>
  z
    .string()
    .refine(...noControlCharacters())
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
const fileDay = z.string().refine(isIsoDay, 'data non valida (AAAA-MM-GG)');
const fileTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'ora non valida (HH:MM)');

const TablesFile = z.object({
  periodo: z.object({ inizio: z.number().int().min(2000).max(2100), fine: z.number().int().min(2000).max(2100) }),
  tavoli: z
    .array(
      z.object({
        nome: z.string().trim().min(3).max(200),
        tipo: z.enum(TABLE_KINDS),
        tema: fileText(500),
        aree: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
        /** The governance body of the Ambito it is (by name); absent: a body is created with the table's name. */
        organo: fileText(200),
        natura_organo: z.enum(BODY_KINDS).default('coprogettazione'),
        organo_di_riferimento: fileText(200),
        referente: fileText(200),
        obiettivi: fileText(4000),
        metodo: fileText(4000),
        calendario: fileText(2000),
        luoghi: fileText(2000),
        incontri: z
          .array(
            z.object({
              titolo: z.string().trim().min(3).max(200),
              data: fileDay,
              inizio: fileTime,
              fine: fileTime,
              luogo: z.string().trim().min(1).max(300),
              ordine_del_giorno: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
            }),
          )
          .default([]),
      }),
    )
    .min(1),
  membri: z
    .array(
      z.object({
        organizzazione: z.string().trim().min(2).max(300),
        /** The organisation's kind in the registry, to add it when it is not there yet. */
        tipo: fileText(60),
        codice_fiscale: fileText(16),
        /** The person who sits for it in the tables' bodies (added to the registry when missing). */
        persona: fileText(200),
        tavoli: z.array(z.string().trim().min(3).max(200)).min(1),
        dal: fileDay,
        al: fileDay,
      }),
    )
    .default([]),
});

export interface TablesImportSummary {
  file: string;
  tablesCreated: number;
  tablesSkipped: number;
  meetingsCreated: number;
  membersCreated: number;
  accountsLinked: number;
}

const nameKey = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Imports the tables of a plan period, their meetings (through governance's createMeeting) and their members from a
 * JSON file. All or nothing: every problem is reported with the file, the element and the field, and nothing is
 * written. Idempotent: a table already there (same name and period), a meeting already there (same body and start)
 * and a membership already there are left alone. The accounts whose third-sector grant names a member organisation
 * are linked to it (accounts' linkGrantsToOrganisation).
 */
export async function importTables({ file, ...ctx }: CommandContext & { file: { fileName: string; text: string } }): Promise<TablesImportSummary> {
  return command(ctx, 'table.write', async (tx, scope) => {
    const at = (path: PropertyKey[]) =>
      `${file.fileName}, ${path
        .map((p) => (typeof p === 'number' ? `[${p + 1}]` : String(p)))
        .join(' ')
        .replace(/ \[/g, '[')}`;
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch (e) {
      invalid(file.fileName, tr('part.tables.import.json', { reason: (e as Error).message }));
    }
    refuseControlCharactersInJson(json, file.fileName);
    const parsed = TablesFile.safeParse(json);
    if (!parsed.success)
      throw new ValidationError(
        parsed.error.issues.slice(0, 50).map((i) => ({ path: at(i.path), message: i.message })),
        tr('part.tables.import.failed', { file: file.fileName, count: parsed.error.issues.length }),
      );
    const data = parsed.data;
    const issues: FieldIssue[] = [];
    const period = { periodStartYear: data.periodo.inizio, periodEndYear: data.periodo.fine };
    if (period.periodEndYear < period.periodStartYear) issues.push({ path: at(['periodo', 'fine']), message: tr('part.tables.val.periodOrder') });

    const ambitoBodies = new Map(
      (await tx.select({ id: bodies.id, name: bodies.name }).from(bodies).where(eq(bodies.ambitoId, ctx.ambitoId))).map((b) => [nameKey(b.name), b]),
    );
    const existingTables = await tx
      .select({ id: thematicTables.id, name: thematicTables.name, bodyId: thematicTables.bodyId })
      .from(thematicTables)
      .where(
        and(
          eq(thematicTables.ambitoId, ctx.ambitoId),
          eq(thematicTables.periodStartYear, period.periodStartYear),
          eq(thematicTables.periodEndYear, period.periodEndYear),
        ),
      );
    const tableByName = new Map(existingTables.map((t) => [nameKey(t.name), t]));
    const attached = new Set(
      (await tx.select({ bodyId: thematicTables.bodyId }).from(thematicTables).where(eq(thematicTables.ambitoId, ctx.ambitoId))).map((t) => t.bodyId),
    );
    const fileNames = new Set<string>();
    data.tavoli.forEach((t, i) => {
      if (fileNames.has(nameKey(t.nome))) issues.push({ path: at(['tavoli', i, 'nome']), message: tr('part.tables.import.duplicate', { name: t.nome }) });
      fileNames.add(nameKey(t.nome));
      if (tableByName.has(nameKey(t.nome))) return;
      if (t.organo) {
        const body = ambitoBodies.get(nameKey(t.organo));
        if (!body) issues.push({ path: at(['tavoli', i, 'organo']), message: tr('part.tables.import.bodyUnknown', { name: t.organo }) });
        else if (attached.has(body.id)) issues.push({ path: at(['tavoli', i, 'organo']), message: tr('part.tables.import.bodyTaken', { name: t.organo }) });
      }
      if (t.organo_di_riferimento && !ambitoBodies.has(nameKey(t.organo_di_riferimento)))
        issues.push({ path: at(['tavoli', i, 'organo_di_riferimento']), message: tr('part.tables.import.bodyUnknown', { name: t.organo_di_riferimento }) });
      t.incontri.forEach((m, j) => {
        if (m.fine <= m.inizio) issues.push({ path: at(['tavoli', i, 'incontri', j, 'fine']), message: tr('part.tables.import.endBeforeStart') });
      });
    });
    const registry = await tx
      .select({ id: organisations.id, name: organisations.name, fiscalCode: organisations.fiscalCode })
      .from(organisations)
      .where(eq(organisations.ambitoId, ctx.ambitoId));
    const organisationOf = (m: { organizzazione: string; codice_fiscale: string | null }) =>
      registry.find((o) => (m.codice_fiscale && o.fiscalCode === m.codice_fiscale) || nameKey(o.name) === nameKey(m.organizzazione)) ?? null;
    data.membri.forEach((m, i) => {
      if (!organisationOf(m) && !m.tipo)
        issues.push({ path: at(['membri', i, 'organizzazione']), message: tr('part.tables.import.organisationUnknown', { name: m.organizzazione }) });
      if (m.al < m.dal) issues.push({ path: at(['membri', i, 'al']), message: tr('part.tables.import.endBeforeStart') });
      m.tavoli.forEach((name, j) => {
        if (!fileNames.has(nameKey(name)) && !tableByName.has(nameKey(name)))
          issues.push({ path: at(['membri', i, 'tavoli', j]), message: tr('part.tables.import.tableUnknown', { name }) });
      });
    });
    if (issues.length) throw new ValidationError(issues.slice(0, 50), tr('part.tables.import.failed', { file: file.fileName, count: issues.length }));

    const gov = { db: tx, actor: ctx.actor, ambitoId: ctx.ambitoId };
    const summary: TablesImportSummary = { file: file.fileName, tablesCreated: 0, tablesSkipped: 0, meetingsCreated: 0, membersCreated: 0, accountsLinked: 0 };
    // Tables (and their bodies), then their meetings.
    for (const t of data.tavoli) {
      let table = tableByName.get(nameKey(t.nome));
      if (table) summary.tablesSkipped++;
      else {
        const bodyId = await bodyFor(
          tx,
          ctx,
          {
            bodyId: t.organo ? ambitoBodies.get(nameKey(t.organo))!.id : null,
            name: t.nome,
            theme: t.tema,
            bodyKind: t.natura_organo,
            parentBodyId: t.organo_di_riferimento ? ambitoBodies.get(nameKey(t.organo_di_riferimento))!.id : null,
          },
          'organo',
        );
        const [row] = await tx
          .insert(thematicTables)
          .values({
            ambitoId: ctx.ambitoId,
            ...period,
            kind: t.tipo,
            name: t.nome,
            theme: t.tema,
            policyAreas: t.aree,
            referentName: t.referente,
            objectives: t.obiettivi,
            method: t.metodo,
            calendar: t.calendario,
            places: t.luoghi,
            bodyId,
          })
          .returning({ id: thematicTables.id, name: thematicTables.name, bodyId: thematicTables.bodyId });
        table = row!;
        tableByName.set(nameKey(t.nome), table);
        summary.tablesCreated++;
      }
      const held = await tx.select({ startsAt: meetings.startsAt }).from(meetings).where(eq(meetings.bodyId, table.bodyId));
      for (const m of t.incontri) {
        const input = { title: m.titolo, date: m.data, startTime: m.inizio, endTime: m.fine, place: m.luogo, agenda: m.ordine_del_giorno.join('\n') };
        const day = romeDayTime(m.data, m.inizio);
        if (held.some((h) => romeDayTime(romeDay(h.startsAt), romeTime(h.startsAt)) === day)) continue;
        await createMeeting({ ...gov, bodyId: table.bodyId, input });
        summary.meetingsCreated++;
      }
    }
    // Members: the organisation (added to the registry when missing), the person who sits for it, the memberships.
    for (const m of data.membri) {
      let organisation = organisationOf(m);
      if (!organisation) {
        const created = await createOrganisation({ ...gov, input: { name: m.organizzazione, kind: m.tipo, fiscalCode: m.codice_fiscale ?? '' } });
        organisation = { id: created.id, name: created.name, fiscalCode: created.fiscalCode };
        registry.push(organisation);
      }
      let personId: string | null = null;
      if (m.persona) {
        const [person] = await tx
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.ambitoId, ctx.ambitoId), eq(people.fullName, m.persona)));
        personId = person?.id ?? (await createPerson({ ...gov, input: { fullName: m.persona, organisationId: organisation.id } })).id;
      }
      for (const name of m.tavoli) {
        const table = tableByName.get(nameKey(name))!;
        let bodyMemberId: string | null = null;
        if (personId) {
          const [sitting] = await tx
            .select({ id: bodyMembers.id })
            .from(bodyMembers)
            .where(and(eq(bodyMembers.bodyId, table.bodyId), eq(bodyMembers.personId, personId)));
          bodyMemberId =
            sitting?.id ??
            (
              await addMember({
                ...gov,
                bodyId: table.bodyId,
                input: { personId, organisationId: organisation.id, position: 'componente', validFrom: m.dal, validTo: m.al },
              })
            ).id;
        }
        const { created } = await addTableMember(tx, ctx, {
          tableId: table.id,
          organisationId: organisation.id,
          validFrom: m.dal,
          validTo: m.al,
          bodyMemberId,
        });
        if (created) summary.membersCreated++;
      }
      summary.accountsLinked += await linkGrantsToOrganisation(tx, ctx.actor, scope, organisation.name, organisation.id);
    }
    await auditFact(tx, ctx, { action: 'participation.tables.imported', entityType: 'import', entityId: file.fileName, after: summary });
    return summary;
  });
}

const ROME_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const romeTime = (d: Date) => ROME_TIME.format(d);
const romeDayTime = (day: string, time: string) => `${day}T${time}`;
