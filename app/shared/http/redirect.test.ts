import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeLocalPath } from './redirect.ts';

// Known open-redirect bypasses (OWASP's cheat sheet, PortSwigger's and PayloadsAllTheThings' lists), as they arrive in
// a `redirectTo` once the query string is decoded: each must fall back to the home page.
const OFF_SITE = [
  '//evil.example',
  '///evil.example',
  '////evil.example/x',
  '/\\evil.example',
  '/\\127.0.0.1:9999/x',
  '\\\\evil.example',
  '\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/\u0000/evil.example',
  '/\u007f/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '/.//evil.example',
  '/..//evil.example',
  '/./..//evil.example/x',
  '/%2e//evil.example',
  'https://evil.example',
  'http:evil.example',
  'http:/evil.example',
  '//evil.example@cantiere.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  '',
  '/' + 'a'.repeat(3000),
];

describe('safeLocalPath: only a path of this site', () => {
  for (const to of OFF_SITE)
    test(`refuses ${JSON.stringify(to.slice(0, 60))}`, () => {
      assert.equal(safeLocalPath(to), '/');
      assert.equal(safeLocalPath(to, '/ambiti'), '/ambiti');
    });

  test('nothing given is the fallback', () => {
    assert.equal(safeLocalPath(null), '/');
    assert.equal(safeLocalPath(undefined), '/');
  });

  test('local paths come back resolved, with their query and fragment', () => {
    assert.equal(safeLocalPath('/'), '/');
    assert.equal(safeLocalPath('/ambiti/gallarate/piano?anno=2025#obiettivi'), '/ambiti/gallarate/piano?anno=2025#obiettivi');
    assert.equal(safeLocalPath('/ambiti/./gallarate/../gallarate'), '/ambiti/gallarate');
    assert.equal(safeLocalPath('/cerca?q=//evil.example'), '/cerca?q=//evil.example');
    // A percent-encoded backslash stays encoded: a path of this site that simply does not exist.
    assert.equal(safeLocalPath('/%5C127.0.0.1'), '/%5C127.0.0.1');
    assert.equal(safeLocalPath('/città'), '/citt%C3%A0');
  });

  test('every answer is itself safe: not protocol-relative, no backslash, no control character', () => {
    for (const to of [...OFF_SITE, '/a/../../b', '/%2F%2Fevil.example', '/.%2F/evil.example', '/a?b=\\c'])
      // eslint-disable-next-line no-control-regex
      assert.match(safeLocalPath(to), /^\/(?![/\\])[^\\\u0000-\u001f]*$/, JSON.stringify(to));
  });
});
