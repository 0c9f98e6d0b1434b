import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

test('a stale edit from a second session gets the conflict message and nothing is overwritten', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, 'coordinator');
  await signIn(b, 'coordinator');
  await a.goto('/ambiti/gallarate/modifica');
  await b.goto('/ambiti/gallarate/modifica');

  await a.getByLabel('Riferimento sanitario').fill('ASST Valle Olona – Distretto di Gallarate');
  await a.getByRole('button', { name: 'Salva' }).click();
  await expect(a.getByRole('status')).toContainText('Dati dell’Ambito salvati.');

  await b.getByLabel('Riferimento sanitario').fill('Modifica della seconda sessione');
  await b.getByRole('button', { name: 'Salva' }).click();
  const alert = b.getByRole('alert');
  await expect(alert).toContainText('Qualcun altro ha modificato l’Ambito mentre lo stavi modificando');
  await expect(alert).toContainText('Ricarica la pagina');
  await expect(b.getByLabel('Riferimento sanitario')).toHaveValue('Modifica della seconda sessione');
  await expectAccessible(b);

  await alert.getByRole('link', { name: 'Ricarica la versione attuale' }).click();
  await expect(b.getByLabel('Riferimento sanitario')).toHaveValue('ASST Valle Olona – Distretto di Gallarate');
  await first.close();
  await second.close();
});
