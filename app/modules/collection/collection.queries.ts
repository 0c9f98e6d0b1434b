/** Reads of the data requests for the pages, the landing panel and the templates. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { isUuid } from '../../shared/validation.ts';
import { CONTRACT_KINDS, EMPLOYER_KINDS } from '../leps/index.server.ts';
import { comuni } from '../territory/index.server.ts';
import { loadChecks } from './collection.commands.ts';
import { checkItem, isPending, requestProgress, type CollectionItem, type EntryIssue, type EntryState, type ItemValues } from './collection.rules.ts';
import { dataRequestEntries, dataRequestEvents, dataRequestRecipients, dataRequests } from './collection.schema.ts';

export async function getRequest(db: DbOrTx, ambitoId: string, requestId: string) {
  if (!isUuid(requestId)) return null;
  const [r] = await db
    .select()
    .from(dataRequests)
    .where(and(eq(dataRequests.id, requestId), eq(dataRequests.ambitoId, ambitoId)));
  return r ?? null;
}

/** Recipients × items of some requests with their states. */
async function statesOf(db: DbOrTx, requestIds: string[]) {
  if (!requestIds.length) return [];
  return db
    .select({
      requestId: dataRequestEntries.requestId,
      entryId: dataRequestEntries.id,
      item: dataRequestEntries.item,
      state: dataRequestEntries.state,
      comuneId: dataRequestRecipients.comuneId,
      comuneName: comuni.name,
      istat: comuni.istatCode,
    })
    .from(dataRequestEntries)
    .innerJoin(dataRequestRecipients, eq(dataRequestRecipients.id, dataRequestEntries.recipientId))
    .innerJoin(comuni, eq(comuni.id, dataRequestRecipients.comuneId))
    .where(inArray(dataRequestEntries.requestId, requestIds))
    .orderBy(asc(comuni.name));
}

function recipientsOf(rows: Awaited<ReturnType<typeof statesOf>>) {
  const by = new Map<
    string,
    { comuneId: string; name: string; istat: string; states: Partial<Record<CollectionItem, EntryState>>; entries: Partial<Record<CollectionItem, string>> }
  >();
  for (const r of rows) {
    const slot = by.get(r.comuneId) ?? { comuneId: r.comuneId, name: r.comuneName, istat: r.istat, states: {}, entries: {} };
    slot.states[r.item as CollectionItem] = r.state as EntryState;
    slot.entries[r.item as CollectionItem] = r.entryId;
    by.set(r.comuneId, slot);
  }
  return [...by.values()];
}

/** The requests of the Ambito, newest first, with how far each is. */
export async function listRequests(db: DbOrTx, ambitoId: string, today: string) {
  const requests = await db.select().from(dataRequests).where(eq(dataRequests.ambitoId, ambitoId)).orderBy(desc(dataRequests.createdAt));
  const states = await statesOf(
    db,
    requests.map((r) => r.id),
  );
  return requests.map((r) => ({
    request: r,
    progress: requestProgress(r.items as CollectionItem[], recipientsOf(states.filter((s) => s.requestId === r.id)), r.deadline, today),
  }));
}

/** One request with its matrix of recipients × items. */
export async function getRequestMatrix(db: DbOrTx, request: typeof dataRequests.$inferSelect, today: string) {
  const recipients = recipientsOf(await statesOf(db, [request.id]));
  const items = request.items as CollectionItem[];
  return { recipients, items, progress: requestProgress(items, recipients, request.deadline, today) };
}

/** The page of one recipient: each item's figures, state, checks and trail, and the catalogues for the form. */
export async function getEntryPage(db: DbOrTx, request: typeof dataRequests.$inferSelect, comuneId: string) {
  const entries = await db
    .select({ entry: dataRequestEntries })
    .from(dataRequestEntries)
    .innerJoin(dataRequestRecipients, eq(dataRequestRecipients.id, dataRequestEntries.recipientId))
    .where(and(eq(dataRequestEntries.requestId, request.id), eq(dataRequestRecipients.comuneId, comuneId)));
  if (!entries.length) return null;
  const ids = entries.map((e) => e.entry.id);
  const [events, { ctx, catalogue, slots }] = await Promise.all([
    db.select().from(dataRequestEvents).where(inArray(dataRequestEvents.entryId, ids)).orderBy(asc(dataRequestEvents.createdAt)),
    loadChecks(db, request.ambitoId, comuneId, request.year, (request.items as string[]).includes('indicatori')),
  ]);
  const order = request.items as CollectionItem[];
  return {
    entries: order.flatMap((item) => {
      const e = entries.find((x) => x.entry.item === item)?.entry;
      if (!e) return [];
      const issues: EntryIssue[] = e.values ? checkItem(item, e.values as unknown as ItemValues[CollectionItem], ctx) : [];
      return [
        {
          id: e.id,
          item,
          state: e.state as EntryState,
          version: e.version,
          values: (e.values ?? null) as unknown as ItemValues[CollectionItem] | null,
          reasons: e.reasons,
          channel: e.channel,
          returnNote: e.returnNote,
          submittedAt: e.submittedAt?.toISOString() ?? null,
          submittedBy: e.submittedBy,
          validatedAt: e.validatedAt?.toISOString() ?? null,
          validatedBy: e.validatedBy,
          issues,
          events: events
            .filter((ev) => ev.entryId === e.id)
            .map((ev) => ({
              id: ev.id,
              from: ev.fromState as EntryState,
              to: ev.toState as EntryState,
              note: ev.note,
              by: ev.createdBy,
              at: ev.createdAt.toISOString(),
            })),
        },
      ];
    }),
    catalogue: {
      areas: catalogue.areas,
      channels: catalogue.sources.map((s) => ({ code: s.code, name: s.name })),
      employerKinds: [...EMPLOYER_KINDS],
      contracts: [...CONTRACT_KINDS],
    },
    slots,
  };
}

/** What a comune still has to do in the open requests of its Ambito (for its landing page). */
export async function pendingForComune(db: DbOrTx, ambitoId: string, comuneId: string) {
  const rows = await db
    .select({ request: dataRequests, item: dataRequestEntries.item, state: dataRequestEntries.state })
    .from(dataRequestEntries)
    .innerJoin(dataRequests, eq(dataRequests.id, dataRequestEntries.requestId))
    .innerJoin(dataRequestRecipients, eq(dataRequestRecipients.id, dataRequestEntries.recipientId))
    .where(and(eq(dataRequests.ambitoId, ambitoId), eq(dataRequests.status, 'aperta'), eq(dataRequestRecipients.comuneId, comuneId)))
    .orderBy(asc(dataRequests.deadline));
  const by = new Map<string, { request: typeof dataRequests.$inferSelect; items: { item: CollectionItem; state: EntryState }[] }>();
  for (const r of rows) {
    if (!isPending(r.state as EntryState)) continue;
    const slot = by.get(r.request.id) ?? { request: r.request, items: [] };
    slot.items.push({ item: r.item as CollectionItem, state: r.state as EntryState });
    by.set(r.request.id, slot);
  }
  return [...by.values()];
}
