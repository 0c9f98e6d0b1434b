import { Fragment } from 'react';
import { data, Link, redirect } from 'react-router';
import type { Route } from './+types/import';
import { intentAction } from '../../../shared/http/forms.server.ts';
import { getActor, getServices, guard, requireUser } from '../../../shared/http/request.server.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ts';
import { tr } from '../../../shared/i18n/tr.server.ts';
import {
  DataTable,
  EmptyState,
  JOB_STATUS_LABELS,
  JobProgress,
  jobProgressOf,
  PageHeader,
  Section,
  UploadForm,
  useI18n,
  columnsOf,
} from '../../../shared/ui/kit.ts';
import {
  cancelSpendingImport,
  getSpendingImportJob,
  importDoneMessage,
  jobFiles,
  jobSummary,
  listSpendingImportJobs,
  loadedSpendingByYear,
  queueSpendingImport,
  type UploadedFile,
} from '../finance.jobs.ts';
import { abilitiesFor, authorize } from '../finance.policy.ts';
import { requireAmbito } from '../finance.server.ts';

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'spending.import', ambito));
  // ?lavoro=<id>: an import of this Ambito the actor may see (queued by this page), with its progress or its end.
  const jobId = new URL(request.url).searchParams.get('lavoro');
  let job = null;
  if (jobId !== null) {
    const found = await getSpendingImportJob(db, actor, ambito, jobId);
    if (!found) throw data(tr('finance.job.notFound'), { status: 404 });
    const summary = found.status === 'done' ? jobSummary(found) : null;
    job = {
      ...jobProgressOf(found),
      files: jobFiles(found),
      message: summary ? importDoneMessage(summary) : null,
      latestYear: summary && summary.years.length > 0 ? Math.max(...summary.years) : null,
    };
  }
  const recent = (await listSpendingImportJobs(db, actor, ambito)).map((j) => ({
    id: j.id,
    status: j.status,
    createdAt: j.createdAt.toISOString(),
    requestedBy: j.requestedBy,
    files: jobFiles(j).join(', '),
    spendingRows: jobSummary(j)?.spendingRows ?? null,
  }));
  return {
    ambito: { code: ambito.code, name: ambito.name },
    loaded: await loadedSpendingByYear(db, ambito.id),
    can: abilitiesFor(actor, ambito),
    job,
    recent,
  };
}

function fileOf(form: FormData, name: string): File | null {
  const f = form.get(name);
  return f instanceof File && f.size > 0 ? f : null;
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request);
  const { db } = getServices(context);
  const ambito = await requireAmbito(db, params.code);
  const here = `/ambiti/${ambito.code}/risorse/importa`;
  return intentAction(request, {
    // The upload is checked at once (files, types, limits), then imported in the background: the page follows the job.
    import: async (_form, raw) => {
      authorize(actor, 'spending.import', ambito);
      const files: UploadedFile[] = [];
      for (const field of ['spesa', 'utenti'] as const) {
        const file = fileOf(raw, field);
        if (file) files.push({ field, fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      }
      const id = await queueSpendingImport({ db, actor, ambito, files });
      return redirect(`${here}?lavoro=${id}`, 303);
    },
    'cancel-job': async (form) => {
      const jobId = typeof form.job === 'string' ? form.job : '';
      await cancelSpendingImport({ db, actor, ambito, jobId });
      return redirect(`${here}?lavoro=${jobId}`, 303);
    },
  });
}

/** The templates to fill in, as the page offers them for download. */
const TEMPLATES = [
  ['modello-spesa.xlsx', 'finance.import.template.xlsx'],
  ['modello-spesa.csv', 'finance.import.template.spending'],
  ['modello-utenti.csv', 'finance.import.template.users'],
] as const;

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The steps of an import job (IMPORT_STEPS of finance.commands.ts: its keys are the job's `step`). */
const STEPS: readonly MessageKey[] = ['finance.job.step.read', 'finance.job.step.write'];

export default function SpendingImport({ loaderData, actionData }: Route.ComponentProps) {
  const { t, f } = useI18n();
  const p = loaderData;
  const base = `/ambiti/${p.ambito.code}/risorse`;
  const col = columnsOf(p.loaded);
  const recentCol = columnsOf(p.recent);
  const statusOf = (status: string) => (JOB_STATUS_LABELS[status] ? t(JOB_STATUS_LABELS[status]!) : status);
  return (
    <>
      <PageHeader
        title={t('finance.import.title')}
        context={p.ambito.name}
        lead={<span translate="no">{p.ambito.name}</span>}
        breadcrumb={[{ label: t('finance.home'), to: base }]}
      />
      {p.job && (
        <JobProgress
          job={p.job}
          title={t('finance.job.title', { files: p.job.files.join(t('finance.and')) })}
          stepLabel={(step) => (STEPS.includes(step as MessageKey) ? t(step as MessageKey) : step)}
          noun={t('finance.job.rows')}
          cancelIntent="cancel-job"
          actionData={actionData}
        >
          <div className="alert alert-success mb-0" role="status" id="esito-import">
            <p className={p.job.latestYear ? 'mb-1' : 'mb-0'}>{p.job.message}</p>
            {p.job.latestYear && <Link to={`${base}?anno=${p.job.latestYear}`}>{t('finance.import.seeCharts')}</Link>}
          </div>
        </JobProgress>
      )}
      <p>
        {t('finance.import.intro')}
        {p.can['spending.write'] ? '' : ` ${t('finance.import.referentOnly')}`}
      </p>
      <p>
        {t('finance.import.templates')}:{' '}
        {TEMPLATES.map(([file, label], i) => (
          <Fragment key={file}>
            {i > 0 && ', '}
            <a href={`${base}/modelli/${file}`} download>
              {t(label)}
            </a>
          </Fragment>
        ))}
        .
      </p>

      <UploadForm
        intent="import"
        actionData={actionData}
        submitLabel={t('finance.import.submit')}
        formLabel={t('finance.import.title')}
        files={[
          { name: 'spesa', label: t('finance.import.spendingFile'), hint: t('finance.import.spendingFile.hint'), accept: ACCEPT },
          { name: 'utenti', label: t('finance.import.usersFile'), hint: t('finance.import.usersFile.hint'), accept: '.csv,text/csv', required: false },
        ]}
      />

      <Section id="importazioni" title={t('finance.jobs.title')}>
        <DataTable
          id="tabella-importazioni"
          caption={t('finance.jobs.caption')}
          small
          rows={p.recent}
          rowKey={(j) => j.id}
          empty={<EmptyState title={t('finance.jobs.none')} />}
          columns={[
            {
              key: 'avviata',
              header: t('finance.jobs.col.created'),
              value: (j) => j.createdAt,
              render: (j) => <Link to={`?lavoro=${j.id}`}>{f.dateTime(j.createdAt)}</Link>,
              rowHeader: true,
              data: false,
            },
            { key: 'da', header: t('finance.jobs.col.by'), value: (j) => j.requestedBy },
            { key: 'file', header: t('finance.jobs.col.files'), value: (j) => j.files },
            { key: 'stato', header: t('finance.jobs.col.status'), value: (j) => statusOf(j.status), data: false },
            recentCol.figure('righe', t('finance.jobs.col.rows'), (j) => j.spendingRows, f.count),
          ]}
        />
      </Section>

      <Section id="dati-presenti" title={t('finance.import.present.title')}>
        <DataTable
          id="tabella-dati-presenti"
          caption={t('finance.import.present.caption')}
          small
          rows={p.loaded}
          rowKey={(g) => `${g.year}-${g.ente}`}
          empty={<EmptyState title={t('finance.import.present.none')} />}
          columns={[
            { key: 'anno', header: t('finance.year'), value: (g) => g.year, rowHeader: true, data: false },
            {
              key: 'ente',
              header: t('finance.ente'),
              value: (g) => g.ente ?? '',
              render: (g) => (g.ente === null ? t('finance.ente.ambitoShort') : <span translate="no">{g.ente}</span>),
              data: false,
            },
            col.figure('righe', t('finance.import.rows'), (g) => g.rows, f.count),
            col.money('totale', t('finance.total'), (g) => g.totalCents, f.money),
          ]}
        />
      </Section>
    </>
  );
}
