import assert from 'node:assert/strict';
import { test } from 'node:test';
import { identityFromClaims, normaliseFiscalCode } from './accounts.oidc.rules.ts';

test('a fiscal code from SPID or CIE loses its TINIT- prefix; anything but a person’s fiscal code is refused', () => {
  assert.equal(normaliseFiscalCode('TINIT-RSSMRA80A01H501U'), 'RSSMRA80A01H501U');
  assert.equal(normaliseFiscalCode('tinit-rssmra80a01h501u'), 'RSSMRA80A01H501U');
  assert.equal(normaliseFiscalCode(' RSS MRA 80A01 H501U '), 'RSSMRA80A01H501U');
  // Omocodia: digits replaced by letters.
  assert.equal(normaliseFiscalCode('RSSMRA80A01H50MU'), 'RSSMRA80A01H50MU');
  for (const bad of ['', 'RSSMRA80A01H501', 'RSSMRA80Z01H501U', '12345678901', 'TINIT-', 'TINIT-12345678901', 'IT-RSSMRA80A01H501U', null, 42, undefined])
    assert.equal(normaliseFiscalCode(bad), null, String(bad));
});

test('the e-mail identifies a person only when the provider verified it', () => {
  const byEmail = { match: 'email', fiscalCodeClaim: 'fiscal_number' } as const;
  assert.deepEqual(identityFromClaims({ sub: 'x', email: 'Giulia.Ferri@Comune.example ', email_verified: true }, byEmail), {
    ok: true,
    identity: { by: 'email', email: 'giulia.ferri@comune.example' },
  });
  assert.deepEqual(identityFromClaims({ sub: 'x', email: 'g@comune.example', email_verified: false }, byEmail), { ok: false, reason: 'unverified' });
  assert.deepEqual(identityFromClaims({ sub: 'x', email: 'g@comune.example' }, byEmail), { ok: false, reason: 'unverified' });
  // Only the boolean of OpenID Connect Core counts, not a string that looks like it.
  assert.deepEqual(identityFromClaims({ sub: 'x', email: 'g@comune.example', email_verified: 'true' }, byEmail), { ok: false, reason: 'unverified' });
  assert.deepEqual(identityFromClaims({ sub: 'x' }, byEmail), { ok: false, reason: 'incomplete' });
  assert.deepEqual(identityFromClaims({ sub: 'x', email: 'non-un-indirizzo', email_verified: true }, byEmail), { ok: false, reason: 'incomplete' });
});

test('the fiscal code is read from the configured claim', () => {
  const spid = { match: 'fiscal_code', fiscalCodeClaim: 'fiscal_number' } as const;
  assert.deepEqual(identityFromClaims({ sub: 'x', fiscal_number: 'TINIT-RSSMRA80A01H501U' }, spid), {
    ok: true,
    identity: { by: 'fiscal_code', fiscalCode: 'RSSMRA80A01H501U' },
  });
  // The e-mail plays no part when matching by fiscal code.
  assert.deepEqual(identityFromClaims({ sub: 'x', email: 'g@comune.example', email_verified: true }, spid), { ok: false, reason: 'incomplete' });
  const keycloak = { match: 'fiscal_code', fiscalCodeClaim: 'codice_fiscale' } as const;
  assert.deepEqual(identityFromClaims({ sub: 'x', codice_fiscale: 'rssmra80a01h501u' }, keycloak), {
    ok: true,
    identity: { by: 'fiscal_code', fiscalCode: 'RSSMRA80A01H501U' },
  });
});
