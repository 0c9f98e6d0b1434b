import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../support/demo-accounts.ts';

export const PASSWORD = DEMO_PASSWORD;
export const ACCOUNTS = DEMO_ACCOUNTS;
export type DemoRole = keyof typeof ACCOUNTS;

/** Zero axe-core violations for the WCAG 2.0/2.1 A and AA rules on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `violazioni di accessibilità su ${page.url()}`).toEqual([]);
}

/** Signs in through the real form, as a user would. */
export async function signIn(page: Page, role: DemoRole) {
  await signInAs(page, ACCOUNTS[role], PASSWORD);
}

/** Signs in through the real form with any account (e.g. one created by an admission). */
export async function signInAs(page: Page, email: string, password: string) {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();
}

/** The page as it is now does not scroll sideways on a 390 px phone; the viewport is then put back. */
export async function expectFitsPhone(page: Page) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `larghezza di ${page.url()} a 390 px`).toBeLessThanOrEqual(390);
  if (before) await page.setViewportSize(before);
}

/** The CSRF token of this API context's browser-like session (read from the sign-in form). */
export async function csrfToken(request: APIRequestContext): Promise<string> {
  const html = await (await request.get('/accedi')).text();
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('campo _csrf non trovato');
  return match[1]!;
}

/** Signs an API request context in (cookies kept in the context), posting the form like a browser without JS. */
export async function signInRequest(request: APIRequestContext, role: DemoRole) {
  const token = await csrfToken(request);
  const response = await request.post('/accedi', {
    form: { _csrf: token, email: ACCOUNTS[role], password: PASSWORD, redirectTo: '/' },
    maxRedirects: 0,
  });
  expect(response.status(), `accesso di ${role}`).toBe(302);
}

/** Ticks a Bootstrap Italia checkbox by clicking its label, as a user does (the styled label covers the box, and a
 *  forced click on the hidden box can land on a neighbouring label), then checks that it is ticked. */
export async function tick(page: Page, label: string | RegExp) {
  const box = page.getByLabel(label);
  if (!(await box.isChecked())) await page.locator(`label[for="${await box.getAttribute('id')}"]`).click();
  await expect(box).toBeChecked();
}

/**
 * Waits for the background job the page shows (an import) to end, done or failed: the page refreshes itself (meta
 * refresh, no JavaScript needed) until then.
 */
export async function expectJobEnd(page: Page) {
  await expect(page.locator('[data-job-status]')).toHaveAttribute('data-job-status', /^(done|failed|cancelled)$/, { timeout: 30_000 });
}
