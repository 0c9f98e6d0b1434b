/**
 * Whether two periods of ISO days share at least one day. Both ends are included; a missing start means «since ever»,
 * a missing end «still running». The one rule behind every «periods must not overlap» check (memberships of a body,
 * social worker posts, declarations of a comune).
 */
export interface Period {
  from: string | null;
  to: string | null;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  return (a.from ?? '0000-01-01') <= (b.to ?? '9999-12-31') && (b.from ?? '0000-01-01') <= (a.to ?? '9999-12-31');
}
