// The route-level authorization table: every role against every page and action of the foundation.
// Later modules add their rows. 200 = allowed, 302→/accedi = sign-in required, 403 = denied.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { csrfToken, signInRequest, type DemoRole } from './support.ts';

type Who = DemoRole | 'anonymous';
const WHO: Who[] = ['anonymous', 'admin', 'coordinator', 'staff', 'comune_referent', 'third_sector', 'mayor', 'regional_reviewer'];
const LOGIN = 'login';

// Expected answers in the order of WHO.
const PAGES: [string, (number | typeof LOGIN)[]][] = [
  // Home: a member of exactly one Ambito goes straight to it (302); others choose from the list.
  ['/', [200, 200, 302, 302, 302, 302, 302, 302]],
  ['/ambiti/gallarate', [200, 200, 200, 200, 200, 200, 200, 200]],
  ['/ambiti/gallarate/modifica', [LOGIN, 200, 200, 403, 403, 403, 403, 403]],
  ['/registro', [LOGIN, 200, 200, 403, 403, 403, 403, 403]],
  ['/registro?ambito=gallarate', [LOGIN, 200, 200, 403, 403, 403, 403, 403]],
  ['/profilo', [LOGIN, 200, 200, 200, 200, 200, 200, 200]],
  ['/api/v1/ambiti/gallarate', [200, 200, 200, 200, 200, 200, 200, 200]],
  ['/api/v1/ambiti/gallarate/comuni', [200, 200, 200, 200, 200, 200, 200, 200]],
];

async function contextFor(playwright: { request: { newContext: (o: { baseURL: string }) => Promise<APIRequestContext> } }, baseURL: string, who: Who): Promise<APIRequestContext> {
  const request = await playwright.request.newContext({ baseURL });
  if (who !== 'anonymous') await signInRequest(request, who);
  return request;
}

for (const [i, who] of WHO.entries()) {
  test(`pages and API as ${who}`, async ({ playwright, baseURL }) => {
    const request = await contextFor(playwright, baseURL!, who);
    for (const [path, expected] of PAGES) {
      const response = await request.get(path, { maxRedirects: 0 });
      const want = expected[i]!;
      if (want === LOGIN) {
        expect(response.status(), `${who} GET ${path}`).toBe(302);
        expect(response.headers().location, `${who} GET ${path}`).toMatch(/^\/accedi\?redirectTo=/);
      } else {
        expect(response.status(), `${who} GET ${path}`).toBe(want);
      }
    }

    // Writing the Ambito's details: only the coordinator of the Ambito and the administrator.
    const form = { _csrf: await csrfToken(request), version: '999999', name: 'Ambito Territoriale di Gallarate' };
    const post = await request.post('/ambiti/gallarate/modifica', { form, maxRedirects: 0 });
    const allowed = who === 'admin' || who === 'coordinator';
    if (who === 'anonymous') {
      expect(post.status()).toBe(302);
      expect(post.headers().location).toMatch(/^\/accedi/);
    } else {
      // Allowed roles reach the version check (409: stale version on purpose), the others are refused (403).
      expect(post.status(), `${who} POST /ambiti/gallarate/modifica`).toBe(allowed ? 409 : 403);
    }
    await request.dispose();
  });
}

test('a write without the CSRF token is refused, even for the coordinator', async ({ playwright, baseURL }) => {
  const request = await contextFor(playwright, baseURL!, 'coordinator');
  const post = await request.post('/ambiti/gallarate/modifica', { form: { version: '1', name: 'Senza token' }, maxRedirects: 0 });
  expect(post.status()).toBe(403);
  expect(await post.text()).toContain('Il modulo è scaduto o non proviene da Cantiere');
  // A post from another origin is refused (by React Router's own origin check, 400, before ours, 403).
  const forged = await request.post('/ambiti/gallarate/modifica', {
    form: { _csrf: await csrfToken(request), version: '1', name: 'Da un altro sito' },
    headers: { Origin: 'https://sito-malevolo.example' },
    maxRedirects: 0,
  });
  expect([400, 403]).toContain(forged.status());
  const api = await (await request.get('/api/v1/ambiti/gallarate')).json();
  expect(api.data.name).not.toMatch(/Senza token|Da un altro sito/);
  await request.dispose();
});

test('every response carries the security headers and a request id', async ({ request }) => {
  const response = await request.get('/ambiti/gallarate');
  const h = response.headers();
  expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-request-id']).toMatch(/^[\w-]{8,}$/);
  const cookies = response.headersArray().filter((x) => x.name.toLowerCase() === 'set-cookie').map((x) => x.value);
  expect(cookies.some((c) => c.startsWith('cantiere_csrf=') && c.includes('HttpOnly') && c.includes('SameSite=Lax'))).toBe(true);
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(h['content-security-policy']!)![1]!;
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    if (!/\bsrc=/.test(tag)) expect(tag, 'inline scripts carry the nonce').toContain(`nonce="${nonce}"`);
  }
});

test('the session cookie is httpOnly and SameSite', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const token = await csrfToken(request);
  const response = await request.post('/accedi', { form: { _csrf: token, email: 'admin@cantiere.example', password: 'cantiere-demo' }, maxRedirects: 0 });
  const cookie = response.headersArray().find((x) => x.name.toLowerCase() === 'set-cookie' && x.value.startsWith('cantiere_session='));
  expect(cookie?.value).toMatch(/HttpOnly/);
  expect(cookie?.value).toMatch(/SameSite=Lax/);
  await request.dispose();
});

test('health and readiness', async ({ request }) => {
  expect(await (await request.get('/healthz')).json()).toEqual({ status: 'ok' });
  const ready = await request.get('/readyz');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
});
