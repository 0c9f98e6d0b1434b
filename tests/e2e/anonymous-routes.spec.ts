import { expect, test } from '@playwright/test';
import { anonymousProblems, demoAddresses, ROUTE_CLASSES, ROUTES } from './anonymous-routes.ts';
import { routePattern } from './crawl.ts';
import { signInRequest } from './support.ts';

// An anonymous visitor reaches the public pages only. Every route of app/routes.ts (every module's `*.routes.ts`) is
// classified in anonymous-routes.ts, by its pattern: PUBLIC routes answer an anonymous visitor (with the statuses
// listed), INTERNAL ones answer a redirect to the sign-in page or to the public portal, a 401, 403 or 404 — never 200
// with their content. A route added later without a classification makes the first test fail, and so does an entry
// left for a route that no longer exists. The parameters are filled from the demo: the links of the pages an
// administrator sees, one real address per route where the demo has one (a well-formed id that matches nothing
// otherwise).

test('every route of the application is classified for anonymous visitors, and no classification is stale', () => {
  const unclassified = ROUTES.filter((r) => !(r in ROUTE_CLASSES));
  expect(unclassified, 'rotte senza classificazione: aggiungile a ROUTE_CLASSES (pubblica o interna)').toEqual([]);
  const stale = Object.keys(ROUTE_CLASSES).filter((r) => !ROUTES.includes(r));
  expect(stale, 'classificazioni di rotte che non esistono più').toEqual([]);
});

test('anonymous visitors: the public routes answer, the internal ones never show their content', async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL });
  await signInRequest(admin, 'admin');
  const addresses = await demoAddresses(admin);
  await admin.dispose();
  const anonymous = await playwright.request.newContext({ baseURL });
  const problems = await anonymousProblems(anonymous, addresses);
  await anonymous.dispose();
  expect(problems).toEqual([]);
});

test('the plan and objective pages send an anonymous visitor to the same plan and objective on the portal', async ({ playwright, baseURL, page }) => {
  const admin = await playwright.request.newContext({ baseURL });
  await signInRequest(admin, 'admin');
  const plans = await (await admin.get('/ambiti/gallarate/piani')).text();
  const planPath = /href="(\/ambiti\/gallarate\/piani\/[0-9a-f-]{36})"[^>]*>Piano di Zona 2025-2027/.exec(plans)![1]!;
  const planHtml = await (await admin.get(planPath)).text();
  const objective = /href="(\/ambiti\/gallarate\/piani\/[0-9a-f-]{36}\/obiettivi\/[0-9a-f-]{36})"[^>]*>([^<]+)</.exec(planHtml)!;
  await admin.dispose();

  await page.goto(planPath);
  await expect(page).toHaveURL(/\/portale\/gallarate\/piano\?periodo=2025-2027$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Piano di Zona 2025-2027 – Ambito Territoriale di Gallarate');
  // None of the internal page's work: completeness, variations, history.
  await expect(page.getByText(/da completare/i)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Variazioni del piano' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Cronologia' })).toHaveCount(0);

  const code = objective[2]!.trim();
  await page.goto(objective[1]!);
  await expect(page).toHaveURL(new RegExp(`/portale/gallarate/piano/obiettivi/${encodeURIComponent(code).replace(/\./g, '\\.')}\\?periodo=2025-2027$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Obiettivo ${code}`);
  await page.goto(`${objective[1]!}/stampa`);
  await expect(page).toHaveURL(/\/portale\/gallarate\/piano\/obiettivi\//);

  // The list of plans, the export and the chapters are not for anonymous visitors either.
  await page.goto('/ambiti/gallarate/piani');
  await expect(page).toHaveURL(/\/portale\/gallarate\/piano$/);
  const exported = await page.request.get(`${planPath}/esporta.json`, { maxRedirects: 0 });
  expect(exported.status()).toBe(302);
  expect(exported.headers().location).toMatch(/^\/accedi\?redirectTo=/);
});

test('from the public pages, every link an anonymous visitor can follow leads to a public page, a sign-in or the portal', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const queue = ['/', '/accedi', '/accessibilita', '/ambiti/gallarate', '/portale/gallarate', '/leps/catalogo'];
  const seen = new Set<string>();
  const problems: string[] = [];
  while (queue.length > 0 && seen.size < 120) {
    const target = queue.shift()!;
    const pattern = routePattern(new URL(target, 'http://x').pathname);
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    const response = await anonymous.get(target, { maxRedirects: 0 });
    const expected = ROUTE_CLASSES[pattern];
    if (response.status() === 200 && expected?.kind === 'internal') problems.push(`${target} (${pattern}) è interna ma risponde 200 da un link pubblico`);
    if (response.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    const html = await response.text();
    for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1]!.replaceAll('&amp;', '&');
      if (/^\/(esci|lingua|assets|api)\b/.test(href)) continue;
      if (!seen.has(routePattern(new URL(href, 'http://x').pathname))) queue.push(href);
    }
  }
  await anonymous.dispose();
  expect(problems).toEqual([]);
  expect([...seen]).toContain('/portale/:code/piano');
});
