import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, expectFitsPhone, signIn } from './support.ts';

// The public portal of the demo Ambito di Gallarate, as an anonymous visitor: every page passes axe (WCAG 2.1 AA)
// and fits a 390 px phone, the sub-navigation marks the page shown, the figures are the demo's, and the visitor
// reaches the portal from the home page and from the Ambito's public page. The minutes of a meeting are published
// once approved (written by the Ufficio di Piano here, then downloaded by the visitor).

const PORTAL = '/portale/gallarate';

/** Each portal page: its address, its title (h1) and its entry in the sub-navigation. */
const PAGES = [
  { path: PORTAL, title: 'Ambito Territoriale di Gallarate', nav: 'Portale' },
  { path: `${PORTAL}/piano`, title: 'Piano di Zona 2025-2027 – Ambito Territoriale di Gallarate', nav: 'Il piano' },
  { path: `${PORTAL}/calendario`, title: 'Incontri e verbali', nav: 'Incontri' },
  { path: `${PORTAL}/partecipa`, title: 'Partecipa', nav: 'Partecipa' },
  { path: `${PORTAL}/progetti`, title: 'Progetti co-progettati', nav: 'Progetti' },
  { path: `${PORTAL}/spesa`, title: 'La spesa sociale', nav: 'Spesa' },
  { path: `${PORTAL}/leps`, title: 'Livelli essenziali: assistenti sociali', nav: 'LEPS' },
] as const;

const portalNav = (page: Page) => page.getByRole('navigation', { name: 'Sezioni del portale' });

for (const p of PAGES) {
  test(`portal, ${p.nav}: accessible, fits a phone, the page marked in the sub-navigation`, async ({ page }) => {
    const response = await page.goto(p.path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(p.title);
    await expect(portalNav(page).getByRole('link', { name: p.nav, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(portalNav(page).locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page.getByTestId('portal-privacy-rule')).toContainText('meno di 5');
    await expect(page.getByRole('button', { name: 'Esci' })).toHaveCount(0);
    await expectAccessible(page);
    await expectFitsPhone(page);
  });
}

test('portal home: the Ambito’s comuni, population and plan, with what is new', async ({ page }) => {
  await page.goto(PORTAL);
  await expect(page.getByTestId('portal-comuni')).toHaveText('9');
  await expect(page.getByTestId('portal-population')).toHaveText('122.855');
  await expect(page.getByTestId('portal-plan-status')).toHaveText('adottato');
  await expect(page.getByText('Adottato il')).toBeVisible();
  await expect(page.getByTestId('portal-plan-documents')).toContainText(/Documento in preparazione|Scarica il piano in PDF/);
  await expect(page.getByRole('table', { name: 'I 9 comuni dell’Ambito' }).getByRole('rowheader')).toHaveCount(9);
  await expect(page.getByRole('heading', { name: 'Prossimi incontri' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Dati aperti', exact: true })).toHaveAttribute('href', '/dati/gallarate');
  await expect(page.getByRole('link', { name: 'Glossario' })).toHaveAttribute('href', '/ambiti/gallarate/glossario');
});

test('portal plan and objective: objectives by area with progress, the objective in plain words', async ({ page }) => {
  await page.goto(`${PORTAL}/piano`);
  await expect(page.getByRole('heading', { name: 'Gli obiettivi per area' })).toBeVisible();
  await expect(page.getByText('Livelli essenziali (schede LEPS)').first()).toBeVisible();
  // The first objective of the first area, then its page: actions, indicators by year, resources by fund.
  const first = page.getByRole('table').first().getByRole('rowheader').first().getByRole('link');
  const code = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Obiettivo ${code}`);
  await expect(portalNav(page).getByRole('link', { name: 'Il piano', exact: true })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('heading', { name: 'Le azioni' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Gli indicatori: valori attesi e valori raggiunti' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Le risorse' })).toBeVisible();
  await expectAccessible(page);
  await expectFitsPhone(page);

  // The closed 2021-2023 plan is public too, by its period.
  await page.goto(`${PORTAL}/piano`);
  await page.getByRole('link', { name: 'Piano di Zona 2021-2023 – Ambito Territoriale di Gallarate' }).click();
  await expect(page).toHaveURL(/periodo=2021-2023/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Piano di Zona 2021-2023 – Ambito Territoriale di Gallarate');
  await expect(page.getByText('concluso').first()).toBeVisible();
  await expectAccessible(page);
  await expectFitsPhone(page);
  const missing = await page.goto(`${PORTAL}/piano?periodo=1999-2001`);
  expect(missing?.status()).toBe(404);
  const unknown = await page.goto(`${PORTAL}/piano/obiettivi/non-esiste`);
  expect(unknown?.status()).toBe(404);
});

test('portal spending and LEPS: 2022 by area as the Ambito’s data, small counts of people suppressed', async ({ page }) => {
  await page.goto(`${PORTAL}/spesa`);
  await expect(page.getByTestId('portal-spending-coverage')).toContainText('2022');
  await expect(page.getByTestId('portal-spending-coverage')).toContainText('dati complessivi dell’Ambito');
  const users = page.getByRole('table', { name: 'Persone seguite e spesa per area nel 2022' });
  await expect(users).toContainText('4.418');
  await expect(users).toContainText('meno di 5');
  await expect(page.getByRole('table', { name: 'Risorse per fondo' })).toBeVisible();
  await page.goto(`${PORTAL}/leps`);
  await expect(page.getByRole('table', { name: 'Assistenti sociali per anno rispetto a 1:5.000 e 1:4.000' })).toBeVisible();
});

test('an anonymous visitor reaches the portal from the home page and from the Ambito’s page; the language switch works', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Portale pubblico dell’Ambito' }).first().click();
  await expect(page).toHaveURL(/\/portale\/[a-z0-9-]+$/);
  await page.goto('/ambiti/gallarate');
  await page.getByRole('main').getByRole('link', { name: 'Portale pubblico dell’Ambito' }).click();
  await expect(page).toHaveURL(/\/portale\/gallarate$/);
  await expect(page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Portale pubblico' }).first()).toBeVisible();
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('navigation', { name: 'Portal sections' }).getByRole('link', { name: 'The plan', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What’s new' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Italiano' }).click();
  await expect(portalNav(page)).toBeVisible();
});

test('minutes: written, not published; approved, published and downloadable by anyone', async ({ page, browser, baseURL }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/organi');
  await page.getByRole('link', { name: 'Assemblea dei Sindaci', exact: true }).click();
  await page.getByText('Nuova riunione').click();
  await page.getByLabel('Titolo (obbligatorio)').fill('Assemblea dei Sindaci per il portale');
  await page.getByLabel('Data (obbligatorio)').fill('2026-11-10');
  await page.getByLabel('Ora di inizio (obbligatorio)').fill('17:00');
  await page.getByLabel('Ora di fine (obbligatorio)').fill('18:30');
  await page.getByLabel('Luogo').fill('Sala consiliare del Comune di Gallarate');
  await page.getByLabel('Ordine del giorno').fill('Relazione sul monitoraggio del piano\nVarie ed eventuali');
  await page.getByRole('button', { name: 'Crea la riunione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assemblea dei Sindaci per il portale' })).toBeVisible();
  await page.getByText('Scrivi o modifica il verbale').click();
  await page.getByLabel('Testo del verbale').fill('L’Assemblea prende atto della relazione sul monitoraggio.');
  await page.getByRole('button', { name: 'Salva il verbale' }).click();
  await expect(page.getByRole('status')).toContainText('Verbale salvato.');

  const visitor = await browser.newContext({ baseURL, locale: 'it-IT' });
  const anonymous = await visitor.newPage();
  await anonymous.goto(`${PORTAL}/calendario`);
  const meeting = anonymous.getByTestId('portal-meeting').filter({ hasText: 'Assemblea dei Sindaci per il portale' });
  await expect(meeting).toContainText('Relazione sul monitoraggio del piano');
  await expect(meeting).toContainText('Sala consiliare del Comune di Gallarate');
  await expect(meeting).toContainText('Verbale non ancora pubblicato.');
  await expect(meeting.getByRole('link', { name: 'Scarica il verbale' })).toHaveCount(0);

  // The minutes' form may still be open after the first save.
  if (!(await page.getByLabel('Data di approvazione').isVisible())) await page.getByText('Scrivi o modifica il verbale').click();
  await page.getByLabel('Data di approvazione').fill('2026-11-24');
  await page.getByLabel('Approvato da').fill('Assemblea dei Sindaci');
  await page.getByRole('button', { name: 'Salva il verbale' }).click();
  await expect(page.getByText('Verbale approvato il 24/11/2026 da Assemblea dei Sindaci.')).toBeVisible();

  await anonymous.reload();
  await expect(meeting).toContainText('approvato il 24/11/2026');
  const href = (await meeting.getByRole('link', { name: 'Scarica il verbale' }).getAttribute('href'))!;
  const file = await anonymous.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect(file.headers()['content-disposition']).toContain('attachment; filename="verbale-gallarate-2026-11-10.txt"');
  const text = await file.text();
  expect(text).toContain('Verbale – Assemblea dei Sindaci – riunione del 10/11/2026');
  expect(text).toContain('Approvato il 24/11/2026 da Assemblea dei Sindaci');
  expect(text).toContain('L’Assemblea prende atto della relazione sul monitoraggio.');
  await expectAccessible(anonymous);
  await visitor.close();
});
