// The open call's writes (manifestazione di interesse, art. 55 D.Lgs. 117/2017): the Ufficio di Piano publishes and
// closes a call; anyone applies while it is open; the Ufficio di Piano admits an application — the organisation, its
// contact person, their membership of each chosen table's body (governance's commands, in this transaction), the
// table membership for the plan period and the organisation's account (accounts' enrolMemberAccount) — or rejects it
// with a reason. The applicant's future password hash is cleared at the decision and never reaches the audit log.
import { and, eq, sql } from 'drizzle-orm';
import { actorLabel } from '../../shared/auth/actor.ts';
import { hashPassword } from '../../shared/auth/password.ts';
import type { Db, DbOrTx, Tx } from '../../shared/db/client.ts';
import { dbErrorToAppError, DuplicateError } from '../../shared/db/errors.ts';
import { ConflictError, ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { enrolMemberAccount } from '../accounts/index.server.ts';
import { addMember, bodyMembers, createOrganisation, createPerson, organisations, people } from '../governance/index.server.ts';
import { callState, membershipEnd, organisationKindFor, romeDay, runtsAllowed } from './participation.call.rules.ts';
import { activeApplicationOf, getApplicationRow, getCall, listTableChoices, tablesByIds } from './participation.call.queries.ts';
import { ApplicationInput, CallFile, CallInput, RejectInput, VersionInput } from './participation.call.validation.ts';
import { command, type CommandContext, found, insertAudited, invalid, loadScope, updateAudited } from './participation.command.ts';
import { authorize } from './participation.policy.ts';
import { applications, openCalls, tableMembers } from './participation.schema.ts';
import { refuseControlCharactersInJson } from '../../shared/validation.ts';

const CALL = 'participation_call';

/** parseInput, with the problems of a list's items named by the list (the form's checkboxes share one name). */
function parseForm<T>(schema: Parameters<typeof parseInput<T>>[0], input: unknown): T {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const seen = new Set<string>();
    const issues = error.issues.map((i) => ({ ...i, path: i.path.replace(/\.\d+$/, '') })).filter((i) => !seen.has(i.path) && seen.add(i.path));
    throw new ValidationError(issues);
  }
}
const APPLICATION = 'participation_application';
const MEMBER = 'participation_member';

/** The tables of a form must be tables of the Ambito (`allowed`: and offered by the call). */
async function checkTables(tx: DbOrTx, ambitoId: string, ids: readonly string[], allowed?: readonly string[]) {
  const rows = await tablesByIds(tx, ambitoId, ids);
  if (rows.length !== ids.length || (allowed && ids.some((id) => !allowed.includes(id)))) invalid('tableIds', tr('part.call.val.tableUnknown'));
  return rows;
}

/** Publishes a call: title, text, dates, plan period, the tables one can apply to, privacy notice and retention. */
export async function createCall({ input, ...ctx }: CommandContext & { input: unknown }) {
  return command(ctx, 'call.write', async (tx) => {
    const data = parseForm(CallInput, input);
    await checkTables(tx, ctx.ambitoId, data.tableIds);
    return insertAudited(tx, ctx, openCalls, { ambitoId: ctx.ambitoId, ...data }, { action: 'participation.call.created', entityType: CALL });
  });
}

/** Closes a call before its closing date (no application is accepted afterwards). */
export async function closeCall({ callId, input, now = new Date(), ...ctx }: CommandContext & { callId: string; input: unknown; now?: Date }) {
  return command(ctx, 'call.write', async (tx) => {
    const { version } = parseInput(VersionInput, input);
    const call = await found(getCall(tx, ctx.ambitoId, callId), 'L’avviso');
    if (call.version === version && callState(call, romeDay(now)) === 'chiuso') invalid('version', tr('part.call.cmd.alreadyClosed'));
    return updateAudited(tx, ctx, openCalls, callId, {
      version,
      patch: { closedAt: now },
      what: 'l’avviso',
      action: 'participation.call.closed',
      entityType: CALL,
    });
  });
}

const UNIQUE_APPLICATION = 'participation_applications_call_fiscal_code_unique';

/** True when the error is the unique index of one application per fiscal code and call (translated or not yet). */
function isDuplicateApplication(error: unknown): boolean {
  const refused = dbErrorToAppError(error) ?? error;
  return refused instanceof DuplicateError && refused.constraint === UNIQUE_APPLICATION;
}

const duplicate = (fiscalCode: string) => new ValidationError([{ path: 'fiscalCode', message: tr('part.call.cmd.duplicate', { code: fiscalCode }) }]);

/**
 * An organisation applies to an open call (anyone, signed in or not): the form is checked, the password of the future
 * account hashed, and the application recorded «in esame». Refused with nothing written: a call that is not open, a
 * table the call does not offer, a second application of the same fiscal code to the same call (also when two arrive
 * at once: the unique index answers with the same message). No account exists until the application is admitted.
 */
export async function applyToCall({ callId, input, now = new Date(), ...ctx }: CommandContext & { callId: string; input: unknown; now?: Date }) {
  const scope = await loadScope(ctx.db, ctx.ambitoId);
  authorize(ctx.actor, 'call.apply', scope);
  const { password, privacyAccepted: _accepted, ...data } = parseForm(ApplicationInput, input);
  const call = await found(getCall(ctx.db, ctx.ambitoId, callId), 'L’avviso');
  const state = callState(call, romeDay(now));
  if (state !== 'aperto') invalid('callId', tr(state === 'programmato' ? 'part.call.cmd.notYetOpen' : 'part.call.cmd.closed'));
  await checkTables(ctx.db, ctx.ambitoId, data.tableIds, call.tableIds);
  if (await activeApplicationOf(ctx.db, callId, data.fiscalCode)) throw duplicate(data.fiscalCode);
  const passwordHash = await hashPassword(password);
  try {
    const row = await command(ctx, 'call.apply', async (tx) => {
      // Checked again in the transaction: the call may have been closed while the password was being hashed.
      const current = await found(getCall(tx, ctx.ambitoId, callId), 'L’avviso');
      if (callState(current, romeDay(now)) !== 'aperto') invalid('callId', tr('part.call.cmd.closed'));
      if (await activeApplicationOf(tx, callId, data.fiscalCode)) throw duplicate(data.fiscalCode);
      return insertAudited(
        tx,
        ctx,
        applications,
        { ...data, callId, ambitoId: ctx.ambitoId, passwordHash, status: 'in_esame' },
        { action: 'participation.application.submitted', entityType: APPLICATION },
      );
    });
    const { passwordHash: _hidden, ...shown } = row;
    return shown;
  } catch (error) {
    if (isDuplicateApplication(error)) throw duplicate(data.fiscalCode);
    throw error;
  }
}

/** The application to decide: it must be the version the form showed, and still «in esame». */
async function pendingApplication(tx: Tx, ambitoId: string, applicationId: string, version: number) {
  const app = await found(getApplicationRow(tx, ambitoId, applicationId), 'La domanda');
  if (app.version !== version) throw new ConflictError('la domanda', app.version);
  if (app.status !== 'in_esame') invalid('version', tr('part.call.cmd.alreadyDecided'));
  return app;
}

/**
 * Admits an application, in one transaction: the organisation is created in governance's registry (or the one with the
 * same fiscal code reused), then its contact person (or the person of that organisation with the same e-mail), their
 * membership of each chosen table's body as «componente» from today to 31 December of the period's last year, the
 * table memberships, and the account (a new user with the password chosen when applying, or the third-sector role
 * added to the user who has that e-mail). The application keeps who decided and when; its password hash is cleared.
 */
export async function admitApplication({
  applicationId,
  input,
  now = new Date(),
  ...ctx
}: CommandContext & { applicationId: string; input: unknown; now?: Date }) {
  return command(ctx, 'application.decide', async (tx, scope) => {
    const { version } = parseInput(VersionInput, input);
    const app = await pendingApplication(tx, ctx.ambitoId, applicationId, version);
    const call = await found(getCall(tx, ctx.ambitoId, app.callId), 'L’avviso');
    const tables = await checkTables(tx, ctx.ambitoId, app.tableIds);
    const validFrom = romeDay(now);
    const validTo = membershipEnd(call.periodEndYear);
    if (validFrom > validTo) invalid('version', tr('part.call.cmd.periodOver', { year: call.periodEndYear }));
    const gov = { db: tx as unknown as Db, actor: ctx.actor, ambitoId: ctx.ambitoId };

    const [known] = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.ambitoId, ctx.ambitoId), eq(organisations.fiscalCode, app.fiscalCode)));
    const kind = organisationKindFor(app.legalForm as never);
    const organisation =
      known ??
      (await createOrganisation({
        ...gov,
        input: {
          name: app.organisationName,
          kind,
          fiscalCode: app.fiscalCode,
          runtsNumber: runtsAllowed(app.legalForm as never) ? (app.runtsNumber ?? '') : '',
        },
      }));

    const [samePerson] = await tx
      .select()
      .from(people)
      .where(
        and(eq(people.ambitoId, ctx.ambitoId), eq(people.organisationId, organisation.id), sql`lower(${people.email}) = ${app.contactEmail.toLowerCase()}`),
      );
    const person =
      samePerson ??
      (await createPerson({
        ...gov,
        input: { fullName: app.contactName, roleTitle: tr('part.call.cmd.contactRole'), organisationId: organisation.id, email: app.contactEmail },
      }));

    for (const table of tables) {
      const current = (
        await tx
          .select()
          .from(bodyMembers)
          .where(and(eq(bodyMembers.bodyId, table.bodyId), eq(bodyMembers.personId, person.id)))
      ).find((m) => (m.validFrom ?? '0000-01-01') <= validTo && validFrom <= (m.validTo ?? '9999-12-31'));
      const member =
        current ??
        (await addMember({
          ...gov,
          bodyId: table.bodyId,
          input: { personId: person.id, organisationId: organisation.id, position: 'componente', validFrom, validTo },
        }));
      const [membership] = await tx
        .select()
        .from(tableMembers)
        .where(and(eq(tableMembers.tableId, table.id), eq(tableMembers.organisationId, organisation.id)));
      if (!membership) {
        await insertAudited(
          tx,
          ctx,
          tableMembers,
          { tableId: table.id, organisationId: organisation.id, bodyMemberId: member.id, applicationId: app.id, validFrom, validTo },
          { action: 'participation.member.admitted', entityType: MEMBER },
        );
      } else if (membership.leftOn || membership.validTo < validFrom) {
        // A member that had left (or whose period ended) comes back through this application.
        await updateAudited(tx, ctx, tableMembers, membership.id, {
          version: membership.version,
          patch: { bodyMemberId: member.id, applicationId: app.id, validFrom, validTo, leftOn: null, leftReason: null },
          what: 'la partecipazione al tavolo',
          action: 'participation.member.readmitted',
          entityType: MEMBER,
        });
      }
    }

    const { userId } = await enrolMemberAccount(tx, ctx.actor, {
      ambito: scope,
      email: app.contactEmail,
      name: app.contactName,
      passwordHash: app.passwordHash,
      organisationId: organisation.id,
      organisationName: organisation.name,
    });

    const after = await updateAudited(tx, ctx, applications, app.id, {
      version,
      patch: { status: 'ammessa', reason: null, passwordHash: null, decidedAt: now, decidedBy: actorLabel(ctx.actor), organisationId: organisation.id, userId },
      what: 'la domanda',
      action: 'participation.application.admitted',
      entityType: APPLICATION,
    });
    return { application: { ...after, passwordHash: null }, organisationId: organisation.id, personId: person.id, userId, tables: tables.length };
  });
}

/** Rejects an application with its reason (required); the password hash is cleared and no account is made. */
export async function rejectApplication({
  applicationId,
  input,
  now = new Date(),
  ...ctx
}: CommandContext & { applicationId: string; input: unknown; now?: Date }) {
  return command(ctx, 'application.decide', async (tx) => {
    const { version, reason } = parseInput(RejectInput, input);
    await pendingApplication(tx, ctx.ambitoId, applicationId, version);
    const after = await updateAudited(tx, ctx, applications, applicationId, {
      version,
      patch: { status: 'respinta', reason, passwordHash: null, decidedAt: now, decidedBy: actorLabel(ctx.actor) },
      what: 'la domanda',
      action: 'participation.application.rejected',
      entityType: APPLICATION,
    });
    return { ...after, passwordHash: null };
  });
}

/** A table's name as the importer compares it: lower case, one kind of dash, single spaces. */
export const tableKey = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/** The tables a call file names that the Ambito does not have (the demo waits for the tables' own step). */
export async function missingTables(db: DbOrTx, ambitoId: string, text: string): Promise<string[]> {
  const parsed = CallFile.safeParse(JSON.parse(text));
  if (!parsed.success) return [];
  const known = new Set((await listTableChoices(db, ambitoId)).map((t) => tableKey(t.name)));
  return [...new Set(parsed.data.calls.flatMap((c) => c.tables))].filter((name) => !known.has(tableKey(name)));
}

/**
 * Imports calls from a JSON file (all or nothing): each call with its dates, period, tables (by name), privacy notice
 * and retention. A call the Ambito already has (same title) is left as it is, so a second import changes nothing.
 */
export async function importCalls({ file, ...ctx }: CommandContext & { file: { fileName: string; text: string } }) {
  return command(ctx, 'call.write', async (tx) => {
    const where = (i: number | null, field?: string) =>
      [file.fileName, i === null ? null : `avviso ${i + 1}`, field ? `campo ${field}` : null].filter(Boolean).join(', ');
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch (error) {
      throw new ValidationError([{ path: file.fileName, message: tr('part.call.import.json', { reason: (error as Error).message }) }]);
    }
    refuseControlCharactersInJson(json, file.fileName);
    const parsed = CallFile.safeParse(json);
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map((i) => {
          const [, index, ...rest] = i.path;
          return { path: where(typeof index === 'number' ? index : null, rest.join('.') || undefined), message: i.message };
        }),
      );
    }
    const tables = await listTableChoices(tx, ctx.ambitoId);
    const byName = new Map(tables.map((t) => [tableKey(t.name), t.id]));
    const issues: FieldIssue[] = [];
    const titles = new Set<string>();
    parsed.data.calls.forEach((c, i) => {
      if (c.closesOn < c.opensOn) issues.push({ path: where(i, 'closesOn'), message: tr('part.call.val.closesBeforeOpens') });
      if (c.periodEndYear < c.periodStartYear) issues.push({ path: where(i, 'periodEndYear'), message: tr('part.call.val.periodOrder') });
      if (c.closedOn && c.closedOn < c.opensOn) issues.push({ path: where(i, 'closedOn'), message: tr('part.call.import.closedBeforeOpen') });
      for (const name of c.tables)
        if (!byName.has(tableKey(name))) issues.push({ path: where(i, 'tables'), message: tr('part.call.import.tableUnknown', { name }) });
      if (titles.has(c.title)) issues.push({ path: where(i, 'title'), message: tr('part.call.import.titleRepeated') });
      titles.add(c.title);
    });
    if (issues.length) throw new ValidationError(issues);
    const existing = new Set((await tx.select({ title: openCalls.title }).from(openCalls).where(eq(openCalls.ambitoId, ctx.ambitoId))).map((r) => r.title));
    let created = 0;
    for (const { key: _key, tables: names, closedOn, ...c } of parsed.data.calls) {
      if (existing.has(c.title)) continue;
      await insertAudited(
        tx,
        ctx,
        openCalls,
        {
          ...c,
          ambitoId: ctx.ambitoId,
          tableIds: names.map((n) => byName.get(tableKey(n))!),
          // Closed early: at the end of that day in Italy.
          closedAt: closedOn ? new Date(`${closedOn}T21:59:59Z`) : null,
        },
        { action: 'participation.call.imported', entityType: CALL },
      );
      created++;
    }
    return { calls: created, skipped: parsed.data.calls.length - created };
  });
}
