/**
 * The writes of the data requests: open a request, save or send an entry (by form or by file), validate or send back,
 * remind by digest, close. Each: authorise → validate → one transaction → versioned write → trail and audit. A
 * validated entry is written into the owning module (finance: spending and users; leps: social workers) through its
 * public face, in the same transaction, with its source.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { actorLabel, type Actor } from '../../shared/auth/actor.ts';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { Db, DbOrTx, Tx } from '../../shared/db/client.ts';
import { updateVersioned } from '../../shared/db/versioned.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldIssue } from '../../shared/errors.ts';
import { serverFormat, tr } from '../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { outbox } from '../../shared/mail/outbox.schema.ts';
import { parseInput } from '../../shared/validation.server.ts';
import { isUuid } from '../../shared/validation.ts';
import { roleAssignments, users } from '../accounts/index.server.ts';
import { comuneFigureHistory, readFinanceCatalogue, recordCollectedFigures } from '../finance/index.server.ts';
import { CONTRACT_KINDS, EMPLOYER_KINDS, recordDeclaredPosts } from '../leps/index.server.ts';
import { comuneIndicatorSlots, indicatorValueProblems, recordCollectedMeasurements } from '../monitoring/index.server.ts';
import { ambiti, comuni, listAmbitoComuni } from '../territory/index.server.ts';
import { parseRequestFile } from './collection.files.ts';
import { authorize } from './collection.policy.ts';
import {
  blockingIssues,
  checkItem,
  isPending,
  nextState,
  TEMPLATE_VERSION,
  type CheckContext,
  type CollectionItem,
  type EntryIssue,
  type EntryState,
  type IndicatorValues,
  type ItemValues,
  type SpendingValues,
  type StaffValues,
  type UsersValues,
} from './collection.rules.ts';
import { dataRequestEntries, dataRequestEvents, dataRequestRecipients, dataRequests, type DataRequestEntryRow } from './collection.schema.ts';
import { OpenRequestInput, reasonsFromForm, ReviewInput, valuesFromForm } from './collection.validation.ts';

async function ambitoScope(db: DbOrTx, ambitoId: string) {
  const [a] = await db
    .select({ id: ambiti.id, code: ambiti.code, name: ambiti.name, regionCode: ambiti.regionCode })
    .from(ambiti)
    .where(eq(ambiti.id, ambitoId));
  if (!a) throw new NotFoundError('L’Ambito');
  return a;
}

/** Opens a request to the chosen comuni (members of the Ambito at the end of the year of the figures). */
export async function openRequest({ db, actor, ambitoId, input, today }: { db: Db; actor: Actor; ambitoId: string; input: unknown; today: string }) {
  const ambito = await ambitoScope(db, ambitoId);
  authorize(actor, 'request.manage', ambito);
  const v = parseInput(OpenRequestInput, input);
  const issues: FieldIssue[] = [];
  if (v.deadline < today) issues.push({ path: 'deadline', message: tr('coll.cmd.deadline') });
  const members = await listAmbitoComuni(db, ambitoId, `${v.year}-12-31`);
  const memberIds = new Set(members.map((m) => m.id));
  if (v.comuni.some((c) => !memberIds.has(c))) issues.push({ path: 'comuni', message: tr('coll.cmd.notMember', { year: v.year }) });
  if (issues.length) throw new ValidationError(issues);
  return db.transaction(async (tx) => {
    const [request] = await tx
      .insert(dataRequests)
      .values({
        ambitoId,
        title: v.title,
        year: v.year,
        deadline: v.deadline,
        items: v.items,
        message: v.message,
        templateVersion: TEMPLATE_VERSION,
        openedBy: actorLabel(actor),
      })
      .returning();
    const recipients = await tx
      .insert(dataRequestRecipients)
      .values(v.comuni.map((comuneId) => ({ requestId: request!.id, ambitoId, comuneId })))
      .returning();
    await tx
      .insert(dataRequestEntries)
      .values(recipients.flatMap((r) => v.items.map((item) => ({ requestId: request!.id, recipientId: r.id, ambitoId, item }))));
    await recordAudit(tx, {
      actor,
      action: 'collection.request.opened',
      entityType: 'data_request',
      entityId: request!.id,
      ambitoId,
      after: { ...request, comuni: v.comuni.length },
    });
    return { request: request!, recipients: recipients.length };
  });
}

/** The entry, its request and recipient, locked for the change. */
async function lockEntry(tx: Tx, entryId: string) {
  // A malformed id (a crafted form) is an entry that does not exist, not a database error.
  if (!isUuid(entryId)) throw new NotFoundError(tr('coll.cmd.notFound.entry'));
  const [row] = await tx
    .select({ entry: dataRequestEntries, request: dataRequests, comuneId: dataRequestRecipients.comuneId, comuneName: comuni.name, istat: comuni.istatCode })
    .from(dataRequestEntries)
    .innerJoin(dataRequests, eq(dataRequests.id, dataRequestEntries.requestId))
    .innerJoin(dataRequestRecipients, eq(dataRequestRecipients.id, dataRequestEntries.recipientId))
    .innerJoin(comuni, eq(comuni.id, dataRequestRecipients.comuneId))
    .where(eq(dataRequestEntries.id, entryId))
    .for('update', { of: dataRequestEntries });
  if (!row) throw new NotFoundError(tr('coll.cmd.notFound.entry'));
  return row;
}

/**
 * What the checks know — the catalogues, the comune's recorded figures of the years before and, when the indicators
 * are asked, the indicator × period the comune owes — with the catalogue and the slots themselves for the page.
 */
export async function loadChecks(db: DbOrTx, ambitoId: string, comuneId: string, year: number, withIndicators: boolean) {
  const [catalogue, history, slots] = await Promise.all([
    readFinanceCatalogue(db),
    comuneFigureHistory(db, ambitoId, comuneId),
    withIndicators ? comuneIndicatorSlots(db, ambitoId, comuneId, year) : Promise.resolve([]),
  ]);
  const keys = new Map<string, CheckContext['history'][number]>();
  const slot = (y: number, area: string) => {
    const k = `${y}|${area}`;
    if (!keys.has(k)) keys.set(k, { year: y, area, spendingCents: null, users: null });
    return keys.get(k)!;
  };
  for (const s of history.spending) if (s.year < year) slot(s.year, s.area).spendingCents = (slot(s.year, s.area).spendingCents ?? 0) + s.amountCents;
  for (const u of history.users) if (u.year < year && u.users !== null) slot(u.year, u.area).users = (slot(u.year, u.area).users ?? 0) + u.users;
  const ctx: CheckContext = {
    year,
    areas: catalogue.areas.map((a) => a.code),
    channels: catalogue.sources.map((s) => s.code),
    employerKinds: [...EMPLOYER_KINDS],
    contracts: [...CONTRACT_KINDS],
    history: [...keys.values()],
    indicatorSlots: slots.map((s) => ({
      indicatorId: s.indicatorId,
      period: s.period,
      kind: s.kind,
      locked: s.locked,
      label: `${s.objectiveCode} · ${s.code}`,
    })),
    valueProblems: indicatorValueProblems,
  };
  return { ctx, catalogue, slots };
}

/** The checks' findings in the reader's language, each naming its field, for an error message. */
export function describeIssue(i: EntryIssue): string {
  const f = serverFormat();
  const params = Object.fromEntries(
    Object.entries(i.params).map(([k, v]) => [
      k,
      typeof v === 'number' && ['sum', 'total', 'difference', 'paid', 'committed'].includes(k)
        ? f.money(v)
        : typeof v === 'number' && i.message.startsWith('coll.check.spend') && ['value', 'min', 'max'].includes(k)
          ? f.money(v)
          : v,
    ]),
  );
  return tr(i.message as MessageKey, params);
}

async function trail(tx: Tx, actor: Actor, entry: DataRequestEntryRow, to: EntryState, note: string | null) {
  await tx
    .insert(dataRequestEvents)
    .values({ entryId: entry.id, ambitoId: entry.ambitoId, fromState: entry.state, toState: to, note, createdBy: actorLabel(actor) });
}

type Row = Awaited<ReturnType<typeof lockEntry>>;

/** Refuses a change of an entry that can no longer change: request closed, entry validated. */
function assertChangeable(row: Row) {
  if (row.entry.state === 'validato')
    throw new ValidationError(
      [{ path: 'stato', message: tr('coll.cmd.afterValidation', { when: serverFormat().date(row.entry.validatedAt!.toISOString().slice(0, 10)) }) }],
      tr('coll.cmd.afterValidation', { when: serverFormat().date(row.entry.validatedAt!.toISOString().slice(0, 10)) }),
    );
  if (row.request.status === 'chiusa') throw new ValidationError([{ path: 'stato', message: tr('coll.cmd.closed') }], tr('coll.cmd.closed'));
}

/**
 * Saves (draft) or sends one entry. Sending runs the checks: errors refuse, warnings need a reason; a refused sending
 * writes nothing. `values` come already read (from the form or from a file).
 */
async function writeEntry(
  tx: Tx,
  actor: Actor,
  row: Row,
  values: ItemValues[CollectionItem],
  reasons: Record<string, string>,
  asked: boolean,
  channel: string,
): Promise<{ issues: EntryIssue[]; state: EntryState; pendingReasons: number }> {
  assertChangeable(row);
  const { ctx } = await loadChecks(tx, row.entry.ambitoId, row.comuneId, row.request.year, row.entry.item === 'indicatori');
  const issues = checkItem(row.entry.item as CollectionItem, values, ctx);
  let send = asked;
  let pendingReasons = 0;
  if (asked) {
    // Errors refuse the sending and write nothing. Warnings without a reason keep the figures as a draft, so that the
    // page shows each warning with its reason field: the sending waits for the reasons.
    const blocking = blockingIssues(issues, reasons);
    const errors = blocking.filter((i) => i.level === 'error');
    if (errors.length)
      throw new ValidationError(
        errors.map((i) => ({ path: i.field, message: describeIssue(i) })),
        tr('coll.cmd.refused', { count: errors.length }),
      );
    if (blocking.length) {
      send = false;
      pendingReasons = blocking.length;
    }
  }
  const to = nextState(row.entry.state as EntryState, send ? 'submit' : 'save')!;
  const keptReasons = Object.fromEntries(Object.entries(reasons).filter(([id]) => issues.some((i) => i.id === id)));
  const now = new Date();
  const { before, after } = await updateVersioned(
    tx,
    dataRequestEntries,
    row.entry.id,
    row.entry.version,
    {
      values: values as unknown as Record<string, unknown>,
      reasons: keptReasons,
      state: to,
      channel,
      savedBy: actorLabel(actor),
      ...(send ? { submittedAt: now, submittedBy: actor.kind === 'user' ? actor.name : actorLabel(actor) } : {}),
    },
    tr('coll.cmd.notFound.entry'),
  );
  if (before.state !== to) await trail(tx, actor, before, to, null);
  await recordAudit(tx, {
    actor,
    action: send ? 'collection.entry.submitted' : 'collection.entry.saved',
    entityType: 'data_request_entry',
    entityId: row.entry.id,
    ambitoId: row.entry.ambitoId,
    before,
    after,
  });
  return { issues, state: to, pendingReasons };
}

/** Saves or sends one entry from its form. */
export async function saveEntry({ db, actor, entryId, form }: { db: Db; actor: Actor; entryId: string; form: Record<string, unknown> }) {
  const send = form.do === 'submit';
  return db.transaction(async (tx) => {
    const row = await lockEntry(tx, entryId);
    const scope = { ...(await ambitoScope(tx, row.entry.ambitoId)), comuneId: row.comuneId };
    authorize(actor, 'entry.fill', scope);
    const version = Number(form.version);
    if (!Number.isInteger(version) || version !== row.entry.version) throw new ConflictError(tr('coll.cmd.notFound.entry'), row.entry.version);
    assertChangeable(row);
    const { values, issues } = valuesFromForm(row.entry.item as CollectionItem, form);
    if (issues.length) throw new ValidationError(issues);
    return writeEntry(tx, actor, row, values, reasonsFromForm(form), send, 'modulo');
  });
}

/**
 * Loads a filled file for one recipient: all or nothing. A file of another comune, another year or another template
 * version, an item not asked, an entry already validated or a closed request: refused, nothing written. When
 * `send`, every item of the file is sent and must pass its checks (warnings need reasons: send those from the form).
 */
export async function uploadEntryFile({
  db,
  actor,
  requestId,
  comuneId,
  fileName,
  data,
  send,
}: {
  db: Db;
  actor: Actor;
  requestId: string;
  comuneId: string;
  fileName: string;
  data: Uint8Array;
  send: boolean;
}) {
  const [head] = await db
    .select({ request: dataRequests, recipientId: dataRequestRecipients.id, istat: comuni.istatCode, comuneName: comuni.name })
    .from(dataRequestRecipients)
    .innerJoin(dataRequests, eq(dataRequests.id, dataRequestRecipients.requestId))
    .innerJoin(comuni, eq(comuni.id, dataRequestRecipients.comuneId))
    .where(and(eq(dataRequestRecipients.requestId, requestId), eq(dataRequestRecipients.comuneId, comuneId)));
  if (!head) throw new NotFoundError(tr('coll.cmd.notFound.request'));
  const scope = { ...(await ambitoScope(db, head.request.ambitoId)), comuneId };
  authorize(actor, 'entry.fill', scope);
  const slots = await comuneIndicatorSlots(db, head.request.ambitoId, comuneId, head.request.year);
  const parsed = await parseRequestFile(fileName, data, {
    comuneIstat: head.istat,
    comuneName: head.comuneName,
    year: head.request.year,
    items: head.request.items as CollectionItem[],
    slots,
  });
  if (parsed.issues.length) throw new ValidationError(parsed.issues.slice(0, 50), tr('coll.cmd.fileRefused', { file: fileName, count: parsed.issues.length }));
  return db.transaction(async (tx) => {
    const entries = await tx
      .select({ id: dataRequestEntries.id, item: dataRequestEntries.item })
      .from(dataRequestEntries)
      .where(eq(dataRequestEntries.recipientId, head.recipientId));
    const written: CollectionItem[] = [];
    let pendingReasons = 0;
    for (const [item, values] of Object.entries(parsed.items) as [CollectionItem, ItemValues[CollectionItem]][]) {
      const entry = entries.find((e) => e.item === item);
      if (!entry) continue;
      const row = await lockEntry(tx, entry.id);
      try {
        pendingReasons += (await writeEntry(tx, actor, row, values, row.entry.reasons, send, fileName)).pendingReasons;
      } catch (error) {
        if (error instanceof ValidationError)
          throw new ValidationError(
            error.issues.map((i) => ({ ...i, path: `${fileName}, ${item}: ${i.path}` })),
            tr('coll.cmd.fileRefused', { file: fileName, count: error.issues.length }),
          );
        throw error;
      }
      written.push(item);
    }
    return { items: written, pendingReasons, notice: parsed.notice ?? null };
  });
}

/**
 * The source a validated figure carries into finance, leps and monitoring: which request, which comune sent it and
 * when, when the Ufficio di Piano validated it. The people (who sent, who validated) stay in the request's trail and
 * in the audit log: the source text can reach public pages (the portal lists the sources of the spending it shows).
 */
function sourceOf(row: Row, now: Date) {
  const f = serverFormat();
  return tr('coll.cmd.source', {
    title: row.request.title,
    year: row.request.year,
    comune: row.comuneName,
    sent: row.entry.submittedAt ? f.date(row.entry.submittedAt.toISOString().slice(0, 10)) : '—',
    validated: f.date(now.toISOString().slice(0, 10)),
  });
}

/**
 * Validates a sent entry (its figures enter the Ambito's: finance or leps records them with their source, in this
 * transaction) or sends it back with a note (required).
 */
export async function reviewEntry({ db, actor, entryId, input }: { db: Db; actor: Actor; entryId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const row = await lockEntry(tx, entryId);
    authorize(actor, 'entry.review', { ...(await ambitoScope(tx, row.entry.ambitoId)), comuneId: row.comuneId });
    const v = parseInput(ReviewInput, input);
    if (v.version !== row.entry.version) throw new ConflictError(tr('coll.cmd.notFound.entry'), row.entry.version);
    assertChangeable(row);
    const to = nextState(row.entry.state as EntryState, v.decision);
    if (!to) throw new ValidationError([{ path: 'decision', message: tr('coll.cmd.notSent', { state: tr(`coll.state.${row.entry.state}` as MessageKey) }) }]);
    if (v.decision === 'return' && !v.note) throw new ValidationError([{ path: 'note', message: tr('coll.cmd.returnNote') }]);
    const now = new Date();
    let effect: unknown = null;
    if (v.decision === 'validate') {
      const source = sourceOf(row, now);
      const base = { ambitoId: row.entry.ambitoId, comuneId: row.comuneId, year: row.request.year, source };
      const values = row.entry.values as unknown;
      if (row.entry.item === 'spesa') {
        const s = values as SpendingValues;
        effect = await recordCollectedFigures(tx, actor, {
          ...base,
          spending: s.rows.map((r) => ({
            area: r.area,
            channel: r.channel,
            amountCents: r.committedCents,
            note: r.paidCents === null ? null : `liquidato ${serverFormat().money(r.paidCents)}`,
          })),
          users: null,
        });
      } else if (row.entry.item === 'indicatori') {
        effect = await recordCollectedMeasurements(tx, actor, { ...base, rows: (values as IndicatorValues).rows });
      } else if (row.entry.item === 'utenti') {
        effect = await recordCollectedFigures(tx, actor, { ...base, spending: null, users: (values as UsersValues).rows });
      } else {
        effect = await recordDeclaredPosts(tx, actor, { ...base, posts: (values as StaffValues).posts });
      }
    }
    const { before, after } = await updateVersioned(
      tx,
      dataRequestEntries,
      row.entry.id,
      row.entry.version,
      v.decision === 'validate'
        ? { state: to, validatedAt: now, validatedBy: actor.kind === 'user' ? actor.name : actorLabel(actor), returnNote: null }
        : { state: to, returnNote: v.note },
      tr('coll.cmd.notFound.entry'),
    );
    await trail(tx, actor, before, to, v.note);
    await recordAudit(tx, {
      actor,
      action: v.decision === 'validate' ? 'collection.entry.validated' : 'collection.entry.returned',
      entityType: 'data_request_entry',
      entityId: row.entry.id,
      ambitoId: row.entry.ambitoId,
      before,
      after: { ...after, effect },
    });
    return { state: to, effect };
  });
}

/** Closes a request: nothing more can be sent. */
export async function closeRequest({ db, actor, requestId, input }: { db: Db; actor: Actor; requestId: string; input: unknown }) {
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(dataRequests).where(eq(dataRequests.id, requestId));
    if (!request) throw new NotFoundError(tr('coll.cmd.notFound.request'));
    authorize(actor, 'request.manage', await ambitoScope(tx, request.ambitoId));
    const version = Number((input as { version?: unknown }).version);
    const { before, after } = await updateVersioned(
      tx,
      dataRequests,
      requestId,
      Number.isInteger(version) ? version : -1,
      { status: 'chiusa' },
      tr('coll.cmd.notFound.request'),
    );
    await recordAudit(tx, {
      actor,
      action: 'collection.request.closed',
      entityType: 'data_request',
      entityId: requestId,
      ambitoId: request.ambitoId,
      before,
      after,
    });
    return after;
  });
}

/**
 * Writes the reminders of the Ambito to the outbox: one digest per referent (comune_referent of a comune with
 * something pending in any open request of the Ambito), listing every pending item with its request and deadline.
 * A person already reminded today is not reminded again.
 */
export async function sendReminders({ db, actor, ambitoId, today, baseUrl }: { db: Db; actor: Actor; ambitoId: string; today: string; baseUrl: string }) {
  const ambito = await ambitoScope(db, ambitoId);
  authorize(actor, 'request.manage', ambito);
  const pending = await db
    .select({
      requestId: dataRequests.id,
      title: dataRequests.title,
      deadline: dataRequests.deadline,
      item: dataRequestEntries.item,
      state: dataRequestEntries.state,
      comuneId: dataRequestRecipients.comuneId,
      comuneName: comuni.name,
      istat: comuni.istatCode,
      recipientId: dataRequestRecipients.id,
    })
    .from(dataRequestEntries)
    .innerJoin(dataRequests, eq(dataRequests.id, dataRequestEntries.requestId))
    .innerJoin(dataRequestRecipients, eq(dataRequestRecipients.id, dataRequestEntries.recipientId))
    .innerJoin(comuni, eq(comuni.id, dataRequestRecipients.comuneId))
    .where(and(eq(dataRequests.ambitoId, ambitoId), eq(dataRequests.status, 'aperta')))
    .orderBy(asc(dataRequests.deadline), asc(comuni.name));
  const open = pending.filter((p) => isPending(p.state as EntryState));
  const comuneIds = [...new Set(open.map((p) => p.comuneId))];
  if (comuneIds.length === 0) return { written: 0, skipped: 0 };
  const people = await db
    .selectDistinct({ email: users.email, name: users.name, comuneId: roleAssignments.comuneId })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.ambitoId, ambitoId), eq(roleAssignments.role, 'comune_referent'), inArray(roleAssignments.comuneId, comuneIds)));
  const topic = `collection-digest:${ambitoId}:${today}`;
  return db.transaction(async (tx) => {
    const already = new Set((await tx.select({ to: outbox.toAddress }).from(outbox).where(eq(outbox.topic, topic))).map((r) => r.to));
    const byPerson = new Map<string, { name: string; items: typeof open }>();
    for (const p of people) {
      const mine = open.filter((o) => o.comuneId === p.comuneId);
      if (!mine.length) continue;
      const slot = byPerson.get(p.email) ?? { name: p.name, items: [] };
      slot.items.push(...mine);
      byPerson.set(p.email, slot);
    }
    const f = serverFormat();
    const messages = [...byPerson.entries()]
      .filter(([email]) => !already.has(email))
      .map(([email, { name, items }]) => {
        const comuniNames = [...new Set(items.map((i) => i.comuneName))].join(', ');
        const first = items[0]!;
        const lines = items.map((i) =>
          tr('coll.digest.line', {
            request: i.title,
            deadline: f.date(i.deadline),
            late: i.deadline < today ? tr('coll.digest.late') : '',
            item: tr(`coll.item.${i.item}` as MessageKey),
            state: tr(`coll.state.${i.state}` as MessageKey).toLowerCase(),
          }),
        );
        const body = [
          tr('coll.digest.hello'),
          '',
          tr('coll.digest.intro', { ambito: ambito.name, comune: comuniNames }),
          '',
          ...lines,
          '',
          tr('coll.digest.link', { url: `${baseUrl}/ambiti/${ambito.code}/comuni/${first.istat}/da-fare` }),
          '',
          tr('coll.digest.footer'),
        ].join('\n');
        return { ambitoId, toAddress: email, toName: name, subject: tr('coll.digest.subject', { count: items.length, ambito: ambito.name }), body, topic };
      });
    if (messages.length) await tx.insert(outbox).values(messages);
    const summary = { topic, written: messages.length, skipped: byPerson.size - messages.length, pendingItems: open.length };
    await recordAudit(tx, { actor, action: 'collection.reminders.sent', entityType: 'ambito', entityId: ambitoId, ambitoId, after: summary });
    return summary;
  });
}
