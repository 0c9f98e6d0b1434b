// An HTTP client that signs in like a browser without JavaScript (the e2e tests do the same): it keeps the cookies,
// reads the CSRF token from the sign-in form and posts forms with it. Used by bench/national.ts.

const CSRF_FIELD = /name="_csrf" value="([^"]+)"/;

export class BrowserSession {
  readonly cookies: Map<string, string>;
  readonly base: string;
  /** A session on `base`, with the cookies of a session opened before (sessions live in the database). */
  constructor(base: string, cookies?: ReadonlyMap<string, string>) {
    this.base = base;
    this.cookies = new Map(cookies);
  }

  /** The Cookie header of the session. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** A request with the session's cookies, redirects not followed; the answer's cookies are kept. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const response = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0]!;
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()];
      if (value === '' || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** The CSRF token of the session (the hidden `_csrf` field of a form; the cookie is set by the first page). */
  async csrf(path = '/accedi'): Promise<string> {
    const html = await (await this.fetch(path)).text();
    const token = CSRF_FIELD.exec(html)?.[1];
    if (!token) throw new Error(`campo _csrf non trovato in ${path}`);
    return token;
  }

  /** Signs in with the form of /accedi; throws unless the answer is the redirect of a signed-in user. */
  async signIn(email: string, password: string): Promise<void> {
    const token = await this.csrf('/accedi');
    const body = new URLSearchParams({ _csrf: token, email, password, redirectTo: '/' });
    const response = await this.fetch('/accedi', { method: 'POST', body });
    await response.arrayBuffer();
    if (response.status !== 302 || !this.cookies.has('cantiere_session')) throw new Error(`accesso di ${email} non riuscito (HTTP ${response.status})`);
  }
}

/** The status a job page shows (`data-job-status`), or null when the page shows none. */
export function jobStatusOf(html: string): string | null {
  return /data-job-status="([^"]+)"/.exec(html)?.[1] ?? null;
}
