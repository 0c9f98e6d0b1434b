import { expect, test } from '@playwright/test';
import { expectFitsPhone } from './support.ts';

// The public portal with JavaScript turned off (this file runs in the project with javaScriptEnabled: false, see
// playwright.config.ts): every page is complete as the server sends it, the sub-navigation and the links between the
// pages work, the tables sort by links and the charts' data open as native <details>.

const PORTAL = '/portale/gallarate';
const SECTIONS = [
  ['Il piano', 'Piano di Zona 2025-2027 – Ambito Territoriale di Gallarate'],
  ['Incontri', 'Incontri e verbali'],
  ['Partecipa', 'Partecipa'],
  ['Progetti', 'Progetti co-progettati'],
  ['Spesa', 'La spesa sociale'],
  ['LEPS', 'Livelli essenziali: assistenti sociali'],
  ['Portale', 'Ambito Territoriale di Gallarate'],
] as const;

test('without JavaScript: every portal page through its sub-navigation, accessible and fitting a phone', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Portale pubblico dell’Ambito' }).first().click();
  await page.goto(PORTAL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ambito Territoriale di Gallarate');
  const nav = page.getByRole('navigation', { name: 'Sezioni del portale' });
  for (const [link, title] of SECTIONS) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('portal-privacy-rule')).toBeVisible();
    await expectFitsPhone(page);
  }
});

test('without JavaScript: from the plan to an objective and back, sorting a table, opening a chart’s data', async ({ page }) => {
  await page.goto(`${PORTAL}/piano`);
  const table = page.getByRole('table').first();
  const first = table.getByRole('rowheader').first().getByRole('link');
  const code = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Obiettivo ${code}`);
  await page.getByRole('navigation', { name: 'Percorso' }).getByRole('link', { name: 'Piano di Zona 2025-2027 – Ambito Territoriale di Gallarate' }).click();
  await expect(page).toHaveURL(/\/portale\/gallarate\/piano$/);

  // Sorting by the budget column is a link: the page comes back sorted from the server.
  await page
    .getByRole('table')
    .first()
    .getByRole('link', { name: /^Risorse/ })
    .click();
  await expect(page).toHaveURL(/area-1-ordina=budget/);
  await expect(page.getByRole('table').first().locator('th[aria-sort]')).toHaveCount(1);

  await page.goto(`${PORTAL}/spesa`);
  await page.getByText('Dati del grafico').first().click();
  await expect(page.getByRole('table', { name: 'Spesa per area e per anno' })).toBeVisible();
});

test('without JavaScript: the language switch on the portal', async ({ page }) => {
  await page.goto(`${PORTAL}/partecipa`);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Take part');
  await expect(page.getByRole('navigation', { name: 'Portal sections' }).getByRole('link', { name: 'Take part', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.getByRole('link', { name: 'Italiano' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partecipa');
});
