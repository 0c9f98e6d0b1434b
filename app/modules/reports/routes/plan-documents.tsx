import type { Route } from './+types/plan-documents';
import { done, runIntent } from '../../../shared/http/forms.server.ts';
import { getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import { DataTable, EmptyState, FieldGroup, IntentForm, Notice, PageHeader, Section, StatusBadge, useFormResult, useI18n } from '../../../shared/ui/kit.ts';
import { requestPlanDocument } from '../documents.commands.ts';
import { abilitiesFor, authorize } from '../reports.policy.ts';
import { documentHref, listPlanDocuments } from '../documents.queries.ts';
import { kickDocumentWorker } from '../documents.worker.server.ts';
import { planOfUrl } from '../reports.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const header = await planOfUrl(db, params.code, params.planId);
  await guard(request, async () => authorize(actor, 'document.read', header.scope, { hide: true }));
  const rows = await listPlanDocuments(db, params.planId);
  return {
    code: params.code,
    plan: { id: header.plan.id, title: header.plan.title, adopted: !['draft', 'consultation'].includes(header.plan.status) },
    can: abilitiesFor(actor, header.scope),
    documents: rows.map((r) => ({
      id: r.id,
      format: r.format,
      locale: r.locale,
      source: r.source,
      adoption: r.adoption,
      status: r.status,
      progress: r.progress,
      step: r.step,
      planVersionLabel: r.planVersionLabel,
      planSha256: r.planSha256,
      fileSha256: r.fileSha256,
      bytes: r.bytes,
      pages: r.pages,
      error: r.error,
      requestedBy: r.requestedBy,
      createdAt: r.createdAt.toISOString(),
      href: documentHref(params.code, params.planId, r.id),
    })),
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  await planOfUrl(db, params.code, params.planId);
  const form = Object.fromEntries(await request.formData());
  return runIntent(
    request,
    'generate',
    async () => {
      await requestPlanDocument({ db, actor, planId: params.planId, input: form });
      kickDocumentWorker(db);
      return done('generate', tr('rep.documents.queued'));
    },
    form,
  );
}

export default function PlanDocuments({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const { plan, documents, can, code } = loaderData;
  const { errors, values } = useFormResult(actionData, 'generate');
  const base = `/ambiti/${code}/piani/${plan.id}`;
  const working = documents.some((d) => d.status === 'queued' || d.status === 'running');
  return (
    <>
      {working && <meta httpEquiv="refresh" content="3" />}
      <PageHeader
        title={t('rep.documents.title')}
        context={plan.title}
        lead={t('rep.documents.lead')}
        breadcrumb={[
          { label: t('plan.plans.title'), to: `/ambiti/${code}/piani` },
          { label: plan.title, data: true, to: base },
        ]}
      />
      {can['document.generate'] && (
        <Section id="genera" title={t('rep.documents.generate')}>
          <IntentForm intent="generate" actionData={actionData} submitLabel={t('rep.documents.submit')}>
            <FieldGroup
              intent="generate"
              errors={errors}
              fields={[
                [
                  {
                    name: 'format',
                    label: t('rep.documents.format'),
                    defaultValue: values?.format ?? 'pdf',
                    choices: [
                      { value: 'pdf', label: t('rep.documents.format.pdf') },
                      { value: 'docx', label: t('rep.documents.format.docx') },
                    ],
                  },
                  {
                    name: 'source',
                    label: t('rep.documents.source'),
                    defaultValue: values?.source ?? (plan.adopted ? 'baseline' : 'current'),
                    choices: [
                      { value: 'current', label: t('rep.documents.source.current') },
                      ...(plan.adopted ? [{ value: 'baseline', label: t('rep.documents.source.baseline') }] : []),
                    ],
                  },
                  {
                    name: 'locale',
                    label: t('rep.documents.language'),
                    defaultValue: values?.locale ?? 'it',
                    choices: [
                      { value: 'it', label: 'Italiano', data: true },
                      { value: 'en', label: 'English', data: true },
                    ],
                  },
                ],
              ]}
            />
          </IntentForm>
        </Section>
      )}
      <Section id="documenti" title={t('rep.documents.list')}>
        {working && <Notice>{t('rep.documents.refresh')}</Notice>}
        {documents.length === 0 ? (
          <EmptyState title={t('rep.documents.empty')} />
        ) : (
          <DataTable
            id="documenti"
            caption={t('rep.documents.list')}
            rows={documents}
            rowKey={(d) => d.id}
            columns={[
              { key: 'creato', header: t('rep.documents.col.created'), value: (d) => d.createdAt, render: (d) => f.dateTime(d.createdAt), rowHeader: true },
              {
                key: 'formato',
                header: t('rep.documents.col.format'),
                value: (d) => d.format,
                render: (d) => (
                  <>
                    <span translate="no">{d.format.toUpperCase()}</span>{' '}
                    <span className="text-secondary" translate="no">
                      ({d.locale})
                    </span>
                    {d.adoption && (
                      <>
                        {' '}
                        <StatusBadge tone="primary">{t('rep.documents.adoption')}</StatusBadge>
                      </>
                    )}
                  </>
                ),
                data: false,
              },
              {
                key: 'versione',
                header: t('rep.documents.col.version'),
                value: (d) => d.planVersionLabel ?? '',
                render: (d) =>
                  d.planVersionLabel ? (
                    <>
                      <span translate="no">{d.planVersionLabel}</span>
                      {d.planSha256 && (
                        <>
                          <br />
                          <small className="text-secondary text-break">
                            {t('rep.documents.col.hash')}: <code translate="no">{d.planSha256}</code>
                          </small>
                        </>
                      )}
                    </>
                  ) : (
                    t(d.source === 'baseline' ? 'rep.documents.source.baseline' : 'rep.documents.source.current')
                  ),
                data: false,
              },
              {
                key: 'stato',
                header: t('rep.documents.col.status'),
                value: (d) => d.status,
                render: (d) =>
                  d.status === 'running' || d.status === 'queued' ? (
                    <>
                      <span>{d.status === 'running' ? t('rep.documents.status.running', { progress: d.progress }) : t('rep.documents.status.queued')}</span>
                      <progress className="d-block w-100" max={100} value={d.progress} aria-label={t('rep.documents.progress')}>
                        {d.progress}%
                      </progress>
                      <small className="text-secondary">
                        {t(`rep.documents.step.${d.step === 'model' || d.step === 'render' || d.step === 'store' ? d.step : 'queued'}`)}
                      </small>
                    </>
                  ) : d.status === 'failed' ? (
                    <span className="text-danger">{t('rep.documents.failed', { error: d.error ?? '' })}</span>
                  ) : (
                    <StatusBadge tone="success">{t('rep.documents.status.done')}</StatusBadge>
                  ),
                data: false,
              },
              {
                key: 'file',
                header: t('rep.documents.col.file'),
                value: (d) => d.bytes ?? 0,
                render: (d) =>
                  d.status === 'done' && d.bytes ? (
                    <>
                      <a href={d.href} download>
                        {t('rep.documents.download', { format: d.format.toUpperCase(), size: f.fileSize(d.bytes) })}
                      </a>
                      {d.pages !== null && (
                        <small className="d-block text-secondary">
                          {t('rep.documents.pages')}: {f.count(d.pages)}
                        </small>
                      )}
                      {d.fileSha256 && (
                        <small className="d-block text-secondary text-break">
                          {t('rep.documents.fileSha')}: <code translate="no">{d.fileSha256}</code>
                        </small>
                      )}
                    </>
                  ) : (
                    '—'
                  ),
                data: false,
              },
            ]}
          />
        )}
      </Section>
    </>
  );
}
