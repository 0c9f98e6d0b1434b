import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

async function openDashboard(page: Page, plan: RegExp) {
  await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Monitoraggio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Monitoraggio e valutazione' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: plan }).first().click();
}

test('entering the measurements of a period changes the target status; a locked period refuses a further edit', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate');
  await openDashboard(page, /^Piano di Zona 2025-2027/);
  await expect(page.getByRole('heading', { level: 1, name: /^Monitoraggio del Piano di Zona 2025-2027/ })).toBeVisible();
  await expectAccessible(page);
  const dashboard = page.url();
  // No measured value for objective N (no spec enters one; the no-JS flow measures L), whose 2025 targets have closed: its progress is n.d., not 0 %.
  await expect(page.locator('tr', { has: page.getByRole('link', { name: 'Obiettivo N: azioni e indicatori' }) })).toContainText('n.d.');
  await expect(page.getByTestId('to-collect')).toContainText('Da rilevare (periodo in corso, non ancora chiuso');

  // The PUA card of seed 002: share of assessments with the social worker of the Ambito, 2025 ≥ 50 %.
  await page.getByRole('link', { name: 'Obiettivo LEPS-PUA: azioni e indicatori' }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Indicatore 2.1: inserisci e vedi i valori' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Indicatore LEPS-PUA · 2.1' })).toBeVisible();
  const targets = page.getByTestId('targets');
  const target2025 = targets.getByRole('row', { name: /^2025: ≥ 50 %/ });
  await expect(target2025).toContainText('Dati mancanti');
  await expect(target2025).toContainText('2025: dato mancante');
  await expectAccessible(page);

  const enter = async (period: string, numerator: string, denominator: string) => {
    await page.getByLabel('Periodo', { exact: true }).selectOption(period);
    await page.getByLabel(/^Numeratore/).fill(numerator);
    await page.getByLabel(/^Denominatore/).fill(denominator);
    await page.getByRole('button', { name: 'Salva il valore' }).click();
  };
  await enter('2025-S1', '12', '25');
  await expect(page.getByRole('status')).toHaveText('Valore del 1° semestre 2025 salvato.');
  await expect(target2025).toContainText('2025: dato mancante per il 2° semestre (dato parziale del 1° semestre: 48 %)');
  await enter('2025-S2', '14', '25');
  await expect(page.getByRole('status')).toHaveText('Valore del 2° semestre 2025 salvato.');
  await expect(target2025).toContainText('Raggiunto');
  await expect(target2025).toContainText('2025: 52 % > 50 % → raggiunto');

  // A correction of the second semester: the status turns.
  await page.getByRole('link', { name: 'Correggi il valore del 2° semestre 2025' }).click();
  await expect(page.getByRole('heading', { name: 'Correggi il valore del 2° semestre 2025' })).toBeVisible();
  await page.getByLabel(/^Numeratore/).fill('11');
  await page.getByRole('button', { name: 'Salva il valore' }).click();
  await expect(page.getByRole('status')).toHaveText('Valore del 2° semestre 2025 salvato.');
  await expect(target2025).toContainText('Non raggiunto');
  await expect(target2025).toContainText('2025: 46 % < 50 % → non raggiunto');
  await expectAccessible(page);
  const indicator = page.url();

  // The coordinator approves and locks the second semester of 2025.
  await page.goto(dashboard);
  await page.getByLabel('Periodo da approvare e bloccare').selectOption({ label: '2° semestre 2025' });
  await page.getByRole('button', { name: 'Blocca il periodo' }).click();
  await expect(page.getByRole('status')).toHaveText('Periodo 2° semestre 2025 approvato e bloccato.');
  await expect(page.getByRole('table', { name: 'Periodi bloccati' })).toContainText('2° semestre 2025');
  await expectAccessible(page);

  // A further edit of the locked period is refused with the message; the value stays as approved.
  await page.goto(indicator);
  await expect(page.getByTestId('values').getByRole('row', { name: /2° semestre 2025/ })).toContainText('approvato');
  await page.getByRole('link', { name: 'Correggi il valore del 2° semestre 2025' }).click();
  // The page's form for a new value has the same fields: fill only once the correction form is there.
  await expect(page.getByRole('heading', { level: 2, name: 'Correggi il valore del 2° semestre 2025' })).toBeVisible();
  await page.getByLabel(/^Numeratore/).fill('20');
  await page.getByRole('button', { name: 'Salva il valore' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Il periodo 2° semestre 2025 è stato approvato e bloccato da');
  await expect(alert).toContainText('la misura del 2° semestre 2025 non si può modificare');
  await expect(target2025).toContainText('2025: 46 % < 50 % → non raggiunto');
  await expectAccessible(page);
});

test('the evaluation of 2021-2023 reproduces the published grades and the mean 76,56 % (sufficiente)', async ({ page }) => {
  await signIn(page, 'comune_referent');
  await page.goto('/ambiti/gallarate');
  await openDashboard(page, /^Griglia di valutazione del Piano di Zona 2021-2023/);
  await expect(page.getByRole('heading', { level: 1, name: /^Valutazione del Piano di Zona 2021-2023/ })).toBeVisible();
  await expect(page.getByTestId('plan-mean')).toHaveText('76,56 % (sufficiente)');
  const grid = page.getByTestId('grid');
  await expect(grid.getByRole('row', { name: /^Valutazione dell’obiettivo A / })).toContainText('80 % (buono)');
  await expect(grid.getByRole('row', { name: /^Valutazione dell’obiettivo E / })).toContainText('20 % (insufficiente)');
  await expect(grid.getByRole('row', { name: /^Valutazione dell’obiettivo G / })).toContainText('67 % (sufficiente)');
  await expect(page.getByRole('button', { name: 'Carica la griglia' })).toHaveCount(0); // a comune referent reads
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Valutazione dell’obiettivo G' }).click();
  await expect(page.getByTestId('grade')).toHaveText('67 % (sufficiente)');
  await expect(page.getByText('(n. azioni realizzate*100)/n. azioni programmate = (4*100)/6 = 66,67% → 67%')).toBeVisible();
  await expectAccessible(page);
});

test('the coordinator edits the grid of an objective and carries it into the next plan', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/monitoraggio');
  await page.getByRole('link', { name: /^Piano di Zona 2021-2023/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Monitoraggio del Piano di Zona 2021-2023/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Blocca il periodo' })).toHaveCount(0); // a closed plan takes no more measurements
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Griglia di valutazione regionale' }).click();
  await expect(page.getByRole('button', { name: 'Carica la griglia' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Valutazione dell’obiettivo O' }).click();
  await expect(page.getByTestId('grade')).toHaveText('33 % (insufficiente)');
  await page.getByLabel('Valutazione da parte degli utenti').fill('Famiglie soddisfatte degli interventi educativi.');
  await page.getByRole('button', { name: 'Salva la valutazione' }).click();
  await expect(page.getByRole('status')).toHaveText('Valutazione salvata.');
  await expect(page.getByLabel('Valutazione da parte degli utenti')).toHaveValue('Famiglie soddisfatte degli interventi educativi.');
  await expectAccessible(page);

  await page.getByText('Crea un nuovo obiettivo copiando quello che scegli').click();
  await page.getByLabel('Codice del nuovo obiettivo').fill('T');
  await page.getByText(/^Copia il titolo/).click();
  await page.getByText(/^Azione 2 \(0 %\)/).click();
  await page.getByRole('button', { name: 'Riporta nel piano 2025–2027' }).click();
  // The 2025-2027 plan is adopted: the carried objective is a proposal of its draft variation, not yet in the plan.
  await expect(page.getByRole('heading', { level: 1, name: /Piano di Zona 2025/ })).toBeVisible();
  const draft = page.getByTestId('draft-variation');
  await expect(draft).toContainText('nuovo obiettivo riportato dall’obiettivo O del piano precedente');
  await expect(draft).toContainText('Educativa domiciliare — 1 azione');
  await expect(page.getByTestId('variance')).toHaveText('Nessuna differenza.');
  await expectAccessible(page);
  // Withdrawn: the shared demo plan stays as adopted for the other specs.
  await page.getByRole('button', { name: 'Ritira la variazione' }).click();
  await expect(page.getByTestId('draft-variation')).toHaveText('Nessuna variazione in bozza.');
});

test('a form the dashboard does not have (unknown intent) is refused with 400 and a message, never run as another form', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/monitoraggio');
  await page
    .getByRole('link', { name: /^Piano di Zona 2025-2027/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /^Monitoraggio del Piano di Zona 2025-2027/ })).toBeVisible();
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const response = await page.request.post(new URL(page.url()).pathname, { form: { _csrf: csrf, intent: 'xyz', period: '2025' }, maxRedirects: 0 });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('Il modulo inviato («xyz») non esiste in questa pagina');
  await expect(page.getByRole('table', { name: 'Periodi bloccati' })).not.toContainText('anno 2025');
});
