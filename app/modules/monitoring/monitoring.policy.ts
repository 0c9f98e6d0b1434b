import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type MonitoringAction =
  | 'monitoring.read'
  | 'measurement.write'
  | 'period.lock'
  | 'progress.write'
  | 'evaluation.write'
  | 'carryover'
  | 'reminder.send';

/** What a monitoring action is checked against: the Ambito, and the plan's status. */
export interface MonitoringScope extends AmbitoScope {
  status?: string;
}

/** Plans whose measurements and progress are kept: adopted and under way (not drafts, not closed). */
const UNDER_WAY = ['adopted', 'transmitted', 'implementation'];

/**
 * Monitoring policy. Every member role of the Ambito and the Region's reviewer read the monitoring; the Ufficio di
 * Piano (coordinator, staff) enters measurements, action progress and the evaluation grid, carries objectives over
 * and sends the reminders; only the coordinator locks and unlocks an approved period. Measurements and progress are
 * kept only while a plan is under way; the evaluation grid is filled for a plan under way or closed.
 */
export function can(actor: Actor, action: MonitoringAction, s: MonitoringScope): boolean {
  switch (action) {
    case 'monitoring.read':
      return hasAmbitoRole(actor, s, AMBITO_READERS);
    case 'measurement.write':
    case 'progress.write':
      return hasAmbitoRole(actor, s, UFFICIO_DI_PIANO) && (s.status === undefined || UNDER_WAY.includes(s.status));
    case 'period.lock':
      return hasAmbitoRole(actor, s, ['coordinator']) && (s.status === undefined || UNDER_WAY.includes(s.status));
    case 'evaluation.write':
    case 'carryover':
      return hasAmbitoRole(actor, s, UFFICIO_DI_PIANO) && (s.status === undefined || [...UNDER_WAY, 'closed'].includes(s.status));
    case 'reminder.send':
      return hasAmbitoRole(actor, s, UFFICIO_DI_PIANO);
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, [
  'monitoring.read',
  'measurement.write',
  'period.lock',
  'progress.write',
  'evaluation.write',
  'carryover',
  'reminder.send',
] as const);
