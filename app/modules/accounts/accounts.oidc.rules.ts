// Sign-in with an OpenID Connect provider: which identity the provider's claims prove, with no I/O.

/**
 * A person's codice fiscale: 6 letters (surname, name), year, month letter, day, Belfiore code, check letter; the
 * digits may be replaced by the omocodia letters L M N P Q R S T U V. Only the form is checked here: the identity
 * provider is the authority on the code it proves.
 */
const PERSON_FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/**
 * A fiscal code as Cantiere keeps it (16 characters, uppercase), or null when the value is not a person's fiscal code.
 * SPID and CIE give it as `TINIT-<codice fiscale>` (the ETSI form: TIN, then the country): the prefix is dropped.
 */
export function normaliseFiscalCode(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const code = value
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^TINIT-/, '');
  return PERSON_FISCAL_CODE.test(code) ? code : null;
}

/** How the identity proved by the provider finds its Cantiere account. */
export type OidcIdentity = { by: 'email'; email: string } | { by: 'fiscal_code'; fiscalCode: string };

type IdentityOutcome = { ok: true; identity: OidcIdentity } | { ok: false; reason: 'unverified' | 'incomplete' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The identity the claims prove: the e-mail, only when the provider says it verified it (`email_verified: true`, a
 * boolean as OpenID Connect Core § 5.1 defines it), or the fiscal code from its claim. `incomplete`: the claim that
 * identifies the person is missing or malformed; `unverified`: the e-mail is there but not verified.
 */
export function identityFromClaims(
  claims: Readonly<Record<string, unknown>>,
  settings: { match: 'email' | 'fiscal_code'; fiscalCodeClaim: string },
): IdentityOutcome {
  if (settings.match === 'fiscal_code') {
    const fiscalCode = normaliseFiscalCode(claims[settings.fiscalCodeClaim]);
    return fiscalCode ? { ok: true, identity: { by: 'fiscal_code', fiscalCode } } : { ok: false, reason: 'incomplete' };
  }
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!EMAIL.test(email)) return { ok: false, reason: 'incomplete' };
  if (claims.email_verified !== true) return { ok: false, reason: 'unverified' };
  return { ok: true, identity: { by: 'email', email } };
}
