import type { Route } from './+types/users';
import { ROLES } from '../../../shared/auth/actor.ts';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import {
  DataTable,
  EmptyState,
  IntentForm,
  PageHeader,
  ResultAlert,
  RowButtonForm,
  Section,
  SelectField,
  StatusBadge,
  TextField,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import { listAmbiti } from '../../territory/index.server.ts';
import { linkBase } from '../accounts.links.server.ts';
import { inviteUser, listUsersForAdmin, resendInvitation } from '../accounts.recovery.server.ts';

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const list = await guard(request, () => listUsersForAdmin(db, actor));
  const ambiti = await listAmbiti(db);
  const names = new Map(ambiti.map((a) => [a.id, a.name]));
  return {
    users: list.map((u) => ({
      ...u,
      roles: u.roles.map((r) => ({ ...r, ambito: r.ambitoId ? (names.get(r.ambitoId) ?? null) : null })),
    })),
    ambiti: ambiti.map((a) => ({ code: a.code, name: a.name })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  // Built inside each form's handler: without a public address the refusal is the form's message, not an error page.
  const baseUrl = () => linkBase(context, request);
  const text = (v: FormDataEntryValue | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  return intentAction(
    request,
    {
      invite: async (form) => {
        const { user, url } = await inviteUser({
          db,
          actor,
          baseUrl: baseUrl(),
          input: {
            email: form.email,
            name: form.name,
            locale: text(form.locale) ?? 'it',
            roles: [
              {
                role: form.role,
                ambitoCode: text(form.ambitoCode),
                comuneIstatCode: text(form.comuneIstatCode),
                organisationName: text(form.organisationName),
                regionCode: text(form.regionCode),
              },
            ],
          },
        });
        return { ...done('invite', tr('users.invite.sent', { email: user.email })), url };
      },
      resend: async (form) => {
        const { url } = await resendInvitation({ db, actor, userId: String(form.userId ?? ''), baseUrl: baseUrl() });
        return { ...done('resend', tr('users.resent')), url };
      },
    },
    { echo: true },
  );
}

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const invite = useFormResult(actionData, 'invite');
  const resent = useFormResult(actionData, 'resend');
  const url = [invite.success, resent.success].map((s) => (s && 'url' in s ? String(s.url) : null)).find(Boolean);
  const roleLabel = (role: string) => ((ROLES as readonly string[]).includes(role) ? t(`profile.role.${role}` as MessageKey) : role);
  const v = invite.values ?? {};
  return (
    <>
      <PageHeader title={t('users.title')} lead={t('users.lead')} />
      <Section id="invito" title={t('users.invite')} lead={t('users.invite.help')}>
        {url ? (
          <div className="alert alert-success" role="status">
            <p className="mb-1">{t('users.invite.link')}</p>
            <code data-testid="invitation-link" className="user-select-all text-break">
              {url}
            </code>
          </div>
        ) : null}
        <IntentForm intent="invite" actionData={actionData} submitLabel={t('users.invite.submit')} className="row g-3 align-items-end mb-4" noValidate>
          <div className="col-md-6">
            <TextField intent="invite" name="email" label={t('users.field.email')} error={invite.errors.email} type="email" required defaultValue={v.email} />
          </div>
          <div className="col-md-6">
            <TextField intent="invite" name="name" label={t('users.field.name')} error={invite.errors.name} required defaultValue={v.name} />
          </div>
          <div className="col-md-6">
            <SelectField
              intent="invite"
              name="role"
              label={t('users.field.role')}
              error={invite.errors['roles.0.role']}
              required
              defaultValue={v.role ?? 'staff'}
              choices={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
            />
          </div>
          <div className="col-md-6">
            <SelectField
              intent="invite"
              name="ambitoCode"
              label={t('users.field.ambito')}
              error={invite.errors['roles.0.ambitoCode'] ?? invite.errors.ambito}
              defaultValue={v.ambitoCode}
              empty={t('users.field.ambito.none')}
              choices={loaderData.ambiti.map((a) => ({ value: a.code, label: a.name, data: true }))}
            />
          </div>
          {(
            [
              ['comuneIstatCode', 'users.field.comune'],
              ['organisationName', 'users.field.organisation'],
              ['regionCode', 'users.field.region'],
            ] as const
          ).map(([name, label]) => (
            <div className="col-md-4" key={name}>
              <TextField
                intent="invite"
                name={name}
                label={t(label)}
                error={invite.errors[`roles.0.${name}`] ?? (name === 'comuneIstatCode' ? invite.errors.comune : undefined)}
                defaultValue={v[name]}
              />
            </div>
          ))}
          <div className="col-md-4">
            <SelectField
              intent="invite"
              name="locale"
              label={t('users.field.locale')}
              defaultValue={v.locale ?? 'it'}
              choices={[
                { value: 'it', label: 'Italiano' },
                { value: 'en', label: 'English' },
              ]}
            />
          </div>
        </IntentForm>
      </Section>
      <Section id="utenti" title={t('users.title')}>
        <ResultAlert actionData={actionData} intent="resend" />
        <DataTable
          id="elenco-utenti"
          caption={t('users.title')}
          rows={loaderData.users}
          rowKey={(u) => u.id}
          empty={<EmptyState title={t('users.none')} />}
          columns={[
            { key: 'nome', header: t('users.col.name'), rowHeader: true, data: true, value: (u) => u.name },
            { key: 'email', header: t('users.col.email'), data: true, value: (u) => u.email },
            {
              key: 'ruoli',
              header: t('users.col.roles'),
              sortable: false,
              value: (u) => u.roles.map((r) => roleLabel(r.role)).join(', '),
              render: (u) => (
                <ul className="list-unstyled mb-0">
                  {u.roles.map((r, i) => (
                    <li key={i}>
                      {roleLabel(r.role)}
                      {r.ambito ? <span translate="no"> — {r.ambito}</span> : null}
                      {r.organisationName ? <span translate="no"> · {r.organisationName}</span> : null}
                      {r.regionCode ? ` · ${t('profile.role.region', { region: r.regionCode })}` : null}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'stato',
              header: t('users.col.state'),
              value: (u) => (!u.active ? t('users.state.disabled') : u.invitationPending ? t('users.state.invited') : t('users.state.active')),
              render: (u) => (
                <StatusBadge tone={!u.active ? 'danger' : u.invitationPending ? 'warning' : 'success'}>
                  {!u.active ? t('users.state.disabled') : u.invitationPending ? t('users.state.invited') : t('users.state.active')}
                </StatusBadge>
              ),
            },
            {
              key: 'azioni',
              header: t('users.col.actions'),
              sortable: false,
              render: (u) =>
                u.invitationPending && u.active ? (
                  <RowButtonForm intent="resend" hidden={{ userId: u.id }} label={t('users.resend')} what={u.name} className="btn btn-outline-primary btn-sm" />
                ) : null,
            },
          ]}
        />
      </Section>
    </>
  );
}
