import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

// The plan's life on a plan and decisions of its own (the shared demo plan is not touched): adoption refused on a
// rejected decision and on an empty plan, then an adopted plan whose change waits in a variation until approved.

const MAYORS = [
  'Andrea Cassani',
  'Mirko Vittorio Zorzo',
  'Anna Pugliese',
  'Pietro Ottaviani',
  'Franco Zeni',
  'Emilio Aliverti',
  'Franco Ghiringhelli',
  'Alessandro Ferrazzi',
  'Oreste Battiston',
];

/** Records every mayor present in the meeting (a vote counts the meeting's recorded attendance, never the form's). */
async function recordAttendance(page: Page, meetingUrl: string) {
  await page.goto(meetingUrl);
  const attendance = page.getByRole('table', { name: 'Presenza di ogni componente in carica alla data della riunione' });
  for (const mayor of MAYORS) await attendance.getByRole('radio', { name: `${mayor}: Presente` }).check();
  await page.getByRole('button', { name: 'Registra le presenze' }).click();
  await expect(page.getByRole('status')).toContainText('Presenze registrate.');
}

/** Records a decision of the Assemblea dei Sindaci in the given meeting with every (present) mayor voting `vote`. */
async function recordDecision(page: Page, meetingUrl: string, number: string, subject: string, vote: 'Favorevole' | 'Contrario') {
  await page.goto(meetingUrl);
  await page.getByText('Registra una deliberazione').click();
  await expect(page.getByTestId('decision-attendance')).toContainText('9 presenti su 9 componenti');
  await page.getByLabel('Numero (obbligatorio)').fill(number);
  await page.getByLabel('Oggetto (obbligatorio)').fill(subject);
  const votes = page.getByRole('table', { name: 'Presenza e voto di ogni componente' });
  for (const mayor of MAYORS) await votes.getByRole('radio', { name: `${mayor}: ${vote}` }).check();
  await page.getByRole('button', { name: 'Registra la deliberazione e calcola l’esito' }).click();
  await expect(page.getByTestId('decision-outcome')).toHaveText(vote === 'Favorevole' ? 'Approvata' : 'Respinta');
}

async function chooseDecision(page: Page, label: string | RegExp, number: string) {
  const select = page.getByLabel(label);
  const value = await select.locator('option', { hasText: number }).getAttribute('value');
  await select.selectOption(value!);
}

test('adoption is refused on a rejected decision and on an empty plan; a variation of the adopted plan changes nothing until it is approved', async ({
  page,
}) => {
  test.setTimeout(4 * 60_000); // a long journey through governance and planning pages
  await signIn(page, 'coordinator');

  // Two decisions of the Assemblea dei Sindaci: one rejected, one approved.
  await page.goto('/ambiti/gallarate');
  await page.getByRole('link', { name: 'Organi e riunioni' }).click();
  await page.getByRole('link', { name: 'Assemblea dei Sindaci', exact: true }).click();
  await page.getByText('Nuova riunione').click();
  await page.getByLabel('Titolo (obbligatorio)').fill('Assemblea dei Sindaci – Piano di Zona 2061-2063');
  await page.getByLabel('Data (obbligatorio)').fill('2026-12-21');
  await page.getByLabel('Ora di inizio (obbligatorio)').fill('17:00');
  await page.getByLabel('Ora di fine (obbligatorio)').fill('18:00');
  await page.getByLabel('Luogo').fill('Sala del Comune capofila');
  await page.getByRole('button', { name: 'Crea la riunione' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assemblea dei Sindaci – Piano di Zona 2061-2063' })).toBeVisible();
  const meetingUrl = page.url().replace(/\?.*$/, '');
  await recordAttendance(page, meetingUrl);
  await recordDecision(page, meetingUrl, 'PZ-1/2026', 'Approvazione del Piano di Zona 2061-2063 (prima votazione)', 'Contrario');
  await recordDecision(page, meetingUrl, 'PZ-2/2026', 'Approvazione del Piano di Zona 2061-2063', 'Favorevole');

  // A new plan, empty, in consultation.
  await page.goto('/ambiti/gallarate/piani');
  await page.getByLabel('Titolo del piano (obbligatorio)').fill('Piano di Zona 2061-2063');
  await page.getByLabel('Primo anno').fill('2061');
  await page.getByLabel('Ultimo anno').fill('2063');
  await page.locator('select[name="templateId"]').selectOption('lombardia-dgr-xii-2167-2024');
  await page.getByRole('button', { name: /Crea il piano/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Piano di Zona 2061-2063' })).toBeVisible();
  const planUrl = page.url().replace(/\?.*$/, '');
  await page.getByLabel('Nuovo stato').selectOption('consultation');
  await page.getByRole('button', { name: 'Conferma' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('In consultazione');

  // Adoption on the rejected decision: refused, in words.
  await page.getByLabel('Nuovo stato').selectOption('adopted');
  await chooseDecision(page, 'Deliberazione di adozione (per «Adottato»)', 'PZ-1/2026');
  await page.getByRole('button', { name: 'Conferma' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'La deliberazione n. PZ-1/2026 del 21/12/2026 (Assemblea dei Sindaci) è stata respinta: per adottare il piano serve una deliberazione approvata.',
  );
  await expect(page.getByTestId('plan-status')).toHaveText('In consultazione');
  await expectAccessible(page);

  // On the approved decision, but the plan is empty: refused.
  await page.getByLabel('Nuovo stato').selectOption('adopted');
  await chooseDecision(page, 'Deliberazione di adozione (per «Adottato»)', 'PZ-2/2026');
  await page.getByRole('button', { name: 'Conferma' }).click();
  await expect(page.getByRole('alert')).toContainText('Il piano non ha obiettivi: un piano vuoto non si adotta. Aggiungi almeno un obiettivo.');
  await expect(page.getByTestId('plan-status')).toHaveText('In consultazione');

  // One objective, still incomplete: refused with what is missing, then adopted with the coordinator's written reason.
  await page.getByLabel('Codice').fill('Z');
  await page.getByLabel('Titolo del nuovo obiettivo').fill('Sostegno alle famiglie fragili');
  await page.getByRole('button', { name: 'Aggiungi obiettivo' }).click();
  await expect(page.getByRole('status')).toHaveText('Obiettivo Z aggiunto.');
  await page.getByLabel('Nuovo stato').selectOption('adopted');
  await chooseDecision(page, 'Deliberazione di adozione (per «Adottato»)', 'PZ-2/2026');
  await page.getByRole('button', { name: 'Conferma' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Il piano non rispetta i requisiti di completezza del modello: Obiettivo Z: mancano i campi obbligatori della scheda',
  );
  await expect(page.getByRole('alert')).toContainText('Obiettivo Z: 0 azioni, ne serve almeno 1.');
  await page.getByLabel('Nuovo stato').selectOption('adopted');
  await chooseDecision(page, 'Deliberazione di adozione (per «Adottato»)', 'PZ-2/2026');
  await page
    .getByLabel(/Adozione senza i requisiti di completezza: motivo/)
    .fill('Adottato dall’Assemblea il 21 dicembre; le schede saranno completate con una variazione.');
  await page.getByRole('button', { name: 'Conferma' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Adottato');
  await expect(page.getByTestId('adoption-override')).toContainText('Adottato dall’Assemblea il 21 dicembre; le schede saranno completate con una variazione.');
  await expect(page.getByRole('link', { name: /Deliberazione n\. PZ-2\/2026/ })).toBeVisible();
  await expect(page.getByTestId('draft-variation')).toHaveText('Nessuna variazione in bozza.');
  await expectAccessible(page);

  // A change after adoption is proposed in a variation: the approved plan does not change.
  await page.locator('table').getByRole('link', { name: 'Z', exact: true }).click();
  await expect(page.getByTestId('variation-note')).toContainText('Il piano è adottato');
  await page.getByLabel(/^4\. TARGET/).fill('Famiglie con minori in carico ai servizi');
  await page.getByRole('button', { name: 'Salva la scheda' }).click();
  await expect(page.getByRole('status')).toContainText('Modifiche proposte nella variazione in bozza');
  await expect(page.getByTestId('variation-note')).toContainText('TARGET: — → Famiglie con minori in carico ai servizi');
  await expectAccessible(page);
  const objectiveUrl = page.url().replace(/\?.*$/, '');
  await page.goto(`${objectiveUrl}/stampa`);
  await expect(page.getByRole('table', { name: 'Scheda dell’obiettivo' })).not.toContainText('Famiglie con minori in carico ai servizi');

  await page.goto(planUrl);
  const draft = page.getByTestId('draft-variation');
  await expect(draft.getByRole('table')).toContainText('scheda: TARGET');
  await expect(draft.getByRole('table')).toContainText('Famiglie con minori in carico ai servizi');
  await expect(draft.getByRole('table')).not.toContainText('["');
  await expect(page.getByTestId('variance')).toHaveText('Nessuna differenza.');

  // Approved (a minor change for the Lombardy template: the coordinator approves it): now the plan has it.
  await page.getByRole('button', { name: 'Approva la variazione' }).click();
  await expect(page.getByRole('status')).toHaveText('Variazione n. 1 approvata: le modifiche sono nel piano.');
  await expect(page.getByTestId('draft-variation')).toHaveText('Nessuna variazione in bozza.');
  await expect(page.getByRole('table', { name: 'Differenze, campo per campo' })).toContainText('Famiglie con minori in carico ai servizi');
  await expect(page.getByText('Variazione n. 1 approvata (modifiche minori, approvate dal coordinatore)')).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${objectiveUrl}/stampa`);
  await expect(page.getByRole('table', { name: 'Scheda dell’obiettivo' })).toContainText('Famiglie con minori in carico ai servizi');

  // Saving the card again without changing anything writes nothing.
  await page.goto(objectiveUrl);
  await page.getByRole('button', { name: 'Salva la scheda' }).click();
  await expect(page.getByRole('status')).toHaveText('Nessuna modifica da salvare.');
  await page.goto(planUrl);
  await expect(page.getByTestId('draft-variation')).toHaveText('Nessuna variazione in bozza.');
});

test('saving a demo card without changing anything writes nothing: no proposal, no variation', async ({ page }) => {
  test.setTimeout(3 * 60_000);
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/piani');
  await page.getByRole('link', { name: /Piano di Zona 2025/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Piano di Zona 2025/ })).toBeVisible();
  const planUrl = page.url().replace(/\?.*$/, '');
  for (const code of ['D', 'LEPS-PUA']) {
    await page.goto(planUrl);
    await page.locator('table').getByRole('link', { name: code, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${code} – `) })).toBeVisible();
    // The imported key points are ticked boxes, area by area from the main one («D) …» first for objective D).
    if (code === 'D') {
      await expect(page.getByLabel('Area principale')).toHaveValue('D');
      const keyPoints = page.getByRole('group', { name: /8\. INDICARE I PUNTI CHIAVE/ });
      await expect(keyPoints.getByRole('checkbox').first()).toHaveAccessibleName(/^D\) /);
      await expect(keyPoints.getByRole('checkbox', { checked: true })).not.toHaveCount(0);
      await expect(keyPoints.getByLabel('Altre voci (una per riga)')).toHaveValue('');
    }
    await page.getByRole('button', { name: 'Salva la scheda' }).click();
    await expect(page.getByRole('status')).toHaveText('Nessuna modifica da salvare.');
  }
  await page.goto(planUrl);
  await expect(page.getByTestId('draft-variation')).toHaveText('Nessuna variazione in bozza.');
  await expect(page.getByTestId('variance')).toHaveText('Nessuna differenza.');
});
