// Reads of the open call: the Ambito's calls, one call with its tables, its applications (never their password hash),
// the tables one can choose.
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { applications, openCalls, thematicTables } from './participation.schema.ts';

export type CallRow = typeof openCalls.$inferSelect;

export async function listCalls(db: DbOrTx, ambitoId: string) {
  return db.select().from(openCalls).where(eq(openCalls.ambitoId, ambitoId)).orderBy(desc(openCalls.opensOn), asc(openCalls.title));
}

export async function getCall(db: DbOrTx, ambitoId: string, callId: string): Promise<CallRow | null> {
  const [row] = await db
    .select()
    .from(openCalls)
    .where(and(eq(openCalls.id, callId), eq(openCalls.ambitoId, ambitoId)));
  return row ?? null;
}

/** The Ambito's tables one can offer in a call (id, name, period), by period and name. */
export async function listTableChoices(db: DbOrTx, ambitoId: string) {
  return db
    .select({
      id: thematicTables.id,
      name: thematicTables.name,
      kind: thematicTables.kind,
      bodyId: thematicTables.bodyId,
      periodStartYear: thematicTables.periodStartYear,
      periodEndYear: thematicTables.periodEndYear,
    })
    .from(thematicTables)
    .where(eq(thematicTables.ambitoId, ambitoId))
    .orderBy(desc(thematicTables.periodStartYear), asc(thematicTables.name));
}

/** The named tables of the Ambito, in the order of `ids` (unknown ids are left out). */
export async function tablesByIds(db: DbOrTx, ambitoId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: thematicTables.id, name: thematicTables.name, bodyId: thematicTables.bodyId, theme: thematicTables.theme })
    .from(thematicTables)
    .where(and(eq(thematicTables.ambitoId, ambitoId), inArray(thematicTables.id, [...ids])));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** An application's columns that pages and the audit may see: everything but the password hash. */
const shown = {
  id: applications.id,
  version: applications.version,
  callId: applications.callId,
  ambitoId: applications.ambitoId,
  organisationName: applications.organisationName,
  fiscalCode: applications.fiscalCode,
  legalForm: applications.legalForm,
  runtsNumber: applications.runtsNumber,
  policyAreas: applications.policyAreas,
  tableIds: applications.tableIds,
  contactName: applications.contactName,
  contactEmail: applications.contactEmail,
  contactPhone: applications.contactPhone,
  status: applications.status,
  reason: applications.reason,
  submittedAt: applications.createdAt,
  decidedAt: applications.decidedAt,
  decidedBy: applications.decidedBy,
  organisationId: applications.organisationId,
  userId: applications.userId,
};

export async function listApplications(db: DbOrTx, callId: string) {
  return db.select(shown).from(applications).where(eq(applications.callId, callId)).orderBy(asc(applications.createdAt), asc(applications.organisationName));
}

/** One application of the Ambito, with its password hash (for the admission only). */
export async function getApplicationRow(db: DbOrTx, ambitoId: string, applicationId: string) {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.ambitoId, ambitoId)));
  return row ?? null;
}

/** The application of this fiscal code to this call that is not withdrawn, if any. */
export async function activeApplicationOf(db: DbOrTx, callId: string, fiscalCode: string) {
  const rows = await db
    .select({ id: applications.id, status: applications.status })
    .from(applications)
    .where(and(eq(applications.callId, callId), eq(applications.fiscalCode, fiscalCode)));
  return rows.find((r) => r.status !== 'ritirata') ?? null;
}

/** How many applications each call of the Ambito received (withdrawn ones included), by call id. */
export async function listApplicationCounts(db: DbOrTx, ambitoId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ callId: applications.callId, n: count() })
    .from(applications)
    .where(eq(applications.ambitoId, ambitoId))
    .groupBy(applications.callId);
  return new Map(rows.map((r) => [r.callId, r.n]));
}
