// The HTTP pipeline around React Router: request ids, JSON access logs, security headers, static files,
// health checks, then the React Router request handler with the app's context. Bundled by Vite as the
// SSR entry (vite.config.ts), so it shares one copy of every module with the route modules.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { deliverOutbox, smtpTransport } from '../app/shared/mail/sender.server.ts';
import { type ClientAddress, createRequestListener } from '@remix-run/node-fetch-server';
import { createRequestHandler, RouterContextProvider } from 'react-router';
import { anonymous } from '../app/shared/auth/actor.ts';
import { loadConfig, type AppConfig } from '../app/shared/config.ts';
import { openDatabase, type Database } from '../app/shared/db/client.ts';
import { loadDemo } from '../app/modules/demo.server.ts';
import { startBackgroundWorkers } from '../app/modules/registry.server.ts';
import { requestContext, servicesContext, type AppServices } from '../app/shared/http/context.ts';
import { configureLog, log, withRequestId } from '../app/shared/log.ts';
import { bodyLimitOf } from '../app/shared/http/body-limits.ts';
import { securityHeaders } from './security.ts';
import { createStaticHandler } from './static.ts';

const REQUEST_ID = /^[\w.-]{8,128}$/;

function isHttps(req: IncomingMessage, config: AppConfig): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return (
    config.trustProxy &&
    String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      ?.trim() === 'https'
  );
}

/** Paths that carry a secret (a calendar link, a link sent by e-mail) are logged without it. */
const redactSecrets = (pathname: string) => pathname.replace(/^\/+(calendario|accedi(?:\/+|%2f)nuova-password)(?:\/+|%2f)[^/]+/i, '/$1/…');

const tooLarge = (limit: number) => `Richiesta troppo grande: il limite per questa pagina è ${Math.round(limit / 1024 / 1024)} MB.`;

/**
 * Holds a request's body to its class's limit (app/shared/http/body-limits.ts). A declared length over the limit is
 * refused at once; otherwise the bytes are counted as they arrive — a chunked body declares nothing — and the request
 * is answered 413 the moment it passes the limit: the chunks past it are never handed to the app, and the connection is
 * closed once the answer is sent, so a 300 MB body costs at most the limit in memory. Returns false when refused at once.
 */
function limitBody(req: IncomingMessage, res: ServerResponse, pathname: string, headers: Record<string, string>): boolean {
  const limit = bodyLimitOf(pathname, req.headers['content-type']);
  const refuse = () => {
    if (!res.headersSent) {
      res.writeHead(413, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end(tooLarge(limit), () => req.socket.destroy());
    } else req.socket.destroy();
    // If the client never reads the answer, the connection is cut anyway.
    setTimeout(() => req.socket.destroy(), 5_000).unref();
  };
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    refuse();
    return false;
  }
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  let received = 0;
  let refused = false;
  const emit = req.emit;
  req.emit = function (this: IncomingMessage, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'data') {
      if (refused) return false;
      received += (args[0] as Buffer).length;
      if (received > limit) {
        refused = true;
        req.pause();
        refuse();
        return false;
      }
    }
    return emit.call(this, event, ...args);
  } as typeof req.emit;
  return true;
}

/** Builds the Node request listener for a running database. Exported for tests and benchmarks. */
export function createAppListener(services: AppServices) {
  const { config, database } = services;
  // Imported once: a function that re-imports on every request costs a module resolution per request.
  const build = import('virtual:react-router/server-build');
  const handleRequest = createRequestHandler(() => build, config.production ? 'production' : 'development');
  // The client files sit beside this bundle: <build>/server/index.js → <build>/client.
  const serveStatic = createStaticHandler(fileURLToPath(new URL('../client', import.meta.url)));
  const perRequest = new AsyncLocalStorage<{ requestId: string; nonce: string; https: boolean; headers: Record<string, string> }>();

  const fetchListener = createRequestListener(
    async (request: Request, client: ClientAddress) => {
      const { requestId, nonce, https, headers } = perRequest.getStore()!;
      const context = new RouterContextProvider();
      context.set(servicesContext, services);
      context.set(requestContext, {
        requestId,
        nonce,
        https,
        clientIp: client.address,
        actor: anonymous,
        locale: 'it',
        csrfToken: '',
        cookies: [],
      });
      const response = await handleRequest(request, context);
      for (const [k, v] of Object.entries(headers)) if (!response.headers.has(k)) response.headers.set(k, v);
      return response;
    },
    {
      trustProxy: config.trustProxy,
      onError(error) {
        log.error('errore non gestito', { error });
        return new Response('Errore del sistema', { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      },
    },
  );

  return function listener(req: IncomingMessage, res: ServerResponse) {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const nonce = randomBytes(16).toString('base64');
    const https = isHttps(req, config);
    const started = process.hrtime.bigint();
    res.setHeader('X-Request-Id', requestId);
    const pathname = (req.url ?? '/').split('?')[0]!;

    withRequestId(requestId, () => {
      res.on('finish', () => {
        if (pathname === '/healthz' || pathname.startsWith('/assets/')) return;
        log.info('richiesta', {
          method: req.method,
          path: redactSecrets(pathname),
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        });
      });

      if (pathname === '/healthz') {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end('{"status":"ok"}');
        return;
      }
      if (pathname === '/readyz') {
        void database.ready().then((r) => {
          res.writeHead(r.ok ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
          res.end(JSON.stringify({ status: r.ok ? 'ready' : 'not_ready', database: database.kind, detail: r.detail }));
        });
        return;
      }
      const headers = securityHeaders(nonce, https);
      if (serveStatic(req, res, pathname, headers)) return;
      if (!limitBody(req, res, pathname, headers)) return;
      perRequest.run({ requestId, nonce, https, headers }, () => void fetchListener(req, res));
    });
  };
}

export interface RunningServer {
  server: Server;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Cantiere: opens the database (PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in
 * the locked data folder), applies the migrations, loads the demo when configured, and listens.
 */
export async function startServer(config: AppConfig = loadConfig()): Promise<RunningServer> {
  configureLog({ level: config.logLevel });
  const database = config.databaseUrl
    ? await openDatabase({ url: config.databaseUrl, poolSize: config.databasePoolSize })
    : await openDatabase({ dataDir: config.dataDir });
  log.info('database aperto', { kind: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined });
  await database.migrate();
  let demo: Awaited<ReturnType<typeof loadDemo>> | null = null;
  if (config.demo) demo = await loadDemo(database.db);

  const server = createServer(createAppListener({ db: database.db, database, config }));
  // Background work (documents), started after the demo so that the adoption's document of the demo plan is made.
  const workers = startBackgroundWorkers(database.db, database.kind);
  // Outgoing mail: with SMTP configured, the outbox is delivered every 30 seconds by default (safe with several processes).
  let mailTimer: ReturnType<typeof setInterval> | null = null;
  if (config.smtpUrl) {
    const transport = smtpTransport(config.smtpUrl);
    const round = () =>
      deliverOutbox({ db: database.db, transport, from: config.smtpFrom }).then(
        (r) => r.sent + r.failed > 0 && log.info('posta in uscita', r),
        (error) => log.error('consegna della posta non riuscita', { error }),
      );
    mailTimer = setInterval(round, config.mailIntervalSeconds * 1000);
    mailTimer.unref();
    void round();
  }
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info('Cantiere è in ascolto', { url, database: database.kind });
  if (demo) {
    const lines = [
      '',
      `  Cantiere è pronto: ${url}`,
      `  Ambito dimostrativo: ${url}/ambiti/gallarate`,
      `  Account dimostrativi (password «${demo.password}»):`,
      ...demo.accounts.map((a) => `    - ${a.email.padEnd(38)} ${a.role}`),
      '',
    ];
    process.stderr.write(lines.join('\n') + '\n');
  }
  let stopping: Promise<void> | null = null;
  return {
    server,
    database,
    url,
    stop() {
      if (mailTimer) clearInterval(mailTimer);
      stopping ??= workers
        .stop()
        .then(
          () =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        )
        .then(() => database.close());
      return stopping;
    },
  };
}
