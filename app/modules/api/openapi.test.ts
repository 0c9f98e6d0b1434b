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
