import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD, expectAccessible, signIn } from './support.ts';

const COMUNI = [
  'Gallarate',
  'Albizzate',
  'Cairate',
  'Cassano Magnago',
  'Cavaria con Premezzo',
  'Jerago con Orago',
  'Oggiona con Santo Stefano',
  'Samarate',
  'Solbiate Arno',
];

test('the coordinator signs in, sees the 9 comuni and the population total, and signs out', async ({ page }) => {
  await page.goto('/');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Accedi' }).click();
  await expect(page.getByRole('heading', { name: 'Accedi a Cantiere' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Indirizzo e-mail').fill(ACCOUNTS.coordinator);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();

  await expect(page).toHaveURL(/\/ambiti\/gallarate$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ambito Territoriale di Gallarate' })).toBeVisible();
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(9);
  for (const [i, name] of COMUNI.entries()) await expect(rows.nth(i).getByRole('rowheader')).toContainText(name);
  await expect(page.getByTestId('population-total')).toHaveText('122.855');
  await expect(page.getByTestId('population-total-row')).toHaveText('120.498');
  await expect(rows.first()).toContainText('Ente capofila');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page).toHaveURL(/\/accedi/);
  await expect(page.getByRole('link', { name: 'Accedi' })).toBeVisible();
  await page.goto('/ambiti/gallarate/modifica');
  await expect(page).toHaveURL(/\/accedi\?redirectTo=/);
});

test('the same sign-in done with the keyboard alone', async ({ page }) => {
  await page.goto('/ambiti/gallarate');
  // The first Tab reaches the skip link; Enter moves to the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Vai al contenuto principale' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  // From the top of the page, Tab to the "Accedi" link and follow it.
  await page.goto('/ambiti/gallarate');
  const signInLink = page.getByRole('link', { name: 'Accedi' });
  for (let i = 0; i < 15 && !(await signInLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(signInLink).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Accedi a Cantiere' })).toBeVisible();

  const email = page.getByLabel('Indirizzo e-mail');
  for (let i = 0; i < 20 && !(await email.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(email).toBeFocused();
  await page.keyboard.type(ACCOUNTS.coordinator);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('population-total')).toHaveText('122.855');
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(9);

  const signOut = page.getByRole('button', { name: 'Esci' });
  await page.keyboard.press('Tab');
  for (let i = 0; i < 15 && !(await signOut.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(signOut).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Accedi' })).toBeVisible();
});

test('a wrong password gets an Italian message and no session', async ({ page }) => {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(ACCOUNTS.mayor);
  await page.getByLabel('Password').fill('password-sbagliata');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('alert')).toContainText('E-mail o password non corrette.');
  await expect(page.getByLabel('Indirizzo e-mail')).toHaveValue(ACCOUNTS.mayor);
  await expectAccessible(page);
});

test('the coordinator edits the Ambito, the change is in the audit log with before and after', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate');
  await page.getByRole('link', { name: 'Modifica i dati dell’Ambito' }).click();
  await expectAccessible(page);
  await page.getByLabel('Descrizione').fill('Nove comuni della provincia di Varese, capofila Gallarate.');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page).toHaveURL(/\/ambiti\/gallarate/);
  await expect(page.getByRole('status')).toContainText('Dati dell’Ambito salvati.');
  await expect(page.getByText('Nove comuni della provincia di Varese, capofila Gallarate.')).toBeVisible();

  await page.getByRole('link', { name: 'Registro delle attività' }).click();
  await expect(page.getByRole('heading', { name: 'Registro delle attività' })).toBeVisible();
  const entry = page.getByRole('row').filter({ hasText: 'territory.ambito.updated' }).first();
  await expect(entry).toContainText('Giulia Ferri');
  await expect(entry).toContainText('description');
  await expect(entry).toContainText('Nove comuni della provincia di Varese, capofila Gallarate.');
  await expectAccessible(page);

  await page.getByLabel('Tipo di oggetto').selectOption('ambito');
  await page.getByRole('button', { name: 'Filtra' }).click();
  await expect(page).toHaveURL(/entity=ambito/);
  await expect(page.getByRole('row').filter({ hasText: 'territory.ambito.updated' }).first()).toBeVisible();
});

test('invalid input is refused field by field, keeping what was typed', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/modifica');
  await page.getByLabel(/Nome dell’Ambito/).fill('X');
  await page.getByRole('button', { name: 'Salva' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Alcuni dati non sono validi');
  await expect(alert.getByRole('link', { name: 'Il nome dell’Ambito deve avere almeno 3 caratteri.' })).toBeVisible();
  await expect(page.getByLabel(/Nome dell’Ambito/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('the interface is available in English', async ({ page }) => {
  await page.goto('/ambiti/gallarate');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Comuni of the Ambito' })).toBeVisible();
  await expect(page.getByTestId('population-total')).toHaveText('122,855');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Italiano' }).click();
  await expect(page.getByRole('heading', { name: 'Comuni dell’Ambito' })).toBeVisible();
});

test('error pages are in Italian and show no internals', async ({ page }) => {
  const response = await page.goto('/pagina-che-non-esiste');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Pagina non trovata' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/ambiti/inesistente');
  await expect(page.getByRole('heading', { name: 'Pagina non trovata' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/Error:|at .*\.ts/);
});

test('the accessibility statement and the profile pages have no violations', async ({ page }) => {
  await page.goto('/accessibilita');
  await expect(page.getByRole('heading', { name: 'Dichiarazione di accessibilità' })).toBeVisible();
  await expectAccessible(page);
  await signIn(page, 'admin');
  await page.goto('/profilo');
  await expect(page.getByRole('heading', { name: 'Il tuo profilo' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/registro');
  await expectAccessible(page);
});
