import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD } from './support.ts';

// Without JavaScript (this file runs in the no-JavaScript project): an import is a background job whose page refreshes
// itself (meta refresh) until it ends, and the regional workspace asks for its recomputation with a plain form.
test('without JavaScript: a spending import runs as a job and its page refreshes itself until it ends, here with the problems', async ({ page }) => {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(ACCOUNTS.staff);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.goto('/ambiti/gallarate/risorse/importa');
  // A file with an error (the later specs share this database: a refused import changes nothing).
  const file = ['anno;ente;area;canale;importo_euro;note', '2023;012070;ANZIANI;COMUNI;mille;prova senza JavaScript'].join('\n');
  await page.getByLabel('File della spesa (CSV o XLSX)').setInputFiles({ name: 'senza-js-2023.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Importa' }).click();
  await expect(page).toHaveURL(/\?lavoro=[0-9a-f-]{36}/);
  await expect(page.locator('[data-job-status]')).toHaveAttribute('data-job-status', 'failed', { timeout: 30_000 });
  await expect(page.getByRole('alert')).toContainText('senza-js-2023.csv, riga 2, colonna importo_euro');
});

test('without JavaScript: the regional reviewer asks for the figures to be recomputed', async ({ page }) => {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(ACCOUNTS.regional_reviewer);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.goto('/regioni/03?anno=2025');
  await page.getByRole('button', { name: 'Ricalcola le cifre del 2025' }).click();
  await expect(page).toHaveURL(/aggiorna=1/);
  // Queued, under way or already done: the page says so, and once done it shows the figures with their time.
  await expect(page.getByRole('button', { name: 'Ricalcola le cifre del 2025' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Cifre calcolate/)).toBeVisible();
  await expect(page.getByRole('table', { name: /Gli Ambiti nel 2025/ }).getByRole('rowheader', { name: /Gallarate/ })).toBeVisible();
});
