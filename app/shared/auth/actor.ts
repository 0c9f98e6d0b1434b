/**
 * Who is acting. Roles are always scoped (ADR 0003): to an Ambito, a comune of an Ambito, an organisation
 * within an Ambito, a Region, or — only for the system administrator — to nothing.
 */
export const ROLES = ['admin', 'coordinator', 'staff', 'comune_referent', 'third_sector', 'mayor', 'regional_reviewer'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: Role;
  ambitoId: string | null;
  comuneId: string | null;
  organisationName: string | null;
  /** For a third-sector member: the id of its organisation in the Ambito's registry (null when not linked yet). */
  organisationId: string | null;
  regionCode: string | null;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; label: string }
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string;
      locale: string;
      grants: RoleGrant[];
      /** How the request was authenticated. */
      via: 'session' | 'token' | 'calendar';
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous: Actor = { kind: 'anonymous' };
export const systemActor = (label: string): Actor => ({ kind: 'system', label });

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'anonymous':
      return 'anonimo';
    case 'system':
      return `sistema: ${actor.label}`;
    case 'user':
      return `${actor.name} <${actor.email}>`;
  }
}

/** The scope a role can be checked against: an Ambito record (its id and its Region). */
export interface AmbitoScope {
  id: string;
  regionCode: string;
}

export const isAdmin = (actor: Actor) => actor.kind === 'system' || (actor.kind === 'user' && actor.grants.some((g) => g.role === 'admin'));

/** True when the actor holds one of `roles` for this Ambito (the administrator always does). */
export function hasAmbitoRole(actor: Actor, ambito: AmbitoScope, roles: readonly Role[]): boolean {
  if (isAdmin(actor)) return true;
  if (actor.kind !== 'user') return false;
  return actor.grants.some((g) => {
    if (!roles.includes(g.role)) return false;
    if (g.role === 'regional_reviewer') return g.regionCode === ambito.regionCode;
    return g.ambitoId === ambito.id;
  });
}

/** Ufficio di Piano roles: the ones that write the plan and keep the Ambito's data. */
export const UFFICIO_DI_PIANO: readonly Role[] = ['coordinator', 'staff'];
/** Every role that is a member of an Ambito or reviews it: the ones that can read its internal pages. */
export const AMBITO_READERS: readonly Role[] = ['coordinator', 'staff', 'comune_referent', 'third_sector', 'mayor', 'regional_reviewer'];

/**
 * The comuni of this Ambito the actor is the referent of (role `comune_referent` with a comune). A comune referent
 * acts for its own comune only: its figures, never the Ambito's, never another comune's.
 */
export function referentComuneIds(actor: Actor, ambitoId: string): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((g) => g.role === 'comune_referent' && g.ambitoId === ambitoId && g.comuneId !== null).map((g) => g.comuneId!);
}

/** True when the actor is the referent of this very comune of this Ambito. */
export function isComuneReferentOf(actor: Actor, ambito: Pick<AmbitoScope, 'id'>, comuneId: string | null | undefined): boolean {
  return !!comuneId && referentComuneIds(actor, ambito.id).includes(comuneId);
}

/** The organisations of this Ambito the actor acts for as a third-sector member (grants linked to the registry). */
export function memberOrganisationIds(actor: Actor, ambitoId: string): string[] {
  if (actor.kind !== 'user') return [];
  return actor.grants.filter((g) => g.role === 'third_sector' && g.ambitoId === ambitoId && g.organisationId !== null).map((g) => g.organisationId!);
}
