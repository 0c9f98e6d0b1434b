import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn, tick } from './support.ts';

// Issue 14: a data request can ask the values of the indicators the Ufficio di Piano measures per comune. Samarate's
// referent enters its value of indicator D 1.3 (persons taken in charge by SAD-SADH) for the second half of 2026 in the
// request's form; once validated, the value is in the monitoring of the plan with the request as its note.

const TITLE = 'Indicatori rilevati per comune 2026';

async function openIndicator(page: Page) {
  await page.goto('/ambiti/gallarate/monitoraggio');
  await page
    .getByRole('link', { name: /^Piano di Zona 2025-2027/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Obiettivo D: azioni e indicatori' }).click();
  await page.getByRole('link', { name: 'Indicatore 1.3: inserisci e vedi i valori' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indicatore D · 1.3' })).toBeVisible();
}

test('the values of an indicator measured per comune, asked by a request and validated into monitoring', async ({ browser }) => {
  test.setTimeout(180_000);
  const office = await (await browser.newContext()).newPage();
  await signIn(office, 'staff');
  // The indicator is measured per comune once a comune's value is recorded (comune-referent.spec.ts may have done it).
  await openIndicator(office);
  const values = office.getByTestId('values');
  if ((await values.getByRole('row', { name: /Gallarate/ }).count()) === 0) {
    const period = office.getByLabel('Periodo', { exact: true });
    if ((await period.evaluate((e) => e.tagName)) === 'SELECT') await period.selectOption('2026-S1');
    else await period.fill('2026-S1');
    await office.getByLabel('Territorio').selectOption({ label: 'Gallarate' });
    await office.getByLabel('Valore', { exact: true }).fill('12');
    await office.getByRole('button', { name: 'Salva il valore' }).click();
    await expect(office.getByRole('status')).toContainText('salvato');
  }
  const indicatorUrl = office.url();

  await office.goto('/ambiti/gallarate/raccolte');
  await office.getByLabel('Titolo').fill(TITLE);
  await office.getByLabel('Anno dei dati').fill('2026');
  await office.getByLabel('Scadenza').fill(`${new Date().getFullYear() + 1}-01-31`);
  await tick(office, 'Valori degli indicatori rilevati per comune');
  for (const label of ['Spesa sociale per area e canale', 'Assistenti sociali (ETP per datore di lavoro)']) {
    const box = office.getByLabel(label);
    await office.locator(`label[for="${await box.getAttribute('id')}"]`).click();
    await expect(box).not.toBeChecked();
  }
  await office.getByRole('button', { name: 'Apri la raccolta' }).click();
  await expect(office.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const requestUrl = office.url().replace(/\?.*$/, '');

  const samarate = await (await browser.newContext()).newPage();
  await signIn(samarate, 'comune_referent');
  await samarate.locator('#raccolte').getByRole('link', { name: TITLE }).click();
  const slot = samarate.getByRole('group', { name: /D · 1\.3 .* — 2° semestre 2026/ });
  await expect(slot).toBeVisible();
  await expectAccessible(samarate);
  await slot.getByLabel('Valore').fill('nove');
  await samarate.getByRole('button', { name: 'Invia all’Ufficio di Piano' }).click();
  await expect(samarate.getByRole('alert')).toContainText('2026-S2');
  await samarate
    .getByRole('group', { name: /D · 1\.3 .* — 2° semestre 2026/ })
    .getByLabel('Valore')
    .fill('9');
  await samarate.getByRole('button', { name: 'Invia all’Ufficio di Piano' }).click();
  await expect(samarate.getByRole('status')).toContainText('Inviato all’Ufficio di Piano.');

  await office.goto(`${requestUrl}/comuni/012118`);
  await office.getByRole('button', { name: 'Valida' }).click();
  await expect(office.getByRole('status')).toContainText('Validato: i dati sono entrati nelle cifre dell’Ambito.');
  await office.goto(indicatorUrl);
  await expect(office.getByTestId('values').getByRole('row', { name: /2° semestre 2026 Samarate/ })).toContainText('9');
  for (const p of [office, samarate]) await p.context().close();
});
