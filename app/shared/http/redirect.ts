// Where a redirect may send the browser when the destination comes from the request (a `redirectTo` in the query or a
// form): only a path of this site. Every redirect whose target a user can write goes through safeLocalPath.

const BASE = 'http://cantiere.invalid';

/**
 * The destination as a path of this site, or `fallback` when it could lead anywhere else.
 *
 * Browsers are lenient where a server check is not: they treat `\` as `/` (`/\host` is `//host`), drop tabs and line
 * breaks inside a URL (`/<TAB>/host` is `//host`), and resolve dot segments (`/.//host` becomes the path `//host`, which a
 * `Location` header then sends off-site). So the destination is refused when it holds a backslash or a control
 * character, does not start with a single `/`, or — once resolved as a browser would — leaves this origin or becomes a
 * path starting with `//`. What is returned is the resolved path, query and fragment, never the raw text.
 */
export function safeLocalPath(to: string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || to.length === 0 || to.length > 2048) return fallback;
  if (!to.startsWith('/') || to.startsWith('//')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  if (url.pathname.startsWith('//') || url.pathname.includes('\\')) return fallback;
  return url.pathname + url.search + url.hash;
}
