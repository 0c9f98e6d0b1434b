import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, expectAccessible } from './support.ts';

// Sign-in with an OpenID Connect identity provider, end to end: the server is configured (playwright.config.ts) with
// the test provider started beside it (tests/support/oidc-provider.ts, a real oidc-provider), whose identity «giulia»
// carries the demo coordinator's e-mail, verified; «anna» has no Cantiere account.

const BUTTON = 'Entra con Provider di prova';

/** At the provider: its login form, as a person would fill it. */
async function loginAtProvider(page: Page, login: string) {
  await expect(page.getByRole('heading', { name: "Fornitore d'identità di prova" })).toBeVisible();
  await page.getByLabel('Utente di prova').fill(login);
  await page.getByRole('button', { name: 'Entra' }).click();
}

test('«Entra con …»: the coordinator signs in at the identity provider and comes back where she was going', async ({ page }) => {
  await page.goto('/profilo');
  await expect(page).toHaveURL(/\/accedi\?redirectTo=%2Fprofilo$/);
  await expect(page.getByRole('link', { name: BUTTON })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: BUTTON }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  await loginAtProvider(page, 'giulia');

  await expect(page).toHaveURL(/\/profilo$/);
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Il tuo profilo' })).toBeVisible();
  await expect(page.getByText(ACCOUNTS.coordinator).first()).toBeVisible();
  // The session is a real one: another page, signed in, and signing out works as after a password sign-in.
  await page.goto('/ambiti/gallarate');
  await expect(page.getByRole('link', { name: 'Modifica i dati dell’Ambito' })).toBeVisible();
  await page.getByRole('button', { name: 'Esci' }).click();
  await expect(page).toHaveURL(/\/accedi\?uscito=1$/);
});

test('«Entra con …» with an identity that has no Cantiere account: back to the sign-in page, which says why', async ({ page }) => {
  await page.goto('/accedi');
  await page.getByRole('link', { name: BUTTON }).click();
  await loginAtProvider(page, 'anna');

  await expect(page).toHaveURL(/\/accedi\?oidc=unknown$/);
  await expect(page.getByRole('alert').filter({ hasText: 'Nessun account Cantiere' })).toHaveText(
    'Nessun account Cantiere corrisponde a questa identità: chiedi all’Ufficio di Piano di invitarti.',
  );
  await expect(page.getByRole('button', { name: 'Esci' })).toHaveCount(0);
  await expectAccessible(page);
  // An internal page still asks to sign in.
  await page.goto('/profilo');
  await expect(page).toHaveURL(/\/accedi\?redirectTo=/);
});

test('the return address without a sign-in in progress (a bookmark, a replay) leads to the sign-in page', async ({ page }) => {
  await page.goto('/accedi/oidc/ritorno?code=qualcosa&state=qualcosa');
  await expect(page).toHaveURL(/\/accedi\?oidc=expired$/);
  await expect(page.getByRole('alert').filter({ hasText: 'scaduta' })).toHaveText('La richiesta di accesso è scaduta o è già stata usata: riprova.');
});
