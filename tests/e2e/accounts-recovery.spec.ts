// Invitation → first sign-in → forgotten password → new password, end to end with real e-mail: a server of its own
// delivers its outbox to a test SMTP server (the shared server has no mail configured, and its pages say so). Then the
// personal calendar link, on the shared server with the demo's meetings.
import { expect, test, type Page } from '@playwright/test';
import { startMailSink, type Received } from '../support/mail-sink.ts';
import { startOwnServer, type OwnServer } from './own-server.ts';
import { expectAccessible, expectFitsPhone, signIn } from './support.ts';

const PORT = Number(process.env.E2E_PORT ?? 3210) + 8;
const SMTP_PORT = Number(process.env.E2E_PORT ?? 3210) + 9;
const ADMIN = { email: 'amministratore@prova.example', password: 'password-amministratore' };
const INVITED = 'nuova.revisora@prova.example';

test.describe('invitations and password reset by e-mail', () => {
  let own: OwnServer;
  let mail: { received: Received[]; close(): Promise<void> };

  test.beforeAll(async () => {
    mail = await startMailSink(SMTP_PORT);
    own = await startOwnServer(PORT, { SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, CANTIERE_MAIL_INTERVAL_SECONDS: '1' }, (cli) =>
      cli('user', 'create', '--email', ADMIN.email, '--name', 'Amministratrice di prova', '--role', 'admin', '--password', ADMIN.password),
    );
  });
  test.afterAll(async () => {
    await own?.stop();
    await mail?.close();
  });

  /** The link of the latest message to `to` whose subject is `subject`, once it has arrived. */
  async function linkFromMail(to: string, subject: string): Promise<string> {
    let link: string | undefined;
    await expect
      .poll(
        () => {
          const m = mail.received.filter((r) => r.to.includes(to) && r.subject === subject).at(-1);
          link = m && /https?:\/\/\S+\/accedi\/nuova-password\/[\w-]+/.exec(m.text)?.[0];
          return !!link;
        },
        { timeout: 20_000, message: `messaggio «${subject}» a ${to}` },
      )
      .toBe(true);
    return link!;
  }

  async function signInHere(page: Page, email: string, password: string) {
    await page.goto(`${own.url}/accedi`);
    await page.getByLabel('Indirizzo e-mail').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
  }

  test('an administrator invites, the person chooses a password from the e-mail, later resets it', async ({ browser }) => {
    // The administrator invites a regional reviewer from the users' page.
    const adminPage = await (await browser.newContext()).newPage();
    await signInHere(adminPage, ADMIN.email, ADMIN.password);
    await adminPage.getByRole('link', { name: 'Utenti' }).first().click();
    await expect(adminPage.getByRole('heading', { level: 1, name: 'Utenti' })).toBeVisible();
    await adminPage.getByLabel('Indirizzo e-mail').fill(INVITED);
    await adminPage.getByLabel('Nome e cognome').fill('Nuova Revisora');
    await adminPage.getByLabel('Ruolo').selectOption('regional_reviewer');
    await adminPage.getByLabel('Codice ISTAT della regione (revisore regionale)').fill('03');
    await adminPage.getByRole('button', { name: 'Invia l’invito' }).click();
    await expect(adminPage.getByRole('status').filter({ hasText: `Invito creato per ${INVITED}` })).toBeVisible();
    await expect(adminPage.getByTestId('invitation-link')).toContainText('/accedi/nuova-password/');
    await expect(adminPage.getByRole('row').filter({ hasText: INVITED })).toContainText('invitato, in attesa');
    await expectAccessible(adminPage);
    await expectFitsPhone(adminPage);

    // The invited person follows the link of the e-mail: a first password, and in.
    const invitation = await linkFromMail(INVITED, 'Invito a Cantiere');
    const person = await (await browser.newContext()).newPage();
    await person.goto(invitation);
    await expect(person.getByRole('heading', { level: 1, name: 'Benvenuto in Cantiere' })).toBeVisible();
    await expectAccessible(person);
    await person.getByLabel('Nuova password').fill('la-mia-prima-password');
    await person.getByLabel('Ripeti la password').fill('la-mia-prima-password');
    await person.getByRole('button', { name: 'Salva la password ed entra' }).click();
    await expect(person.getByRole('button', { name: 'Esci' })).toBeVisible();
    await person.goto(`${own.url}/profilo`);
    await expect(person.getByText('Revisore regionale (sola lettura)')).toBeVisible();
    // A token made now dies with the reset below (finding 5).
    await person.getByLabel('Nome del token').fill('Script della Regione');
    await person.getByRole('button', { name: 'Crea token' }).click();
    await expect(person.getByText(/cnt_[\w-]{43}/)).toBeVisible();
    const token = /cnt_[\w-]{43}/.exec((await person.locator('main').textContent()) ?? '')![0];
    const me = () => fetch(`${own.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
    expect(await me()).toBe(200);
    // The link was for one use.
    const again = await person.goto(invitation);
    expect(again?.status()).toBe(410);
    await expect(person.getByRole('heading', { level: 1, name: 'Collegamento non valido' })).toBeVisible();
    await adminPage.reload();
    await expect(adminPage.getByRole('row').filter({ hasText: INVITED })).toContainText('attivo');

    // Later, the password is forgotten: the sign-in page's link, the e-mail, a new password; the old one is gone.
    await person.getByRole('button', { name: 'Esci' }).click();
    // Signed out for good before the next page: a form rendered while the session lived carries its token.
    await expect(person.getByRole('link', { name: 'Accedi', exact: true })).toBeVisible();
    await person.goto(`${own.url}/accedi`);
    await person.getByRole('link', { name: 'Password dimenticata?' }).click();
    // The sign-in page has an e-mail field too: fill only once the new page is there.
    await expect(person.getByRole('heading', { level: 1, name: 'Nuova password' })).toBeVisible();
    await person.getByLabel('Indirizzo e-mail').fill(INVITED);
    await person.getByRole('button', { name: 'Invia il collegamento' }).click();
    await expect(person.getByRole('status')).toContainText('Se l’indirizzo corrisponde a un account attivo');
    await expectAccessible(person);
    // An unknown address gets the same answer, and no message.
    await person.goto(`${own.url}/accedi/password-dimenticata`);
    await person.getByLabel('Indirizzo e-mail').fill('nessuno@prova.example');
    await person.getByRole('button', { name: 'Invia il collegamento' }).click();
    await expect(person.getByRole('status')).toContainText('Se l’indirizzo corrisponde a un account attivo');

    const reset = await linkFromMail(INVITED, 'Nuova password per Cantiere');
    await person.goto(reset);
    await expect(person.getByRole('heading', { level: 1, name: 'Scegli una nuova password' })).toBeVisible();
    await person.getByLabel('Nuova password').fill('la-mia-seconda-password');
    await person.getByLabel('Ripeti la password').fill('la-mia-seconda-password');
    await person.getByRole('button', { name: 'Salva la password ed entra' }).click();
    await expect(person.getByRole('button', { name: 'Esci' })).toBeVisible();
    await person.getByRole('button', { name: 'Esci' }).click();
    // Signed out for good before the next page: a form rendered while the session lived carries its token.
    await expect(person.getByRole('link', { name: 'Accedi', exact: true })).toBeVisible();
    await signInHere(person, INVITED, 'la-mia-prima-password');
    await expect(person.getByRole('alert')).toContainText('E-mail o password non corrette');
    await signInHere(person, INVITED, 'la-mia-seconda-password');
    await expect(person.getByRole('button', { name: 'Esci' })).toBeVisible();
    expect(await me(), 'the token made before the reset').toBe(401);
    expect(mail.received.some((m) => m.to.includes('nessuno@prova.example'))).toBe(false);
  });
});

test('a calendar app subscribes to the meetings with the secret link of the profile, until it is revoked', async ({ page, playwright, baseURL }) => {
  await signIn(page, 'mayor');
  await page.goto('/profilo');
  await page.getByRole('button', { name: 'Crea il collegamento' }).click();
  const url = (await page.getByTestId('calendar-url').textContent())!.trim();
  expect(url).toMatch(/\/calendario\/cal_[\w-]{43}\.ics$/);
  await expectAccessible(page);
  await expectFitsPhone(page);

  // A calendar app: no cookie, no token.
  const app = await playwright.request.newContext({ baseURL });
  const feed = await app.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const ics = await feed.text();
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain('/ambiti/gallarate/riunioni/');
  // Read-only: the link opens nothing else.
  expect((await app.get('/profilo', { maxRedirects: 0 })).status()).toBe(302);

  await page.getByRole('button', { name: 'Revoca il collegamento' }).click();
  await expect(page.getByText('Non hai un collegamento al calendario.')).toBeVisible();
  expect((await app.get(url)).status()).toBe(404);
  await app.dispose();
});
