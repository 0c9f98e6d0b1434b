import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ACCOUNTS, PASSWORD, expectAccessible, expectFitsPhone, signInAs, tick, type DemoRole } from './support.ts';

// A third-sector organisation's whole journey through participation, as issue 12 asks it to be shown, run with and
// without JavaScript (participation-journey.spec.ts and participation-journey-no-js.spec.ts):
//   apply to a table on the public call → admitted by the coordinator → sign in → confirm a meeting of the table →
//   answer the members' questionnaire → submit a proposal; the coordinator answers it and links it to an objective
//   whose indicator has a measured value → the organisation sees the answer, the objective and its latest result.
// Each variant uses its own table, objective and organisation, so the two never meet in the shared demo database.

export interface JourneyVariant {
  /** JavaScript on or off in every browser context of the journey. */
  javaScriptEnabled: boolean;
  /** A table of the demo's open call. */
  table: string;
  /** An objective of the Piano di Zona 2025-2027 with an indicator that no other spec measures. */
  objective: { code: string; title: string; indicator: string };
  /** First digit of the organisation's fiscal code (keeps the two variants' codes apart). */
  codePrefix: string;
  /** The value the Ufficio di Piano measures for the indicator. */
  value: string;
}

/** A valid organisation fiscal code (11 digits with the Agenzia delle Entrate's check digit), different at each run. */
function fiscalCode(prefix: string): string {
  const first10 = `${prefix}${String(Date.now()).slice(-9)}`;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(first10[i]);
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return first10 + String((10 - (sum % 10)) % 10);
}

/** With JavaScript, waits until the page has hydrated (a click that lands earlier can be lost). */
async function settle(page: Page, js: boolean) {
  if (js) await page.waitForLoadState('networkidle');
}

export async function organisationJourney(browser: Browser, v: JourneyVariant) {
  const js = v.javaScriptEnabled;
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const context = await browser.newContext({ javaScriptEnabled: js });
    contexts.push(context);
    return context.newPage();
  };
  const staffPage = async (role: DemoRole) => {
    const page = await open();
    await signInAs(page, ACCOUNTS[role], PASSWORD);
    return page;
  };
  // axe-core runs inside the page: without JavaScript it cannot, and the same pages are checked in the JS variant.
  const accessible = async (page: Page) => {
    if (js) await expectAccessible(page);
  };
  try {
    const code = fiscalCode(v.codePrefix);
    const name = `Associazione ${js ? 'con' : 'senza'} JavaScript ${code}`;
    const email = `percorso.${code}@prova.example`;
    const password = `percorso-${code}`;
    const stamp = code.slice(-6);
    const meetingTitle = `Incontro del tavolo ${stamp}`;
    const proposalTitle = `Proposta ${stamp}: sportello di prossimità`;

    // The coordinator finds the open call (its public page has the same id).
    const coordinator = await staffPage('coordinator');
    await coordinator.goto('/ambiti/gallarate/partecipazione/avvisi');
    const manage = await coordinator.getByRole('link', { name: /^Avviso aperto per aderire/ }).getAttribute('href');
    expect(manage).toMatch(/^\/ambiti\/gallarate\/partecipazione\/avvisi\/[0-9a-f-]{36}$/);

    // 1. Anonymous: the organisation applies to a table on the public page.
    const visitor = await open();
    await visitor.goto(manage!.replace('/partecipazione/avvisi/', '/avviso/'));
    await settle(visitor, js);
    await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Avviso aperto per aderire');
    await accessible(visitor);
    const apply = async () => {
      await visitor.getByLabel('Denominazione dell’organizzazione (obbligatorio)').fill(name);
      await visitor.getByLabel('Codice fiscale dell’organizzazione (obbligatorio)').fill(code);
      await visitor.getByLabel('Forma giuridica (obbligatorio)').selectOption('aps');
      await visitor.getByLabel('Numero di iscrizione al RUNTS').fill(`R-${stamp}`);
      await tick(visitor, v.table);
      await visitor.getByLabel('Nome e cognome del referente (obbligatorio)').fill('Chiara Neri');
      await visitor.getByLabel('E-mail del referente (obbligatorio)').fill(email);
      await visitor.getByLabel('Password per il futuro accesso (obbligatorio)').fill(password);
      await tick(visitor, /Ho letto l’informativa/);
      await visitor.getByRole('button', { name: 'Invia la domanda' }).click();
    };
    await apply();
    await expect(visitor.getByText('Domanda inviata.')).toBeVisible();
    await accessible(visitor);
    // The same organisation applying again is refused, naming the fiscal code; nothing more is recorded (below: one row).
    await visitor.goto(manage!.replace('/partecipazione/avvisi/', '/avviso/'));
    await settle(visitor, js);
    await apply();
    await expect(visitor.getByRole('alert')).toContainText(`l’organizzazione con codice fiscale ${code} ha già presentato domanda`);

    // 2. The coordinator admits it: its account is created with the password chosen when applying.
    await coordinator.goto(manage!);
    const received = coordinator.getByRole('table', { name: /Domande ricevute/ });
    await expect(received.getByRole('row').filter({ hasText: code })).toHaveCount(1);
    await coordinator
      .getByRole('form', { name: `Ammetti la domanda di ${name}` })
      .getByRole('button', { name: 'Ammetti' })
      .click();
    await expect(coordinator.getByRole('status')).toContainText('Domanda ammessa');

    // The coordinator convenes the table's next meeting on its governance body.
    await coordinator.goto('/ambiti/gallarate/organi');
    await coordinator.getByRole('link', { name: v.table, exact: true }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: v.table })).toBeVisible();
    await settle(coordinator, js);
    await coordinator.getByText('Nuova riunione').click();
    await coordinator.getByLabel('Titolo (obbligatorio)').fill(meetingTitle);
    await coordinator.getByLabel('Data (obbligatorio)').fill('2027-03-15');
    await coordinator.getByLabel('Ora di inizio (obbligatorio)').fill('17:00');
    await coordinator.getByLabel('Ora di fine (obbligatorio)').fill('19:00');
    await coordinator.getByLabel('Luogo').fill('Sala consiliare di Gallarate');
    await coordinator.getByRole('button', { name: 'Crea la riunione' }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();

    // 3. The organisation signs in and finds its table and the meeting on its own page; it confirms attendance.
    const member = await open();
    await signInAs(member, email, password);
    await member.goto('/ambiti/gallarate/partecipazione/mia');
    await expect(member.getByRole('heading', { level: 1, name: 'La mia partecipazione' })).toBeVisible();
    await expect(member.getByRole('table', { name: 'Tavoli a cui aderisce la tua organizzazione' })).toContainText(v.table);
    const card = member.getByRole('article').filter({ hasText: meetingTitle });
    await expect(card).toContainText('non ancora data');
    await accessible(member);
    await card.getByLabel('Risposta (obbligatorio)').selectOption('partecipa');
    await card.getByLabel('Chi partecipa').fill('Chiara Neri');
    await card.getByRole('button', { name: 'Invia la risposta' }).click();
    await expect(member.getByRole('status')).toContainText('Risposta registrata');
    await expect(member.getByRole('article').filter({ hasText: meetingTitle })).toContainText('Partecipa');

    // 4. It answers the members' questionnaire, once.
    await member.goto('/ambiti/gallarate/partecipazione/questionari');
    await accessible(member);
    await member.getByRole('link', { name: 'Rispondi Questionario di valutazione di metà periodo 2026' }).click();
    await expect(member.getByRole('heading', { level: 1, name: 'Rispondi al questionario' })).toBeVisible();
    await expect(member.getByRole('main')).toContainText('Questionario di valutazione di metà periodo 2026');
    await settle(member, js);
    await accessible(member);
    for (const [question, value] of [
      [/Il percorso di co-programmazione ha tenuto conto/, '4'],
      [/Le informazioni sullo stato di attuazione/, '3'],
      [/La collaborazione fra servizi pubblici e Terzo settore/, '5'],
    ] as const) {
      await member
        .getByRole('group', { name: question })
        .locator('label', { hasText: new RegExp(`^${value}`) })
        .click();
    }
    await member.locator('label', { hasText: /^Anziani$/ }).click();
    await member.getByRole('button', { name: 'Invia la risposta' }).click();
    await expect(member.getByRole('status')).toContainText('Risposta inviata');
    await member.reload();
    await expect(member.getByText('Risposta già inviata')).toBeVisible();
    await expect(member.getByRole('button', { name: 'Invia la risposta' })).toHaveCount(0);

    // 5. It writes a proposal as a draft (until it is submitted only the organisation sees it), then submits it.
    await member.goto('/ambiti/gallarate/partecipazione/proposte');
    await accessible(member);
    const draft = member.locator('form').filter({ has: member.getByRole('button', { name: 'Salva la bozza' }) });
    await draft.getByLabel('Titolo (obbligatorio)').fill(proposalTitle);
    await draft
      .getByLabel('Testo della proposta (obbligatorio)')
      .fill('Uno sportello itinerante nei comuni più piccoli, con i volontari della nostra associazione.');
    await draft.getByLabel('Tavolo', { exact: true }).selectOption({ label: v.table });
    await draft.getByRole('button', { name: 'Salva la bozza' }).click();
    await expect(member.getByRole('status')).toContainText('Bozza salvata.');
    await expect(member.getByRole('heading', { level: 1, name: proposalTitle })).toBeVisible();
    const proposal = member.url().split('?')[0]!;
    // Another organisation (the demo's cooperative) is never told the draft exists; the Ufficio di Piano is not either.
    const other = await staffPage('third_sector');
    expect((await other.request.get(proposal, { maxRedirects: 0 })).status(), 'bozza di un’altra organizzazione').toBe(404);
    expect((await coordinator.request.get(proposal, { maxRedirects: 0 })).status(), 'bozza vista dall’Ufficio di Piano').toBe(404);
    await other.goto('/ambiti/gallarate/partecipazione/proposte');
    await expect(other.getByRole('main')).not.toContainText(proposalTitle);
    // Nor does it read the individual answers to the questionnaire (only the Ufficio di Piano downloads them).
    const answers = member.url().replace(/\/proposte\/.*$/, '/questionari');
    await other.goto(answers);
    const results = await other.getByRole('link', { name: /^Risultati.*metà periodo 2026/ }).getAttribute('href');
    expect((await other.request.get(`${results!.replace(/\/risultati$/, '')}/risposte.csv`, { maxRedirects: 0 })).status()).toBe(403);
    await member.getByRole('button', { name: 'Presenta la proposta' }).click();
    await expect(member.getByRole('status')).toContainText('Proposta presentata.');
    await accessible(member);

    // 6. The Ufficio di Piano measures the objective's indicator (monitoring), answers the proposal and links it.
    await coordinator.goto('/ambiti/gallarate/monitoraggio');
    await coordinator
      .getByRole('link', { name: /^Piano di Zona 2025-2027/ })
      .first()
      .click();
    await coordinator.getByRole('link', { name: `Obiettivo ${v.objective.code}: azioni e indicatori` }).click();
    await coordinator.getByRole('link', { name: `Indicatore ${v.objective.indicator}: inserisci e vedi i valori` }).click();
    const period = coordinator.getByLabel('Periodo', { exact: true });
    const closed = period.locator('option', { hasText: '(chiuso)' }).last();
    const periodLabel = (await closed.innerText()).replace(/\s*\(chiuso\)\s*$/, '');
    await period.selectOption((await closed.getAttribute('value'))!);
    await coordinator.getByLabel('Valore', { exact: true }).fill(v.value);
    await coordinator.getByRole('button', { name: 'Salva il valore' }).click();
    await expect(coordinator.getByRole('status')).toContainText('salvato');

    await coordinator.goto('/ambiti/gallarate/partecipazione/proposte');
    await coordinator.getByRole('link', { name: proposalTitle }).click();
    await expect(coordinator.getByRole('heading', { level: 1, name: proposalTitle })).toBeVisible();
    await coordinator.getByLabel('Risposta ufficiale (obbligatorio)').selectOption('accolta');
    const reasons = `Lo sportello entra nell’obiettivo ${v.objective.code}; i comuni più piccoli sono i primi.`;
    await coordinator.getByLabel('Motivazioni (obbligatorio)').fill(reasons);
    await coordinator.getByRole('button', { name: 'Salva la risposta' }).click();
    await expect(coordinator.getByRole('status')).toContainText('Risposta ufficiale salvata.');
    const link = coordinator.locator('form').filter({ has: coordinator.getByRole('button', { name: 'Collega', exact: true }) });
    await link.getByLabel('Obiettivo (obbligatorio)').selectOption({ label: `2025-2027 · ${v.objective.code} ${v.objective.title}` });
    await link.getByRole('button', { name: 'Collega', exact: true }).click();
    await expect(coordinator.getByRole('status')).toContainText('Collegamento salvato.');

    // 7. The organisation follows what became of its proposal: the answer, the objective, its latest result.
    await member.goto('/ambiti/gallarate/partecipazione/mia');
    const mine = member.getByRole('table', { name: 'Proposte', exact: true }).getByRole('row').filter({ hasText: proposalTitle });
    await expect(mine).toContainText('Presentata');
    await expect(mine).toContainText('Accolta');
    await mine.getByRole('link', { name: proposalTitle }).click();
    await expect(member).toHaveURL(proposal);
    await expect(member.getByText(reasons)).toBeVisible();
    const result = member.locator('#risultati').getByRole('row').filter({ hasText: v.objective.indicator });
    await expect(result).toContainText(`${v.objective.code} · ${v.objective.title}`);
    await expect(result).toContainText(periodLabel);
    await expect(result).toContainText(v.value);
    await accessible(member);
    await expectFitsPhone(member);
    // The objective's trail, from the organisation's side: its proposal and its organisation behind the objective.
    await result.getByRole('link', { name: `${v.objective.code} · ${v.objective.title}` }).click();
    await expect(member.getByRole('table', { name: 'Proposte' })).toContainText(proposalTitle);
    await accessible(member);
  } finally {
    for (const context of contexts) await context.close();
  }
}
