import { expect, test } from '@playwright/test';
import { csrfToken, expectAccessible, signIn, signInRequest } from './support.ts';

test('the Gallarate LEPS dashboard shows the five priority LEPS with their 2025 targets and funds', async ({ page }) => {
  await signIn(page, 'mayor');
  await page.goto('/ambiti/gallarate');
  await page.getByRole('navigation').getByRole('link', { name: 'LEPS', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /LEPS/ })).toBeVisible();
  await page.goto('/ambiti/gallarate/leps?anno=2025');
  // By the LEPS code that anchors the row: the VMD row names the PIPPI LEPS too (objective I, shown under both).
  const row = page.locator('tr', { has: page.locator('#LEPS_PREVENZIONE_ALLONTANAMENTO') });
  await expect(row).toContainText('Programmato con valori attesi per l’anno');
  await expect(row).toContainText('IND-4');
  await expect(row).toContainText('370.000 €');
  // Objective 4 of the plan programmes it: 240.000 € Fondo Povertà quota servizi + 18.000 € povertà estrema.
  const pis = page.getByRole('row', { name: /Pronto intervento sociale/ });
  await expect(pis).toContainText('Programmato con valori attesi per l’anno');
  await expect(pis).toContainText('4 – Studio di fattibilità');
  await expect(pis).toContainText('258.000 €');
  // Objective I (265.000 €) shows under two LEPS: the total counts it once.
  await expect(page.getByTestId('leps-budget-total')).toHaveText('3.948.743 €');
  // No social worker in service in 2025: the sentence says so (without any staff row at all, or with rows of other
  // years only, e.g. those the data requests' journey validates for 2024) and gives the FTE the LEPS needs.
  await expect(page.getByText(/122\.855 abitanti/).first()).toBeVisible();
  await expect(page.getByText(/servono almeno 24,57/).first()).toBeVisible();
  await expectAccessible(page);
});

test('the Ufficio di Piano records a social worker and sees the ratio, the gap in FTE and the chart', async ({ page }) => {
  await signIn(page, 'staff');
  await page.goto('/ambiti/gallarate/leps/assistenti-sociali?anno=2025');
  await expectAccessible(page);
  await page.getByLabel(/Codice della persona/).fill('E2E-01');
  await page.getByLabel(/Datore di lavoro \(obbligatorio\)/).fill('Comune di Gallarate');
  await page.getByLabel('Tipo di datore di lavoro').selectOption('ente_capofila');
  await page.getByLabel(/Ore settimanali/).fill('18');
  await page.getByLabel(/In servizio dal/).fill('2025-01-01');
  await page.getByRole('button', { name: 'Aggiungi' }).click();
  await expect(page.getByRole('rowheader', { name: 'E2E-01' })).toBeVisible();
  await expect(page.getByText('122.855 abitanti / 0,50 ETP = 245.710 abitanti per assistente sociale')).toBeVisible();
  await expect(page.getByText(/mancano 24,07 ETP, cioè 25 assistenti sociali a tempo pieno da assumere/)).toBeVisible();
  await expect(page.getByRole('figure')).toHaveCount(1);
  await expectAccessible(page);
  // A wrong value is reported on its field.
  await page.getByLabel(/Codice della persona/).fill('E2E-02');
  await page.getByLabel(/Datore di lavoro \(obbligatorio\)/).fill('Comune di Gallarate');
  await page.getByLabel(/^ETP/).fill('abc');
  await page.getByLabel(/In servizio dal/).fill('2025-01-01');
  await page.getByRole('button', { name: 'Aggiungi' }).click();
  await expect(page.getByRole('alert')).toContainText('ETP: numero non valido «abc»');
  await expectAccessible(page);
  await page.getByRole('button', { name: /Elimina la riga E2E-01/ }).click();
  await expect(page.getByRole('rowheader', { name: 'E2E-01' })).toHaveCount(0);
});

test('the LEPS catalogue lists 16 LEPS and the administrator edits an entry, which keeps its history', async ({ page }) => {
  await page.goto('/leps/catalogo');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(17);
  await expectAccessible(page);
  await signIn(page, 'admin');
  await page.goto('/leps/catalogo/LEPS_SUPERVISIONE');
  const note = page.getByLabel('Nota (facoltativa)');
  const before = await note.inputValue();
  await note.fill(`${before} Verificato con le Linee di indirizzo.`);
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByText('revisione 2', { exact: false })).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: /Nota: «La tabella indica solo «PNRR».*» → «.*Verificato con le Linee di indirizzo\.»/ }),
  ).toHaveCount(1);
  await expectAccessible(page);
});

test('a form the social-workers page does not have is refused with 400', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signInRequest(request, 'staff');
  const post = await request.post('/ambiti/gallarate/leps/assistenti-sociali', {
    form: { _csrf: await csrfToken(request), intent: 'xyz', code: 'X-1' },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(400);
  expect(await post.text()).toContain('Il modulo inviato («xyz») non esiste in questa pagina');
  await request.dispose();
});
