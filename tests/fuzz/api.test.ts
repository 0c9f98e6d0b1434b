// Fuzzing of the API /api/v1 (issue 16) through React Router's own request handler, in process: a server build made of
// the app's root middleware (the one of app/root.tsx: the API token, the language, the CSRF rules) and the route
// modules of api.routes.ts, served by createRequestHandler exactly as server/app.ts serves the built app (with the same
// request context). Random paths under the documented routes (real and hostile path parameters, extra segments),
// random query strings (the documented filters, `limit`, forged `cursor`s, unknown keys), random methods with random
// JSON bodies, with a valid API token, a wrong one or none: the status is never ≥ 500, an answer is JSON, and no
// refusal is left to the database (its safety net logs «manca un controllo nella validazione»).
import assert from 'node:assert/strict';
import { DEMO_ACCOUNTS } from '../support/demo-accounts.ts';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { createRequestHandler, RouterContextProvider, type ServerBuild } from 'react-router';
import { createApiToken } from '../../app/modules/accounts/accounts.server.ts';
import { apiRoutes } from '../../app/modules/api/api.routes.ts';
import { encodeCursor } from '../../app/modules/api/api.paging.ts';
import { IDENTIFY } from '../../app/modules/registry.server.ts';
import { anonymous } from '../../app/shared/auth/actor.ts';
import { requestContext, servicesContext, type AppServices } from '../../app/shared/http/context.ts';
import { makeRootMiddleware } from '../../app/shared/http/request.server.ts';
import { log } from '../../app/shared/log.ts';
import { hostileString } from './arbitraries.ts';
import { openFuzzDatabase, rows, type FuzzDatabase } from './fixture.ts';
import { fuzzParameters, replayNote } from './runs.ts';

const SHORT = 300;

/** Path parameters sent as they are, not percent-encoded: broken escapes, invalid UTF-8, dots, encoded slashes. */
const RAW = new Set(['%', '%zz', '%ff', '%ED%A0%80', '%C0%AF', '%00', '..', '.', '%2e%2e', '%2F', '%252F']);

/** The server build of the API: the root route with the app's middleware, the API's routes under it. */
async function apiBuild(): Promise<ServerBuild> {
  const routes: ServerBuild['routes'] = {
    root: { id: 'root', path: '', module: { middleware: [makeRootMiddleware(IDENTIFY)] } as never },
  };
  for (const r of apiRoutes) {
    const module = (await import(new URL(`../../app/${r.file}`, import.meta.url).href)) as Record<string, unknown>;
    routes[r.id ?? r.file] = { id: r.id ?? r.file, parentId: 'root', path: r.path, index: r.index, caseSensitive: r.caseSensitive, module: module as never };
  }
  return {
    entry: {
      module: {
        // A page (a path no API route matches, e.g. with a line break where the splat cannot match): the status React
        // Router chose, without the page itself (app/entry.server.tsx renders it in the app).
        default: (_request: Request, status: number) => new Response(null, { status }),
        handleError: (error: unknown) => log.error('errore non gestito', { error }),
      },
    },
    routes,
    assets: { entry: { module: '/entry.js', imports: [] }, routes: {}, url: '/manifest.js', version: 'fuzz' } as never,
    publicPath: '/',
    assetsBuildDirectory: 'build/client',
    future: {} as never,
    ssr: true,
    isSpaMode: false,
    prerender: [],
    routeDiscovery: { mode: 'initial', manifestPath: '/__manifest' },
  };
}

describe(`API /api/v1 through the request handler (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
  let fuzz: FuzzDatabase;
  let handle: (request: Request) => Promise<Response>;
  let token: string;
  const refusedByTheDatabase: string[] = [];
  const warn = log.warn;

  before(async () => {
    fuzz = await openFuzzDatabase();
    const handler = createRequestHandler(await apiBuild(), 'production');
    handle = (request) => {
      const context = new RouterContextProvider();
      context.set(servicesContext, { db: fuzz.db, database: fuzz.database, config: {} } as unknown as AppServices);
      context.set(requestContext, {
        requestId: 'fuzz',
        nonce: '',
        https: false,
        clientIp: '127.0.0.1',
        actor: anonymous,
        locale: 'it',
        csrfToken: '',
        cookies: [],
      });
      return handler(request, context);
    };
    const coordinator = await fuzz.user(DEMO_ACCOUNTS.coordinator);
    token = (await createApiToken({ db: fuzz.db, actor: coordinator, input: { name: 'Fuzzing' } })).secret;
    log.warn = (msg, fields) => {
      if (/manca un controllo nella validazione/.test(msg)) refusedByTheDatabase.push(JSON.stringify(fields));
      warn(msg, fields);
    };
  });
  after(async () => {
    log.warn = warn;
    await fuzz.close();
  });

  test('random requests never answer ≥ 500', async (t) => {
    const db = fuzz.db;
    const plans = (await rows<{ id: string }>(db, sql`select id::text as id from plans order by id`)).map((r) => r.id);
    const codes = (await rows<{ code: string }>(db, sql`select distinct code from plan_objectives order by code limit 10`)).map((r) => r.code);
    const ambiti = ['gallarate', 'sebino', 'fano'];
    /** A path parameter: a real value of its kind, or anything (sent percent-encoded, as a client would). */
    const param = (name: string) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...(name === 'code' ? ambiti : name === 'plan' ? plans : codes)) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: hostileString.map((s) => s.toWellFormed()) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW) },
      );
    const path = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.constantFrom(...apiRoutes.map((r) => r.path!)).chain((template) => {
          const names = [...template.matchAll(/:([a-z]+)/g)].map((m) => m[1]!);
          return fc
            .tuple(fc.tuple(...names.map(param)), fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }))
            .map(([values, extra]) => {
              let p = template.replace('*', 'non-documentato');
              names.forEach((n, i) => (p = p.replace(`:${n}`, RAW.has(values[i]!) ? values[i]! : encodeURIComponent(values[i]!))));
              return `/${p}${extra !== null ? `/${encodeURIComponent(extra)}` : ''}`;
            });
        }),
      },
      { weight: 1, arbitrary: fc.webPath().map((p) => `/api/v1${p}`) },
    );
    // Cursors as the lists give them (their key's shape: i an integer, t a text, u a UUID), with any value in them.
    const SHAPES: Record<string, string> = {
      bilancio: 'iitiu',
      utenti: 'itu',
      azioni: 'itit',
      leps: 'i',
      spesa: 'ittu',
      piani: 'ii',
      indicatori: 'itit',
      misure: 'ititu',
      obiettivi: 'it',
    };
    const keyValue = (kind: string) =>
      kind === 'i'
        ? fc.oneof(fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }), fc.constantFrom(0, 2025))
        : kind === 't'
          ? fc.oneof(hostileString, fc.constantFrom('ANZIANI', 'COMUNI', 'A.1'))
          : fc.oneof(fc.uuid(), fc.constantFrom(...plans));
    const cursor = fc.oneof(
      fc
        .constantFrom(...Object.keys(SHAPES))
        .chain((list) => fc.tuple(fc.constant(list), fc.tuple(...[...SHAPES[list]!].map(keyValue))))
        .map(([list, key]) => encodeCursor(list, key as never)),
      fc
        .tuple(fc.constantFrom('piani', 'spesa', 'x'), fc.array(fc.oneof(fc.integer(), hostileString, fc.uuid(), fc.constant(null)), { maxLength: 5 }))
        .map(([list, key]) => encodeCursor(list, key as never)),
      hostileString,
    );
    const query = fc.array(
      fc.oneof(
        fc.tuple(
          fc.constantFrom('anno', 'area', 'piano', 'limit'),
          fc.oneof(hostileString, fc.integer({ min: -5, max: 3000 }).map(String), fc.constantFrom(...plans)),
        ),
        fc.tuple(fc.constant('cursor'), cursor),
        fc.tuple(fc.string({ maxLength: 6 }), hostileString),
      ),
      { maxLength: 4 },
    );
    const request = fc.record({
      method: fc.oneof(
        { weight: 12, arbitrary: fc.constant('GET') },
        { weight: 1, arbitrary: fc.constantFrom('HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
      ),
      path,
      query,
      auth: fc.oneof({ weight: 6, arbitrary: fc.constant('token') }, { weight: 1, arbitrary: fc.constantFrom('none', 'wrong', 'garbage') }),
      body: fc.option(fc.json(), { freq: 3 }),
      ifNoneMatch: fc.oneof(
        { weight: 8, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.oneof(
            fc.constant('*'),
            hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, '')),
          ),
        },
      ),
    });
    type Sent = typeof request extends fc.Arbitrary<infer T> ? T : never;
    const example = (path: string): [Sent] => [{ method: 'GET', path, query: [], auth: 'token', body: null, ifNoneMatch: null }];
    const params = fuzzParameters<[Sent]>(SHORT, [
      // Issue 16, found by this property: an Ambito code with the null character reached the database (22021).
      example('/api/v1/ambiti/%00'),
      example('/api/v1/ambiti/%00/piani'),
      example(`/api/v1/piani/${plans[0]}/obiettivi/%00`),
      // … and a forged cursor with the null character in its text key (textKey of api.paging.ts).
      [{ ...example('/api/v1/ambiti/gallarate/spesa')[0], query: [['cursor', encodeCursor('spesa', [2022, '\u0000', 'COMUNI', plans[0]!])]] }],
    ]);
    t.diagnostic(replayNote(params.numRuns!));
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = new URL(`http://cantiere.test${r.path}`);
        for (const [k, v] of r.query) url.searchParams.append(k, v);
        const headers = new Headers({ Accept: 'application/json' });
        if (r.auth === 'token') headers.set('Authorization', `Bearer ${token}`);
        if (r.auth === 'wrong') headers.set('Authorization', `Bearer ${token.slice(0, -2)}xx`);
        if (r.auth === 'garbage') headers.set('Authorization', 'Bearer \t');
        if (r.ifNoneMatch !== null) headers.set('If-None-Match', r.ifNoneMatch);
        const withBody = r.body !== null && !['GET', 'HEAD'].includes(r.method);
        if (withBody) headers.set('Content-Type', 'application/json');
        const before = refusedByTheDatabase.length;
        const response = await handle(new Request(url, { method: r.method, headers, body: withBody ? r.body : undefined }));
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const text = await response.text();
        assert.ok(response.status < 500, `${r.method} ${url.pathname}${url.search}: ${response.status} ${text.slice(0, 300)}`);
        assert.equal(
          refusedByTheDatabase.length,
          before,
          `${r.method} ${url.pathname}${url.search}: rifiutato solo dal database (${refusedByTheDatabase.at(-1)})`,
        );
        if (text && response.status !== 304 && r.method !== 'HEAD')
          assert.doesNotThrow(() => JSON.parse(text), `${url.pathname}: risposta non JSON ${text.slice(0, 200)}`);
      }),
      params,
    );
    t.diagnostic(
      `stati: ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(', ')}`,
    );
  });
});
