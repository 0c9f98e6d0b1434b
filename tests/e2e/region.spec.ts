import { expect, test, type Download } from '@playwright/test';
import { expectAccessible, expectFitsPhone, PASSWORD, signIn, signInAs } from './support.ts';

async function text(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

test('the regional reviewer of Lombardy compares the demo Ambiti, filters, sorts, charts and exports the table', async ({ page }) => {
  await signIn(page, 'regional_reviewer');
  await page.getByRole('navigation').getByRole('link', { name: 'Regione', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gli Ambiti della Regione' })).toBeVisible();
  await page.goto('/regioni/03?anno=2025');
  const table = page.getByRole('table', { name: /Gli Ambiti nel 2025/ });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('rowheader', { name: /Ambito Territoriale di Gallarate/ })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: /Ambito n\. 5 – Sebino/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Gallarate/ })).toContainText('122.855');
  await expect(table.getByRole('row', { name: /Gallarate/ })).toContainText('Piano di Zona 2025-2027');
  await expect(table.getByRole('row', { name: /Sebino/ })).toContainText('54.346');
  await expect(page.getByText(/Cifre calcolate/)).toBeVisible();
  await expectAccessible(page);
  await expectFitsPhone(page);

  // Sorted by links (no JavaScript needed): inhabitants, smallest first, then largest first.
  await table.getByRole('link', { name: /^Abitanti(?! per)/ }).click();
  await expect(page).toHaveURL(/ambiti-ordina=popolazione&ambiti-verso=asc/);
  await expect(table.getByRole('row').nth(1)).toContainText('Sebino');
  await table.getByRole('link', { name: /^Abitanti(?! per)/ }).click();
  await expect(page).toHaveURL(/ambiti-verso=disc/);
  await expect(table.getByRole('row').nth(1)).toContainText('Gallarate');

  // Filter by province: Varese holds Gallarate only.
  await page.getByLabel('Provincia').selectOption({ label: 'Varese' });
  await page.getByRole('button', { name: 'Mostra' }).first().click();
  await expect(page.getByText('Mostrati 1 Ambiti su 2.')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.goto('/regioni/03?anno=2025');

  // The charts: the distribution and the ranking of a measure, and one Ambito against the regional median.
  await page.getByRole('combobox', { name: 'Misura nei grafici' }).selectOption({ label: 'abitanti' });
  await page.getByRole('combobox', { name: 'Confronta un Ambito con la mediana' }).selectOption({ label: 'Ambito Territoriale di Gallarate' });
  await page.getByRole('form', { name: 'Misura nei grafici' }).getByRole('button', { name: 'Mostra' }).click();
  await expect(page.getByText('Graduatoria degli Ambiti: abitanti').first()).toBeVisible();
  await expect(page.getByText('Ambito Territoriale di Gallarate e la mediana della Regione').first()).toBeVisible();
  await expectAccessible(page);

  // The LEPS view (the old regional LEPS table's address leads here).
  await page.goto('/leps/regione/03?anno=2025');
  await expect(page).toHaveURL(/\/regioni\/03\?vista=leps&anno=2025/);
  await expect(page.getByRole('table', { name: /assistenti sociali e LEPS/ }).getByRole('row', { name: /Gallarate/ })).toBeVisible();
  await page.goto('/regioni/03?anno=2025');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Esporta la tabella (CSV)' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe('ambiti-03-2025.csv');
  const lines = (await text(csv))
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]!.startsWith('codice_ambito;ambito;codice_regione;regione;provincia;')).toBe(true);
  expect(lines.some((l) => l.startsWith('gallarate;Ambito Territoriale di Gallarate;03;Lombardia;Varese;'))).toBe(true);
  expect(lines.some((l) => l.startsWith('sebino;Ambito n. 5 – Sebino;03;Lombardia;'))).toBe(true);
  expect(lines.some((l) => l.includes('fano'))).toBe(false);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Esporta la tabella (Excel)' }).click();
  expect((await xlsxDownload).suggestedFilename()).toBe('ambiti-03-2025.xlsx');
});

test('a reviewer of another Region sees none of the Ambiti of Lombardy', async ({ page }) => {
  await signInAs(page, 'regione.marche@cantiere.example', PASSWORD);
  await page.getByRole('navigation').getByRole('link', { name: 'Regione', exact: true }).first().click();
  await expect(page).toHaveURL(/\/regioni\/11/);
  await page.goto('/regioni/11?anno=2025');
  const table = page.getByRole('table', { name: /Gli Ambiti nel 2025/ });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('rowheader', { name: /Fano/ })).toBeVisible();
  await expect(page.getByText('Gallarate')).toHaveCount(0);
  await expectAccessible(page);
  for (const path of ['/regioni/03?anno=2025', '/regioni/03/esporta.csv?anno=2025', '/regioni/03/esporta.xlsx?anno=2025', '/italia']) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
    expect(await response.text()).not.toContain('Gallarate');
  }
});

test('the administrator sees every Region in the national view and can filter one', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Italia', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gli Ambiti d’Italia' })).toBeVisible();
  await page.goto('/italia?anno=2025');
  const table = page.getByRole('table', { name: /Gli Ambiti nel 2025/ });
  for (const name of [/Gallarate/, /Sebino/, /Fano/]) await expect(table.getByRole('rowheader', { name })).toBeVisible();
  await page.getByLabel('Regione', { exact: true }).selectOption({ label: 'Marche' });
  await page.getByRole('button', { name: 'Mostra' }).first().click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('rowheader', { name: /Fano/ })).toBeVisible();
  await expectAccessible(page);
});
