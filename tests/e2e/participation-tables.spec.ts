import { expect, test } from '@playwright/test';
import { expectAccessible, expectFitsPhone, signIn } from './support.ts';

// Participation, part «tables»: the Gallarate tables of seed 002 (fixtures/demo/gallarate/partecipazione), a meeting
// convened on a table's governance body, the demo cooperative's reply from its own page, the replies on the table page.
const DISABILITY = 'Tavolo Tematico Persone con disabilità';
const MEETING = 'Tavolo disabilità – incontro di febbraio';

test('the coordinator reads the tables, convenes a table’s meeting; the cooperative replies from its own page; the table counts the replies', async ({
  browser,
}) => {
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, 'coordinator');
  await coordinator.goto('/ambiti/gallarate/partecipazione/tavoli');
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Tavoli tematici' })).toBeVisible();
  await expect(coordinator.getByRole('table', { name: /^Tavoli dell’Ambito/ }).locator('tbody tr')).toHaveCount(5);
  await expectAccessible(coordinator);
  await expectFitsPhone(coordinator);

  await coordinator.getByRole('link', { name: DISABILITY, exact: true }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: DISABILITY })).toBeVisible();
  const members = coordinator.getByRole('table', { name: `Organizzazioni aderenti a ${DISABILITY}` }).locator('tbody tr');
  await expect(members).toHaveCount(1);
  await expect(members.first()).toContainText('Cooperativa sociale Il Ponte');
  await expect(members.first()).toContainText('Paolo Riva');
  await expect(coordinator.getByRole('table', { name: 'Incontri passati' }).locator('tbody tr')).toHaveCount(2);
  await expectAccessible(coordinator);
  await expectFitsPhone(coordinator);

  // The table's meetings are its governance body's: convene one there.
  await coordinator.getByRole('link', { name: DISABILITY, exact: true }).last().click();
  await coordinator.getByText('Nuova riunione').click();
  await coordinator.getByLabel('Titolo (obbligatorio)').fill(MEETING);
  await coordinator.getByLabel('Data (obbligatorio)').fill('2027-02-10');
  await coordinator.getByLabel('Ora di inizio (obbligatorio)').fill('17:00');
  await coordinator.getByLabel('Ora di fine (obbligatorio)').fill('19:00');
  await coordinator.getByLabel('Luogo').fill('Sala del Comune capofila');
  await coordinator.getByRole('button', { name: 'Crea la riunione' }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: MEETING })).toBeVisible();

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, 'third_sector');
  await member.goto('/ambiti/gallarate/partecipazione/mia');
  await expect(member.getByRole('heading', { level: 1, name: 'La mia partecipazione' })).toBeVisible();
  await expect(member.getByRole('table', { name: 'Tavoli a cui aderisce la tua organizzazione' }).locator('tbody tr')).toHaveCount(2);
  const card = member.getByRole('article').filter({ hasText: MEETING });
  await expect(card).toContainText('non ancora data');
  await expectAccessible(member);
  await expectFitsPhone(member);
  await card.getByLabel('Risposta (obbligatorio)').selectOption('partecipa');
  await card.getByLabel('Chi partecipa').fill('Paolo Riva');
  await card.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(member.getByRole('status')).toContainText('Risposta registrata');
  await expect(member.getByRole('article').filter({ hasText: MEETING })).toContainText('Partecipa');

  await coordinator.goto('/ambiti/gallarate/partecipazione/tavoli');
  await coordinator.getByRole('link', { name: DISABILITY, exact: true }).click();
  const next = coordinator.getByRole('table', { name: 'Prossimi incontri' }).locator('tbody tr').filter({ hasText: MEETING });
  await expect(next).toContainText('1 su 1 organizzazioni hanno risposto');
  await expect(next).toContainText('Cooperativa sociale Il Ponte');
  await coordinatorContext.close();
  await memberContext.close();
});

test('a reader who acts for no organisation is told the own page is for members', async ({ page }) => {
  await signIn(page, 'comune_referent');
  await page.goto('/ambiti/gallarate/partecipazione/mia');
  await expect(page.getByText('Il tuo account non agisce per un’organizzazione del Terzo settore di questo Ambito.')).toBeVisible();
  await expectAccessible(page);
});
