import { existsSync, readFileSync } from 'node:fs';
import { data, Form, Link, redirect, useNavigation, useSearchParams } from 'react-router';
import type { Route } from './+types/sign-in';
import { COOKIE, parseCookies } from '../../../shared/http/cookies.ts';
import { getActor, getRequestState, getServices, setRetryAfter } from '../../../shared/http/request.server.ts';
import { safeLocalPath } from '../../../shared/http/redirect.ts';
import { fromRoot } from '../../../shared/paths.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { PageHeader, CsrfField, Field, FormAlert } from '../../../shared/ui/kit.ts';
import { BadCredentialsError, signIn, ThrottledError } from '../accounts.server.ts';
import { isOidcRefusalReason } from '../accounts.oidc.server.ts';
import { SignInInput } from '../accounts.validation.ts';
import { setSessionCookie } from '../accounts.links.server.ts';

function demoAccounts(): { password: string; users: { email: string; name: string }[] } | null {
  const file = fromRoot('fixtures', 'demo', 'accounts.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const redirectTo = safeLocalPath(new URL(request.url).searchParams.get('redirectTo'));
  if (getActor(context).kind === 'user') throw redirect(redirectTo);
  const { config } = getServices(context);
  const demo = config.demo ? demoAccounts() : null;
  // Sign-in with the identity provider, when configured (CANTIERE_OIDC_*), and why its last attempt was refused.
  const refused = new URL(request.url).searchParams.get('oidc');
  return {
    redirectTo,
    demo: demo ? { password: demo.password, users: demo.users.map((u) => ({ email: u.email, name: u.name })) } : null,
    oidc: config.oidc ? { name: config.oidc.name, href: `/accedi/oidc?redirectTo=${encodeURIComponent(redirectTo)}` } : null,
    oidcRefused: isOidcRefusalReason(refused) ? refused : null,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = SignInInput.safeParse(form);
  const redirectTo = safeLocalPath(typeof form.redirectTo === 'string' ? form.redirectTo : null);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0])] ??= i.message;
    return data({ ok: false, formError: tr('signin.checkInput'), fieldErrors, email: String(form.email ?? '') }, { status: 400 });
  }
  const state = getRequestState(context);
  try {
    const { token } = await signIn({
      db: getServices(context).db,
      email: parsed.data.email,
      password: parsed.data.password,
      clientIp: state.clientIp,
      userAgent: request.headers.get('user-agent'),
      previousSession: parseCookies(request.headers.get('cookie')).get(COOKIE.session) ?? null,
    });
    setSessionCookie(context, token);
    return redirect(redirectTo);
  } catch (error) {
    if (error instanceof BadCredentialsError || error instanceof ThrottledError) {
      if (error instanceof ThrottledError) setRetryAfter(context, error.retryAfterSeconds);
      return data({ ok: false, formError: error.message, fieldErrors: {}, email: parsed.data.email }, { status: error.status });
    }
    throw error;
  }
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> = actionData?.fieldErrors ?? {};
  const [params] = useSearchParams();
  return (
    <div className="row">
      <div className="col-lg-6">
        <PageHeader title={t('signin.title')} />
        {params.get('uscito') && !actionData && (
          <div className="alert alert-info" role="status">
            {t('signout.done')}
          </div>
        )}
        {loaderData.oidcRefused && !actionData && (
          <div className="alert alert-danger" role="alert">
            {t(`signin.oidc.refused.${loaderData.oidcRefused}`)}
          </div>
        )}
        <FormAlert result={actionData} />
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
          <Field name="email" label={t('signin.email')} error={errors.email}>
            {(p) => <input {...p} type="email" autoComplete="username" required defaultValue={actionData?.email ?? ''} />}
          </Field>
          <Field name="password" label={t('signin.password')} error={errors.password}>
            {(p) => <input {...p} type="password" autoComplete="current-password" required />}
          </Field>
          <div className="d-flex flex-wrap gap-3 align-items-center">
            <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
              {t('signin.submit')}
            </button>
            <Link to="/accedi/password-dimenticata">{t('recovery.forgot.link')}</Link>
          </div>
        </Form>
        {loaderData.oidc && (
          <div className="mt-4 pt-3 border-top">
            <p>{t('signin.oidc.help')}</p>
            {/* A plain link (a full page load): the answer is a redirect to the provider (routes/oidc-start.ts). */}
            <a className="btn btn-outline-primary text-wrap" href={loaderData.oidc.href}>
              {t('signin.oidc.button', { name: loaderData.oidc.name })}
            </a>
          </div>
        )}
      </div>
      {loaderData.demo && (
        <div className="col-lg-5 offset-lg-1 mt-4 mt-lg-0">
          <div className="callout note">
            <h2 className="h5">{t('signin.demo')}</h2>
            <p>{t('signin.demo.hint', { password: loaderData.demo.password })}</p>
            <ul className="small">
              {loaderData.demo.users.map((u) => (
                <li key={u.email}>
                  <code>{u.email}</code> — <span translate="no">{u.name}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
