import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD } from './support.ts';

// Progressive enhancement: the same flows with JavaScript turned off (this project runs with javaScriptEnabled: false).
test('without JavaScript: sign in, edit the Ambito, switch language, sign out', async ({ page }) => {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(ACCOUNTS.coordinator);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByTestId('population-total')).toHaveText('122.855');

  await page.getByRole('link', { name: 'Modifica i dati dell’Ambito' }).click();
  await page.getByLabel('Descrizione').fill('Modificato senza JavaScript.');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status')).toContainText('Dati dell’Ambito salvati.');
  await expect(page.getByText('Modificato senza JavaScript.')).toBeVisible();

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Comuni of the Ambito' })).toBeVisible();
  await page.getByRole('link', { name: 'Italiano' }).click();

  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByRole('link', { name: 'Accedi' })).toBeVisible();
});
