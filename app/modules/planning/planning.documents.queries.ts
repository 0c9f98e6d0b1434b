// What the plan document of the reports module reads from planning: the plan as its exchange document — the current
// text, or the frozen baseline adopted by the mayors — and the template it is written on.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { type PlanDocument, parsePlanDocument } from './plan-document.schema.ts';
import { loadPlanDocument } from './planning.document.ts';
import { planSnapshots, plans } from './planning.schema.ts';

export interface PlanVersionSource {
  /** `current`: the plan as it is now; `baseline`: the text frozen at adoption. */
  source: 'current' | 'baseline';
  document: PlanDocument;
  /** The snapshot row for the baseline; null for the current text. */
  snapshotId: string | null;
  snapshotLabel: string | null;
  snapshotAt: Date | null;
}

/** The plan as an exchange document: the current text, or the baseline frozen at adoption (null when there is none). */
export async function loadPlanVersion(db: DbOrTx, planId: string, source: 'current' | 'baseline'): Promise<PlanVersionSource | null> {
  if (source === 'current') {
    const document = await loadPlanDocument(db, planId);
    return document ? { source, document, snapshotId: null, snapshotLabel: null, snapshotAt: null } : null;
  }
  const [row] = await db
    .select({ id: planSnapshots.id, label: planSnapshots.label, document: planSnapshots.document, createdAt: planSnapshots.createdAt })
    .from(planSnapshots)
    .where(and(eq(planSnapshots.planId, planId), eq(planSnapshots.kind, 'baseline')))
    .limit(1);
  if (!row) return null;
  const parsed = parsePlanDocument('versione adottata', JSON.stringify(row.document));
  return { source, document: parsed, snapshotId: row.id, snapshotLabel: row.label, snapshotAt: row.createdAt };
}

/** The frozen baseline of every plan that has one (adopted plans), with its Ambito: one query. */
export async function listAdoptedBaselines(db: DbOrTx): Promise<{ planId: string; ambitoId: string; snapshotId: string }[]> {
  return db
    .select({ planId: planSnapshots.planId, ambitoId: plans.ambitoId, snapshotId: planSnapshots.id })
    .from(planSnapshots)
    .innerJoin(plans, eq(plans.id, planSnapshots.planId))
    .where(eq(planSnapshots.kind, 'baseline'));
}
