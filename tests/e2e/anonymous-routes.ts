// The classification of every route of the application for an anonymous visitor (see anonymous-routes.spec.ts), and
// how a route's address is found in the demo. Kept apart from the spec so that the table can be read and checked
// without a browser.
import type { APIRequestContext } from '@playwright/test';
import appRoutes from '../../app/routes.ts';
import { routePattern } from './crawl.ts';

interface RouteEntry {
  path?: string;
  index?: boolean;
  children?: RouteEntry[];
}

/** Every route's full pattern, as crawl.ts names a page (`/ambiti/:code/piani/:planId`), the index being `/`. */
function patternsOf(entries: RouteEntry[], parent = ''): string[] {
  return entries.flatMap((e) => {
    const here = e.index ? parent : [parent, e.path ?? ''].filter(Boolean).join('/');
    const own = e.children?.length ? [] : ['/' + here.replace(/^\/+/, '').replace(/\/+/g, '/')];
    // A layout with a component is a page of its own only through its children (its index child answers its address).
    return [...own, ...(e.children ? patternsOf(e.children, here) : [])];
  });
}
export const ROUTES = [...new Set(patternsOf(appRoutes as RouteEntry[]))];

export type Expectation =
  /** A public page or file: the statuses it may answer an anonymous visitor (200 unless it has nothing to show). */
  | { kind: 'public'; status: number[]; path?: string; why: string }
  /** The API: JSON only, public data or a 401/404 (the API module's rules, api.privacy.ts). */
  | { kind: 'api'; status: number[]; path?: string; why: string }
  /** An internal page: a redirect to the sign-in (or to `portal`, the portal page that shows the same in public), 401, 403, 404. */
  | { kind: 'internal'; path?: string; portal?: RegExp; why?: string };

const pub = (why: string, status: number[] = [200], path?: string): Expectation => ({ kind: 'public', status, path, why });
const api = (why: string, status: number[], path?: string): Expectation => ({ kind: 'api', status, path, why });
const internal = (extra: { path?: string; portal?: RegExp; why?: string } = {}): Expectation => ({ kind: 'internal', ...extra });
const NIL = '00000000-0000-4000-8000-000000000000';

/** The classification of every route. Public ones say why they are public. */
export const ROUTE_CLASSES: Record<string, Expectation> = {
  // The shell and the accounts.
  '/': pub('the home: the list of Ambiti, each with its public portal'),
  '/vai': pub('the Ambito switcher: a redirect to the Ambito’s public page', [302], '/vai?ambito=gallarate'),
  '/accedi': pub('the sign-in page'),
  '/accedi/oidc': pub('sign-in with the identity provider: a redirect to the provider (to the sign-in page when it is not configured)', [302]),
  '/accedi/oidc/ritorno': pub('the identity provider’s return: without a sign-in in progress, a redirect to the sign-in page that says so', [302]),
  '/esci': pub('signing out is a POST; a GET goes home', [302]),
  '/lingua': pub('the language switch: a redirect back', [302], '/lingua?lang=en&redirectTo=/portale/gallarate'),
  '/accedi/password-dimenticata': pub('asking for a password reset: the same answer for every address'),
  '/accedi/nuova-password/:secret': pub(
    'the page of a link sent by e-mail: a made-up link is «no longer valid» (410)',
    [410],
    '/accedi/nuova-password/inventato',
  ),
  '/calendario/:feed': pub('a calendar app’s subscription by secret link: a made-up link is not found (404)', [404], '/calendario/cal_inventato.ics'),
  '/amministrazione/utenti': internal(),
  '/profilo': internal(),
  '/accessibilita': pub('the accessibility statement'),
  '/*': pub('an unknown address: the 404 page', [404], '/questa-pagina-non-esiste'),
  // Territory: the Ambito and its comuni are public information (territory.policy.ts).
  '/ambiti/:code': pub('the Ambito’s public page (comuni, population), with the link to its portal'),
  '/ambiti/:code/territorio': pub('the Ambito’s public page: population and territory by comune (ISTAT data, territory.policy.ts)'),
  '/ambiti/:code/modifica': internal(),
  '/ambiti/:code/comuni/:istat/da-fare': internal({ path: '/ambiti/gallarate/comuni/012118/da-fare' }),
  '/ambiti/:code/comuni/:istat/dati': internal({ path: '/ambiti/gallarate/comuni/012118/dati' }),
  '/amministrazione/territorio': internal(),
  // Planning: the internal work pages; an adopted plan and its objectives are on the portal.
  '/ambiti/:code/piani': internal({ portal: /^\/portale\/gallarate\/piano$/ }),
  '/ambiti/:code/piani/:planId': internal({ portal: /^\/portale\/gallarate\/piano\?periodo=\d{4}-\d{4}$/ }),
  '/ambiti/:code/piani/:planId/esporta.json': internal(),
  // A chapter of the plan: the sign-in, or the plan on the portal (planning's chapter.tsx sends anonymous visitors there).
  '/ambiti/:code/piani/:planId/capitoli/:chapterId': internal(),
  '/ambiti/:code/piani/:planId/obiettivi/:objectiveId': internal({ portal: /^\/portale\/gallarate\/piano\/obiettivi\/[^/?]+\?periodo=\d{4}-\d{4}$/ }),
  '/ambiti/:code/piani/:planId/obiettivi/:objectiveId/stampa': internal({ portal: /^\/portale\/gallarate\/piano\/obiettivi\/[^/?]+\?periodo=\d{4}-\d{4}$/ }),
  // Reports: the documents page is the Ufficio di Piano's; the file of an adopted plan's document is what the portal
  // links to (404 for an id that names no published document).
  '/ambiti/:code/piani/:planId/documento': internal(),
  '/ambiti/:code/piani/:planId/documento/:documentId/file': pub(
    'the published document of the adopted plan, linked by the portal (any other: sign-in or 404)',
    [200, 302, 404],
  ),
  '/ambiti/:code/glossario': pub('the Ambito’s glossary'),
  '/ambiti/:code/bilancio-sociale': pub('the social-impact report, once published (404 before)', [200, 404]),
  '/ambiti/:code/bilancio-sociale/pdf': pub('the social-impact report as PDF, once published (404 before)', [200, 404]),
  '/ambiti/:code/bilancio-sociale/modifica': internal(),
  // The national and regional returns: the Ufficio di Piano's, the mayors' and the Region's (reports.policy.ts).
  '/ambiti/:code/adempimenti': internal(),
  '/ambiti/:code/adempimenti/:file': internal({ path: '/ambiti/gallarate/adempimenti/assistenti-sociali-l178.csv' }),
  // The data requests to the comuni: the Ambito's members only (collection.policy.ts).
  '/ambiti/:code/raccolte': internal(),
  '/ambiti/:code/raccolte/:id': internal({ path: `/ambiti/gallarate/raccolte/${NIL}` }),
  '/ambiti/:code/raccolte/:id/comuni/:istat': internal({ path: `/ambiti/gallarate/raccolte/${NIL}/comuni/012118` }),
  '/ambiti/:code/raccolte/:id/comuni/:istat/:file': internal({ path: `/ambiti/gallarate/raccolte/${NIL}/comuni/012118/modello.xlsx` }),
  // Monitoring.
  '/ambiti/:code/monitoraggio': internal(),
  '/ambiti/:code/monitoraggio/:planId': internal(),
  '/ambiti/:code/monitoraggio/:planId/indicatori/:indicatorId': internal(),
  '/ambiti/:code/monitoraggio/:planId/obiettivi/:objectiveId': internal(),
  '/ambiti/:code/monitoraggio/:planId/valutazione': internal(),
  '/ambiti/:code/monitoraggio/:planId/valutazione/:objectiveId': internal(),
  // The activity log.
  '/registro': internal(),
  // Governance: the public meetings and their published minutes are on the portal.
  '/ambiti/:code/organi': internal(),
  '/ambiti/:code/organi/:bodyId': internal(),
  '/ambiti/:code/organi/:bodyId/componenti/:memberId': internal(),
  '/ambiti/:code/riunioni/:meetingId': internal(),
  '/ambiti/:code/riunioni/:meetingId/invito.ics': internal(),
  '/ambiti/:code/riunioni/:meetingId/allegati/:attachmentId': internal(),
  '/ambiti/:code/decisioni/:decisionId': internal(),
  '/ambiti/:code/organizzazioni': internal(),
  '/ambiti/:code/organizzazioni/:organisationId': internal(),
  '/ambiti/:code/persone/:personId': internal(),
  '/ambiti/:code/accordo': internal(),
  '/ambiti/:code/accordo/:agreementId/accordo-firmato.pdf': internal(),
  '/ambiti/:code/posta': internal(),
  '/ambiti/:code/posta/:messageId/invito.ics': internal(),
  '/ambiti/:code/calendario.ics': internal(),
  // Participation: the public call and the public questionnaire link; the rest is the members'.
  '/ambiti/:code/partecipazione': internal(),
  '/ambiti/:code/partecipazione/avvisi': internal(),
  '/ambiti/:code/partecipazione/avvisi/:callId': internal(),
  '/ambiti/:code/avviso/:callId': pub('the public page of an open call, with its application form'),
  '/ambiti/:code/piani/:planId/percorso': internal(),
  '/ambiti/:code/partecipazione/tavoli': internal(),
  '/ambiti/:code/partecipazione/tavoli/:tableId': internal(),
  '/ambiti/:code/partecipazione/mia': internal(),
  '/ambiti/:code/partecipazione/bisogni': internal(),
  '/ambiti/:code/partecipazione/bisogni/:needId': internal(),
  '/ambiti/:code/partecipazione/proposte': internal(),
  '/ambiti/:code/partecipazione/proposte/:proposalId': internal(),
  '/ambiti/:code/partecipazione/obiettivi/:objectiveId': internal(),
  '/ambiti/:code/partecipazione/questionari': internal(),
  '/ambiti/:code/partecipazione/questionari/:qid': internal(),
  '/ambiti/:code/partecipazione/questionari/:qid/rispondi': internal(),
  '/ambiti/:code/partecipazione/questionari/:qid/risultati': internal(),
  '/ambiti/:code/partecipazione/questionari/:qid/risposte.csv': internal(),
  '/ambiti/:code/questionario/:token': pub('the public link of a questionnaire open to everyone'),
  '/ambiti/:code/partecipazione/progetti': internal(),
  '/ambiti/:code/partecipazione/progetti/:projectId': internal(),
  '/ambiti/:code/partecipazione/cifre': internal(),
  '/ambiti/:code/partecipazione/cifre.csv': internal(),
  // LEPS: the catalogue is public; the Ambito's figures are on the portal.
  '/leps/catalogo': pub('the national catalogue of the LEPS'),
  '/leps/catalogo/:lepsCode': pub('one entry of the LEPS catalogue'),
  '/leps/regione/:regionCode': pub(
    'the old address of the regional LEPS table: a permanent redirect to the regional workspace, which asks to sign in',
    [301],
    '/leps/regione/03',
  ),
  '/leps/regione/:regionCode/esporta.csv': pub(
    'the old address of its export: a permanent redirect to the workspace’s export, which asks to sign in',
    [301],
    '/leps/regione/03/esporta.csv',
  ),
  '/regioni/:regionCode': internal({ path: '/regioni/03' }),
  '/regioni/:regionCode/esporta.csv': internal({ path: '/regioni/03/esporta.csv' }),
  '/regioni/:regionCode/esporta.xlsx': internal({ path: '/regioni/03/esporta.xlsx' }),
  '/italia': internal(),
  '/italia/esporta.csv': internal(),
  '/italia/esporta.xlsx': internal(),
  '/ambiti/:code/leps': internal(),
  '/ambiti/:code/leps/assistenti-sociali': internal(),
  // Finance: the catalogue of funding sources is public reference data; the Ambito's money pages are internal.
  '/ambiti/:code/risorse': internal(),
  '/ambiti/:code/risorse/importa': internal(),
  '/ambiti/:code/risorse/modelli/:file': internal({ path: '/ambiti/gallarate/risorse/modelli/modello-spesa.xlsx' }),
  '/ambiti/:code/risorse/bilancio': internal(),
  // Services: the national nomenclature is public; the Ambito's catalogue is internal, its public list is on the portal.
  '/servizi/nomenclatore': pub('the national nomenclature of social interventions and services'),
  '/ambiti/:code/servizi': internal(),
  '/ambiti/:code/servizi/modello-servizi.csv': internal(),
  '/ambiti/:code/servizi/:serviceCode': internal({ path: '/ambiti/gallarate/servizi/SSP' }),
  '/fonti-di-finanziamento': pub('the catalogue of funding sources (reference data, read by everyone)'),
  '/fonti-di-finanziamento/:fundCode': internal({ path: '/fonti-di-finanziamento/FNPS' }),
  // The public portal (no sign-in); the minutes file answers 404 when they are not published.
  '/portale/:code': pub('the portal’s home'),
  '/portale/:code/piano': pub('the adopted plan'),
  '/portale/:code/piano/obiettivi/:objectiveCode': pub('an objective of the adopted plan'),
  '/portale/:code/calendario': pub('the meetings of the public bodies'),
  '/portale/:code/calendario/:meetingId/verbale.txt': pub('the approved minutes of a meeting', [200, 404]),
  '/portale/:code/partecipa': pub('the open calls and public questionnaires'),
  '/portale/:code/progetti': pub('the co-designed projects'),
  '/portale/:code/spesa': pub('social spending and the plan’s budget by fund'),
  '/portale/:code/leps': pub('the social-worker ratio against the LEPS'),
  '/portale/:code/servizi': pub('the Ambito’s services by area (users through publishCount)'),
  // Open data: public by definition (the files answer 404 for a dataset that is not published).
  '/dati': pub('the national open data page'),
  '/dati/catalogo.jsonld': pub('the combined DCAT-AP_IT catalogue'),
  '/dati/catalogo.ttl': pub('the combined DCAT-AP_IT catalogue'),
  '/dati/:code': pub('the Ambito’s open data page'),
  '/dati/:code/catalogo.jsonld': pub('the Ambito’s DCAT-AP_IT catalogue (404 while it publishes nothing)', [200, 404]),
  '/dati/:code/catalogo.ttl': pub('the Ambito’s DCAT-AP_IT catalogue (404 while it publishes nothing)', [200, 404]),
  '/dati/:code/:file': pub('a published dataset', [200, 404]),
  // The API: the OpenAPI document is public; the rest answers JSON, public data or a refusal (api module).
  '/api/v1/openapi.json': pub('the API’s description'),
  '/api/v1/me': api('who is asking: for an anonymous request, nobody (no personal data)', [200, 401]),
  '/api/v1/ambiti': api('the Ambiti (public reference data)', [200]),
  '/api/v1/ambiti/:code': api('one Ambito (public reference data)', [200]),
  '/api/v1/ambiti/:code/comuni': api('the comuni of an Ambito (public reference data)', [200]),
  '/api/v1/ambiti/:code/piani': api('the public plans of an Ambito', [200, 401, 403, 404]),
  '/api/v1/ambiti/:code/bilancio': api('the budget of an Ambito’s public plan', [200, 401, 403, 404]),
  '/api/v1/ambiti/:code/spesa': api('the spending of an Ambito', [200, 401, 403, 404]),
  '/api/v1/ambiti/:code/utenti': api('the service users of an Ambito (counts through publishCount)', [200, 401, 403, 404]),
  '/api/v1/ambiti/:code/leps': api('the LEPS figures of an Ambito', [200, 401, 403, 404]),
  '/api/v1/piani/:plan': api('a public plan', [200, 400, 401, 403, 404]),
  '/api/v1/piani/:plan/obiettivi': api('the objectives of a public plan', [200, 400, 401, 403, 404]),
  '/api/v1/piani/:plan/obiettivi/:objective': api('an objective of a public plan', [200, 400, 401, 403, 404]),
  '/api/v1/piani/:plan/azioni': api('the actions of a public plan', [200, 400, 401, 403, 404]),
  '/api/v1/piani/:plan/indicatori': api('the indicators of a public plan', [200, 400, 401, 403, 404]),
  '/api/v1/piani/:plan/misure': api('the measurements of a public plan', [200, 400, 401, 403, 404]),
  '/api/v1/*': api('an unknown API address', [404], '/api/v1/non-esiste'),
};

/** A parameter's value when the demo's pages link to no address of the route. */
const DEFAULTS: Record<string, string> = {
  code: 'gallarate',
  istat: '012118',
  lepsCode: 'LEPS_PUA',
  regionCode: '03',
  fundCode: 'FNPS',
  file: 'spesa-sociale.csv',
  token: 'aaaaaaaaaaaaaaaaaaaaaa',
  objectiveCode: '1.1',
  plan: NIL,
  objective: NIL,
};
export const fill = (pattern: string) =>
  pattern.replace(/:(\w+)/g, (_, name: string) => DEFAULTS[name] ?? (name.endsWith('Id') || name === 'qid' ? NIL : name)).replace(/\/\*$/, '/non-esiste');

/**
 * One real address per route pattern, from the links of the demo's pages as the administrator sees them (breadth
 * first from a few start pages, one page per pattern, as crawl.ts does in a browser).
 */
export async function demoAddresses(admin: APIRequestContext): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const queue = [
    '/',
    '/ambiti/gallarate',
    '/ambiti/gallarate/piani',
    '/ambiti/gallarate/organi',
    '/ambiti/gallarate/organizzazioni',
    '/ambiti/gallarate/partecipazione',
    '/ambiti/gallarate/partecipazione/questionari',
    '/ambiti/gallarate/monitoraggio',
    '/ambiti/gallarate/risorse',
    '/ambiti/gallarate/leps',
    '/ambiti/gallarate/accordo',
    '/amministrazione/territorio',
    '/leps/catalogo',
    '/fonti-di-finanziamento',
    '/portale/gallarate',
    '/portale/gallarate/piano',
    '/portale/gallarate/partecipa',
    '/portale/gallarate/calendario',
    '/dati',
    '/dati/gallarate',
  ];
  const visited = new Set<string>();
  while (queue.length > 0 && visited.size < 150) {
    const target = queue.shift()!;
    const pattern = routePattern(new URL(target, 'http://x').pathname);
    if (visited.has(pattern)) continue;
    visited.add(pattern);
    if (!found.has(pattern)) found.set(pattern, target);
    const response = await admin.get(target);
    if (!(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    const html = await response.text();
    for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1]!.replaceAll('&amp;', '&');
      if (/^\/(esci|lingua|assets)\b/.test(href)) continue;
      const p = routePattern(new URL(href, 'http://x').pathname);
      if (!found.has(p)) found.set(p, href);
      if (!visited.has(p)) queue.push(href);
    }
  }
  return found;
}

/** What an anonymous visitor gets that it should not, route by route (empty: every route answers as classified). */
export async function anonymousProblems(anonymous: Pick<APIRequestContext, 'get'>, addresses: Map<string, string>): Promise<string[]> {
  const problems: string[] = [];
  for (const pattern of ROUTES) {
    const expected = ROUTE_CLASSES[pattern];
    if (!expected) continue; // reported by the test above
    const path = expected.path ?? addresses.get(pattern) ?? fill(pattern);
    const response = await anonymous.get(path, { maxRedirects: 0 });
    const status = response.status();
    const location = response.headers().location ?? '';
    const type = response.headers()['content-type'] ?? '';
    if (expected.kind === 'public' || expected.kind === 'api') {
      if (!expected.status.includes(status)) problems.push(`${path} (${pattern}): ${status}, attesi ${expected.status.join('/')} — ${expected.why}`);
      if (expected.kind === 'api' && status !== 302 && !type.includes('json')) problems.push(`${path} (${pattern}): l’API risponde ${type}, non JSON`);
      continue;
    }
    if (status === 302 || status === 303) {
      const signIn = location.startsWith('/accedi?redirectTo=');
      const portal = expected.portal ? expected.portal.test(location) : false;
      if (expected.portal && !portal) problems.push(`${path} (${pattern}): va a ${location}, atteso il portale (${expected.portal})`);
      else if (!expected.portal && !signIn && !location.startsWith('/portale/'))
        problems.push(`${path} (${pattern}): va a ${location}, attesa la pagina di accesso o il portale`);
    } else if (![401, 403, 404].includes(status)) {
      problems.push(`${path} (${pattern}): risponde ${status} a un visitatore anonimo (pagina interna)`);
    } else if (expected.portal) {
      problems.push(`${path} (${pattern}): risponde ${status}, atteso il rinvio al portale`);
    }
  }
  return problems;
}
