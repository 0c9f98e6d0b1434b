import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RouterContextProvider } from 'react-router';
import { loadConfig, type OidcConfig } from '../../app/shared/config.ts';
import { requestContext, servicesContext, type RequestState } from '../../app/shared/http/context.ts';
import { REQUEST_LIMITS } from '../../app/modules/accounts/accounts.rules.ts';
import { oidcRequests } from '../../app/modules/accounts/accounts.schema.ts';
import { spendRequestAllowance, TooManyRequestsError } from '../../app/modules/accounts/accounts.server.ts';
import { loader as oidcStart } from '../../app/modules/accounts/routes/oidc-start.ts';
import { cantiereSettingsFor, startOidcProvider, type RunningProvider } from '../support/oidc-provider.ts';
import { createTestDatabase } from '../support/test-db.ts';

// The requests anyone may send without an account that make the server write and work — «Password dimenticata?» and
// the start of an identity provider's sign-in — are limited per client address (issue 16's review): 429 with
// Retry-After and the reason, nothing written; another address is not affected. The page's answer over HTTP is in
// tests/e2e/security-http.spec.ts.

const SITE = 'http://cantiere.localhost';

describe('requests anyone may send are limited per client address', async () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let provider: RunningProvider;
  let oidc: OidcConfig;
  before(async () => {
    database = await createTestDatabase();
    provider = await startOidcProvider({ redirectUris: [`${SITE}/accedi/oidc/ritorno`] });
    oidc = cantiereSettingsFor(provider);
  });
  after(async () => {
    await provider.close();
    await database.close();
  });

  function contextFor(clientIp: string) {
    const context = new RouterContextProvider();
    context.set(servicesContext, { db: database.db, database, config: { ...loadConfig({}), publicUrl: SITE, oidc } });
    const state: RequestState = {
      requestId: 'test',
      nonce: '',
      https: false,
      clientIp,
      actor: { kind: 'anonymous' },
      locale: 'it',
      csrfToken: '',
      cookies: [],
    };
    context.set(requestContext, state);
    return { context, state };
  }

  /** The status of an answer given as data (a thrown error page) or as a response. */
  const statusOf = (answer: unknown) => {
    const withInit = answer as { init?: { status?: number } | null; type?: string };
    return withInit?.type === 'DataWithResponseInit' ? (withInit.init?.status ?? 200) : 200;
  };

  test(`an address's allowance is counted atomically: ${REQUEST_LIMITS.reset * 2} parallel requests, ${REQUEST_LIMITS.reset} allowed, the others refused with the wait`, async () => {
    const now = new Date();
    const results = await Promise.allSettled(
      Array.from({ length: REQUEST_LIMITS.reset * 2 }, () => spendRequestAllowance(database.db, 'reset', '10.77.0.1', now)),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, REQUEST_LIMITS.reset);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      const error = (r as PromiseRejectedResult).reason as unknown;
      assert.ok(error instanceof TooManyRequestsError, String(error));
      assert.equal(error.status, 429);
      assert.equal(error.retryAfterSeconds, 15 * 60);
      assert.equal(error.message, 'Troppe richieste dallo stesso indirizzo di rete: riprova tra 15 min.');
    }
    // Another address, and the same address once the window has passed, are allowed.
    await spendRequestAllowance(database.db, 'reset', '10.77.0.2', now);
    await spendRequestAllowance(database.db, 'reset', '10.77.0.1', new Date(now.getTime() + 15 * 60_000 + 1));
    // The kinds are counted apart.
    await spendRequestAllowance(database.db, 'oidc', '10.77.0.1', now);
  });

  test(`the start of an identity provider's sign-in: ${REQUEST_LIMITS.oidc} per address in 15 minutes, then 429 and no row`, async () => {
    const start = async (clientIp: string) => {
      const { context, state } = contextFor(clientIp);
      const request = new Request(`${SITE}/accedi/oidc?redirectTo=%2Fprofilo`);
      try {
        const response = (await oidcStart({ request, context, params: {} } as never)) as Response;
        return { status: response.status, state, message: '' };
      } catch (thrown) {
        return { status: statusOf(thrown), state, message: String((thrown as { data?: unknown }).data) };
      }
    };
    for (let i = 0; i < REQUEST_LIMITS.oidc; i++) assert.equal((await start('10.78.0.1')).status, 302, `avvio ${i + 1}`);
    const rows = (await database.db.select().from(oidcRequests)).length;
    const refused = await start('10.78.0.1');
    assert.equal(refused.status, 429);
    assert.match(refused.message, /Troppe richieste dallo stesso indirizzo di rete/);
    assert.ok(refused.state.retryAfterSeconds! > 0);
    assert.equal((await database.db.select().from(oidcRequests)).length, rows, 'no sign-in row for the refused start');
    assert.equal((await start('10.78.0.2')).status, 302);
  });
});
