import { data, type RouterContextProvider } from 'react-router';
import { getActor, getServices, guard } from '../../shared/http/request.server.ts';
import type { MessageKey } from '../../shared/i18n/messages.ts';
import { authorize } from './monitoring.policy.ts';
import type { Progress } from './progress.rules.ts';
import type { Db } from '../../shared/db/client.ts';
import { ValidationError } from '../../shared/errors.ts';
import { tr } from '../../shared/i18n/tr.server.ts';
import { readUploadedText } from '../../shared/imports/decode.ts';
import { getAmbitoByCode } from '../territory/index.server.ts';
import { getPlanHeader } from '../planning/index.server.ts';
import { isUuid } from '../../shared/validation.ts';

export { isUuid };

/** Loads the Ambito of the URL and checks that the plan of the URL belongs to it (404 otherwise). */
export async function requireMonitoringPlan(db: Db, code: string, planId: string) {
  const ambito = await getAmbitoByCode(db, code);
  if (!ambito) throw data(tr('mon.notFound.ambito'), { status: 404 });
  const header = isUuid(planId) ? await getPlanHeader(db, planId) : null;
  if (!header || header.plan.ambitoId !== ambito.id) throw data(tr('mon.notFound.plan'), { status: 404 });
  return { ambito, header };
}

/**
 * The start of a monitoring page's loader: the plan of the URL (404 when it is not of the URL's Ambito), which the
 * actor must be allowed to read (the page is hidden otherwise).
 */
export async function readablePlan({
  params,
  context,
  request,
}: {
  params: { code: string; planId: string };
  context: Readonly<RouterContextProvider>;
  request: Request;
}) {
  const { db } = getServices(context);
  const { ambito, header } = await requireMonitoringPlan(db, params.code, params.planId);
  const actor = getActor(context);
  await guard(request, async () => authorize(actor, 'monitoring.read', header.scope, { hide: true }));
  return { db, actor, ambito, header };
}

/** The plan as a monitoring page shows it: its id, title (data) and years. */
export function pagePlan(plan: { id: string; title: string; periodStartYear: number; periodEndYear: number }) {
  return { id: plan.id, title: plan.title, start: plan.periodStartYear, end: plan.periodEndYear };
}

/** A progress as a monitoring page shows it: the figure and the terms of its formula (components/value-text.ts writes it). */
export const pageProgress = (p: Pick<Progress, 'value' | 'terms' | 'missing'>) => ({ value: p.value, terms: p.terms, missing: p.missing });

/** A record of the URL's plan (an objective, an indicator) read by its id: 404 when there is none or it is another plan's. */
export async function recordOfPlan<T>(
  id: string,
  read: (id: string) => Promise<T | null>,
  planOf: (record: T) => string,
  planId: string,
  notFound: MessageKey,
) {
  const record = isUuid(id) ? await read(id) : null;
  if (!record || planOf(record) !== planId) throw data(tr(notFound), { status: 404 });
  return record;
}

/**
 * The text of an uploaded file (decoded by the shared decodeImportText: a Windows-1252 file is converted and `notice`
 * says so), or a validation error that says what is wrong with it.
 */
export async function uploadedText(
  form: FormData,
  field: string,
  what: string,
  maxBytes: number,
): Promise<{ name: string; text: string; notice: string | null }> {
  const file = form.get(field);
  if (!(file instanceof File) || file.size === 0)
    throw new ValidationError([{ path: field, message: tr('mon.upload.noFile', { what }) }], tr('mon.upload.noFile.summary'));
  if (file.size > maxBytes)
    throw new ValidationError(
      [{ path: field, message: tr('mon.upload.tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }) }],
      tr('mon.upload.tooLarge.summary'),
    );
  const { name, text, notice } = await readUploadedText(file);
  return { name, text, notice };
}
