import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { fromRoot } from './paths.ts';

// The project's own rule set, checked on small fixture trees: the deliberate violations must be reported by rule name.
const config = createRequire(import.meta.url)(fromRoot('.dependency-cruiser.cjs')) as IConfiguration;
const fixtures = 'tests/fixtures/dependency-rules';

async function violations(tree: string) {
  const result = await cruise([`${fixtures}/${tree}/app`], {
    ruleSet: { forbidden: config.forbidden },
    validate: true,
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    baseDir: fromRoot(),
  });
  if (typeof result.output === 'string') throw new Error('unexpected string output');
  return result.output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

test('a module reaching into another module’s internals or past the UI kit, and shared code importing a module, are reported', async () => {
  const found = await violations('violating');
  assert.deepEqual(found.map((v) => v.rule).sort(), ['module-through-face', 'shared-imports-no-module', 'ui-through-kit']);
  assert.ok(
    found.some((v) => v.rule === 'module-through-face' && v.from.endsWith('modules/beta/beta.rules.ts') && v.to.endsWith('modules/alpha/alpha.rules.ts')),
  );
  assert.ok(found.some((v) => v.rule === 'shared-imports-no-module' && v.from.endsWith('shared/uses-module.ts')));
  assert.ok(found.some((v) => v.rule === 'ui-through-kit' && v.from.endsWith('modules/gamma/gamma.page.ts') && v.to.endsWith('shared/ui/badge.tsx')));
});

test('a tree that follows the rule passes', async () => {
  assert.deepEqual(await violations('clean'), []);
});
