import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

async function openPlan(page: Page) {
  await page.goto('/ambiti/gallarate/piani');
  await expectAccessible(page);
  await page.getByRole('link', { name: /Piano di Zona 2025/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Piano di Zona 2025/ })).toBeVisible();
}

test('the demo plan: 19 objectives plus 5 LEPS cards, 4.217.000 € of which D 1.480.000 €, with charts', async ({ page }) => {
  await signIn(page, 'comune_referent');
  await openPlan(page);
  // The 19 objectives of section 5 and the 5 LEPS cards of section 7.1.1 (other tests may add objectives later).
  for (const code of ['1', '2', '3', '4', 'A', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'L', 'M', 'N', 'O', 'P', 'Q', 'R']) {
    await expect(page.locator('table').getByRole('link', { name: code, exact: true }).first()).toBeVisible();
  }
  await expect(page.getByRole('table', { name: 'Schede LEPS' }).locator('tbody tr')).toHaveCount(5);
  await expect(page.getByTestId('budget-total')).toHaveText('4.217.000 €');
  await expect(page.locator('#tabella-aree').getByRole('row', { name: /Domiciliarità/ })).toContainText('1.480.000 €');
  await expect(page.getByRole('figure')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Conferma' })).toHaveCount(0); // a comune referent reads, does not edit
  await expectAccessible(page);
});

test('the coordinator edits an objective card, adds an action with an indicator and yearly targets; a stale edit gets the conflict', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, 'coordinator');
  await signIn(b, 'staff');
  await openPlan(a);
  await a.locator('table').getByRole('link', { name: 'M', exact: true }).click();
  await expect(a.getByRole('heading', { level: 1, name: /^M – Sostegno ai caregiver/ })).toBeVisible();
  await expectAccessible(a);
  await b.goto(a.url());

  // Card fields of the Lombardy template, edited with the keyboard-friendly controls.
  await a.getByLabel(/26\. QUALE IMPATTO DOVREBBE AVERE L’INTERVENTO\?/).fill('Caregiver meno isolati e più sostenuti.');
  await a.getByRole('group', { name: /9\. PREVEDE IL COINVOLGIMENTO DI ASST NELL'ANALISI DEL BISOGNO/ }).getByLabel('Sì').check();
  await a.getByRole('button', { name: 'Salva la scheda' }).click();
  await expect(a.getByRole('status')).toHaveText('Scheda salvata.');
  await expect(a.getByLabel(/26\. QUALE IMPATTO/)).toHaveValue('Caregiver meno isolati e più sostenuti.');

  // The second session still has the old version of the card: its save is refused, nothing is overwritten.
  await b.getByLabel(/26\. QUALE IMPATTO/).fill('Versione della seconda sessione');
  await b.getByRole('button', { name: 'Salva la scheda' }).click();
  await expect(b.getByRole('alert')).toContainText('Qualcun altro ha modificato l’obiettivo');
  await expectAccessible(b);
  await b.getByRole('link', { name: 'Ricarica la versione attuale' }).click();
  await expect(b.getByLabel(/26\. QUALE IMPATTO/)).toHaveValue('Caregiver meno isolati e più sostenuti.');

  // A new action, then an indicator on it with a target for each year.
  await a.getByLabel('Descrizione dell’azione').fill('Gruppi di auto-mutuo aiuto per caregiver in ogni comune');
  await a.getByLabel('Responsabile').fill('Ufficio di Piano');
  await a.getByRole('button', { name: 'Aggiungi l’azione' }).click();
  await expect(a.getByRole('status')).toHaveText('Azione aggiunta.');
  const action = a.getByRole('article').filter({ has: a.getByRole('heading', { name: /Azione 5/ }) });
  await action.getByText('Aggiungi un indicatore all’azione 5').click();
  await action.getByLabel('Nome dell’indicatore').fill('N. gruppi attivi');
  await action.getByLabel('2025: regola').selectOption('baseline');
  await action.getByLabel('2026: regola').selectOption('gt_previous');
  await action.getByLabel('2027: regola').selectOption('gte');
  await action.getByLabel('2027: soglia').fill('9');
  await action.getByRole('button', { name: 'Aggiungi l’indicatore' }).click();
  await expect(a.getByRole('status')).toHaveText('Indicatore aggiunto con i suoi target.');
  const table = a.getByRole('table', { name: 'Indicatori dell’azione 5' });
  await expect(table.getByRole('row', { name: /5\.1/ })).toContainText('N. gruppi attivi');
  await expect(table).toContainText('2025: valore di partenza (T0)');
  await expect(table).toContainText('2026: > anno precedente');
  await expect(table).toContainText('2027: ≥ 9');
  await expectAccessible(a);

  // The change after adoption is a variation against the frozen baseline.
  await a.getByRole('link', { name: /Piano di Zona 2025/ }).click();
  const variance = a.getByRole('table', { name: 'Variazioni' });
  await expect(variance).toContainText('azione 5 aggiunta');
  await expect(variance).toContainText('scheda: impatto');
  await first.close();
  await second.close();
});

test('a printable card and the JSON export', async ({ page }) => {
  await signIn(page, 'coordinator');
  await openPlan(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Esporta il piano (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('piano-gallarate-2025-2027.json');
  await page.locator('table').getByRole('link', { name: 'D', exact: true }).click();
  await page.getByRole('link', { name: 'Scheda stampabile' }).click();
  await expect(page.getByRole('table', { name: 'Scheda dell’obiettivo' })).toContainText('TITOLO INTERVENTO');
  await expectAccessible(page);
});
