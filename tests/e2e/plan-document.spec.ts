import { expect, test } from '@playwright/test';
import { expectAccessible, expectFitsPhone, signIn } from './support.ts';

test('the coordinator generates the plan document as PDF and DOCX from the plan page, follows the progress and downloads them', async ({ page }) => {
  test.setTimeout(3 * 60_000); // two generations of the whole plan
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/piani');
  await page.getByRole('link', { name: /Piano di Zona 2025/ }).click();
  await page.getByRole('link', { name: 'Genera e scarica il documento (DOCX, PDF)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Documento del piano' })).toBeVisible();
  await expectAccessible(page);
  await expectFitsPhone(page);

  for (const [format, label] of [
    ['PDF', 'PDF accessibile e d’archivio (PDF/A-2, PDF/UA)'],
    ['DOCX', 'DOCX modificabile (Word, LibreOffice)'],
  ] as const) {
    await page.getByLabel('Formato').selectOption({ label });
    await page.getByLabel('Versione del piano').selectOption({ label: 'Testo corrente' });
    await page.getByRole('button', { name: 'Genera' }).click();
    await expect(page.getByText('Generazione avviata: il documento sarà pronto tra poco.')).toBeVisible();
    // The page refreshes itself while the generation runs, then offers the file.
    const download = page.getByRole('link', { name: new RegExp(`^Scarica ${format} \\(`) }).first();
    await expect(download).toBeVisible({ timeout: 90_000 });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(new RegExp(`^piano-gallarate-2025-2027-.*\\.${format.toLowerCase()}$`));
  }
  const table = page.getByRole('table', { name: 'Documenti generati' });
  await expect(table).toContainText('testo corrente del piano');
  await expect(table).toContainText('Impronta della versione');
  await expectAccessible(page);
});

test('the adopted plan’s document is published: anyone downloads it without signing in, a comune referent cannot generate', async ({ page, request }) => {
  await signIn(page, 'comune_referent');
  await page.goto('/ambiti/gallarate/piani');
  await page.getByRole('link', { name: /Piano di Zona 2025/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Piano di Zona 2025/ })).toBeVisible();
  const planUrl = page.url().split('?')[0];
  await page.goto(`${planUrl}/documento`);
  await expect(page.getByRole('heading', { level: 1, name: 'Documento del piano' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Genera' })).toHaveCount(0);
  // The adoption's document, made in the background from the frozen baseline at start-up.
  const adoption = page.getByRole('row', { name: /Documento dell’adozione/ }).getByRole('link', { name: /^Scarica PDF/ });
  await expect(async () => {
    await page.reload();
    await expect(adoption).toBeVisible();
  }).toPass({ timeout: 90_000 });
  const href = await adoption.getAttribute('href');
  const anonymous = await request.get(href!, { headers: { Cookie: '' } });
  expect(anonymous.status()).toBe(200);
  expect(anonymous.headers()['content-type']).toBe('application/pdf');
  expect((await anonymous.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const etag = anonymous.headers()['etag'];
  expect((await request.get(href!, { headers: { 'If-None-Match': etag! } })).status()).toBe(304);
});
