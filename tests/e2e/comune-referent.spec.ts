import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

// Issue 10: the referent of Samarate (ISTAT 012118) lands on what the Ufficio di Piano awaits from its comune,
// enters Samarate's value of an indicator measured per comune and its social worker, and is refused for Gallarate.

const PERIOD = '2026-S1';

/** The period field, a free text or a list of periods. */
async function choosePeriod(page: Page, period: string) {
  const field = page.getByLabel('Periodo', { exact: true });
  if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(period);
  else await field.fill(period);
}

test('the Samarate referent lands on its to-do, enters its own values and is refused for another comune', async ({ page, browser }) => {
  test.setTimeout(180_000); // a long journey with axe on seven pages
  // The Ufficio di Piano starts collecting indicator D 1.3 (persons taken in charge by SAD/SADH) comune by comune.
  const office = await (await browser.newContext()).newPage();
  await signIn(office, 'staff');
  await office.goto('/ambiti/gallarate/monitoraggio');
  await office
    .getByRole('link', { name: /^Piano di Zona 2025-2027/ })
    .first()
    .click();
  await office.getByRole('link', { name: 'Obiettivo D: azioni e indicatori' }).click();
  await office.getByRole('link', { name: 'Indicatore 1.3: inserisci e vedi i valori' }).click();
  await expect(office.getByRole('heading', { level: 1, name: 'Indicatore D · 1.3' })).toBeVisible();
  const indicatorPath = new URL(office.url()).pathname;
  expect(indicatorPath).toMatch(/\/indicatori\/[0-9a-f-]{36}$/);
  const gallarateId = await office.locator('select[name="comuneId"] option', { hasText: /^Gallarate$/ }).getAttribute('value');
  expect(gallarateId).toMatch(/^[0-9a-f-]{36}$/);
  await choosePeriod(office, PERIOD);
  await office.getByLabel('Territorio').selectOption({ label: 'Gallarate' });
  await office.getByLabel('Valore', { exact: true }).fill('12');
  await office.getByRole('button', { name: 'Salva il valore' }).click();
  await expect(office.getByRole('status')).toContainText('Valore del 1° semestre 2026 salvato.');
  await office.context().close();

  // Sign-in lands the referent on Samarate's to-do.
  await signIn(page, 'comune_referent');
  await expect(page).toHaveURL(/\/ambiti\/gallarate\/comuni\/012118\/da-fare$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Da fare: Comune di Samarate' })).toBeVisible();
  const item = page.getByRole('link', { name: 'D · 1.3 n. di persone/nuclei familiari presi in carico dai servizi SAD-SADH — 1° semestre 2026' });
  await expect(item).toBeVisible();
  await expect(page.getByRole('link', { name: /Nessun assistente sociale del comune registrato per il \d{4}: inseriscili/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Manca la spesa sociale del comune per il \d{4}: importala/ })).toBeVisible();
  await expectAccessible(page);

  // The indicator: the referent can only choose Samarate.
  await item.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indicatore D · 1.3' })).toBeVisible();
  const territory = page.getByLabel('Territorio');
  await expect(territory.locator('option')).toHaveText(['Samarate']);
  await expectAccessible(page);
  await choosePeriod(page, PERIOD);
  await page.getByLabel('Valore', { exact: true }).fill('7');
  await page.getByRole('button', { name: 'Salva il valore' }).click();
  await expect(page.getByRole('status')).toContainText('Valore del 1° semestre 2026 salvato.');
  await expect(page.getByTestId('values').getByRole('row', { name: /1° semestre 2026 Samarate/ })).toContainText('7');
  await expectAccessible(page);

  // A crafted request for Gallarate's value is refused with the reason, and changes nothing.
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const forged = await page.request.post(indicatorPath, {
    form: { _csrf: csrf, period: '2026-S2', comuneId: gallarateId!, value: '99', version: '' },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain('Come referente puoi inserire solo i valori del tuo comune, non quelli di Gallarate.');

  // Back to the to-do: the period is done; the social workers are next.
  await page.goto('/');
  await expect(page).toHaveURL(/\/comuni\/012118\/da-fare$/);
  await expect(item).toHaveCount(0);
  await page.getByRole('link', { name: /Nessun assistente sociale del comune registrato/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assistenti sociali e rapporto con la popolazione' })).toBeVisible();
  await expect(page.getByLabel('Comune servito').locator('option')).toHaveText(['Samarate']);
  await expect(page.getByRole('heading', { name: 'Importa l’elenco' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel(/Codice della persona/).fill('SAM-AS-1');
  await page.getByLabel(/Datore di lavoro \(obbligatorio\)/).fill('Comune di Samarate');
  await page.getByLabel('Ore settimanali (su 36)').fill('25,7');
  await page.getByLabel(/In servizio dal/).fill('2024-01-01');
  await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  const row = page.getByRole('row', { name: /SAM-AS-1/ });
  await expect(row).toContainText('Samarate');
  await expect(row).toContainText('0,71');
  await expectAccessible(page);

  const csrf2 = await page.locator('input[name="_csrf"]').first().inputValue();
  const forgedPost = await page.request.post('/ambiti/gallarate/leps/assistenti-sociali', {
    form: {
      _csrf: csrf2,
      intent: 'create',
      code: 'GAL-AS-9',
      employerName: 'Comune di Gallarate',
      employerKind: 'comune',
      contract: 'tempo_indeterminato',
      fte: '1',
      comuneId: gallarateId!,
      validFrom: '2024-01-01',
    },
    maxRedirects: 0,
  });
  expect(forgedPost.status()).toBe(403);
  expect(await forgedPost.text()).toContain('solo gli assistenti sociali del tuo comune');

  await page.goto('/ambiti/gallarate/comuni/012118/da-fare');
  await expect(page.getByText(/Assistenti sociali del comune registrati per il \d{4}: 1 \(0,71 ETP\)/)).toBeVisible();
  await expectAccessible(page);

  // The referent may also remove its own row: the shared demo keeps the Ambito's staffing as it was for the other specs.
  await page.getByRole('main').getByRole('link', { name: 'Assistenti sociali', exact: true }).click();
  await page.getByRole('button', { name: /Elimina la riga SAM-AS-1/ }).click();
  await expect(page.getByRole('row', { name: /SAM-AS-1/ })).toHaveCount(0);
});
