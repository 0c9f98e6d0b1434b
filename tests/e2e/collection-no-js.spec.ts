import { expect, test, type Page } from '@playwright/test';
import { expectFitsPhone, signIn } from './support.ts';

// Issue 14 without JavaScript: a data request is opened, filled by form (more rows on demand, a refused sending that
// keeps what was typed, then sent) and sent back with a note — every step a plain form post. Nothing is validated
// here, so no figure enters the Ambito's (the JavaScript journey, collection.spec.ts, does that for 2024).

const TITLE = 'Utenti dei servizi 2021 (senza JavaScript)';
const field = (page: Page, intent: string, name: string) => page.locator(`[id="field-${intent}.${name}"]`);

test('without JavaScript: open a request, fill it by form with more rows, send it, send it back with a note', async ({ browser }) => {
  const office = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(office, 'staff');
  await office.goto('/ambiti/gallarate/raccolte');
  await office.getByLabel('Titolo').fill(TITLE);
  await office.getByLabel('Anno dei dati').fill('2021');
  await office.getByLabel('Scadenza').fill(`${new Date().getFullYear() + 1}-03-31`);
  // Only the users: tick them, untick the two items ticked by default (the labels cover Bootstrap Italia's boxes).
  for (const label of ['Utenti per area', 'Spesa sociale per area e canale', 'Assistenti sociali (ETP per datore di lavoro)']) {
    const box = office.getByLabel(label);
    const was = await box.isChecked();
    await office.locator(`label[for="${await box.getAttribute('id')}"]`).click();
    if (was) await expect(box).not.toBeChecked();
    else await expect(box).toBeChecked();
  }
  await office.getByRole('button', { name: 'Apri la raccolta' }).click();
  await expect(office.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const requestUrl = office.url().replace(/\?.*$/, '');

  const samarate = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(samarate, 'comune_referent');
  await samarate.locator('#raccolte').getByRole('link', { name: TITLE }).click();
  await expect(samarate.getByRole('heading', { level: 1, name: `Samarate: ${TITLE}` })).toBeVisible();
  await expectFitsPhone(samarate);
  // Three blank rows; ask for more, the first row typed is kept as a draft.
  await expect(samarate.locator('#voce-utenti fieldset')).toHaveCount(3);
  await field(samarate, 'entry-utenti', 'r.1.area').selectOption('ANZIANI');
  await field(samarate, 'entry-utenti', 'r.1.users').fill('120');
  await samarate.getByRole('button', { name: 'Aggiungi righe' }).click();
  await expect(samarate.getByRole('status')).toContainText('Bozza salvata; righe aggiunte.');
  await expect(samarate.locator('#voce-utenti fieldset')).toHaveCount(7);
  await expect(field(samarate, 'entry-utenti', 'r.1.users')).toHaveValue('120');
  // A repeated area is refused with the row named, and what was typed stays in the form.
  await field(samarate, 'entry-utenti', 'r.2.area').selectOption('ANZIANI');
  await field(samarate, 'entry-utenti', 'r.2.users').fill('30');
  await samarate.getByRole('button', { name: 'Invia all’Ufficio di Piano' }).click();
  await expect(samarate.getByRole('alert')).toContainText('area ANZIANI già nella riga 1');
  await expect(field(samarate, 'entry-utenti', 'r.2.users')).toHaveValue('30');
  await field(samarate, 'entry-utenti', 'r.2.area').selectOption('DISABILI');
  await samarate.getByRole('button', { name: 'Invia all’Ufficio di Piano' }).click();
  await expect(samarate.getByRole('status')).toContainText('Inviato all’Ufficio di Piano.');

  await office.goto(`${requestUrl}/comuni/012118`);
  await field(office, 'review-utenti', 'note').fill('Gli utenti dell’area anziani del 2021 erano 112 secondo la relazione.');
  await office.getByRole('button', { name: 'Restituisci con nota' }).click();
  await expect(office.getByRole('status')).toContainText('Restituito al comune con la nota.');
  await samarate.reload();
  await expect(samarate.locator('#voce-utenti')).toContainText('112 secondo la relazione');
  await expect(samarate.locator('#voce-utenti').getByText('Restituito con note', { exact: true })).toBeVisible();
  for (const p of [office, samarate]) await p.context().close();
});
