import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles/app.css';
// The registry registers every module's dictionary: imported for that effect too, so the browser has the same words.
import './modules/registry.ts';
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from 'react-router';
import type { Route } from './+types/root';
import { AMBITO_READERS, hasAmbitoRole, isAdmin } from './shared/auth/actor.ts';
import { getRequestState, getServices, makeRootMiddleware } from './shared/http/request.server.ts';
import { htmlLang, isUiLocale, type MessageKey } from './shared/i18n/messages.ts';
import { Shell, type ShellData } from './shared/ui/shell.tsx';
import { useI18n } from './shared/ui/i18n.tsx';
import { listAmbiti } from './modules/territory/index.server.ts';
import { buildNav } from './modules/registry.ts';
import { IDENTIFY } from './modules/registry.server.ts';

export const middleware: Route.MiddlewareFunction[] = [makeRootMiddleware(IDENTIFY)];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { db } = getServices(context);
  const actor = state.actor;
  const all = actor.kind === 'user' || params.code ? await listAmbiti(db) : [];
  const mine = actor.kind === 'user' ? all.filter((a) => isAdmin(actor) || hasAmbitoRole(actor, a, AMBITO_READERS)) : [];
  const current = (params.code ? all.find((a) => a.code === params.code) : mine.length === 1 ? mine[0] : undefined) ?? null;
  const nav = buildNav(actor, current);
  return {
    locale: state.locale,
    csrfToken: state.csrfToken,
    requestId: state.requestId,
    user: actor.kind === 'user' ? { name: actor.name, email: actor.email } : null,
    ambiti: mine.map((a) => ({ code: a.code, name: a.name })),
    current: current ? { code: current.code, name: current.name, regionName: current.regionName } : null,
    nav,
  } satisfies ShellData & Record<string, unknown>;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData('root') as { locale?: string } | undefined;
  return (
    <html lang={htmlLang(isUiLocale(data?.locale, true) ? data.locale : 'it')}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App({ loaderData }: Route.ComponentProps) {
  return (
    <Shell data={loaderData}>
      <Outlet />
    </Shell>
  );
}

export function links() {
  return [{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }];
}

export function meta() {
  return [{ title: 'Cantiere' }];
}

/** Error pages (403, 404, 500…) in the user's language; they never show internals, only the request code. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const root = useRouteLoaderData('root') as (ShellData & { requestId?: string }) | undefined;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = [400, 401, 403, 404, 409, 429] as const;
  const titleKey = (known.includes(status as (typeof known)[number]) ? `error.title.${status}` : 'error.title.500') as MessageKey;
  const text =
    status === 404
      ? t('error.text.404')
      : status === 403 && !(isRouteErrorResponse(error) && typeof error.data === 'string' && error.data)
        ? t('error.text.403')
        : isRouteErrorResponse(error) && typeof error.data === 'string' && status < 500
          ? error.data
          : t('error.text.500');
  return (
    <Shell data={root}>
      <title>{`${t(titleKey)} – Cantiere`}</title>
      <div className="row">
        <div className="col-lg-8">
          <p className="text-secondary mb-1">Errore {status}</p>
          <h1>{t(titleKey)}</h1>
          <p className="lead">{text}</p>
          {status >= 500 && root?.requestId && (
            <p>
              {t('error.requestId')}: <code>{root.requestId}</code>
            </p>
          )}
          <a className="btn btn-primary" href="/">
            {t('error.back')}
          </a>
        </div>
      </div>
    </Shell>
  );
}
