import {
  type Actor,
  type AmbitoScope,
  AMBITO_READERS,
  hasAmbitoRole,
  isComuneReferentOf,
  referentComuneIds,
  UFFICIO_DI_PIANO,
} from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type MonitoringAction = 'monitoring.read' | 'measurement.write' | 'period.lock' | 'progress.write' | 'evaluation.write' | 'carryover' | 'reminder.send';

/** What a monitoring action is checked against: the Ambito, and the plan's status. */
export interface MonitoringScope extends AmbitoScope {
  status?: string;
  /** For a measurement: the comune it belongs to (null = the Ambito as a whole). */
  comuneId?: string | null;
  /** For a measurement: whether the indicator is measured per comune (monitoring.rules.ts isMeasuredPerComune). */
  perComune?: boolean;
}

/** Plans whose measurements and progress are kept: adopted and under way (not drafts, not closed). */
const UNDER_WAY = ['adopted', 'transmitted', 'implementation'];

/**
 * Monitoring policy. Every member role of the Ambito and the Region's reviewer read the monitoring; the Ufficio di
 * Piano (coordinator, staff) enters measurements, action progress and the evaluation grid, carries objectives over
 * and sends the reminders; only the coordinator locks and unlocks an approved period. Measurements and progress are
 * kept only while a plan is under way; the evaluation grid is filled for a plan under way or closed. A comune
 * referent enters the values of its own comune, and only for the indicators measured per comune (never the
 * Ambito's value, never another comune's).
 */
export function can(actor: Actor, action: MonitoringAction, s: MonitoringScope): boolean {
  switch (action) {
    case 'monitoring.read':
      return hasAmbitoRole(actor, s, AMBITO_READERS);
    case 'measurement.write':
      if (!(s.status === undefined || UNDER_WAY.includes(s.status))) return false;
      if (hasAmbitoRole(actor, s, UFFICIO_DI_PIANO)) return true;
      return s.perComune === true && isComuneReferentOf(actor, s, s.comuneId);
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

/** Why a comune referent may not write a measurement, for the command to tell them (null: not a referent's case). */
export type MeasurementRefusal = 'wholeAmbito' | 'otherComune' | 'notPerComune';

/**
 * The reason a measurement write is refused to a comune referent (its own comune only, indicators measured per comune
 * only), so that the refusal says it instead of a bare «non hai i permessi»; null when the write is allowed or the
 * actor is not (only) a referent on a plan under way.
 */
export function measurementRefusal(actor: Actor, s: MonitoringScope): MeasurementRefusal | null {
  if (can(actor, 'measurement.write', s)) return null;
  const referent = referentComuneIds(actor, s.id).length > 0;
  if (!referent || hasAmbitoRole(actor, s, UFFICIO_DI_PIANO) || !(s.status === undefined || UNDER_WAY.includes(s.status))) return null;
  if (!s.comuneId) return 'wholeAmbito';
  return isComuneReferentOf(actor, s, s.comuneId) ? 'notPerComune' : 'otherComune';
}
/**
 * The first check of a measurement, before its input is read: the Ufficio di Piano, or a referent of one of the
 * Ambito's comuni, on a plan under way (which comune and which indicator is checked by authorizeMeasurement).
 */
export function authorizeMeasurementEntry(actor: Actor, s: MonitoringScope): void {
  const open = s.status === undefined || UNDER_WAY.includes(s.status);
  if (open && referentComuneIds(actor, s.id).length > 0) return;
  authorize(actor, 'measurement.write', s);
}

export const abilitiesFor = makeAbilities(can, [
  'monitoring.read',
  'measurement.write',
  'period.lock',
  'progress.write',
  'evaluation.write',
  'carryover',
  'reminder.send',
] as const);
