import { data, redirect } from 'react-router';
import type { Route } from './+types/forgot-password';
import { done, intentAction, type IntentFailure } from '../../../shared/http/forms.server.ts';
import { getActor, getRequestState, getServices, messageOf, setRetryAfter } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { log } from '../../../shared/log.ts';
import { ValidationError } from '../../../shared/errors.ts';
import { IntentForm, PageHeader, ResultAlert, TextField, useFormResult, useI18n } from '../../../shared/ui/kit.ts';
import { z } from '../../../shared/validation.ts';
import { linkBase } from '../accounts.links.server.ts';
import { requestPasswordReset } from '../accounts.recovery.server.ts';
import { spendRequestAllowance, TooManyRequestsError } from '../accounts.server.ts';

export function loader({ context }: Route.LoaderArgs) {
  if (getActor(context).kind === 'user') throw redirect('/profilo');
  return null;
}

const Email = z.string().trim().toLowerCase().email().max(320);

/** Whatever the address, the answer is the same: the page never tells whether an account exists. */
export async function action({ context, request }: Route.ActionArgs) {
  return intentAction(
    request,
    {
      forgot: async (form) => {
        const email = Email.safeParse(form.email);
        if (!email.success) throw new ValidationError([{ path: 'email', message: tr('recovery.forgot.email.invalid') }]);
        const baseUrl = linkBase(context, request);
        // A limit per client address, whatever the e-mail (the answer says nothing of the account): nobody can flood the
        // outbox or the server with requests. The per-account limit is requestPasswordReset's.
        try {
          await spendRequestAllowance(getServices(context).db, 'reset', getRequestState(context).clientIp);
        } catch (error) {
          if (!(error instanceof TooManyRequestsError)) throw error;
          setRetryAfter(context, error.retryAfterSeconds);
          const failure: IntentFailure = {
            ok: false,
            intent: 'forgot',
            formError: messageOf(error),
            fieldErrors: {},
            conflict: false,
            values: { email: email.data },
          };
          return data(failure, { status: 429 });
        }
        // Answered without waiting for the work: whether the address has an account (a link to make, a message to queue)
        // must not show in the time the answer takes either.
        void requestPasswordReset({ db: getServices(context).db, email: email.data, baseUrl }).catch((error: unknown) =>
          log.error('richiesta di nuova password non riuscita', { error: String(error) }),
        );
        return done('forgot', tr('recovery.forgot.sent'));
      },
    },
    { echo: true },
  );
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { errors, success, values } = useFormResult(actionData, 'forgot');
  return (
    <div className="row">
      <div className="col-lg-6">
        <PageHeader title={t('recovery.forgot.title')} lead={t('recovery.forgot.lead')} />
        {success ? (
          <ResultAlert actionData={actionData} intent="forgot" />
        ) : (
          <IntentForm intent="forgot" actionData={actionData} submitLabel={t('recovery.forgot.submit')} noValidate>
            <TextField
              intent="forgot"
              name="email"
              label={t('signin.email')}
              error={errors.email}
              type="email"
              autoComplete="username"
              required
              defaultValue={values?.email}
            />
          </IntentForm>
        )}
      </div>
    </div>
  );
}
