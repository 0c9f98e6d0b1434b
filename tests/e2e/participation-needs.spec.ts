import { expect, test, type Page } from '@playwright/test';
import { csrfToken, expectAccessible, signIn } from './support.ts';

// Participation, part «needs»: the Ufficio di Piano records a need, merges a duplicate into it (the duplicate stays
// readable with its note), and the proposals and objective trail pages read well, on a desktop and on a phone.

async function noOverflow(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `scorrimento orizzontale su ${page.url()}`).toBeLessThanOrEqual(391);
}

test('the coordinator records two needs, merges the duplicate into the first, and both histories stay readable', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.goto('/ambiti/gallarate/partecipazione/bisogni');
  await expect(page.getByRole('heading', { level: 1, name: 'Registro dei bisogni' })).toBeVisible();
  await expectAccessible(page);

  const record = async (statement: string, source: string) => {
    await page.goto('/ambiti/gallarate/partecipazione/bisogni');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Registra il bisogno' }) });
    await form.getByLabel('Bisogno (obbligatorio)').fill(statement);
    await form.getByLabel('Fonte (obbligatorio)').selectOption(source);
    await form.getByLabel('Priorità').selectOption('alta');
    await form.getByRole('button', { name: 'Registra il bisogno' }).click();
    await expect(page.getByRole('heading', { level: 1, name: statement })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Bisogno registrato.');
    return page.url();
  };
  const duplicate = await record('Pochi trasporti protetti per le persone con disabilità', 'comune');
  const main = (await record('Trasporto protetto insufficiente per le persone con disabilità', 'incontro')).split('?')[0]!;
  await expectAccessible(page);

  await page.getByLabel('Bisogno duplicato').selectOption({ label: 'Pochi trasporti protetti per le persone con disabilità' });
  await page.getByRole('button', { name: 'Unisci', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Bisogno unito');
  await expect(page.getByRole('table', { name: 'Bisogni uniti a questo' })).toContainText('Pochi trasporti protetti');

  await page.goto(duplicate);
  await expect(page.getByText('Questo bisogno è stato unito a un altro')).toBeVisible();
  await page.getByRole('link', { name: 'Apri il bisogno a cui è stato unito' }).click();
  await expect(page).toHaveURL(main);

  // The list hides merged needs unless asked; the filter works without JavaScript (GET).
  await page.goto('/ambiti/gallarate/partecipazione/bisogni?priorita=alta');
  await expect(page.getByRole('table')).toContainText('Trasporto protetto insufficiente');
  await expect(page.getByRole('table')).not.toContainText('Pochi trasporti protetti');
  await page.goto('/ambiti/gallarate/partecipazione/bisogni?priorita=alta&uniti=1');
  await expect(page.getByRole('table')).toContainText('Pochi trasporti protetti');
});

test('proposals and an objective’s trail are accessible and fit a phone', async ({ page }) => {
  await signIn(page, 'staff');
  await page.goto('/ambiti/gallarate/partecipazione/proposte');
  await expect(page.getByRole('heading', { level: 1, name: 'Proposte' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/ambiti/gallarate/piani');
  await page
    .getByRole('link', { name: /Piano di Zona 2025/ })
    .first()
    .click();
  const objective = page.locator('a[href*="/obiettivi/"]').first();
  const href = (await objective.getAttribute('href'))!;
  const trail = `/ambiti/gallarate/partecipazione/obiettivi/${href.split('/obiettivi/')[1]}`;
  await page.goto(trail);
  await expect(page.getByRole('heading', { level: 2, name: 'Obiettivi alimentati e risultati' })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/ambiti/gallarate/partecipazione/bisogni', '/ambiti/gallarate/partecipazione/proposte', trail]) {
    await page.goto(path);
    await noOverflow(page);
  }
});

test('in the pseudo-language every word of these pages comes from the dictionary or is data', async ({ page }) => {
  await signIn(page, 'coordinator');
  expect((await page.request.get('/lingua?lang=qps&redirectTo=/', { maxRedirects: 0 })).status()).toBe(302);
  await page.goto('/ambiti/gallarate/partecipazione/bisogni?uniti=1');
  const need = await page.locator('a[href*="/partecipazione/bisogni/"]').first().getAttribute('href');
  const pages = ['/ambiti/gallarate/partecipazione/bisogni', '/ambiti/gallarate/partecipazione/proposte', ...(need ? [need] : [])];
  for (const path of pages) {
    await page.goto(path);
    const unmarked = await page.evaluate(() => {
      const found: string[] = [];
      const excluded = (el: Element | null) => {
        for (let e = el; e; e = e.parentElement) if (e.getAttribute('translate') === 'no' || ['SCRIPT', 'STYLE', 'TEXTAREA'].includes(e.tagName)) return true;
        return false;
      };
      const main = document.querySelector('main')!;
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      let depth = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (excluded(node.parentElement)) continue;
        let rest = '';
        for (const ch of node.nodeValue ?? '') {
          if (ch === '\u27e6') depth++;
          else if (ch === '\u27e7') depth = Math.max(0, depth - 1);
          else if (depth === 0) rest += ch;
        }
        if (/\p{L}/u.test(rest.replace(/\bn\.d\./g, '')) && node.parentElement!.checkVisibility()) found.push(rest.trim().slice(0, 80));
      }
      return found;
    });
    expect(unmarked, `testo fuori dai dizionari su ${path}`).toEqual([]);
  }
});

test('the Ufficio di Piano records a proposal from a meeting, answers it with reasons, links it to an objective, moderates a comment; the objective’s trail shows it', async ({
  page,
}) => {
  await signIn(page, 'coordinator');
  // A session of a table (a governance meeting of the Tavolo Tematico Anziani), created as the governance page does.
  await page.goto('/ambiti/gallarate/organi');
  await page.getByRole('link', { name: 'Tavolo Tematico Anziani', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tavolo Tematico Anziani' })).toBeVisible();
  const body = page.url();
  const created = await page.request.post(body, {
    form: {
      _csrf: await csrfToken(page.request),
      intent: 'create-meeting',
      title: 'Seconda sessione del tavolo',
      date: '2024-10-18',
      startTime: '09:30',
      endTime: '12:30',
      place: 'Gallarate',
    },
    maxRedirects: 0,
  });
  expect(created.status()).toBeLessThan(400);

  await page.goto('/ambiti/gallarate/partecipazione/proposte');
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Registra la proposta' }) });
  await form.getByLabel('Incontro (obbligatorio)').selectOption({ label: '2024-10-18 · Seconda sessione del tavolo' });
  await form.getByLabel('Titolo (obbligatorio)').fill('Telefono amico per gli anziani soli');
  await form.getByLabel('Testo della proposta (obbligatorio)').fill('Un numero dedicato per raggiungere gli anziani soli che hanno bisogno.');
  await form.getByRole('button', { name: 'Registra la proposta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Telefono amico per gli anziani soli' })).toBeVisible();

  // Without reasons the answer is refused, naming the field.
  await page.getByLabel('Risposta ufficiale (obbligatorio)').selectOption('parzialmente_accolta');
  await page.getByRole('button', { name: 'Salva la risposta' }).click();
  await expect(page.getByRole('alert')).toContainText('Motivazioni');
  await page.getByLabel('Risposta ufficiale (obbligatorio)').selectOption('parzialmente_accolta');
  await page.getByLabel('Motivazioni (obbligatorio)').fill('Il numero entra nel servizio di prossimità già finanziato, non come servizio nuovo.');
  await page.getByRole('button', { name: 'Salva la risposta' }).click();
  await expect(page.getByRole('status')).toContainText('Risposta ufficiale salvata.');

  const link = page.locator('form').filter({ has: page.getByRole('button', { name: 'Collega', exact: true }) });
  const objective = link.getByLabel('Obiettivo (obbligatorio)');
  await objective.selectOption({ index: 1 });
  await link.getByRole('button', { name: 'Collega', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Collegamento salvato.');

  await page.getByLabel('Il tuo commento (obbligatorio)').fill('Testo offensivo da nascondere.');
  await page.getByRole('button', { name: 'Commenta' }).click();
  await expect(page.getByRole('table', { name: /Commenti/ })).toContainText('Testo offensivo da nascondere.');
  await page.getByLabel('Il commento (obbligatorio)').selectOption({ index: 1 });
  await page.getByLabel('Motivo (obbligatorio)').first().fill('Linguaggio offensivo');
  await page.getByRole('button', { name: 'Nascondi', exact: true }).first().click();
  await expect(page.getByRole('table', { name: /Commenti/ })).toContainText('Contenuto nascosto dal coordinamento: Linguaggio offensivo');
  await expect(page.getByRole('table', { name: /Commenti/ })).not.toContainText('Testo offensivo da nascondere.');
  await expectAccessible(page);

  await page.locator('a[href*="/partecipazione/obiettivi/"]').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Proposte' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Proposte' })).toContainText('Telefono amico per gli anziani soli');
  await expect(page.getByRole('table', { name: 'Proposte' })).toContainText('Parzialmente accolta');
  await expect(page.getByRole('table', { name: 'Incontri da cui vengono' })).toContainText('Seconda sessione del tavolo');
  await expectAccessible(page);
});
