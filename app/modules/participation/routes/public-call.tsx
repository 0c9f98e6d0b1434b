import { data, redirect } from 'react-router';
import type { Route } from './+types/public-call';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/password.ts';
import { runIntent } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { FieldGroup, IntentField, IntentForm, Notice, PageHeader, Section, useFormResult, useI18n } from '../../../shared/ui/kit.ts';
import { LOMBARDY_POLICY_AREAS } from '../../planning/index.ts';
import { applyToCall } from '../participation.call.commands.ts';
import { getCall, tablesByIds } from '../participation.call.queries.ts';
import { callState, daysLeft, LEGAL_FORMS, romeDay } from '../participation.call.rules.ts';
import { stateBadge } from './calls.tsx';
import { CheckGroup } from './check-group.tsx';
import { readPublic } from './participation.server.ts';

/**
 * The public page of a call (anyone, signed in or not): its text, tables, privacy notice and retention, and while it
 * is open the application form. After sending, the page says what happens next (no account until admitted).
 */
async function readCall(context: Route.LoaderArgs['context'], code: string, callId: string) {
  const read = await readPublic(context, code);
  const call = await getCall(read.db, read.ambito.id, callId);
  if (!call) throw data(tr('part.call.notFound'), { status: 404 });
  return { ...read, call };
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, call } = await readCall(context, params.code, params.callId);
  const today = romeDay(new Date());
  const tables = await tablesByIds(db, ambito.id, call.tableIds);
  return {
    ambito,
    sent: new URL(request.url).searchParams.get('esito') === 'inviata',
    call: {
      id: call.id,
      title: call.title,
      description: call.description,
      opensOn: call.opensOn,
      closesOn: call.closesOn,
      periodStartYear: call.periodStartYear,
      periodEndYear: call.periodEndYear,
      privacyNotice: call.privacyNotice,
      retention: call.retention,
      state: callState(call, today),
      daysLeft: daysLeft(call, today),
    },
    tables: tables.map((t) => ({ id: t.id, name: t.name, theme: t.theme })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito, call } = await readCall(context, params.code, params.callId);
  const raw = await request.formData();
  const form = Object.fromEntries(raw) as Record<string, FormDataEntryValue>;
  if (form.intent !== 'apply') throw data(tr('ui.intent.unknown', { intent: String(form.intent ?? '—') }), { status: 400 });
  const input = { ...form, tableIds: raw.getAll('tableIds'), policyAreas: raw.getAll('policyAreas') };
  // What was typed comes back with a refusal, except the password (never sent back to the page).
  const { password: _password, ...echo } = form;
  return runIntent(
    request,
    'apply',
    async () => {
      await applyToCall({ db, actor, ambitoId: ambito.id, callId: call.id, input });
      return redirect(`/ambiti/${ambito.code}/avviso/${call.id}?esito=inviata#esito`);
    },
    { ...echo, tableIds: input.tableIds.join(','), policyAreas: input.policyAreas.join(',') },
  );
}

export default function PublicCall({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, call, tables, sent } = loaderData;
  const { errors, values } = useFormResult(actionData, 'apply');
  const checked = (name: string) => new Set((values?.[name] ?? '').split(',').filter(Boolean));
  const legalForms = LEGAL_FORMS.map((value) => ({ value, label: t(`part.call.form.${value}`) }));
  return (
    <>
      <PageHeader
        title={call.title}
        titleIsData
        context={t('part.call.public.context')}
        breadcrumb={[{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }]}
      />
      <p>
        {stateBadge(t, call.state)} {t('part.call.facts.period')}: {call.periodStartYear}-{call.periodEndYear} · {t('part.call.facts.opens')}:{' '}
        {f.date(call.opensOn)} · {t('part.call.facts.closes')}: {f.date(call.closesOn)}
        {call.state === 'aperto' ? ` · ${t('part.call.facts.daysLeft')}: ${f.number(call.daysLeft)}` : ''}
      </p>
      {sent && (
        <div id="esito">
          <Notice tone="success" title={t('part.call.done.applied')}>
            <p className="fw-semibold mb-1">{t('part.call.next.title')}</p>
            <p className="mb-0">{t('part.call.next.body')}</p>
          </Notice>
        </div>
      )}
      {call.description && (
        <Section id="testo" title={t('part.call.public.text')}>
          <div translate="no" className="text-break" style={{ whiteSpace: 'pre-line' }}>
            {call.description}
          </div>
        </Section>
      )}
      <Section id="tavoli" title={t('part.call.public.tables')}>
        <ul translate="no">
          {tables.map((table) => (
            <li key={table.id}>
              {table.name}
              {table.theme ? ` — ${table.theme}` : ''}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="privacy" title={t('part.call.public.privacy')}>
        <div translate="no" className="text-break" style={{ whiteSpace: 'pre-line' }}>
          {call.privacyNotice}
        </div>
        <p className="mt-2 fw-semibold">
          {t('part.call.public.retention')} <span translate="no">{call.retention}</span>
        </p>
      </Section>

      {call.state === 'programmato' && <Notice>{t('part.call.public.notOpen', { date: f.date(call.opensOn) })}</Notice>}
      {call.state === 'chiuso' && <Notice>{t('part.call.public.closed')}</Notice>}
      {call.state === 'aperto' && !sent && (
        <Section id="domanda" title={t('part.call.public.form')} lead={t('part.call.public.formLead')}>
          <IntentForm intent="apply" actionData={actionData} submitLabel={t('part.call.public.submit')} label={t('part.call.public.form')} noValidate>
            <h3 className="h5">{t('part.call.public.org')}</h3>
            <FieldGroup
              intent="apply"
              errors={errors}
              values={values}
              fields={[
                { name: 'organisationName', label: t('part.call.f.organisationName'), required: true, maxLength: 200, autoComplete: 'organization' },
                [
                  {
                    name: 'fiscalCode',
                    label: t('part.call.f.fiscalCode'),
                    hint: t('part.call.f.fiscalCodeHint'),
                    required: true,
                    maxLength: 20,
                    inputMode: 'numeric',
                  },
                  { name: 'legalForm', label: t('part.call.f.legalForm'), required: true, choices: legalForms, empty: t('part.call.f.choose') },
                ],
                { name: 'runtsNumber', label: t('part.call.f.runtsNumber'), hint: t('part.call.f.runtsHint'), maxLength: 30 },
              ]}
            />
            <CheckGroup
              intent="apply"
              name="tableIds"
              legend={t('part.call.f.tablesChoice')}
              error={errors.tableIds}
              checked={checked('tableIds')}
              options={tables.map((table) => ({ value: table.id, label: table.name, data: true }))}
            />
            <CheckGroup
              intent="apply"
              name="policyAreas"
              legend={t('part.call.f.policyAreas')}
              error={errors.policyAreas}
              checked={checked('policyAreas')}
              options={Object.entries(LOMBARDY_POLICY_AREAS).map(([code, name]) => ({ value: code, label: `${code}. ${name}`, data: true }))}
            />
            <h3 className="h5">{t('part.call.public.contact')}</h3>
            <FieldGroup
              intent="apply"
              errors={errors}
              values={values}
              fields={[
                { name: 'contactName', label: t('part.call.f.contactName'), required: true, maxLength: 200, autoComplete: 'name' },
                [
                  {
                    name: 'contactEmail',
                    label: t('part.call.f.contactEmail'),
                    hint: t('part.call.f.contactEmailHint'),
                    type: 'email',
                    required: true,
                    autoComplete: 'email',
                  },
                  { name: 'contactPhone', label: t('part.call.f.contactPhone'), maxLength: 20, autoComplete: 'tel' },
                ],
              ]}
            />
            <IntentField
              intent="apply"
              name="password"
              label={`${t('part.call.f.password')} (${t('form.required')})`}
              hint={t('part.call.f.passwordHint', { min: PASSWORD_MIN_LENGTH })}
              error={errors.password}
            >
              {(p) => <input {...p} type="password" autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} required />}
            </IntentField>
            <div className="form-check mb-4">
              <input
                className={`form-check-input${errors.privacyAccepted ? ' is-invalid' : ''}`}
                type="checkbox"
                name="privacyAccepted"
                id="field-apply.privacyAccepted"
                aria-describedby={errors.privacyAccepted ? 'field-apply.privacyAccepted-error' : undefined}
                aria-invalid={errors.privacyAccepted ? true : undefined}
                required
              />
              <label className="form-check-label" htmlFor="field-apply.privacyAccepted">
                {t('part.call.f.privacy')}
              </label>
              {errors.privacyAccepted && (
                <div id="field-apply.privacyAccepted-error" className="invalid-feedback d-block">
                  {errors.privacyAccepted}
                </div>
              )}
            </div>
          </IntentForm>
        </Section>
      )}
    </>
  );
}
