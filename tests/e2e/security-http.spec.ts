// Regressions of the security probe (issue 16) at the level where they were found: HTTP requests to the real server.
// The throttle and body-size checks run against a second server of their own (an empty database, no demo), started
// here: forty failed sign-ins from 127.0.0.1 would otherwise slow down every later spec's sign-in.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ACCOUNTS, csrfToken, PASSWORD, signInRequest } from './support.ts';

const OWN_PORT = Number(process.env.E2E_PORT ?? 3210) + 7;
const OWN_URL = `http://127.0.0.1:${OWN_PORT}`;

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
  let server: ChildProcess;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cantiere-e2e-sicurezza-'));
    server = spawn(process.execPath, ['server.ts'], {
      env: { ...process.env, PORT: String(OWN_PORT), HOST: '127.0.0.1', CANTIERE_DATA_DIR: dataDir, DATABASE_URL: '', CANTIERE_DEMO: '', LOG_LEVEL: 'error' },
      stdio: 'ignore',
    });
    for (let i = 0; i < 240; i++) {
      if (
        await fetch(`${OWN_URL}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('il secondo server non è partito');
  });

  test.afterAll(async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('40 parallel wrong passwords for one address: five are checked, the others get 429 with Retry-After', async () => {
    const { cookie, token } = await anonymousCsrf(OWN_URL);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${OWN_URL}/accedi`, {
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

  test('a 300 MB chunked body is refused with 413 once it passes the forms’ limit, and memory stays flat', async () => {
    const { cookie, token } = await anonymousCsrf(OWN_URL);
    const before = rssMb(server.pid!);
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest(`${OWN_URL}/accedi`, {
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
    expect(rssMb(server.pid!) - before, 'memoria del server (MB) dopo il rifiuto').toBeLessThan(100);
  });

  test('a write without any CSRF cookie is refused before its body is read', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${OWN_URL}/accedi`, {
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
