import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

// The nine mayors of the Assemblea dei Sindaci of the Ambito di Gallarate, the comune each represents and its legal
// population at the 2011 census (ISTAT): the latest per-comune population the demo has, hence the weights.
const MAYORS = [
  ['Andrea Cassani', 'Gallarate', '50.456'],
  ['Mirko Vittorio Zorzo', 'Albizzate', '5.292'],
  ['Anna Pugliese', 'Cairate', '7.830'],
  ['Pietro Ottaviani', 'Cassano Magnago', '21.386'],
  ['Franco Zeni', 'Cavaria con Premezzo', '5.713'],
  ['Emilio Aliverti', 'Jerago con Orago', '5.084'],
  ['Franco Ghiringhelli', 'Oggiona con Santo Stefano', '4.295'],
  ['Alessandro Ferrazzi', 'Samarate', '16.168'],
  ['Oreste Battiston', 'Solbiate Arno', '4.274'],
] as const;
const ABSENT = new Set<string>(['Albizzate', 'Solbiate Arno']);
const MOST_POPULOUS = new Set<string>(['Gallarate', 'Cassano Magnago', 'Samarate']);

// Issue 10: attendance saved as 7 of 9 while the vote form on the same page still said 9 present. The vote must
// count the meeting's recorded attendance, and the page must show it without a reload. This test uses its own
// meeting (the demo database is shared by every spec) and puts the Assemblea's demo rule back at the end.
test('attendance changed to 7 of 9 on the meeting page: the vote recorded without reloading counts the 7 present and their weights', async ({ page }) => {
  // A long flow (rule, meeting, two attendances, vote, rule back) on a machine shared by several test runs.
  test.setTimeout(180_000);
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/organi');
  await page.getByRole('link', { name: 'Assemblea dei Sindaci', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Componenti di Assemblea dei Sindaci' }).locator('tbody tr')).toHaveCount(9);
  const demoRule = await page.getByTestId('body-rule').textContent();
  expect(demoRule).toContain('maggioranza dei presenti');

  await page.getByText('Modifica la regola di voto').click();
  await page.getByLabel('Regola', { exact: true }).selectOption('population_weighted');
  await page.getByLabel('Soglia (%)').fill('50');
  await page.getByLabel('Base di calcolo').selectOption('present');
  await page.getByRole('button', { name: 'Salva la regola' }).click();
  await expect(page.getByTestId('body-rule')).toHaveText('maggioranza ponderata: più del 50 % del peso dei presenti');

  await page.getByText('Nuova riunione').click();
  await page.getByLabel('Titolo (obbligatorio)').fill('Assemblea dei Sindaci – presenze cambiate durante la seduta');
  await page.getByLabel('Data (obbligatorio)').fill('2025-06-16');
  await page.getByLabel('Ora di inizio (obbligatorio)').fill('17:30');
  await page.getByLabel('Ora di fine (obbligatorio)').fill('19:00');
  await page.getByLabel('Luogo').fill('Sala messa a disposizione dal Comune capofila');
  await page.getByRole('button', { name: 'Crea la riunione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assemblea dei Sindaci – presenze cambiate durante la seduta' })).toBeVisible();

  // Before attendance is recorded the vote form is not offered: no «everybody present» by default.
  await page.getByText('Registra una deliberazione').click();
  await expect(page.getByTestId('decision-attendance-first')).toContainText('non sono ancora registrate');
  await expect(page.getByRole('table', { name: 'Presenza e voto di ogni componente' })).toHaveCount(0);

  // From here on the page is never reloaded: a marker on window would be lost by a reload.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const sameDocument = () => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

  const attendance = page.getByRole('table', { name: 'Presenza di ogni componente in carica alla data della riunione' });
  const votes = page.getByRole('table', { name: 'Presenza e voto di ogni componente' });
  // First all 9 present: the vote form appears on that attendance.
  for (const [mayor] of MAYORS) await attendance.getByRole('radio', { name: `${mayor}: Presente` }).check();
  await page.getByRole('button', { name: 'Registra le presenze' }).click();
  await expect(page.getByRole('status')).toContainText('Presenze registrate.');
  await expect(page.getByTestId('decision-attendance')).toContainText('9 presenti su 9 componenti');
  await expect(votes.getByRole('radio', { name: 'Oreste Battiston: Favorevole' })).toBeVisible();

  // Then two mayors leave: 7 of 9. The vote form on the same page follows the recorded attendance.
  for (const [mayor, comune] of MAYORS) await attendance.getByRole('radio', { name: `${mayor}: ${ABSENT.has(comune) ? 'Assente' : 'Presente'}` }).check();
  await page.getByRole('button', { name: 'Registra le presenze' }).click();
  await expect(page.getByTestId('summary-attendees').locator('li')).toHaveCount(7);
  await expect(page.getByTestId('decision-attendance')).toContainText('7 presenti su 9 componenti');
  expect(await sameDocument()).toBe(true);

  // The weights are the 2011 census (the latest per-comune population of the demo), flagged as old for 2025.
  await expect(page.getByTestId('decision-weights-age')).toContainText(
    'popolazione legale al censimento 2011 (ISTAT), più di cinque anni prima della riunione (2025)',
  );
  await page.getByLabel('Numero (obbligatorio)').fill('7/2025');
  await page.getByLabel('Oggetto (obbligatorio)').fill('Riparto del Fondo sociale regionale con 7 sindaci presenti');
  await expect(votes.locator('tbody tr')).toHaveCount(9);
  for (const [mayor, comune, weight] of MAYORS) {
    const row = votes.locator('tbody tr').filter({ hasText: mayor });
    await expect(row).toContainText(weight);
    await expect(row).toContainText('censimento 2011');
    if (ABSENT.has(comune)) {
      await expect(row).toContainText('Assente');
      await expect(row).toContainText('assente: non vota');
      await expect(row.getByRole('radio')).toHaveCount(0);
    } else {
      await expect(row).toContainText('Presente');
      await row.getByRole('radio', { name: `${mayor}: ${MOST_POPULOUS.has(comune) ? 'Favorevole' : 'Contrario'}` }).check();
    }
  }
  await expectAccessible(page);
  expect(await sameDocument()).toBe(true);
  await page.getByRole('button', { name: 'Registra la deliberazione e calcola l’esito' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Deliberazione n\. 7\/2025 del/ })).toBeVisible();
  await expect(page.getByTestId('decision-outcome')).toHaveText('Approvata');
  const arithmetic = page.getByTestId('decision-explanation');
  await expect(arithmetic).toContainText('Presenti: 7; peso presente 110.932');
  await expect(arithmetic).toContainText('Assenti: 2 (Albizzate, Solbiate Arno)');
  await expect(arithmetic).toContainText('Peso favorevole: 88.010 (Gallarate 50.456 + Cassano Magnago 21.386 + Samarate 16.168)');
  await expect(arithmetic).toContainText('Quota favorevole: 88.010 / 110.932 = 79,34 % del peso dei presenti');
  await expect(arithmetic).toContainText('Soglia: più del 50 % del peso dei presenti = 55.466');
  await expect(page.getByTestId('decision-weights-age')).toContainText('censimento 2011 (ISTAT), più di cinque anni prima della riunione (2025)');
  const table = page.getByTestId('votes-table');
  for (const [mayor, comune, weight] of MAYORS) {
    const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: comune, exact: true }) });
    await expect(row).toContainText(mayor);
    await expect(row).toContainText(weight);
    await expect(row).toContainText('popolazione legale al censimento 2011 (ISTAT)');
    await expect(row).toContainText(ABSENT.has(comune) ? 'assente' : MOST_POPULOUS.has(comune) ? 'favorevole' : 'contrario');
  }
  await expect(table.locator('tfoot')).toContainText('110.932');
  await expectAccessible(page);

  // The Assemblea's demo rule back, for the other specs that share the database.
  await page.goto('/ambiti/gallarate/organi');
  await page.getByRole('link', { name: 'Assemblea dei Sindaci', exact: true }).click();
  await page.getByText('Modifica la regola di voto').click();
  await page.getByLabel('Regola', { exact: true }).selectOption('majority_present');
  await page.getByLabel('Gli astenuti contano come contrari (maggioranza dei presenti)').check({ force: true }); // the styled label covers the box
  await page.getByRole('button', { name: 'Salva la regola' }).click();
  await expect(page.getByTestId('body-rule')).toHaveText(demoRule!);
});
