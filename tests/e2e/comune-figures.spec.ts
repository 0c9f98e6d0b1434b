import { expect, test } from '@playwright/test';
import { expectAccessible, expectFitsPhone, signIn } from './support.ts';

// A comune's figures across years beside the Ambito's: the referent of Samarate (ISTAT 012118) opens them from its
// to-do; the Ufficio di Piano from the territory page's list of comuni; an anonymous visitor is sent to the sign-in.
// The demo has the Ambito's own spending of 2022 (PdZ Gallarate 2025-2027, Tabella 2.4: 19.834.861 €) and its
// population (Tabella 2.1: 122.675 at 31/12/2022), and no spending of single comuni.

const PAGE = '/ambiti/gallarate/comuni/012118/dati';

test('the Samarate referent opens its figures from the to-do: the Ambito’s 2022 beside Samarate’s n.d. with the reason, and the sources', async ({ page }) => {
  await signIn(page, 'comune_referent');
  await page.goto('/ambiti/gallarate/comuni/012118/da-fare');
  await page.getByRole('link', { name: 'Dati del comune negli anni' }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Dati del comune negli anni: Comune di Samarate' })).toBeVisible();

  const spending = page.locator('#tabella-spesa');
  const row2022 = spending.getByRole('row', { name: /^2022/ });
  await expect(row2022).toContainText('19.834.861');
  await expect(row2022).toContainText('dati complessivi dell’Ambito');
  // 19.834.861 € ÷ 122.675 inhabitants = 161,69 € per inhabitant.
  await expect(row2022).toContainText('161,69');
  // Samarate has no spending recorded for 2022: n.d. and the reason, never 0.
  await expect(row2022).toContainText('n.d.');
  await expect(row2022).toContainText('il comune non ha spesa registrata per il 2022');

  await expect(page.getByRole('heading', { level: 2, name: 'Utenti per area' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Assistenti sociali al 31 dicembre' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Fonti' })).toBeVisible();
  const sources = page.locator('#tabella-fonti');
  await expect(sources.getByRole('row', { name: /Spesa dell’Ambito 2022/ })).toBeVisible();
  await expect(sources.getByRole('row', { name: /Popolazione dell’Ambito 2022/ })).toContainText('Tabella 2.1');

  // The chart is drawn on the server, with the figures in a table on the page.
  await expect(page.getByText('Spesa sociale per abitante: il comune e l’Ambito')).toBeVisible();
  await expectAccessible(page);
  await expectFitsPhone(page);
});

test('the Ufficio di Piano opens a comune’s figures from the territory page', async ({ page }) => {
  await signIn(page, 'staff');
  await page.goto('/ambiti/gallarate/territorio');
  await page.locator('#tabella-comuni').getByRole('link', { name: 'Samarate' }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Dati del comune negli anni: Comune di Samarate' })).toBeVisible();
});

test('an anonymous visitor is sent to the sign-in; the territory page has no links to the internal page', async ({ page }) => {
  await page.goto('/ambiti/gallarate/territorio');
  await expect(page.locator('#tabella-comuni').getByRole('link', { name: 'Samarate' })).toHaveCount(0);
  await page.goto(PAGE);
  await expect(page).toHaveURL(/\/accedi\?redirectTo=/);
});

test('a member of the Ambito (third sector) reads the page; an unknown comune is a 404', async ({ page }) => {
  await signIn(page, 'third_sector');
  const response = await page.goto(PAGE);
  expect(response?.status()).toBe(200);
  const missing = await page.goto('/ambiti/gallarate/comuni/999999/dati');
  expect(missing?.status()).toBe(404);
});
