import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './styles/app.css';
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from 'react-router';
import type { Route } from './+types/root';
import { AMBITO_READERS, hasAmbitoRole, isAdmin } from './shared/auth/actor.ts';
import { getRequestState, getServices, rootMiddleware } from './shared/http/request.server.ts';
import { htmlLang, isUiLocale, type MessageKey } from './shared/i18n/messages.ts';
import { Shell, type ShellData } from './shared/ui/shell.tsx';
import { useI18n } from './shared/ui/i18n.tsx';
import { listAmbiti } from './modules/territory/territory.queries.ts';
import { can as canTerritory } from './modules/territory/territory.policy.ts';
import { can as canAudit } from './modules/audit/audit.policy.ts';
import { can as canGovernance } from './modules/governance/governance.policy.ts';
import { can as canLeps } from './modules/leps/leps.policy.ts';
import { can as canFinance } from './modules/finance/finance.policy.ts';
import { can as canMonitoring } from './modules/monitoring/monitoring.policy.ts';

export const middleware: Route.MiddlewareFunction[] = [rootMiddleware];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { db } = getServices(context);
  const actor = state.actor;
  const all = actor.kind === 'user' || params.code ? await listAmbiti(db) : [];
  const mine = actor.kind === 'user' ? all.filter((a) => isAdmin(actor) || hasAmbitoRole(actor, a, AMBITO_READERS)) : [];
  const current = (params.code ? all.find((a) => a.code === params.code) : mine.length === 1 ? mine[0] : undefined) ?? null;
  const nav: { key: MessageKey; href: string }[] = [];
  if (current) {
    nav.push({ key: 'nav.home', href: `/ambiti/${current.code}` });
    nav.push({ key: 'nav.territory', href: `/ambiti/${current.code}/territorio` });
    nav.push({ key: 'nav.plans', href: `/ambiti/${current.code}/piani` });
    if (canMonitoring(actor, 'monitoring.read', current)) nav.push({ key: 'nav.monitoring', href: `/ambiti/${current.code}/monitoraggio` });
    if (canTerritory(actor, 'ambito.edit', current)) nav.push({ key: 'nav.edit', href: `/ambiti/${current.code}/modifica` });
    if (canGovernance(actor, 'governance.read', current)) {
      nav.push({ key: 'nav.governance', href: `/ambiti/${current.code}/organi` });
      nav.push({ key: 'nav.organisations', href: `/ambiti/${current.code}/organizzazioni` });
      nav.push({ key: 'nav.agreement', href: `/ambiti/${current.code}/accordo` });
    }
    if (canLeps(actor, 'leps.read', current)) nav.push({ key: 'nav.leps', href: `/ambiti/${current.code}/leps` });
    if (canFinance(actor, 'finance.read', current)) nav.push({ key: 'nav.finance', href: `/ambiti/${current.code}/risorse` });
    if (canAudit(actor, 'audit.read', current)) nav.push({ key: 'nav.audit', href: `/registro?ambito=${current.code}` });
  }
  const reviewedRegion = actor.kind === 'user' ? actor.grants.find((g) => g.role === 'regional_reviewer' && g.regionCode)?.regionCode : undefined;
  if (!current && reviewedRegion) nav.push({ key: 'nav.leps', href: `/leps/regione/${reviewedRegion}` });
  else if (!current) nav.push({ key: 'nav.leps', href: '/leps/catalogo' });
  if (!current && canAudit(actor, 'audit.read', null)) nav.push({ key: 'nav.audit', href: '/registro' });
  if (isAdmin(actor) && actor.kind === 'user') nav.push({ key: 'nav.territoryAdmin', href: '/amministrazione/territorio' });
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
      <title>{`${t(titleKey)} – ${t('app.name')}`}</title>
      <div className="row">
        <div className="col-lg-8">
          <p className="text-secondary mb-1">{t('ui.error.code', { status })}</p>
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
