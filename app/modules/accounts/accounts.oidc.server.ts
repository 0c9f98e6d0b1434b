// Sign-in with an OpenID Connect identity provider (a regional identity provider, a SPID/CIE OIDC gateway, Keycloak…),
// through openid-client: authorization code flow with PKCE, state and nonce. The identity the provider proves (verified
// e-mail or fiscal code) opens a session for the Cantiere account it belongs to; no account is ever created here.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { recordAudit } from '../../shared/audit/audit.ts';
import type { OidcConfig } from '../../shared/config.ts';
import type { Db } from '../../shared/db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { safeLocalPath } from '../../shared/http/redirect.ts';
import { log } from '../../shared/log.ts';
import { identityFromClaims, type OidcIdentity } from './accounts.oidc.rules.ts';
import { accountLinks, oidcRequests, users } from './accounts.schema.ts';
import { forgetSpentLinks, openSession, selfActor, sha256 } from './accounts.server.ts';

/** The cookie that ties the browser to its sign-in in progress (a random id; the table keeps its SHA-256). */
export const OIDC_COOKIE = 'cantiere_oidc';
/** Where the provider sends the browser back (registered at the provider as `<public address>/accedi/oidc/ritorno`). */
export const OIDC_CALLBACK_PATH = '/accedi/oidc/ritorno';
/** How long a sign-in may stay at the provider (the person types, confirms with the app, …). */
export const OIDC_REQUEST_TTL_MINUTES = 10;

/** Why a sign-in with the provider was refused; each has its message in the dictionary (`signin.oidc.refused.<reason>`). */
const OIDC_REFUSALS = ['unknown', 'unverified', 'incomplete', 'disabled', 'expired', 'failed', 'denied', 'unavailable', 'off'] as const;
export type OidcRefusalReason = (typeof OIDC_REFUSALS)[number];
export const isOidcRefusalReason = (v: unknown): v is OidcRefusalReason => OIDC_REFUSALS.includes(v as OidcRefusalReason);

const STATUS: Record<OidcRefusalReason, number> = {
  unknown: 403,
  unverified: 403,
  incomplete: 403,
  disabled: 403,
  expired: 400,
  failed: 400,
  denied: 401,
  unavailable: 502,
  off: 404,
};

export class OidcRefusal extends AppError {
  readonly reason: OidcRefusalReason;
  constructor(reason: OidcRefusalReason) {
    super(`accounts.oidc_${reason}`, { key: `signin.oidc.refused.${reason}` }, STATUS[reason]);
    this.reason = reason;
  }
}

// ---------------------------------------------------------------- the provider's metadata

/** Metadata is read again after this long (keys are fetched again by openid-client whenever a new one signs). */
const DISCOVERY_TTL_MS = 60 * 60_000;
/** Seconds to wait for the provider on each request. */
const PROVIDER_TIMEOUT_SECONDS = 10;
const discovered = new Map<string, { at: number; configuration: Promise<oidc.Configuration> }>();

/**
 * The provider's configuration for openid-client: its metadata from `<issuer>/.well-known/openid-configuration`,
 * read once per process (and again after an hour, or after a failure). An unreachable provider is an
 * OidcRefusal('unavailable'), logged with the cause.
 */
async function providerConfiguration(settings: OidcConfig, now = Date.now()): Promise<oidc.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
  let entry = discovered.get(key);
  if (!entry || now - entry.at > DISCOVERY_TTL_MS) {
    const issuer = new URL(settings.issuer);
    // http is accepted by the configuration only on this machine (a provider started by the tests): openid-client
    // refuses it unless told.
    const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
    const configuration = oidc.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret ?? undefined,
      // The client secret goes in HTTP Basic, the method every provider must support (RFC 6749 § 2.3.1) and OpenID
      // Connect's default; without a secret the client is public and proves itself with PKCE only.
      settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
      { execute, timeout: PROVIDER_TIMEOUT_SECONDS },
    );
    entry = { at: now, configuration };
    discovered.set(key, entry);
    configuration.catch(() => {
      if (discovered.get(key) === entry) discovered.delete(key);
    });
  }
  try {
    return await entry.configuration;
  } catch (error) {
    log.error('fornitore d’identità OpenID Connect irraggiungibile o non conforme', { issuer: settings.issuer, error });
    throw new OidcRefusal('unavailable');
  }
}

/** Forgets the metadata read so far (tests that start a new provider on the same address). */
export function forgetProviderConfigurations() {
  discovered.clear();
}

// ---------------------------------------------------------------- the flow

/**
 * Starts a sign-in: a new state, nonce and PKCE verifier, kept in `oidc_requests` under the SHA-256 of a random id
 * that the browser keeps in the OIDC_COOKIE; returns the provider's authorization URL to send the browser to.
 * `redirectUri` is `<public address>/accedi/oidc/ritorno`; `redirectTo` (a local path, checked again here) is where
 * the browser goes once signed in.
 */
export async function startOidcSignIn({
  db,
  settings,
  redirectUri,
  redirectTo,
  now = new Date(),
}: {
  db: Db;
  settings: OidcConfig;
  redirectUri: string;
  redirectTo?: string | null;
  now?: Date;
}): Promise<{ authorizationUrl: URL; requestId: string }> {
  const configuration = await providerConfiguration(settings);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const requestId = randomBytes(32).toString('base64url');
  // Sign-ins abandoned at the provider are cleared by the next ones.
  await db.delete(oidcRequests).where(lt(oidcRequests.expiresAt, now));
  await db.insert(oidcRequests).values({
    id: sha256(requestId),
    state,
    nonce,
    codeVerifier,
    redirectUri,
    redirectTo: safeLocalPath(redirectTo),
    createdAt: now,
    expiresAt: new Date(now.getTime() + OIDC_REQUEST_TTL_MINUTES * 60_000),
  });
  const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: settings.scopes,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { authorizationUrl, requestId };
}

/**
 * Completes a sign-in when the provider sends the browser back (`callbackUrl`, with its `code` and `state`, or its
 * `error`): the sign-in in progress is taken from the browser's cookie (`requestId`) and used up; the code is exchanged
 * with the PKCE verifier over TLS straight from the token endpoint, the ID token checked (issuer, audience, expiry,
 * nonce; its signature is not checked, as OIDC Core 3.1.3.7 allows for a token received this way), the claims read (from the user
 * info endpoint when the ID token lacks them); the identity finds its account, which must be active; a session is
 * opened (audit: `accounts.session.created`, method `oidc`), ending the one the browser had. Any refusal is an
 * OidcRefusal with its reason.
 */
export async function finishOidcSignIn({
  db,
  settings,
  requestId,
  callbackUrl,
  userAgent,
  previousSession,
  now = new Date(),
}: {
  db: Db;
  settings: OidcConfig;
  requestId: string | null | undefined;
  callbackUrl: URL;
  userAgent?: string | null;
  previousSession?: string | null;
  now?: Date;
}): Promise<{ token: string; user: { id: string; email: string; name: string }; redirectTo: string }> {
  if (!requestId) throw new OidcRefusal('expired');
  // Used once: deleted as it is read, so a replayed answer finds nothing.
  const [pending] = await db
    .delete(oidcRequests)
    .where(eq(oidcRequests.id, sha256(requestId)))
    .returning();
  if (!pending || pending.expiresAt.getTime() <= now.getTime()) throw new OidcRefusal('expired');
  const configuration = await providerConfiguration(settings);
  // The answer's parameters on the exact redirect URI that was sent (which a proxy in front may not show as the request's).
  const current = new URL(pending.redirectUri);
  current.search = callbackUrl.search;

  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims()!;
    claims = { ...idClaims };
    // Providers often put the person's attributes in the user info only (oidc-provider and Keycloak do, unless told).
    const needed = settings.match === 'email' ? ['email', 'email_verified'] : [settings.fiscalCodeClaim];
    if (needed.some((c) => !(c in idClaims)) && configuration.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...idClaims, ...info, sub: idClaims.sub };
    }
  } catch (error) {
    throw refusalFor(error, settings);
  }

  const outcome = identityFromClaims(claims, settings);
  if (!outcome.ok) {
    log.info('accesso OpenID Connect rifiutato', { reason: outcome.reason, issuer: settings.issuer, sub: claims.sub });
    throw new OidcRefusal(outcome.reason);
  }
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, active: users.active })
      .from(users)
      .where(accountOf(outcome.identity));
    if (!user || !user.active) {
      const reason = user ? 'disabled' : 'unknown';
      log.info('accesso OpenID Connect rifiutato', { reason, issuer: settings.issuer, sub: claims.sub, match: outcome.identity.by });
      throw new OidcRefusal(reason);
    }
    // An invitation still waiting is accepted by this sign-in: its link, a live credential in a mailbox, stops working
    // (a password can still be chosen later with «Password dimenticata?»).
    const accepted = await tx
      .update(accountLinks)
      .set({ usedAt: now })
      .where(and(eq(accountLinks.userId, user.id), eq(accountLinks.purpose, 'invitation'), isNull(accountLinks.usedAt)))
      .returning({ id: accountLinks.id });
    if (accepted.length) {
      await forgetSpentLinks(tx, now);
      await recordAudit(tx, {
        actor: selfActor(user),
        action: 'accounts.user.invitation_accepted',
        entityType: 'user',
        entityId: user.id,
        after: { via: 'oidc' },
      });
    }
    const token = await openSession(tx, user, { method: 'oidc', previousSession, userAgent, now });
    return { token, user: { id: user.id, email: user.email, name: user.name }, redirectTo: safeLocalPath(pending.redirectTo) };
  });
}

/** The account an identity belongs to: the e-mail or the fiscal code, as the unique indexes compare them. */
const accountOf = (identity: OidcIdentity) =>
  identity.by === 'email' ? sql`lower(${users.email}) = ${identity.email}` : sql`upper(${users.fiscalCode}) = ${identity.fiscalCode}`;

/** A failure of the exchange with the provider, as a refusal: cancelled by the person, provider unreachable, or an invalid answer. */
function refusalFor(error: unknown, settings: OidcConfig): OidcRefusal {
  if (error instanceof oidc.AuthorizationResponseError) {
    const reason = error.error === 'access_denied' ? 'denied' : 'failed';
    log.info('il fornitore d’identità ha risposto con un errore', { issuer: settings.issuer, error: error.error, description: error.error_description });
    return new OidcRefusal(reason);
  }
  const name = error instanceof Error ? error.name : '';
  const unreachable = name === 'TimeoutError' || name === 'AbortError' || (error instanceof TypeError && /fetch failed/i.test(error.message));
  log.warn(unreachable ? 'fornitore d’identità irraggiungibile' : 'risposta del fornitore d’identità non valida', { issuer: settings.issuer, error });
  return new OidcRefusal(unreachable ? 'unavailable' : 'failed');
}
