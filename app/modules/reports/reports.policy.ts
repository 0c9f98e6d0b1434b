import { type Actor, type AmbitoScope, AMBITO_READERS, hasAmbitoRole, type Role, UFFICIO_DI_PIANO } from '../../shared/auth/actor.ts';
import { makeAbilities, makeAuthorize } from '../../shared/auth/policy.ts';

export type ReportsAction =
  'glossary.read' | 'glossary.edit' | 'document.read' | 'document.generate' | 'impact.read' | 'impact.edit' | 'impact.publish' | 'returns.read';

/**
 * Who reads the national and regional returns (adempimenti): the Ufficio di Piano, which files them; the mayors, who
 * answer for them politically (the Assemblea dei Sindaci approves the accounts the funds' returns come from); the
 * Region's reviewer, who receives the regional ones. Not comune referents nor third-sector members: a return is the
 * Ambito's act, and its sources list the records of every comune.
 */
const RETURNS_READERS: readonly Role[] = [...UFFICIO_DI_PIANO, 'mayor', 'regional_reviewer'];

/** What a reports action is checked against: the Ambito, and what makes a document or a report public. */
export interface ReportsScope extends AmbitoScope {
  /** A plan document of the text adopted by the mayors (the portal publishes it). */
  adoption?: boolean;
  /** A published social-impact report. */
  published?: boolean;
}

/**
 * The reports policy, one for the module.
 * - Glossary: public (it explains the words of the plan the portal publishes); the Ufficio di Piano (coordinator,
 *   staff) — and the administrator — writes it.
 * - Plan documents: the Ufficio di Piano generates them; every member role of the Ambito and the Region's reviewer
 *   read them; anyone reads the document of the adopted text. A document of a draft is never public.
 * - Social-impact report: anyone reads a published report; a draft only the Ambito's members and the Region's reviewer;
 *   the Ufficio di Piano creates, edits, publishes and withdraws it.
 * - Returns (adempimenti, returns.rules.ts): read by RETURNS_READERS; nothing to write (they are built from the records).
 */
export function can(actor: Actor, action: ReportsAction, s: ReportsScope): boolean {
  switch (action) {
    case 'glossary.read':
      return true;
    case 'document.read':
      return s.adoption === true || hasAmbitoRole(actor, s, AMBITO_READERS);
    case 'impact.read':
      return s.published === true || hasAmbitoRole(actor, s, AMBITO_READERS);
    case 'glossary.edit':
    case 'document.generate':
    case 'impact.edit':
    case 'impact.publish':
      return hasAmbitoRole(actor, s, UFFICIO_DI_PIANO);
    case 'returns.read':
      return hasAmbitoRole(actor, s, RETURNS_READERS);
  }
}

export const authorize = makeAuthorize(can);
export const abilitiesFor = makeAbilities(can, [
  'glossary.read',
  'glossary.edit',
  'document.read',
  'document.generate',
  'impact.read',
  'impact.edit',
  'impact.publish',
  'returns.read',
] as const);
