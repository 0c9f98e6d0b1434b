import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD } from './support.ts';

// Progressive enhancement: the governance forms with JavaScript turned off (this file runs in the project with
// javaScriptEnabled: false, see playwright.config.ts). The disclosure sections are native <details>.
test('without JavaScript: a meeting of the Assemblea is created, convened, attended, minuted and gets an attachment', async ({ page }) => {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(ACCOUNTS.coordinator);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await expect(page.getByRole('button', { name: 'Esci' })).toBeVisible();

  // An e-mail address for the President of the Assemblea (the seed prints none), so that the convocation has a recipient.
  await page.goto('/ambiti/gallarate/organizzazioni');
  await page.getByRole('link', { name: 'Andrea Cassani' }).click();
  await page.getByLabel('E-mail').fill('andrea.cassani@comuni.example');
  await page.getByRole('button', { name: 'Salva' }).click();
  await expect(page.getByRole('status')).toContainText('Modifiche salvate.');

  await page.getByRole('link', { name: 'Organi e riunioni' }).click();
  await page.getByRole('link', { name: 'Assemblea dei Sindaci', exact: true }).click();
  await page.getByText('Nuova riunione').click();
  await page.getByLabel('Titolo (obbligatorio)').fill('Assemblea dei Sindaci senza JavaScript');
  await page.getByLabel('Data (obbligatorio)').fill('2026-12-21');
  await page.getByLabel('Ora di inizio (obbligatorio)').fill('18:00');
  await page.getByLabel('Ora di fine (obbligatorio)').fill('19:30');
  await page.getByLabel('Collegamento online').fill('https://riunioni.example/assemblea');
  await page.getByRole('button', { name: 'Crea la riunione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assemblea dei Sindaci senza JavaScript' })).toBeVisible();

  await page.getByRole('button', { name: 'Invia la convocazione' }).click();
  await expect(page.getByRole('status')).toContainText('Convocazione scritta nella posta in uscita');
  await expect(page.getByText('Componenti con indirizzo e-mail: 1 su 9.')).toBeVisible();

  const attendance = page.getByRole('table', { name: 'Presenza di ogni componente in carica alla data della riunione' });
  await attendance.getByRole('radio', { name: 'Oreste Battiston: Assente' }).check();
  await attendance.getByRole('radio', { name: 'Franco Zeni: Delegato' }).check();
  await page.getByRole('button', { name: 'Registra le presenze' }).click();
  // A delegation without the delegate's name is refused, next to the field, keeping the other answers.
  await expect(page.getByRole('alert')).toContainText('Franco Zeni: scrivi il nome della persona delegata.');
  await expect(attendance.getByRole('radio', { name: 'Oreste Battiston: Assente' })).toBeChecked();
  await attendance.getByLabel('Nome di chi partecipa per delega di Franco Zeni').fill('Assessore ai servizi sociali di Cavaria con Premezzo');
  await attendance.getByRole('radio', { name: 'Franco Zeni: Delegato' }).check();
  await attendance.getByRole('radio', { name: 'Oreste Battiston: Assente' }).check();
  await page.getByRole('button', { name: 'Registra le presenze' }).click();
  await expect(page.getByRole('status')).toContainText('Presenze registrate.');
  const summary = page.getByRole('region', { name: 'Sintesi della riunione' });
  await expect(summary).toContainText('Presenti (8)');
  await expect(summary).toContainText('per delega a Assessore ai servizi sociali di Cavaria con Premezzo');
  await expect(summary).toContainText('Assenti: Oreste Battiston');

  await page.getByText('Scrivi o modifica il verbale').click();
  await page.getByLabel('Testo del verbale').fill('L’Assemblea approva l’ordine del giorno.');
  await page.getByLabel('Data di approvazione').fill('2027-01-18');
  await page.getByLabel('Approvato da').fill('Assemblea dei Sindaci');
  await page.getByRole('button', { name: 'Salva il verbale' }).click();
  await expect(page.getByRole('status')).toContainText('Verbale salvato.');
  await expect(page.getByText('Verbale approvato il 18/01/2027 da Assemblea dei Sindaci.')).toBeVisible();

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  await page.getByLabel('File da allegare').setInputFiles({ name: 'relazione-ufficio-di-piano.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Carica' }).click();
  await expect(page.getByRole('status')).toContainText('Allegato caricato.');
  const link = page.getByRole('link', { name: 'relazione-ufficio-di-piano.pdf' });
  const download = await page.request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['content-disposition']).toContain('attachment; filename="relazione-ufficio-di-piano.pdf"');
  expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);

  await page.getByLabel('File da allegare').setInputFiles({ name: 'programma.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await page.getByRole('button', { name: 'Carica' }).click();
  await expect(page.getByRole('alert')).toContainText('Tipo di file non ammesso («.exe»)');

  await page.goto('/ambiti/gallarate/posta');
  const message = page.getByRole('row').filter({ hasText: 'andrea.cassani@comuni.example' });
  await expect(message).toContainText('Convocazione: Assemblea dei Sindaci – lunedì 21 dicembre 2026');
  await expect(message).toContainText('non inviato (posta non configurata)');
});
