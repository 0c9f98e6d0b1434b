import { expect, test } from '@playwright/test';
import { csrfToken, expectAccessible, signIn, signInRequest } from './support.ts';

// The nine mayors of the Ambito di Gallarate (signature block of the Accordo di programma 2025-2027, seed 002,
// L486-L520) with the comune each represents and its legal population at the 2011 census (ISTAT): the weights.
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
const MOST_POPULOUS = new Set<string>(['Gallarate', 'Cassano Magnago', 'Samarate']);

test('the coordinator convenes the Assemblea dei Sindaci, records the 9 mayors’ attendance and a population-weighted vote, and sees the outcome with the weights', async ({
  page,
}) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate');
  await page.getByRole('link', { name: 'Organi e riunioni' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organi e riunioni' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Assemblea dei Sindaci', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assemblea dei Sindaci' })).toBeVisible();
  const members = page.getByRole('table', { name: 'Componenti di Assemblea dei Sindaci' }).locator('tbody tr');
  await expect(members).toHaveCount(9);
  await expect(members.first()).toContainText('Andrea Cassani');
  await expect(members.first()).toContainText('Presidente');
  await expectAccessible(page);

  // The seed does not state the Assemblea's rule: the demo uses the majority of those present; weigh by population.
  await expect(page.getByTestId('body-rule')).toContainText('maggioranza dei presenti');
  await page.getByText('Modifica la regola di voto').click();
  await page.getByLabel('Regola', { exact: true }).selectOption('population_weighted');
  await page.getByLabel('Soglia (%)').fill('50');
  await page.getByLabel('Base di calcolo').selectOption('present');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Salva la regola' }).click();
  await expect(page.getByRole('status')).toContainText('Regola di voto salvata.');
  await expect(page.getByTestId('body-rule')).toHaveText('maggioranza ponderata: più del 50 % del peso dei presenti');

  await page.getByText('Nuova riunione').click();
  await page.getByLabel('Titolo (obbligatorio)').fill('Assemblea dei Sindaci – riparto del Fondo sociale regionale');
  await page.getByLabel('Data (obbligatorio)').fill('2026-12-14');
  await page.getByLabel('Ora di inizio (obbligatorio)').fill('17:30');
  await page.getByLabel('Ora di fine (obbligatorio)').fill('19:00');
  await page.getByLabel('Luogo').fill('Sala messa a disposizione dal Comune capofila');
  await page.getByLabel('Ordine del giorno').fill('Approvazione del verbale della seduta precedente\nRiparto del Fondo sociale regionale 2026');
  await page.getByRole('button', { name: 'Crea la riunione' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Assemblea dei Sindaci – riparto del Fondo sociale regionale' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Riunione creata.');
  await expect(page.getByTestId('meeting-when')).toContainText('17:30–19:00');
  await expect(page.getByRole('list').filter({ hasText: 'Riparto del Fondo sociale regionale 2026' })).toBeVisible();
  const meetingUrl = page.url().replace(/\?.*$/, '');
  await expectAccessible(page);

  // The meeting's invitation, for the calendar.
  const ics = await page.request.get(`${meetingUrl}/invito.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const icsText = await ics.text();
  expect(icsText).toContain('BEGIN:VCALENDAR\r\n');
  // 17:30 in Rome on 14 December is 16:30 UTC (winter time).
  expect(icsText).toContain('DTSTART:20261214T163000Z\r\n');

  // Attendance of the 9 mayors, in one table of radio buttons.
  const attendance = page.getByRole('table', { name: 'Presenza di ogni componente in carica alla data della riunione' });
  await expect(attendance.locator('tbody tr')).toHaveCount(9);
  for (const [mayor] of MAYORS) await attendance.getByRole('radio', { name: `${mayor}: Presente` }).check();
  await page.getByRole('button', { name: 'Registra le presenze' }).click();
  await expect(page.getByRole('status')).toContainText('Presenze registrate.');
  await expect(page.getByTestId('summary-attendees').locator('li')).toHaveCount(9);
  await expectAccessible(page);

  // The vote: the three most populous comuni for, the six others against.
  await page.getByText('Registra una deliberazione').click();
  await page.getByLabel('Numero (obbligatorio)').fill('1/2026');
  await page.getByLabel('Oggetto (obbligatorio)').fill('Riparto del Fondo sociale regionale 2026 tra le aree di intervento');
  const votes = page.getByRole('table', { name: 'Presenza e voto di ogni componente' });
  await expect(votes.locator('tbody tr')).toHaveCount(9);
  for (const [mayor, comune, weight] of MAYORS) {
    const row = votes.locator('tbody tr').filter({ hasText: mayor });
    await expect(row).toContainText(weight);
    // Attendance is the recorded one (all 9 present), shown, not asked again.
    await expect(row).toContainText('Presente');
    await row.getByRole('radio', { name: `${mayor}: ${MOST_POPULOUS.has(comune) ? 'Favorevole' : 'Contrario'}` }).check();
  }
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Registra la deliberazione e calcola l’esito' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Deliberazione n\. 1\/2026 del/ })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Deliberazione registrata');
  await expect(page.getByTestId('decision-outcome')).toHaveText('Approvata');
  const arithmetic = page.getByTestId('decision-explanation');
  await expect(arithmetic).toContainText('Peso favorevole: 88.010 (Gallarate 50.456 + Cassano Magnago 21.386 + Samarate 16.168)');
  await expect(arithmetic).toContainText('Quota favorevole: 88.010 / 120.498 = 73,04 % del peso dei presenti');
  await expect(arithmetic).toContainText('Soglia: più del 50 % del peso dei presenti = 60.249');
  await expect(arithmetic).toContainText('88.010 > 60.249 → approvata');
  await expect(page.getByTestId('decision-threshold')).toContainText('60.249');
  const table = page.getByTestId('votes-table');
  for (const [mayor, comune, weight] of MAYORS) {
    const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: comune, exact: true }) });
    await expect(row).toContainText(mayor);
    await expect(row).toContainText(weight);
    await expect(row).toContainText(MOST_POPULOUS.has(comune) ? 'favorevole' : 'contrario');
    await expect(row).toContainText('censimento 2011');
  }
  await expect(table.locator('tfoot')).toContainText('120.498');
  await expectAccessible(page);

  // Back on the meeting, the closing summary lists the decision.
  await page.getByRole('link', { name: /^Torna alla riunione/ }).click();
  await expect(page.getByRole('region', { name: 'Sintesi della riunione' })).toContainText('Deliberazione n. 1/2026');
  await expect(page.getByRole('region', { name: 'Sintesi della riunione' })).toContainText('approvata');

  // Every step is in the Ambito's activity log, with who did it.
  await page.getByRole('link', { name: 'Registro delle attività' }).click();
  for (const action of [
    'governance.body.rule_updated',
    'governance.meeting.created',
    'governance.meeting.attendance_recorded',
    'governance.decision.created',
  ]) {
    await expect(page.getByRole('row').filter({ hasText: action }).first()).toContainText('Giulia Ferri');
  }
});

test('the Accordo di programma 2025-2027 shows its 11 parties and signatures, and the registry its organisations', async ({ page }) => {
  await signIn(page, 'mayor');
  await page.goto('/ambiti/gallarate');
  await page.getByRole('link', { name: 'Accordo di programma' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accordo di programma' })).toBeVisible();
  await expect(page.getByText('Accordo di Programma per la realizzazione del Piano di Zona 2025-2027')).toBeVisible();
  await expect(page.getByTestId('agreement-validity')).toContainText('2025');
  await expect(page.getByTestId('agreement-parties').locator('tbody tr')).toHaveCount(11);
  await expect(page.getByTestId('agreement-parties').locator('tbody tr').first()).toContainText('Comune di Gallarate');
  const parties = (await page.getByTestId('agreement-parties').locator('tbody tr > :first-child').allInnerTexts()).map((t) => t.trim());
  expect(parties).toHaveLength(11);
  await expect(page.getByTestId('agreement-signatures').locator('tbody tr')).toHaveCount(11);
  await expect(page.getByTestId('agreement-signatures')).toContainText('Salvatore Gioia');
  await expect(page.getByTestId('agreement-signatures')).toContainText('Daniela Bianchi');
  await expect(page.getByRole('button', { name: /Rimuovi/ })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Organizzazioni', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organizzazioni e persone' })).toBeVisible();
  // The registry holds the Accordo's 11 parties and the demo's third-sector cooperative (admitted through the open call;
  // other specs may admit more organisations, so each is looked for by name).
  const registry = page.getByRole('table', { name: /Organizzazioni del registro/ });
  for (const party of parties) await expect(registry.getByRole('row').filter({ hasText: party })).toHaveCount(1);
  await expect(registry).toContainText('Cooperativa sociale Il Ponte');
  await expect(page.getByText('Nuova organizzazione')).toHaveCount(0);
  await expectAccessible(page);
});

test('the coordinator adds an organisation with a wrong fiscal code and gets the error next to the field', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/organizzazioni');
  await page.getByText('Nuova organizzazione').click();
  await page.getByLabel('Organizzazione (obbligatorio)').fill('Associazione di volontariato di prova');
  await page.getByLabel('Tipo (obbligatorio)').selectOption('odv');
  await page.getByLabel('Codice fiscale').fill('01234567890');
  await page.getByRole('button', { name: 'Aggiungi l’organizzazione' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Alcuni dati non sono validi');
  await expect(alert.getByRole('link', { name: /l’ultima cifra \(di controllo\) non corrisponde/ })).toBeVisible();
  await expect(page.getByLabel('Codice fiscale')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Organizzazione (obbligatorio)')).toHaveValue('Associazione di volontariato di prova');
  await expectAccessible(page);
});

test('the Ufficio di Piano’s other governance pages, with every form open, have no accessibility violations', async ({ page }) => {
  await signIn(page, 'coordinator');
  // Opens every collapsed form; retried as a whole, because a click that lands while the page hydrates is lost.
  const openAll = async () => {
    await page.waitForLoadState('networkidle');
    const closed = page.locator('main details:not([open]) > summary');
    await expect(async () => {
      for (let left = await closed.count(); left > 0; left--) await closed.first().click();
      expect(await closed.count()).toBe(0);
    }).toPass({ timeout: 15_000 });
  };
  await page.goto('/ambiti/gallarate/accordo');
  await openAll();
  await expect(page.getByLabel('File PDF dell’Accordo firmato')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/ambiti/gallarate/organizzazioni');
  await openAll();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Comune di Samarate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Comune di Samarate' })).toBeVisible();
  await expect(page.getByText('Alessandro Ferrazzi')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/ambiti/gallarate/organi');
  await page.getByRole('link', { name: 'Assemblea dei Sindaci', exact: true }).click();
  await openAll();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Modifica Andrea Cassani' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifica il componente' })).toBeVisible();
  await expect(page.getByLabel('Carica (obbligatorio)')).toHaveValue('presidente');
  await expectAccessible(page);

  await page.goto('/ambiti/gallarate/posta');
  await expect(page.getByRole('heading', { level: 1, name: 'Posta in uscita' })).toBeVisible();
  await expectAccessible(page);
});

test('a form the governance pages do not have (an unknown intent) is refused with 400 and a message, and changes nothing', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  await signInRequest(request, 'coordinator');
  for (const path of ['/ambiti/gallarate/organizzazioni', '/ambiti/gallarate/accordo']) {
    const post = await request.post(path, { form: { _csrf: await csrfToken(request), intent: 'xyz', name: 'Da non creare' }, maxRedirects: 0 });
    expect(post.status(), `POST ${path} intent=xyz`).toBe(400);
    expect(await post.text()).toContain('Il modulo inviato («xyz») non esiste in questa pagina');
  }
  await request.dispose();
});
