import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('the public URL is optional, kept without a trailing slash, and must be http or https', () => {
  assert.equal(loadConfig({}).publicUrl, null);
  assert.equal(loadConfig({ CANTIERE_PUBLIC_URL: '' }).publicUrl, null);
  assert.equal(loadConfig({ CANTIERE_PUBLIC_URL: 'https://cantiere.esempio.it/' }).publicUrl, 'https://cantiere.esempio.it');
  assert.throws(
    () => loadConfig({ CANTIERE_PUBLIC_URL: 'ftp://cantiere.esempio.it' }),
    (e: unknown) => e instanceof ConfigError && /CANTIERE_PUBLIC_URL/.test(e.message),
  );
  assert.throws(() => loadConfig({ CANTIERE_PUBLIC_URL: 'cantiere' }), ConfigError);
});
