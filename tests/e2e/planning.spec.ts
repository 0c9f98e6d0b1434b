import { expect, test, type Page } from '@playwright/test';
import { csrfToken, expectAccessible, signIn } from './support.ts';

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

test('on the adopted plan the coordinator proposes a card change, an action and an indicator with yearly targets as a variation; a stale edit gets the conflict', async ({
  browser,
}) => {
  test.setTimeout(3 * 60_000); // two sessions and many pages
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

  // Card fields of the Lombardy template, edited with the keyboard-friendly controls: after adoption, a proposal.
  const before = await a.getByLabel(/26\. QUALE IMPATTO DOVREBBE AVERE L’INTERVENTO\?/).inputValue();
  await a.getByLabel(/26\. QUALE IMPATTO DOVREBBE AVERE L’INTERVENTO\?/).fill('Caregiver meno isolati e più sostenuti.');
  await a.getByRole('button', { name: 'Salva la scheda' }).click();
  await expect(a.getByRole('status')).toContainText('Modifiche proposte nella variazione in bozza');
  await expect(a.getByLabel(/26\. QUALE IMPATTO/)).toHaveValue('Caregiver meno isolati e più sostenuti.');

  // The second session built its form before that proposal: its save is refused, nothing is overwritten.
  await b.getByLabel(/26\. QUALE IMPATTO/).fill('Versione della seconda sessione');
  await b.getByRole('button', { name: 'Salva la scheda' }).click();
  await expect(b.getByRole('alert')).toContainText('Qualcun altro ha modificato l’obiettivo');
  await expectAccessible(b);
  await b.getByRole('link', { name: 'Ricarica la versione attuale' }).click();
  await expect(b.getByLabel(/26\. QUALE IMPATTO/)).toHaveValue('Caregiver meno isolati e più sostenuti.');

  // A new action and an indicator with a target for each year on action 1: proposed too.
  await a.getByLabel('Descrizione dell’azione').fill('Gruppi di auto-mutuo aiuto per caregiver in ogni comune');
  await a.getByLabel('Responsabile').fill('Ufficio di Piano');
  await a.getByRole('button', { name: 'Aggiungi l’azione' }).click();
  await expect(a.getByRole('status')).toContainText('Proposta nella variazione in bozza');
  await expect(a.getByRole('heading', { name: /Azione 5/ })).toHaveCount(0);
  const action = a.getByRole('article').filter({ has: a.getByRole('heading', { name: /Azione 1\b/ }) });
  await action.getByText('Aggiungi un indicatore all’azione 1').click();
  await action.getByLabel('Nome dell’indicatore').fill('N. gruppi attivi');
  await action.getByLabel('2025: regola').selectOption('baseline');
  await action.getByLabel('2026: regola').selectOption('gt_previous');
  await action.getByLabel('2027: regola').selectOption('gte');
  await action.getByLabel('2027: soglia').fill('9');
  await action.getByRole('button', { name: 'Aggiungi l’indicatore' }).click();
  await expect(a.getByRole('status')).toContainText('Proposta nella variazione in bozza');
  await expectAccessible(a);

  // On the plan: the draft variation in words, field by field; the approved plan is unchanged.
  await a.getByRole('link', { name: /Piano di Zona 2025/ }).click();
  const draft = a.getByTestId('draft-variation').getByRole('table');
  await expect(draft).toContainText('scheda: QUALE IMPATTO DOVREBBE AVERE L’INTERVENTO?');
  await expect(draft).toContainText('Caregiver meno isolati e più sostenuti.');
  await expect(draft).toContainText(before.split('\n')[0]!.slice(0, 30));
  await expect(draft).toContainText('Gruppi di auto-mutuo aiuto per caregiver in ogni comune — responsabile: Ufficio di Piano');
  await expect(draft).toContainText('N. gruppi attivi — 2025: valore di partenza (T0); 2026: > anno precedente; 2027: ≥ 9');
  await expect(a.getByTestId('variance')).toHaveText('Nessuna differenza.');
  await expectAccessible(a);
  // Withdrawn: the changes are discarded and the demo plan stays as adopted.
  await a.getByRole('button', { name: 'Ritira la variazione' }).click();
  await expect(a.getByRole('status')).toHaveText(/^Variazione n\. \d+ ritirata: le modifiche sono state scartate\.$/);
  await expect(a.getByTestId('draft-variation')).toHaveText('Nessuna variazione in bozza.');
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

test('a form the plan pages do not have is refused (400), never run as a default form', async ({ page }) => {
  await signIn(page, 'coordinator');
  await openPlan(page);
  const planUrl = page.url();
  await page.locator('table').getByRole('link', { name: 'D', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^D – / })).toBeVisible();
  const objectiveUrl = page.url();
  const version = await page.locator('input[name="version"]').first().inputValue();
  const token = await csrfToken(page.request);
  for (const url of [planUrl, objectiveUrl]) {
    const post = await page.request.post(url, { form: { _csrf: token, intent: 'xyz', version, title: 'Mai salvato' }, maxRedirects: 0 });
    expect(post.status(), url).toBe(400);
    expect(await post.text()).toContain('Il modulo inviato («xyz») non esiste in questa pagina');
  }
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^D – / })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Mai salvato');
});
