import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built client files (build/client). Hashed files under /assets/ are cached for a year;
 * anything else for an hour. Returns false when the path is not a file there, so the app handles it.
 */
export function createStaticHandler(root: string) {
  const base = normalize(root + sep);
  return function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, headers: Record<string, string>): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    // Only asset paths and files with an extension can be static: pages skip the file-system lookup.
    if (pathname === '/' || pathname.includes('\0') || !(pathname.startsWith('/assets/') || /\.[a-z0-9]{2,5}$/i.test(pathname))) return false;
    let file: string;
    try {
      file = normalize(join(root, decodeURIComponent(pathname)));
    } catch {
      return false;
    }
    if (!file.startsWith(base)) return false;
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return false;
      size = stat.size;
    } catch {
      return false;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}
