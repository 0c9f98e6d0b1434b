import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD } from './support.ts';

// Progressive enhancement: measurements entered and imported with JavaScript turned off (this file runs in the
// project with javaScriptEnabled: false, see playwright.config.ts).
test('without JavaScript: measurements are entered and imported from CSV, and the target status follows', async ({ page }) => {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(ACCOUNTS.staff);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();

  await page.goto('/ambiti/gallarate/monitoraggio');
  await page.getByRole('link', { name: /^Piano di Zona 2025-2027/ }).click();
  const dashboard = page.url();
  // Objective F of seed 002: "N. incontri su invito realizzati", at least 2 a year.
  await page.getByRole('link', { name: 'Obiettivo F: azioni e indicatori' }).click();
  await page.getByRole('link', { name: 'Indicatore 1.1: inserisci e vedi i valori' }).click();
  const target2025 = page.getByTestId('targets').getByRole('row', { name: /^2025: ≥ 2/ });
  for (const period of ['2025-S1', '2025-S2']) {
    await page.getByLabel('Periodo', { exact: true }).selectOption(period);
    await page.getByLabel('Valore', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Salva il valore' }).click();
    await expect(page.getByRole('status')).toContainText('salvato');
  }
  await expect(target2025).toContainText('2025: 2 = 2 → raggiunto');

  // The CSV import: a bad row refuses the whole file with row and column; the corrected file goes in.
  await page.goto(dashboard);
  await page.getByLabel('File CSV delle misure').setInputFiles({
    name: 'misure.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('obiettivo;indicatore;periodo;comune_istat;valore;numeratore;denominatore;nota\nL;2.2;2025-S1;;1;;;\nL;2.2;2025-S2;;due;;;\n'),
  });
  await page.getByRole('button', { name: 'Importa le misure' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Il file misure.csv non è stato importato (1 errore)');
  await expect(alert).toContainText('misure.csv, riga 3, colonna valore: numero non valido: «due»');
  await page.getByLabel('File CSV delle misure').setInputFiles({
    name: 'misure.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('obiettivo;indicatore;periodo;comune_istat;valore;numeratore;denominatore;nota\nL;2.2;2025-S1;;1;;;\nL;2.2;2025-S2;;2;;;\n'),
  });
  await page.getByRole('button', { name: 'Importa le misure' }).click();
  await expect(page.getByRole('status')).toHaveText('Importate 2 misure da misure.csv (2 nuove, 0 sostituite).');
  await expect(page.getByRole('heading', { level: 3, name: /L · 2\.2/ })).toBeVisible();
});
