/* global module */
/**
 * The dependency rule of Cantiere (issue 11): modules meet only through their public faces, shared code imports
 * no module, client faces import no server code. Run by `npm run check:deps` in CI; tested by
 * app/shared/dependency-rules.test.ts on tests/fixtures/dependency-rules/.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'module-through-face',
      comment: 'A module imports another module only through its public face, app/modules/<m>/index.ts (client-safe) or index.server.ts (server).',
      severity: 'error',
      from: { path: '(^|/)app/modules/([^/]+)/' },
      to: {
        path: '(^|/)app/modules/([^/]+)/',
        pathNot: ['(^|/)app/modules/$2/', '(^|/)app/modules/[^/]+/index(\\.server)?\\.ts$'],
      },
    },
    {
      name: 'app-through-face',
      comment:
        'App-level files (root, routes, registry) reach modules through their faces; only app/modules/schema.ts (tables for drizzle-kit) and app/modules/registry.routes.ts (route configuration) read a module file directly.',
      severity: 'error',
      from: { path: '(^|/)app/', pathNot: ['(^|/)app/modules/[^/]+/', '(^|/)app/shared/'] },
      to: {
        path: '(^|/)app/modules/[^/]+/',
        pathNot: [
          '(^|/)app/modules/[^/]+/index(\\.server)?\\.ts$',
          '(^|/)app/modules/[^/]+/[^/]+\\.schema\\.ts$',
          '(^|/)app/modules/[^/]+/[^/]+\\.routes\\.ts$',
        ],
      },
    },
    {
      name: 'schema-and-routes-only-from-registry',
      comment: 'Only app/modules/schema.ts reads schema files and only app/modules/registry.routes.ts reads routes files of the modules directly.',
      severity: 'error',
      from: { path: '(^|/)app/', pathNot: ['(^|/)app/modules/[^/]+/', '(^|/)app/modules/schema\\.ts$', '(^|/)app/modules/registry\\.routes\\.ts$'] },
      to: { path: '(^|/)app/modules/[^/]+/[^/]+\\.(schema|routes)\\.ts$' },
    },
    {
      name: 'ui-through-kit',
      comment: 'A module takes the UI kit through app/shared/ui/kit.ts (and the i18n hook from i18n.tsx), never one of its files.',
      severity: 'error',
      from: { path: '(^|/)app/modules/' },
      to: { path: '(^|/)app/shared/ui/', pathNot: ['(^|/)app/shared/ui/kit\\.ts$', '(^|/)app/shared/ui/i18n\\.tsx$'] },
    },
    {
      name: 'shared-imports-no-module',
      comment: 'Shared code (app/shared) must not import any module: modules depend on shared, never the reverse.',
      severity: 'error',
      from: { path: '(^|/)app/shared/' },
      to: { path: '(^|/)app/modules/' },
    },
    {
      name: 'client-face-no-server',
      comment: 'A client face (app/modules/<m>/index.ts) must not reach a .server file, the database or a node builtin.',
      severity: 'error',
      from: { path: '(^|/)app/modules/[^/]+/index\\.ts$' },
      to: { reachable: true, path: ['\\.server\\.tsx?$', '(^|/)app/shared/db/', '^node:', '^(fs|path|crypto|os|child_process|url)$'] },
    },
    {
      name: 'no-circular-faces',
      comment: 'No cycle between modules through their faces.',
      severity: 'error',
      from: { path: '(^|/)app/modules/[^/]+/index(\\.server)?\\.ts$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|build|\\.react-router)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    moduleSystems: ['es6'],
  },
};
