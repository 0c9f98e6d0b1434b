import { expect, test } from '@playwright/test';
import { expectAccessible, expectFitsPhone, signIn } from './support.ts';

// The social-impact report: the public page of the Fano report passes axe and fits a phone; the administrator (the
// demo has no Fano account) opens the editor, which passes axe too, and sees the preview link of the report 2022.

const REPORT = '/ambiti/fano/bilancio-sociale';

test('the published Fano report: accessible, fits a phone, the users under 5 are never shown', async ({ page }) => {
  await page.goto(REPORT);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bilancio sociale 2022');
  await expect(page.getByRole('table', { name: /Persone raggiunte dai servizi nel 2022/ })).toContainText('127');
  await expectAccessible(page);
  await expectFitsPhone(page);
});

test('the editor of the report: sections, order and introductions, accessible', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto(`${REPORT}/modifica`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prepara il bilancio sociale');
  await expect(page.getByLabel('Introduzione a «Il piano»')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Anteprima' })).toHaveAttribute('href', `${REPORT}?anno=2022`);
  await expectAccessible(page);
  await expectFitsPhone(page);
});
