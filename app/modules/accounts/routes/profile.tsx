import { Form, useNavigation } from 'react-router';
import type { Route } from './+types/profile';
import { formAction, getServices, requireUser } from '../../../shared/http/request.server.ts';
import { CsrfField, Field, FormAlert } from '../../../shared/ui/forms.tsx';
import { useI18n } from '../../../shared/ui/i18n.tsx';
import { listAmbiti } from '../../territory/index.server.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../accounts.server.ts';

const ROLE_LABELS: Record<string, string> = {
  admin: 'Amministratore di sistema',
  coordinator: 'Coordinatore dell’Ufficio di Piano',
  staff: 'Staff dell’Ufficio di Piano',
  comune_referent: 'Referente comunale',
  third_sector: 'Membro del Terzo settore',
  mayor: 'Sindaco',
  regional_reviewer: 'Revisore regionale (sola lettura)',
};

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { db } = getServices(context);
  const ambiti = new Map((await listAmbiti(db)).map((a) => [a.id, a.name]));
  const tokens = await listApiTokens(db, user.userId);
  return {
    user: { name: user.name, email: user.email },
    roles: user.grants.map((g) => ({
      label: ROLE_LABELS[g.role] ?? g.role,
      scope: [g.ambitoId ? ambiti.get(g.ambitoId) : null, g.organisationName, g.regionCode ? `Regione ${g.regionCode}` : null].filter(Boolean).join(' · '),
    })),
    tokens: tokens.map((t) => ({ ...t, expired: !!t.expiresAt && t.expiresAt < new Date() })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const form = Object.fromEntries(await request.formData());
  return formAction(request, async () => {
    if (form.intent === 'revoke') {
      await revokeApiToken({ db, actor, tokenId: String(form.tokenId ?? '') });
      return { ok: true as const, secret: null };
    }
    const { secret } = await createApiToken({ db, actor, input: { name: form.name, expiresInDays: form.expiresInDays } });
    return { ok: true as const, secret };
  });
}

export default function Profile({ loaderData, actionData }: Route.ComponentProps) {
  const { t, d, dt } = useI18n();
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : {};
  const secret = actionData && 'secret' in actionData ? actionData.secret : null;
  return (
    <>
      <title>{`${t('profile.title')} – Cantiere`}</title>
      <h1>{t('profile.title')}</h1>
      <p className="lead">
        {loaderData.user.name} — {loaderData.user.email}
      </p>
      <h2 className="h4">{t('profile.roles')}</h2>
      {loaderData.roles.length === 0 ? (
        <p>{t('profile.noRoles')}</p>
      ) : (
        <ul>
          {loaderData.roles.map((r, i) => (
            <li key={i}>
              {r.label}
              {r.scope ? ` — ${r.scope}` : ''}
            </li>
          ))}
        </ul>
      )}

      <h2 className="h4 mt-5">{t('profile.tokens')}</h2>
      <p>{t('profile.tokens.help')}</p>
      {secret && (
        <div className="alert alert-success" role="status">
          <p className="mb-1">{t('profile.tokens.created')}</p>
          <code data-testid="new-token" className="user-select-all">
            {secret}
          </code>
        </div>
      )}
      <FormAlert result={actionData && 'fieldErrors' in actionData ? actionData : undefined} />
      <Form method="post" className="row g-3 align-items-end mb-4" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="create" />
        <div className="col-md-5">
          <Field name="name" label={t('profile.tokens.name')} error={errors.name}>
            {(p) => <input {...p} type="text" required maxLength={100} />}
          </Field>
        </div>
        <div className="col-md-4">
          <Field name="expiresInDays" label={t('profile.tokens.expires')} error={errors.expiresInDays}>
            {(p) => <input {...p} type="number" min={1} max={365} inputMode="numeric" />}
          </Field>
        </div>
        <div className="col-md-3 mb-4">
          <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
            {t('profile.tokens.create')}
          </button>
        </div>
      </Form>
      {loaderData.tokens.length === 0 ? (
        <p>{t('profile.tokens.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('profile.tokens')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.tokens.col.name')}</th>
                <th scope="col">{t('profile.tokens.col.prefix')}</th>
                <th scope="col">{t('profile.tokens.col.created')}</th>
                <th scope="col">{t('profile.tokens.col.expires')}</th>
                <th scope="col">{t('profile.tokens.col.lastUsed')}</th>
                <th scope="col">{t('profile.tokens.col.status')}</th>
                <th scope="col">{t('profile.tokens.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.tokens.map((tk) => (
                <tr key={tk.id}>
                  <th scope="row">{tk.name}</th>
                  <td>
                    <code>{tk.prefix}…</code>
                  </td>
                  <td>{dt(tk.createdAt)}</td>
                  <td>{tk.expiresAt ? d(tk.expiresAt) : '—'}</td>
                  <td>{tk.lastUsedAt ? dt(tk.lastUsedAt) : t('profile.tokens.never')}</td>
                  <td>{tk.revokedAt ? t('profile.tokens.revoked') : tk.expired ? t('profile.tokens.expired') : t('profile.tokens.active')}</td>
                  <td>
                    {!tk.revokedAt && (
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={tk.id} />
                        <button type="submit" className="btn btn-outline-danger btn-sm">
                          {t('profile.tokens.revoke')}
                          <span className="visually-hidden"> {tk.name}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
