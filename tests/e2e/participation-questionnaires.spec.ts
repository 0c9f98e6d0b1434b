// Questionnaires (participation, part «quest»): the public link answered by an anonymous visitor, the results of the
// 2024 preliminary questionnaire beside the figures published in the plan, the Ufficio di Piano building a draft.
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

test('an anonymous visitor answers the public questionnaire; a wrong answer is explained per question', async ({ page }) => {
  await page.goto('/ambiti/gallarate/questionario/dimostrativo-cittadini-2026');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Questionario pubblico dimostrativo');
  await expect(page.getByText('non può verificare che ogni persona risponda una sola volta')).toBeVisible();
  await expect(page.getByText('Conservazione delle risposte')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(page.getByRole('alert')).toContainText('Domanda 1: la risposta è obbligatoria.');
  // Bootstrap Italia draws its own radios: the visitor clicks the labels.
  await page
    .getByRole('group', { name: /Conosco i servizi sociali/ })
    .locator('label', { hasText: /^4$/ })
    .click();
  await page.locator('label', { hasText: '30-64 anni' }).click();
  await page.getByRole('button', { name: 'Invia la risposta' }).click();
  await expect(page.getByRole('status')).toContainText('Risposta inviata');
});

test('the preliminary questionnaire: published figures beside the 0 answers recorded in Cantiere', async ({ page }) => {
  await signIn(page, 'mayor');
  await page.goto('/ambiti/gallarate/partecipazione/questionari');
  await expectAccessible(page);
  await page.getByRole('link', { name: /^Risultati.*Questionario preliminare/ }).click();
  await expect(page.getByTestId('risposte-registrate')).toHaveText('0');
  await expect(page.getByTestId('rispondenti-pubblicati')).toHaveText('10');
  await expect(page.getByTestId('differenza-rispondenti')).toHaveText('-10');
  await expect(page.locator('#d1-tabella')).toContainText('66,7 %');
  await expect(page.getByText('Scarica le risposte (CSV)')).toHaveCount(0);
  await expectAccessible(page);
});

test('the Ufficio di Piano builds a draft questionnaire with a scale question', async ({ page }) => {
  await signIn(page, 'staff');
  await page.goto('/ambiti/gallarate/partecipazione/questionari');
  const create = page.locator('#nuovo');
  await create.getByLabel(/^Titolo/).fill(`Valutazione e2e ${Date.now()}`);
  await create.getByLabel(/^Conservazione delle risposte/).fill('Un anno');
  await create.getByRole('button', { name: 'Crea il questionario' }).click();
  await expect(page.getByRole('status')).toContainText('Questionario creato');
  const add = page.locator('#nuova-domanda');
  await add.getByLabel(/^Tipo/).selectOption('scala');
  await add.getByLabel(/^Domanda/).fill('Il percorso ha tenuto conto dei nostri contributi.');
  await add.getByLabel('Scala: minimo').fill('1');
  await add.getByLabel('Scala: massimo').fill('5');
  await add.getByRole('button', { name: 'Aggiungi la domanda' }).click();
  await expect(page.locator('#elenco-domande')).toContainText('Il percorso ha tenuto conto dei nostri contributi.');
  await expectAccessible(page);
});
