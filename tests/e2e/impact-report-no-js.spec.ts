import { expect, test } from '@playwright/test';
import { expectFitsPhone } from './support.ts';

// The social-impact report of the Marche demo Ambito (ATS n. 6 Fano) with JavaScript turned off (this file runs in
// the project with javaScriptEnabled: false): the published report is complete as the server sends it, passes axe,
// fits a phone, every chart has its summary and its data table (a native <details>), and the PDF answers.

const REPORT = '/ambiti/fano/bilancio-sociale';

test('without JavaScript: the published Fano report 2022, accessible, fitting a phone, every chart with its data', async ({ page }) => {
  await page.goto(REPORT);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Il welfare della nostra comunità – Bilancio sociale 2022');
  for (const title of [
    'Il piano',
    'La partecipazione',
    'Agenda 2030: obiettivi e ricadute',
    'La co-progettazione',
    'I livelli essenziali raggiunti',
    'Gli utenti dei servizi',
    'La spesa negli anni',
  ])
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByTestId('impact-projects-total')).toContainText('2.143.536,31');
  await expect(page.getByTestId('impact-fte')).toContainText('21');
  const figures = page.locator('figure.chart');
  expect(await figures.count()).toBeGreaterThanOrEqual(5);
  const first = figures.first();
  await first.locator('summary').click();
  await expect(first.getByRole('table')).toBeVisible();
  await expectFitsPhone(page);
  const pdf = await page.request.get(`${REPORT}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
});
