import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn, tick } from './support.ts';

// The open call (manifestazione di interesse), end to end: an anonymous visitor applies on the public page (first a
// refused fiscal code, named next to its field), the coordinator admits the application, and the contact signs in with
// the password chosen when applying. The demo's open call is «Avviso aperto per aderire ai Tavoli Tematici…».

/** A valid organisation fiscal code (11 digits with the Agenzia delle Entrate's check digit), different at each run. */
function fiscalCode(): string {
  const first10 = `9${String(Date.now()).slice(-9)}`;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10[i]);
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return first10 + String((10 - (sum % 10)) % 10);
}

async function openCallPath(page: Page): Promise<string> {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/partecipazione/avvisi');
  await expectAccessible(page);
  const href = await page.getByRole('link', { name: /^Avviso aperto per aderire/ }).getAttribute('href');
  expect(href).toMatch(/^\/ambiti\/gallarate\/partecipazione\/avvisi\/[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'Esci' }).click();
  return href!;
}

test('an organisation applies anonymously, is admitted by the coordinator and signs in', async ({ page }) => {
  const manage = await openCallPath(page);
  const publicPage = manage.replace('/partecipazione/avvisi/', '/avviso/');
  const code = fiscalCode();
  const email = `referente.${code}@prova.example`;
  const name = `Associazione di prova ${code}`;

  // Anonymous: the public page with the privacy notice, the retention and the form.
  await page.goto(publicPage);
  await page.waitForLoadState('networkidle'); // a checkbox clicked while the page hydrates can lose its state
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Avviso aperto per aderire');
  await expect(page.getByRole('heading', { name: 'Informativa sul trattamento dei dati personali' })).toBeVisible();
  await expect(page.getByText('Conservazione dei dati:')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Denominazione dell’organizzazione (obbligatorio)').fill(name);
  await page.getByLabel('Codice fiscale dell’organizzazione (obbligatorio)').fill('12345678901');
  await page.getByLabel('Forma giuridica (obbligatorio)').selectOption('aps');
  await tick(page, 'Tavolo Tematico Anziani');
  await page.getByLabel('Nome e cognome del referente (obbligatorio)').fill('Giulia Bianchi');
  await page.getByLabel('E-mail del referente (obbligatorio)').fill(email);
  await page.getByLabel('Password per il futuro accesso (obbligatorio)').fill('password-della-prova');
  await tick(page, /Ho letto l’informativa/);
  await page.getByRole('button', { name: 'Invia la domanda' }).click();
  // Refused: the fiscal code's check digit, named next to the field; what was typed is kept (not the password).
  await expect(page.getByRole('alert')).toContainText('Codice fiscale');
  await expect(page.getByLabel('Denominazione dell’organizzazione (obbligatorio)')).toHaveValue(name);
  await expectAccessible(page);
  await page.getByLabel('Codice fiscale dell’organizzazione (obbligatorio)').fill(code);
  await page.getByLabel('Password per il futuro accesso (obbligatorio)').fill('password-della-prova');
  await tick(page, 'Tavolo Tematico Anziani');
  await tick(page, /Ho letto l’informativa/);
  await page.getByRole('button', { name: 'Invia la domanda' }).click();
  await expect(page.getByText('Domanda inviata.')).toBeVisible();
  await expect(page.getByText('Fino ad allora non esiste alcun account.')).toBeVisible();
  await expectAccessible(page);

  // No account yet.
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(email);
  await page.getByLabel('Password').fill('password-della-prova');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('button', { name: 'Esci' })).toHaveCount(0);

  // The coordinator admits it.
  await signIn(page, 'coordinator');
  await page.goto(manage);
  await expect(page.getByRole('table', { name: /Domande ricevute/ })).toContainText(name);
  await expectAccessible(page);
  await page
    .getByRole('form', { name: `Ammetti la domanda di ${name}` })
    .getByRole('button', { name: 'Ammetti' })
    .click();
  await expect(page.getByRole('status')).toContainText('Domanda ammessa');
  await expect(page.getByRole('table', { name: /Domande ricevute/ })).toContainText('Ammessa');
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page.getByRole('button', { name: 'Esci' })).toHaveCount(0);

  // The contact signs in with the password chosen when applying.
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(email);
  await page.getByLabel('Password').fill('password-della-prova');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();
});
