import type { Browser, BrowserContext, Page } from '@playwright/test';
import { matchRoutes, type RouteObject } from 'react-router';
import appRoutes from '../../app/routes.ts';
import { type DemoRole, signInRequest } from './support.ts';

/**
 * The crawl shared by the every-page and dictionaries specs: starting from a few pages, it follows the internal links
 * (same origin, plain GET) breadth-first and visits every distinct page once. Pages are told apart by their route
 * pattern (the route of app/routes.ts they match, e.g. `/ambiti/:code/piani/:planId`); without the manifest
 * UUIDs and numeric segments become `:id`. The query string is dropped.
 */

/** Links that are not pages: sign-out and language switch, sign-in with the identity provider (it leaves the site), the JSON API, files. */
const EXCLUDED_PATHS = [/^\/esci\b/, /^\/lingua\b/, /^\/accedi\/oidc\b/, /^\/api\//];
const FILE_EXTENSIONS = /\.(csv|pdf|ics|xlsx|docx|json|zip|xml)$/i;
/** More distinct pages than this and the crawl stops (with a log line). */
export const PAGE_CAP = Number(process.env.CRAWL_CAP ?? 120);

export interface CrawledPage {
  url: string;
  pattern: string;
  status: number;
}

export type Visit = (page: Page, visited: CrawledPage) => Promise<void>;

interface RouteEntry {
  path?: string;
  index?: boolean;
  children?: RouteEntry[];
}

/** The application's route tree (app/routes.ts), for telling pages apart by route. */
const toRouteObjects = (entries: RouteEntry[]): RouteObject[] =>
  entries.map((e) => (e.index ? { index: true } : { path: e.path, children: e.children ? toRouteObjects(e.children) : undefined }));
const ROUTES: RouteObject[] = toRouteObjects(appRoutes as RouteEntry[]);

/** The route pattern of a path: `/ambiti/:code/piani/:planId`. */
export function routePattern(pathname: string): string {
  const matches = matchRoutes(ROUTES, pathname);
  const last = matches?.at(-1);
  if (last && last.route.path !== '*') {
    const joined = matches!
      .map((m) => m.route.path ?? '')
      .filter(Boolean)
      .join('/');
    return '/' + joined.replace(/^\/+/, '').replace(/\/+/g, '/');
  }
  return pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id').replace(/\/\d+(?=\/|$)/g, '/:id');
}

/** The internal page links of the page now shown (absolute URLs without the fragment). */
async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))
      .filter((a) => !a.hasAttribute('download') && a.origin === location.origin && (a.protocol === 'http:' || a.protocol === 'https:'))
      .map((a) => a.href.split('#')[0]!),
  );
  return hrefs.filter((href) => {
    const { pathname } = new URL(href);
    return !EXCLUDED_PATHS.some((re) => re.test(pathname)) && !FILE_EXTENSIONS.test(pathname);
  });
}

export interface CrawlOptions {
  /** Patterns already visited (shared between crawls of one test, e.g. staff then admin). */
  seen?: Set<string>;
  label?: string;
}

/** Visits `starts` and every page reachable from them by internal links, one page per route pattern. */
export async function crawl(page: Page, starts: string[], visit: Visit, options: CrawlOptions = {}): Promise<CrawledPage[]> {
  const seen = options.seen ?? new Set<string>();
  const tag = `[crawl${options.label ? ` ${options.label}` : ''}]`;
  const queue: string[] = [...starts];
  const queued = new Set<string>();
  const visited: CrawledPage[] = [];
  while (queue.length > 0) {
    const target = queue.shift()!;
    if (seen.size >= PAGE_CAP) {
      console.log(`${tag} limite di ${PAGE_CAP} pagine distinte raggiunto: ${queue.length + 1} link non visitati`);
      break;
    }
    let response;
    try {
      response = await page.goto(target, { waitUntil: 'load' });
    } catch (error) {
      // A link that turns out to be a file (the browser starts a download) is not a page.
      if (String(error).includes('Download is starting')) continue;
      throw error;
    }
    const finalPattern = routePattern(new URL(page.url()).pathname);
    const requestedPattern = routePattern(new URL(target, page.url()).pathname);
    // The start pages are not known before the first visit; a redirect may lead to a page already seen.
    if (seen.has(requestedPattern) || seen.has(finalPattern)) continue;
    seen.add(requestedPattern);
    seen.add(finalPattern);
    const contentType = response?.headers()['content-type'] ?? '';
    if (!contentType.includes('text/html')) continue;
    const entry = { url: page.url(), pattern: finalPattern, status: response?.status() ?? 0 };
    visited.push(entry);
    await visit(page, entry);
    for (const href of await pageLinks(page)) {
      const p = routePattern(new URL(href).pathname);
      if (seen.has(p) || queued.has(p)) continue;
      queued.add(p);
      queue.push(href);
    }
  }
  return visited;
}

/** A browser context signed in as a demo user (through the sign-in form, posted without a browser page). */
export async function signedInContext(browser: Browser, role: DemoRole | null, options: { width: number; height?: number; baseURL: string }) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: options.width, height: options.height ?? 900 },
    baseURL: options.baseURL,
    locale: 'it-IT',
  });
  if (role) await signInRequest(context.request, role);
  return context;
}

/** The demo pages the crawl starts from, per account. */
export const START_PAGES = {
  office: ['/ambiti/gallarate'],
  admin: ['/', '/amministrazione/territorio'],
  public: ['/accedi', '/accessibilita'],
} as const;

/** The main pages, photographed at both widths: route pattern → file name. */
export const MAIN_PAGES: Record<string, string> = {
  '/ambiti/:code': 'ambito',
  '/ambiti/:code/territorio': 'territorio',
  '/ambiti/:code/piani': 'piani',
  '/ambiti/:code/piani/:planId': 'piano',
  '/ambiti/:code/monitoraggio': 'monitoraggio',
  '/ambiti/:code/monitoraggio/:planId': 'monitoraggio-piano',
  '/ambiti/:code/risorse': 'risorse',
  '/ambiti/:code/leps': 'leps',
  '/ambiti/:code/partecipazione': 'partecipazione',
  '/ambiti/:code/organi': 'organi',
  '/ambiti/:code/riunioni/:meetingId': 'riunione',
};
