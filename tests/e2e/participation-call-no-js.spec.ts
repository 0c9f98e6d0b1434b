import { expect, test } from '@playwright/test';
import { signInRequest, tick } from './support.ts';

// Progressive enhancement: an application to the demo's open call with JavaScript turned off (this file runs in the
// project with javaScriptEnabled: false, see playwright.config.ts): a refusal keeps what was typed, then the
// application is sent and the page says what happens next.
test('without JavaScript: an organisation applies to the open call', async ({ page, playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL });
  await signInRequest(admin, 'admin');
  const html = await (await admin.get('/ambiti/gallarate/partecipazione/avvisi')).text();
  await admin.dispose();
  const id = /href="\/ambiti\/gallarate\/partecipazione\/avvisi\/([0-9a-f-]{36})"[^>]*>Avviso aperto per aderire/.exec(html)?.[1];
  expect(id, 'avviso aperto della demo').toBeTruthy();

  // 11 digits with a valid check digit, different at each run.
  const first10 = `8${String(Date.now()).slice(-9)}`;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10[i]);
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  const code = first10 + String((10 - (sum % 10)) % 10);

  await page.goto(`/ambiti/gallarate/avviso/${id}`);
  await page.getByLabel('Denominazione dell’organizzazione (obbligatorio)').fill(`ODV senza JavaScript ${code}`);
  await page.getByLabel('Codice fiscale dell’organizzazione (obbligatorio)').fill(code);
  await page.getByLabel('Forma giuridica (obbligatorio)').selectOption('odv');
  await page.getByLabel('Nome e cognome del referente (obbligatorio)').fill('Luca Verdi');
  await page.getByLabel('E-mail del referente (obbligatorio)').fill(`luca.${code}@prova.example`);
  await page.getByLabel('Password per il futuro accesso (obbligatorio)').fill('password-senza-js');
  await tick(page, /Ho letto l’informativa/);
  // No table chosen: refused, naming the field, keeping what was typed.
  await page.getByRole('button', { name: 'Invia la domanda' }).click();
  await expect(page.getByRole('alert')).toContainText('Tavoli: scegli almeno un tavolo a cui aderire.');
  await expect(page.getByLabel('Nome e cognome del referente (obbligatorio)')).toHaveValue('Luca Verdi');
  await tick(page, 'Tavolo Tematico Minori e Famiglie');
  await page.getByLabel('Password per il futuro accesso (obbligatorio)').fill('password-senza-js');
  await tick(page, /Ho letto l’informativa/);
  await page.getByRole('button', { name: 'Invia la domanda' }).click();
  await expect(page.getByText('Domanda inviata.')).toBeVisible();
  await expect(page.getByText('Che cosa succede ora')).toBeVisible();
});
