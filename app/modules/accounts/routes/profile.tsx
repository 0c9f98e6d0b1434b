import { Form } from 'react-router';
import type { Route } from './+types/profile';
import { done, intentAction } from '../../../shared/http/forms.server.ts';
import { getServices, requireUser, siteBase } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { CsrfField, DataTable, EmptyState, IntentField, IntentForm, PageHeader, ResultAlert, Section, useFormResult, useI18n } from '../../../shared/ui/kit.ts';
import { listAmbiti } from '../../territory/index.server.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../accounts.server.ts';
import { calendarLinkOf, calendarPath, createCalendarLink, revokeCalendarLink } from '../accounts.calendar.server.ts';

const ROLES = ['admin', 'coordinator', 'staff', 'comune_referent', 'third_sector', 'mayor', 'regional_reviewer'];

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { db } = getServices(context);
  const ambiti = new Map((await listAmbiti(db)).map((a) => [a.id, a.name]));
  const tokens = await listApiTokens(db, user.userId);
  const calendar = await calendarLinkOf(db, user.userId);
  return {
    calendar,
    user: { name: user.name, email: user.email },
    roles: user.grants.map((g) => ({
      role: g.role,
      ambito: g.ambitoId ? (ambiti.get(g.ambitoId) ?? null) : null,
      organisation: g.organisationName ?? null,
      region: g.regionCode ?? null,
    })),
    tokens: tokens.map((t) => ({ ...t, expired: !!t.expiresAt && t.expiresAt < new Date() })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  return intentAction(request, {
    create: async (form) => {
      const { secret } = await createApiToken({ db, actor, input: { name: form.name, expiresInDays: form.expiresInDays } });
      return { ...done('create', tr('profile.tokens.created')), secret };
    },
    'calendar-create': async () => {
      const { secret } = await createCalendarLink({ db, actor });
      return { ...done('calendar-create', tr('calendar.created')), calendarUrl: siteBase(context, request) + calendarPath(secret) };
    },
    'calendar-revoke': async () => {
      await revokeCalendarLink({ db, actor });
      return done('calendar-revoke', tr('calendar.revoked'));
    },
    revoke: async (form) => {
      await revokeApiToken({ db, actor, tokenId: String(form.tokenId ?? '') });
      return done('revoke');
    },
  });
}

export default function Profile({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { errors, success } = useFormResult(actionData, 'create');
  const secret = success && 'secret' in success ? String(success.secret) : null;
  const calendarMade = useFormResult(actionData, 'calendar-create').success;
  const calendarUrl = calendarMade && 'calendarUrl' in calendarMade ? String(calendarMade.calendarUrl) : null;
  const roleLabel = (role: string) => (ROLES.includes(role) ? t(`profile.role.${role}` as MessageKey) : role);
  return (
    <>
      <PageHeader
        title={t('profile.title')}
        lead={
          <span translate="no">
            {loaderData.user.name} — {loaderData.user.email}
          </span>
        }
      />
      <Section id="ruoli" title={t('profile.roles')}>
        {loaderData.roles.length === 0 ? (
          <p>{t('profile.noRoles')}</p>
        ) : (
          <ul>
            {loaderData.roles.map((r, i) => (
              <li key={i}>
                {roleLabel(r.role)}
                {r.ambito ? (
                  <>
                    {' — '}
                    <span translate="no">{r.ambito}</span>
                  </>
                ) : null}
                {r.organisation ? (
                  <>
                    {' · '}
                    <span translate="no">{r.organisation}</span>
                  </>
                ) : null}
                {r.region ? ` · ${t('profile.role.region', { region: r.region })}` : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="calendario" title={t('calendar.title')} lead={t('calendar.help')}>
        {calendarUrl ? (
          <p>
            <span className="d-block fw-semibold">{t('calendar.url')}</span>
            <code data-testid="calendar-url" className="user-select-all text-break">
              {calendarUrl}
            </code>
          </p>
        ) : null}
        <p>
          {loaderData.calendar
            ? t('calendar.active', {
                created: f.dateTime(loaderData.calendar.createdAt),
                used: loaderData.calendar.lastUsedAt ? f.dateTime(loaderData.calendar.lastUsedAt) : t('profile.tokens.never'),
              })
            : t('calendar.none')}
        </p>
        <div className="d-flex flex-wrap gap-2 align-items-start">
          <IntentForm
            intent="calendar-create"
            actionData={actionData}
            submitLabel={loaderData.calendar ? t('calendar.replace') : t('calendar.create')}
            submitClassName="btn btn-outline-primary"
          />
          {loaderData.calendar ? (
            <IntentForm intent="calendar-revoke" actionData={actionData} submitLabel={t('calendar.revoke')} submitClassName="btn btn-outline-danger" />
          ) : null}
        </div>
      </Section>

      <Section id="token" title={t('profile.tokens')} lead={t('profile.tokens.help')}>
        <IntentForm intent="create" actionData={actionData} submitLabel={t('profile.tokens.create')} className="row g-3 align-items-end mb-4">
          {secret ? (
            <p className="col-12">
              <code data-testid="new-token" className="user-select-all">
                {secret}
              </code>
            </p>
          ) : null}
          <div className="col-md-5">
            <IntentField intent="create" name="name" label={t('profile.tokens.name')} error={errors.name}>
              {(p) => <input {...p} type="text" required maxLength={100} />}
            </IntentField>
          </div>
          <div className="col-md-4">
            <IntentField intent="create" name="expiresInDays" label={t('profile.tokens.expires')} error={errors.expiresInDays}>
              {(p) => <input {...p} type="number" min={1} max={365} inputMode="numeric" />}
            </IntentField>
          </div>
        </IntentForm>
        <ResultAlert actionData={actionData} intent="revoke" />
        <DataTable
          id="tokens"
          caption={t('profile.tokens')}
          rows={loaderData.tokens}
          rowKey={(tk) => tk.id}
          empty={<EmptyState title={t('profile.tokens.none')} />}
          columns={[
            { key: 'nome', header: t('profile.tokens.col.name'), rowHeader: true, value: (tk) => tk.name },
            {
              key: 'inizio',
              header: t('profile.tokens.col.prefix'),
              sortable: false,
              render: (tk) => <code>{tk.prefix}…</code>,
            },
            {
              key: 'creato',
              header: t('profile.tokens.col.created'),
              data: false,
              value: (tk) => String(tk.createdAt),
              render: (tk) => f.dateTime(tk.createdAt),
            },
            {
              key: 'scadenza',
              header: t('profile.tokens.col.expires'),
              data: false,
              value: (tk) => (tk.expiresAt ? String(tk.expiresAt) : null),
              render: (tk) => (tk.expiresAt ? f.date(tk.expiresAt) : '—'),
            },
            {
              key: 'uso',
              header: t('profile.tokens.col.lastUsed'),
              data: false,
              value: (tk) => (tk.lastUsedAt ? String(tk.lastUsedAt) : null),
              render: (tk) => (tk.lastUsedAt ? f.dateTime(tk.lastUsedAt) : t('profile.tokens.never')),
            },
            {
              key: 'stato',
              header: t('profile.tokens.col.status'),
              data: false,
              value: (tk) => (tk.revokedAt ? t('profile.tokens.revoked') : tk.expired ? t('profile.tokens.expired') : t('profile.tokens.active')),
            },
            {
              key: 'azioni',
              header: t('profile.tokens.col.actions'),
              data: false,
              sortable: false,
              render: (tk) =>
                tk.revokedAt ? null : (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="tokenId" value={tk.id} />
                    <button type="submit" className="btn btn-outline-danger btn-sm">
                      {t('profile.tokens.revoke')}
                      <span className="visually-hidden" translate="no">
                        {' '}
                        {tk.name}
                      </span>
                    </button>
                  </Form>
                ),
            },
          ]}
        />
      </Section>
    </>
  );
}
