// A real OpenID Connect provider for the tests (oidc-provider, the certified implementation), with one client —
// Cantiere — and a few test identities, each with the claims a SPID/CIE gateway or a regional provider gives: e-mail,
// whether it is verified, name, fiscal code (`fiscal_number`, as `TINIT-<codice fiscale>`).
//
// The login is a tiny form (the identity's id, «Entra»; «Annulla» refuses the access); consent is given with the
// login. Used in two ways:
// - by the integration tests: `startOidcProvider()` on a free port, then `completeLogin()` drives the login with fetch,
//   as a browser would, and returns the URL the provider sends the browser back to;
// - by Playwright (playwright.config.ts): `node tests/support/oidc-provider.ts` with PORT and OIDC_REDIRECT_URI.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import Provider, { type Configuration } from 'oidc-provider';
import type { OidcConfig } from '../../app/shared/config.ts';

export const TEST_CLIENT = { clientId: 'cantiere', clientSecret: 'segreto-del-client-di-prova' } as const;

export interface TestIdentity {
  email: string;
  email_verified: boolean;
  name: string;
  given_name: string;
  family_name: string;
  /** As SPID and CIE give it: `TINIT-` and the codice fiscale. */
  fiscal_number: string;
}

/** The provider's people, by the id typed in its login form (their `sub`). */
export const TEST_IDENTITIES: Record<string, TestIdentity> = {
  // The demo's coordinator (fixtures/demo/accounts.json): her e-mail is verified.
  giulia: {
    email: 'coordinatrice@cantiere.example',
    email_verified: true,
    name: 'Giulia Ferri',
    given_name: 'Giulia',
    family_name: 'Ferri',
    fiscal_number: 'TINIT-FRRGLI80A41L682P',
  },
  // Known to Cantiere by fiscal code, under another e-mail.
  mario: {
    email: 'mario.rossi@posta.example',
    email_verified: true,
    name: 'Mario Rossi',
    given_name: 'Mario',
    family_name: 'Rossi',
    fiscal_number: 'TINIT-RSSMRA80A01H501U',
  },
  // An e-mail the provider did not verify.
  luca: {
    email: 'luca.verdi@posta.example',
    email_verified: false,
    name: 'Luca Verdi',
    given_name: 'Luca',
    family_name: 'Verdi',
    fiscal_number: 'TINIT-VRDLCU85M10F205H',
  },
  // Nobody in Cantiere.
  anna: {
    email: 'anna.bianchi@posta.example',
    email_verified: true,
    name: 'Anna Bianchi',
    given_name: 'Anna',
    family_name: 'Bianchi',
    fiscal_number: 'TINIT-BNCNNA90E45H501O',
  },
  // An account that the tests disable.
  marco: {
    email: 'marco.bassi@posta.example',
    email_verified: true,
    name: 'Marco Bassi',
    given_name: 'Marco',
    family_name: 'Bassi',
    fiscal_number: 'TINIT-BSSMRC75C12D869E',
  },
};

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

/** Cantiere's settings for this provider (as CANTIERE_OIDC_* would give them): matched by verified e-mail. */
export const cantiereSettingsFor = (provider: RunningProvider): OidcConfig => ({
  issuer: provider.issuer,
  clientId: TEST_CLIENT.clientId,
  clientSecret: TEST_CLIENT.clientSecret,
  name: 'Provider di prova',
  scopes: 'openid email profile',
  match: 'email',
  fiscalCodeClaim: 'fiscal_number',
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, clientId: string, error?: string): string {
  return `<!doctype html>
<html lang="it">
<head><meta charset="utf-8"><title>Fornitore d'identità di prova</title></head>
<body>
<main>
<h1>Fornitore d'identità di prova</h1>
<p>Accesso richiesto da <strong>${escapeHtml(clientId)}</strong>.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Utente di prova</label>
<input id="login" name="login" autocomplete="off" required>
<button type="submit">Entra</button>
</form>
<p><a href="/interaction/${escapeHtml(uid)}/abort">Annulla</a></p>
</main>
</body>
</html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Starts the provider on `port` (0: a free one) of 127.0.0.1, with the client allowed to come back to `redirectUris`.
 * Its issuer is `http://127.0.0.1:<port>`; its metadata at `<issuer>/.well-known/openid-configuration`.
 */
export async function startOidcProvider({ port = 0, redirectUris }: { port?: number; redirectUris: string[] }): Promise<RunningProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'prova-1', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'fiscal_number'],
    },
    findAccount(_ctx, sub) {
      const identity = TEST_IDENTITIES[sub];
      return identity ? { accountId: sub, claims: () => ({ sub, ...identity }) } : undefined;
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  };
  const provider = new Provider(issuer, configuration);
  const handleOidc = provider.callback();

  /** The login form, its answer (login and consent together), and «Annulla»; everything else is the provider's. */
  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    res.setHeader('Cache-Control', 'no-store');
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interazione sconosciuta');
    const clientId = String(details.params.client_id);
    if (action === 'abort') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'Accesso annullato dalla persona.' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (action === 'login' && req.method === 'POST') {
      const login = (await formBody(req)).get('login')?.trim() ?? '';
      if (!TEST_IDENTITIES[login]) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(loginPage(uid, clientId, `Utente di prova sconosciuto: ${login}`));
        return;
      }
      // Cantiere is a first-party client here: the scopes it asks for are granted with the login, without a consent page.
      const grant = new provider.Grant({ accountId: login, clientId });
      grant.addOIDCScope(String(details.params.scope ?? 'openid'));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId: login }, consent: { grantId } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(loginPage(uid, clientId));
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec((req.url ?? '').split('?')[0]!);
    if (!match) return void handleOidc(req, res);
    interaction(req, res, match[1]!, match[2]).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Interazione non valida: ${error instanceof Error ? error.message : String(error)}`);
    });
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A browser's cookies for one origin, enough for the provider's session and interaction cookies. */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Goes through the provider's login as a browser would, from Cantiere's authorization URL: follows the redirects to
 * the login form, submits the identity's id (or «Annulla» with `abort`), and follows the provider's redirects until
 * one leads away from it — to Cantiere's return address, which is returned (with its `code` and `state`, or `error`).
 */
export async function completeLogin(authorizationUrl: URL | string, login: string, options: { abort?: boolean } = {}): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  const providerOrigin = url.origin;
  let method: 'GET' | 'POST' = 'GET';
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      method = 'GET';
      body = undefined;
      if (url.origin !== providerOrigin) return url;
      continue;
    }
    const html = await response.text();
    const form = /<form method="post" action="([^"]+)"/.exec(html);
    if (response.status !== 200 || !form) throw new Error(`il fornitore di prova risponde ${response.status} su ${url.pathname}: ${html.slice(0, 300)}`);
    if (options.abort) {
      url = new URL(/<a href="([^"]+\/abort)"/.exec(html)![1]!, url);
      continue;
    }
    url = new URL(form[1]!, url);
    method = 'POST';
    body = new URLSearchParams({ login });
  }
  throw new Error('troppi rinvii dal fornitore di prova');
}

// `node tests/support/oidc-provider.ts`: the provider for the end-to-end tests (PORT, OIDC_REDIRECT_URI).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 3211);
  const redirectUris = (process.env.OIDC_REDIRECT_URI ?? 'http://127.0.0.1:3210/accedi/oidc/ritorno').split(',');
  const running = await startOidcProvider({ port, redirectUris });
  process.stdout.write(`Fornitore OpenID Connect di prova su ${running.issuer} (client «${TEST_CLIENT.clientId}», ritorno ${redirectUris.join(', ')})\n`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
