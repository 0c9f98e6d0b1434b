import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

const HEADER =
  'anno;livello;codice;totale;maschi;femmine;eta_0_14;eta_15_64;eta_65_piu;eta_75_piu;eta_0_17;nati;morti;saldo_migratorio;stranieri;anziani_soli;superficie_km2';

test('the context profile shows the population trend, the published indices with formulas and the comuni', async ({ page }) => {
  await page.goto('/ambiti/gallarate/territorio');
  await expect(page.getByRole('heading', { level: 1, name: 'Territorio e popolazione' })).toBeVisible();
  const trend = page.locator('#tabella-andamento');
  await expect(trend.getByRole('row')).toHaveCount(4);
  await expect(trend).toContainText('122.026');
  await expect(trend).toContainText('122.855');
  await expect(page.getByRole('figure').first()).toContainText('Popolazione residente dell’Ambito, 2021–2023');
  const indices = page.locator('#tabella-indici');
  await expect(indices.getByRole('row', { name: /Tasso di crescita totale/ })).toContainText('-3,13 ‰');
  await expect(indices.getByRole('row', { name: /Indice di vecchiaia/ })).toContainText('popolazione di 65 anni e più ÷ popolazione di 0-14 anni × 100');
  await expect(page.locator('#tabella-comuni').locator('tbody tr')).toHaveCount(9);
  await expectAccessible(page);
});

test('a malformed population CSV is refused with row and column named and nothing imported; the corrected file is imported', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/territorio');
  const bad = [HEADER, '2024;comune;012070;53000;25600;27400;6600;33700;12700;;;;;;;;', '2024;comune;012002;cinquemila;;;;;;;;;;;;;'].join('\n');
  await page.getByLabel('File CSV').setInputFiles({ name: 'popolazione-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Importa' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Il file popolazione-2024.csv non è stato importato');
  await expect(alert).toContainText('popolazione-2024.csv, riga 3, colonna totale');
  await expect(alert).toContainText('Nessun dato è stato modificato');
  await expectAccessible(page);
  await expect(page.locator('#tabella-comuni').getByRole('row', { name: /Gallarate/ })).toContainText('2011');

  const good = bad.replace('cinquemila', '5300');
  await page.getByLabel('File CSV').setInputFiles({ name: 'popolazione-2024.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: 'Importa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importate 2 righe' })).toBeVisible();
  const gallarate = page.locator('#tabella-comuni').getByRole('row', { name: /Gallarate/ });
  await expect(gallarate).toContainText('53.000');
  await expect(gallarate).toContainText('2024');
  await expect(gallarate).toContainText('192,42');
});

test('the administrator imports an Ambito composition from the page; a bad file is refused with row and column', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/amministrazione/territorio');
  await expectAccessible(page);
  const header = 'codice_ambito;nome_ambito;codice_regione;forma_gestione;distretto_sanitario;codice_istat_comune;capofila;valido_dal;valido_al';
  // A Veneto Ambito, so that the Lombardy views of other tests are not affected.
  const bad = [
    header,
    'prova-e2e;Ambito di prova;05;convenzione;;028001;sì;2025-01-01;',
    'prova-e2e;Ambito di prova;05;convenzione;;28002;no;2025-01-01;',
  ].join('\n');
  await page.getByLabel('File CSV della composizione').setInputFiles({ name: 'ambiti.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Importa gli Ambiti' }).click();
  await expect(page.getByRole('alert')).toContainText('ambiti.csv, riga 3, colonna codice_istat_comune');
  await expect(page.getByRole('link', { name: 'Ambito di prova' })).toHaveCount(0);
  await expectAccessible(page);
  await page
    .getByLabel('File CSV della composizione')
    .setInputFiles({ name: 'ambiti.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.replace(';28002;', ';028002;')) });
  await page.getByRole('button', { name: 'Importa gli Ambiti' }).click();
  await expect(page.getByRole('status')).toHaveText('Ambito prova-e2e: 2 comuni (creato).');
  await page.getByRole('link', { name: 'Ambito di prova' }).click();
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(2);
});

test('on a phone (390 px) the Ambito page and the comune to-do do not overflow: wide tables scroll inside their box', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate');
  await expect(page.getByTestId('population-total')).toHaveText('122.855');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.goto('/ambiti/gallarate/comuni/012118/da-fare');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a form the page does not have (unknown intent) is refused with 400 and a message, and nothing is imported', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/territorio');
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const response = await page.request.post('/ambiti/gallarate/territorio', { form: { _csrf: csrf, intent: 'xyz' }, maxRedirects: 0 });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('Il modulo inviato («xyz») non esiste in questa pagina');
});
