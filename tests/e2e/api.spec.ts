import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

test('a personal API token reads the Ambito and its comuni until it is revoked', async ({ page, playwright, baseURL }) => {
  await signIn(page, 'coordinator');
  await page.goto('/profilo');
  await page.getByLabel('Nome del token').fill('Script di prova');
  await page.getByLabel('Scadenza (giorni, facoltativa)').fill('30');
  await page.getByRole('button', { name: 'Crea token' }).click();
  const secret = (await page.getByTestId('new-token').textContent())!.trim();
  expect(secret).toMatch(/^cnt_/);
  await expectAccessible(page);

  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const me = await (await api.get('/api/v1/me')).json();
  expect(me).toMatchObject({ authenticated: true, user: { email: 'coordinatrice@cantiere.example', via: 'token' } });

  const ambito = await api.get('/api/v1/ambiti/gallarate');
  expect(ambito.status()).toBe(200);
  const { data } = await ambito.json();
  expect(data).toMatchObject({
    code: 'gallarate',
    name: 'Ambito Territoriale di Gallarate',
    region: { code: '03', name: 'Lombardia' },
    capofila: '012070',
    comuniCount: 9,
  });
  expect(data.population.total).toBe(120498);

  const comuni = await (await api.get('/api/v1/ambiti/gallarate/comuni')).json();
  expect(comuni.data).toHaveLength(9);
  expect(comuni.data[0]).toMatchObject({ istatCode: '012070', name: 'Gallarate', isCapofila: true, population2011: 50456 });

  await page.getByRole('button', { name: /Revoca Script di prova/ }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Script di prova' })).toContainText('revocato');
  const refused = await api.get('/api/v1/ambiti/gallarate');
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: 'auth.invalid_token', message: 'Token non valido, revocato o scaduto.' } });
  await api.dispose();
});

test('the OpenAPI document describes the API', async ({ request }) => {
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toEqual([
    '/me',
    '/ambiti',
    '/ambiti/{code}',
    '/ambiti/{code}/comuni',
    '/ambiti/{code}/piani',
    '/ambiti/{code}/bilancio',
    '/ambiti/{code}/spesa',
    '/ambiti/{code}/utenti',
    '/ambiti/{code}/leps',
    '/piani/{plan}',
    '/piani/{plan}/obiettivi',
    '/piani/{plan}/obiettivi/{objective}',
    '/piani/{plan}/azioni',
    '/piani/{plan}/indicatori',
    '/piani/{plan}/misure',
  ]);
  expect(doc.components.schemas.AmbitoDetail.properties.population.properties.total.type).toBe('integer');
  expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
});

test('API errors are JSON with Italian messages', async ({ request }) => {
  const missing = await request.get('/api/v1/ambiti/nessuno');
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe('not_found');
  const badDate = await request.get('/api/v1/ambiti/gallarate/comuni?date=31-12-2024');
  expect(badDate.status()).toBe(400);
  expect((await badDate.json()).error.issues[0]).toEqual({ path: 'date', message: 'data non valida: usa il formato AAAA-MM-GG' });
  const unknown = await request.get('/api/v1/non-esiste');
  expect(unknown.status()).toBe(404);
  const history = await (await request.get('/api/v1/ambiti/gallarate/comuni?date=2020-06-30')).json();
  expect(history.data).toEqual([]);
});
