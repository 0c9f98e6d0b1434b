import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/messages.ts';
import { IntentForm } from './forms.tsx';
import { useI18n } from './i18n.tsx';

/**
 * What a page needs of a background job (app/shared/jobs, ADR 0015) to show it: the loader passes `jobProgressOf(job)`
 * — never the job's payload, which may hold what the handler needs and the reader must not see.
 */
export interface JobProgressData {
  id: string;
  status: string;
  done: number;
  total: number | null;
  /** 0–100, null while the total is not known. */
  percent: number | null;
  /** The step under way: a dictionary key of the module that owns the job (the page says it with `stepLabel`). */
  step: string | null;
  cancelRequested: boolean;
  issues: readonly { path: string; message: string }[] | null;
  error: string | null;
}

/** The fields of a job (a JobView of jobs.server.ts) the progress view shows, and nothing else. */
export function jobProgressOf(job: JobProgressData): JobProgressData {
  return {
    id: job.id,
    status: job.status,
    done: job.done,
    total: job.total,
    percent: job.percent,
    step: job.step,
    cancelRequested: job.cancelRequested,
    issues: job.issues ? job.issues.map((i) => ({ path: i.path, message: i.message })) : null,
    error: job.error,
  };
}

/** The words of each status of a job (a list of jobs says them too). */
export const JOB_STATUS_LABELS: Readonly<Record<string, MessageKey>> = {
  queued: 'ui.job.status.queued',
  running: 'ui.job.status.running',
  done: 'ui.job.status.done',
  failed: 'ui.job.status.failed',
  cancelled: 'ui.job.status.cancelled',
};

/** True while the job has not ended (the page refreshes itself and offers to cancel). */
export const jobWorking = (status: string) => status === 'queued' || status === 'running';

/**
 * A background job as its page shows it, for any module's job: its status in words, a `<progress>` bar with «12.000
 * righe su 102.600» (the noun is the page's), the step under way; while queued or running a cancel button (a form:
 * works without JavaScript) and a `<meta http-equiv="refresh">` that reloads the page every `refreshSeconds` (no
 * JavaScript needed either); at the end the problems that stopped it (file, row, column) or, when done, `children`
 * (the result). The root element carries `data-job-status`, which tests and benchmarks wait on.
 */
export function JobProgress({
  job,
  stepLabel,
  noun,
  cancelIntent,
  actionData,
  refreshSeconds = 2,
  title,
  id = 'lavoro',
  children,
}: {
  job: JobProgressData;
  /** The words of a step (a key of the owning module's dictionary). */
  stepLabel: (step: string) => string;
  /** What is counted, in the plural («righe», «Ambiti»). */
  noun: string;
  /** The page's intent that cancels the job (its action reads the job's id from the field `job`); none: no button. */
  cancelIntent?: string;
  actionData?: unknown;
  refreshSeconds?: number;
  /** A heading for the job (h2), when the page shows it among other sections. */
  title?: string;
  id?: string;
  /** The result, shown once the job is done. */
  children?: ReactNode;
}) {
  const { t, f } = useI18n();
  const working = jobWorking(job.status);
  const issues = job.issues ?? [];
  const status = JOB_STATUS_LABELS[job.status] ? t(JOB_STATUS_LABELS[job.status]!) : job.status;
  const count =
    job.status === 'queued'
      ? t('ui.job.queued')
      : job.total === null
        ? t('ui.job.countOnly', { done: f.count(job.done), noun })
        : t('ui.job.count', { done: f.count(job.done), total: f.count(job.total), noun });
  return (
    <section className="job-progress border rounded p-3 mb-4" id={id} data-job-status={job.status} aria-labelledby={title ? `${id}-titolo` : undefined}>
      {working && <meta httpEquiv="refresh" content={String(refreshSeconds)} />}
      {title && (
        <h2 className="h4" id={`${id}-titolo`}>
          {title}
        </h2>
      )}
      <p className="mb-2" role="status" id={`${id}-stato`}>
        <strong>{t('ui.job.status', { status })}</strong>
        {working && job.step ? <> — {stepLabel(job.step)}</> : null}
      </p>
      {job.status !== 'failed' && job.status !== 'cancelled' && (
        <>
          <progress
            className="d-block w-100"
            max={100}
            value={job.status === 'done' ? 100 : (job.percent ?? undefined)}
            aria-label={t('ui.job.progress')}
            aria-describedby={`${id}-conteggio`}
          >
            {job.percent !== null ? t('ui.job.percent', { percent: job.percent }) : null}
          </progress>
          <p className="small mt-1 mb-2" id={`${id}-conteggio`}>
            {count}
          </p>
        </>
      )}
      {working && job.cancelRequested && <div className="alert alert-warning mb-2">{t('ui.job.cancelling')}</div>}
      {working && <p className="small text-secondary mb-2">{t('ui.job.refresh', { seconds: refreshSeconds })}</p>}
      {working && !job.cancelRequested && cancelIntent && (
        <IntentForm intent={cancelIntent} actionData={actionData} submitLabel={t('ui.job.cancel')} submitClassName="btn btn-outline-danger btn-sm">
          <input type="hidden" name="job" value={job.id} />
        </IntentForm>
      )}
      {job.status === 'failed' && (
        <div className="alert alert-danger mb-0" role="alert" id={`${id}-errori`}>
          <p className="mb-1">{issues.length > 0 ? job.error : job.error ? t('ui.job.failedBecause', { error: job.error }) : t('ui.job.failed')}</p>
          {issues.length > 0 && (
            <ul className="mb-0">
              {issues.map((issue, i) => (
                <li key={i}>
                  <strong>{issue.path}</strong>: {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {job.status === 'cancelled' && (
        <div className="alert alert-warning mb-0" role="status">
          {t('ui.job.cancelled')}
        </div>
      )}
      {job.status === 'done' && children}
    </section>
  );
}
