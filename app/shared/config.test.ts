import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('the public URL is optional, kept without a trailing slash, and must be http or https', () => {
  assert.equal(loadConfig({}).publicUrl, null);
  assert.equal(loadConfig({ CANTIERE_PUBLIC_URL: '' }).publicUrl, null);
  assert.equal(loadConfig({ CANTIERE_PUBLIC_URL: 'https://cantiere.esempio.it/' }).publicUrl, 'https://cantiere.esempio.it');
  assert.throws(
    () => loadConfig({ CANTIERE_PUBLIC_URL: 'ftp://cantiere.esempio.it' }),
    (e: unknown) => e instanceof ConfigError && /CANTIERE_PUBLIC_URL/.test(e.message),
  );
  assert.throws(() => loadConfig({ CANTIERE_PUBLIC_URL: 'cantiere' }), ConfigError);
});

test('sign-in with OpenID Connect: off by default, all or nothing, https issuers (http only on this machine)', () => {
  assert.equal(loadConfig({}).oidc, null);
  const oidc = loadConfig({ CANTIERE_OIDC_ISSUER: 'https://login.regione.example/realms/pa', CANTIERE_OIDC_CLIENT_ID: 'cantiere' }).oidc;
  assert.deepEqual(oidc, {
    issuer: 'https://login.regione.example/realms/pa',
    clientId: 'cantiere',
    clientSecret: null,
    name: 'login.regione.example',
    scopes: 'openid email profile',
    match: 'email',
    fiscalCodeClaim: 'fiscal_number',
  });
  const spid = loadConfig({
    CANTIERE_OIDC_ISSUER: 'http://127.0.0.1:3211',
    CANTIERE_OIDC_CLIENT_ID: 'cantiere',
    CANTIERE_OIDC_CLIENT_SECRET: 'segreto',
    CANTIERE_OIDC_NAME: 'SPID / CIE',
    CANTIERE_OIDC_SCOPES: ' openid  profile ',
    CANTIERE_OIDC_MATCH: 'fiscal_code',
  }).oidc;
  assert.equal(spid?.name, 'SPID / CIE');
  assert.equal(spid?.scopes, 'openid profile');
  assert.equal(spid?.match, 'fiscal_code');
  assert.equal(spid?.clientSecret, 'segreto');
  // All or nothing: an issuer without its client id (or a client id alone) is refused, naming what is missing.
  assert.throws(
    () => loadConfig({ CANTIERE_OIDC_ISSUER: 'https://login.regione.example' }),
    (e: unknown) => e instanceof ConfigError && /CANTIERE_OIDC_CLIENT_ID: manca/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ CANTIERE_OIDC_CLIENT_ID: 'cantiere', CANTIERE_OIDC_NAME: 'SPID' }),
    (e: unknown) => e instanceof ConfigError && /CANTIERE_OIDC_ISSUER: manca/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ CANTIERE_OIDC_ISSUER: 'http://login.regione.example', CANTIERE_OIDC_CLIENT_ID: 'cantiere' }),
    (e: unknown) => e instanceof ConfigError && /CANTIERE_OIDC_ISSUER: .*https/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ CANTIERE_OIDC_ISSUER: 'https://login.regione.example', CANTIERE_OIDC_CLIENT_ID: 'c', CANTIERE_OIDC_MATCH: 'name' }),
    (e: unknown) => e instanceof ConfigError && /CANTIERE_OIDC_MATCH/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ CANTIERE_OIDC_ISSUER: 'https://login.regione.example', CANTIERE_OIDC_CLIENT_ID: 'c', CANTIERE_OIDC_SCOPES: 'email' }),
    (e: unknown) => e instanceof ConfigError && /CANTIERE_OIDC_SCOPES/.test(e.message),
  );
});
