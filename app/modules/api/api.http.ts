import { createHash } from 'node:crypto';
import type { Actor } from '../../shared/auth/actor.ts';

/**
 * Conditional reads of the API. Every successful read carries a strong ETag computed from the exact bytes of its body
 * (sha-256, base64url): it changes whenever anything the caller sees changes — a row written, added or deleted, a name
 * of a comune, the caller's view (public or internal) — and never otherwise, which an ETag built from the rows'
 * versions alone would not guarantee for deletions and derived figures. A request whose `If-None-Match` names it gets
 * a 304 without body: the queries still run, but nothing is sent again.
 */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"`;
}

/**
 * True when `If-None-Match` names this ETag (or is `*`). The comparison is the weak one RFC 9110 prescribes for
 * If-None-Match: a `W/` prefix added by a proxy that re-compressed the body still matches.
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/**
 * Caching of a read. A signed-in caller (session or token) may see internal figures and drafts: `private, no-cache`
 * keeps the answer out of shared caches and makes the client revalidate every time (a 304 costs no body), so a write
 * or a revoked role shows at once. An anonymous caller sees only public data, identical for everyone: `public,
 * max-age=60` lets browsers and shared caches (a proxy, a CDN in front of the portal) serve it for one minute, which
 * bounds how stale a public figure can be after a write while sparing the database the repeated reads of harvesters
 * and dashboards. `Vary: Authorization, Cookie` keeps the two apart in any cache.
 */
export function cacheHeaders(actor: Actor): Record<string, string> {
  return {
    'Cache-Control': actor.kind === 'anonymous' ? 'public, max-age=60' : 'private, no-cache',
    Vary: 'Authorization, Cookie',
  };
}
