import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

// Participation, part «projects»: the Ufficio di Piano records a co-designed project (its own, with a unique title: the
// demo database is shared by every spec), its resources and a partner; the totals are the sums of the lines; the
// participation home, the projects and the figures pages are accessible; a third-sector member reads without forms.
test('a co-designed project with two resource lines: totals by source and year, accessible pages', async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Educativa domiciliare in co-progettazione ${Date.now()}`;
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/partecipazione');
  await expect(page.getByRole('heading', { level: 1, name: 'Partecipazione e co-programmazione' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Progetti co-progettati' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progetti co-progettati' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Titolo (obbligatorio)').fill(title);
  await page.getByLabel('Stato (obbligatorio)').selectOption('attivo');
  await page.getByLabel('Procedura (obbligatorio)').selectOption('avviso_pubblico');
  await page.getByLabel('Inizio').fill('2025-01-01');
  await page.getByLabel('Fine').fill('2027-12-31');
  await page.locator('label[for="create-sdg-1"]').click(); // the styled label covers the box
  await expect(page.getByLabel(/Goal 1 Sconfiggere la povertà/)).toBeChecked();
  await page.getByRole('button', { name: 'Registra il progetto' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Progetto registrato.');
  await expect(page.locator('dl').getByText('Sconfiggere la povertà')).toBeVisible();

  await page.getByLabel('Fonte di finanziamento (obbligatorio)').fill('Fondo Nazionale Politiche Sociali');
  await page.getByLabel('Anno', { exact: true }).fill('2025');
  await page.getByLabel('Importo in euro (obbligatorio)').fill('45.000,50');
  await page.getByRole('button', { name: 'Aggiungi una riga di risorse' }).click();
  await expect(page.getByRole('status')).toHaveText('Riga di risorse aggiunta.');
  await page.getByLabel('Fonte di finanziamento (obbligatorio)').fill('PNRR M5C2 1.1');
  await page.getByLabel('Anno', { exact: true }).fill('2026');
  await page.getByLabel('Importo in euro (obbligatorio)').fill('10.000');
  await page.getByRole('button', { name: 'Aggiungi una riga di risorse' }).click();
  await expect(page.getByTestId('kpi-totale')).toHaveText('55.000,50 €');
  // A year outside the project's period is refused, naming the field.
  await page.getByLabel('Fonte di finanziamento (obbligatorio)').fill('FNPS');
  await page.getByLabel('Anno', { exact: true }).fill('2030');
  await page.getByLabel('Importo in euro (obbligatorio)').fill('1');
  await page.getByRole('button', { name: 'Aggiungi una riga di risorse' }).click();
  await expect(page.getByRole('alert')).toContainText('Anno: il progetto va dal 2025 al 2027.');
  await expect(page.getByTestId('kpi-totale')).toHaveText('55.000,50 €');

  await page.getByLabel('Organizzazione (obbligatorio)').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Aggiungi un partner' }).click();
  await expect(page.getByRole('status')).toHaveText('Partner aggiunto.');
  await expectAccessible(page);
  const projectUrl = page.url().split('?')[0]!;

  await page.goto('/ambiti/gallarate/partecipazione/cifre');
  await expect(page.getByRole('heading', { level: 1, name: 'Le cifre della partecipazione' })).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get('/ambiti/gallarate/partecipazione/cifre.csv');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('sezione;voce;numeratore;denominatore;valore');

  // A third-sector member reads the project, without any form.
  await page.getByRole('button', { name: 'Esci' }).click();
  await signIn(page, 'third_sector');
  await page.goto(projectUrl);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('kpi-totale')).toHaveText('55.000,50 €');
  await expect(page.getByRole('button', { name: 'Aggiungi una riga di risorse' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Rimuovi/ })).toHaveCount(0);
});

// The part's pages on a phone: no horizontal overflow (tables scroll inside their own region).
test('the participation home, projects, a project and the figures fit a 390 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/partecipazione/progetti');
  const project = page.locator('#progetti a[href*="/partecipazione/progetti/"]').first();
  const paths = ['/ambiti/gallarate/partecipazione', '/ambiti/gallarate/partecipazione/progetti', '/ambiti/gallarate/partecipazione/cifre'];
  if (await project.count()) paths.push((await project.getAttribute('href'))!);
  for (const path of paths) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path}: horizontal overflow`).toBeLessThanOrEqual(0);
  }
});
