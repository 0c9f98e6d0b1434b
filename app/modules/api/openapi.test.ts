import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApiDocument } from './openapi.ts';

test('every $ref of the OpenAPI document points to a defined component', () => {
  const doc = openApiDocument('http://localhost:3000');
  const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
  assert.ok(refs.length > 5);
  for (const r of refs) {
    const id = r.slice(r.lastIndexOf('/') + 1, -1);
    assert.ok(id in doc.components.schemas, `${r} is defined`);
  }
});

test('the Ambito schema types the population total as an integer and names the source', () => {
  const s = openApiDocument('http://x').components.schemas.AmbitoDetail as { properties: Record<string, { properties: Record<string, { type: string }> }> };
  assert.equal(s.properties.population!.properties.total!.type, 'integer');
  assert.equal(s.properties.population!.properties.source!.type, 'string');
  assert.equal(openApiDocument('http://x').servers[0]!.url, 'http://x/api/v1');
});

test('every route of api.routes.ts is a path of the OpenAPI document, and every path a route', async () => {
  const { apiRoutes } = await import('./api.routes.ts');
  const doc = openApiDocument('http://x');
  const routed = apiRoutes
    .map((r) => r.path!)
    .filter((p) => p !== 'api/v1/*' && p !== 'api/v1/openapi.json')
    .map((p) => p.replace(/^api\/v1/, '').replace(/:(\w+)/g, '{$1}'));
  assert.ok(routed.length >= 15, `${routed.length} routes`);
  assert.deepEqual([...routed].sort(), Object.keys(doc.paths).sort());
  for (const [path, item] of Object.entries(doc.paths)) {
    const params = ((item.get as { parameters?: { name: string; in: string }[] }).parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    assert.deepEqual(params.sort(), [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort(), `${path}: the path parameters are described`);
  }
});

test('every list is described with its pagination, and every read with its ETag and 304', () => {
  const doc = openApiDocument('http://x');
  const lists = Object.entries(doc.paths).filter(([, item]) => {
    const ok = (item.get as { responses: Record<string, { content?: { 'application/json': { schema: { properties?: Record<string, unknown> } } } }> })
      .responses['200'];
    return ok?.content?.['application/json'].schema.properties?.page !== undefined;
  });
  assert.deepEqual(lists.map(([p]) => p).sort(), [
    '/ambiti/{code}/bilancio',
    '/ambiti/{code}/leps',
    '/ambiti/{code}/piani',
    '/ambiti/{code}/spesa',
    '/ambiti/{code}/utenti',
    '/piani/{plan}/azioni',
    '/piani/{plan}/indicatori',
    '/piani/{plan}/misure',
    '/piani/{plan}/obiettivi',
  ]);
  for (const [path, item] of lists) {
    const get = item.get as { parameters: { name: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> };
    const names = get.parameters.map((p) => p.name);
    assert.ok(names.includes('limit') && names.includes('cursor'), `${path}: limit and cursor`);
    assert.ok(get.responses['200']!.headers!.Link, `${path}: Link header`);
    assert.ok(get.responses['400'], `${path}: 400 for a bad limit or cursor`);
  }
  for (const [path, item] of Object.entries(doc.paths)) {
    if (path === '/me') continue;
    const get = item.get as { parameters: { name: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> };
    assert.ok(get.responses['304'], `${path}: 304`);
    assert.ok(get.responses['200']!.headers!.ETag, `${path}: ETag`);
    assert.ok(
      get.parameters.some((p) => p.name === 'If-None-Match'),
      `${path}: If-None-Match`,
    );
  }
});

test('money is described as integer cents and the measurement value says how suppression works', () => {
  const schemas = openApiDocument('http://x').components.schemas as Record<string, { properties: Record<string, { type?: string; description?: string }> }>;
  assert.equal(schemas.SpendingRow!.properties.amountCents!.type, 'integer');
  assert.equal(schemas.PlanDetail!.properties.figures!.type, 'object');
  assert.equal(schemas.Measurement!.properties.suppressed!.type, 'boolean');
  assert.match(schemas.Measurement!.properties.suppressed!.description!, /soglia di 5/);
});
