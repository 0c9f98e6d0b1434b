import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

// Participation – the planning path of a plan: the public sees on the adopted plan's page where the plan stands; the
// Ufficio di Piano opens the path page from there, adopts a template's proposal on a plan without a path and closes
// a step (refused first, for a date in the future).

async function openPlan(page: Page, period: '2025' | '2021') {
  await page.goto('/ambiti/gallarate/piani');
  await page.getByRole('link', { name: new RegExp(`^Piano di Zona ${period}`) }).click();
}

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `trabocco orizzontale su ${page.url()}`).toBeLessThanOrEqual(0);
}

test('the public reads where the adopted plan stands, without the link to the members’ page', async ({ page }) => {
  // Anonymous visitors read the adopted plan on the Ambito's public portal (the internal plan page sends them there).
  await page.goto('/portale/gallarate/piano');
  const panel = page.locator('section#percorso');
  await expect(panel.getByRole('heading', { name: 'Dove si trova il piano nel suo percorso' })).toBeVisible();
  await expect(panel).toContainText('Fase 6 di 6: Trasmissione ad ATS e Regione');
  await expect(panel.getByRole('listitem')).toHaveCount(6);
  await expect(panel).toContainText('chiusa il 02/12/2024');
  await expect(panel.getByRole('link', { name: 'Il percorso del piano, fase per fase' })).toHaveCount(0);
});

test('the Ufficio di Piano reads the path, adopts the proposal on a plan without one and closes a step', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'coordinator');
  await openPlan(page, '2025');
  await page.getByRole('link', { name: 'Il percorso del piano, fase per fase' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Percorso del piano' })).toBeVisible();
  await expect(page.getByTestId('path-step')).toHaveText('6 di 6');
  await expect(page.getByTestId('path-done')).toHaveText('5');
  await expect(page.getByRole('table', { name: /Fasi del percorso \(6\)/ })).toBeVisible();
  await noHorizontalOverflow(page);
  await expectAccessible(page);

  // The 2021-2023 plan has no path: its template (generic) proposes one, adopted with one button.
  await openPlan(page, '2021');
  await page.getByRole('link', { name: 'Il percorso del piano, fase per fase' }).click();
  await expect(page.getByText('Il piano non ha ancora un percorso')).toBeVisible();
  await expect(page.getByRole('table', { name: /Fasi proposte dal modello \(6\)/ })).toBeVisible();
  await noHorizontalOverflow(page);
  await expectAccessible(page);
  await page.getByLabel('Data di avvio prevista').fill('2020-09-01');
  await page.getByRole('button', { name: 'Usa il percorso proposto dal modello' }).click();
  await expect(page.getByRole('status')).toContainText('Percorso creato dal modello');
  await expect(page.getByTestId('path-step')).toHaveText('1 di 6');
  await expect(page.getByTestId('path-late')).toHaveText('5');

  const first = page.locator('#fase-1');
  await first.getByText('Avvio della fase').click();
  await first.getByLabel('Data di avvio (obbligatorio)').fill('2020-09-01');
  await first.getByRole('button', { name: 'Registra l’avvio' }).click();
  await expect(page.getByRole('status')).toContainText('Avvio della fase registrato.');

  await page.locator('#fase-1').getByText('Chiusura della fase').click();
  await page.locator('#fase-1').getByLabel('Data di chiusura (obbligatorio)').fill('2099-01-01');
  await page.locator('#fase-1').getByRole('button', { name: 'Registra la chiusura' }).click();
  await expect(page.getByRole('alert')).toContainText('Data di chiusura: non può essere una data futura.');
  await page.locator('#fase-1').getByLabel('Data di chiusura (obbligatorio)').fill('2020-11-30');
  await page.locator('#fase-1').getByLabel('Atto di chiusura').fill('Relazione sul contesto');
  await page.locator('#fase-1').getByRole('button', { name: 'Registra la chiusura' }).click();
  await expect(page.getByRole('status')).toContainText('Chiusura della fase registrata.');
  await expect(page.getByTestId('path-step')).toHaveText('2 di 6');
  await expect(page.getByTestId('path-done')).toHaveText('1');
  await noHorizontalOverflow(page);
  await expectAccessible(page);
});
