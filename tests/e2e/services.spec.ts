import { expect, test } from '@playwright/test';
import { expectAccessible, expectFitsPhone, signIn } from './support.ts';

// The services catalogue of Gallarate as the demo loads it (fixtures/demo/gallarate/servizi): 15 services described by
// the Piano di Zona 2025-2027, one year of figures (the professional social service, 2022, Tabella 2.4).
const HEADER = 'codice;nome;codice_nomenclatore;area;destinatari;gestione;ente_erogatore;comune;leps;anno;utenti;spesa_euro;fondi';

test('the Ufficio di Piano sees the catalogue with its figures, filters it and opens a service with its LEPS', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate');
  await page.getByRole('navigation').getByRole('link', { name: 'Servizi', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogo dei servizi' })).toBeVisible();
  await expect(page.getByTestId('svc-kpi-services')).toContainText('15');
  await expect(page.getByTestId('svc-kpi-singolo_comune')).toContainText('1');
  await expect(page.getByTestId('svc-kpi-spend')).toContainText('1.663.998');
  await expect(page.getByTestId('svc-kpi-spend').locator('..')).toContainText('dati di 1 su 15 servizi');
  await expect(page.getByRole('figure')).toContainText('Spesa dei servizi nel 2022 per macro-attività');
  await expectAccessible(page);
  await expectFitsPhone(page);

  // Filters are a GET form: they work without JavaScript and stay in the address.
  await page.getByLabel('Area', { exact: true }).selectOption('MINORI_FAMIGLIA');
  await page.getByRole('button', { name: 'Mostra' }).click();
  await expect(page).toHaveURL(/area=MINORI_FAMIGLIA/);
  await expect(page.locator('#servizi tbody tr')).toHaveCount(4);

  await page.goto('/ambiti/gallarate/servizi');
  await page.getByRole('link', { name: /^PUA – / }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Punto Unico di Accesso');
  await expect(page.getByTestId('svc-management')).toContainText('Gestione associata d’Ambito');
  await page.getByTestId('svc-leps').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/leps\/catalogo\/LEPS_PUA$/);
});

test('recording a year refuses funding above the spending, then records it; a stale edit is a conflict', async ({ page, browser }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/servizi/SIL');
  const form = page.getByRole('form', { name: 'Registra le cifre di un anno' });
  await form.getByLabel(/^Anno/).fill('2024');
  await form.getByLabel('Spesa in euro').fill('10.000,00');
  await form.getByLabel('Fondo 1', { exact: true }).selectOption('FNPS');
  await form.getByLabel('Importo del fondo 1 (euro)').fill('12.000,00');
  await form.getByRole('button', { name: 'Registra' }).click();
  await expect(page.getByRole('alert')).toContainText('supera la spesa dell’anno');
  await form.getByLabel('Importo del fondo 1 (euro)').fill('6.000,00');
  await form.getByRole('button', { name: 'Registra' }).click();
  await expect(page.getByRole('status')).toContainText('Cifre dell’anno registrate');
  await expect(page.locator('#anni').getByRole('row', { name: /2024/ })).toContainText('10.000');
  await expectAccessible(page);

  // Two editors open the same service; the second to save is told to reload.
  const other = await browser.newPage();
  await signIn(other, 'staff');
  await other.goto('/ambiti/gallarate/servizi/SIL');
  await page.reload();
  const edit = (p: typeof page) => p.getByRole('form', { name: 'Modifica il servizio' });
  await edit(page).getByLabel('Contatti').fill('sil@example.org');
  await edit(page).getByRole('button', { name: 'Salva le modifiche' }).click();
  await expect(page.getByRole('status')).toContainText('Modifiche salvate');
  await edit(other).getByLabel('Contatti').fill('altro@example.org');
  await edit(other).getByRole('button', { name: 'Salva le modifiche' }).click();
  await expect(other.getByRole('alert')).toContainText('Ricarica la versione attuale');
  await other.close();
});

test('a catalogue CSV with a bad row is refused whole, naming file, row and column', async ({ page }) => {
  await signIn(page, 'staff');
  await page.goto('/ambiti/gallarate/servizi#importa');
  const bad = [
    HEADER,
    'NUOVO;Nuovo servizio;C1;ANZIANI;Anziani;associata_ambito;Ambito;;;;;;',
    'ALTRO;Altro;Z9;ANZIANI;Anziani;singolo_comune;Ambito;;;;;;',
  ].join('\n');
  await page.getByLabel('File CSV del catalogo').setInputFiles({ name: 'servizi.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Importa' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Il file servizi.csv non è stato importato');
  await expect(alert).toContainText('servizi.csv, riga 3, colonna codice_nomenclatore');
  await expect(alert).toContainText('servizi.csv, riga 3, colonna comune');
  await expect(page.getByRole('link', { name: /^NUOVO – / })).toHaveCount(0);
  await expectAccessible(page);
});

test('a comune referent reads the catalogue but gets no form to change it', async ({ page }) => {
  await signIn(page, 'comune_referent');
  await page.goto('/ambiti/gallarate/servizi');
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogo dei servizi' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Aggiungi un servizio' })).toHaveCount(0);
  await page.goto('/ambiti/gallarate/servizi/SSP');
  await expect(page.getByRole('form', { name: 'Modifica il servizio' })).toHaveCount(0);
});

test('the portal lists the Ambito’s services by area, without signing in, and links the nomenclature', async ({ page }) => {
  await page.goto('/portale/gallarate');
  await page
    .getByRole('navigation', { name: /portale/i })
    .getByRole('link', { name: 'Servizi' })
    .click();
  await expect(page).toHaveURL(/\/portale\/gallarate\/servizi$/);
  await expect(page.getByRole('heading', { level: 1, name: 'I servizi dell’Ambito' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Disabili' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Trasporto sociale/ })).toContainText('Auser Gallarate');
  await expect(page.getByTestId('portal-privacy-rule')).toBeVisible();
  await expectAccessible(page);
  await expectFitsPhone(page);
  await page.getByRole('link', { name: 'Il nomenclatore nazionale degli interventi e servizi sociali' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nomenclatore degli interventi e servizi sociali' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^C – Interventi per la domiciliarità/ })).toBeVisible();
  await expectAccessible(page);
});
