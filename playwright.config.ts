import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium (/usr/bin/chromium; no browser download) against the real server,
// built (`npm run build`) and started on a fresh embedded database with the demo Ambito.
const port = Number(process.env.E2E_PORT ?? 3210);
// The OpenID Connect provider of the tests (tests/support/oidc-provider.ts), for «Entra con …» (oidc.spec.ts).
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? port + 1);
const dataDir = process.env.E2E_DATA_DIR ?? (process.env.E2E_DATA_DIR = mkdtempSync(join(tmpdir(), 'cantiere-e2e-')));
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'it-IT',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  // One server and one demo database serve the whole run: the no-JavaScript flows run first, then the rest.
  projects: [
    { name: 'chromium-senza-javascript', testMatch: /no-js\.spec\.ts/, use: { javaScriptEnabled: false } },
    { name: 'chromium', testIgnore: /no-js\.spec\.ts/, dependencies: ['chromium-senza-javascript'] },
  ],
  webServer: [
    {
      // Started first: the server reads its metadata on the first sign-in with it.
      command: 'node tests/support/oidc-provider.ts',
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { PORT: String(oidcPort), OIDC_REDIRECT_URI: `http://127.0.0.1:${port}/accedi/oidc/ritorno` },
    },
    {
      command: 'node server.ts',
      url: `http://127.0.0.1:${port}/readyz`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        CANTIERE_DATA_DIR: dataDir,
        DATABASE_URL: '',
        CANTIERE_DEMO: '1',
        LOG_LEVEL: 'warn',
        CANTIERE_PSEUDO_LOCALE: '1',
        // Its client at the test provider (TEST_CLIENT in tests/support/oidc-provider.ts); the demo's coordinator is found by
        // her verified e-mail.
        CANTIERE_OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        CANTIERE_OIDC_CLIENT_ID: 'cantiere',
        CANTIERE_OIDC_CLIENT_SECRET: 'segreto-del-client-di-prova',
        CANTIERE_OIDC_NAME: 'Provider di prova',
      },
    },
  ],
});
