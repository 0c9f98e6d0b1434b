// Where the public reads a plan: anonymous visitors never see the planning module's internal work pages (completeness,
// variations, drafts, history); an adopted plan and its objectives are on the Ambito's public portal (portal module),
// any other plan asks them to sign in.
import { redirect } from 'react-router';
import type { Actor } from '../../shared/auth/actor.ts';
import { can, type PlanScope } from './planning.policy.ts';

/** The portal page of a plan (`periodo` names the plan: one per Ambito and period) or of one of its objectives. */
export function publicPlanPath(ambitoCode: string, plan: { periodStartYear: number; periodEndYear: number }, objectiveCode?: string): string {
  const base = `/portale/${encodeURIComponent(ambitoCode)}/piano`;
  const path = objectiveCode === undefined ? base : `${base}/obiettivi/${encodeURIComponent(objectiveCode)}`;
  return `${path}?periodo=${plan.periodStartYear}-${plan.periodEndYear}`;
}

/** An anonymous visitor asking for an internal page of a public plan is sent to its portal page (`to`). */
export function sendAnonymousToPortal(actor: Actor, scope: PlanScope, to: string): void {
  if (actor.kind === 'anonymous' && can(actor, 'plan.public', scope)) throw redirect(to);
}
