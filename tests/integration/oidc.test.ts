import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { RouterContextProvider } from 'react-router';
import { systemActor } from '../../app/shared/auth/actor.ts';
import { auditLog } from '../../app/shared/audit/audit.schema.ts';
import { loadConfig, type OidcConfig } from '../../app/shared/config.ts';
import { requestContext, servicesContext, type RequestState } from '../../app/shared/http/context.ts';
import { ValidationError } from '../../app/shared/errors.ts';
import { actorFromSession, createUser, setUserActive, signIn } from '../../app/modules/accounts/accounts.server.ts';
import {
  finishOidcSignIn,
  forgetProviderConfigurations,
  OidcRefusal,
  startOidcSignIn,
  type OidcRefusalReason,
} from '../../app/modules/accounts/accounts.oidc.server.ts';
import { oidcRequests, users } from '../../app/modules/accounts/accounts.schema.ts';
import { describeLink, inviteUser, listUsersForAdmin } from '../../app/modules/accounts/accounts.recovery.server.ts';
import { outbox } from '../../app/shared/mail/outbox.schema.ts';
import { loader as oidcStart } from '../../app/modules/accounts/routes/oidc-start.ts';
import { loader as oidcCallback } from '../../app/modules/accounts/routes/oidc-callback.ts';
import { cantiereSettingsFor, completeLogin, startOidcProvider, TEST_CLIENT, type RunningProvider } from '../support/oidc-provider.ts';
import { createTestDatabase } from '../support/test-db.ts';

// Sign-in with an OpenID Connect provider, against a real one (oidc-provider) started here: Cantiere's functions build
// the authorization URL, the provider's login is driven with fetch as a browser would, and its answer comes back to
// Cantiere's callback. Nothing is mocked: discovery, PKCE, state, nonce, ID token signature, user info are the real ones.

const REDIRECT_URI = 'http://cantiere.localhost/accedi/oidc/ritorno';
const PASSWORD = 'una-password-lunga';

const rejectsWith = (reason: OidcRefusalReason) => (e: unknown) => {
  assert.ok(e instanceof OidcRefusal, `attesa una OidcRefusal, ricevuto ${String(e)}`);
  assert.equal(e.reason, reason);
  return true;
};

describe('sign-in with an OpenID Connect identity provider', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let provider: RunningProvider;
  let byEmail: OidcConfig;
  let byFiscalCode: OidcConfig;
  const actor = systemActor('test');

  before(async () => {
    database = await createTestDatabase();
    provider = await startOidcProvider({ redirectUris: [REDIRECT_URI] });
    byEmail = cantiereSettingsFor(provider);
    byFiscalCode = { ...byEmail, match: 'fiscal_code' };
    const db = database.db;
    // The provider's identities (tests/support/oidc-provider.ts) and the Cantiere accounts they should, or should not, find.
    await createUser({ db, actor, input: { email: 'coordinatrice@cantiere.example', name: 'Giulia Ferri', password: PASSWORD } });
    await createUser({ db, actor, input: { email: 'm.rossi@comune.example', name: 'Mario Rossi', password: PASSWORD, fiscalCode: 'rssmra80a01h501u' } });
    await createUser({ db, actor, input: { email: 'luca.verdi@posta.example', name: 'Luca Verdi', password: PASSWORD, fiscalCode: 'TINIT-VRDLCU85M10F205H' } });
    await createUser({ db, actor, input: { email: 'marco.bassi@posta.example', name: 'Marco Bassi', password: PASSWORD, fiscalCode: 'BSSMRC75C12D869E' } });
    await setUserActive({ db, actor, email: 'marco.bassi@posta.example', active: false });
  });
  after(async () => {
    await provider.close();
    await database.close();
  });

  /** The whole flow for one identity of the provider: start, login at the provider, back to Cantiere. */
  async function signInAs(login: string, settings: OidcConfig, o: { redirectTo?: string; previousSession?: string | null } = {}) {
    const { authorizationUrl, requestId } = await startOidcSignIn({
      db: database.db,
      settings,
      redirectUri: REDIRECT_URI,
      redirectTo: o.redirectTo ?? '/ambiti/gallarate',
    });
    const callbackUrl = await completeLogin(authorizationUrl, login);
    return finishOidcSignIn({ db: database.db, settings, requestId, callbackUrl, userAgent: 'test', previousSession: o.previousSession });
  }

  test('the authorization request carries PKCE (S256), state and nonce, and the return address', async () => {
    const { authorizationUrl, requestId } = await startOidcSignIn({ db: database.db, settings: byEmail, redirectUri: REDIRECT_URI, redirectTo: '/profilo' });
    assert.equal(authorizationUrl.origin, provider.issuer);
    const p = authorizationUrl.searchParams;
    assert.equal(p.get('client_id'), TEST_CLIENT.clientId);
    assert.equal(p.get('response_type'), 'code');
    assert.equal(p.get('redirect_uri'), REDIRECT_URI);
    assert.equal(p.get('scope'), 'openid email profile');
    assert.equal(p.get('code_challenge_method'), 'S256');
    assert.match(p.get('code_challenge')!, /^[\w-]{43}$/);
    assert.match(p.get('state')!, /^[\w-]{43}$/);
    assert.match(p.get('nonce')!, /^[\w-]{43}$/);
    // The browser's cookie holds a random id; the table only its hash, with the verifier that never leaves the server.
    const rows = await database.db.select().from(oidcRequests);
    const row = rows.find((r) => r.state === p.get('state'))!;
    assert.notEqual(row.id, requestId);
    assert.match(row.id, /^[0-9a-f]{64}$/);
    assert.equal(row.redirectTo, '/profilo');
    assert.ok(!authorizationUrl.href.includes(row.codeVerifier));
  });

  test('by verified e-mail: the coordinator is signed in, her previous session ended, the audit says «oidc»', async () => {
    const password = await signIn({ db: database.db, email: 'coordinatrice@cantiere.example', password: PASSWORD, clientIp: '10.0.0.1' });
    const { token, user, redirectTo } = await signInAs('giulia', byEmail, { previousSession: password.token });
    assert.equal(user.email, 'coordinatrice@cantiere.example');
    assert.equal(redirectTo, '/ambiti/gallarate');
    const session = await actorFromSession(database.db, token);
    assert.equal(session?.email, 'coordinatrice@cantiere.example');
    assert.equal(session?.via, 'session');
    assert.equal(await actorFromSession(database.db, password.token), null, 'the session the browser had is over');
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'accounts.session.created'), eq(auditLog.entityId, user.id)));
    assert.deepEqual(
      entries.map((e) => (e.after as { method: string }).method),
      ['password', 'oidc'],
    );
  });

  test('by fiscal code: SPID’s TINIT- code finds the account whatever its e-mail', async () => {
    const { token, user } = await signInAs('mario', byFiscalCode);
    assert.equal(user.email, 'm.rossi@comune.example');
    assert.equal((await actorFromSession(database.db, token))?.name, 'Mario Rossi');
    // The same identity matched by e-mail finds nobody: the provider's e-mail is another one.
    await assert.rejects(signInAs('mario', byEmail), rejectsWith('unknown'));
    // By fiscal code, an e-mail the provider did not verify does not matter.
    const luca = await signInAs('luca', byFiscalCode);
    assert.equal(luca.user.email, 'luca.verdi@posta.example');
  });

  test('an e-mail the provider did not verify is refused, even when an account has it', async () => {
    await assert.rejects(signInAs('luca', byEmail), rejectsWith('unverified'));
  });

  test('an identity without a Cantiere account is refused, and no account is created', async () => {
    const before = await database.db.select({ id: users.id }).from(users);
    await assert.rejects(signInAs('anna', byEmail), rejectsWith('unknown'));
    await assert.rejects(signInAs('anna', byFiscalCode), rejectsWith('unknown'));
    const after = await database.db.select({ id: users.id }).from(users);
    assert.equal(after.length, before.length);
    const refusal = await signInAs('anna', byEmail).then(
      () => null,
      (e: unknown) => e as OidcRefusal,
    );
    assert.equal(refusal?.message, 'Nessun account Cantiere corrisponde a questa identità: chiedi all’Ufficio di Piano di invitarti.');
  });

  test('a disabled account is refused', async () => {
    await assert.rejects(signInAs('marco', byFiscalCode), rejectsWith('disabled'));
    await assert.rejects(signInAs('marco', byEmail), rejectsWith('disabled'));
  });

  test('a wrong state is refused: an answer meant for another browser, or altered', async () => {
    // Login CSRF: the attacker's answer from the provider, brought to the victim's browser (whose cookie is another sign-in).
    const victim = await startOidcSignIn({ db: database.db, settings: byEmail, redirectUri: REDIRECT_URI });
    const attacker = await startOidcSignIn({ db: database.db, settings: byEmail, redirectUri: REDIRECT_URI });
    const attackersAnswer = await completeLogin(attacker.authorizationUrl, 'giulia');
    await assert.rejects(
      finishOidcSignIn({ db: database.db, settings: byEmail, requestId: victim.requestId, callbackUrl: attackersAnswer }),
      rejectsWith('failed'),
    );
    // The state altered on the way back.
    const altered = new URL(attackersAnswer);
    altered.searchParams.set('state', 'uno-stato-che-non-e-il-suo-0123456789abcdefghij');
    await assert.rejects(finishOidcSignIn({ db: database.db, settings: byEmail, requestId: attacker.requestId, callbackUrl: altered }), rejectsWith('failed'));
    // Each sign-in in progress is used once, whatever the outcome: the same answer again finds nothing.
    await assert.rejects(
      finishOidcSignIn({ db: database.db, settings: byEmail, requestId: attacker.requestId, callbackUrl: attackersAnswer }),
      rejectsWith('expired'),
    );
    // No cookie, or a cookie the server never gave.
    await assert.rejects(finishOidcSignIn({ db: database.db, settings: byEmail, requestId: null, callbackUrl: attackersAnswer }), rejectsWith('expired'));
    await assert.rejects(
      finishOidcSignIn({ db: database.db, settings: byEmail, requestId: 'inventato', callbackUrl: attackersAnswer }),
      rejectsWith('expired'),
    );
  });

  test('an expired sign-in is refused', async () => {
    const started = new Date(Date.now() - 11 * 60_000);
    const { authorizationUrl, requestId } = await startOidcSignIn({ db: database.db, settings: byEmail, redirectUri: REDIRECT_URI, now: started });
    const callbackUrl = await completeLogin(authorizationUrl, 'giulia');
    await assert.rejects(finishOidcSignIn({ db: database.db, settings: byEmail, requestId, callbackUrl }), rejectsWith('expired'));
  });

  test('the person cancels at the provider', async () => {
    const { authorizationUrl, requestId } = await startOidcSignIn({ db: database.db, settings: byEmail, redirectUri: REDIRECT_URI });
    const callbackUrl = await completeLogin(authorizationUrl, 'giulia', { abort: true });
    assert.equal(callbackUrl.searchParams.get('error'), 'access_denied');
    await assert.rejects(finishOidcSignIn({ db: database.db, settings: byEmail, requestId, callbackUrl }), rejectsWith('denied'));
  });

  test('where to go afterwards is a local path only', async () => {
    const { redirectTo } = await signInAs('giulia', byEmail, { redirectTo: '//altro.example/furto' });
    assert.equal(redirectTo, '/');
  });

  test('a provider that does not answer is a clear refusal, not a crash', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    forgetProviderConfigurations();
    await assert.rejects(
      startOidcSignIn({ db: database.db, settings: { ...byEmail, issuer: `http://127.0.0.1:${port}` }, redirectUri: REDIRECT_URI }),
      rejectsWith('unavailable'),
    );
    // Once it answers again, the next sign-in works (the failure is not kept).
    const ok = await signInAs('giulia', byEmail);
    assert.equal(ok.user.email, 'coordinatrice@cantiere.example');
  });

  test('the routes: the link starts with its cookie, the return opens the session as the password sign-in does', async () => {
    const config = { ...loadConfig({}), publicUrl: 'http://cantiere.localhost' };
    const call = async (
      loader: typeof oidcStart | typeof oidcCallback,
      url: string | URL,
      o: { oidc?: OidcConfig | null; cookie?: string } = {},
    ): Promise<{ response: Response; state: RequestState }> => {
      const context = new RouterContextProvider();
      context.set(servicesContext, { db: database.db, database, config: { ...config, oidc: o.oidc === undefined ? byEmail : o.oidc } });
      const state: RequestState = {
        requestId: 'test',
        nonce: '',
        https: false,
        clientIp: '127.0.0.1',
        actor: { kind: 'anonymous' },
        locale: 'it',
        csrfToken: '',
        cookies: [],
      };
      context.set(requestContext, state);
      const request = new Request(url, { headers: o.cookie ? { cookie: o.cookie } : {} });
      const response = (await loader({ request, context, params: {} } as never)) as Response;
      return { response, state };
    };
    const cookieNamed = (state: RequestState, name: string) => state.cookies.find((c) => c.startsWith(`${name}=`));

    const started = await call(oidcStart, 'http://cantiere.localhost/accedi/oidc?redirectTo=%2Fprofilo');
    assert.equal(started.response.status, 302);
    const authorizationUrl = new URL(started.response.headers.get('location')!);
    assert.equal(authorizationUrl.origin, provider.issuer);
    assert.equal(authorizationUrl.searchParams.get('redirect_uri'), REDIRECT_URI);
    const oidcCookie = cookieNamed(started.state, 'cantiere_oidc')!;
    assert.match(oidcCookie, /; Path=\/; SameSite=Lax; Max-Age=600; HttpOnly$/);
    const requestId = decodeURIComponent(/^cantiere_oidc=([^;]+)/.exec(oidcCookie)![1]!);

    const callbackUrl = await completeLogin(authorizationUrl, 'giulia');
    const back = await call(oidcCallback, callbackUrl, { cookie: `cantiere_oidc=${encodeURIComponent(requestId)}` });
    assert.equal(back.response.status, 302);
    assert.equal(back.response.headers.get('location'), '/profilo');
    const session = cookieNamed(back.state, 'cantiere_session')!;
    assert.match(session, /Max-Age=43200; HttpOnly/);
    const token = decodeURIComponent(/^cantiere_session=([^;]+)/.exec(session)![1]!);
    assert.equal((await actorFromSession(database.db, token))?.email, 'coordinatrice@cantiere.example');
    assert.match(cookieNamed(back.state, 'cantiere_oidc')!, /^cantiere_oidc=; .*Max-Age=0/, 'the sign-in in progress is forgotten');
    assert.ok(cookieNamed(back.state, 'cantiere_csrf'), 'the CSRF token of before the sign-in is replaced');

    // The same answer again: the sign-in page, which says why; no session.
    const replay = await call(oidcCallback, callbackUrl, { cookie: `cantiere_oidc=${encodeURIComponent(requestId)}` });
    assert.equal(replay.response.headers.get('location'), '/accedi?oidc=expired');
    assert.equal(cookieNamed(replay.state, 'cantiere_session'), undefined);
    // Not configured: both say so on the sign-in page.
    assert.equal((await call(oidcStart, 'http://cantiere.localhost/accedi/oidc', { oidc: null })).response.headers.get('location'), '/accedi?oidc=off');
    assert.equal((await call(oidcCallback, callbackUrl, { oidc: null })).response.headers.get('location'), '/accedi?oidc=off');
  });

  test('the fiscal code given to an account is checked and unique', async () => {
    await assert.rejects(
      createUser({ db: database.db, actor, input: { email: 'altro@comune.example', name: 'Altro Rossi', password: PASSWORD, fiscalCode: 'RSSMRA80A01H501' } }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.path === 'fiscalCode',
    );
    await assert.rejects(
      createUser({
        db: database.db,
        actor,
        input: { email: 'altro@comune.example', name: 'Altro Rossi', password: PASSWORD, fiscalCode: 'TINIT-RSSMRA80A01H501U' },
      }),
      (e: unknown) => e instanceof ValidationError && /già dell’utente m\.rossi@comune\.example/.test(e.issues[0]!.message),
    );
    const [mario] = await database.db.select({ fiscalCode: users.fiscalCode }).from(users).where(eq(users.email, 'm.rossi@comune.example'));
    assert.equal(mario!.fiscalCode, 'RSSMRA80A01H501U');
  });
  test('an invited person who signs in with the identity provider accepts the invitation: its link stops working', async () => {
    const { url } = await inviteUser({
      db: database.db,
      actor,
      baseUrl: 'http://cantiere.localhost',
      input: { email: 'anna.bianchi@posta.example', name: 'Anna Bianchi', roles: [] },
    });
    const secret = /nuova-password\/([\w-]+)$/.exec(url)![1]!;
    assert.ok(await describeLink(database.db, secret));
    const { user } = await signInAs('anna', byEmail);
    assert.equal(await describeLink(database.db, secret), null);
    const [message] = await database.db.select().from(outbox).where(eq(outbox.toAddress, 'anna.bianchi@posta.example'));
    assert.ok(message!.secret === null && !message!.body.includes(secret), 'the outbox no longer holds the link');
    assert.equal((await listUsersForAdmin(database.db, actor)).find((u) => u.id === user.id)?.invitationPending, false);
    const [accepted] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'accounts.user.invitation_accepted'), eq(auditLog.entityId, user.id)));
    assert.deepEqual(accepted!.after, { via: 'oidc' });
  });
});
