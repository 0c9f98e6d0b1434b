import { Link, redirect } from 'react-router';
import type { Route } from './+types/requests';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { requireUser } from '../../../shared/http/request.server.ts';
import {
  DataTable,
  DoneNotice,
  EmptyState,
  IntentField,
  IntentForm,
  PageHeader,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import { listAmbitoComuni, today } from '../../territory/index.server.ts';
import { openRequest as openRequestCommand } from '../collection.commands.ts';
import { abilitiesFor } from '../collection.policy.ts';
import { listRequests } from '../collection.queries.ts';
import { COLLECTION_ITEMS } from '../collection.rules.ts';
import { openAmbito, remindIntent } from '../collection.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, actor, ambito } = await openAmbito(context, request, params.code);
  const day = today();
  const year = Number(day.slice(0, 4)) - 1;
  const [requests, comuni] = await Promise.all([listRequests(db, ambito.id, day), listAmbitoComuni(db, ambito.id, `${year}-12-31`)]);
  return {
    ambito: { code: ambito.code, name: ambito.name },
    today: day,
    defaults: { year, deadline: `${year + 1}-02-28` > day ? `${year + 1}-02-28` : day },
    comuni: comuni.map((c) => ({ id: c.id, name: c.name })),
    requests: requests.map(({ request: r, progress }) => ({
      id: r.id,
      title: r.title,
      year: r.year,
      deadline: r.deadline,
      status: r.status as 'aperta' | 'chiusa',
      validated: progress.validatedRecipients,
      recipients: progress.recipients,
      overdue: progress.overdue.length,
    })),
    can: abilitiesFor(actor, ambito),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db, ambito } = await openAmbito(context, request, params.code);
  return intentAction(
    request,
    {
      open: async (form, raw) => {
        const { request: opened } = await openRequestCommand({
          db,
          actor,
          ambitoId: ambito.id,
          today: today(),
          input: { ...form, items: raw.getAll('items').map(String), comuni: raw.getAll('comuni').map(String) },
        });
        return redirect(`/ambiti/${ambito.code}/raccolte/${opened.id}?esito=aperta`);
      },
      remind: () => remindIntent(context, request, actor, ambito.id),
    },
    { echo: true },
  );
}

export default function Requests({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, requests, comuni, defaults, can } = loaderData;
  const { errors, values: typed } = useFormResult(actionData, 'open');
  const values = typed ?? {};
  const progress = (n: number, of: number) => t(n === 1 ? 'coll.progress.one' : 'coll.progress', { n: f.count(n), of: f.count(of) });
  return (
    <>
      <PageHeader
        title={t('coll.list.title')}
        context={ambito.name}
        breadcrumb={[{ label: ambito.name, data: true, to: `/ambiti/${ambito.code}` }]}
        lead={t('coll.list.lead')}
      />
      <DoneNotice messages={{ chiusa: 'coll.request.close.done' }} />
      {requests.length === 0 ? (
        <EmptyState title={t('coll.list.empty')} />
      ) : (
        <DataTable
          id="raccolte"
          caption={t('coll.list.caption')}
          rows={requests}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'titolo',
              header: t('coll.col.title'),
              rowHeader: true,
              value: (r) => r.title,
              render: (r) => <Link to={`/ambiti/${ambito.code}/raccolte/${r.id}`}>{r.title}</Link>,
            },
            { key: 'anno', header: t('coll.col.year'), numeric: true, value: (r) => r.year, render: (r) => String(r.year) },
            { key: 'scadenza', header: t('coll.col.deadline'), value: (r) => r.deadline, render: (r) => f.date(r.deadline), data: false },
            {
              key: 'stato',
              header: t('coll.col.status'),
              data: false,
              value: (r) => r.status,
              render: (r) => <StatusBadge tone={r.status === 'aperta' ? 'primary' : 'secondary'}>{t(`coll.status.${r.status}`)}</StatusBadge>,
            },
            { key: 'validati', header: t('coll.col.progress'), data: false, value: (r) => r.validated, render: (r) => progress(r.validated, r.recipients) },
          ]}
        />
      )}

      {can['request.manage'] && (
        <>
          <Section id="promemoria" title={t('coll.request.remind')} lead={t('coll.request.remind.lead')}>
            <IntentForm intent="remind" actionData={actionData} submitLabel={t('coll.request.remind')} submitClassName="btn btn-outline-primary" />
          </Section>
          <Section id="nuova" title={t('coll.open.title')} lead={t('coll.open.lead')}>
            <IntentForm intent="open" actionData={actionData} submitLabel={t('coll.open.submit')} noValidate>
              <IntentField intent="open" name="title" label={t('coll.field.title')} hint={t('coll.field.title.hint')} error={errors.title}>
                {(p) => <input type="text" required maxLength={200} defaultValue={values.title} {...p} />}
              </IntentField>
              <div className="row g-3">
                <div className="col-sm-6 col-lg-3">
                  <IntentField intent="open" name="year" label={t('coll.field.year')} error={errors.year}>
                    {(p) => <input type="number" min={2000} max={2100} required defaultValue={values.year ?? defaults.year} {...p} />}
                  </IntentField>
                </div>
                <div className="col-sm-6 col-lg-3">
                  <IntentField intent="open" name="deadline" label={t('coll.field.deadline')} error={errors.deadline}>
                    {(p) => <input type="date" required defaultValue={values.deadline ?? defaults.deadline} {...p} />}
                  </IntentField>
                </div>
              </div>
              <fieldset className="mb-3" aria-describedby={errors.items ? 'open-items-error' : undefined}>
                <legend className="form-label fs-6 fw-semibold">{t('coll.field.items')}</legend>
                {COLLECTION_ITEMS.map((item) => (
                  <div className="form-check" key={item}>
                    <input
                      className="form-check-input"
                      type="checkbox"
                      name="items"
                      value={item}
                      id={`open-item-${item}`}
                      defaultChecked={item === 'spesa' || item === 'assistenti_sociali'}
                    />
                    <label className="form-check-label" htmlFor={`open-item-${item}`}>
                      {t(`coll.item.${item}`)}
                    </label>
                  </div>
                ))}
                {errors.items && (
                  <p className="text-danger small" id="open-items-error">
                    {errors.items}
                  </p>
                )}
              </fieldset>
              <fieldset className="mb-3" aria-describedby="open-comuni-hint">
                <legend className="form-label fs-6 fw-semibold">{t('coll.field.comuni')}</legend>
                <p className="small text-secondary" id="open-comuni-hint">
                  {t('coll.field.comuni.hint')}
                </p>
                <div className="row">
                  {comuni.map((c) => (
                    <div className="col-sm-6 col-lg-4 form-check" key={c.id}>
                      <input className="form-check-input" type="checkbox" name="comuni" value={c.id} id={`open-comune-${c.id}`} defaultChecked />
                      <label className="form-check-label" htmlFor={`open-comune-${c.id}`} translate="no">
                        {c.name}
                      </label>
                    </div>
                  ))}
                </div>
                {errors.comuni && <p className="text-danger small">{errors.comuni}</p>}
              </fieldset>
              <IntentField intent="open" name="message" label={t('coll.field.message')} error={errors.message}>
                {(p) => <textarea rows={3} defaultValue={values.message} {...p} />}
              </IntentField>
            </IntentForm>
          </Section>
        </>
      )}
    </>
  );
}
