import { data, isRouteErrorResponse, Link, redirect, useRouteError } from 'react-router';
import type { Route } from './+types/set-password';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/password.ts';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { COOKIE, parseCookies } from '../../../shared/http/cookies.ts';
import { getServices } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { IntentField, IntentForm, Notice, PageHeader, useFormResult, useI18n } from '../../../shared/ui/kit.ts';
import { describeLink, redeemLink } from '../accounts.recovery.server.ts';
import { setSessionCookie } from '../accounts.links.server.ts';

/** The page of a link sent by e-mail (an invitation or a reset): who it is for, or why it no longer works (410). */
export async function loader({ context, params }: Route.LoaderArgs) {
  const link = await describeLink(getServices(context).db, params.secret);
  if (!link) throw data(tr('recovery.link.invalid'), { status: 410 });
  return { purpose: link.purpose, email: link.email };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  return intentAction(request, {
    // A spent or expired link is a LinkInvalidError: the error page of the link (410), as the loader's.
    set: async (form) => {
      const { token } = await redeemLink({
        db: getServices(context).db,
        secret: params.secret,
        password: form.password,
        confirm: form.confirm,
        userAgent: request.headers.get('user-agent'),
        previousSession: parseCookies(request.headers.get('cookie')).get(COOKIE.session) ?? null,
      });
      setSessionCookie(context, token);
      return redirect('/');
    },
  });
}

export default function SetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors } = useFormResult(actionData, 'set');
  const invitation = loaderData.purpose === 'invitation';
  return (
    <div className="row">
      <div className="col-lg-6">
        <PageHeader
          title={t(invitation ? 'recovery.set.title.invitation' : 'recovery.set.title.reset')}
          lead={t(invitation ? 'recovery.set.lead.invitation' : 'recovery.set.lead.reset', { email: loaderData.email })}
        />
        <IntentForm intent="set" actionData={actionData} submitLabel={t('recovery.set.submit')} noValidate>
          <input type="text" name="username" autoComplete="username" value={loaderData.email} readOnly hidden />
          <IntentField
            intent="set"
            name="password"
            label={t('recovery.set.password')}
            error={errors.password}
            hint={t('recovery.set.password.hint', { min: PASSWORD_MIN_LENGTH })}
          >
            {(p) => <input {...p} type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} />}
          </IntentField>
          <IntentField intent="set" name="confirm" label={t('recovery.set.confirm')} error={errors.confirm}>
            {(p) => <input {...p} type="password" autoComplete="new-password" required />}
          </IntentField>
        </IntentForm>
      </div>
    </div>
  );
}

/** A spent or expired link: the reason, and the way to a new one. */
export function ErrorBoundary() {
  const { t } = useI18n();
  const error = useRouteError();
  // Any other failure is the application's error page.
  if (!isRouteErrorResponse(error) || error.status !== 410) throw error;
  return (
    <div className="row">
      <div className="col-lg-6">
        <PageHeader title={t('recovery.set.invalid.title')} />
        <Notice tone="warning">{t('recovery.link.invalid')}</Notice>
        <Link className="btn btn-primary" to="/accedi/password-dimenticata">
          {t('recovery.set.invalid.again')}
        </Link>
      </div>
    </div>
  );
}
