import { data, redirect } from 'react-router';
import type { Route } from './+types/call';
import { guard } from '../../../shared/http/request.server.ts';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DataTable,
  DoneNotice,
  Facts,
  FieldGroup,
  IntentForm,
  KpiGrid,
  Notice,
  PageHeader,
  Section,
  StatusBadge,
  useFormResult,
  useI18n,
} from '../../../shared/ui/kit.ts';
import { admitApplication, closeCall, rejectApplication } from '../participation.call.commands.ts';
import { getCall, listApplications, tablesByIds } from '../participation.call.queries.ts';
import { callState, countByStatus, daysLeft, membershipEnd, romeDay, type ApplicationStatus } from '../participation.call.rules.ts';
import { authorize } from '../participation.policy.ts';
import { stateBadge } from './calls.tsx';
import { readParticipation } from './participation.server.ts';

/** One call for the Ufficio di Piano: its text, its applications (with the contacts' data) and the decision on each. */
async function readCall(context: Route.LoaderArgs['context'], request: Request, code: string, callId: string) {
  const read = await readParticipation(context, request, code);
  await guard(request, async () => authorize(read.actor, 'application.decide', read.ambito));
  const call = await getCall(read.db, read.ambito.id, callId);
  if (!call) throw data(tr('part.call.notFound'), { status: 404 });
  return { ...read, call };
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db, ambito, call } = await readCall(context, request, params.code, params.callId);
  const today = romeDay(new Date());
  const [apps, tables] = await Promise.all([listApplications(db, call.id), tablesByIds(db, ambito.id, call.tableIds)]);
  const tableName = new Map(tables.map((t) => [t.id, t.name]));
  return {
    ambito,
    call: {
      id: call.id,
      version: call.version,
      title: call.title,
      description: call.description,
      opensOn: call.opensOn,
      closesOn: call.closesOn,
      closedAt: call.closedAt?.toISOString() ?? null,
      periodStartYear: call.periodStartYear,
      periodEndYear: call.periodEndYear,
      retention: call.retention,
      state: callState(call, today),
      daysLeft: daysLeft(call, today),
      membershipEnd: membershipEnd(call.periodEndYear),
    },
    tables: tables.map((t) => t.name),
    counts: countByStatus(apps),
    applications: apps.map((a) => ({
      id: a.id,
      version: a.version,
      organisationName: a.organisationName,
      fiscalCode: a.fiscalCode,
      legalForm: a.legalForm,
      runtsNumber: a.runtsNumber,
      tables: a.tableIds.map((id) => tableName.get(id) ?? '—').join('; '),
      policyAreas: a.policyAreas.join(', '),
      contactName: a.contactName,
      contactEmail: a.contactEmail,
      contactPhone: a.contactPhone,
      submittedAt: a.submittedAt.toISOString(),
      status: a.status as ApplicationStatus,
      reason: a.reason,
    })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const { db, actor, ambito, call } = await readCall(context, request, params.code, params.callId);
  const here = `/ambiti/${ambito.code}/partecipazione/avvisi/${call.id}`;
  const ctx = { db, actor, ambitoId: ambito.id };
  // One admit and one reject form per application: each has its own intent, so that its fields have their own ids.
  const handlers: Parameters<typeof intentAction>[1] = {
    'close-call': async (form) => {
      await closeCall({ ...ctx, callId: call.id, input: form });
      return redirect(`${here}?esito=chiuso`);
    },
  };
  for (const a of await listApplications(db, call.id)) {
    handlers[`admit-${a.id}`] = async (form) => {
      await admitApplication({ ...ctx, applicationId: a.id, input: form });
      return redirect(`${here}?esito=ammessa#domande`);
    };
    handlers[`reject-${a.id}`] = async (form) => {
      await rejectApplication({ ...ctx, applicationId: a.id, input: form });
      return redirect(`${here}?esito=respinta#domande`);
    };
  }
  return intentAction(request, handlers, { echo: true });
}

const statusTone = (s: ApplicationStatus) => (s === 'ammessa' ? 'success' : s === 'respinta' ? 'danger' : s === 'in_esame' ? 'primary' : 'secondary');

export default function CallPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { ambito, call, tables, counts, applications } = loaderData;
  const base = `/ambiti/${ambito.code}`;
  const here = `${base}/partecipazione/avvisi/${call.id}`;
  const pending = applications.filter((a) => a.status === 'in_esame');
  type Row = (typeof applications)[number];
  const share = (n: number) => t('part.call.kpi.share', { part: f.number(n), total: f.number(counts.total) });
  return (
    <>
      <PageHeader
        title={call.title}
        titleIsData
        context={ambito.name}
        lead={t('part.call.page.lead')}
        breadcrumb={[
          { label: ambito.name, data: true, to: base },
          { label: t('part.nav'), to: `${base}/partecipazione` },
          { label: t('part.call.list.title'), to: `${base}/partecipazione/avvisi` },
        ]}
      />
      <DoneNotice
        messages={{
          pubblicato: 'part.call.done.created',
          chiuso: 'part.call.done.closed',
          ammessa: 'part.call.done.admitted',
          respinta: 'part.call.done.rejected',
        }}
      />
      <Facts
        items={[
          { term: t('part.call.facts.state'), value: stateBadge(t, call.state) },
          { term: t('part.call.facts.period'), value: `${call.periodStartYear}-${call.periodEndYear}` },
          { term: t('part.call.facts.opens'), value: f.date(call.opensOn) },
          { term: t('part.call.facts.closes'), value: f.date(call.closesOn) },
          ...(call.closedAt ? [{ term: t('part.call.facts.closedAt'), value: f.date(call.closedAt) }] : []),
          ...(call.state === 'aperto' ? [{ term: t('part.call.facts.daysLeft'), value: f.number(call.daysLeft) }] : []),
          { term: t('part.call.facts.tables'), value: <span translate="no">{tables.join('; ')}</span> },
          { term: t('part.call.facts.retention'), value: <span translate="no">{call.retention}</span> },
        ]}
      />
      <p>
        <a href={`${base}/avviso/${call.id}`}>{t('part.call.publicLink')}</a>
      </p>
      <KpiGrid
        items={[
          { label: t('part.call.kpi.total'), value: f.number(counts.total) },
          { label: t('part.call.kpi.pending'), value: f.number(counts.in_esame), hint: share(counts.in_esame) },
          { label: t('part.call.kpi.admitted'), value: f.number(counts.ammessa), hint: share(counts.ammessa) },
          { label: t('part.call.kpi.rejected'), value: f.number(counts.respinta), hint: share(counts.respinta) },
        ]}
      />

      <Section id="domande" title={t('part.call.apps.title')} lead={t('part.call.apps.personal', { retention: call.retention })}>
        <DataTable<Row>
          id="domande-elenco"
          caption={t('part.call.apps.caption', { count: f.number(applications.length) })}
          rows={applications}
          rowKey={(a) => a.id}
          csv="domande"
          empty={t('part.call.apps.empty')}
          columns={[
            { key: 'organizzazione', header: t('part.call.col.organisation'), value: (a) => a.organisationName, rowHeader: true },
            { key: 'cf', header: t('part.call.col.fiscalCode'), value: (a) => a.fiscalCode },
            {
              key: 'forma',
              header: t('part.call.col.legalForm'),
              value: (a) => a.legalForm,
              render: (a) => t(`part.call.form.${a.legalForm}` as never),
              data: false,
            },
            { key: 'runts', header: t('part.call.col.runts'), value: (a) => a.runtsNumber },
            { key: 'tavoli', header: t('part.call.col.tables'), value: (a) => a.tables },
            { key: 'aree', header: t('part.call.col.policyAreas'), value: (a) => a.policyAreas },
            { key: 'referente', header: t('part.call.col.contact'), value: (a) => a.contactName },
            { key: 'email', header: t('part.call.col.email'), value: (a) => a.contactEmail, className: 'text-break' },
            { key: 'telefono', header: t('part.call.col.phone'), value: (a) => a.contactPhone },
            { key: 'presentata', header: t('part.call.col.submitted'), value: (a) => a.submittedAt, render: (a) => f.date(a.submittedAt), data: false },
            {
              key: 'esito',
              header: t('part.call.col.status'),
              value: (a) => a.status,
              render: (a) => <StatusBadge tone={statusTone(a.status)}>{t(`part.call.status.${a.status}`)}</StatusBadge>,
              data: false,
            },
            { key: 'motivazione', header: t('part.call.col.reason'), value: (a) => a.reason },
          ]}
        />
        {pending.map((a) => (
          <Decision key={a.id} application={a} actionData={actionData} reloadHref={here} end={f.date(call.membershipEnd)} />
        ))}
      </Section>

      {call.state !== 'chiuso' && (
        <Section id="chiusura" title={t('part.call.close.title')}>
          <Notice>{t('part.call.close.lead')}</Notice>
          <IntentForm
            intent="close-call"
            actionData={actionData}
            submitLabel={t('part.call.close.submit')}
            reloadHref={here}
            submitClassName="btn btn-outline-danger"
          >
            <input type="hidden" name="version" value={call.version} />
          </IntentForm>
        </Section>
      )}
    </>
  );
}

function Decision({
  application: a,
  actionData,
  reloadHref,
  end,
}: {
  application: { id: string; version: number; organisationName: string };
  actionData: unknown;
  reloadHref: string;
  end: string;
}) {
  const { t } = useI18n();
  const reject = `reject-${a.id}`;
  const { errors, values } = useFormResult(actionData, reject);
  return (
    <section className="border rounded p-3 mb-3" aria-labelledby={`decidi-${a.id}`}>
      <h3 className="h5" id={`decidi-${a.id}`}>
        {t('part.call.decide.title')} <span translate="no">{a.organisationName}</span>
      </h3>
      <p className="small">{t('part.call.decide.admitLead', { end })}</p>
      <div className="row g-3">
        <div className="col-12 col-md-4">
          <IntentForm
            intent={`admit-${a.id}`}
            actionData={actionData}
            submitLabel={t('part.call.decide.admit')}
            label={t('part.call.decide.admitLabel', { name: a.organisationName })}
            reloadHref={reloadHref}
          >
            <input type="hidden" name="version" value={a.version} />
          </IntentForm>
        </div>
        <div className="col-12 col-md-8">
          <IntentForm
            intent={reject}
            actionData={actionData}
            submitLabel={t('part.call.decide.reject')}
            label={t('part.call.decide.rejectLabel', { name: a.organisationName })}
            reloadHref={reloadHref}
            submitClassName="btn btn-outline-danger"
            noValidate
          >
            <input type="hidden" name="version" value={a.version} />
            <FieldGroup
              intent={reject}
              errors={errors}
              values={values}
              fields={[{ name: 'reason', label: t('part.call.decide.reason'), rows: 2, required: true }]}
            />
          </IntentForm>
        </div>
      </div>
    </section>
  );
}
