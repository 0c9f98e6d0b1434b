// Regressions of the security probe (issue 16) at the level where they were found: HTTP requests to the real server.
// The throttle and body-size checks run against a second server of their own (an empty database, no demo), started
// here: forty failed sign-ins from 127.0.0.1 would otherwise slow down every later spec's sign-in.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { startOwnServer, type OwnServer } from './own-server.ts';
import { ACCOUNTS, csrfToken, PASSWORD, signIn, signInRequest } from './support.ts';

const OWN_PORT = Number(process.env.E2E_PORT ?? 3210) + 7;

/** The resident memory of a process, in MB (Linux). */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** A cookie jar of one: the CSRF cookie and the form's token of an anonymous browser. */
async function anonymousCsrf(base: string): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${base}/accedi`);
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('cantiere_csrf='))!
    .split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await response.text())![1]!;
  return { cookie, token };
}

test.describe('on a server of their own', () => {
  let own: OwnServer;
  test.beforeAll(async () => {
    own = await startOwnServer(OWN_PORT);
  });
  test.afterAll(() => own.stop());
  const serverPid = () => own.process.pid!;

  test('40 parallel wrong passwords for one address: five are checked, the others get 429 with Retry-After', async () => {
    const { cookie, token } = await anonymousCsrf(own.url);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${own.url}/accedi`, {
          method: 'POST',
          redirect: 'manual',
          headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: token, email: 'nessuno@prova.example', password: `sbagliata-${i}` }),
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    for (const r of answers.filter((a) => a.status === 429)) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('«Password dimenticata?» from one network address: ten requests answered, then 429 with Retry-After and the reason on the page', async () => {
    const { cookie, token } = await anonymousCsrf(own.url);
    const ask = (email: string) =>
      fetch(`${own.url}/accedi/password-dimenticata`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token, intent: 'forgot', email }),
      });
    for (let i = 0; i < 10; i++) expect((await ask(`persona${i}@prova.example`)).status).toBe(200);
    const refused = await ask('ancora@prova.example');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const page = await refused.text();
    expect(page.includes('Troppe richieste dallo stesso indirizzo di rete: riprova tra 15 min.')).toBe(true);
    expect(page.includes('value="ancora@prova.example"'), 'the form keeps the address typed').toBe(true);
  });

  test('a 300 MB chunked body is refused with 413 once it passes the forms’ limit, and memory stays flat', async () => {
    const { cookie, token } = await anonymousCsrf(own.url);
    const before = rssMb(serverPid());
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest(`${own.url}/accedi`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'multipart/form-data; boundary=x', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
      });
      req.on('error', (e) => (answered ? undefined : reject(e)));
      const pump = () => {
        if (sent === 0)
          req.write(`--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--x\r\nContent-Disposition: form-data; name="f"\r\n\r\n`);
        while (!answered && sent < 300 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    // The answer comes once the limit (1 MB) is passed, not after 300 MB: what was sent before it is socket buffers.
    expect(sent).toBeLessThan(40 * 1024 * 1024);
    await new Promise((r) => setTimeout(r, 500));
    expect(rssMb(serverPid()) - before, 'memoria del server (MB) dopo il rifiuto').toBeLessThan(100);
  });

  test('a write without any CSRF cookie is refused before its body is read', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${own.url}/accedi`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('_csrf=x&email=');
      // The body is never finished: only an answer that does not wait for it can arrive.
    });
    expect(status).toBe(403);
  });
});

test.describe('redirects go only to this site', () => {
  const BYPASSES = ['/%5C127.0.0.1:9999/x', '/%09/evil.example', '//evil.example', '/%2e%2e//evil.example', 'https://evil.example', '/%0d%0a/evil.example'];

  test('the language switch', async ({ request }) => {
    for (const to of BYPASSES) {
      const response = await request.get(`/lingua?lang=it&redirectTo=${to}`, { maxRedirects: 0 });
      expect(response.status(), to).toBe(302);
      expect(response.headers().location, to).toBe('/');
    }
    const home = await request.get(`/lingua?lang=en&redirectTo=${encodeURIComponent('/ambiti/gallarate?x=1')}`, { maxRedirects: 0 });
    expect(home.headers().location).toBe('/ambiti/gallarate?x=1');
  });

  test('signing in, and a signed-in user sent to the sign-in page', async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const token = await csrfToken(request);
    const signedIn = await request.post('/accedi', {
      form: { _csrf: token, email: ACCOUNTS.staff, password: PASSWORD, redirectTo: '/\\evil.example' },
      maxRedirects: 0,
    });
    expect(signedIn.headers().location).toBe('/');
    for (const to of BYPASSES) {
      const response = await request.get(`/accedi?redirectTo=${to}`, { maxRedirects: 0 });
      expect(response.headers().location, to).toBe('/');
    }
    await request.dispose();
  });
});

async function profileToken(request: APIRequestContext, name: string): Promise<string> {
  const html = await (await request.get('/profilo')).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const created = await request.post('/profilo', { form: { _csrf: csrf, intent: 'create', name, expiresInDays: '1' } });
  expect(created.status()).toBe(200);
  return /cnt_[\w-]{43}/.exec(await created.text())![0];
}

test('an API token opens the API only: not a page, not a form', async ({ playwright, baseURL }) => {
  const browser = await playwright.request.newContext({ baseURL });
  await signInRequest(browser, 'coordinator');
  const secret = await profileToken(browser, 'Token di prova sicurezza');
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  expect((await api.get('/api/v1/me')).status()).toBe(200);
  const page = await api.get('/ambiti/gallarate', { maxRedirects: 0 });
  expect(page.status()).toBe(401);
  expect((await page.json()).error.code).toBe('auth.token_not_here');
  // Neither a form without a CSRF token, nor a new token minted with this one.
  const write = await api.post('/ambiti/gallarate/modifica', { form: { version: '1', name: 'Scritto con un token' }, maxRedirects: 0 });
  expect(write.status()).toBe(401);
  const mint = await api.post('/profilo', { form: { intent: 'create', name: 'Senza scadenza' }, maxRedirects: 0 });
  expect(mint.status()).toBe(401);
  const ambito = await (await api.get('/api/v1/ambiti/gallarate')).json();
  expect(ambito.data.name).toBe('Ambito Territoriale di Gallarate');
  await api.dispose();
  await browser.dispose();
});

test('the CSRF token is bound to the session and renewed at sign-in; signing in again ends the previous session', async ({ playwright, baseURL }) => {
  const a = await playwright.request.newContext({ baseURL });
  const anonymousToken = await csrfToken(a);
  await signInRequest(a, 'coordinator');
  const sessionA = (await a.storageState()).cookies.find((c) => c.name === 'cantiere_session')!.value;
  const tokenA = await csrfToken(a);
  expect(tokenA).not.toBe(anonymousToken);

  const b = await playwright.request.newContext({ baseURL });
  await signInRequest(b, 'staff');
  const tokenB = await csrfToken(b);
  expect(tokenB).not.toBe(tokenA);

  // A's session with the token seen before signing in, or with B's token: refused.
  for (const token of [anonymousToken, tokenB]) {
    const post = await a.post('/ambiti/gallarate/modifica', { form: { _csrf: token, version: '1', name: 'Token di un altro' }, maxRedirects: 0 });
    expect(post.status()).toBe(403);
  }
  // Signing in as someone else in the same browser ends A's session.
  const signInAgain = await a.post('/accedi', { form: { _csrf: tokenA, email: ACCOUNTS.mayor, password: PASSWORD }, maxRedirects: 0 });
  expect(signInAgain.status()).toBe(302);
  const old = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: `cantiere_session=${sessionA}` } });
  expect((await old.get('/profilo', { maxRedirects: 0 })).headers().location).toMatch(/^\/accedi/);
  for (const c of [a, b, old]) await c.dispose();
});

test.describe('bad input is a 400 with a message, never a 500', () => {
  /** The signed-in coordinator's request context, and the form token of a page. */
  async function coordinator(playwright: import('@playwright/test').PlaywrightWorkerArgs['playwright'], baseURL: string | undefined) {
    const request = await playwright.request.newContext({ baseURL });
    await signInRequest(request, 'coordinator');
    return request;
  }
  const tokenOf = async (request: APIRequestContext, path: string) => /name="_csrf" value="([^"]+)"/.exec(await (await request.get(path)).text())![1]!;

  test('an id that is not one, in every form field the probe found, names the field', async ({ playwright, baseURL }) => {
    const request = await coordinator(playwright, baseURL);
    const cases: { path: string; form: Record<string, string> }[] = [
      { path: '/profilo', form: { intent: 'revoke', tokenId: 'non-un-id' } },
      { path: '/ambiti/gallarate/leps/assistenti-sociali', form: { intent: 'delete', postId: '1 OR 1=1', version: '1' } },
      { path: '/ambiti/gallarate/accordo', form: { intent: 'remove-party', agreementId: '------------------------------------', partyId: 'x' } },
      { path: '/ambiti/gallarate/accordo', form: { intent: 'remove-signature', agreementId: 'abc', signatureId: 'abc' } },
    ];
    for (const { path, form } of cases) {
      const token = await tokenOf(request, path);
      const response = await request.post(path, { form: { _csrf: token, ...form }, maxRedirects: 0 });
      expect(response.status(), `${path} ${form.intent}`).toBe(400);
      expect((await response.text()).includes('identificativo non valido'), `${path} ${form.intent}: the message on the page`).toBe(true);
    }
    await request.dispose();
  });

  test('a NUL byte in a text, a budget line of 1e17 €, a population of 2^31, a date that does not exist', async ({ playwright, baseURL }) => {
    const request = await coordinator(playwright, baseURL);
    const nul = await request.post('/profilo', { form: { _csrf: await tokenOf(request, '/profilo'), intent: 'create', name: 'Token\u0000' }, maxRedirects: 0 });
    expect(nul.status()).toBe(400);
    expect((await nul.text()).includes('caratteri di controllo'), 'the message on the page').toBe(true);

    const plans = await (await request.get('/ambiti/gallarate/piani')).text();
    const planPath = /href="(\/ambiti\/gallarate\/piani\/[0-9a-f-]{36})"[^>]*>Piano di Zona 2025-2027/.exec(plans)![1]!;
    const objectivePath = /href="(\/ambiti\/gallarate\/piani\/[0-9a-f-]{36}\/obiettivi\/[0-9a-f-]{36})"/.exec(await (await request.get(planPath)).text())![1]!;
    for (const amountEuro of ['1e17', '100000000000000000']) {
      const budget = await request.post(objectivePath, {
        form: { _csrf: await tokenOf(request, objectivePath), intent: 'budget', fund: 'FNPS', year: '2025', amountEuro },
        maxRedirects: 0,
      });
      expect(budget.status(), amountEuro).toBe(400);
      expect(/Importo: (l’importo supera il massimo|importo non valido)/.test(await budget.text()), amountEuro).toBe(true);
    }

    const csv = [
      'anno;livello;codice;totale;maschi;femmine;eta_0_14;eta_15_64;eta_65_piu;eta_75_piu;eta_0_17;nati;morti;saldo_migratorio;stranieri;anziani_soli;superficie_km2',
      '2024;comune;012070;2147483648;1073741824;1073741824;;;;;;;;;;;',
    ].join('\n');
    const population = await request.post('/ambiti/gallarate/territorio', {
      multipart: {
        _csrf: await tokenOf(request, '/ambiti/gallarate/territorio'),
        intent: 'population',
        file: { name: 'popolazione.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
      },
      maxRedirects: 0,
    });
    expect(population.status()).toBe(400);
    expect((await population.text()).includes('popolazione.csv, riga 2, colonna totale'), 'the file, row and column named').toBe(true);

    const audit = await request.get('/registro?from=2024-13-45');
    expect(audit.status()).toBe(400);
    await request.dispose();
  });
});

test('a name written as a formula reaches the Region’s exports as text (CSV formula injection)', async ({ page, playwright, baseURL }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/modifica');
  const name = page.getByLabel(/^Nome/);
  const original = await name.inputValue();
  const formula = '=HYPERLINK("http://evil.example","Gallarate")';
  const rename = async (to: string) => {
    await page.goto('/ambiti/gallarate/modifica');
    await page.getByLabel(/^Nome/).fill(to);
    await page.getByRole('button', { name: /Salva/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(to);
  };
  await rename(formula);
  try {
    const region = await playwright.request.newContext({ baseURL });
    await signInRequest(region, 'regional_reviewer');
    for (const path of ['/leps/regione/03/esporta.csv', '/regioni/03/esporta.csv?anno=2025']) {
      const response = await region.get(path);
      expect(response.status(), path).toBe(200);
      const text = await response.text();
      expect(text, path).toContain(`'=HYPERLINK`);
      expect(
        text.split(/\r?\n/).some((line) => /(^|[;,])"?=/.test(line)),
        path,
      ).toBe(false);
    }
    await region.dispose();
  } finally {
    await rename(original);
  }
});
