import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { RouteConfigEntry } from '@react-router/dev/routes';
import { bodyClassOf, BODY_LIMITS, FILE_ROUTES } from '../shared/http/body-limits.ts';
import { MODULE_ROUTES } from './registry.routes.ts';

// Every page with a file field (the kit's UploadForm, governance's FileForm, a bare <input type="file">) must be
// listed in app/shared/http/body-limits.ts, or its uploads would be refused at the forms' limit; and every page listed
// there must take files, or a forgotten entry would let a 20 MB body into a page that reads only text.
const TAKES_FILES = /<UploadForm\b|<FileForm\b|type="file"/;

function flatten(entries: readonly RouteConfigEntry[], prefix = ''): { path: string; file: string }[] {
  return entries.flatMap((e) => {
    const path = e.path === undefined ? prefix : `${prefix}/${e.path}`;
    return [{ path: path || '/', file: e.file }, ...flatten(e.children ?? [], path)];
  });
}

const routes = flatten(Object.values(MODULE_ROUTES).flat());
const sample = (pattern: string) => pattern.replace(/:[A-Za-z]+/g, 'x1');

test('every page that takes files is listed with its class, and only those', () => {
  const withFiles = routes.filter((r) => TAKES_FILES.test(readFileSync(new URL(`../${r.file}`, import.meta.url), 'utf8'))).map((r) => r.path);
  assert.ok(withFiles.length >= 10, `pages with files found: ${withFiles.length}`);
  assert.deepEqual([...withFiles].sort(), FILE_ROUTES.map((r) => r.pattern).sort());
  for (const path of withFiles) assert.notEqual(bodyClassOf(sample(path), 'multipart/form-data; boundary=x'), 'form', path);
});

test('a body is a form unless it is multipart and sent to a page that takes files', () => {
  assert.equal(bodyClassOf('/accedi', 'multipart/form-data; boundary=x'), 'form');
  assert.equal(bodyClassOf('/ambiti/gallarate/risorse/importa', 'application/x-www-form-urlencoded'), 'form');
  assert.equal(bodyClassOf('/ambiti/gallarate/risorse/importa', 'multipart/form-data; boundary=x'), 'import');
  assert.equal(bodyClassOf('/ambiti/gallarate/risorse/importa/altro', 'multipart/form-data; boundary=x'), 'form');
  assert.equal(bodyClassOf('/ambiti/gallarate/riunioni/2c16833a-0000-4000-8000-0123456789ab', 'Multipart/Form-Data; boundary=x'), 'upload');
  assert.equal(bodyClassOf('/api/v1/ambiti', undefined), 'form');
  assert.ok(BODY_LIMITS.form < BODY_LIMITS.upload && BODY_LIMITS.upload <= BODY_LIMITS.import);
});
