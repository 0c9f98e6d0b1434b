import { expect, test } from '@playwright/test';
import { expectAccessible, expectFitsPhone, signIn } from './support.ts';

// The returns page (reports module): the demo's ATS 6 Fano has 21 permanent social workers of the capofila from 2022
// and, as its only population, the 2011 census (102.900 inhabitants, fixtures/demo/fano/README.md).
// L. 178/2020 for 2022: edges 102.900 / 6.500 = 15,8308; / 5.000 = 20,58; / 4.000 = 25,725 FTE.
//   a) (20,58 − 15,830769) × 40.000 € = 4,749231 × 40.000 = 189.969,23 €
//   b) (21 − 20,58) × 20.000 € = 0,42 × 20.000 = 8.400,00 €        total 198.369,23 €

test('the administrator opens the returns of Fano for 2022: the L. 178/2020 contribution, its sources and its file', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/ambiti/fano/adempimenti?anno=2022');
  await expect(page.getByRole('heading', { level: 1, name: 'Adempimenti: ritorni nazionali e regionali' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Assistenti sociali – L\. 178\/2020/ })).toBeVisible();
  await expect(page.getByTestId('l178-fte')).toHaveText('21,00');
  await expect(page.getByTestId('l178-population')).toHaveText('102.900');
  await expect(page.getByTestId('l178-total')).toHaveText('198.369,23 €');
  const bands = page.getByRole('table', { name: 'Fasce del contributo' });
  await expect(bands.getByRole('row', { name: /^a\)/ })).toContainText('189.969,23 €');
  await expect(bands.getByRole('row', { name: /^b\)/ })).toContainText('8.400 €');
  // Every return names its sources.
  await expect(page.getByText('Righe del personale registrate: 21')).toBeVisible();
  for (const id of ['sioss', 'fondi', 'spesa-area-canale', 'fnps']) await expect(page.locator(`#${id}`).getByText('Fonti', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await expectFitsPhone(page);

  const downloadPromise = page.waitForEvent('download');
  await page.locator('#assistenti-sociali').getByRole('link', { name: 'Scarica il file CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('fano-2022-assistenti-sociali-l178.csv');
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Quadro;Voce;Valore;Unità');
  expect(lines).toContain('Contributo;Contributo spettante;198369.23;euro');
  expect(lines).toContain('Popolazione;Popolazione residente;102900;abitanti');
});

test('the year is chosen with a form that works without JavaScript', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/adempimenti');
  await page.getByLabel('Anno di riferimento', { exact: true }).selectOption('2024');
  await page.getByRole('button', { name: 'Mostra' }).click();
  await expect(page).toHaveURL(/\/ambiti\/gallarate\/adempimenti\?anno=2024$/);
  await expect(page.getByRole('heading', { level: 2, name: /Matrice FNPS.*2024/ })).toBeVisible();
  // Gallarate is in Lombardy: the minimum share to children and families is 50 %.
  await expect(page.getByText('Quota minima in Lombardia')).toBeVisible();
});

test('the returns are not for everyone: a comune referent is refused, an anonymous visitor asked to sign in', async ({ page }) => {
  await signIn(page, 'comune_referent');
  const refused = await page.goto('/ambiti/gallarate/adempimenti');
  expect(refused?.status()).toBe(403);
  await page.context().clearCookies();
  await page.goto('/ambiti/gallarate/adempimenti/fnps-matrice.csv?anno=2024');
  await expect(page).toHaveURL(/\/accedi/);
});
