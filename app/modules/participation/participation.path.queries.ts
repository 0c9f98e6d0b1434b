// Reading a plan's planning path: its steps in order, each with its state on a day, where the plan stands, the bodies
// that close the steps (governance's, through its face) and the path the plan's template proposes (planning's face).
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../shared/db/client.ts';
import { listBodies } from '../governance/index.server.ts';
import { getPlanHeader, templateParticipationPath } from '../planning/index.server.ts';
import { wherePlanStands, stepState, type PathPosition, type StepState } from './participation.path.rules.ts';
import { pathSteps } from './participation.schema.ts';

export type PathStepRow = typeof pathSteps.$inferSelect;

/** Today in Italy (Europe/Rome) as an ISO date: the day the states of the steps are computed on. */
export function romeToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The steps of a plan's path, in order. */
export function listPathSteps(db: DbOrTx, planId: string): Promise<PathStepRow[]> {
  return db.select().from(pathSteps).where(eq(pathSteps.planId, planId)).orderBy(asc(pathSteps.position));
}

/** A plan of the Ambito (null when the plan does not exist or belongs to another Ambito). */
export async function planInAmbito(db: DbOrTx, ambitoId: string, planId: string) {
  const header = await getPlanHeader(db, planId);
  if (!header || header.plan.ambitoId !== ambitoId) return null;
  return header.plan;
}

export interface PathStepView extends PathStepRow {
  number: number;
  state: StepState;
  /** The name of the body that closes the step: the governance body's, or the name written for it. */
  closingBody: string | null;
}

export interface PathView {
  steps: PathStepView[];
  position: PathPosition | null;
  today: string;
}

/** The path of a plan as its pages show it, on `today`. */
export async function getPathView(db: DbOrTx, ambitoId: string, planId: string, today = romeToday()): Promise<PathView> {
  const rows = await listPathSteps(db, planId);
  const bodies = rows.some((r) => r.closingBodyId) ? await listBodies(db, ambitoId) : [];
  const names = new Map(bodies.map((b) => [b.id, b.name]));
  const steps = rows.map((r, i) => ({
    ...r,
    number: i + 1,
    state: stepState(r, today),
    closingBody: (r.closingBodyId ? names.get(r.closingBodyId) : null) ?? r.closingBodyName ?? null,
  }));
  return { steps, position: wherePlanStands(rows, today), today };
}

/** The path a plan's template proposes (read-only), or null when its template is unknown. */
export function proposedPath(templateId: string) {
  return templateParticipationPath(templateId);
}

/** The Ambito's governance bodies, for the «closing body» choice. */
export async function closingBodyChoices(db: DbOrTx, ambitoId: string) {
  return (await listBodies(db, ambitoId)).map((b) => ({ id: b.id, name: b.name, type: b.type }));
}
